#include <cstdint>
#include <mutex>

#include "sim/sdk/service.h"
#include "vsssim/vss/hresult.h"

#include "sim/sdk/common/finding.h"  // last (sdk_api.h)

namespace vsssim::sdk {

HRESULT RecordFinding(std::string_view actor, std::string_view call, HRESULT hr,
                      std::string_view what, std::string_view rule) {
  std::lock_guard<std::recursive_mutex> lock(ServiceLock());
  std::string message(call);
  message.append(": ").append(what);
  CurrentService().trace().Append(trace::EntryKind::kFinding, actor, "vss", message,
                                  {{"call", call}, {"hr", HResultText(ToHResult(hr)).view()}},
                                  rule);
  return hr;
}

}  // namespace vsssim::sdk
