/*
 * nnlab: parse the options, then hand over to the batch front end (plain
 * text) or the terminal front end (curses).
 */
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "cli/batch.h"
#include "cli/options.h"
#include "config.h"
#include "tui/tui.h"

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    /* Numbers in text, CSV and JSON always use '.' as decimal point. */
    setlocale(LC_NUMERIC, "C");

    struct options o;
    if (options_parse(&o, argc, argv, stderr) != 0) {
        options_fini(&o);
        return 2;
    }
    int status;
    if (o.help) {
        options_usage(stdout);
        status = 0;
    } else if (o.version) {
        printf("nnlab %s\n", NNLAB_VERSION);
        status = 0;
    } else if (o.batch || !isatty(STDOUT_FILENO)) {
        /* Not a terminal: behave as --batch rather than emit escapes. */
        status = cli_batch_run(&o, stdout, stderr);
    } else {
        status = tui_run(&o);
    }
    options_fini(&o);
    if (fflush(stdout) != 0 && status == 0)
        status = 1;
    return status;
}
