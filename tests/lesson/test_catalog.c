/* The lesson catalog: ids, language resolution, and finding lesson files
 * in the data directories with English as the fallback. */
#include "check_helpers.h"
#include "lesson/catalog.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

START_TEST(test_ids)
{
    static const char *const want[] = {"gates",    "activations", "forward",
                                       "backprop", "descent",     "mnist"};
    ck_assert_uint_eq(catalog_count(), 6);
    for (size_t i = 0; i < 6; i++) {
        ck_assert_str_eq(catalog_id(i), want[i]);
        ck_assert_int_eq(catalog_find(want[i]), (int)i);
    }
    ck_assert_ptr_null(catalog_id(6));
    ck_assert_int_eq(catalog_find("train"), -1);
    ck_assert_int_eq(catalog_find(NULL), -1);
}
END_TEST

/* --lang, LC_ALL, LC_MESSAGES, LANG -> expected. */
static const char *const lang_cases[][5] = {
    {NULL, NULL, NULL, NULL, "en"},
    {NULL, NULL, NULL, "ko_KR.UTF-8", "ko"},
    {NULL, NULL, NULL, "ko", "ko"},
    {NULL, NULL, NULL, "en_US.UTF-8", "en"},
    {NULL, NULL, NULL, "C.UTF-8", "en"},
    {NULL, NULL, "ko_KR.UTF-8", "en_US.UTF-8", "ko"},
    {NULL, NULL, "en_GB.UTF-8", "ko_KR.UTF-8", "en"},
    {NULL, "C", "ko_KR.UTF-8", "ko_KR.UTF-8", "en"},
    {NULL, "ko_KR.eucKR", NULL, "en_US.UTF-8", "ko"},
    {NULL, "", "", "ko_KR.UTF-8", "ko"}, /* empty counts as unset */
    {"en", "ko_KR.UTF-8", NULL, NULL, "en"},
    {"ko", "C", "C", "C", "ko"},
    {NULL, NULL, NULL, "kor", "ko"},
    {NULL, NULL, NULL, "k", "en"},
};

START_TEST(test_lang_resolve)
{
    const char *const *c = lang_cases[_i];
    ck_assert_str_eq(catalog_lang_resolve(c[0], c[1], c[2], c[3]), c[4]);
}
END_TEST

static void touch(const char *dir, const char *lang, const char *id)
{
    char path[512];
    snprintf(path, sizeof path, "%s/lessons", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/lessons/%s", dir, lang);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/lessons/%s/%s.lesson", dir, lang, id);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("# T\n## S\nx\n", f);
    fclose(f);
}

START_TEST(test_paths)
{
    char a[] = "/tmp/nnlab-cat-a-XXXXXX";
    char b[] = "/tmp/nnlab-cat-b-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(a));
    ck_assert_ptr_nonnull(mkdtemp(b));
    /* a: English gates only. b: gates in both languages, forward in
     * Korean only. */
    touch(a, "en", "gates");
    touch(b, "en", "gates");
    touch(b, "ko", "gates");
    touch(b, "ko", "forward");
    const char *const dirs[] = {a, b, NULL};
    char buf[512], want[512];

    /* Korean anywhere beats English in an earlier directory. */
    ck_assert_int_eq(catalog_path_in(dirs, "gates", "ko", buf, sizeof buf), 0);
    snprintf(want, sizeof want, "%s/lessons/ko/gates.lesson", b);
    ck_assert_str_eq(buf, want);
    /* English: the first directory wins. */
    ck_assert_int_eq(catalog_path_in(dirs, "gates", "en", buf, sizeof buf), 0);
    snprintf(want, sizeof want, "%s/lessons/en/gates.lesson", a);
    ck_assert_str_eq(buf, want);
    /* A lesson missing in English is not found for English. */
    ck_assert_int_eq(catalog_path_in(dirs, "forward", "en", buf, sizeof buf),
                     -1);
    ck_assert_int_eq(catalog_path_in(dirs, "forward", "ko", buf, sizeof buf),
                     0);
    /* Korean missing: English is the fallback. */
    const char *const only_a[] = {a, NULL};
    ck_assert_int_eq(catalog_path_in(only_a, "gates", "ko", buf, sizeof buf),
                     0);
    snprintf(want, sizeof want, "%s/lessons/en/gates.lesson", a);
    ck_assert_str_eq(buf, want);
    /* Ids never leave the data directory; a short buffer is refused. */
    ck_assert_int_eq(
        catalog_path_in(dirs, "../en/gates", "ko", buf, sizeof buf), -1);
    ck_assert_int_eq(catalog_path_in(dirs, "", "en", buf, sizeof buf), -1);
    ck_assert_int_eq(catalog_path_in(dirs, "gates", "en", buf, 10), -1);

    for (int i = 0; i < 2; i++) {
        const char *d = i ? b : a;
        static const char *const files[] = {"en/gates", "ko/gates",
                                            "ko/forward"};
        for (int k = 0; k < 3; k++) {
            snprintf(buf, sizeof buf, "%s/lessons/%s.lesson", d, files[k]);
            unlink(buf);
        }
        snprintf(buf, sizeof buf, "%s/lessons/en", d);
        rmdir(buf);
        snprintf(buf, sizeof buf, "%s/lessons/ko", d);
        rmdir(buf);
        snprintf(buf, sizeof buf, "%s/lessons", d);
        rmdir(buf);
        rmdir(d);
    }
}
END_TEST

START_TEST(test_load_shipped)
{
    /* The build finds the source tree's lessons. */
    struct lesson_error e;
    struct lesson *l = catalog_load("gates", "ko", &e);
    ck_assert_msg(l != NULL, "%s", e.text);
    ck_assert_str_eq(l->id, "gates");
    ck_assert_ptr_nonnull(strstr(l->path, "/lessons/ko/gates.lesson"));
    lesson_free(l);
    l = catalog_load("nosuch", "en", &e);
    ck_assert_ptr_null(l);
    ck_assert_msg(strstr(e.text, "no lesson 'nosuch'") != NULL, "%s", e.text);
}
END_TEST

static Suite *catalog_suite(void)
{
    Suite *s = suite_create("catalog");
    TCase *tc = tcase_create("catalog");
    tcase_add_test(tc, test_ids);
    tcase_add_loop_test(tc, test_lang_resolve, 0,
                        (int)(sizeof lang_cases / sizeof lang_cases[0]));
    tcase_add_test(tc, test_paths);
    tcase_add_test(tc, test_load_shipped);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(catalog_suite)
