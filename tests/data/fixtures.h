/*
 * Small IDX files made by the data tests, in a fresh temporary directory
 * per test. Every fixture is built byte by byte from the format's
 * definition (big-endian header, then the elements), not by the reader
 * under test.
 */
#ifndef TESTS_DATA_FIXTURES_H
#define TESTS_DATA_FIXTURES_H

#include <stddef.h>
#include <stdint.h>

/* The pixel value of image i at (r, c) in every fixture: a pattern that
 * differs between images and between pixels. */
unsigned char fixture_pixel(size_t i, size_t r, size_t c);
/* The label of item i in every fixture. */
unsigned char fixture_label(size_t i);

/* A whole image file in memory: 16-byte header (magic, count, rows,
 * cols) then count * rows * cols pixels from fixture_pixel(). With
 * pixels == 0 only the header is made. Returns a malloc'ed buffer. */
unsigned char *fixture_images(uint32_t magic, uint32_t count, uint32_t rows,
                              uint32_t cols, int pixels, size_t *len);
/* A whole label file: 8-byte header then count labels. */
unsigned char *fixture_labels(uint32_t magic, uint32_t count, size_t *len);

/* Create a temporary directory; returns a malloc'ed path. */
char *fixture_tmpdir(void);
/* Remove a directory tree made by a test. */
void fixture_rmtree(const char *dir);
/* dir + "/" + name, malloc'ed. */
char *fixture_path(const char *dir, const char *name);
/* Write len bytes to path, raw or gzip-compressed. */
void fixture_write(const char *path, const void *buf, size_t len);
void fixture_write_gz(const char *path, const void *buf, size_t len);

#endif
