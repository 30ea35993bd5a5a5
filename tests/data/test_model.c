/*
 * Tests of saved model files (data/model.h): a round trip in both dtypes,
 * the byte layout the header documents, and every kind of bad file:
 * corrupt, truncated, trailing bytes, another version, not a model,
 * impossible shapes; and a failed save leaves the old file untouched.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "check_helpers.h"
#include "core/init.h"
#include "core/rng.h"
#include "data/data_err.h"
#include "data/model.h"

static char dir[64];
static char path[128];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/nnlab-model-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/m.nnm", dir);
}

static void teardown(void)
{
    char cmd[160];
    snprintf(cmd, sizeof cmd, "chmod -R u+w '%s'; rm -rf '%s'", dir, dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* A 5-4-3 network: tanh with bias, then leaky ReLU without, random
 * weights from seed. */
static void make_model(struct nn_mlp *m, enum nn_dtype dt, uint64_t seed)
{
    struct nn_layer_spec spec[2] = {
        {4, nn_act_make(NN_ACT_TANH), 1},
        {3, nn_act_make(NN_ACT_LEAKY_RELU), 0},
    };
    ck_assert_int_eq(nn_mlp_init(m, dt, 5, 2, spec), 0);
    struct nn_rng r;
    nn_rng_seed(&r, seed);
    ck_assert_int_eq(nn_mlp_init_params(m, NN_INIT_NORMAL, 1.0, &r), 0);
    for (size_t l = 0; l < 1; l++)
        for (size_t j = 0; j < m->layers[l].out; j++)
            nn_mat_set(&m->layers[l].b, 0, j, 0.25 * (double)j - 0.5);
}

static void save_ok(const struct nn_mlp *m)
{
    char msg[DATA_MSG_SIZE];
    ck_assert_msg(model_save(path, m, DATASET_FASHION, msg, sizeof msg) == 0,
                  "%s", msg);
}

static long file_size(const char *p)
{
    struct stat st;
    ck_assert_int_eq(stat(p, &st), 0);
    return (long)st.st_size;
}

static unsigned char *read_all(long *n)
{
    *n = file_size(path);
    unsigned char *buf = malloc((size_t)*n);
    FILE *f = fopen(path, "rb");
    ck_assert(buf && f);
    ck_assert_int_eq(fread(buf, 1, (size_t)*n, f), *n);
    fclose(f);
    return buf;
}

static void write_all(const unsigned char *buf, long n)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fwrite(buf, 1, (size_t)n, f), n);
    fclose(f);
}

/* Rewrite the trailing CRC after editing the body, as a tool making a
 * well-formed but different file would. */
static void fix_crc(unsigned char *buf, long n)
{
    uLong crc = crc32(crc32(0L, Z_NULL, 0), buf, (uInt)(n - 4));
    for (int i = 0; i < 4; i++)
        buf[n - 4 + i] = (unsigned char)(crc >> (8 * i));
}

/* Load path and expect failure with `code` and `words` in the message. */
static void expect_reject(int code, const char *words)
{
    struct nn_mlp m;
    enum dataset_kind kind;
    char msg[DATA_MSG_SIZE];
    int err = model_load(path, &m, &kind, msg, sizeof msg);
    ck_assert_int_eq(err, code);
    ck_assert_msg(strstr(msg, words) != NULL, "'%s' lacks '%s'", msg, words);
    ck_assert_msg(strstr(msg, path) != NULL, "'%s' lacks the path", msg);
    ck_assert_ptr_null(m.layers);
    nn_mlp_fini(&m);
}

static void check_same(const struct nn_mlp *a, const struct nn_mlp *b)
{
    ck_assert_int_eq(a->dtype, b->dtype);
    ck_assert_uint_eq(a->n_in, b->n_in);
    ck_assert_uint_eq(a->n_layers, b->n_layers);
    ck_assert_uint_eq(a->n_params, b->n_params);
    for (size_t l = 0; l < a->n_layers; l++) {
        ck_assert_uint_eq(a->layers[l].out, b->layers[l].out);
        ck_assert_int_eq(a->layers[l].act.kind, b->layers[l].act.kind);
        ck_assert_int_eq(a->layers[l].has_bias, b->layers[l].has_bias);
        ck_assert_near(a->layers[l].act.slope, b->layers[l].act.slope, 1e-9);
    }
    ck_assert_int_eq(memcmp(a->params.data, b->params.data,
                            a->n_params * nn_dtype_size(a->dtype)),
                     0);
}

START_TEST(round_trip)
{
    for (int d = 0; d < 2; d++) {
        enum nn_dtype dt = d ? NN_F64 : NN_F32;
        struct nn_mlp a, b;
        make_model(&a, dt, 11);
        save_ok(&a);
        /* Header, 2 layer records, the count, 5·4 + 4 + 4·3 parameters,
         * the CRC. */
        long expect = 28 + 2 * 16 + 8 + 36 * (long)nn_dtype_size(dt) + 4;
        ck_assert_int_eq(file_size(path), expect);
        enum dataset_kind kind = DATASET_MNIST;
        char msg[DATA_MSG_SIZE];
        ck_assert_int_eq(model_load(path, &b, &kind, msg, sizeof msg), 0);
        ck_assert_int_eq(kind, DATASET_FASHION);
        check_same(&a, &b);
        nn_mlp_fini(&a);
        nn_mlp_fini(&b);
    }
}
END_TEST

START_TEST(layout_is_little_endian_as_documented)
{
    struct nn_mlp a;
    make_model(&a, NN_F32, 3);
    save_ok(&a);
    long n;
    unsigned char *buf = read_all(&n);
    ck_assert_int_eq(memcmp(buf, "NNLABMDL", 8), 0);
    ck_assert_int_eq(buf[8], 1);  /* version */
    ck_assert_int_eq(buf[12], 0); /* f32 */
    ck_assert_int_eq(buf[16], 1); /* Fashion-MNIST */
    ck_assert_int_eq(buf[20], 5); /* inputs */
    ck_assert_int_eq(buf[24], 2); /* layers */
    ck_assert_int_eq(buf[28], 4); /* units of layer 1 */
    ck_assert_int_eq(buf[32], NN_ACT_TANH);
    ck_assert_int_eq(buf[36], 1); /* bias */
    ck_assert_int_eq(buf[44], 3);
    ck_assert_int_eq(buf[52], 0);  /* no bias */
    ck_assert_int_eq(buf[60], 36); /* parameters */
    /* The first weight: float bits, least significant byte first. */
    float w0 = (float)nn_mat_get(&a.layers[0].W, 0, 0);
    uint32_t bits;
    memcpy(&bits, &w0, 4);
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(buf[68 + i], (bits >> (8 * i)) & 0xff);
    uLong crc = crc32(crc32(0L, Z_NULL, 0), buf, (uInt)(n - 4));
    ck_assert_uint_eq(buf[n - 4] | buf[n - 3] << 8 | buf[n - 2] << 16 |
                          (uint32_t)buf[n - 1] << 24,
                      (uint32_t)crc);
    free(buf);
    nn_mlp_fini(&a);
}
END_TEST

START_TEST(bad_files_are_rejected)
{
    struct nn_mlp a;
    make_model(&a, NN_F32, 5);
    save_ok(&a);
    long n;
    unsigned char *good = read_all(&n);
    unsigned char *buf = malloc((size_t)n + 8);
    ck_assert_ptr_nonnull(buf);

    /* One flipped bit in a weight. */
    memcpy(buf, good, (size_t)n);
    buf[70] ^= 0x10;
    write_all(buf, n);
    expect_reject(DATA_EFORMAT, "checksum");
    /* Cut short, anywhere. */
    const long cuts[] = {0, 5, 27, 40, 68, n - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        write_all(good, cuts[i]);
        expect_reject(DATA_EFORMAT,
                      cuts[i] < 8 ? "not an nnlab model" : "truncated");
    }
    /* Bytes after the end. */
    memcpy(buf, good, (size_t)n);
    memset(buf + n, 0, 8);
    write_all(buf, n + 8);
    expect_reject(DATA_EFORMAT, "trailing");
    /* Another version, even with a right checksum. */
    memcpy(buf, good, (size_t)n);
    buf[8] = 2;
    fix_crc(buf, n);
    write_all(buf, n);
    expect_reject(DATA_EFORMAT, "version 2");
    /* Not a model. */
    memcpy(buf, good, (size_t)n);
    memcpy(buf, "GIF89a..", 8);
    write_all(buf, n);
    expect_reject(DATA_EFORMAT, "not an nnlab model");
    /* Shapes that do not match the parameter count: layer 1 claims 5
     * units instead of 4, with the checksum made right. */
    memcpy(buf, good, (size_t)n);
    buf[28] = 5;
    fix_crc(buf, n);
    write_all(buf, n);
    expect_reject(DATA_EFORMAT, "parameters");
    /* Absurd shapes: a layer of 2^31 units. */
    memcpy(buf, good, (size_t)n);
    buf[31] = 0x80;
    fix_crc(buf, n);
    write_all(buf, n);
    expect_reject(DATA_EFORMAT, "impossible");
    /* An unknown activation. */
    memcpy(buf, good, (size_t)n);
    buf[32] = 99;
    fix_crc(buf, n);
    write_all(buf, n);
    expect_reject(DATA_EFORMAT, "activation");
    /* A NaN weight. */
    memcpy(buf, good, (size_t)n);
    buf[68] = buf[69] = 0xff;
    buf[70] = 0xc0;
    buf[71] = 0x7f;
    fix_crc(buf, n);
    write_all(buf, n);
    expect_reject(DATA_EFORMAT, "NaN");
    /* A directory, and a missing file. */
    snprintf(path, sizeof path, "%s", dir);
    expect_reject(DATA_EIO, "not a regular file");
    snprintf(path, sizeof path, "%s/missing.nnm", dir);
    expect_reject(DATA_EIO, "cannot open");
    free(buf);
    free(good);
    nn_mlp_fini(&a);
}
END_TEST

/* The old file is byte for byte what it was, and no temporary is left. */
static void check_old_file(const unsigned char *old, long n)
{
    long m;
    unsigned char *now = read_all(&m);
    ck_assert_int_eq(m, n);
    ck_assert_int_eq(memcmp(now, old, (size_t)n), 0);
    free(now);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 1", dir);
    ck_assert_msg(system(cmd) == 0, "a temporary file was left behind");
}

START_TEST(failed_save_keeps_the_old_file)
{
    struct nn_mlp a, big;
    make_model(&a, NN_F32, 1);
    save_ok(&a);
    long n;
    unsigned char *old = read_all(&n);
    struct nn_layer_spec spec[1] = {{300, nn_act_make(NN_ACT_SOFTMAX), 1}};
    ck_assert_int_eq(nn_mlp_init(&big, NN_F64, 100, 1, spec), 0);
    char msg[DATA_MSG_SIZE];

    /* A full disk: the file size limit stops the write half way (this
     * test runs in its own process, so the limit dies with it). */
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit lim = {4096, 4096}, old_lim;
    ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &old_lim), 0);
    lim.rlim_max = old_lim.rlim_max;
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
    ck_assert_int_eq(model_save(path, &big, DATASET_MNIST, msg, sizeof msg),
                     DATA_EIO);
    ck_assert_ptr_nonnull(strstr(msg, "unchanged"));
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &old_lim), 0);
    check_old_file(old, n);

    /* A read-only directory (root writes anyway: nothing to test then). */
    if (geteuid() != 0) {
        ck_assert_int_eq(chmod(dir, 0555), 0);
        ck_assert_int_eq(model_save(path, &big, DATASET_MNIST, msg, sizeof msg),
                         DATA_EIO);
        ck_assert_ptr_nonnull(strstr(msg, path));
        check_old_file(old, n);
        ck_assert_int_eq(chmod(dir, 0755), 0);
    }
    /* A directory that does not exist. */
    char missing[160];
    snprintf(missing, sizeof missing, "%s/no/such/m.nnm", dir);
    ck_assert_int_eq(model_save(missing, &a, DATASET_MNIST, msg, sizeof msg),
                     DATA_EIO);
    ck_assert_ptr_nonnull(strstr(msg, missing));

    /* The check before training says the same, and leaves nothing. */
    ck_assert_int_eq(model_save_check(missing, msg, sizeof msg), DATA_EIO);
    ck_assert_ptr_nonnull(strstr(msg, missing));
    ck_assert_int_eq(model_save_check(path, msg, sizeof msg), 0);
    check_old_file(old, n);

    /* A good save then replaces the file. */
    ck_assert_int_eq(model_save(path, &big, DATASET_MNIST, msg, sizeof msg), 0);
    struct nn_mlp b;
    enum dataset_kind kind;
    ck_assert_int_eq(model_load(path, &b, &kind, msg, sizeof msg), 0);
    check_same(&big, &b);
    free(old);
    nn_mlp_fini(&a);
    nn_mlp_fini(&b);
    nn_mlp_fini(&big);
}
END_TEST

static Suite *model_suite(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("files");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, layout_is_little_endian_as_documented);
    tcase_add_test(tc, bad_files_are_rejected);
    tcase_add_test(tc, failed_save_keeps_the_old_file);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(model_suite)
