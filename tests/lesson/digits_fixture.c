/* The made-up MNIST of the digit tests (see digits_fixture.h). */
#include "digits_fixture.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static void put_u32(FILE *f, unsigned v)
{
    unsigned char b[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 8), (unsigned char)v};
    ck_assert_uint_eq(fwrite(b, 1, 4, f), 4);
}

static void write_split(const char *dir, const char *prefix, unsigned n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s-images-idx3-ubyte", dir, prefix);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    put_u32(f, 0x803);
    put_u32(f, n);
    put_u32(f, 28);
    put_u32(f, 28);
    for (unsigned i = 0; i < n; i++)
        for (unsigned r = 0; r < 28; r++)
            for (unsigned c = 0; c < 28; c++) {
                unsigned across = i % 2 ? r : c, along = i % 2 ? c : r;
                int ink =
                    along >= 13 && along < 16 && across >= 4 && across < 24;
                fputc(ink ? 255 : 0, f);
            }
    ck_assert_int_eq(fclose(f), 0);
    snprintf(path, sizeof path, "%s/%s-labels-idx1-ubyte", dir, prefix);
    f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    put_u32(f, 0x801);
    put_u32(f, n);
    for (unsigned i = 0; i < n; i++)
        fputc((int)(i % 10), f);
    ck_assert_int_eq(fclose(f), 0);
}

void digits_fixture_setup(struct digits_fixture *f, unsigned n_train,
                          unsigned n_test)
{
    char *root = f->root;
    snprintf(root, sizeof f->root, "/tmp/nnlab-digits.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(root));
    char dir[128];
    snprintf(dir, sizeof dir, "%s/mnist", root);
    if (n_train > 0) {
        ck_assert_int_eq(mkdir(dir, 0700), 0);
        write_split(dir, "train", n_train);
        write_split(dir, "t10k", n_test);
    }
    setenv("NNLAB_DATA", root, 1);
    setenv("XDG_DATA_HOME", root, 1);
    setenv("HOME", root, 1);
}

void digits_fixture_add_fashion(const struct digits_fixture *f,
                                unsigned n_train, unsigned n_test)
{
    char dir[128];
    snprintf(dir, sizeof dir, "%s/fashion-mnist", f->root);
    ck_assert_int_eq(mkdir(dir, 0700), 0);
    write_split(dir, "train", n_train);
    write_split(dir, "t10k", n_test);
}

void digits_fixture_teardown(const struct digits_fixture *f)
{
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->root);
    ck_assert_int_eq(system(cmd), 0);
}
