// Query building: dates, name filters, the parser's fields
// (searcher/src/query_builder.cpp).
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "query_builder.hpp"

using namespace gazette;

TEST_CASE("a single date means its whole period", "[query][dates]") {
    CHECK(parse_date_range("2009") == DateRange{"20090101", "20091231"});
    CHECK(parse_date_range("2009-02") == DateRange{"20090201", "20090228"});
    CHECK(parse_date_range("2008-02") == DateRange{"20080201", "20080229"});
    CHECK(parse_date_range("2009-03-05") == DateRange{"20090305", "20090305"});
}

TEST_CASE("date ranges open at either end", "[query][dates]") {
    CHECK(parse_date_range("2009-01-01..2009-06-30") == DateRange{"20090101", "20090630"});
    CHECK(parse_date_range("2009..2010-03") == DateRange{"20090101", "20100331"});
    CHECK(parse_date_range("2009-01-01..") == DateRange{"20090101", ""});
    CHECK(parse_date_range("..2009-06") == DateRange{"", "20090630"});
}

TEST_CASE("bad dates are errors naming the text and never 1970", "[query][dates]") {
    CHECK_THROWS_WITH(parse_date_range("2009-13"), Catch::Contains("\"2009-13\""));
    CHECK_THROWS_WITH(parse_date_range("2009-02-30"), Catch::Contains("2009-02-30"));
    CHECK_THROWS_WITH(parse_date_range("yesterday"), Catch::Contains("yesterday"));
    CHECK_THROWS_WITH(parse_date_range(".."), Catch::Contains(".."));
    CHECK_THROWS_WITH(parse_date_range("2010..2009"), Catch::Contains("ends before it starts"));
}

TEST_CASE("name filters match the whole name or its words", "[query]") {
    const auto& outlet = *schema::find_field("outlet");
    CHECK(name_filter_query(outlet, "Expatica").get_description() ==
          "Query((XOUTLET:expatica OR XOexpatica))");
    CHECK(name_filter_query(outlet, "Russia  TODAY").get_description() ==
          "Query((XOUTLET:russia today OR (XOrussia PHRASE 2 XOtoday)))");
    CHECK_THROWS_AS(name_filter_query(outlet, " - "), Xapian::QueryParserError);
}

TEST_CASE("the parser knows every schema field", "[query]") {
    test::TempDir dir;
    Xapian::WritableDatabase db(dir.str("db"), Xapian::DB_CREATE);
    auto describe = [&](const std::string& q) {
        SearchRequest r;
        r.query = q;
        return build_query(r, db, Ranking{}).query.get_description();
    };
    CHECK(describe("title:Treaty") == "Query(Streati@1)");
    CHECK(describe("speaker:Rogozin") == "Query(0 * (XSPEAKER:rogozin OR XProgozin))");
    CHECK(describe("NATO date:2009-03") ==
          "Query((nato@1 FILTER VALUE_RANGE 0 20090301 20090331))");
    // Any plain word may match, all of them earn a bonus; stop words are
    // dropped; stems are searched.
    CHECK(describe("the CFE treaty suspension") ==
          "Query(((cfe@2 OR treati@3 OR suspens@4) OR 0.25 * (cfe@2 AND treati@3 AND "
          "suspens@4)))");
    // "Or" in mixed case is a word (here a stop word), not an operator.
    CHECK(describe("war Or peace") == "Query(((war@1 OR peac@3) OR 0.25 * (war@1 AND peac@3)))");
    CHECK(describe("war OR peace") == "Query((war@1 OR peac@2))");
}

TEST_CASE("request filters combine with the query", "[query]") {
    test::TempDir dir;
    Xapian::WritableDatabase db(dir.str("db"), Xapian::DB_CREATE);
    SearchRequest r;
    r.query = "nato";
    r.outlets = {"reuters", "AFP"};
    r.since = "2009";
    r.until = "2009-06";
    auto d = build_query(r, db, Ranking{}).query.get_description();
    CHECK(d ==
          "Query(((nato@1 FILTER ((XOUTLET:reuters OR XOreuters) OR (XOUTLET:afp OR XOafp))) "
          "FILTER VALUE_RANGE 0 20090101 20090630))");
    r.since = "2010";
    std::string message;
    try {
        (void)build_query(r, db, Ranking{});
    } catch (const Xapian::QueryParserError& e) {
        message = e.get_msg();
    }
    CHECK(message == "--since 2010 is after --until 2009-06");
}

TEST_CASE("highlight terms are the query's body stems and wildcard prefixes", "[query]") {
    test::TempDir dir;
    Xapian::WritableDatabase db(dir.str("db"), Xapian::DB_CREATE);
    SearchRequest r;
    r.query = "title:Treaty suspension outlet:reuters Rogo*";
    auto b = build_query(r, db, Ranking{});
    std::sort(b.highlight_terms.begin(), b.highlight_terms.end());
    CHECK(b.highlight_terms == std::vector<std::string>{"suspens", "treati"});
    CHECK(b.wildcard_prefixes == std::vector<std::string>{"rogo"});
}
