/*
 * Shared helpers for the Check suites: tolerance comparisons for floating
 * point, and a main() that runs one suite.
 */
#ifndef TESTS_CHECK_HELPERS_H
#define TESTS_CHECK_HELPERS_H

#include <check.h>
#include <math.h>
#include <stdlib.h>

/* |a - b| <= tol, with both values in the failure message. */
#define ck_assert_near(a, b, tol)                                              \
    do {                                                                       \
        double a_ = (a), b_ = (b), t_ = (tol);                                 \
        ck_assert_msg(fabs(a_ - b_) <= t_,                                     \
                      "%s = %.12g, expected %s = %.12g (tolerance %g)", #a,    \
                      a_, #b, b_, t_);                                         \
    } while (0)

/* Relative error |a - b| / max(|a|, |b|, tiny) <= rel. */
#define ck_assert_rel(a, b, rel)                                               \
    do {                                                                       \
        double a_ = (a), b_ = (b), r_ = (rel);                                 \
        double d_ = fmax(fmax(fabs(a_), fabs(b_)), 1e-300);                    \
        ck_assert_msg(fabs(a_ - b_) / d_ <= r_,                                \
                      "%s = %.12g, expected %s = %.12g (relative %g)", #a, a_, \
                      #b, b_, r_);                                             \
    } while (0)

/* main() for a test program made of one suite. Check's own limit of 4 s a
 * test is raised to 60 s (unless CK_DEFAULT_TIMEOUT says otherwise): a
 * busy machine can take longer than that, and meson's timeout for the
 * whole program guards against a hang. */
#define CHECK_MAIN(suite_fn)                                                   \
    int main(void)                                                             \
    {                                                                          \
        setenv("CK_DEFAULT_TIMEOUT", "60", 0);                                 \
        SRunner *sr = srunner_create(suite_fn());                              \
        srunner_run_all(sr, CK_NORMAL);                                        \
        int failed = srunner_ntests_failed(sr);                                \
        srunner_free(sr);                                                      \
        return failed ? EXIT_FAILURE : EXIT_SUCCESS;                           \
    }

#endif
