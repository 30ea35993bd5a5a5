/*
 * Lesson 5, the topic model: derivatives by numbers and gradient descent.
 *
 * Three pieces, all computed by the numeric core:
 *
 *  - The numerical derivative of a function of one variable, by the
 *    central difference (f(x + h) - f(x - h)) / 2h (nn_numgrad) and the
 *    forward difference (f(x + h) - f(x)) / h (nn_numgrad_forward), with
 *    their errors against the exact derivative for h from 1e-1 down to
 *    1e-12 and 1e-50. The forward difference is off by about f''(x)·h/2,
 *    the central one by about f'''(x)·h²/6, so at h = 1e-4 the central
 *    difference is some four digits better; below h of about 1e-8 the
 *    rounding of f(x ± h) takes over both, and at h = 1e-50 the nudge is
 *    lost entirely (x + h == x) and both give 0.
 *
 *  - The gradient of a surface f(x0, x1) by the core's nn_numgrad on a
 *    1 x 2 parameter matrix (x0, x1), h = 1e-4.
 *
 *  - Descent paths: from a start point, each step takes that numerical
 *    gradient and hands it to one of the core's optimizers (src/core/
 *    optim.h: sgd, momentum, adagrad, rmsprop, adam), which moves the
 *    1 x 2 matrix, one step at a time. For the bowl and plain gradient
 *    descent every step multiplies the point by (1 - 2·lr), so
 *    x_k = (1 - 2·lr)^k · x_0: lr < 0.5 creeps in without crossing,
 *    0.5 < lr < 1 overshoots back and forth while shrinking, lr > 1 grows.
 *
 * Surfaces (the first two are the seeds' examples):
 *   bowl       f(x0, x1) = x0² + x1²        gradient (2·x0, 2·x1)
 *   elongated  f(x, y) = x²/20 + y²          gradient (x/10, 2·y)
 *   valleys    f(x, y) = (x² - 4)²/16 + x/2 + y²
 *                              gradient (x(x² - 4)/4 + 1/2, 2·y)
 * The elongated bowl is 20 times steeper across y than along x: plain
 * descent zig-zags across it, which is what momentum and the adaptive
 * optimizers are for. The valleys have a local minimum (x = 1.67513)
 * beside the deeper true one (x = -2.21432): a descent that only follows
 * the slope stops in whichever valley it reaches first, and momentum can
 * carry a path over the ridge between them.
 */
#ifndef LESSON_DESCENT_H
#define LESSON_DESCENT_H

#include <stddef.h>

#include "core/mat.h"
#include "core/optim.h"

/* ---- functions of one variable: the numerical derivative ---- */

enum descent_fn {
    DESCENT_FN_SQUARE, /* x²,  f' = 2x */
    DESCENT_FN_CUBE,   /* x³,  f' = 3x² */
    DESCENT_FN_EXP,    /* e^x, f' = e^x */
    DESCENT_FN_SIN,    /* sin x, f' = cos x */
};
#define DESCENT_FN_COUNT 4

/* "square", "cube", "exp", "sin"; parse returns the kind or -1. */
const char *descent_fn_name(enum descent_fn fn);
int descent_fn_parse(const char *name);
/* "x^2", "x^3", "e^x", "sin x" and the derivative "2x", "3x^2", "e^x",
 * "cos x" (ASCII, for formulas). */
const char *descent_fn_formula(enum descent_fn fn);
const char *descent_fn_deriv_formula(enum descent_fn fn);
double descent_fn_value(enum descent_fn fn, double x);
/* The exact derivative, from the formula above. */
double descent_fn_deriv(enum descent_fn fn, double x);

/* One row of the comparison: both differences at one h. */
struct descent_deriv {
    double h;
    double f_minus, f_x, f_plus;     /* f(x - h), f(x), f(x + h) */
    double forward, central;         /* the two estimates, from the core */
    double exact;                    /* descent_fn_deriv */
    double err_forward, err_central; /* |estimate - exact| */
};

/* Both differences of fn at x with step h (> 0). Returns 0 or a negative
 * enum nn_err from the core. */
int descent_derivative(struct descent_deriv *d, enum descent_fn fn, double x,
                       double h);

/* The steps of the error table: 1e-1, 1e-2, ... 1e-12, then 1e-50. */
#define DESCENT_N_STEPS 13
double descent_step_h(int k);

/* ---- surfaces f(x0, x1) ---- */

enum descent_surface {
    DESCENT_BOWL,
    DESCENT_ELONGATED,
    DESCENT_VALLEYS,
};
#define DESCENT_SURFACE_COUNT 3
/* For messages: "'X' is not " DESCENT_SURFACE_NAMES. */
#define DESCENT_SURFACE_NAMES "bowl, elongated or valleys"

/* "bowl", "elongated", "valleys"; parse returns the surface or -1. */
const char *descent_surface_name(enum descent_surface s);
int descent_surface_parse(const char *name);
/* The formula, "f(x0, x1) = x0^2 + x1^2", and the exact gradient,
 * "(2*x0, 2*x1)" (ASCII). */
const char *descent_surface_formula(enum descent_surface s);
const char *descent_surface_grad_formula(enum descent_surface s);
/* Names of the two coordinates: "x0", "x1" or "x", "y". */
const char *descent_surface_var(enum descent_surface s, int i);
double descent_surface_f(enum descent_surface s, double x0, double x1);
/* The exact gradient, from the formula above (for comparison). */
void descent_surface_grad(enum descent_surface s, const double p[2],
                          double g[2]);
/* The seeds' start point: (-3, 4) for the bowl, (-7, 2) for the
 * elongated bowl, (3, 1.5) beside the valleys' local minimum; and the box
 * the picture shows: x0, x1 in [-4.5, 4.5] for the bowl, x in [-8, 8] and
 * y in [-3, 3] for the elongated bowl, x in [-3.4, 3.4] and y in [-2, 2]
 * for the valleys. */
void descent_surface_start(enum descent_surface s, double start[2]);
void descent_surface_box(enum descent_surface s, double box[4]);
/* The lowest point: (0, 0), or (-2.21432, 0) for the valleys. */
void descent_surface_min(enum descent_surface s, double p[2]);

/* The numerical gradient of s at p: the core's nn_numgrad on the 1 x 2
 * matrix (p[0], p[1]) with step h. Returns 0 or a negative enum nn_err. */
int descent_gradient(enum descent_surface s, const double p[2], double h,
                     double g[2]);

/* ---- descent paths ---- */

#define DESCENT_MAX_STEPS 10000
#define DESCENT_MAX_RUNS 6

/* One optimizer walking the surface from a start point. */
struct descent_run {
    enum descent_surface surface;
    struct nn_optim optim; /* the core's optimizer and its state */
    struct nn_mat p;       /* (1, 2) the point, f64 */
    struct nn_mat g;       /* (1, 2) its numerical gradient */
    long max_steps;
    long steps; /* steps taken so far */
    /* The path: max_steps + 1 entries, [k] after k steps (owned). */
    double *x, *y, *f;
};

/* Start a run at start with the optimizer cfg (its kind and
 * hyperparameters), at most max_steps (1..DESCENT_MAX_STEPS) steps.
 * Returns 0 or a negative enum nn_err (NN_EINVAL for values out of range);
 * on error r is empty and descent_run_fini is safe. */
int descent_run_init(struct descent_run *r, enum descent_surface s,
                     const double start[2], const struct nn_optim_config *cfg,
                     long max_steps);
/* One step: the numerical gradient at the current point, then the
 * optimizer's update. Returns 1 when a step was taken, 0 when the run is
 * over (max_steps taken), or a negative enum nn_err. Every path stays
 * finite: far out, where f(x + h) and f(x - h) round to the same number,
 * the numerical gradient is 0 and the point stops moving (the lesson
 * shows this for lr = 10), long before anything could overflow. */
int descent_run_step(struct descent_run *r);
/* Step until the run is over. Returns 0 or a negative enum nn_err. */
int descent_run_all(struct descent_run *r);
void descent_run_fini(struct descent_run *r);

/* The learning rates of an optimizer race on a surface: on the bowls sgd
 * 0.95, momentum 0.1, adagrad 1.5, rmsprop 0.3, adam 0.3, each large
 * enough to get somewhere in 30 steps; on the valleys sgd 0.1, momentum
 * 0.03, adagrad 0.5, rmsprop 0.02, adam 0.3, where only momentum leaves
 * the near valley (Adam climbs the ridge and slides back). The other
 * hyperparameters are the core's defaults (nn_optim_defaults). */
struct nn_optim_config descent_race_config(enum descent_surface s,
                                           enum nn_optim_kind kind);

/* ---- what a lesson step or the batch command asks for ---- */

enum descent_mode {
    DESCENT_RATES, /* one optimizer at several learning rates */
    DESCENT_RACE,  /* all five optimizers, each at its race rate */
};

struct descent_config {
    enum descent_mode mode;
    enum descent_surface surface;
    double start[2];
    long steps;
    enum nn_optim_kind opt;      /* DESCENT_RATES: the optimizer */
    double lr[DESCENT_MAX_RUNS]; /* DESCENT_RATES: the rates;
                                    DESCENT_RACE: lr[0] for every
                                    optimizer when n_lr == 1 */
    int n_lr;
};

/* Learning rates compared by default: too small, good, too large. */
#define DESCENT_LR_SMALL 0.001
#define DESCENT_LR_GOOD 0.1
#define DESCENT_LR_LARGE 10.0

/*
 * Fill in what was not given (has_* zero): the surface is the bowl for
 * rates and the elongated bowl for the race; the start its seed start;
 * 100 steps for rates (seed 004) and for the race 30 (150 on the valleys);
 * the rates 0.001, 0.1 and 10 for sgd, else the optimizer's race rate.
 */
void descent_config_defaults(struct descent_config *c, int has_surface,
                             int has_start, int has_steps);

/* The runs of a configuration, each run to its end. */
struct descent_paths {
    struct descent_config cfg;
    int n_runs;
    struct descent_run runs[DESCENT_MAX_RUNS];
};

/* Returns 0 or a negative enum nn_err (p empty; fini is safe). */
int descent_paths_run(struct descent_paths *p, const struct descent_config *c);
/* The same runs, each at its start with no step taken yet (for a screen
 * that steps them). Returns 0 or a negative enum nn_err (p empty). */
int descent_paths_start(struct descent_paths *p,
                        const struct descent_config *c);
/* One step of every run that has steps left. Returns the number of runs
 * that moved (0: all are over), or a negative enum nn_err. */
int descent_paths_step(struct descent_paths *p);
void descent_paths_fini(struct descent_paths *p);

/* Parsing shared by lesson widgets and the command line: "X,Y" into p,
 * and "A,B,..." into up to max positive finite rates. Return 0, or -1
 * with *why set to a static sentence. */
int descent_parse_point(const char *s, double p[2], const char **why);
int descent_parse_rates(const char *s, double *lr, int max, int *n,
                        const char **why);

#endif
