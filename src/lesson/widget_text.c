/*
 * The text widgets: a small literal table and a preformatted block (see
 * widget_text.h). Both check everything at parse time, so drawing cannot
 * fail on a lesson that loaded.
 */
#include "lesson/widget_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/grid.h"

#define TABLE_MAX_ROWS 40
#define TABLE_MAX_COLS 10
#define CELL_MAX_BYTES 160
#define FORMULA_MAX_LINES 40
#define INDENT_TABLE 2
#define INDENT_FORMULA 4

/* A cell as a NUL-terminated copy, so the grid functions can take it. */
struct cell {
    char text[CELL_MAX_BYTES + 1];
    int width; /* display columns */
};

struct table {
    int rows, cols;
    struct cell cell[TABLE_MAX_ROWS][TABLE_MAX_COLS];
    int width[TABLE_MAX_COLS];  /* widest cell of each column */
    char align[TABLE_MAX_COLS]; /* 'l', 'r' or 'c' */
    int header;
};

static void say(char *msg, size_t len, const char *text)
{
    snprintf(msg, len, "%s", text);
}

/* A rule row in Markdown style ("---|:--:") only separates the header; we
 * draw our own. */
static int is_rule_row(const char *s, size_t n)
{
    int dash = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '-')
            dash = 1;
        else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' && s[i] != '+')
            return 0;
    }
    return dash;
}

static int is_number(const char *s)
{
    char *end;
    if (!*s)
        return 0;
    (void)strtod(s, &end);
    return *end == '\0';
}

/* Split one row "a | b | c" (outer bars optional) into cells. */
static int split_row(struct table *t, const char *s, size_t n, char *msg,
                     size_t len)
{
    while (n > 0 && *s == ' ')
        s++, n--;
    while (n > 0 && s[n - 1] == ' ')
        n--;
    if (n > 0 && s[0] == '|')
        s++, n--;
    if (n > 0 && s[n - 1] == '|')
        n--;
    if (t->rows >= TABLE_MAX_ROWS) {
        snprintf(msg, len, "more than %d rows", TABLE_MAX_ROWS);
        return -1;
    }
    int c = 0;
    size_t i = 0;
    while (1) {
        size_t j = i;
        while (j < n && s[j] != '|')
            j++;
        if (c >= TABLE_MAX_COLS) {
            snprintf(msg, len, "row %d has more than %d cells", t->rows + 1,
                     TABLE_MAX_COLS);
            return -1;
        }
        const char *a = s + i;
        const char *b = s + j;
        while (a < b && *a == ' ')
            a++;
        while (b > a && b[-1] == ' ')
            b--;
        if ((size_t)(b - a) > CELL_MAX_BYTES) {
            snprintf(msg, len, "row %d, cell %d is longer than %d bytes",
                     t->rows + 1, c + 1, CELL_MAX_BYTES);
            return -1;
        }
        struct cell *ce = &t->cell[t->rows][c];
        memcpy(ce->text, a, (size_t)(b - a));
        ce->text[b - a] = '\0';
        ce->width = utf8_width(ce->text);
        c++;
        if (j >= n)
            break;
        i = j + 1;
    }
    if (t->rows == 0)
        t->cols = c;
    else if (c != t->cols) {
        snprintf(msg, len, "row %d has %d cells, the first row has %d",
                 t->rows + 1, c, t->cols);
        return -1;
    }
    t->rows++;
    return 0;
}

/* Parse and measure a table from the widget's parameters. */
static int table_build(const struct lesson_widget *w, struct table *t,
                       char *msg, size_t len)
{
    memset(t, 0, sizeof *t);
    const char *body = lesson_widget_param(w, "body");
    if (!body) {
        say(msg, len, "a table needs its rows below the directive");
        return -1;
    }
    for (const char *s = body; *s;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        size_t k = 0;
        while (k < n && s[k] == ' ')
            k++;
        if (k < n && !is_rule_row(s, n) && split_row(t, s, n, msg, len))
            return -1;
        s += n + (nl ? 1 : 0);
    }
    if (t->rows == 0) {
        say(msg, len, "a table needs at least one row before @end");
        return -1;
    }
    const char *h = lesson_widget_param(w, "header");
    if (!h || strcmp(h, "yes") == 0)
        t->header = 1;
    else if (strcmp(h, "no") == 0)
        t->header = 0;
    else {
        snprintf(msg, len, "header must be yes or no, not '%s'", h);
        return -1;
    }
    const char *al = lesson_widget_param(w, "align");
    if (al && (int)strlen(al) != t->cols) {
        snprintf(msg, len,
                 "align needs one letter (l, c or r) per column: %d, "
                 "found '%s'",
                 t->cols, al);
        return -1;
    }
    int total = INDENT_TABLE + 3 * (t->cols - 1);
    for (int c = 0; c < t->cols; c++) {
        int numeric = 1;
        for (int r = 0; r < t->rows; r++) {
            if (t->cell[r][c].width > t->width[c])
                t->width[c] = t->cell[r][c].width;
            if ((r > 0 || !t->header) && t->cell[r][c].text[0] &&
                !is_number(t->cell[r][c].text))
                numeric = 0;
        }
        total += t->width[c];
        /* Numbers line up on the right, words on the left. */
        t->align[c] = numeric && t->rows > t->header ? 'r' : 'l';
        if (al) {
            if (al[c] != 'l' && al[c] != 'r' && al[c] != 'c') {
                snprintf(msg, len,
                         "align letters are l, c or r, found '%c' in '%s'",
                         al[c], al);
                return -1;
            }
            t->align[c] = al[c];
        }
    }
    if (total > WIDGET_TEXT_MAX_WIDTH) {
        snprintf(msg, len, "the table is %d columns wide; the limit is %d",
                 total, WIDGET_TEXT_MAX_WIDTH);
        return -1;
    }
    return 0;
}

static int table_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct table *t = malloc(sizeof *t);
    if (!t) {
        say(msg, len, "out of memory");
        return -1;
    }
    int rc = table_build(w, t, msg, len);
    free(t);
    return rc;
}

/*
 * Layout, with Unicode glyphs and with the narrow or ASCII set:
 *
 *     x1 │ x2 │ AND        x1 | x2 | AND
 *    ────┼────┼────       ----+----+----
 *      0 │  0 │   0         0 |  0 |   0
 */
static int table_render(const struct lesson_widget *w,
                        const struct widget_ctx *ctx, struct rgrid *g,
                        char *msg, size_t len)
{
    struct table *t = malloc(sizeof *t);
    if (!t) {
        say(msg, len, "out of memory");
        return -1;
    }
    if (table_build(w, t, msg, len) != 0) {
        free(t);
        return -1;
    }
    uint32_t bar = ctx->glyphs->v;
    uint32_t rule = ctx->glyphs->h;
    uint32_t cross = ctx->glyphs->cross;
    int y = 0;
    for (int r = 0; r < t->rows; r++) {
        int head = t->header && r == 0;
        int x = INDENT_TABLE;
        for (int c = 0; c < t->cols; c++) {
            const struct cell *ce = &t->cell[r][c];
            int pad = t->width[c] - ce->width;
            int left = t->align[c] == 'r'   ? pad
                       : t->align[c] == 'c' ? pad / 2
                                            : 0;
            rgrid_print(g, x + left, y, ce->text, head ? RS_BOLD : RS_NORMAL);
            x += t->width[c];
            if (c + 1 < t->cols) {
                rgrid_put(g, x + 1, y, bar, RS_AXIS);
                x += 3;
            }
        }
        y++;
        if (head && t->rows > 1) {
            /* Under each cell: the blank before it, the cell, and the
             * blank before the next bar; a cross where the bar is. */
            x = INDENT_TABLE - 1;
            for (int c = 0; c < t->cols; c++) {
                int n = t->width[c] + 1 + (c + 1 < t->cols);
                for (int i = 0; i < n; i++)
                    rgrid_put(g, x++, y, rule, RS_AXIS);
                if (c + 1 < t->cols)
                    rgrid_put(g, x++, y, cross, RS_AXIS);
            }
            y++;
        }
    }
    free(t);
    return y;
}

static const char *const table_params[] = {"body", "header", "align", NULL};

const struct widget_kind widget_table = {
    .name = "table",
    .params = table_params,
    .check = table_check,
    .render = table_render,
};

/* Walk the lines of a formula body; `fn` sees each as a NUL-terminated
 * copy. Returns the number of lines, or -1 when fn refuses one. */
static int formula_lines(const char *body,
                         int (*fn)(const char *line, int i, void *arg),
                         void *arg)
{
    char line[512];
    int i = 0;
    for (const char *s = body; *s || i == 0;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (n >= sizeof line)
            n = sizeof line - 1; /* refused by the check below */
        memcpy(line, s, n);
        line[n] = '\0';
        if (fn(line, i, arg) != 0)
            return -1;
        i++;
        s += (nl ? (size_t)(nl - s) + 1 : strlen(s));
        if (!nl)
            break;
    }
    return i;
}

struct formula_check {
    char *msg;
    size_t len;
    int nonblank;
};

static int formula_check_line(const char *line, int i, void *arg)
{
    struct formula_check *fc = arg;
    int w = INDENT_FORMULA + utf8_width(line);
    if (strlen(line) >= 511 || w > WIDGET_TEXT_MAX_WIDTH) {
        snprintf(fc->msg, fc->len,
                 "line %d of the formula is %d columns wide with its "
                 "indent; the limit is %d",
                 i + 1, w, WIDGET_TEXT_MAX_WIDTH);
        return -1;
    }
    if (i >= FORMULA_MAX_LINES) {
        snprintf(fc->msg, fc->len, "more than %d lines", FORMULA_MAX_LINES);
        return -1;
    }
    if (line[strspn(line, " ")])
        fc->nonblank = 1;
    return 0;
}

static int formula_check(const struct lesson_widget *w, char *msg, size_t len)
{
    const char *body = lesson_widget_param(w, "body");
    struct formula_check fc = {msg, len, 0};
    if (!body) {
        say(msg, len, "a formula needs its lines below the directive");
        return -1;
    }
    if (formula_lines(body, formula_check_line, &fc) < 0)
        return -1;
    if (!fc.nonblank) {
        say(msg, len, "a formula needs at least one line before @end");
        return -1;
    }
    return 0;
}

struct formula_draw {
    struct rgrid *g;
    int rows; /* up to the last line that is not blank */
};

static int formula_draw_line(const char *line, int i, void *arg)
{
    struct formula_draw *fd = arg;
    rgrid_print(fd->g, INDENT_FORMULA, i, line, RS_ACCENT);
    if (line[strspn(line, " ")])
        fd->rows = i + 1;
    return 0;
}

static int formula_render(const struct lesson_widget *w,
                          const struct widget_ctx *ctx, struct rgrid *g,
                          char *msg, size_t len)
{
    (void)ctx; /* the lesson's own characters, whatever the glyph set */
    if (formula_check(w, msg, len) != 0)
        return -1;
    struct formula_draw fd = {g, 0};
    formula_lines(lesson_widget_param(w, "body"), formula_draw_line, &fd);
    return fd.rows;
}

static const char *const formula_params[] = {"body", NULL};

const struct widget_kind widget_formula = {
    .name = "formula",
    .params = formula_params,
    .check = formula_check,
    .render = formula_render,
};
