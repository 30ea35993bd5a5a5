/*
 * Lesson 1, the topic model: perceptron gates, the search for XOR weights,
 * the two-layer XOR network and the perceptron learning rule. See gates.h
 * for the conventions (row order, step rule, zero tolerance).
 */
#include "lesson/gates.h"

#include <math.h>
#include <stddef.h>
#include <strings.h>

/*
 * A perceptron with two inputs is three multiply-adds; they are written
 * out here so that a learner can read exactly what the unit does. In a
 * truth table the products are exact (x is 0 or 1), so the only rounding
 * is in the two additions, done in the order the formula is written.
 */
double gates_sum(const struct gates_perceptron *p, double x1, double x2)
{
    return p->w1 * x1 + p->w2 * x2 + p->b;
}

int gates_step(const struct gates_perceptron *p, double s)
{
    if (fabs(s) < GATES_ZERO_TOL)
        return p->ge ? 1 : 0; /* exactly on the line: the rule decides */
    return s > 0 ? 1 : 0;
}

int gates_output(const struct gates_perceptron *p, double x1, double x2)
{
    return gates_step(p, gates_sum(p, x1, x2));
}

void gates_table_compute(struct gates_table *t,
                         const struct gates_perceptron *p)
{
    t->pattern = 0;
    for (int r = 0; r < 4; r++) {
        t->sum[r] = gates_sum(p, gates_x1(r), gates_x2(r));
        t->y[r] = gates_step(p, t->sum[r]);
        t->pattern |= (unsigned)t->y[r] << r;
    }
}

static const struct {
    const char *name;
    unsigned pattern; /* bit r = output for row r: (0,0) (0,1) (1,0) (1,1) */
} gate_info[GATES_N_GATES] = {
    [GATES_AND] = {"AND", 0x8},   /* 0 0 0 1 */
    [GATES_NAND] = {"NAND", 0x7}, /* 1 1 1 0 */
    [GATES_OR] = {"OR", 0xE},     /* 0 1 1 1 */
    [GATES_NOR] = {"NOR", 0x1},   /* 1 0 0 0 */
    [GATES_XOR] = {"XOR", 0x6},   /* 0 1 1 0 */
    [GATES_XNOR] = {"XNOR", 0x9}, /* 1 0 0 1 */
};

const char *gates_gate_name(enum gates_gate g)
{
    return gate_info[g].name;
}

int gates_gate_parse(const char *name)
{
    for (int g = 0; g < GATES_N_GATES; g++)
        if (strcasecmp(name, gate_info[g].name) == 0)
            return g;
    return -1;
}

unsigned gates_gate_pattern(enum gates_gate g)
{
    return gate_info[g].pattern;
}

int gates_gate_of_pattern(unsigned pattern)
{
    for (int g = 0; g < GATES_N_GATES; g++)
        if (gate_info[g].pattern == pattern)
            return g;
    return -1;
}

const char *gates_function_name(unsigned pattern)
{
    /* All 16 functions of two bits, indexed by pattern. */
    static const char *const names[16] = {
        "always 0",      /* 0000 */
        "NOR",           /* 1000: bit 0 is row (0,0) */
        "NOT x1 AND x2", /* only (0,1) */
        "NOT x1",        /* (0,0) (0,1) */
        "x1 AND NOT x2", /* only (1,0) */
        "NOT x2",        /* (0,0) (1,0) */
        "XOR",           /* (0,1) (1,0) */
        "NAND",          /* all but (1,1) */
        "AND",           /* only (1,1) */
        "XNOR",          /* (0,0) (1,1) */
        "x2",            /* (0,1) (1,1) */
        "NOT x1 OR x2",  /* all but (1,0) */
        "x1",            /* (1,0) (1,1) */
        "x1 OR NOT x2",  /* all but (0,1) */
        "OR",            /* all but (0,0) */
        "always 1",
    };
    return names[pattern & 15];
}

int gates_seed_weights(enum gates_gate g, struct gates_perceptron *p)
{
    static const double w[][3] = {
        [GATES_AND] = {0.5, 0.5, -0.7},
        [GATES_NAND] = {-0.5, -0.5, 0.7},
        [GATES_OR] = {0.6, 0.6, -0.5},
    };
    if (g != GATES_AND && g != GATES_NAND && g != GATES_OR)
        return -1;
    *p = (struct gates_perceptron){w[g][0], w[g][1], w[g][2], 0};
    return 0;
}

int gates_other_weights(enum gates_gate g, struct gates_perceptron *out,
                        int max)
{
    /* With the "> 0" rule. NOR has no seed weights: the OR weights with
     * every sign flipped turn each sum's sign, so OR's 1s become 0s. */
    static const struct {
        enum gates_gate g;
        double w1, w2, b;
    } other[] = {
        {GATES_AND, 1.0, 1.0, -1.0},   {GATES_AND, 0.5, 0.5, -0.8},
        {GATES_NAND, -1.0, -1.0, 1.5}, {GATES_OR, 1.0, 1.0, -0.5},
        {GATES_NOR, -0.6, -0.6, 0.5},  {GATES_NOR, -1.0, -1.0, 0.5},
    };
    int n = 0;
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
        if (other[i].g != g)
            continue;
        if (n < max)
            out[n] = (struct gates_perceptron){other[i].w1, other[i].w2,
                                               other[i].b, 0};
        n++;
    }
    return n;
}

void gates_search_run(struct gates_search *s, int lim_tenths, int ge)
{
    s->lim_tenths = lim_tenths;
    s->ge = ge;
    s->tried = 0;
    for (int k = 0; k < 16; k++)
        s->count[k] = 0;
    /* Integers i1, i2, ib are the weights in tenths; the sum in tenths is
     * then an exact integer and its sign needs no tolerance. */
    for (int i1 = -lim_tenths; i1 <= lim_tenths; i1++)
        for (int i2 = -lim_tenths; i2 <= lim_tenths; i2++)
            for (int ib = -lim_tenths; ib <= lim_tenths; ib++) {
                unsigned pat = 0;
                for (int r = 0; r < 4; r++) {
                    int sum = i1 * gates_x1(r) + i2 * gates_x2(r) + ib;
                    int y = ge ? sum >= 0 : sum > 0;
                    pat |= (unsigned)y << r;
                }
                if (s->count[pat]++ == 0)
                    s->first[pat] = (struct gates_perceptron){
                        i1 / 10.0, i2 / 10.0, ib / 10.0, ge};
                s->tried++;
            }
}

int gates_search_closest(const struct gates_search *s, unsigned target,
                         unsigned *pattern)
{
    int best = -1;
    for (unsigned pat = 0; pat < 16; pat++) {
        if (s->count[pat] == 0)
            continue;
        /* Rows right: the bits where the pattern agrees with the target. */
        unsigned same = ~(pat ^ target) & 15;
        int right = 0;
        for (int r = 0; r < 4; r++)
            right += (same >> r) & 1;
        if (right > best) {
            best = right;
            if (pattern)
                *pattern = pat;
        }
    }
    return best;
}

void gates_xor_net(struct gates_xor_row rows[4], int ge)
{
    struct gates_perceptron nand_u, or_u, and_u;
    gates_seed_weights(GATES_NAND, &nand_u);
    gates_seed_weights(GATES_OR, &or_u);
    gates_seed_weights(GATES_AND, &and_u);
    nand_u.ge = or_u.ge = and_u.ge = ge;
    for (int r = 0; r < 4; r++) {
        struct gates_xor_row *w = &rows[r];
        w->x1 = gates_x1(r);
        w->x2 = gates_x2(r);
        /* Hidden layer: both units see the same inputs. */
        w->s_nand = gates_sum(&nand_u, w->x1, w->x2);
        w->h1 = gates_step(&nand_u, w->s_nand);
        w->s_or = gates_sum(&or_u, w->x1, w->x2);
        w->h2 = gates_step(&or_u, w->s_or);
        /* Output layer: AND of the two hidden outputs. */
        w->s_and = gates_sum(&and_u, w->h1, w->h2);
        w->y = gates_step(&and_u, w->s_and);
    }
}

void gates_random_start(struct gates_perceptron *p, struct nn_rng *rng)
{
    /* 21 values each: below(21) is 0..20, minus 10 gives -10..10 tenths. */
    p->w1 = ((int)nn_rng_below(rng, 21) - 10) / 10.0;
    p->w2 = ((int)nn_rng_below(rng, 21) - 10) / 10.0;
    p->b = ((int)nn_rng_below(rng, 21) - 10) / 10.0;
}

static void learn_push_history(struct gates_learn *L)
{
    double *h = L->hist[L->epoch - 1];
    h[0] = L->p.w1;
    h[1] = L->p.w2;
    h[2] = L->p.b;
}

void gates_learn_init(struct gates_learn *L, unsigned target,
                      const struct gates_perceptron *start, double eta,
                      int max_epochs)
{
    L->p = *start;
    L->target = target & 15;
    L->eta = eta;
    if (max_epochs < 1)
        max_epochs = 1;
    if (max_epochs > GATES_LEARN_MAX_EPOCHS)
        max_epochs = GATES_LEARN_MAX_EPOCHS;
    L->max_epochs = max_epochs;
    L->epoch = 1;
    L->row = 0;
    L->mistakes = 0;
    L->updates = 0;
    L->status = GATES_LEARN_RUNNING;
    L->cycle_start = 0;
    learn_push_history(L);
}

/* Do the weights at the start of the current epoch repeat an earlier
 * epoch's? Returns that epoch (1-based) or 0. */
static int learn_find_repeat(const struct gates_learn *L)
{
    const double *now = L->hist[L->epoch - 1];
    for (int e = 0; e < L->epoch - 1; e++) {
        const double *h = L->hist[e];
        if (fabs(h[0] - now[0]) < GATES_ZERO_TOL &&
            fabs(h[1] - now[1]) < GATES_ZERO_TOL &&
            fabs(h[2] - now[2]) < GATES_ZERO_TOL)
            return e + 1;
    }
    return 0;
}

enum gates_learn_status gates_learn_step(struct gates_learn *L,
                                         struct gates_learn_event *ev)
{
    if (L->status != GATES_LEARN_RUNNING)
        return L->status;

    int r = L->row;
    int x1 = gates_x1(r), x2 = gates_x2(r);
    int t = (L->target >> r) & 1;
    struct gates_perceptron before = L->p;
    double s = gates_sum(&L->p, x1, x2);
    int y = gates_step(&L->p, s);
    int e = t - y; /* +1: should have fired; -1: should not have */
    if (e != 0) {
        /* Move the line towards the right side of this point: the bias
         * input is a constant 1, so b moves on every mistake. */
        L->p.w1 += L->eta * e * x1;
        L->p.w2 += L->eta * e * x2;
        L->p.b += L->eta * e;
        L->mistakes++;
        L->updates++;
    }
    if (ev)
        *ev = (struct gates_learn_event){L->epoch, r, s, y, t, before, L->p};

    if (++L->row < 4)
        return L->status;

    /* End of an epoch. */
    if (L->mistakes == 0) {
        L->status = GATES_LEARN_CONVERGED;
        return L->status;
    }
    if (L->epoch >= L->max_epochs) {
        L->status = GATES_LEARN_EPOCH_LIMIT;
        return L->status;
    }
    L->epoch++;
    L->row = 0;
    L->mistakes = 0;
    learn_push_history(L);
    int rep = learn_find_repeat(L);
    if (rep) {
        L->cycle_start = rep;
        L->status = GATES_LEARN_CYCLING;
    }
    return L->status;
}

double gates_nudge(double w, int k)
{
    double v = nearbyint((w + 0.1 * k) * 1e6) / 1e6;
    return v > 100 ? 100 : v < -100 ? -100 : v;
}

int gates_decimals(const double *v, int n)
{
    double scale = 1;
    for (int d = 0; d <= 6; d++, scale *= 10) {
        int ok = 1;
        for (int i = 0; i < n && ok; i++) {
            double x = v[i] * scale;
            ok = fabs(x - nearbyint(x)) < 1e-9 * scale;
        }
        if (ok)
            return d;
    }
    return 6;
}
