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
    [TX_ACT_WALK] = {"backprop lesson: try the walkthrough yourself",
                     "역전파 단원: 직접 계산해 보기 화면"},
    [TX_ACT_EDIT] = {"edit the value under the cursor", "커서 아래 값 고치기"},
    [TX_ACT_RUN] = {"run 10 more updates, show E falling",
                    "10번 더 갱신하고 줄어드는 E 보기"},
    [TX_ACT_NUMERIC] = {"numerical gradient beside backprop's, on/off",
                        "수치 미분 기울기와 역전파 기울기 비교 켜기/끄기"},
    [TX_ACT_BIAS] = {"biases: none, shared, per unit; updated or fixed",
                     "편향: 없음, 층마다 공유, 뉴런마다; 갱신 또는 고정"},
    [TX_ACT_CHECK] = {"check my hand calculation of the next line",
                      "다음 줄을 손으로 계산한 값 확인하기"},
    [TX_ACT_PANEL] = {"show the network, the E curve or the gradients",
                      "신경망 / E 곡선 / 기울기 비교 보기"},
    [TX_SHORT_LINE] = {"line", "줄"},
    [TX_SHORT_CURSOR] = {"cursor", "커서"},
    [TX_SHORT_EDIT] = {"edit", "고치기"},
    [TX_SHORT_CHECK] = {"check", "확인"},
    [TX_SHORT_BACK] = {"back", "돌아가기"},
    [TX_SHORT_WALK] = {"try it", "직접 해 보기"},
    [TX_BP_LINE] = {"Line {1}/{2}", "{1}/{2}줄"},
    [TX_BP_START] = {"Next step: the first line. c: work it out first and "
                     "type your value.",
                     "다음 단계로 첫 줄이 나옵니다. c: 먼저 계산해서 값을 "
                     "입력해 보세요."},
    [TX_BP_ALL_SHOWN] = {"All lines shown.", "모든 줄을 보았습니다."},
    [TX_BP_NO_BIAS] = {"no bias", "편향 없음"},
    [TX_BP_BIAS_SHARED] = {"bias: one per layer, shared by its units",
                           "편향: 층마다 하나, 뉴런들이 공유"},
    [TX_BP_BIAS_UNIT] = {"bias: one per unit", "편향: 뉴런마다 하나"},
    [TX_BP_UPDATED] = {"updated", "갱신함"},
    [TX_BP_FIXED] = {"held fixed", "고정"},
    [TX_BP_SETTINGS] = {"{1}  |  rate {2}  |  updates {3}",
                        "{1}  |  학습률 {2}  |  갱신 {3}번"},
    [TX_BP_INPUT] = {"{1} = {2}  (an input; e edits it)",
                     "{1} = {2}  (입력; e로 고치기)"},
    [TX_BP_TARGET] = {"{1} = {2}  (a target; e edits it)",
                      "{1} = {2}  (정답; e로 고치기)"},
    [TX_BP_RATE] = {"learning rate = {1}  (e edits it)",
                    "학습률 = {1}  (e로 고치기)"},
    [TX_BP_EDIT] = {"{1} = ", "{1} = "},
    [TX_BP_CHECK] = {"Your value for {1}: ", "{1}의 값을 입력: "},
    [TX_BP_SET] = {"{1} is now {2}; every line is computed again.",
                   "{1}을(를) {2}(으)로 바꾸고 모든 줄을 다시 계산했습니다."},
    [TX_BP_BAD_VALUE] = {"'{1}' is not a number in range; nothing changed.",
                         "'{1}'은(는) 범위 안의 수가 아닙니다. 바꾸지 "
                         "않았습니다."},
    [TX_BP_NOT_EDITABLE] = {"{1} is computed, not given: move the cursor to "
                            "an input, weight, bias, target or the rate.",
                            "{1}은(는) 계산되는 값입니다. 입력, 가중치, 편향, "
                            "정답, 학습률로 커서를 옮기세요."},
    [TX_BP_MATCH] = {"Right: {1} matches to the precision you typed.",
                     "맞았습니다: 입력한 자릿수까지 {1}와 같습니다."},
    [TX_BP_COARSE] = {"Right so far; type at least 4 decimals.",
                      "지금까지는 맞습니다. 소수점 아래 4자리 이상 "
                      "입력하세요."},
    [TX_BP_NO_MATCH] = {"{1} is not {2}.", "{1}은(는) {2}의 값이 아닙니다."},
    [TX_BP_DIFFERS] = {"Check {1}: it is {2}, you seem to have used {3}.",
                       "{1}을(를) 확인하세요: {2}인데, {3}을(를) 쓴 것 "
                       "같습니다."},
    [TX_BP_DIFFERS_AT] = {"Check {1}: it is {2}; your result needs {3}.",
                          "{1}을(를) 확인하세요: {2}인데, 입력한 결과는 "
                          "{3}이어야 나옵니다."},
    [TX_BP_CURVE] = {"E_total: {1} before, {2} after {3} updates",
                     "E_total: 처음 {1}, {3}번 갱신 뒤 {2}"},
    [TX_BP_NUMERIC] = {"Numerical gradient (central difference, h = 1e-4) "
                       "beside backprop's:",
                       "수치 미분 기울기(중앙 차분, h = 1e-4)와 역전파 "
                       "기울기:"},
    [TX_BP_NUMERIC_OFF] = {"n: compute the numerical gradient too.",
                           "n: 수치 미분 기울기도 계산합니다."},
    [TX_BP_FAILED] = {"The walkthrough cannot run: {1}",
                      "역전파 과정을 계산할 수 없습니다: {1}"},
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
