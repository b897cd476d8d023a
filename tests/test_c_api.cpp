// The C API (gazette/gazette.h): status codes, messages, ownership,
// hit-by-hit reading; and the C and Python ctypes examples.
#include <catch2/catch.hpp>

#include "gazette/gazette.h"
#include "gazette/version.hpp"
#include "helpers.hpp"

using namespace gazette;
using test::quote;
using test::run;
using test::seed_index;

TEST_CASE("C API searches and reads hits one by one", "[c_api]") {
    gazette_searcher* s = nullptr;
    REQUIRE(gazette_searcher_open(seed_index().c_str(), &s) == GAZETTE_OK);
    size_t count = 0;
    CHECK(gazette_searcher_document_count(s, &count) == GAZETTE_OK);
    CHECK(count == 5);
    gazette_request* r = gazette_request_new("CFE treaty suspension");
    REQUIRE(r);
    CHECK(gazette_request_set_extras(r, 1, 5, 1) == GAZETTE_OK);
    gazette_result* res = nullptr;
    REQUIRE(gazette_search(s, r, &res) == GAZETTE_OK);
    REQUIRE(gazette_result_hit_count(res) == 3);
    CHECK(gazette_result_total(res) == 3);
    CHECK(gazette_result_relaxed(res) == 0);  // 002 has every word or its relative
    CHECK(test::seed_of(gazette_hit_path(res, 0)) == "002");
    CHECK(gazette_hit_rank(res, 0) == 1);
    CHECK(std::string(gazette_hit_title(res, 0)) ==
          "NATO Resumes Talks With Russia, Differences Remain");
    CHECK(std::string(gazette_hit_date(res, 0)).empty());
    CHECK(gazette_hit_outlet_count(res, 0) == 1);
    CHECK(std::string(gazette_hit_outlet(res, 0, 0)) == "Reuters");
    CHECK(gazette_hit_speaker_count(res, 0) == 2);
    CHECK_THAT(gazette_hit_snippet(res, 0), Catch::Contains("<mark>CFE</mark>"));
    std::string text = gazette_hit_text(res, 0);
    std::vector<std::string> words;
    for (size_t k = 0; k < gazette_hit_highlight_count(res, 0); ++k) {
        size_t b = 0, n = 0;
        REQUIRE(gazette_hit_highlight(res, 0, k, &b, &n) == GAZETTE_OK);
        words.push_back(text.substr(b, n));
    }
    CHECK(words == std::vector<std::string>{"CFE", "treaty", "suspended"});
    CHECK(gazette_result_facet_count(res, "outlets") == 4);  // 000 credits two
    CHECK(gazette_result_facet_count(res, "colours") == 0);
    CHECK(std::string(gazette_result_suggestion(res)).empty());
    // Out of range: NULL and 0, never a crash.
    CHECK(gazette_hit_path(res, 3) == nullptr);
    CHECK(gazette_hit_outlet(res, 0, 9) == nullptr);
    size_t b, n;
    CHECK(gazette_hit_highlight(res, 0, 99, &b, &n) == GAZETTE_INVALID_ARGUMENT);
    gazette_result_free(res);

    CHECK(gazette_request_set_query(r, "NATO") == GAZETTE_OK);
    CHECK(gazette_request_add_outlet(r, "expatica") == GAZETTE_OK);
    CHECK(gazette_request_set_sort(r, GAZETTE_SORT_DATE, 0) == GAZETTE_OK);
    CHECK(gazette_request_set_page(r, 0, 1) == GAZETTE_OK);
    REQUIRE(gazette_search(s, r, &res) == GAZETTE_OK);
    REQUIRE(gazette_result_hit_count(res) == 1);
    CHECK(test::seed_of(gazette_hit_path(res, 0)) == "004");
    CHECK(gazette_result_total(res) == 2);
    gazette_result_free(res);
    gazette_request_free(r);
    gazette_searcher_free(s);
}

TEST_CASE("C API errors are status codes with a message", "[c_api][errors]") {
    gazette_searcher* s = reinterpret_cast<gazette_searcher*>(0x1);
    CHECK(gazette_searcher_open("/nonexistent/gazette", &s) == GAZETTE_NO_INDEX);
    CHECK(s == nullptr);
    CHECK_THAT(gazette_last_error(), Catch::Contains("no index at /nonexistent/gazette"));
    CHECK(std::string(gazette_status_name(GAZETTE_NO_INDEX)) == "no_index");

    REQUIRE(gazette_searcher_open(seed_index().c_str(), &s) == GAZETTE_OK);
    CHECK(std::string(gazette_last_error()).empty());
    gazette_request* r = gazette_request_new("date:2009-02-30");
    gazette_result* res = nullptr;
    CHECK(gazette_search(s, r, &res) == GAZETTE_BAD_QUERY);
    CHECK(res == nullptr);
    CHECK_THAT(gazette_last_error(), Catch::Contains("2009-02-30"));
    CHECK(gazette_search(nullptr, r, &res) == GAZETTE_INVALID_ARGUMENT);
    CHECK(gazette_search(s, nullptr, &res) == GAZETTE_INVALID_ARGUMENT);
    CHECK(gazette_request_set_sort(r, static_cast<gazette_sort>(7), 0) == GAZETTE_INVALID_ARGUMENT);
    gazette_request_free(r);
    gazette_searcher_free(s);
    // Freeing NULL is a no-op.
    gazette_searcher_free(nullptr);
    gazette_request_free(nullptr);
    gazette_result_free(nullptr);
    CHECK(std::string(gazette_version()) == gazette::version_string);
    CHECK(std::string(gazette_version()) == std::to_string(GAZETTE_VERSION_MAJOR) + "." +
                                                std::to_string(GAZETTE_VERSION_MINOR) + "." +
                                                std::to_string(GAZETTE_VERSION_PATCH));
}

TEST_CASE("C API opens shards together", "[c_api][shards]") {
    const char* paths[] = {seed_index().c_str(), seed_index().c_str()};
    gazette_searcher* s = nullptr;
    REQUIRE(gazette_searcher_open_shards(paths, 1, &s) == GAZETTE_OK);
    gazette_searcher_free(s);
    CHECK(gazette_searcher_open_shards(nullptr, 0, &s) == GAZETTE_NO_INDEX);
}

TEST_CASE("the C example prints 002 first", "[c_api][examples]") {
    auto r = run(std::string(GAZETTE_EMBED_C_BIN) + " " + quote(seed_index()));
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::StartsWith(
                          "3 hits\n1. NATO Resumes Talks With Russia, Differences Remain ("));
    CHECK_THAT(r.out, Catch::Contains("002_585ae4fd7902f67d.txt)\n   "));
    CHECK_THAT(r.out, Catch::Contains("[CFE] [treaty]"));
    auto bad =
        run(std::string(GAZETTE_EMBED_C_BIN) + " " + quote(seed_index()) + " 'NATO AND' 2>&1");
    CHECK(bad.status == 1);
    CHECK_THAT(bad.out, Catch::Contains("error (bad_query)"));
}

TEST_CASE("the Python ctypes example prints 002 first", "[c_api][examples]") {
    auto r = run("python3 " + quote(GAZETTE_EMBED_PY) + " " + quote(GAZETTE_SHARED_LIB) + " " +
                 quote(seed_index()));
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::StartsWith(
                          "3 hits\n1. NATO Resumes Talks With Russia, Differences Remain ("));
    CHECK_THAT(r.out, Catch::Contains("002_585ae4fd7902f67d.txt)\n   highlighted: CFE, treaty"));
    auto bad = run("python3 " + quote(GAZETTE_EMBED_PY) + " " + quote(GAZETTE_SHARED_LIB) +
                   " /nonexistent 2>&1");
    CHECK(bad.status == 1);
    CHECK_THAT(bad.out, Catch::Contains("error: no index at /nonexistent"));
}
