/*
 * The MNIST and Fashion-MNIST datasets: finding their four files on this
 * machine, loading and cross-checking them.
 *
 * Both datasets are the same shape: 60 000 training and 10 000 test images
 * of 28 x 28 grey pixels, each with a label 0..9, in four IDX files
 * (idx.h), raw or gzip-compressed:
 *
 *   train-images-idx3-ubyte[.gz]  train-labels-idx1-ubyte[.gz]
 *   t10k-images-idx3-ubyte[.gz]   t10k-labels-idx1-ubyte[.gz]
 *
 * Where they are looked for, in this order (the first directory holding
 * any of the four files is used, and must then hold all four):
 *
 *   1. --data DIR: DIR itself holds the files. Given this, nothing else
 *      is looked at.
 *   2. $NNLAB_DATA/SUB, where SUB is "mnist" or "fashion-mnist": a data
 *      root shared by a class, e.g. filled by
 *      `NNLAB_DATA=/srv/nnlab nnlab-fetch-mnist` (scripts/fetch-mnist in
 *      the source tree, installed as nnlab-fetch-mnist).
 *   3. $XDG_DATA_HOME/nnlab/SUB, or ~/.local/share/nnlab/SUB when
 *      XDG_DATA_HOME is unset or not absolute: where fetch-mnist installs
 *      MNIST by default. It lives outside the source tree so one
 *      download serves every checkout and build directory and survives
 *      `git clean`; nnlab finds it from any working directory.
 *   4. For Fashion-MNIST only: /usr/share/datasets/fashion-mnist, where
 *      Debian's dataset-fashion-mnist package puts it.
 *
 * The datasets are not substituted for one another: when MNIST is missing
 * the error says how to fetch it rather than silently teaching digits with
 * pictures of shoes.
 */
#ifndef DATA_DATASET_H
#define DATA_DATASET_H

#include <stddef.h>

#include "data/idx.h"

#define DATASET_CLASSES 10
#define DATASET_SIDE 28
#define DATASET_PATH_MAX 4096

enum dataset_kind {
    DATASET_MNIST,
    DATASET_FASHION,
};

/* "mnist" / "fashion"; parse such a name (-1 if unknown). */
const char *dataset_kind_name(enum dataset_kind kind);
int dataset_kind_parse(const char *name);
/* "MNIST" / "Fashion-MNIST", for sentences. */
const char *dataset_kind_title(enum dataset_kind kind);
/* The name of class `label` (0..9): "7" for MNIST, "Sneaker" for
 * Fashion-MNIST; "?" when out of range. A static string. */
const char *dataset_class_name(enum dataset_kind kind, unsigned label);

/* Where to look; a NULL or empty string means "not set". The strings are
 * borrowed and must outlive the calls that use them. */
struct dataset_search {
    enum dataset_kind kind;
    const char *data_dir;      /* --data DIR */
    const char *env_root;      /* $NNLAB_DATA */
    const char *xdg_data_home; /* $XDG_DATA_HOME */
    const char *home;          /* $HOME */
    const char *system_dir;    /* Debian's directory, or NULL for none */
    /* The source tree this copy was built from, or NULL: only for the
     * message when MNIST is missing, which names the tree's
     * scripts/fetch-mnist when it is there (a build run from its tree),
     * else the nnlab-fetch-mnist installed beside nnlab. */
    const char *srcdir;
};

/* Fill s for `kind` from --data (data_dir, may be NULL), the process
 * environment (NNLAB_DATA, XDG_DATA_HOME, HOME) and the build's source
 * tree. */
void dataset_search_from_env(struct dataset_search *s, enum dataset_kind kind,
                             const char *data_dir);

/* A loaded dataset. All members are owned; free with dataset_fini(). */
struct dataset {
    enum dataset_kind kind;
    char dir[DATASET_PATH_MAX]; /* the directory the files came from */
    const char *source;         /* static: how dir was found, e.g. "--data" */
    struct idx_images train_images;
    struct idx_labels train_labels;
    struct idx_images test_images;
    struct idx_labels test_labels;
};

/*
 * Find the dataset's directory without loading it. On success returns 0,
 * copies the directory into dir (dir_size bytes) and sets *source. Returns
 * DATA_ENODATA when no place holds the files, with a message that lists
 * the places looked at and the exact command that installs the data; or
 * DATA_EIO when the chosen directory lacks some of the four files.
 */
int dataset_find(const struct dataset_search *s, char *dir, size_t dir_size,
                 const char **source, char *msg, size_t msg_size);

/*
 * Find and load the dataset, then check it: each image file matches its
 * label file in count, all images are 28 x 28, every label is 0..9. On
 * failure returns the error of dataset_find(), idx_images_load() or
 * idx_labels_load(), or DATA_EFORMAT for a failed check (a count mismatch
 * names both files), writes msg, and leaves ds empty.
 */
int dataset_load(struct dataset *ds, const struct dataset_search *s, char *msg,
                 size_t msg_size);
void dataset_fini(struct dataset *ds);

#endif
