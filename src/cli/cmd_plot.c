/*
 * `nnlab --batch plot`: one activation function drawn as text, or its
 * samples as CSV.
 *
 *   plot FUNC [--from A --to B] [--width W --height H] [--slope A]
 *        [--derivative] [--saturation] [--cursor X] [--samples N]
 *        [--ascii] [--csv]
 *
 * FUNC is a core name: step, sigmoid, tanh, relu, leaky_relu (slope
 * --slope, default 0.01), identity, softmax. The range defaults to the
 * seed's [-5, 5], the plot to 72 x 16 cells, braille unless --ascii (or
 * --wide-ambiguous's narrow set, which keeps braille).
 *
 * The plot samples f once per pixel column of its plot area (two per cell
 * in braille). --csv prints those same samples: a header "x,f" (with
 * --derivative "x,f,df") and one row per sample, or --samples N rows
 * evenly spaced from A to B inclusive. Softmax has no value at a single
 * x: it is the softmax of the vector of N logits x_k = A + k (B - A) / N,
 * k < N (N = 100 by default: numpy's arange(-5, 5, 0.1)), and its
 * "derivative" the Jacobian's diagonal p_k (1 - p_k).
 */
#include "cli/commands.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "core/error.h"
#include "lesson/activations_draw.h"
#include "lesson/catalog.h"

struct plot_opts {
    struct act_plot p;
    long width, height;
    long samples; /* 0: one per pixel column (softmax: 100) */
    int has_slope;
    int csv;
    const char *lang;
};

static int parse(struct plot_opts *o, const struct options *g, FILE *err)
{
    act_plot_init(&o->p);
    o->p.from = -5;
    o->p.to = 5;
    o->width = 72;
    o->height = 16;
    o->samples = 0;
    o->has_slope = 0;
    o->csv = 0;
    o->lang = catalog_lang(g->lang);
    if (g->lesson_file) {
        fprintf(err, "nnlab: plot: --lesson does not go with the plot "
                     "command\n");
        return -1;
    }
    struct args a;
    args_init(&a, g->topic_argc, g->topic_argv, err);
    const char *fn = NULL;
    double slope = NN_LEAKY_SLOPE;
    int kind;
    while ((kind = args_next(&a)) != 0) {
        const char *v;
        if (kind == 2) {
            if (fn) {
                fprintf(err,
                        "nnlab: plot: unexpected word '%s' (one "
                        "function at a time)\n",
                        a.name);
                return -1;
            }
            fn = a.name;
        } else if (args_is(&a, "--from")) {
            if (!(v = args_value(&a)) ||
                args_double(&a, v, -1e6, 1e6, &o->p.from) != 0)
                return -1;
        } else if (args_is(&a, "--to")) {
            if (!(v = args_value(&a)) ||
                args_double(&a, v, -1e6, 1e6, &o->p.to) != 0)
                return -1;
        } else if (args_is(&a, "--width")) {
            if (!(v = args_value(&a)) || args_long(&a, v, 20, 1000, &o->width))
                return -1;
        } else if (args_is(&a, "--height")) {
            if (!(v = args_value(&a)) || args_long(&a, v, 6, 500, &o->height))
                return -1;
        } else if (args_is(&a, "--samples")) {
            if (!(v = args_value(&a)) ||
                args_long(&a, v, 2, ACT_SOFTMAX_MAX, &o->samples))
                return -1;
        } else if (args_is(&a, "--slope")) {
            if (!(v = args_value(&a)) || args_double(&a, v, 0, 1, &slope))
                return -1;
            o->has_slope = 1;
        } else if (args_is(&a, "--cursor")) {
            if (!(v = args_value(&a)) ||
                args_double(&a, v, -1e6, 1e6, &o->p.cursor) != 0)
                return -1;
        } else if (args_is(&a, "--derivative")) {
            if (args_no_value(&a) != 0)
                return -1;
            o->p.deriv = 1;
        } else if (args_is(&a, "--saturation")) {
            if (args_no_value(&a) != 0)
                return -1;
            o->p.saturation = 1;
        } else if (args_is(&a, "--csv")) {
            if (args_no_value(&a) != 0)
                return -1;
            o->csv = 1;
        } else {
            return args_unknown(&a, "plot");
        }
    }
    if (!fn) {
        fprintf(err, "nnlab: plot: which function? (step, sigmoid, tanh, "
                     "relu, leaky_relu, identity, softmax)\n");
        return -1;
    }
    if (nn_act_parse(fn, &o->p.fn[0]) != NN_OK) {
        fprintf(err,
                "nnlab: plot: '%s' is not one of step, sigmoid, tanh, relu, "
                "leaky_relu, identity, softmax\n",
                fn);
        return -1;
    }
    if (o->has_slope && o->p.fn[0].kind != NN_ACT_LEAKY_RELU) {
        fprintf(err, "nnlab: plot: --slope is leaky_relu's; %s has none\n", fn);
        return -1;
    }
    o->p.fn[0].slope = slope;
    if (!(o->p.from < o->p.to)) {
        fprintf(err, "nnlab: plot: --from (%g) must be less than --to (%g)\n",
                o->p.from, o->p.to);
        return -1;
    }
    if (!isnan(o->p.cursor) &&
        (o->p.cursor < o->p.from || o->p.cursor > o->p.to)) {
        fprintf(err, "nnlab: plot: --cursor %g is outside [%g, %g]\n",
                o->p.cursor, o->p.from, o->p.to);
        return -1;
    }
    if (o->samples > 0)
        o->p.softmax_n = (int)o->samples;
    return 0;
}

/* Draw the plot into g (width x height); frame receives its layout. */
static int draw(const struct plot_opts *o, const struct rglyphs *gs,
                struct rgrid *g, struct rplot_frame *frame, FILE *err)
{
    if (rgrid_init(g, (int)o->width, (int)o->height) != 0) {
        fprintf(err, "nnlab: plot: out of memory\n");
        return -1;
    }
    int rc =
        act_plot_draw(g, 0, 0, (int)o->width, (int)o->height, &o->p, gs, frame);
    if (rc) {
        fprintf(err, "nnlab: plot: %s\n", nn_strerror(rc));
        rgrid_fini(g);
        return -1;
    }
    return 0;
}

static int print_csv(const struct plot_opts *o, const struct rglyphs *gs,
                     FILE *out, FILE *err)
{
    const struct nn_act *a = &o->p.fn[0];
    fputs(o->p.deriv ? "x,f,df\n" : "x,f\n", out);
    if (a->kind == NN_ACT_SOFTMAX) {
        int n = o->p.softmax_n;
        double *buf = malloc(3 * sizeof(double) * (size_t)n);
        int rc = buf ? act_softmax_line(o->p.from, o->p.to, n, buf, buf + n,
                                        buf + 2 * n)
                     : NN_ENOMEM;
        if (rc) {
            fprintf(err, "nnlab: plot: %s\n", nn_strerror(rc));
            free(buf);
            return 1;
        }
        for (int k = 0; k < n; k++) {
            fprintf(out, "%.17g,%.17g", buf[k], buf[n + k]);
            if (o->p.deriv)
                fprintf(out, ",%.17g", buf[2 * n + k]);
            fputc('\n', out);
        }
        free(buf);
        return 0;
    }
    int n = (int)o->samples;
    struct rplot_frame frame;
    if (n == 0) {
        /* The plot's own samples: one per pixel column. */
        struct rgrid g;
        if (draw(o, gs, &g, &frame, err) != 0)
            return 1;
        rgrid_fini(&g);
        n = frame.pw * frame.sx;
    } else {
        frame.x0 = o->p.from;
        frame.x1 = o->p.to;
        frame.pw = n;
        frame.sx = 1;
    }
    for (int k = 0; k < n; k++) {
        double x = rplot_frame_x_at(&frame, k);
        /* + 0.0: leaky ReLU of -0 prints as 0, not -0 */
        fprintf(out, "%.17g,%.17g", x, nn_act_f(a, x) + 0.0);
        if (o->p.deriv)
            fprintf(out, ",%.17g", nn_act_df(a, x) + 0.0);
        fputc('\n', out);
    }
    return 0;
}

int cmd_plot(const struct options *g, FILE *out, FILE *err)
{
    struct plot_opts o;
    if (parse(&o, g, err) != 0)
        return 2;
    const struct rglyphs *gs =
        rglyphs_get(g->ascii            ? RGLYPH_ASCII
                    : g->wide_ambiguous ? RGLYPH_NARROW
                                        : RGLYPH_UNICODE);
    if (o.csv)
        return print_csv(&o, gs, out, err);
    const struct nn_act *a = &o.p.fn[0];
    struct rgrid info;
    if (rgrid_init(&info, 100, 4) != 0) {
        fprintf(err, "nnlab: plot: out of memory\n");
        return 1;
    }
    char name[64];
    act_label(name, sizeof name, a);
    rgrid_print(&info, 0, 0, name, RS_TITLE);
    act_draw_info(&info, 0, 1, a, o.lang);
    rgrid_write(&info, out);
    rgrid_fini(&info);
    fputc('\n', out);
    struct rgrid plot;
    if (draw(&o, gs, &plot, NULL, err) != 0)
        return 1;
    rgrid_write(&plot, out);
    rgrid_fini(&plot);
    if (!isnan(o.p.cursor) && a->kind != NN_ACT_SOFTMAX) {
        struct rgrid line;
        if (rgrid_init(&line, 100, 1) != 0) {
            fprintf(err, "nnlab: plot: out of memory\n");
            return 1;
        }
        act_draw_readout(&line, 0, 0, a, o.p.cursor);
        rgrid_write(&line, out);
        rgrid_fini(&line);
    }
    return 0;
}
