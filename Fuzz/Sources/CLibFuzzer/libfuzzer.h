// libFuzzer's driver, which -sanitize=fuzzer links in (compiler-rt, FuzzerDriver.cpp).
// SwiftPM links an executable's `main` to `<Module>_main`, so libFuzzer's own `main` is not used:
// each fuzz target's `<Module>_main` calls this instead.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
