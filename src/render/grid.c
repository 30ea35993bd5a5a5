/*
 * The cell grid: allocation, putting characters and strings, word-wrapping
 * prose, and writing a grid out as plain UTF-8 text (the --batch output).
 *
 * Invariant kept by rgrid_put: a cell of width 2 is always followed by its
 * continuation cell (ch == 0, width 0) and a continuation cell always
 * follows a width-2 cell, so a grid never holds half a Hangul syllable.
 */
#include "render/grid.h"

#include <limits.h>
#include <stdlib.h>

static const struct rcell blank = {' ', 1, RS_NORMAL};

int rgrid_init(struct rgrid *g, int w, int h)
{
    g->w = w > 0 ? w : 0;
    g->h = h > 0 ? h : 0;
    g->cells = NULL;
    size_t n = (size_t)g->w * (size_t)g->h;
    if (n == 0)
        return 0;
    if (g->h != 0 && n / (size_t)g->h != (size_t)g->w)
        goto fail;
    g->cells = malloc(n * sizeof *g->cells);
    if (!g->cells)
        goto fail;
    rgrid_clear(g);
    return 0;
fail:
    g->w = g->h = 0;
    return -1;
}

void rgrid_fini(struct rgrid *g)
{
    free(g->cells);
    g->cells = NULL;
    g->w = g->h = 0;
}

void rgrid_clear(struct rgrid *g)
{
    size_t n = (size_t)g->w * (size_t)g->h;
    for (size_t i = 0; i < n; i++)
        g->cells[i] = blank;
}

struct rcell *rgrid_at(struct rgrid *g, int x, int y)
{
    if (x < 0 || y < 0 || x >= g->w || y >= g->h)
        return NULL;
    return &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
}

void rgrid_set_style(struct rgrid *g, int x, int y, int w, int h, int style)
{
    for (int r = y < 0 ? 0 : y; r < y + h && r < g->h; r++)
        for (int c = x < 0 ? 0 : x; c < x + w && c < g->w; c++)
            g->cells[(size_t)r * (size_t)g->w + (size_t)c].style =
                (uint8_t)style;
}

/* Before cell (x, y) is overwritten, blank the other half of a wide
 * character it belongs to, unless that half lies in [lo, hi) (about to be
 * overwritten too). */
static void unlink_wide(struct rgrid *g, int x, int y, int lo, int hi)
{
    struct rcell *c = rgrid_at(g, x, y);
    if (c->width == 0 && (x - 1 < lo || x - 1 >= hi) && x > 0)
        *rgrid_at(g, x - 1, y) = blank;
    else if (c->width == 2 && (x + 1 < lo || x + 1 >= hi) && x + 1 < g->w)
        *rgrid_at(g, x + 1, y) = blank;
}

int rgrid_put(struct rgrid *g, int x, int y, uint32_t ch, int style)
{
    int w = ucs_width(ch);
    if (w == 0)
        return 0;
    if (y < 0 || y >= g->h || x < 0 || x + w > g->w)
        return w;
    for (int i = 0; i < w; i++)
        unlink_wide(g, x + i, y, x, x + w);
    struct rcell *c = rgrid_at(g, x, y);
    c->ch = ch;
    c->width = (uint8_t)w;
    c->style = (uint8_t)style;
    if (w == 2) {
        c[1].ch = 0;
        c[1].width = 0;
        c[1].style = (uint8_t)style;
    }
    return w;
}

int rgrid_print(struct rgrid *g, int x, int y, const char *utf8, int style)
{
    return rgrid_print_n(g, x, y, INT_MAX, utf8, style);
}

int rgrid_print_n(struct rgrid *g, int x, int y, int max_w, const char *utf8,
                  int style)
{
    int used = 0;
    uint32_t ch;
    int n;
    while ((n = utf8_decode(utf8, &ch)) > 0) {
        if (ucs_width(ch) > max_w - used)
            break;
        used += rgrid_put(g, x + used, y, ch, style);
        utf8 += n;
    }
    return used;
}

/* The state of one rgrid_wrap call: where the next character goes. */
struct wrap {
    struct rgrid *g; /* NULL when only measuring */
    int x, y, width, max_lines, style;
    int line, col;
};

static void wrap_newline(struct wrap *w)
{
    w->line++;
    w->col = 0;
}

/* Place one character at the current column; the caller has checked that
 * it fits (or the line is empty, for a character wider than the box). */
static void wrap_char(struct wrap *w, uint32_t ch, int cw)
{
    if (w->g && w->line < w->max_lines && w->col + cw <= w->width)
        rgrid_put(w->g, w->x + w->col, w->y + w->line, ch, w->style);
    w->col += cw;
}

/* Place the n bytes of a word, breaking it between characters wherever
 * the line is full. */
static void wrap_word(struct wrap *w, const char *s, size_t n)
{
    const char *end = s + n;
    while (s < end) {
        uint32_t ch;
        int len = utf8_decode(s, &ch);
        int cw = ucs_width(ch);
        if (w->col > 0 && w->col + cw > w->width)
            wrap_newline(w);
        wrap_char(w, ch, cw);
        s += len;
    }
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

int rgrid_wrap(struct rgrid *g, int x, int y, int width, int max_lines,
               const char *utf8, int style)
{
    struct wrap w = {g, x, y, width, max_lines, style, 0, 0};
    const char *p = utf8;
    if (width <= 0 || *p == '\0')
        return 0;
    for (;;) {
        /* One paragraph: runs of blanks, each followed by a word. */
        while (*p && *p != '\n') {
            int nsp = 0;
            while (is_blank(*p)) {
                nsp++;
                p++;
            }
            if (*p == '\0' || *p == '\n')
                break; /* trailing blanks are not drawn */
            const char *word = p;
            int ww = 0;
            while (*p && *p != '\n' && !is_blank(*p)) {
                uint32_t ch;
                p += utf8_decode(p, &ch);
                ww += ucs_width(ch);
            }
            if (w.col + nsp + ww <= width) {
                /* Fits after its blanks (kept, also as an indent). */
                w.col += nsp;
            } else if (w.col > 0) {
                /* Move to a new line; the blanks at the break vanish. */
                wrap_newline(&w);
            }
            /* At the start of a paragraph an indent that does not fit
             * with its word is dropped: col is still 0 here. */
            wrap_word(&w, word, (size_t)(p - word));
        }
        if (*p == '\n' && p[1] != '\0') {
            p++;
            wrap_newline(&w);
            continue;
        }
        break;
    }
    return w.line + 1;
}

void rgrid_write(const struct rgrid *g, FILE *out)
{
    int last_row = -1;
    for (int r = 0; r < g->h; r++)
        for (int c = 0; c < g->w; c++)
            if (g->cells[(size_t)r * (size_t)g->w + (size_t)c].ch != ' ')
                last_row = r;
    for (int r = 0; r <= last_row; r++) {
        const struct rcell *row = &g->cells[(size_t)r * (size_t)g->w];
        int end = g->w;
        while (end > 0 && row[end - 1].ch == ' ')
            end--;
        for (int c = 0; c < end; c++) {
            char buf[4];
            if (row[c].width == 0)
                continue; /* right half of a wide character */
            fwrite(buf, 1, (size_t)utf8_encode(row[c].ch, buf), out);
        }
        fputc('\n', out);
    }
}
