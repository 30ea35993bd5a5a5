/*
 * The application model: which screen is shown, the lesson and step, the
 * overlays, the demo timer. No curses here: the screen is drawn into a
 * cell grid (app_draw) and driven by actions (app_action), so the headless
 * tests run exactly the code a learner sees. term.c is the curses side
 * that feeds keys in and copies the grid out.
 */
#ifndef TUI_APP_H
#define TUI_APP_H

#include "cli/options.h"
#include "lesson/digits_cache.h"
#include "render/glyphs.h"
#include "render/grid.h"
#include "tui/keys.h"
#include "tui/text.h"

struct lesson;
struct lesson_widget;
struct bp_screen;

/* Smallest screen nnlab draws on; below it, a "too small" message. */
#define APP_MIN_W 80
#define APP_MIN_H 24
/* The six built-in lessons, plus one --lesson file. */
#define APP_MAX_LESSONS 7

struct app_lesson {
    const char *id;        /* "gates", ... or the --lesson path */
    struct lesson *lesson; /* owned; NULL when it failed to load */
    char error[512];       /* why it failed ("file:line: ...") */
};

/* The step page of the lesson view, rendered once per step and width and
 * then scrolled: widgets are drawn again only when something changes. */
struct app_page {
    struct rgrid g; /* content width x APP_PAGE_ROWS */
    int rows;       /* rows in use */
    int lesson, step, width, lang, ascii, demo, avail; /* what g shows */
};

struct view_ops;

struct app {
    /* Settings. */
    enum tui_lang lang;
    int ascii;          /* ASCII glyphs only (option or non-UTF-8 locale) */
    int no_korean;      /* the locale cannot show Hangul (not UTF-8) */
    int korean_refused; /* Korean was asked for: English instead */
    int wide_ambiguous; /* ambiguous-width glyphs take two cells */
    /* Glyphs of the chrome (rules, the help box): render's ASCII set, its
     * narrow set (no ambiguous-width box drawing), or full Unicode. */
    const struct rglyphs *glyphs;
    int demo; /* classroom mode */
    double demo_seconds;
    const char *lesson_file;
    const char *model_save; /* --save FILE: the training screen saves there */

    /* Lessons, in menu order. */
    struct app_lesson lessons[APP_MAX_LESSONS];
    int n_lessons;

    /* Title banner (assets/banner.txt), lines of ASCII art; may be empty. */
    char **banner;
    int banner_lines, banner_width;

    /* Screen state. */
    int w, h;                    /* size of the last drawn grid */
    const struct view_ops *view; /* the screen shown */
    int menu_sel;                /* highlighted menu item */
    int menu_top;                /* first grid row of the menu items */
    int cur, step, scroll;       /* open lesson, its step, page scroll */
    int help, blank, paused;     /* overlays and the demo pause */
    double now, next_advance;    /* demo timer, in seconds */
    int quit;
    struct app_page page;
    struct bp_screen *bp; /* the walkthrough screen; NULL until opened */
    /* The interactive screen opened from a lesson step (a->view is then
     * that screen): its state, owned by the screen's view_ops. */
    void *screen;
    int screen_in_lesson; /* it was opened from the lesson shown */
    struct train_screen *train; /* the training screen; NULL until opened */
    /* The MNIST lesson widgets' dataset and trained networks, kept for
     * the whole run: a step is drawn again without training again. */
    struct digits_cache digits;
};

/* Screens: tig-style operations table. `draw` fills rows top..top+rows-1
 * of g; `action` handles an action the app did not take itself; `click`
 * handles a mouse click at cell (x, y). */
struct view_hint {
    int key, key2; /* curses key codes named by the key table; key2 may
                      be 0; key 0 ends a hint list */
    enum text_id label;
};

struct view_ops {
    const char *name;
    void (*draw)(struct app *a, struct rgrid *g, int top, int rows);
    void (*action)(struct app *a, enum tui_action act, int arg);
    void (*click)(struct app *a, int x, int y);
    /* The status line: key hints (ended by key 0), and the text on the
     * right (may write an empty string). */
    const struct view_hint *hints;
    void (*status)(const struct app *a, char *buf, int len);
    /* A key before the key table sees it (a screen's input line); returns
     * 1 when taken. May be NULL. */
    int (*key)(struct app *a, int ch);
    /* The actions the help lists here, ended by ACT_COUNT; NULL: every
     * action before ACT_SCREEN_FIRST. */
    const enum tui_action *help_actions;

    /* Interactive screens only (NULL elsewhere). `widgets` lists the
     * widget kinds the screen opens from (NULL-terminated); `open` builds
     * a->screen from such a widget (returns 0, or -1 when memory runs
     * out) and `close` frees it. `describe` says what an action does on
     * this screen, for the help (TX_COUNT: the usual description). */
    const char *const *widgets;
    int (*open)(struct app *a, const struct lesson_widget *w);
    void (*close)(struct app *a);
    enum text_id (*describe)(enum tui_action act);
    /* Optional, for an animation: `tick` moves it to time `now` (seconds)
     * and returns 1 when the screen changed; `timeout` says how many
     * seconds until it has something to do (-1: never). */
    int (*tick)(struct app *a, double now);
    double (*timeout)(const struct app *a);
    /* Optional: the mouse moved to cell (x, y) with its button held. */
    void (*drag)(struct app *a, int x, int y);
};

extern const struct view_ops menu_view;
extern const struct view_ops lesson_view;
extern const struct view_ops backprop_view;
extern const struct view_ops train_view;
extern const struct view_ops train_panel_view; /* its settings, over it */
/* Show the MNIST training screen (set up on first use; q goes back to the
 * menu, training paused), and free its state. */
void train_view_open(struct app *a);
void train_view_free(struct app *a);
/*
 * The model options of the interactive mode, before the terminal is
 * taken: --save FILE (save_path) is checked to be writable; --load FILE
 * (load_path) is read and the training screen opened with that network
 * on the dataset it was trained on. With open set and no load_path, the
 * training screen is opened as 'M' does. Returns 0, or non-zero with
 * "FILE: what is wrong" in msg.
 */
int train_view_start_options(struct app *a, const char *load_path,
                             const char *save_path, int open, char *msg,
                             size_t size);
/* The training screen's session, or NULL when it has none (borrowed by
 * the look inside and the drawing screen). */
struct train_session *train_view_session(struct app *a);

/* Open the walkthrough screen, configured like widget w (a backprop
 * widget of the lesson step; NULL: the textbook's network); q returns to
 * the screen shown before. Returns 0 or -1 when memory runs out. */
int backprop_view_open(struct app *a, const struct lesson_widget *w);
/* Reveal its next line; after the last one, go back (the demo timer's
 * step on this screen). */
void backprop_view_step(struct app *a);
/* Free the walkthrough screen's state. */
void backprop_view_fini(struct app *a);
/* Interactive screens kept in a->screen (see view_ops.open), opened
 * with ACT_WALK from a lesson step whose widget they list. */
extern const struct view_ops gates_view;
extern const struct view_ops activations_view;
extern const struct view_ops forward_view; /* from a shapes widget */
extern const struct view_ops descent_view; /* from a descent widget */
extern const struct view_ops inside_view;  /* from an mnist-inside widget */
extern const struct view_ops draw_view;    /* from an mnist-draw widget */

/* The interactive screen for a widget kind, or NULL. */
const struct view_ops *app_screen_for(const char *kind);
/* The first widget of the current lesson step that opens such a screen,
 * or NULL. */
const struct lesson_widget *app_step_screen_widget(const struct app *a);
/* Open the screen for widget w of the current step. Returns 0 or -1. */
int app_open_screen(struct app *a, const struct lesson_widget *w);
/* Close the open screen and go back to its lesson step. */
void app_close_screen(struct app *a);
/* Open screen v as app_open_screen does, from widget w (may be NULL:
 * the screen's defaults). Returns 0 or -1. */
int app_open_view(struct app *a, const struct view_ops *v,
                  const struct lesson_widget *w);

/* Set up from the options; lessons are loaded with app_load_lessons().
 * utf8 says whether the locale's codeset is UTF-8: else ASCII glyphs,
 * and English instead of Korean (which the codeset cannot show), said in
 * the title bar (korean_refused). Returns 0 or -1 on allocation
 * failure. */
int app_init(struct app *a, const struct options *o, enum tui_lang lang,
             int utf8);
void app_fini(struct app *a);

/* (Re)load the lesson list in a->lang: the six built-in lessons and the
 * --lesson file. A lesson that fails to load keeps its error for the
 * screen; the others still work. */
void app_load_lessons(struct app *a);

/* Open lesson i (0-based) at its first step. */
void app_open_lesson(struct app *a, int i);

/* Offer a raw key to the screen shown (its input line). Returns 1 when
 * it took the key; else look the key up and call app_action. */
int app_key(struct app *a, int ch);
/* Handle one action (with its argument, see keys.h). */
void app_action(struct app *a, enum tui_action act, int arg);
/* A mouse click at cell (x, y). */
void app_click(struct app *a, int x, int y);
/* The mouse moved to cell (x, y) with its button held. */
void app_drag(struct app *a, int x, int y);
/* Advance the demo timer to `now` (seconds, monotonic). Returns 1 when
 * the screen changed. */
int app_tick(struct app *a, double now);
/* Seconds until app_tick has something to do, or -1 for never. */
double app_timeout(const struct app *a);
/* The key mode for keys_lookup(). */
enum key_mode app_key_mode(const struct app *a);

/* Draw the whole screen into g (its size is the terminal's). */
void app_draw(struct app *a, struct rgrid *g);

/* Drawing helpers shared by the views. */
/* Key names in ASCII ("Left" for the arrow, which is ambiguous width)? */
int app_plain_keys(const struct app *a);
/* Copy rows [from, from + n) of src to g at (x, y), clipped. */
void app_copy_rows(struct rgrid *g, int x, int y, struct rgrid *src, int from,
                   int n);
/* Left and right margins of the content area. */
int app_margin(const struct app *a);

#endif
