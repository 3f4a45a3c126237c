// Reads a Backup Components Document (§6.3) into a BackupComponents.
#include <tinyxml2.h>

#include <cstring>
#include <limits>

#include "sim/metadata/xml_reader.h"
#include "vsssim/metadata/xml_codec.h"
#include "vsssim/vss/hresult.h"

namespace vsssim::metadata {
namespace {

using internal::ElementReader;
using internal::ReadContext;
using tinyxml2::XMLElement;

constexpr std::uint64_t kMaxU32 = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint64_t kMaxU64 = std::numeric_limits<std::uint64_t>::max();
constexpr char kBcdNamespace[] = "x-schema:#VssComponentMetadata";

bool Is(const XMLElement& e, const char* name) { return std::strcmp(e.Name(), name) == 0; }

void Keep(const ElementReader& r, Extensions& ext, ReadContext& ctx) {
  ext.attributes = r.UnknownAttributes();
  for (const auto& [attr, value] : ext.attributes) {
    ctx.Warning(r.line(), "BCDX-06",
                std::string(r.name()) + ": unknown attribute " + attr + " kept as is");
  }
}

void KeepChild(const XMLElement& child, Extensions& ext, ReadContext& ctx) {
  ext.elements.push_back(internal::SerializeElement(child));
  // Transportable-set descriptions are expected content we do not model (BCDX-05).
  if (!Is(child, "SNAPSHOT_SET_DESCRIPTION")) {
    ctx.Warning(child.GetLineNum(), "BCDX-06",
                std::string("unknown element <") + child.Name() + "> kept as is");
  }
}

HResult ReadHResult(ElementReader& r, const char* attr, ReadContext& ctx) {
  std::string text = r.String(attr);
  if (text.empty()) return hr::S_OK;
  if (auto v = ParseHResult(text)) return *v;
  ctx.Error(r.line(), "BCDX-06",
            std::string(r.name()) + ": " + attr + "=\"" + text + "\" is not an HRESULT");
  return hr::S_OK;
}

// Child elements of COMPONENT (names ours, BCDX-06; BACKUP_METADATA observed, BCDX-04).
bool ReadComponentChild(const XMLElement& e, ComponentState& c, ReadContext& ctx) {
  ElementReader r(e, ctx);
  r.Ignore({"xmlns"});
  Extensions ignored;
  if (Is(e, "BACKUP_METADATA")) {
    c.backup_metadata = r.String("metadata");
  } else if (Is(e, "RESTORE_METADATA")) {
    c.restore_metadata = r.String("metadata");
  } else if (Is(e, "DIFFERENCED_FILE")) {
    DifferencedFile f{r.String("path", true), r.String("filespec", true),
                      r.Bool("recursive", false), r.Number("lastModifyTime", 0, kMaxU64), r.line()};
    c.differenced_files.push_back(std::move(f));
  } else if (Is(e, "PARTIAL_FILE")) {
    PartialFile f{r.String("path", true), r.String("filename", true), r.String("ranges", true),
                  r.String("metadata"),   r.String("rangesFilePath"), r.line()};
    c.partial_files.push_back(std::move(f));
  } else if (Is(e, "NEW_TARGET")) {
    NewTarget t{r.String("path", true), r.String("filespec", true), r.Bool("recursive", false),
                r.String("alternatePath", true), r.line()};
    c.new_targets.push_back(std::move(t));
  } else if (Is(e, "DIRECTED_TARGET")) {
    DirectedTarget t{r.String("sourcePath", true),
                     r.String("sourceFilename", true),
                     r.String("sourceRanges"),
                     r.String("destinationPath", true),
                     r.String("destinationFilename", true),
                     r.String("destinationRanges"),
                     r.line()};
    c.directed_targets.push_back(std::move(t));
  } else if (Is(e, "ALTERNATE_LOCATION_MAPPING")) {
    AlternateLocationMapping m;
    m.source_line = r.line();
    m.path = r.String("path", true);
    m.filespec = r.String("filespec", true);
    m.recursive = r.Bool("recursive", false);
    m.destination = r.String("destination", true);
    c.alternate_location_mappings.push_back(std::move(m));
  } else if (Is(e, "RESTORE_SUBCOMPONENT")) {
    RestoreSubcomponent s{r.String("logicalPath"), r.String("componentName", true),
                          r.Bool("repair", false), r.line()};
    c.restore_subcomponents.push_back(std::move(s));
  } else if (Is(e, "FAILURE")) {
    ComponentFailure f;
    f.hr = ReadHResult(r, "hr", ctx);
    f.application_hr = ReadHResult(r, "applicationHr", ctx);
    f.message = r.String("message");
    f.reserved = static_cast<std::uint32_t>(r.Number("reserved", 0, kMaxU32));
    c.failure = std::move(f);
  } else {
    return false;
  }
  Keep(r, ignored, ctx);  // warn about unknown attributes; not kept on these small elements
  return true;
}

ComponentState ReadComponent(const XMLElement& e, ReadContext& ctx) {
  ElementReader r(e, ctx);
  ComponentState c;
  c.source_line = r.line();
  c.logical_path = r.String("logicalPath");
  c.name = r.String("componentName", true);
  c.type = r.Enum("componentType", vss::ComponentType::VSS_CT_UNDEFINED, true);
  c.backup_stamp = r.OptionalString("backupStamp");  // STAMP-05
  c.previous_backup_stamp = r.OptionalString("previousBackupStamp");
  c.backup_options = r.OptionalString("backupOptions");
  if (e.Attribute("backupSucceeded") != nullptr) {
    c.backup_succeeded = r.Bool("backupSucceeded", false);
  }
  c.selected_for_restore = r.Bool("selectedForRestore", false);
  c.additional_restores = r.Bool("additionalRestores", false);
  c.restore_options = r.OptionalString("restoreOptions");
  c.restore_target = r.Enum("restoreTarget", vss::RestoreTarget::VSS_RT_ORIGINAL);
  c.file_restore_status = r.Enum("fileRestoreStatus", vss::FileRestoreStatus::VSS_RS_UNDEFINED);
  c.authoritative_restore = r.Bool("authoritativeRestore", false);
  c.roll_forward_type = r.Enum("rollForwardType", vss::RollForwardType::VSS_RF_UNDEFINED);
  c.roll_forward_point = r.String("rollForwardPoint");
  c.restore_name = r.OptionalString("restoreName");
  c.prepare_for_backup_failure_msg = r.OptionalString("prepareForBackupFailureMsg");
  c.post_snapshot_failure_msg = r.OptionalString("postSnapshotFailureMsg");
  c.pre_restore_failure_msg = r.OptionalString("preRestoreFailureMsg");
  c.post_restore_failure_msg = r.OptionalString("postRestoreFailureMsg");
  Keep(r, c.extensions, ctx);
  for (const XMLElement* child = e.FirstChildElement(); child;
       child = child->NextSiblingElement()) {
    if (!ReadComponentChild(*child, c, ctx)) KeepChild(*child, c.extensions, ctx);
  }
  return c;
}

WriterComponents ReadWriter(const XMLElement& e, ReadContext& ctx) {
  ElementReader r(e, ctx);
  WriterComponents w;
  w.source_line = r.line();
  w.instance_id = r.GuidValue("instanceId", true);
  w.writer_id = r.GuidValue("writerId", true);
  w.instance_name = r.String("instanceName");
  w.backup_schema = static_cast<vss::BackupSchema>(r.Number("backupSchema", 0, kMaxU32));
  Keep(r, w.extensions, ctx);
  for (const XMLElement* c = e.FirstChildElement(); c; c = c->NextSiblingElement()) {
    if (Is(*c, "COMPONENT")) {
      w.components.push_back(ReadComponent(*c, ctx));
    } else {
      KeepChild(*c, w.extensions, ctx);
    }
  }
  return w;
}

void ReadRoot(const XMLElement& root, BackupComponents& bc, ReadContext& ctx) {
  ElementReader r(root, ctx);
  const char* ns = root.Attribute("xmlns");
  r.Ignore({"xmlns"});
  if (ns == nullptr || std::strcmp(ns, kBcdNamespace) != 0) {
    ctx.Warning(r.line(), "XML-06",
                std::string("BACKUP_COMPONENTS: expected xmlns=\"") + kBcdNamespace + "\"");
  }
  bc.version = r.String("version");
  bc.bootable_system_state_backup = r.Bool("bootableSystemStateBackup", false);
  bc.select_components = r.Bool("selectComponents", false);
  bc.backup_type = r.Enum("backupType", vss::BackupType::VSS_BT_FULL);
  bc.partial_file_support = r.Bool("partialFileSupport", false);
  bc.snapshot_set_id = r.GuidValue("snapshotSetId", false);
  bc.restore_type = r.Enum("restoreType", vss::RestoreType::VSS_RTYPE_UNDEFINED);
  Keep(r, bc.extensions, ctx);
  for (const XMLElement* c = root.FirstChildElement(); c; c = c->NextSiblingElement()) {
    if (Is(*c, "WRITER_COMPONENTS")) {
      bc.writers.push_back(ReadWriter(*c, ctx));
    } else {
      KeepChild(*c, bc.extensions, ctx);
    }
  }
}

}  // namespace

ReadResult<BackupComponents> ReadBackupComponentsXml(std::string_view bytes,
                                                     std::string_view file_name) {
  return internal::ReadDocument<BackupComponents>(bytes, file_name, "BACKUP_COMPONENTS", &ReadRoot);
}

}  // namespace vsssim::metadata
