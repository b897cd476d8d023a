// The embedding API: facets, suggestions, shards and stub files, use from
// many threads, refresh after a re-index.
#include <xapian.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <thread>

#include "helpers.hpp"

using namespace gazette;
using test::sorted_seeds;
using V = std::vector<std::string>;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The seeds split over two shards: 000-002 and 003-004.
struct Shards {
    test::TempDir dir;
    Shards() {
        for (const auto& e : test::fs::directory_iterator(test::corpus_dir())) {
            auto name = e.path().filename().string();
            bool first = name < "003";
            test::write_file(dir.path() / (first ? "a" : "b") / name, read(e.path().string()));
        }
        IndexOptions o;
        o.index_path = dir.str("index-a");
        index_files({dir.str("a")}, o, nullptr);
        o.index_path = dir.str("index-b");
        index_files({dir.str("b")}, o, nullptr);
    }
};

}  // namespace

TEST_CASE("facets count every match per outlet and speaker and year", "[embed][facets]") {
    test::TempDir dir;
    test::index_corpus(dir.str("index"));
    Searcher s(dir.str("index"));
    SearchRequest r;
    r.query = "NATO";
    r.limit = 1;  // facets still cover all five matches
    r.facets = true;
    auto res = s.search(r);
    CHECK(res.hits.size() == 1);
    CHECK(res.facets.outlets == std::vector<FacetValue>{{"Expatica", 2},
                                                        {"Russia Today", 2},
                                                        {"Agence France-Presse", 1},
                                                        {"Global Research", 1},
                                                        {"Reuters", 1}});
    REQUIRE(res.facets.speakers.size() == 7);
    CHECK(res.facets.speakers[0] == FacetValue{"Dmitry Rogozin", 4});
    CHECK(res.facets.years == std::vector<FacetValue>{{"2009", 2}, {"2010", 1}});
    r.facet_limit = 2;
    r.outlets = {"expatica"};
    auto narrowed = s.search(r);
    CHECK(narrowed.facets.outlets ==
          std::vector<FacetValue>{{"Expatica", 2}, {"Agence France-Presse", 1}});
    CHECK(narrowed.facets.years == std::vector<FacetValue>{{"2009", 1}});
    r.facets = false;
    CHECK(s.search(r).facets == Facets{});
}

TEST_CASE("a misspelt query gets a suggestion from the index's words", "[embed][spelling]") {
    test::TempDir dir;
    test::index_corpus(dir.str("index"));
    Searcher s(dir.str("index"));
    SearchRequest r;
    r.query = "rogozn treety";
    r.suggest = true;
    auto res = s.search(r);
    CHECK(res.hits.empty());
    CHECK(res.suggestion == "rogozin treaty");
    r.query = "rogozin treaty";
    CHECK(s.search(r).suggestion.empty());
    // Words present only as stems are not "corrected" (Xapian's corrector
    // turned "CFE" into "came" on a stems-only index).
    r.query = "CFE treaties suspended";
    CHECK(s.search(r).suggestion.empty());
    // Short words get one edit, and a stop word is never offered: "icon" is
    // two edits from "in" but nothing useful in the seeds.
    r.query = "icon";
    CHECK(s.search(r).suggestion.empty());
    r.query = "ab";
    CHECK(s.search(r).suggestion.empty());
    r.query = "medvedv";
    CHECK(s.search(r).suggestion == "medvedev");
    r.query = "CFE treety outlet:reutrs";
    CHECK(s.search(r).suggestion == "CFE treaty outlet:reutrs");
    r.query = "rogozn";
    r.suggest = false;
    CHECK(s.search(r).suggestion.empty());
}

TEST_CASE("several shards are searched as one", "[embed][shards]") {
    Shards shards;
    Searcher s(std::vector<std::string>{shards.dir.str("index-a"), shards.dir.str("index-b")});
    CHECK(s.document_count() == 5);
    SearchRequest r;
    r.query = "CFE treaty suspension";
    auto res = s.search(r);
    REQUIRE_FALSE(res.hits.empty());
    CHECK(test::seed_of(res.hits[0].path) == "002");
    r.query = "speaker:rogozin";
    CHECK(sorted_seeds(s.search(r)) == V{"000", "001", "002", "004"});
    r.query = "NATO";
    r.sort = SortOrder::date;
    r.limit = 3;
    CHECK(test::seeds(s.search(r)) == V{"003", "004", "000"});
}

TEST_CASE("a stub file naming shards opens them together", "[embed][shards]") {
    Shards shards;
    test::write_file(shards.dir.path() / "all.stub",
                     // Absolute, and relative to the stub file's folder.
                     "auto " + shards.dir.str("index-a") + "\nauto index-b\n");
    Searcher s(shards.dir.str("all.stub"));
    CHECK(s.document_count() == 5);
    SearchRequest r;
    r.query = "outlet:expatica";
    CHECK(sorted_seeds(s.search(r)) == V{"001", "004"});
    // A stub naming a missing shard is an error of kind no_index.
    test::write_file(shards.dir.path() / "bad.stub", "auto " + shards.dir.str("nowhere") + "\n");
    try {
        Searcher bad(shards.dir.str("bad.stub"));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::no_index);
    }
}

TEST_CASE("a shard of another schema version is refused", "[embed][shards][errors]") {
    Shards shards;
    {
        Xapian::WritableDatabase db(shards.dir.str("index-b"), Xapian::DB_OPEN);
        db.set_metadata("gazette.schema", "0");
        db.commit();
    }
    try {
        Searcher s(std::vector<std::string>{shards.dir.str("index-a"), shards.dir.str("index-b")});
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::schema_mismatch);
        CHECK_THAT(e.what(), Catch::Contains("index-b") && Catch::Contains("schema version 0"));
    }
    CHECK_THROWS_AS(Searcher(std::vector<std::string>{}), Error);
}

TEST_CASE("one Searcher from 8 threads answers as it does serially", "[embed][threads]") {
    test::TempDir dir;
    test::index_corpus(dir.str("index"));
    const Searcher searcher(dir.str("index"));
    std::vector<SearchRequest> requests;
    for (const char* q :
         {"CFE treaty suspension", "NATO", "speaker:rogozin", "outlet:RT", "Rasmus*",
          "\"red carpet\"", "date:2009", "zzyzx", "Medvedev OR Obama", "NOT Georgia"}) {
        SearchRequest r;
        r.query = q;
        r.facets = requests.size() % 2 == 0;
        r.suggest = true;
        requests.push_back(r);
    }
    std::vector<SearchResult> serial;
    for (const auto& r : requests) serial.push_back(searcher.search(r));

    constexpr int threads = 8, per_thread = 200;
    std::vector<int> mismatches(threads, 0), errors(threads, 0);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            for (int i = 0; i < per_thread; ++i) {
                std::size_t k = static_cast<std::size_t>(t * 7 + i) % requests.size();
                try {
                    if (!(searcher.search(requests[k]) == serial[k])) ++mismatches[t];
                } catch (...) {
                    ++errors[t];
                }
            }
        });
    }
    for (auto& th : pool) th.join();
    CHECK(mismatches == std::vector<int>(threads, 0));
    CHECK(errors == std::vector<int>(threads, 0));
}

TEST_CASE("refresh shows documents indexed after the Searcher opened", "[embed][refresh]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in" / "a.txt",
                     read(test::corpus_dir() + "/000_8e229932d174874e.txt"));
    IndexOptions o;
    o.index_path = dir.str("index");
    index_files({dir.str("in")}, o, nullptr);
    Searcher s(dir.str("index"));
    SearchRequest r;
    r.query = "CFE";
    CHECK(s.search(r).hits.empty());
    CHECK(s.document_count() == 1);

    test::write_file(dir.path() / "in" / "b.txt",
                     read(test::corpus_dir() + "/002_585ae4fd7902f67d.txt"));
    index_files({dir.str("in")}, o, nullptr);
    s.refresh();
    CHECK(s.document_count() == 2);
    auto res = s.search(r);
    // b.txt spells out "Conventional Forces in Europe (CFE)": the acronym it
    // taught the index now finds a.txt too, below it.
    REQUIRE(res.hits.size() == 2);
    CHECK(test::fs::path(res.hits[0].path).filename() == "b.txt");
    CHECK(test::fs::path(res.hits[1].path).filename() == "a.txt");
}

TEST_CASE("a Searcher keeps working while the index is rewritten", "[embed][refresh]") {
    // Many commits between two searches make Xapian throw
    // DatabaseModifiedError inside the search; the Searcher reopens and
    // retries instead of failing.
    test::TempDir dir;
    test::index_corpus(dir.str("index"));
    Searcher s(dir.str("index"));
    SearchRequest r;
    r.query = "NATO";
    r.limit = 5;
    CHECK(s.search(r).hits.size() == 5);
    for (int round = 0; round < 4; ++round) {
        IndexOptions o;
        o.index_path = dir.str("index");
        o.batch_size = 1;  // a commit per document
        index_files({test::corpus_dir()}, o, nullptr);
        auto res = s.search(r);
        CHECK(res.hits.size() == 5);
    }
}
