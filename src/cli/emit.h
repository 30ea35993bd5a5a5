/*
 * Machine-readable output shared by the batch commands: the --format
 * option, CSV fields, and JSON strings and number arrays.
 *
 * Numbers are written with %.17g, which reads back as the very same
 * double; they are finite wherever these helpers are used (JSON has no
 * NaN or Inf).
 */
#ifndef CLI_EMIT_H
#define CLI_EMIT_H

#include <stddef.h>
#include <stdio.h>

#include "cli/args.h"
#include "core/mat.h"

enum emit_format { EMIT_TEXT, EMIT_CSV, EMIT_JSON };

/* The current option's value as text, csv or json into *f. Returns 0, or
 * -1 after "nnlab: --format: 'VALUE' is not text, csv or json". */
int emit_parse_format(struct args *a, enum emit_format *f);

/* A CSV field, always quoted, quotes doubled. */
void emit_csv_field(FILE *out, const char *s);

/* A JSON string: UTF-8 passes through; quotes, backslashes and control
 * characters are escaped. */
void emit_json_string(FILE *out, const char *s);

/* [v0, v1, ...] */
void emit_json_doubles(FILE *out, const double *v, size_t n);

/* A matrix as a JSON array of its rows: [[...], [...]]. */
void emit_json_mat(FILE *out, const struct nn_mat *m);

#endif
