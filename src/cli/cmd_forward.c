/*
 * `nnlab --batch forward`: lesson 3 as plain text. The shapes of
 * X (m x n) * W (n x j) + B (1 x j) = Y (m x j) through every layer, for
 * one sample and for a mini-batch, the parameter counts (also of the
 * seed's 784-50-10 MNIST network), the first sample's values and the
 * mini-batch's softmax outputs with one-hot targets, MSE and
 * cross-entropy. Everything comes from the forward topic model, which
 * runs the core's MLP (lesson/forward.h). Words follow --lang (en, ko) or
 * the environment.
 *
 * --format csv and json print the same run for other programs: every
 * matrix (inputs, weights, biases, the first sample's layer outputs, the
 * mini-batch's softmax rows and one-hot targets) with every number to
 * 17 significant digits, and the losses.
 *
 *   forward [--layers 4,8,8,3] [--batch-size N] [--act NAME] [--seed N]
 *           [--format text|csv|json]
 */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "cli/emit.h"
#include "core/error.h"
#include "lesson/catalog.h"
#include "lesson/forward_draw.h"

/* A line in the chosen language into the array buf. */
#define SAY(buf, ko, en, kr, ...)                                              \
    ((ko) ? snprintf((buf), sizeof(buf), kr, __VA_ARGS__)                      \
          : snprintf((buf), sizeof(buf), en, __VA_ARGS__))

/* Rows of the grid: enough for 8 layers and a full batch table. */
#define FORWARD_GRID_H 120

static int parse(const struct options *o, FILE *err, struct forward_config *c,
                 enum emit_format *f)
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
        if (args_is(&a, "--format")) {
            if (emit_parse_format(&a, f) != 0)
                return -1;
            continue;
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

static int draw(struct rgrid *g, const struct forward_run *r, const char *lang)
{
    const struct forward_config *c = &r->cfg;
    int ko = strcmp(lang, "ko") == 0;
    char line[256], net[128];
    int row = 0, n = c->n_layers, got;
    fmt_sizes(net, sizeof net, c->sizes, n + 1);
    SAY(line, ko, "Forward pass in matrices: a %s network",
        "행렬로 보는 순전파: %s 신경망", net);
    rgrid_print(g, 0, row++, line, RS_TITLE);
    SAY(line, ko,
        "hidden layers %s, output softmax; random weights and "
        "inputs, seed %llu",
        "은닉층 %s, 출력층 softmax; 무작위 가중치와 "
        "입력, seed %llu",
        nn_act_name(c->act.kind), (unsigned long long)c->seed);
    rgrid_print(g, 0, row++, line, RS_NORMAL);
    rgrid_print(g, 0, row++,
                ko ? "모든 층: X (m x n) * W (n x j) + B (1 x j) = Y (m x j)"
                   : "every layer: X (m x n) * W (n x j) + B (1 x j) "
                     "= Y (m x j)",
                RS_NORMAL);
    rgrid_print(g, 0, row++,
                ko ? "(m 샘플 수, n 입력 수, j 뉴런 수; 한 행짜리 B는 X * W의 "
                     "모든 행에 더해집니다)"
                   : "(m samples, n inputs, j units; the one row B is added "
                     "to each row of X * W)",
                RS_NORMAL);
    row++;
    row += title(g, row,
                 ko ? "== 샘플 하나: m = 1 ==" : "== One sample: m = 1 ==");
    row += forward_draw_shapes(g, 0, row, r, 0, lang) + 1;
    SAY(line, ko,
        "== A mini-batch: m = %zu ==", "== 미니배치: m = %zu ==", c->batch);
    row += title(g, row, line);
    row += forward_draw_shapes(g, 0, row, r, 1, lang);
    rgrid_print(g, 0, row++,
                ko ? "모든 행에 같은 W와 B를 씁니다. 달라지는 것은 m뿐입니다."
                   : "The same W and B serve every row: only m changes.",
                RS_NORMAL);
    row++;
    SAY(line, ko, "== Parameters of %s ==", "== %s의 매개변수 ==", net);
    row += title(g, row, line);
    if ((got = forward_draw_params(g, 0, row, c->sizes, n, lang)) < 0)
        return got;
    row += got + 1;
    static const size_t mnist[3] = {784, 50, 10};
    row += title(g, row,
                 ko ? "== MNIST 신경망 784-50-10의 매개변수 =="
                    : "== Parameters of the MNIST network "
                      "784-50-10 ==");
    if ((got = forward_draw_params(g, 0, row, mnist, 2, lang)) < 0)
        return got;
    row += got + 1;
    row += title(g, row,
                 ko ? "== 샘플 1의 값 (소수 넷째 자리까지) =="
                    : "== Sample 1, values to 4 decimals ==");
    row += forward_draw_values(g, 0, row, r, lang) + 1;
    SAY(line, ko, "== The mini-batch's outputs: Y%d (%zux%zu) ==",
        "== 미니배치의 출력: Y%d (%zux%zu) ==", n, c->batch, c->sizes[n]);
    row += title(g, row, line);
    row += forward_draw_batch(g, 0, row, r, lang);
    return row;
}

/* One CSV row per number: matrix,layer,row,col,value (layer 0 for the
 * inputs and the mini-batch's matrices, rows and columns from 0). */
static void csv_mat(FILE *out, const char *name, int layer,
                    const struct nn_mat *m)
{
    for (size_t i = 0; i < m->rows; i++)
        for (size_t j = 0; j < m->cols; j++)
            fprintf(out, "%s,%d,%zu,%zu,%.17g\n", name, layer, i, j,
                    nn_mat_get(m, i, j));
}

static void print_csv(FILE *out, const struct forward_run *r)
{
    const struct forward_config *c = &r->cfg;
    fputs("matrix,layer,row,col,value\n", out);
    csv_mat(out, "x", 0, &r->x);
    for (int l = 0; l < c->n_layers; l++) {
        csv_mat(out, "W", l + 1, &r->mlp.layers[l].W);
        csv_mat(out, "b", l + 1, &r->mlp.layers[l].b);
    }
    for (int l = 0; l < c->n_layers; l++)
        csv_mat(out, "y_sample1", l + 1, &r->y1[l]);
    csv_mat(out, "output", 0, &r->out);
    csv_mat(out, "target", 0, &r->t);
    for (size_t i = 0; i < c->batch; i++) {
        fprintf(out, "mse_sample,0,%zu,0,%.17g\n", i, r->mse_row[i]);
        fprintf(out, "ce_sample,0,%zu,0,%.17g\n", i, r->ce_row[i]);
    }
    fprintf(out, "mse,0,0,0,%.17g\nce,0,0,0,%.17g\n", r->mse, r->ce);
}

static void json_sizes(FILE *out, const size_t *v, size_t n)
{
    fputc('[', out);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%zu", i ? ", " : "", v[i]);
    fputc(']', out);
}

static void print_json(FILE *out, const struct forward_run *r)
{
    const struct forward_config *c = &r->cfg;
    size_t total = 0;
    fputs("{\"sizes\": ", out);
    json_sizes(out, c->sizes, (size_t)c->n_layers + 1);
    fprintf(out,
            ", \"hidden_activation\": \"%s\", \"output_activation\": "
            "\"softmax\", \"seed\": %llu, \"batch\": %zu,\n \"layers\": [\n",
            nn_act_name(c->act.kind), (unsigned long long)c->seed, c->batch);
    for (int l = 0; l < c->n_layers; l++) {
        const struct forward_layer *L = &r->layers[l];
        total += L->n_weights + L->n_biases;
        fprintf(out,
                "  {\"layer\": %d, \"inputs\": %zu, \"units\": %zu, "
                "\"activation\": \"%s\", \"weights\": %zu, \"biases\": %zu, "
                "\"parameters\": %zu,\n   \"W\": ",
                l + 1, L->in, L->out, nn_act_name(L->act.kind), L->n_weights,
                L->n_biases, L->n_weights + L->n_biases);
        emit_json_mat(out, &r->mlp.layers[l].W);
        /* b and the first sample's outputs are single rows */
        fputs(",\n   \"b\": ", out);
        emit_json_doubles(out, r->mlp.layers[l].b.data, L->out);
        fputs(",\n   \"y_sample1\": ", out);
        emit_json_doubles(out, r->y1[l].data, L->out);
        fprintf(out, "}%s\n", l + 1 < c->n_layers ? "," : "");
    }
    fprintf(out, " ],\n \"parameters\": %zu,\n \"x\": ", total);
    emit_json_mat(out, &r->x);
    fputs(",\n \"output\": ", out);
    emit_json_mat(out, &r->out);
    fputs(",\n \"target\": ", out);
    emit_json_mat(out, &r->t);
    fputs(",\n \"labels\": ", out);
    json_sizes(out, r->label, c->batch);
    fputs(", \"predicted\": ", out);
    json_sizes(out, r->predicted, c->batch);
    fputs(",\n \"mse_sample\": ", out);
    emit_json_doubles(out, r->mse_row, c->batch);
    fputs(",\n \"ce_sample\": ", out);
    emit_json_doubles(out, r->ce_row, c->batch);
    fprintf(out, ",\n \"mse\": %.17g, \"ce\": %.17g}\n", r->mse, r->ce);
}

int cmd_forward(const struct options *o, FILE *out, FILE *err)
{
    struct forward_config c;
    enum emit_format f = EMIT_TEXT;
    forward_config_default(&c);
    if (parse(o, err, &c, &f) != 0)
        return 2;
    struct forward_run r;
    int rc = forward_run_init(&r, &c);
    if (rc) {
        fprintf(err, "nnlab: forward: %s\n", nn_strerror(rc));
        return 1;
    }
    if (f != EMIT_TEXT) {
        if (f == EMIT_CSV)
            print_csv(out, &r);
        else
            print_json(out, &r);
        forward_run_fini(&r);
        return 0;
    }
    struct rgrid g;
    if (rgrid_init(&g, FORWARD_DRAW_WIDTH + 2, FORWARD_GRID_H) != 0) {
        forward_run_fini(&r);
        fprintf(err, "nnlab: forward: out of memory\n");
        return 1;
    }
    rc = draw(&g, &r, catalog_lang(o->lang));
    if (rc >= 0)
        rgrid_write(&g, out);
    else
        fprintf(err, "nnlab: forward: %s\n", nn_strerror(rc));
    rgrid_fini(&g);
    forward_run_fini(&r);
    return rc >= 0 ? 0 : 1;
}
