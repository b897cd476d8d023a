// JSONL exports: an article per line, fields as scrapers write them, bad
// lines reported by number, lines followed one by one across runs.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "jsonl_record.hpp"

using namespace gazette;

namespace {

std::string line(const nlohmann::json& j) {
    return j.dump() + "\n";
}

const std::string story =
    "BRUSSELS (Reuters) - NATO and Russia resumed formal talks on Monday, the alliance said. "
    "\"We have differences,\" said Jaap de Hoop Scheffer after the meeting in Brussels.";

std::vector<std::string> ids_for(const std::string& index, const std::string& query) {
    Searcher s(index);
    SearchRequest r;
    r.query = query;
    std::vector<std::string> ids;
    for (const auto& h : s.search(r).hits) ids.push_back(h.id);
    return ids;
}

}  // namespace

TEST_CASE("a JSONL record's fields are read under the names scrapers use", "[jsonl]") {
    auto news_please = parse_jsonl_record(line({{"url", "https://www.reuters.com/a"},
                                                {"title", "NATO and Russia resume talks"},
                                                {"date_publish", "2009-03-05 09:12:00"},
                                                {"source_domain", "reuters.com"},
                                                {"authors", {"Jane Doe", "John Roe"}},
                                                {"maintext", story}}));
    CHECK(news_please.error.empty());
    CHECK(news_please.key == "https://www.reuters.com/a");
    CHECK(news_please.overrides.title == "NATO and Russia resume talks");
    CHECK(news_please.overrides.date == "2009-03-05");
    CHECK(news_please.overrides.outlets == std::vector<std::string>{"reuters.com"});
    CHECK(news_please.authors == std::vector<std::string>{"Jane Doe", "John Roe"});
    CHECK(news_please.text == story);
    CHECK(news_please.format == TextFormat::text);

    auto html = parse_jsonl_record(line({{"id", "x2"},
                                         {"headline", "H"},
                                         {"published", "2019-11-20T11:29:00Z"},
                                         {"publisher", {{"name", "AFP"}}},
                                         {"author", {{{"name", "A B"}}}},
                                         {"html", "<p>text</p>"}}));
    CHECK(html.key == "x2");
    CHECK(html.overrides.outlets == std::vector<std::string>{"AFP"});
    CHECK(html.overrides.date == "2019-11-20");
    CHECK(html.authors == std::vector<std::string>{"A B"});
    CHECK(html.format == TextFormat::html);

    CHECK_THAT(parse_jsonl_record("{not json").error, Catch::Contains("not valid JSON"));
    CHECK_THAT(parse_jsonl_record("[1, 2]").error, Catch::Contains("expected a JSON object"));
    CHECK_THAT(parse_jsonl_record(line({{"title", "t"}})).error,
               Catch::Contains("no article text"));
    auto odd_date = parse_jsonl_record(line({{"date", "sometime"}, {"text", story}}));
    CHECK(odd_date.error.empty());
    CHECK(odd_date.overrides.date.empty());
    CHECK_THAT(odd_date.note, Catch::Contains("date \"sometime\" not understood"));
}

TEST_CASE("a JSONL file indexes each line; bad lines are named; runs follow the lines",
          "[jsonl][cli]") {
    test::TempDir dir;
    auto feed = dir.path() / "in" / "feed.jsonl";
    std::string a = line({{"url", "https://www.reuters.com/a"},
                          {"title", "First story"},
                          {"date", "2009-03-05"},
                          {"source_domain", "reuters.com"},
                          {"text", story + " firstjsonlmarker"}});
    std::string b =
        line({{"id", "b"}, {"title", "Second story"}, {"text", "secondjsonlmarker " + story}});
    test::write_file(feed, a + "{not json\n" + b);
    std::vector<ItemOutcome> outcomes;
    IndexOptions o;
    o.index_path = dir.str("index");
    auto first =
        index_files({dir.str("in")}, o, [&](const ItemOutcome& x) { outcomes.push_back(x); });
    CHECK(first.added == 2);
    CHECK(first.skipped == 1);
    auto bad = std::find_if(outcomes.begin(), outcomes.end(),
                            [](const ItemOutcome& x) { return x.change == Change::skipped; });
    REQUIRE(bad != outcomes.end());
    CHECK_THAT(bad->reason, Catch::StartsWith("line 2: not valid JSON"));
    CHECK(ids_for(o.index_path, "firstjsonlmarker") ==
          std::vector<std::string>{"in/feed.jsonl#https://www.reuters.com/a"});
    Searcher s(o.index_path);
    SearchRequest r;
    r.query = "firstjsonlmarker";
    auto hit = s.search(r).hits.at(0);
    CHECK(hit.title == "First story");
    CHECK(hit.date == "2009-03-05");
    CHECK(hit.outlets == std::vector<std::string>{"Reuters"});  // the domain, canonicalised
    CHECK(hit.url == "https://www.reuters.com/a");
    CHECK(hit.speakers == std::vector<std::string>{"Jaap de Hoop Scheffer"});

    // The second line changes, the first moves down a line, a third comes.
    std::string b2 =
        line({{"id", "b"}, {"title", "Second, revised"}, {"text", "revisedmarker " + story}});
    std::string c = line({{"title", "Third"}, {"text", "thirdjsonlmarker " + story}});
    test::write_file(feed, "\n" + a + b2 + c);
    auto second = index_files({dir.str("in")}, o, nullptr);
    CHECK(second.unchanged == 1);
    CHECK(second.updated == 1);
    CHECK(second.added == 1);
    CHECK(ids_for(o.index_path, "revisedmarker") == std::vector<std::string>{"in/feed.jsonl#b"});
    CHECK(ids_for(o.index_path, "secondjsonlmarker").empty());
    CHECK(ids_for(o.index_path, "thirdjsonlmarker") ==
          std::vector<std::string>{"in/feed.jsonl#line-4"});
    // Lines gone: documents removed.
    test::write_file(feed, a);
    auto third = index_files({dir.str("in")}, o, nullptr);
    CHECK(third.removed == 2);
    CHECK(Searcher(o.index_path).document_count() == 1);
}
