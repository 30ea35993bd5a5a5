/*
 * The interface strings, English and Korean side by side, so a missing
 * translation shows up as an empty slot in one table (and a test checks
 * that none is empty).
 */
#include "tui/text.h"

#include <stdio.h>
#include <string.h>

static const char *const texts[TX_COUNT][TUI_LANG_COUNT] = {
    [TX_TAGLINE] = {"See how a neural network learns, step by step.",
                    "신경망이 배우는 과정을 한 단계씩 살펴봅니다."},
    [TX_MENU_TITLE] = {"Lessons", "단원"},
    [TX_MENU_FILE] = {"file", "파일"},
    [TX_UNAVAILABLE] = {"(not available)", "(열 수 없음)"},
    [TX_STEP] = {"Step {1}/{2}", "{1}/{2} 단계"},
    [TX_PAUSED] = {"paused", "일시정지"},
    [TX_MORE] = {"more below", "아래에 더 있음"},
    [TX_END] = {"end of lesson", "단원 끝"},
    [TX_TOO_SMALL] = {"Terminal too small (need {1}x{2})",
                      "터미널이 너무 작습니다 ({1}x{2} 필요)"},
    [TX_TOO_SMALL_HAVE] = {"now {1}x{2}: enlarge the window",
                           "현재 {1}x{2}: 창을 키워 주세요"},
    [TX_HELP_TITLE] = {"Keys", "키"},
    [TX_HELP_CLOSE] = {"Esc, q or ? closes this help",
                       "Esc, q, ? 키로 도움말을 닫습니다"},
    [TX_LANG_NAME] = {"English", "한국어"},
    [TX_LOAD_ERROR] = {"This lesson could not be opened:",
                       "이 단원을 열 수 없습니다:"},
    [TX_WIDGET_ERROR] = {"[{1}: {2}]", "[{1}: {2}]"},
    [TX_ACT_NEXT] = {"next step (in the menu: open the lesson)",
                     "다음 단계 (메뉴에서는 단원 열기)"},
    [TX_ACT_PREV] = {"previous step", "이전 단계"},
    [TX_ACT_UP] = {"menu: move up; lesson: scroll up",
                   "메뉴: 위로; 단원: 위로 스크롤"},
    [TX_ACT_DOWN] = {"menu: move down; lesson: scroll down",
                     "메뉴: 아래로; 단원: 아래로 스크롤"},
    [TX_ACT_FIRST] = {"first step", "첫 단계"},
    [TX_ACT_LAST] = {"last step", "마지막 단계"},
    [TX_ACT_JUMP] = {"jump to lesson 1-9", "1-9번 단원으로 이동"},
    [TX_ACT_HELP] = {"show or hide this help", "이 도움말 열기/닫기"},
    [TX_ACT_BACK] = {"back to the menu; in the menu, quit",
                     "메뉴로 돌아가기; 메뉴에서는 종료"},
    [TX_ACT_CLOSE] = {"close help or blank screen", "도움말이나 빈 화면 닫기"},
    [TX_ACT_BLANK] = {"blank the screen (any key shows it again)",
                      "화면 가리기 (아무 키나 누르면 다시 보임)"},
    [TX_ACT_PAUSE] = {"pause or resume auto-advance", "자동 넘김 멈춤/계속"},
    [TX_ACT_LANG] = {"switch language (English / Korean)",
                     "언어 바꾸기 (영어 / 한국어)"},
    [TX_ACT_DEMO] = {"classroom demo mode on or off",
                     "수업용 시연 모드 켜기/끄기"},
    [TX_ACT_REDRAW] = {"redraw the screen", "화면 다시 그리기"},
    [TX_SHORT_STEP] = {"step", "단계"},
    [TX_SHORT_SCROLL] = {"scroll", "스크롤"},
    [TX_SHORT_OPEN] = {"open", "열기"},
    [TX_SHORT_CHOOSE] = {"choose", "선택"},
    [TX_SHORT_HELP] = {"help", "도움말"},
    [TX_SHORT_QUIT] = {"quit", "종료"},
    [TX_SHORT_MENU] = {"menu", "메뉴"},
    [TX_SHORT_PAUSE] = {"pause", "멈춤"},
};

const char *text_get(enum tui_lang lang, enum text_id id)
{
    if ((unsigned)lang >= TUI_LANG_COUNT || (unsigned)id >= TX_COUNT)
        return "";
    const char *s = texts[id][lang];
    return s ? s : texts[id][TUI_EN];
}

const char *text_lang_code(enum tui_lang lang)
{
    return lang == TUI_KO ? "ko" : "en";
}

enum tui_lang text_lang_from_code(const char *code)
{
    return code && strcmp(code, "ko") == 0 ? TUI_KO : TUI_EN;
}

char *text_fill(char *buf, int len, const char *tmpl, const char *const *args,
                int n_args)
{
    int o = 0;
    if (len <= 0)
        return buf;
    for (const char *p = tmpl; *p && o < len - 1;) {
        if (p[0] == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}' &&
            p[1] - '1' < n_args) {
            for (const char *s = args[p[1] - '1']; *s && o < len - 1; s++)
                buf[o++] = *s;
            p += 3;
        } else {
            buf[o++] = *p++;
        }
    }
    buf[o] = '\0';
    return buf;
}

char *text_fill2(char *buf, int len, const char *tmpl, int a, int b)
{
    char sa[16], sb[16];
    snprintf(sa, sizeof sa, "%d", a);
    snprintf(sb, sizeof sb, "%d", b);
    const char *args[] = {sa, sb};
    return text_fill(buf, len, tmpl, args, 2);
}
