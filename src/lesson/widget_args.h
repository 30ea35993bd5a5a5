/*
 * Reading a widget's parameters (key=value in a lesson directive) for the
 * widgets of every lesson: numbers and whole numbers in a range, a list of
 * numbers, a show= list of parts, and messages that name the parameter and
 * the value at fault. Every function returns 0 (or a count), or -1 with the
 * message written into msg.
 */
#ifndef LESSON_WIDGET_ARGS_H
#define LESSON_WIDGET_ARGS_H

#include <stddef.h>

#include "lesson/lesson.h"

/* Write a message into msg; always returns -1. */
int widget_args_fail(char *msg, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* key=N with N a whole number in [lo, hi]; *out unchanged when absent. */
int widget_args_long(const struct lesson_widget *w, const char *key, long lo,
                     long hi, long *out, char *msg, size_t len);

/* key=X with X a finite number in [lo, hi]; *out unchanged when absent. */
int widget_args_double(const struct lesson_widget *w, const char *key,
                       double lo, double hi, double *out, char *msg,
                       size_t len);

/* key=x1,x2,...: 1 to max numbers, each finite and in [lo, hi], written to
 * out[0..]. Returns how many (0 when absent, out unchanged), or -1. */
int widget_args_numbers(const struct lesson_widget *w, const char *key,
                        double lo, double hi, double *out, int max, char *msg,
                        size_t len);

/* show=a,b,...: each a name from the NULL-terminated list (names[i] sets
 * bit i of *out). *out unchanged when absent; an empty list is refused. */
int widget_args_show(const struct lesson_widget *w, const char *const *names,
                     unsigned *out, char *msg, size_t len);

#endif
