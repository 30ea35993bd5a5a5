/*
 * Error codes of the numeric core.
 *
 * The core never prints and never exits: a function that can fail returns 0
 * on success or one of the negative codes below, and nn_strerror() turns a
 * code into one sentence for whoever talks to the user (cli or tui).
 */
#ifndef NN_ERROR_H
#define NN_ERROR_H

enum nn_err {
    NN_OK = 0,
    NN_ENOMEM = -1,   /* an allocation failed */
    NN_ESHAPE = -2,   /* matrix shapes do not fit together */
    NN_EDTYPE = -3,   /* operands have different dtypes */
    NN_EINVAL = -4,   /* an argument is out of its documented range */
    NN_ETOOBIG = -5,  /* a size would overflow or exceed the limits */
    NN_ENONFINITE = -6, /* a NaN or an infinity appeared */
};

/* A static English sentence for an error code; never NULL. */
const char *nn_strerror(int err);

#endif
