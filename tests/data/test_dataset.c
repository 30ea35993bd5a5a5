/*
 * Datasets: the search order of dataset_find(), loading four small files
 * written by the test (raw and .gz), and the cross-checks between them.
 */
#include "check_helpers.h"
#include "config.h"
#include "core/error.h"
#include "data/data_err.h"
#include "data/dataset.h"
#include "fixtures.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *const names[4] = {
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
};

/* mkdir -p for the few levels the tests need. */
static void make_dirs(const char *path)
{
    char buf[DATASET_PATH_MAX];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(buf, 0755);
            *p = '/';
        }
    mkdir(buf, 0755);
}

/* Write one of the four files into dir, with its count and side. */
static void write_file(const char *dir, int which, uint32_t count,
                       uint32_t side, int gz)
{
    size_t len;
    unsigned char *buf =
        which % 2 == 0
            ? fixture_images(IDX_MAGIC_IMAGES, count, side, side, 1, &len)
            : fixture_labels(IDX_MAGIC_LABELS, count, &len);
    char name[64];
    snprintf(name, sizeof name, "%s%s", names[which], gz ? ".gz" : "");
    char *path = fixture_path(dir, name);
    if (gz)
        fixture_write_gz(path, buf, len);
    else
        fixture_write(path, buf, len);
    free(path);
    free(buf);
}

/* A complete small dataset: 12 training and 4 test images of 28 x 28. */
static void write_dataset(const char *dir, int gz)
{
    make_dirs(dir);
    write_file(dir, 0, 12, 28, gz);
    write_file(dir, 1, 12, 28, gz);
    write_file(dir, 2, 4, 28, gz);
    write_file(dir, 3, 4, 28, gz);
}

/* A search that looks only where the test says. */
static struct dataset_search search(enum dataset_kind kind)
{
    struct dataset_search s = {.kind = kind};
    return s;
}

static char *sub(const char *root, const char *rel)
{
    return fixture_path(root, rel);
}

START_TEST(test_search_order)
{
    char *root = fixture_tmpdir();
    char *d_data = sub(root, "given"), *d_env = sub(root, "env");
    char *d_xdg = sub(root, "xdg"), *d_home = sub(root, "home");
    char *d_sys = sub(root, "sys");
    char *env_mnist = sub(root, "env/mnist");
    char *xdg_mnist = sub(root, "xdg/nnlab/mnist");
    char *home_mnist = sub(root, "home/.local/share/nnlab/mnist");
    struct dataset_search s = search(DATASET_MNIST);
    s.home = d_home;
    char dir[DATASET_PATH_MAX], msg[DATA_MSG_SIZE];
    const char *source;

    /* Installed by fetch-mnist in the default place only. */
    write_dataset(home_mnist, 0);
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg), 0);
    ck_assert_str_eq(dir, home_mnist);
    ck_assert_str_eq(source, "the user data directory");

    /* XDG_DATA_HOME replaces ~/.local/share; a relative one is ignored,
     * as the XDG base directory rules say. */
    write_dataset(xdg_mnist, 1);
    s.xdg_data_home = d_xdg;
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg), 0);
    ck_assert_str_eq(dir, xdg_mnist);
    ck_assert_str_eq(source, "XDG_DATA_HOME");
    s.xdg_data_home = "relative/dir";
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg), 0);
    ck_assert_str_eq(dir, home_mnist);
    s.xdg_data_home = d_xdg;

    /* NNLAB_DATA comes before; an empty root there is passed over. */
    s.env_root = d_env;
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg), 0);
    ck_assert_str_eq(dir, xdg_mnist);
    write_dataset(env_mnist, 0);
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg), 0);
    ck_assert_str_eq(dir, env_mnist);
    ck_assert_str_eq(source, "NNLAB_DATA");

    /* --data comes first, and is the only place looked at once given. */
    write_dataset(d_data, 1);
    s.data_dir = d_data;
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg), 0);
    ck_assert_str_eq(dir, d_data);
    ck_assert_str_eq(source, "--data");
    s.data_dir = d_sys; /* exists, holds nothing */
    make_dirs(d_sys);
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg), DATA_EIO);
    ck_assert_msg(strstr(msg, d_sys) && strstr(msg, names[0]) &&
                      strstr(msg, "missing"),
                  "%s", msg);

    /* A --data that is not a directory at all. */
    char *nowhere = sub(root, "nowhere");
    s.data_dir = nowhere;
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg), DATA_EIO);
    ck_assert_msg(strstr(msg, nowhere) &&
                      strstr(msg, "No such file or directory (given with "
                                  "--data)"),
                  "%s", msg);
    char *file = fixture_path(home_mnist, names[1]);
    s.data_dir = file;
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg), DATA_EIO);
    ck_assert_msg(strstr(msg, "Not a directory (given with --data)"), "%s",
                  msg);
    free(nowhere), free(file);

    fixture_rmtree(root);
    free(root), free(d_data), free(d_env), free(d_xdg), free(d_home);
    free(d_sys), free(env_mnist), free(xdg_mnist), free(home_mnist);
}
END_TEST

START_TEST(test_not_installed)
{
    char *root = fixture_tmpdir();
    char *d_env = sub(root, "env"), *d_home = sub(root, "home");
    struct dataset_search s = search(DATASET_MNIST);
    s.env_root = d_env;
    s.home = d_home;
    char dir[DATASET_PATH_MAX], msg[DATA_MSG_SIZE];
    const char *source;
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg),
        DATA_ENODATA);
    /* Every place looked at, and the command that fetches MNIST. */
    ck_assert_msg(strstr(msg, "MNIST is not installed"), "%s", msg);
    ck_assert_msg(strstr(msg, "/env/mnist"), "%s", msg);
    ck_assert_msg(strstr(msg, "/home/.local/share/nnlab/mnist"), "%s", msg);
    /* A copy without its source tree: the installed command. */
    ck_assert_msg(strstr(msg, "Fetch it once with: " NNLAB_BINDIR
                              "/nnlab-fetch-mnist"),
                  "%s", msg);
    /* A build run from its tree: the tree's script (this test runs from
     * the build tree, so it is there). */
    s.srcdir = NNLAB_SRCDIR;
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg),
        DATA_ENODATA);
    ck_assert_msg(strstr(msg, "Fetch it once with: " NNLAB_SRCDIR
                              "/scripts/fetch-mnist"),
                  "%s", msg);
    /* A source tree that is gone (moved or deleted after the build). */
    s.srcdir = d_env;
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg),
        DATA_ENODATA);
    ck_assert_msg(strstr(msg, NNLAB_BINDIR "/nnlab-fetch-mnist"), "%s", msg);

    /* Fashion-MNIST comes from Debian's package. */
    s = search(DATASET_FASHION);
    s.home = d_home;
    s.system_dir = d_env;
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg),
        DATA_ENODATA);
    ck_assert_msg(strstr(msg, "Fashion-MNIST is not installed"), "%s", msg);
    ck_assert_msg(strstr(msg, "/home/.local/share/nnlab/fashion-mnist"), "%s",
                  msg);
    ck_assert_msg(strstr(msg, "apt-get install dataset-fashion-mnist"), "%s",
                  msg);
    write_dataset(d_env, 1);
    ck_assert_int_eq(
        dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg), 0);
    ck_assert_str_eq(dir, d_env);
    ck_assert_str_eq(source, "the system package");

    fixture_rmtree(root);
    free(root), free(d_env), free(d_home);
}
END_TEST

START_TEST(test_load_good)
{
    /* _i = 0: raw files, 1: .gz files. */
    char *root = fixture_tmpdir();
    write_dataset(root, _i);
    struct dataset_search s = search(DATASET_MNIST);
    s.data_dir = root;
    struct dataset ds;
    char msg[DATA_MSG_SIZE];
    ck_assert_int_eq(dataset_load(&ds, &s, msg, sizeof msg), 0);
    ck_assert_str_eq(ds.dir, root);
    ck_assert_uint_eq(ds.train_images.count, 12);
    ck_assert_uint_eq(ds.train_labels.count, 12);
    ck_assert_uint_eq(ds.test_images.count, 4);
    ck_assert_uint_eq(ds.test_labels.count, 4);
    ck_assert_uint_eq(ds.test_images.rows, 28);
    ck_assert_uint_eq(ds.test_images.pixels[784 * 3 + 28 * 5 + 7],
                      fixture_pixel(3, 5, 7));
    ck_assert_uint_eq(ds.train_labels.labels[11], fixture_label(11));
    dataset_fini(&ds);
    ck_assert_ptr_null(ds.train_images.pixels);
    fixture_rmtree(root);
    free(root);
}
END_TEST

START_TEST(test_raw_preferred_over_gz)
{
    /* Both forms present: the raw file (here with 12 images) is read. */
    char *root = fixture_tmpdir();
    write_dataset(root, 0);
    write_file(root, 0, 3, 28, 1);
    struct dataset_search s = search(DATASET_MNIST);
    s.data_dir = root;
    struct dataset ds;
    char msg[DATA_MSG_SIZE];
    ck_assert_int_eq(dataset_load(&ds, &s, msg, sizeof msg), 0);
    ck_assert_uint_eq(ds.train_images.count, 12);
    dataset_fini(&ds);
    fixture_rmtree(root);
    free(root);
}
END_TEST

/* Load a dataset in root that must fail with err; return the message. */
static void load_fails(const char *root, int err, char *msg)
{
    struct dataset_search s = search(DATASET_MNIST);
    s.data_dir = root;
    struct dataset ds;
    ck_assert_int_eq(dataset_load(&ds, &s, msg, DATA_MSG_SIZE), err);
    ck_assert_ptr_null(ds.train_images.pixels);
    ck_assert_ptr_null(ds.train_labels.labels);
    ck_assert_ptr_null(ds.test_images.pixels);
    ck_assert_ptr_null(ds.test_labels.labels);
}

START_TEST(test_count_mismatch)
{
    /* _i = 0: training pair, 1: test pair. */
    char *root = fixture_tmpdir();
    write_dataset(root, 0);
    write_file(root, 1 + 2 * _i, 11, 28, 0);
    char msg[DATA_MSG_SIZE];
    load_fails(root, DATA_EFORMAT, msg);
    char *img = fixture_path(root, names[2 * _i]);
    char *lab = fixture_path(root, names[2 * _i + 1]);
    ck_assert_msg(strstr(msg, img) && strstr(msg, lab), "%s", msg);
    ck_assert_msg(strstr(msg, "but"), "%s", msg);
    ck_assert_msg(strstr(msg, "holds 11 labels"), "%s", msg);
    fixture_rmtree(root);
    free(root), free(img), free(lab);
}
END_TEST

START_TEST(test_wrong_side)
{
    char *root = fixture_tmpdir();
    write_dataset(root, 0);
    write_file(root, 2, 4, 20, 0);
    char msg[DATA_MSG_SIZE];
    load_fails(root, DATA_EFORMAT, msg);
    ck_assert_msg(strstr(msg, names[2]) && strstr(msg, "20 x 20"), "%s", msg);
    fixture_rmtree(root);
    free(root);
}
END_TEST

START_TEST(test_label_out_of_range)
{
    char *root = fixture_tmpdir();
    write_dataset(root, 0);
    size_t len;
    unsigned char *buf = fixture_labels(IDX_MAGIC_LABELS, 12, &len);
    buf[8 + 6] = 10;
    char *path = fixture_path(root, names[1]);
    fixture_write(path, buf, len);
    char msg[DATA_MSG_SIZE];
    load_fails(root, DATA_EFORMAT, msg);
    ck_assert_msg(strstr(msg, path) &&
                      strstr(msg, "label 10 at position 6 is not a class"),
                  "%s", msg);
    fixture_rmtree(root);
    free(root), free(path), free(buf);
}
END_TEST

START_TEST(test_incomplete_and_bad_file)
{
    char *root = fixture_tmpdir();
    write_dataset(root, 0);
    char *path = fixture_path(root, names[3]);
    ck_assert_int_eq(remove(path), 0);
    char msg[DATA_MSG_SIZE];
    load_fails(root, DATA_EIO, msg);
    ck_assert_msg(strstr(msg, path) && strstr(msg, "missing"), "%s", msg);
    /* Present but empty: the reader's message comes through. */
    fixture_write(path, "", 0);
    load_fails(root, DATA_EFORMAT, msg);
    ck_assert_msg(strstr(msg, path) && strstr(msg, "is empty"), "%s", msg);
    fixture_rmtree(root);
    free(root), free(path);
}
END_TEST

START_TEST(test_names)
{
    ck_assert_int_eq(dataset_kind_parse("mnist"), DATASET_MNIST);
    ck_assert_int_eq(dataset_kind_parse("fashion"), DATASET_FASHION);
    ck_assert_int_eq(dataset_kind_parse("cifar"), -1);
    ck_assert_str_eq(dataset_kind_name(DATASET_FASHION), "fashion");
    ck_assert_str_eq(dataset_class_name(DATASET_MNIST, 7), "7");
    /* Fashion-MNIST's classes, from its documentation. */
    ck_assert_str_eq(dataset_class_name(DATASET_FASHION, 0), "T-shirt/top");
    ck_assert_str_eq(dataset_class_name(DATASET_FASHION, 7), "Sneaker");
    ck_assert_str_eq(dataset_class_name(DATASET_FASHION, 9), "Ankle boot");
    ck_assert_str_eq(dataset_class_name(DATASET_FASHION, 10), "?");
}
END_TEST

static Suite *dataset_suite(void)
{
    Suite *s = suite_create("dataset");
    TCase *tc = tcase_create("find");
    tcase_add_test(tc, test_search_order);
    tcase_add_test(tc, test_not_installed);
    tcase_add_test(tc, test_names);
    suite_add_tcase(s, tc);
    tc = tcase_create("load");
    tcase_add_loop_test(tc, test_load_good, 0, 2);
    tcase_add_test(tc, test_raw_preferred_over_gz);
    tcase_add_loop_test(tc, test_count_mismatch, 0, 2);
    tcase_add_test(tc, test_wrong_side);
    tcase_add_test(tc, test_label_out_of_range);
    tcase_add_test(tc, test_incomplete_and_bad_file);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(dataset_suite)
