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
    TX_SMALL,          /* the shortest forms, for a tiny terminal */
    TX_SMALL_NOW,      /* {1}x{2}: the size there is */
    TX_SMALL_NEED,     /* {1}x{2}: the size needed */
    TX_HELP_TITLE,
    TX_HELP_CLOSE,
    TX_LANG_NAME,    /* this language, in itself */
    /* English shown: the locale cannot show Korean. */
    TX_LANG_NO_KOREAN,
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
    TX_ACT_MNIST,
    TX_ACT_INSIDE,
    TX_ACT_DRAW,
    TX_ACT_EDIT,
    TX_ACT_RUN,
    TX_ACT_NUMERIC,
    TX_ACT_BIAS,
    TX_ACT_CHECK,
    TX_ACT_PANEL,
    TX_ACT_INC,
    TX_ACT_DEC,
    TX_ACT_TYPE,
    TX_ACT_TARGET,
    TX_ACT_RULE,
    TX_ACT_SEARCH,
    TX_ACT_TRAIN,
    TX_ACT_DERIV,
    TX_ACT_SLOPE_DOWN,
    TX_ACT_SLOPE_UP,
    TX_ACT_ADD,
    TX_ACT_REMOVE,
    TX_ACT_SAVE,
    TX_ACT_OPEN,
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
    /* The activation explorer. */
    TX_EXP_ACT_NEXT,
    TX_EXP_ACT_INC,
    TX_EXP_ACT_DEC,
    TX_EXP_ACT_UP,
    TX_EXP_ACT_DOWN,
    TX_EXP_ACT_FIRST,
    TX_EXP_ACT_LAST,
    TX_EXP_ACT_BACK,
    TX_EXP_SHORT_FUNCTION,
    TX_EXP_SHORT_DERIV,
    TX_EXP_SHORT_SLOPE,
    TX_SHORT_GO,
    TX_SHORT_LR,
    TX_SHORT_RESTART,
    TX_SHORT_PRESET,
    TX_SHORT_INSIDE,
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
    /* The gates screen (screen_gates.c): its key hints, what the keys do
     * there (for the help), its own lines. */
    TX_GATES_TITLE,
    TX_GATES_SHORT_NUDGE,
    TX_GATES_SHORT_TARGET,
    TX_GATES_SHORT_LEARN,
    TX_GATES_SHORT_LINE,
    TX_GATES_SHORT_MLP,
    TX_GATES_ACT_NEXT,
    TX_GATES_ACT_PREV,
    TX_GATES_ACT_UP,
    TX_GATES_ACT_DOWN,
    TX_GATES_ACT_FIRST,
    TX_GATES_ACT_LAST,
    TX_GATES_ACT_BACK,
    TX_GATES_ACT_CLOSE,
    TX_GATES_ACT_INC,
    TX_GATES_ACT_DEC,
    TX_GATES_ACT_TYPE,
    TX_GATES_ACT_TARGET,
    TX_GATES_ACT_RULE,
    TX_GATES_ACT_SEARCH,
    TX_GATES_ACT_TRAIN,
    TX_GATES_RULE,    /* {1}: ">" or ">=" */
    TX_GATES_TARGET,  /* {1}: gate name */
    TX_GATES_NONE,    /* no target */
    TX_GATES_TYPING,  /* {1}: weight name, {2}: typed so far */
    TX_GATES_BAD,     /* {1}: what was typed */
    TX_GATES_IDLE,    /* what to do, shown when nothing else is */
    TX_GATES_NO_LINE, /* target XOR: no line gets it */
    TX_GATES_NEED_TARGET,
    TX_GATES_MLP_KEYS, /* under the MLP */
    TX_GATES_RUNNING,  /* status while the MLP trains by itself */
    /* The forward-pass screen. */
    TX_FW_INPUTS, /* label of the input size */
    TX_FW_LAYER,  /* {1}: layer number */
    TX_FW_BATCH,  /* label of the batch size */
    TX_FW_TITLE,  /* {1}: the sizes "4-8-8-3", {2}: batch */
    TX_FW_SET,    /* {1}: field, {2}: value */
    TX_FW_BAD,    /* {1}: typed, {2}: lowest, {3}: highest */
    TX_FW_MAX,    /* {1}: most weight layers */
    TX_FW_MIN,    /* no hidden layer under the cursor */
    TX_FW_FAILED, /* {1}: why */
    TX_FW_PARAMS, /* {1}: parameters in all */
    TX_FW_ACT_UPDOWN,
    TX_FW_ACT_INCDEC,
    TX_FW_ACT_TYPE,
    TX_FW_ACT_ENTER,
    TX_FW_ACT_BACK, /* q on the forward and descent screens */
    /* The gradient descent screen. */
    TX_DS_SMALL,
    TX_DS_GOOD,
    TX_DS_LARGE,
    TX_DS_TYPED,
    TX_DS_RATES,  /* {1}: f, {2}: optimizer, {3}: rate, {4}: its kind */
    TX_DS_RACE,   /* {1}: f */
    TX_DS_STEP,   /* "Step {1}/{2}" */
    TX_DS_TYPING, /* {1}: the rate being typed */
    TX_DS_BAD,    /* {1}: typed, {2}: highest */
    TX_DS_DONE,   /* {1}: steps */
    TX_DS_FAILED, /* {1}: why */
    TX_DS_ACT_NEXT,
    TX_DS_ACT_PREV,
    TX_DS_ACT_FIRST,
    TX_DS_ACT_RUN,
    TX_DS_ACT_INCDEC,
    TX_DS_ACT_TYPE,
    TX_DS_ACT_PANEL,
    TX_SHORT_CHANGE,
    TX_SHORT_LAYER,
    TX_SHORT_ONE_STEP,
    TX_SHORT_RUN,
    TX_SHORT_RATE,
    TX_SHORT_RACE,
    /* The drawing screen and the look inside. */
    TX_DRAW_ACT_PEN,
    TX_DRAW_ACT_ERASE,
    TX_DRAW_ACT_CLEAR,
    TX_DRAW_ACT_MOVE,
    TX_DRAW_SHORT_MOVE,
    TX_DRAW_SHORT_PEN,
    TX_DRAW_SHORT_ERASE,
    TX_DRAW_SHORT_CLEAR,
    TX_INSIDE_ACT_PAGE,
    TX_INSIDE_ACT_TURN,
    TX_INSIDE_ACT_FIRST,
    TX_INSIDE_SHORT_PAGE,
    TX_INSIDE_SHORT_TURN,
    /* The training screen: what its keys do, the model prompt. */
    TX_SHORT_SETTINGS,
    TX_SHORT_SAVE,
    TX_SHORT_LOAD,
    TX_TRAIN_ACT_NEXT,
    TX_TRAIN_ACT_LAST,
    TX_TRAIN_ACT_UP,
    TX_TRAIN_ACT_DOWN,
    TX_TRAIN_ACT_FIRST,
    TX_TRAIN_ACT_PREV,
    TX_TRAIN_ACT_SETTINGS,
    TX_TRAIN_ACT_PANEL,
    TX_TRAIN_ACT_BACK,
    TX_TRAIN_SAVE_TO,    /* prompt before the file name */
    TX_TRAIN_LOAD_FROM,  /* prompt before the file name */
    TX_TRAIN_SAVE_KEYS,  /* under the save prompt */
    TX_TRAIN_LOAD_KEYS,  /* under the load prompt */
    TX_TRAIN_SAVED,      /* {1}: file */
    TX_TRAIN_NOT_SAVED,  /* {1}: why (names the file) */
    TX_TRAIN_LOADED,     /* {1}: file, {2}: network, {3}: test accuracy */
    TX_TRAIN_NOT_LOADED, /* {1}: why (names the file) */
    /* The settings panel. */
    TX_CFG_TITLE, /* {1}: "784-50-10", {2}: parameters */
    TX_CFG_PRESET,
    TX_CFG_DATASET,
    TX_CFG_HIDDEN,
    TX_CFG_ACT,
    TX_CFG_OPT,
    TX_CFG_LR,
    TX_CFG_BATCH,
    TX_CFG_EPOCHS,
    TX_CFG_INIT,
    TX_CFG_STD,
    TX_CFG_DTYPE,
    TX_CFG_SEED,
    TX_CFG_TRAIN_SIZE,
    TX_CFG_START,
    TX_CFG_CUSTOM,       /* no preset */
    TX_CFG_ALL,          /* {1}: images in the training set */
    TX_CFG_STD_UNUSED,   /* after the std when init is not normal */
    TX_CFG_NO_FASHION,   /* after the dataset */
    TX_CFG_NOT_NUMBER,   /* {1}: what was typed */
    TX_CFG_HINT_CHOICE,  /* under the list, for the row chosen */
    TX_CFG_HINT_NUMBER,
    TX_CFG_HINT_HIDDEN,
    TX_CFG_HINT_START,
    TX_CFG_HINT_TYPING,
    TX_CFG_ACT_UP,
    TX_CFG_ACT_DOWN,
    TX_CFG_ACT_NEXT,
    TX_CFG_ACT_PREV,
    TX_CFG_ACT_FIRST,
    TX_CFG_ACT_LAST,
    TX_CFG_ACT_RUN,
    TX_CFG_ACT_CLOSE,
    TX_SHORT_FIELD,
    TX_SHORT_START,
    TX_SHORT_CANCEL,
    TX_SHORT_TYPE,
    TX_COUNT
};

/* The string for id in lang. Static storage, UTF-8; never NULL. */
const char *text_get(enum tui_lang lang, enum text_id id);

/* Fill a template: "{1}" ... "{9}" become args[0] ... args[8] (so each
 * language can order them its own way; no printf format comes from the
 * table). The result is truncated to len. Returns buf. */
char *text_fill(char *buf, int len, const char *tmpl, const char *const *args,
                int n_args);
/* A screen's message line: what its last action said, and the render
 * style to show it in. */
struct text_note {
    char text[320];
    int style;
};
/* Set note to the string id in lang with {1}..{n_args} from args. */
void text_note_say(struct text_note *note, enum tui_lang lang, int style,
                   enum text_id id, const char *const *args, int n_args);

/* text_fill with the two integers a and b as {1} and {2}. */
char *text_fill2(char *buf, int len, const char *tmpl, int a, int b);

/* "en" or "ko". */
const char *text_lang_code(enum tui_lang lang);
/* TUI_KO for "ko", else TUI_EN. */
enum tui_lang text_lang_from_code(const char *code);

#endif
