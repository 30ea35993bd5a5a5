/* The command-line scanner and strict number parsing (see args.h). */
#include "cli/args.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void args_init(struct args *a, int argc, char **argv, FILE *err)
{
    a->argc = argc;
    a->argv = argv;
    a->i = 0;
    a->name = NULL;
    a->inline_value = NULL;
    a->positional_only = 0;
    a->err = err;
}

int args_next(struct args *a)
{
    a->inline_value = NULL;
    if (a->i >= a->argc)
        return 0;
    const char *w = a->argv[a->i++];
    if (strcmp(w, "--") == 0 && !a->positional_only) {
        a->positional_only = 1;
        return args_next(a);
    }
    if (a->positional_only || w[0] != '-' || w[1] == '\0') {
        a->name = w;
        return 2;
    }
    const char *eq = strchr(w, '=');
    if (eq && (size_t)(eq - w) < sizeof a->name_buf) {
        memcpy(a->name_buf, w, (size_t)(eq - w));
        a->name_buf[eq - w] = '\0';
        a->name = a->name_buf;
        a->inline_value = eq + 1;
    } else {
        a->name = w;
    }
    return 1;
}

int args_is(const struct args *a, const char *name)
{
    return strcmp(a->name, name) == 0;
}

const char *args_value(struct args *a)
{
    if (a->inline_value)
        return a->inline_value;
    if (a->i < a->argc)
        return a->argv[a->i++];
    fprintf(a->err, "nnlab: option %s needs a value\n", a->name);
    return NULL;
}

int args_no_value(struct args *a)
{
    if (!a->inline_value)
        return 0;
    fprintf(a->err, "nnlab: option %s takes no value (got '%s')\n", a->name,
            a->inline_value);
    return -1;
}

int args_unknown(struct args *a, const char *command)
{
    if (command)
        fprintf(a->err, "nnlab: unknown option '%s' for '%s' (try --help)\n",
                a->name, command);
    else
        fprintf(a->err, "nnlab: unknown option '%s' (try --help)\n", a->name);
    return -1;
}

/* The one number syntax of every option: decimal, as people write it,
 *   [-] digits [. [digits]] [(e|E) [+|-] digits]   or   [-] . digits ...
 * (0.01, -2, .5, 1e-3). strtod alone would also take leading spaces, a
 * '+', hex floats ("0x1p-3"), "inf" and "nan"; strtol spaces and '+'.
 * None of those is what a person means by a learning rate or a count. */
static int decimal_syntax(const char *s, int whole)
{
    const char *p = s + (*s == '-');
    size_t digits = strspn(p, "0123456789");
    p += digits;
    if (whole)
        return digits > 0 && *p == '\0';
    if (*p == '.') {
        size_t frac = strspn(p + 1, "0123456789");
        digits += frac;
        p += 1 + frac;
    }
    if (digits == 0)
        return 0;
    if (*p == 'e' || *p == 'E') {
        p++;
        p += *p == '-' || *p == '+';
        size_t exp = strspn(p, "0123456789");
        if (exp == 0)
            return 0;
        p += exp;
    }
    return *p == '\0';
}

int args_is_number(const char *s)
{
    return decimal_syntax(s, 0);
}

/* NaN and the infinities by name, as strtod reads them. */
static int special_syntax(const char *s)
{
    static const char *const words[] = {"nan",  "-nan",     "inf",
                                        "-inf", "infinity", "-infinity"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcasecmp(s, words[i]) == 0)
            return 1;
    return 0;
}

/* Decimal text to a double (the syntax already checked). Overflow is an
 * error; a result too small for a double rounds towards 0 and is left to
 * the range check. */
static int decimal_value(FILE *err, const char *what, const char *value,
                         double *out)
{
    errno = 0;
    double v = strtod(value, NULL);
    if (errno == ERANGE && isinf(v)) {
        fprintf(err, "nnlab: %s: '%s' is too large for a number\n", what,
                value);
        return -1;
    }
    *out = v;
    return 0;
}

int parse_number(FILE *err, const char *what, const char *value, double *out)
{
    if (special_syntax(value)) {
        *out = strtod(value, NULL);
        return 0;
    }
    if (!decimal_syntax(value, 0)) {
        fprintf(err,
                "nnlab: %s: '%s' is not a number (write it in decimal, "
                "like 0.01 or 1e-3)\n",
                what, value);
        return -1;
    }
    return decimal_value(err, what, value, out);
}

int parse_double(FILE *err, const char *what, const char *value, double lo,
                 double hi, double *out)
{
    double v;
    if (special_syntax(value)) {
        fprintf(err, "nnlab: %s: '%s' is not a finite number\n", what, value);
        return -1;
    }
    if (parse_number(err, what, value, &v) != 0)
        return -1;
    if (v < lo || v > hi) {
        fprintf(err, "nnlab: %s: %s is out of range [%g, %g]\n", what, value,
                lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

int parse_long(FILE *err, const char *what, const char *value, long lo,
               long hi, long *out)
{
    if (!decimal_syntax(value, 1)) {
        fprintf(err,
                "nnlab: %s: '%s' is not a whole number (digits only, "
                "like 10)\n",
                what, value);
        return -1;
    }
    errno = 0;
    long v = strtol(value, NULL, 10);
    if (errno == ERANGE || v < lo || v > hi) {
        fprintf(err, "nnlab: %s: %s is out of range [%ld, %ld]\n", what,
                value, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

int args_double(struct args *a, const char *value, double lo, double hi,
                double *out)
{
    return parse_double(a->err, a->name, value, lo, hi, out);
}

int args_long(struct args *a, const char *value, long lo, long hi, long *out)
{
    return parse_long(a->err, a->name, value, lo, hi, out);
}

int args_number(struct args *a, const char *value, double *out)
{
    return parse_number(a->err, a->name, value, out);
}

int args_number_list(struct args *a, const char *value)
{
    for (const char *p = value; *p;) {
        size_t len = strcspn(p, ",");
        char item[64];
        if (len > 0 && len < sizeof item) {
            memcpy(item, p, len);
            item[len] = '\0';
            if (!decimal_syntax(item, 0) && !special_syntax(item)) {
                fprintf(a->err,
                        "nnlab: %s: '%s' is not a number (write it in "
                        "decimal, like 0.01 or 1e-3)\n",
                        a->name, item);
                return -1;
            }
        }
        p += len + (p[len] == ',');
    }
    return 0;
}

int args_doubles(struct args *a, const char *value, double *out, size_t n)
{
    const char *p = value;
    for (size_t k = 0; k < n; k++) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char item[64];
        if (len == 0 || len >= sizeof item) {
            fprintf(a->err, "nnlab: %s: '%s' must be %zu comma-separated "
                    "numbers\n", a->name, value, n);
            return -1;
        }
        memcpy(item, p, len);
        item[len] = '\0';
        if (parse_double(a->err, a->name, item, -1e300, 1e300, &out[k]))
            return -1;
        if ((k + 1 < n) != (comma != NULL)) {
            fprintf(a->err, "nnlab: %s: '%s' must be exactly %zu "
                    "comma-separated numbers\n", a->name, value, n);
            return -1;
        }
        p = comma ? comma + 1 : p + len;
    }
    return 0;
}
