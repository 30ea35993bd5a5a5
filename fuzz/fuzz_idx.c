/*
 * Fuzz target: IDX files, the MNIST format (src/data/idx.c).
 *
 * The reader takes a path, so each input is written to a fresh temporary
 * file and loaded both as an image file and as a label file. Built two
 * ways:
 *   fuzz-idx     the input is the file as it lies on disk: raw IDX, or a
 *                gzip stream (the seeds hold both; the reader does not go
 *                by the name).
 *   fuzz-idx-gz  (FUZZ_IDX_GZIP) the input is the decompressed content,
 *                gzip-compressed here before it is written, so mutations
 *                reach the header and size checks of the compressed path
 *                instead of dying in zlib's checksum.
 * A loaded file is read end to end (the sum of its bytes) so the sanitizer
 * sees any pixel or label the reader did not really allocate.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include "data/idx.h"
#include "fuzz/fuzz.h"

#ifdef FUZZ_IDX_GZIP
/* data as a gzip stream (RFC 1952), malloc'd into *out. */
static int gzip_bytes(const uint8_t *data, size_t size, uint8_t **out,
                      size_t *out_size)
{
    z_stream z = {0};
    /* 15 window bits + 16: a gzip header and trailer instead of zlib's. */
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        return -1;
    size_t cap = deflateBound(&z, (uLong)size) + 32;
    uint8_t *buf = malloc(cap);
    if (!buf) {
        deflateEnd(&z);
        return -1;
    }
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)size;
    z.next_out = buf;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    *out_size = z.total_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END) {
        free(buf);
        return -1;
    }
    *out = buf;
    return 0;
}
#endif

/* Write the file the reader will see; returns its path in path[]. */
static int write_input(const uint8_t *data, size_t size, char *path,
                       size_t path_size)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(path, path_size, "%s/nnlab-fuzz-idx-XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    const uint8_t *p = data;
    size_t left = size;
#ifdef FUZZ_IDX_GZIP
    uint8_t *gz = NULL;
    if (gzip_bytes(data, size, &gz, &left) != 0) {
        close(fd);
        unlink(path);
        return -1;
    }
    p = gz;
#endif
    int rc = 0;
    while (left > 0) {
        ssize_t k = write(fd, p, left);
        if (k <= 0) {
            rc = -1;
            break;
        }
        p += k;
        left -= (size_t)k;
    }
#ifdef FUZZ_IDX_GZIP
    free(gz);
#endif
    close(fd);
    if (rc != 0)
        unlink(path);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[4096];
    if (write_input(data, size, path, sizeof path) != 0)
        return 0;
    char msg[600];
    unsigned long sum = 0;

    struct idx_images img;
    if (idx_images_load(&img, path, msg, sizeof msg) == 0) {
        size_t n = img.count * idx_images_pixels(&img);
        for (size_t i = 0; i < n; i++)
            sum += img.pixels[i];
    }
    idx_images_fini(&img);

    struct idx_labels lab;
    if (idx_labels_load(&lab, path, msg, sizeof msg) == 0)
        for (size_t i = 0; i < lab.count; i++)
            sum += lab.labels[i];
    idx_labels_fini(&lab);

    unlink(path);
    /* Keep the sums from being optimised away. */
    volatile unsigned long sink = sum;
    (void)sink;
    return 0;
}
