/*
 * `nnlab --batch gates`: lesson 1 as plain text. Truth tables with every
 * weighted sum, the verdict, the unit square with the decision line, the
 * search for XOR weights, the two-layer XOR network, and with --learn the
 * perceptron learning rule's trace.
 *
 *   gates [--gate and|nand|or|nor|xor|xnor] [--w1 X] [--w2 Y] [--b Z]
 *         [--ge] [--learn] [--eta A] [--epochs N]
 *
 * Without options it prints the seed's AND, NAND and OR, the step rule on
 * the line, XOR's search and XOR's two-layer network. Given weights
 * replace the gate's seed weights one by one (missing ones keep the seed
 * value, or 0 for a gate without seed weights).
 */
#include "cli/commands.h"

#include <stdlib.h>

#include "cli/args.h"
#include "lesson/gates_draw.h"

struct gates_opts {
    int gate;      /* enum gates_gate, or -1 */
    int has_w[3];  /* --w1, --w2, --b given */
    double w[3];
    int ge;
    int learn;
    double eta;
    long epochs;
};

/* Width of the grids: the widest line is about 80 columns. */
#define GATES_GRID_W 100

static int parse(struct gates_opts *g, const struct options *o, FILE *err)
{
    *g = (struct gates_opts){.gate = -1, .eta = 0.1, .epochs = 100};
    struct args a;
    args_init(&a, o->topic_argc, o->topic_argv, err);
    static const char *const wname[3] = {"--w1", "--w2", "--b"};
    int kind;
    while ((kind = args_next(&a)) != 0) {
        if (kind == 2) {
            fprintf(err, "nnlab: gates: unexpected word '%s'\n", a.name);
            return -1;
        }
        int k = -1;
        for (int i = 0; i < 3; i++)
            if (args_is(&a, wname[i]))
                k = i;
        if (k >= 0) {
            const char *v = args_value(&a);
            if (!v || args_double(&a, v, -100, 100, &g->w[k]) != 0)
                return -1;
            g->has_w[k] = 1;
        } else if (args_is(&a, "--gate")) {
            const char *v = args_value(&a);
            if (!v)
                return -1;
            g->gate = gates_gate_parse(v);
            if (g->gate < 0) {
                fprintf(err, "nnlab: --gate: '%s' is not one of and, nand, "
                        "or, nor, xor, xnor\n", v);
                return -1;
            }
        } else if (args_is(&a, "--eta")) {
            const char *v = args_value(&a);
            if (!v || args_double(&a, v, 0.001, 10, &g->eta) != 0)
                return -1;
        } else if (args_is(&a, "--epochs")) {
            const char *v = args_value(&a);
            if (!v || args_long(&a, v, 1, GATES_LEARN_MAX_EPOCHS,
                                &g->epochs) != 0)
                return -1;
        } else if (args_is(&a, "--ge")) {
            if (args_no_value(&a) != 0)
                return -1;
            g->ge = 1;
        } else if (args_is(&a, "--learn")) {
            if (args_no_value(&a) != 0)
                return -1;
            g->learn = 1;
        } else {
            return args_unknown(&a, "gates");
        }
    }
    return 0;
}

/* A grid of rows x GATES_GRID_W that one section draws into. */
static int grid_open(struct rgrid *g, int rows, FILE *err)
{
    if (rgrid_init(g, GATES_GRID_W, rows) != 0) {
        fprintf(err, "nnlab: gates: out of memory\n");
        return -1;
    }
    return 0;
}

static void grid_close(struct rgrid *g, FILE *out)
{
    rgrid_write(g, out);
    fputc('\n', out);
    rgrid_fini(g);
}

/* A title line, the unit, its table and its square. */
static int show_unit(const char *title, const struct gates_perceptron *p,
                     int target, FILE *out, FILE *err)
{
    struct rgrid g;
    if (grid_open(&g, 48, err) != 0)
        return -1;
    int row = 0;
    rgrid_print(&g, 0, row++, title, RS_TITLE);
    row++;
    row += gates_draw_unit(&g, 0, row, p) + 1;
    row += gates_draw_table(&g, 0, row, p, target) + 1;
    gates_draw_unit_square(&g, 0, row, p, target);
    grid_close(&g, out);
    return 0;
}

static int show_xor(int ge, int search_only, FILE *out, FILE *err)
{
    struct gates_search s;
    gates_search_run(&s, 10, ge);
    struct rgrid g;
    if (grid_open(&g, 48, err) != 0)
        return -1;
    int row = 0;
    rgrid_print(&g, 0, row++, "== XOR: no single unit ==", RS_TITLE);
    row++;
    row += gates_draw_search(&g, 0, row, &s) + 1;
    row += gates_draw_xor_why(&g, 0, row, ge) + 1;
    if (!search_only) {
        rgrid_print(&g, 0, row++, "== XOR from two layers: AND(NAND, OR) ==",
                    RS_TITLE);
        row++;
        gates_draw_xor_net(&g, 0, row, ge);
    }
    grid_close(&g, out);
    return 0;
}

/* Run the learning rule on one gate and show the weights it ends with. */
static int show_learn(const struct gates_opts *o, int gate, FILE *out,
                      FILE *err)
{
    struct gates_perceptron start = {o->w[0], o->w[1], o->w[2], o->ge};
    struct gates_learn *L = malloc(sizeof *L);
    struct rgrid g;
    if (!L || grid_open(&g, gates_draw_learn_rows((int)o->epochs) + 2,
                        err) != 0) {
        if (!L)
            fprintf(err, "nnlab: gates: out of memory\n");
        free(L);
        return -1;
    }
    gates_learn_init(L, gates_gate_pattern(gate), &start, o->eta,
                     (int)o->epochs);
    char title[80];
    snprintf(title, sizeof title, "== The learning rule on %s ==",
             gates_gate_name(gate));
    rgrid_print(&g, 0, 0, title, RS_TITLE);
    gates_draw_learn(&g, 0, 2, L, 4L * o->epochs);
    grid_close(&g, out);
    snprintf(title, sizeof title, "== %s: the weights %s ==",
             gates_gate_name(gate), L->status == GATES_LEARN_CONVERGED
                                        ? "learned"
                                        : "it stopped with");
    int rc = show_unit(title, &L->p, gate, out, err);
    free(L);
    return rc;
}

/* The weights to show for a gate: its seed weights (or another known set,
 * or zeros), each replaced by the option given for it. */
static void unit_for(const struct gates_opts *o, int gate,
                     struct gates_perceptron *p)
{
    *p = (struct gates_perceptron){0, 0, 0, 0};
    if (gate >= 0 && gates_seed_weights(gate, p) != 0)
        gates_other_weights(gate, p, 1);
    double *w[3] = {&p->w1, &p->w2, &p->b};
    for (int i = 0; i < 3; i++)
        if (o->has_w[i])
            *w[i] = o->w[i];
    p->ge = o->ge;
}

static int run_overview(const struct gates_opts *o, FILE *out, FILE *err)
{
    static const enum gates_gate seeded[] = {GATES_AND, GATES_NAND, GATES_OR};
    char title[80];
    for (int i = 0; i < 3; i++) {
        struct gates_perceptron p;
        unit_for(o, seeded[i], &p);
        snprintf(title, sizeof title, "== %s with the seed weights ==",
                 gates_gate_name(seeded[i]));
        if (show_unit(title, &p, seeded[i], out, err) != 0)
            return 1;
    }
    /* The same weights under both rules: the sums of 0 decide. */
    struct gates_perceptron p = {1, 1, -1, o->ge};
    snprintf(title, sizeof title, "== w1 = 1, w2 = 1, b = -1: two sums are "
             "exactly 0, the rule decides ==");
    if (show_unit(title, &p, -1, out, err) != 0)
        return 1;
    p.ge = !o->ge;
    snprintf(title, sizeof title, "== the same weights with the rule s %s 0 "
             "==", p.ge ? ">=" : ">");
    if (show_unit(title, &p, -1, out, err) != 0)
        return 1;
    return show_xor(o->ge, 0, out, err) != 0;
}

int cmd_gates(const struct options *opt, FILE *out, FILE *err)
{
    struct gates_opts o;
    if (parse(&o, opt, err) != 0)
        return 2;
    int any_w = o.has_w[0] || o.has_w[1] || o.has_w[2];

    if (o.learn) {
        static const enum gates_gate all[] = {GATES_AND, GATES_OR, GATES_NAND,
                                              GATES_XOR};
        for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
            int gate = o.gate >= 0 ? o.gate : (int)all[i];
            if (show_learn(&o, gate, out, err) != 0)
                return 1;
            if (o.gate >= 0)
                break;
        }
        return 0;
    }
    if (o.gate < 0 && !any_w)
        return run_overview(&o, out, err);

    struct gates_perceptron p;
    unit_for(&o, o.gate, &p);
    int separable = o.gate != GATES_XOR && o.gate != GATES_XNOR;
    if (separable || any_w) {
        char title[80];
        struct gates_perceptron seed;
        if (o.gate >= 0)
            snprintf(title, sizeof title, "== %s with %s weights ==",
                     gates_gate_name(o.gate),
                     any_w ? "the given"
                     : gates_seed_weights(o.gate, &seed) == 0 ? "the seed"
                                                              : "other");
        else
            snprintf(title, sizeof title, "== a perceptron ==");
        if (show_unit(title, &p, o.gate, out, err) != 0)
            return 1;
    }
    if (!separable)
        return show_xor(o.ge, o.gate == GATES_XNOR, out, err) != 0;
    return 0;
}
