/* Temporary IDX files for the data tests (see fixtures.h). */
#include "fixtures.h"

#include <check.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

unsigned char fixture_pixel(size_t i, size_t r, size_t c)
{
    return (unsigned char)((i * 37 + r * 11 + c * 3) % 256);
}

unsigned char fixture_label(size_t i)
{
    return (unsigned char)((i * 7 + 3) % 10);
}

static void put_be32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

unsigned char *fixture_images(uint32_t magic, uint32_t count, uint32_t rows,
                              uint32_t cols, int pixels, size_t *len)
{
    size_t body = pixels ? (size_t)count * rows * cols : 0;
    unsigned char *b = malloc(16 + body);
    ck_assert_ptr_nonnull(b);
    put_be32(b, magic);
    put_be32(b + 4, count);
    put_be32(b + 8, rows);
    put_be32(b + 12, cols);
    for (size_t i = 0; pixels && i < count; i++)
        for (size_t r = 0; r < rows; r++)
            for (size_t c = 0; c < cols; c++)
                b[16 + (i * rows + r) * cols + c] = fixture_pixel(i, r, c);
    *len = 16 + body;
    return b;
}

unsigned char *fixture_labels(uint32_t magic, uint32_t count, size_t *len)
{
    unsigned char *b = malloc(8 + (size_t)count);
    ck_assert_ptr_nonnull(b);
    put_be32(b, magic);
    put_be32(b + 4, count);
    for (size_t i = 0; i < count; i++)
        b[8 + i] = fixture_label(i);
    *len = 8 + (size_t)count;
    return b;
}

char *fixture_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *dir =
        fixture_path(base && base[0] ? base : "/tmp", "nnlab-test-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    return dir;
}

static int remove_one(const char *path, const struct stat *st, int flag,
                      struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void fixture_rmtree(const char *dir)
{
    nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *fixture_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    ck_assert_ptr_nonnull(p);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

void fixture_write(const char *path, const void *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(buf, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
}

void fixture_write_gz(const char *path, const void *buf, size_t len)
{
    gzFile gz = gzopen(path, "wb");
    ck_assert_ptr_nonnull(gz);
    ck_assert_int_eq(gzwrite(gz, buf, (unsigned)len), (int)len);
    ck_assert_int_eq(gzclose(gz), Z_OK);
}
