#ifndef CUSTODY_CCRYPTO_SHIM_H
#define CUSTODY_CCRYPTO_SHIM_H

#include <openssl/evp.h>
#include <openssl/err.h>

#endif
