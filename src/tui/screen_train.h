/*
 * The training screen's state, shared by its three files: the screen
 * itself (screen_train.c), its settings panel (screen_train_panel.c) and
 * the prompt that saves and loads networks (screen_train_model.c).
 * Private to the TUI.
 */
#ifndef TUI_SCREEN_TRAIN_H
#define TUI_SCREEN_TRAIN_H

#include "data/data_err.h"
#include "data/dataset.h"
#include "lesson/train.h"
#include "render/grid.h"
#include "tui/app.h"
#include "tui/input_line.h"

/* The rows of the settings panel, top to bottom. */
enum train_field {
    TF_PRESET,
    TF_DATASET,
    TF_HIDDEN,
    TF_ACT,
    TF_OPT,
    TF_LR,
    TF_BATCH,
    TF_EPOCHS,
    TF_INIT,
    TF_STD,
    TF_DTYPE,
    TF_SEED,
    TF_TRAIN_SIZE,
    TF_START,
    TF_COUNT
};

/* The settings panel: a configuration being edited, applied only when
 * training starts with it. */
struct train_panel {
    struct train_config cfg;
    enum dataset_kind kind; /* the dataset to train on */
    int have_fashion;       /* Fashion-MNIST was found */
    enum train_field field; /* the row chosen */
    int typing;             /* a value is being typed into line */
    struct input_line line;
    char msg[DATA_MSG_SIZE]; /* what is wrong, shown under msg_field */
    enum train_field msg_field;
    int was_paused; /* the run's state before the panel opened */
    int row_y[TF_COUNT]; /* screen row of each field as last drawn, or -1 */
};

enum train_prompt { PROMPT_NONE, PROMPT_SAVE, PROMPT_OPEN };

struct train_screen {
    struct dataset ds;
    int have_data;
    char error[DATA_MSG_SIZE]; /* why there is nothing to train */
    struct train_config cfg;
    size_t preset; /* index of cfg's preset */
    struct train_session s;
    int have_session;
    int paused;
    int stepping; /* paused, but training up to the next mini-batch's end */
    double *x;    /* iteration numbers for the loss plot */
    size_t n_x;

    struct train_panel panel;
    enum train_prompt prompt; /* a file name being typed, or none */
    struct input_line path;
    int prompt_was_paused;
    char last_path[DATASET_PATH_MAX]; /* saved to or loaded from last */
    char note[DATA_MSG_SIZE + 128];   /* outcome of the last save or load */
    int note_style;
    const char *save_path; /* --save FILE: saved there when a run ends */
    int saved_at_end;      /* the run's end was saved already */
};

/* The screen's state, made (settings: the first preset; no data, no
 * session yet) unless it exists. NULL when memory runs out. */
struct train_screen *train_screen_new(struct app *a);
/* Hold the dataset of kind, loading it unless held already (a session
 * on the old one is ended first). Returns 0, or an error code with the
 * reason in msg; what was held is then kept. */
int train_screen_data(struct train_screen *t, enum dataset_kind kind, char *msg,
                      size_t size);
/* Replace the session by one of cfg on dataset kind (loaded when it is
 * not the one held). Returns 0, or an error code with the reason in msg;
 * the running session is then kept. */
int train_screen_start(struct train_screen *t, const struct train_config *cfg,
                       enum dataset_kind kind, char *msg, size_t size);

/* The settings panel (screen_train_panel.c, train_panel_view): open it
 * over the training screen with the session's settings. */
void train_panel_open(struct app *a);

/* The model prompt (screen_train_model.c). */
/* Open the prompt for a file name to save to or load from. */
void train_model_prompt(struct app *a, enum train_prompt kind);
/* The prompt's keys (all of them while it is open). */
int train_model_key(struct app *a, int ch);
/* Draw the prompt, or the last outcome, in rows y and y + 1 (a long
 * outcome also in y - 1). Returns 1 when it drew something. */
int train_model_draw(struct app *a, struct rgrid *g, int x, int y, int w);
/* Save to --save FILE once the run has ended, if asked. Returns 1 when
 * it saved (or tried to: the outcome is on the screen). */
int train_model_save_at_end(struct app *a);

#endif
