/*
 * The physical limit for BindingOverheadBenchmark: the same call, fallocate(fd,
 * FALLOC_FL_KEEP_SIZE, 0, 4096) over an allocated block, timed from C.
 *
 * Usage: fallocate_loop FILE CALLS REPEATS
 * Allocates the first 4096 bytes of FILE (created if needed, removed at the end), makes
 * one warm-up round, then prints one line per repeat: the mean ns per call over CALLS calls.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int round_of(int fd, long calls)
{
    for (long i = 0; i < calls; i++) {
        if (fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 4096) != 0) {
            fprintf(stderr, "fallocate: %s\n", strerror(errno));
            return -1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s FILE CALLS REPEATS\n", argv[0]);
        return 2;
    }
    long calls = atol(argv[2]);
    int repeats = atoi(argv[3]);
    if (calls <= 0 || repeats <= 0) {
        fprintf(stderr, "CALLS and REPEATS must be > 0\n");
        return 2;
    }
    int fd = open(argv[1], O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        fprintf(stderr, "open %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    int rc = 1;
    if (fallocate(fd, 0, 0, 4096) != 0) {
        fprintf(stderr, "fallocate: %s\n", strerror(errno));
        goto out;
    }
    if (round_of(fd, calls) != 0)
        goto out;
    for (int r = 0; r < repeats; r++) {
        long long start = now_ns();
        if (round_of(fd, calls) != 0)
            goto out;
        long long elapsed = now_ns() - start;
        printf("%.3f\n", (double)elapsed / (double)calls);
    }
    rc = 0;
out:
    close(fd);
    unlink(argv[1]);
    return rc;
}
