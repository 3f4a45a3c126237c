// The one place that configures Boost.MSM for vsssim (../shared/STYLE.md habit 8). Include this
// header instead of any boost/msm header, and before any other Boost header in the file.
//
// - Boost 1.74 as Debian ships it: C++17 (MSM's back-end does not compile under g++ 12 in
//   C++20), BOOST_BIND_GLOBAL_PLACEHOLDERS and BOOST_ALLOW_DEPRECATED_HEADERS so it is
//   warning-free with -Wall -Wextra -Wpedantic on g++ 12 and clang 14.
// - Table size: the stock MPL limit of 20 rows applies. Keep tables small and split large
//   protocols into sub-machines or data tables the machine consults; compile time and memory
//   grow steeply with rows (about 10 s and 1.2 GB per translation unit at 50 rows).
// - Front-ends derive from RecordingMachine<Derived>, which turns an event the table has no
//   row for into a call of Derived::OnUnexpectedEvent(event_name, state_name) instead of MSM's
//   default assert: protocol misuse is a finding with a rule ID, never a crash (habit 4).
//   It also switches off MSM's message queue and exception catching: events are dispatched
//   synchronously, and handlers that throw are caught by the caller (WRT-RET-02).
// - Events and states declare `static constexpr std::string_view kName`; those names appear in
//   traces, so they are part of the trace contract.
//
// Thread safety: as Boost.MSM — a machine instance is not thread-safe.
#ifndef VSSSIM_SIM_RUNTIME_MSM_H_
#define VSSSIM_SIM_RUNTIME_MSM_H_

#ifndef BOOST_BIND_GLOBAL_PLACEHOLDERS
#define BOOST_BIND_GLOBAL_PLACEHOLDERS
#endif
#ifndef BOOST_ALLOW_DEPRECATED_HEADERS
#define BOOST_ALLOW_DEPRECATED_HEADERS
#endif

#include <boost/mpl/for_each.hpp>
#include <boost/msm/back/state_machine.hpp>
#include <boost/msm/back/tools.hpp>
#include <boost/msm/front/functor_row.hpp>
#include <boost/msm/front/state_machine_def.hpp>

#include <array>
#include <string_view>

namespace vsssim::msm {

namespace front = boost::msm::front;
namespace back = boost::msm::back;
using front::none;
using front::Row;

namespace internal {
// Fills names[state id] = State::kName for each state of a transition table.
template <class Stt, class Names>
struct StateNameCollector {
  Names* names;
  template <class State>
  void operator()(const boost::msm::wrap<State>&) const {
    (*names)[back::get_state_id<Stt, State>::value] = State::kName;
  }
};
}  // namespace internal

// Base for every vsssim front-end.
template <class Derived>
struct RecordingMachine : front::state_machine_def<Derived> {
  using no_message_queue = int;     // dispatch synchronously; no deferred events
  using no_exception_thrown = int;  // handlers' exceptions are the caller's business

  template <class Fsm, class Event>
  void no_transition(const Event&, Fsm& fsm, int state) {
    fsm.OnUnexpectedEvent(Event::kName, StateName<Fsm>(state));
  }

  // The kName of the state with MSM id `state`, or "?" for an id outside the table.
  template <class Fsm>
  static std::string_view StateName(int state) {
    static const auto names = CollectStateNames<Fsm>();
    if (state < 0 || static_cast<std::size_t>(state) >= names.size()) return "?";
    return names[static_cast<std::size_t>(state)];
  }

 private:
  template <class Fsm>
  static auto CollectStateNames() {
    using Stt = typename Fsm::stt;
    using States = typename back::generate_state_set<Stt>::type;
    using Names = std::array<std::string_view, boost::mpl::size<States>::value>;
    Names names{};
    boost::mpl::for_each<States, boost::msm::wrap<boost::mpl::placeholders::_1>>(
        internal::StateNameCollector<Stt, Names>{&names});
    return names;
  }
};

// The kName of the machine's current (first region's) state.
template <class Fsm>
std::string_view CurrentStateName(const Fsm& fsm) {
  return Fsm::template StateName<Fsm>(fsm.current_state()[0]);
}

}  // namespace vsssim::msm

#endif  // VSSSIM_SIM_RUNTIME_MSM_H_
