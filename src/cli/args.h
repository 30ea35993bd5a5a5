/*
 * A small command-line scanner shared by the global options and by each
 * batch command's own options.
 *
 * Options are "--name", "--name VALUE" or "--name=VALUE". Every parse error
 * is written to the given stream naming the option and the value at fault,
 * and the caller exits with status 2.
 */
#ifndef CLI_ARGS_H
#define CLI_ARGS_H

#include <stddef.h>
#include <stdio.h>

struct args {
    int argc;
    char **argv;
    int i;           /* next argv index to look at */
    const char *name;  /* current option name, e.g. "--lr" */
    const char *inline_value; /* the part after '=' in --name=value, or NULL */
    int positional_only; /* set after "--" */
    char name_buf[64];   /* holds the name part of --name=value */
    FILE *err;
};

void args_init(struct args *a, int argc, char **argv, FILE *err);
/* Advance to the next word. Returns 1 and sets a->name for an option
 * ("--x"), 2 for a positional word (a->name is the word), 0 at the end.
 * "--" ends options: every later word is positional. */
int args_next(struct args *a);
/* Is the current option `name`? */
int args_is(const struct args *a, const char *name);
/* The current option's value (inline or the next word). NULL and an error
 * message if missing. */
const char *args_value(struct args *a);
/* Reject a value given to an option that takes none ("--help=3"). */
int args_no_value(struct args *a);
/* Report an option the command does not know. Always returns -1. */
int args_unknown(struct args *a, const char *command);

/* Number parsing. Every numeric option goes through these: the whole
 * string must be a decimal number as people write it ("0.01", "-2",
 * ".5", "1e-3"): no spaces around it, no '+' in front, no hex, and whole
 * numbers are digits only. On failure print "nnlab: OPTION: 'VALUE' is
 * not ..." (or "... is out of range [LO, HI]") and return -1. */
int args_double(struct args *a, const char *value, double lo, double hi,
                double *out);
int args_long(struct args *a, const char *value, long lo, long hi,
              long *out);
/* Any number, also "nan" and "inf"/"infinity" (signed, any case), for an
 * option whose own check explains why such a value cannot work. */
int args_number(struct args *a, const char *value, double *out);
/* A comma-separated list of exactly n numbers ("0.3,0.25"). */
int args_doubles(struct args *a, const char *value, double *out, size_t n);
/* Check only the syntax of each item of a comma-separated list whose own
 * parser (in the lessons) checks the count and the ranges: every item
 * must be a number as above (or nan/inf, which that parser refuses with
 * its own reason). Items too long to be numbers are left to it too. */
int args_number_list(struct args *a, const char *value);
/* Like args_double/args_long/args_number, naming `what` instead of the
 * current option (for positional words and values from elsewhere). */
int parse_double(FILE *err, const char *what, const char *value, double lo,
                 double hi, double *out);
int parse_long(FILE *err, const char *what, const char *value, long lo,
               long hi, long *out);
int parse_number(FILE *err, const char *what, const char *value,
                 double *out);
/* Is s a number in that decimal syntax (for an option whose value is
 * optional: "--demo 5" against "--demo backprop")? */
int args_is_number(const char *s);

#endif
