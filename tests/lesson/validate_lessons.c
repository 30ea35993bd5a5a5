/*
 * validate-lessons: every lesson file nnlab ships must load and draw.
 *
 * For each language folder under DIR (en, ko): every shipped lesson id has
 * a file, every *.lesson file parses, and every step draws (Unicode, narrow
 * and ASCII glyphs) into an 80-column grid. Across languages, each lesson has
 * the same number of steps and the same widgets in each step, since the
 * Korean text covers the same steps as the English.
 *
 * Usage: validate_lessons DIR    (DIR holds en/ and ko/)
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "lesson/catalog.h"
#include "lesson/digits_cache.h"
#include "lesson/lesson.h"
#include "lesson/step_draw.h"

static const char *const langs[] = {"en", "ko"};

static int draw_all(const struct lesson *l, const char *lang)
{
    static const enum rglyph_kind kinds[] = {RGLYPH_UNICODE, RGLYPH_NARROW,
                                             RGLYPH_ASCII};
    /* One cache for the three drawings, as a front end keeps one: the
     * MNIST lesson's network is trained once. */
    struct digits_cache cache;
    digits_cache_init(&cache);
    int rc = 0;
    for (int k = 0; k < 3 && rc == 0; k++) {
        struct widget_ctx ctx = {rglyphs_get(kinds[k]), lang, &cache};
        for (size_t s = 0; s < l->n_steps && rc == 0; s++) {
            char msg[400];
            int h = lesson_step_draw(&l->steps[s], &ctx, NULL, 0, 0, 80, msg,
                                     sizeof msg);
            if (h <= 0) {
                printf("FAIL: %s: step %zu: %s\n", l->path, s + 1,
                       h < 0 ? msg : "draws nothing");
                rc = -1;
            }
        }
    }
    digits_cache_fini(&cache);
    return rc;
}

/* Same steps and the same widget kinds in each step. */
static int same_shape(const struct lesson *a, const struct lesson *b)
{
    if (a->n_steps != b->n_steps) {
        printf("FAIL: %s has %zu steps, %s has %zu\n", a->path, a->n_steps,
               b->path, b->n_steps);
        return -1;
    }
    for (size_t s = 0; s < a->n_steps; s++) {
        const struct lesson_step *x = &a->steps[s], *y = &b->steps[s];
        int same = x->n_widgets == y->n_widgets;
        for (size_t w = 0; same && w < x->n_widgets; w++)
            same = strcmp(x->widgets[w].kind, y->widgets[w].kind) == 0;
        if (!same) {
            printf("FAIL: step %zu has different widgets in %s and %s\n", s + 1,
                   a->path, b->path);
            return -1;
        }
    }
    return 0;
}

/* Every *.lesson file in DIR/lang parses and draws. */
static int check_folder(const char *dir, const char *lang, int *files,
                        size_t *steps)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, lang);
    DIR *d = opendir(path);
    if (!d) {
        printf("FAIL: cannot open %s\n", path);
        return -1;
    }
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n < 8 || strcmp(de->d_name + n - 7, ".lesson") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s/%s", dir, lang, de->d_name);
        struct lesson_error e;
        struct lesson *l = lesson_load(path, &e);
        if (!l) {
            printf("FAIL: %s\n", e.text);
            rc = -1;
            continue;
        }
        if (draw_all(l, lang) != 0)
            rc = -1;
        (*files)++;
        *steps += l->n_steps;
        lesson_free(l);
    }
    closedir(d);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: validate_lessons DIR\n");
        return 2;
    }
    const char *dir = argv[1];
    int rc = 0, files = 0;
    size_t steps = 0;
    for (size_t k = 0; k < 2; k++)
        if (check_folder(dir, langs[k], &files, &steps) != 0)
            rc = 1;
    for (size_t i = 0; i < catalog_count(); i++) {
        struct lesson *l[2] = {NULL, NULL};
        for (size_t k = 0; k < 2; k++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s/%s.lesson", dir, langs[k],
                     catalog_id(i));
            struct lesson_error e;
            l[k] = lesson_load(path, &e);
            if (!l[k]) {
                printf("FAIL: %s\n", e.text);
                rc = 1;
            }
        }
        if (l[0] && l[1] && same_shape(l[0], l[1]) != 0)
            rc = 1;
        lesson_free(l[0]);
        lesson_free(l[1]);
    }
    printf("%s: %d lesson files, %zu steps\n", rc ? "FAILED" : "ok", files,
           steps);
    return rc;
}
