/*
 * Lesson 3's topic model: the shapes read from the core's layers against
 * the rules X(m x n) * W(n x j) + B(1 x j) = Y(m x j), the parameter
 * counts against n*j + j (seed 000/003: 784*50 + 50 = 39,250 and
 * 50*10 + 10 = 510), and the values against a forward pass written out
 * here with plain loops and libm from the same weights and inputs.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"
#include "core/activation.h"
#include "lesson/forward.h"
#include "lesson/lesson.h"
#include "lesson/step_draw.h"
#include "step_text.h"

START_TEST(test_default_is_seed_network)
{
    struct forward_config c;
    forward_config_default(&c);
    ck_assert_int_eq(c.n_layers, 3);
    ck_assert_uint_eq(c.sizes[0], 4);
    ck_assert_uint_eq(c.sizes[1], 8);
    ck_assert_uint_eq(c.sizes[2], 8);
    ck_assert_uint_eq(c.sizes[3], 3);
    ck_assert_int_eq(c.act.kind, NN_ACT_RELU);
}
END_TEST

/* Every layer's shapes follow from the sizes and m alone. */
static void check_shapes(const struct forward_run *r)
{
    const struct forward_config *c = &r->cfg;
    size_t m[2] = {1, c->batch};
    for (int i = 0; i < c->n_layers; i++) {
        const struct forward_layer *l = &r->layers[i];
        size_t n = c->sizes[i], j = c->sizes[i + 1];
        ck_assert_uint_eq(l->in, n);
        ck_assert_uint_eq(l->out, j);
        ck_assert_uint_eq(l->w.rows, n);
        ck_assert_uint_eq(l->w.cols, j);
        ck_assert_uint_eq(l->b.rows, 1);
        ck_assert_uint_eq(l->b.cols, j);
        ck_assert_uint_eq(l->n_weights, n * j);
        ck_assert_uint_eq(l->n_biases, j);
        for (int k = 0; k < 2; k++) {
            ck_assert_uint_eq(l->x[k].rows, m[k]);
            ck_assert_uint_eq(l->x[k].cols, n);
            ck_assert_uint_eq(l->y[k].rows, m[k]);
            ck_assert_uint_eq(l->y[k].cols, j);
        }
        ck_assert_int_eq(l->act.kind,
                         i + 1 < c->n_layers ? c->act.kind : NN_ACT_SOFTMAX);
    }
}

START_TEST(test_shapes_4_8_8_3)
{
    struct forward_config c;
    forward_config_default(&c);
    c.batch = 5;
    struct forward_run r;
    ck_assert_int_eq(forward_run_init(&r, &c), 0);
    check_shapes(&r);
    /* Written out: layer 2 takes Y1 (5x8), W2 is 8x8, Y2 is 5x8. */
    ck_assert_uint_eq(r.layers[1].x[1].rows, 5);
    ck_assert_uint_eq(r.layers[1].x[1].cols, 8);
    ck_assert_uint_eq(r.layers[2].w.rows, 8);
    ck_assert_uint_eq(r.layers[2].w.cols, 3);
    ck_assert_uint_eq(r.layers[2].y[0].cols, 3);
    forward_run_fini(&r);
}
END_TEST

START_TEST(test_shapes_other_networks)
{
    static const char *const nets[] = {"784,50,10", "2,3", "5,7,6,5,4,3,2"};
    for (size_t k = 0; k < 3; k++) {
        struct forward_config c;
        const char *why;
        forward_config_default(&c);
        ck_assert_int_eq(forward_config_set_layers(&c, nets[k], &why), 0);
        c.batch = 3 + k;
        c.act = nn_act_make(NN_ACT_SIGMOID);
        struct forward_run r;
        ck_assert_int_eq(forward_run_init(&r, &c), 0);
        check_shapes(&r);
        forward_run_fini(&r);
    }
}
END_TEST

START_TEST(test_param_counts)
{
    size_t w[FORWARD_MAX_LAYERS], b[FORWARD_MAX_LAYERS], total;
    const size_t mnist[] = {784, 50, 10};
    ck_assert_int_eq(forward_count_params(mnist, 2, w, b, &total), 0);
    ck_assert_uint_eq(w[0] + b[0], 39250); /* 784*50 + 50 */
    ck_assert_uint_eq(w[1] + b[1], 510);   /* 50*10 + 10 */
    ck_assert_uint_eq(w[0], 39200);
    ck_assert_uint_eq(b[1], 10);
    ck_assert_uint_eq(total, 39760);
    const size_t seed[] = {4, 8, 8, 3};
    ck_assert_int_eq(forward_count_params(seed, 3, w, b, &total), 0);
    ck_assert_uint_eq(w[0] + b[0], 40); /* 4*8 + 8 */
    ck_assert_uint_eq(w[1] + b[1], 72); /* 8*8 + 8 */
    ck_assert_uint_eq(w[2] + b[2], 27); /* 8*3 + 3 */
    ck_assert_uint_eq(total, 139);
}
END_TEST

/* y = f(x·W + b) for row `row` of x, written with loops: act is relu,
 * sigmoid, tanh or softmax. x has n values, W is n x j row-major. */
static void layer_by_hand(double *y, const double *x, size_t n, size_t j,
                          const struct nn_mat *W, const struct nn_mat *b,
                          enum nn_act_kind act)
{
    for (size_t c = 0; c < j; c++) {
        double s = nn_mat_get(b, 0, c);
        for (size_t i = 0; i < n; i++)
            s += x[i] * nn_mat_get(W, i, c);
        y[c] = s;
    }
    if (act == NN_ACT_SOFTMAX) {
        double mx = y[0], sum = 0;
        for (size_t c = 1; c < j; c++)
            mx = fmax(mx, y[c]);
        for (size_t c = 0; c < j; c++)
            sum += (y[c] = exp(y[c] - mx));
        for (size_t c = 0; c < j; c++)
            y[c] /= sum;
        return;
    }
    for (size_t c = 0; c < j; c++)
        y[c] = act == NN_ACT_RELU      ? fmax(0, y[c])
               : act == NN_ACT_SIGMOID ? 1 / (1 + exp(-y[c]))
                                       : tanh(y[c]);
}

static void check_values(enum nn_act_kind act, const char *layers, size_t batch,
                         uint64_t seed)
{
    struct forward_config c;
    const char *why;
    forward_config_default(&c);
    ck_assert_int_eq(forward_config_set_layers(&c, layers, &why), 0);
    c.act = nn_act_make(act);
    c.batch = batch;
    c.seed = seed;
    struct forward_run r;
    ck_assert_int_eq(forward_run_init(&r, &c), 0);
    size_t n_out = c.sizes[c.n_layers];
    double a[64], y[64], mse_sum = 0, ce_sum = 0;
    for (size_t row = 0; row < batch; row++) {
        for (size_t i = 0; i < c.sizes[0]; i++) {
            a[i] = nn_mat_get(&r.x, row, i);
            ck_assert(a[i] >= 0 && a[i] < 1);
        }
        for (int l = 0; l < c.n_layers; l++) {
            const struct nn_dense *d = &r.mlp.layers[l];
            layer_by_hand(y, a, c.sizes[l], c.sizes[l + 1], &d->W, &d->b,
                          l + 1 < c.n_layers ? act : NN_ACT_SOFTMAX);
            /* The lone first sample's pass keeps every layer. */
            for (size_t k = 0; row == 0 && k < c.sizes[l + 1]; k++)
                ck_assert_near(nn_mat_get(&r.y1[l], 0, k), y[k], 1e-12);
            memcpy(a, y, c.sizes[l + 1] * sizeof y[0]);
        }
        double sum = 0, sq = 0, best = -1;
        size_t argmax = 0, ones = 0, label = r.label[row];
        for (size_t k = 0; k < n_out; k++) {
            ck_assert_near(nn_mat_get(&r.out, row, k), a[k], 1e-12);
            sum += a[k];
            if (a[k] > best) {
                best = a[k];
                argmax = k;
            }
            double t = nn_mat_get(&r.t, row, k);
            ck_assert(t == 0 || t == 1);
            ones += t == 1;
            sq += (a[k] - t) * (a[k] - t);
        }
        ck_assert_uint_eq(ones, 1);
        ck_assert(nn_mat_get(&r.t, row, label) == 1);
        ck_assert_uint_lt(label, n_out);
        ck_assert_uint_eq(r.predicted[row], argmax);
        ck_assert_near(sum, 1, 1e-12);
        ck_assert_near(nn_mat_get(&r.row_sum, row, 0), sum, 1e-12);
        /* MSE = mean of the squared errors, CE = -ln(y_label + 1e-7) (the
         * core keeps ln finite with that small delta). */
        ck_assert_near(r.mse_row[row], sq / (double)n_out, 1e-12);
        ck_assert_near(r.ce_row[row], -log(a[label] + 1e-7), 1e-12);
        mse_sum += sq;
        ce_sum += -log(a[label] + 1e-7);
    }
    ck_assert_near(r.mse, mse_sum / (double)(batch * n_out), 1e-12);
    ck_assert_near(r.ce, ce_sum / (double)batch, 1e-12);
    forward_run_fini(&r);
}

START_TEST(test_values_by_hand)
{
    check_values(NN_ACT_RELU, "4,8,8,3", 4, 1);
    check_values(NN_ACT_SIGMOID, "4,8,8,3", 9, 42);
    check_values(NN_ACT_TANH, "6,5,10", 3, 7);
    check_values(NN_ACT_RELU, "2,2", 1, 0);
}
END_TEST

START_TEST(test_seed_fixes_everything)
{
    struct forward_config c;
    forward_config_default(&c);
    struct forward_run a, b;
    ck_assert_int_eq(forward_run_init(&a, &c), 0);
    ck_assert_int_eq(forward_run_init(&b, &c), 0);
    for (size_t k = 0; k < a.out.rows * a.out.cols; k++)
        ck_assert(((double *)a.out.data)[k] == ((double *)b.out.data)[k]);
    forward_run_fini(&b);
    c.seed = 2;
    ck_assert_int_eq(forward_run_init(&b, &c), 0);
    ck_assert(nn_mat_get(&a.x, 0, 0) != nn_mat_get(&b.x, 0, 0));
    forward_run_fini(&a);
    forward_run_fini(&b);
}
END_TEST

START_TEST(test_bad_layers)
{
    struct forward_config c;
    const char *why = NULL;
    forward_config_default(&c);
    static const char *const bad[] = {
        "",       "4",
        "4,,3",   "4,x",
        "0,3",    "4,1",
        "4,3,",   ",4,3",
        "4,-3",   "4 ,3",
        "4,5000", "1,2,3,4,5,6,7,8,9,10",
        "4,3.5",  "99999999999999999999999,3",
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        why = NULL;
        ck_assert_msg(forward_config_set_layers(&c, bad[k], &why) == -1,
                      "'%s' accepted", bad[k]);
        ck_assert_ptr_nonnull(why);
    }
    /* Unchanged by the failures. */
    ck_assert_int_eq(c.n_layers, 3);
    ck_assert_int_eq(forward_config_set_layers(&c, "1,2,3,4,5,6,7,8,9", &why),
                     0);
    ck_assert_int_eq(c.n_layers, 8);
    struct forward_run r;
    c.batch = 0;
    ck_assert_int_lt(forward_run_init(&r, &c), 0);
    forward_run_fini(&r);
    c.batch = 2;
    c.act = nn_act_make(NN_ACT_SOFTMAX);
    ck_assert_int_lt(forward_run_init(&r, &c), 0);
}
END_TEST

/* The display columns of the '|' on the line of text that starts with
 * `start`, into cols (at most 8); returns how many. */
static int bar_columns(const char *text, const char *start, int *cols)
{
    const char *line = strstr(text, start);
    ck_assert_msg(line != NULL, "no line '%s'", start);
    int n = 0, col = 0;
    for (const char *p = line; *p && *p != '\n' && n < 8;) {
        uint32_t ch;
        p += utf8_decode(p, &ch);
        if (ch == '|')
            cols[n++] = col;
        col += ucs_width(ch);
    }
    return n;
}

START_TEST(test_widget_korean)
{
    struct lesson_error err;
    char *t = step_text_draw("@shapes batch=2 show=params,outputs", "ko", &err);
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_nonnull(strstr(t, "합계"));
    ck_assert_ptr_nonnull(strstr(t, "소프트맥스 출력"));
    /* Hangul headers take two columns a syllable: their bars stand over
     * the bars of the rows. */
    int h[8], r[8];
    int n = bar_columns(t, "층", h);
    ck_assert_int_eq(n, 4);
    ck_assert_int_eq(bar_columns(t, "   1 |", r), n);
    for (int k = 0; k < n; k++)
        ck_assert_int_eq(h[k], r[k]);
    n = bar_columns(t, "샘플", h);
    ck_assert_int_eq(n, 5);
    ck_assert_int_eq(bar_columns(t, "     2 |", r), n);
    for (int k = 0; k < n; k++)
        ck_assert_int_eq(h[k], r[k]);
    free(t);
}
END_TEST

START_TEST(test_widget_shapes)
{
    struct lesson_error err;
    char *t = step_text_draw("@shapes", "en", &err);
    ck_assert_ptr_nonnull(t);
    /* Seed 003's layer lines, for m = 1 and the default m = 4. */
    ck_assert_ptr_nonnull(
        strstr(t, "layer 1:  X(1x4) * W1(4x8) + B1(1x8) = Y1(1x8)"));
    ck_assert_ptr_nonnull(
        strstr(t, "layer 3: Y2(1x8) * W3(8x3) + B3(1x3) = Y3(1x3)"));
    ck_assert_ptr_nonnull(
        strstr(t, "layer 2: Y1(4x8) * W2(8x8) + B2(1x8) = Y2(4x8)"));
    free(t);
    t = step_text_draw("@shapes layers=784,50,10 show=params", "en", &err);
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_nonnull(strstr(t, "784*50 = 39,200 |     50 |     39,250"));
    ck_assert_ptr_nonnull(strstr(t, "50*10 = 500     |     10 |        510"));
    ck_assert_ptr_nonnull(strstr(t, "39,760"));
    ck_assert_ptr_null(strstr(t, "layer 1:"));
    free(t);
    t = step_text_draw("@shapes batch=2 show=values,outputs", "en", &err);
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_nonnull(strstr(t, "sum of Y3 = 1.0000"));
    ck_assert_ptr_nonnull(strstr(t, "\n     2 | "));
    ck_assert_ptr_null(strstr(t, "\n     3 | "));
    free(t);
    static const char *const bad[][2] = {
        {"@shapes layers=4", "layers: '4'"},
        {"@shapes act=softmax", "act: 'softmax'"},
        {"@shapes batch=0", "batch: 0"},
        {"@shapes show=weights", "show: 'weights'"},
        {"@shapes seed=x", "seed: 'x'"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(step_text_draw(bad[i][0], "en", &err) == NULL,
                      "'%s' accepted", bad[i][0]);
        ck_assert_msg(strstr(err.text, bad[i][1]) != NULL,
                      "'%s': message '%s' lacks '%s'", bad[i][0], err.text,
                      bad[i][1]);
    }
}
END_TEST

static Suite *forward_suite(void)
{
    Suite *s = suite_create("forward");
    TCase *tc = tcase_create("forward");
    tcase_add_test(tc, test_default_is_seed_network);
    tcase_add_test(tc, test_shapes_4_8_8_3);
    tcase_add_test(tc, test_shapes_other_networks);
    tcase_add_test(tc, test_param_counts);
    tcase_add_test(tc, test_values_by_hand);
    tcase_add_test(tc, test_seed_fixes_everything);
    tcase_add_test(tc, test_bad_layers);
    tcase_add_test(tc, test_widget_shapes);
    tcase_add_test(tc, test_widget_korean);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(forward_suite)
