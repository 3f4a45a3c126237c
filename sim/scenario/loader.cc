// LoadScenarioFile / LoadScenarioText: reads the file into the scenario tree, walks the root
// element (<description>, <include>, <volume>, <file>, <writer>, <requester>, <expect>) and
// runs the cross-reference pass.
#include "vsssim/scenario/loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <sstream>
#include <utility>

#include "sim/scenario/load.h"
#include "sim/scenario/scenario_tree.h"
#include "vsssim/runtime/input_file.h"
#include "vsssim/storage/path.h"

namespace vsssim::scenario {
namespace internal {

// Volumes up to kMaxVolumeBytes (load.h); block sizes 512 B to 1 MiB, powers of two.
constexpr int kMaxIncludeDepth = 8;

const ElementSpec& Spec(std::string_view name) { return *FindElement(name); }

void ReadVolume(const Element& e, Scenario* scenario) {
  Volume v;
  v.where = e.where();
  e.CheckShape(Spec("volume"));
  if (std::optional<std::string> name = e.Attr("name")) {
    std::string why;
    if (std::optional<std::string> canonical = CanonicalVolume(*name, &why)) {
      v.name = std::move(*canonical);
    } else {
      e.AttrError("name", Quote(*name) + " is not " + std::string(kVolumeForms) + ": " + why);
    }
  }
  if (e.Has("host-dir")) return ReadHostDirVolume(e, std::move(v), scenario);
  if (!e.Has("size")) e.Error("missing required attribute size (or host-dir)");
  auto size = [](const std::string& t) { return ParseSize(t); };
  if (e.Read("size", size, "a size (\"256MiB\"; units B, KiB, MiB, GiB, TiB)", &v.size_bytes) &&
      e.Has("size") && (v.size_bytes == 0 || v.size_bytes > kMaxVolumeBytes)) {
    e.AttrError("size", "must be more than 0 and at most 1TiB");
  }
  std::uint64_t block = v.block_size_bytes;
  if (e.Read("block-size", size, "a size (\"4KiB\")", &block) && e.Has("block-size")) {
    if (block < 512 || block > (1u << 20) || (block & (block - 1)) != 0) {
      e.AttrError("block-size", "must be a power of two from 512B to 1MiB");
    } else {
      v.block_size_bytes = static_cast<std::uint32_t>(block);
    }
  }
  if (v.size_bytes != 0 && v.size_bytes % v.block_size_bytes != 0) {
    e.AttrError("size", "must be a multiple of the block size (" +
                            std::to_string(v.block_size_bytes) + " bytes)");
  }
  scenario->volumes.push_back(std::move(v));
}

void ReadProvider(const Element& e, Scenario* scenario) {
  ProviderSpec p;
  p.where = e.where();
  e.CheckShape(Spec("provider"));
  auto duration = [](const std::string& t) { return runtime::ParseDuration(t); };
  e.Read("flush", duration, "a virtual duration (\"12s\")", &p.flush);
  if (e.Attr("hold") == "until-released") {  // an <end-hold/> step ends it (issue #19 S)
    p.hold_until_released = true;
  } else {
    e.Read("hold", duration, "a virtual duration (\"2s\") or until-released", &p.hold);
  }
  auto method = [](const std::string& t) -> std::optional<std::string> {
    for (std::string_view m : kProviderMethods) {
      if (m == t) return t;
    }
    return std::nullopt;
  };
  e.Read("veto-at", method, "a provider method (CommitSnapshots, PreFinalCommitSnapshots, ...)",
         &p.veto_at);
  auto failure = [](const std::string& t) -> std::optional<HResult> {
    auto code = ParseHResult(t);
    if (!code || code->Succeeded()) return std::nullopt;
    return code;
  };
  e.Read("veto-code", failure, "a failure HRESULT (VSS_E_PROVIDER_VETO, 0x...)", &p.veto_code);
  if (e.Has("veto-code") && !e.Has("veto-at")) e.AttrError("veto-code", "needs veto-at=");
  scenario->provider = std::move(p);
}

void ReadFile(const Element& e, const std::string& writer, Scenario* scenario) {
  File f;
  f.where = e.where();
  f.writer = writer;
  e.CheckShape(Spec("file"));
  if (auto path = e.Attr("path")) {
    // Any root of storage/path.h; the volume is the declared one it lies on (Resolve). The root
    // is made canonical (same length as written), the rest kept as written.
    std::string why;
    std::optional<storage::ParsedPath> parsed = storage::ParsePath(*path, &why);
    if (!parsed || parsed->components.empty()) {
      e.AttrError("path", Quote(*path) + " is not an absolute file path (\"C:\\db\\main.mdf\"): " +
                              (parsed ? std::string("it names a volume, not a file") : why));
    } else {
      f.path = parsed->volume + path->substr(parsed->volume.size());
    }
  }
  auto size = [](const std::string& t) { return ParseSize(t); };
  if (e.Read("size", size, "a size (\"4MiB\")", &f.size_bytes) && e.Has("size") &&
      f.size_bytes > kMaxVolumeBytes) {
    e.AttrError("size", "must be at most 1TiB");
  }
  scenario->files.push_back(std::move(f));
}

// Errors in file order (files in order of their first error), then by line; JSON errors (no
// line) keep the order they were found in, which is document order.
void SortByPlace(std::vector<Diagnostic>* errors) {
  std::map<std::string, std::size_t> file_order;
  for (const Diagnostic& d : *errors) file_order.emplace(d.where.file, file_order.size());
  std::stable_sort(errors->begin(), errors->end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return std::make_pair(file_order[a.where.file], a.where.line) <
           std::make_pair(file_order[b.where.file], b.where.line);
  });
}

struct Loader {
  const LoadOptions& options;
  Errors errors;
  std::vector<std::string> include_stack;

  std::optional<std::string> Read(const std::string& path, const SourceLocation& where) {
    if (!options.read_file) {  // the file system: regular files only, at most max_file_bytes
      runtime::InputFile file = runtime::ReadInputFile(path, options.max_file_bytes);
      if (!file.bytes) errors.Add(where, Quote(path) + ": " + file.error);
      return std::move(file.bytes);
    }
    std::optional<std::string> text = options.read_file(path);
    if (!text) {
      errors.Add(where, "cannot read " + Quote(path));
    } else if (text->size() > options.max_file_bytes) {
      errors.Add(where, Quote(path) + " is " + std::to_string(text->size()) +
                            " bytes; a scenario file may have at most " +
                            std::to_string(options.max_file_bytes));
      return std::nullopt;
    }
    return text;
  }

  // Parses `text` and returns its tree, or nullopt after reporting the syntax error.
  bool Tree(std::string_view text, const std::string& file, Format format,
            boost::property_tree::ptree* tree) {
    if (format == Format::kAuto) {
      bool json = file.size() >= 5 && file.compare(file.size() - 5, 5, ".json") == 0;
      format = json ? Format::kJson : Format::kXml;
    }
    TreeResult r = format == Format::kJson ? ReadJsonTree(text, file) : ReadXmlTree(text, file);
    if (r.error) {
      errors.Add(r.error->where, r.error->message);
      return false;
    }
    tree->swap(r.tree);  // Boost 1.74's ptree has no move constructor: never copy a whole tree
    return true;
  }

  void Include(const Element& e, Scenario* scenario) {
    e.CheckShape(Spec("include"));
    std::string file = e.RequiredName("file");
    if (file.empty()) return;
    namespace fs = std::filesystem;
    fs::path base = fs::path(e.file()).parent_path();
    std::string path = (fs::path(file).is_absolute() ? fs::path(file) : base / file)
                           .lexically_normal()
                           .generic_string();
    for (const std::string& open : include_stack) {
      if (open == path) return e.AttrError("file", Quote(path) + " includes itself");
    }
    if (static_cast<int>(include_stack.size()) > kMaxIncludeDepth) {
      return e.AttrError("file", "includes nested deeper than " + std::to_string(kMaxIncludeDepth));
    }
    std::optional<std::string> text = Read(path, e.where("file"));
    if (!text) return;
    boost::property_tree::ptree library;
    if (!Tree(*text, path, Format::kAuto, &library)) return;
    const boost::property_tree::ptree* tree = &library;
    scenario->included_files.push_back(path);
    const auto& [root_name, root_node] = tree->front();
    Element root(root_node, root_name, path, &errors);
    if (root_name != kLibraryRoot) {
      return root.Error("an included file holds <writers> (a writer library), not <" + root_name +
                        ">");
    }
    include_stack.push_back(path);
    root.CheckShape(Spec(kLibraryRoot));
    for (const Element& child : root.Children()) {
      if (child.name() == "include") Include(child, scenario);
      if (child.name() == "writer") ReadWriter(child, scenario);
    }
    include_stack.pop_back();
  }

  void ReadRoot(const Element& root, Scenario* scenario) {
    scenario->where = root.where();
    root.CheckShape(Spec(kScenarioRoot));
    root.CheckAtMostOne("description");
    root.CheckAtMostOne("requester");
    root.CheckAtMostOne("provider");
    scenario->name = root.RequiredName("name");
    auto seed = [](const std::string& t) {
      return ParseUnsigned(t, std::numeric_limits<std::uint64_t>::max());
    };
    root.Read("seed", seed, "a seed (a number from 0 to 18446744073709551615)", &scenario->seed);
    std::vector<std::string_view> profiles;  // windows=: the names of windows_profile.h
    for (const auto& p : coordinator::kWindowsProfiles) profiles.push_back(p.name);
    root.Read("windows", coordinator::ParseWindowsProfile,
              "a Windows profile (" + coordinator::WindowsProfileNames() + ")", &scenario->windows,
              profiles);
    for (const Element& child : root.Children()) {
      if (errors.full()) return;
      const std::string& n = child.name();
      if (n == "description") {
        child.CheckShape(Spec(n));
        scenario->description = child.Text();
      } else if (n == "include") {
        Include(child, scenario);
      } else if (n == "choice") {
        ReadChoice(child, scenario);
      } else if (n == "volume") {
        ReadVolume(child, scenario);
      } else if (n == "provider") {
        ReadProvider(child, scenario);
      } else if (n == "file") {
        ReadFile(child, "", scenario);
      } else if (n == "writer") {
        ReadWriter(child, scenario);
      } else if (n == "extend") {
        ReadExtend(child, scenario);
      } else if (n == "requester") {
        ReadRequester(child, scenario);
      } else if (n == "expect") {
        ReadExpect(child, scenario);
      }
    }
  }

  // bcd-file= must name a file that reads and is not empty: otherwise InitializeForBackup /
  // InitializeForRestore would silently get an empty document (no BCD at all).
  void CheckFileArguments(const Scenario& scenario) {
    for (const Step& step : scenario.steps) {
      for (const Argument& a : step.args) {
        if (a.type != ArgType::kFile) continue;
        const std::string path = RelativeToFile(step.where.file, a.text);
        std::string why = " cannot be read";
        std::optional<std::string> content;
        if (options.read_file) {
          content = options.read_file(path);
        } else {
          runtime::InputFile file = runtime::ReadInputFile(path, options.max_file_bytes);
          content = std::move(file.bytes);
          why = ": " + file.error;
        }
        if (!content || content->empty()) {
          errors.Add(step.where, "<call> attribute " + a.name + ": " + Quote(path) +
                                     (content ? " is empty" : why));
        }
      }
    }
  }

  LoadResult Load(std::string_view text, const std::string& file, Format format) {
    LoadResult result;
    Scenario scenario;
    SourceLocation top{file, 1, "", ""};
    if (text.size() > options.max_file_bytes) {
      errors.Add(top, "the file is " + std::to_string(text.size()) +
                          " bytes; a scenario file may have at most " +
                          std::to_string(options.max_file_bytes));
    } else if (boost::property_tree::ptree tree; Tree(text, file, format, &tree)) {
      const auto& [root_name, root_node] = tree.front();
      Element root(root_node, root_name, file, &errors);
      if (root_name != kScenarioRoot) {
        root.Error(root_name == kLibraryRoot
                       ? "this is a writer library; <include> it from a <scenario>"
                       : "a scenario file's root element is <scenario>, not <" + root_name + ">");
      } else {
        include_stack.push_back(std::filesystem::path(file).lexically_normal().generic_string());
        ReadRoot(root, &scenario);
        if (errors.count() == 0) Resolve(&scenario, &errors);
        if (errors.count() == 0) CheckFileArguments(scenario);
        if (errors.count() == 0) CheckHostDirectories(scenario, options, &errors);
      }
    }
    result.errors = std::move(errors.list());
    SortByPlace(&result.errors);
    if (result.errors.empty()) result.scenario = std::move(scenario);
    return result;
  }
};

// No read_file: the loader reads the file system itself (runtime::ReadInputFile), so that
// its errors say why a file cannot be read.
LoadOptions WithDefaults(const LoadOptions& options) {
  LoadOptions o = options;
  if (o.max_errors == 0) o.max_errors = 1;
  return o;
}

}  // namespace internal

LoadResult LoadScenarioText(std::string_view text, const std::string& file_name, Format format,
                            const LoadOptions& options) {
  LoadOptions o = internal::WithDefaults(options);
  internal::Loader loader{o, internal::Errors(o.max_errors), {}};
  return loader.Load(text, file_name, format);
}

LoadResult LoadScenarioFile(const std::string& path, const LoadOptions& options) {
  LoadOptions o = internal::WithDefaults(options);
  std::optional<std::string> text;
  std::string error = "cannot read the file";
  if (o.read_file) {
    text = o.read_file(path);
  } else {
    runtime::InputFile file = runtime::ReadInputFile(path, o.max_file_bytes);
    text = std::move(file.bytes);
    error = file.error;
  }
  if (!text) {
    LoadResult r;
    r.errors.push_back(Diagnostic{SourceLocation{path, 1, "", ""}, error});
    return r;
  }
  return LoadScenarioText(*text, path, Format::kAuto, o);
}

}  // namespace vsssim::scenario
