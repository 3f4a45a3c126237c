// Documents shaped like real Windows output (../shared/spec/CATALOGUE.md §6.2/§6.3, X:), written
// as text independently of our XML writer, for tests and benchmarks:
//  - a System Writer WMD (~2 MB, ~19,000 FILE_LIST entries, usage BOOTABLE_SYSTEM_STATE,
//    REPLACE_AT_REBOOT), pretty-printed or on one line;
//  - a SQL Server writer WMD (backupSchema="881", one FILE_GROUP per database under the host
//    name, componentFlags="2", notifyOnBackupComplete="yes", WMDX-10);
//  - a BCD of a SQL Server component backup (backupStamp and a BACKUP_METADATA child, BCDX-04).
// Deterministic: same arguments, same bytes. Not part of the simulator library.
#ifndef VSSSIM_SIM_METADATA_TESTING_SAMPLE_DOCUMENTS_H_
#define VSSSIM_SIM_METADATA_TESTING_SAMPLE_DOCUMENTS_H_

#include <string>

namespace vsssim::metadata::testing {

inline constexpr char kSystemWriterId[] = "e8132975-6f93-4464-a53e-1050253ae220";
inline constexpr char kSqlWriterId[] = "a65faa63-5ea8-4ebc-9dbd-a0c4db26912a";

std::string SystemWriterLikeWmd(int file_count = 19000, bool one_line = false);
std::string SqlServerLikeWmd(int databases = 4);
std::string SqlServerLikeBcd(int databases = 2);

}  // namespace vsssim::metadata::testing

#endif  // VSSSIM_SIM_METADATA_TESTING_SAMPLE_DOCUMENTS_H_
