/* A stand-in for Windows' bcryptprimitives.dll, for running Leadline's Windows test binaries
 * under Wine 8, which lacks it. Go 1.26's runtime reads its random numbers from ProcessPrng
 * there; real Windows 10 and 11 ship the DLL, so nothing of this goes into a release.
 * build/windows/wine-tests.sh compiles it into the system32 folder of a Wine prefix kept for
 * the tests, where Go's runtime looks for it. */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		length -= chunk;
	}
	return TRUE;
}
