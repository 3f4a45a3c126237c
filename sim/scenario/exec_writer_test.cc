// Tests of <writer exec=...> in the loader: a writer process says its own identity, metadata
// and behaviour, so the scenario may give it nothing but name= and exec= (docs/serve.md).
#include <gtest/gtest.h>

#include "vsssim/scenario/loader.h"

namespace vsssim::scenario {
namespace {

std::string FirstError(const LoadResult& r) {
  return r.errors.empty() ? "(no error)" : r.errors.front().ToString();
}

// Checks that an exec writer is read with its command and no scripted content.
TEST(Scenario_ExecWriter, NameAndCommandAreRead) {
  LoadResult r = LoadScenarioText(
      "<scenario name=\"s\">\n<writer name=\"Py\" exec=\"python3 w.py --fast\"/>\n</scenario>",
      "x.xml");
  ASSERT_TRUE(r.ok()) << r.ErrorText();
  ASSERT_EQ(r.scenario->writers.size(), 1u);
  EXPECT_EQ(r.scenario->writers[0].name, "Py");
  EXPECT_EQ(r.scenario->writers[0].exec, "python3 w.py --fast");
  EXPECT_TRUE(r.scenario->writers[0].components.empty());
}

// Checks that an empty or blank command is refused with its location.
TEST(Scenario_ExecWriter, BlankCommandIsRefused) {
  for (const char* command : {"", "  "}) {
    LoadResult r = LoadScenarioText(std::string("<scenario name=\"s\">\n<writer name=\"Py\" "
                                                "exec=\"") +
                                        command + "\"/>\n</scenario>",
                                    "x.xml");
    EXPECT_EQ(FirstError(r), "x.xml:2: <writer> attribute exec: must name a command") << command;
  }
}

// Checks that identity attributes and children, which the process would silently override,
// are errors that say why.
TEST(Scenario_ExecWriter, ScriptedContentIsRefused) {
  LoadResult attr = LoadScenarioText(
      "<scenario name=\"s\">\n<writer name=\"Py\" exec=\"w\" level=\"BACK_END\"/>\n</scenario>",
      "x.xml");
  EXPECT_NE(FirstError(attr).find("x.xml:2: <writer> attribute level: a writer process (exec=) "
                                  "says its own identity in its hello"),
            std::string::npos)
      << FirstError(attr);
  LoadResult child = LoadScenarioText(
      "<scenario name=\"s\">\n<writer name=\"Py\" exec=\"w\">\n<on event=\"Freeze\" "
      "hang=\"yes\"/>\n</writer>\n</scenario>",
      "x.xml");
  EXPECT_EQ(FirstError(child).rfind("x.xml:3: <on>: not allowed inside <writer exec=...>", 0), 0u)
      << FirstError(child);
}

// Checks that a step may name a component of a writer process (known only once it runs),
// while a scripted writer's missing component is still an error.
TEST(Scenario_ExecWriter, ComponentsAreKnownOnlyAtRunTime) {
  const std::string steps =
      "<requester>\n<call method=\"AddComponent\" writer=\"W\" component=\"c\"/>\n"
      "</requester>\n</scenario>";
  LoadResult process =
      LoadScenarioText("<scenario name=\"s\">\n<writer name=\"W\" exec=\"w\"/>\n" + steps, "x.xml");
  EXPECT_TRUE(process.ok()) << process.ErrorText();
  LoadResult scripted =
      LoadScenarioText("<scenario name=\"s\">\n<writer name=\"W\"/>\n" + steps, "x.xml");
  EXPECT_NE(FirstError(scripted).find("has no component"), std::string::npos)
      << FirstError(scripted);
}

}  // namespace
}  // namespace vsssim::scenario
