// A VShadow-like backup application written only against Microsoft's documented VSS API
// (vss.h, vswriter.h, vsbackup.h): a full backup of volumes with every writer's components,
// then a restore of that backup from its saved Backup Components Document. It compiles
// unchanged against vsssim's headers (Linux) and against mingw-w64's (Windows).
//
// Both functions print what they do to `log` (NULL: silent) and return S_OK when the backup or
// restore went through, else the first failure.
#ifndef VSHADOW_LITE_H_
#define VSHADOW_LITE_H_

#include <cstdio>
#include <string>
#include <vector>

#include <vsbackup.h>
#include <vss.h>
#include <vswriter.h>

namespace vshadow_lite {

// Backs up `volumes` (L"C:\\", ...) with every selectable top-level component of every
// writer; on success `*bcd_xml` is the saved Backup Components Document.
HRESULT Backup(const std::vector<std::wstring>& volumes, std::wstring* bcd_xml, std::FILE* log);

// Restores every component of the backup whose document is `bcd_xml`.
HRESULT Restore(const std::wstring& bcd_xml, std::FILE* log);

}  // namespace vshadow_lite

#endif  // VSHADOW_LITE_H_
