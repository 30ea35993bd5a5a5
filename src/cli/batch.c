/* Dispatch of batch topics to their commands through one table. */
#include "cli/batch.h"

#include <string.h>

#include "cli/commands.h"

struct batch_command {
    const char *name;
    int (*run)(const struct options *o, FILE *out, FILE *err);
};

static const struct batch_command commands[] = {
    {"backprop", cmd_backprop},
    {"data", cmd_data},
    {"descent", cmd_descent},
    {"forward", cmd_forward},
    {"gates", cmd_gates},
    {"lesson", cmd_lesson},
    {"plot", cmd_plot},
    {"predict", cmd_predict},
    {"train", cmd_train},
    {NULL, NULL},
};

int cli_batch_run(const struct options *o, FILE *out, FILE *err)
{
    if (!o->topic && o->lesson_file)
        return cmd_lesson(o, out, err);
    if (!o->topic) {
        /* Without --batch, main.c came here because stdout is no
         * terminal: say so, or the message would name an option the
         * user never typed. */
        if (!o->batch)
            fprintf(err, "nnlab: the output is not a terminal, so there is "
                         "no screen to show; to print instead, name a lesson "
                         "or command, e.g. 'nnlab --batch backprop' (try "
                         "--help)\n");
        else
            fprintf(err, "nnlab: --batch needs a lesson or command, e.g. "
                         "'nnlab --batch backprop' (try --help)\n");
        return 2;
    }
    for (const struct batch_command *c = commands; c->name; c++)
        if (strcmp(o->topic, c->name) == 0)
            return c->run(o, out, err);
    /* Not a command: a lesson by id or by file name. */
    if (cmd_lesson_accepts(o->topic))
        return cmd_lesson(o, out, err);
    fprintf(err, "nnlab: unknown lesson or command '%s' (try --help)\n",
            o->topic);
    return 2;
}
