/* Reading colour themes (see theme.h). */
#include "tui/theme.h"

#include <stdlib.h>
#include <string.h>

#include "tui/assets.h"

static const char *const style_names[RS_COUNT] = {
    [RS_NORMAL] = "normal",   [RS_BOLD] = "bold",
    [RS_DIM] = "dim",         [RS_TITLE] = "title",
    [RS_ACCENT] = "accent",   [RS_HIGHLIGHT] = "highlight",
    [RS_GOOD] = "good",       [RS_BAD] = "bad",
    [RS_AXIS] = "axis",       [RS_SERIES1] = "series1",
    [RS_SERIES2] = "series2", [RS_SERIES3] = "series3",
    [RS_SERIES4] = "series4", [RS_SERIES5] = "series5",
    [RS_SERIES6] = "series6",
};

static const char *const color8_names[] = {
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

/* "-" is the default (-1); a number 0..max; for 8 colours also a name. */
static int parse_color(const char *s, int max, short *out)
{
    if (strcmp(s, "-") == 0) {
        *out = -1;
        return 0;
    }
    if (max == 7) {
        for (int i = 0; i < 8; i++) {
            if (strcmp(s, color8_names[i]) == 0) {
                *out = (short)i;
                return 0;
            }
        }
    }
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < 0 || v > max)
        return -1;
    *out = (short)v;
    return 0;
}

/* "bold,underline" or "-". */
static int parse_attrs(char *s, unsigned *out)
{
    static const struct {
        const char *name;
        unsigned bit;
    } attrs[] = {{"bold", TA_BOLD},
                 {"dim", TA_DIM},
                 {"reverse", TA_REVERSE},
                 {"underline", TA_UNDERLINE}};
    *out = 0;
    if (strcmp(s, "-") == 0)
        return 0;
    for (char *save, *w = strtok_r(s, ",", &save); w;
         w = strtok_r(NULL, ",", &save)) {
        size_t i = 0;
        while (i < sizeof attrs / sizeof attrs[0] &&
               strcmp(w, attrs[i].name) != 0)
            i++;
        if (i == sizeof attrs / sizeof attrs[0])
            return -1;
        *out |= attrs[i].bit;
    }
    return 0;
}

static int style_index(const char *name)
{
    for (int i = 0; i < RS_COUNT; i++) {
        if (strcmp(name, style_names[i]) == 0)
            return i;
    }
    return -1;
}

/* One line: style fg256 bg256 fg8 bg8 attrs mono. */
static int parse_line(struct theme *t, char *line, int *seen, char *msg,
                      size_t msg_len)
{
    char *f[8], *save;
    int n = 0;
    for (char *w = strtok_r(line, " \t", &save); w && n < 8;
         w = strtok_r(NULL, " \t", &save))
        f[n++] = w;
    if (n != 7) {
        snprintf(msg, msg_len,
                 "expected 7 fields (style fg256 bg256 fg8 "
                 "bg8 attrs mono), found %d",
                 n);
        return -1;
    }
    int i = style_index(f[0]);
    if (i < 0) {
        snprintf(msg, msg_len, "unknown style '%s'", f[0]);
        return -1;
    }
    if (seen[i]) {
        snprintf(msg, msg_len, "style '%s' given twice", f[0]);
        return -1;
    }
    struct theme_style *s = &t->s[i];
    const char *bad = NULL;
    if (parse_color(f[1], 255, &s->fg256) != 0)
        bad = f[1];
    else if (parse_color(f[2], 255, &s->bg256) != 0)
        bad = f[2];
    else if (parse_color(f[3], 7, &s->fg8) != 0)
        bad = f[3];
    else if (parse_color(f[4], 7, &s->bg8) != 0)
        bad = f[4];
    if (bad) {
        snprintf(msg, msg_len, "bad colour '%s'", bad);
        return -1;
    }
    if (parse_attrs(f[5], &s->attrs) != 0 || parse_attrs(f[6], &s->mono) != 0) {
        snprintf(msg, msg_len,
                 "bad attributes (use bold, dim, reverse, "
                 "underline joined by commas, or -)");
        return -1;
    }
    seen[i] = 1;
    return 0;
}

int theme_parse(struct theme *t, FILE *f, const char *name, char *err,
                size_t err_len)
{
    int seen[RS_COUNT] = {0};
    char *line = NULL;
    size_t cap = 0;
    int lineno = 0, status = 0;
    char msg[256];
    memset(t, 0, sizeof *t);
    while (getline(&line, &cap, f) >= 0) {
        lineno++;
        line[strcspn(line, "#\r\n")] = '\0'; /* comments, line ends */
        if (strspn(line, " \t") == strlen(line))
            continue;
        if (parse_line(t, line, seen, msg, sizeof msg) != 0) {
            snprintf(err, err_len, "%s:%d: %s", name, lineno, msg);
            status = -1;
            break;
        }
    }
    free(line);
    for (int i = 0; status == 0 && i < RS_COUNT; i++) {
        if (!seen[i]) {
            snprintf(err, err_len, "%s: style '%s' is missing", name,
                     style_names[i]);
            status = -1;
        }
    }
    return status;
}

int theme_load(struct theme *t, const char *name, char *err, size_t err_len)
{
    char file[128];
    snprintf(file, sizeof file, "themes/%s.theme", name);
    FILE *f = assets_open(file);
    if (!f) {
        snprintf(err, err_len,
                 "cannot find assets/%s (is nnlab installed "
                 "with its data?)",
                 file);
        return -1;
    }
    int status = theme_parse(t, f, file, err, err_len);
    fclose(f);
    return status;
}

int theme_color_level(enum color_mode mode, const char *no_color,
                      int has_colors, int n_colors)
{
    if (mode == COLOR_NEVER || !has_colors)
        return 0;
    /* The NO_COLOR convention: present and non-empty turns colour off,
     * unless the user asked for colour explicitly. */
    if (mode == COLOR_AUTO && no_color && *no_color)
        return 0;
    if (n_colors >= 256)
        return 256;
    return n_colors >= 8 ? 8 : 0;
}
