/*
 * The one key table: every key nnlab answers to, the action it triggers,
 * and the name shown for it. The help overlay and the status line are
 * generated from this table, so they can never disagree with the keys.
 */
#ifndef TUI_KEYS_H
#define TUI_KEYS_H

#include "tui/text.h"

/* What a key means; views interpret actions, never raw keys. The order
 * matches the TX_ACT_* descriptions in text.h. */
enum tui_action {
    ACT_NEXT,
    ACT_PREV,
    ACT_UP,
    ACT_DOWN,
    ACT_FIRST,
    ACT_LAST,
    ACT_JUMP, /* argument: lesson number 1-9 */
    ACT_HELP,
    ACT_BACK,
    ACT_CLOSE,
    ACT_BLANK,
    ACT_PAUSE,
    ACT_LANG,
    ACT_DEMO,
    ACT_REDRAW,
    ACT_WALK, /* open the step's interactive screen (backprop, gates) */
    ACT_MNIST, /* open the live MNIST training screen */
    ACT_INSIDE, /* open the look inside a trained network */
    ACT_DRAW,   /* open the canvas to draw a digit on */
    /* The walkthrough screen's own actions: the help lists them only on
     * a screen that names them (view_ops.help_actions). */
    ACT_EDIT,
    ACT_RUN,
    ACT_NUMERIC,
    ACT_BIAS,
    ACT_CHECK,
    ACT_PANEL,
    /* The gates screen's own actions (KM_SCREEN). */
    ACT_INC,    /* raise the selected value one step */
    ACT_DEC,    /* lower it one step */
    ACT_TYPE,   /* argument: the character typed (digit, '.', '-') */
    ACT_TARGET, /* choose the next target */
    ACT_RULE,   /* switch a rule (the step function's s > 0 / s >= 0) */
    ACT_SEARCH, /* search for an answer */
    ACT_TRAIN,  /* train further */
    /* The activation explorer's own actions (KM_SCREEN). */
    ACT_DERIV,      /* show or hide the derivative */
    ACT_SLOPE_DOWN, /* leaky ReLU's slope down */
    ACT_SLOPE_UP,   /* and up */
    /* The forward-pass screen's own actions (KM_SCREEN). */
    ACT_ADD,    /* add a hidden layer */
    ACT_REMOVE, /* remove a hidden layer */
    /* The training screen's own actions. */
    ACT_SAVE, /* save the network to a file */
    ACT_OPEN, /* load a saved network */
    ACT_COUNT,
    ACT_NONE = -1
};

#define ACT_SCREEN_FIRST ACT_EDIT

/* Modes a binding is active in. An interactive screen kept in a->screen
 * (the gates screen) has keys of its own: its mode is KM_SCREEN alone, so
 * only the bindings marked for it count there (KM_ANY: everywhere). */
enum key_mode {
    KM_NORMAL = 1, /* learner stepping alone */
    KM_DEMO = 2,   /* --demo: Space pauses instead of stepping */
    KM_ALL = 3,    /* the lesson menu and the lesson view */
    KM_SCREEN = 4, /* an interactive screen */
    KM_ANY = 7
};

struct key_binding {
    int lo, hi;             /* key codes lo..hi (curses KEY_* or chars) */
    const char *name;       /* shown in help; UTF-8 */
    const char *ascii_name; /* shown with --ascii, or NULL if name is ASCII */
    enum tui_action action;
    unsigned modes; /* enum key_mode bits */
};

/* The table and its length. */
const struct key_binding *keys_table(int *n);

/* The action for key code `key` in mode (KM_NORMAL, KM_DEMO or
 * KM_SCREEN), storing its argument (the digit for ACT_JUMP, the character
 * for ACT_TYPE, else 0). ACT_NONE if unbound. */
enum tui_action keys_lookup(int key, enum key_mode mode, int *arg);

/* The names of every key bound to action in mode, joined by ", " into
 * buf (truncated to len); a key that an earlier binding of the mode takes
 * is left out. Returns buf. */
char *keys_names(enum tui_action action, enum key_mode mode, int ascii,
                 char *buf, int len);

/* The name of key code `key` as the table shows it ("" if unbound), for
 * the status line. */
const char *keys_key_name(int key, int ascii);

#endif
