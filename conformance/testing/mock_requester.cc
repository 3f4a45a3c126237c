#include "vsssim/testing/mock_requester.h"

#include <type_traits>

namespace vsssim::testing {
namespace {

// A missing MOCK_METHOD for a method of coordinator::Requester leaves MockRequester abstract:
// this fails the build of the library, not only of the tests that use it.
static_assert(!std::is_abstract_v<MockRequester>,
              "MockRequester must mock every method of coordinator::Requester");

class FinishedAsyncImpl : public coordinator::Async {
 public:
  explicit FinishedAsyncImpl(HResult result) : result_(result) {}
  HResult Wait(std::uint32_t milliseconds) override {
    if (milliseconds != kInfinite) return hr::E_INVALIDARG;  // ASYNC-03
    return result_.Failed() ? result_ : hr::S_OK;
  }
  HResult QueryStatus(HResult* status) override {
    if (status == nullptr) return hr::E_INVALIDARG;  // ASYNC-02
    *status = Ended();
    return hr::S_OK;
  }
  HResult Cancel() override { return Ended(); }  // ASYNC-04: already ended

 private:
  HResult Ended() const { return result_.Failed() ? result_ : hr::VSS_S_ASYNC_FINISHED; }
  HResult result_;
};

}  // namespace

coordinator::AsyncPtr FinishedAsync(HResult result) {
  return std::make_shared<FinishedAsyncImpl>(result);
}

MockRequester::MockRequester() {
  using ::testing::_;
  using ::testing::DoAll;
  using ::testing::Return;
  using ::testing::SetArgPointee;
  ON_CALL(*this, GatherWriterMetadata(_)).WillByDefault(ReturnFinishedAsync());
  ON_CALL(*this, PrepareForBackup(_)).WillByDefault(ReturnFinishedAsync());
  ON_CALL(*this, DoSnapshotSet(_)).WillByDefault(ReturnFinishedAsync());
  ON_CALL(*this, BackupComplete(_)).WillByDefault(ReturnFinishedAsync());
  ON_CALL(*this, GatherWriterStatus(_)).WillByDefault(ReturnFinishedAsync());
  ON_CALL(*this, PreRestore(_)).WillByDefault(ReturnFinishedAsync());
  ON_CALL(*this, PostRestore(_)).WillByDefault(ReturnFinishedAsync());
  const auto zero_count = DoAll(SetArgPointee<0>(std::uint32_t{0}), Return(hr::S_OK));
  ON_CALL(*this, GetWriterMetadataCount(_)).WillByDefault(zero_count);
  ON_CALL(*this, GetWriterStatusCount(_)).WillByDefault(zero_count);
  ON_CALL(*this, GetWriterComponentsCount(_)).WillByDefault(zero_count);
}

}  // namespace vsssim::testing
