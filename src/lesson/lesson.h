/*
 * Lessons as data: the parsed form of a lesson file (format documented in
 * lessons/README.md).
 *
 * A lesson is a title and a sequence of steps. A step has prose (UTF-8,
 * paragraphs separated by blank lines) and may place widgets by directives
 * with named parameters, e.g. a gate with given weights or a plot of a
 * function over a range. Strings are owned by the lesson and freed by
 * lesson_free().
 */
#ifndef LESSON_LESSON_H
#define LESSON_LESSON_H

#include <stddef.h>

struct lesson_param {
    char *key;
    char *value;
};

struct lesson_widget {
    char *kind; /* directive name: "gate", "plot", "walkthrough", ... */
    /* key=value pairs; a block directive's lines (up to @end) are the
     * parameter "body". Each key appears once. */
    struct lesson_param *params;
    size_t n_params;
    int line;    /* line of the directive in its file, for messages */
    char *after; /* prose shown below the widget, up to the next widget or
                    the end of the step; "" when there is none */
};

/* A step reads top to bottom: prose, then each widget followed by its
 * `after` prose. Paragraphs are separated by a blank line ("\n\n"), list
 * items by "\n"; wrapping is the renderer's job. */
struct lesson_step {
    char *title; /* may be NULL */
    char *prose; /* the text above the first widget; "" when none */
    struct lesson_widget *widgets;
    size_t n_widgets;
};

struct lesson {
    char *id; /* "backprop", or the file name for --lesson files */
    char *title;
    char *path; /* the file it was read from */
    struct lesson_step *steps;
    size_t n_steps;
};

/* A parse error: "file:line: message". */
struct lesson_error {
    char text[512];
};

/* Read and validate a lesson file. Returns a lesson or NULL with err set
 * (unknown directive, bad parameter, invalid UTF-8, I/O error ...). */
struct lesson *lesson_load(const char *path, struct lesson_error *err);
/* Parse from memory; `name` is used in messages. */
struct lesson *lesson_parse(const char *text, size_t len, const char *name,
                            struct lesson_error *err);
void lesson_free(struct lesson *l);

/* The value of a widget parameter, or NULL. */
const char *lesson_widget_param(const struct lesson_widget *w, const char *key);

#endif
