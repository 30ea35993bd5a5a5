/*
 * Widgets: what a lesson directive places on a step (a gate's truth table,
 * a plot, a walkthrough stage, ...), drawn into a cell grid.
 *
 * Each topic model provides its widget kinds; widgets.c lists them all in
 * one table. The TUI and --batch draw the same widget through the same
 * render function, so what a test sees in the grid is what a learner sees.
 */
#ifndef LESSON_WIDGET_H
#define LESSON_WIDGET_H

#include <stddef.h>

#include "lesson/lesson.h"
#include "render/glyphs.h"
#include "render/grid.h"

struct digits_cache;

/* How the front end wants things drawn, and what it keeps for widgets. */
struct widget_ctx {
    /* render's glyph set (not owned, static): Unicode; narrow (ASCII boxes
     * but braille plots, for terminals that draw ambiguous-width
     * characters two cells wide); or ASCII only. See render/glyphs.h. */
    const struct rglyphs *glyphs;
    const char *lang; /* "en" or "ko" */
    /* The MNIST widgets' dataset and trained networks, kept between
     * drawings (lesson/digits_cache.h); owned by the front end. NULL:
     * each drawing loads and trains anew. */
    struct digits_cache *digits;
};

struct widget_kind {
    const char *name; /* the directive name */
    /* Accepted parameter names, NULL-terminated; others are an error. */
    const char *const *params;
    /* Validate parameter values. Returns 0, or -1 with a message (no file
     * or line: the caller adds them) written into msg. May be NULL. */
    int (*check)(const struct lesson_widget *w, char *msg, size_t msg_len);
    /* Draw into g (the caller sizes it: full width, enough rows). Returns
     * the number of rows used, or -1 with a message in msg. */
    int (*render)(const struct lesson_widget *w, const struct widget_ctx *ctx,
                  struct rgrid *g, char *msg, size_t msg_len);
};

/* The widget kind for a directive name, or NULL. */
const struct widget_kind *widget_find(const char *name);

#endif
