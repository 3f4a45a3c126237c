// Every VSS enumeration of ../shared/spec/CATALOGUE.md §1.1-§1.9, with the exact values of
// the Windows SDK headers (vss.h, vswriter.h, vsbackup.h). Declared once, here; names and
// values are read through enum_table.h (NameOf, ToString, Parse).
//
// Thread safety: constexpr data only.
#ifndef VSSSIM_VSS_ENUMS_H_
#define VSSSIM_VSS_ENUMS_H_

#include <cstdint>

#include "vsssim/vss/enum_table.h"

namespace vsssim::vss {

// §1.1 VSS_WRITER_STATE (vss.h)
#define VSSSIM_WRITER_STATE_TABLE(X)       \
  X(VSS_WS_UNKNOWN, 0)                     \
  X(VSS_WS_STABLE, 1)                      \
  X(VSS_WS_WAITING_FOR_FREEZE, 2)          \
  X(VSS_WS_WAITING_FOR_THAW, 3)            \
  X(VSS_WS_WAITING_FOR_POST_SNAPSHOT, 4)   \
  X(VSS_WS_WAITING_FOR_BACKUP_COMPLETE, 5) \
  X(VSS_WS_FAILED_AT_IDENTIFY, 6)          \
  X(VSS_WS_FAILED_AT_PREPARE_BACKUP, 7)    \
  X(VSS_WS_FAILED_AT_PREPARE_SNAPSHOT, 8)  \
  X(VSS_WS_FAILED_AT_FREEZE, 9)            \
  X(VSS_WS_FAILED_AT_THAW, 10)             \
  X(VSS_WS_FAILED_AT_POST_SNAPSHOT, 11)    \
  X(VSS_WS_FAILED_AT_BACKUP_COMPLETE, 12)  \
  X(VSS_WS_FAILED_AT_PRE_RESTORE, 13)      \
  X(VSS_WS_FAILED_AT_POST_RESTORE, 14)     \
  X(VSS_WS_FAILED_AT_BACKUPSHUTDOWN, 15)   \
  X(VSS_WS_COUNT, 16)
VSSSIM_DECLARE_ENUM(WriterState, std::int32_t, "VSS_WRITER_STATE", "VSS_WS_", kValue,
                    VSSSIM_WRITER_STATE_TABLE);

// §1.2 VSS_BACKUP_TYPE (vss.h)
#define VSSSIM_BACKUP_TYPE_TABLE(X) \
  X(VSS_BT_UNDEFINED, 0)            \
  X(VSS_BT_FULL, 1)                 \
  X(VSS_BT_INCREMENTAL, 2)          \
  X(VSS_BT_DIFFERENTIAL, 3)         \
  X(VSS_BT_LOG, 4)                  \
  X(VSS_BT_COPY, 5)                 \
  X(VSS_BT_OTHER, 6)
VSSSIM_DECLARE_ENUM(BackupType, std::int32_t, "VSS_BACKUP_TYPE", "VSS_BT_", kValue,
                    VSSSIM_BACKUP_TYPE_TABLE);

// §1.3 VSS_BACKUP_SCHEMA bit mask (vss.h). 0x800 is unassigned.
#define VSSSIM_BACKUP_SCHEMA_TABLE(X)                \
  X(VSS_BS_UNDEFINED, 0x0)                           \
  X(VSS_BS_DIFFERENTIAL, 0x1)                        \
  X(VSS_BS_INCREMENTAL, 0x2)                         \
  X(VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL, 0x4)  \
  X(VSS_BS_LOG, 0x8)                                 \
  X(VSS_BS_COPY, 0x10)                               \
  X(VSS_BS_TIMESTAMPED, 0x20)                        \
  X(VSS_BS_LAST_MODIFY, 0x40)                        \
  X(VSS_BS_LSN, 0x80)                                \
  X(VSS_BS_WRITER_SUPPORTS_NEW_TARGET, 0x100)        \
  X(VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE, 0x200) \
  X(VSS_BS_INDEPENDENT_SYSTEM_STATE, 0x400)          \
  X(VSS_BS_ROLLFORWARD_RESTORE, 0x1000)              \
  X(VSS_BS_RESTORE_RENAME, 0x2000)                   \
  X(VSS_BS_AUTHORITATIVE_RESTORE, 0x4000)            \
  X(VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES, 0x8000)
VSSSIM_DECLARE_ENUM(BackupSchema, std::uint32_t, "VSS_BACKUP_SCHEMA", "VSS_BS_", kMask,
                    VSSSIM_BACKUP_SCHEMA_TABLE);

// §1.4 VSS_FILE_SPEC_BACKUP_TYPE bit mask (vss.h). The two ALL_ values are composites.
#define VSSSIM_FILE_SPEC_BACKUP_TYPE_TABLE(X)       \
  X(VSS_FSBT_FULL_BACKUP_REQUIRED, 0x1)             \
  X(VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED, 0x2)     \
  X(VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED, 0x4)      \
  X(VSS_FSBT_LOG_BACKUP_REQUIRED, 0x8)              \
  X(VSS_FSBT_FULL_SNAPSHOT_REQUIRED, 0x100)         \
  X(VSS_FSBT_DIFFERENTIAL_SNAPSHOT_REQUIRED, 0x200) \
  X(VSS_FSBT_INCREMENTAL_SNAPSHOT_REQUIRED, 0x400)  \
  X(VSS_FSBT_LOG_SNAPSHOT_REQUIRED, 0x800)          \
  X(VSS_FSBT_CREATED_DURING_BACKUP, 0x10000)        \
  X(VSS_FSBT_ALL_BACKUP_REQUIRED, 0xF)              \
  X(VSS_FSBT_ALL_SNAPSHOT_REQUIRED, 0xF00)
VSSSIM_DECLARE_ENUM(FileSpecBackupType, std::uint32_t, "VSS_FILE_SPEC_BACKUP_TYPE", "VSS_FSBT_",
                    kMask, VSSSIM_FILE_SPEC_BACKUP_TYPE_TABLE);
// The mask a file set gets when the writer passes none (§1.4): 0xF0F = 3855.
inline constexpr FileSpecBackupType kDefaultFileSpecBackupType = FileSpecBackupType{0xF0F};

// §1.5 VSS_VOLUME_SNAPSHOT_ATTRIBUTES bit mask (vss.h)
#define VSSSIM_VOLUME_SNAPSHOT_ATTRIBUTES_TABLE(X)    \
  X(VSS_VOLSNAP_ATTR_PERSISTENT, 0x1)                 \
  X(VSS_VOLSNAP_ATTR_NO_AUTORECOVERY, 0x2)            \
  X(VSS_VOLSNAP_ATTR_CLIENT_ACCESSIBLE, 0x4)          \
  X(VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE, 0x8)            \
  X(VSS_VOLSNAP_ATTR_NO_WRITERS, 0x10)                \
  X(VSS_VOLSNAP_ATTR_TRANSPORTABLE, 0x20)             \
  X(VSS_VOLSNAP_ATTR_NOT_SURFACED, 0x40)              \
  X(VSS_VOLSNAP_ATTR_NOT_TRANSACTED, 0x80)            \
  X(VSS_VOLSNAP_ATTR_HARDWARE_ASSISTED, 0x10000)      \
  X(VSS_VOLSNAP_ATTR_DIFFERENTIAL, 0x20000)           \
  X(VSS_VOLSNAP_ATTR_PLEX, 0x40000)                   \
  X(VSS_VOLSNAP_ATTR_IMPORTED, 0x80000)               \
  X(VSS_VOLSNAP_ATTR_EXPOSED_LOCALLY, 0x100000)       \
  X(VSS_VOLSNAP_ATTR_EXPOSED_REMOTELY, 0x200000)      \
  X(VSS_VOLSNAP_ATTR_AUTORECOVER, 0x400000)           \
  X(VSS_VOLSNAP_ATTR_ROLLBACK_RECOVERY, 0x800000)     \
  X(VSS_VOLSNAP_ATTR_DELAYED_POSTSNAPSHOT, 0x1000000) \
  X(VSS_VOLSNAP_ATTR_TXF_RECOVERY, 0x2000000)         \
  X(VSS_VOLSNAP_ATTR_FILE_SHARE, 0x4000000)
VSSSIM_DECLARE_ENUM(VolumeSnapshotAttributes, std::uint32_t, "VSS_VOLUME_SNAPSHOT_ATTRIBUTES",
                    "VSS_VOLSNAP_ATTR_", kMask, VSSSIM_VOLUME_SNAPSHOT_ATTRIBUTES_TABLE);

// §1.6 VSS_SNAPSHOT_CONTEXT (vss.h). Each value is a composition of the attributes above. A
// SetContext argument may OR attribute modifiers onto one of them (CTX-GEN-02); the coordinator
// splits such a value into a SnapshotContext and VolumeSnapshotAttributes.
#define VSSSIM_SNAPSHOT_CONTEXT_TABLE(X)    \
  X(VSS_CTX_BACKUP, 0x0)                    \
  X(VSS_CTX_FILE_SHARE_BACKUP, 0x10)        \
  X(VSS_CTX_NAS_ROLLBACK, 0x19)             \
  X(VSS_CTX_APP_ROLLBACK, 0x9)              \
  X(VSS_CTX_CLIENT_ACCESSIBLE, 0x1D)        \
  X(VSS_CTX_CLIENT_ACCESSIBLE_WRITERS, 0xD) \
  X(VSS_CTX_ALL, 0xFFFFFFFF)
VSSSIM_DECLARE_ENUM(SnapshotContext, std::uint32_t, "VSS_SNAPSHOT_CONTEXT", "VSS_CTX_", kValue,
                    VSSSIM_SNAPSHOT_CONTEXT_TABLE);

// §1.7 VSS_RESTOREMETHOD_ENUM (vswriter.h)
#define VSSSIM_RESTORE_METHOD_TABLE(X)              \
  X(VSS_RME_UNDEFINED, 0)                           \
  X(VSS_RME_RESTORE_IF_NOT_THERE, 1)                \
  X(VSS_RME_RESTORE_IF_CAN_REPLACE, 2)              \
  X(VSS_RME_STOP_RESTORE_START, 3)                  \
  X(VSS_RME_RESTORE_TO_ALTERNATE_LOCATION, 4)       \
  X(VSS_RME_RESTORE_AT_REBOOT, 5)                   \
  X(VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE, 6) \
  X(VSS_RME_CUSTOM, 7)                              \
  X(VSS_RME_RESTORE_STOP_START, 8)
VSSSIM_DECLARE_ENUM(RestoreMethod, std::int32_t, "VSS_RESTOREMETHOD_ENUM", "VSS_RME_", kValue,
                    VSSSIM_RESTORE_METHOD_TABLE);

// §1.8 VSS_RESTORE_TARGET (vswriter.h)
#define VSSSIM_RESTORE_TARGET_TABLE(X) \
  X(VSS_RT_UNDEFINED, 0)               \
  X(VSS_RT_ORIGINAL, 1)                \
  X(VSS_RT_ALTERNATE, 2)               \
  X(VSS_RT_DIRECTED, 3)                \
  X(VSS_RT_ORIGINAL_LOCATION, 4)
VSSSIM_DECLARE_ENUM(RestoreTarget, std::int32_t, "VSS_RESTORE_TARGET", "VSS_RT_", kValue,
                    VSSSIM_RESTORE_TARGET_TABLE);

// §1.9 the other enumerations.
#define VSSSIM_COMPONENT_TYPE_TABLE(X) \
  X(VSS_CT_UNDEFINED, 0)               \
  X(VSS_CT_DATABASE, 1)                \
  X(VSS_CT_FILEGROUP, 2)
VSSSIM_DECLARE_ENUM(ComponentType, std::int32_t, "VSS_COMPONENT_TYPE", "VSS_CT_", kValue,
                    VSSSIM_COMPONENT_TYPE_TABLE);

#define VSSSIM_USAGE_TYPE_TABLE(X) \
  X(VSS_UT_UNDEFINED, 0)           \
  X(VSS_UT_BOOTABLESYSTEMSTATE, 1) \
  X(VSS_UT_SYSTEMSERVICE, 2)       \
  X(VSS_UT_USERDATA, 3)            \
  X(VSS_UT_OTHER, 4)
VSSSIM_DECLARE_ENUM(UsageType, std::int32_t, "VSS_USAGE_TYPE", "VSS_UT_", kValue,
                    VSSSIM_USAGE_TYPE_TABLE);

#define VSSSIM_SOURCE_TYPE_TABLE(X) \
  X(VSS_ST_UNDEFINED, 0)            \
  X(VSS_ST_TRANSACTEDDB, 1)         \
  X(VSS_ST_NONTRANSACTEDDB, 2)      \
  X(VSS_ST_OTHER, 3)
VSSSIM_DECLARE_ENUM(SourceType, std::int32_t, "VSS_SOURCE_TYPE", "VSS_ST_", kValue,
                    VSSSIM_SOURCE_TYPE_TABLE);

#define VSSSIM_WRITER_RESTORE_TABLE(X) \
  X(VSS_WRE_UNDEFINED, 0)              \
  X(VSS_WRE_NEVER, 1)                  \
  X(VSS_WRE_IF_REPLACE_FAILS, 2)       \
  X(VSS_WRE_ALWAYS, 3)
VSSSIM_DECLARE_ENUM(WriterRestore, std::int32_t, "VSS_WRITERRESTORE_ENUM", "VSS_WRE_", kValue,
                    VSSSIM_WRITER_RESTORE_TABLE);

#define VSSSIM_RESTORE_TYPE_TABLE(X) \
  X(VSS_RTYPE_UNDEFINED, 0)          \
  X(VSS_RTYPE_BY_COPY, 1)            \
  X(VSS_RTYPE_IMPORT, 2)             \
  X(VSS_RTYPE_OTHER, 3)
VSSSIM_DECLARE_ENUM(RestoreType, std::int32_t, "VSS_RESTORE_TYPE", "VSS_RTYPE_", kValue,
                    VSSSIM_RESTORE_TYPE_TABLE);

#define VSSSIM_FILE_RESTORE_STATUS_TABLE(X) \
  X(VSS_RS_UNDEFINED, 0)                    \
  X(VSS_RS_NONE, 1)                         \
  X(VSS_RS_ALL, 2)                          \
  X(VSS_RS_FAILED, 3)
VSSSIM_DECLARE_ENUM(FileRestoreStatus, std::int32_t, "VSS_FILE_RESTORE_STATUS", "VSS_RS_", kValue,
                    VSSSIM_FILE_RESTORE_STATUS_TABLE);

#define VSSSIM_COMPONENT_FLAGS_TABLE(X) \
  X(VSS_CF_BACKUP_RECOVERY, 0x1)        \
  X(VSS_CF_APP_ROLLBACK_RECOVERY, 0x2)  \
  X(VSS_CF_NOT_SYSTEM_STATE, 0x4)
VSSSIM_DECLARE_ENUM(ComponentFlags, std::uint32_t, "VSS_COMPONENT_FLAGS", "VSS_CF_", kMask,
                    VSSSIM_COMPONENT_FLAGS_TABLE);

#define VSSSIM_ROLLFORWARD_TYPE_TABLE(X) \
  X(VSS_RF_UNDEFINED, 0)                 \
  X(VSS_RF_NONE, 1)                      \
  X(VSS_RF_ALL, 2)                       \
  X(VSS_RF_PARTIAL, 3)
VSSSIM_DECLARE_ENUM(RollForwardType, std::int32_t, "VSS_ROLLFORWARD_TYPE", "VSS_RF_", kValue,
                    VSSSIM_ROLLFORWARD_TYPE_TABLE);

#define VSSSIM_APPLICATION_LEVEL_TABLE(X) \
  X(VSS_APP_AUTO, -1)                     \
  X(VSS_APP_UNKNOWN, 0)                   \
  X(VSS_APP_SYSTEM, 1)                    \
  X(VSS_APP_BACK_END, 2)                  \
  X(VSS_APP_FRONT_END, 3)                 \
  X(VSS_APP_SYSTEM_RM, 4)
VSSSIM_DECLARE_ENUM(ApplicationLevel, std::int32_t, "VSS_APPLICATION_LEVEL", "VSS_APP_", kValue,
                    VSSSIM_APPLICATION_LEVEL_TABLE);

#define VSSSIM_ALTERNATE_WRITER_STATE_TABLE(X) \
  X(VSS_AWS_UNDEFINED, 0)                      \
  X(VSS_AWS_NO_ALTERNATE_WRITER, 1)            \
  X(VSS_AWS_ALTERNATE_WRITER_EXISTS, 2)        \
  X(VSS_AWS_THIS_IS_ALTERNATE_WRITER, 3)
VSSSIM_DECLARE_ENUM(AlternateWriterState, std::int32_t, "VSS_ALTERNATE_WRITER_STATE", "VSS_AWS_",
                    kValue, VSSSIM_ALTERNATE_WRITER_STATE_TABLE);

#define VSSSIM_SUBSCRIBE_MASK_TABLE(X) \
  X(VSS_SM_POST_SNAPSHOT_FLAG, 0x1)    \
  X(VSS_SM_BACKUP_EVENTS_FLAG, 0x2)    \
  X(VSS_SM_RESTORE_EVENTS_FLAG, 0x4)   \
  X(VSS_SM_IO_THROTTLING_FLAG, 0x8)    \
  X(VSS_SM_ALL_FLAGS, 0xFFFFFFFF)
VSSSIM_DECLARE_ENUM(SubscribeMask, std::uint32_t, "VSS_SUBSCRIBE_MASK", "VSS_SM_", kMask,
                    VSSSIM_SUBSCRIBE_MASK_TABLE);
// The subscription a writer gets by default (§1.9): backup and restore events.
inline constexpr SubscribeMask kDefaultSubscribeMask = SubscribeMask{0x6};

#define VSSSIM_OBJECT_TYPE_TABLE(X) \
  X(VSS_OBJECT_UNKNOWN, 0)          \
  X(VSS_OBJECT_NONE, 1)             \
  X(VSS_OBJECT_SNAPSHOT_SET, 2)     \
  X(VSS_OBJECT_SNAPSHOT, 3)         \
  X(VSS_OBJECT_PROVIDER, 4)         \
  X(VSS_OBJECT_TYPE_COUNT, 5)
VSSSIM_DECLARE_ENUM(ObjectType, std::int32_t, "VSS_OBJECT_TYPE", "VSS_OBJECT_", kValue,
                    VSSSIM_OBJECT_TYPE_TABLE);

#define VSSSIM_SNAPSHOT_STATE_TABLE(X)     \
  X(VSS_SS_UNKNOWN, 0)                     \
  X(VSS_SS_PREPARING, 1)                   \
  X(VSS_SS_PROCESSING_PREPARE, 2)          \
  X(VSS_SS_PREPARED, 3)                    \
  X(VSS_SS_PROCESSING_PRECOMMIT, 4)        \
  X(VSS_SS_PRECOMMITTED, 5)                \
  X(VSS_SS_PROCESSING_COMMIT, 6)           \
  X(VSS_SS_COMMITTED, 7)                   \
  X(VSS_SS_PROCESSING_POSTCOMMIT, 8)       \
  X(VSS_SS_PROCESSING_PREFINALCOMMIT, 9)   \
  X(VSS_SS_PREFINALCOMMITTED, 10)          \
  X(VSS_SS_PROCESSING_POSTFINALCOMMIT, 11) \
  X(VSS_SS_CREATED, 12)                    \
  X(VSS_SS_ABORTED, 13)                    \
  X(VSS_SS_DELETED, 14)                    \
  X(VSS_SS_POSTCOMMITTED, 15)              \
  X(VSS_SS_COUNT, 16)
VSSSIM_DECLARE_ENUM(SnapshotState, std::int32_t, "VSS_SNAPSHOT_STATE", "VSS_SS_", kValue,
                    VSSSIM_SNAPSHOT_STATE_TABLE);

#define VSSSIM_PROVIDER_TYPE_TABLE(X) \
  X(VSS_PROV_UNKNOWN, 0)              \
  X(VSS_PROV_SYSTEM, 1)               \
  X(VSS_PROV_SOFTWARE, 2)             \
  X(VSS_PROV_HARDWARE, 3)             \
  X(VSS_PROV_FILESHARE, 4)
VSSSIM_DECLARE_ENUM(ProviderType, std::int32_t, "VSS_PROVIDER_TYPE", "VSS_PROV_", kValue,
                    VSSSIM_PROVIDER_TYPE_TABLE);

// vsbackup.h: `#define VSS_SW_BOOTABLE_STATE (1 << 0)`, the only writer-status flag.
inline constexpr std::uint32_t kVSS_SW_BOOTABLE_STATE = 1u << 0;

// X(Type) for every enumeration above, for code that must visit them all (tests, listings).
// clang-format off
#define VSSSIM_FOR_EACH_ENUM(X) \
  X(WriterState) \
  X(BackupType) \
  X(BackupSchema) \
  X(FileSpecBackupType) \
  X(VolumeSnapshotAttributes) \
  X(SnapshotContext) \
  X(RestoreMethod) \
  X(RestoreTarget) \
  X(ComponentType) \
  X(UsageType) \
  X(SourceType) \
  X(WriterRestore) \
  X(RestoreType) \
  X(FileRestoreStatus) \
  X(ComponentFlags) \
  X(RollForwardType) \
  X(ApplicationLevel) \
  X(AlternateWriterState) \
  X(SubscribeMask) \
  X(ObjectType) \
  X(SnapshotState) \
  X(ProviderType)
// clang-format on

// Bitwise helpers for the mask enums.
template <class E, class = std::enable_if_t<EnumInfo<E>::kKind == EnumKind::kMask>>
constexpr E operator|(E a, E b) {
  using U = std::underlying_type_t<E>;
  return static_cast<E>(static_cast<U>(a) | static_cast<U>(b));
}
template <class E, class = std::enable_if_t<EnumInfo<E>::kKind == EnumKind::kMask>>
constexpr E operator&(E a, E b) {
  using U = std::underlying_type_t<E>;
  return static_cast<E>(static_cast<U>(a) & static_cast<U>(b));
}
// True when every bit of `flags` is set in `value`.
template <class E, class = std::enable_if_t<EnumInfo<E>::kKind == EnumKind::kMask>>
constexpr bool HasAll(E value, E flags) {
  using U = std::underlying_type_t<E>;
  return (static_cast<U>(value) & static_cast<U>(flags)) == static_cast<U>(flags);
}

}  // namespace vsssim::vss

#endif  // VSSSIM_VSS_ENUMS_H_
