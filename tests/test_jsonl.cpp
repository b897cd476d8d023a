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
    r.all_copies = true;  // the pages of these tests are near-duplicates
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

TEST_CASE("a JSONL file indexes each line, bad lines are named, runs follow the lines",
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

TEST_CASE("a folder mixing text, HTML and JSONL: filters work across all three",
          "[jsonl][html][cli]") {
    test::TempDir dir;
    // Text: a Reuters story with a byline and a date.
    test::write_file(dir.path() / "in" / "a.txt",
                     "Home\nWorld\n\nNATO and Russia resume talks\n\nBy Jane Doe\n\n"
                     "March 5, 2009\n\nBRUSSELS (Reuters) - NATO and Russia resumed formal talks "
                     "on Monday, ending a freeze that began after the war in Georgia.\n\n"
                     "\"We have differences,\" said Jaap de Hoop Scheffer after the meeting in "
                     "Brussels, where the council met.\n");
    // HTML: a Le Monde page, OpenGraph only.
    test::write_file(dir.path() / "in" / "b.html",
                     "<html><head><meta property='og:site_name' content='Le Monde.fr'>"
                     "<meta property='og:title' content='Le Conseil OTAN-Russie se réunit'>"
                     "<meta property='article:published_time' content='2009-06-27T12:00:00+02:00'>"
                     "</head><body><article><h1>Le Conseil OTAN-Russie se réunit</h1>"
                     "<p>Le Conseil OTAN-Russie s'est réuni samedi à Corfou pour la première "
                     "fois depuis la guerre en Géorgie, ont indiqué des diplomates.</p>"
                     "<p>« Nous avons des différences », a déclaré Sergueï Lavrov à Corfou, "
                     "où les ministres se sont retrouvés.</p></article></body></html>");
    // JSONL: a Sky News record.
    test::write_file(dir.path() / "in" / "c.jsonl",
                     line({{"url", "https://news.sky.com/story/x"},
                           {"title", "Envoys meet again in Brussels"},
                           {"date", "2009-12-08"},
                           {"text",
                            "Envoys met again in Brussels on Tuesday. \"It was useful,\" "
                            "said Dmitry Rogozin, Russia's envoy to NATO."}}));
    IndexOptions o;
    o.index_path = dir.str("index");
    auto summary = index_files({dir.str("in")}, o, nullptr);
    CHECK(summary.added == 3);
    Searcher s(o.index_path);
    auto ids = [&](SearchRequest r) {
        std::vector<std::string> out;
        r.limit = 10;
        for (const auto& h : s.search(r).hits) out.push_back(h.id);
        std::sort(out.begin(), out.end());
        return out;
    };
    SearchRequest by_outlet;
    by_outlet.outlets = {"Reuters"};
    CHECK(ids(by_outlet) == std::vector<std::string>{"in/a.txt"});
    by_outlet.outlets = {"Le Monde"};
    CHECK(ids(by_outlet) == std::vector<std::string>{"in/b.html"});
    by_outlet.outlets = {"Sky News"};
    CHECK(ids(by_outlet) == std::vector<std::string>{"in/c.jsonl#https://news.sky.com/story/x"});
    SearchRequest by_speaker;
    by_speaker.speakers = {"Sergueï Lavrov"};
    CHECK(ids(by_speaker) == std::vector<std::string>{"in/b.html"});
    by_speaker.speakers = {"Dmitry Rogozin"};
    CHECK(ids(by_speaker) == std::vector<std::string>{"in/c.jsonl#https://news.sky.com/story/x"});
    by_speaker.speakers = {"Jaap de Hoop Scheffer"};
    CHECK(ids(by_speaker) == std::vector<std::string>{"in/a.txt"});
    SearchRequest by_date;
    by_date.since = "2009-06-01";
    CHECK(ids(by_date) ==
          std::vector<std::string>{"in/b.html", "in/c.jsonl#https://news.sky.com/story/x"});
    by_date.since = "";
    by_date.until = "2009-03-31";
    CHECK(ids(by_date) == std::vector<std::string>{"in/a.txt"});
}

TEST_CASE("lines a collection repeats on many pages are learned as its chrome", "[layout][cli]") {
    test::TempDir dir;
    auto page = [](int n) {
        return "Planet Home\nPlanet Sport\nPlanet Weather\n\nStory number " + std::to_string(n) +
               " about the council\n\nBy Clark Kent\n\nThe council met on Monday for meeting "
               "number " +
               std::to_string(n) +
               " and talked for many hours about the budget and the roads.\n\n"
               "Most members said the roads came first, and the schools a close second, "
               "in a year of tight money.\n\n"
               "Get the Daily Planet app\n\nThe members agreed to meet again next week to "
               "settle the budget, the chairman told reporters afterwards.\n";
    };
    for (int n = 1; n <= 6; ++n)
        test::write_file(dir.path() / "in" / ("p" + std::to_string(n) + ".txt"), page(n));
    IndexOptions o;
    o.index_path = dir.str("index");
    index_files({dir.str("in")}, o, nullptr);
    // "Get the Daily Planet app" sits inside the story on every page: learned
    // as chrome, it is no longer searchable text.
    CHECK(ids_for(o.index_path, "\"daily planet app\"").empty());
    CHECK(ids_for(o.index_path, "budget").size() == 6);
    // A new page alone (an incremental run) still knows the collection.
    test::write_file(dir.path() / "in" / "p7.txt", page(7));
    auto again = index_files({dir.str("in")}, o, nullptr);
    CHECK(again.added == 1);
    CHECK(ids_for(o.index_path, "\"daily planet app\"").empty());
    // A lone page with the line keeps it.
    test::TempDir other;
    test::write_file(other.path() / "in" / "p1.txt", page(1));
    IndexOptions o2;
    o2.index_path = other.str("index");
    index_files({other.str("in")}, o2, nullptr);
    CHECK(ids_for(o2.index_path, "\"daily planet app\"").size() == 1);
}

TEST_CASE("a text of one paragraph is the story, not a headline over nothing", "[jsonl]") {
    Extractor ex;
    ArticleOverrides o;
    o.url = "https://www.reuters.com/a";
    o.title = "First story";
    o.origin = "JSONL record";
    auto a = ex.extract(story + " onlyparagraphmarker", &o);
    CHECK(a.title == "First story");
    CHECK_THAT(a.body, Catch::Contains("onlyparagraphmarker"));
    CHECK_THAT(a.body, Catch::StartsWith("BRUSSELS (Reuters) - NATO"));
}
