/*
 * "Check my hand calculation" for the backprop walkthrough: does a typed
 * value match a line, and if not, which factor or term explains it (see
 * backprop_check in backprop.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lesson/backprop.h"

/* Decimals typed after the point (before any exponent). */
static int typed_decimals(const char *s)
{
    const char *dot = strchr(s, '.');
    int d = 0;
    if (dot)
        for (const char *p = dot + 1; *p >= '0' && *p <= '9'; p++)
            d++;
    if (strpbrk(s, "eE"))
        d = 8; /* exponent form: compare to the shown precision */
    return d;
}

/* Does x round to the typed number t at d decimals? Half a unit of the
 * last typed digit, with a hair of slack for binary representation. */
static int same_at(double x, double t, int d)
{
    double unit = pow(10.0, -d);
    return fabs(x - t) <= 0.5 * unit * (1 + 1e-9) + 1e-15;
}

/* A value the learner may have used by mistake: name and value. */
struct candidate {
    const char *name;
    double value;
};

/* In order of preference when two share a value (W3 and target1 are both
 * 0.4 in the textbook's network): parameters, inputs, the lines shown so
 * far, targets. */
static size_t candidates(const struct backprop_walk *w, size_t upto,
                         struct candidate *c, size_t max)
{
    static const char *const xn[2] = {"x1", "x2"}, *const tn[2] = {"target1",
                                                                   "target2"};
    size_t n = 0; /* max is above the 16 fixed entries */
    for (int k = 0; k < backprop_param_count(w); k++)
        c[n++] = (struct candidate){backprop_param_name(k),
                                    k < 8 ? w->cfg.w[k] : w->cfg.b[k - 8]};
    for (int k = 0; k < 2; k++)
        c[n++] = (struct candidate){xn[k], w->cfg.x[k]};
    for (size_t i = 0; i < upto && n + 2 < max; i++)
        c[n++] = (struct candidate){w->lines[i].name, w->lines[i].value};
    for (int k = 0; k < 2; k++)
        c[n++] = (struct candidate){tn[k], w->cfg.target[k]};
    return n;
}

/*
 * What did the learner use in place of `name` (value `actual`) if it had
 * to be `implied` (known to ±tol)? Writes it to used and returns 1: "1"
 * for a factor left out (product), "0" for a term left out (sum), "-name"
 * for a sign slip, or the name of another value shown so far.
 */
static int explain(const struct candidate *c, size_t nc, int product,
                   const char *name, double actual, double implied, double tol,
                   char *used, size_t len)
{
    if (product && fabs(implied - 1) <= tol)
        snprintf(used, len, "1");
    else if (!product && fabs(implied) <= tol)
        snprintf(used, len, "0");
    else if (fabs(implied + actual) <= tol)
        snprintf(used, len, "-%s", name);
    else {
        for (size_t m = 0; m < nc; m++)
            if (fabs(implied - c[m].value) <= tol &&
                strcmp(c[m].name, name) != 0) {
                snprintf(used, len, "%s", c[m].name);
                return 1;
            }
        return 0;
    }
    return 1;
}

int backprop_check(const struct backprop_walk *w, size_t i, const char *typed,
                   struct backprop_verdict *v)
{
    char *end;
    if (i >= w->n_lines)
        return NN_EINVAL;
    double t = strtod(typed, &end);
    while (*end == ' ' || *end == '\t' || *end == '\n')
        end++;
    if (end == typed || *end != '\0' || !isfinite(t))
        return NN_EINVAL;
    const struct backprop_line *l = &w->lines[i];
    memset(v, 0, sizeof *v);
    v->operand = -1;
    v->factor = -1;
    v->decimals = typed_decimals(typed);
    int d = v->decimals > 8 ? 8 : v->decimals;
    if (same_at(l->value, t, d)) {
        /* 0.08 typed for 0.08000000 is exact; 0.52 for 0.51998934 is
         * only a start. */
        v->match = d >= 4 || fabs(l->value - t) < 1e-12;
        v->too_coarse = !v->match;
        return NN_OK;
    }
    if (l->op == BACKPROP_OP_NONE)
        return NN_OK;
    struct candidate c[160];
    size_t nc = candidates(w, i, c, sizeof c / sizeof c[0]);
    int product = l->op == BACKPROP_OP_PRODUCT;
    for (int k = 0; k < l->n_operands; k++) {
        /* What operand k must have been for the typed result, and how
         * precisely that is known: the typed rounding, carried through. */
        double rest = product ? 1 : 0;
        for (int j = 0; j < l->n_operands; j++)
            if (j != k)
                rest = product ? rest * l->operands[j] : rest + l->operands[j];
        double implied, tol = 0.5 * pow(10.0, -d);
        if (product) {
            if (rest == 0)
                continue;
            implied = t / rest;
            tol /= fabs(rest);
        } else {
            implied = t - rest;
        }
        double slack = 1e-8 * (1 + fabs(implied)); /* copied from the text */
        if (explain(c, nc, product, l->operand_names[k], l->operands[k],
                    implied, tol + slack, v->used, sizeof v->used)) {
            v->operand = k;
            v->implied = implied;
            return NN_OK;
        }
        /* A term a·b of a sum: was a or b the wrong one? */
        for (int f = 0; !product && f < l->n_factors[k]; f++) {
            double other = l->factors[k][1 - f];
            if (other == 0)
                continue;
            double fi = implied / other;
            double ft = tol / fabs(other) + 1e-8 * (1 + fabs(fi));
            if (explain(c, nc, 1, l->factor_names[k][f], l->factors[k][f], fi,
                        ft, v->used, sizeof v->used)) {
                v->operand = k;
                v->factor = f;
                v->implied = fi;
                return NN_OK;
            }
        }
    }
    return NN_OK;
}
