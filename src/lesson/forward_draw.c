/*
 * Drawing lesson 3 into a cell grid (see forward_draw.h). Lines are built
 * as plain strings from the values the topic model read out of the core,
 * then printed row by row.
 */
#include "lesson/forward_draw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lesson/count_text.h"
#include "lesson/say.h"
#include "lesson/table_row.h"

/* Softmax outputs of a batch row: all of up to 5 classes, else the first
 * 4 and "...", so a row stays within 78 columns. */
#define SHOW_BATCH_ALL 5
#define SHOW_BATCH_SOME 4

/* v to 4 decimals, never "-0.0000". */
static void fmt4(char *buf, size_t n, double v)
{
    if (fabs(v) < 0.00005)
        v = 0;
    snprintf(buf, n, "%.4f", v);
}

/* "[0.1234 0.5678 ... 50 values]": the values of row r of m that fit in
 * max_w columns, and how many there are when some are left out. */
static void fmt_row(char *buf, size_t n, const struct nn_mat *m, size_t r,
                    int max_w, int ko)
{
    char tail[48];
    SAY(tail, ko, " ... %zu values]", " ... 값 %zu개]", m->cols);
    int tw = utf8_width(tail);
    size_t k = (size_t)snprintf(buf, n, "[");
    for (size_t j = 0; j < m->cols; j++) {
        char v[32];
        fmt4(v, sizeof v, nn_mat_get(m, r, j));
        int vw = (int)strlen(v) + (j > 0);
        /* The last value needs room for "]", any other for the tail. */
        int need = j + 1 == m->cols ? 1 : tw;
        if ((int)k + vw + need > max_w || k + (size_t)vw + 1 >= n) {
            snprintf(buf + k, n - k, "%s", tail);
            return;
        }
        k += (size_t)snprintf(buf + k, n - k, "%s%s", j ? " " : "", v);
    }
    snprintf(buf + k, n - k, "]");
}

static void fmt_shape(char *buf, size_t n, const char *name, int layer,
                      struct forward_shape s)
{
    if (layer > 0)
        snprintf(buf, n, "%s%d(%zux%zu)", name, layer, s.rows, s.cols);
    else
        snprintf(buf, n, "%s(%zux%zu)", name, s.rows, s.cols);
}

int forward_draw_shapes(struct rgrid *g, int x, int y,
                        const struct forward_run *r, int pass, const char *lang)
{
    int n = r->cfg.n_layers, ko = say_is_ko(lang);
    char in[FORWARD_MAX_LAYERS][40], w[FORWARD_MAX_LAYERS][40],
        b[FORWARD_MAX_LAYERS][40], out[FORWARD_MAX_LAYERS][40];
    int win = 0, ww = 0, wb = 0, wout = 0;
    for (int i = 0; i < n; i++) {
        const struct forward_layer *l = &r->layers[i];
        /* Layer 1 reads the input X; layer i + 1 reads Y_i. */
        fmt_shape(in[i], sizeof in[i], i ? "Y" : "X", i, l->x[pass]);
        fmt_shape(w[i], sizeof w[i], "W", i + 1, l->w);
        fmt_shape(b[i], sizeof b[i], "B", i + 1, l->b);
        fmt_shape(out[i], sizeof out[i], "Y", i + 1, l->y[pass]);
#define WIDEST(acc, s) acc = (int)strlen(s) > acc ? (int)strlen(s) : acc
        WIDEST(win, in[i]);
        WIDEST(ww, w[i]);
        WIDEST(wb, b[i]);
        WIDEST(wout, out[i]);
#undef WIDEST
    }
    for (int i = 0; i < n; i++) {
        char line[256];
        snprintf(line, sizeof line, "%s %d: %*s * %-*s + %-*s = %-*s  %s",
                 WORD(ko, "layer", "층"), i + 1, win, in[i], ww, w[i], wb, b[i],
                 wout, out[i], nn_act_name(r->layers[i].act.kind));
        rgrid_print(g, x, y + i, line, RS_NORMAL);
    }
    return n;
}

int forward_draw_params(struct rgrid *g, int x, int y, const size_t *sizes,
                        int n_layers, const char *lang)
{
    size_t weights[FORWARD_MAX_LAYERS], biases[FORWARD_MAX_LAYERS], total;
    int err = forward_count_params(sizes, n_layers, weights, biases, &total);
    if (err)
        return err;
    int ko = say_is_ko(lang);
    const char *head[5] = {
        WORD(ko, "layer", "층"), "W (n x j)", WORD(ko, "weights", "가중치"),
        WORD(ko, "biases", "편향"), WORD(ko, "parameters", "매개변수")};
    const char *total_word = WORD(ko, "total", "합계");
    /* Cells of each layer: number, shape, product, biases, sum. Counts
     * are right-aligned, so they are padded once the widths are known. */
    char cells[FORWARD_MAX_LAYERS + 1][5][48];
    int width[5];
    for (int k = 0; k < 5; k++)
        width[k] = table_width(head[k], 0);
    width[0] = table_width(total_word, width[0]);
    for (int i = 0; i <= n_layers; i++) {
        char a[32];
        if (i < n_layers) {
            snprintf(cells[i][0], sizeof cells[i][0], "%d", i + 1);
            snprintf(cells[i][1], sizeof cells[i][1], "%zux%zu", sizes[i],
                     sizes[i + 1]);
            count_text_format(a, sizeof a, weights[i]);
            snprintf(cells[i][2], sizeof cells[i][2], "%zu*%zu = %s", sizes[i],
                     sizes[i + 1], a);
            count_text_format(cells[i][3], sizeof cells[i][3], biases[i]);
            count_text_format(cells[i][4], sizeof cells[i][4],
                              weights[i] + biases[i]);
        } else {
            snprintf(cells[i][0], sizeof cells[i][0], "%s", total_word);
            cells[i][1][0] = cells[i][2][0] = cells[i][3][0] = '\0';
            count_text_format(cells[i][4], sizeof cells[i][4], total);
        }
        for (int k = 1; k < 5; k++)
            width[k] = table_width(cells[i][k], width[k]);
    }
    table_row(g, x, y, width, head, 5, RS_BOLD);
    for (int i = 0; i <= n_layers; i++) {
        char padded[3][48];
        const char *row[5] = {cells[i][0], cells[i][1], cells[i][2]};
        for (int k = 0; k < 3; k++) {
            int c = k == 0 ? 0 : k + 2; /* layer number, biases, sum */
            snprintf(padded[k], sizeof padded[k], "%*s",
                     width[c] < 47 ? width[c] : 47, cells[i][c]);
            row[c] = padded[k];
        }
        if (i == n_layers)
            row[0] = cells[i][0]; /* the word "total" stays left */
        table_row(g, x, y + 1 + i, width, row, 5,
                  i == n_layers ? RS_BOLD : RS_NORMAL);
    }
    return n_layers + 2;
}

int forward_draw_values(struct rgrid *g, int x, int y,
                        const struct forward_run *r, const char *lang)
{
    int n = r->cfg.n_layers, row = 0, ko = say_is_ko(lang);
    char label[FORWARD_MAX_LAYERS + 1][64], vals[256], line[384];
    int wl = 0;
    snprintf(label[0], sizeof label[0], "X");
    for (int i = 0; i < n; i++) {
        char in[16]; /* "Y" and any int */
        if (i)
            snprintf(in, sizeof in, "Y%d", i);
        else
            snprintf(in, sizeof in, "X");
        snprintf(label[i + 1], sizeof label[i + 1], "Y%d = %s(%s*W%d + B%d)",
                 i + 1, nn_act_name(r->layers[i].act.kind), in, i + 1, i + 1);
    }
    for (int i = 0; i <= n; i++)
        if ((int)strlen(label[i]) > wl)
            wl = (int)strlen(label[i]);
    int vw = FORWARD_DRAW_WIDTH - wl - 2;
    fmt_row(vals, sizeof vals, &r->x, 0, vw, ko);
    snprintf(line, sizeof line, "%-*s  %s", wl, label[0], vals);
    rgrid_print(g, x, y + row++, line, RS_NORMAL);
    for (int i = 0; i < n; i++) {
        fmt_row(vals, sizeof vals, &r->y1[i], 0, vw, ko);
        snprintf(line, sizeof line, "%-*s  %s", wl, label[i + 1], vals);
        rgrid_print(g, x, y + row++, line,
                    i + 1 == n ? RS_HIGHLIGHT : RS_NORMAL);
    }
    /* The first pass's output is row 0 of the mini-batch pass: the same
     * sample through the same weights. Its sum and losses are row 0's. */
    const struct nn_mat *yo = &r->y1[n - 1];
    size_t k = yo->cols, label0 = r->label[0];
    char a[32], b[32];
    row++;
    fmt4(a, sizeof a, nn_mat_get(&r->row_sum, 0, 0));
    SAY(line, ko,
        "sum of Y%d = %s (softmax: probabilities of the %zu "
        "classes)",
        "Y%d의 합 = %s (소프트맥스: 클래스 %zu개의 확률)", n, a, k);
    rgrid_print(g, x, y + row++, line, RS_NORMAL);
    struct nn_mat t0 = nn_mat_rows_view(&r->t, 0, 1);
    size_t kk = 0;
    vals[0] = '\0';
    for (size_t j = 0; j < k && kk + 4 < sizeof vals; j++)
        kk += (size_t)snprintf(vals + kk, sizeof vals - kk, "%s%.0f",
                               j ? " " : "", nn_mat_get(&t0, 0, j));
    SAY(line, ko, "target: class %zu of %zu, one-hot t = [%s]",
        "정답: 클래스 %zu (%zu개 중), 원-핫 t = [%s]", label0 + 1, k, vals);
    rgrid_print(g, x, y + row++, line, RS_NORMAL);
    fmt4(a, sizeof a, r->mse_row[0]);
    snprintf(line, sizeof line, "MSE = 1/%zu * sum (y - t)^2 = %s", k, a);
    rgrid_print(g, x, y + row++, line, RS_NORMAL);
    fmt4(a, sizeof a, nn_mat_get(yo, 0, label0));
    fmt4(b, sizeof b, r->ce_row[0]);
    snprintf(line, sizeof line, "CE  = -sum t*ln(y) = -ln(%s) = %s", a, b);
    rgrid_print(g, x, y + row++, line, RS_NORMAL);
    return row;
}

int forward_draw_batch(struct rgrid *g, int x, int y,
                       const struct forward_run *r, const char *lang)
{
    size_t m = r->cfg.batch, k = r->out.cols;
    size_t show = k <= SHOW_BATCH_ALL ? k : SHOW_BATCH_SOME;
    int ko = say_is_ko(lang);
    char vals[256], line[384], a[32], b[32], num[3][24];
    const char *head[6] = {WORD(ko, "sample", "샘플"),
                           WORD(ko, "softmax output", "소프트맥스 출력"),
                           WORD(ko, "sum", "합"),
                           WORD(ko, "pred", "예측"),
                           WORD(ko, "target", "정답"),
                           "CE"};
    /* Probabilities print as 0.1234: 6 characters and a space each;
     * numbers are right-aligned in columns of at least their header. */
    int width[6];
    for (int c = 0; c < 6; c++)
        width[c] = table_width(head[c], 0);
    width[0] = table_width(head[0], 6);
    width[1] = table_width(head[1], (int)(show * 7 - 1 + (k > show ? 4 : 0)));
    width[2] = table_width(head[2], 6);
    width[3] = table_width(head[3], 4);
    width[4] = table_width(head[4], 6);
    table_row(g, x, y, width, head, 6, RS_BOLD);
    int row = 1;
    for (size_t i = 0; i < m && i < FORWARD_DRAW_MAX_ROWS; i++, row++) {
        size_t kv = 0;
        vals[0] = '\0';
        for (size_t j = 0; j < show; j++) {
            char v[32];
            fmt4(v, sizeof v, nn_mat_get(&r->out, i, j));
            kv += (size_t)snprintf(vals + kv, sizeof vals - kv, "%s%s",
                                   j ? " " : "", v);
        }
        if (k > show)
            snprintf(vals + kv, sizeof vals - kv, " ...");
        fmt4(a, sizeof a, nn_mat_get(&r->row_sum, i, 0));
        fmt4(b, sizeof b, r->ce_row[i]);
        snprintf(num[0], sizeof num[0], "%*zu", width[0] < 20 ? width[0] : 20,
                 i + 1);
        snprintf(num[1], sizeof num[1], "%*zu", width[3] < 20 ? width[3] : 20,
                 r->predicted[i] + 1);
        snprintf(num[2], sizeof num[2], "%*zu", width[4] < 20 ? width[4] : 20,
                 r->label[i] + 1);
        const char *cells[6] = {num[0], vals, a, num[1], num[2], b};
        table_row(g, x, y + row, width, cells, 6,
                  r->predicted[i] == r->label[i] ? RS_GOOD : RS_NORMAL);
    }
    if (m > FORWARD_DRAW_MAX_ROWS) {
        SAY(line, ko, "   ... %zu more samples", "   ... 샘플 %zu개 더",
            m - FORWARD_DRAW_MAX_ROWS);
        rgrid_print(g, x, y + row++, line, RS_DIM);
    }
    fmt4(a, sizeof a, r->mse);
    fmt4(b, sizeof b, r->ce);
    SAY(line, ko,
        "mean over the batch: MSE = %s (all %zux%zu squared "
        "errors)",
        "배치 평균: MSE = %s (제곱 오차 %zux%zu개 전체)", a, m, k);
    rgrid_print(g, x, y + row, line, RS_NORMAL);
    /* The CE line's "=" under the MSE line's. */
    const char *lead = WORD(ko, "mean over the batch: ", "배치 평균: ");
    SAY(line, ko, "CE  = %s (the %zu samples' CE)",
        "CE  = %s (샘플 %zu개의 CE)", b, m);
    rgrid_print(g, x + utf8_width(lead), y + row + 1, line, RS_NORMAL);
    return row + 2;
}
