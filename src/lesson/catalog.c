/* The lesson catalog: shipped lesson ids, file lookup and language. */
#include "lesson/catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

/* Menu order follows the course: a neuron, its activation, a layer in
 * matrices, gradients by hand, descent, then a real network. */
static const char *const lesson_ids[] = {
    "gates", "activations", "forward", "backprop", "descent", "mnist",
};

#define N_LESSONS (sizeof lesson_ids / sizeof lesson_ids[0])

size_t catalog_count(void)
{
    return N_LESSONS;
}

const char *catalog_id(size_t i)
{
    return i < N_LESSONS ? lesson_ids[i] : NULL;
}

int catalog_find(const char *id)
{
    for (size_t i = 0; id && i < N_LESSONS; i++)
        if (strcmp(id, lesson_ids[i]) == 0)
            return (int)i;
    return -1;
}

const char *catalog_lang_resolve(const char *opt, const char *lc_all,
                                 const char *lc_messages, const char *lang)
{
    const char *v = opt;
    /* An empty variable counts as unset (POSIX). */
    if (!v || !*v)
        v = lc_all;
    if (!v || !*v)
        v = lc_messages;
    if (!v || !*v)
        v = lang;
    if (v && strncmp(v, "ko", 2) == 0)
        return "ko";
    return "en";
}

const char *catalog_lang(const char *opt)
{
    return catalog_lang_resolve(opt, getenv("LC_ALL"), getenv("LC_MESSAGES"),
                                getenv("LANG"));
}

/* Ids are plain words, so a crafted id can never walk out of the data
 * directory ("../x"). */
static int id_is_word(const char *id)
{
    if (!id || !*id)
        return 0;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_'))
            return 0;
    return 1;
}

static int try_path(const char *dir, const char *lang, const char *id,
                    char *buf, size_t len)
{
    int n = snprintf(buf, len, "%s/lessons/%s/%s.lesson", dir, lang, id);
    if (n < 0 || (size_t)n >= len)
        return -1;
    return access(buf, R_OK) == 0 ? 0 : -1;
}

int catalog_path_in(const char *const *dirs, const char *id, const char *lang,
                    char *buf, size_t len)
{
    if (!id_is_word(id) || !dirs)
        return -1;
    const char *langs[2] = {lang, "en"};
    int n_langs = lang && strcmp(lang, "en") != 0 ? 2 : 1;
    if (!lang)
        langs[0] = "en";
    /* The wanted language in every directory before English anywhere. */
    for (int k = 0; k < n_langs; k++)
        for (const char *const *d = dirs; *d; d++)
            if (try_path(*d, langs[k], id, buf, len) == 0)
                return 0;
    return -1;
}

int catalog_path(const char *id, const char *lang, char *buf, size_t len)
{
    static const char *const dirs[] = {NNLAB_SRCDIR, NNLAB_DATADIR, NULL};
    return catalog_path_in(dirs, id, lang, buf, len);
}

struct lesson *catalog_load(const char *id, const char *lang,
                            struct lesson_error *err)
{
    char path[4096];
    if (catalog_path(id, lang, path, sizeof path) != 0) {
        size_t n =
            (size_t)snprintf(err->text, sizeof err->text,
                             "no lesson '%.100s' (lessons:", id ? id : "");
        for (size_t i = 0; i < N_LESSONS && n < sizeof err->text; i++)
            n += (size_t)snprintf(err->text + n, sizeof err->text - n, "%s %s",
                                  i ? "," : "", lesson_ids[i]);
        if (n < sizeof err->text)
            snprintf(err->text + n, sizeof err->text - n, ")");
        return NULL;
    }
    return lesson_load(path, err);
}
