#ifndef CUSTODY_CCRYPTO_SHIM_H
#define CUSTODY_CCRYPTO_SHIM_H

#include <openssl/evp.h>
#include <openssl/err.h>

// File-system helpers for the Vault, the only Swift module that imports this one. Swift's Glibc module is built
// without _GNU_SOURCE, so O_NOATIME and renameat2 are not visible to Swift; these wrappers reach them.
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

/// The O_NOATIME open flag (reading does not update the access time).
static inline int custody_o_noatime(void) {
    return __O_NOATIME;
}

/// Renames `from` to `to` only if `to` does not exist (renameat2 with RENAME_NOREPLACE, which is 1 << 0 in
/// <linux/fs.h>). Returns 0, or -1 with errno set (EEXIST when the name is taken; EINVAL or ENOSYS when the
/// file system or kernel cannot do it).
static inline int custody_rename_noreplace(const char *from, const char *to) {
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 1u << 0);
}

#endif
