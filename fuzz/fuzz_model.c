/*
 * Fuzz target: saved model files (src/data/model.c).
 *
 * The loader takes a path, so each input is written to a fresh temporary
 * file and loaded. Built two ways:
 *   fuzz-model      the input is the file as it lies on disk.
 *   fuzz-model-crc  (FUZZ_MODEL_CRC) the last 4 bytes are replaced by the
 *                   CRC-32 of the rest before writing, so mutations get
 *                   past the checksum to the shape and parameter checks.
 * A loaded model's parameters are read end to end (their sum) so the
 * sanitizer sees any the loader did not really allocate.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "data/model.h"
#include "fuzz/fuzz.h"

/* Write the file the loader will see; its path goes into path[]. */
static int write_input(const uint8_t *data, size_t size, char *path,
                       size_t path_size)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(path, path_size, "%s/nnlab-fuzz-model-XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    uint8_t *buf = malloc(size ? size : 1);
    if (!buf) {
        close(fd);
        unlink(path);
        return -1;
    }
    memcpy(buf, data, size);
#ifdef FUZZ_MODEL_CRC
    if (size >= 4) {
        /* little-endian, as the format stores it */
        uLong crc = crc32(0L, buf, (uInt)(size - 4));
        for (int i = 0; i < 4; i++)
            buf[size - 4 + (size_t)i] = (uint8_t)(crc >> (8 * i));
    }
#endif
    int rc = 0;
    for (size_t off = 0; off < size;) {
        ssize_t k = write(fd, buf + off, size - off);
        if (k <= 0) {
            rc = -1;
            break;
        }
        off += (size_t)k;
    }
    free(buf);
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
    struct nn_mlp m;
    enum dataset_kind kind;
    char msg[600];
    if (model_load(path, &m, &kind, msg, sizeof msg) == 0) {
        double sum = 0;
        for (size_t i = 0; i < m.n_params; i++)
            sum += nn_mat_get(&m.params, 0, i);
        volatile double sink = sum;
        (void)sink;
        nn_mlp_fini(&m);
    }
    unlink(path);
    return 0;
}
