/* Test prefix only, never shipped: Wine 8.0 has no bcryptprimitives.dll, which Windows 10+
   has and Rust-built wheels (pydantic_core, cryptography) import for ProcessPrng. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
