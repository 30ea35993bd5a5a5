/*
 * nnlab --batch backprop: the hand-calculated backpropagation walkthrough
 * printed as text (one line per value: formula, substituted numbers,
 * result to 8 decimals), CSV or JSON. The numbers come from the backprop
 * topic model, which runs the core's MLP (lesson/backprop.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/emit.h"
#include "core/error.h"
#include "lesson/backprop.h"

/* Inputs, weights, targets and biases are limited to |v| <= 1e6: beyond
 * that every sigmoid is flat and the lesson shows nothing. */
#define VALUE_LIMIT 1e6

static int in_range(struct args *a, const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fabs(v[i]) > VALUE_LIMIT) {
            fprintf(a->err, "nnlab: %s: %g is out of range [-1e6, 1e6]\n",
                    a->name, v[i]);
            return -1;
        }
    return 0;
}

static int list(struct args *a, double *out, size_t n)
{
    const char *v = args_value(a);
    if (!v || args_doubles(a, v, out, n))
        return -1;
    return in_range(a, out, n);
}

static int flag(struct args *a, int *field)
{
    *field = 1;
    return args_no_value(a);
}

static int parse(const struct options *o, FILE *err, struct backprop_config *c,
                 enum emit_format *f)
{
    struct args a;
    int kind, bias_shared = 0, bias_unit = 0;
    args_init(&a, o->topic_argc, o->topic_argv, err);
    while ((kind = args_next(&a)) != 0) {
        int r;
        const char *v;
        if (kind == 2) {
            fprintf(err,
                    "nnlab: backprop: unexpected argument '%s' "
                    "(try --help)\n",
                    a.name);
            return -1;
        }
        if (args_is(&a, "--x"))
            r = list(&a, c->x, 2);
        else if (args_is(&a, "--w"))
            r = list(&a, c->w, 8);
        else if (args_is(&a, "--target"))
            r = list(&a, c->target, 2);
        else if (args_is(&a, "--lr"))
            r = (v = args_value(&a)) ? args_double(&a, v, 0, 1000, &c->lr) : -1;
        else if (args_is(&a, "--bias")) {
            r = list(&a, c->b, 2);
            bias_shared = 1;
            c->bias = BACKPROP_BIAS_SHARED;
        } else if (args_is(&a, "--bias-per-unit")) {
            r = list(&a, c->b, 4);
            bias_unit = 1;
            c->bias = BACKPROP_BIAS_PER_UNIT;
        } else if (args_is(&a, "--freeze-bias"))
            r = flag(&a, &c->freeze_bias);
        else if (args_is(&a, "--iterations"))
            r = (v = args_value(&a))
                    ? args_long(&a, v, 1, BACKPROP_MAX_ITERATIONS,
                                &c->iterations)
                    : -1;
        else if (args_is(&a, "--numeric"))
            r = flag(&a, &c->numeric);
        else if (args_is(&a, "--format"))
            r = emit_parse_format(&a, f);
        else
            r = args_unknown(&a, "backprop");
        if (r)
            return -1;
    }
    if (bias_shared && bias_unit) {
        fprintf(err, "nnlab: --bias and --bias-per-unit exclude each "
                     "other\n");
        return -1;
    }
    if (c->freeze_bias && c->bias == BACKPROP_BIAS_NONE) {
        fprintf(err, "nnlab: --freeze-bias needs --bias or "
                     "--bias-per-unit\n");
        return -1;
    }
    return 0;
}

/* A number as typed: shortest form. */
static void given(FILE *out, double v)
{
    fprintf(out, "%.10g", v);
}

/* A computed value to 8 decimals, never "-0.00000000". */
static void value8(FILE *out, double v)
{
    char t[64];
    snprintf(t, sizeof t, "%.8f", v);
    fputs(strcmp(t, "-0.00000000") == 0 ? t + 1 : t, out);
}

static void text_header(FILE *out, const struct backprop_walk *w)
{
    const struct backprop_config *c = &w->cfg;
    const char *alpha = c->ascii ? "lr" : "α";
    fputs("Backpropagation by hand: a 2-2-2 network of sigmoid units, ", out);
    switch (c->bias) {
    case BACKPROP_BIAS_NONE:
        fputs("no bias\n", out);
        break;
    case BACKPROP_BIAS_SHARED:
        fputs("one bias per layer shared by its units (b1 = ", out);
        given(out, c->b[0]);
        fputs(", b2 = ", out);
        given(out, c->b[1]);
        fprintf(out, "), %s\n", c->freeze_bias ? "held fixed" : "updated");
        break;
    case BACKPROP_BIAS_PER_UNIT:
        fputs("one bias per unit (b1..b4 = ", out);
        for (int i = 0; i < 4; i++) {
            given(out, c->b[i]);
            fputs(i < 3 ? ", " : "", out);
        }
        fprintf(out, "), %s\n", c->freeze_bias ? "held fixed" : "updated");
        break;
    }
    fputs("x1 = ", out);
    given(out, c->x[0]);
    fputs(", x2 = ", out);
    given(out, c->x[1]);
    fputs("; target1 = ", out);
    given(out, c->target[0]);
    fputs(", target2 = ", out);
    given(out, c->target[1]);
    fprintf(out, "; learning rate %s = ", alpha);
    given(out, c->lr);
    fprintf(out, "\nE = %s; values rounded to 8 decimals\n",
            c->ascii ? "1/2 sum (target - output)^2" : "½Σ(target − output)²");
}

/* "dW[2] (2×2) = hᵀ·dz[2] = [[a, b], [c, d]]" */
static void print_matrices(FILE *out, const struct backprop_walk *w)
{
    fputs("\nThe same step in matrices (one sample per row)\n", out);
    for (size_t i = 0; i < w->n_mats; i++) {
        const struct backprop_matrix *m = &w->mats[i];
        fprintf(out, "%s (%zu%s%zu)", m->name, m->rows,
                w->cfg.ascii ? "x" : "×", m->cols);
        if (m->formula[0])
            fprintf(out, " = %s", m->formula);
        fputs(" = [", out);
        for (size_t r = 0; r < m->rows; r++) {
            fputs(r ? ", [" : "[", out);
            for (size_t c = 0; c < m->cols; c++) {
                fputs(c ? ", " : "", out);
                value8(out, m->v[r * m->cols + c]);
            }
            fputc(']', out);
        }
        fputs("]\n", out);
    }
}

/* --step: after each line, wait for Enter on stdin (the prompt goes to
 * err, so stdout stays the plain walkthrough). Returns 1 to stop: "q" or
 * the end of the input. */
static int wait_enter(FILE *out, FILE *err)
{
    fflush(out);
    fputs("-- Enter: next line, q Enter: stop --", err);
    fflush(err);
    char line[64];
    if (!fgets(line, sizeof line, stdin)) {
        fputc('\n', err); /* the terminal echoed no Enter */
        return 1;
    }
    int stop = line[0] == 'q' || line[0] == 'Q';
    while (!strchr(line, '\n') && fgets(line, sizeof line, stdin))
        ; /* the rest of an overlong line counts as the same Enter */
    return stop;
}

/* Returns 1 when the learner stopped it (--step, "q"). */
static int print_text(FILE *out, FILE *err, const struct backprop_walk *w,
                      int step)
{
    text_header(out, w);
    int section = -1, matrices = 0;
    for (size_t i = 0; i < w->n_lines; i++) {
        const struct backprop_line *l = &w->lines[i];
        if (l->section > BACKPROP_STAGE2 && !matrices) {
            print_matrices(out, w);
            matrices = 1;
        }
        if ((int)l->section != section) {
            section = (int)l->section;
            fprintf(out, "\n%s\n", backprop_section_title(l->section));
        }
        fputs(l->name, out);
        if (l->formula[0])
            fprintf(out, " = %s", l->formula);
        if (l->numbers[0])
            fprintf(out, " = %s", l->numbers);
        fputs(" = ", out);
        value8(out, l->value);
        if (l->note[0])
            fprintf(out, "  (%s)", l->note);
        fputc('\n', out);
        if (step && wait_enter(out, err))
            return 1;
    }
    long n = w->cfg.iterations;
    fputs("\nE_total went from ", out);
    value8(out, w->error[0]);
    fputs(" to ", out);
    value8(out, w->error[n]);
    fprintf(out, " after %ld update%s\n", n, n == 1 ? "" : "s");
    return 0;
}

static void print_csv(FILE *out, const struct backprop_walk *w)
{
    fputs("section,name,formula,numbers,value,note\n", out);
    for (size_t i = 0; i < w->n_lines; i++) {
        const struct backprop_line *l = &w->lines[i];
        fprintf(out, "%s,", backprop_section_key(l->section));
        emit_csv_field(out, l->name);
        fputc(',', out);
        emit_csv_field(out, l->formula);
        fputc(',', out);
        emit_csv_field(out, l->numbers);
        fprintf(out, ",%.17g,", l->value);
        emit_csv_field(out, l->note);
        fputc('\n', out);
    }
}

static void print_json(FILE *out, const struct backprop_walk *w)
{
    static const char *const bias[] = {"none", "shared", "per_unit"};
    const struct backprop_config *c = &w->cfg;
    fprintf(out,
            "{\"network\": \"2-2-2 sigmoid\", \"bias\": \"%s\", "
            "\"freeze_bias\": %s, \"learning_rate\": %.17g, "
            "\"iterations\": %ld,\n \"lines\": [\n",
            bias[c->bias], c->freeze_bias ? "true" : "false", c->lr,
            c->iterations);
    for (size_t i = 0; i < w->n_lines; i++) {
        const struct backprop_line *l = &w->lines[i];
        fprintf(out, "  {\"section\": \"%s\", \"name\": ",
                backprop_section_key(l->section));
        emit_json_string(out, l->name);
        fputs(", \"formula\": ", out);
        emit_json_string(out, l->formula);
        fputs(", \"numbers\": ", out);
        emit_json_string(out, l->numbers);
        fprintf(out, ", \"value\": %.17g", l->value);
        if (l->note[0]) {
            fputs(", \"note\": ", out);
            emit_json_string(out, l->note);
        }
        fprintf(out, "}%s\n", i + 1 < w->n_lines ? "," : "");
    }
    fputs(" ],\n \"matrices\": [\n", out);
    for (size_t i = 0; i < w->n_mats; i++) {
        const struct backprop_matrix *m = &w->mats[i];
        fputs("  {\"name\": ", out);
        emit_json_string(out, m->name);
        fputs(", \"formula\": ", out);
        emit_json_string(out, m->formula);
        fprintf(out, ", \"rows\": %zu, \"cols\": %zu, \"values\": [", m->rows,
                m->cols);
        for (size_t k = 0; k < m->rows * m->cols; k++)
            fprintf(out, "%s%.17g", k ? ", " : "", m->v[k]);
        fprintf(out, "]}%s\n", i + 1 < w->n_mats ? "," : "");
    }
    fputs(" ],\n \"error\": [", out);
    for (long k = 0; k <= c->iterations; k++)
        fprintf(out, "%s%.17g", k ? ", " : "", w->error[k]);
    fputs("]}\n", out);
}

int cmd_backprop(const struct options *o, FILE *out, FILE *err)
{
    struct backprop_config c;
    enum emit_format f = EMIT_TEXT;
    backprop_config_default(&c);
    c.ascii = o->ascii;
    if (parse(o, err, &c, &f))
        return 2;
    struct backprop_walk w;
    int e = backprop_walk_run(&w, &c);
    if (e) {
        fprintf(err, "nnlab: backprop: %s\n", nn_strerror(e));
        return 1;
    }
    if (f == EMIT_CSV)
        print_csv(out, &w);
    else if (f == EMIT_JSON)
        print_json(out, &w);
    else
        print_text(out, err, &w, o->step);
    backprop_walk_fini(&w);
    return 0;
}
