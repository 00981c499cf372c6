/*
 * The physical limit for BindingOverheadBenchmark: the same call, fallocate(fd,
 * FALLOC_FL_KEEP_SIZE, 0, 4096) over an allocated block, timed from C.
 *
 * Usage: fallocate_loop FILE CALLS REPEATS [threaded]
 * Allocates the first 4096 bytes of FILE (created if needed, removed at the end), makes
 * one warm-up round, then prints one line per repeat: the mean ns per call over CALLS calls.
 *
 * With "threaded", an idle second thread exists while the loop runs. That is the fair limit
 * for a JVM, which always has many threads: the kernel looks a descriptor up without
 * touching the file's reference count only in a single-threaded process (fdget's fast
 * path), so one idle thread alone makes every call slower.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pthread.h>
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

static void *idle(void *unused)
{
    (void)unused;
    for (;;)
        pause();
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 4 && !(argc == 5 && strcmp(argv[4], "threaded") == 0)) {
        fprintf(stderr, "usage: %s FILE CALLS REPEATS [threaded]\n", argv[0]);
        return 2;
    }
    if (argc == 5) {
        pthread_t thread;
        if (pthread_create(&thread, NULL, idle, NULL) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 1;
        }
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
