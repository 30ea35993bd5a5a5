/*
 * The backpropagation walkthrough: runs the core's MLP on the 2-2-2
 * network and turns its caches into explained lines (see backprop.h).
 */
#include "lesson/backprop.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/loss.h"
#include "core/numgrad.h"
#include "core/optim.h"

/* The symbols of the formulas, in UTF-8 and in plain ASCII. */
struct sym {
    const char *d;     /* partial derivative */
    const char *times; /* product of factors */
    const char *dot;   /* weight times input in a formula */
    const char *minus;
    const char *half;
    const char *plus;  /* superscript plus: the updated value */
    const char *alpha; /* learning rate */
    const char *sq;    /* squared */
    const char *tr;    /* transpose */
    const char *had;   /* element-wise product */
};

static const struct sym utf8_sym = {"∂", "×", "·", "−", "½",
                                    "⁺", "α", "²", "ᵀ", "⊙"};
static const struct sym ascii_sym = {"d", "*",  "*",  "-",  "1/2",
                                     "+", "lr", "^2", "^T", ".*"};

static const char *const section_titles[BACKPROP_SECTIONS] = {
    [BACKPROP_FORWARD] = "Forward pass",
    [BACKPROP_ERROR] = "Error",
    [BACKPROP_STAGE1] = "Backpropagation stage 1: output layer",
    [BACKPROP_STAGE2] = "Backpropagation stage 2: hidden layer",
    [BACKPROP_NUMERIC] =
        "Numerical gradient: central difference with step 1e-4",
    [BACKPROP_FORWARD2] = "Forward pass with the updated parameters",
    [BACKPROP_ERROR2] = "Error after the update",
    [BACKPROP_TRAINING] = "Training",
};

static const char *const section_keys[BACKPROP_SECTIONS] = {
    [BACKPROP_FORWARD] = "forward", [BACKPROP_ERROR] = "error",
    [BACKPROP_STAGE1] = "stage1",   [BACKPROP_STAGE2] = "stage2",
    [BACKPROP_NUMERIC] = "numeric", [BACKPROP_FORWARD2] = "forward2",
    [BACKPROP_ERROR2] = "error2",   [BACKPROP_TRAINING] = "training",
};

static const char *const param_names[12] = {
    "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "b1", "b2", "b3", "b4",
};

const char *backprop_section_title(enum backprop_section s)
{
    if ((unsigned)s >= BACKPROP_SECTIONS)
        return "?";
    return section_titles[s];
}

const char *backprop_section_key(enum backprop_section s)
{
    if ((unsigned)s >= BACKPROP_SECTIONS)
        return "?";
    return section_keys[s];
}

const char *backprop_param_name(int k)
{
    if (k < 0 || k >= 12)
        return "?";
    return param_names[k];
}

void backprop_config_default(struct backprop_config *c)
{
    static const struct backprop_config def = {
        .x = {0.1, 0.2},
        .w = {0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6},
        .target = {0.4, 0.6},
        .lr = 0.5,
        .bias = BACKPROP_BIAS_NONE,
        .iterations = 1,
    };
    *c = def;
}

int backprop_param_count(const struct backprop_walk *w)
{
    switch (w->cfg.bias) {
    case BACKPROP_BIAS_SHARED:
        return 10;
    case BACKPROP_BIAS_PER_UNIT:
        return 12;
    default:
        return 8;
    }
}

/*
 * Where parameter k lives in the MLP's parameter buffer: one place, or two
 * for a shared bias (one copy per unit). Returns the number of places and
 * their element offsets in off[].
 *   W: layer l = k / 4; unit j and input i from z1 = W1·x1 + W2·x2, ...:
 *      W(4l + 2j + i + 1) is W[i][j] of layer l, at row-major i·2 + j.
 */
static int param_offsets(const struct backprop_walk *w, int k, size_t off[2])
{
    const struct nn_mlp *m = &w->mlp;
    const double *base = m->params.data;
    if (k < 8) {
        const struct nn_dense *L = &m->layers[k / 4];
        int j = (k % 4) / 2, i = k % 2;
        off[0] =
            (size_t)((const double *)L->W.data - base) + (size_t)(i * 2 + j);
        return 1;
    }
    if (w->cfg.bias == BACKPROP_BIAS_SHARED) {
        const struct nn_dense *L = &m->layers[k - 8];
        off[0] = (size_t)((const double *)L->b.data - base);
        off[1] = off[0] + 1;
        return 2;
    }
    const struct nn_dense *L = &m->layers[(k - 8) / 2];
    off[0] = (size_t)((const double *)L->b.data - base) + (size_t)((k - 8) % 2);
    return 1;
}

double backprop_param_value(const struct backprop_walk *w, int k)
{
    size_t off[2];
    param_offsets(w, k, off);
    return ((const double *)w->mlp.params.data)[off[0]];
}

/* The gradient of parameter k. For a shared bias, backward() has already
 * given each copy the sum over both units, so either copy holds it. */
static double param_grad(const struct backprop_walk *w, int k)
{
    size_t off[2];
    param_offsets(w, k, off);
    return ((const double *)w->mlp.grads.data)[off[0]];
}

/* The bias parameter index of unit j of layer l, or -1 without bias. */
static int bias_param(const struct backprop_walk *w, int l, int j)
{
    switch (w->cfg.bias) {
    case BACKPROP_BIAS_SHARED:
        return 8 + l;
    case BACKPROP_BIAS_PER_UNIT:
        return 8 + 2 * l + j;
    default:
        return -1;
    }
}

/* Number formatting into the walk's scratch: computed values to 8
 * decimals, given values as typed (shortest form); negatives in
 * parentheses so "0.3×(-0.1)" reads right. */
static const char *fmt(struct backprop_walk *w, double v, int given)
{
    char *b = w->num[w->num_next];
    w->num_next = (w->num_next + 1) % 8;
    char t[40];
    if (given)
        snprintf(t, sizeof t, "%.10g", v);
    else
        snprintf(t, sizeof t, "%.8f", v);
    if (strcmp(t, "-0.00000000") == 0 || strcmp(t, "-0") == 0)
        memmove(t, t + 1, strlen(t));
    if (t[0] == '-')
        snprintf(b, sizeof w->num[0], "(%s)", t);
    else
        snprintf(b, sizeof w->num[0], "%s", t);
    return b;
}

static const char *num(struct backprop_walk *w, double v)
{
    return fmt(w, v, 0);
}

static int grow(struct backprop_walk *w)
{
    if (w->n_lines < w->cap)
        return NN_OK;
    size_t cap = w->cap ? 2 * w->cap : 64;
    struct backprop_line *p = realloc(w->lines, cap * sizeof *p);
    if (!p)
        return NN_ENOMEM;
    w->lines = p;
    w->cap = cap;
    return NN_OK;
}

/* Append a line; numbers is a printf format. Returns its index or a
 * negative error. */
static long add(struct backprop_walk *w, enum backprop_section sec,
                enum backprop_focus focus, int index, const char *name,
                const char *formula, double value, const char *numbers, ...)
    __attribute__((format(printf, 8, 9)));

static long add(struct backprop_walk *w, enum backprop_section sec,
                enum backprop_focus focus, int index, const char *name,
                const char *formula, double value, const char *numbers, ...)
{
    if (grow(w))
        return NN_ENOMEM;
    struct backprop_line *l = &w->lines[w->n_lines];
    memset(l, 0, sizeof *l);
    l->section = sec;
    l->focus = focus;
    l->index = index;
    l->value = value;
    snprintf(l->name, sizeof l->name, "%s", name);
    snprintf(l->formula, sizeof l->formula, "%s", formula);
    va_list ap;
    va_start(ap, numbers);
    vsnprintf(l->numbers, sizeof l->numbers, numbers, ap);
    va_end(ap);
    return (long)w->n_lines++;
}

/* Record how the last line's value is made from its operands. */
static void last_ops(struct backprop_walk *w, enum backprop_op op, int n,
                     const char *const *names, const double *values)
{
    struct backprop_line *l = &w->lines[w->n_lines - 1];
    l->op = op;
    l->n_operands = n;
    for (int i = 0; i < n; i++) {
        snprintf(l->operand_names[i], sizeof l->operand_names[i], "%s",
                 names[i]);
        l->operands[i] = values[i];
    }
}

/* Operand k of the last line (a sum) is the product a·b. */
static void last_factors(struct backprop_walk *w, int k, const char *a,
                         double va, const char *b, double vb)
{
    struct backprop_line *l = &w->lines[w->n_lines - 1];
    l->n_factors[k] = 2;
    snprintf(l->factor_names[k][0], sizeof l->factor_names[k][0], "%s", a);
    snprintf(l->factor_names[k][1], sizeof l->factor_names[k][1], "%s", b);
    l->factors[k][0] = va;
    l->factors[k][1] = vb;
}

static const struct sym *symbols(const struct backprop_walk *w)
{
    return w->cfg.ascii ? &ascii_sym : &utf8_sym;
}

static double cache(const struct nn_mat *m, int j)
{
    return nn_mat_get(m, 0, (size_t)j);
}

/* Names of the values at each layer's inputs, units, and pre-activations:
 * layer 0 reads x1, x2 and makes z1, z2 -> h1, h2; layer 1 reads h1, h2
 * and makes z3, z4 -> o1, o2. */
static const char *const in_names[2][2] = {{"x1", "x2"}, {"h1", "h2"}};
static const char *const out_names[2][2] = {{"h1", "h2"}, {"o1", "o2"}};
static const char *const z_names[2][2] = {{"z1", "z2"}, {"z3", "z4"}};

/* The forward pass lines of the current parameters, read from the
 * caches. `given` formats parameters as typed (the first pass) rather
 * than to 8 decimals (after an update). */
static int emit_forward(struct backprop_walk *w, enum backprop_section sec,
                        int given)
{
    const struct sym *S = symbols(w);
    char formula[160], nums[224], name[48];
    for (int l = 0; l < 2; l++) {
        const struct nn_dense *L = &w->mlp.layers[l];
        for (int j = 0; j < 2; j++) {
            int k0 = 4 * l + 2 * j, bp = bias_param(w, l, j);
            const char *in0 =
                l == 0 ? fmt(w, cache(&L->x, 0), 1) : num(w, cache(&L->x, 0));
            const char *in1 =
                l == 0 ? fmt(w, cache(&L->x, 1), 1) : num(w, cache(&L->x, 1));
            snprintf(formula, sizeof formula, "%s%s%s + %s%s%s",
                     param_names[k0], S->dot, in_names[l][0],
                     param_names[k0 + 1], S->dot, in_names[l][1]);
            snprintf(nums, sizeof nums, "%s%s%s + %s%s%s",
                     fmt(w, backprop_param_value(w, k0), given), S->times, in0,
                     fmt(w, backprop_param_value(w, k0 + 1), given), S->times,
                     in1);
            if (bp >= 0) {
                size_t n = strlen(formula), m = strlen(nums);
                snprintf(formula + n, sizeof formula - n, " + %s",
                         param_names[bp]);
                snprintf(nums + m, sizeof nums - m, " + %s",
                         fmt(w, backprop_param_value(w, bp), given));
            }
            if (add(w, sec, BACKPROP_FOCUS_NODE, 2 + 2 * l + j, z_names[l][j],
                    formula, cache(&L->z, j), "%s", nums) < 0)
                return NN_ENOMEM;
            char t0[48], t1[48];
            snprintf(t0, sizeof t0, "%s%s%s", param_names[k0], S->dot,
                     in_names[l][0]);
            snprintf(t1, sizeof t1, "%s%s%s", param_names[k0 + 1], S->dot,
                     in_names[l][1]);
            const char *tn[3] = {t0, t1, bp >= 0 ? param_names[bp] : ""};
            double tv[3] = {backprop_param_value(w, k0) * cache(&L->x, 0),
                            backprop_param_value(w, k0 + 1) * cache(&L->x, 1),
                            bp >= 0 ? backprop_param_value(w, bp) : 0};
            last_ops(w, BACKPROP_OP_SUM, bp >= 0 ? 3 : 2, tn, tv);
            for (int i = 0; i < 2; i++)
                last_factors(w, i, param_names[k0 + i],
                             backprop_param_value(w, k0 + i), in_names[l][i],
                             cache(&L->x, i));
        }
        for (int j = 0; j < 2; j++) {
            snprintf(formula, sizeof formula, "sigmoid(%s)", z_names[l][j]);
            snprintf(name, sizeof name, "%s", out_names[l][j]);
            if (add(w, sec, BACKPROP_FOCUS_NODE, 2 + 2 * l + j, name, formula,
                    cache(&L->y, j), "sigmoid(%s)",
                    num(w, cache(&L->z, j))) < 0)
                return NN_ENOMEM;
        }
    }
    return NN_OK;
}

/* E_o1, E_o2 and E_total of the current forward pass. E_total is the
 * core's half-SSE over the output row, E_oj the same loss on one output. */
static int emit_error(struct backprop_walk *w, enum backprop_section sec,
                      double *total)
{
    const struct sym *S = symbols(w);
    const struct nn_mat *o = nn_mlp_output(&w->mlp);
    double e[2];
    char name[48], formula[160];
    for (int j = 0; j < 2; j++) {
        struct nn_mat oj = nn_mat_wrap(NN_F64, 1, 1, (double *)o->data + j);
        struct nn_mat tj = nn_mat_wrap(NN_F64, 1, 1, &w->cfg.target[j]);
        int err = nn_loss_half_sse(&e[j], NULL, &oj, &tj);
        if (err)
            return err;
        snprintf(name, sizeof name, "E_o%d", j + 1);
        snprintf(formula, sizeof formula, "%s(target%d %s o%d)%s", S->half,
                 j + 1, S->minus, j + 1, S->sq);
        if (add(w, sec, BACKPROP_FOCUS_NODE, 4 + j, name, formula, e[j],
                "%s(%s %s %s)%s", S->half, fmt(w, w->cfg.target[j], 1),
                S->minus, num(w, cache(o, j)), S->sq) < 0)
            return NN_ENOMEM;
    }
    struct nn_mat t = nn_mat_wrap(NN_F64, 1, 2, w->cfg.target);
    int err = nn_loss_half_sse(total, NULL, o, &t);
    if (err)
        return err;
    if (add(w, sec, BACKPROP_FOCUS_NONE, 0, "E_total", "E_o1 + E_o2", *total,
            "%s + %s", num(w, e[0]), num(w, e[1])) < 0)
        return NN_ENOMEM;
    last_ops(w, BACKPROP_OP_SUM, 2, (const char *[]){"E_o1", "E_o2"}, e);
    return NN_OK;
}

/* The update line of parameter k; its value is filled in after the
 * optimizer's step (upd[k] remembers the line). */
static int emit_update(struct backprop_walk *w, enum backprop_section sec,
                       int k, long *upd)
{
    const struct sym *S = symbols(w);
    char name[48], formula[160], dname[48];
    int bias = k >= 8;
    enum backprop_focus f = bias ? BACKPROP_FOCUS_BIAS : BACKPROP_FOCUS_EDGE;
    int index = bias ? k - 8 : k;
    snprintf(name, sizeof name, "%s%s", param_names[k], S->plus);
    snprintf(dname, sizeof dname, "%sE/%s%s", S->d, S->d, param_names[k]);
    double v = backprop_param_value(w, k);
    long i;
    if (bias && w->cfg.freeze_bias) {
        snprintf(formula, sizeof formula, "%s (held fixed)", param_names[k]);
        i = add(w, sec, f, index, name, formula, v, "%s", "");
    } else {
        snprintf(formula, sizeof formula, "%s %s %s%s%s", param_names[k],
                 S->minus, S->alpha, S->times, dname);
        i = add(w, sec, f, index, name, formula, v, "%s %s %s%s%s",
                fmt(w, v, 1), S->minus, fmt(w, w->cfg.lr, 1), S->times,
                num(w, param_grad(w, k)));
        if (i >= 0) {
            char step[48];
            snprintf(step, sizeof step, "%s%s%s%s", S->minus, S->alpha,
                     S->times, dname);
            last_ops(w, BACKPROP_OP_SUM, 2,
                     (const char *[]){param_names[k], step},
                     (double[]){v, -w->cfg.lr * param_grad(w, k)});
        }
    }
    if (i < 0)
        return NN_ENOMEM;
    upd[k] = i;
    return NN_OK;
}

/* ∂E/∂ of the weights (and bias) into unit j of layer l, the chain rule
 * with the unit's three factors: ∂E/∂out × ∂out/∂z × ∂z/∂W. */
static int emit_unit_params(struct backprop_walk *w, enum backprop_section sec,
                            int l, int j, const char *f1, double v1,
                            const char *f2, double v2, long *upd)
{
    const struct sym *S = symbols(w);
    const struct nn_dense *L = &w->mlp.layers[l];
    const char *z = z_names[l][j];
    char name[48], formula[160], dz[48];
    for (int i = 0; i < 2; i++) {
        int k = 4 * l + 2 * j + i;
        snprintf(dz, sizeof dz, "%s%s/%s%s", S->d, z, S->d, param_names[k]);
        double in = cache(&L->x, i);
        if (add(w, sec, BACKPROP_FOCUS_EDGE, k, dz, in_names[l][i], in, "%s",
                "") < 0)
            return NN_ENOMEM;
        snprintf(name, sizeof name, "%sE/%s%s", S->d, S->d, param_names[k]);
        snprintf(formula, sizeof formula, "%s %s %s %s %s", f1, S->times, f2,
                 S->times, dz);
        if (add(w, sec, BACKPROP_FOCUS_EDGE, k, name, formula, param_grad(w, k),
                "%s %s %s %s %s", num(w, v1), S->times, num(w, v2), S->times,
                l == 0 ? fmt(w, in, 1) : num(w, in)) < 0)
            return NN_ENOMEM;
        last_ops(w, BACKPROP_OP_PRODUCT, 3, (const char *[]){f1, f2, dz},
                 (double[]){v1, v2, in});
        int err = emit_update(w, sec, k, upd);
        if (err)
            return err;
    }
    int bp = bias_param(w, l, j);
    if (bp < 0 || w->cfg.bias != BACKPROP_BIAS_PER_UNIT)
        return NN_OK;
    /* ∂z/∂b = 1: a bias is a weight whose input is always 1. */
    snprintf(name, sizeof name, "%sE/%s%s", S->d, S->d, param_names[bp]);
    snprintf(formula, sizeof formula, "%s %s %s %s %s%s/%s%s", f1, S->times, f2,
             S->times, S->d, z, S->d, param_names[bp]);
    if (add(w, sec, BACKPROP_FOCUS_BIAS, bp - 8, name, formula,
            param_grad(w, bp), "%s %s %s %s 1", num(w, v1), S->times,
            num(w, v2), S->times) < 0)
        return NN_ENOMEM;
    snprintf(dz, sizeof dz, "%s%s/%s%s", S->d, z, S->d, param_names[bp]);
    last_ops(w, BACKPROP_OP_PRODUCT, 3, (const char *[]){f1, f2, dz},
             (double[]){v1, v2, 1.0});
    return emit_update(w, sec, bp, upd);
}

/* A shared bias of layer l: the sum over both units of ∂E/∂z_j × 1. */
static int emit_shared_bias(struct backprop_walk *w, enum backprop_section sec,
                            int l, const char *const f1[2], const double v1[2],
                            const char *const f2[2], const double v2[2],
                            long *upd)
{
    if (w->cfg.bias != BACKPROP_BIAS_SHARED)
        return NN_OK;
    const struct sym *S = symbols(w);
    int bp = bias_param(w, l, 0);
    char name[48], formula[160];
    snprintf(name, sizeof name, "%sE/%s%s", S->d, S->d, param_names[bp]);
    snprintf(formula, sizeof formula, "%s %s %s + %s %s %s", f1[0], S->times,
             f2[0], f1[1], S->times, f2[1]);
    if (add(w, sec, BACKPROP_FOCUS_BIAS, bp - 8, name, formula,
            param_grad(w, bp), "%s %s %s + %s %s %s", num(w, v1[0]), S->times,
            num(w, v2[0]), num(w, v1[1]), S->times, num(w, v2[1])) < 0)
        return NN_ENOMEM;
    char t0[48], t1[48];
    snprintf(t0, sizeof t0, "%s %s %s", f1[0], S->times, f2[0]);
    snprintf(t1, sizeof t1, "%s %s %s", f1[1], S->times, f2[1]);
    last_ops(w, BACKPROP_OP_SUM, 2, (const char *[]){t0, t1},
             (double[]){v1[0] * v2[0], v1[1] * v2[1]});
    for (int i = 0; i < 2; i++)
        last_factors(w, i, f1[i], v1[i], f2[i], v2[i]);
    return emit_update(w, sec, bp, upd);
}

/* The sigmoid's derivative y(1 − y) as a product of y and 1 − y. */
static void derivative_ops(struct backprop_walk *w, const char *y, double v)
{
    char one_minus[48];
    snprintf(one_minus, sizeof one_minus, "1 %s %s", symbols(w)->minus, y);
    last_ops(w, BACKPROP_OP_PRODUCT, 2, (const char *[]){y, one_minus},
             (double[]){v, 1 - v});
}

/* Stage 1: the output layer. ∂E/∂o_j = o_j − target_j is the loss
 * gradient in the output's dy cache; ∂o/∂z = o(1 − o) the sigmoid's
 * derivative at the cached z. */
static int emit_stage1(struct backprop_walk *w, long *upd)
{
    const struct sym *S = symbols(w);
    const struct nn_dense *L = &w->mlp.layers[1];
    struct nn_act sig = nn_act_make(NN_ACT_SIGMOID);
    char n1[2][48], n2[2][48], formula[160];
    double v1[2], v2[2];
    for (int j = 0; j < 2; j++) {
        const char *o = out_names[1][j], *z = z_names[1][j];
        snprintf(n1[j], sizeof n1[j], "%sE/%s%s", S->d, S->d, o);
        snprintf(n2[j], sizeof n2[j], "%s%s/%s%s", S->d, o, S->d, z);
        v1[j] = cache(&L->dy, j);
        v2[j] = nn_act_df(&sig, cache(&L->z, j));
        snprintf(formula, sizeof formula, "%s(target%d %s %s)", S->minus, j + 1,
                 S->minus, o);
        if (add(w, BACKPROP_STAGE1, BACKPROP_FOCUS_NODE, 4 + j, n1[j], formula,
                v1[j], "%s(%s %s %s)", S->minus, fmt(w, w->cfg.target[j], 1),
                S->minus, num(w, cache(&L->y, j))) < 0)
            return NN_ENOMEM;
        snprintf(formula, sizeof formula, "%s%s(1 %s %s)", o, S->times,
                 S->minus, o);
        if (add(w, BACKPROP_STAGE1, BACKPROP_FOCUS_NODE, 4 + j, n2[j], formula,
                v2[j], "%s%s(1 %s %s)", num(w, cache(&L->y, j)), S->times,
                S->minus, num(w, cache(&L->y, j))) < 0)
            return NN_ENOMEM;
        derivative_ops(w, o, cache(&L->y, j));
        int err = emit_unit_params(w, BACKPROP_STAGE1, 1, j, n1[j], v1[j],
                                   n2[j], v2[j], upd);
        if (err)
            return err;
    }
    const char *f1[2] = {n1[0], n1[1]}, *f2[2] = {n2[0], n2[1]};
    return emit_shared_bias(w, BACKPROP_STAGE1, 1, f1, v1, f2, v2, upd);
}

/* Stage 2: the hidden layer. ∂E/∂h_j (the hidden layer's dy cache, which
 * the output layer's backward wrote as dz·Wᵀ) is split into its two
 * terms, one through each output: ∂E_om/∂h_j = dz_m × W(h_j → o_m). */
static int emit_stage2(struct backprop_walk *w, long *upd)
{
    const struct sym *S = symbols(w);
    const struct nn_dense *H = &w->mlp.layers[0], *O = &w->mlp.layers[1];
    struct nn_act sig = nn_act_make(NN_ACT_SIGMOID);
    char n1[2][48], n2[2][48], name[48], formula[160], terms[2][48];
    double v1[2], v2[2];
    for (int j = 0; j < 2; j++) {
        const char *h = out_names[0][j], *z = z_names[0][j];
        double part[2];
        for (int m = 0; m < 2; m++) {
            const char *o = out_names[1][m], *zo = z_names[1][m];
            int k = 4 + 2 * m + j; /* the weight from h_j to o_m */
            double dzo = cache(&O->dz, m), wk = backprop_param_value(w, k);
            part[m] = dzo * wk;
            snprintf(terms[m], sizeof terms[m], "%sE_%s/%s%s", S->d, o, S->d,
                     h);
            snprintf(formula, sizeof formula,
                     "%sE/%s%s %s %s%s/%s%s %s %s%s/%s%s", S->d, S->d, o,
                     S->times, S->d, o, S->d, zo, S->times, S->d, zo, S->d, h);
            if (add(w, BACKPROP_STAGE2, BACKPROP_FOCUS_EDGE, k, terms[m],
                    formula, part[m], "%s %s %s %s %s",
                    num(w, cache(&O->dy, m)), S->times,
                    num(w, nn_act_df(&sig, cache(&O->z, m))), S->times,
                    fmt(w, wk, 1)) < 0)
                return NN_ENOMEM;
            char f[3][48];
            snprintf(f[0], sizeof f[0], "%sE/%s%s", S->d, S->d, o);
            snprintf(f[1], sizeof f[1], "%s%s/%s%s", S->d, o, S->d, zo);
            snprintf(f[2], sizeof f[2], "%s%s/%s%s", S->d, zo, S->d, h);
            last_ops(w, BACKPROP_OP_PRODUCT, 3,
                     (const char *[]){f[0], f[1], f[2]},
                     (double[]){cache(&O->dy, m),
                                nn_act_df(&sig, cache(&O->z, m)), wk});
        }
        snprintf(n1[j], sizeof n1[j], "%sE/%s%s", S->d, S->d, h);
        snprintf(n2[j], sizeof n2[j], "%s%s/%s%s", S->d, h, S->d, z);
        v1[j] = cache(&H->dy, j);
        v2[j] = nn_act_df(&sig, cache(&H->z, j));
        snprintf(formula, sizeof formula, "%s + %s", terms[0], terms[1]);
        if (add(w, BACKPROP_STAGE2, BACKPROP_FOCUS_NODE, 2 + j, n1[j], formula,
                v1[j], "%s + %s", num(w, part[0]), num(w, part[1])) < 0)
            return NN_ENOMEM;
        last_ops(w, BACKPROP_OP_SUM, 2, (const char *[]){terms[0], terms[1]},
                 part);
        snprintf(formula, sizeof formula, "%s%s(1 %s %s)", h, S->times,
                 S->minus, h);
        snprintf(name, sizeof name, "%s", n2[j]);
        if (add(w, BACKPROP_STAGE2, BACKPROP_FOCUS_NODE, 2 + j, name, formula,
                v2[j], "%s%s(1 %s %s)", num(w, cache(&H->y, j)), S->times,
                S->minus, num(w, cache(&H->y, j))) < 0)
            return NN_ENOMEM;
        derivative_ops(w, h, cache(&H->y, j));
        int err = emit_unit_params(w, BACKPROP_STAGE2, 0, j, n1[j], v1[j],
                                   n2[j], v2[j], upd);
        if (err)
            return err;
    }
    const char *f1[2] = {n1[0], n1[1]}, *f2[2] = {n2[0], n2[1]};
    return emit_shared_bias(w, BACKPROP_STAGE2, 0, f1, v1, f2, v2, upd);
}

static void add_matrix(struct backprop_walk *w, const char *name,
                       const char *formula, const struct nn_mat *m)
{
    struct backprop_matrix *x = &w->mats[w->n_mats++];
    snprintf(x->name, sizeof x->name, "%s", name);
    snprintf(x->formula, sizeof x->formula, "%s", formula);
    x->rows = m->rows;
    x->cols = m->cols;
    for (size_t i = 0; i < m->rows * m->cols; i++)
        x->v[i] = ((const double *)m->data)[i];
}

/* The matrix view, straight from the caches after the first backward
 * pass (see backprop.h). */
static void collect_matrices(struct backprop_walk *w)
{
    const struct sym *S = symbols(w);
    const struct nn_dense *H = &w->mlp.layers[0], *O = &w->mlp.layers[1];
    int unit = w->cfg.bias == BACKPROP_BIAS_PER_UNIT;
    char f[64];
    add_matrix(w, "x", "", &H->x);
    add_matrix(w, "W[1]", "", &H->W);
    snprintf(f, sizeof f, "x%sW[1]%s", S->dot, unit ? " + b[1]" : "");
    add_matrix(w, "z[1]", f, &H->z);
    add_matrix(w, "h", "sigmoid(z[1])", &H->y);
    add_matrix(w, "W[2]", "", &O->W);
    snprintf(f, sizeof f, "h%sW[2]%s", S->dot, unit ? " + b[2]" : "");
    add_matrix(w, "z[2]", f, &O->z);
    add_matrix(w, "o", "sigmoid(z[2])", &O->y);
    snprintf(f, sizeof f, "o %s t", S->minus);
    add_matrix(w, "dy", f, &O->dy);
    snprintf(f, sizeof f, "o(1 %s o) %s dy", S->minus, S->had);
    add_matrix(w, "dz[2]", f, &O->dz);
    snprintf(f, sizeof f, "h%s%sdz[2]", S->tr, S->dot);
    add_matrix(w, "dW[2]", f, &O->dW);
    if (unit)
        add_matrix(w, "db[2]", "dz[2] summed over the batch", &O->db);
    snprintf(f, sizeof f, "dz[2]%sW[2]%s", S->dot, S->tr);
    add_matrix(w, "dh", f, &H->dy);
    snprintf(f, sizeof f, "h(1 %s h) %s dh", S->minus, S->had);
    add_matrix(w, "dz[1]", f, &H->dz);
    snprintf(f, sizeof f, "x%s%sdz[1]", S->tr, S->dot);
    add_matrix(w, "dW[1]", f, &H->dW);
    if (unit)
        add_matrix(w, "db[1]", "dz[1] summed over the batch", &H->db);
}

/* Forward pass and E at the current parameters; with grad, also
 * ∂E/∂o into the output layer's dy. */
static int forward_error(struct backprop_walk *w, double *e, int grad)
{
    struct nn_mat x = nn_mat_wrap(NN_F64, 1, 2, w->cfg.x);
    struct nn_mat t = nn_mat_wrap(NN_F64, 1, 2, w->cfg.target);
    int err = nn_mlp_forward(&w->mlp, &x);
    if (!err)
        err = nn_loss_half_sse(e, grad ? nn_mlp_dy(&w->mlp) : NULL,
                               nn_mlp_output(&w->mlp), &t);
    if (!err && !isfinite(*e))
        err = NN_ENONFINITE;
    return err;
}

/* Backward pass from the dy that forward_error(.., 1) left. A shared
 * bias's copies each get the sum of both gradients, so the optimizer moves
 * them together. */
static int backward(struct backprop_walk *w)
{
    nn_mlp_zero_grad(&w->mlp);
    int err = nn_mlp_backward(&w->mlp, 0);
    if (err || w->cfg.bias != BACKPROP_BIAS_SHARED)
        return err;
    for (int l = 0; l < 2; l++) {
        double *db = w->mlp.layers[l].db.data;
        db[0] = db[1] = db[0] + db[1];
    }
    return NN_OK;
}

/* Gradient descent step; frozen biases get a zero gradient first. */
static int update(struct backprop_walk *w, struct nn_optim *opt)
{
    if (w->cfg.freeze_bias)
        for (int l = 0; l < 2; l++)
            nn_mat_fill(&w->mlp.layers[l].db, 0.0);
    return nn_optim_step(opt, &w->mlp.params, &w->mlp.grads);
}

/* E as a function of one lesson parameter (all its copies move together),
 * for the core's central difference. */
struct numeric_ctx {
    struct backprop_walk *w;
    size_t off[2];
    int n;
    double value;
};

static int numeric_loss(void *p, double *e)
{
    struct numeric_ctx *c = p;
    double *params = c->w->mlp.params.data;
    for (int i = 0; i < c->n; i++)
        params[c->off[i]] = c->value;
    return forward_error(c->w, e, 0);
}

static int emit_numeric(struct backprop_walk *w)
{
    const struct sym *S = symbols(w);
    char name[48], formula[160];
    for (int k = 0; k < backprop_param_count(w); k++) {
        struct numeric_ctx c = {.w = w};
        c.n = param_offsets(w, k, c.off);
        c.value = backprop_param_value(w, k);
        double g;
        struct nn_mat p = nn_mat_wrap(NN_F64, 1, 1, &c.value);
        struct nn_mat out = nn_mat_wrap(NN_F64, 1, 1, &g);
        int err = nn_numgrad(&out, &p, numeric_loss, &c, NN_NUMGRAD_STEP);
        numeric_loss(&c, &(double){0}); /* put the parameter back */
        if (err)
            return err;
        w->numgrad[k] = g;
        snprintf(name, sizeof name, "%sE/%s%s", S->d, S->d, param_names[k]);
        snprintf(formula, sizeof formula, "(E(%s + h) %s E(%s %s h)) / 2h",
                 param_names[k], S->minus, param_names[k], S->minus);
        long i = add(w, BACKPROP_NUMERIC,
                     k < 8 ? BACKPROP_FOCUS_EDGE : BACKPROP_FOCUS_BIAS,
                     k < 8 ? k : k - 8, name, formula, g, "%s", "");
        if (i < 0)
            return NN_ENOMEM;
        snprintf(w->lines[i].note, sizeof w->lines[i].note,
                 "backprop %.8f, difference %.1e", w->grad[k],
                 fabs(g - w->grad[k]));
    }
    return NN_OK;
}

/* The E curve and the final parameters of a longer run. */
static int emit_training(struct backprop_walk *w)
{
    long n = w->cfg.iterations;
    long every = (n + 19) / 20;
    char name[48];
    for (long k = 1; k <= n; k++) {
        if (k != 1 && k != n && k % every != 0)
            continue;
        snprintf(name, sizeof name, "E_total after %ld update%s", k,
                 k == 1 ? "" : "s");
        if (add(w, BACKPROP_TRAINING, BACKPROP_FOCUS_NONE, 0, name, "",
                w->error[k], "%s", "") < 0)
            return NN_ENOMEM;
    }
    for (int k = 0; k < backprop_param_count(w); k++)
        if (add(w, BACKPROP_TRAINING,
                k < 8 ? BACKPROP_FOCUS_EDGE : BACKPROP_FOCUS_BIAS,
                k < 8 ? k : k - 8, param_names[k], "",
                backprop_param_value(w, k), "%s", "") < 0)
            return NN_ENOMEM;
    return NN_OK;
}

static int valid(const struct backprop_config *c)
{
    const double *all[] = {c->x, c->w, c->target, c->b};
    const size_t n[] = {2, 8, 2, 4};
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < n[i]; j++)
            if (!isfinite(all[i][j]))
                return 0;
    return isfinite(c->lr) && c->lr >= 0 && c->iterations >= 1 &&
           c->iterations <= BACKPROP_MAX_ITERATIONS &&
           (unsigned)c->bias <= BACKPROP_BIAS_PER_UNIT;
}

/* Build the network and load the configured parameters. */
static int build(struct backprop_walk *w)
{
    int bias = w->cfg.bias != BACKPROP_BIAS_NONE;
    struct nn_layer_spec spec[2] = {
        {2, nn_act_make(NN_ACT_SIGMOID), bias},
        {2, nn_act_make(NN_ACT_SIGMOID), bias},
    };
    int err = nn_mlp_init(&w->mlp, NN_F64, 2, 2, spec);
    if (err)
        return err;
    double *p = w->mlp.params.data;
    for (int k = 0; k < backprop_param_count(w); k++) {
        size_t off[2];
        int n = param_offsets(w, k, off);
        double v = k < 8 ? w->cfg.w[k] : w->cfg.b[k - 8];
        for (int i = 0; i < n; i++)
            p[off[i]] = v;
    }
    return NN_OK;
}

static int run(struct backprop_walk *w)
{
    long upd[12];
    double e;
    struct nn_optim_config oc = nn_optim_defaults(NN_OPT_SGD);
    oc.lr = w->cfg.lr;
    struct nn_optim opt;
    int err = build(w);
    if (!err)
        err = nn_optim_init(&opt, &oc, NN_F64, w->mlp.n_params);
    if (err)
        return err;
    w->error = calloc((size_t)w->cfg.iterations + 1, sizeof *w->error);
    if (!w->error)
        err = NN_ENOMEM;
    /* The explained first update. */
    if (!err)
        err = forward_error(w, &e, 1);
    if (!err)
        err = emit_forward(w, BACKPROP_FORWARD, 1);
    if (!err)
        err = emit_error(w, BACKPROP_ERROR, &w->error[0]);
    if (!err)
        err = backward(w);
    for (int k = 0; !err && k < backprop_param_count(w); k++)
        w->grad[k] = param_grad(w, k);
    if (!err)
        collect_matrices(w);
    if (!err)
        err = emit_stage1(w, upd);
    if (!err)
        err = emit_stage2(w, upd);
    if (!err && w->cfg.numeric)
        err = emit_numeric(w);
    if (!err)
        err = update(w, &opt);
    for (int k = 0; !err && k < backprop_param_count(w); k++)
        w->lines[upd[k]].value = backprop_param_value(w, k);
    if (!err)
        err = forward_error(w, &e, 1);
    if (!err)
        err = emit_forward(w, BACKPROP_FORWARD2, 0);
    if (!err)
        err = emit_error(w, BACKPROP_ERROR2, &w->error[1]);
    /* The remaining updates, each from a fresh forward pass. */
    for (long k = 2; !err && k <= w->cfg.iterations; k++) {
        err = backward(w);
        if (!err)
            err = update(w, &opt);
        if (!err)
            err = forward_error(w, &w->error[k], 1);
    }
    if (!err && w->cfg.iterations > 1)
        err = emit_training(w);
    nn_optim_fini(&opt);
    return err;
}

int backprop_walk_run(struct backprop_walk *w, const struct backprop_config *c)
{
    memset(w, 0, sizeof *w);
    if (!valid(c))
        return NN_EINVAL;
    w->cfg = *c;
    int err = run(w);
    if (err)
        backprop_walk_fini(w);
    return err;
}

void backprop_walk_fini(struct backprop_walk *w)
{
    nn_mlp_fini(&w->mlp);
    free(w->lines);
    free(w->error);
    memset(w, 0, sizeof *w);
}
