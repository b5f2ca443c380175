/* Test prefix only, never shipped: Wine 8.0 has no icuuc.dll, which Windows 10+ has and
   Qt6Core imports for ICU converters. Opening a converter fails, so Qt falls back to its
   own UTF-8/UTF-16/Latin-1 codecs, all Recourse uses. */
#include <stddef.h>
#define EXPORT __declspec(dllexport)
typedef int UErrorCode;
enum { U_FILE_ACCESS_ERROR = 4 };

EXPORT void *ucnv_open(const char *name, UErrorCode *err) {
    (void)name;
    if (err) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT void ucnv_close(void *c) { (void)c; }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void ucnv_reset(void *c) { (void)c; }
EXPORT signed char ucnv_getMaxCharSize(const void *c) { (void)c; return 1; }
EXPORT const char *ucnv_getName(const void *c, UErrorCode *err) {
    (void)c; if (err) *err = U_FILE_ACCESS_ERROR; return NULL;
}
EXPORT void ucnv_getToUCallBack(void) {}
EXPORT void ucnv_getFromUCallBack(void) {}
EXPORT void ucnv_setToUCallBack(void) {}
EXPORT void ucnv_setFromUCallBack(void) {}
EXPORT void ucnv_cbToUWriteUChars(void) {}
EXPORT void ucnv_cbFromUWriteUChars(void) {}
EXPORT void ucnv_toUnicode(void) {}
EXPORT void ucnv_fromUnicode(void) {}
EXPORT int ucnv_toUCountPending(const void *c, UErrorCode *err) { (void)c; (void)err; return 0; }
EXPORT int ucnv_fromUCountPending(const void *c, UErrorCode *err) { (void)c; (void)err; return 0; }
EXPORT const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *err) {
    (void)n; (void)s; (void)err; return NULL;
}
EXPORT const char *ucnv_getAvailableName(int n) { (void)n; return NULL; }
EXPORT int ucnv_countAvailable(void) { return 0; }
