#include "conformance/requester/call_log.h"

#include <utility>

namespace vsssim::conformance {

bool Pending(const coordinator::AsyncPtr& op) {
  HResult status = hr::S_OK;
  return op && op->QueryStatus(&status) == hr::S_OK && status == hr::VSS_S_ASYNC_PENDING;
}

void CallLog::Tick() {
  if (++used_ > budget_) throw CallBudgetExceeded();
}

std::size_t CallLog::Begin(int instance, std::string method) {
  Tick();
  AbandonPending(instance, method);
  calls_.push_back({instance, std::move(method), hr::S_OK, clock_.Now()});
  return calls_.size() - 1;
}

void CallLog::AddOperation(int instance, std::size_t call, coordinator::AsyncPtr real) {
  Operation op;
  op.instance = instance;
  op.method = calls_[call].method;
  op.call = call;
  op.real = std::move(real);
  op.end = hr::VSS_S_ASYNC_PENDING;
  operations_.push_back(std::move(op));
}

void CallLog::AddSave(int instance, std::size_t call, std::string xml) {
  bool after_snapshot = false;
  for (const Operation& op : operations_) {
    HResult status = hr::VSS_S_ASYNC_PENDING;
    if (op.instance == instance && op.method == "DoSnapshotSet") op.real->QueryStatus(&status);
    if (status == hr::VSS_S_ASYNC_FINISHED) after_snapshot = true;
  }
  saves_.push_back({instance, call, std::move(xml), after_snapshot});
}

void CallLog::AbandonPending(int instance, const std::string& by) {
  for (Operation& op : operations_) {
    if (op.instance != instance || !op.abandoned_by.empty() || !Pending(op.real)) continue;
    op.abandoned_by = by;
    op.abandoned_at = clock_.Now();
  }
}

void CallLog::Settle() {
  for (Operation& op : operations_) {
    HResult status = hr::VSS_S_ASYNC_PENDING;
    if (op.real) op.real->QueryStatus(&status);
    op.end = status;
  }
}

}  // namespace vsssim::conformance
