/*
 * The MNIST widgets' cache: a configuration is trained once and found
 * again, another configuration gets its own network, the oldest of more
 * than DIGITS_CACHE_NETS goes, the answers kept are the network's answers
 * (read again here with digits_eval_run), and without data the reason
 * names the command that fetches MNIST. On the small made-up dataset of
 * digits_fixture.h.
 */
#include "check_helpers.h"
#include "digits_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/data_err.h"
#include "lesson/digits_cache.h"

#define N_TRAIN 200
#define N_TEST 50

static struct digits_fixture fx;

START_TEST(test_trained_once)
{
    digits_fixture_setup(&fx, N_TRAIN, N_TEST);
    struct digits_cache c;
    digits_cache_init(&c);
    char why[DATA_MSG_SIZE];
    struct digits_net_config cfg = {"sigmoid-adam", 1, 100, 1};
    struct digits_cache_net *a, *b;
    ck_assert_int_eq(digits_cache_net(&c, &cfg, &a, why, sizeof why), 0);
    const struct train_session *s = digits_net_session(&a->net);
    ck_assert_int_eq(s->epoch, 1);
    ck_assert_uint_eq(s->n_train, 100);
    /* The answers kept are the trained network's on the test set. */
    const struct dataset *ds = digits_net_data(&a->net);
    ck_assert_ptr_eq(ds, &c.ds);
    struct digits_eval e;
    ck_assert_int_eq(digits_eval_run(&e, digits_net_mlp(&a->net),
                                     &ds->test_images, &ds->test_labels, 0),
                     0);
    ck_assert_uint_eq(a->eval.n, N_TEST);
    ck_assert_uint_eq(a->eval.n_wrong, e.n_wrong);
    ck_assert_mem_eq(a->eval.pred, e.pred, N_TEST);
    digits_eval_fini(&e);

    /* The same configuration again: the same entry, not trained again
     * (its session has not moved on). */
    long iter = s->iter;
    ck_assert_int_eq(digits_cache_net(&c, &cfg, &b, why, sizeof why), 0);
    ck_assert_ptr_eq(a, b);
    ck_assert_int_eq(digits_net_session(&b->net)->iter, iter);

    /* Another seed is another network; then three more fill the cache
     * past DIGITS_CACHE_NETS = 4, and the first one (the oldest) goes. */
    struct digits_net_config other = cfg;
    other.seed = 2;
    ck_assert_int_eq(digits_cache_net(&c, &other, &b, why, sizeof why), 0);
    ck_assert_ptr_ne(a, b);
    for (uint64_t seed = 3; seed <= 5; seed++) {
        other.seed = seed;
        ck_assert_int_eq(digits_cache_net(&c, &other, &b, why, sizeof why), 0);
    }
    int found = 0;
    for (int i = 0; i < DIGITS_CACHE_NETS; i++)
        found += c.nets[i].used && c.nets[i].seed == 1;
    ck_assert_int_eq(found, 0);
    ck_assert_int_eq(b->seed, 5);
    ck_assert_ptr_eq(b, &c.nets[0]); /* seed 1's entry, reused */
    digits_cache_fini(&c);
    digits_fixture_teardown(&fx);
}
END_TEST

START_TEST(test_without_data)
{
    digits_fixture_setup(&fx, 0, 0);
    struct digits_cache c;
    digits_cache_init(&c);
    char why[DATA_MSG_SIZE] = "";
    struct digits_net_config cfg = {"sigmoid-adam", 1, 100, 1};
    struct digits_cache_net *n = NULL;
    ck_assert_int_eq(digits_cache_net(&c, &cfg, &n, why, sizeof why),
                     DATA_ENODATA);
    ck_assert_ptr_nonnull(strstr(why, "fetch-mnist"));
    int err = 0;
    ck_assert_ptr_null(digits_cache_data(&c, &err, why, sizeof why));
    ck_assert_int_eq(err, DATA_ENODATA);
    /* A failure is not kept: with data in place the next call loads it.
     * An unknown preset is refused by name. */
    digits_fixture_teardown(&fx);
    digits_fixture_setup(&fx, N_TRAIN, N_TEST);
    ck_assert_ptr_nonnull(digits_cache_data(&c, &err, why, sizeof why));
    cfg.preset = "no-such-preset";
    ck_assert_int_ne(digits_cache_net(&c, &cfg, &n, why, sizeof why), 0);
    ck_assert_ptr_nonnull(strstr(why, "no-such-preset"));
    digits_cache_fini(&c);
    digits_fixture_teardown(&fx);
}
END_TEST

static Suite *digits_cache_suite(void)
{
    Suite *s = suite_create("digits-cache");
    TCase *tc = tcase_create("cache");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_trained_once);
    tcase_add_test(tc, test_without_data);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(digits_cache_suite)
