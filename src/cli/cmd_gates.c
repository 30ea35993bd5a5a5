/*
 * `nnlab --batch gates`: lesson 1 as plain text. Truth tables with every
 * weighted sum, the verdict, the unit square with the decision line, the
 * search for XOR weights, the two-layer XOR network, and with --learn the
 * perceptron learning rule's trace (and for XOR a 2-2-1 MLP trained by
 * backprop).
 *
 *   gates [--gate and|nand|or|nor|xor|xnor] [--w1 X] [--w2 Y] [--b Z]
 *         [--ge] [--learn] [--eta A] [--epochs N] [--seed N]
 *         [--lr A] [--steps N]
 *
 * Without options it prints the seed's AND, NAND and OR, the step rule on
 * the line, XOR's search and XOR's two-layer network. Given weights
 * replace the gate's seed weights one by one (missing ones keep the seed
 * value, or 0 for a gate without seed weights).
 *
 * --learn starts the rule from w1 = w2 = b = 0, or from random tenths
 * drawn with --seed; --w1/--w2/--b given replace those. Without --gate it
 * learns AND, OR, NAND and XOR in turn. After XOR, the MLP trains for
 * --steps steps (5000) at rate --lr (1.0) from weights drawn with --seed
 * (1 when not given). Words follow --lang (en, ko) or the environment.
 */
#include "cli/commands.h"

#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "core/error.h"
#include "lesson/catalog.h"
#include "lesson/gates_draw.h"

struct gates_opts {
    int gate;     /* enum gates_gate, or -1 */
    int has_w[3]; /* --w1, --w2, --b given */
    double w[3];
    int ge;
    int learn;
    double eta;
    long epochs;
    int has_seed;
    long seed;
    double lr;        /* the MLP's learning rate */
    long steps;       /* the MLP's training steps */
    const char *lang; /* "en" or "ko" (--lang or the environment) */
    int ko;
};

/* Width of the grids: the widest line is about 80 columns. */
#define GATES_GRID_W 100

static int parse(struct gates_opts *g, const struct options *o, FILE *err)
{
    *g = (struct gates_opts){.gate = -1,
                             .eta = 0.1,
                             .epochs = 100,
                             .seed = 1,
                             .lr = 1.0,
                             .steps = 5000,
                             .lang = catalog_lang(o->lang)};
    g->ko = strcmp(g->lang, "ko") == 0;
    if (o->lesson_file) {
        fprintf(err,
                "nnlab: gates: --lesson '%s' does not go with the gates "
                "command (print the file alone: nnlab --batch --lesson "
                "FILE)\n",
                o->lesson_file);
        return -1;
    }
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
                fprintf(err,
                        "nnlab: --gate: '%s' is not one of and, nand, "
                        "or, nor, xor, xnor\n",
                        v);
                return -1;
            }
        } else if (args_is(&a, "--eta")) {
            const char *v = args_value(&a);
            if (!v || args_double(&a, v, 0.001, 10, &g->eta) != 0)
                return -1;
        } else if (args_is(&a, "--epochs")) {
            const char *v = args_value(&a);
            if (!v ||
                args_long(&a, v, 1, GATES_LEARN_MAX_EPOCHS, &g->epochs) != 0)
                return -1;
        } else if (args_is(&a, "--seed")) {
            const char *v = args_value(&a);
            if (!v || args_long(&a, v, 0, 2147483647L, &g->seed) != 0)
                return -1;
            g->has_seed = 1;
        } else if (args_is(&a, "--lr")) {
            const char *v = args_value(&a);
            if (!v || args_double(&a, v, 0.001, 100, &g->lr) != 0)
                return -1;
        } else if (args_is(&a, "--steps")) {
            const char *v = args_value(&a);
            if (!v || args_long(&a, v, 0, 1000000, &g->steps) != 0)
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

/* "== NAME: w1 = 0.5, w2 = 0.5, b = -0.7 ==", NAME a gate or "perceptron". */
static void unit_title(char *buf, size_t n, const struct gates_opts *o,
                       int gate, const struct gates_perceptron *p)
{
    int d = gates_decimals((const double[]){p->w1, p->w2, p->b}, 3);
    const char *name = gate >= 0 ? gates_gate_name(gate)
                       : o->ko   ? "퍼셉트론"
                                 : "perceptron";
    snprintf(buf, n, "== %s: w1 = %.*f, w2 = %.*f, b = %.*f ==", name, d, p->w1,
             d, p->w2, d, p->b);
}

/* A title line, the unit, its table and its square. */
static int show_unit(const char *title, const struct gates_perceptron *p,
                     int target, const struct gates_opts *o, FILE *out,
                     FILE *err)
{
    struct rgrid g;
    if (grid_open(&g, 48, err) != 0)
        return -1;
    int row = 0;
    rgrid_print(&g, 0, row++, title, RS_TITLE);
    row++;
    row += gates_draw_unit(&g, 0, row, p, o->lang) + 1;
    row += gates_draw_table(&g, 0, row, p, target, o->lang) + 1;
    gates_draw_unit_square(&g, 0, row, p, target, o->lang);
    grid_close(&g, out);
    return 0;
}

static int show_xor(const struct gates_opts *o, int search_only, FILE *out,
                    FILE *err)
{
    struct gates_search s;
    gates_search_run(&s, 10, o->ge);
    struct rgrid g;
    if (grid_open(&g, 48, err) != 0)
        return -1;
    int row = 0;
    rgrid_print(&g, 0, row++,
                o->ko ? "== XOR: 퍼셉트론 하나로는 안 됩니다 =="
                      : "== XOR: no single unit ==",
                RS_TITLE);
    row++;
    row += gates_draw_search(&g, 0, row, &s, o->lang) + 1;
    row += gates_draw_xor_why(&g, 0, row, o->ge, o->lang) + 1;
    if (!search_only) {
        rgrid_print(&g, 0, row++,
                    o->ko ? "== 두 층으로 만든 XOR: AND(NAND, OR) =="
                          : "== XOR from two layers: AND(NAND, OR) ==",
                    RS_TITLE);
        row++;
        gates_draw_xor_net(&g, 0, row, o->ge, o->lang);
    }
    grid_close(&g, out);
    return 0;
}

/* The learning rule's start: zeros or random tenths from the seed, each
 * replaced by a weight given on the command line. */
static void learn_start(const struct gates_opts *o, struct gates_perceptron *p)
{
    *p = (struct gates_perceptron){0, 0, 0, o->ge};
    if (o->has_seed) {
        struct nn_rng rng;
        nn_rng_seed(&rng, (uint64_t)o->seed);
        gates_random_start(p, &rng);
    }
    double *w[3] = {&p->w1, &p->w2, &p->b};
    for (int i = 0; i < 3; i++)
        if (o->has_w[i])
            *w[i] = o->w[i];
}

/* Run the learning rule on one gate and show the weights it ends with. */
static int show_learn(const struct gates_opts *o, int gate, FILE *out,
                      FILE *err)
{
    struct gates_perceptron start;
    learn_start(o, &start);
    struct gates_learn *L = malloc(sizeof *L);
    struct rgrid g;
    if (!L ||
        grid_open(&g, gates_draw_learn_rows((int)o->epochs) + 2, err) != 0) {
        if (!L)
            fprintf(err, "nnlab: gates: out of memory\n");
        free(L);
        return -1;
    }
    gates_learn_init(L, gates_gate_pattern(gate), &start, o->eta,
                     (int)o->epochs);
    char title[120];
    if (o->ko)
        snprintf(title, sizeof title,
                 "== 학습 규칙으로 %s 배우기 ==", gates_gate_name(gate));
    else
        snprintf(title, sizeof title,
                 "== The learning rule on %s ==", gates_gate_name(gate));
    rgrid_print(&g, 0, 0, title, RS_TITLE);
    gates_draw_learn(&g, 0, 2, L, 4L * o->epochs, o->lang);
    grid_close(&g, out);
    int done = L->status == GATES_LEARN_CONVERGED;
    if (o->ko)
        snprintf(title, sizeof title, "== %s: %s ==", gates_gate_name(gate),
                 done ? "학습된 가중치" : "멈췄을 때의 가중치");
    else
        snprintf(title, sizeof title,
                 "== %s: the weights %s ==", gates_gate_name(gate),
                 done ? "learned" : "it stopped with");
    int rc = show_unit(title, &L->p, gate, o, out, err);
    free(L);
    return rc;
}

/* XOR by a 2-2-1 sigmoid MLP: the loss going down, the learned region. */
static int show_mlp(const struct gates_opts *o, FILE *out, FILE *err)
{
    struct gates_mlp *m = malloc(sizeof *m);
    struct rgrid g;
    if (!m || grid_open(&g, 64, err) != 0) {
        if (!m)
            fprintf(err, "nnlab: gates: out of memory\n");
        free(m);
        return -1;
    }
    int rc = gates_mlp_init(m, (uint64_t)o->seed, o->lr);
    char title[120];
    if (o->ko)
        snprintf(title, sizeof title,
                 "== 2-2-1 MLP가 배운 XOR (시드 %ld) ==", o->seed);
    else
        snprintf(title, sizeof title,
                 "== XOR learned by a 2-2-1 MLP (seed %ld) ==", o->seed);
    rgrid_print(&g, 0, 0, title, RS_TITLE);
    if (rc == 0) {
        int rows = gates_draw_mlp(&g, 0, 2, m, o->steps, o->lang);
        if (rows < 0)
            rc = rows;
    }
    gates_mlp_fini(m);
    free(m);
    if (rc != 0) {
        rgrid_fini(&g);
        fprintf(err, "nnlab: gates: the MLP failed: %s\n", nn_strerror(rc));
        return -1;
    }
    grid_close(&g, out);
    return 0;
}

/* The weights to show for a gate: the seed notes' weights (or another
 * known set, or zeros), each replaced by the option given for it. */
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
    char title[120];
    for (int i = 0; i < 3; i++) {
        struct gates_perceptron p;
        unit_for(o, seeded[i], &p);
        unit_title(title, sizeof title, o, seeded[i], &p);
        if (show_unit(title, &p, seeded[i], o, out, err) != 0)
            return 1;
    }
    struct rgrid g;
    if (grid_open(&g, 12, err) != 0)
        return 1;
    gates_draw_others(&g, 0, 0, o->ge, o->lang);
    grid_close(&g, out);
    /* The same weights under both rules: the sums of 0 decide. */
    struct gates_perceptron p = {1, 1, -1, o->ge};
    for (int i = 0; i < 2; i++, p.ge = !p.ge) {
        const char *rule = p.ge ? ">=" : ">";
        if (o->ko)
            snprintf(title, sizeof title,
                     "== w1 = 1, w2 = 1, b = -1, 규칙 s %s 0: 합 두 개가 "
                     "정확히 0 ==",
                     rule);
        else
            snprintf(title, sizeof title,
                     "== w1 = 1, w2 = 1, b = -1 with the rule s %s 0: two "
                     "sums are exactly 0 ==",
                     rule);
        if (show_unit(title, &p, -1, o, out, err) != 0)
            return 1;
    }
    return show_xor(o, 0, out, err) != 0;
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
            if (gate == GATES_XOR && show_mlp(&o, out, err) != 0)
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
        char title[120];
        unit_title(title, sizeof title, &o, o.gate, &p);
        if (show_unit(title, &p, o.gate, &o, out, err) != 0)
            return 1;
    }
    if (!separable)
        return show_xor(&o, o.gate == GATES_XNOR, out, err) != 0;
    return 0;
}
