/*
 * Headless screen tests: the app model draws into a cell grid exactly as
 * it does on the terminal (term.c only copies that grid out), so screens
 * are checked here as text, without curses. The lessons come from lesson
 * text parsed in memory, so these tests do not change when the shipped
 * lessons are edited.
 */
#include "check_helpers.h"
#include "screen_helpers.h"

#include <curses.h> /* key codes only: no screen is started */
#include <stdio.h>
#include <string.h>

#include "lesson/lesson.h"
#include "render/grid.h"
#include "tui/app.h"
#include "tui/keys.h"
#include "tui/text.h"
#include "tui/theme.h"

static const char fixture[] = "# Fixture lesson\n"
                              "\n"
                              "## Alpha step\n"
                              "Alpha prose: the first step.\n"
                              "\n"
                              "## Bravo step\n"
                              "Bravo prose: the second step.\n"
                              "\n"
                              "@table\n"
                              "x1 | x2 | AND\n"
                              "0  | 0  | 0\n"
                              "1  | 1  | 1\n"
                              "@end\n"
                              "Bravo after: below the table.\n"
                              "\n"
                              "## Charlie step\n"
                              "Charlie prose: the last step.\n";

static const char korean[] = "# 한글 단원\n"
                             "\n"
                             "## 첫 단계\n"
                             "가나다 라마바 사아자 차카타 파하\n";

/* An app with lessons from memory (no catalog, no files): the fixture,
 * a Korean lesson, and one that failed to load. */
static void app_setup_with(struct app *a, const struct options *o)
{
    ck_assert_int_eq(app_init(a, o, TUI_EN, 1), 0);
    a->lessons[0].id = "fixture";
    a->lessons[0].lesson = screen_parse(fixture, "fixture");
    a->lessons[1].id = "korean";
    a->lessons[1].lesson = screen_parse(korean, "korean");
    a->lessons[2].id = "broken";
    snprintf(a->lessons[2].error, sizeof a->lessons[2].error,
             "broken.lesson:7: unknown directive '@nope'");
    a->n_lessons = 3;
}

static void app_setup(struct app *a, int demo, int ascii)
{
    struct options o;
    memset(&o, 0, sizeof o);
    o.demo = demo;
    o.demo_seconds = 5;
    o.ascii = ascii;
    app_setup_with(a, &o);
}

/* The last line of the screen text (the status line). */
static const char *last_line(const char *s)
{
    const char *end = s + strlen(s);
    while (end > s && end[-1] == '\n')
        end--;
    const char *p = end;
    while (p > s && p[-1] != '\n')
        p--;
    return p;
}

START_TEST(test_key_table)
{
    int arg;
    ck_assert_int_eq(keys_lookup(KEY_RIGHT, KM_NORMAL, &arg), ACT_NEXT);
    ck_assert_int_eq(keys_lookup(' ', KM_NORMAL, &arg), ACT_NEXT);
    ck_assert_int_eq(keys_lookup('\n', KM_NORMAL, &arg), ACT_NEXT);
    ck_assert_int_eq(keys_lookup(KEY_NPAGE, KM_NORMAL, &arg), ACT_NEXT);
    ck_assert_int_eq(keys_lookup('l', KM_NORMAL, &arg), ACT_NEXT);
    ck_assert_int_eq(keys_lookup(KEY_LEFT, KM_NORMAL, &arg), ACT_PREV);
    ck_assert_int_eq(keys_lookup('h', KM_NORMAL, &arg), ACT_PREV);
    ck_assert_int_eq(keys_lookup(KEY_PPAGE, KM_NORMAL, &arg), ACT_PREV);
    ck_assert_int_eq(keys_lookup('k', KM_NORMAL, &arg), ACT_UP);
    ck_assert_int_eq(keys_lookup('j', KM_NORMAL, &arg), ACT_DOWN);
    ck_assert_int_eq(keys_lookup(KEY_HOME, KM_NORMAL, &arg), ACT_FIRST);
    ck_assert_int_eq(keys_lookup(KEY_END, KM_NORMAL, &arg), ACT_LAST);
    ck_assert_int_eq(keys_lookup('?', KM_NORMAL, &arg), ACT_HELP);
    ck_assert_int_eq(keys_lookup('q', KM_NORMAL, &arg), ACT_BACK);
    ck_assert_int_eq(keys_lookup(27, KM_NORMAL, &arg), ACT_CLOSE);
    ck_assert_int_eq(keys_lookup('b', KM_NORMAL, &arg), ACT_BLANK);
    ck_assert_int_eq(keys_lookup('x', KM_NORMAL, &arg), ACT_NONE);
    /* Digits carry the lesson number. */
    ck_assert_int_eq(keys_lookup('1', KM_NORMAL, &arg), ACT_JUMP);
    ck_assert_int_eq(arg, 1);
    ck_assert_int_eq(keys_lookup('9', KM_NORMAL, &arg), ACT_JUMP);
    ck_assert_int_eq(arg, 9);
    ck_assert_int_eq(keys_lookup('0', KM_NORMAL, &arg), ACT_NONE);
    /* In demo mode Space pauses; arrows and clickers still step. */
    ck_assert_int_eq(keys_lookup(' ', KM_DEMO, &arg), ACT_PAUSE);
    ck_assert_int_eq(keys_lookup(KEY_NPAGE, KM_DEMO, &arg), ACT_NEXT);
    ck_assert_int_eq(keys_lookup('p', KM_NORMAL, &arg), ACT_NONE);
}
END_TEST

/* Every action bound in a mode has a line in the help, with its keys;
 * the walkthrough screen's own actions only on that screen. */
START_TEST(test_help_lists_every_key)
{
    static const int demo_modes[] = {0, 1};
    int demo = demo_modes[_i];
    struct app a;
    app_setup(&a, demo, 0);
    a.help = 1;
    char *s = screen_draw(&a, 100, 30);
    for (int act = 0; act < ACT_COUNT; act++) {
        char names[128];
        keys_names((enum tui_action)act, demo ? KM_DEMO : KM_NORMAL, 0, names,
                   (int)sizeof names);
        const char *desc = text_get(TUI_EN, TX_ACT_NEXT + act);
        if (names[0] && act < ACT_SCREEN_FIRST) {
            ck_assert_shows(s, names);
            ck_assert_shows(s, desc);
        } else {
            ck_assert_hides(s, desc);
        }
    }
    ck_assert_shows(s, "PgDn");
    ck_assert_shows(s, "1-9");
    if (demo)
        ck_assert_shows(s, "pause or resume auto-advance");
    /* Esc closes it. */
    app_action(&a, ACT_CLOSE, 0);
    free(s);
    s = screen_draw(&a, 100, 30);
    ck_assert_hides(s, "show or hide this help");
    free(s);
    app_fini(&a);
}
END_TEST

START_TEST(test_menu)
{
    struct app a;
    app_setup(&a, 0, 0);
    char *s = screen_draw(&a, 100, 30);
    ck_assert_shows(s, "Lessons");
    ck_assert_shows(s, "> 1  Fixture lesson");
    ck_assert_shows(s, "2  한글 단원");
    ck_assert_shows(s, "3  broken (not available)");
    /* Status line: hints from the key table and the position. */
    ck_assert_shows(last_line(s), "Enter open");
    ck_assert_shows(last_line(s), "q quit");
    ck_assert_shows(last_line(s), "? help");
    ck_assert_shows(last_line(s), "1/3");
    free(s);
    app_action(&a, ACT_DOWN, 0);
    s = screen_draw(&a, 100, 30);
    ck_assert_shows(s, "> 2  한글 단원");
    free(s);
    /* q in the menu quits. */
    app_action(&a, ACT_BACK, 0);
    ck_assert_int_eq(a.quit, 1);
    app_fini(&a);
}
END_TEST

START_TEST(test_menu_click_and_digit)
{
    struct app a;
    app_setup(&a, 0, 0);
    char *s = screen_draw(&a, 100, 30);
    /* Find the row of item 2 in the drawn text and click on it. */
    int row = 0;
    const char *p = s, *hit = strstr(s, "2  한글 단원");
    ck_assert_ptr_nonnull(hit);
    for (; p < hit; p++)
        row += *p == '\n';
    free(s);
    app_click(&a, 10, row);
    ck_assert_ptr_eq(a.view, &lesson_view);
    ck_assert_int_eq(a.cur, 1);
    app_action(&a, ACT_BACK, 0);
    ck_assert_ptr_eq(a.view, &menu_view);
    ck_assert_int_eq(a.menu_sel, 1); /* back where we were */
    /* A digit opens that lesson directly. */
    app_action(&a, ACT_JUMP, 1);
    ck_assert_ptr_eq(a.view, &lesson_view);
    ck_assert_int_eq(a.cur, 0);
    ck_assert_int_eq(a.step, 0);
    app_fini(&a);
}
END_TEST

START_TEST(test_steps_forward_and_back)
{
    struct app a;
    app_setup(&a, 0, 0);
    app_action(&a, ACT_NEXT, 0); /* open the selected lesson */
    char *first = screen_draw(&a, 100, 30);
    ck_assert_shows(first, "nnlab : Fixture lesson");
    ck_assert_shows(first, "Alpha step");
    ck_assert_shows(first, "Alpha prose: the first step.");
    ck_assert_hides(first, "Bravo");
    ck_assert_shows(last_line(first), "Step 1/3");

    app_action(&a, ACT_NEXT, 0);
    char *second = screen_draw(&a, 100, 30);
    ck_assert_shows(second, "Bravo prose: the second step.");
    ck_assert_hides(second, "Alpha");
    ck_assert_shows(second, "AND"); /* the step's table widget */
    /* Prose after the widget comes below it. */
    const char *table = strstr(second, "AND");
    const char *after = strstr(second, "Bravo after: below the table.");
    ck_assert_ptr_nonnull(after);
    ck_assert(after > table);
    ck_assert_shows(last_line(second), "Step 2/3");

    /* Back shows exactly the previous screen. */
    app_action(&a, ACT_PREV, 0);
    char *again = screen_draw(&a, 100, 30);
    ck_assert_str_eq(again, first);

    app_action(&a, ACT_LAST, 0);
    char *last = screen_draw(&a, 100, 30);
    ck_assert_shows(last, "Charlie prose");
    ck_assert_shows(last_line(last), "Step 3/3");
    ck_assert_shows(last_line(last), "end of lesson");
    /* Past the end stays at the end; Home goes to the start. */
    app_action(&a, ACT_NEXT, 0);
    ck_assert_int_eq(a.step, 2);
    app_action(&a, ACT_FIRST, 0);
    ck_assert_int_eq(a.step, 0);
    app_action(&a, ACT_PREV, 0);
    ck_assert_int_eq(a.step, 0);
    /* q goes back to the menu, not out. */
    app_action(&a, ACT_BACK, 0);
    ck_assert_ptr_eq(a.view, &menu_view);
    ck_assert_int_eq(a.quit, 0);
    free(first);
    free(second);
    free(again);
    free(last);
    app_fini(&a);
}
END_TEST

/* A step taller than the screen scrolls with the arrow keys; the status
 * line says when more is below. */
START_TEST(test_scroll_long_step)
{
    char text[4096];
    int n = snprintf(text, sizeof text, "# Long\n\n## Many lines\n");
    for (int i = 1; i <= 40; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "- line %02d\n", i);
    struct app a;
    app_setup(&a, 0, 0);
    lesson_free(a.lessons[0].lesson);
    a.lessons[0].lesson = screen_parse(text, "fixture");
    app_open_lesson(&a, 0);
    char *s = screen_draw(&a, 100, 30);
    /* 26 content rows: title, blank, lines 01..24. */
    ck_assert_shows(s, "line 01");
    ck_assert_shows(s, "line 24");
    ck_assert_hides(s, "line 25");
    ck_assert_shows(last_line(s), "more below");
    free(s);
    for (int i = 0; i < 3; i++)
        app_action(&a, ACT_DOWN, 0);
    s = screen_draw(&a, 100, 30);
    ck_assert_hides(s, "Many lines");
    ck_assert_hides(s, "line 01");
    ck_assert_shows(s, "line 02");
    ck_assert_shows(s, "line 27");
    free(s);
    for (int i = 0; i < 100; i++)
        app_action(&a, ACT_DOWN, 0);
    s = screen_draw(&a, 100, 30);
    ck_assert_shows(s, "line 40");
    ck_assert_hides(last_line(s), "more below");
    free(s);
    app_action(&a, ACT_UP, 0);
    s = screen_draw(&a, 100, 30);
    ck_assert_shows(last_line(s), "more below");
    free(s);
    app_fini(&a);
}
END_TEST

START_TEST(test_load_error_shown)
{
    struct app a;
    app_setup(&a, 0, 0);
    app_action(&a, ACT_JUMP, 3);
    char *s = screen_draw(&a, 100, 30);
    ck_assert_shows(s, "This lesson could not be opened:");
    ck_assert_shows(s, "broken.lesson:7: unknown directive '@nope'");
    free(s);
    app_fini(&a);
}
END_TEST

/* Below 80x24 a message instead of the screen; it recovers when the
 * terminal grows again. */
START_TEST(test_too_small)
{
    struct app a;
    app_setup(&a, 0, 0);
    app_action(&a, ACT_NEXT, 0);
    char *s = screen_draw(&a, 79, 24);
    ck_assert_shows(s, "Terminal too small (need 80x24)");
    ck_assert_shows(s, "now 79x24");
    ck_assert_hides(s, "Alpha");
    free(s);
    s = screen_draw(&a, 80, 23);
    ck_assert_shows(s, "Terminal too small (need 80x24)");
    free(s);
    s = screen_draw(&a, 20, 5); /* tiny: clipped, never out of bounds */
    ck_assert_shows(s, "Terminal");
    free(s);
    s = screen_draw(&a, 80, 24);
    ck_assert_hides(s, "too small");
    ck_assert_shows(s, "Alpha prose");
    free(s);
    app_fini(&a);
}
END_TEST

START_TEST(test_korean_interface_and_width)
{
    struct app a;
    app_setup(&a, 0, 0);
    a.lang = TUI_KO;
    char *s = screen_draw(&a, 100, 30);
    ck_assert_shows(s, "단원");
    ck_assert_shows(s, "한국어");
    ck_assert_shows(last_line(s), "Enter 열기");
    free(s);
    app_action(&a, ACT_JUMP, 2);
    struct rgrid g;
    rgrid_init(&g, 100, 30);
    app_draw(&a, &g);
    /* Hangul takes two cells: "가" at the margin, its right half a
     * continuation cell, "나" right after. */
    int found = 0;
    for (int y = 0; y < g.h && !found; y++) {
        struct rcell *c = rgrid_at(&g, 2, y);
        if (c->ch == 0xAC00) { /* 가 */
            found = 1;
            ck_assert_int_eq(c->width, 2);
            ck_assert_int_eq(rgrid_at(&g, 3, y)->width, 0);
            ck_assert_uint_eq(rgrid_at(&g, 4, y)->ch, 0xB098); /* 나 */
        }
    }
    ck_assert_msg(found, "Korean prose not at the left margin");
    rgrid_fini(&g);
    s = screen_draw(&a, 100, 30);
    ck_assert_shows(last_line(s), "1/1 단계");
    free(s);
    app_fini(&a);
}
END_TEST

START_TEST(test_text_tables_complete)
{
    for (int lang = 0; lang < TUI_LANG_COUNT; lang++)
        for (int id = 0; id < TX_COUNT; id++)
            ck_assert_msg(text_get((enum tui_lang)lang, (enum text_id)id)[0],
                          "text %d missing in language %d", id, lang);
    char buf[64];
    const char *args[] = {"one", "two"};
    ck_assert_str_eq(text_fill(buf, sizeof buf, "{2} then {1}", args, 2),
                     "two then one");
    ck_assert_str_eq(text_fill(buf, sizeof buf, "{3} stays", args, 2),
                     "{3} stays");
    ck_assert_str_eq(text_fill(buf, 6, "{1}{2}", args, 2), "onetw");
    ck_assert_str_eq(text_fill2(buf, sizeof buf, "{1}/{2}", 3, 12), "3/12");
}
END_TEST

START_TEST(test_blank_screen)
{
    struct app a;
    app_setup(&a, 0, 0);
    app_action(&a, ACT_BLANK, 0);
    char *s = screen_draw(&a, 100, 30);
    ck_assert_str_eq(s, "");
    free(s);
    /* Any key brings the screen back and does nothing else. */
    app_action(&a, ACT_NONE, 0);
    s = screen_draw(&a, 100, 30);
    ck_assert_shows(s, "Lessons");
    ck_assert_ptr_eq(a.view, &menu_view);
    free(s);
    app_fini(&a);
}
END_TEST

START_TEST(test_demo_timer)
{
    struct app a;
    app_setup(&a, 1, 0); /* every 5 s */
    app_open_lesson(&a, 0);
    char *s = screen_draw(&a, 100, 30);
    /* Less chrome: no header bar or key hints, the step on the right. */
    ck_assert_hides(s, "nnlab :");
    ck_assert_hides(s, "? help");
    ck_assert_shows(s, "Fixture lesson");
    ck_assert_shows(last_line(s), "Step 1/3");
    free(s);
    ck_assert_int_eq(app_tick(&a, 100.0), 0); /* starts the countdown */
    ck_assert_int_eq(app_tick(&a, 104.9), 0);
    ck_assert_int_eq(a.step, 0);
    ck_assert(app_timeout(&a) > 0.05 && app_timeout(&a) < 0.15);
    ck_assert_int_eq(app_tick(&a, 105.0), 1);
    ck_assert_int_eq(a.step, 1);
    /* Space pauses: time passes, nothing moves. */
    app_action(&a, ACT_PAUSE, 0);
    ck_assert_int_eq(app_tick(&a, 200.0), 0);
    ck_assert_int_eq(a.step, 1);
    ck_assert(app_timeout(&a) < 0);
    s = screen_draw(&a, 100, 30);
    ck_assert_shows(last_line(s), "[paused]");
    free(s);
    app_action(&a, ACT_PAUSE, 0); /* resume: a full period from now */
    ck_assert_int_eq(app_tick(&a, 204.9), 0);
    ck_assert_int_eq(app_tick(&a, 205.0), 1);
    ck_assert_int_eq(a.step, 2);
    /* Blanking stops the clock; showing the screen again gives the class
     * a full period before the next step. */
    app_action(&a, ACT_BLANK, 0);
    ck_assert_int_eq(app_tick(&a, 300.0), 0);
    app_action(&a, ACT_NONE, 0);
    ck_assert_int_eq(app_tick(&a, 304.9), 0);
    ck_assert_int_eq(a.step, 2);
    /* That was the last step: the next lesson comes. */
    ck_assert_int_eq(app_tick(&a, 305.0), 1);
    ck_assert_int_eq(a.cur, 1);
    ck_assert_int_eq(a.step, 0);
    app_fini(&a);
}
END_TEST

/* D switches classroom mode on and off where the learner is. */
START_TEST(test_demo_toggle)
{
    struct app a;
    app_setup(&a, 0, 0);
    app_open_lesson(&a, 0);
    app_action(&a, ACT_NEXT, 0);
    ck_assert_int_eq(app_tick(&a, 50.0), 0); /* not in demo: no timer */
    ck_assert(app_timeout(&a) < 0);
    int arg;
    ck_assert_int_eq(keys_lookup('D', KM_NORMAL, &arg), ACT_DEMO);
    app_action(&a, ACT_DEMO, 0);
    char *s = screen_draw(&a, 100, 30);
    ck_assert_hides(s, "? help");
    ck_assert_shows(s, "Bravo prose");
    ck_assert_shows(last_line(s), "Step 2/3");
    free(s);
    ck_assert_int_eq(keys_lookup(' ', app_key_mode(&a), &arg), ACT_PAUSE);
    /* The countdown started with the key press, at 50 s. */
    ck_assert_int_eq(app_tick(&a, 54.9), 0);
    ck_assert_int_eq(app_tick(&a, 55.0), 1);
    ck_assert_int_eq(a.step, 2);
    app_action(&a, ACT_DEMO, 0);
    s = screen_draw(&a, 100, 30);
    ck_assert_shows(last_line(s), "? help");
    ck_assert_shows(s, "Charlie prose");
    free(s);
    app_fini(&a);
}
END_TEST

/* Unattended, demo mode opens the first lesson from the menu, walks
 * every step of every lesson, and comes back to the menu. */
START_TEST(test_demo_tour)
{
    struct app a;
    app_setup(&a, 1, 0);
    double t = 10.0;
    app_tick(&a, t);
    t += a.demo_seconds;
    ck_assert_int_eq(app_tick(&a, t), 1);
    ck_assert_ptr_eq(a.view, &lesson_view);
    ck_assert_int_eq(a.cur, 0);
    /* Fixture: 3 steps, Korean: 1 step, broken: shown once. */
    int expect[][2] = {{0, 1}, {0, 2}, {1, 0}, {2, 0}};
    for (int i = 0; i < 4; i++) {
        t += a.demo_seconds;
        ck_assert_int_eq(app_tick(&a, t), 1);
        ck_assert_int_eq(a.cur, expect[i][0]);
        ck_assert_int_eq(a.step, expect[i][1]);
    }
    t += a.demo_seconds;
    ck_assert_int_eq(app_tick(&a, t), 1);
    ck_assert_ptr_eq(a.view, &menu_view);
    ck_assert_int_eq(a.menu_sel, 0);
    app_fini(&a);
}
END_TEST

START_TEST(test_demo_banner)
{
    struct app a;
    app_setup(&a, 1, 0);
    ck_assert_msg(a.banner_lines > 0, "assets/banner.txt not found");
    char *s = screen_draw(&a, 100, 30);
    ck_assert_shows(s, a.banner[0]);
    ck_assert_shows(s, "Fixture lesson");
    free(s);
    app_fini(&a);
}
END_TEST

/* With --ascii every character on every screen is ASCII (Korean lessons
 * aside: the text itself is not a glyph choice). */
START_TEST(test_ascii_everywhere)
{
    struct app a;
    app_setup(&a, 0, 1);
    a.lessons[1].lesson->title[0] = 'K'; /* keep the menu ASCII */
    a.lessons[1].lesson->title[1] = '\0';
    struct rgrid g;
    rgrid_init(&g, 100, 30);
    for (int k = 0; k < 4; k++) {
        if (k == 1)
            a.help = 1;
        if (k == 2) {
            a.help = 0;
            app_open_lesson(&a, 0);
            app_action(&a, ACT_NEXT, 0); /* the step with a table */
        }
        if (k == 3)
            a.help = 1;
        app_draw(&a, &g);
        for (int i = 0; i < g.w * g.h; i++)
            ck_assert_msg(g.cells[i].ch < 0x80, "screen %d: U+%04X at %d,%d", k,
                          (unsigned)g.cells[i].ch, i % g.w, i / g.w);
    }
    rgrid_fini(&g);
    app_fini(&a);
}
END_TEST

START_TEST(test_wide_ambiguous_boxes)
{
    struct options o;
    memset(&o, 0, sizeof o);
    o.wide_ambiguous = 1;
    struct app a;
    app_setup_with(&a, &o);
    a.help = 1;
    char *s = screen_draw(&a, 100, 30);
    /* Box drawing and arrows are ambiguous width: none on screen. */
    ck_assert_hides(s, "\u2500");
    ck_assert_hides(s, "\u250c");
    ck_assert_hides(s, "\u2190");
    ck_assert_hides(s, "\u2191");
    ck_assert_shows(s, "+---");
    ck_assert_shows(s, "Left, h, Backspace, PgUp");
    ck_assert_shows(last_line(s), "Up/Down choose");
    free(s);
    app_fini(&a);
}
END_TEST

START_TEST(test_color_level)
{
    ck_assert_int_eq(theme_color_level(COLOR_AUTO, NULL, 1, 256), 256);
    ck_assert_int_eq(theme_color_level(COLOR_AUTO, "", 1, 256), 256);
    ck_assert_int_eq(theme_color_level(COLOR_AUTO, "1", 1, 256), 0);
    ck_assert_int_eq(theme_color_level(COLOR_ALWAYS, "1", 1, 256), 256);
    ck_assert_int_eq(theme_color_level(COLOR_NEVER, NULL, 1, 256), 0);
    ck_assert_int_eq(theme_color_level(COLOR_AUTO, NULL, 1, 8), 8);
    ck_assert_int_eq(theme_color_level(COLOR_AUTO, NULL, 1, 88), 8);
    ck_assert_int_eq(theme_color_level(COLOR_ALWAYS, NULL, 0, 0), 0);
    ck_assert_int_eq(theme_color_level(COLOR_AUTO, NULL, 1, 2), 0);
}
END_TEST

static int parse_theme_text(const char *text, struct theme *t, char *err)
{
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    ck_assert_ptr_nonnull(f);
    int r = theme_parse(t, f, "t.theme", err, 256);
    fclose(f);
    return r;
}

START_TEST(test_themes)
{
    struct theme t;
    char err[256];
    /* The shipped themes load and differ where a projector needs it. */
    ck_assert_msg(theme_load(&t, "default", err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(t.s[RS_NORMAL].bg256, -1);
    ck_assert_uint_eq(t.s[RS_HIGHLIGHT].mono, TA_REVERSE);
    struct theme c;
    ck_assert_msg(theme_load(&c, "contrast", err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(c.s[RS_NORMAL].bg256, 16); /* black */
    ck_assert_uint_eq(c.s[RS_NORMAL].attrs & TA_BOLD, TA_BOLD);

    ck_assert_int_eq(parse_theme_text("normal - - - - - -\n", &t, err), -1);
    ck_assert_str_eq(err, "t.theme: style 'bold' is missing");
    ck_assert_int_eq(parse_theme_text("# c\n\nnormal 300 - - - - -\n", &t, err),
                     -1);
    ck_assert_str_eq(err, "t.theme:3: bad colour '300'");
    ck_assert_int_eq(parse_theme_text("shiny 1 - - - - -\n", &t, err), -1);
    ck_assert_str_eq(err, "t.theme:1: unknown style 'shiny'");
    ck_assert_int_eq(parse_theme_text("normal 1 - pink - - -\n", &t, err), -1);
    ck_assert_str_eq(err, "t.theme:1: bad colour 'pink'");
    ck_assert_int_eq(parse_theme_text("normal 1 - red - blink -\n", &t, err),
                     -1);
    ck_assert_int_eq(parse_theme_text("normal 1 -\n", &t, err), -1);
    ck_assert_str_eq(err, "t.theme:1: expected 7 fields (style fg256 bg256 "
                          "fg8 bg8 attrs mono), found 3");
}
END_TEST

static Suite *tui_suite(void)
{
    Suite *s = suite_create("tui");
    TCase *tc = tcase_create("screens");
    tcase_add_test(tc, test_key_table);
    tcase_add_loop_test(tc, test_help_lists_every_key, 0, 2);
    tcase_add_test(tc, test_menu);
    tcase_add_test(tc, test_menu_click_and_digit);
    tcase_add_test(tc, test_steps_forward_and_back);
    tcase_add_test(tc, test_scroll_long_step);
    tcase_add_test(tc, test_load_error_shown);
    tcase_add_test(tc, test_too_small);
    tcase_add_test(tc, test_korean_interface_and_width);
    tcase_add_test(tc, test_text_tables_complete);
    tcase_add_test(tc, test_blank_screen);
    tcase_add_test(tc, test_demo_timer);
    tcase_add_test(tc, test_demo_toggle);
    tcase_add_test(tc, test_demo_tour);
    tcase_add_test(tc, test_demo_banner);
    tcase_add_test(tc, test_ascii_everywhere);
    tcase_add_test(tc, test_wide_ambiguous_boxes);
    tcase_add_test(tc, test_color_level);
    tcase_add_test(tc, test_themes);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(tui_suite)
