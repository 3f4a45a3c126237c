// The BCD writer's two routes (bcd_writer.h): the direct text writer must write exactly the
// bytes the tinyxml2 DOM prints, for any document without extensions (XML-03: a saved BCD
// reads back to the same model, whichever route wrote it).
#include "sim/metadata/bcd_writer.h"

#include <gtest/gtest.h>

#include <string>

#include "vsssim/metadata/xml_codec.h"
#include "vsssim/runtime/random.h"

namespace vsssim::metadata {
namespace {

// Characters that exercise the printer: the five XML entities, controls, NUL, UTF-8, spaces.
constexpr std::string_view kAlphabet[] = {"a",  "Z",  "0",  " ",    "\"",       "&", "'",  "<", ">",
                                          "\t", "\n", "\r", "\x01", "\xC3\xA9", "=", "\\", ";"};

class ModelMaker {
 public:
  explicit ModelMaker(std::uint64_t seed) : random_(seed) {}

  std::string Text() {
    std::string out;
    const std::uint64_t length = random_.Uniform(10);
    for (std::uint64_t i = 0; i < length; ++i) {
      out += kAlphabet[random_.Uniform(std::size(kAlphabet))];
    }
    if (random_.OneIn(40)) out.insert(out.size() / 2, 1, '\0');  // cut there, as tinyxml2 does
    return out;
  }
  std::optional<std::string> Maybe() {
    if (random_.OneIn(2)) return std::nullopt;
    return Text();
  }
  bool Bool() { return random_.OneIn(2); }
  template <class E>
  E Enum(int count) {
    return static_cast<E>(random_.Uniform(static_cast<std::uint64_t>(count)));
  }

  ComponentState Component() {
    ComponentState c;
    c.type = Bool() ? vss::ComponentType::VSS_CT_DATABASE : vss::ComponentType::VSS_CT_FILEGROUP;
    c.logical_path = Bool() ? Text() : "";
    c.name = Text();
    c.backup_stamp = Maybe();
    c.backup_metadata = Maybe();
    c.prepare_for_backup_failure_msg = Maybe();
    c.post_snapshot_failure_msg = Maybe();
    for (std::uint64_t i = random_.Uniform(3); i > 0; --i) {
      c.differenced_files.push_back({Text(), Text(), Bool(), random_.Next(), 0});
    }
    for (std::uint64_t i = random_.Uniform(3); i > 0; --i) {
      c.partial_files.push_back({Text(), Text(), Text(), Text(), Text(), 0});
    }
    c.previous_backup_stamp = Maybe();
    c.backup_options = Maybe();
    if (Bool()) c.backup_succeeded = Bool();
    c.selected_for_restore = Bool();
    c.additional_restores = Bool();
    c.restore_options = Maybe();
    for (std::uint64_t i = random_.Uniform(3); i > 0; --i) {
      c.restore_subcomponents.push_back({Text(), Text(), Bool(), 0});
    }
    for (std::uint64_t i = random_.Uniform(2); i > 0; --i) {
      c.new_targets.push_back({Text(), Text(), Bool(), Text(), 0});
    }
    for (std::uint64_t i = random_.Uniform(2); i > 0; --i) {
      AlternateLocationMapping m;
      m.path = Text();
      m.filespec = Text();
      m.recursive = Bool();
      m.destination = Text();
      c.alternate_location_mappings.push_back(m);
    }
    c.file_restore_status = Enum<vss::FileRestoreStatus>(4);
    c.authoritative_restore = Bool();
    c.roll_forward_type = Enum<vss::RollForwardType>(4);
    c.roll_forward_point = Bool() ? Text() : "";
    c.restore_name = Maybe();
    c.restore_metadata = Maybe();
    c.restore_target = Enum<vss::RestoreTarget>(5);
    for (std::uint64_t i = random_.Uniform(2); i > 0; --i) {
      c.directed_targets.push_back({Text(), Text(), Text(), Text(), Text(), Text(), 0});
    }
    c.pre_restore_failure_msg = Maybe();
    c.post_restore_failure_msg = Maybe();
    if (Bool()) {
      c.failure = ComponentFailure{hr::VSS_E_WRITERERROR_RETRYABLE, HResult{0x80004005}, Text(),
                                   Bool() ? 0u : 7u};
    }
    return c;
  }

  BackupComponents Document() {
    BackupComponents bc;
    if (Bool()) bc.version = Text();
    bc.select_components = Bool();
    bc.bootable_system_state_backup = Bool();
    bc.backup_type = Enum<vss::BackupType>(6);
    bc.partial_file_support = Bool();
    bc.snapshot_set_id = random_.NextGuid();
    bc.restore_type = Enum<vss::RestoreType>(3);
    for (std::uint64_t w = random_.Uniform(4); w > 0; --w) {
      WriterComponents wc;
      wc.writer_id = random_.NextGuid();
      wc.instance_id = random_.NextGuid();
      wc.instance_name = Bool() ? Text() : "";
      wc.backup_schema = vss::BackupSchema{static_cast<std::uint32_t>(random_.Next())};
      for (std::uint64_t c = random_.Uniform(4); c > 0; --c) wc.components.push_back(Component());
      bc.writers.push_back(wc);
    }
    return bc;
  }

 private:
  runtime::Random random_;
};

// Checks that 500 seeded random documents (every element and attribute, awkward characters,
// empty elements, no writers) come out of the text writer byte for byte as the DOM prints them.
TEST(Metadata_BcdWriter, TextWriterMatchesTheDomByteForByte_XML_03) {
  ModelMaker make(20261123);
  for (int i = 0; i < 500; ++i) {
    const BackupComponents bc = make.Document();
    const std::optional<std::string> text = internal::WriteBackupComponentsText(bc);
    ASSERT_TRUE(text.has_value());
    ASSERT_EQ(*text, internal::WriteBackupComponentsDom(bc)) << "document " << i;
    ASSERT_EQ(WriteBackupComponentsXml(bc), *text);
  }
}

// Checks the exact shape of a small document: indentation, self-closed empty elements, entity
// escaping of attribute values and the final newline.
TEST(Metadata_BcdWriter, SmallDocumentHasThePrinterLayout) {
  BackupComponents bc;
  bc.select_components = true;
  WriterComponents wc;
  ComponentState c;
  c.name = "a\"b&c'd<e>f";
  c.backup_metadata = "m";
  wc.components.push_back(c);
  bc.writers.push_back(wc);
  bc.writers.push_back(WriterComponents{});
  const std::string g = kGuidNull.ToString();
  EXPECT_EQ(*internal::WriteBackupComponentsText(bc),
            "<BACKUP_COMPONENTS xmlns=\"x-schema:#VssComponentMetadata\" version=\"1.2\" "
            "bootableSystemStateBackup=\"no\" selectComponents=\"yes\" backupType=\"full\" "
            "partialFileSupport=\"no\" snapshotSetId=\"" +
                g +
                "\">\n"
                "    <WRITER_COMPONENTS instanceId=\"" +
                g + "\" writerId=\"" + g +
                "\" backupSchema=\"0\">\n"
                "        <COMPONENT componentName=\"a&quot;b&amp;c&apos;d&lt;e&gt;f\" "
                "componentType=\"filegroup\">\n"
                "            <BACKUP_METADATA xmlns=\"\" metadata=\"m\"/>\n"
                "        </COMPONENT>\n"
                "    </WRITER_COMPONENTS>\n"
                "    <WRITER_COMPONENTS instanceId=\"" +
                g + "\" writerId=\"" + g +
                "\" backupSchema=\"0\"/>\n"
                "</BACKUP_COMPONENTS>\n");
}

// Checks that a document with extensions (unknown XML a reader kept, BCDX-05) goes through the
// DOM, which alone can merge it, and keeps the extension.
TEST(Metadata_BcdWriter, ExtensionsTakeTheDomRoute_BCDX_05) {
  BackupComponents bc;
  bc.extensions.elements.push_back(
      "<SNAPSHOT_SET_DESCRIPTION x=\"1\"><LUN_MAPPING/>"
      "</SNAPSHOT_SET_DESCRIPTION>");
  EXPECT_FALSE(internal::WriteBackupComponentsText(bc).has_value());
  const std::string xml = WriteBackupComponentsXml(bc);
  EXPECT_EQ(xml, internal::WriteBackupComponentsDom(bc));
  EXPECT_NE(xml.find("<LUN_MAPPING/>"), std::string::npos);

  BackupComponents attribute_only;
  attribute_only.writers.emplace_back();
  attribute_only.writers[0].extensions.attributes.push_back({"version", "9"});
  EXPECT_FALSE(internal::WriteBackupComponentsText(attribute_only).has_value());
}

}  // namespace
}  // namespace vsssim::metadata
