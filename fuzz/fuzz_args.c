/*
 * Fuzz target: the command line. The input is split into words at NUL
 * bytes and newlines and given to nnlab's option parser as argv; when the
 * global options parse, the words go on to the batch front end as they
 * would after `nnlab --batch`, so every command's own options and number
 * parsing (args.c) are reached, and a command that accepts its options
 * runs (its output goes to /dev/null).
 *
 * Datasets are looked for only where --data points: HOME and the data
 * variables are cleared at start, so a machine with MNIST installed does
 * not load 60 000 images per input. Debian's Fashion-MNIST is found in
 * /usr/share whatever the environment, so inputs that name it are left
 * out (loading it took 20 s an input; the dataset names' parsing has unit
 * tests). --step is cleared (it waits for a person to press Enter).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/batch.h"
#include "cli/options.h"
#include "fuzz/fuzz.h"

#define MAX_WORDS 32

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    setenv("HOME", "/nonexistent", 1);
    unsetenv("NNLAB_DATA");
    unsetenv("XDG_DATA_HOME");
    return 0;
}

/* Does the input hold the word "fashion" anywhere? */
static int names_fashion(const uint8_t *data, size_t size)
{
    static const char word[] = "fashion";
    size_t n = sizeof word - 1;
    for (size_t i = 0; i + n <= size; i++)
        if (memcmp(data + i, word, n) == 0)
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (names_fashion(data, size))
        return 0;
    /* One copy, cut into words in place. */
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char *argv[MAX_WORDS + 2];
    int argc = 0;
    argv[argc++] = "nnlab";
    char *w = text;
    for (size_t i = 0; i <= size && argc <= MAX_WORDS; i++) {
        if (i == size || text[i] == '\0' || text[i] == '\n') {
            text[i] = '\0';
            argv[argc++] = w;
            w = text + i + 1;
        }
    }
    argv[argc] = NULL;

    FILE *null = fopen("/dev/null", "w");
    if (!null) {
        free(text);
        return 0;
    }
    struct options o;
    if (options_parse(&o, argc, argv, null) == 0 && !o.help && !o.version) {
        o.step = 0;
        cli_batch_run(&o, null, null);
    }
    options_fini(&o);
    fclose(null);
    free(text);
    return 0;
}
