/*
 * Text helpers of the lesson parser: a growing byte buffer, trimming, and
 * the line checks (strict UTF-8, no NUL, no control characters).
 */
#ifndef LESSON_LESSON_TEXT_H
#define LESSON_LESSON_TEXT_H

#include <stddef.h>

/* Longest accepted line in bytes (a Hangul syllable takes 3). */
#define LTEXT_MAX_LINE 4096

struct ltext_buf {
    char *s; /* NUL-terminated once anything was added; owned */
    size_t len, cap;
};

/* Append n bytes. Returns 0 or -1 when out of memory. */
int ltext_buf_add(struct ltext_buf *b, const char *s, size_t n);
/* Hand over the contents as a heap string ("" when empty) and reset the
 * buffer. NULL when out of memory. */
char *ltext_buf_take(struct ltext_buf *b);
void ltext_buf_fini(struct ltext_buf *b);

/* A heap copy of n bytes plus a NUL, or NULL. */
char *ltext_strndup(const char *s, size_t n);
/* Move *s forward and *end back over spaces and tabs. */
void ltext_trim(const char **s, const char **end);
/* a-z, 0-9, '_' or '-': the characters of directive and parameter names. */
int ltext_is_key_char(char c);
/* Bytes up to the next blank or `end`, at most 40 (for quoting a bad
 * token in a message without flooding it). */
size_t ltext_token_len(const char *s, const char *end);

enum ltext_status {
    LTEXT_OK,
    LTEXT_NUL,      /* a NUL byte */
    LTEXT_BAD_UTF8, /* malformed, overlong, surrogate or > U+10FFFF */
    LTEXT_CONTROL,  /* C0 (except tab), DEL or C1 control character */
};

/* Check n bytes of one line. On a problem, *off is the byte offset where
 * the bad character or sequence starts, and *cp the offending code point
 * (for LTEXT_CONTROL). */
enum ltext_status ltext_validate(const char *s, size_t n, size_t *off,
                                 unsigned long *cp);

#endif
