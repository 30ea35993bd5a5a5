/*
 * `nnlab --batch descent`: lesson 5 as plain text, or the descent paths
 * as CSV. The numerical derivative (central and forward difference, and
 * their error against h), the numerical gradient at the seed's points and
 * against backprop on lesson 3's network (lesson/gradcheck.h), then the
 * descent paths: one optimizer at several learning rates, or all five
 * racing, with a table per path, how each run ended and an ASCII picture
 * of the paths over the contours of f. Every number comes from the topic
 * models, which use the core's numerical gradient, MLP and optimizers
 * (lesson/descent.h). Words follow --lang (en, ko) or the environment.
 *
 *   descent [--f bowl|elongated|valleys] [--start X,Y] [--lr A[,B...]]
 *           [--steps N] [--opt sgd|momentum|adagrad|rmsprop|adam|all]
 *           [--format text|csv]
 */
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

#include "cli/args.h"
#include "core/error.h"
#include "core/numgrad.h"
#include "lesson/catalog.h"
#include "lesson/descent_draw.h"

/* A line in the chosen language into the array buf. */
#define SAY(buf, ko, en, kr, ...)                                              \
    ((ko) ? snprintf((buf), sizeof(buf), kr, __VA_ARGS__)                      \
          : snprintf((buf), sizeof(buf), en, __VA_ARGS__))

#define GRID_H 400
#define PICTURE_H 24
/* Parameters whose two gradients are shown side by side. */
#define GRADCHECK_SHOW 6

struct descent_opts {
    struct descent_config c;
    int has_surface, has_start, has_steps;
    int csv;
};

static int parse_value(struct args *a, struct descent_opts *d, const char *v)
{
    const char *why;
    struct descent_config *c = &d->c;
    if (args_is(a, "--f")) {
        int s = descent_surface_parse(v);
        if (s < 0) {
            fprintf(a->err, "nnlab: --f: '%s' is not " DESCENT_SURFACE_NAMES "\n",
                    v);
            return -1;
        }
        c->surface = (enum descent_surface)s;
        d->has_surface = 1;
    } else if (args_is(a, "--start")) {
        if (args_number_list(a, v) != 0)
            return -1;
        if (descent_parse_point(v, c->start, &why) != 0) {
            fprintf(a->err, "nnlab: --start: '%s' %s\n", v, why);
            return -1;
        }
        d->has_start = 1;
    } else if (args_is(a, "--lr")) {
        if (args_number_list(a, v) != 0)
            return -1;
        if (descent_parse_rates(v, c->lr, DESCENT_MAX_RUNS, &c->n_lr, &why) !=
            0) {
            fprintf(a->err, "nnlab: --lr: '%s' %s\n", v, why);
            return -1;
        }
    } else if (args_is(a, "--steps")) {
        if (args_long(a, v, 1, DESCENT_MAX_STEPS, &c->steps) != 0)
            return -1;
        d->has_steps = 1;
    } else if (args_is(a, "--opt")) {
        int k = strcmp(v, "all") == 0 ? NN_OPT_COUNT : nn_optim_parse(v);
        if (k < 0) {
            fprintf(a->err,
                    "nnlab: --opt: '%s' is not sgd, momentum, "
                    "adagrad, rmsprop, adam or all\n",
                    v);
            return -1;
        }
        c->mode = k == NN_OPT_COUNT ? DESCENT_RACE : DESCENT_RATES;
        c->opt = k == NN_OPT_COUNT ? NN_OPT_SGD : (enum nn_optim_kind)k;
    } else {
        if (strcmp(v, "text") != 0 && strcmp(v, "csv") != 0) {
            fprintf(a->err, "nnlab: --format: '%s' is not text or csv\n", v);
            return -1;
        }
        d->csv = v[0] == 'c';
    }
    return 0;
}

static int parse(const struct options *o, FILE *err, struct descent_opts *d)
{
    static const char *const names[] = {"--f",     "--start", "--lr",
                                        "--steps", "--opt",   "--format"};
    struct args a;
    int kind;
    args_init(&a, o->topic_argc, o->topic_argv, err);
    while ((kind = args_next(&a)) != 0) {
        if (kind == 2) {
            fprintf(err,
                    "nnlab: descent: unexpected argument '%s' (try "
                    "--help)\n",
                    a.name);
            return -1;
        }
        int known = 0;
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            known |= args_is(&a, names[i]);
        if (!known)
            return args_unknown(&a, "descent");
        const char *v = args_value(&a);
        if (!v || parse_value(&a, d, v) != 0)
            return -1;
    }
    if (d->c.mode == DESCENT_RACE && d->c.n_lr > 1) {
        fprintf(err, "nnlab: --lr: with --opt all give one rate for every "
                     "optimizer, or none for each one's own\n");
        return -1;
    }
    descent_config_defaults(&d->c, d->has_surface, d->has_start, d->has_steps);
    return 0;
}

static void print_csv(FILE *out, const struct descent_paths *p)
{
    enum descent_surface s = p->cfg.surface;
    fprintf(out, "run,optimizer,lr,step,%s,%s,f\n", descent_surface_var(s, 0),
            descent_surface_var(s, 1));
    for (int i = 0; i < p->n_runs; i++) {
        const struct descent_run *r = &p->runs[i];
        for (long k = 0; k <= r->steps; k++)
            fprintf(out, "%d,%s,%.15g,%ld,%.17g,%.17g,%.17g\n", i + 1,
                    nn_optim_name(r->optim.cfg.kind), r->optim.cfg.lr, k,
                    r->x[k], r->y[k], r->f[k]);
    }
}

static int title(struct rgrid *g, int row, const char *text)
{
    rgrid_print(g, 0, row, text, RS_TITLE);
    return 2;
}

/* The derivative and gradient sections. Returns the next row or a
 * negative enum nn_err. */
static int draw_numbers(struct rgrid *g, int row, enum descent_surface s,
                        const double start[2], const char *lang)
{
    int got, ko = strcmp(lang, "ko") == 0;
    row += title(g, row,
                 ko ? "== 수치 미분 ==" : "== The numerical derivative ==");
    if ((got = descent_draw_derivative(g, 0, row, DESCENT_FN_SQUARE, 3,
                                       NN_NUMGRAD_STEP, lang)) < 0)
        return got;
    row += got + 1;
    row +=
        title(g, row, ko ? "== h에 따른 오차 ==" : "== Its error against h ==");
    if ((got = descent_draw_errors(g, 0, row, DESCENT_FN_EXP, 1, lang)) < 0)
        return got;
    row += got;
    rgrid_print(g, 0, row++,
                ko ? "오차: 전방 차분은 약 f''(x)*h/2, 중앙 차분은 약 "
                     "f'''(x)*h^2/6."
                   : "Errors: forward about f''(x)*h/2, central about "
                     "f'''(x)*h^2/6.",
                RS_NORMAL);
    rgrid_print(g, 0, row++,
                ko ? "h < 1e-8이면 f(x + h)의 반올림 오차가 커지고, "
                     "h = 1e-50이면 x + h == x입니다."
                   : "Below h = 1e-8 rounding in f(x + h) takes over, and "
                     "at h = 1e-50, x + h == x.",
                RS_NORMAL);
    row++;
    char line[160];
    SAY(line, ko, "== The gradient of %s ==", "== %s의 기울기 ==",
        descent_surface_formula(s));
    row += title(g, row, line);
    const double pts[4][2] = {{3, 4}, {0, 2}, {3, 0}, {start[0], start[1]}};
    if ((got = descent_draw_gradient(g, 0, row, s, pts, 4, lang)) < 0)
        return got;
    row += got + 1;
    row += title(g, row,
                 ko ? "== 수치 기울기와 역전파 비교 =="
                    : "== Numerical gradient against "
                      "backpropagation ==");
    struct forward_config fc;
    forward_config_default(&fc);
    struct gradcheck gc;
    if ((got = gradcheck_run(&gc, &fc)) < 0)
        return got;
    row += descent_draw_gradcheck(g, 0, row, &gc, GRADCHECK_SHOW, lang) + 1;
    gradcheck_fini(&gc);
    return row;
}

static int draw_paths(struct rgrid *g, int row, const struct descent_paths *p,
                      const char *lang)
{
    const struct descent_config *c = &p->cfg;
    int ko = strcmp(lang, "ko") == 0;
    char line[192], a[32], b[32];
    snprintf(a, sizeof a, "%g", c->start[0]);
    snprintf(b, sizeof b, "%g", c->start[1]);
    SAY(line, ko, "== Descent on %s from (%s, %s), %ld steps ==",
        "== %s 위의 경사 하강법: (%s, %s)에서 %ld단계 ==",
        descent_surface_formula(c->surface), a, b, c->steps);
    row += title(g, row, line);
    rgrid_print(g, 0, row++,
                ko ? "한 단계: 그 점의 수치 기울기를 구하고, 옵티마이저가 "
                     "점을 옮깁니다"
                   : "each step: the numerical gradient at the point, then "
                     "the optimizer's update",
                RS_NORMAL);
    row++;
    for (int i = 0; i < p->n_runs; i++) {
        char lab[64];
        descent_run_label(lab, sizeof lab, p, i);
        snprintf(line, sizeof line, "-- %s --", lab);
        rgrid_print(g, 0, row++, line, RS_BOLD);
        row += descent_draw_path(g, 0, row, p, i, lang) + 1;
    }
    row += title(g, row, ko ? "== 어디서 끝났나 ==" : "== Where they ended ==");
    row += descent_draw_summary(g, 0, row, p, lang) + 1;
    SAY(line, ko, "== The paths over the contours of %s ==",
        "== %s의 등고선 위의 경로 ==", descent_surface_formula(c->surface));
    row += title(g, row, line);
    if (descent_draw_picture(g, 0, row, DESCENT_DRAW_WIDTH, PICTURE_H, p,
                             rglyphs_get(RGLYPH_ASCII), lang) < 0)
        return NN_ENOMEM;
    return row + PICTURE_H;
}

int cmd_descent(const struct options *o, FILE *out, FILE *err)
{
    struct descent_opts d = {.c = {.mode = DESCENT_RATES, .opt = NN_OPT_SGD}};
    if (parse(o, err, &d) != 0)
        return 2;
    struct descent_paths p;
    int rc = descent_paths_run(&p, &d.c);
    if (rc) {
        fprintf(err, "nnlab: descent: %s\n", nn_strerror(rc));
        return 1;
    }
    if (d.csv) {
        print_csv(out, &p);
        descent_paths_fini(&p);
        return 0;
    }
    struct rgrid g;
    if (rgrid_init(&g, DESCENT_DRAW_WIDTH + 2, GRID_H) != 0) {
        descent_paths_fini(&p);
        fprintf(err, "nnlab: descent: out of memory\n");
        return 1;
    }
    const char *lang = catalog_lang(o->lang);
    int ko = strcmp(lang, "ko") == 0;
    rgrid_print(&g, 0, 0,
                ko ? "경사 하강법: 기울기는 중앙 차분으로, 이동은 "
                     "옵티마이저로"
                   : "Gradient descent: gradients by the central "
                     "difference, steps by the optimizers",
                RS_TITLE);
    rgrid_print(&g, 0, 1,
                ko ? "(수치 기울기 h = 1e-4; 모든 수는 코어가 계산합니다)"
                   : "(numerical gradient h = 1e-4; every number from "
                     "the core)",
                RS_NORMAL);
    rc = draw_numbers(&g, 3, d.c.surface, d.c.start, lang);
    if (rc >= 0)
        rc = draw_paths(&g, rc, &p, lang);
    if (rc >= 0)
        rgrid_write(&g, out);
    else
        fprintf(err, "nnlab: descent: %s\n", nn_strerror(rc));
    rgrid_fini(&g);
    descent_paths_fini(&p);
    return rc >= 0 ? 0 : 1;
}
