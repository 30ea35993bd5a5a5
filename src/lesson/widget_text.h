/*
 * Widgets made of text written in the lesson itself, needing nothing but
 * the cell grid:
 *
 *   @table [header=yes|no] [align=lrc...]   rows on the lines below,
 *   x1 | x2 | AND                            cells separated by '|',
 *   @end                                     ended by @end
 *
 *   @formula                                 preformatted lines (a
 *   z1 = w1*x1 + w2*x2                       derivation, a shape rule,
 *   @end                                     a bit of code), kept as is
 */
#ifndef LESSON_WIDGET_TEXT_H
#define LESSON_WIDGET_TEXT_H

#include "lesson/widget.h"

extern const struct widget_kind widget_table;
extern const struct widget_kind widget_formula;

/* Widest a text widget may be, in columns, so that it fits an 80-column
 * screen with its indent and a margin. */
#define WIDGET_TEXT_MAX_WIDTH 76

#endif
