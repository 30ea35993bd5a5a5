/* Parsing of the global options (see options.h). */
#include "cli/options.h"

#include <stdlib.h>
#include <string.h>

#include "cli/args.h"

#define DEFAULT_DEMO_SECONDS 8.0

void options_usage(FILE *out)
{
    fputs(
        "Usage: nnlab [OPTIONS] [LESSON | COMMAND [COMMAND OPTIONS]]\n"
        "\n"
        "nnlab teaches how neural networks work, in the terminal.\n"
        "Without arguments it opens the lesson menu.\n"
        "\n"
        "Lessons: gates, activations, forward, backprop, descent, mnist\n"
        "\n"
        "Options:\n"
        "  --batch            print as plain text instead of opening the "
        "screen\n"
        "  --step             with --batch, wait for Enter between steps\n"
        "  --lang en|ko       language of lessons and messages\n"
        "  --lesson FILE      open a lesson file from anywhere\n"
        "  --load FILE        open the training screen with a saved network\n"
        "  --save FILE        save the trained network there when a run\n"
        "                     ends (the training screen's s key offers it)\n"
        "  --demo [SECONDS]   classroom mode: large text, auto-advance\n"
        "                     (default every 8 seconds)\n"
        "  --ascii            draw with ASCII characters only\n"
        "  --wide-ambiguous   the terminal shows box-drawing characters\n"
        "                     two cells wide: draw boxes with ASCII\n"
        "  --color=WHEN       auto, always or never (NO_COLOR is honoured)\n"
        "  -h, --help         show this help and exit\n"
        "  -V, --version      show the version and exit\n"
        "\n"
        "Batch commands (with --batch):\n"
        "  lesson NAME        a lesson's steps as text (also: --batch NAME\n"
        "                     for activations and mnist, or --lesson FILE)\n"
        "  gates [--gate and|nand|or|nor|xor|xnor] [--w1 X --w2 Y --b Z]\n"
        "        [--ge] [--learn] [--eta A] [--epochs N] [--seed N]\n"
        "                     truth tables, the learning rule, XOR\n"
        "  plot FUNC [--from A --to B] [--width W --height H] [--slope A]\n"
        "       [--derivative] [--saturation] [--cursor X] [--samples N]\n"
        "       [--csv]       an activation function as a plot or CSV\n"
        "  forward [--layers 4,8,8,3] [--batch-size N] [--act NAME] [--seed N]\n"
        "          [--format text|csv|json]\n"
        "                     shapes, parameters and values of a forward pass\n"
        "  backprop [--x X1,X2] [--w W1,...,W8] [--target T1,T2] [--lr A]\n"
        "           [--bias B1,B2 | --bias-per-unit B1,...,B4] [--freeze-bias]\n"
        "           [--iterations N] [--numeric] [--format text|csv|json]\n"
        "                     the hand-calculated backprop walkthrough\n"
        "  descent [--f bowl|elongated|valleys] [--start X,Y] [--lr A[,B...]]\n"
        "          [--steps N] [--opt sgd|...|adam|all] [--format text|csv]\n"
        "                     numerical gradients and descent paths\n"
        "  data [--data DIR] [--dataset mnist|fashion]\n"
        "                     where the dataset is and what it holds\n"
        "  train [--preset NAME] [--hidden 50[,50...]] [--act NAME]\n"
        "        [--opt NAME] [--lr A] [--batch-size N] [--epochs N]\n"
        "        [--train-size N] [--log text|csv|jsonl] [--save FILE] ...\n"
        "                     train on MNIST, log loss, accuracy and speed\n"
        "  predict --load FILE [--image N]\n"
        "                     a test digit and a saved model's answer\n"
        "\n"
        "Run 'man nnlab' for the keys and environment variables.\n",
        out);
}

static int keep_for_topic(struct options *o, const char *word)
{
    o->topic_argv[o->topic_argc++] = (char *)word;
    return 0;
}

static int parse_color(struct args *a, struct options *o)
{
    const char *v = args_value(a);
    if (!v)
        return -1;
    if (strcmp(v, "auto") == 0)
        o->color = COLOR_AUTO;
    else if (strcmp(v, "always") == 0)
        o->color = COLOR_ALWAYS;
    else if (strcmp(v, "never") == 0)
        o->color = COLOR_NEVER;
    else {
        fprintf(a->err, "nnlab: --color: '%s' is not auto, always or never\n",
                v);
        return -1;
    }
    return 0;
}

static int parse_lang(struct args *a, struct options *o)
{
    const char *v = args_value(a);
    if (!v)
        return -1;
    if (strcmp(v, "en") != 0 && strcmp(v, "ko") != 0) {
        fprintf(a->err, "nnlab: --lang: '%s' is not en or ko\n", v);
        return -1;
    }
    o->lang = v;
    return 0;
}

/* --demo takes an optional number of seconds: "--demo=5", "--demo 5". */
static int parse_demo(struct args *a, struct options *o)
{
    o->demo = 1;
    const char *v = a->inline_value;
    if (!v && a->i < a->argc && args_is_number(a->argv[a->i]))
        v = a->argv[a->i++];
    if (v)
        return args_double(a, v, 0.5, 3600, &o->demo_seconds);
    return 0;
}

static int flag(struct args *a, int *field)
{
    *field = 1;
    return args_no_value(a);
}

static int parse_option(struct args *a, struct options *o)
{
    if (args_is(a, "--help") || args_is(a, "-h"))
        return flag(a, &o->help);
    if (args_is(a, "--version") || args_is(a, "-V"))
        return flag(a, &o->version);
    if (args_is(a, "--batch"))
        return flag(a, &o->batch);
    if (args_is(a, "--step"))
        return flag(a, &o->step);
    if (args_is(a, "--ascii"))
        return flag(a, &o->ascii);
    if (args_is(a, "--wide-ambiguous"))
        return flag(a, &o->wide_ambiguous);
    if (args_is(a, "--demo"))
        return parse_demo(a, o);
    if (args_is(a, "--color") || args_is(a, "--colour"))
        return parse_color(a, o);
    if (args_is(a, "--lang"))
        return parse_lang(a, o);
    if (args_is(a, "--lesson")) {
        o->lesson_file = args_value(a);
        return o->lesson_file ? 0 : -1;
    }
    if (args_is(a, "--load")) {
        o->load_file = args_value(a);
        return o->load_file ? 0 : -1;
    }
    if (args_is(a, "--save")) {
        o->save_file = args_value(a);
        return o->save_file ? 0 : -1;
    }
    /* Not a global option: the topic's parser decides. */
    if (!o->topic)
        return args_unknown(a, NULL);
    return keep_for_topic(o, a->argv[a->i - 1]);
}

int options_parse(struct options *o, int argc, char **argv, FILE *err)
{
    memset(o, 0, sizeof *o);
    o->demo_seconds = DEFAULT_DEMO_SECONDS;
    /* Room for every word, and for --load and --save handed on below. */
    o->topic_argv = calloc((size_t)argc + 5, sizeof *o->topic_argv);
    if (!o->topic_argv) {
        fprintf(err, "nnlab: out of memory\n");
        return -1;
    }
    struct args a;
    args_init(&a, argc - 1, argv + 1, err);
    int kind;
    while ((kind = args_next(&a)) != 0) {
        if (kind == 2) {
            if (!o->topic)
                o->topic = a.name;
            else
                keep_for_topic(o, a.name);
        } else if (parse_option(&a, o) != 0) {
            return -1;
        }
    }
    /* A batch command reads its model files itself ("train --save F",
     * "predict --load F"), wherever they were written. */
    if (o->topic && o->load_file) {
        keep_for_topic(o, "--load");
        keep_for_topic(o, o->load_file);
    }
    if (o->topic && o->save_file) {
        keep_for_topic(o, "--save");
        keep_for_topic(o, o->save_file);
    }
    return 0;
}

void options_fini(struct options *o)
{
    free(o->topic_argv);
    o->topic_argv = NULL;
    o->topic_argc = 0;
}
