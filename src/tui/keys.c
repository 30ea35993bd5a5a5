/*
 * The key table (see keys.h). Presentation clickers send PageDown/PageUp
 * and often 'b' to blank the screen, so those are bound too.
 */
#include "tui/keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#define ESC 27
#define CTRL(c) ((c)&0x1f)

static const struct key_binding table[] = {
    /* Interactive screens first: there the arrows change a value and the
     * digits type one, instead of stepping and jumping. */
    {KEY_RIGHT, KEY_RIGHT, "→", "Right", ACT_INC, KM_SCREEN},
    {'l', 'l', "l", NULL, ACT_INC, KM_SCREEN},
    {KEY_LEFT, KEY_LEFT, "←", "Left", ACT_DEC, KM_SCREEN},
    {'h', 'h', "h", NULL, ACT_DEC, KM_SCREEN},
    {'0', '9', "0-9", NULL, ACT_TYPE, KM_SCREEN},
    {'.', '.', ".", NULL, ACT_TYPE, KM_SCREEN},
    {'-', '-', "-", NULL, ACT_TYPE, KM_SCREEN},
    {'t', 't', "t", NULL, ACT_TARGET, KM_SCREEN},
    {'r', 'r', "r", NULL, ACT_RULE, KM_SCREEN},
    {'x', 'x', "x", NULL, ACT_SEARCH, KM_SCREEN},
    {'m', 'm', "m", NULL, ACT_TRAIN, KM_SCREEN},
    {'d', 'd', "d", NULL, ACT_DERIV, KM_SCREEN},
    {'[', '[', "[", NULL, ACT_SLOPE_DOWN, KM_SCREEN},
    {']', ']', "]", NULL, ACT_SLOPE_UP, KM_SCREEN},
    {'a', 'a', "a", NULL, ACT_ADD, KM_SCREEN},
    {KEY_DC, KEY_DC, "Del", NULL, ACT_REMOVE, KM_SCREEN},
    {'X', 'X', "X", NULL, ACT_REMOVE, KM_SCREEN},
    {' ', ' ', "Space", NULL, ACT_NEXT, KM_NORMAL | KM_SCREEN},
    {KEY_RIGHT, KEY_RIGHT, "→", "Right", ACT_NEXT, KM_ALL},
    {'l', 'l', "l", NULL, ACT_NEXT, KM_ALL},
    {'\n', '\n', "Enter", NULL, ACT_NEXT, KM_ANY},
    {'\r', '\r', "Enter", NULL, ACT_NEXT, KM_ANY},
    {KEY_ENTER, KEY_ENTER, "Enter", NULL, ACT_NEXT, KM_ANY},
    {KEY_NPAGE, KEY_NPAGE, "PgDn", NULL, ACT_NEXT, KM_ALL},
    {KEY_LEFT, KEY_LEFT, "←", "Left", ACT_PREV, KM_ALL},
    {'h', 'h', "h", NULL, ACT_PREV, KM_ALL},
    {KEY_BACKSPACE, KEY_BACKSPACE, "Backspace", NULL, ACT_PREV, KM_ANY},
    {127, 127, "Backspace", NULL, ACT_PREV, KM_SCREEN}, /* DEL, ^H: what */
    {8, 8, "Backspace", NULL, ACT_PREV, KM_SCREEN},     /* terminals send */
    {KEY_PPAGE, KEY_PPAGE, "PgUp", NULL, ACT_PREV, KM_ALL},
    {KEY_UP, KEY_UP, "↑", "Up", ACT_UP, KM_ANY},
    {'k', 'k', "k", NULL, ACT_UP, KM_ANY},
    {KEY_DOWN, KEY_DOWN, "↓", "Down", ACT_DOWN, KM_ANY},
    {'j', 'j', "j", NULL, ACT_DOWN, KM_ANY},
    {KEY_HOME, KEY_HOME, "Home", NULL, ACT_FIRST, KM_ANY},
    {'g', 'g', "g", NULL, ACT_FIRST, KM_ANY},
    {KEY_END, KEY_END, "End", NULL, ACT_LAST, KM_ANY},
    {'G', 'G', "G", NULL, ACT_LAST, KM_ANY},
    {'1', '9', "1-9", NULL, ACT_JUMP, KM_ALL},
    {'?', '?', "?", NULL, ACT_HELP, KM_ANY},
    {KEY_F(1), KEY_F(1), "F1", NULL, ACT_HELP, KM_ANY},
    {'q', 'q', "q", NULL, ACT_BACK, KM_ANY},
    {ESC, ESC, "Esc", NULL, ACT_CLOSE, KM_ANY},
    {'b', 'b', "b", NULL, ACT_BLANK, KM_ALL},
    {'.', '.', ".", NULL, ACT_BLANK, KM_ALL},
    {' ', ' ', "Space", NULL, ACT_PAUSE, KM_DEMO},
    {'p', 'p', "p", NULL, ACT_PAUSE, KM_DEMO},
    {'L', 'L', "L", NULL, ACT_LANG, KM_ANY},
    {'D', 'D', "D", NULL, ACT_DEMO, KM_ALL},
    {CTRL('l'), CTRL('l'), "Ctrl-L", NULL, ACT_REDRAW, KM_ANY},
    {'w', 'w', "w", NULL, ACT_WALK, KM_ALL},
    {'M', 'M', "M", NULL, ACT_MNIST, KM_ALL},
    {'i', 'i', "i", NULL, ACT_INSIDE, KM_ALL},
    {'d', 'd', "d", NULL, ACT_DRAW, KM_ALL},
    {'e', 'e', "e", NULL, ACT_EDIT, KM_ALL},
    {'r', 'r', "r", NULL, ACT_RUN, KM_ALL},
    {'n', 'n', "n", NULL, ACT_NUMERIC, KM_ALL},
    {'B', 'B', "B", NULL, ACT_BIAS, KM_ALL},
    {'c', 'c', "c", NULL, ACT_CHECK, KM_ANY},
    {'\t', '\t', "Tab", NULL, ACT_PANEL, KM_ANY},
    {'s', 's', "s", NULL, ACT_SAVE, KM_ALL},
    {'o', 'o', "o", NULL, ACT_OPEN, KM_ALL},
};

#define N_BINDINGS ((int)(sizeof table / sizeof table[0]))

const struct key_binding *keys_table(int *n)
{
    *n = N_BINDINGS;
    return table;
}

enum tui_action keys_lookup(int key, enum key_mode mode, int *arg)
{
    *arg = 0;
    for (int i = 0; i < N_BINDINGS; i++) {
        const struct key_binding *b = &table[i];
        if ((b->modes & mode) && key >= b->lo && key <= b->hi) {
            if (b->action == ACT_JUMP)
                *arg = key - b->lo + 1;
            else if (b->action == ACT_TYPE)
                *arg = key;
            return b->action;
        }
    }
    return ACT_NONE;
}

/* Does an earlier binding active in mode take every key of binding i? */
static int shadowed(int i, unsigned mode)
{
    for (int k = table[i].lo; k <= table[i].hi; k++) {
        int taken = 0;
        for (int j = 0; j < i && !taken; j++)
            taken =
                (table[j].modes & mode) && k >= table[j].lo && k <= table[j].hi;
        if (!taken)
            return 0;
    }
    return 1;
}

static const char *shown_name(const struct key_binding *b, int ascii)
{
    return ascii && b->ascii_name ? b->ascii_name : b->name;
}

char *keys_names(enum tui_action action, enum key_mode mode, int ascii,
                 char *buf, int len)
{
    int used = 0;
    if (len <= 0)
        return buf;
    buf[0] = '\0';
    for (int i = 0; i < N_BINDINGS; i++) {
        const struct key_binding *b = &table[i];
        if (b->action != action || !(b->modes & mode) || shadowed(i, mode))
            continue;
        const char *name = shown_name(b, ascii);
        /* Enter has three key codes; name it once. */
        int dup = 0;
        for (int j = 0; j < i && !dup; j++)
            dup = table[j].action == action && (table[j].modes & mode) &&
                  strcmp(shown_name(&table[j], ascii), name) == 0;
        if (dup)
            continue;
        int n = snprintf(buf + used, (size_t)(len - used), "%s%s",
                         used ? ", " : "", name);
        if (n < 0 || n >= len - used)
            break;
        used += n;
    }
    return buf;
}

const char *keys_key_name(int key, int ascii)
{
    for (int i = 0; i < N_BINDINGS; i++) {
        if (key >= table[i].lo && key <= table[i].hi)
            return shown_name(&table[i], ascii);
    }
    return "";
}
