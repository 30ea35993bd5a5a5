/*
 * Global command-line options of nnlab.
 *
 *   nnlab [OPTIONS] [TOPIC [TOPIC OPTIONS]]
 *
 * Global options may appear anywhere; the first positional word is the
 * topic (a lesson such as "backprop", or a batch command such as "plot");
 * every other word is kept, in order, for the topic's own option parser.
 */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include <stdio.h>

enum color_mode {
    COLOR_AUTO,
    COLOR_ALWAYS,
    COLOR_NEVER,
};

struct options {
    int help;
    int version;
    int batch;         /* --batch: plain text, no curses */
    int step;          /* --step: in batch, wait for Enter between steps */
    int ascii;         /* --ascii: ASCII-only drawing */
    int wide_ambiguous; /* --wide-ambiguous: ambiguous-width glyphs are
                           two cells wide (many Korean terminals) */
    int demo;          /* --demo: classroom mode */
    double demo_seconds; /* auto-advance period for --demo */
    enum color_mode color;
    const char *lang;  /* "en", "ko", or NULL for the environment's */
    const char *lesson_file; /* --lesson FILE */
    /* --load FILE, --save FILE: a model file for the training screen;
     * with a batch command (train, predict) they are handed to it. */
    const char *load_file;
    const char *save_file;
    const char *topic; /* first positional word, or NULL */
    int topic_argc;    /* words left for the topic */
    char **topic_argv; /* owned: free with options_fini() */
};

/* Parse argv. Returns 0, or -1 after printing a message to err (the
 * caller exits with status 2). */
int options_parse(struct options *o, int argc, char **argv, FILE *err);
void options_fini(struct options *o);
/* The --help text. */
void options_usage(FILE *out);

#endif
