/*
 * Drawing lesson 1 into a cell grid (see gates_draw.h). Lines are built as
 * plain strings and printed row by row; the styles mark what a step is
 * about (titles, the verdict, right and wrong rows) for the TUI's colours.
 */
#include "lesson/gates_draw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* v with d decimals; "-0.0" is written as "0.0". */
static void fmt_num(char *buf, size_t n, double v, int d)
{
    if (fabs(v) < 0.5 * pow(10, -d))
        v = 0;
    snprintf(buf, n, "%.*f", d, v);
}

/* Decimals that show p's weights exactly (at least one, so sums such as
 * 0.5 and 1.0 read as decimals next to each other). */
static int unit_decimals(const struct gates_perceptron *p)
{
    int d = gates_decimals((const double[]){p->w1, p->w2, p->b}, 3);
    return d < 1 ? 1 : d;
}

static const char *rule_text(int ge)
{
    return ge ? "y = 1 if s >= 0, else 0" : "y = 1 if s > 0, else 0";
}

int gates_draw_unit(struct rgrid *g, int x, int y,
                    const struct gates_perceptron *p)
{
    int d = unit_decimals(p);
    char w[3][32], lab[3][160], line[480];
    fmt_num(w[0], sizeof w[0], p->w1, d);
    fmt_num(w[1], sizeof w[1], p->w2, d);
    fmt_num(w[2], sizeof w[2], p->b, d);
    int wmax = 0;
    for (int i = 0; i < 3; i++)
        if ((int)strlen(w[i]) > wmax)
            wmax = (int)strlen(w[i]);
    static const char *const names[3] = {"w1", "w2", "b "};
    for (int i = 0; i < 3; i++)
        snprintf(lab[i], sizeof lab[i], "[ %s = %*s ]", names[i], wmax, w[i]);
    /* The bias is a weight on an input fixed at 1. */
    snprintf(line, sizeof line, " x1 ---%s--\\", lab[0]);
    rgrid_print(g, x, y, line, RS_NORMAL);
    snprintf(line, sizeof line, " x2 ---%s---> s = w1*x1 + w2*x2 + b"
             " --> %s", lab[1], rule_text(p->ge));
    rgrid_print(g, x, y + 1, line, RS_NORMAL);
    snprintf(line, sizeof line, "  1 ---%s--/", lab[2]);
    rgrid_print(g, x, y + 2, line, RS_NORMAL);
    return 3;
}

/* "0.5*1 + (-0.5)*0 - 0.7": the weighted sum of one row, written out. */
static void fmt_expr(char *buf, size_t n, const struct gates_perceptron *p,
                     int x1, int x2, int d)
{
    char a[32], b[32], c[32];
    fmt_num(a, sizeof a, p->w1, d);
    fmt_num(b, sizeof b, p->w2, d);
    fmt_num(c, sizeof c, fabs(p->b), d);
    snprintf(buf, n, "%s%s%s*%d + %s%s%s*%d %c %s", p->w1 < 0 ? "(" : "", a,
             p->w1 < 0 ? ")" : "", x1, p->w2 < 0 ? "(" : "", b,
             p->w2 < 0 ? ")" : "", x2, p->b < 0 ? '-' : '+', c);
}

int gates_draw_table(struct rgrid *g, int x, int y,
                     const struct gates_perceptron *p, int target)
{
    int d = unit_decimals(p);
    struct gates_table t;
    gates_table_compute(&t, p);
    char expr[4][128], sum[4][32], line[256];
    int ew = (int)strlen("w1*x1 + w2*x2 + b"), sw = 1;
    for (int r = 0; r < 4; r++) {
        fmt_expr(expr[r], sizeof expr[r], p, gates_x1(r), gates_x2(r), d);
        fmt_num(sum[r], sizeof sum[r], t.sum[r], d);
        if ((int)strlen(expr[r]) > ew)
            ew = (int)strlen(expr[r]);
        if ((int)strlen(sum[r]) > sw)
            sw = (int)strlen(sum[r]);
    }
    unsigned want = target >= 0 ? gates_gate_pattern(target) : 0;
    int row = y;
    int n = snprintf(line, sizeof line, " x1 x2 | %-*s = %*s | y", ew,
                     "w1*x1 + w2*x2 + b", sw, "s");
    if (target >= 0)
        snprintf(line + n, sizeof line - n, " | %s", gates_gate_name(target));
    rgrid_print(g, x, row++, line, RS_TITLE);
    int right = 0;
    char wrong[64] = "";
    for (int r = 0; r < 4; r++) {
        int tr = (want >> r) & 1;
        n = snprintf(line, sizeof line, "  %d  %d | %-*s = %*s | %d",
                     gates_x1(r), gates_x2(r), ew, expr[r], sw, sum[r],
                     t.y[r]);
        int style = RS_NORMAL;
        if (target >= 0) {
            int ok = tr == t.y[r];
            snprintf(line + n, sizeof line - n, " | %*d  %s",
                     (int)strlen(gates_gate_name(target)) - 2 + 1, tr,
                     ok ? "ok" : "wrong");
            style = ok ? RS_NORMAL : RS_BAD;
            right += ok;
            if (!ok) {
                size_t l = strlen(wrong);
                snprintf(wrong + l, sizeof wrong - l, " (%d,%d)",
                         gates_x1(r), gates_x2(r));
            }
        }
        rgrid_print(g, x, row++, line, style);
    }
    int named = gates_gate_of_pattern(t.pattern);
    if (named >= 0)
        snprintf(line, sizeof line, "verdict: this is %s",
                 gates_gate_name(named));
    else
        snprintf(line, sizeof line, "verdict: matches no gate (the output "
                 "is %s)", gates_function_name(t.pattern));
    rgrid_print(g, x, ++row, line, named >= 0 ? RS_GOOD : RS_HIGHLIGHT);
    row++;
    if (target >= 0) {
        if (right == 4)
            snprintf(line, sizeof line, "target %s: all 4 rows right",
                     gates_gate_name(target));
        else
            snprintf(line, sizeof line, "target %s: %d of 4 rows right, "
                     "wrong at%s", gates_gate_name(target), right, wrong);
        rgrid_print(g, x, row++, line, right == 4 ? RS_GOOD : RS_BAD);
    }
    return row - y;
}

/*
 * The square's canvas: x1 from -0.25 to 1.25 over 37 columns (24 per
 * unit), x2 from 1.25 down to -0.25 over 19 rows (12 per unit); terminal
 * cells are about twice as tall as wide, so the square looks square. The
 * corners (0,0) .. (1,1) fall on the centres of cells 6 and 30 across and
 * rows 3 and 15 down.
 */
enum { SQ_W = 37, SQ_H = 19, SQ_CX = 24, SQ_CY = 12, SQ_X0 = 6, SQ_Y1 = 3 };

static double sq_x1(int c)
{
    return (double)(c - SQ_X0) / SQ_CX;
}

static double sq_x2(int r)
{
    return 1.0 - (double)(r - SQ_Y1) / SQ_CY;
}

/* The glyph for a decision line w1·x1 + w2·x2 + b = 0 by its slope on
 * screen. Along the line x1 moves by w2 while x2 moves by -w1. */
static uint32_t line_glyph(const struct gates_perceptron *p)
{
    double across = fabs(p->w2) * SQ_CX, up = fabs(p->w1) * SQ_CY;
    if (up < 0.4 * across)
        return '-';
    if (across < 0.4 * up)
        return '|';
    return p->w1 * p->w2 < 0 ? '/' : '\\';
}

/* The decision line w1·x1 + w2·x2 + b = 0 on the canvas at (cx, cy), one
 * cell per column where it runs flat on screen, one per row where it runs
 * steep, so it is drawn one cell thick. Exact ties (the line through a
 * corner) round the same way every time. */
static void draw_line(struct rgrid *g, int cx, int cy,
                      const struct gates_perceptron *p)
{
    uint32_t glyph = line_glyph(p);
    if (fabs(p->w2) * SQ_CX >= fabs(p->w1) * SQ_CY) {
        for (int c = 0; c < SQ_W; c++) {
            double x2 = -(p->w1 * sq_x1(c) + p->b) / p->w2;
            double r = floor(SQ_Y1 + (1.0 - x2) * SQ_CY + 0.5 + 1e-9);
            if (r >= 0 && r < SQ_H)
                rgrid_put(g, cx + c, cy + (int)r, glyph, RS_HIGHLIGHT);
        }
    } else {
        for (int r = 0; r < SQ_H; r++) {
            double x1 = -(p->w2 * sq_x2(r) + p->b) / p->w1;
            double c = floor(SQ_X0 + x1 * SQ_CX + 0.5 + 1e-9);
            if (c >= 0 && c < SQ_W)
                rgrid_put(g, cx + (int)c, cy + r, glyph, RS_HIGHLIGHT);
        }
    }
}

int gates_draw_square(struct rgrid *g, int x, int y,
                      const struct gates_square *sq)
{
    const int left = x + 5; /* the frame's left edge */
    char line[96];
    memset(line, '-', SQ_W);
    line[SQ_W] = '\0';
    rgrid_print(g, x, y, "  x2", RS_AXIS);
    rgrid_put(g, left, y, '+', RS_AXIS);
    rgrid_print(g, left + 1, y, line, RS_AXIS);
    rgrid_put(g, left + SQ_W + 1, y, '+', RS_AXIS);
    rgrid_put(g, left, y + SQ_H + 1, '+', RS_AXIS);
    rgrid_print(g, left + 1, y + SQ_H + 1, line, RS_AXIS);
    rgrid_put(g, left + SQ_W + 1, y + SQ_H + 1, '+', RS_AXIS);

    for (int r = 0; r < SQ_H; r++) {
        int gy = y + 1 + r;
        rgrid_put(g, left, gy, '|', RS_AXIS);
        rgrid_put(g, left + SQ_W + 1, gy, '|', RS_AXIS);
        for (int c = 0; c < SQ_W; c++)
            if (sq->classify(sq->ctx, sq_x1(c), sq_x2(r)))
                rgrid_put(g, left + 1 + c, gy, '.', RS_SERIES1);
    }
    const struct gates_perceptron *lp = sq->line;
    int has_line = lp && (fabs(lp->w1) > GATES_ZERO_TOL ||
                          fabs(lp->w2) > GATES_ZERO_TOL);
    if (has_line)
        draw_line(g, left + 1, y + 1, lp);
    rgrid_print(g, x, y + 1 + SQ_Y1, "   1", RS_AXIS);
    rgrid_print(g, x, y + 1 + SQ_Y1 + SQ_CY, "   0", RS_AXIS);
    for (int k = 0; k < 4; k++) {
        int cls = (sq->classes >> k) & 1;
        int cx = left + 1 + SQ_X0 + SQ_CX * gates_x1(k);
        int cy = y + 1 + SQ_Y1 + SQ_CY * (1 - gates_x2(k));
        char pt[4] = {'[', (char)('0' + cls), ']', '\0'};
        rgrid_print(g, cx - 1, cy, pt, RS_BOLD);
    }
    int by = y + SQ_H + 2;
    rgrid_put(g, left + 1 + SQ_X0, by, '0', RS_AXIS);
    rgrid_put(g, left + 1 + SQ_X0 + SQ_CX, by, '1', RS_AXIS);
    rgrid_print(g, left + SQ_W + 3, by, "x1", RS_AXIS);
    snprintf(line, sizeof line, "[1] [0] class of each corner;  '.' output 1%s",
             has_line ? ";  line s = 0" : "");
    rgrid_print(g, x, by + 1, line, RS_DIM);
    return SQ_H + 4;
}

static int classify_unit(const void *ctx, double x1, double x2)
{
    return gates_output(ctx, x1, x2);
}

int gates_draw_unit_square(struct rgrid *g, int x, int y,
                           const struct gates_perceptron *p, int target)
{
    struct gates_table t;
    gates_table_compute(&t, p);
    struct gates_square sq = {
        classify_unit, p, p,
        target >= 0 ? gates_gate_pattern(target) : t.pattern};
    return gates_draw_square(g, x, y, &sq);
}

int gates_draw_search(struct rgrid *g, int x, int y,
                      const struct gates_search *s)
{
    char line[160], lim[16];
    int row = y;
    fmt_num(lim, sizeof lim, s->lim_tenths / 10.0, 1);
    int per = 2 * s->lim_tenths + 1;
    snprintf(line, sizeof line, "search: w1, w2, b in -%s, -%.1f, ..., %s "
             "(%d values each), rule s %s 0", lim, s->lim_tenths / 10.0 - 0.1,
             lim, per, s->ge ? ">=" : ">");
    rgrid_print(g, x, row++, line, RS_TITLE);
    snprintf(line, sizeof line, "%ld weight sets tried (%d x %d x %d):",
             s->tried, per, per, per);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    long others = 0;
    for (unsigned pat = 0; pat < 16; pat++)
        if (gates_gate_of_pattern(pat) < 0)
            others += s->count[pat];
    for (int gi = 0; gi < GATES_N_GATES; gi++) {
        unsigned pat = gates_gate_pattern(gi);
        int n = snprintf(line, sizeof line, "  %-5s %6ld sets",
                         gates_gate_name(gi), s->count[pat]);
        if (s->count[pat] > 0) {
            char a[16], b[16], c[16];
            fmt_num(a, sizeof a, s->first[pat].w1, 1);
            fmt_num(b, sizeof b, s->first[pat].w2, 1);
            fmt_num(c, sizeof c, s->first[pat].b, 1);
            snprintf(line + n, sizeof line - n,
                     "   e.g. w1 = %s, w2 = %s, b = %s", a, b, c);
        }
        rgrid_print(g, x, row++, line, s->count[pat] ? RS_NORMAL : RS_BAD);
    }
    snprintf(line, sizeof line, "  the 10 other functions of two inputs: "
             "%ld sets", others);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    return row - y;
}

int gates_draw_xor_why(struct rgrid *g, int x, int y, int ge)
{
    char line[160];
    int row = y;
    /* The argument, for the rule in use: three rows of XOR's table force
     * the fourth row's output to the wrong value. */
    const char *gt = ge ? ">=" : ">", *le = ge ? "<" : "<=";
    rgrid_print(g, x, row++, "why no weights compute XOR:", RS_TITLE);
    snprintf(line, sizeof line, "  (0,0) -> 0 needs            b %s 0", le);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    snprintf(line, sizeof line, "  (0,1) -> 1 needs       w2 + b %s 0", gt);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    snprintf(line, sizeof line, "  (1,0) -> 1 needs       w1 + b %s 0", gt);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    snprintf(line, sizeof line, "  adding the last two: w1 + w2 + 2b %s 0, "
             "so w1 + w2 + b %s -b %s 0", gt, gt, ge ? ">" : ">=");
    rgrid_print(g, x, row++, line, RS_NORMAL);
    rgrid_print(g, x, row++,
                "  so (1,1) gives 1, but XOR needs 0: the four rows cannot "
                "all hold.", RS_HIGHLIGHT);
    /* The same fact seen on the square. */
    rgrid_print(g, x, row++,
                "  On the square: each side of a line is a half-plane, and a "
                "half-plane that", RS_NORMAL);
    rgrid_print(g, x, row++,
                "  holds two points holds the segment between them. XOR's 1s "
                "and its 0s are", RS_NORMAL);
    rgrid_print(g, x, row++,
                "  the two diagonals of the square, which cross at (0.5,0.5): "
                "that point", RS_NORMAL);
    rgrid_print(g, x, row++,
                "  would have to lie on both sides of the line at once.",
                RS_NORMAL);
    return row - y;
}

int gates_draw_xor_net(struct rgrid *g, int x, int y, int ge)
{
    struct gates_perceptron u[3];
    static const enum gates_gate gate[3] = {GATES_NAND, GATES_OR, GATES_AND};
    char lab[3][64], line[160];
    for (int i = 0; i < 3; i++) {
        gates_seed_weights(gate[i], &u[i]);
        char a[16], b[16], c[16];
        fmt_num(a, sizeof a, u[i].w1, 1);
        fmt_num(b, sizeof b, u[i].w2, 1);
        fmt_num(c, sizeof c, u[i].b, 1);
        snprintf(lab[i], sizeof lab[i], "[%-4s %4s %4s %4s]",
                 gates_gate_name(gate[i]), a, b, c);
    }
    int row = y;
    rgrid_print(g, x, row++,
                "        hidden layer                   output layer",
                RS_TITLE);
    /* Both inputs feed both hidden units (the crossing); k is the column
     * where the hidden outputs join. */
    int k = snprintf(line, sizeof line, " x1 --+----> %s -- h1 --+", lab[0]);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    snprintf(line, sizeof line, "       \\ /%*s+--> %s --> y", k - 11, "",
             lab[2]);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    snprintf(line, sizeof line, "       / \\%*s|", k - 11, "");
    rgrid_print(g, x, row++, line, RS_NORMAL);
    snprintf(line, sizeof line, " x2 --+----> %s -- h2 --+", lab[1]);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    snprintf(line, sizeof line, " [gate w1 w2 b]; each unit: s = w1*in1 + "
             "w2*in2 + b, %s", rule_text(ge));
    rgrid_print(g, x, row++, line, RS_DIM);
    row++;

    struct gates_xor_row t[4];
    gates_xor_net(t, ge);
    rgrid_print(g, x, row++,
                " x1 x2 | s NAND  h1 | s OR  h2 | h1 h2 | s AND  y | XOR",
                RS_TITLE);
    for (int r = 0; r < 4; r++) {
        char a[16], b[16], c[16];
        fmt_num(a, sizeof a, t[r].s_nand, 1);
        fmt_num(b, sizeof b, t[r].s_or, 1);
        fmt_num(c, sizeof c, t[r].s_and, 1);
        int want = (gates_gate_pattern(GATES_XOR) >> r) & 1;
        snprintf(line, sizeof line,
                 "  %d  %d | %6s  %2d | %4s  %2d |  %d  %d | %5s  %d |  %d",
                 t[r].x1, t[r].x2, a, t[r].h1, b, t[r].h2, t[r].h1, t[r].h2,
                 c, t[r].y, want);
        rgrid_print(g, x, row++, line, t[r].y == want ? RS_NORMAL : RS_BAD);
    }
    return row - y;
}

int gates_draw_learn_rows(int epochs)
{
    return 4 + 4 * epochs + 6;
}

static void fmt_weights(char *buf, size_t n, const struct gates_perceptron *p,
                        int d)
{
    char a[32], b[32], c[32];
    fmt_num(a, sizeof a, p->w1, d);
    fmt_num(b, sizeof b, p->w2, d);
    fmt_num(c, sizeof c, p->b, d);
    snprintf(buf, n, "w1 = %s, w2 = %s, b = %s", a, b, c);
}

int gates_draw_learn(struct rgrid *g, int x, int y, struct gates_learn *L,
                     long max_events)
{
    /* Every weight is the start plus whole multiples of η, so these
     * decimals print each one exactly. */
    int d = gates_decimals(
        (const double[]){L->p.w1, L->p.w2, L->p.b, L->eta}, 4);
    if (d < 1)
        d = 1;
    char line[200], ws[120], eta[32];
    int row = y;
    fmt_num(eta, sizeof eta, L->eta, d);
    const char *tname = gates_function_name(L->target);
    snprintf(line, sizeof line, "learning %s: w <- w + eta*(t - y)*x with "
             "eta = %s, bias input 1, rule s %s 0", tname, eta,
             L->p.ge ? ">=" : ">");
    rgrid_print(g, x, row++, line, RS_TITLE);
    fmt_weights(ws, sizeof ws, &L->p, d);
    snprintf(line, sizeof line, "start: %s", ws);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    rgrid_print(g, x, row++,
                "epoch  x1 x2        s  y  t  t-y        w1        w2"
                "         b", RS_TITLE);

    struct gates_learn_event ev;
    long shown = 0;
    while (L->status == GATES_LEARN_RUNNING && shown < max_events) {
        gates_learn_step(L, &ev);
        shown++;
        char s[32], a[32], b[32], c[32];
        fmt_num(s, sizeof s, ev.sum, d);
        fmt_num(a, sizeof a, ev.after.w1, d);
        fmt_num(b, sizeof b, ev.after.w2, d);
        fmt_num(c, sizeof c, ev.after.b, d);
        int e = ev.t - ev.y;
        snprintf(line, sizeof line, "%5d   %d  %d %8s  %d  %d  %3s %9s %9s "
                 "%9s", ev.epoch, gates_x1(ev.row), gates_x2(ev.row), s,
                 ev.y, ev.t, e > 0 ? "+1" : e < 0 ? "-1" : "0", a, b, c);
        rgrid_print(g, x, row++, line, e ? RS_HIGHLIGHT : RS_NORMAL);
    }

    fmt_weights(ws, sizeof ws, &L->p, d);
    switch (L->status) {
    case GATES_LEARN_RUNNING:
        snprintf(line, sizeof line, "... (%ld samples shown; the run goes "
                 "on)", shown);
        rgrid_print(g, x, row++, line, RS_DIM);
        break;
    case GATES_LEARN_CONVERGED:
        snprintf(line, sizeof line, "converged: epoch %d made no mistake "
                 "(%ld updates in all)", L->epoch, L->updates);
        rgrid_print(g, x, row++, line, RS_GOOD);
        snprintf(line, sizeof line, "  %s computes %s", ws,
                 gates_function_name(L->target));
        rgrid_print(g, x, row++, line, RS_GOOD);
        break;
    case GATES_LEARN_CYCLING:
        snprintf(line, sizeof line, "cycling: epoch %d starts with the "
                 "weights epoch %d started with,", L->epoch,
                 L->cycle_start);
        rgrid_print(g, x, row++, line, RS_BAD);
        snprintf(line, sizeof line, "  %s; the rule is deterministic, so",
                 ws);
        rgrid_print(g, x, row++, line, RS_BAD);
        if (L->cycle_start == L->epoch - 1)
            snprintf(line, sizeof line, "  epoch %d would repeat for ever: "
                     "stopped after %ld updates.", L->cycle_start,
                     L->updates);
        else
            snprintf(line, sizeof line, "  epochs %d to %d would repeat for "
                     "ever: stopped after %ld updates.", L->cycle_start,
                     L->epoch - 1, L->updates);
        rgrid_print(g, x, row++, line, RS_BAD);
        break;
    case GATES_LEARN_EPOCH_LIMIT:
        snprintf(line, sizeof line, "stopped at the limit of %d epochs "
                 "without an epoch free of mistakes", L->max_epochs);
        rgrid_print(g, x, row++, line, RS_BAD);
        snprintf(line, sizeof line, "  (%ld updates); last %s", L->updates,
                 ws);
        rgrid_print(g, x, row++, line, RS_BAD);
        break;
    }
    if (L->status != GATES_LEARN_CONVERGED && L->status != GATES_LEARN_RUNNING
        && (L->target == 0x6 || L->target == 0x9)) {
        rgrid_print(g, x, row++, "  No line separates this gate's 1s from "
                    "its 0s, so no epoch can be free of", RS_NORMAL);
        rgrid_print(g, x, row++, "  mistakes: the rule never converges.",
                    RS_NORMAL);
    }
    return row - y;
}

/* The trained network as a classifier: output above 0.5 reads as 1. */
struct mlp_ctx {
    struct gates_mlp *m;
};

static int classify_mlp(const void *ctx, double x1, double x2)
{
    const struct mlp_ctx *c = ctx;
    double y;
    return gates_mlp_output(c->m, x1, x2, &y) == 0 && y > 0.5;
}

/* The next step to show after k: 1, 2, 5, 10, 20, 50, 100 ... */
static long next_checkpoint(long k)
{
    long p = 1;
    while (p * 10 <= k)
        p *= 10;
    if (k < p)
        return p;
    return k < 2 * p ? 2 * p : k < 5 * p ? 5 * p : 10 * p;
}

static int mlp_line(struct rgrid *g, int x, int row, struct gates_mlp *m)
{
    double loss, y[4];
    int rc = gates_mlp_eval(m, &loss, y);
    if (rc != 0)
        return rc;
    char line[128];
    snprintf(line, sizeof line, "%7ld  %10.6f  %8.4f %8.4f %8.4f %8.4f",
             m->steps, loss, y[0], y[1], y[2], y[3]);
    rgrid_print(g, x, row, line, RS_NORMAL);
    return 0;
}

int gates_draw_mlp(struct rgrid *g, int x, int y, struct gates_mlp *m,
                   long steps)
{
    char line[160];
    int row = y, rc;
    snprintf(line, sizeof line, "a 2-2-1 network of sigmoid units learns XOR "
             "by gradient descent, lr = %g", m->opt.cfg.lr);
    rgrid_print(g, x, row++, line, RS_TITLE);
    rgrid_print(g, x, row++, "loss E = 1/2 * sum over the four rows of "
                "(t - y)^2; gradients by backprop", RS_NORMAL);
    rgrid_print(g, x, row++, "   step           E    y(0,0)   y(0,1)   "
                "y(1,0)   y(1,1)", RS_TITLE);
    long end = m->steps + steps;
    if ((rc = mlp_line(g, x, row++, m)) != 0)
        return rc;
    while (m->steps < end) {
        long next = next_checkpoint(m->steps);
        if (next > end)
            next = end;
        if ((rc = gates_mlp_train(m, next - m->steps)) != 0 ||
            (rc = mlp_line(g, x, row++, m)) != 0)
            return rc;
    }
    double loss, out[4];
    if ((rc = gates_mlp_eval(m, &loss, out)) != 0)
        return rc;
    unsigned pattern = 0;
    for (int r = 0; r < 4; r++)
        pattern |= (unsigned)(out[r] > 0.5) << r;
    unsigned want = gates_gate_pattern(GATES_XOR);
    snprintf(line, sizeof line, "outputs read as classes (y > 0.5): "
             "%d %d %d %d, %s", pattern & 1, pattern >> 1 & 1,
             pattern >> 2 & 1, pattern >> 3 & 1,
             pattern == want ? "this is XOR" : "not XOR yet");
    rgrid_print(g, x, ++row, line, pattern == want ? RS_GOOD : RS_BAD);
    row += 2;
    struct mlp_ctx c = {m};
    struct gates_square sq = {classify_mlp, &c, NULL, want};
    row += gates_draw_square(g, x, row, &sq);
    return row - y;
}
