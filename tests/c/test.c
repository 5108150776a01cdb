/*
 * The C test of the xeploai ABI. Uses only include/xeploai.h (plus C11 and
 * POSIX threads and directories). Run by scripts/test-c.sh, plainly, under
 * valgrind and with AddressSanitizer + UndefinedBehaviorSanitizer:
 *
 *   test REPO_ROOT
 *
 * It loads the embedded sample and the conformance cases of
 * tests/conformance/ (each report byte for byte against expected.json),
 * checks the typed accessors against the report's JSON, the explanations,
 * every error path (NULL arguments, invalid UTF-8, malformed JSON, an invalid
 * dataset, a too-small buffer, a second free), and rates from 8 threads at
 * once over one dataset handle. Prints "N passed, N failed" and exits 1 on
 * any failure.
 */
#define _POSIX_C_SOURCE 200809L

#include "xeploai.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed = 0;
static int failed = 0;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (cond) {                                                            \
            passed++;                                                          \
        } else {                                                               \
            failed++;                                                          \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);    \
        }                                                                      \
    } while (0)

/* Checks that a call returns `want`; prints the status and message if not. */
#define EXPECT(call, want) expect_status((call), (want), #call, __LINE__)

static char last_error[4096];

static void read_last_error(void) {
    size_t n = xl_last_error_message(last_error, sizeof last_error);
    (void)n;
}

static int expect_status(xl_status got, xl_status want, const char *what,
                         int line) {
    read_last_error();
    if (got == want) {
        passed++;
        return 1;
    }
    failed++;
    fprintf(stderr, "FAIL line %d: %s\n  returned %s, expected %s\n  %s\n",
            line, what, xl_status_name(got), xl_status_name(want), last_error);
    return 0;
}

/* The last error of this thread contains `part`. */
#define ERROR_MENTIONS(part) error_mentions((part), __LINE__)

static void error_mentions(const char *part, int line) {
    if (strstr(last_error, part) != NULL) {
        passed++;
    } else {
        failed++;
        fprintf(stderr, "FAIL line %d: the last error does not mention \"%s\": %s\n",
                line, part, last_error);
    }
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, 2 * cap + 1);
            if (bigger == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf != NULL) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}


static char *report_json(const xl_report *r) {
    size_t n = 0;
    if (!EXPECT(xl_report_json(r, NULL, 0, &n), XL_STATUS_OK)) {
        return NULL;
    }
    char *buf = malloc(n + 1);
    size_t n2 = 0;
    if (buf == NULL || !EXPECT(xl_report_json(r, buf, n + 1, &n2), XL_STATUS_OK)) {
        free(buf);
        return NULL;
    }
    CHECK(n2 == n && strlen(buf) == n);
    return buf;
}

static char *subject_of(const xl_report *r, size_t i) {
    size_t n = 0;
    if (xl_report_subject(r, i, NULL, 0, &n) != XL_STATUS_OK) {
        return NULL;
    }
    char *buf = malloc(n + 1);
    if (buf != NULL && xl_report_subject(r, i, buf, n + 1, NULL) != XL_STATUS_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

static char *explain(const xl_report *r, size_t i, uint32_t lang) {
    size_t n = 0;
    if (!EXPECT(xl_report_explain(r, i, lang, NULL, 0, &n), XL_STATUS_OK)) {
        return NULL;
    }
    char *buf = malloc(n + 1);
    if (buf != NULL &&
        !EXPECT(xl_report_explain(r, i, lang, buf, n + 1, &n), XL_STATUS_OK)) {
        free(buf);
        return NULL;
    }
    return buf;
}

static const char *level_name(xl_level l) {
    switch (l) {
    case XL_LEVEL_NOT_COMPLETED: return "not_completed";
    case XL_LEVEL_COMPLETED: return "completed";
    case XL_LEVEL_GOOD: return "good";
    case XL_LEVEL_EXCELLENT: return "excellent";
    default: return NULL;
    }
}

static const char *level_code(xl_level l) {
    switch (l) {
    case XL_LEVEL_NOT_COMPLETED: return "KHTNV";
    case XL_LEVEL_COMPLETED: return "HTNV";
    case XL_LEVEL_GOOD: return "HTTNV";
    case XL_LEVEL_EXCELLENT: return "HTXSNV";
    default: return NULL;
    }
}

static const char *reason_name(xl_not_rated_reason r) {
    switch (r) {
    case XL_NOT_RATED_REASON_EXEMPT: return "exempt";
    case XL_NOT_RATED_REASON_SUSPENDED: return "suspended";
    case XL_NOT_RATED_REASON_ADMITTED_UNDER_SIX_MONTHS: return "admitted_under_six_months";
    case XL_NOT_RATED_REASON_NEW_ORGANISATION: return "new_organisation";
    case XL_NOT_RATED_REASON_NO_EVALUATION: return "no_evaluation";
    case XL_NOT_RATED_REASON_MISSING_INPUTS: return "missing_inputs";
    default: return NULL;
    }
}

/*
 * The typed accessors agree with the report's JSON: walking the outcomes in
 * order, each one's subject, kind and status (level or reason) appear in the
 * JSON in that order, and the level counts add up to the totals.
 */
static void check_accessors_against_json(const xl_report *r, const char *json) {
    size_t count = 0;
    if (!EXPECT(xl_report_outcome_count(r, &count), XL_STATUS_OK)) {
        return;
    }
    const char *cursor = strstr(json, "\"outcomes\":[");
    CHECK(cursor != NULL);
    if (cursor == NULL) {
        return;
    }
    xl_counts members_seen = {0, 0, 0, 0, 0, 0};
    int mismatches = 0;
    char want[1024];
    for (size_t i = 0; i < count && mismatches < 5; i++) {
        char *id = subject_of(r, i);
        xl_subject_kind kind = 99;
        xl_level level = 99;
        xl_not_rated_reason reason = 99;
        int64_t score = -2;
        if (id == NULL || xl_report_kind(r, i, &kind) != XL_STATUS_OK ||
            xl_report_level(r, i, &level) != XL_STATUS_OK ||
            xl_report_not_rated_reason(r, i, &reason) != XL_STATUS_OK ||
            xl_report_score(r, i, &score) != XL_STATUS_OK) {
            mismatches++;
            free(id);
            continue;
        }
        snprintf(want, sizeof want, "{\"subject\":\"%s\",\"kind\":\"%s\"", id,
                 kind == XL_SUBJECT_KIND_MEMBER ? "member" : "organisation");
        const char *at = strstr(cursor, want);
        if (at == NULL) {
            fprintf(stderr, "  outcome %zu: %s not found in order\n", i, want);
            mismatches++;
            free(id);
            continue;
        }
        cursor = at + strlen(want);
        if (level != XL_LEVEL_NONE) {
            CHECK(reason == XL_NOT_RATED_REASON_NONE);
            snprintf(want, sizeof want, "\"outcome\":{\"status\":\"rated\",\"level\":\"%s\"",
                     level_name(level) ? level_name(level) : "?");
        } else {
            CHECK(score == -1);
            snprintf(want, sizeof want, "\"outcome\":{\"status\":\"not_rated\",\"reason\":\"%s\"",
                     reason_name(reason) ? reason_name(reason) : "?");
        }
        at = strstr(cursor, "\"outcome\":{");
        if (at == NULL || strncmp(at, want, strlen(want)) != 0) {
            fprintf(stderr, "  outcome %zu (%s): expected %s\n", i, id, want);
            mismatches++;
        }
        if (score >= 0) {
            char score_field[64];
            snprintf(score_field, sizeof score_field, "\"score\":%lld,", (long long)score);
            const char *next = strstr(cursor, "{\"subject\":");
            const char *s = strstr(cursor, score_field);
            if (s == NULL || (next != NULL && s > next)) {
                fprintf(stderr, "  outcome %zu (%s): %s not in its entry\n", i, id, score_field);
                mismatches++;
            }
        }
        if (kind == XL_SUBJECT_KIND_MEMBER) {
            members_seen.on_roll++;
            switch (level) {
            case XL_LEVEL_EXCELLENT: members_seen.excellent++; members_seen.rated++; break;
            case XL_LEVEL_GOOD: members_seen.good++; members_seen.rated++; break;
            case XL_LEVEL_COMPLETED: members_seen.completed++; members_seen.rated++; break;
            case XL_LEVEL_NOT_COMPLETED: members_seen.not_completed++; members_seen.rated++; break;
            default: break;
            }
        }
        size_t found = (size_t)-1;
        if (i % 53 == 0) {
            EXPECT(xl_report_find(r, id, &found), XL_STATUS_OK);
            CHECK(found == i);
        }
        free(id);
    }
    CHECK(mismatches == 0);
    xl_counts total = {0, 0, 0, 0, 0, 0};
    EXPECT(xl_report_total(r, &total, NULL), XL_STATUS_OK);
    CHECK(memcmp(&total, &members_seen, sizeof total) == 0);
    CHECK(total.rated == total.excellent + total.good + total.completed + total.not_completed);
}

static void check_summaries(const xl_report *r) {
    size_t n = 0;
    EXPECT(xl_report_summary_count(r, &n), XL_STATUS_OK);
    CHECK(n > 0);
    for (size_t i = 0; i < n; i++) {
        xl_counts m, o;
        char unit[256], name[512];
        size_t len = 0;
        EXPECT(xl_report_summary_counts(r, i, &m, &o), XL_STATUS_OK);
        CHECK(m.rated <= m.on_roll && o.rated <= o.on_roll);
        CHECK(m.rated == m.excellent + m.good + m.completed + m.not_completed);
        CHECK(o.rated == o.excellent + o.good + o.completed + o.not_completed);
        EXPECT(xl_report_summary_unit(r, i, unit, sizeof unit, &len), XL_STATUS_OK);
        CHECK(len > 0 && len == strlen(unit));
        EXPECT(xl_report_summary_name(r, i, name, sizeof name, &len), XL_STATUS_OK);
        CHECK(len > 0);
    }
    xl_counts m;
    EXPECT(xl_report_summary_counts(r, n, &m, NULL), XL_STATUS_OUT_OF_RANGE);
    ERROR_MENTIONS("out of range");
}

static void check_explanations(const xl_report *r, const char *document) {
    size_t count = 0;
    EXPECT(xl_report_outcome_count(r, &count), XL_STATUS_OK);
    int rated_done = 0, unrated_done = 0;
    for (size_t i = 0; i < count && !(rated_done && unrated_done); i++) {
        xl_level level;
        xl_subject_kind kind;
        if (xl_report_level(r, i, &level) != XL_STATUS_OK ||
            xl_report_kind(r, i, &kind) != XL_STATUS_OK || kind != XL_SUBJECT_KIND_MEMBER) {
            continue;
        }
        if ((level != XL_LEVEL_NONE && rated_done) || (level == XL_LEVEL_NONE && unrated_done)) {
            continue;
        }
        char *id = subject_of(r, i);
        char *vi = explain(r, i, XL_LANG_VI);
        char *en = explain(r, i, XL_LANG_EN);
        CHECK(id != NULL && vi != NULL && en != NULL);
        if (id != NULL && vi != NULL && en != NULL) {
            size_t idlen = strlen(id);
            CHECK(strncmp(vi, id, idlen) == 0 && vi[idlen] == ':');
            CHECK(strncmp(en, id, idlen) == 0 && en[idlen] == ':');
            CHECK(strcmp(vi, en) != 0);
            if (level != XL_LEVEL_NONE) {
                CHECK(strstr(vi, level_code(level)) != NULL);
                CHECK(strstr(vi, "Căn cứ: ") != NULL);
                CHECK(strstr(en, "Grounds: ") != NULL);
                CHECK(strstr(vi, document) != NULL);
                rated_done = 1;
            } else {
                CHECK(strstr(vi, "không xếp loại") != NULL);
                CHECK(strstr(en, "not rated") != NULL);
                unrated_done = 1;
            }
        }
        free(id);
        free(vi);
        free(en);
    }
    CHECK(rated_done && unrated_done);
}

/* The Front side as JSON: an object with the boards for the sample, `null`
   for a dataset without Front data; a size query first, then the copy. */
static void check_front(const xl_report *r, int expect_boards) {
    size_t n = 0;
    EXPECT(xl_report_front_json(r, NULL, 0, &n), XL_STATUS_OK);
    char *front = malloc(n + 1);
    CHECK(front != NULL);
    if (front == NULL) {
        return;
    }
    size_t again = 0;
    EXPECT(xl_report_front_json(r, front, n + 1, &again), XL_STATUS_OK);
    CHECK(again == n && strlen(front) == n);
    if (expect_boards) {
        CHECK(front[0] == '{' && strstr(front, "\"boards\":[") != NULL);
        CHECK(strstr(front, "\"indicators\":[") != NULL);
    } else {
        CHECK(strcmp(front, "null") == 0);
    }
    free(front);
    EXPECT(xl_report_front_json(NULL, NULL, 0, &n), XL_STATUS_NULL_ARGUMENT);
}

static void check_regime(const xl_report *r, const char *want) {
    char name[64];
    size_t n = 0;
    EXPECT(xl_report_regime(r, name, sizeof name, &n), XL_STATUS_OK);
    CHECK(strcmp(name, want) == 0 && n == strlen(want));
}

static void test_version(void) {
    char want[64];
    snprintf(want, sizeof want, "%d.%d.%d", XL_VERSION_MAJOR, XL_VERSION_MINOR,
             XL_VERSION_PATCH);
    CHECK(strcmp(xl_version(), want) == 0);
    CHECK(XL_VERSION_NUMBER ==
          XL_VERSION_MAJOR * 10000 + XL_VERSION_MINOR * 100 + XL_VERSION_PATCH);
    CHECK(strcmp(xl_status_name(XL_STATUS_OK), "XL_STATUS_OK") == 0);
    CHECK(strcmp(xl_status_name(XL_STATUS_INVALID_DATASET), "XL_STATUS_INVALID_DATASET") == 0);
    CHECK(strcmp(xl_status_name(9999), "XL_STATUS_UNKNOWN") == 0);
}

/* The embedded sample: rated for 2025 (default regime and policy) and 2024. */
static void test_sample(xl_dataset *sample) {
    size_t errors = 99, warnings = 99;
    EXPECT(xl_dataset_problem_count(sample, &errors, &warnings), XL_STATUS_OK);
    CHECK(errors == 0);

    xl_report *r = NULL;
    EXPECT(xl_rate(sample, 2025, NULL, NULL, &r), XL_STATUS_OK);
    CHECK(r != NULL);
    check_regime(r, "qd366-2025");
    check_front(r, 1);
    size_t count = 0;
    EXPECT(xl_report_outcome_count(r, &count), XL_STATUS_OK);
    CHECK(count > 5000);
    xl_counts members;
    EXPECT(xl_report_total(r, &members, NULL), XL_STATUS_OK);
    CHECK(members.rated > 0 && members.rated < members.on_roll);
    char *json = report_json(r);
    CHECK(json != NULL);
    if (json != NULL) {
        CHECK(strncmp(json, "{\"format\":\"xeploai-report/1\"", 28) == 0);
        check_accessors_against_json(r, json);
    }
    check_summaries(r);
    check_explanations(r, "Quy định 366-QĐ/TW");

    /* The same run with a preset policy handle gives the same bytes. */
    xl_policy *p = NULL;
    xl_report *r2 = NULL;
    EXPECT(xl_policy_preset("default", &p), XL_STATUS_OK);
    EXPECT(xl_rate(sample, 2025, "qd366-2025", p, &r2), XL_STATUS_OK);
    char *json2 = report_json(r2);
    /* Only `regime_named` differs: the regime was named. */
    CHECK(json != NULL && json2 != NULL && strstr(json2, "\"regime_named\":true") != NULL &&
          strlen(json) == strlen(json2) + 1);
    free(json2);
    EXPECT(xl_report_free(r2), XL_STATUS_OK);

    /* 2024 falls under Quy định 124. */
    EXPECT(xl_rate(sample, 2024, NULL, p, &r2), XL_STATUS_OK);
    check_regime(r2, "qd124-2023");
    check_explanations(r2, "Quy định 124-QĐ/TW");
    EXPECT(xl_report_free(r2), XL_STATUS_OK);
    EXPECT(xl_policy_free(p), XL_STATUS_OK);

    free(json);
    EXPECT(xl_report_free(r), XL_STATUS_OK);
}

/* Reads the value of `"key":` in a small JSON object: a string or null. */
static int case_string(const char *json, const char *key, char *out, size_t len) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\"", key);
    const char *p = strstr(json, pattern);
    if (p == NULL) {
        return -1;
    }
    p = strchr(p + strlen(pattern), ':');
    if (p == NULL) {
        return -1;
    }
    p++;
    while (*p == ' ') {
        p++;
    }
    if (strncmp(p, "null", 4) == 0) {
        return 0;
    }
    if (*p != '"') {
        return -1;
    }
    const char *end = strchr(p + 1, '"');
    if (end == NULL || (size_t)(end - p - 1) >= len) {
        return -1;
    }
    memcpy(out, p + 1, (size_t)(end - p - 1));
    out[end - p - 1] = '\0';
    return 1;
}

/* One conformance case: the report must equal expected.json byte for byte. */
static int run_case(const char *dir, int from_buffer) {
    char path[4600];
    size_t len = 0;
    snprintf(path, sizeof path, "%s/case.json", dir);
    char *case_json = read_file(path, &len);
    if (case_json == NULL) {
        return 0;
    }
    const char *y = strstr(case_json, "\"year\"");
    long year = y != NULL ? strtol(strchr(y, ':') + 1, NULL, 10) : 0;
    char regime[64], preset[64];
    int has_regime = case_string(case_json, "regime", regime, sizeof regime);
    int has_preset = case_string(case_json, "policy_preset", preset, sizeof preset);
    free(case_json);
    CHECK(year > 0 && has_regime >= 0 && has_preset >= 0);

    xl_dataset *ds = NULL;
    snprintf(path, sizeof path, "%s/dataset.json", dir);
    if (from_buffer) {
        char *text = read_file(path, &len);
        CHECK(text != NULL);
        if (text != NULL) {
            EXPECT(xl_dataset_from_json(text, len, &ds), XL_STATUS_OK);
        }
        free(text);
    } else {
        EXPECT(xl_dataset_from_file(path, &ds), XL_STATUS_OK);
    }
    xl_policy *policy = NULL;
    if (has_preset == 1) {
        EXPECT(xl_policy_preset(preset, &policy), XL_STATUS_OK);
    } else {
        snprintf(path, sizeof path, "%s/policy.json", dir);
        char *text = read_file(path, &len);
        CHECK(text != NULL);
        if (text != NULL) {
            EXPECT(xl_policy_from_json(text, len, &policy), XL_STATUS_OK);
        }
        free(text);
    }
    xl_report *r = NULL;
    if (ds != NULL && policy != NULL) {
        EXPECT(xl_rate(ds, (int32_t)year, has_regime == 1 ? regime : NULL, policy, &r),
               XL_STATUS_OK);
    }
    if (r != NULL) {
        check_front(r, 0);
    }
    snprintf(path, sizeof path, "%s/expected.json", dir);
    char *expected = read_file(path, &len);
    char *got = r != NULL ? report_json(r) : NULL;
    int same = expected != NULL && got != NULL && strlen(got) == len &&
               memcmp(got, expected, len) == 0;
    if (!same) {
        fprintf(stderr, "FAIL %s: the report differs from expected.json\n", dir);
    }
    CHECK(same);
    if (r != NULL && got != NULL) {
        check_accessors_against_json(r, got);
    }
    free(expected);
    free(got);
    EXPECT(xl_report_free(r), XL_STATUS_OK);
    EXPECT(xl_policy_free(policy), XL_STATUS_OK);
    EXPECT(xl_dataset_free(ds), XL_STATUS_OK);
    return 1;
}

static void test_conformance(const char *root) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/tests/conformance", root);
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (d == NULL) {
        return;
    }
    int cases = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        char path[4400], probe[4500];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        snprintf(probe, sizeof probe, "%s/case.json", path);
        FILE *f = fopen(probe, "rb");
        if (f == NULL) {
            continue;
        }
        fclose(f);
        cases += run_case(path, cases % 2);
    }
    closedir(d);
    printf("conformance: %d cases\n", cases);
    CHECK(cases >= 3);
}

static const char INVALID_DATASET[] =
    "{\"format\": \"xeploai-dataset/1\", \"units\": ["
    "{\"id\": \"T\", \"kind\": \"province\", \"name\": \"Tỉnh Đồng Tháp\"},"
    "{\"id\": \"X\", \"kind\": \"commune\", \"name\": \"Xã Tân Hòa\", \"parent\": \"NOPE\"}]}";

static void test_errors(xl_dataset *sample) {
    xl_dataset *ds = (xl_dataset *)&ds; /* a sentinel: must stay untouched */
    xl_dataset *const sentinel = ds;
    xl_policy *p = NULL;
    xl_report *r = NULL;
    char buf[256];
    size_t n = 0;

    /* NULL arguments. */
    EXPECT(xl_dataset_sample(NULL), XL_STATUS_NULL_ARGUMENT);
    ERROR_MENTIONS("`out` is NULL");
    EXPECT(xl_dataset_from_json(NULL, 10, &ds), XL_STATUS_NULL_ARGUMENT);
    ERROR_MENTIONS("`json` is NULL");
    EXPECT(xl_dataset_from_file(NULL, &ds), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_dataset_synthetic(NULL, &ds), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_dataset_problem_count(NULL, &n, &n), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_dataset_problems_json(NULL, buf, sizeof buf, &n), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_policy_preset(NULL, &p), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_policy_from_json(NULL, 0, &p), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_policy_preset("default", NULL), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_policy_json(NULL, buf, sizeof buf, &n), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_rate(NULL, 2025, NULL, NULL, &r), XL_STATUS_NULL_ARGUMENT);
    ERROR_MENTIONS("`dataset` is NULL");
    EXPECT(xl_rate(sample, 2025, NULL, NULL, NULL), XL_STATUS_NULL_ARGUMENT);
    CHECK(ds == sentinel && p == NULL && r == NULL);

    EXPECT(xl_rate(sample, 2025, NULL, NULL, &r), XL_STATUS_OK);
    EXPECT(xl_report_outcome_count(NULL, &n), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_report_outcome_count(r, NULL), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_report_kind(r, 0, NULL), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_report_level(r, 0, NULL), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_report_not_rated_reason(r, 0, NULL), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_report_score(r, 0, NULL), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_report_find(r, NULL, &n), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_report_find(r, "x", NULL), XL_STATUS_NULL_ARGUMENT);
    EXPECT(xl_report_json(r, NULL, 10, &n), XL_STATUS_NULL_ARGUMENT);
    ERROR_MENTIONS("`buf` is NULL");
    EXPECT(xl_report_json(r, NULL, 0, NULL), XL_STATUS_NULL_ARGUMENT);
    ERROR_MENTIONS("`needed` is NULL");
    EXPECT(xl_report_total(NULL, NULL, NULL), XL_STATUS_NULL_ARGUMENT);

    /* Invalid UTF-8 in every kind of string argument. */
    EXPECT(xl_dataset_from_file("/tmp/\xff.json", &ds), XL_STATUS_INVALID_UTF8);
    ERROR_MENTIONS("`path` is not valid UTF-8 (at byte 5)");
    EXPECT(xl_policy_preset("d\xc3\x28", &p), XL_STATUS_INVALID_UTF8);
    EXPECT(xl_dataset_synthetic("\xe1\xba", &ds), XL_STATUS_INVALID_UTF8);
    {
        static const char bad_json[] = "{\"format\": \"xeploai-dataset/1\", \"units\": [\xff]}";
        EXPECT(xl_dataset_from_json(bad_json, sizeof bad_json - 1, &ds), XL_STATUS_INVALID_UTF8);
        EXPECT(xl_policy_from_json(bad_json, sizeof bad_json - 1, &p), XL_STATUS_INVALID_UTF8);
    }
    EXPECT(xl_rate(sample, 2025, "qd366-\xff", NULL, &r), XL_STATUS_INVALID_UTF8);
    EXPECT(xl_report_find(r, "p\xff", &n), XL_STATUS_INVALID_UTF8);
    CHECK(ds == sentinel && p == NULL);

    /* Malformed or mistyped JSON, another format, a missing file. */
    EXPECT(xl_dataset_from_json("{\"format\": ", 11, &ds), XL_STATUS_INVALID_JSON);
    ERROR_MENTIONS("line 1");
    {
        static const char mistyped[] =
            "{\"format\": \"xeploai-dataset/1\", \"units\": [{\"id\": \"T\", "
            "\"kind\": \"galaxy\", \"name\": \"x\"}]}";
        EXPECT(xl_dataset_from_json(mistyped, sizeof mistyped - 1, &ds), XL_STATUS_INVALID_JSON);
        ERROR_MENTIONS("units[0].kind");
    }
    EXPECT(xl_dataset_from_json("{\"format\": \"other/2\"}", 21, &ds),
           XL_STATUS_UNSUPPORTED_FORMAT);
    ERROR_MENTIONS("other/2");
    EXPECT(xl_dataset_from_file("/nonexistent/dataset.json", &ds), XL_STATUS_IO);
    ERROR_MENTIONS("/nonexistent/dataset.json");
    EXPECT(xl_policy_from_json("{\"quota_reading\": \"d\"}", 22, &p), XL_STATUS_INVALID_JSON);
    ERROR_MENTIONS("quota_reading");
    EXPECT(xl_policy_from_json("[", 1, &p), XL_STATUS_INVALID_JSON);
    EXPECT(xl_policy_preset("lenient", &p), XL_STATUS_UNKNOWN_PRESET);
    ERROR_MENTIONS("qd124-discipline");
    EXPECT(xl_rate(sample, 2025, "qd999-2030", NULL, &r), XL_STATUS_UNKNOWN_REGIME);
    EXPECT(xl_rate(sample, 2147483647, NULL, NULL, &r), XL_STATUS_INVALID_YEAR);
    EXPECT(xl_dataset_synthetic("galaxy", &ds), XL_STATUS_INVALID_ARGUMENT);
    CHECK(ds == sentinel && p == NULL);

    /* An invalid dataset loads, tells its problems, and cannot be rated. */
    ds = NULL;
    EXPECT(xl_dataset_from_json(INVALID_DATASET, sizeof INVALID_DATASET - 1, &ds), XL_STATUS_OK);
    size_t errors = 0, warnings = 99;
    EXPECT(xl_dataset_problem_count(ds, &errors, &warnings), XL_STATUS_OK);
    CHECK(errors >= 1);
    EXPECT(xl_dataset_problems_json(ds, NULL, 0, &n), XL_STATUS_OK);
    {
        char *problems = malloc(n + 1);
        CHECK(problems != NULL);
        if (problems != NULL) {
            EXPECT(xl_dataset_problems_json(ds, problems, n + 1, NULL), XL_STATUS_OK);
            CHECK(strstr(problems, "\"code\":\"dangling_reference\"") != NULL);
            CHECK(strstr(problems, "\"path\":\"units[1].parent\"") != NULL);
            CHECK(strstr(problems, "NOPE") != NULL);
        }
        free(problems);
    }
    xl_report *none = NULL;
    EXPECT(xl_rate(ds, 2025, NULL, NULL, &none), XL_STATUS_INVALID_DATASET);
    ERROR_MENTIONS("units[1].parent");
    CHECK(none == NULL);
    EXPECT(xl_dataset_free(ds), XL_STATUS_OK);
    ds = NULL;

    /* Buffers too small; the size query; the last error cut to the buffer. */
    EXPECT(xl_report_json(r, NULL, 0, &n), XL_STATUS_OK);
    size_t need = n;
    {
        char *small = malloc(need); /* no room for the NUL */
        CHECK(small != NULL);
        if (small != NULL) {
            small[0] = 'x';
            n = 0;
            EXPECT(xl_report_json(r, small, need, &n), XL_STATUS_BUFFER_TOO_SMALL);
            CHECK(n == need && small[0] == '\0');
            ERROR_MENTIONS("too small");
        }
        free(small);
    }
    EXPECT(xl_report_explain(r, 0, XL_LANG_VI, buf, 4, &n), XL_STATUS_BUFFER_TOO_SMALL);
    CHECK(n > 4 && buf[0] == '\0');
    {
        char tiny[6];
        size_t full = xl_last_error_message(NULL, 0);
        CHECK(full > 5 && xl_last_error_message(tiny, sizeof tiny) == full);
        CHECK(strlen(tiny) <= 5 && strncmp(tiny, "the b", strlen(tiny)) == 0);
    }
    EXPECT(xl_policy_preset("default", &p), XL_STATUS_OK);
    CHECK(xl_last_error_message(NULL, 0) == 0); /* a success clears it */
    EXPECT(xl_policy_json(p, buf, 8, &n), XL_STATUS_BUFFER_TOO_SMALL);
    EXPECT(xl_policy_free(p), XL_STATUS_OK);
    p = NULL;

    /* Indexes, ids and languages that do not exist. */
    size_t count = 0;
    EXPECT(xl_report_outcome_count(r, &count), XL_STATUS_OK);
    EXPECT(xl_report_subject(r, count, buf, sizeof buf, &n), XL_STATUS_OUT_OF_RANGE);
    xl_level level;
    EXPECT(xl_report_level(r, (size_t)-1, &level), XL_STATUS_OUT_OF_RANGE);
    EXPECT(xl_report_find(r, "no-such-subject", &n), XL_STATUS_NOT_FOUND);
    ERROR_MENTIONS("no-such-subject");
    EXPECT(xl_report_explain(r, 0, 7, buf, sizeof buf, &n), XL_STATUS_INVALID_ARGUMENT);
    ERROR_MENTIONS("unknown language 7");

    /* Frees: NULL is a no-op; a second free and a wrong type are refused. */
    EXPECT(xl_dataset_free(NULL), XL_STATUS_OK);
    EXPECT(xl_policy_free(NULL), XL_STATUS_OK);
    EXPECT(xl_report_free(NULL), XL_STATUS_OK);
    EXPECT(xl_dataset_free((xl_dataset *)r), XL_STATUS_INVALID_HANDLE);
    ERROR_MENTIONS("xl_dataset_free");
    EXPECT(xl_report_free(r), XL_STATUS_OK);
    EXPECT(xl_report_free(r), XL_STATUS_INVALID_HANDLE); /* the second free */
    ERROR_MENTIONS("already freed");
    r = NULL;
}

/* 8 threads rate the same dataset with the same policy at once. */
enum { THREADS = 8 };

struct job {
    const xl_dataset *dataset;
    const xl_policy *policy;
    const char *want; /* the report JSON made on the main thread */
    int index;
    int ok;
};

static void *rate_in_thread(void *arg) {
    struct job *job = arg;
    xl_report *r = NULL;
    job->ok = 0;
    if (xl_rate(job->dataset, 2025, NULL, job->policy, &r) != XL_STATUS_OK) {
        return NULL;
    }
    size_t n = 0;
    char *json = NULL;
    if (xl_report_json(r, NULL, 0, &n) == XL_STATUS_OK && (json = malloc(n + 1)) != NULL &&
        xl_report_json(r, json, n + 1, NULL) == XL_STATUS_OK) {
        job->ok = strcmp(json, job->want) == 0;
    }
    free(json);
    /* The last error is per thread: each thread sees its own message. */
    char id[32], msg[256];
    snprintf(id, sizeof id, "missing-%d", job->index);
    if (xl_report_find(r, id, &n) != XL_STATUS_NOT_FOUND) {
        job->ok = 0;
    }
    for (int spin = 0; spin < 1000; spin++) {
        xl_last_error_message(msg, sizeof msg);
        if (strstr(msg, id) == NULL) {
            job->ok = 0;
        }
    }
    if (xl_report_free(r) != XL_STATUS_OK) {
        job->ok = 0;
    }
    return NULL;
}

static void test_threads(const xl_dataset *sample) {
    xl_policy *policy = NULL;
    xl_report *r = NULL;
    EXPECT(xl_policy_preset("default", &policy), XL_STATUS_OK);
    EXPECT(xl_rate(sample, 2025, NULL, policy, &r), XL_STATUS_OK);
    char *want = report_json(r);
    EXPECT(xl_report_free(r), XL_STATUS_OK);
    CHECK(want != NULL);
    if (want == NULL) {
        xl_policy_free(policy);
        return;
    }
    pthread_t threads[THREADS];
    struct job jobs[THREADS];
    int started = 0;
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (struct job){sample, policy, want, i, 0};
        if (pthread_create(&threads[i], NULL, rate_in_thread, &jobs[i]) == 0) {
            started++;
        } else {
            break;
        }
    }
    CHECK(started == THREADS);
    int ok = 0;
    for (int i = 0; i < started; i++) {
        pthread_join(threads[i], NULL);
        ok += jobs[i].ok;
    }
    printf("threads: %d of %d identical reports\n", ok, THREADS);
    CHECK(ok == THREADS);
    free(want);
    EXPECT(xl_policy_free(policy), XL_STATUS_OK);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s REPO_ROOT\n", argv[0]);
        return 2;
    }
    printf("xeploai %s (header %d.%d.%d)\n", xl_version(), XL_VERSION_MAJOR,
           XL_VERSION_MINOR, XL_VERSION_PATCH);
    test_version();
    xl_dataset *sample = NULL;
    EXPECT(xl_dataset_sample(&sample), XL_STATUS_OK);
    if (sample == NULL) {
        printf("%d passed, %d failed\n", passed, failed);
        return 1;
    }
    test_sample(sample);
    test_conformance(argv[1]);
    test_errors(sample);
    test_threads(sample);
    EXPECT(xl_dataset_free(sample), XL_STATUS_OK);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
