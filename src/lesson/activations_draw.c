/* Lesson 2's figures (see activations_draw.h). */
#include "lesson/activations_draw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lesson/say.h"
#include "render/bars.h"
#include "render/table.h"

void act_plot_init(struct act_plot *p)
{
    memset(p, 0, sizeof *p);
    p->fn[0] = nn_act_make(NN_ACT_SIGMOID);
    p->n_fn = 1;
    p->from = -6;
    p->to = 6;
    p->cursor = NAN;
    p->softmax_n = 100;
    p->legend = 1;
}

void act_label(char *buf, size_t len, const struct nn_act *a)
{
    if (a->kind == NN_ACT_LEAKY_RELU)
        snprintf(buf, len, "%s (a = %g)", nn_act_name(a->kind), a->slope);
    else
        snprintf(buf, len, "%s", nn_act_name(a->kind));
}

/* The plot samples these once per pixel column. */
static double plot_f(double x, void *ctx)
{
    return nn_act_f(ctx, x);
}

static double plot_df(double x, void *ctx)
{
    return nn_act_df(ctx, x);
}

int act_plot_draw(struct rgrid *g, int x, int y, int w, int h,
                  const struct act_plot *p, const struct rglyphs *gs,
                  struct rplot_frame *frame)
{
    struct rseries series[2 * ACT_PLOT_MAX];
    char labels[2 * ACT_PLOT_MAX][64];
    struct rspan spans[2 * ACT_PLOT_MAX];
    double *buf[ACT_PLOT_MAX] = {NULL};
    int ns = 0, nspan = 0, rc = 0;
    int n_fn = p->n_fn < ACT_PLOT_MAX ? p->n_fn : ACT_PLOT_MAX;
    /* Functions first, then their derivatives, so in braille every
     * function is solid or dotted and its f' one of the later patterns;
     * one function alone gets solid f and dashed f'. */
    for (int pass = 0; pass < (p->deriv ? 2 : 1); pass++) {
        for (int i = 0; i < n_fn; i++) {
            const struct nn_act *a = &p->fn[i];
            struct rseries *s = &series[ns];
            memset(s, 0, sizeof *s);
            act_label(labels[ns], sizeof labels[ns], a);
            if (pass == 1) {
                size_t n = strlen(labels[ns]);
                /* "sigmoid'" or "leaky_relu' (a = 0.1)" */
                const char *paren = strchr(labels[ns], ' ');
                char tail[64] = "";
                if (paren) {
                    snprintf(tail, sizeof tail, "%s", paren);
                    n = (size_t)(paren - labels[ns]);
                }
                snprintf(labels[ns] + n, sizeof labels[ns] - n, "'%s", tail);
            }
            s->label = labels[ns];
            if (a->kind == NN_ACT_SOFTMAX) {
                /* No scalar form: the seed's vector of logits. */
                int n = p->softmax_n;
                if (!buf[i]) {
                    buf[i] = malloc(3 * sizeof(double) * (size_t)n);
                    if (!buf[i]) {
                        rc = NN_ENOMEM;
                        goto out;
                    }
                    rc = act_softmax_line(p->from, p->to, n, buf[i], buf[i] + n,
                                          buf[i] + 2 * n);
                    if (rc)
                        goto out;
                }
                s->x = buf[i];
                s->y = buf[i] + (pass + 1) * n;
                s->n = n;
            } else {
                s->f = pass ? plot_df : plot_f;
                s->ctx = (void *)a;
            }
            ns++;
            double edge;
            if (pass == 0 && p->saturation && act_saturation_edge(a, &edge) &&
                nspan + 2 <= 2 * ACT_PLOT_MAX) {
                spans[nspan++] = (struct rspan){-INFINITY, -edge};
                spans[nspan++] = (struct rspan){edge, INFINITY};
            }
        }
    }
    struct rplot plot;
    rplot_init(&plot);
    plot.series = series;
    plot.nseries = ns;
    plot.spans = nspan ? spans : NULL;
    plot.nspans = nspan;
    plot.xmin = p->from;
    plot.xmax = p->to;
    plot.legend = p->legend;
    plot.cursor = p->cursor;
    if (rplot_draw(g, x, y, w, h, &plot, gs, frame) != 0)
        rc = NN_ENOMEM;
out:
    for (int i = 0; i < ACT_PLOT_MAX; i++)
        free(buf[i]);
    return rc;
}

int act_draw_info(struct rgrid *g, int x, int y, const struct nn_act *a,
                  const char *lang)
{
    const struct act_info *in = act_info_get(a->kind, lang);
    int ko = say_is_ko(lang);
    int c = x;
    c += rgrid_print(g, c, y, ko ? "식:     " : "formula:    ", RS_DIM);
    rgrid_print(g, c, y, in->formula, RS_ACCENT);
    c = x;
    c += rgrid_print(g, c, y + 1, ko ? "치역:   " : "range:      ", RS_DIM);
    rgrid_print(g, c, y + 1, in->range, RS_NORMAL);
    c = x;
    c += rgrid_print(g, c, y + 2, ko ? "도함수: " : "derivative: ", RS_DIM);
    rgrid_print(g, c, y + 2, in->derivative, RS_NORMAL);
    return 3;
}

int act_draw_readout(struct rgrid *g, int x, int y, const struct nn_act *a,
                     double at)
{
    char line[160];
    snprintf(line, sizeof line, "x = %.6g   f(x) = %.6g   f'(x) = %.6g", at,
             nn_act_f(a, at) + 0.0, nn_act_df(a, at) + 0.0);
    rgrid_print(g, x, y, line, RS_BOLD);
    return 1;
}

int act_draw_values(struct rgrid *g, int x, int y, const struct nn_act *a,
                    const double *xs, int n, int deriv, int decimals,
                    const struct rglyphs *gs)
{
    enum { MAXN = 16, CELL = 32 };
    if (n > MAXN)
        n = MAXN;
    /* Transposed like a textbook table: a row for x, one for f(x) and one
     * for f'(x), a column per point. */
    char cell[3][MAXN + 1][CELL];
    const char *cells[3 * (MAXN + 1)];
    snprintf(cell[0][0], CELL, "x");
    snprintf(cell[1][0], CELL, "%s(x)", nn_act_name(a->kind));
    snprintf(cell[2][0], CELL, "%s'(x)", nn_act_name(a->kind));
    for (int j = 0; j < n; j++) {
        snprintf(cell[0][j + 1], CELL, "%g", xs[j]);
        /* + 0.0 turns a -0 (leaky ReLU at 0) into 0 */
        snprintf(cell[1][j + 1], CELL, "%.*f", decimals,
                 nn_act_f(a, xs[j]) + 0.0);
        snprintf(cell[2][j + 1], CELL, "%.*f", decimals,
                 nn_act_df(a, xs[j]) + 0.0);
    }
    int rows = deriv ? 3 : 2;
    for (int r = 0; r < rows; r++)
        for (int j = 0; j <= n; j++)
            cells[r * (n + 1) + j] = cell[r][j];
    struct rtable t;
    rtable_init(&t);
    t.rows = rows - 1;
    t.cols = n + 1;
    t.header = cells;
    t.cells = cells + (n + 1);
    t.border = 0;
    enum ralign align[MAXN + 1];
    align[0] = RALIGN_LEFT;
    for (int j = 1; j <= n; j++)
        align[j] = RALIGN_RIGHT;
    t.align = align;
    return rtable_draw(g, x, y, &t, gs);
}

int act_draw_softmax(struct rgrid *g, int x, int y, int w, const double *z,
                     int n, int sel, const struct rglyphs *gs, const char *lang)
{
    enum { MAXN = ACT_LOGITS_MAX * 2 };
    if (n < 1 || n > MAXN)
        return NN_EINVAL;
    double p[MAXN];
    int rc = act_softmax(z, n, p);
    if (rc)
        return rc;
    char labels[MAXN][32];
    struct rbar bars[MAXN];
    double sum = 0;
    for (int i = 0; i < n; i++) {
        snprintf(labels[i], sizeof labels[i], "z%d = %5.2f", i + 1, z[i]);
        bars[i] = (struct rbar){labels[i], p[i], RS_NORMAL};
        sum += p[i];
    }
    struct rbars b;
    rbars_init(&b);
    b.bars = bars;
    b.n = n;
    b.max = 1.0; /* a full bar is probability 1 */
    b.decimals = 3;
    b.highlight = sel;
    int rows = rbars_draw(g, x, y, w, &b, gs);
    char line[120];
    snprintf(line, sizeof line,
             say_is_ko(lang) ? "확률의 합 = %.3f"
                             : "sum of the probabilities = %.3f",
             sum);
    rgrid_print(g, x, y + rows, line, RS_DIM);
    return rows + 1;
}

int act_draw_vanish(struct rgrid *g, int x, int y, int w,
                    const struct nn_act *acts, int n,
                    const struct act_vanish *v0, const struct rglyphs *gs,
                    const char *lang)
{
    if (n < 1 || n > 3)
        return NN_EINVAL;
    struct act_vanish v[3];
    double max = 0, min = INFINITY;
    for (int k = 0; k < n; k++) {
        v[k] = *v0;
        int rc = act_vanish_run(&v[k], &acts[k]);
        if (rc)
            return rc;
        for (int l = 0; l < v[k].layers; l++) {
            if (v[k].grad[l] > max)
                max = v[k].grad[l];
            if (v[k].grad[l] > 0 && v[k].grad[l] < min)
                min = v[k].grad[l];
        }
    }
    int L = v0->layers;
    int gap = 3;
    int cw = (w - gap * (n - 1)) / n;
    char labels[ACT_VANISH_MAX_LAYERS][16];
    for (int l = 0; l < L; l++)
        snprintf(labels[l], sizeof labels[l], "%d", l + 1);
    for (int k = 0; k < n; k++) {
        int cx = x + k * (cw + gap);
        char title[64];
        act_label(title, sizeof title, &acts[k]);
        rgrid_print_n(g, cx, y, cw, title, RS_BOLD);
        struct rbar bars[ACT_VANISH_MAX_LAYERS];
        for (int l = 0; l < L; l++)
            bars[l] = (struct rbar){labels[l], v[k].grad[l], RS_SERIES1 + k};
        struct rbars b;
        rbars_init(&b);
        b.bars = bars;
        b.n = L;
        b.logx = 1;
        /* One scale for every chart, so lengths compare across them. */
        b.max = max;
        b.min = isfinite(min) ? min / 10 : NAN;
        b.decimals = -1;
        rbars_draw(g, cx, y + 1, cw, &b, gs);
        char ratio[64];
        double r = v[k].grad[L - 1] > 0 ? v[k].grad[0] / v[k].grad[L - 1] : NAN;
        snprintf(ratio, sizeof ratio,
                 say_is_ko(lang) ? "1층 / %d층 = %.2g" : "layer 1 / %d = %.2g",
                 L, r);
        rgrid_print_n(g, cx, y + 1 + L, cw, ratio, RS_DIM);
    }
    const char *note =
        say_is_ko(lang)
            ? "막대: 각 층의 기울기 크기 ||dL/dW|| (로그 눈금, 1 = 입력 쪽 층)"
            : "bars: gradient size ||dL/dW|| per layer (log scale, 1 = "
              "next to the input)";
    rgrid_print_n(g, x, y + 2 + L, w, note, RS_DIM);
    return L + 3;
}

/* "[  0.3  -1.2 ]" rows of an m x n matrix at (x, y) with a title above;
 * returns the width. */
static int draw_matrix(struct rgrid *g, int x, int y, const char *title,
                       const double *v, int m, int n, int decimals)
{
    int width = utf8_width(title);
    rgrid_print(g, x, y, title, RS_BOLD);
    for (int i = 0; i < m; i++) {
        char line[160];
        int len = snprintf(line, sizeof line, "[");
        for (int j = 0; j < n && len < 140; j++)
            len += snprintf(line + len, sizeof line - (size_t)len, " %*.*f",
                            decimals + 4, decimals, v[i * n + j] + 0.0);
        snprintf(line + len, sizeof line - (size_t)len, " ]");
        rgrid_print(g, x, y + 1 + i, line, RS_NORMAL);
        if (utf8_width(line) > width)
            width = utf8_width(line);
    }
    return width;
}

static void vec_text(char *buf, size_t len, const double *v, int n,
                     int decimals)
{
    int at = snprintf(buf, len, "[");
    for (int j = 0; j < n && at > 0 && (size_t)at < len; j++)
        at +=
            snprintf(buf + at, len - (size_t)at, " %.*f", decimals, v[j] + 0.0);
    if (at > 0 && (size_t)at < len)
        snprintf(buf + at, len - (size_t)at, " ]");
}

int act_draw_collapse(struct rgrid *g, int x, int y,
                      const struct act_collapse *c, const struct rglyphs *gs,
                      const char *lang)
{
    enum { I = ACT_COLLAPSE_IN, H = ACT_COLLAPSE_HID, O = ACT_COLLAPSE_OUT };
    int ko = say_is_ko(lang);
    /* '·' is ambiguous width: the product sign only with full Unicode. */
    const char *dot = gs->kind == RGLYPH_UNICODE ? "·" : "*";
    char t[80];
    int cx = x;
    snprintf(t, sizeof t, "W1 (%dx%d)", I, H);
    cx += draw_matrix(g, cx, y, t, &c->W1[0][0], I, H, 1) + 3;
    snprintf(t, sizeof t, "W2 (%dx%d)", H, H);
    cx += draw_matrix(g, cx, y, t, &c->W2[0][0], H, H, 1) + 3;
    snprintf(t, sizeof t, "W3 (%dx%d)", H, O);
    draw_matrix(g, cx, y, t, &c->W3[0][0], H, O, 1);
    /* K under the layers it replaces. */
    int row = y + 1 + H + 1;
    snprintf(t, sizeof t, "K = W1%sW2%sW3 (%dx%d)", dot, dot, I, O);
    draw_matrix(g, x, row, t, &c->K[0][0], I, O, 3);
    row += 1 + I + 1;
    char v[120], line[240];
    vec_text(v, sizeof v, c->x, I, 1);
    snprintf(line, sizeof line, "x = %s", v);
    rgrid_print(g, x, row++, line, RS_BOLD);
    const char *three = ko ? "세 층:   " : "3 layers: ";
    const char *pad = ko ? "         " : "          ";
    vec_text(v, sizeof v, c->h1, H, 2);
    snprintf(line, sizeof line, "%sh1 = x%sW1  = %s", three, dot, v);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    vec_text(v, sizeof v, c->h2, H, 3);
    snprintf(line, sizeof line, "%sh2 = h1%sW2 = %s", pad, dot, v);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    vec_text(v, sizeof v, c->y, O, 4);
    snprintf(line, sizeof line, "%sy  = h2%sW3 = %s", pad, dot, v);
    rgrid_print(g, x, row++, line, RS_HIGHLIGHT);
    vec_text(v, sizeof v, c->yk, O, 4);
    snprintf(line, sizeof line, "%sy  = x%sK   = %s",
             ko ? "한 층:   " : "1 layer:  ", dot, v);
    rgrid_print(g, x, row++, line, RS_HIGHLIGHT);
    vec_text(v, sizeof v, c->y_relu, O, 4);
    snprintf(line, sizeof line,
             ko ? "1, 2층 뒤에 ReLU를 넣으면: y = %s (x%sK와 다르다)"
                : "with ReLU after layers 1 and 2: y = %s (not x%sK)",
             v, dot);
    rgrid_print(g, x, row++, line, RS_DIM);
    return row - y;
}

int act_draw_explorer(struct rgrid *g, int x, int y, int w, int h,
                      const struct act_explorer *e, const struct rglyphs *gs,
                      const char *lang)
{
    int ko = say_is_ko(lang);
    /* The chooser, in the core's order. */
    int cx = x;
    for (int k = 0; k < NN_ACT_COUNT; k++) {
        const char *name = nn_act_name((enum nn_act_kind)k);
        int cur = k == (int)e->act.kind;
        cx += rgrid_print(g, cx, y, cur ? "[" : " ", RS_DIM);
        cx += rgrid_print(g, cx, y, name, cur ? RS_HIGHLIGHT : RS_NORMAL);
        cx += rgrid_print(g, cx, y, cur ? "]" : " ", RS_DIM);
    }
    int row = y + 2;
    row += act_draw_info(g, x, row, &e->act, lang) + 1;
    char line[160];
    if (e->act.kind == NN_ACT_SOFTMAX) {
        int rows = act_draw_softmax(g, x, row, w < 64 ? w : 64, e->logits,
                                    e->n_logits, e->sel, gs, lang);
        if (rows < 0)
            return rows;
        row += rows + 1;
        double p[ACT_LOGITS_MAX];
        int rc = act_softmax(e->logits, e->n_logits, p);
        if (rc)
            return rc;
        snprintf(line, sizeof line, "z%d = %.2f   p%d = %.6g", e->sel + 1,
                 e->logits[e->sel], e->sel + 1, p[e->sel]);
        rgrid_print(g, x, row, line, RS_BOLD);
        return 0;
    }
    struct act_plot p;
    act_plot_init(&p);
    p.fn[0] = e->act;
    p.from = e->from;
    p.to = e->to;
    p.deriv = e->deriv;
    p.saturation = 1;
    p.cursor = e->cursor;
    /* What is left under the plot: the readout (and the slope). */
    int below = e->act.kind == NN_ACT_LEAKY_RELU ? 2 : 1;
    int ph = y + h - row - below;
    if (ph >= 4) {
        int rc = act_plot_draw(g, x, row, w, ph, &p, gs, NULL);
        if (rc)
            return rc;
        row += ph;
    }
    act_draw_readout(g, x, row++, &e->act, e->cursor);
    if (e->act.kind == NN_ACT_LEAKY_RELU) {
        snprintf(line, sizeof line, ko ? "기울기 a = %.2f" : "slope a = %.2f",
                 e->act.slope);
        rgrid_print(g, x, row, line, RS_ACCENT);
    }
    return 0;
}
