/*
 * Batch commands, one file each. Each parses o->topic_argv with its own
 * options and returns an exit status (0 ok, 1 runtime error, 2 usage).
 */
#ifndef CLI_COMMANDS_H
#define CLI_COMMANDS_H

#include <stdio.h>

#include "cli/options.h"

/* The backprop walkthrough (cmd_backprop.c). */
int cmd_backprop(const struct options *o, FILE *out, FILE *err);

#endif
