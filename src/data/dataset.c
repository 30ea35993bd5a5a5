/*
 * Finding, loading and checking MNIST and Fashion-MNIST (see dataset.h for
 * the search order and why).
 */
#include "data/dataset.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "core/error.h"
#include "data/data_err.h"

/* The four files, in the order train images, train labels, test images,
 * test labels. Each may also carry a ".gz" suffix. */
static const char *const file_names[4] = {
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
};

static const char *const fashion_classes[DATASET_CLASSES] = {
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot",
};

static const char *const digit_classes[DATASET_CLASSES] = {
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
};

const char *dataset_kind_name(enum dataset_kind kind)
{
    return kind == DATASET_FASHION ? "fashion" : "mnist";
}

int dataset_kind_parse(const char *name)
{
    if (strcmp(name, "mnist") == 0)
        return DATASET_MNIST;
    if (strcmp(name, "fashion") == 0)
        return DATASET_FASHION;
    return -1;
}

const char *dataset_kind_title(enum dataset_kind kind)
{
    return kind == DATASET_FASHION ? "Fashion-MNIST" : "MNIST";
}

const char *dataset_class_name(enum dataset_kind kind, unsigned label)
{
    if (label >= DATASET_CLASSES)
        return "?";
    return kind == DATASET_FASHION ? fashion_classes[label]
                                   : digit_classes[label];
}

/* The sub-directory of a data root that holds one dataset. */
static const char *kind_subdir(enum dataset_kind kind)
{
    return kind == DATASET_FASHION ? "fashion-mnist" : "mnist";
}

static int is_set(const char *s)
{
    return s && s[0];
}

void dataset_search_from_env(struct dataset_search *s, enum dataset_kind kind,
                             const char *data_dir)
{
    s->kind = kind;
    s->data_dir = data_dir;
    s->env_root = getenv("NNLAB_DATA");
    s->xdg_data_home = getenv("XDG_DATA_HOME");
    s->home = getenv("HOME");
    s->system_dir =
        kind == DATASET_FASHION ? "/usr/share/datasets/fashion-mnist" : NULL;
    s->srcdir = NNLAB_SRCDIR;
}

/* snprintf that reports truncation: 0 if the whole text fit, else -1. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int
format(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n >= 0 && (size_t)n < size ? 0 : -1;
}

/* Append to the text of length *len in buf; stops quietly when full. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void
append(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
    if (*len + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *len, size - *len, fmt, ap);
    va_end(ap);
    if (n > 0)
        *len = (size_t)n < size - *len ? *len + (size_t)n : size - 1;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/*
 * The path of file i in dir: the raw name if it exists, else the .gz name
 * if that exists. Returns 1 when found, 0 when neither exists (path then
 * holds the raw name), -1 when the path is too long.
 */
static int file_path(char *path, size_t size, const char *dir, int i)
{
    if (format(path, size, "%s/%s", dir, file_names[i]) != 0)
        return -1;
    if (exists(path))
        return 1;
    if (format(path, size, "%s/%s.gz", dir, file_names[i]) != 0)
        return -1;
    if (exists(path))
        return 1;
    format(path, size, "%s/%s", dir, file_names[i]);
    return 0;
}

/* How many of the four files dir holds (0..4); -1 if a path is too long. */
static int files_present(const char *dir)
{
    char path[DATASET_PATH_MAX];
    int n = 0;
    for (int i = 0; i < 4; i++) {
        int r = file_path(path, sizeof path, dir, i);
        if (r < 0)
            return -1;
        n += r;
    }
    return n;
}

/* One place to look: a directory and how it was found. */
struct place {
    char dir[DATASET_PATH_MAX];
    const char *source;
    int explicit; /* --data: the only place, even without files */
};

/* The places for s, in search order (at most four). */
static size_t search_places(const struct dataset_search *s, struct place *p)
{
    size_t n = 0;
    const char *sub = kind_subdir(s->kind);
    if (is_set(s->data_dir)) {
        format(p[n].dir, sizeof p[n].dir, "%s", s->data_dir);
        p[n].source = "--data";
        p[n++].explicit = 1;
        return n;
    }
    if (is_set(s->env_root)) {
        format(p[n].dir, sizeof p[n].dir, "%s/%s", s->env_root, sub);
        p[n].source = "NNLAB_DATA";
        p[n++].explicit = 0;
    }
    /* The XDG base directory rules: a relative XDG_DATA_HOME is ignored. */
    if (is_set(s->xdg_data_home) && s->xdg_data_home[0] == '/') {
        format(p[n].dir, sizeof p[n].dir, "%s/nnlab/%s", s->xdg_data_home, sub);
        p[n].source = "XDG_DATA_HOME";
        p[n++].explicit = 0;
    } else if (is_set(s->home)) {
        format(p[n].dir, sizeof p[n].dir, "%s/.local/share/nnlab/%s", s->home,
               sub);
        p[n].source = "the user data directory";
        p[n++].explicit = 0;
    }
    if (is_set(s->system_dir)) {
        format(p[n].dir, sizeof p[n].dir, "%s", s->system_dir);
        p[n].source = "the system package";
        p[n++].explicit = 0;
    }
    return n;
}

/* The command that installs MNIST for the copy of nnlab running: the
 * script of its source tree when that is there, else the one installed
 * with nnlab (meson installs scripts/fetch-mnist as bindir's
 * nnlab-fetch-mnist). */
static const char *fetch_command(const struct dataset_search *s, char *buf,
                                 size_t size)
{
    if (is_set(s->srcdir) &&
        format(buf, size, "%s/scripts/fetch-mnist", s->srcdir) == 0 &&
        access(buf, X_OK) == 0)
        return buf;
    return NNLAB_BINDIR "/nnlab-fetch-mnist";
}

/* The message for a dataset found nowhere: where we looked, and the one
 * command that installs it. */
static int not_found(const struct dataset_search *s, const struct place *p,
                     size_t n, char *msg, size_t msg_size)
{
    char script[DATASET_PATH_MAX];
    if (msg_size == 0)
        return DATA_ENODATA;
    size_t len = 0;
    msg[0] = '\0';
    append(msg, msg_size, &len, "%s is not installed (looked in",
           dataset_kind_title(s->kind));
    for (size_t i = 0; i < n; i++)
        append(msg, msg_size, &len, "%s %s", i ? "," : "", p[i].dir);
    if (n == 0)
        append(msg, msg_size, &len, " no place: HOME is not set");
    if (s->kind == DATASET_FASHION)
        append(msg, msg_size, &len,
               "). Install it with: apt-get install dataset-fashion-mnist");
    else
        append(msg, msg_size, &len, "). Fetch it once with: %s",
               fetch_command(s, script, sizeof script));
    return DATA_ENODATA;
}

int dataset_find(const struct dataset_search *s, char *dir, size_t dir_size,
                 const char **source, char *msg, size_t msg_size)
{
    struct place p[4];
    size_t n = search_places(s, p);
    if (msg_size)
        msg[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        int have = files_present(p[i].dir);
        if (have < 0) {
            snprintf(msg, msg_size, "%s: path too long", p[i].dir);
            return NN_ETOOBIG;
        }
        if (have == 0 && !p[i].explicit)
            continue;
        if (have == 0) {
            /* Only --data gets here: say why the directory is no use. */
            struct stat st;
            int e = stat(p[i].dir, &st) != 0 ? errno
                    : !S_ISDIR(st.st_mode)   ? ENOTDIR
                                             : 0;
            if (e) {
                snprintf(msg, msg_size, "%s: %s (given with %s)", p[i].dir,
                         strerror(e), p[i].source);
                return DATA_EIO;
            }
        }
        if (have < 4) {
            /* Name the first missing file, so the fault is plain. */
            char path[DATASET_PATH_MAX];
            for (int f = 0; f < 4; f++)
                if (file_path(path, sizeof path, p[i].dir, f) == 0)
                    break;
            snprintf(msg, msg_size,
                     "%s: missing (from %s; the directory must hold all "
                     "four %s files, raw or .gz)",
                     path, p[i].source, dataset_kind_title(s->kind));
            return DATA_EIO;
        }
        if (format(dir, dir_size, "%s", p[i].dir) != 0) {
            snprintf(msg, msg_size, "%s: path too long", p[i].dir);
            return NN_ETOOBIG;
        }
        *source = p[i].source;
        return 0;
    }
    return not_found(s, p, n, msg, msg_size);
}

/* Check that an image file and its label file agree and are valid. */
static int check_pair(const struct idx_images *img, const char *img_path,
                      const struct idx_labels *lab, const char *lab_path,
                      char *msg, size_t msg_size)
{
    if (img->count != lab->count) {
        snprintf(msg, msg_size,
                 "%s holds %zu images but %s holds %zu labels; they must "
                 "match one to one",
                 img_path, img->count, lab_path, lab->count);
        return DATA_EFORMAT;
    }
    if (img->rows != DATASET_SIDE || img->cols != DATASET_SIDE) {
        snprintf(msg, msg_size,
                 "%s: images are %zu x %zu pixels, this dataset's are "
                 "%d x %d",
                 img_path, img->rows, img->cols, DATASET_SIDE, DATASET_SIDE);
        return DATA_EFORMAT;
    }
    for (size_t i = 0; i < lab->count; i++)
        if (lab->labels[i] >= DATASET_CLASSES) {
            snprintf(msg, msg_size,
                     "%s: label %u at position %zu is not a class 0..%d",
                     lab_path, lab->labels[i], i, DATASET_CLASSES - 1);
            return DATA_EFORMAT;
        }
    return 0;
}

int dataset_load(struct dataset *ds, const struct dataset_search *s, char *msg,
                 size_t msg_size)
{
    memset(ds, 0, sizeof *ds);
    ds->kind = s->kind;
    int err =
        dataset_find(s, ds->dir, sizeof ds->dir, &ds->source, msg, msg_size);
    if (err)
        return err;

    char path[4][DATASET_PATH_MAX];
    for (int i = 0; i < 4; i++)
        file_path(path[i], sizeof path[i], ds->dir, i);
    if ((err = idx_images_load(&ds->train_images, path[0], msg, msg_size)) ||
        (err = idx_labels_load(&ds->train_labels, path[1], msg, msg_size)) ||
        (err = idx_images_load(&ds->test_images, path[2], msg, msg_size)) ||
        (err = idx_labels_load(&ds->test_labels, path[3], msg, msg_size)) ||
        (err = check_pair(&ds->train_images, path[0], &ds->train_labels,
                          path[1], msg, msg_size)) ||
        (err = check_pair(&ds->test_images, path[2], &ds->test_labels, path[3],
                          msg, msg_size))) {
        dataset_fini(ds);
        return err;
    }
    return 0;
}

void dataset_fini(struct dataset *ds)
{
    idx_images_fini(&ds->train_images);
    idx_labels_fini(&ds->train_labels);
    idx_images_fini(&ds->test_images);
    idx_labels_fini(&ds->test_labels);
    ds->dir[0] = '\0';
    ds->source = NULL;
}
