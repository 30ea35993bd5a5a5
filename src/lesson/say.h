/*
 * The learner's language in the lessons' drawings: Korean when the
 * language is "ko", English for anything else (NULL included). Each line
 * is written in both languages at the place it is drawn.
 */
#ifndef LESSON_SAY_H
#define LESSON_SAY_H

#include <stdio.h>
#include <string.h>

/* A line in the learner's language into the array buf. Both formats are
 * literals taking the same arguments, so the compiler checks each. */
#define SAY(buf, ko, en, kr, ...)                                              \
    ((ko) ? snprintf((buf), sizeof(buf), kr, __VA_ARGS__)                      \
          : snprintf((buf), sizeof(buf), en, __VA_ARGS__))

/* One word (or any string) in the learner's language. */
#define WORD(ko, en, kr) ((ko) ? (kr) : (en))

/* 1 for Korean ("ko"), 0 for English (anything else, or NULL). */
static inline int say_is_ko(const char *lang)
{
    return lang && strcmp(lang, "ko") == 0;
}

#endif
