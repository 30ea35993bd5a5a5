/*
 * Drawing lesson 3 into a cell grid (see forward_draw.h). Lines are built
 * as plain strings from the values the topic model read out of the core,
 * then printed row by row.
 */
#include "lesson/forward_draw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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

/* A count with thousands separators: 39250 -> "39,250". */
static void fmt_count(char *buf, size_t n, size_t v)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%zu", v);
    size_t k = 0;
    for (int i = 0; i < len && k + 2 < n; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
}

/* "[0.1234 0.5678 ... 50 values]": the values of row r of m that fit in
 * max_w columns, and how many there are when some are left out. */
static void fmt_row(char *buf, size_t n, const struct nn_mat *m, size_t r,
                    int max_w)
{
    char tail[48];
    snprintf(tail, sizeof tail, " ... %zu values]", m->cols);
    int tw = (int)strlen(tail);
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
                        const struct forward_run *r, int pass)
{
    int n = r->cfg.n_layers;
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
        snprintf(line, sizeof line, "layer %d: %*s * %-*s + %-*s = %-*s  %s",
                 i + 1, win, in[i], ww, w[i], wb, b[i], wout, out[i],
                 nn_act_name(r->layers[i].act.kind));
        rgrid_print(g, x, y + i, line, RS_NORMAL);
    }
    return n;
}

int forward_draw_params(struct rgrid *g, int x, int y, const size_t *sizes,
                        int n_layers)
{
    size_t weights[FORWARD_MAX_LAYERS], biases[FORWARD_MAX_LAYERS], total;
    int err = forward_count_params(sizes, n_layers, weights, biases, &total);
    if (err)
        return err;
    char cells[FORWARD_MAX_LAYERS][4][48];
    int width[4] = {9, 7, 6, 10}; /* the headers' widths */
    for (int i = 0; i < n_layers; i++) {
        char a[32], c[32];
        snprintf(cells[i][0], sizeof cells[i][0], "%zux%zu", sizes[i],
                 sizes[i + 1]);
        fmt_count(a, sizeof a, weights[i]);
        snprintf(cells[i][1], sizeof cells[i][1], "%zu*%zu = %s", sizes[i],
                 sizes[i + 1], a);
        fmt_count(cells[i][2], sizeof cells[i][2], biases[i]);
        fmt_count(c, sizeof c, weights[i] + biases[i]);
        snprintf(cells[i][3], sizeof cells[i][3], "%s", c);
        for (int k = 0; k < 4; k++)
            if ((int)strlen(cells[i][k]) > width[k])
                width[k] = (int)strlen(cells[i][k]);
    }
    char tot[32];
    fmt_count(tot, sizeof tot, total);
    if ((int)strlen(tot) > width[3])
        width[3] = (int)strlen(tot);
    /* Column k starts after "layer | " and the cells before it. */
    int col[4];
    col[0] = x + 8;
    for (int k = 1; k < 4; k++)
        col[k] = col[k - 1] + width[k - 1] + 3;
    static const char *const head[4] = {"W (n x j)", "weights", "biases",
                                        "parameters"};
    for (int i = -1; i <= n_layers; i++) {
        int row = y + 1 + i,
            style = i < 0 || i == n_layers ? RS_BOLD : RS_NORMAL;
        char num[16];
        snprintf(num, sizeof num, "%5d", i + 1);
        rgrid_print(g, x, row,
                    i < 0           ? "layer"
                    : i == n_layers ? "total"
                                    : num,
                    style);
        for (int k = 0; k < 4; k++) {
            const char *text = i < 0          ? head[k]
                               : i < n_layers ? cells[i][k]
                               : k == 3       ? tot
                                              : "";
            /* Counts are right-aligned, shapes and products left. */
            int pad = k >= 2 ? width[k] - (int)strlen(text) : 0;
            rgrid_print(g, col[k] - 2, row, "|", style);
            rgrid_print(g, col[k] + pad, row, text, style);
        }
    }
    return n_layers + 2;
}

int forward_draw_values(struct rgrid *g, int x, int y,
                        const struct forward_run *r)
{
    int n = r->cfg.n_layers, row = 0;
    char label[FORWARD_MAX_LAYERS + 1][64], vals[256], line[384];
    int wl = 0;
    snprintf(label[0], sizeof label[0], "X");
    for (int i = 0; i < n; i++) {
        char in[8];
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
    fmt_row(vals, sizeof vals, &r->x, 0, vw);
    snprintf(line, sizeof line, "%-*s  %s", wl, label[0], vals);
    rgrid_print(g, x, y + row++, line, RS_NORMAL);
    for (int i = 0; i < n; i++) {
        fmt_row(vals, sizeof vals, &r->y1[i], 0, vw);
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
    snprintf(line, sizeof line,
             "sum of Y%d = %s (softmax: probabilities "
             "of the %zu classes)",
             n, a, k);
    rgrid_print(g, x, y + row++, line, RS_NORMAL);
    struct nn_mat t0 = nn_mat_rows_view(&r->t, 0, 1);
    size_t kk = 0;
    vals[0] = '\0';
    for (size_t j = 0; j < k && kk + 4 < sizeof vals; j++)
        kk += (size_t)snprintf(vals + kk, sizeof vals - kk, "%s%.0f",
                               j ? " " : "", nn_mat_get(&t0, 0, j));
    snprintf(line, sizeof line, "target: class %zu of %zu, one-hot t = [%s]",
             label0 + 1, k, vals);
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
                       const struct forward_run *r)
{
    size_t m = r->cfg.batch, k = r->out.cols;
    size_t show = k <= SHOW_BATCH_ALL ? k : SHOW_BATCH_SOME;
    char vals[256], line[384], a[32], b[32];
    /* Probabilities print as 0.1234: 6 characters and a space each. */
    int wv = (int)(show * 7 - 1 + (k > show ? 4 : 0));
    if (wv < 14)
        wv = 14;
    snprintf(line, sizeof line,
             "sample | %-*s | sum    | pred | target | "
             "CE",
             wv, "softmax output");
    rgrid_print(g, x, y, line, RS_BOLD);
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
        snprintf(line, sizeof line, "%6zu | %-*s | %s | %4zu | %6zu | %s",
                 i + 1, wv, vals, a, r->predicted[i] + 1, r->label[i] + 1, b);
        rgrid_print(g, x, y + row, line,
                    r->predicted[i] == r->label[i] ? RS_GOOD : RS_NORMAL);
    }
    if (m > FORWARD_DRAW_MAX_ROWS) {
        snprintf(line, sizeof line, "   ... %zu more samples",
                 m - FORWARD_DRAW_MAX_ROWS);
        rgrid_print(g, x, y + row++, line, RS_DIM);
    }
    fmt4(a, sizeof a, r->mse);
    fmt4(b, sizeof b, r->ce);
    snprintf(line, sizeof line,
             "mean over the batch: MSE = %s (all %zux%zu "
             "squared errors)",
             a, m, k);
    rgrid_print(g, x, y + row++, line, RS_NORMAL);
    snprintf(line, sizeof line,
             "                     CE  = %s (the %zu "
             "samples' CE)",
             b, m);
    rgrid_print(g, x, y + row++, line, RS_NORMAL);
    return row;
}
