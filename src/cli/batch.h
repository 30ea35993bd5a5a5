/*
 * The --batch front end: every lesson and command printed as plain text,
 * with no curses and no escape codes.
 */
#ifndef CLI_BATCH_H
#define CLI_BATCH_H

#include <stdio.h>

#include "cli/options.h"

/* Run the topic in o->topic with its options. Returns the process exit
 * status: 0 on success, 1 on a runtime error, 2 on a usage error. */
int cli_batch_run(const struct options *o, FILE *out, FILE *err);

#endif
