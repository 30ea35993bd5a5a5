/*
 * The gates screen, headless: the app draws into a cell grid and the
 * tests read it as text. The lesson is parsed from memory, so the shipped
 * lessons can change without touching these tests. Expected values are
 * worked out by hand from s = w1*x1 + w2*x2 + b and the step rule.
 */
#include "check_helpers.h"

#include <curses.h> /* key codes only: no screen is started */
#include <stdio.h>
#include <string.h>

#include "lesson/lesson.h"
#include "render/grid.h"
#include "tui/app.h"
#include "tui/keys.h"
#include "tui/text.h"

static const char fixture[] = "# Gates fixture\n"
                              "\n"
                              "## Prose only\n"
                              "No figure here.\n"
                              "\n"
                              "## AND\n"
                              "The seed weights.\n"
                              "\n"
                              "@gate gate=and show=table\n"
                              "\n"
                              "## Learning\n"
                              "From zero.\n"
                              "\n"
                              "@perceptron-learn gate=and steps=4\n"
                              "\n"
                              "## MLP\n"
                              "XOR by backprop.\n"
                              "\n"
                              "@xor-mlp\n";

static void setup(struct app *a)
{
    struct options o;
    memset(&o, 0, sizeof o);
    ck_assert_int_eq(app_init(a, &o, TUI_EN, 1), 0);
    struct lesson_error err;
    a->lessons[0].id = "fixture";
    a->lessons[0].lesson =
        lesson_parse(fixture, strlen(fixture), "fixture", &err);
    ck_assert_msg(a->lessons[0].lesson != NULL, "%s", err.text);
    a->n_lessons = 1;
    app_open_lesson(a, 0);
}

/* The screen as text, w x h (caller frees). */
static char *screen(struct app *a, int w, int h)
{
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, w, h), 0);
    app_draw(a, &g);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    rgrid_write(&g, f);
    fclose(f);
    rgrid_fini(&g);
    return buf;
}

#define ck_assert_shows(text, needle)                                          \
    ck_assert_msg(strstr((text), (needle)) != NULL,                            \
                  "screen lacks \"%s\":\n%s", (needle), (text))
#define ck_assert_hides(text, needle)                                          \
    ck_assert_msg(strstr((text), (needle)) == NULL,                            \
                  "screen shows \"%s\":\n%s", (needle), (text))

/* Press a key as the terminal would: through the key table. */
static void press(struct app *a, int key)
{
    int arg;
    enum tui_action act = keys_lookup(key, app_key_mode(a), &arg);
    app_action(a, act, arg);
}

__attribute__((unused)) static void press_str(struct app *a, const char *keys)
{
    for (; *keys; keys++)
        press(a, (unsigned char)*keys);
}

START_TEST(test_dump)
{
    struct app a;
    setup(&a);
    app_action(&a, ACT_NEXT, 0);
    press(&a, 'i');
    char *s = screen(&a, 80, 24);
    fputs(s, stdout);
    free(s);
    press(&a, KEY_RIGHT);
    press(&a, ' ');
    s = screen(&a, 80, 24);
    fputs(s, stdout);
    free(s);
    press(&a, 't'); press(&a, 't'); press(&a, 't');
    press(&a, 'x');
    s = screen(&a, 80, 24);
    fputs(s, stdout);
    free(s);
    press(&a, 'm');
    for (int i = 0; i < 12; i++) press(&a, 'm');
    s = screen(&a, 80, 24);
    fputs(s, stdout);
    free(s);
    a.help = 1;
    s = screen(&a, 80, 24);
    fputs(s, stdout);
    free(s);
    app_fini(&a);
}
END_TEST

static Suite *gates_screen_suite(void)
{
    Suite *s = suite_create("tui-gates");
    TCase *tc = tcase_create("screen");
    tcase_add_test(tc, test_dump);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(gates_screen_suite)
