/* The help overlay (see help.h). */
#include "tui/help.h"

#include "tui/app.h"

static void draw_box(const struct app *a, struct rgrid *g, int x, int y, int w,
                     int h)
{
    const struct rglyphs *gl = a->glyphs;
    for (int r = y; r < y + h; r++)
        for (int c = x; c < x + w; c++)
            rgrid_put(g, c, r, ' ', RS_NORMAL);
    for (int c = x + 1; c < x + w - 1; c++) {
        rgrid_put(g, c, y, gl->h, RS_ACCENT);
        rgrid_put(g, c, y + h - 1, gl->h, RS_ACCENT);
    }
    for (int r = y + 1; r < y + h - 1; r++) {
        rgrid_put(g, x, r, gl->v, RS_ACCENT);
        rgrid_put(g, x + w - 1, r, gl->v, RS_ACCENT);
    }
    rgrid_put(g, x, y, gl->tl, RS_ACCENT);
    rgrid_put(g, x + w - 1, y, gl->tr, RS_ACCENT);
    rgrid_put(g, x, y + h - 1, gl->bl, RS_ACCENT);
    rgrid_put(g, x + w - 1, y + h - 1, gl->br, RS_ACCENT);
}

/* What action act does on the screen shown. */
static const char *describe(const struct app *a, int act)
{
    enum text_id id =
        a->view->describe ? a->view->describe((enum tui_action)act) : TX_COUNT;
    return text_get(a->lang,
                    id != TX_COUNT ? id : (enum text_id)(TX_ACT_NEXT + act));
}

/* Does the screen shown list act in its help? */
static int listed(const struct app *a, int act)
{
    const enum tui_action *l = a->view->help_actions;
    if (!l)
        return act < ACT_SCREEN_FIRST;
    for (; *l != ACT_COUNT; l++)
        if ((int)*l == act)
            return 1;
    return 0;
}

void help_draw(const struct app *a, struct rgrid *g)
{
    enum key_mode mode = app_key_mode(a);
    char names[ACT_COUNT][96];
    int n = 0, key_w = 0, desc_w = 0;
    for (int act = 0; act < ACT_COUNT; act++) {
        names[act][0] = '\0';
        if (!listed(a, act))
            continue;
        keys_names((enum tui_action)act, mode, app_plain_keys(a), names[act],
                   (int)sizeof names[act]);
        if (!names[act][0])
            continue;
        n++;
        int kw = utf8_width(names[act]);
        int dw = utf8_width(describe(a, act));
        key_w = kw > key_w ? kw : key_w;
        desc_w = dw > desc_w ? dw : desc_w;
    }
    int close_w = utf8_width(text_get(a->lang, TX_HELP_CLOSE));
    int inner = key_w + 2 + desc_w;
    inner = close_w > inner ? close_w : inner;
    int w = inner + 4, h = n + 6;
    w = w < g->w ? w : g->w;
    h = h < g->h ? h : g->h;
    int x = (g->w - w) / 2, y = (g->h - h) / 2;
    draw_box(a, g, x, y, w, h);
    rgrid_print(g, x + 2, y + 1, text_get(a->lang, TX_HELP_TITLE), RS_TITLE);
    int row = y + 3;
    for (int act = 0; act < ACT_COUNT && row < y + h - 2; act++) {
        if (!names[act][0])
            continue;
        rgrid_print(g, x + 2, row, names[act], RS_ACCENT);
        rgrid_print(g, x + 2 + key_w + 2, row, describe(a, act), RS_NORMAL);
        row++;
    }
    rgrid_print(g, x + 2, y + h - 2, text_get(a->lang, TX_HELP_CLOSE), RS_DIM);
}
