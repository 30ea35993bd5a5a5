/*
 * A small MNIST-like dataset for tests, written as IDX files so that no
 * download is needed: image i has class i % 10; even classes are a
 * horizontal bar of 3 x 20 pixels through the middle, odd classes the
 * same bar upright (centred, as MNIST's digits are).
 */
#ifndef NNLAB_TESTS_DIGITS_FIXTURE_H
#define NNLAB_TESTS_DIGITS_FIXTURE_H

struct digits_fixture {
    char root[64]; /* the temporary directory */
};

/* Make a fresh temporary directory with root/mnist holding n_train
 * training and n_test test images, or no dataset at all when n_train is
 * 0, and point NNLAB_DATA, XDG_DATA_HOME and HOME at it (so no other
 * MNIST is found). Fails the test on error. */
void digits_fixture_setup(struct digits_fixture *f, unsigned n_train,
                          unsigned n_test);
/* Add root/fashion-mnist with the same images (for the second dataset's
 * code paths; its classes are clothes, but the files are alike). */
void digits_fixture_add_fashion(const struct digits_fixture *f,
                                unsigned n_train, unsigned n_test);
/* Remove the directory again. */
void digits_fixture_teardown(const struct digits_fixture *f);

#endif
