/* A one-line text field (see input_line.h). */
#include "tui/input_line.h"

#include <curses.h> /* KEY_* codes only */
#include <string.h>

#define ESC 27

void input_line_set(struct input_line *l, const char *text)
{
    size_t n = text ? strlen(text) : 0;
    if (n > INPUT_LINE_MAX)
        n = INPUT_LINE_MAX;
    memcpy(l->buf, text ? text : "", n);
    l->buf[n] = '\0';
    l->len = n;
}

static int printable(int ch)
{
    return (ch >= 0x20 && ch < 0x7f) || (ch >= 0x80 && ch <= 0xff);
}

enum input_result input_line_key(struct input_line *l, int ch,
                                 input_accept_fn accept)
{
    if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
        return INPUT_DONE;
    if (ch == ESC)
        return INPUT_CANCELLED;
    if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
        /* A whole character: its lead byte and continuation bytes. */
        while (l->len > 0 && ((unsigned char)l->buf[--l->len] & 0xc0) == 0x80)
            ;
        l->buf[l->len] = '\0';
        return INPUT_EDITED;
    }
    if (!printable(ch) || (accept && !accept(ch)))
        return INPUT_IGNORED;
    if (l->len < INPUT_LINE_MAX) {
        l->buf[l->len++] = (char)ch;
        l->buf[l->len] = '\0';
    }
    return INPUT_EDITED;
}

void input_line_draw(const struct input_line *l, struct rgrid *g, int x, int y,
                     int w, int style, int cursor_style)
{
    if (w < 2)
        return;
    /* Skip whole characters from the start until text and cursor fit. */
    const char *p = l->buf;
    while (*p && utf8_width(p) > w - 1) {
        uint32_t ch;
        int n = utf8_decode(p, &ch);
        p += n > 0 ? n : 1;
    }
    int used = rgrid_print(g, x, y, p, style);
    rgrid_put(g, x + used, y, '_', cursor_style);
}
