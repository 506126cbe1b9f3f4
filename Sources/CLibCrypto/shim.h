/* OpenSSL's libcrypto, for SHA-256 only: its implementation uses the CPU's SHA
   instructions where they exist (several times faster than portable code, and every
   generated file is hashed for the manifest). */
#include <openssl/sha.h>
