#ifndef CUSTODY_CSYSTEMD_SHIM_H
#define CUSTODY_CSYSTEMD_SHIM_H

#include <systemd/sd-daemon.h>

#endif
