/*
 * A one-line text field typed into a screen: a file name, a number, a
 * list of sizes. The screen feeds it raw keys from its view_ops.key hook
 * and draws it where it likes; the field only edits its text (typing
 * appends, Backspace removes the last character, Enter ends, Esc drops).
 * No curses: keys arrive as the codes the terminal loop reads (one byte
 * of UTF-8 at a time for text beyond ASCII).
 */
#ifndef TUI_INPUT_LINE_H
#define TUI_INPUT_LINE_H

#include <stddef.h>

#include "render/grid.h"

#define INPUT_LINE_MAX 1023 /* bytes of text */

struct input_line {
    char buf[INPUT_LINE_MAX + 1]; /* NUL-terminated UTF-8 */
    size_t len;
};

/* What a key did to the line. */
enum input_result {
    INPUT_IGNORED,   /* not an editing key: the caller may use it */
    INPUT_EDITED,    /* typed or erased (or refused: the line is full) */
    INPUT_DONE,      /* Enter: the text is ready */
    INPUT_CANCELLED, /* Esc */
};

/* Which characters a field takes (an ASCII key code, or a byte >= 0x80
 * of UTF-8); NULL accepts every printable character. */
typedef int (*input_accept_fn)(int ch);

/* Start with text (NULL: empty), cut to INPUT_LINE_MAX bytes. */
void input_line_set(struct input_line *l, const char *text);

/* Feed key code ch. */
enum input_result input_line_key(struct input_line *l, int ch,
                                 input_accept_fn accept);

/* Draw the text and a cursor after it at (x, y) within w columns; when it
 * is wider, its start is left out so the cursor stays in view. */
void input_line_draw(const struct input_line *l, struct rgrid *g, int x, int y,
                     int w, int style, int cursor_style);

#endif
