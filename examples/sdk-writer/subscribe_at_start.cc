// Starts the sample database writer when the program starts, as a writer service would: link
// this file into a requester program (examples/sdk-requester) and the writer is subscribed to
// VSS before main() runs; it unsubscribes when the program ends. Only the documented API.
#include "database_writer.h"

namespace {

class WriterAtStart {
 public:
  WriterAtStart() : orders_(L"Orders"), customers_(L"Customers") {
    CoInitializeEx(nullptr, COINIT_MULTITHREADED);
    orders_.Write(L"order:1", L"2 chairs");
    customers_.Write(L"customer:1", L"Contoso");
    writer_ = new sample::DatabaseWriter({&orders_, &customers_});
    writer_->Start();
  }
  ~WriterAtStart() {
    writer_->Unsubscribe();
    delete writer_;
    CoUninitialize();
  }

 private:
  sample::Database orders_;
  sample::Database customers_;
  sample::DatabaseWriter* writer_ = nullptr;
};

WriterAtStart g_writer_at_start;

}  // namespace
