/* Finding and reading the files under assets/ (see assets.h). */
#include "tui/assets.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"

FILE *assets_open(const char *name)
{
    /* The source tree first: a developer's edits show without installing.
     * An installed copy whose source tree is gone uses the data dir. */
    const char *dirs[] = {NNLAB_SRCDIR "/assets", NNLAB_DATADIR "/assets"};
    char path[4096];
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        int n = snprintf(path, sizeof path, "%s/%s", dirs[i], name);
        if (n < 0 || (size_t)n >= sizeof path)
            continue;
        FILE *f = fopen(path, "r");
        if (f)
            return f;
    }
    return NULL;
}

void assets_free_lines(char **lines, int n)
{
    for (int i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}

int assets_read_lines(const char *name, char ***lines, int *n)
{
    *lines = NULL;
    *n = 0;
    FILE *f = assets_open(name);
    if (!f)
        return -1;
    char **v = NULL;
    int count = 0, cap = 0, status = 0;
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t len;
    while ((len = getline(&line, &line_cap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (count == cap) {
            cap = cap ? 2 * cap : 16;
            char **grown = realloc(v, (size_t)cap * sizeof *v);
            if (!grown) {
                status = -1;
                break;
            }
            v = grown;
        }
        if (!(v[count] = strdup(line))) {
            status = -1;
            break;
        }
        count++;
    }
    free(line);
    fclose(f);
    if (status != 0) {
        assets_free_lines(v, count);
        return -1;
    }
    *lines = v;
    *n = count;
    return 0;
}
