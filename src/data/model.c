/* Saving and loading trained models (see model.h for the format). */
#include "data/model.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/error.h"
#include "data/data_err.h"

#define HEAD_SIZE 28u  /* magic, version, dtype, dataset, inputs, layers */
#define LAYER_SIZE 16u /* units, activation, bias, slope */
#define CHUNK 4096u    /* parameters converted at a time */

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void put64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get32(const unsigned char *p)
{
    uint32_t v = 0;
    for (int i = 3; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static uint64_t get64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* Parameters [first, first + n) as little-endian bytes into out. */
static void encode_params(unsigned char *out, const struct nn_mat *params,
                          size_t first, size_t n)
{
    if (params->dtype == NN_F32) {
        const float *p = (const float *)params->data + first;
        for (size_t i = 0; i < n; i++) {
            uint32_t bits;
            memcpy(&bits, &p[i], 4);
            put32(out + 4 * i, bits);
        }
    } else {
        const double *p = (const double *)params->data + first;
        for (size_t i = 0; i < n; i++) {
            uint64_t bits;
            memcpy(&bits, &p[i], 8);
            put64(out + 8 * i, bits);
        }
    }
}

/* The inverse; returns 0 if any decoded value is not finite. */
static int decode_params(struct nn_mat *params, size_t first, size_t n,
                         const unsigned char *in)
{
    int finite = 1;
    if (params->dtype == NN_F32) {
        float *p = (float *)params->data + first;
        for (size_t i = 0; i < n; i++) {
            uint32_t bits = get32(in + 4 * i);
            memcpy(&p[i], &bits, 4);
            finite &= isfinite(p[i]) != 0;
        }
    } else {
        double *p = (double *)params->data + first;
        for (size_t i = 0; i < n; i++) {
            uint64_t bits = get64(in + 8 * i);
            memcpy(&p[i], &bits, 8);
            finite &= isfinite(p[i]) != 0;
        }
    }
    return finite;
}

/* Write n bytes and fold them into the running CRC. */
static int put_bytes(FILE *f, uLong *crc, const unsigned char *p, size_t n)
{
    *crc = crc32(*crc, p, (uInt)n);
    return fwrite(p, 1, n, f) == n ? 0 : -1;
}

static int write_model(FILE *f, const struct nn_mlp *m, enum dataset_kind kind)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    unsigned char head[HEAD_SIZE];
    memcpy(head, MODEL_MAGIC, 8);
    put32(head + 8, MODEL_VERSION);
    put32(head + 12, m->dtype == NN_F64 ? 1 : 0);
    put32(head + 16, (uint32_t)kind);
    put32(head + 20, (uint32_t)m->n_in);
    put32(head + 24, (uint32_t)m->n_layers);
    if (put_bytes(f, &crc, head, sizeof head))
        return -1;
    for (size_t l = 0; l < m->n_layers; l++) {
        const struct nn_dense *L = &m->layers[l];
        unsigned char rec[LAYER_SIZE];
        float slope = (float)L->act.slope;
        uint32_t bits;
        memcpy(&bits, &slope, 4);
        put32(rec, (uint32_t)L->out);
        put32(rec + 4, (uint32_t)L->act.kind);
        put32(rec + 8, (uint32_t)L->has_bias);
        put32(rec + 12, bits);
        if (put_bytes(f, &crc, rec, sizeof rec))
            return -1;
    }
    unsigned char count[8];
    put64(count, m->n_params);
    if (put_bytes(f, &crc, count, sizeof count))
        return -1;
    static const size_t max_bytes = 8 * CHUNK;
    unsigned char *buf = malloc(max_bytes);
    if (!buf)
        return -1;
    size_t s = nn_dtype_size(m->dtype);
    int err = 0;
    for (size_t i = 0; !err && i < m->n_params; i += CHUNK) {
        size_t n = m->n_params - i < CHUNK ? m->n_params - i : CHUNK;
        encode_params(buf, &m->params, i, n);
        err = put_bytes(f, &crc, buf, n * s);
    }
    free(buf);
    unsigned char tail[4];
    put32(tail, (uint32_t)crc);
    if (err || fwrite(tail, 1, 4, f) != 4)
        return -1;
    return 0;
}

/* fsync the directory holding path, so the rename itself is on disk.
 * Best effort: some file systems refuse to sync a directory. */
static void sync_dir(const char *path)
{
    char dir[DATASET_PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    int fd = open(dir, O_RDONLY);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

int model_save_check(const char *path, char *msg, size_t msg_size)
{
    char tmp[DATASET_PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) {
        snprintf(msg, msg_size, "%s: the file name is too long", path);
        return DATA_EIO;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(msg, msg_size, "%s: cannot create a file next to it: %s", path,
                 strerror(errno));
        return DATA_EIO;
    }
    close(fd);
    unlink(tmp);
    return 0;
}

int model_save(const char *path, const struct nn_mlp *m, enum dataset_kind kind,
               char *msg, size_t msg_size)
{
    char tmp[DATASET_PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) {
        snprintf(msg, msg_size, "%s: the file name is too long", path);
        return DATA_EIO;
    }
    /* A temporary file next to the target: rename() is atomic only within
     * one file system, and the target's directory is surely on it. */
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(msg, msg_size, "%s: cannot create a file next to it: %s", path,
                 strerror(errno));
        return DATA_EIO;
    }
    (void)fchmod(fd, 0644);
    FILE *f = fdopen(fd, "wb");
    const char *what = "cannot write";
    int err = errno = 0;
    if (!f) {
        close(fd);
        err = -1;
    }
    if (!err && write_model(f, m, kind))
        err = -1;
    if (!err && fflush(f) != 0)
        err = -1;
    if (!err && fsync(fileno(f)) != 0) {
        what = "cannot flush to the disk";
        err = -1;
    }
    int saved_errno = errno;
    if (f && fclose(f) != 0 && !err) {
        saved_errno = errno;
        err = -1;
    }
    if (!err && rename(tmp, path) != 0) {
        saved_errno = errno;
        what = "cannot replace it";
        err = -1;
    }
    if (err) {
        unlink(tmp);
        snprintf(msg, msg_size, "%s: %s: %s (any old file is unchanged)", path,
                 what, saved_errno ? strerror(saved_errno) : "out of memory");
        return DATA_EIO;
    }
    sync_dir(path);
    return 0;
}

/* The CRC-32 of the file's first n bytes. */
static int crc_of(FILE *f, uint64_t n, uLong *crc)
{
    unsigned char buf[65536];
    *crc = crc32(0L, Z_NULL, 0);
    if (fseek(f, 0, SEEK_SET) != 0)
        return -1;
    while (n > 0) {
        size_t want = n < sizeof buf ? (size_t)n : sizeof buf;
        if (fread(buf, 1, want, f) != want)
            return -1;
        *crc = crc32(*crc, buf, (uInt)want);
        n -= want;
    }
    return 0;
}

/* Check the layer records and build the model they describe. */
static int build_model(struct nn_mlp *m, const unsigned char *head,
                       const unsigned char *recs, uint64_t n_params, char *why,
                       size_t why_size)
{
    enum nn_dtype dt = get32(head + 12) ? NN_F64 : NN_F32;
    uint32_t n_in = get32(head + 20), n_layers = get32(head + 24);
    struct nn_layer_spec spec[NN_MLP_MAX_LAYERS];
    for (uint32_t l = 0; l < n_layers; l++) {
        const unsigned char *r = recs + LAYER_SIZE * l;
        uint32_t act = get32(r + 4), bias = get32(r + 8), bits = get32(r + 12);
        float slope;
        memcpy(&slope, &bits, 4);
        if (act >= NN_ACT_COUNT || bias > 1 || !isfinite(slope)) {
            snprintf(why, why_size,
                     "layer %u has an unknown activation or bias setting",
                     l + 1);
            return DATA_EFORMAT;
        }
        spec[l].out = get32(r);
        spec[l].act = nn_act_make((enum nn_act_kind)act);
        spec[l].act.slope = slope;
        spec[l].bias = (int)bias;
    }
    int err = nn_mlp_init(m, dt, n_in, n_layers, spec);
    if (err == NN_ENOMEM)
        return err;
    if (err) {
        snprintf(why, why_size, "impossible layer sizes (%s)",
                 nn_strerror(err));
        return DATA_EFORMAT;
    }
    if (m->n_params != n_params) {
        snprintf(why, why_size,
                 "the layer sizes need %zu parameters but the file holds "
                 "%llu",
                 m->n_params, (unsigned long long)n_params);
        nn_mlp_fini(m);
        return DATA_EFORMAT;
    }
    return 0;
}

static int read_params(FILE *f, long offset, struct nn_mlp *m)
{
    size_t s = nn_dtype_size(m->dtype);
    unsigned char *buf = malloc(CHUNK * s);
    if (!buf)
        return NN_ENOMEM;
    int err = fseek(f, offset, SEEK_SET) != 0 ? DATA_EIO : 0;
    for (size_t i = 0; !err && i < m->n_params; i += CHUNK) {
        size_t n = m->n_params - i < CHUNK ? m->n_params - i : CHUNK;
        if (fread(buf, s, n, f) != n)
            err = DATA_EIO;
        else if (!decode_params(&m->params, i, n, buf))
            err = DATA_EFORMAT;
    }
    free(buf);
    return err;
}

static int load_open(FILE *f, struct nn_mlp *m, enum dataset_kind *kind,
                     uint64_t size, char *why, size_t why_size)
{
    unsigned char head[HEAD_SIZE];
    if (size < 8 || fread(head, 1, 8, f) != 8 ||
        memcmp(head, MODEL_MAGIC, 8) != 0) {
        snprintf(why, why_size, "not an nnlab model (no \"%s\" at the start)",
                 MODEL_MAGIC);
        return DATA_EFORMAT;
    }
    if (size < HEAD_SIZE ||
        fread(head + 8, 1, HEAD_SIZE - 8, f) != HEAD_SIZE - 8) {
        snprintf(why, why_size, "truncated: the header is cut short");
        return DATA_EFORMAT;
    }
    uint32_t version = get32(head + 8);
    if (version != MODEL_VERSION) {
        snprintf(why, why_size,
                 "model format version %u, but this nnlab reads version %u",
                 version, MODEL_VERSION);
        return DATA_EFORMAT;
    }
    uint32_t dtype = get32(head + 12), dkind = get32(head + 16);
    uint32_t n_layers = get32(head + 24);
    if (dtype > 1 || dkind > 1 || n_layers < 1 ||
        n_layers > NN_MLP_MAX_LAYERS) {
        snprintf(why, why_size,
                 "impossible header (dtype %u, dataset %u, %u layers)", dtype,
                 dkind, n_layers);
        return DATA_EFORMAT;
    }
    unsigned char recs[LAYER_SIZE * NN_MLP_MAX_LAYERS + 8];
    size_t rec_bytes = LAYER_SIZE * n_layers + 8;
    if (size < HEAD_SIZE + rec_bytes ||
        fread(recs, 1, rec_bytes, f) != rec_bytes) {
        snprintf(why, why_size, "truncated: the layer list is cut short");
        return DATA_EFORMAT;
    }
    uint64_t n_params = get64(recs + LAYER_SIZE * n_layers);
    uint64_t s = dtype ? 8 : 4;
    if (n_params > NN_MLP_MAX_PARAMS) {
        snprintf(why, why_size, "%llu parameters, more than the %zu allowed",
                 (unsigned long long)n_params, (size_t)NN_MLP_MAX_PARAMS);
        return DATA_EFORMAT;
    }
    uint64_t expect = HEAD_SIZE + rec_bytes + n_params * s + 4;
    if (size != expect) {
        snprintf(why, why_size,
                 "%s: the file has %llu bytes, its header promises %llu",
                 size < expect ? "truncated" : "trailing bytes",
                 (unsigned long long)size, (unsigned long long)expect);
        return DATA_EFORMAT;
    }
    uLong crc;
    unsigned char tail[4];
    if (crc_of(f, size - 4, &crc) || fread(tail, 1, 4, f) != 4) {
        snprintf(why, why_size, "cannot read: %s", strerror(errno));
        return DATA_EIO;
    }
    if ((uint32_t)crc != get32(tail)) {
        snprintf(why, why_size,
                 "corrupt: the checksum does not match the contents");
        return DATA_EFORMAT;
    }
    int err = build_model(m, head, recs, n_params, why, why_size);
    if (err)
        return err;
    err = read_params(f, (long)(HEAD_SIZE + rec_bytes), m);
    if (err) {
        snprintf(why, why_size, "%s",
                 err == DATA_EFORMAT ? "a parameter is infinite or NaN"
                                     : "cannot read the parameters");
        nn_mlp_fini(m);
        return err;
    }
    *kind = (enum dataset_kind)dkind;
    return 0;
}

int model_load(const char *path, struct nn_mlp *m, enum dataset_kind *kind,
               char *msg, size_t msg_size)
{
    memset(m, 0, sizeof *m);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(msg, msg_size, "%s: cannot open: %s", path, strerror(errno));
        return DATA_EIO;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(msg, msg_size, "%s: not a regular file", path);
        fclose(f);
        return DATA_EIO;
    }
    char why[256];
    int err = load_open(f, m, kind, (uint64_t)st.st_size, why, sizeof why);
    fclose(f);
    if (err)
        snprintf(msg, msg_size, "%s: %s", path,
                 err == NN_ENOMEM ? "out of memory" : why);
    return err;
}
