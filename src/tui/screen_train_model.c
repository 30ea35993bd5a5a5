/*
 * Saving and loading the training screen's network: s and o open a
 * prompt for a file name (the --save FILE, else a name made of the
 * dataset and the shapes, "mnist-784-50-10.nnm", in the current
 * directory); Enter saves or loads, Esc cancels, and the outcome stays on
 * the screen until the next key. Training pauses while the prompt is
 * open. Files are written atomically by data/model.c.
 *
 * A loaded network replaces the session's (lesson/train.h,
 * train_session_load): its shapes, activation and dtype become the
 * settings, the optimizer and the rest stay, it is measured on the test
 * set at once, and End trains on from its weights. A network for another
 * dataset or of other shapes is refused and the running session kept.
 *
 * --load FILE and --save FILE come here too (train_view_start_options).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "data/model.h"
#include "tui/screen_train.h"

/* The file name offered: to load, the file saved or loaded last; else
 * --save FILE, else "mnist-784-50-10.nnm". */
static void default_path(const struct train_screen *t, enum train_prompt kind,
                         char *buf, size_t size)
{
    if (kind == PROMPT_OPEN && t->last_path[0]) {
        snprintf(buf, size, "%s", t->last_path);
        return;
    }
    if (t->save_path) {
        snprintf(buf, size, "%s", t->save_path);
        return;
    }
    char shape[128];
    train_config_shape(&t->s.cfg, shape, sizeof shape);
    snprintf(buf, size, "%s-%s.nnm", dataset_kind_name(t->ds.kind), shape);
}

void train_model_prompt(struct app *a, enum train_prompt kind)
{
    struct train_screen *t = a->train;
    if (!t || !t->have_session)
        return;
    char path[DATASET_PATH_MAX];
    default_path(t, kind, path, sizeof path);
    input_line_set(&t->path, path);
    t->prompt = kind;
    t->prompt_was_paused = t->paused;
    t->paused = 1;
    t->note[0] = '\0';
}

/* The outcome, shown until the next key. */
static void note(struct train_screen *t, int style, const char *tmpl,
                 const char *const *args, int n_args)
{
    text_fill(t->note, (int)sizeof t->note, tmpl, args, n_args);
    t->note_style = style;
}

static void save(struct app *a, const char *path)
{
    struct train_screen *t = a->train;
    char msg[DATA_MSG_SIZE];
    if (train_session_save(&t->s, path, msg, sizeof msg) == 0) {
        snprintf(t->last_path, sizeof t->last_path, "%s", path);
        const char *args[] = {path};
        note(t, RS_GOOD, text_get(a->lang, TX_TRAIN_SAVED), args, 1);
    } else {
        const char *args[] = {msg};
        note(t, RS_BAD, text_get(a->lang, TX_TRAIN_NOT_SAVED), args, 1);
    }
}

/* The session now holds a network from path: say what it is. */
static void loaded(struct app *a, const char *path)
{
    struct train_screen *t = a->train;
    const struct train_session *s = &t->s;
    char shape[128], what[256], acc[32];
    snprintf(t->last_path, sizeof t->last_path, "%s", path);
    train_config_shape(&s->cfg, shape, sizeof shape);
    snprintf(what, sizeof what, "%s %s %s", shape, nn_act_name(s->cfg.act.kind),
             nn_dtype_name(s->cfg.dtype));
    snprintf(acc, sizeof acc, "%.4f", s->model_test_acc);
    const char *args[] = {path, what, acc};
    note(t, RS_GOOD, text_get(a->lang, TX_TRAIN_LOADED), args, 3);
}

/* Put fresh in the place of the running session, paused. */
static void replace(struct train_screen *t, struct train_session *fresh)
{
    if (t->have_session)
        train_session_fini(&t->s);
    t->s = *fresh;
    t->have_session = 1;
    t->cfg = fresh->cfg;
    t->paused = 1;
    t->stepping = 0;
    t->saved_at_end = 0;
}

static void load(struct app *a, const char *path)
{
    struct train_screen *t = a->train;
    char msg[DATA_MSG_SIZE];
    struct train_session fresh;
    if (train_session_load(&fresh, &t->s.cfg, path, &t->ds, msg, sizeof msg) !=
        0) {
        const char *args[] = {msg};
        note(t, RS_BAD, text_get(a->lang, TX_TRAIN_NOT_LOADED), args, 1);
        return;
    }
    replace(t, &fresh);
    loaded(a, path);
}

int train_model_key(struct app *a, int ch)
{
    struct train_screen *t = a->train;
    if (!t || t->prompt == PROMPT_NONE)
        return 0;
    switch (input_line_key(&t->path, ch, NULL)) {
    case INPUT_DONE:
        if (t->path.len == 0)
            break; /* nothing to save to yet */
        t->paused = t->prompt_was_paused;
        if (t->prompt == PROMPT_SAVE)
            save(a, t->path.buf);
        else
            load(a, t->path.buf);
        t->prompt = PROMPT_NONE;
        break;
    case INPUT_CANCELLED:
        t->paused = t->prompt_was_paused;
        t->prompt = PROMPT_NONE;
        break;
    case INPUT_EDITED:
    case INPUT_IGNORED:
        break;
    }
    return 1; /* an open prompt takes every key */
}

int train_model_draw(struct app *a, struct rgrid *g, int x, int y, int w)
{
    struct train_screen *t = a->train;
    if (t->prompt != PROMPT_NONE) {
        const char *label =
            text_get(a->lang, t->prompt == PROMPT_SAVE ? TX_TRAIN_SAVE_TO
                                                       : TX_TRAIN_LOAD_FROM);
        int lw = rgrid_print_n(g, x, y, w, label, RS_BOLD) + 1;
        input_line_draw(&t->path, g, x + lw, y, w - lw, RS_ACCENT, RS_ACCENT);
        rgrid_print_n(g, x, y + 1, w,
                      text_get(a->lang, t->prompt == PROMPT_SAVE
                                            ? TX_TRAIN_SAVE_KEYS
                                            : TX_TRAIN_LOAD_KEYS),
                      RS_DIM);
        return 1;
    }
    if (!t->note[0])
        return 0;
    rgrid_wrap(g, x, y, w, 2, t->note, t->note_style);
    return 1;
}

int train_model_save_at_end(struct app *a)
{
    struct train_screen *t = a->train;
    if (!t || !t->save_path || !t->have_session || t->saved_at_end ||
        t->s.phase != TRAIN_DONE)
        return 0;
    t->saved_at_end = 1;
    save(a, t->save_path);
    return 1;
}

/* The body of train_view_start_options for --load, without the option
 * name in msg. */
static int start_loaded(struct app *a, const char *path, char *msg, size_t size)
{
    struct nn_mlp m;
    enum dataset_kind kind;
    int err = model_load(path, &m, &kind, msg, size);
    if (err)
        return err;
    struct train_screen *t = train_screen_new(a);
    if (!t) {
        nn_mlp_fini(&m);
        snprintf(msg, size, "out of memory");
        return NN_ENOMEM;
    }
    /* The dataset the network was trained on. */
    err = train_screen_data(t, kind, msg, size);
    struct train_session fresh;
    char why[DATA_MSG_SIZE / 2]; /* room for the path in msg */
    if (!err) {
        err = train_session_init_from_mlp(&fresh, &t->cfg, &m, &t->ds, why,
                                          sizeof why);
        if (err)
            snprintf(msg, size, "%s: %s", path, why);
    }
    nn_mlp_fini(&m);
    if (err)
        return err;
    replace(t, &fresh);
    loaded(a, path);
    a->view = &train_view;
    return 0;
}

int train_view_start_options(struct app *a, const char *load_path,
                             const char *save_path, int open, char *msg,
                             size_t size)
{
    char why[DATA_MSG_SIZE];
    /* A run can take minutes: find out now if its model cannot be saved. */
    if (save_path && model_save_check(save_path, why, sizeof why) != 0) {
        snprintf(msg, size, "--save: %s", why);
        return -1;
    }
    if (load_path) {
        if (start_loaded(a, load_path, why, sizeof why) != 0) {
            snprintf(msg, size, "--load: %s", why);
            return -1;
        }
    } else if (open) {
        train_view_open(a);
    }
    return 0;
}
