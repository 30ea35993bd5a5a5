/*
 * Reading IDX files, the format of MNIST and Fashion-MNIST.
 *
 * An IDX file is a big-endian header followed by raw bytes:
 *
 *   offset  size  field
 *   0       4     magic: 0x00 0x00, element type (0x08 = unsigned byte),
 *                 number of dimensions
 *   4       4·d   the d dimensions, each a 32-bit big-endian count
 *   4+4·d   ...   the elements, row-major, one byte each for type 0x08
 *
 * Images are magic 0x00000803: count x rows x cols bytes, 0 (background)
 * to 255 (ink). Labels are magic 0x00000801: count bytes, one class index
 * each. Files may be raw or gzip-compressed (.gz); both are read the same
 * way, and a file's name does not have to say which.
 *
 * Every header field is checked before anything is allocated: the magic
 * number, dimensions that are zero or absurd (see the limits below), and
 * the file size against what the header promises (exactly, for a raw
 * file; while reading, for a compressed one). A bad file gives DATA_EIO or
 * DATA_EFORMAT and a message naming the file and the fault; nothing is
 * left allocated.
 */
#ifndef DATA_IDX_H
#define DATA_IDX_H

#include <stddef.h>

#include "core/mat.h"

#define IDX_MAGIC_IMAGES 0x00000803u
#define IDX_MAGIC_LABELS 0x00000801u

/* Limits that refuse absurd headers before any allocation. The largest
 * real file in this format that we know of, EMNIST ByClass's training
 * images (697 932 images of 28 x 28, 547 MB), fits; a header claiming
 * more is corrupt or hostile. */
#define IDX_MAX_COUNT 10000000u   /* images or labels in one file */
#define IDX_MAX_SIDE 1024u        /* rows or columns of one image */
#define IDX_MAX_BYTES (1ul << 30) /* pixel bytes of one file: 1 GiB */

/* A set of grey-level images, owned: free with idx_images_fini(). Image i
 * is the rows x cols bytes at pixels + i * rows * cols. */
struct idx_images {
    size_t count;
    size_t rows;
    size_t cols;
    unsigned char *pixels;
};

/* A set of labels, owned: free with idx_labels_fini(). */
struct idx_labels {
    size_t count;
    unsigned char *labels;
};

/*
 * Load an image file (raw or .gz). On success returns 0 and img owns its
 * pixels. On failure returns DATA_EIO (cannot open or read; a directory),
 * DATA_EFORMAT (bad magic, bad dimensions, truncated or trailing data,
 * corrupt compression), NN_ETOOBIG (past the limits above) or NN_ENOMEM,
 * writes "PATH: what is wrong" into msg (msg_size bytes, may be 0), and
 * leaves img empty (idx_images_fini() is still safe).
 */
int idx_images_load(struct idx_images *img, const char *path, char *msg,
                    size_t msg_size);
void idx_images_fini(struct idx_images *img);

/* Load a label file; same contract as idx_images_load(). */
int idx_labels_load(struct idx_labels *lab, const char *path, char *msg,
                    size_t msg_size);
void idx_labels_fini(struct idx_labels *lab);

/* Pixels per image: rows * cols (784 for MNIST). */
static inline size_t idx_images_pixels(const struct idx_images *img)
{
    return img->rows * img->cols;
}

/*
 * Images as network inputs, converted on demand so the dataset stays in
 * bytes (47 MB for MNIST's training set instead of 188 MB as floats).
 * x is a caller-owned (n, rows * cols) matrix of either dtype; row k gets
 * the pixels of one image scaled to [0, 1] (byte / 255).
 *
 * idx_images_rows(): images first .. first + n - 1.
 * idx_images_gather(): images index[0 .. n - 1] (a shuffled mini-batch).
 * Return NN_ESHAPE if x has the wrong number of columns, NN_EINVAL if an
 * image index is out of range (x is then partly written).
 */
int idx_images_rows(struct nn_mat *x, const struct idx_images *img,
                    size_t first);
int idx_images_gather(struct nn_mat *x, const struct idx_images *img,
                      const size_t *index);

/*
 * Labels as one-hot targets: y is a caller-owned (n, classes) matrix; row k
 * becomes all zeros except a 1 in the column of its label. Labels come from
 * first .. first + n - 1, or from index[0 .. n - 1] for the gather form.
 * NN_EINVAL if an index is out of range or a label is >= classes (which
 * dataset loading rules out beforehand).
 */
int idx_labels_onehot(struct nn_mat *y, const struct idx_labels *lab,
                      size_t first);
int idx_labels_onehot_gather(struct nn_mat *y, const struct idx_labels *lab,
                             const size_t *index);

#endif
