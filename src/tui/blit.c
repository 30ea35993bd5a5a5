/* The grid-to-screen copy and the style palette (see blit.h). */
#include "tui/blit.h"

#include <wchar.h>

static attr_t curses_attrs(unsigned a)
{
    attr_t r = A_NORMAL;
    if (a & TA_BOLD)
        r |= A_BOLD;
    if (a & TA_DIM)
        r |= A_DIM;
    if (a & TA_REVERSE)
        r |= A_REVERSE;
    if (a & TA_UNDERLINE)
        r |= A_UNDERLINE;
    return r;
}

void blit_palette_init(struct blit_palette *p, const struct theme *t, int level)
{
    const struct theme_style *normal = &t->s[RS_NORMAL];
    for (int i = 0; i < RS_COUNT; i++) {
        const struct theme_style *s = &t->s[i];
        p->pair[i] = 0;
        if (level == 0) {
            p->attr[i] = curses_attrs(s->mono);
            continue;
        }
        short fg = level >= 256 ? s->fg256 : s->fg8;
        short bg = level >= 256 ? s->bg256 : s->bg8;
        if (bg < 0)
            bg = level >= 256 ? normal->bg256 : normal->bg8;
        p->attr[i] = curses_attrs(s->attrs);
        if (init_pair((short)(i + 1), fg, bg) == OK)
            p->pair[i] = (short)(i + 1);
    }
}

void blit_grid(WINDOW *win, const struct rgrid *g, const struct blit_palette *p,
               int utf8)
{
    /* The background of erased cells is the normal style's. */
    wbkgdset(win, (chtype)(p->attr[RS_NORMAL] | COLOR_PAIR(p->pair[0])));
    werase(win);
    for (int y = 0; y < g->h; y++) {
        for (int x = 0; x < g->w; x++) {
            const struct rcell *c = &g->cells[y * g->w + x];
            if (c->width == 0)
                continue; /* right half of a wide character */
            int st = c->style < RS_COUNT ? c->style : RS_NORMAL;
            wchar_t wc[2] = {(wchar_t)c->ch, L'\0'};
            if (!utf8 && c->ch > 0x7e)
                wc[0] = L'?';
            if (wc[0] < L' ')
                wc[0] = L' ';
            cchar_t cc;
            if (setcchar(&cc, wc, p->attr[st], p->pair[st], NULL) == OK)
                mvwadd_wch(win, y, x, &cc);
        }
    }
}
