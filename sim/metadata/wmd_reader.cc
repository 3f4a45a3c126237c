// Reads a Writer Metadata Document (§6.2) into a WriterMetadata.
#include <tinyxml2.h>

#include <cstring>
#include <limits>

#include "sim/metadata/xml_reader.h"
#include "vsssim/metadata/xml_codec.h"

namespace vsssim::metadata {
namespace {

using internal::ElementReader;
using internal::ReadContext;
using tinyxml2::XMLElement;

constexpr std::uint64_t kMaxU32 = std::numeric_limits<std::uint32_t>::max();
constexpr char kWmdNamespace[] = "x-schema:#VssWriterMetadataInfo";

bool Is(const XMLElement& e, const char* name) { return std::strcmp(e.Name(), name) == 0; }

void KeepUnknownChild(const XMLElement& child, Extensions& ext, ReadContext& ctx) {
  ext.elements.push_back(internal::SerializeElement(child));
  ctx.Warning(child.GetLineNum(), "WMDX-11",
              std::string("unknown element <") + child.Name() + "> kept as is");
}

void KeepUnknownAttributes(const ElementReader& r, Extensions& ext, ReadContext& ctx) {
  ext.attributes = r.UnknownAttributes();
  for (const auto& [attr, value] : ext.attributes) {
    ctx.Warning(r.line(), "WMDX-11",
                std::string(r.name()) + ": unknown attribute " + attr + " kept as is");
  }
}

// FILE_LIST, DATABASE_FILES, DATABASE_LOGFILES, EXCLUDE_FILES, EXCLUDE_FILES_FROM_SNAPSHOT.
FileSpec ReadFileSpec(const XMLElement& e, ReadContext& ctx) {
  ElementReader r(e, ctx);
  FileSpec spec;
  spec.source_line = r.line();
  spec.path = r.String("path", true);
  spec.filespec = r.String("filespec", true);
  spec.recursive = r.Bool("recursive", false);  // omitted = no (WMDX-03)
  spec.alternate_path = r.String("alternatePath");
  spec.backup_type_mask = static_cast<vss::FileSpecBackupType>(r.Number(
      "filespecBackupType", static_cast<std::uint32_t>(vss::kDefaultFileSpecBackupType), kMaxU32));
  KeepUnknownAttributes(r, spec.extensions, ctx);
  for (const XMLElement* c = e.FirstChildElement(); c; c = c->NextSiblingElement()) {
    KeepUnknownChild(*c, spec.extensions, ctx);
  }
  return spec;
}

ComponentDependency ReadDependency(const XMLElement& e, ReadContext& ctx) {
  ElementReader r(e, ctx);
  ComponentDependency d;
  d.source_line = r.line();
  d.writer_id = r.GuidValue("writerId", true);
  d.logical_path = r.String("logicalPath");
  d.component_name = r.String("componentName", true);
  KeepUnknownAttributes(r, d.extensions, ctx);
  for (const XMLElement* c = e.FirstChildElement(); c; c = c->NextSiblingElement()) {
    KeepUnknownChild(*c, d.extensions, ctx);
  }
  return d;
}

// FILE_GROUP or DATABASE (WMDX-01).
ComponentDescription ReadComponent(const XMLElement& e, vss::ComponentType type, ReadContext& ctx) {
  ElementReader r(e, ctx);
  ComponentDescription c;
  c.type = type;
  c.source_line = r.line();
  c.logical_path = r.String("logicalPath");
  c.name = r.String("componentName", true);
  c.caption = r.String("caption");
  if (auto icon = r.OptionalString("icon")) {
    if (auto bytes = internal::DecodeBase64(*icon)) {
      c.icon = std::move(*bytes);
    } else {
      ctx.Error(r.line(), "WMDX-11", std::string(r.name()) + ": icon is not base64");
    }
  }
  c.restore_metadata = r.Bool("restoreMetadata", false);
  c.notify_on_backup_complete = r.Bool("notifyOnBackupComplete", false);
  c.selectable = r.Bool("selectable", false);
  c.selectable_for_restore = r.Bool("selectableForRestore", false);
  c.flags = static_cast<vss::ComponentFlags>(r.Number("componentFlags", 0, kMaxU32));
  KeepUnknownAttributes(r, c.extensions, ctx);
  std::size_t children = 0;
  for (const XMLElement* f = e.FirstChildElement(); f; f = f->NextSiblingElement()) ++children;
  (type == vss::ComponentType::VSS_CT_FILEGROUP ? c.files : c.database_files).reserve(children);
  for (const XMLElement* f = e.FirstChildElement(); f; f = f->NextSiblingElement()) {
    std::vector<FileSpec>* list = nullptr;
    vss::ComponentType expected = type;
    if (Is(*f, "FILE_LIST")) {
      list = &c.files, expected = vss::ComponentType::VSS_CT_FILEGROUP;
    } else if (Is(*f, "DATABASE_FILES")) {
      list = &c.database_files, expected = vss::ComponentType::VSS_CT_DATABASE;
    } else if (Is(*f, "DATABASE_LOGFILES")) {
      list = &c.log_files, expected = vss::ComponentType::VSS_CT_DATABASE;
    } else if (Is(*f, "DEPENDENCY")) {
      c.dependencies.push_back(ReadDependency(*f, ctx));
      continue;
    } else {
      KeepUnknownChild(*f, c.extensions, ctx);
      continue;
    }
    if (expected != type) {
      ctx.Warning(f->GetLineNum(), "WMDX-01",
                  std::string("<") + f->Name() + "> inside <" + e.Name() +
                      "> (file list kind does not match the component type)");
    }
    list->push_back(ReadFileSpec(*f, ctx));
  }
  return c;
}

WriterIdentity ReadIdentity(const XMLElement& e, ReadContext& ctx) {
  ElementReader r(e, ctx);
  WriterIdentity id;
  id.source_line = r.line();
  id.writer_id = r.GuidValue("writerId", true);
  id.instance_id = r.GuidValue("instanceId", true);
  id.instance_name = r.String("instanceName");
  id.writer_name = r.String("friendlyName", true);
  id.usage = r.Enum("usage", vss::UsageType::VSS_UT_UNDEFINED, true);
  id.source_type = r.Enum("dataSource", vss::SourceType::VSS_ST_UNDEFINED, true);
  id.major_version = static_cast<std::uint32_t>(r.Number("majorVersion", 0, kMaxU32));
  id.minor_version = static_cast<std::uint32_t>(r.Number("minorVersion", 0, kMaxU32));
  KeepUnknownAttributes(r, id.extensions, ctx);
  for (const XMLElement* c = e.FirstChildElement(); c; c = c->NextSiblingElement()) {
    KeepUnknownChild(*c, id.extensions, ctx);
  }
  return id;
}

RestoreMethodInfo ReadRestoreMethod(const XMLElement& e, ReadContext& ctx) {
  ElementReader r(e, ctx);
  RestoreMethodInfo m;
  m.source_line = r.line();
  m.method = r.Enum("method", vss::RestoreMethod::VSS_RME_UNDEFINED, true);
  m.service = r.String("service");
  m.user_procedure = r.String("userProcedure");
  m.writer_restore = r.Enum("writerRestore", vss::WriterRestore::VSS_WRE_UNDEFINED, true);
  m.reboot_required = r.Bool("rebootRequired", false);
  KeepUnknownAttributes(r, m.extensions, ctx);
  for (const XMLElement* c = e.FirstChildElement(); c; c = c->NextSiblingElement()) {
    if (!Is(*c, "ALTERNATE_LOCATION_MAPPING")) {
      KeepUnknownChild(*c, m.extensions, ctx);
      continue;
    }
    ElementReader mr(*c, ctx);
    AlternateLocationMapping alm;
    alm.source_line = mr.line();
    alm.path = mr.String("path", true);
    alm.filespec = mr.String("filespec", true);
    alm.recursive = mr.Bool("recursive", false);
    alm.destination = mr.String("destination", true);
    KeepUnknownAttributes(mr, alm.extensions, ctx);
    m.alternate_location_mappings.push_back(std::move(alm));
  }
  return m;
}

void ReadBackupLocations(const XMLElement& e, WriterMetadata& wm, ReadContext& ctx) {
  ElementReader r(e, ctx);
  KeepUnknownAttributes(r, wm.backup_locations_extensions, ctx);
  for (const XMLElement* c = e.FirstChildElement(); c; c = c->NextSiblingElement()) {
    if (Is(*c, "FILE_GROUP")) {
      wm.components.push_back(ReadComponent(*c, vss::ComponentType::VSS_CT_FILEGROUP, ctx));
    } else if (Is(*c, "DATABASE")) {
      wm.components.push_back(ReadComponent(*c, vss::ComponentType::VSS_CT_DATABASE, ctx));
    } else if (Is(*c, "EXCLUDE_FILES")) {
      wm.exclude_files.push_back(ReadFileSpec(*c, ctx));
    } else if (Is(*c, "EXCLUDE_FILES_FROM_SNAPSHOT")) {
      wm.exclude_files_from_snapshot.push_back(ReadFileSpec(*c, ctx));
    } else {
      KeepUnknownChild(*c, wm.backup_locations_extensions, ctx);
    }
  }
}

void ReadRoot(const XMLElement& root, WriterMetadata& wm, ReadContext& ctx) {
  ElementReader r(root, ctx);
  const char* ns = root.Attribute("xmlns");
  r.Ignore({"xmlns"});
  if (ns == nullptr || std::strcmp(ns, kWmdNamespace) != 0) {
    ctx.Warning(r.line(), "XML-06",
                std::string("WRITER_METADATA: expected xmlns=\"") + kWmdNamespace + "\"");
  }
  wm.version = r.String("version");
  wm.backup_schema = static_cast<vss::BackupSchema>(r.Number("backupSchema", 0, kMaxU32));
  KeepUnknownAttributes(r, wm.extensions, ctx);
  const XMLElement* identification = nullptr;
  bool have_locations = false;
  for (const XMLElement* c = root.FirstChildElement(); c; c = c->NextSiblingElement()) {
    if (Is(*c, "IDENTIFICATION")) {
      if (identification != nullptr) {
        ctx.Error(c->GetLineNum(), "XML-02", "a second IDENTIFICATION element");
        continue;
      }
      identification = c;
      wm.identity = ReadIdentity(*c, ctx);
    } else if (Is(*c, "RESTORE_METHOD")) {
      if (wm.restore_method) {
        ctx.Error(c->GetLineNum(), "WMD-02", "a second RESTORE_METHOD element");
        continue;
      }
      wm.restore_method = ReadRestoreMethod(*c, ctx);
    } else if (Is(*c, "BACKUP_LOCATIONS")) {
      have_locations = true;
      ReadBackupLocations(*c, wm, ctx);
    } else {
      KeepUnknownChild(*c, wm.extensions, ctx);
    }
  }
  if (identification == nullptr) {
    ctx.Error(r.line(), "WMD-01", "WRITER_METADATA has no IDENTIFICATION element");
  }
  if (!wm.restore_method) {
    ctx.Warning(r.line(), "WMDX-08",
                "no RESTORE_METHOD (seen in real in-box writer output; WRT-IDENTIFY-05 "
                "requires one)");
  }
  if (!have_locations) {
    ctx.Warning(r.line(), "XML-02", "no BACKUP_LOCATIONS element: the writer has no components");
  }
}

}  // namespace

ReadResult<WriterMetadata> ReadWriterMetadataXml(std::string_view bytes,
                                                 std::string_view file_name) {
  return internal::ReadDocument<WriterMetadata>(bytes, file_name, "WRITER_METADATA", &ReadRoot);
}

}  // namespace vsssim::metadata
