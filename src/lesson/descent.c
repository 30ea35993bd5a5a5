/*
 * The gradient-descent topic model (see descent.h): functions and surfaces
 * handed to the core's numerical gradient, and descent paths stepped by
 * the core's optimizers.
 */
#include "lesson/descent.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/numgrad.h"

/* Start points and rates are limited so that every path is finite for a
 * while and every number prints in a table column. */
#define POINT_LIMIT 1e6
#define LR_LIMIT 1000

/* ---- functions of one variable ---- */

static const char *const fn_names[DESCENT_FN_COUNT] = {"square", "cube", "exp",
                                                       "sin"};
static const char *const fn_formulas[DESCENT_FN_COUNT] = {"x^2", "x^3", "e^x",
                                                          "sin x"};
static const char *const fn_derivs[DESCENT_FN_COUNT] = {"2x", "3x^2", "e^x",
                                                        "cos x"};

const char *descent_fn_name(enum descent_fn fn)
{
    return (unsigned)fn < DESCENT_FN_COUNT ? fn_names[fn] : "?";
}

int descent_fn_parse(const char *name)
{
    for (int i = 0; i < DESCENT_FN_COUNT; i++)
        if (strcmp(name, fn_names[i]) == 0)
            return i;
    return -1;
}

const char *descent_fn_formula(enum descent_fn fn)
{
    return (unsigned)fn < DESCENT_FN_COUNT ? fn_formulas[fn] : "?";
}

const char *descent_fn_deriv_formula(enum descent_fn fn)
{
    return (unsigned)fn < DESCENT_FN_COUNT ? fn_derivs[fn] : "?";
}

double descent_fn_value(enum descent_fn fn, double x)
{
    switch (fn) {
    case DESCENT_FN_SQUARE:
        return x * x;
    case DESCENT_FN_CUBE:
        return x * x * x;
    case DESCENT_FN_EXP:
        return exp(x);
    case DESCENT_FN_SIN:
        return sin(x);
    }
    return NAN;
}

double descent_fn_deriv(enum descent_fn fn, double x)
{
    switch (fn) {
    case DESCENT_FN_SQUARE:
        return 2 * x;
    case DESCENT_FN_CUBE:
        return 3 * x * x;
    case DESCENT_FN_EXP:
        return exp(x);
    case DESCENT_FN_SIN:
        return cos(x);
    }
    return NAN;
}

/* The core's loss callback for a function of one variable: the
 * "parameter" is a 1 x 1 matrix holding x. */
struct fn_ctx {
    enum descent_fn fn;
    const struct nn_mat *x;
};

static int fn_loss(void *ctx, double *value)
{
    const struct fn_ctx *c = ctx;
    *value = descent_fn_value(c->fn, nn_mat_get(c->x, 0, 0));
    return NN_OK;
}

int descent_derivative(struct descent_deriv *d, enum descent_fn fn, double x,
                       double h)
{
    if ((unsigned)fn >= DESCENT_FN_COUNT || !isfinite(x))
        return NN_EINVAL;
    double xv = x, cv = 0, fv = 0;
    struct nn_mat px = nn_mat_wrap(NN_F64, 1, 1, &xv);
    struct nn_mat central = nn_mat_wrap(NN_F64, 1, 1, &cv);
    struct nn_mat forward = nn_mat_wrap(NN_F64, 1, 1, &fv);
    struct fn_ctx ctx = {fn, &px};
    int err = nn_numgrad(&central, &px, fn_loss, &ctx, h);
    if (!err)
        err = nn_numgrad_forward(&forward, &px, fn_loss, &ctx, h);
    if (err)
        return err;
    *d = (struct descent_deriv){
        .h = h,
        .f_minus = descent_fn_value(fn, x - h),
        .f_x = descent_fn_value(fn, x),
        .f_plus = descent_fn_value(fn, x + h),
        .forward = fv,
        .central = cv,
        .exact = descent_fn_deriv(fn, x),
    };
    d->err_forward = fabs(d->forward - d->exact);
    d->err_central = fabs(d->central - d->exact);
    return NN_OK;
}

double descent_step_h(int k)
{
    /* 1e-1 .. 1e-12 as written constants (pow(10, -k) may be off by an
     * ulp), then 1e-50: far below the spacing of doubles near 1. */
    static const double h[DESCENT_N_STEPS] = {
        1e-1, 1e-2, 1e-3,  1e-4,  1e-5,  1e-6,  1e-7,
        1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-50,
    };
    return k >= 0 && k < DESCENT_N_STEPS ? h[k] : NAN;
}

/* ---- surfaces ---- */

/* What the lesson knows of each surface; f and its gradient are below. */
struct surface_info {
    const char *name, *formula, *grad_formula, *var[2];
    double start[2]; /* the seeds' start, or one that tells the story */
    double box[4];   /* x0 from, to; x1 from, to */
    double min[2];   /* the lowest point */
    long race_steps;
    double race_lr[NN_OPT_COUNT]; /* each optimizer's rate in a race */
};

/*
 * The valleys: (x² - 4)²/16 has two equal valleys at x = ±2; the tilt x/2
 * makes the left one deeper. Their floors are where the slope
 * x(x² - 4)/4 + 1/2 is 0, that is x³ - 4x + 2 = 0: x = -2.21432 (the
 * minimum, f = -1.05617) and x = 1.67513 (a local minimum, f = 0.92666),
 * with the ridge between them at x = 0.53919. From (3, 1.5) plain SGD,
 * Adagrad, RMSprop and Adam (at these rates) settle in the near, shallow
 * valley; momentum gathers speed on the way down and rolls over the
 * ridge into the deeper one.
 */
/* Race rates that suit the two bowls. */
#define BOWL_RACE_LR                                                           \
    {                                                                          \
        [NN_OPT_SGD] = 0.95, [NN_OPT_MOMENTUM] = 0.1, [NN_OPT_ADAGRAD] = 1.5,  \
        [NN_OPT_RMSPROP] = 0.3, [NN_OPT_ADAM] = 0.3                            \
    }

static const struct surface_info surfaces[DESCENT_SURFACE_COUNT] = {
    [DESCENT_BOWL] =
        {
            .name = "bowl",
            .formula = "f(x0, x1) = x0^2 + x1^2",
            .grad_formula = "(2*x0, 2*x1)",
            .var = {"x0", "x1"},
            .start = {-3, 4},
            .box = {-4.5, 4.5, -4.5, 4.5},
            .min = {0, 0},
            .race_steps = 30,
            .race_lr = BOWL_RACE_LR,
        },
    [DESCENT_ELONGATED] =
        {
            .name = "elongated",
            .formula = "f(x, y) = x^2/20 + y^2",
            .grad_formula = "(x/10, 2*y)",
            .var = {"x", "y"},
            .start = {-7, 2},
            /* its paths stay within |y| <= 2, so the picture spends its
             * rows there */
            .box = {-8, 8, -3, 3},
            .min = {0, 0},
            .race_steps = 30,
            .race_lr = BOWL_RACE_LR,
        },
    [DESCENT_VALLEYS] =
        {
            .name = "valleys",
            .formula = "f(x, y) = (x^2 - 4)^2/16 + x/2 + y^2",
            .grad_formula = "(x*(x^2 - 4)/4 + 1/2, 2*y)",
            .var = {"x", "y"},
            .start = {3, 1.5},
            .box = {-3.4, 3.4, -2, 2},
            .min = {-2.2143197433775352, 0},
            .race_steps = 150,
            .race_lr = {[NN_OPT_SGD] = 0.1,
                        [NN_OPT_MOMENTUM] = 0.03,
                        [NN_OPT_ADAGRAD] = 0.5,
                        [NN_OPT_RMSPROP] = 0.02,
                        [NN_OPT_ADAM] = 0.3},
        },
};

static const struct surface_info *info(enum descent_surface s)
{
    return &surfaces[(unsigned)s < DESCENT_SURFACE_COUNT ? s : DESCENT_BOWL];
}

const char *descent_surface_name(enum descent_surface s)
{
    return info(s)->name;
}

int descent_surface_parse(const char *name)
{
    for (int k = 0; k < DESCENT_SURFACE_COUNT; k++)
        if (strcmp(name, surfaces[k].name) == 0)
            return k;
    return -1;
}

const char *descent_surface_formula(enum descent_surface s)
{
    return info(s)->formula;
}

const char *descent_surface_grad_formula(enum descent_surface s)
{
    return info(s)->grad_formula;
}

const char *descent_surface_var(enum descent_surface s, int i)
{
    return info(s)->var[i != 0];
}

double descent_surface_f(enum descent_surface s, double x0, double x1)
{
    switch (s) {
    case DESCENT_ELONGATED:
        return x0 * x0 / 20 + x1 * x1;
    case DESCENT_VALLEYS: {
        double u = x0 * x0 - 4;
        return u * u / 16 + x0 / 2 + x1 * x1;
    }
    default:
        return x0 * x0 + x1 * x1;
    }
}

void descent_surface_grad(enum descent_surface s, const double p[2],
                          double g[2])
{
    switch (s) {
    case DESCENT_ELONGATED:
        g[0] = p[0] / 10;
        break;
    case DESCENT_VALLEYS:
        g[0] = p[0] * (p[0] * p[0] - 4) / 4 + 0.5;
        break;
    default:
        g[0] = 2 * p[0];
        break;
    }
    g[1] = 2 * p[1];
}

void descent_surface_start(enum descent_surface s, double start[2])
{
    memcpy(start, info(s)->start, sizeof info(s)->start);
}

void descent_surface_box(enum descent_surface s, double box[4])
{
    memcpy(box, info(s)->box, sizeof info(s)->box);
}

void descent_surface_min(enum descent_surface s, double p[2])
{
    memcpy(p, info(s)->min, sizeof info(s)->min);
}

/* The core's loss callback for a surface: the parameters are the 1 x 2
 * matrix (x0, x1). */
struct surface_ctx {
    enum descent_surface s;
    const struct nn_mat *p;
};

static int surface_loss(void *ctx, double *value)
{
    const struct surface_ctx *c = ctx;
    *value =
        descent_surface_f(c->s, nn_mat_get(c->p, 0, 0), nn_mat_get(c->p, 0, 1));
    return NN_OK;
}

int descent_gradient(enum descent_surface s, const double p[2], double h,
                     double g[2])
{
    double pv[2] = {p[0], p[1]};
    struct nn_mat pm = nn_mat_wrap(NN_F64, 1, 2, pv);
    struct nn_mat gm = nn_mat_wrap(NN_F64, 1, 2, g);
    struct surface_ctx ctx = {s, &pm};
    return nn_numgrad(&gm, &pm, surface_loss, &ctx, h);
}

/* ---- descent paths ---- */

static void record(struct descent_run *r)
{
    long k = r->steps;
    r->x[k] = nn_mat_get(&r->p, 0, 0);
    r->y[k] = nn_mat_get(&r->p, 0, 1);
    r->f[k] = descent_surface_f(r->surface, r->x[k], r->y[k]);
}

int descent_run_init(struct descent_run *r, enum descent_surface s,
                     const double start[2], const struct nn_optim_config *cfg,
                     long max_steps)
{
    memset(r, 0, sizeof *r);
    if ((unsigned)s >= DESCENT_SURFACE_COUNT || max_steps < 1 ||
        max_steps > DESCENT_MAX_STEPS || !(fabs(start[0]) <= POINT_LIMIT) ||
        !(fabs(start[1]) <= POINT_LIMIT))
        return NN_EINVAL;
    r->surface = s;
    r->max_steps = max_steps;
    int err = nn_optim_init(&r->optim, cfg, NN_F64, 2);
    if (err)
        goto fail;
    if ((err = nn_mat_init(&r->p, NN_F64, 1, 2)) ||
        (err = nn_mat_init(&r->g, NN_F64, 1, 2)))
        goto fail;
    size_t n = (size_t)max_steps + 1;
    r->x = malloc(n * sizeof *r->x);
    r->y = malloc(n * sizeof *r->y);
    r->f = malloc(n * sizeof *r->f);
    if (!r->x || !r->y || !r->f) {
        err = NN_ENOMEM;
        goto fail;
    }
    nn_mat_set(&r->p, 0, 0, start[0]);
    nn_mat_set(&r->p, 0, 1, start[1]);
    record(r);
    return NN_OK;
fail:
    descent_run_fini(r);
    return err;
}

int descent_run_step(struct descent_run *r)
{
    if (r->steps >= r->max_steps)
        return 0;
    struct surface_ctx ctx = {r->surface, &r->p};
    int err = nn_numgrad(&r->g, &r->p, surface_loss, &ctx, NN_NUMGRAD_STEP);
    if (!err)
        err = nn_optim_step(&r->optim, &r->p, &r->g);
    if (err)
        return err;
    r->steps++;
    record(r);
    return 1;
}

int descent_run_all(struct descent_run *r)
{
    int rc;
    while ((rc = descent_run_step(r)) == 1)
        ;
    return rc;
}

void descent_run_fini(struct descent_run *r)
{
    nn_optim_fini(&r->optim);
    nn_mat_fini(&r->p);
    nn_mat_fini(&r->g);
    free(r->x);
    free(r->y);
    free(r->f);
    memset(r, 0, sizeof *r);
}

struct nn_optim_config descent_race_config(enum descent_surface s,
                                           enum nn_optim_kind kind)
{
    struct nn_optim_config c = nn_optim_defaults(kind);
    if ((unsigned)kind < NN_OPT_COUNT)
        c.lr = info(s)->race_lr[kind];
    return c;
}

void descent_config_defaults(struct descent_config *c, int has_surface,
                             int has_start, int has_steps)
{
    int race = c->mode == DESCENT_RACE;
    if (!has_surface)
        c->surface = race ? DESCENT_ELONGATED : DESCENT_BOWL;
    if (!has_start)
        descent_surface_start(c->surface, c->start);
    if (!has_steps)
        c->steps = race ? info(c->surface)->race_steps : 100;
    if (c->n_lr == 0 && !race) {
        if (c->opt == NN_OPT_SGD) {
            c->lr[0] = DESCENT_LR_SMALL;
            c->lr[1] = DESCENT_LR_GOOD;
            c->lr[2] = DESCENT_LR_LARGE;
            c->n_lr = 3;
        } else {
            c->lr[0] = descent_race_config(c->surface, c->opt).lr;
            c->n_lr = 1;
        }
    }
}

int descent_paths_start(struct descent_paths *p, const struct descent_config *c)
{
    memset(p, 0, sizeof *p);
    int race = c->mode == DESCENT_RACE;
    int n = race ? NN_OPT_COUNT : c->n_lr;
    if (n < 1 || n > DESCENT_MAX_RUNS || (race && c->n_lr > 1))
        return NN_EINVAL;
    p->cfg = *c;
    for (int i = 0; i < n; i++) {
        struct nn_optim_config oc;
        if (race) {
            oc = descent_race_config(c->surface, (enum nn_optim_kind)i);
            if (c->n_lr == 1)
                oc.lr = c->lr[0];
        } else {
            oc = nn_optim_defaults(c->opt);
            oc.lr = c->lr[i];
        }
        int err =
            descent_run_init(&p->runs[i], c->surface, c->start, &oc, c->steps);
        if (err) {
            descent_paths_fini(p);
            return err;
        }
        p->n_runs = i + 1;
    }
    return NN_OK;
}

int descent_paths_step(struct descent_paths *p)
{
    int moved = 0;
    for (int i = 0; i < p->n_runs; i++) {
        int rc = descent_run_step(&p->runs[i]);
        if (rc < 0)
            return rc;
        moved += rc;
    }
    return moved;
}

int descent_paths_run(struct descent_paths *p, const struct descent_config *c)
{
    int err = descent_paths_start(p, c);
    for (int i = 0; !err && i < p->n_runs; i++)
        err = descent_run_all(&p->runs[i]);
    if (err)
        descent_paths_fini(p);
    return err;
}

void descent_paths_fini(struct descent_paths *p)
{
    for (int i = 0; i < p->n_runs; i++)
        descent_run_fini(&p->runs[i]);
    memset(p, 0, sizeof *p);
}

/* One number of a list: the text up to the next comma. */
static int parse_item(const char **s, double *v)
{
    char *end;
    errno = 0;
    *v = strtod(*s, &end);
    if (end == *s || (*end != ',' && *end != '\0') || errno == ERANGE ||
        !isfinite(*v))
        return -1;
    *s = *end == ',' ? end + 1 : end;
    return *end == ',';
}

int descent_parse_point(const char *s, double p[2], const char **why)
{
    double v[2];
    int more = parse_item(&s, &v[0]);
    if (more != 1 || parse_item(&s, &v[1]) != 0) {
        *why = "must be two numbers X,Y, e.g. -3,4";
        return -1;
    }
    if (fabs(v[0]) > POINT_LIMIT || fabs(v[1]) > POINT_LIMIT) {
        *why = "is out of range: each coordinate in [-1e6, 1e6]";
        return -1;
    }
    p[0] = v[0];
    p[1] = v[1];
    return 0;
}

int descent_parse_rates(const char *s, double *lr, int max, int *n,
                        const char **why)
{
    double v[DESCENT_MAX_RUNS];
    int k = 0, more = 1;
    while (more == 1) {
        if (k == max || k == DESCENT_MAX_RUNS) {
            *why = max == 1 ? "must be one learning rate"
                            : "lists too many learning rates (at most 6)";
            return -1;
        }
        more = parse_item(&s, &v[k]);
        if (more < 0) {
            *why = "must be numbers separated by commas, e.g. 0.01,0.1";
            return -1;
        }
        if (!(v[k] > 0) || v[k] > LR_LIMIT) {
            *why = "is out of range: each rate in (0, 1000]";
            return -1;
        }
        k++;
    }
    memcpy(lr, v, (size_t)k * sizeof v[0]);
    *n = k;
    return 0;
}
