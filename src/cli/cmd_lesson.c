/*
 * nnlab --batch LESSON, nnlab --batch --lesson FILE: a lesson printed as
 * plain text, step by step, each step drawn into a cell grid exactly as
 * the screen draws it (so Korean wraps by display width) and written out
 * without escape codes. With --step, nnlab waits for Enter between steps.
 */
#include "cli/commands.h"

#include <string.h>

#include "lesson/catalog.h"
#include "lesson/digits_cache.h"
#include "lesson/lesson.h"
#include "lesson/step_draw.h"
#include "render/grid.h"

#define PAGE_WIDTH 80

/* The few interface words of this command, in both languages. */
struct lesson_words {
    const char *step;   /* "Step", printed as "Step 3/12" */
    const char *prompt; /* --step: what to press */
};

static const struct lesson_words words_en = {
    "Step",
    "-- Enter: next step, q Enter: stop --",
};

static const struct lesson_words words_ko = {
    "단계",
    "-- Enter: 다음 단계, q Enter: 그만 --",
};

/* A path names a file; any other word is a lesson id. */
static int is_path(const char *topic)
{
    size_t n = strlen(topic);
    return strchr(topic, '/') ||
           (n > 7 && strcmp(topic + n - 7, ".lesson") == 0);
}

int cmd_lesson_accepts(const char *topic)
{
    return topic && (catalog_find(topic) >= 0 || is_path(topic));
}

/* Draw text wrapped at the page width in one style, then write it. */
static int print_wrapped(FILE *out, const char *text, int style)
{
    int h = rgrid_wrap(NULL, 0, 0, PAGE_WIDTH, 0, text, style);
    struct rgrid g;
    if (rgrid_init(&g, PAGE_WIDTH, h > 0 ? h : 1) != 0)
        return -1;
    rgrid_wrap(&g, 0, 0, PAGE_WIDTH, g.h, text, style);
    rgrid_write(&g, out);
    rgrid_fini(&g);
    return 0;
}

/* "Title" underlined with '=' as wide as the title (at most the page). */
static int print_title(FILE *out, const char *title)
{
    if (print_wrapped(out, title, RS_TITLE) != 0)
        return -1;
    int w = utf8_width(title);
    for (int i = 0; i < (w < PAGE_WIDTH ? w : PAGE_WIDTH); i++)
        fputc('=', out);
    fputs("\n", out);
    return 0;
}

static int print_step(FILE *out, const struct lesson *l, size_t i,
                      const struct lesson_words *words,
                      const struct widget_ctx *ctx, char *msg, size_t msg_len)
{
    const struct lesson_step *st = &l->steps[i];
    char head[600];
    int n = snprintf(head, sizeof head, "%s %zu/%zu", words->step, i + 1,
                     l->n_steps);
    if (st->title && n >= 0 && (size_t)n < sizeof head)
        snprintf(head + n, sizeof head - (size_t)n, ": %s", st->title);
    fputs("\n", out);
    if (print_wrapped(out, head, RS_BOLD) != 0)
        goto oom;
    int h = lesson_step_draw(st, ctx, NULL, 0, 0, PAGE_WIDTH, msg, msg_len);
    if (h < 0)
        return -1;
    if (h == 0)
        return 0;
    struct rgrid g;
    if (rgrid_init(&g, PAGE_WIDTH, h) != 0)
        goto oom;
    fputs("\n", out);
    int rc = lesson_step_draw(st, ctx, &g, 0, 0, PAGE_WIDTH, msg, msg_len);
    if (rc >= 0)
        rgrid_write(&g, out);
    rgrid_fini(&g);
    return rc < 0 ? -1 : 0;
oom:
    snprintf(msg, msg_len, "out of memory");
    return -1;
}

/* --step: wait for a line on `in`. Returns 0 to go on, 1 to stop (EOF or
 * "q"). */
static int wait_enter(FILE *in, FILE *out, FILE *err,
                      const struct lesson_words *words)
{
    fflush(out);
    fprintf(err, "\n%s", words->prompt);
    fflush(err);
    char line[64];
    if (!fgets(line, sizeof line, in)) {
        fputs("\n", err);
        return 1;
    }
    int quit = line[0] == 'q' || line[0] == 'Q';
    /* Swallow the rest of an overlong line so it counts as one Enter. */
    while (!strchr(line, '\n') && fgets(line, sizeof line, in))
        ;
    return quit;
}

/* Load the lesson the options ask for. Returns NULL after a message. */
static struct lesson *load(const struct options *o, const char *lang, FILE *err,
                           int *status)
{
    struct lesson_error e;
    struct lesson *l;
    const char *topic = o->topic;
    int argi = 0;
    if (topic && strcmp(topic, "lesson") == 0) {
        /* "nnlab --batch lesson ID": a lesson by name, never a command. */
        topic = o->topic_argc > 0 ? o->topic_argv[0] : NULL;
        argi = 1;
        if (!topic && !o->lesson_file) {
            fprintf(err, "nnlab: lesson: which lesson?");
            for (size_t i = 0; i < catalog_count(); i++)
                fprintf(err, "%s%s", i ? ", " : " (", catalog_id(i));
            fputs(")\n", err);
            *status = 2;
            return NULL;
        }
    }
    if (o->topic_argc > argi) {
        fprintf(err, "nnlab: lesson: unexpected '%s'\n", o->topic_argv[argi]);
        *status = 2;
        return NULL;
    }
    if (o->lesson_file && topic) {
        fprintf(err,
                "nnlab: give either --lesson FILE or a lesson name, "
                "not both ('%s')\n",
                topic);
        *status = 2;
        return NULL;
    }
    if (o->lesson_file)
        l = lesson_load(o->lesson_file, &e);
    else if (is_path(topic))
        l = lesson_load(topic, &e);
    else
        l = catalog_load(topic, lang, &e);
    if (!l) {
        fprintf(err, "nnlab: %s\n", e.text);
        *status = 1;
    }
    return l;
}

int cmd_lesson(const struct options *o, FILE *out, FILE *err)
{
    const char *lang = catalog_lang(o->lang);
    const struct lesson_words *words =
        strcmp(lang, "ko") == 0 ? &words_ko : &words_en;
    int status = 0;
    struct lesson *l = load(o, lang, err, &status);
    if (!l)
        return status;
    /* One cache for the run: the MNIST lesson trains its network once. */
    struct digits_cache cache;
    digits_cache_init(&cache);
    struct widget_ctx ctx = {rglyphs_get(o->ascii            ? RGLYPH_ASCII
                                         : o->wide_ambiguous ? RGLYPH_NARROW
                                                             : RGLYPH_UNICODE),
                             lang, &cache};
    char msg[400];
    if (print_title(out, l->title) != 0) {
        snprintf(msg, sizeof msg, "out of memory");
        status = 1;
    }
    for (size_t i = 0; status == 0 && i < l->n_steps; i++) {
        if (print_step(out, l, i, words, &ctx, msg, sizeof msg) != 0) {
            status = 1;
            break;
        }
        if (o->step && i + 1 < l->n_steps &&
            wait_enter(stdin, out, err, words) != 0)
            break;
    }
    if (status != 0)
        fprintf(err, "nnlab: %s: %s\n", l->path, msg);
    digits_cache_fini(&cache);
    lesson_free(l);
    return status;
}
