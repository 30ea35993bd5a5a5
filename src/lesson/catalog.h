/*
 * The lesson catalog: which lessons nnlab ships, in which order, where
 * their files are (the source tree or the installed data directory), and
 * which language to show them in.
 *
 * Language is resolved here rather than through gettext, because many
 * machines have no generated Korean locale: --lang wins, then the first
 * non-empty of LC_ALL, LC_MESSAGES and LANG (the POSIX precedence for
 * messages); a value starting with "ko" means Korean, anything else
 * English.
 */
#ifndef LESSON_CATALOG_H
#define LESSON_CATALOG_H

#include <stddef.h>

#include "lesson/lesson.h"

/* Number of shipped lessons (six: gates ... mnist). */
size_t catalog_count(void);
/* The id of lesson i in menu order ("gates", "activations", ...), or NULL
 * when i is out of range. Static storage. */
const char *catalog_id(size_t i);
/* The menu index of an id, or -1 when it is not a shipped lesson. */
int catalog_find(const char *id);

/* "ko" or "en" from an explicit choice and the three environment values
 * (each may be NULL). Static storage. */
const char *catalog_lang_resolve(const char *opt, const char *lc_all,
                                 const char *lc_messages, const char *lang);
/* The same with the values read from the process environment. */
const char *catalog_lang(const char *opt);

/* Find the file of lesson `id` in language `lang` under the data
 * directories `dirs` (NULL-terminated, each holding lessons/<lang>/), in
 * order; a language without the file falls back to English. Writes the
 * path into buf. Returns 0, or -1 when no directory has it (or buf is too
 * small). */
int catalog_path_in(const char *const *dirs, const char *id, const char *lang,
                    char *buf, size_t len);
/* catalog_path_in() over the source tree, then the installed data
 * directory, so a build run in place and an installed nnlab both work. */
int catalog_path(const char *id, const char *lang, char *buf, size_t len);

/* Find and load lesson `id` in `lang`. Returns the lesson or NULL with err
 * set ("no lesson 'x'", or the parser's "file:line: message"). */
struct lesson *catalog_load(const char *id, const char *lang,
                            struct lesson_error *err);

#endif
