/*
 * Batch commands, one file each. Each parses o->topic_argv with its own
 * options and returns an exit status (0 ok, 1 runtime error, 2 usage).
 */
#ifndef CLI_COMMANDS_H
#define CLI_COMMANDS_H

#include <stdio.h>

#include "cli/options.h"

/* A lesson as plain text: "lesson ID", a lesson id or a *.lesson path as
 * the topic, or --lesson FILE without a topic. */
int cmd_lesson(const struct options *o, FILE *out, FILE *err);
/* Is this topic (not a command) a lesson id or a lesson file path? */
int cmd_lesson_accepts(const char *topic);
/* The backprop walkthrough (cmd_backprop.c). */
int cmd_backprop(const struct options *o, FILE *out, FILE *err);
/* Lesson 5's derivatives, gradients and descent paths (cmd_descent.c). */
int cmd_descent(const struct options *o, FILE *out, FILE *err);
/* Lesson 3's shapes, parameters and values (cmd_forward.c). */
int cmd_forward(const struct options *o, FILE *out, FILE *err);
/* data [--data DIR] [--dataset mnist|fashion]: where the dataset is found
 * and what it holds. */
int cmd_data(const struct options *o, FILE *out, FILE *err);
/* Lesson 1, perceptron gates (cmd_gates.c). */
int cmd_gates(const struct options *o, FILE *out, FILE *err);
/* An activation function as a text plot or CSV (cmd_plot.c). */
int cmd_plot(const struct options *o, FILE *out, FILE *err);
/* train [--preset NAME] [--hidden ...] ...: train on MNIST and log it. */
int cmd_train(const struct options *o, FILE *out, FILE *err);
/* predict --load FILE [--image N]: a test digit and its probabilities. */
int cmd_predict(const struct options *o, FILE *out, FILE *err);

#endif
