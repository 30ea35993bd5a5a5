/*
 * The widget table: every directive a lesson file may use. A topic model
 * adds its kinds here (one line each); the parser rejects any other
 * directive, so a lesson can only place widgets that exist.
 */
#include "lesson/widget.h"

#include <string.h>

#include "lesson/activations_widgets.h"
#include "lesson/backprop_widgets.h"
#include "lesson/descent_widgets.h"
#include "lesson/forward_widgets.h"
#include "lesson/gates_widgets.h"
#include "lesson/widget_text.h"

static const struct widget_kind *const kinds[] = {
    &widget_table,
    &widget_formula,
    &widget_shapes,
    &widget_numderiv,
    &widget_gradient,
    &widget_descent,
    &widget_gradcheck,
    &widget_gate,
    &widget_xor_search,
    &widget_xor_net,
    &widget_perceptron_learn,
    &widget_xor_mlp,
    &widget_plot,
    &widget_act_values,
    &widget_softmax,
    &widget_vanishing,
    &widget_collapse,
    &widget_walkthrough,
    &widget_network,
    &widget_matrixview,
};

const struct widget_kind *widget_find(const char *name)
{
    for (size_t i = 0; name && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i]->name, name) == 0)
            return kinds[i];
    return NULL;
}
