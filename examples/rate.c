/*
 * rate.c: rates the embedded sample province (or a dataset file) for a year
 * through the C ABI, prints the totals and the counts of each grassroots
 * organisation and commune, and explains three subjects.
 *
 *   cargo build --release -p xeploai-ffi
 *   cc -std=c11 -Iinclude examples/rate.c -Ltarget/release -lxeploai -Wl,-rpath,target/release -o rate
 *   ./rate                      # the embedded sample, 2025
 *   ./rate data.json 2024 en    # a dataset file, a year, the language of the explanations
 */
#include "xeploai.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints the failed call's status and message, and says whether it failed. */
static int failed(xl_status status, const char *what) {
    if (status == XL_STATUS_OK) {
        return 0;
    }
    char message[1024];
    xl_last_error_message(message, sizeof message);
    fprintf(stderr, "%s: %s: %s\n", what, xl_status_name(status), message);
    return 1;
}

static void print_counts(const char *label, const xl_counts *c) {
    /* The name last: printf pads bytes, not characters. */
    printf("%6u on roll %6u rated: %5u HTXSNV %5u HTTNV %4u HTNV %4u KHTNV  %s\n", c->on_roll,
           c->rated, c->excellent, c->good, c->completed, c->not_completed, label);
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : NULL;
    int year = argc > 2 ? atoi(argv[2]) : 2025;
    uint32_t lang = argc > 3 && strcmp(argv[3], "en") == 0 ? XL_LANG_EN : XL_LANG_VI;

    xl_dataset *dataset = NULL;
    if (failed(path ? xl_dataset_from_file(path, &dataset) : xl_dataset_sample(&dataset),
               "load")) {
        return 1;
    }
    size_t errors = 0, warnings = 0;
    xl_dataset_problem_count(dataset, &errors, &warnings);
    if (errors > 0) {
        /* Every problem at once, as JSON: show the first 2,000 bytes. */
        static char problems[2000];
        xl_dataset_problems_json(dataset, problems, sizeof problems, NULL);
        fprintf(stderr, "the dataset has %zu errors: %s\n", errors, problems);
        xl_dataset_free(dataset);
        return 1;
    }

    xl_report *report = NULL;
    xl_status status = xl_rate(dataset, year, NULL, NULL, &report);
    xl_dataset_free(dataset); /* the report does not need the dataset */
    if (failed(status, "rate")) {
        return 1;
    }

    char regime[64];
    xl_report_regime(report, regime, sizeof regime, NULL);
    printf("xeploai %s: %d under %s\n\n", xl_version(), year, regime);
    xl_counts members, organisations;
    xl_report_total(report, &members, &organisations);
    print_counts("members", &members);
    print_counts("organisations", &organisations);

    size_t summaries = 0;
    xl_report_summary_count(report, &summaries);
    printf("\nmembers per grassroots organisation and commune:\n");
    for (size_t i = 0; i < summaries; i++) {
        char name[256];
        if (xl_report_summary_name(report, i, name, sizeof name, NULL) == XL_STATUS_OK &&
            xl_report_summary_counts(report, i, &members, NULL) == XL_STATUS_OK) {
            print_counts(name, &members);
        }
    }

    /* Explain the first three rated subjects. */
    size_t count = 0, shown = 0;
    xl_report_outcome_count(report, &count);
    printf("\n");
    for (size_t i = 0; i < count && shown < 3; i++) {
        xl_level level = XL_LEVEL_NONE;
        xl_report_level(report, i, &level);
        if (level == XL_LEVEL_NONE) {
            continue;
        }
        size_t needed = 0;
        xl_report_explain(report, i, lang, NULL, 0, &needed); /* the size first */
        char *text = malloc(needed + 1);
        if (text != NULL && !failed(xl_report_explain(report, i, lang, text, needed + 1, NULL),
                                    "explain")) {
            printf("%s\n\n", text);
            shown++;
        }
        free(text);
    }
    xl_report_free(report);
    return 0;
}
