// libsodium, for argon2id password hashes.
#ifndef JARIYA_CSODIUM_SHIM_H
#define JARIYA_CSODIUM_SHIM_H
#include <sodium.h>
#endif
