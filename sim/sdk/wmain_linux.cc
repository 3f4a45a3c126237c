// wmain for SDK-shaped programs on Linux (docs/sdk.md): a Windows console program written for
// Unicode starts at `int wmain(int argc, wchar_t* argv[])` (or `_tmain`, <tchar.h>). Link the
// library vsssim::sdk_wmain (this file) into such a program: its main converts the arguments
// (UTF-8, the Linux convention) to wide strings and calls the program's wmain.
#include <string>
#include <vector>

#include "sim/sdk/common/wide_string.h"

int wmain(int argc, wchar_t* argv[]);

int main(int argc, char* argv[]) {
  std::vector<std::wstring> wide;
  wide.reserve(static_cast<std::size_t>(argc));
  for (int i = 0; i < argc; ++i) wide.push_back(vsssim::sdk::ToWide(argv[i]));
  std::vector<wchar_t*> pointers;
  for (std::wstring& w : wide) pointers.push_back(w.data());
  pointers.push_back(nullptr);
  return wmain(argc, pointers.data());
}
