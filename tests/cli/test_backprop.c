/*
 * nnlab --batch backprop checked line by line against a separate, plain
 * scalar computation of the 2-2-2 network written here from the chain
 * rule (libm's exp, no core code), for the seed's values and for other
 * inputs with negative weights, biases and several iterations; against
 * the figures published in Matt Mazur's step-by-step example (biases held
 * fixed); and the option errors.
 */
#include "check_helpers.h"
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

/* ---- the reference computation ---------------------------------------- */

struct net {
    double x[2], w[8], b[4], t[2], lr;
    int bias; /* 0 none, 1 shared (b1 hidden, b2 output), 2 per unit */
    int freeze;
};

struct pass {
    double z[4], h[2], o[2], eo[2], e;
    double dedo[2], dodz[2], dedh_part[2][2], dedh[2], dhdz[2];
    double gw[8], gb[4];
    double d_o[2], d_h[2]; /* ∂E/∂z of the output and hidden units */
};

static double sig(double v)
{
    return 1 / (1 + exp(-v));
}

/* bias of hidden unit j (layer 0) or output unit j (layer 1) */
static double bias_of(const struct net *n, int layer, int j)
{
    if (n->bias == 1)
        return n->b[layer];
    if (n->bias == 2)
        return n->b[2 * layer + j];
    return 0;
}

/* z1 = W1 x1 + W2 x2 (+ b), z2 = W3 x1 + W4 x2, z3 = W5 h1 + W6 h2,
 * z4 = W7 h1 + W8 h2; E = ½Σ(t - o)²; the gradients by the chain rule. */
static void compute(const struct net *n, struct pass *p)
{
    const double *w = n->w, *x = n->x;
    p->z[0] = w[0] * x[0] + w[1] * x[1] + bias_of(n, 0, 0);
    p->z[1] = w[2] * x[0] + w[3] * x[1] + bias_of(n, 0, 1);
    p->h[0] = sig(p->z[0]);
    p->h[1] = sig(p->z[1]);
    p->z[2] = w[4] * p->h[0] + w[5] * p->h[1] + bias_of(n, 1, 0);
    p->z[3] = w[6] * p->h[0] + w[7] * p->h[1] + bias_of(n, 1, 1);
    p->e = 0;
    double d_o[2], d_h[2];
    for (int j = 0; j < 2; j++) {
        p->o[j] = sig(p->z[2 + j]);
        p->eo[j] = 0.5 * (n->t[j] - p->o[j]) * (n->t[j] - p->o[j]);
        p->e += p->eo[j];
        p->dedo[j] = -(n->t[j] - p->o[j]);
        p->dodz[j] = p->o[j] * (1 - p->o[j]);
        d_o[j] = p->dedo[j] * p->dodz[j];
        p->d_o[j] = d_o[j];
    }
    for (int j = 0; j < 2; j++) {
        /* W5: h1 -> o1, W6: h2 -> o1, W7: h1 -> o2, W8: h2 -> o2 */
        p->dedh_part[0][j] = d_o[0] * w[4 + j];
        p->dedh_part[1][j] = d_o[1] * w[6 + j];
        p->dedh[j] = p->dedh_part[0][j] + p->dedh_part[1][j];
        p->dhdz[j] = p->h[j] * (1 - p->h[j]);
        d_h[j] = p->dedh[j] * p->dhdz[j];
        p->d_h[j] = d_h[j];
    }
    for (int j = 0; j < 2; j++)
        for (int i = 0; i < 2; i++) {
            p->gw[2 * j + i] = d_h[j] * x[i];
            p->gw[4 + 2 * j + i] = d_o[j] * p->h[i];
        }
    memset(p->gb, 0, sizeof p->gb);
    if (n->bias == 1) {
        p->gb[0] = d_h[0] + d_h[1];
        p->gb[1] = d_o[0] + d_o[1];
    } else if (n->bias == 2) {
        p->gb[0] = d_h[0];
        p->gb[1] = d_h[1];
        p->gb[2] = d_o[0];
        p->gb[3] = d_o[1];
    }
}

static void step(struct net *n, const struct pass *p)
{
    for (int k = 0; k < 8; k++)
        n->w[k] -= n->lr * p->gw[k];
    if (!n->freeze)
        for (int k = 0; k < 4; k++)
            n->b[k] -= n->lr * p->gb[k];
}

/* ---- running the command and reading its lines ------------------------ */

struct line {
    char section[64];
    char name[64];
    double value;
};

struct output {
    int status;
    char err[1024];
    struct line lines[400];
    int n;
    char text[40000];
};

static void run(struct output *r, const char *const *argv)
{
    struct options o;
    memset(&o, 0, sizeof o);
    char *words[32];
    int n = 0;
    for (; argv[n]; n++)
        words[n] = (char *)argv[n];
    words[n] = NULL;
    o.topic = "backprop";
    o.topic_argc = n;
    o.topic_argv = words;
    FILE *out = tmpfile(), *err = tmpfile();
    ck_assert_ptr_nonnull(out);
    ck_assert_ptr_nonnull(err);
    r->status = cmd_backprop(&o, out, err);
    rewind(err);
    size_t len = fread(r->err, 1, sizeof r->err - 1, err);
    r->err[len] = '\0';
    rewind(out);
    len = fread(r->text, 1, sizeof r->text - 1, out);
    r->text[len] = '\0';
    fclose(out);
    fclose(err);
    /* "name = ... = value" lines; other non-empty lines are headings. */
    r->n = 0;
    char section[64] = "";
    for (char *s = r->text; *s;) {
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        char *eq = strstr(s, " = "), *last = NULL;
        for (char *q = eq; q; q = strstr(q + 1, " = "))
            last = q;
        if (!eq && *s) {
            snprintf(section, sizeof section, "%.63s", s);
        } else if (eq && r->n < 400) {
            struct line *l = &r->lines[r->n++];
            snprintf(l->section, sizeof l->section, "%s", section);
            snprintf(l->name, sizeof l->name, "%.*s", (int)(eq - s), s);
            l->value = strtod(last + 3, NULL);
        }
        if (nl)
            *nl = '\n';
        s = nl ? nl + 1 : s + strlen(s);
    }
}

/* The printed value of `name` in the section whose heading starts with
 * `section`. */
static double value(const struct output *r, const char *section,
                    const char *name)
{
    for (int i = 0; i < r->n; i++)
        if (strncmp(r->lines[i].section, section, strlen(section)) == 0 &&
            strcmp(r->lines[i].name, name) == 0)
            return r->lines[i].value;
    ck_abort_msg("no line '%s' in section '%s'", name, section);
    return NAN;
}

/* Printed to 8 decimals: within half a unit of the last digit. */
#define CK8(r, sec, name, want)                                                \
    ck_assert_near(value((r), (sec), (name)), (want), 5.1e-9)

static const char *const wname[8] = {"W1", "W2", "W3", "W4",
                                     "W5", "W6", "W7", "W8"};

/* The entries of a matrix line "name (r×c) = ... = [[a, b], [c, d]]",
 * row-major, into v; returns how many. */
static int matrix(const struct output *r, const char *name, double *v)
{
    char key[32];
    snprintf(key, sizeof key, "\n%s (", name);
    const char *s = strstr(r->text, key);
    ck_assert_msg(s != NULL, "no matrix %s", name);
    const char *end = strchr(s + 1, '\n');
    const char *p = strstr(s, "= [[");
    ck_assert(p && p < end);
    int n = 0;
    for (p += 4; p < end && n < 4; n++) {
        char *q;
        v[n] = strtod(p, &q);
        p = q;
        while (p < end && (*p == ',' || *p == ' ' || *p == ']' || *p == '['))
            p++;
    }
    return n;
}

/* The matrix view: dz, dW, dh per layer; W[l][i][j] is the weight from
 * input i to unit j, so dW[2] = [[∂W5, ∂W7], [∂W6, ∂W8]]. */
static void check_matrices(const struct output *r, const struct pass *p)
{
    double v[4];
    ck_assert_int_eq(matrix(r, "dz[2]", v), 2);
    ck_assert_near(v[0], p->d_o[0], 5.1e-9);
    ck_assert_near(v[1], p->d_o[1], 5.1e-9);
    ck_assert_int_eq(matrix(r, "dh", v), 2);
    ck_assert_near(v[0], p->dedh[0], 5.1e-9);
    ck_assert_near(v[1], p->dedh[1], 5.1e-9);
    ck_assert_int_eq(matrix(r, "dz[1]", v), 2);
    ck_assert_near(v[1], p->d_h[1], 5.1e-9);
    static const int order[4] = {0, 2, 1, 3}; /* row-major -> W number */
    ck_assert_int_eq(matrix(r, "dW[2]", v), 4);
    for (int i = 0; i < 4; i++)
        ck_assert_near(v[i], p->gw[4 + order[i]], 5.1e-9);
    ck_assert_int_eq(matrix(r, "dW[1]", v), 4);
    for (int i = 0; i < 4; i++)
        ck_assert_near(v[i], p->gw[order[i]], 5.1e-9);
}

/* Check the forward-pass and error lines of a section pair. */
static void check_forward(const struct output *r, const char *fwd,
                          const char *err, const struct pass *p)
{
    static const char *const zn[4] = {"z1", "z2", "z3", "z4"};
    for (int j = 0; j < 4; j++)
        CK8(r, fwd, zn[j], p->z[j]);
    CK8(r, fwd, "h1", p->h[0]);
    CK8(r, fwd, "h2", p->h[1]);
    CK8(r, fwd, "o1", p->o[0]);
    CK8(r, fwd, "o2", p->o[1]);
    CK8(r, err, "E_o1", p->eo[0]);
    CK8(r, err, "E_o2", p->eo[1]);
    CK8(r, err, "E_total", p->e);
}

/* Every line of the walkthrough against the reference. */
static void check_walk(const struct output *r, struct net n, long iters)
{
    ck_assert_msg(r->status == 0, "status %d: %s", r->status, r->err);
    struct pass p;
    compute(&n, &p);
    check_forward(r, "Forward pass", "Error", &p);
    check_matrices(r, &p);
    const char *s1 = "Backpropagation stage 1", *s2 = "Backpropagation stage 2";
    char name[64];
    for (int j = 0; j < 2; j++) {
        snprintf(name, sizeof name, "∂E/∂o%d", j + 1);
        CK8(r, s1, name, p.dedo[j]);
        snprintf(name, sizeof name, "∂o%d/∂z%d", j + 1, j + 3);
        CK8(r, s1, name, p.dodz[j]);
        snprintf(name, sizeof name, "∂E/∂h%d", j + 1);
        CK8(r, s2, name, p.dedh[j]);
        for (int m = 0; m < 2; m++) {
            snprintf(name, sizeof name, "∂E_o%d/∂h%d", m + 1, j + 1);
            CK8(r, s2, name, p.dedh_part[m][j]);
        }
        snprintf(name, sizeof name, "∂h%d/∂z%d", j + 1, j + 1);
        CK8(r, s2, name, p.dhdz[j]);
    }
    struct net after = n;
    step(&after, &p);
    for (int k = 0; k < 8; k++) {
        const char *sec = k < 4 ? s2 : s1;
        snprintf(name, sizeof name, "∂E/∂%s", wname[k]);
        CK8(r, sec, name, p.gw[k]);
        snprintf(name, sizeof name, "%s⁺", wname[k]);
        CK8(r, sec, name, after.w[k]);
    }
    int nb = n.bias == 1 ? 2 : n.bias == 2 ? 4 : 0;
    for (int k = 0; k < nb; k++) {
        /* shared: b1 hidden (stage 2), b2 output (stage 1); per unit:
         * b1, b2 hidden, b3, b4 output */
        int hidden = n.bias == 1 ? k == 0 : k < 2;
        snprintf(name, sizeof name, "∂E/∂b%d", k + 1);
        CK8(r, hidden ? s2 : s1, name, p.gb[k]);
        snprintf(name, sizeof name, "b%d⁺", k + 1);
        CK8(r, hidden ? s2 : s1, name, after.b[k]);
    }
    struct pass p2;
    compute(&after, &p2);
    check_forward(r, "Forward pass with", "Error after", &p2);
    /* Further iterations: E after each, final parameters. */
    double e_last = p2.e;
    for (long it = 2; it <= iters; it++) {
        compute(&after, &p2);
        step(&after, &p2);
        compute(&after, &p2);
        e_last = p2.e;
        snprintf(name, sizeof name, "E_total after %ld updates", it);
        if (iters <= 20)
            CK8(r, "Training", name, e_last);
    }
    if (iters > 1)
        for (int k = 0; k < 8; k++)
            CK8(r, "Training", wname[k], after.w[k]);
    char tail[128];
    snprintf(tail, sizeof tail, "E_total went from %.8f to %.8f after %ld", p.e,
             e_last, iters);
    ck_assert_msg(strstr(r->text, tail), "missing '%s'", tail);
}

START_TEST(test_seed_values)
{
    static struct output r;
    const char *argv[] = {NULL};
    run(&r, argv);
    struct net n = {{0.1, 0.2}, {0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6},
                    {0},        {0.4, 0.6},
                    0.5,        0,
                    0};
    check_walk(&r, n, 1);
    /* and the seed's own figures */
    CK8(&r, "Error", "E_total", 0.02397190);
    CK8(&r, "Backpropagation stage 1", "∂E/∂W5", 0.02592286);
    CK8(&r, "Error after", "E_total", 0.02323634);
}
END_TEST

START_TEST(test_other_inputs_per_unit_bias)
{
    static struct output r;
    const char *argv[] = {"--x",
                          "0.5,-0.3",
                          "--w",
                          "0.1,-0.2,0.35,0.4,-0.6,0.25,0.8,-0.45",
                          "--bias-per-unit",
                          "0.05,-0.1,0.2,0.15",
                          "--target",
                          "0.9,0.1",
                          "--lr=0.25",
                          "--iterations",
                          "4",
                          NULL};
    run(&r, argv);
    struct net n = {{0.5, -0.3},
                    {0.1, -0.2, 0.35, 0.4, -0.6, 0.25, 0.8, -0.45},
                    {0.05, -0.1, 0.2, 0.15},
                    {0.9, 0.1},
                    0.25,
                    2,
                    0};
    check_walk(&r, n, 4);
}
END_TEST

START_TEST(test_shared_bias_updated)
{
    static struct output r;
    const char *argv[] = {"--bias",       "0.35,0.6", "--lr", "2",
                          "--iterations", "3",        NULL};
    run(&r, argv);
    struct net n = {{0.1, 0.2},
                    {0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6},
                    {0.35, 0.6},
                    {0.4, 0.6},
                    2,
                    1,
                    0};
    check_walk(&r, n, 3);
}
END_TEST

/* Matt Mazur, "A Step by Step Backpropagation Example" (2015): inputs
 * 0.05, 0.10, weights 0.15 ... 0.55, biases 0.35 and 0.60 held fixed,
 * targets 0.01, 0.99, learning rate 0.5. Its published figures. */
START_TEST(test_published_example)
{
    static struct output r;
    const char *argv[] = {
        "--x",           "0.05,0.1",
        "--w",           "0.15,0.2,0.25,0.3,0.4,0.45,0.5,0.55",
        "--bias",        "0.35,0.6",
        "--freeze-bias", "--target",
        "0.01,0.99",     NULL};
    run(&r, argv);
    ck_assert_int_eq(r.status, 0);
    const char *s1 = "Backpropagation stage 1", *s2 = "Backpropagation stage 2";
    CK8(&r, "Forward pass", "h1", 0.593269992);
    CK8(&r, "Forward pass", "o1", 0.75136507);
    CK8(&r, "Forward pass", "o2", 0.772928465);
    CK8(&r, "Error", "E_total", 0.298371109);
    CK8(&r, s1, "W5⁺", 0.35891648);
    CK8(&r, s1, "W6⁺", 0.408666186);
    CK8(&r, s1, "W7⁺", 0.511301270);
    CK8(&r, s1, "W8⁺", 0.561370121);
    CK8(&r, s2, "∂E/∂h1", 0.036350306);
    CK8(&r, s2, "W1⁺", 0.149780716);
    CK8(&r, s2, "W2⁺", 0.19956143);
    CK8(&r, s2, "W3⁺", 0.24975114);
    CK8(&r, s2, "W4⁺", 0.29950229);
    CK8(&r, s2, "b1⁺", 0.35);
    CK8(&r, s1, "b2⁺", 0.6);
    struct net n = {{0.05, 0.1},
                    {0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55},
                    {0.35, 0.6},
                    {0.01, 0.99},
                    0.5,
                    1,
                    1};
    check_walk(&r, n, 1);
}
END_TEST

START_TEST(test_numeric_column)
{
    static struct output r;
    const char *argv[] = {"--numeric", "--bias-per-unit", "0.1,0.2,0.3,0.4",
                          NULL};
    run(&r, argv);
    ck_assert_int_eq(r.status, 0);
    struct net n = {{0.1, 0.2},
                    {0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6},
                    {0.1, 0.2, 0.3, 0.4},
                    {0.4, 0.6},
                    0.5,
                    2,
                    0};
    struct pass p;
    compute(&n, &p);
    const char *sec = "Numerical gradient";
    ck_assert_near(value(&r, sec, "∂E/∂W5"), p.gw[4], 5.1e-9);
    ck_assert_near(value(&r, sec, "∂E/∂W1"), p.gw[0], 5.1e-9);
    ck_assert_near(value(&r, sec, "∂E/∂b3"), p.gb[2], 5.1e-9);
    ck_assert_ptr_nonnull(strstr(r.text, "(backprop "));
}
END_TEST

START_TEST(test_ascii_csv_json)
{
    static struct output r;
    const char *a1[] = {"--format", "csv", NULL};
    run(&r, a1);
    ck_assert_int_eq(r.status, 0);
    ck_assert(
        strncmp(r.text, "section,name,formula,numbers,value,note\n", 40) == 0);
    const char *row = strstr(r.text, "stage1,\"∂E/∂W5\",");
    ck_assert_ptr_nonnull(row);
    /* the value column holds the full double: after name, formula and
     * numbers, each ending in '",' */
    const char *f = row;
    for (int i = 0; i < 3; i++)
        f = strstr(f, "\",") + 2;
    ck_assert_near(strtod(f, NULL), 0.02592286, 5.1e-9);
    const char *a2[] = {"--format=json", "--iterations", "2", NULL};
    run(&r, a2);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.text, "\"name\": \"∂E/∂W5\""));
    const char *e = strstr(r.text, "\"error\": [");
    ck_assert_ptr_nonnull(e);
    ck_assert_near(strtod(e + 10, NULL), 0.02397190, 5.1e-9);
    struct options o;
    memset(&o, 0, sizeof o);
    o.ascii = 1;
    o.topic = "backprop";
    char *none[] = {NULL};
    o.topic_argv = none;
    FILE *out = tmpfile();
    ck_assert_int_eq(cmd_backprop(&o, out, stderr), 0);
    rewind(out);
    size_t len = fread(r.text, 1, sizeof r.text - 1, out);
    r.text[len] = '\0';
    fclose(out);
    ck_assert_ptr_nonnull(strstr(r.text, "dE/dW5 = dE/do1 * do1/dz3 * "
                                         "dz3/dW5 = 0.20944600 * "
                                         "0.23802157 * 0.51998934 = "
                                         "0.02592286\n"));
    for (size_t i = 0; i < len; i++)
        ck_assert_msg((unsigned char)r.text[i] < 0x80, "non-ASCII byte at %zu",
                      i);
}
END_TEST

/* Bad values: exit status 2 and a message naming the option. */
START_TEST(test_usage_errors)
{
    static const struct {
        const char *argv[4];
        const char *msg;
    } cases[] = {
        {{"--lr", "abc"}, "--lr: 'abc'"},
        {{"--lr", "-1"}, "--lr"},
        {{"--w", "1,2,3"}, "--w"},
        {{"--x", "0.1,zz"}, "--x: 'zz'"},
        {{"--x", "1e9,0"}, "--x"},
        {{"--target", "0.4"}, "--target"},
        {{"--iterations", "0"}, "--iterations"},
        {{"--iterations", "2.5"}, "--iterations"},
        {{"--format", "xml"}, "--format: 'xml'"},
        {{"--frobnicate"}, "'--frobnicate'"},
        {{"--freeze-bias"}, "--freeze-bias"},
        {{"--bias", "1,2", "--bias-per-unit", "1,2,3,4"}, "--bias"},
        {{"--numeric=yes"}, "--numeric"},
        {{"extra"}, "'extra'"},
        {{"--lr"}, "--lr needs a value"},
    };
    static struct output r;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run(&r, cases[i].argv);
        ck_assert_msg(r.status == 2, "case %zu: status %d", i, r.status);
        ck_assert_msg(strstr(r.err, cases[i].msg), "case %zu: '%s' lacks '%s'",
                      i, r.err, cases[i].msg);
        ck_assert_msg(r.text[0] == '\0', "case %zu printed output", i);
    }
}
END_TEST

static Suite *backprop_suite(void)
{
    Suite *s = suite_create("batch-backprop");
    TCase *tc = tcase_create("backprop");
    tcase_add_test(tc, test_seed_values);
    tcase_add_test(tc, test_other_inputs_per_unit_bias);
    tcase_add_test(tc, test_shared_bias_updated);
    tcase_add_test(tc, test_published_example);
    tcase_add_test(tc, test_numeric_column);
    tcase_add_test(tc, test_ascii_csv_json);
    tcase_add_test(tc, test_usage_errors);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(backprop_suite)
