#include "sdk_writer_factories.h"

#include <memory>

#include "database_writer.h"

namespace {

// The application's databases, constructed before the writer that refers to them.
struct SampleDatabases {
  sample::Database orders{L"Orders"};
  sample::Database customers{L"Customers"};
};

class SampleDatabaseWriter : private SampleDatabases, public sample::DatabaseWriter {
 public:
  SampleDatabaseWriter() : sample::DatabaseWriter({&orders, &customers}) {
    orders.Write(L"order:1", L"2 chairs");
    customers.Write(L"customer:1", L"Contoso");
  }
};

// WRT-RET-01: a handler that fails must say why with SetWriterFailure; this one does not.
class FreezeFalseWithoutFailureWriter : public SampleDatabaseWriter {
 public:
  bool STDMETHODCALLTYPE OnFreeze() override { return false; }
};

template <class W>
std::unique_ptr<CVssWriter> CreateAndStart() {
  auto writer = std::make_unique<W>();
  if (FAILED(writer->Start())) return nullptr;
  return writer;
}

}  // namespace

std::unique_ptr<CVssWriter> CreateSampleDatabaseWriter() {
  return CreateAndStart<SampleDatabaseWriter>();
}

std::unique_ptr<CVssWriter> CreateFreezeFalseWithoutFailureWriter() {
  return CreateAndStart<FreezeFalseWithoutFailureWriter>();
}
