/*
 * Drawing lesson 1 into a cell grid (see gates_draw.h). Lines are built as
 * plain strings and printed row by row; the styles mark what a step is
 * about (titles, the verdict, right and wrong rows) for the TUI's colours.
 */
#include "lesson/gates_draw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lesson/say.h"

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

/* A function's name in the learner's language: the names are gate names
 * and formulas of x1 and x2, read the same in both, except "always". */
static const char *fn_name(unsigned pattern, int ko)
{
    if (ko && (pattern & 15) == 0)
        return "항상 0";
    if (ko && (pattern & 15) == 15)
        return "항상 1";
    return gates_function_name(pattern);
}

static const char *rule_text(int ge, int ko)
{
    if (ko)
        return ge ? "s >= 0 이면 y = 1, 아니면 0"
                  : "s > 0 이면 y = 1, 아니면 0";
    return ge ? "y = 1 if s >= 0, else 0" : "y = 1 if s > 0, else 0";
}

int gates_draw_unit(struct rgrid *g, int x, int y,
                    const struct gates_perceptron *p, const char *lang)
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
    snprintf(line, sizeof line,
             " x2 ---%s---> s = w1*x1 + w2*x2 + b"
             " --> %s",
             lab[1], rule_text(p->ge, say_is_ko(lang)));
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
                     const struct gates_perceptron *p, int target,
                     const char *lang)
{
    int ko = say_is_ko(lang);
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
                     gates_x1(r), gates_x2(r), ew, expr[r], sw, sum[r], t.y[r]);
        int style = RS_NORMAL;
        if (target >= 0) {
            int ok = tr == t.y[r];
            snprintf(line + n, sizeof line - n, " | %*d  %s",
                     (int)strlen(gates_gate_name(target)) - 2 + 1, tr,
                     ok ? WORD(ko, "ok", "맞음") : WORD(ko, "wrong", "틀림"));
            style = ok ? RS_NORMAL : RS_BAD;
            right += ok;
            if (!ok) {
                size_t l = strlen(wrong);
                snprintf(wrong + l, sizeof wrong - l, " (%d,%d)", gates_x1(r),
                         gates_x2(r));
            }
        }
        rgrid_print(g, x, row++, line, style);
    }
    int named = gates_gate_of_pattern(t.pattern);
    if (named >= 0)
        SAY(line, ko, "verdict: this is %s", "판정: %s 게이트입니다",
            gates_gate_name(named));
    else
        SAY(line, ko, "verdict: matches no gate (the output is %s)",
            "판정: 어느 게이트와도 맞지 않습니다 (출력은 %s)",
            fn_name(t.pattern, ko));
    rgrid_print(g, x, ++row, line, named >= 0 ? RS_GOOD : RS_HIGHLIGHT);
    row++;
    if (target >= 0) {
        if (right == 4)
            SAY(line, ko, "target %s: all 4 rows right",
                "목표 %s: 네 줄 모두 맞습니다", gates_gate_name(target));
        else
            SAY(line, ko, "target %s: %d of 4 rows right, wrong at%s",
                "목표 %s: 네 줄 중 %d줄이 맞고, 틀린 입력은%s",
                gates_gate_name(target), right, wrong);
        rgrid_print(g, x, row++, line, right == 4 ? RS_GOOD : RS_BAD);
    }
    return row - y;
}

/*
 * The square's canvas: x1 from -0.25 to 1.25 across, x2 from 1.25 down to
 * -0.25. Terminal cells are about twice as tall as wide, so a unit takes
 * twice as many columns as rows and the square looks square. The corners
 * (0,0) .. (1,1) fall on cell centres: columns x0 and x0 + cx, rows y1 and
 * y1 + cy.
 */
struct sq_dims {
    int w, h;   /* canvas cells */
    int cx, cy; /* cells per unit across and down */
    int x0, y1; /* column of x1 = 0, row of x2 = 1 */
};

static const struct sq_dims sq_wide = {37, 19, 24, 12, 6, 3};
static const struct sq_dims sq_compact = {25, 13, 16, 8, 4, 2};

static double sq_x1(const struct sq_dims *d, int c)
{
    return (double)(c - d->x0) / d->cx;
}

static double sq_x2(const struct sq_dims *d, int r)
{
    return 1.0 - (double)(r - d->y1) / d->cy;
}

/* The glyph for a decision line w1·x1 + w2·x2 + b = 0 by its slope on
 * screen. Along the line x1 moves by w2 while x2 moves by -w1. */
static uint32_t line_glyph(const struct sq_dims *d,
                           const struct gates_perceptron *p)
{
    double across = fabs(p->w2) * d->cx, up = fabs(p->w1) * d->cy;
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
static void draw_line(struct rgrid *g, int cx, int cy, const struct sq_dims *d,
                      const struct gates_perceptron *p)
{
    uint32_t glyph = line_glyph(d, p);
    if (fabs(p->w2) * d->cx >= fabs(p->w1) * d->cy) {
        for (int c = 0; c < d->w; c++) {
            double x2 = -(p->w1 * sq_x1(d, c) + p->b) / p->w2;
            double r = floor(d->y1 + (1.0 - x2) * d->cy + 0.5 + 1e-9);
            if (r >= 0 && r < d->h)
                rgrid_put(g, cx + c, cy + (int)r, glyph, RS_HIGHLIGHT);
        }
    } else {
        for (int r = 0; r < d->h; r++) {
            double x1 = -(p->w2 * sq_x2(d, r) + p->b) / p->w1;
            double c = floor(d->x0 + x1 * d->cx + 0.5 + 1e-9);
            if (c >= 0 && c < d->w)
                rgrid_put(g, cx + (int)c, cy + r, glyph, RS_HIGHLIGHT);
        }
    }
}

int gates_draw_square(struct rgrid *g, int x, int y,
                      const struct gates_square *sq)
{
    const struct sq_dims *d = sq->compact ? &sq_compact : &sq_wide;
    int ko = say_is_ko(sq->lang);
    const int left = x + 5; /* the frame's left edge */
    char line[160];
    memset(line, '-', (size_t)d->w);
    line[d->w] = '\0';
    rgrid_print(g, x, y, "  x2", RS_AXIS);
    rgrid_put(g, left, y, '+', RS_AXIS);
    rgrid_print(g, left + 1, y, line, RS_AXIS);
    rgrid_put(g, left + d->w + 1, y, '+', RS_AXIS);
    rgrid_put(g, left, y + d->h + 1, '+', RS_AXIS);
    rgrid_print(g, left + 1, y + d->h + 1, line, RS_AXIS);
    rgrid_put(g, left + d->w + 1, y + d->h + 1, '+', RS_AXIS);

    for (int r = 0; r < d->h; r++) {
        int gy = y + 1 + r;
        rgrid_put(g, left, gy, '|', RS_AXIS);
        rgrid_put(g, left + d->w + 1, gy, '|', RS_AXIS);
        for (int c = 0; c < d->w; c++)
            if (sq->classify(sq->ctx, sq_x1(d, c), sq_x2(d, r)))
                rgrid_put(g, left + 1 + c, gy, '.', RS_SERIES1);
    }
    const struct gates_perceptron *lp = sq->line;
    int has_line =
        lp && (fabs(lp->w1) > GATES_ZERO_TOL || fabs(lp->w2) > GATES_ZERO_TOL);
    if (has_line)
        draw_line(g, left + 1, y + 1, d, lp);
    rgrid_print(g, x, y + 1 + d->y1, "   1", RS_AXIS);
    rgrid_print(g, x, y + 1 + d->y1 + d->cy, "   0", RS_AXIS);
    for (int k = 0; k < 4; k++) {
        int cls = (sq->classes >> k) & 1;
        int cx = left + 1 + d->x0 + d->cx * gates_x1(k);
        int cy = y + 1 + d->y1 + d->cy * (1 - gates_x2(k));
        char pt[4] = {'[', (char)('0' + cls), ']', '\0'};
        rgrid_print(g, cx - 1, cy, pt, RS_BOLD);
    }
    int by = y + d->h + 2;
    rgrid_put(g, left + 1 + d->x0, by, '0', RS_AXIS);
    rgrid_put(g, left + 1 + d->x0 + d->cx, by, '1', RS_AXIS);
    rgrid_print(g, left + d->w + 3, by, "x1", RS_AXIS);
    const char *line_word =
        has_line ? WORD(ko, ";  line s = 0", ";  직선 s = 0") : "";
    if (sq->compact) {
        rgrid_print(g, x, by + 1,
                    WORD(ko, "[1] [0] class of each corner",
                         "[1] [0] 꼭짓점마다 클래스"),
                    RS_DIM);
        SAY(line, ko, "'.' output 1%s", "'.' 출력 1%s", line_word);
        rgrid_print(g, x, by + 2, line, RS_DIM);
        return d->h + 5;
    }
    SAY(line, ko, "[1] [0] class of each corner;  '.' output 1%s",
        "[1] [0] 꼭짓점마다 클래스;  '.' 출력 1%s", line_word);
    rgrid_print(g, x, by + 1, line, RS_DIM);
    return d->h + 4;
}

static int classify_unit(const void *ctx, double x1, double x2)
{
    return gates_output(ctx, x1, x2);
}

int gates_draw_unit_square(struct rgrid *g, int x, int y,
                           const struct gates_perceptron *p, int target,
                           const char *lang)
{
    struct gates_table t;
    gates_table_compute(&t, p);
    struct gates_square sq = {
        classify_unit,
        p,
        p,
        target >= 0 ? gates_gate_pattern(target) : t.pattern,
        0,
        lang};
    return gates_draw_square(g, x, y, &sq);
}

int gates_draw_others(struct rgrid *g, int x, int y, int ge, const char *lang)
{
    int ko = say_is_ko(lang);
    char line[160];
    int row = y;
    SAY(line, ko, "other weights, and the gate each computes (rule s %s 0):",
        "다른 가중치와 각각이 계산하는 게이트 (규칙 s %s 0):", ge ? ">=" : ">");
    rgrid_print(g, x, row++, line, RS_TITLE);
    for (int gi = 0; gi < GATES_N_GATES; gi++) {
        struct gates_perceptron set[4];
        int n = gates_other_weights(gi, set, 4);
        for (int i = 0; i < n && i < 4; i++) {
            struct gates_table t;
            set[i].ge = ge;
            gates_table_compute(&t, &set[i]);
            int d = unit_decimals(&set[i]);
            char a[32], b[32], c[32];
            fmt_num(a, sizeof a, set[i].w1, d);
            fmt_num(b, sizeof b, set[i].w2, d);
            fmt_num(c, sizeof c, set[i].b, d);
            /* The name comes from the computed table, not from the list:
             * under ">= 0" some of these sets compute another gate. */
            snprintf(line, sizeof line,
                     "  %-4s  w1 = %4s, w2 = %4s, b = %4s"
                     "  ->  %s",
                     gates_gate_name(gi), a, b, c,
                     gates_function_name(t.pattern));
            int same = t.pattern == gates_gate_pattern(gi);
            rgrid_print(g, x, row++, line, same ? RS_NORMAL : RS_BAD);
        }
    }
    return row - y;
}

int gates_draw_search(struct rgrid *g, int x, int y,
                      const struct gates_search *s, const char *lang)
{
    int ko = say_is_ko(lang);
    char line[200], lim[16], eg[80];
    int row = y;
    fmt_num(lim, sizeof lim, s->lim_tenths / 10.0, 1);
    int per = 2 * s->lim_tenths + 1;
    SAY(line, ko,
        "search: w1, w2, b in -%s, -%.1f, ..., %s (%d values each), rule s %s "
        "0",
        "탐색: w1, w2, b 각각 -%s, -%.1f, ..., %s (%d개 값), 규칙 s %s 0", lim,
        s->lim_tenths / 10.0 - 0.1, lim, per, s->ge ? ">=" : ">");
    rgrid_print(g, x, row++, line, RS_TITLE);
    SAY(line, ko, "%ld weight sets tried (%d x %d x %d):",
        "가중치 조합 %ld개를 시험했습니다 (%d x %d x %d):", s->tried, per, per,
        per);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    long others = 0;
    for (unsigned pat = 0; pat < 16; pat++)
        if (gates_gate_of_pattern(pat) < 0)
            others += s->count[pat];
    for (int gi = 0; gi < GATES_N_GATES; gi++) {
        unsigned pat = gates_gate_pattern(gi);
        eg[0] = '\0';
        if (s->count[pat] > 0) {
            char a[16], b[16], c[16];
            fmt_num(a, sizeof a, s->first[pat].w1, 1);
            fmt_num(b, sizeof b, s->first[pat].w2, 1);
            fmt_num(c, sizeof c, s->first[pat].b, 1);
            SAY(eg, ko, "   e.g. w1 = %s, w2 = %s, b = %s",
                "   예: w1 = %s, w2 = %s, b = %s", a, b, c);
        }
        SAY(line, ko, "  %-5s %6ld sets%s", "  %-5s %6ld개%s",
            gates_gate_name(gi), s->count[pat], eg);
        rgrid_print(g, x, row++, line, s->count[pat] ? RS_NORMAL : RS_BAD);
    }
    SAY(line, ko, "  the 10 other functions of two inputs: %ld sets",
        "  나머지 10가지 두 입력 함수: %ld개", others);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    return row - y;
}

int gates_draw_xor_why(struct rgrid *g, int x, int y, int ge, const char *lang)
{
    int ko = say_is_ko(lang);
    char line[200];
    int row = y;
    /* The argument, for the rule in use: three rows of XOR's table force
     * the fourth row's output to the wrong value. */
    const char *gt = ge ? ">=" : ">", *le = ge ? "<" : "<=";
    rgrid_print(g, x, row++,
                WORD(ko, "why no weights compute XOR:",
                     "XOR을 계산하는 가중치가 없는 이유:"),
                RS_TITLE);
    SAY(line, ko, "  (0,0) -> 0 needs            b %s 0",
        "  (0,0) -> 0 이려면           b %s 0", le);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    SAY(line, ko, "  (0,1) -> 1 needs       w2 + b %s 0",
        "  (0,1) -> 1 이려면      w2 + b %s 0", gt);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    SAY(line, ko, "  (1,0) -> 1 needs       w1 + b %s 0",
        "  (1,0) -> 1 이려면      w1 + b %s 0", gt);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    SAY(line, ko,
        "  adding the last two: w1 + w2 + 2b %s 0, so w1 + w2 + b %s -b %s 0",
        "  뒤의 두 식을 더하면 w1 + w2 + 2b %s 0, 곧 w1 + w2 + b %s -b %s 0",
        gt, gt, ge ? ">" : ">=");
    rgrid_print(g, x, row++, line, RS_NORMAL);
    if (ko) {
        rgrid_print(g, x, row++,
                    "  그러면 (1,1)의 출력은 1인데 XOR은 0이어야 합니다:",
                    RS_HIGHLIGHT);
        rgrid_print(g, x, row++, "  네 줄을 한꺼번에 만족할 수 없습니다.",
                    RS_HIGHLIGHT);
    } else {
        rgrid_print(g, x, row++,
                    "  so (1,1) gives 1, but XOR needs 0: the four rows "
                    "cannot all hold.",
                    RS_HIGHLIGHT);
    }
    /* The same fact seen on the square. */
    static const char *const square_en[] = {
        "  On the square: each side of a line is a half-plane, and a "
        "half-plane that",
        "  holds two points holds the segment between them. XOR's 1s and "
        "its 0s are",
        "  the two diagonals of the square, which cross at (0.5,0.5): that "
        "point",
        "  would have to lie on both sides of the line at once.",
    };
    static const char *const square_ko[] = {
        "  정사각형에서 보면: 직선의 한쪽은 반평면이고, 반평면은 두 점을",
        "  담으면 그 사이의 선분도 담습니다. XOR의 1인 두 점과 0인 두 점은",
        "  정사각형의 두 대각선이고, 두 대각선은 (0.5,0.5)에서 만납니다.",
        "  그 점이 직선의 양쪽에 동시에 있어야 하니 불가능합니다.",
    };
    for (int i = 0; i < 4; i++)
        rgrid_print(g, x, row++, ko ? square_ko[i] : square_en[i], RS_NORMAL);
    return row - y;
}

int gates_draw_xor_net(struct rgrid *g, int x, int y, int ge, const char *lang)
{
    int ko = say_is_ko(lang);
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
    rgrid_print(g, x + 8, row, WORD(ko, "hidden layer", "은닉층"), RS_TITLE);
    rgrid_print(g, x + 39, row++, WORD(ko, "output layer", "출력층"), RS_TITLE);
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
    rgrid_print(g, x, row++,
                WORD(ko, " [gate w1 w2 b]; each unit: s = w1*in1 + w2*in2 + b,",
                     " [게이트 w1 w2 b]; 각 유닛: s = w1*in1 + w2*in2 + b,"),
                RS_DIM);
    snprintf(line, sizeof line, " %s", rule_text(ge, ko));
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
                 t[r].x1, t[r].x2, a, t[r].h1, b, t[r].h2, t[r].h1, t[r].h2, c,
                 t[r].y, want);
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
                     long max_events, const char *lang)
{
    int ko = say_is_ko(lang);
    /* Every weight is the start plus whole multiples of η, so these
     * decimals print each one exactly. */
    int d =
        gates_decimals((const double[]){L->p.w1, L->p.w2, L->p.b, L->eta}, 4);
    if (d < 1)
        d = 1;
    char line[200], ws[120], eta[32];
    int row = y;
    fmt_num(eta, sizeof eta, L->eta, d);
    const char *tname = fn_name(L->target, ko);
    SAY(line, ko,
        "learning %s: w <- w + eta*(t - y)*x with eta = %s, bias input 1, "
        "rule s %s 0",
        "%s 학습: w <- w + eta*(t - y)*x, eta = %s, 편향 입력 1, 규칙 s %s 0",
        tname, eta, L->p.ge ? ">=" : ">");
    rgrid_print(g, x, row++, line, RS_TITLE);
    fmt_weights(ws, sizeof ws, &L->p, d);
    SAY(line, ko, "start: %s", "시작: %s", ws);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    rgrid_print(g, x, row++,
                "epoch  x1 x2        s  y  t  t-y        w1        w2"
                "         b",
                RS_TITLE);

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
        snprintf(line, sizeof line,
                 "%5d   %d  %d %8s  %d  %d  %3s %9s %9s "
                 "%9s",
                 ev.epoch, gates_x1(ev.row), gates_x2(ev.row), s, ev.y, ev.t,
                 e > 0   ? "+1"
                 : e < 0 ? "-1"
                         : "0",
                 a, b, c);
        rgrid_print(g, x, row++, line, e ? RS_HIGHLIGHT : RS_NORMAL);
    }

    fmt_weights(ws, sizeof ws, &L->p, d);
    switch (L->status) {
    case GATES_LEARN_RUNNING:
        SAY(line, ko, "... (%ld samples shown; the run goes on)",
            "... (표본 %ld개까지 표시; 학습은 계속됩니다)", shown);
        rgrid_print(g, x, row++, line, RS_DIM);
        break;
    case GATES_LEARN_CONVERGED:
        SAY(line, ko,
            "converged: epoch %d made no mistake (%ld updates in all)",
            "수렴: %d번째 에포크에 실수가 없습니다 (모두 %ld번 갱신)", L->epoch,
            L->updates);
        rgrid_print(g, x, row++, line, RS_GOOD);
        SAY(line, ko, "  %s computes %s", "  %s: 출력 = %s", ws,
            fn_name(L->target, ko));
        rgrid_print(g, x, row++, line, RS_GOOD);
        break;
    case GATES_LEARN_CYCLING:
        SAY(line, ko,
            "cycling: epoch %d starts with the weights epoch %d started with,",
            "순환: %d번째 에포크가 %d번째 에포크와 같은 가중치로 시작합니다,",
            L->epoch, L->cycle_start);
        rgrid_print(g, x, row++, line, RS_BAD);
        SAY(line, ko, "  %s; the rule is deterministic, so",
            "  %s; 규칙은 결정적이므로", ws);
        rgrid_print(g, x, row++, line, RS_BAD);
        if (L->cycle_start == L->epoch - 1)
            SAY(line, ko,
                "  epoch %d would repeat for ever: stopped after %ld updates.",
                "  %d번째 에포크가 끝없이 되풀이됩니다: %ld번 갱신 후 멈춤.",
                L->cycle_start, L->updates);
        else
            SAY(line, ko,
                "  epochs %d to %d would repeat for ever: stopped after %ld "
                "updates.",
                "  %d~%d번째 에포크가 끝없이 되풀이됩니다: %ld번 갱신 후 멈춤.",
                L->cycle_start, L->epoch - 1, L->updates);
        rgrid_print(g, x, row++, line, RS_BAD);
        break;
    case GATES_LEARN_EPOCH_LIMIT:
        SAY(line, ko,
            "stopped at the limit of %d epochs without an epoch free of "
            "mistakes",
            "에포크 한도 %d에서 멈춤: 실수 없는 에포크가 없었습니다",
            L->max_epochs);
        rgrid_print(g, x, row++, line, RS_BAD);
        SAY(line, ko, "  (%ld updates); last %s", "  (갱신 %ld번); 마지막 %s",
            L->updates, ws);
        rgrid_print(g, x, row++, line, RS_BAD);
        break;
    }
    if (L->status != GATES_LEARN_CONVERGED &&
        L->status != GATES_LEARN_RUNNING &&
        (L->target == 0x6 || L->target == 0x9)) {
        rgrid_print(g, x, row++,
                    WORD(ko,
                         "  No line separates this gate's 1s from its 0s, "
                         "so no epoch can be free of",
                         "  이 게이트의 1과 0을 가르는 직선이 없으므로 "
                         "실수 없는 에포크는"),
                    RS_NORMAL);
        rgrid_print(g, x, row++,
                    WORD(ko, "  mistakes: the rule never converges.",
                         "  나올 수 없습니다: 규칙은 결코 수렴하지 않습니다."),
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
                   long steps, const char *lang)
{
    int ko = say_is_ko(lang);
    char line[200];
    int row = y, rc;
    SAY(line, ko,
        "a 2-2-1 network of sigmoid units learns XOR by gradient descent, "
        "lr = %g",
        "시그모이드 유닛의 2-2-1 신경망이 경사 하강법으로 XOR을 학습, lr = %g",
        m->opt.cfg.lr);
    rgrid_print(g, x, row++, line, RS_TITLE);
    rgrid_print(g, x, row++,
                WORD(ko,
                     "loss E = 1/2 * sum over the four rows of (t - y)^2; "
                     "gradients by backprop",
                     "손실 E = 1/2 * 네 줄의 (t - y)^2 합; 기울기는 역전파로"),
                RS_NORMAL);
    rgrid_print(g, x, row++,
                "   step           E    y(0,0)   y(0,1)   "
                "y(1,0)   y(1,1)",
                RS_TITLE);
    long end = m->steps + steps;
    if ((rc = mlp_line(g, x, row++, m)) != 0)
        return rc;
    while (m->steps < end) {
        long next = gates_mlp_next_checkpoint(m->steps);
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
    const char *verdict =
        pattern == want ? WORD(ko, "this is XOR", "XOR입니다")
                        : WORD(ko, "not XOR: stuck in a local minimum?",
                               "XOR이 아닙니다: 지역 최솟값에 갇혔을까요?");
    SAY(line, ko, "outputs read as classes (y > 0.5): %d %d %d %d",
        "출력을 클래스로 읽으면 (y > 0.5): %d %d %d %d", pattern & 1,
        pattern >> 1 & 1, pattern >> 2 & 1, pattern >> 3 & 1);
    int style = pattern == want ? RS_GOOD : RS_BAD;
    rgrid_print(g, x, ++row, line, style);
    rgrid_print(g, x, ++row, verdict, style);
    row += 2;
    struct mlp_ctx c = {m};
    struct gates_square sq = {classify_mlp, &c, NULL, want, 0, lang};
    row += gates_draw_square(g, x, row, &sq);
    return row - y;
}

/* The verdict in lines of at most 34 columns, for the side-by-side view. */
static int draw_verdict_narrow(struct rgrid *g, int x, int y,
                               const struct gates_table *t, int target, int ko)
{
    char line[96];
    int row = y;
    int named = gates_gate_of_pattern(t->pattern);
    if (named >= 0) {
        SAY(line, ko, "this is %s", "%s 게이트입니다", gates_gate_name(named));
        rgrid_print(g, x, row++, line, RS_GOOD);
    } else {
        rgrid_print(g, x, row++,
                    WORD(ko, "matches no gate: the output",
                         "어느 게이트와도 맞지 않음:"),
                    RS_HIGHLIGHT);
        SAY(line, ko, "is %s", "출력은 %s", fn_name(t->pattern, ko));
        rgrid_print(g, x, row++, line, RS_HIGHLIGHT);
    }
    if (target < 0)
        return row - y;
    unsigned want = gates_gate_pattern(target);
    int right = 0;
    char wrong[64] = "";
    for (int r = 0; r < 4; r++) {
        if (((want >> r) & 1) == (unsigned)t->y[r]) {
            right++;
            continue;
        }
        size_t l = strlen(wrong);
        snprintf(wrong + l, sizeof wrong - l, " (%d,%d)", gates_x1(r),
                 gates_x2(r));
    }
    if (right == 4) {
        SAY(line, ko, "%s: all 4 rows right", "%s: 네 줄 모두 맞음",
            gates_gate_name(target));
        rgrid_print(g, x, row++, line, RS_GOOD);
    } else {
        SAY(line, ko, "%s: %d of 4 rows right,", "%s: 네 줄 중 %d줄 맞음,",
            gates_gate_name(target), right);
        rgrid_print(g, x, row++, line, RS_BAD);
        SAY(line, ko, "wrong at%s", "틀린 입력:%s", wrong);
        rgrid_print(g, x, row++, line, RS_BAD);
    }
    return row - y;
}

int gates_draw_side(struct rgrid *g, int x, int y,
                    const struct gates_perceptron *p, int target,
                    const char *lang)
{
    int d = unit_decimals(p);
    struct gates_table t;
    gates_table_compute(&t, p);
    char sum[4][32], line[160];
    int sw = 1;
    for (int r = 0; r < 4; r++) {
        fmt_num(sum[r], sizeof sum[r], t.sum[r], d);
        if ((int)strlen(sum[r]) > sw)
            sw = (int)strlen(sum[r]);
    }
    unsigned want = target >= 0 ? gates_gate_pattern(target) : 0;
    int row = y;
    int n = snprintf(line, sizeof line, " x1 x2 | %*s | y", sw, "s");
    if (target >= 0)
        snprintf(line + n, sizeof line - (size_t)n, " | %s",
                 gates_gate_name(target));
    rgrid_print(g, x, row++, line, RS_TITLE);
    for (int r = 0; r < 4; r++) {
        n = snprintf(line, sizeof line, "  %d  %d | %*s | %d", gates_x1(r),
                     gates_x2(r), sw, sum[r], t.y[r]);
        int ok = ((want >> r) & 1) == (unsigned)t.y[r];
        if (target >= 0)
            snprintf(line + n, sizeof line - (size_t)n, " | %*d %s",
                     (int)strlen(gates_gate_name(target)),
                     (int)((want >> r) & 1), ok ? "" : "<-");
        rgrid_print(g, x, row++, line, target >= 0 && !ok ? RS_BAD : RS_NORMAL);
    }
    row++;
    row += draw_verdict_narrow(g, x, row, &t, target, say_is_ko(lang));

    struct gates_square sq = {
        classify_unit,
        p,
        p,
        target >= 0 ? gates_gate_pattern(target) : t.pattern,
        1,
        lang};
    int sq_rows = gates_draw_square(g, x + 38, y, &sq);
    return sq_rows > row - y ? sq_rows : row - y;
}

int gates_draw_learn_event(struct rgrid *g, int x, int y,
                           const struct gates_learn *L,
                           const struct gates_learn_event *ev, const char *lang)
{
    int ko = say_is_ko(lang);
    const struct gates_perceptron *a = &ev->before, *b = &ev->after;
    int d = gates_decimals((const double[]){a->w1, a->w2, a->b, b->w1, b->w2,
                                            b->b, L->eta, ev->sum},
                           8);
    if (d < 1)
        d = 1;
    char line[160], s[32], eta[32], v0[32], v1[32];
    int row = y, e = ev->t - ev->y;
    int x1 = gates_x1(ev->row), x2 = gates_x2(ev->row);
    fmt_num(s, sizeof s, ev->sum, d);
    fmt_num(eta, sizeof eta, L->eta, d);
    SAY(line, ko, "epoch %d, input (%d,%d): s = %s",
        "%d번째 에포크, 입력 (%d,%d): s = %s", ev->epoch, x1, x2, s);
    rgrid_print(g, x, row++, line, RS_TITLE);
    SAY(line, ko, "y = %d, t = %d, so t - y = %d", "y = %d, t = %d, t - y = %d",
        ev->y, ev->t, e);
    rgrid_print(g, x, row++, line, e ? RS_HIGHLIGHT : RS_GOOD);
    if (e == 0) {
        rgrid_print(g, x, row++,
                    WORD(ko, "right: the weights stay", "맞음: 가중치 그대로"),
                    RS_NORMAL);
    } else {
        /* w <- w + eta*(t - y)*x, the bias's input being 1. */
        const double before[3] = {a->w1, a->w2, a->b};
        const double after[3] = {b->w1, b->w2, b->b};
        const int in[3] = {x1, x2, 1};
        static const char *const name[3] = {"w1", "w2", "b "};
        for (int i = 0; i < 3; i++) {
            fmt_num(v0, sizeof v0, before[i], d);
            fmt_num(v1, sizeof v1, after[i], d);
            char xin[8] = "  ";
            if (i < 2)
                snprintf(xin, sizeof xin, "*%d", in[i]);
            snprintf(line, sizeof line, "%s <- %s + %s*(%d)%s = %s", name[i],
                     v0, eta, e, xin, v1);
            rgrid_print(g, x, row++, line, RS_NORMAL);
        }
    }
    switch (L->status) {
    case GATES_LEARN_RUNNING:
        SAY(line, ko, "%ld updates so far", "지금까지 %ld번 갱신", L->updates);
        rgrid_print(g, x, row++, line, RS_DIM);
        break;
    case GATES_LEARN_CONVERGED:
        SAY(line, ko, "converged: epoch %d had no mistake",
            "수렴: %d번째 에포크에 실수 없음", L->epoch);
        rgrid_print(g, x, row++, line, RS_GOOD);
        break;
    case GATES_LEARN_CYCLING:
        SAY(line, ko, "cycling: epoch %d repeats epoch %d",
            "순환: %d번째 에포크가 %d번째를 반복", L->epoch, L->cycle_start);
        rgrid_print(g, x, row++, line, RS_BAD);
        rgrid_print(g, x, row++,
                    WORD(ko, "for ever: no line fits the target",
                         "끝없이: 목표에 맞는 직선이 없음"),
                    RS_BAD);
        break;
    case GATES_LEARN_EPOCH_LIMIT:
        SAY(line, ko, "stopped: %d epochs, none perfect",
            "멈춤: %d 에포크, 완벽한 에포크 없음", L->max_epochs);
        rgrid_print(g, x, row++, line, RS_BAD);
        break;
    }
    return row - y;
}

int gates_draw_search_try(struct rgrid *g, int x, int y,
                          const struct gates_search *s, int target,
                          const char *lang)
{
    int ko = say_is_ko(lang);
    char line[160], lim[16];
    int row = y;
    unsigned want = gates_gate_pattern(target);
    fmt_num(lim, sizeof lim, s->lim_tenths / 10.0, 1);
    SAY(line, ko, "%ld weight sets tried, each of", "가중치 %ld쌍을 시험,",
        s->tried);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    SAY(line, ko, "w1, w2, b from -%s to %s by 0.1:",
        "w1, w2, b 각각 -%s~%s, 0.1 간격:", lim, lim);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    if (s->count[want] > 0) {
        SAY(line, ko, "%ld compute %s; the first is placed",
            "%ld쌍이 %s를 계산합니다;", s->count[want],
            gates_gate_name(target));
        rgrid_print(g, x, row++, line, RS_GOOD);
        if (ko)
            rgrid_print(g, x, row++, "첫 번째 직선을 놓았습니다", RS_GOOD);
        return row - y;
    }
    SAY(line, ko, "none computes %s.", "%s를 계산하는 쌍은 없습니다.",
        gates_gate_name(target));
    rgrid_print(g, x, row++, line, RS_BAD);
    SAY(line, ko, "The best get %d of 4 rows right.",
        "가장 좋은 쌍도 %d줄만 맞습니다.", gates_search_closest(s, want, NULL));
    rgrid_print(g, x, row++, line, RS_BAD);
    return row - y;
}

int gates_draw_mlp_side(struct rgrid *g, int x, int y, struct gates_mlp *m,
                        const long *steps, const double *loss, int n,
                        const char *lang)
{
    int ko = say_is_ko(lang);
    char line[160];
    int row = y, rc;
    double e, out[4];
    if ((rc = gates_mlp_eval(m, &e, out)) != 0)
        return rc;
    SAY(line, ko, "2-2-1 sigmoid MLP on XOR, lr = %g",
        "2-2-1 시그모이드 MLP, XOR, lr = %g", m->opt.cfg.lr);
    rgrid_print(g, x, row++, line, RS_TITLE);
    rgrid_print(g, x, row++, "   step           E", RS_TITLE);
    /* The latest checkpoints that fit above the four lines below. */
    int fit = 18 - 2 - 5;
    for (int i = n > fit ? n - fit : 0; i < n; i++) {
        snprintf(line, sizeof line, "%7ld  %10.6f", steps[i], loss[i]);
        rgrid_print(g, x, row++, line, RS_NORMAL);
    }
    row++;
    rgrid_print(g, x, row++, "y(0,0)  y(0,1)  y(1,0)  y(1,1)", RS_TITLE);
    snprintf(line, sizeof line, "%6.4f  %6.4f  %6.4f  %6.4f", out[0], out[1],
             out[2], out[3]);
    rgrid_print(g, x, row++, line, RS_NORMAL);
    unsigned pattern = 0;
    for (int r = 0; r < 4; r++)
        pattern |= (unsigned)(out[r] > 0.5) << r;
    int good = pattern == gates_gate_pattern(GATES_XOR);
    SAY(line, ko, "as classes %d %d %d %d: %s", "클래스 %d %d %d %d: %s",
        pattern & 1, pattern >> 1 & 1, pattern >> 2 & 1, pattern >> 3 & 1,
        good ? WORD(ko, "XOR", "XOR입니다") : WORD(ko, "not XOR", "XOR 아님"));
    rgrid_print(g, x, row++, line, good ? RS_GOOD : RS_BAD);

    struct mlp_ctx c = {m};
    struct gates_square sq = {
        classify_mlp, &c, NULL, gates_gate_pattern(GATES_XOR), 1, lang};
    int sq_rows = gates_draw_square(g, x + 38, y, &sq);
    return sq_rows > row - y ? sq_rows : row - y;
}
