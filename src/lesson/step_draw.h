/*
 * A whole lesson step drawn into a cell grid: the prose wrapped to the
 * width, each widget drawn through its kind, each widget's `after` prose
 * below it. The TUI and --batch both draw steps with this, so what a test
 * reads from the grid is what a learner sees.
 */
#ifndef LESSON_STEP_DRAW_H
#define LESSON_STEP_DRAW_H

#include <stddef.h>

#include "lesson/lesson.h"
#include "lesson/widget.h"
#include "render/grid.h"

/* Most rows one widget may use. */
#define STEP_WIDGET_MAX_ROWS 64

/* Draw step st into g from row y, in columns x .. x+w-1; one blank row
 * separates prose and widgets. Rows below the bottom of g are clipped.
 * With g == NULL nothing is drawn and only the height is computed.
 * Returns the rows used, or -1 with a message in msg when a widget cannot
 * be drawn (unknown kind, a widget that refuses its parameters). */
int lesson_step_draw(const struct lesson_step *st, const struct widget_ctx *ctx,
                     struct rgrid *g, int x, int y, int w, char *msg,
                     size_t msg_len);

#endif
