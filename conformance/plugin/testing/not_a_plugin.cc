// A shared library that is no writer plug-in at all (no vsssim_writer_plugin_abi_version).
extern "C"
#if defined(_WIN32)
    __declspec(dllexport)
#else
    __attribute__((visibility("default")))
#endif
        int some_other_function(void) {
  return 7;
}
