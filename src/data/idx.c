/*
 * The IDX reader (see idx.h for the format and the contract).
 *
 * Raw and gzip files go through the same zlib gzFile: for a file that is
 * not compressed, gzread() copies it through unchanged ("transparent"
 * mode), and gzdirect() tells which case we are in. The order of checks
 * matters for hostile files: the header is validated and the size of the
 * data it promises is bounded before a single byte is allocated; a raw
 * file's size is then compared with that promise exactly, and a
 * compressed file's buffer grows only as fast as real data arrives, so a
 * tiny .gz claiming a gigabyte cannot make us allocate one.
 */
#include "data/idx.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/error.h"
#include "data/data_err.h"

/* An open IDX file and where to report its faults. */
struct idx_reader {
    const char *path;
    gzFile gz;
    long long size; /* bytes on disk */
    char *msg;
    size_t msg_size;
};

/* Write "PATH: <message>" into the reader's buffer; return err. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int
reader_fail(const struct idx_reader *r, int err, const char *fmt, ...)
{
    if (r->msg_size == 0)
        return err;
    int n = snprintf(r->msg, r->msg_size, "%s: ", r->path);
    if (n >= 0 && (size_t)n < r->msg_size) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->msg + n, r->msg_size - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return err;
}

static int reader_open(struct idx_reader *r, const char *path, char *msg,
                       size_t msg_size)
{
    r->path = path;
    r->gz = NULL;
    r->size = 0;
    r->msg = msg;
    r->msg_size = msg_size;
    if (msg_size)
        msg[0] = '\0';

    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return reader_fail(r, DATA_EIO, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return reader_fail(r, DATA_EIO, "cannot read: %s", strerror(e));
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return reader_fail(r, DATA_EIO, "is a directory, not an IDX file");
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return reader_fail(r, DATA_EIO, "is not a regular file");
    }
    if (st.st_size == 0) {
        close(fd);
        return reader_fail(r, DATA_EFORMAT, "is empty (0 bytes)");
    }
    r->size = (long long)st.st_size;
    r->gz = gzdopen(fd, "rb");
    if (!r->gz) {
        close(fd);
        return reader_fail(r, NN_ENOMEM, "out of memory opening the file");
    }
    /* A larger buffer than zlib's 8 KiB default: fewer read() calls for
     * the 47 MB training images. */
    gzbuffer(r->gz, 1u << 17);
    return 0;
}

static void reader_close(struct idx_reader *r)
{
    if (r->gz)
        gzclose_r(r->gz);
    r->gz = NULL;
}

/* Read up to n bytes; *got is how many arrived before the end of the file.
 * A zlib error (corrupt or truncated compressed data) is DATA_EFORMAT. */
static int reader_read(struct idx_reader *r, void *buf, size_t n, size_t *got)
{
    *got = 0;
    while (*got < n) {
        /* gzread() counts in unsigned int and returns int: 1 MiB steps. */
        size_t want = n - *got;
        if (want > (1u << 20))
            want = 1u << 20;
        int k = gzread(r->gz, (unsigned char *)buf + *got, (unsigned)want);
        if (k < 0) {
            int zerr;
            const char *zmsg = gzerror(r->gz, &zerr);
            if (zerr == Z_ERRNO)
                return reader_fail(r, DATA_EIO, "read error: %s",
                                   strerror(errno));
            return reader_fail(r, DATA_EFORMAT,
                               "compressed data is corrupt (zlib: %s)", zmsg);
        }
        if (k == 0)
            break;
        *got += (size_t)k;
    }
    if (*got < n) {
        /* A short read: a clean end of file, or a gzip stream cut off
         * before its end (zlib reports Z_BUF_ERROR then). */
        int zerr;
        const char *zmsg = gzerror(r->gz, &zerr);
        if (zerr != Z_OK && zerr != Z_STREAM_END)
            return reader_fail(r, DATA_EFORMAT,
                               "compressed data is truncated or corrupt "
                               "(zlib: %s)",
                               zmsg);
    }
    return 0;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
           (uint32_t)p[3];
}

/*
 * Read and check the header: the magic number, then ndims dimensions.
 * `what` names the elements ("images", "labels") for messages.
 */
static int read_header(struct idx_reader *r, uint32_t magic, uint32_t *dims,
                       size_t ndims, const char *what)
{
    unsigned char h[16];
    size_t len = 4 + 4 * ndims, got;
    int err = reader_read(r, h, len, &got);
    if (err)
        return err;
    if (got < 4)
        return reader_fail(r, DATA_EFORMAT,
                           "truncated header: %zu bytes, an IDX file of %s "
                           "starts with %zu",
                           got, what, len);
    uint32_t m = be32(h);
    if (m != magic) {
        const char *hint = "";
        if (m == IDX_MAGIC_LABELS)
            hint = "; this is a label file";
        else if (m == IDX_MAGIC_IMAGES)
            hint = "; this is an image file";
        return reader_fail(r, DATA_EFORMAT,
                           "not an IDX file of %s: magic number 0x%08x, "
                           "expected 0x%08x%s",
                           what, (unsigned)m, (unsigned)magic, hint);
    }
    if (got < len)
        return reader_fail(r, DATA_EFORMAT,
                           "truncated header: %zu bytes, an IDX file of %s "
                           "starts with %zu",
                           got, what, len);
    for (size_t i = 0; i < ndims; i++)
        dims[i] = be32(h + 4 + 4 * i);
    return 0;
}

/*
 * Read exactly `bytes` bytes of elements into a new buffer *out, after a
 * header of header_len bytes. The file must end right after them.
 */
static int read_body(struct idx_reader *r, size_t header_len, size_t bytes,
                     const char *what_promised, unsigned char **out)
{
    *out = NULL;
    long long want = (long long)(header_len + bytes);
    if (gzdirect(r->gz) && r->size != want) {
        /* Raw file: its size on disk must be exactly what the header
         * promises; check before allocating. */
        if (r->size < want)
            return reader_fail(r, DATA_EFORMAT,
                               "truncated: the header promises %s (%lld "
                               "bytes with the header), the file has %lld",
                               what_promised, want, r->size);
        return reader_fail(r, DATA_EFORMAT,
                           "%lld bytes of unexpected data after the %s "
                           "the header promises",
                           r->size - want, what_promised);
    }

    /* Grow the buffer with the data (compressed files can lie about their
     * size until the end): start at 16 MiB at most, double as needed. */
    size_t cap = bytes < (16u << 20) ? bytes : (16u << 20);
    size_t have = 0;
    unsigned char *buf = malloc(cap);
    if (!buf)
        return reader_fail(r, NN_ENOMEM, "out of memory for %zu bytes", cap);
    int err = 0;
    for (;;) {
        size_t got;
        err = reader_read(r, buf + have, cap - have, &got);
        if (err)
            goto fail;
        have += got;
        if (have < cap) {
            err = reader_fail(r, DATA_EFORMAT,
                              "truncated: the header promises %s (%zu "
                              "bytes of data), the file holds %zu",
                              what_promised, bytes, have);
            goto fail;
        }
        if (have == bytes)
            break;
        size_t ncap = cap > bytes / 2 ? bytes : cap * 2;
        unsigned char *nbuf = realloc(buf, ncap);
        if (!nbuf) {
            err =
                reader_fail(r, NN_ENOMEM, "out of memory for %zu bytes", ncap);
            goto fail;
        }
        buf = nbuf;
        cap = ncap;
    }
    /* Nothing may follow. Reading on also makes zlib check the gzip
     * trailer (CRC-32 and length), so corruption at the end is caught. */
    unsigned char extra;
    size_t got;
    err = reader_read(r, &extra, 1, &got);
    if (err)
        goto fail;
    if (got) {
        err = reader_fail(r, DATA_EFORMAT,
                          "unexpected data after the %s the header "
                          "promises",
                          what_promised);
        goto fail;
    }
    *out = buf;
    return 0;
fail:
    free(buf);
    return err;
}

int idx_images_load(struct idx_images *img, const char *path, char *msg,
                    size_t msg_size)
{
    memset(img, 0, sizeof *img);
    struct idx_reader r;
    int err = reader_open(&r, path, msg, msg_size);
    if (err)
        goto out;
    uint32_t d[3] = {0, 0, 0};
    err = read_header(&r, IDX_MAGIC_IMAGES, d, 3, "images");
    if (err)
        goto out;
    if (d[0] == 0 || d[1] == 0 || d[2] == 0) {
        err = reader_fail(&r, DATA_EFORMAT,
                          "the header says %u images of %u x %u pixels; "
                          "none of these may be 0",
                          (unsigned)d[0], (unsigned)d[1], (unsigned)d[2]);
        goto out;
    }
    /* Each factor is bounded first, so the product cannot overflow 64
     * bits (at most 10^7 * 2^20); then the product itself is bounded. */
    uint64_t bytes = (uint64_t)d[0] * d[1] * d[2];
    if (d[0] > IDX_MAX_COUNT || d[1] > IDX_MAX_SIDE || d[2] > IDX_MAX_SIDE ||
        bytes > IDX_MAX_BYTES) {
        err = reader_fail(&r, NN_ETOOBIG,
                          "the header says %u images of %u x %u pixels; "
                          "the limits are %u images, %u pixels a side and "
                          "%lu bytes in all",
                          (unsigned)d[0], (unsigned)d[1], (unsigned)d[2],
                          IDX_MAX_COUNT, IDX_MAX_SIDE, IDX_MAX_BYTES);
        goto out;
    }
    char promised[96];
    snprintf(promised, sizeof promised, "%u images of %u x %u pixels",
             (unsigned)d[0], (unsigned)d[1], (unsigned)d[2]);
    err = read_body(&r, 16, (size_t)bytes, promised, &img->pixels);
    if (err)
        goto out;
    img->count = d[0];
    img->rows = d[1];
    img->cols = d[2];
out:
    reader_close(&r);
    return err;
}

void idx_images_fini(struct idx_images *img)
{
    free(img->pixels);
    memset(img, 0, sizeof *img);
}

int idx_labels_load(struct idx_labels *lab, const char *path, char *msg,
                    size_t msg_size)
{
    memset(lab, 0, sizeof *lab);
    struct idx_reader r;
    int err = reader_open(&r, path, msg, msg_size);
    if (err)
        goto out;
    uint32_t n = 0;
    err = read_header(&r, IDX_MAGIC_LABELS, &n, 1, "labels");
    if (err)
        goto out;
    if (n == 0) {
        err = reader_fail(&r, DATA_EFORMAT, "the header says 0 labels");
        goto out;
    }
    if (n > IDX_MAX_COUNT) {
        err = reader_fail(&r, NN_ETOOBIG,
                          "the header says %u labels; the limit is %u",
                          (unsigned)n, IDX_MAX_COUNT);
        goto out;
    }
    char promised[48];
    snprintf(promised, sizeof promised, "%u labels", (unsigned)n);
    err = read_body(&r, 8, n, promised, &lab->labels);
    if (err)
        goto out;
    lab->count = n;
out:
    reader_close(&r);
    return err;
}

void idx_labels_fini(struct idx_labels *lab)
{
    free(lab->labels);
    memset(lab, 0, sizeof *lab);
}

/* Is [first, first + n) inside [0, count)? Written to avoid overflow. */
static int range_ok(size_t first, size_t n, size_t count)
{
    return n <= count && first <= count - n;
}

/*
 * Convert pixel bytes to [0, 1]: row k of x gets image src(k), each pixel
 * byte / 255 correctly rounded in the dtype. Written as the division
 * itself rather than a look-up in a table of the 256 results (the same
 * numbers), because the division vectorizes: 16 pixels at a time instead
 * of one load each, which matters when every mini-batch is converted.
 */
static int images_convert(struct nn_mat *x, const struct idx_images *img,
                          size_t first, const size_t *index)
{
    size_t px = idx_images_pixels(img);
    if (x->cols != px)
        return NN_ESHAPE;
    if (!index && !range_ok(first, x->rows, img->count))
        return NN_EINVAL;
    for (size_t k = 0; k < x->rows; k++) {
        size_t i = index ? index[k] : first + k;
        if (i >= img->count)
            return NN_EINVAL;
        const unsigned char *p = img->pixels + i * px;
        if (x->dtype == NN_F32) {
            float *row = (float *)x->data + k * px;
            for (size_t j = 0; j < px; j++)
                row[j] = (float)p[j] / 255.0f;
        } else {
            double *row = (double *)x->data + k * px;
            for (size_t j = 0; j < px; j++)
                row[j] = (double)p[j] / 255.0;
        }
    }
    return 0;
}

int idx_images_rows(struct nn_mat *x, const struct idx_images *img,
                    size_t first)
{
    return images_convert(x, img, first, NULL);
}

int idx_images_gather(struct nn_mat *x, const struct idx_images *img,
                      const size_t *index)
{
    return images_convert(x, img, 0, index);
}

static int labels_onehot(struct nn_mat *y, const struct idx_labels *lab,
                         size_t first, const size_t *index)
{
    if (!index && !range_ok(first, y->rows, lab->count))
        return NN_EINVAL;
    nn_mat_fill(y, 0.0);
    for (size_t k = 0; k < y->rows; k++) {
        size_t i = index ? index[k] : first + k;
        if (i >= lab->count || lab->labels[i] >= y->cols)
            return NN_EINVAL;
        nn_mat_set(y, k, lab->labels[i], 1.0);
    }
    return 0;
}

int idx_labels_onehot(struct nn_mat *y, const struct idx_labels *lab,
                      size_t first)
{
    return labels_onehot(y, lab, first, NULL);
}

int idx_labels_onehot_gather(struct nn_mat *y, const struct idx_labels *lab,
                             const size_t *index)
{
    return labels_onehot(y, lab, 0, index);
}
