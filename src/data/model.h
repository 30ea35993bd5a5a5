/*
 * Saved models: a trained MLP in one binary file.
 *
 * Layout, every integer little-endian, version 1:
 *
 *   offset  size  field
 *   0       8     magic "NNLABMDL"
 *   8       4     format version (1)
 *   12      4     dtype: 0 = f32, 1 = f64
 *   16      4     dataset it was trained on: 0 = MNIST, 1 = Fashion-MNIST
 *   20      4     inputs of the first layer
 *   24      4     number of layers L
 *   28      16·L  per layer: units (u32), activation kind (u32, the order
 *                 of enum nn_act_kind), has bias (u32, 0 or 1), and the
 *                 leaky ReLU slope as the bits of an IEEE-754 f32 (u32)
 *   28+16L  8     number of parameters P (u64), which must equal what the
 *                 shapes above imply
 *   36+16L  P·s   the parameters in the MLP's layout (core/mlp.h), each
 *                 the bits of an IEEE-754 number of s = 4 or 8 bytes
 *   end-4   4     CRC-32 (zlib's) of every byte before it
 *
 * Saving is atomic: the bytes go to a temporary file in the target's own
 * directory, which is flushed to the disk (fsync) and then renamed over
 * the target, so a reader sees either the old file whole or the new file
 * whole, and a failed save (disk full, read-only directory, a signal)
 * leaves the old file untouched.
 *
 * Loading checks, in this order, and says which failed: the magic, the
 * version, the header's sizes against the file's size (truncated or
 * trailing bytes), the checksum (any flipped byte), then the shapes
 * (within the core's limits, and P consistent with them).
 */
#ifndef DATA_MODEL_H
#define DATA_MODEL_H

#include <stddef.h>

#include "core/mlp.h"
#include "data/dataset.h"

#define MODEL_MAGIC "NNLABMDL"
#define MODEL_VERSION 1u

/*
 * Write m to path atomically. Returns 0, or DATA_EIO with "PATH: what
 * went wrong" in msg; the file at path is then as it was.
 */
int model_save(const char *path, const struct nn_mlp *m, enum dataset_kind kind,
               char *msg, size_t msg_size);

/*
 * Check, before a long training run, that model_save(path) can create its
 * temporary file next to path (the directory exists and is writable), by
 * creating and removing one. Returns 0, or DATA_EIO with "PATH: why" in
 * msg. A later save can still fail (a full disk); it then says so.
 */
int model_save_check(const char *path, char *msg, size_t msg_size);

/*
 * Read a model from path into m (built here: free with nn_mlp_fini) and
 * the dataset it was trained on into *kind. Returns 0, or DATA_EIO (cannot
 * read), DATA_EFORMAT (not a model, another version, truncated, corrupt,
 * impossible shapes) or NN_ENOMEM, with "PATH: what is wrong" in msg; m is
 * then empty.
 */
int model_load(const char *path, struct nn_mlp *m, enum dataset_kind *kind,
               char *msg, size_t msg_size);

#endif
