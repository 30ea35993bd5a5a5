/*
 * Error codes of the data library (IDX files and datasets).
 *
 * Like the core, the data library never prints: a function that can fail
 * returns 0 or a negative code, and also writes one full sentence naming
 * the file and what is wrong into a caller-supplied message buffer. The
 * codes let the caller decide what to do (a lesson shows the fetch command
 * for DATA_ENODATA); the message is what the user reads.
 *
 * Besides the codes below, data functions return the core's NN_ENOMEM and
 * NN_ETOOBIG (src/core/error.h).
 */
#ifndef DATA_ERR_H
#define DATA_ERR_H

/* A message buffer of this size holds any message with a long path. */
#define DATA_MSG_SIZE 1024

enum data_err {
    DATA_EIO = -20,     /* a file cannot be opened or read */
    DATA_EFORMAT = -21, /* a file's content is not what it must be */
    DATA_ENODATA = -22, /* the dataset's files are not found anywhere */
};

/* A static sentence for a data or core error code; never NULL. */
const char *data_strerror(int err);

#endif
