/* For tests under Wine only, never shipped: Wine 8 lacks bcryptprimitives.dll,
 * whose ProcessPrng Rust's standard library imports on Windows 10 and later
 * (real Windows has it). This stand-in fills the buffer with RtlGenRandom
 * (advapi32's SystemFunction036). packaging/test-windows.sh builds it and
 * copies it into its private Wine prefix. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
