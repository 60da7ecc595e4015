// libFuzzer's driver, which jariya-fuzz calls from its own entry point: SwiftPM
// links every executable with `--defsym main=<module>_main`, so the program's
// main must be ours, and it hands over to libFuzzer. Declared only; the
// definition comes with `-sanitize=fuzzer` (libclang_rt.fuzzer).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
