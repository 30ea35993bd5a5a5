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
    [TX_SMALL] = {"too small", "너무 작음"},
    [TX_SMALL_NOW] = {"now {1}x{2}", "현재 {1}x{2}"},
    [TX_SMALL_NEED] = {"need {1}x{2}", "필요 {1}x{2}"},
    [TX_HELP_TITLE] = {"Keys", "키"},
    [TX_HELP_CLOSE] = {"Esc, q or ? closes this help",
                       "Esc, q, ? 키로 도움말을 닫습니다"},
    [TX_LANG_NAME] = {"English", "한국어"},
    /* Only ever shown in English (Korean is what cannot be shown). */
    [TX_LANG_NO_KOREAN] = {"English: Korean needs a UTF-8 locale",
                           "English: Korean needs a UTF-8 locale"},
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
    [TX_ACT_INC] = {"raise the selected value", "고른 값 올리기"},
    [TX_ACT_DEC] = {"lower the selected value", "고른 값 내리기"},
    [TX_ACT_TYPE] = {"type a value (Enter sets it)", "값 입력 (Enter로 적용)"},
    [TX_ACT_TARGET] = {"choose the target", "목표 고르기"},
    [TX_ACT_RULE] = {"switch the rule", "규칙 바꾸기"},
    [TX_ACT_SEARCH] = {"search for an answer", "답 찾기"},
    [TX_ACT_TRAIN] = {"train further", "더 학습하기"},
    [TX_ACT_DERIV] = {"show or hide the derivative", "도함수 보이기/숨기기"},
    [TX_ACT_SLOPE_DOWN] = {"leaky ReLU: slope a down by 0.01",
                           "리키 ReLU: 기울기 a를 0.01 줄이기"},
    [TX_ACT_SLOPE_UP] = {"leaky ReLU: slope a up by 0.01",
                         "리키 ReLU: 기울기 a를 0.01 늘리기"},
    [TX_SHORT_STEP] = {"step", "단계"},
    [TX_SHORT_SCROLL] = {"scroll", "스크롤"},
    [TX_SHORT_OPEN] = {"open", "열기"},
    [TX_SHORT_CHOOSE] = {"choose", "선택"},
    [TX_SHORT_HELP] = {"help", "도움말"},
    [TX_SHORT_QUIT] = {"quit", "종료"},
    [TX_SHORT_MENU] = {"menu", "메뉴"},
    [TX_SHORT_PAUSE] = {"pause", "멈춤"},
    [TX_ACT_WALK] = {"try the step's figure yourself (backprop, gates, "
                     "shapes, descent)",
                     "이 단계의 그림을 직접 다뤄 보기 (역전파, 게이트, "
                     "행렬 크기, 경사 하강)"},
    [TX_ACT_MNIST] = {"train a network on MNIST live",
                      "MNIST로 신경망을 실시간 학습"},
    [TX_ACT_INSIDE] = {"look inside a trained network: answers, mistakes, "
                       "confusion, weights",
                       "학습된 신경망 들여다보기: 답, 실수, 혼동 행렬, 가중치"},
    [TX_ACT_DRAW] = {"draw a digit and let a trained network read it",
                     "숫자를 그려 학습된 신경망에게 읽히기"},
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
    [TX_SHORT_WALK] = {"try it", "실습"},
    [TX_EXP_ACT_NEXT] = {"next function (also away from softmax)",
                         "다음 함수 (소프트맥스에서 나갈 때도)"},
    [TX_EXP_ACT_INC] = {"cursor right by 0.1 (softmax: logit up by 0.1)",
                        "커서를 오른쪽으로 0.1 (소프트맥스: 로짓 0.1 올리기)"},
    [TX_EXP_ACT_DEC] = {"cursor left by 0.1 (softmax: logit down by 0.1)",
                        "커서를 왼쪽으로 0.1 (소프트맥스: 로짓 0.1 내리기)"},
    [TX_EXP_ACT_UP] = {"previous function (softmax: previous logit)",
                       "이전 함수 (소프트맥스: 이전 로짓)"},
    [TX_EXP_ACT_DOWN] = {"next function (softmax: next logit)",
                         "다음 함수 (소프트맥스: 다음 로짓)"},
    [TX_EXP_ACT_FIRST] = {"cursor to the left end", "커서를 왼쪽 끝으로"},
    [TX_EXP_ACT_LAST] = {"cursor to the right end", "커서를 오른쪽 끝으로"},
    [TX_EXP_ACT_BACK] = {"back to the lesson step", "단원의 단계로 돌아가기"},
    [TX_EXP_SHORT_FUNCTION] = {"function", "함수"},
    [TX_EXP_SHORT_DERIV] = {"derivative", "도함수"},
    [TX_EXP_SHORT_SLOPE] = {"slope", "기울기"},
    [TX_SHORT_GO] = {"run", "계속"},
    [TX_SHORT_LR] = {"rate", "학습률"},
    [TX_SHORT_RESTART] = {"restart", "처음부터"},
    [TX_SHORT_PRESET] = {"network", "신경망"},
    [TX_SHORT_INSIDE] = {"inside", "속 보기"},
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
    [TX_GATES_TITLE] = {"perceptron, hands on", "퍼셉트론 실습"},
    [TX_GATES_SHORT_NUDGE] = {"-/+0.1", "-/+0.1"},
    [TX_GATES_SHORT_TARGET] = {"target", "목표"},
    [TX_GATES_SHORT_LEARN] = {"learn", "학습"},
    [TX_GATES_SHORT_LINE] = {"line", "직선"},
    [TX_GATES_SHORT_MLP] = {"MLP", "MLP"},
    [TX_GATES_ACT_NEXT] =
        {"one learning update (MLP: run or pause); set a typed value",
         "학습 규칙 한 번 (MLP: 실행/멈춤); 입력한 값 적용"},
    [TX_GATES_ACT_PREV] = {"erase a typed character", "입력한 글자 지우기"},
    [TX_GATES_ACT_UP] = {"select the weight above", "위 가중치 고르기"},
    [TX_GATES_ACT_DOWN] = {"select the weight below", "아래 가중치 고르기"},
    [TX_GATES_ACT_FIRST] = {"back to the figure's weights",
                            "그림의 처음 가중치로"},
    [TX_GATES_ACT_LAST] = {"run the learning rule until it stops",
                           "학습 규칙을 멈출 때까지 실행"},
    [TX_GATES_ACT_BACK] = {"back to the lesson", "단원으로 돌아가기"},
    [TX_GATES_ACT_CLOSE] = {"cancel typing, close the help",
                            "입력 취소, 도움말 닫기"},
    [TX_GATES_ACT_INC] = {"raise the selected weight by 0.1",
                          "고른 가중치를 0.1 올리기"},
    [TX_GATES_ACT_DEC] = {"lower the selected weight by 0.1",
                          "고른 가중치를 0.1 내리기"},
    [TX_GATES_ACT_TYPE] = {"type a weight (Enter sets it, Esc cancels)",
                           "가중치 입력 (Enter 적용, Esc 취소)"},
    [TX_GATES_ACT_TARGET] = {"target gate: AND, NAND, OR, XOR or none",
                             "목표 게이트: AND, NAND, OR, XOR, 없음"},
    [TX_GATES_ACT_RULE] = {"step rule: y = 1 when s > 0, or when s >= 0",
                           "계단 규칙: s > 0 이면 1, 또는 s >= 0 이면 1"},
    [TX_GATES_ACT_SEARCH] = {"try to place a line for the target",
                             "목표에 맞는 직선 놓아 보기"},
    [TX_GATES_ACT_TRAIN] = {"the 2-2-1 MLP on XOR: train to the next mark",
                            "XOR용 2-2-1 MLP: 다음 표시까지 학습"},
    [TX_GATES_RULE] = {"y = 1 if s {1} 0", "s {1} 0 이면 y = 1"},
    [TX_GATES_TARGET] = {"target {1}", "목표 {1}"},
    [TX_GATES_NONE] = {"none", "없음"},
    [TX_GATES_TYPING] = {"{1} = {2}_  Enter sets, Esc cancels",
                         "{1} = {2}_  Enter 적용, Esc 취소"},
    [TX_GATES_BAD] = {"'{1}' is not a number from -100 to 100",
                      "'{1}': -100에서 100 사이의 수가 아닙니다"},
    [TX_GATES_IDLE] = {"Up/Down picks a weight, Left/Right moves it by 0.1, "
                       "digits type one. Space: one step of the learning "
                       "rule towards the target.",
                       "위/아래로 가중치를 고르고, 왼쪽/오른쪽으로 0.1씩 "
                       "바꾸고, 숫자로 입력합니다. Space: 목표를 향한 학습 "
                       "규칙 한 걸음."},
    [TX_GATES_NO_LINE] = {"No line gets all four XOR rows right: x tries "
                          "every line on a grid and says why.",
                          "XOR의 네 줄을 모두 맞히는 직선은 없습니다: x는 "
                          "격자 위의 모든 직선을 시험하고 까닭을 보여 줍니다."},
    [TX_GATES_NEED_TARGET] = {"Choose a target first (t).",
                              "먼저 목표를 고르세요 (t)."},
    [TX_GATES_MLP_KEYS] = {"Space: run or pause; m: to the next mark; q: back",
                           "Space: 실행/멈춤; m: 다음 표시까지; q: 돌아가기"},
    [TX_GATES_RUNNING] = {"training", "학습 중"},
    [TX_ACT_ADD] = {"add a hidden layer after the cursor",
                    "커서 뒤에 은닉층 추가"},
    [TX_ACT_REMOVE] = {"remove the hidden layer under the cursor",
                       "커서 아래 은닉층 삭제"},
    [TX_FW_INPUTS] = {"inputs", "입력"},
    [TX_FW_LAYER] = {"layer {1}", "{1}층"},
    [TX_FW_BATCH] = {"batch m", "배치 m"},
    [TX_FW_TITLE] = {"Network {1}, a mini-batch of m = {2}:",
                     "신경망 {1}, 미니배치 m = {2}:"},
    [TX_FW_SET] = {"{1} is now {2}; every shape is read again.",
                   "{1}을(를) {2}(으)로 바꾸고 모든 크기를 다시 읽었습니다."},
    [TX_FW_BAD] = {"'{1}' is not a whole number from {2} to {3}; nothing "
                   "changed.",
                   "'{1}'은(는) {2}부터 {3}까지의 정수가 아닙니다. 바꾸지 "
                   "않았습니다."},
    [TX_FW_MAX] = {"A network here has at most {1} weight layers.",
                   "여기서 신경망은 가중치 층을 {1}개까지 가질 수 있습니다."},
    [TX_FW_MIN] = {"Put the cursor on a hidden layer to remove it.",
                   "지울 은닉층에 커서를 놓으세요."},
    [TX_FW_FAILED] = {"The network cannot be built: {1}",
                      "신경망을 만들 수 없습니다: {1}"},
    [TX_FW_PARAMS] = {"parameters: {1}", "파라미터: {1}개"},
    [TX_FW_ACT_UPDOWN] = {"choose a layer size or the batch size",
                          "층 크기나 배치 크기 고르기"},
    [TX_FW_ACT_INCDEC] = {"the size under the cursor one larger / smaller",
                          "커서 아래 크기를 하나 크게 / 작게"},
    [TX_FW_ACT_TYPE] = {"type a size (Backspace erases)",
                        "크기 입력 (Backspace로 지우기)"},
    [TX_FW_ACT_ENTER] = {"set the typed size", "입력한 크기로 바꾸기"},
    [TX_FW_ACT_BACK] = {"back to the lesson step", "단원의 그 단계로 돌아가기"},
    [TX_DS_SMALL] = {"too small", "너무 작음"},
    [TX_DS_GOOD] = {"good", "알맞음"},
    [TX_DS_LARGE] = {"too large", "너무 큼"},
    [TX_DS_TYPED] = {"typed", "입력함"},
    [TX_DS_RATES] = {"{1}  |  {2}, lr = {3} ({4})",
                     "{1}  |  {2}, 학습률 = {3} ({4})"},
    [TX_DS_RACE] = {"{1}  |  five optimizers, each at its own rate",
                    "{1}  |  옵티마이저 다섯, 각자의 학습률"},
    [TX_DS_STEP] = {"Step {1}/{2}", "{1}/{2} 걸음"},
    [TX_DS_TYPING] = {"learning rate = {1}_  (Enter sets it)",
                      "학습률 = {1}_  (Enter로 정하기)"},
    [TX_DS_BAD] = {"'{1}' is not a learning rate (above 0, at most {2}); "
                   "nothing changed.",
                   "'{1}'은(는) 학습률이 아닙니다 (0보다 크고 {2} 이하). "
                   "바꾸지 않았습니다."},
    [TX_DS_DONE] = {"All {1} steps taken; Home starts again.",
                    "{1}걸음을 모두 걸었습니다. Home으로 다시 시작합니다."},
    [TX_DS_FAILED] = {"The descent cannot run: {1}",
                      "경사 하강을 계산할 수 없습니다: {1}"},
    [TX_DS_ACT_NEXT] = {"one step of every path (a typed rate: set it)",
                        "모든 경로를 한 걸음씩 (입력한 학습률은 정하기)"},
    [TX_DS_ACT_PREV] = {"one step back (a typed rate: erase)",
                        "한 걸음 뒤로 (입력 중이면 지우기)"},
    [TX_DS_ACT_FIRST] = {"back to the start point", "출발점으로 돌아가기"},
    [TX_DS_ACT_RUN] = {"run every step to the end", "끝까지 모두 걷기"},
    [TX_DS_ACT_INCDEC] = {"learning rate: too small, good, too large",
                          "학습률: 너무 작음, 알맞음, 너무 큼"},
    [TX_DS_ACT_TYPE] = {"type a learning rate", "학습률 입력"},
    [TX_DS_ACT_PANEL] = {"one rate, or the five optimizers racing",
                         "학습률 하나, 또는 옵티마이저 다섯의 경주"},
    [TX_SHORT_CHANGE] = {"change", "바꾸기"},
    [TX_SHORT_LAYER] = {"layer", "층"},
    [TX_SHORT_ONE_STEP] = {"step", "한 걸음"},
    [TX_SHORT_RUN] = {"run", "끝까지"},
    [TX_SHORT_RATE] = {"rate", "학습률"},
    [TX_SHORT_RACE] = {"race", "경주"},
    [TX_DRAW_ACT_PEN] = {"put the pen down, or lift it",
                         "펜 내리기/들기"},
    [TX_DRAW_ACT_ERASE] = {"put the eraser down, or lift it",
                           "지우개 내리기/들기"},
    [TX_DRAW_ACT_CLEAR] = {"clear the canvas", "캔버스 모두 지우기"},
    [TX_DRAW_ACT_MOVE] = {"move the cursor (the pen draws if down)",
                          "커서 움직이기 (펜이 내려가 있으면 그림)"},
    [TX_DRAW_SHORT_MOVE] = {"move", "이동"},
    [TX_DRAW_SHORT_PEN] = {"pen", "펜"},
    [TX_DRAW_SHORT_ERASE] = {"eraser", "지우개"},
    [TX_DRAW_SHORT_CLEAR] = {"clear", "지우기"},
    [TX_INSIDE_ACT_PAGE] = {"answers, mistakes, confusion matrix, weights",
                            "답, 실수, 혼동 행렬, 가중치"},
    [TX_INSIDE_ACT_TURN] = {"more digits, or other hidden units",
                            "다른 숫자나 다른 은닉 뉴런 보기"},
    [TX_INSIDE_ACT_FIRST] = {"back to the first digits and units",
                             "처음 숫자와 뉴런으로"},
    [TX_INSIDE_SHORT_PAGE] = {"page", "화면"},
    [TX_INSIDE_SHORT_TURN] = {"more", "넘기기"},
    [TX_ACT_SAVE] = {"save the network to a file", "신경망을 파일로 저장"},
    [TX_ACT_OPEN] = {"load a saved network instead",
                     "저장한 신경망을 불러와 바꾸기"},
    [TX_SHORT_SETTINGS] = {"settings", "설정"},
    [TX_SHORT_SAVE] = {"save", "저장"},
    [TX_SHORT_LOAD] = {"open", "열기"},
    [TX_TRAIN_ACT_NEXT] = {"pause; when paused, train one mini-batch",
                           "멈춤; 멈춘 동안에는 미니배치 하나 학습"},
    [TX_TRAIN_ACT_LAST] = {"train on", "계속 학습"},
    [TX_TRAIN_ACT_UP] = {"double the learning rate", "학습률 두 배"},
    [TX_TRAIN_ACT_DOWN] = {"halve the learning rate", "학습률 절반"},
    [TX_TRAIN_ACT_FIRST] = {"start over with new weights",
                            "새 가중치로 처음부터"},
    [TX_TRAIN_ACT_PREV] = {"next preset network, started at once",
                           "다음 미리 정한 신경망으로 바로 시작"},
    [TX_TRAIN_ACT_SETTINGS] = {"settings: layers, optimizer, rate, ...",
                               "설정: 층, 최적화 방법, 학습률 등"},
    [TX_TRAIN_ACT_PANEL] = {"look inside the network as it learns",
                            "학습 중인 신경망 속 보기"},
    [TX_TRAIN_ACT_BACK] = {"back to the menu (training pauses)",
                           "메뉴로 (학습은 멈춤)"},
    [TX_TRAIN_SAVE_TO] = {"Save the network to:", "신경망을 저장할 파일:"},
    [TX_TRAIN_LOAD_FROM] = {"Load a network from:", "불러올 신경망 파일:"},
    [TX_TRAIN_SAVE_KEYS] = {"Enter saves, Esc cancels",
                            "Enter 저장, Esc 취소"},
    [TX_TRAIN_LOAD_KEYS] = {"Enter loads, Esc cancels (the network "
                            "trained here is replaced)",
                            "Enter 불러오기, Esc 취소 (지금 신경망을 "
                            "바꿉니다)"},
    [TX_TRAIN_SAVED] = {"Saved the network to {1}", "{1}에 신경망을 저장했습니다"},
    [TX_TRAIN_NOT_SAVED] = {"Not saved: {1}", "저장하지 못했습니다: {1}"},
    [TX_TRAIN_LOADED] = {"Loaded {1}: {2}, test accuracy {3}. End trains "
                         "on from these weights.",
                         "{1}을 불러왔습니다: {2}, 테스트 정확도 {3}. End "
                         "키로 이 가중치에서 학습을 이어 갑니다."},
    [TX_TRAIN_NOT_LOADED] = {"Not loaded, the network is kept: {1}",
                             "불러오지 못해 지금 신경망을 그대로 둡니다: {1}"},
    [TX_CFG_TITLE] = {"Settings for the next run: {1}, {2} parameters",
                      "다음 학습 설정: {1}, 매개변수 {2}개"},
    [TX_CFG_PRESET] = {"preset", "미리 정한 설정"},
    [TX_CFG_DATASET] = {"dataset", "데이터셋"},
    [TX_CFG_HIDDEN] = {"hidden layers", "은닉층"},
    [TX_CFG_ACT] = {"activation", "활성화 함수"},
    [TX_CFG_OPT] = {"optimizer", "최적화 방법"},
    [TX_CFG_LR] = {"learning rate", "학습률"},
    [TX_CFG_BATCH] = {"batch size", "배치 크기"},
    [TX_CFG_EPOCHS] = {"epochs", "에포크"},
    [TX_CFG_INIT] = {"weight init", "가중치 초기화"},
    [TX_CFG_STD] = {"init std", "초기화 표준편차"},
    [TX_CFG_DTYPE] = {"number type", "수 형식"},
    [TX_CFG_SEED] = {"seed", "시드"},
    [TX_CFG_TRAIN_SIZE] = {"training images", "학습 이미지 수"},
    [TX_CFG_START] = {"Start training", "학습 시작"},
    [TX_CFG_CUSTOM] = {"custom", "사용자 설정"},
    [TX_CFG_ALL] = {"all ({1})", "전부 ({1})"},
    [TX_CFG_STD_UNUSED] = {"(used by normal only)", "(normal에서만 씀)"},
    [TX_CFG_NO_FASHION] = {"(Fashion-MNIST not found)",
                           "(Fashion-MNIST 없음)"},
    [TX_CFG_NOT_NUMBER] = {"'{1}' is not a number", "'{1}'은 수가 아닙니다"},
    [TX_CFG_HINT_CHOICE] = {"Left and Right choose.",
                            "왼쪽, 오른쪽 화살표로 고릅니다."},
    [TX_CFG_HINT_NUMBER] = {"Left and Right change it; or type a value and "
                            "press Enter.",
                            "왼쪽, 오른쪽 화살표로 바꾸거나, 값을 입력하고 "
                            "Enter를 누릅니다."},
    [TX_CFG_HINT_HIDDEN] = {"Type the units of each hidden layer, e.g. 50 "
                            "or 128,64, and press Enter; Left and Right "
                            "halve or double them.",
                            "은닉층마다 유닛 수를 입력하고(예: 50, "
                            "128,64) Enter를 누릅니다. 왼쪽, 오른쪽 "
                            "화살표는 절반, 두 배."},
    [TX_CFG_HINT_START] = {"Enter or r starts training with these settings; "
                           "Esc leaves everything as it was.",
                           "Enter나 r로 이 설정으로 학습을 시작합니다. Esc는 "
                           "아무것도 바꾸지 않습니다."},
    [TX_CFG_HINT_TYPING] = {"Enter sets the value, Esc drops it.",
                            "Enter로 값을 정하고, Esc로 버립니다."},
    [TX_CFG_ACT_UP] = {"the setting above", "위 설정"},
    [TX_CFG_ACT_DOWN] = {"the setting below", "아래 설정"},
    [TX_CFG_ACT_NEXT] = {"next choice, a larger number; Enter: type one",
                         "다음 선택, 더 큰 값; Enter: 직접 입력"},
    [TX_CFG_ACT_PREV] = {"previous choice, or a smaller number",
                         "이전 선택, 또는 더 작은 값"},
    [TX_CFG_ACT_FIRST] = {"the first setting", "첫 설정"},
    [TX_CFG_ACT_LAST] = {"Start training (the last row)",
                         "학습 시작 (마지막 줄)"},
    [TX_CFG_ACT_RUN] = {"start training with these settings",
                        "이 설정으로 학습 시작"},
    [TX_CFG_ACT_CLOSE] = {"close the settings, changing nothing",
                          "아무것도 바꾸지 않고 설정 닫기"},
    [TX_SHORT_FIELD] = {"setting", "항목"},
    [TX_SHORT_START] = {"start", "시작"},
    [TX_SHORT_CANCEL] = {"cancel", "취소"},
    [TX_SHORT_TYPE] = {"type", "입력"},
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

void text_note_say(struct text_note *note, enum tui_lang lang, int style,
                   enum text_id id, const char *const *args, int n_args)
{
    text_fill(note->text, (int)sizeof note->text, text_get(lang, id), args,
              n_args);
    note->style = style;
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
