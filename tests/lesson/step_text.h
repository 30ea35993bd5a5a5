/*
 * Shared scaffolding of the topic-model tests that draw a lesson step:
 * a one-step lesson made in memory around one line and drawn as text.
 */
#ifndef NNLAB_TESTS_STEP_TEXT_H
#define NNLAB_TESTS_STEP_TEXT_H

#include "lesson/lesson.h"

/* Parse a lesson whose one step holds `line` (a widget directive) and
 * draw the step, 80 columns wide, with ASCII glyphs and the texts of
 * lang ("en", "ko"), as text (caller frees); or NULL with the parser's
 * message in err. */
char *step_text_draw(const char *line, const char *lang,
                     struct lesson_error *err);

#endif
