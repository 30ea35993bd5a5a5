/*
 * Interface strings of the screen (menu, key help, messages) in English
 * and Korean. Lesson texts are data in lessons/; only the words of the
 * program itself live here, in one table with a column per language.
 */
#ifndef TUI_TEXT_H
#define TUI_TEXT_H

enum tui_lang { TUI_EN = 0, TUI_KO, TUI_LANG_COUNT };

enum text_id {
    TX_TAGLINE,
    TX_MENU_TITLE,
    TX_MENU_FILE,   /* label of the --lesson file entry */
    TX_UNAVAILABLE, /* menu item whose lesson did not load */
    TX_STEP,        /* "Step {1}/{2}" */
    TX_PAUSED,
    TX_MORE,           /* page continues below */
    TX_END,            /* last step reached */
    TX_TOO_SMALL,      /* {1}x{2}: the size needed */
    TX_TOO_SMALL_HAVE, /* {1}x{2}: the size there is */
    TX_HELP_TITLE,
    TX_HELP_CLOSE,
    TX_LANG_NAME,    /* this language, in itself */
    TX_LOAD_ERROR,   /* heading above a lesson load error */
    TX_WIDGET_ERROR, /* {1}: widget kind, {2}: message */
    /* Action descriptions, in enum tui_action order (see keys.h). */
    TX_ACT_NEXT,
    TX_ACT_PREV,
    TX_ACT_UP,
    TX_ACT_DOWN,
    TX_ACT_FIRST,
    TX_ACT_LAST,
    TX_ACT_JUMP,
    TX_ACT_HELP,
    TX_ACT_BACK,
    TX_ACT_CLOSE,
    TX_ACT_BLANK,
    TX_ACT_PAUSE,
    TX_ACT_LANG,
    TX_ACT_DEMO,
    TX_ACT_REDRAW,
    TX_ACT_WALK,
    TX_ACT_EDIT,
    TX_ACT_RUN,
    TX_ACT_NUMERIC,
    TX_ACT_BIAS,
    TX_ACT_CHECK,
    TX_ACT_PANEL,
    /* Short labels for the status line. */
    TX_SHORT_STEP,
    TX_SHORT_SCROLL,
    TX_SHORT_OPEN,
    TX_SHORT_CHOOSE,
    TX_SHORT_HELP,
    TX_SHORT_QUIT,
    TX_SHORT_MENU,
    TX_SHORT_PAUSE,
    TX_SHORT_LINE,
    TX_SHORT_CURSOR,
    TX_SHORT_EDIT,
    TX_SHORT_CHECK,
    TX_SHORT_BACK,
    TX_SHORT_WALK,
    /* The backprop walkthrough screen. */
    TX_BP_LINE,      /* "Line {1}/{2}" */
    TX_BP_START,     /* before the first line */
    TX_BP_ALL_SHOWN, /* after the last line */
    TX_BP_NO_BIAS,
    TX_BP_BIAS_SHARED,
    TX_BP_BIAS_UNIT,
    TX_BP_UPDATED,
    TX_BP_FIXED,
    TX_BP_SETTINGS,     /* {1}: bias text, {2}: learning rate, {3}: updates */
    TX_BP_INPUT,        /* {1} = {2}: an input */
    TX_BP_TARGET,       /* {1} = {2}: a target */
    TX_BP_RATE,         /* {1}: the learning rate */
    TX_BP_EDIT,         /* prompt: {1} = */
    TX_BP_CHECK,        /* prompt: {1} = ? */
    TX_BP_SET,          /* {1} set to {2} */
    TX_BP_BAD_VALUE,    /* {1}: what was typed */
    TX_BP_NOT_EDITABLE, /* {1}: a computed value */
    TX_BP_MATCH,        /* {1}: the line's value */
    TX_BP_COARSE,
    TX_BP_NO_MATCH,   /* {1}: typed, {2}: name */
    TX_BP_DIFFERS,    /* {1}: operand, {2}: its value, {3}: used instead */
    TX_BP_DIFFERS_AT, /* {1}: operand, {2}: its value, {3}: implied */
    TX_BP_CURVE,      /* {1}: first E, {2}: last E, {3}: updates */
    TX_BP_NUMERIC,    /* heading of the gradient comparison */
    TX_BP_NUMERIC_OFF,
    TX_BP_FAILED, /* {1}: why the walkthrough could not run */
    TX_COUNT
};

/* The string for id in lang. Static storage, UTF-8; never NULL. */
const char *text_get(enum tui_lang lang, enum text_id id);

/* Fill a template: "{1}" ... "{9}" become args[0] ... args[8] (so each
 * language can order them its own way; no printf format comes from the
 * table). The result is truncated to len. Returns buf. */
char *text_fill(char *buf, int len, const char *tmpl, const char *const *args,
                int n_args);
/* text_fill with the two integers a and b as {1} and {2}. */
char *text_fill2(char *buf, int len, const char *tmpl, int a, int b);

/* "en" or "ko". */
const char *text_lang_code(enum tui_lang lang);
/* TUI_KO for "ko", else TUI_EN. */
enum tui_lang text_lang_from_code(const char *code);

#endif
