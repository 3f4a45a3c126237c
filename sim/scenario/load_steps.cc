// <requester> and its steps: <call> (arguments from methods.h), <identify>, <terminate>,
// <release>, <advance>, <wait>, <cancel>; <repeat> is expanded by load_repeat.cc.
#include <algorithm>
#include <limits>
#include <utility>

#include "sim/scenario/load.h"
#include "vsssim/runtime/time.h"

namespace vsssim::scenario::internal {
namespace {

const ElementSpec& Spec(std::string_view name) { return *FindElement(name); }

std::vector<std::string_view> MethodNames() {
  std::vector<std::string_view> names;
  for (const MethodSpec& m : Methods()) names.push_back(m.name);
  return names;
}

template <class E>
bool ParseEnumArg(const Element& e, const std::string& name, const std::string& text,
                  Argument* arg) {
  auto v = vss::Parse<E>(text);
  if (!v) {
    e.BadValue(name, text, std::string("a ") + std::string(vss::EnumInfo<E>::kSdkName),
               EnumNames<E>());
    return false;
  }
  arg->value = static_cast<std::int64_t>(*v);
  return true;
}

// Parses one argument's text by its type. Cross references are checked later (Resolve). With
// `as_written`, a malformed volume name is kept as written: the step expects a failure, so the
// call is made with it (REQ-CALL-13's E_INVALIDARG).
bool ParseArg(const Element& e, const ArgSpec& spec, const std::string& text, Argument* arg,
              bool as_written = false) {
  arg->name = std::string(spec.name);
  arg->type = spec.type;
  arg->text = text;
  auto bad = [&] {
    e.BadValue(spec.name, text, DescribeArgType(spec.type), {});
    return false;
  };
  switch (spec.type) {
    case ArgType::kText:
      arg->value = text;
      return true;
    case ArgType::kName:
    case ArgType::kWriter:
    case ArgType::kSavedDocument:
    case ArgType::kSaveName:
    case ArgType::kFile:
      if (text.empty()) return bad();
      arg->value = text;
      return true;
    case ArgType::kVolume: {
      std::string why;
      auto volume = CanonicalVolume(text, &why);
      if (!volume && !as_written) {
        e.AttrError(spec.name, Quote(text) + " is not " + std::string(kVolumeForms) + ": " + why +
                                   " (give expect= a failure to call it anyway)");
        return false;
      }
      arg->value = volume.value_or(text);
      return true;
    }
    case ArgType::kBool: {
      auto b = ParseBool(text);
      if (!b) return bad();
      arg->value = *b;
      return true;
    }
    case ArgType::kUnsigned: {
      auto n = ParseUnsigned(text, std::numeric_limits<std::uint32_t>::max());
      if (!n) return bad();
      arg->value = *n;
      return true;
    }
    case ArgType::kContext: {
      auto c = ParseContext(text);
      if (!c) {
        e.BadValue(spec.name, text, DescribeArgType(spec.type), EnumNames<vss::SnapshotContext>());
        return false;
      }
      arg->value = static_cast<std::uint64_t>(*c);
      return true;
    }
    case ArgType::kGuid: {
      auto g = Guid::Parse(text);
      if (!g) return bad();
      arg->value = *g;
      return true;
    }
    case ArgType::kWriterList: {
      auto list = SplitList(text);
      if (!list) return bad();
      arg->value = *list;
      return true;
    }
    case ArgType::kGuidList: {
      auto list = SplitList(text);
      if (!list) return bad();
      std::vector<Guid> guids;
      for (const std::string& item : *list) {
        auto g = Guid::Parse(item);
        if (!g) {
          e.BadValue(spec.name, item, "a GUID", {});
          return false;
        }
        guids.push_back(*g);
      }
      arg->value = guids;
      return true;
    }
    case ArgType::kBackupType:
      return ParseEnumArg<vss::BackupType>(e, arg->name, text, arg);
    case ArgType::kObjectType:
      return ParseEnumArg<vss::ObjectType>(e, arg->name, text, arg);
    case ArgType::kRestoreType:
      return ParseEnumArg<vss::RestoreType>(e, arg->name, text, arg);
    case ArgType::kRollForwardType:
      return ParseEnumArg<vss::RollForwardType>(e, arg->name, text, arg);
    case ArgType::kFileRestoreStatus:
      return ParseEnumArg<vss::FileRestoreStatus>(e, arg->name, text, arg);
    case ArgType::kComponentType: {
      auto t = ParseComponentType(text);
      if (!t || *t == vss::ComponentType::VSS_CT_UNDEFINED) return bad();
      arg->value = static_cast<std::int64_t>(*t);
      return true;
    }
  }
  return bad();
}

void ReadExpectAttributes(const Element& e, Step* step) {
  ExpectedResult expected;
  if (e.Read("expect", ParseExpectedResult,
             "an expected result (an HRESULT name or 0xHEX, success, failure)", &expected,
             {"success", "failure", "S_OK", "VSS_E_BAD_STATE", "E_INVALIDARG"}) &&
      e.Has("expect")) {
    step->expect = expected;
  }
  if (auto as = e.Attr("as")) {
    if (as->empty()) e.AttrError("as", "must name a requester");
    step->requester = *as;
  }
}

void ReadCall(const Element& e, Step* step) {
  e.CheckShape(Spec("call"));
  std::optional<std::string> method = e.Attr("method");
  if (!method) return;  // reported by CheckShape
  step->method = FindMethod(*method);
  if (step->method == nullptr) {
    e.BadValue("method", *method, "a requester method", MethodNames());
    return;
  }
  const MethodSpec& m = *step->method;
  ReadExpectAttributes(e, step);
  auto not_here = [&](const std::string& attribute, std::string_view why) {
    e.AttrError(attribute,
                "not accepted by " + std::string(m.name) + " (" + std::string(why) + ")");
  };
  std::vector<std::string_view> known(std::begin(kStepAttributes), std::end(kStepAttributes));
  for (const ArgSpec& a : m.args) known.push_back(a.name);
  for (const std::string& name : e.AttributeNames()) {
    std::string text = e.Attr(name).value_or("");
    if (name == "method" || name == "as" || name == "expect") continue;
    if (name == "wait") {
      if (!m.async) not_here(name, "it is not asynchronous");
      bool wait = true;
      if (e.Read(
              name, [](const std::string& t) { return ParseBool(t); }, "yes or no", &wait)) {
        step->wait = wait;
      }
    } else if (name == "expect-count") {
      if (!m.count) not_here(name, "it yields no count");
      auto parse = [](const std::string& t) {
        return ParseUnsigned(t, std::numeric_limits<std::uint32_t>::max());
      };
      std::uint32_t count = 0;
      if (e.Read(name, parse, "a count", &count)) step->expect_count = count;
    } else if (name == "expect-state") {
      if (!m.status) not_here(name, "only GetWriterStatus reports a writer state");
      vss::WriterState state{};
      if (e.Read(name, vss::Parse<vss::WriterState>, "a VSS_WRITER_STATE", &state,
                 EnumNames<vss::WriterState>())) {
        step->expect_state = state;
      }
    } else if (name == "expect-status") {  // E: QueryStatus apart from Wait (load_check_steps.cc)
      if (!m.async) not_here(name, "it is not asynchronous");
      ReadExpectStatus(e, step);
    } else if (name == "expect-failure") {
      if (!m.status) not_here(name, "only GetWriterStatus reports a writer failure");
      HResult failure;
      if (e.Read(name, ParseHResult, "an HRESULT", &failure)) step->expect_failure = failure;
    } else if (name == "expect-application-error" || name == "expect-message") {
      // GetWriterStatusEx (WRT-ERR-02, REQ-STAT-04): what SetWriterFailureEx said.
      if (!m.status) not_here(name, "only GetWriterStatus reports a writer failure");
      HResult application;
      if (name == "expect-message") {
        step->expect_message = text;
      } else if (e.Read(name, ParseHResult, "an HRESULT", &application)) {
        step->expect_application_error = application;
      }
    } else if (const ArgSpec* spec = FindArg(m, name)) {
      Argument arg;
      const bool expects_failure =
          step->expect &&
          (step->expect->kind == ExpectedResult::Kind::kFailure ||
           (step->expect->kind == ExpectedResult::Kind::kExact && step->expect->code.Failed()));
      if (ParseArg(e, *spec, text, &arg, expects_failure)) step->args.push_back(std::move(arg));
    } else {
      std::string message = "unknown argument " + Quote(name) + " of " + std::string(m.name);
      std::string_view hint = Suggest(name, known);
      if (!hint.empty()) message += "; did you mean " + std::string(hint) + "?";
      e.AttrError(name, std::move(message));
    }
  }
  for (const ArgSpec& a : m.args) {
    if (a.required && !e.Has(a.name)) {
      e.Error(std::string(m.name) + " needs " + std::string(a.name) + "= (" +
              std::string(DescribeArgType(a.type)) + ")");
    }
  }
  for (const auto& group : m.exactly_one_of) {
    auto given = std::count_if(group.begin(), group.end(), [&](auto n) { return e.Has(n); });
    if (given != 1) {
      e.Error(std::string(m.name) + " needs exactly one of " + std::string(group[0]) + "= and " +
              std::string(group[1]) + "=");
    }
  }
  for (const auto& group : m.at_most_one_of) {
    auto given = std::count_if(group.begin(), group.end(), [&](auto n) { return e.Has(n); });
    if (given > 1) {
      e.Error(std::string(m.name) + " takes only one of " + std::string(group[0]) + "= and " +
              std::string(group[1]) + "=");
    }
  }
}

// <backup-data>, <restore-data> (data_step.h): played before the next requester step.
void ReadDataStep(const Element& e, Scenario* scenario) {
  e.CheckShape(Spec(e.name()));
  DataStep d;
  d.where = e.where();
  d.kind = e.name() == "backup-data" ? DataStep::Kind::kBackup : DataStep::Kind::kRestore;
  d.medium = e.RequiredName("medium");
  if (auto as = e.Attr("as")) {
    if (as->empty()) e.AttrError("as", "must name a requester");
    d.requester = *as;
  }
  if (auto set = e.Attr("set")) {
    if (set->empty()) e.AttrError("set", "must name a backup set");
    d.set = *set;
  }
  e.Read(
      "record-status", [](const std::string& t) { return ParseBool(t); }, "yes or no",
      &d.record_status);
  std::size_t earlier = 0;  // backups to this medium before this step
  bool known = false;
  for (const DataStep& other : scenario->data_steps) {
    if (other.kind != DataStep::Kind::kBackup) continue;
    if (d.kind == DataStep::Kind::kBackup && other.set == d.set && !d.set.empty()) {
      e.AttrError("set", "backup set " + Quote(d.set) + " is already taken at line " +
                             std::to_string(other.where.line));
    }
    if (other.medium == d.medium) ++earlier;
    known = known || (other.medium == d.medium && other.set == d.set);
  }
  if (d.kind == DataStep::Kind::kBackup && d.set.empty()) {
    d.set = "set" + std::to_string(earlier + 1);  // default label
  }
  if (d.kind == DataStep::Kind::kRestore && earlier == 0) {
    e.AttrError("medium", "no earlier <backup-data> writes medium " + Quote(d.medium));
  } else if (d.kind == DataStep::Kind::kRestore && !d.set.empty() && !known) {
    e.AttrError("set", "no earlier <backup-data> wrote set " + Quote(d.set) + " to medium " +
                           Quote(d.medium));
  }
  d.before_step = scenario->steps.size();
  scenario->data_steps.push_back(std::move(d));
}

}  // namespace

void ReadStepList(const Element& parent, Scenario* scenario, DataElements* data_elements) {
  const ElementSpec& spec = Spec(parent.name());
  for (const Element& child : parent.Children()) {
    const std::string& n = child.name();
    if (!IsChild(spec, n)) continue;  // reported by CheckShape
    if (n == "repeat") {
      ReadRepeat(child, scenario, data_elements);
      continue;
    }
    if (n == "backup-data" || n == "restore-data") {
      ReadDataStep(child, scenario);
      data_elements->push_back({scenario->data_steps.back().requester, child});
      continue;
    }
    Step step;
    step.where = child.where();
    if (n == "call") {
      step.kind = StepKind::kCall;
      ReadCall(child, &step);
      if (step.method == nullptr) continue;
    } else if (n == "identify") {
      step.kind = StepKind::kIdentify;
      step.requester.clear();  // another application's Identify: no requester of this scenario
      child.CheckShape(Spec(n));
      step.writer = child.Attr("writer").value_or("");
      if (child.Has("writer") && step.writer.empty())
        child.AttrError("writer", "must not be empty");
    } else if (n == "check-state" || n == "bcd") {  // E: load_check_steps.cc
      ReadCheckStep(child, &step);
    } else if (n == "stop-service" || n == "start-service" || n == "restart-service") {
      ReadServiceStep(child, &step);  // load_service_steps.cc
    } else if (n == "end-hold") {     // the holder of the provider's writes: no requester
      step.kind = StepKind::kEndHold;
      step.requester.clear();
      child.CheckShape(Spec(n));
      ReadExpectAttributes(child, &step);
    } else if (n == "advance") {
      step.kind = StepKind::kAdvance;
      step.requester.clear();  // the clock moves for everyone: no requester
      child.CheckShape(Spec(n));
      auto parse = [](const std::string& t) { return runtime::ParseDuration(t); };
      if (child.Read("by", parse, "a virtual duration (\"70s\")", &step.by) && child.Has("by") &&
          step.by.count() == 0) {
        child.AttrError("by", "must be more than 0s");
      }
    } else {
      step.kind = n == "terminate" ? StepKind::kTerminate
                  : n == "release" ? StepKind::kRelease
                  : n == "wait"    ? StepKind::kWait
                                   : StepKind::kCancel;
      child.CheckShape(Spec(n));
      ReadExpectAttributes(child, &step);
      if (step.kind == StepKind::kWait) ReadExpectStatus(child, &step);  // E
    }
    scenario->steps.push_back(std::move(step));
  }
}

void ReadRequester(const Element& e, Scenario* scenario) {
  e.CheckShape(Spec("requester"));
  DataElements data_elements;
  ReadStepList(e, scenario, &data_elements);
  // A data step acts for a requester the <call> steps create.
  for (const auto& entry : data_elements) {
    // Not a structured binding: clang 14 cannot capture one in a lambda (C++17).
    const std::string& requester = entry.first;
    bool used = std::any_of(scenario->steps.begin(), scenario->steps.end(), [&](const Step& s) {
      // NAME#k: a repeat's new instance of NAME (load_repeat.cc)
      return s.requester == requester || s.requester.rfind(requester + "#", 0) == 0;
    });
    if (!used) entry.second.Error("no requester step uses " + Quote(requester) + " (as=)");
  }
}

}  // namespace vsssim::scenario::internal
