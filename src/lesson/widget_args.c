/* Widget parameter reading shared by the lessons' widgets (see
 * widget_args.h). */
#include "lesson/widget_args.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int widget_args_fail(char *msg, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, len, fmt, ap);
    va_end(ap);
    return -1;
}

int widget_args_long(const struct lesson_widget *w, const char *key, long lo,
                     long hi, long *out, char *msg, size_t len)
{
    const char *v = lesson_widget_param(w, key);
    if (!v)
        return 0;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (end == v || *end != '\0' || errno == ERANGE)
        return widget_args_fail(msg, len, "%s: '%s' is not a whole number", key,
                                v);
    if (n < lo || n > hi)
        return widget_args_fail(msg, len, "%s: %s is out of range [%ld, %ld]",
                                key, v, lo, hi);
    *out = n;
    return 0;
}

int widget_args_double(const struct lesson_widget *w, const char *key,
                       double lo, double hi, double *out, char *msg, size_t len)
{
    const char *v = lesson_widget_param(w, key);
    if (!v)
        return 0;
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (end == v || *end != '\0' || errno == ERANGE || !isfinite(d))
        return widget_args_fail(msg, len, "%s: '%s' is not a number", key, v);
    if (d < lo || d > hi)
        return widget_args_fail(msg, len, "%s: %s is out of range [%g, %g]",
                                key, v, lo, hi);
    *out = d;
    return 0;
}

int widget_args_numbers(const struct lesson_widget *w, const char *key,
                        double lo, double hi, double *out, int max, char *msg,
                        size_t len)
{
    const char *v = lesson_widget_param(w, key);
    if (!v)
        return 0;
    int n = 0;
    const char *s = v;
    for (;;) {
        char *end;
        double d = strtod(s, &end);
        if (end == s || (*end != ',' && *end != '\0') || !isfinite(d))
            return widget_args_fail(msg, len,
                                    "%s: '%s' is not a list of numbers (e.g. "
                                    "1,-0.5,2)",
                                    key, v);
        if (d < lo || d > hi)
            return widget_args_fail(msg, len, "%s: %g is out of range [%g, %g]",
                                    key, d, lo, hi);
        if (n == max)
            return widget_args_fail(msg, len, "%s: at most %d numbers", key,
                                    max);
        out[n++] = d;
        if (*end == '\0')
            return n;
        s = end + 1;
    }
}

int widget_args_show(const struct lesson_widget *w, const char *const *names,
                     unsigned *out, char *msg, size_t len)
{
    const char *v = lesson_widget_param(w, "show");
    if (!v)
        return 0;
    unsigned show = 0;
    for (const char *s = v; *s;) {
        size_t n = strcspn(s, ",");
        unsigned flag = 0;
        for (int i = 0; names[i]; i++)
            if (strlen(names[i]) == n && strncmp(s, names[i], n) == 0)
                flag = 1u << i;
        if (!flag)
            return widget_args_fail(msg, len,
                                    "show: '%.*s' is not one of "
                                    "the parts (e.g. %s)",
                                    (int)n, s, names[0]);
        show |= flag;
        s += n + (s[n] == ',');
    }
    if (!show)
        return widget_args_fail(msg, len, "show: name at least one part");
    *out = show;
    return 0;
}
