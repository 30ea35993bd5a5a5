/*
 * `nnlab --batch forward`: lesson 3 as plain text. The shapes of
 * X (m x n) * W (n x j) + B (1 x j) = Y (m x j) through every layer, for
 * one sample and for a mini-batch, the parameter counts (also of the
 * seed's 784-50-10 MNIST network), the first sample's values and the
 * mini-batch's softmax outputs with one-hot targets, MSE and
 * cross-entropy. Everything comes from the forward topic model, which
 * runs the core's MLP (lesson/forward.h).
 *
 *   forward [--layers 4,8,8,3] [--batch-size N] [--act NAME] [--seed N]
 */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "core/error.h"
#include "lesson/forward_draw.h"

/* Rows of the grid: enough for 8 layers and a full batch table. */
#define FORWARD_GRID_H 120

static int parse(const struct options *o, FILE *err, struct forward_config *c)
{
    struct args a;
    int kind;
    args_init(&a, o->topic_argc, o->topic_argv, err);
    while ((kind = args_next(&a)) != 0) {
        if (kind == 2) {
            fprintf(err,
                    "nnlab: forward: unexpected argument '%s' "
                    "(try --help)\n",
                    a.name);
            return -1;
        }
        const char *v = NULL;
        if (!args_is(&a, "--layers") && !args_is(&a, "--batch-size") &&
            !args_is(&a, "--act") && !args_is(&a, "--seed"))
            return args_unknown(&a, "forward");
        if (!(v = args_value(&a)))
            return -1;
        if (args_is(&a, "--layers")) {
            const char *why;
            if (forward_config_set_layers(c, v, &why) != 0) {
                fprintf(err, "nnlab: --layers: '%s' %s\n", v, why);
                return -1;
            }
        } else if (args_is(&a, "--batch-size")) {
            long m;
            if (args_long(&a, v, 1, FORWARD_MAX_BATCH, &m) != 0)
                return -1;
            c->batch = (size_t)m;
        } else if (args_is(&a, "--act")) {
            if (nn_act_parse(v, &c->act) != 0 ||
                !nn_act_is_elementwise(c->act.kind)) {
                fprintf(err,
                        "nnlab: --act: '%s' is not a hidden-layer "
                        "activation (identity, step, sigmoid, tanh, "
                        "relu, leaky_relu; the output is softmax)\n",
                        v);
                return -1;
            }
        } else {
            long seed;
            if (args_long(&a, v, 0, 2147483647L, &seed) != 0)
                return -1;
            c->seed = (uint64_t)seed;
        }
    }
    return 0;
}

/* "4-8-8-3" */
static void fmt_sizes(char *buf, size_t n, const size_t *sizes, int count)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < count && k < n; i++)
        k += (size_t)snprintf(buf + k, n - k, "%s%zu", i ? "-" : "", sizes[i]);
}

static int title(struct rgrid *g, int row, const char *text)
{
    rgrid_print(g, 0, row, text, RS_TITLE);
    return 2;
}

static int draw(struct rgrid *g, const struct forward_run *r)
{
    const struct forward_config *c = &r->cfg;
    char line[256], net[128];
    int row = 0, n = c->n_layers, got;
    fmt_sizes(net, sizeof net, c->sizes, n + 1);
    snprintf(line, sizeof line, "Forward pass in matrices: a %s network", net);
    rgrid_print(g, 0, row++, line, RS_TITLE);
    snprintf(line, sizeof line,
             "hidden layers %s, output softmax; random "
             "weights and inputs, seed %llu",
             nn_act_name(c->act.kind), (unsigned long long)c->seed);
    rgrid_print(g, 0, row++, line, RS_NORMAL);
    rgrid_print(g, 0, row++,
                "every layer: X (m x n) * W (n x j) + B (1 x j) "
                "= Y (m x j)",
                RS_NORMAL);
    rgrid_print(g, 0, row++,
                "(m samples, n inputs, j units; the one row B "
                "is added to each row of X * W)",
                RS_NORMAL);
    row++;
    row += title(g, row, "== One sample: m = 1 ==");
    row += forward_draw_shapes(g, 0, row, r, 0) + 1;
    snprintf(line, sizeof line, "== A mini-batch: m = %zu ==", c->batch);
    row += title(g, row, line);
    row += forward_draw_shapes(g, 0, row, r, 1);
    rgrid_print(g, 0, row++,
                "The same W and B serve every row: only m "
                "changes.",
                RS_NORMAL);
    row++;
    snprintf(line, sizeof line, "== Parameters of %s ==", net);
    row += title(g, row, line);
    if ((got = forward_draw_params(g, 0, row, c->sizes, n)) < 0)
        return got;
    row += got + 1;
    static const size_t mnist[3] = {784, 50, 10};
    row += title(g, row, "== Parameters of the MNIST network 784-50-10 ==");
    if ((got = forward_draw_params(g, 0, row, mnist, 2)) < 0)
        return got;
    row += got + 1;
    row += title(g, row, "== Sample 1, values to 4 decimals ==");
    row += forward_draw_values(g, 0, row, r) + 1;
    snprintf(line, sizeof line,
             "== The mini-batch's outputs: Y%d (%zux%zu) "
             "==",
             n, c->batch, c->sizes[n]);
    row += title(g, row, line);
    row += forward_draw_batch(g, 0, row, r);
    return row;
}

int cmd_forward(const struct options *o, FILE *out, FILE *err)
{
    struct forward_config c;
    forward_config_default(&c);
    if (parse(o, err, &c) != 0)
        return 2;
    struct forward_run r;
    int rc = forward_run_init(&r, &c);
    if (rc) {
        fprintf(err, "nnlab: forward: %s\n", nn_strerror(rc));
        return 1;
    }
    struct rgrid g;
    if (rgrid_init(&g, FORWARD_DRAW_WIDTH + 2, FORWARD_GRID_H) != 0) {
        forward_run_fini(&r);
        fprintf(err, "nnlab: forward: out of memory\n");
        return 1;
    }
    rc = draw(&g, &r);
    if (rc >= 0)
        rgrid_write(&g, out);
    else
        fprintf(err, "nnlab: forward: %s\n", nn_strerror(rc));
    rgrid_fini(&g);
    forward_run_fini(&r);
    return rc >= 0 ? 0 : 1;
}
