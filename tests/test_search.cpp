// The Searcher on an index of the seed corpus: the first slice's acceptance
// (ranks, filters, query syntax, chrome words, re-indexing, errors).
#include <fmt/format.h>
#include <xapian.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <set>

#include "feedback.hpp"
#include "helpers.hpp"
#include "schema.hpp"
#include "term_stats.hpp"
#include "text.hpp"

using namespace gazette;
using test::seed_index;
using test::seeds;
using test::sorted_seeds;
using V = std::vector<std::string>;

namespace {

SearchResult search(const std::string& q, SearchRequest r = {}) {
    r.query = q;
    return Searcher(seed_index()).search(r);
}

std::vector<std::string> marked(const Hit& h) {
    std::vector<std::string> out;
    for (const auto& s : h.highlights) out.push_back(h.text.substr(s.begin, s.length));
    return out;
}

}  // namespace

TEST_CASE("CFE treaty suspension ranks 002 first with CFE and treaty marked",
          "[search][acceptance]") {
    auto r = search("CFE treaty suspension");
    REQUIRE(r.hits.size() >= 3);
    CHECK(test::seed_of(r.hits[0].path) == "002");
    CHECK(r.hits[0].rank == 1);
    CHECK(r.hits[0].title == "NATO Resumes Talks With Russia, Differences Remain");
    auto words = marked(r.hits[0]);
    CHECK(std::count(words.begin(), words.end(), "CFE") == 1);
    CHECK(std::find(words.begin(), words.end(), "treaty") != words.end());
    CHECK_THAT(r.hits[0].snippet, Catch::Contains("<mark>CFE</mark> <mark>treaty</mark>"));
    // No seed says "suspension": 002 and 000 say "suspended" (its word
    // family), 000 says "Conventional Forces in Europe" (CFE's long form,
    // which 002 spells out), 001 says "suspended" and "treaty". Without
    // relaxing: 002 has every word or its relative.
    CHECK_FALSE(r.relaxed);
    CHECK(std::find(words.begin(), words.end(), "suspended") != words.end());
    CHECK(test::seed_of(r.hits[1].path) == "000");
    CHECK(test::seed_of(r.hits[2].path) == "001");
    CHECK(r.hits[0].percent > r.hits[1].percent);
    CHECK(r.hits[0].score > r.hits[1].score);
    auto has = [&](const std::string& note) {
        return std::find(r.expansions.begin(), r.expansions.end(), note) != r.expansions.end();
    };
    CHECK(has("suspens -> suspend (word family)"));
    CHECK(has("cfe -> \"conventional forces in europe\" (alias)"));
}

TEST_CASE("acronyms mined from the articles work both ways", "[search][acceptance]") {
    // 002 writes "Conventional Forces in Europe Treaty" and "The CFE treaty".
    CHECK(seeds(search("CFE")) == V{"002", "000"});
    auto long_form = search("Conventional Forces in Europe");
    CHECK(test::seed_of(long_form.hits.at(0).path) == "002");
    CHECK(test::seed_of(long_form.hits.at(1).path) == "000");
    // With the alias off, CFE is only where it is written.
    SearchRequest off;
    off.ranking = "alias=0";
    CHECK(seeds(search("CFE", off)) == V{"002"});
}

TEST_CASE("missile defence shield: spellings match each other", "[search][acceptance]") {
    auto r = search("missile defence shield");
    REQUIRE_FALSE(r.hits.empty());
    CHECK(test::seed_of(r.hits[0].path) == "004");
    auto found = sorted_seeds(r);
    for (const char* seed : {"000", "001", "003"})
        CHECK(std::find(found.begin(), found.end(), seed) != found.end());
    // 003 says "missile defense", and it is marked.
    for (const auto& h : r.hits)
        if (test::seed_of(h.path) == "003")
            CHECK_THAT(h.snippet, Catch::Contains("<mark>defense</mark>"));
    SearchRequest off;
    off.ranking = "variant=0";
    auto without = search("missile defence shield", off);
    CHECK(std::count_if(without.hits.begin(), without.hits.end(), [](const Hit& h) {
              return h.snippet.find("<mark>defense</mark>") != std::string::npos;
          }) == 0);
}

TEST_CASE("articles with every word rank before those with some, none dropped", "[search]") {
    auto r = search("CFE treaty");
    CHECK_FALSE(r.relaxed);
    auto s = seeds(r);
    REQUIRE(s.size() >= 2);
    CHECK(s[0] == "002");
    // 000 and 001 mention only the treaty (000 by its long name): still found.
    CHECK(std::find(s.begin(), s.end(), "001") != s.end());
    CHECK(std::find(s.begin(), s.end(), "000") != s.end());
    // Explicit AND keeps only articles with both (000 by CFE's long form).
    CHECK(seeds(search("CFE AND treaty")) == V{"002", "000"});
    CHECK(seeds(search("CFE AND Medvedev")).empty());
    // No article has both words: relaxed says so; all with either are found.
    auto none = search("Ossetia Kosovo Afghanistan Munich");
    CHECK(none.relaxed);
}

TEST_CASE("an all-capitals headline is words, not operators", "[search]") {
    // "AND" and "NOT" are words here (stop words), so nothing is excluded.
    auto headline = search("NATO AND RUSSIA NOT AT ODDS OVER GEORGIA");
    CHECK(headline.hits.size() == 5);
    // Short all-capitals queries keep their operators.
    CHECK(search("NOT NATO").hits.empty());
    SearchRequest off;
    off.ranking = "caps_words=off";
    CHECK(headline.parsed_query.find("AND_NOT") == std::string::npos);
    auto boolean = search("NATO AND RUSSIA NOT AT ODDS OVER GEORGIA", off);
    CHECK(boolean.parsed_query.find("AND_NOT") != std::string::npos);
}

TEST_CASE("stop words are dropped between operators too", "[search]") {
    // Snowball's English list: "against" and "the" are stop words.
    auto r = search("Kosovo OR against OR the");
    CHECK(r.parsed_query.find("against") == std::string::npos);
    CHECK(sorted_seeds(r) == V{"001", "004"});
    // In a phrase they are searched: only 003 writes "the Cold War".
    CHECK(sorted_seeds(search("\"Cold War\"")) == V{"001", "002", "003"});
    CHECK(sorted_seeds(search("\"the Cold War\"")) == V{"003"});
}

TEST_CASE("more like this ranks articles sharing the story first", "[search][acceptance]") {
    SearchRequest like;
    like.like = test::corpus_dir() + "/004_63d7ad7da0350d37.txt";
    auto r = search("", like);
    auto s = seeds(r);
    REQUIRE(s.size() == 4);  // every other seed, never 004 itself
    auto rank = [&](const char* seed) { return std::find(s.begin(), s.end(), seed) - s.begin(); };
    CHECK((rank("001") < rank("003") || rank("000") < rank("003")));
    CHECK(std::find(s.begin(), s.end(), "004") == s.end());
    // By id too; an unknown article is a bad query naming it.
    SearchRequest by_id;
    by_id.like = "corpus/004_63d7ad7da0350d37.txt";
    CHECK(seeds(search("", by_id)) == s);
    SearchRequest unknown;
    unknown.like = "corpus/nope.txt";
    CHECK_THROWS_WITH(search("", unknown), Catch::Contains("--like corpus/nope.txt"));
}

TEST_CASE("outlet and speaker and date filters", "[search][acceptance]") {
    SearchRequest by_outlet;
    by_outlet.outlets = {"expatica"};
    CHECK(sorted_seeds(search("NATO", by_outlet)) == V{"001", "004"});
    SearchRequest by_speaker;
    by_speaker.speakers = {"rogozin"};
    CHECK(sorted_seeds(search("NATO", by_speaker)) == V{"000", "001", "002", "004"});
    SearchRequest by_date;
    by_date.since = "2009-01-01";
    by_date.until = "2009-12-31";
    CHECK(sorted_seeds(search("NATO", by_date)) == V{"000", "004"});
    SearchRequest both;
    both.outlets = {"Expatica"};
    both.since = "2009";
    CHECK(sorted_seeds(search("", both)) == V{"004"});
}

TEST_CASE("the same filters through query syntax", "[search][acceptance]") {
    CHECK(sorted_seeds(search("NATO outlet:expatica")) == V{"001", "004"});
    CHECK(sorted_seeds(search("speaker:rogozin")) == V{"000", "001", "002", "004"});
    CHECK(sorted_seeds(search("date:2009-01-01..2009-12-31")) == V{"000", "004"});
    CHECK(sorted_seeds(search("date:2010")) == V{"003"});
    CHECK(sorted_seeds(search("speaker:\"de Hoop Scheffer\"")) == V{"000", "002"});
    CHECK(sorted_seeds(search("outlet:\"russia today\"")) == V{"000", "003"});
}

TEST_CASE("outlet aliases find the canonical outlet", "[search]") {
    CHECK(sorted_seeds(search("outlet:RT")) == V{"000", "003"});
    CHECK(sorted_seeds(search("outlet:afp")) == V{"004"});
    CHECK(sorted_seeds(search("outlet:\"Agence France-Presse\"")) == V{"004"});
}

TEST_CASE("chrome words find nothing", "[search][acceptance]") {
    CHECK(search("icon").hits.empty());
    CHECK(search("bookmarkicon").hits.empty());
    CHECK(search("Disclaimer").hits.empty());
    CHECK(search("Podcasts").hits.empty());
    CHECK(search("\"Accessibility links\"").hits.empty());
    CHECK(search("\"Breaking News\"").hits.empty());
    CHECK(search("\"Url of this article\"").hits.empty());
    // Its chrome line gone, "Accessibility" finds 002 no more; only 003's
    // "access", a relative in its word family.
    CHECK(sorted_seeds(search("Accessibility")) == V{"003"});
    CHECK(sorted_seeds(search("accessible")) == V{"003"});
    // The story word "access" (003: "transport access") is still found; plain
    // Snowball would have stemmed "Accessibility" to it.
    auto r = search("access");
    CHECK(seeds(r) == V{"003"});
    CHECK(marked(r.hits[0]) == V{"access"});
}

TEST_CASE("query syntax with phrases and boolean operators and wildcards and title", "[search]") {
    CHECK(seeds(search("\"red carpet\"")) == V{"003"});
    // 000: "Conventional Forces in Europe", CFE's long form.
    CHECK(sorted_seeds(search("CFE OR Medvedev")) == V{"000", "001", "002", "003"});
    CHECK(sorted_seeds(search("Rogozin NOT Reuters")) == V{"000", "001", "004"});
    CHECK(sorted_seeds(search("NOT NATO")).empty());
    CHECK(sorted_seeds(search("Corbyn NEAR/3 MP")) == V{"003"});
    auto w = search("Rasmus*");
    CHECK(seeds(w) == V{"003"});
    CHECK(marked(w.hits[0]) == V{"Rasmussen"});
    CHECK(sorted_seeds(search("title:dialogue")) == V{"000"});
    CHECK(search("title:Obama").hits.empty());
}

TEST_CASE("a title match outranks a body match", "[search]") {
    auto r = search("carpet OR landmark");
    REQUIRE(r.hits.size() == 2);
    // Both words appear once in the body and once in the title.
    SearchRequest req;
    auto body_only = search("Rasmussen OR Klau");
    CHECK(seeds(body_only) == V{"003"});
    auto t = search("dialogue");
    REQUIRE(t.hits.size() >= 2);
    CHECK(test::seed_of(t.hits[0].path) == "000");  // in 000's title and body
}

TEST_CASE("sorting by date and paging", "[search]") {
    SearchRequest r;
    r.sort = SortOrder::date;
    auto newest = seeds(search("NATO", r));
    REQUIRE(newest.size() == 5);
    CHECK(V(newest.begin(), newest.begin() + 3) == V{"003", "004", "000"});  // then the undated
    r.reverse = true;
    auto oldest = seeds(search("NATO", r));
    CHECK(V(oldest.begin() + 3, oldest.end()) == V{"004", "003"});
    SearchRequest page;
    page.sort = SortOrder::date;
    page.offset = 1;
    page.limit = 2;
    auto p = search("NATO", page);
    CHECK(seeds(p) == V{"004", "000"});
    CHECK(p.hits[0].rank == 2);
    CHECK(p.total == 5);
}

TEST_CASE("reverse relevance returns the weakest match first", "[search]") {
    SearchRequest r;
    auto best = seeds(search("CFE treaty suspension", r));
    r.reverse = true;
    auto worst = seeds(search("CFE treaty suspension", r));
    std::reverse(worst.begin(), worst.end());
    CHECK(worst == best);
}

TEST_CASE("hits carry the stored fields", "[search]") {
    auto r = search("\"red carpet\"");
    REQUIRE(r.hits.size() == 1);
    const auto& h = r.hits[0];
    CHECK(h.date == "2010-11-22");
    CHECK(h.outlets == V{"Russia Today"});
    CHECK(h.speakers.size() == 5);
    CHECK(h.path == test::fs::canonical(test::corpus_dir() + "/003_11b7f1d2bebe1b2e.txt").string());
    CHECK_THAT(r.parsed_query, Catch::Contains("red@1 PHRASE 2 carpet@2"));
}

TEST_CASE("custom markers or no markers or no snippet", "[search]") {
    SearchRequest r;
    r.highlight_open = "[";
    r.highlight_close = "]";
    r.escape_html = false;
    CHECK_THAT(search("CFE", r).hits[0].snippet, Catch::Contains("The [CFE] treaty"));
    r.highlight_open = r.highlight_close = "";
    auto h = search("CFE", r).hits[0];
    CHECK(h.snippet == h.text);
    r.snippet_length = 0;
    auto none = search("CFE", r).hits[0];
    CHECK(none.snippet.empty());
    CHECK(none.highlights.empty());
}

TEST_CASE("no hits is an empty result and not an error", "[search]") {
    auto r = search("zzyzx");
    CHECK(r.hits.empty());
    CHECK(r.total == 0);
}

TEST_CASE("bad queries raise bad_query naming the text", "[search][errors]") {
    try {
        (void)search("date:2009-13-01");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::bad_query);
        CHECK_THAT(e.what(), Catch::Contains("2009-13-01"));
    }
    SearchRequest r;
    r.since = "last week";
    CHECK_THROWS_WITH(search("NATO", r), Catch::Contains("last week"));
    CHECK_THROWS_AS(search("NATO AND"), Error);
}

TEST_CASE("re-indexing an unchanged corpus keeps five documents", "[search][acceptance]") {
    test::TempDir dir;
    auto first = test::index_corpus(dir.str("index"));
    CHECK(first.documents == 5);
    auto second = test::index_corpus(dir.str("index"));
    CHECK(second.unchanged == 5);
    CHECK(second.added + second.updated + second.removed == 0);
    CHECK(second.documents == 5);
    CHECK(Searcher(dir.str("index")).document_count() == 5);
}

TEST_CASE("opening errors have their documented kinds", "[search][errors]") {
    test::TempDir dir;
    auto kind_of = [](const std::string& path) {
        try {
            Searcher s(path);
        } catch (const Error& e) {
            return std::string(to_string(e.kind()));
        }
        return std::string("none");
    };
    CHECK(kind_of(dir.str("missing")) == "no_index");
    test::write_file(dir.path() / "folder" / "notes.txt", "not an index");
    CHECK(kind_of(dir.str("folder")) == "no_index");
    {
        Xapian::WritableDatabase db(dir.str("plain"), Xapian::DB_CREATE);
        db.commit();
    }
    CHECK(kind_of(dir.str("plain")) == "schema_mismatch");
    {
        Xapian::WritableDatabase db(dir.str("future"), Xapian::DB_CREATE);
        db.set_metadata("gazette.schema", "999");
        db.commit();
    }
    CHECK(kind_of(dir.str("future")) == "schema_mismatch");
    IndexOptions opts;
    opts.index_path = dir.str("future");
    CHECK_THROWS_WITH(index_files({test::corpus_dir()}, opts, nullptr),
                      Catch::Contains("schema version 999"));
}

TEST_CASE("a second writer is told the index is locked", "[search][errors]") {
    test::TempDir dir;
    IndexWriter first(dir.str("index"));
    try {
        IndexWriter second(dir.str("index"));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::locked);
        CHECK_THAT(e.what(), Catch::Contains("locked"));
    }
}

TEST_CASE("totals are exact with date and outlet filters and any page size",
          "[search][acceptance]") {
    test::TempDir dir;
    // 300 articles over 1961: every third from Reuters, the rest from AFP;
    // every fifth about the budget. (On this index Xapian's estimates were
    // 30 for 20 and 30 for 25.)
    constexpr std::array<const char*, 12> months = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    constexpr std::array<const char*, 5> topics = {"budget", "roads", "schools", "taxes", "parks"};
    std::size_t november = 0, reuters_budget = 0;
    for (int i = 0; i < 300; ++i) {
        auto month = static_cast<std::size_t>(i % 12);
        bool reuters = i % 3 == 0;
        november += month == 10;
        reuters_budget += reuters && i % 5 == 0;
        test::write_file(dir.path() / "in" / fmt::format("a{:03d}.txt", i),
                         fmt::format("Council meeting number {}\n\nBy Jane Doe\n\n{} {}, 1961\n\n"
                                     "BRUSSELS ({}) - The council met again on the {}, members "
                                     "said after meeting number {}.\n",
                                     i, months[month], 1 + i % 28, reuters ? "Reuters" : "AFP",
                                     topics[static_cast<std::size_t>(i % 5)], i));
    }
    IndexOptions o;
    o.index_path = dir.str("index");
    REQUIRE(index_files({dir.str("in")}, o, nullptr).added == 300);
    Searcher s(o.index_path);
    for (std::size_t limit : {std::size_t{1}, std::size_t{10}, std::size_t{100}}) {
        SearchRequest r;
        r.limit = limit;
        r.query = "budget";
        r.outlets = {"Reuters"};
        CHECK(s.search(r).total == reuters_budget);
        r.outlets.clear();
        r.query = "council";
        r.since = "1961-11-01";
        r.until = "1961-11-30";
        CHECK(s.search(r).total == november);
        r.since = r.until = "";
        r.query = "council date:1961-11";
        r.offset = 3;
        CHECK(s.search(r).total == november);
    }
}

TEST_CASE("a wire story on two outlets is one hit naming both", "[search][acceptance]") {
    test::TempDir dir;
    const std::string story =
        "Ministers of the alliance agreed on Thursday to resume formal talks with Moscow after "
        "a freeze of eight months. The decision came after a long meeting in Brussels where "
        "diplomats argued over the future of the treaty on conventional forces. Officials said "
        "the talks would begin at ambassador level next month and cover arms control, energy "
        "security and the war in Afghanistan. Critics warned that the move rewarded Moscow for "
        "its war in Georgia, but supporters said dialogue was needed more than ever.";
    test::write_file(dir.path() / "in" / "a.txt",
                     "Alliance to resume talks with Moscow\n\nBy Reuters\n\n" + story + "\n");
    test::write_file(dir.path() / "in" / "b.txt",
                     "Alliance agrees to resume Moscow talks\n\n"
                     "Agence France-Presse\n\n" +
                         story + " Talks start in Brussels.\n");
    test::write_file(dir.path() / "in" / "c.txt",
                     "Harvest news\n\nBy Reuters\n\nFarmers in the valley harvested a record "
                     "crop of apples this autumn, and the cooperative said prices would fall "
                     "as the talks with Moscow on exports stalled for another season.\n");
    IndexOptions o;
    o.index_path = dir.str("index");
    REQUIRE(index_files({dir.str("in")}, o, nullptr).added == 3);
    Searcher s(o.index_path);
    SearchRequest r;
    r.query = "moscow talks";
    auto one = s.search(r);
    REQUIRE(one.hits.size() == 2);  // the story once, and the harvest note
    CHECK(one.total == 2);
    const Hit& wire = one.hits[0].title.starts_with("Alliance") ? one.hits[0] : one.hits[1];
    std::vector<std::string> outlets = wire.outlets;
    outlets.insert(outlets.end(), wire.also_in.begin(), wire.also_in.end());
    std::sort(outlets.begin(), outlets.end());
    CHECK(outlets == V{"Agence France-Presse", "Reuters"});
    CHECK(wire.copies == 1);
    r.all_copies = true;
    auto all = s.search(r);
    CHECK(all.hits.size() == 3);
    CHECK(all.total == 3);
    for (const auto& h : all.hits) CHECK(h.also_in.empty());
    // The count with a filter counts stories too.
    r.all_copies = false;
    r.outlets = {"Reuters"};
    CHECK(s.search(r).total == 2);
}

TEST_CASE("collapsed totals count stories whether or not copies are marked", "[search]") {
    test::TempDir dir;
    const std::string alliance =
        "Ministers of the alliance agreed on Thursday to resume formal talks with Moscow after "
        "a freeze of eight months. The decision came after a long meeting in Brussels where "
        "diplomats argued over the future of the treaty on conventional forces. Officials said "
        "the talks would begin at ambassador level next month and cover arms control, energy "
        "security and the war in Afghanistan. Critics warned that the move rewarded the "
        "Kremlin for its war in Georgia, but supporters said dialogue was needed more than ever.";
    const std::string harvest =
        "Farmers in the northern valley harvested a record crop of apples this autumn after a "
        "wet spring and a long warm summer. The cooperative said prices would fall by a fifth "
        "as growers filled every cold store in the region, and several orchards left fruit on "
        "the trees because pickers were too few. Officials promised help for small growers "
        "and a campaign to sell more juice abroad before the winter markets open in December.";
    auto article = [&](const std::string& name, const std::string& title, const std::string& outlet,
                       const std::string& text) {
        test::write_file(dir.path() / "in" / name,
                         title + "\n\nBy " + outlet + "\n\n" + text + "\n");
    };
    // Story A three times; story B twice, the copy alone naming Moscow; C once.
    article("a1.txt", "Alliance to resume talks", "Reuters", alliance);
    article("a2.txt", "Alliance resumes talks", "Agence France-Presse",
            alliance + " Talks start in Brussels.");
    article("a3.txt", "Talks to resume", "BBC", alliance + " The talks are the first since May.");
    article("b1.txt", "Record apple harvest", "Reuters", harvest);
    article("b2.txt", "Apple harvest breaks records", "Associated Press",
            harvest + " Exports to Moscow stalled.");
    article("c1.txt", "Moscow weather", "Reuters",
            "Snow fell early in Moscow this week and the city cleared its roads overnight.");
    IndexOptions o;
    o.index_path = dir.str("index");
    REQUIRE(index_files({dir.str("in")}, o, nullptr).added == 6);
    // A later run adds a fourth copy of A to the first run's group.
    article("a4.txt", "Alliance and Moscow to talk", "Deutsche Welle",
            alliance + " Moscow welcomed the step.");
    REQUIRE(index_files({dir.str("in")}, o, nullptr).added == 1);

    auto totals = [&](const std::string& query) {
        Searcher s(o.index_path);
        SearchRequest r;
        r.query = query;
        auto stories = s.search(r);
        CHECK(stories.hits.size() == stories.total);  // what Xapian's collapsing shows
        r.all_copies = true;
        return std::pair{stories.total, s.search(r).total};
    };
    using Totals = std::pair<std::size_t, std::size_t>;
    // Moscow: A (4 copies), B through its copy alone, C.
    CHECK(totals("moscow") == Totals{3, 6});
    CHECK(totals("apples") == Totals{1, 2});
    CHECK(totals("moscow OR apples") == Totals{3, 7});
    CHECK(totals("snow") == Totals{1, 1});
    {
        // b2 as an older version wrote it, its copy unmarked: counted over
        // every match (counting the marked copies alone would take b2 for
        // a story of its own).
        Xapian::WritableDatabase db(o.index_path);
        REQUIRE(db.get_termfreq("XCOPY") == 4);      // a2, a3, a4, b2
        REQUIRE(db.get_termfreq("XCOPYSEEN") == 6);  // c1 is too short to compare
        auto b2 = *db.postlist_begin("Qin/b2.txt");
        Xapian::Document doc = db.get_document(b2);
        doc.remove_term("XCOPY");
        doc.remove_term("XCOPYSEEN");
        db.replace_document(b2, doc);
        db.commit();
    }
    CHECK(totals("moscow") == Totals{3, 6});
    CHECK(totals("apples") == Totals{1, 2});
    CHECK(totals("moscow OR apples") == Totals{3, 7});
}

TEST_CASE("user synonyms files add aliases, bad lines are named", "[search]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in" / "a.txt",
                     "Kyiv talks\n\nBy Reuters\n\nOfficials met in Kyiv on Monday to discuss "
                     "gas prices with the United Nations envoy.\n");
    test::write_file(dir.path() / "syn.txt", "# places\nKiev, Kyiv\nUN, United Nations, U.N.\n");
    test::write_file(dir.path() / "bad.txt", "Kiev, Kyiv\n\nalone\n");
    IndexOptions o;
    o.index_path = dir.str("index");
    o.synonym_files = {dir.str("bad.txt")};
    CHECK_THROWS_WITH(index_files({dir.str("in")}, o, nullptr),
                      Catch::Contains("bad.txt line 3") && Catch::Contains("alone"));
    o.synonym_files = {dir.str("syn.txt")};
    REQUIRE(index_files({dir.str("in")}, o, nullptr).added == 1);
    Searcher s(o.index_path);
    SearchRequest r;
    r.query = "Kiev";
    auto kiev = s.search(r);
    REQUIRE(kiev.hits.size() == 1);
    CHECK_THAT(kiev.hits[0].snippet, Catch::Contains("<mark>Kyiv</mark>"));
    r.query = "UN envoy";
    CHECK(s.search(r).hits.size() == 1);
    // Kept in the index: a later run without the file still knows them.
    o.synonym_files.clear();
    index_files({dir.str("in")}, o, nullptr);
    s.refresh();
    r.query = "Kiev";
    CHECK(s.search(r).hits.size() == 1);
}

TEST_CASE("word families link derivations both ways, weighted below the word", "[search]") {
    // Snowball stems these apart (invas/invad, decis/decid); WordNet links them.
    test::TempDir dir;
    test::write_file(dir.path() / "in" / "a.txt",
                     "Border tension\n\nBy Reuters\n\nThe army may invade the region, and "
                     "ministers will decide on sanctions next week, officials said.\n");
    test::write_file(dir.path() / "in" / "b.txt",
                     "Invasion feared\n\nBy Reuters\n\nThe invasion of the region is feared "
                     "and a decision on sanctions is due next week, officials said.\n");
    Searcher s = test::index_in(dir);
    SearchRequest r;
    r.query = "invasion";
    auto n = s.search(r);
    REQUIRE(n.hits.size() == 2);
    CHECK(n.hits[0].title == "Invasion feared");  // the word itself first
    CHECK(n.hits[0].score > n.hits[1].score);
    CHECK_THAT(n.hits[1].snippet, Catch::Contains("<mark>invade</mark>"));
    r.query = "decide";
    auto d = s.search(r);
    CHECK(d.hits.size() == 2);
    CHECK(d.hits.at(0).title == "Border tension");
    r.ranking = "family=0";
    CHECK(s.search(r).hits.size() == 1);
}

TEST_CASE("feedback words come from what the best hits share", "[search][feedback]") {
    Xapian::Database db(test::seed_index());
    std::vector<Xapian::docid> all;
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) all.push_back(*p);
    REQUIRE(all.size() == 5);
    Xapian::Query typed("nato");
    // Fewer than three hits teach nothing.
    CHECK(feedback_query(db, typed, {all[0], all[1]}, 20).empty());
    auto q = feedback_query(db, typed, all, 20);
    REQUIRE(!q.empty());
    std::vector<std::string> words(q.get_unique_terms_begin(), q.get_unique_terms_end());
    CHECK(words.size() <= 20);
    for (const auto& w : words) {
        INFO(w);
        CHECK(w != "nato");              // typed words are not added again
        CHECK(db.get_termfreq(w) >= 2);  // shared by two hits at least
        CHECK(w.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 0);  // free text only
        CHECK(w != "the");                                          // no stop words
    }
    // Russia is in every seed: the best word of all five.
    CHECK(std::find(words.begin(), words.end(), "russia") != words.end());
}

TEST_CASE("term frequencies kept between searches follow the index", "[search][feedback]") {
    test::TempDir dir;
    const std::string a = dir.str("a"), b = dir.str("b");
    auto add = [](Xapian::WritableDatabase& w, std::initializer_list<const char*> words) {
        Xapian::Document d;
        for (const char* t : words) d.add_term(t);
        w.add_document(d);
        w.commit();
    };
    Xapian::WritableDatabase wa(a, Xapian::DB_CREATE);
    add(wa, {"alpha", "beta"});
    add(wa, {"alpha"});
    TermFrequencyCache cache;
    const std::vector<std::string> words{"alpha", "beta", "gamma"};
    Xapian::Database before(a);
    CHECK(cache.lookup(before, words, false) == std::vector<Xapian::doccount>{2, 1, 0});
    CHECK(cache.lookup(before, words, false) == std::vector<Xapian::doccount>{2, 1, 0});
    // A new revision: the kept figures are not the index's any more.
    add(wa, {"alpha", "gamma"});
    Xapian::Database after(a);
    CHECK(cache.lookup(after, words, false) == std::vector<Xapian::doccount>{3, 1, 1});
    // A search still on the older revision gets that revision's figures.
    CHECK(cache.lookup(before, words, false) == std::vector<Xapian::doccount>{2, 1, 0});
    CHECK(cache.lookup(after, words, false) == std::vector<Xapian::doccount>{3, 1, 1});
    // Two databases as one (a stub of shards): counted over both.
    Xapian::WritableDatabase wb(b, Xapian::DB_CREATE);
    add(wb, {"beta"});
    Xapian::Database both(a);
    both.add_database(Xapian::Database(b));
    CHECK(cache.lookup(both, words, false) == std::vector<Xapian::doccount>{3, 2, 1});
    add(wb, {"gamma"});
    both.reopen();
    CHECK(cache.lookup(both, words, false) == std::vector<Xapian::doccount>{3, 2, 2});
    // Feedback picks the same words with the cache as without.
    Xapian::Database seeds(test::seed_index());
    std::vector<Xapian::docid> all;
    for (auto p = seeds.postlist_begin(""); p != seeds.postlist_end(""); ++p) all.push_back(*p);
    const Xapian::Query typed("nato");
    const auto plain = feedback_query(seeds, typed, all, 10).get_description();
    CHECK(feedback_query(seeds, typed, all, 10, false, &cache).get_description() == plain);
    CHECK(feedback_query(seeds, typed, all, 10, false, &cache).get_description() == plain);
}

TEST_CASE("feedback through a remote shard makes the hits' words from their stored text",
          "[search][feedback]") {
    // The remote path reads no term lists: it indexes each hit's stored
    // title and body again. Words, weights and order must be the term
    // lists' exactly (title words count three times, as the index has them).
    Xapian::Database db(test::seed_index());
    std::vector<Xapian::docid> all;
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) all.push_back(*p);
    REQUIRE(all.size() == 5);
    for (const char* word : {"nato", "treaty", "missile", "russia"}) {
        INFO(word);
        const Xapian::Query typed(word);
        const auto local = feedback_query(db, typed, all, 40);
        REQUIRE(local.get_length() >= 10);
        CHECK(feedback_query(db, typed, all, 40, /*remote=*/true).get_description() ==
              local.get_description());
        const std::vector<Xapian::docid> three(all.begin() + 2, all.end());
        CHECK(feedback_query(db, typed, three, 40, true).get_description() ==
              feedback_query(db, typed, three, 40).get_description());
    }
}

TEST_CASE("feedback on a phrase learns from its best stories and not from copies of one",
          "[search][feedback]") {
    // One story in three copies says the phrase most; six others say it
    // once, in pairs sharing words. Feedback must learn from the best five
    // stories, not from the three copies of one.
    test::TempDir dir;
    const std::string wire =
        "The missile shield will stand in Poland, officials said on Monday after a long "
        "meeting of ministers in Warsaw. Radar stations and interceptor sites for the "
        "missile shield were agreed after months of talks, and the first interceptor "
        "battery is due within two years. Critics of the missile shield say the radar "
        "and the interceptor bases will anger Moscow and cost more than the government "
        "admits, while supporters say the radar gives the region warning it never had.";
    int n = 0;
    for (const char* outlet : {"By Reuters", "Agence France-Presse", "By Associated Press"})
        test::write_file(dir.path() / "in" / fmt::format("w{}.txt", n++),
                         fmt::format("Shield agreed\n\n{}\n\n{}\n", outlet, wire));
    const char* others[] = {
        "Parliament debated the budget for the missile shield and the budget for roads.",
        "The budget committee of parliament asked who pays for the missile shield.",
        "The election campaign turned to the missile shield as voters went to rallies.",
        "Campaign rallies before the election mentioned the missile shield only once.",
        "Farmers near the coast heard about the missile shield on the harvest radio.",
        "Fishermen heard the harvest news and talk of a missile shield on the coast radio."};
    for (const char* text : others)
        test::write_file(dir.path() / "in" / fmt::format("o{}.txt", n++),
                         fmt::format("Note {}\n\nBy Reuters\n\n{}\n", n, text));
    Searcher s = test::index_in(dir);
    Xapian::Database db(dir.str("index"));
    auto docid = [&](const std::string& id) { return *db.postlist_begin(schema::id_term(id)); };
    // The words feedback lends, as the query run says.
    auto lent = [](const std::string& described) {
        std::set<std::string> words;
        auto at = described.find("AND_MAYBE");
        while (at != std::string::npos && (at = described.find(" * ", at)) != std::string::npos) {
            at += 3;
            if (described[at] == '(') continue;  // a weight scaling a group
            words.insert(described.substr(at, described.find_first_of(" )", at) - at));
        }
        return words;
    };
    auto words_of = [](const Xapian::Query& q) {
        return std::set<std::string>(q.get_unique_terms_begin(), q.get_unique_terms_end());
    };
    const std::vector<Xapian::Query> pair{Xapian::Query("missil"), Xapian::Query("shield")};
    const Xapian::Query typed(Xapian::Query::OP_PHRASE, pair.begin(), pair.end());
    SearchRequest r;
    r.query = "\"missile shield\"";
    r.facets = true;
    SearchRequest unranked = r;  // the typed words' ranking: feedback's hits
    unranked.ranking = "feedback_docs=0";
    unranked.limit = 5;
    std::vector<Xapian::docid> stories, articles;
    for (const auto& h : s.search(unranked).hits) stories.push_back(docid(h.id));
    unranked.all_copies = true;
    for (const auto& h : s.search(unranked).hits) articles.push_back(docid(h.id));
    REQUIRE(stories.size() == 5);
    const auto expected = words_of(feedback_query(db, typed, stories, 10));
    REQUIRE(!expected.empty());
    // (The fixture tells the two apart: three copies would lend other words.)
    CHECK(words_of(feedback_query(db, typed, articles, 10)) != expected);
    auto res = s.search(r);
    CHECK(lent(res.parsed_query) == expected);
    CHECK(res.total == 7);  // stories
    std::size_t reuters = 0;
    for (const auto& f : res.facets.outlets)
        if (f.value == "Reuters") reuters = f.count;
    CHECK(reuters == 7);  // every article with the phrase, copies included
    r.all_copies = true;
    auto all = s.search(r);
    CHECK(all.total == 9);
    CHECK(lent(all.parsed_query) == words_of(feedback_query(db, typed, articles, 10)));
}

TEST_CASE("one article read whole with the query's words marked", "[search][article]") {
    Searcher s(test::seed_index());
    SearchRequest marks;
    marks.query = "missile defence";
    marks.highlight_open = "[";
    marks.highlight_close = "]";
    auto a = s.article("corpus/003_11b7f1d2bebe1b2e.txt", marks);
    REQUIRE(a.has_value());
    CHECK(a->id == "corpus/003_11b7f1d2bebe1b2e.txt");
    CHECK_FALSE(a->title.empty());
    CHECK(a->rank == 0);
    // The whole body, each mark a word the query matches (defense for defence).
    CHECK(a->text.size() > 1000);
    REQUIRE(!a->highlights.empty());
    std::set<std::string> marked;
    for (const auto& h : a->highlights)
        marked.insert(text::lower(a->text.substr(h.begin, h.length)));
    CHECK(marked.count("defense") == 1);
    CHECK(marked.count("missile") == 1);
    CHECK(a->snippet.find("[defense]") != std::string::npos);
    // By path too; nothing for an unknown one; no query, no marks.
    auto by_path = s.article(a->path);
    REQUIRE(by_path.has_value());
    CHECK(by_path->id == a->id);
    CHECK(by_path->highlights.empty());
    CHECK_FALSE(s.article("corpus/none.txt").has_value());
    marks.query = "author:smith";
    CHECK_THROWS_AS(s.article(a->id, marks), Error);
}
