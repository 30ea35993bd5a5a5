/* The message table for the data library's error codes. */
#include "data/data_err.h"

#include "core/error.h"

const char *data_strerror(int err)
{
    switch (err) {
    case DATA_EIO:
        return "a data file cannot be opened or read";
    case DATA_EFORMAT:
        return "a data file is not in the expected format";
    case DATA_ENODATA:
        return "the dataset is not installed";
    }
    return nn_strerror(err);
}
