/*
 * The IDX reader on files written by the test: good raw and .gz files,
 * then every kind of bad file, each of which must give the right error
 * code and a message naming the file and the fault.
 */
#include "check_helpers.h"
#include "core/error.h"
#include "core/mat.h"
#include "data/data_err.h"
#include "data/idx.h"
#include "fixtures.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define N 5
#define ROWS 3
#define COLS 4

/* The message names the file and contains `what`. */
#define ck_assert_msg_has(msg, path, what)                                     \
    do {                                                                       \
        ck_assert_msg(strstr(msg, path) != NULL, "'%s' lacks the path", msg);  \
        ck_assert_msg(strstr(msg, what) != NULL, "'%s' lacks '%s'", msg,       \
                      what);                                                   \
    } while (0)

/* Load an image file made of buf[0..len) written raw (or gzipped). */
static int load_images(struct idx_images *img, const unsigned char *buf,
                       size_t len, int gz, char *msg, char **path_out)
{
    char *dir = fixture_tmpdir();
    char *path = fixture_path(dir, gz ? "img.gz" : "img");
    if (gz)
        fixture_write_gz(path, buf, len);
    else
        fixture_write(path, buf, len);
    int err = idx_images_load(img, path, msg, DATA_MSG_SIZE);
    fixture_rmtree(dir);
    free(dir);
    *path_out = path;
    return err;
}

static void check_fixture_images(const struct idx_images *img)
{
    ck_assert_uint_eq(img->count, N);
    ck_assert_uint_eq(img->rows, ROWS);
    ck_assert_uint_eq(img->cols, COLS);
    ck_assert_uint_eq(idx_images_pixels(img), ROWS * COLS);
    for (size_t i = 0; i < N; i++)
        for (size_t r = 0; r < ROWS; r++)
            for (size_t c = 0; c < COLS; c++)
                ck_assert_uint_eq(img->pixels[(i * ROWS + r) * COLS + c],
                                  fixture_pixel(i, r, c));
}

START_TEST(test_images_good)
{
    /* _i = 0: raw, 1: gzip. */
    size_t len;
    unsigned char *buf =
        fixture_images(IDX_MAGIC_IMAGES, N, ROWS, COLS, 1, &len);
    char msg[DATA_MSG_SIZE], *path;
    struct idx_images img;
    ck_assert_int_eq(load_images(&img, buf, len, _i, msg, &path), 0);
    check_fixture_images(&img);
    idx_images_fini(&img);
    ck_assert_ptr_null(img.pixels);
    free(buf);
    free(path);
}
END_TEST

START_TEST(test_labels_good)
{
    size_t len;
    unsigned char *buf = fixture_labels(IDX_MAGIC_LABELS, 23, &len);
    char *dir = fixture_tmpdir();
    char *path = fixture_path(dir, "lab");
    if (_i)
        fixture_write_gz(path, buf, len);
    else
        fixture_write(path, buf, len);
    char msg[DATA_MSG_SIZE];
    struct idx_labels lab;
    ck_assert_int_eq(idx_labels_load(&lab, path, msg, sizeof msg), 0);
    ck_assert_uint_eq(lab.count, 23);
    for (size_t i = 0; i < 23; i++)
        ck_assert_uint_eq(lab.labels[i], fixture_label(i));
    idx_labels_fini(&lab);
    fixture_rmtree(dir);
    free(dir);
    free(path);
    free(buf);
}
END_TEST

/* A large-enough .gz file to cross zlib's internal buffers and the
 * reader's 1 MiB read steps: 1500 images of 28 x 28 (1.2 MB). */
START_TEST(test_images_gz_large)
{
    size_t len;
    unsigned char *buf =
        fixture_images(IDX_MAGIC_IMAGES, 1500, 28, 28, 1, &len);
    char msg[DATA_MSG_SIZE], *path;
    struct idx_images img;
    ck_assert_int_eq(load_images(&img, buf, len, 1, msg, &path), 0);
    ck_assert_uint_eq(img.count, 1500);
    ck_assert_int_eq(memcmp(img.pixels, buf + 16, len - 16), 0);
    idx_images_fini(&img);
    free(buf);
    free(path);
}
END_TEST

static void load_fixture(struct idx_images *img)
{
    size_t len;
    unsigned char *buf =
        fixture_images(IDX_MAGIC_IMAGES, N, ROWS, COLS, 1, &len);
    char msg[DATA_MSG_SIZE], *path;
    ck_assert_int_eq(load_images(img, buf, len, 0, msg, &path), 0);
    free(buf);
    free(path);
}

START_TEST(test_images_to_mat)
{
    /* _i = 0: f32, 1: f64. Each element is the byte divided by 255, as
     * computed here in double; f32 holds it to within half an ulp. */
    enum nn_dtype dt = _i ? NN_F64 : NN_F32;
    double tol = _i ? 0.0 : 6e-8;
    struct idx_images img;
    load_fixture(&img);
    struct nn_mat x;
    ck_assert_int_eq(nn_mat_init(&x, dt, 2, ROWS * COLS), NN_OK);
    ck_assert_int_eq(idx_images_rows(&x, &img, 3), 0);
    for (size_t k = 0; k < 2; k++)
        for (size_t j = 0; j < ROWS * COLS; j++)
            ck_assert_near(nn_mat_get(&x, k, j),
                           fixture_pixel(3 + k, j / COLS, j % COLS) / 255.0,
                           tol);

    size_t index[2] = {4, 0};
    ck_assert_int_eq(idx_images_gather(&x, &img, index), 0);
    for (size_t k = 0; k < 2; k++)
        for (size_t j = 0; j < ROWS * COLS; j++)
            ck_assert_near(nn_mat_get(&x, k, j),
                           fixture_pixel(index[k], j / COLS, j % COLS) / 255.0,
                           tol);

    /* The extremes are exact: 0 and 255 map to 0 and 1. */
    img.pixels[0] = 0;
    img.pixels[1] = 255;
    ck_assert_int_eq(idx_images_rows(&x, &img, 0), 0);
    ck_assert(nn_mat_get(&x, 0, 0) == 0.0);
    ck_assert(nn_mat_get(&x, 0, 1) == 1.0);

    /* Out of range and wrong width are refused. */
    ck_assert_int_eq(idx_images_rows(&x, &img, 4), NN_EINVAL);
    ck_assert_int_eq(idx_images_rows(&x, &img, (size_t)-1), NN_EINVAL);
    index[1] = N;
    ck_assert_int_eq(idx_images_gather(&x, &img, index), NN_EINVAL);
    struct nn_mat bad;
    ck_assert_int_eq(nn_mat_init(&bad, dt, 1, ROWS * COLS + 1), NN_OK);
    ck_assert_int_eq(idx_images_rows(&bad, &img, 0), NN_ESHAPE);
    nn_mat_fini(&bad);
    nn_mat_fini(&x);
    idx_images_fini(&img);
}
END_TEST

START_TEST(test_labels_onehot)
{
    unsigned char v[6] = {3, 0, 9, 3, 7, 1};
    struct idx_labels lab = {6, v};
    struct nn_mat y;
    ck_assert_int_eq(nn_mat_init(&y, _i ? NN_F64 : NN_F32, 3, 10), NN_OK);
    nn_mat_fill(&y, 5.0); /* stale values must be cleared */
    ck_assert_int_eq(idx_labels_onehot(&y, &lab, 2), 0);
    for (size_t k = 0; k < 3; k++)
        for (size_t c = 0; c < 10; c++)
            ck_assert(nn_mat_get(&y, k, c) == (c == v[2 + k] ? 1.0 : 0.0));
    size_t index[3] = {5, 1, 0};
    ck_assert_int_eq(idx_labels_onehot_gather(&y, &lab, index), 0);
    for (size_t k = 0; k < 3; k++)
        for (size_t c = 0; c < 10; c++)
            ck_assert(nn_mat_get(&y, k, c) == (c == v[index[k]] ? 1.0 : 0.0));
    ck_assert_int_eq(idx_labels_onehot(&y, &lab, 4), NN_EINVAL);
    index[2] = 6;
    ck_assert_int_eq(idx_labels_onehot_gather(&y, &lab, index), NN_EINVAL);
    nn_mat_fini(&y);
    /* A label outside the classes: 9 with only 8 columns. */
    ck_assert_int_eq(nn_mat_init(&y, NN_F32, 1, 8), NN_OK);
    ck_assert_int_eq(idx_labels_onehot(&y, &lab, 2), NN_EINVAL);
    nn_mat_fini(&y);
}
END_TEST

START_TEST(test_wrong_magic)
{
    size_t len;
    char msg[DATA_MSG_SIZE], *path;
    struct idx_images img;
    /* A label file given as images: the message says so. */
    unsigned char *buf =
        fixture_images(IDX_MAGIC_LABELS, N, ROWS, COLS, 1, &len);
    ck_assert_int_eq(load_images(&img, buf, len, _i, msg, &path), DATA_EFORMAT);
    ck_assert_msg_has(msg, path, "magic number 0x00000801");
    ck_assert_msg_has(msg, path, "expected 0x00000803");
    ck_assert_msg_has(msg, path, "label file");
    ck_assert_ptr_null(img.pixels);
    free(buf);
    free(path);
    /* Four arbitrary bytes, e.g. a text file. */
    buf = fixture_images(0x48656c6c, N, ROWS, COLS, 1, &len);
    ck_assert_int_eq(load_images(&img, buf, len, _i, msg, &path), DATA_EFORMAT);
    ck_assert_msg_has(msg, path, "magic number 0x48656c6c");
    free(buf);
    free(path);
    /* An image file given as labels. */
    buf = fixture_images(IDX_MAGIC_IMAGES, N, ROWS, COLS, 1, &len);
    char *dir = fixture_tmpdir();
    path = fixture_path(dir, "img");
    fixture_write(path, buf, len);
    struct idx_labels lab;
    ck_assert_int_eq(idx_labels_load(&lab, path, msg, sizeof msg),
                     DATA_EFORMAT);
    ck_assert_msg_has(msg, path, "image file");
    fixture_rmtree(dir);
    free(dir);
    free(path);
    free(buf);
}
END_TEST

START_TEST(test_truncated_header)
{
    size_t len;
    unsigned char *buf =
        fixture_images(IDX_MAGIC_IMAGES, N, ROWS, COLS, 0, &len);
    char msg[DATA_MSG_SIZE], *path;
    struct idx_images img;
    /* 10 of the 16 header bytes, and just 2 (not even a magic number). */
    ck_assert_int_eq(load_images(&img, buf, 10, _i, msg, &path), DATA_EFORMAT);
    ck_assert_msg_has(msg, path, "truncated header: 10 bytes");
    free(path);
    ck_assert_int_eq(load_images(&img, buf, 2, _i, msg, &path), DATA_EFORMAT);
    ck_assert_msg_has(msg, path, "truncated header: 2 bytes");
    free(path);
    free(buf);
}
END_TEST

START_TEST(test_truncated_data)
{
    size_t len;
    unsigned char *buf =
        fixture_images(IDX_MAGIC_IMAGES, N, ROWS, COLS, 1, &len);
    char msg[DATA_MSG_SIZE], *path;
    struct idx_images img;
    ck_assert_int_eq(load_images(&img, buf, len - 5, _i, msg, &path),
                     DATA_EFORMAT);
    ck_assert_msg_has(msg, path, "truncated");
    ck_assert_msg_has(msg, path, "5 images of 3 x 4 pixels");
    ck_assert_ptr_null(img.pixels);
    free(path);
    free(buf);

    /* Labels: the header promises 50, the file has 20. */
    buf = fixture_labels(IDX_MAGIC_LABELS, 50, &len);
    char *dir = fixture_tmpdir();
    path = fixture_path(dir, "lab");
    fixture_write(path, buf, 8 + 20);
    struct idx_labels lab;
    ck_assert_int_eq(idx_labels_load(&lab, path, msg, sizeof msg),
                     DATA_EFORMAT);
    ck_assert_msg_has(msg, path, "50 labels");
    ck_assert_ptr_null(lab.labels);
    fixture_rmtree(dir);
    free(dir);
    free(path);
    free(buf);
}
END_TEST

START_TEST(test_trailing_data)
{
    size_t len;
    unsigned char *buf =
        fixture_images(IDX_MAGIC_IMAGES, N + 1, ROWS, COLS, 1, &len);
    /* Claim one image fewer than the file holds. */
    buf[7] = N;
    char msg[DATA_MSG_SIZE], *path;
    struct idx_images img;
    ck_assert_int_eq(load_images(&img, buf, len, _i, msg, &path), DATA_EFORMAT);
    ck_assert_msg_has(msg, path, "unexpected data after the 5 images");
    free(path);
    free(buf);
}
END_TEST

START_TEST(test_huge_dimensions)
{
    /* Headers whose sizes overflow 32 bits (and 64 bits once multiplied
     * out with a byte count), or exceed the limits, in a small file:
     * refused from the header alone, before any allocation. */
    static const uint32_t dims[][3] = {
        {0xffffffffu, 0xffffffffu, 0xffffffffu},
        {60000, 65536, 65536},
        {IDX_MAX_COUNT + 1, 1, 1},
        {IDX_MAX_COUNT, IDX_MAX_SIDE, IDX_MAX_SIDE},
        {1, IDX_MAX_SIDE + 1, 1},
        {2000000, 28, 28}, /* 1.57 GB of pixels */
    };
    char msg[DATA_MSG_SIZE], *path;
    struct idx_images img;
    for (size_t k = 0; k < sizeof dims / sizeof dims[0]; k++) {
        size_t len;
        unsigned char *buf = fixture_images(IDX_MAGIC_IMAGES, dims[k][0],
                                            dims[k][1], dims[k][2], 0, &len);
        ck_assert_int_eq(load_images(&img, buf, len, _i, msg, &path),
                         NN_ETOOBIG);
        ck_assert_msg_has(msg, path, "the limits are");
        ck_assert_ptr_null(img.pixels);
        free(path);
        free(buf);
    }
    size_t len;
    unsigned char *buf = fixture_labels(0x00000801, 0, &len);
    buf[4] = 0xff; /* 4 278 190 080 labels */
    char *dir = fixture_tmpdir();
    path = fixture_path(dir, "lab");
    fixture_write(path, buf, len);
    struct idx_labels lab;
    ck_assert_int_eq(idx_labels_load(&lab, path, msg, sizeof msg), NN_ETOOBIG);
    ck_assert_msg_has(msg, path, "4278190080 labels");
    fixture_rmtree(dir);
    free(dir);
    free(path);
    free(buf);
}
END_TEST

START_TEST(test_big_claim_small_file)
{
    /* Within the limits (1 000 000 images of 28 x 28 = 784 MB) but the
     * file holds three images: a raw file is refused by its size before
     * allocating; a .gz one once its data runs out, having allocated no
     * more than the reader's first 16 MiB step. */
    size_t len;
    unsigned char *buf = fixture_images(IDX_MAGIC_IMAGES, 3, 28, 28, 1, &len);
    buf[4] = 0x00, buf[5] = 0x0f, buf[6] = 0x42, buf[7] = 0x40;
    char msg[DATA_MSG_SIZE], *path;
    struct idx_images img;
    ck_assert_int_eq(load_images(&img, buf, len, _i, msg, &path), DATA_EFORMAT);
    ck_assert_msg_has(msg, path, "truncated");
    ck_assert_msg_has(msg, path, "1000000 images of 28 x 28 pixels");
    free(path);
    free(buf);
}
END_TEST

START_TEST(test_zero_dimensions)
{
    static const uint32_t dims[][3] = {{0, 28, 28}, {5, 0, 28}, {5, 28, 0}};
    char msg[DATA_MSG_SIZE], *path;
    struct idx_images img;
    for (size_t k = 0; k < 3; k++) {
        size_t len;
        unsigned char *buf = fixture_images(IDX_MAGIC_IMAGES, dims[k][0],
                                            dims[k][1], dims[k][2], 0, &len);
        ck_assert_int_eq(load_images(&img, buf, len, _i, msg, &path),
                         DATA_EFORMAT);
        ck_assert_msg_has(msg, path, "none of these may be 0");
        free(path);
        free(buf);
    }
}
END_TEST

START_TEST(test_empty_file)
{
    char *dir = fixture_tmpdir();
    char *path = fixture_path(dir, "empty");
    fixture_write(path, "", 0);
    char msg[DATA_MSG_SIZE];
    struct idx_images img;
    ck_assert_int_eq(idx_images_load(&img, path, msg, sizeof msg),
                     DATA_EFORMAT);
    ck_assert_msg_has(msg, path, "is empty");
    struct idx_labels lab;
    ck_assert_int_eq(idx_labels_load(&lab, path, msg, sizeof msg),
                     DATA_EFORMAT);
    ck_assert_msg_has(msg, path, "is empty");
    fixture_rmtree(dir);
    free(dir);
    free(path);
}
END_TEST

START_TEST(test_directory_and_missing)
{
    char *dir = fixture_tmpdir();
    char msg[DATA_MSG_SIZE];
    struct idx_images img;
    ck_assert_int_eq(idx_images_load(&img, dir, msg, sizeof msg), DATA_EIO);
    ck_assert_msg_has(msg, dir, "is a directory");
    char *path = fixture_path(dir, "no-such-file");
    ck_assert_int_eq(idx_images_load(&img, path, msg, sizeof msg), DATA_EIO);
    ck_assert_msg_has(msg, path, "cannot open: No such file or directory");
    /* A message buffer of size 0 is allowed: the code still comes back. */
    ck_assert_int_eq(idx_images_load(&img, path, NULL, 0), DATA_EIO);
    fixture_rmtree(dir);
    free(dir);
    free(path);
}
END_TEST

START_TEST(test_unreadable_file)
{
    /* Root reads any file, so the load runs in a child process that has
     * given up root (as "nobody") when we are root. */
    char *dir = fixture_tmpdir();
    ck_assert_int_eq(chmod(dir, 0755), 0);
    char *path = fixture_path(dir, "secret");
    size_t len;
    unsigned char *buf =
        fixture_images(IDX_MAGIC_IMAGES, N, ROWS, COLS, 1, &len);
    fixture_write(path, buf, len);
    ck_assert_int_eq(chmod(path, 0), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(3);
        char msg[DATA_MSG_SIZE];
        struct idx_images img;
        int err = idx_images_load(&img, path, msg, sizeof msg);
        int ok = err == DATA_EIO && strstr(msg, path) &&
                 strstr(msg, "cannot open: Permission denied");
        free(dir);
        free(path);
        free(buf);
        _exit(ok ? 0 : 1);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_msg(WEXITSTATUS(status) == 0,
                  "child exit %d (1: wrong error, 3: could not drop root)",
                  WEXITSTATUS(status));
    fixture_rmtree(dir);
    free(dir);
    free(path);
    free(buf);
}
END_TEST

/* Write buf gzipped, then damage the compressed file with `damage`. */
static int load_damaged_gz(struct idx_images *img, void (*damage)(FILE *, long),
                           char *msg, char **path_out)
{
    size_t len;
    unsigned char *buf = fixture_images(IDX_MAGIC_IMAGES, 200, 28, 28, 1, &len);
    char *dir = fixture_tmpdir();
    char *path = fixture_path(dir, "img.gz");
    fixture_write_gz(path, buf, len);
    FILE *f = fopen(path, "r+b");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    damage(f, size);
    ck_assert_int_eq(fclose(f), 0);
    int err = idx_images_load(img, path, msg, DATA_MSG_SIZE);
    fixture_rmtree(dir);
    free(dir);
    free(buf);
    *path_out = path;
    return err;
}

static void flip_middle(FILE *f, long size)
{
    ck_assert_int_eq(fseek(f, size / 2, SEEK_SET), 0);
    int c = fgetc(f);
    ck_assert_int_eq(fseek(f, size / 2, SEEK_SET), 0);
    fputc(c ^ 0x55, f);
}

static void flip_crc(FILE *f, long size)
{
    /* The gzip trailer is CRC-32 then length, 4 bytes each. */
    ck_assert_int_eq(fseek(f, size - 8, SEEK_SET), 0);
    int c = fgetc(f);
    ck_assert_int_eq(fseek(f, size - 8, SEEK_SET), 0);
    fputc(c ^ 0x01, f);
}

static void cut_half(FILE *f, long size)
{
    ck_assert_int_eq(ftruncate(fileno(f), size / 2), 0);
}

START_TEST(test_gz_corrupt)
{
    void (*damage[])(FILE *, long) = {flip_middle, flip_crc, cut_half};
    char msg[DATA_MSG_SIZE], *path;
    struct idx_images img;
    ck_assert_int_eq(load_damaged_gz(&img, damage[_i], msg, &path),
                     DATA_EFORMAT);
    ck_assert_msg_has(msg, path, "compressed data is");
    ck_assert_ptr_null(img.pixels);
    free(path);
}
END_TEST

START_TEST(test_strerror)
{
    ck_assert_str_eq(data_strerror(DATA_ENODATA),
                     "the dataset is not installed");
    ck_assert_str_eq(data_strerror(NN_ENOMEM), nn_strerror(NN_ENOMEM));
}
END_TEST

static Suite *idx_suite(void)
{
    Suite *s = suite_create("idx");
    TCase *tc = tcase_create("good");
    tcase_add_loop_test(tc, test_images_good, 0, 2);
    tcase_add_loop_test(tc, test_labels_good, 0, 2);
    tcase_add_test(tc, test_images_gz_large);
    tcase_add_loop_test(tc, test_images_to_mat, 0, 2);
    tcase_add_loop_test(tc, test_labels_onehot, 0, 2);
    tcase_add_test(tc, test_strerror);
    suite_add_tcase(s, tc);
    tc = tcase_create("bad");
    tcase_add_loop_test(tc, test_wrong_magic, 0, 2);
    tcase_add_loop_test(tc, test_truncated_header, 0, 2);
    tcase_add_loop_test(tc, test_truncated_data, 0, 2);
    tcase_add_loop_test(tc, test_trailing_data, 0, 2);
    tcase_add_loop_test(tc, test_huge_dimensions, 0, 2);
    tcase_add_loop_test(tc, test_big_claim_small_file, 0, 2);
    tcase_add_loop_test(tc, test_zero_dimensions, 0, 2);
    tcase_add_test(tc, test_empty_file);
    tcase_add_test(tc, test_directory_and_missing);
    tcase_add_test(tc, test_unreadable_file);
    tcase_add_loop_test(tc, test_gz_corrupt, 0, 3);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(idx_suite)
