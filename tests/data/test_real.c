/*
 * The real datasets, when this machine has them: loaded through the same
 * search as nnlab (--data aside), and checked against facts published
 * with them and widely quoted: the sizes, the first ten labels of each
 * split, the number of images of each class, and the mean and standard
 * deviation of all training pixels scaled to [0, 1] (MNIST 0.1307 and
 * 0.3081, the constants every MNIST example normalises with; Fashion-MNIST
 * 0.2860 and 0.3530).
 *
 * NNLAB_TEST_DATASET=mnist|fashion picks the dataset (meson registers
 * one test for each). Exits 77 (skipped) when the
 * dataset is not installed; scripts/fetch-mnist installs MNIST, Debian's
 * dataset-fashion-mnist package Fashion-MNIST.
 */
#include "check_helpers.h"
#include "core/mat.h"
#include "data/data_err.h"
#include "data/dataset.h"

#include <stdio.h>
#include <string.h>

struct facts {
    unsigned first_train[10];
    unsigned first_test[10];
    size_t train_per_class[10];
    size_t test_per_class[10];
    double mean, std;
};

static const struct facts mnist_facts = {
    {5, 0, 4, 1, 9, 2, 1, 3, 1, 4},
    {7, 2, 1, 0, 4, 1, 4, 9, 5, 9},
    {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
    {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
    0.1307,
    0.3081,
};

static const struct facts fashion_facts = {
    {9, 0, 0, 3, 0, 2, 7, 2, 5, 5},
    {9, 2, 1, 1, 6, 1, 4, 6, 5, 7},
    {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000},
    {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000},
    0.2860,
    0.3530,
};

static enum dataset_kind kind_under_test(void)
{
    const char *k = getenv("NNLAB_TEST_DATASET");
    return k && strcmp(k, "fashion") == 0 ? DATASET_FASHION : DATASET_MNIST;
}

static void load(struct dataset *ds)
{
    struct dataset_search s;
    dataset_search_from_env(&s, kind_under_test(), NULL);
    char msg[DATA_MSG_SIZE];
    int err = dataset_load(ds, &s, msg, sizeof msg);
    ck_assert_msg(err == 0, "%s", msg);
}

static void count_classes(size_t *n, const struct idx_labels *lab)
{
    memset(n, 0, 10 * sizeof *n);
    for (size_t i = 0; i < lab->count; i++)
        n[lab->labels[i]]++;
}

START_TEST(test_sizes_and_labels)
{
    const struct facts *f =
        kind_under_test() == DATASET_FASHION ? &fashion_facts : &mnist_facts;
    struct dataset ds;
    load(&ds);
    ck_assert_uint_eq(ds.train_images.count, 60000);
    ck_assert_uint_eq(ds.train_labels.count, 60000);
    ck_assert_uint_eq(ds.test_images.count, 10000);
    ck_assert_uint_eq(ds.test_labels.count, 10000);
    ck_assert_uint_eq(ds.train_images.rows, 28);
    ck_assert_uint_eq(ds.train_images.cols, 28);
    ck_assert_uint_eq(ds.test_images.rows, 28);
    for (int i = 0; i < 10; i++) {
        ck_assert_uint_eq(ds.train_labels.labels[i], f->first_train[i]);
        ck_assert_uint_eq(ds.test_labels.labels[i], f->first_test[i]);
    }
    size_t n[10];
    count_classes(n, &ds.train_labels);
    for (int c = 0; c < 10; c++)
        ck_assert_uint_eq(n[c], f->train_per_class[c]);
    count_classes(n, &ds.test_labels);
    for (int c = 0; c < 10; c++)
        ck_assert_uint_eq(n[c], f->test_per_class[c]);
    dataset_fini(&ds);
}
END_TEST

START_TEST(test_pixel_statistics)
{
    /* Through the conversion the network uses: 1000 images at a time as
     * f64 rows in [0, 1]; sums of x and x² give the mean and the
     * (population) standard deviation. */
    const struct facts *f =
        kind_under_test() == DATASET_FASHION ? &fashion_facts : &mnist_facts;
    struct dataset ds;
    load(&ds);
    struct nn_mat x;
    ck_assert_int_eq(nn_mat_init(&x, NN_F64, 1000, 784), 0);
    double sum = 0, sum2 = 0;
    for (size_t first = 0; first < 60000; first += 1000) {
        ck_assert_int_eq(idx_images_rows(&x, &ds.train_images, first), 0);
        const double *p = x.data;
        for (size_t j = 0; j < 1000 * 784; j++) {
            sum += p[j];
            sum2 += p[j] * p[j];
        }
    }
    double n = 60000.0 * 784;
    double mean = sum / n;
    ck_assert_near(mean, f->mean, 5e-5);
    ck_assert_near(sqrt(sum2 / n - mean * mean), f->std, 5e-5);
    nn_mat_fini(&x);
    dataset_fini(&ds);
}
END_TEST

static Suite *real_suite(void)
{
    Suite *s = suite_create("real dataset");
    TCase *tc = tcase_create("facts");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_sizes_and_labels);
    tcase_add_test(tc, test_pixel_statistics);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    struct dataset_search s;
    dataset_search_from_env(&s, kind_under_test(), NULL);
    char dir[DATASET_PATH_MAX], msg[DATA_MSG_SIZE];
    const char *source;
    int err = dataset_find(&s, dir, sizeof dir, &source, msg, sizeof msg);
    if (err == DATA_ENODATA) {
        printf("SKIP: %s\n", msg);
        return 77;
    }
    printf("%s from %s (%s)\n", dataset_kind_title(s.kind), dir, source);
    SRunner *sr = srunner_create(real_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
