/* The one message table for the core's error codes. */
#include "core/error.h"

const char *nn_strerror(int err)
{
    switch (err) {
    case NN_OK:
        return "success";
    case NN_ENOMEM:
        return "out of memory";
    case NN_ESHAPE:
        return "matrix shapes do not match";
    case NN_EDTYPE:
        return "matrices have different dtypes";
    case NN_EINVAL:
        return "invalid argument";
    case NN_ETOOBIG:
        return "size too large";
    case NN_ENONFINITE:
        return "value is not finite (NaN or infinity)";
    }
    return "unknown error";
}
