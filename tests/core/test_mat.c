/* Matrix storage, element-wise kernels and reductions, in both dtypes. */
#include "check_helpers.h"
#include "core/error.h"
#include "core/mat.h"

#include <stdint.h>

static const enum nn_dtype dtypes[] = {NN_F32, NN_F64};

/* Fill m with values given row-major as doubles. */
static void set_all(struct nn_mat *m, const double *v)
{
    for (size_t r = 0; r < m->rows; r++)
        for (size_t c = 0; c < m->cols; c++)
            nn_mat_set(m, r, c, v[r * m->cols + c]);
}

START_TEST(test_init_zeroed_and_shape)
{
    struct nn_mat m;
    ck_assert_int_eq(nn_mat_init(&m, dtypes[_i], 3, 4), NN_OK);
    ck_assert_uint_eq(m.rows, 3);
    ck_assert_uint_eq(m.cols, 4);
    for (size_t i = 0; i < 12; i++)
        ck_assert(nn_mat_get(&m, i / 4, i % 4) == 0.0);
    nn_mat_fini(&m);
    ck_assert_ptr_null(m.data);
}
END_TEST

START_TEST(test_init_overflow_refused)
{
    struct nn_mat m;
    ck_assert_int_eq(nn_mat_init(&m, NN_F64, SIZE_MAX / 2, 3), NN_ETOOBIG);
    ck_assert_ptr_null(m.data);
}
END_TEST

START_TEST(test_elementwise)
{
    enum nn_dtype dt = dtypes[_i];
    struct nn_mat a, b, y;
    nn_mat_init(&a, dt, 2, 3);
    nn_mat_init(&b, dt, 2, 3);
    nn_mat_init(&y, dt, 2, 3);
    set_all(&a, (double[]){1, 2, 3, 4, 5, 6});
    set_all(&b, (double[]){0.5, -1, 2, 0.25, 10, -3});
    ck_assert_int_eq(nn_mat_add(&y, &a, &b), NN_OK);
    ck_assert_near(nn_mat_get(&y, 1, 1), 15.0, 0);
    ck_assert_int_eq(nn_mat_sub(&y, &a, &b), NN_OK);
    ck_assert_near(nn_mat_get(&y, 0, 1), 3.0, 0);
    ck_assert_int_eq(nn_mat_mul(&y, &a, &b), NN_OK);
    ck_assert_near(nn_mat_get(&y, 1, 2), -18.0, 0);
    nn_mat_scale(&y, 0.5);
    ck_assert_near(nn_mat_get(&y, 1, 2), -9.0, 0);
    ck_assert_int_eq(nn_mat_axpy(&y, 2.0, &a), NN_OK); /* -9 + 2*6 */
    ck_assert_near(nn_mat_get(&y, 1, 2), 3.0, 0);
    ck_assert_near(nn_mat_max_abs(&b), 10.0, 0);
    nn_mat_fini(&a);
    nn_mat_fini(&b);
    nn_mat_fini(&y);
}
END_TEST

START_TEST(test_shape_and_dtype_errors)
{
    struct nn_mat a, b, c;
    nn_mat_init(&a, NN_F64, 2, 3);
    nn_mat_init(&b, NN_F64, 3, 2);
    nn_mat_init(&c, NN_F32, 2, 3);
    ck_assert_int_eq(nn_mat_add(&a, &a, &b), NN_ESHAPE);
    ck_assert_int_eq(nn_mat_add(&a, &a, &c), NN_EDTYPE);
    ck_assert_int_eq(nn_mat_add_rowvec(&a, &b), NN_ESHAPE);
    ck_assert_int_eq(nn_mat_copy(&a, &b), NN_ESHAPE);
    ck_assert_str_eq(nn_strerror(NN_ESHAPE), "matrix shapes do not match");
    nn_mat_fini(&a);
    nn_mat_fini(&b);
    nn_mat_fini(&c);
}
END_TEST

START_TEST(test_broadcast_and_sums)
{
    enum nn_dtype dt = dtypes[_i];
    struct nn_mat x, bias, colsum, rowsum;
    nn_mat_init(&x, dt, 3, 2);
    nn_mat_init(&bias, dt, 1, 2);
    nn_mat_init(&colsum, dt, 1, 2);
    nn_mat_init(&rowsum, dt, 3, 1);
    set_all(&x, (double[]){1, 2, 3, 4, 5, 6});
    set_all(&bias, (double[]){10, 100});
    ck_assert_int_eq(nn_mat_add_rowvec(&x, &bias), NN_OK);
    /* x = [[11,102],[13,104],[15,106]] */
    ck_assert_near(nn_mat_get(&x, 2, 1), 106.0, 0);
    ck_assert_int_eq(nn_mat_sum_rows(&colsum, &x, 0), NN_OK);
    ck_assert_near(nn_mat_get(&colsum, 0, 0), 39.0, 0);
    ck_assert_near(nn_mat_get(&colsum, 0, 1), 312.0, 0);
    ck_assert_int_eq(nn_mat_sum_rows(&colsum, &x, 1), NN_OK);
    ck_assert_near(nn_mat_get(&colsum, 0, 0), 78.0, 0);
    ck_assert_int_eq(nn_mat_sum_cols(&rowsum, &x), NN_OK);
    ck_assert_near(nn_mat_get(&rowsum, 1, 0), 117.0, 0);
    nn_mat_fini(&x);
    nn_mat_fini(&bias);
    nn_mat_fini(&colsum);
    nn_mat_fini(&rowsum);
}
END_TEST

START_TEST(test_argmax_first_on_ties)
{
    struct nn_mat x;
    nn_mat_init(&x, dtypes[_i], 3, 4);
    set_all(&x, (double[]){0, 3, 1, 3, -5, -2, -9, -3, 7, 0, 0, 0});
    size_t idx[3];
    nn_mat_argmax_rows(idx, &x);
    ck_assert_uint_eq(idx[0], 1);
    ck_assert_uint_eq(idx[1], 1);
    ck_assert_uint_eq(idx[2], 0);
    nn_mat_fini(&x);
}
END_TEST

START_TEST(test_all_finite)
{
    struct nn_mat x;
    nn_mat_init(&x, dtypes[_i], 2, 2);
    ck_assert(nn_mat_all_finite(&x));
    nn_mat_set(&x, 1, 0, NAN);
    ck_assert(!nn_mat_all_finite(&x));
    nn_mat_set(&x, 1, 0, -INFINITY);
    ck_assert(!nn_mat_all_finite(&x));
    nn_mat_fini(&x);
}
END_TEST

START_TEST(test_convert_and_views)
{
    struct nn_mat d, f;
    nn_mat_init(&d, NN_F64, 4, 2);
    nn_mat_init(&f, NN_F32, 4, 2);
    set_all(&d, (double[]){0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8});
    ck_assert_int_eq(nn_mat_convert(&f, &d), NN_OK);
    ck_assert_near(nn_mat_get(&f, 3, 1), 0.8, 1e-7);
    struct nn_mat v = nn_mat_rows_view(&d, 2, 2);
    ck_assert_uint_eq(v.rows, 2);
    ck_assert_near(nn_mat_get(&v, 0, 0), 0.5, 0);
    nn_mat_fini(&v); /* a view: must not free d's memory */
    ck_assert_near(nn_mat_get(&d, 2, 0), 0.5, 0);
    ck_assert_int_eq(nn_dtype_parse("f32"), NN_F32);
    ck_assert_int_eq(nn_dtype_parse("f16"), -1);
    nn_mat_fini(&d);
    nn_mat_fini(&f);
}
END_TEST

static Suite *mat_suite(void)
{
    Suite *s = suite_create("mat");
    TCase *tc = tcase_create("storage");
    tcase_add_loop_test(tc, test_init_zeroed_and_shape, 0, 2);
    tcase_add_test(tc, test_init_overflow_refused);
    tcase_add_test(tc, test_shape_and_dtype_errors);
    tcase_add_test(tc, test_convert_and_views);
    suite_add_tcase(s, tc);
    tc = tcase_create("kernels");
    tcase_add_loop_test(tc, test_elementwise, 0, 2);
    tcase_add_loop_test(tc, test_broadcast_and_sums, 0, 2);
    tcase_add_loop_test(tc, test_argmax_first_on_ties, 0, 2);
    tcase_add_loop_test(tc, test_all_finite, 0, 2);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(mat_suite)
