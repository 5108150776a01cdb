/*
 * The benchmark of the C ABI (issue 5): the same work as
 * ffi/src/bin/bench-rust.rs, through the ABI. scripts/bench-ffi.sh runs both
 * in one invocation and prints the ratio.
 *
 *   bench sample N     rates the embedded sample N times (after 5 warm-up
 *                      runs), each time xl_rate + xl_report_free
 *   bench country      generates the synthetic country (not timed) and rates
 *                      it once (xl_rate + xl_report_free)
 *
 * Prints one line: "abi SCALE RUNS TOTAL MIN MEDIAN TICKS": seconds of the
 * whole loop, of the fastest run and of the median run, then the CPU time of
 * the loop over all the process's threads in clock ticks (utime + stime of
 * /proc/self/stat, as the Rust side reads it), which other processes on the
 * machine disturb much less than wall time. No JSON in or out.
 */
#define _POSIX_C_SOURCE 200809L

#include "xeploai.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* utime + stime of the whole process, in clock ticks (-1 if unknown). */
static long long cpu_ticks(void) {
    char buf[4096];
    FILE *f = fopen("/proc/self/stat", "r");
    if (f == NULL) {
        return -1;
    }
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    const char *p = strrchr(buf, ')');
    long long utime = 0, stime = 0;
    /* After the command: fields 3 (state) to 15 (stime). */
    if (p == NULL || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lld %lld",
                            &utime, &stime) != 2) {
        return -1;
    }
    return utime + stime;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int check(xl_status s, const char *what) {
    if (s == XL_STATUS_OK) {
        return 1;
    }
    char message[1024];
    xl_last_error_message(message, sizeof message);
    fprintf(stderr, "%s: %s: %s\n", what, xl_status_name(s), message);
    return 0;
}

int main(int argc, char **argv) {
    const char *scale = argc > 1 ? argv[1] : "sample";
    long runs = argc > 2 ? strtol(argv[2], NULL, 10) : 1000;
    int country = strcmp(scale, "country") == 0;
    if (country) {
        runs = 1;
    }
    xl_dataset *ds = NULL;
    if (!check(country ? xl_dataset_synthetic("country", &ds) : xl_dataset_sample(&ds), "load")) {
        return 1;
    }
    size_t outcomes = 0;
    for (int i = 0; i < (country ? 0 : 5); i++) {
        xl_report *r = NULL;
        if (!check(xl_rate(ds, 2025, NULL, NULL, &r), "rate")) {
            return 1;
        }
        xl_report_free(r);
    }
    double *each = malloc((size_t)runs * sizeof *each);
    if (runs < 1 || each == NULL) {
        return 1;
    }
    long long ticks = cpu_ticks();
    double t = now();
    for (long i = 0; i < runs; i++) {
        double t0 = now();
        xl_report *r = NULL;
        if (!check(xl_rate(ds, 2025, NULL, NULL, &r), "rate")) {
            return 1;
        }
        if (i == 0) {
            xl_report_outcome_count(r, &outcomes); /* the work is real: keep a result */
        }
        xl_report_free(r);
        each[i] = now() - t0;
    }
    double seconds = now() - t;
    ticks = cpu_ticks() - ticks;
    qsort(each, (size_t)runs, sizeof *each, by_value);
    printf("abi %s %ld %.6f %.6f %.6f %lld (%zu outcomes)\n", scale, runs, seconds, each[0],
           each[runs / 2], ticks, outcomes);
    free(each);
    xl_dataset_free(ds);
    return outcomes > 0 ? 0 : 1;
}
