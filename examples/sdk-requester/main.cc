// vshadow-lite: a full backup of C:\ with every writer's components, then a restore of it.
// Exit 0 when both succeed; the failing HRESULT is printed otherwise.
#include <cstdio>
#include <string>
#include <vector>

#include "vshadow_lite.h"

int main() {
  std::wstring bcd;
  std::printf("== backup\n");
  HRESULT hr = vshadow_lite::Backup({L"C:\\"}, &bcd, stdout);
  if (FAILED(hr)) {
    std::printf("backup failed: 0x%08lX\n", static_cast<unsigned long>(hr));
    return 1;
  }
  std::printf("== restore\n");
  hr = vshadow_lite::Restore(bcd, stdout);
  if (FAILED(hr)) {
    std::printf("restore failed: 0x%08lX\n", static_cast<unsigned long>(hr));
    return 1;
  }
  std::printf("== done\n");
  return 0;
}
