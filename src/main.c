/*
 * nnlab: parse the options, then hand over to the batch front end (plain
 * text) or the terminal front end (curses).
 */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
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
    /* A reader that goes away (`nnlab --batch train | head -1`) ends the
     * run quietly at the next write, as for any filter, even when the
     * parent left SIGPIPE ignored. */
    signal(SIGPIPE, SIG_DFL);

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
    /* Output that could not be written (disk full, stdout closed) is a
     * failure with its reason, never a silent success. */
    errno = 0;
    int lost = fflush(stdout) != 0;
    int why = errno;
    if (lost || ferror(stdout)) {
        if (why != EPIPE)
            fprintf(stderr, "nnlab: cannot write the output: %s\n",
                    why ? strerror(why) : "write error");
        if (status == 0)
            status = 1;
    }
    return status;
}
