/*
 * Shared scaffolding of the headless screen tests: an app holding one
 * lesson parsed from memory, keys fed as the terminal loop feeds them,
 * the app drawn into a cell grid and read back as text, and checks that
 * the text shows (or hides) a string. No curses screen is started.
 */
#ifndef NNLAB_TESTS_SCREEN_HELPERS_H
#define NNLAB_TESTS_SCREEN_HELPERS_H

#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "render/grid.h"
#include "tui/app.h"

/* Parse lesson text (named id) from memory; fails the test with the
 * parser's message if it does not parse. The caller owns the lesson
 * (an app frees the lessons it holds in app_fini). */
struct lesson *screen_parse(const char *text, const char *id);

/* app_init a with options o (NULL: all zero) and language lang, give it
 * the one lesson text under id, and open it at its first step. */
void screen_app_open(struct app *a, const struct options *o, enum tui_lang lang,
                     const char *id, const char *text);

/* A key as the terminal loop handles it: the screen's own keys first
 * (app_key), then the key table in the mode of the screen shown. */
void screen_key(struct app *a, int ch);

/* Only the key table, in the mode of the screen shown. */
void screen_key_table(struct app *a, int ch);

/* Every byte of s through screen_key. */
void screen_type(struct app *a, const char *s);

/* Draw a into a fresh w x h grid and return the screen as text (caller
 * frees). */
char *screen_draw(struct app *a, int w, int h);

/* Draw a into *g, which is made 80 x 24 on first use (g->cells NULL),
 * and return the text (caller frees). The grid stays readable until
 * screen_teardown. */
char *screen_draw_into(struct app *a, struct rgrid *g);

/* app_fini a and release *g if it was made (cells NULL again). */
void screen_teardown(struct app *a, struct rgrid *g);

#define ck_assert_shows(text, needle)                                          \
    ck_assert_msg(strstr((text), (needle)) != NULL,                            \
                  "screen lacks \"%s\":\n%s", (needle), (text))
#define ck_assert_hides(text, needle)                                          \
    ck_assert_msg(strstr((text), (needle)) == NULL,                            \
                  "screen shows \"%s\":\n%s", (needle), (text))

/* Check the text of one drawing (an expression returning text the caller
 * frees, such as screen_draw(...)) and free it. */
#define ck_drawn_shows(drawing, needle)                                        \
    do {                                                                       \
        char *s_ = (drawing);                                                  \
        ck_assert_shows(s_, needle);                                           \
        free(s_);                                                              \
    } while (0)
#define ck_drawn_hides(drawing, needle)                                        \
    do {                                                                       \
        char *s_ = (drawing);                                                  \
        ck_assert_hides(s_, needle);                                           \
        free(s_);                                                              \
    } while (0)

#endif
