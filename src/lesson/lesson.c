/*
 * The lesson-file parser (format: lessons/README.md).
 *
 * The text is read line by line. Every line is checked before it is
 * interpreted: length, NUL bytes, strict UTF-8 and control characters, so
 * nothing a lesson file holds can reach a terminal as an escape sequence.
 * Each error stops the parse and names the file and line. Directives are
 * checked against the widget table (widget.h): the name must be a known
 * kind, every parameter one the kind accepts, and the kind's check() must
 * accept the values.
 */
#include "lesson/lesson.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson_text.h"
#include "lesson/widget.h"

#define MAX_FILE_BYTES (1024 * 1024)
#define MAX_STEPS 500
#define MAX_WIDGETS 16 /* per step */
#define MAX_PARAMS 32  /* per directive */

struct parser {
    const char *name;
    struct lesson_error *err;
    struct lesson *l;
    int line;                    /* current line number, from 1 */
    struct ltext_buf prose;      /* prose of the current step */
    int para_open;               /* the current paragraph has text */
    int step_line;               /* line of the current step's heading */
    struct lesson_widget *block; /* widget whose body is being read */
    struct ltext_buf body;
    size_t body_lines;
};

/* Format "name:line: message" into the error; printf-checked. */
__attribute__((format(printf, 3, 4)))
static int fail(struct parser *p, int line, const char *fmt, ...)
{
    va_list ap;
    int n =
        snprintf(p->err->text, sizeof p->err->text, "%s:%d: ", p->name, line);
    if (n < 0 || (size_t)n >= sizeof p->err->text)
        n = 0;
    va_start(ap, fmt);
    vsnprintf(p->err->text + n, sizeof p->err->text - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

static int oom(struct parser *p)
{
    return fail(p, p->line, "out of memory");
}

static void widget_fini(struct lesson_widget *w)
{
    for (size_t i = 0; i < w->n_params; i++) {
        free(w->params[i].key);
        free(w->params[i].value);
    }
    free(w->params);
    free(w->kind);
    free(w->after);
}

void lesson_free(struct lesson *l)
{
    if (!l)
        return;
    for (size_t s = 0; s < l->n_steps; s++) {
        struct lesson_step *st = &l->steps[s];
        for (size_t i = 0; i < st->n_widgets; i++)
            widget_fini(&st->widgets[i]);
        free(st->widgets);
        free(st->title);
        free(st->prose);
    }
    free(l->steps);
    free(l->id);
    free(l->title);
    free(l->path);
    free(l);
}

const char *lesson_widget_param(const struct lesson_widget *w, const char *key)
{
    for (size_t i = 0; w && key && i < w->n_params; i++)
        if (strcmp(w->params[i].key, key) == 0)
            return w->params[i].value;
    return NULL;
}

static struct lesson_step *cur_step(struct parser *p)
{
    return p->l->n_steps ? &p->l->steps[p->l->n_steps - 1] : NULL;
}

/* Hand the text gathered so far to its place: the step's prose before
 * any widget, else the `after` text of the latest widget. */
static int text_flush(struct parser *p)
{
    struct lesson_step *st = cur_step(p);
    char **slot =
        st->n_widgets ? &st->widgets[st->n_widgets - 1].after : &st->prose;
    *slot = ltext_buf_take(&p->prose);
    p->para_open = 0;
    return *slot ? 0 : oom(p);
}

/* Close the current step; a step with neither prose nor widget is
 * refused. */
static int step_finish(struct parser *p)
{
    struct lesson_step *st = cur_step(p);
    if (!st)
        return 0;
    if (p->prose.len == 0 && st->n_widgets == 0)
        return fail(p, p->step_line,
                    "step %zu has no content: add prose or a widget "
                    "below its '##' line",
                    p->l->n_steps);
    return text_flush(p);
}

static int step_start(struct parser *p, const char *title, size_t len)
{
    if (step_finish(p) != 0)
        return -1;
    if (p->l->n_steps >= MAX_STEPS)
        return fail(p, p->line, "too many steps (the limit is %d)", MAX_STEPS);
    struct lesson_step *steps =
        realloc(p->l->steps, (p->l->n_steps + 1) * sizeof *steps);
    if (!steps)
        return oom(p);
    p->l->steps = steps;
    struct lesson_step *st = &steps[p->l->n_steps++];
    memset(st, 0, sizeof *st);
    p->step_line = p->line;
    if (len > 0) {
        st->title = ltext_strndup(title, len);
        if (!st->title)
            return oom(p);
    }
    return 0;
}

/* A prose line joins the open paragraph with a space; a list item ("- "
 * or "* ") keeps a line of its own; paragraphs are separated by a blank
 * line. */
static int prose_add(struct parser *p, const char *s, size_t len)
{
    struct lesson_step *st = cur_step(p);
    if (!st)
        return fail(p, p->line,
                    "text before the first step: start a step with "
                    "'## Step title'");
    int item = len >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ';
    const char *sep = "";
    if (p->para_open)
        sep = item ? "\n" : " ";
    else if (p->prose.len > 0)
        sep = "\n\n";
    if (ltext_buf_add(&p->prose, sep, strlen(sep)) != 0 ||
        ltext_buf_add(&p->prose, s, len) != 0)
        return oom(p);
    p->para_open = 1;
    return 0;
}

static int add_param(struct parser *p, struct lesson_widget *w, const char *key,
                     size_t klen, const char *val, size_t vlen)
{
    if (w->n_params >= MAX_PARAMS)
        return fail(p, p->line, "@%s: too many parameters (the limit is %d)",
                    w->kind, MAX_PARAMS);
    struct lesson_param *ps =
        realloc(w->params, (w->n_params + 1) * sizeof *ps);
    if (!ps)
        return oom(p);
    w->params = ps;
    struct lesson_param *q = &ps[w->n_params];
    q->key = ltext_strndup(key, klen);
    q->value = ltext_strndup(val, vlen);
    if (!q->key || !q->value) {
        free(q->key);
        free(q->value);
        return oom(p);
    }
    w->n_params++;
    return 0;
}

static int accepts(const struct widget_kind *k, const char *key)
{
    for (const char *const *a = k->params; a && *a; a++)
        if (strcmp(*a, key) == 0)
            return 1;
    return 0;
}

/* "table, formula" style list of what a kind accepts, for messages. */
static void accepted_list(const struct widget_kind *k, char *buf, size_t len)
{
    size_t n = 0;
    buf[0] = '\0';
    for (const char *const *a = k->params; a && *a; a++) {
        if (strcmp(*a, "body") == 0)
            continue;
        int m = snprintf(buf + n, len - n, "%s%s", n ? ", " : "", *a);
        if (m < 0 || (size_t)m >= len - n)
            break;
        n += (size_t)m;
    }
    if (n == 0)
        snprintf(buf, len, "none");
}

/* Parse `key=value key="quoted value"` pairs from s into w. */
static int parse_params(struct parser *p, const struct widget_kind *k,
                        struct lesson_widget *w, const char *s, const char *end)
{
    char *val = NULL;
    int rc = -1;
    while (1) {
        while (s < end && (*s == ' ' || *s == '\t'))
            s++;
        if (s >= end)
            break;
        const char *key = s;
        while (s < end && ltext_is_key_char(*s))
            s++;
        size_t klen = (size_t)(s - key);
        if (klen == 0) {
            fail(p, p->line,
                 "@%s: expected a parameter as key=value, found '%.*s'",
                 w->kind, (int)ltext_token_len(key, end), key);
            goto out;
        }
        if (s >= end || *s != '=') {
            if (s < end && *s != ' ' && *s != '\t')
                fail(p, p->line,
                     "@%s: a parameter name uses only a-z, 0-9, '_' "
                     "and '-', found '%.*s'",
                     w->kind, (int)ltext_token_len(key, end), key);
            else
                fail(p, p->line,
                     "@%s: parameter '%.*s' needs a value: write "
                     "%.*s=VALUE",
                     w->kind, (int)klen, key, (int)klen, key);
            goto out;
        }
        s++; /* '=' */
        free(val);
        val = malloc((size_t)(end - s) + 1);
        if (!val) {
            oom(p);
            goto out;
        }
        size_t vlen = 0;
        if (s < end && *s == '"') {
            /* Quoted: spaces allowed, \" and \\ escape. */
            s++;
            while (s < end && *s != '"') {
                if (*s == '\\' && s + 1 < end && (s[1] == '"' || s[1] == '\\'))
                    s++;
                val[vlen++] = *s++;
            }
            if (s >= end) {
                fail(p, p->line,
                     "@%s: the quoted value of '%.*s' has no closing '\"'",
                     w->kind, (int)klen, key);
                goto out;
            }
            s++;
            if (s < end && *s != ' ' && *s != '\t') {
                fail(p, p->line,
                     "@%s: expected a space after the quoted value of "
                     "'%.*s'",
                     w->kind, (int)klen, key);
                goto out;
            }
        } else {
            while (s < end && *s != ' ' && *s != '\t') {
                if (*s == '"') {
                    fail(p, p->line,
                         "@%s: a '\"' inside the value of '%.*s': quote "
                         "the whole value, as key=\"a b\"",
                         w->kind, (int)klen, key);
                    goto out;
                }
                val[vlen++] = *s++;
            }
            if (vlen == 0) {
                fail(p, p->line,
                     "@%s: parameter '%.*s' needs a value after '='", w->kind,
                     (int)klen, key);
                goto out;
            }
        }
        val[vlen] = '\0';
        char kbuf[64];
        snprintf(kbuf, sizeof kbuf, "%.*s", (int)klen, key);
        if (klen >= sizeof kbuf || !accepts(k, kbuf) ||
            strcmp(kbuf, "body") == 0) {
            char list[256];
            accepted_list(k, list, sizeof list);
            if (strcmp(kbuf, "body") == 0 && accepts(k, kbuf))
                fail(p, p->line,
                     "@%s: the body is written on the lines below the "
                     "directive, ended by @end",
                     w->kind);
            else
                fail(p, p->line, "@%s: unknown parameter '%.*s' (accepted: %s)",
                     w->kind, (int)klen, key, list);
            goto out;
        }
        if (lesson_widget_param(w, kbuf)) {
            fail(p, p->line, "@%s: parameter '%s' is given twice", w->kind,
                 kbuf);
            goto out;
        }
        if (add_param(p, w, key, klen, val, vlen) != 0)
            goto out;
    }
    rc = 0;
out:
    free(val);
    return rc;
}

/* Let the kind judge its values (ranges, required parameters, body). */
static int widget_check(struct parser *p, const struct lesson_widget *w)
{
    const struct widget_kind *k = widget_find(w->kind);
    char msg[300];
    msg[0] = '\0';
    if (k->check && k->check(w, msg, sizeof msg) != 0)
        return fail(p, w->line, "@%s: %s", w->kind,
                    msg[0] ? msg : "invalid parameters");
    return 0;
}

static int directive(struct parser *p, const char *s, size_t len)
{
    const char *end = s + len;
    const char *name = s + 1;
    const char *q = name;
    while (q < end && ltext_is_key_char(*q))
        q++;
    size_t nlen = (size_t)(q - name);
    if (nlen == 0 || (q < end && *q != ' ' && *q != '\t'))
        return fail(p, p->line,
                    "'@' starts a directive and must be followed by its "
                    "name, as '@table'; write '\\@' for a literal '@'");
    char kname[64];
    if (nlen >= sizeof kname)
        return fail(p, p->line, "unknown directive '@%.*s'", (int)nlen, name);
    snprintf(kname, sizeof kname, "%.*s", (int)nlen, name);
    if (strcmp(kname, "end") == 0)
        return fail(p, p->line, "@end without a block to close");
    const struct widget_kind *k = widget_find(kname);
    if (!k)
        return fail(p, p->line, "unknown directive '@%s'", kname);
    struct lesson_step *st = cur_step(p);
    if (!st)
        return fail(p, p->line,
                    "directive before the first step: start a step with "
                    "'## Step title'");
    if (st->n_widgets >= MAX_WIDGETS)
        return fail(p, p->line,
                    "too many widgets in one step (the limit "
                    "is %d)",
                    MAX_WIDGETS);
    if (text_flush(p) != 0)
        return -1;
    struct lesson_widget *ws =
        realloc(st->widgets, (st->n_widgets + 1) * sizeof *ws);
    if (!ws)
        return oom(p);
    st->widgets = ws;
    struct lesson_widget *w = &ws[st->n_widgets];
    memset(w, 0, sizeof *w);
    w->line = p->line;
    w->kind = ltext_strndup(kname, nlen);
    if (!w->kind)
        return oom(p);
    st->n_widgets++; /* owned by the step from here on, even on error */
    if (parse_params(p, k, w, q, end) != 0)
        return -1;
    if (accepts(k, "body")) {
        /* The lines up to @end are the body. */
        p->block = w;
        p->body.len = 0;
        p->body_lines = 0;
        return 0;
    }
    return widget_check(p, w);
}

static int block_line(struct parser *p, const char *s, size_t len)
{
    const char *t = s;
    const char *end = s + len;
    while (t < end && (*t == ' ' || *t == '\t'))
        t++;
    if ((size_t)(end - t) == 4 && memcmp(t, "@end", 4) == 0) {
        struct lesson_widget *w = p->block;
        p->block = NULL;
        char *body = ltext_buf_take(&p->body);
        if (!body)
            return oom(p);
        int rc = add_param(p, w, "body", 4, body, strlen(body));
        free(body);
        if (rc != 0)
            return -1;
        return widget_check(p, w);
    }
    if (memchr(s, '\t', len))
        return fail(p, p->line,
                    "a tab inside a @%s block: use spaces, so columns "
                    "line up the same in every terminal",
                    p->block->kind);
    if (p->body_lines++ > 0 && ltext_buf_add(&p->body, "\n", 1) != 0)
        return oom(p);
    if (ltext_buf_add(&p->body, s, len) != 0)
        return oom(p);
    return 0;
}

static int heading(struct parser *p, const char *s, size_t len)
{
    size_t level = 0;
    while (level < len && s[level] == '#')
        level++;
    if (level > 2)
        return fail(p, p->line,
                    "'%.*s' is not a heading: use '# Lesson title' once, "
                    "then '## Step title' for each step",
                    (int)level, s);
    if (level < len && s[level] != ' ' && s[level] != '\t')
        return fail(p, p->line,
                    "a heading needs a space after '%.*s'; write '\\#' "
                    "for a literal '#'",
                    (int)level, s);
    const char *t = s + level;
    const char *end = s + len;
    ltext_trim(&t, &end);
    if (level == 1) {
        if (p->l->title)
            return fail(p, p->line,
                        "a second lesson title: steps start with '##'");
        if (t == end)
            return fail(p, p->line, "the lesson title is empty");
        p->l->title = ltext_strndup(t, (size_t)(end - t));
        return p->l->title ? 0 : oom(p);
    }
    if (!p->l->title)
        return fail(p, p->line,
                    "missing title: a lesson starts with '# Title'");
    return step_start(p, t, (size_t)(end - t));
}

static int line_check(struct parser *p, const char *s, size_t len)
{
    if (len > LTEXT_MAX_LINE)
        return fail(p, p->line, "line is %zu bytes long; the limit is %d", len,
                    LTEXT_MAX_LINE);
    size_t off;
    unsigned long cp;
    switch (ltext_validate(s, len, &off, &cp)) {
    case LTEXT_OK:
        return 0;
    case LTEXT_NUL:
        return fail(p, p->line, "NUL byte at byte %zu of the line", off + 1);
    case LTEXT_BAD_UTF8:
        return fail(p, p->line,
                    "invalid UTF-8: the sequence starting with byte 0x%02X "
                    "at byte %zu of the line",
                    (unsigned)(unsigned char)s[off], off + 1);
    case LTEXT_CONTROL:
        return fail(p, p->line,
                    "control character U+%04lX at byte %zu of the line", cp,
                    off + 1);
    }
    return 0;
}

static int one_line(struct parser *p, const char *s, size_t len)
{
    if (line_check(p, s, len) != 0)
        return -1;
    /* Trailing blanks never matter; they would only defeat the @end and
     * blank-line tests. */
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (p->block)
        return block_line(p, s, len);
    const char *t = s;
    const char *end = s + len;
    ltext_trim(&t, &end);
    if (t == end) {
        p->para_open = 0;
        return 0;
    }
    if (*t == ';')
        return 0; /* comment */
    if (!p->l->title && *t != '#')
        return fail(p, p->line,
                    "missing title: a lesson starts with '# Title'");
    if (*t == '#')
        return heading(p, t, (size_t)(end - t));
    if (*t == '@')
        return directive(p, t, (size_t)(end - t));
    if (*t == '\\' && end - t > 1) /* escaped '#', '@', ';' or '\' */
        t++;
    return prose_add(p, t, (size_t)(end - t));
}

/* The file's id: its name without directories and ".lesson". */
static char *id_from_name(const char *name)
{
    const char *b = strrchr(name, '/');
    b = b ? b + 1 : name;
    size_t n = strlen(b);
    if (n > 7 && strcmp(b + n - 7, ".lesson") == 0)
        n -= 7;
    return ltext_strndup(b, n);
}

struct lesson *lesson_parse(const char *text, size_t len, const char *name,
                            struct lesson_error *err)
{
    struct parser p;
    memset(&p, 0, sizeof p);
    p.name = name ? name : "(lesson)";
    p.err = err;
    err->text[0] = '\0';
    p.l = calloc(1, sizeof *p.l);
    if (!p.l) {
        fail(&p, 1, "out of memory");
        return NULL;
    }
    if (!text)
        len = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3; /* a byte-order mark some editors write */
        len -= 3;
    }
    size_t k = 0;
    while (k < len && strchr(" \t\r\n", text[k]) && text[k])
        k++;
    if (k == len) {
        fail(&p, 1,
             "empty lesson file: it needs a '# Title' line and at "
             "least one '## Step'");
        goto error;
    }
    size_t pos = 0;
    while (pos < len) {
        p.line++;
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;
        size_t m = n;
        if (m > 0 && text[pos + m - 1] == '\r')
            m--; /* CRLF files */
        if (one_line(&p, text + pos, m) != 0)
            goto error;
        pos += n + (nl ? 1 : 0);
    }
    if (p.block) {
        fail(&p, p.block->line, "the @%s block is not closed by @end",
             p.block->kind);
        goto error;
    }
    if (!p.l->title) {
        fail(&p, 1, "missing title: a lesson starts with '# Title'");
        goto error;
    }
    if (p.l->n_steps == 0) {
        fail(&p, p.line, "no steps: start each step with '## Step title'");
        goto error;
    }
    if (step_finish(&p) != 0)
        goto error;
    p.l->id = id_from_name(p.name);
    p.l->path = ltext_strndup(p.name, strlen(p.name));
    if (!p.l->id || !p.l->path) {
        fail(&p, p.line, "out of memory");
        goto error;
    }
    ltext_buf_fini(&p.prose);
    ltext_buf_fini(&p.body);
    return p.l;
error:
    ltext_buf_fini(&p.prose);
    ltext_buf_fini(&p.body);
    lesson_free(p.l);
    return NULL;
}

struct lesson *lesson_load(const char *path, struct lesson_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err->text, sizeof err->text, "%s: %s", path, strerror(errno));
        return NULL;
    }
    char *buf = malloc(MAX_FILE_BYTES + 1);
    if (!buf) {
        fclose(f);
        snprintf(err->text, sizeof err->text, "%s: out of memory", path);
        return NULL;
    }
    size_t n = fread(buf, 1, MAX_FILE_BYTES + 1, f);
    int bad = ferror(f);
    int saved = errno;
    fclose(f);
    struct lesson *l = NULL;
    if (bad)
        snprintf(err->text, sizeof err->text, "%s: %s", path, strerror(saved));
    else if (n > MAX_FILE_BYTES)
        snprintf(err->text, sizeof err->text,
                 "%s:1: file is larger than %d bytes; is it a lesson?", path,
                 MAX_FILE_BYTES);
    else
        l = lesson_parse(buf, n, path, err);
    free(buf);
    return l;
}
