// An index that follows its collection: stable ids relative to the root,
// unchanged files skipped, changed ones replaced, gone ones removed, moved
// collections recognised.
#include <xapian.h>
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <set>

#include "helpers.hpp"

using namespace gazette;
namespace fs = std::filesystem;

namespace {

std::string article(const std::string& headline, const std::string& marker) {
    return headline + "\n\nThe story says " + marker +
           " and goes on long enough to be the body of an article, with more than sixteen "
           "words in it for sure.\n";
}

IndexSummary index_dirs(const std::vector<std::string>& inputs, const std::string& index,
                        bool prune = true) {
    IndexOptions o;
    o.index_path = index;
    o.prune = prune;
    return index_files(inputs, o, nullptr);
}

// Ids of every document matching `query`, as a multiset check: each once.
std::vector<std::string> hit_ids(const std::string& index, const std::string& query) {
    Searcher s(index);
    SearchRequest r;
    r.query = query;
    r.limit = 1000;
    r.snippet_length = 0;
    std::vector<std::string> ids;
    for (const auto& h : s.search(r).hits) ids.push_back(h.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

// Every stored id, read straight from the database: id terms and their
// documents must agree one to one.
std::vector<std::string> all_ids(const std::string& index) {
    Xapian::Database db(index);
    std::vector<std::string> ids;
    for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
        CHECK(t.get_termfreq() == 1);  // no id held by two documents
        ids.push_back((*t).substr(1));
    }
    CHECK(ids.size() == db.get_doccount());
    return ids;
}

void set_mtime_later(const fs::path& p) {
    fs::last_write_time(p, fs::last_write_time(p) + std::chrono::seconds(5));
}

}  // namespace

TEST_CASE("add, modify, delete and rename files, then re-index", "[incremental][acceptance]") {
    test::TempDir dir;
    auto news = dir.path() / "news";
    test::write_file(news / "a.txt", article("Alpha headline", "aardvark"));
    test::write_file(news / "b.txt", article("Beta headline", "buffalo"));
    test::write_file(news / "sub" / "c.txt", article("Gamma headline", "caribou"));
    test::write_file(news / "d.txt", article("Delta headline", "dingo"));
    auto index = dir.str("index");

    auto first = index_dirs({news.string()}, index);
    CHECK(first.added == 4);
    CHECK(first.documents == 4);
    CHECK(all_ids(index) ==
          std::vector<std::string>{"news/a.txt", "news/b.txt", "news/d.txt", "news/sub/c.txt"});

    // Add e, modify b, delete d, rename c.
    test::write_file(news / "e.txt", article("Epsilon headline", "emu"));
    test::write_file(news / "b.txt", article("Beta headline", "bison"));
    set_mtime_later(news / "b.txt");
    fs::remove(news / "d.txt");
    fs::rename(news / "sub" / "c.txt", news / "sub" / "renamed.txt");

    std::vector<ItemOutcome> outcomes;
    IndexOptions o;
    o.index_path = index;
    auto second =
        index_files({news.string()}, o, [&](const ItemOutcome& x) { outcomes.push_back(x); });
    CHECK(second.added == 2);  // e, renamed
    CHECK(second.updated == 1);
    CHECK(second.unchanged == 1);
    CHECK(second.removed == 2);  // d, the old name of c
    CHECK(second.skipped == 0);
    CHECK(second.documents == 4);
    std::map<std::string, std::string> change;
    for (const auto& x : outcomes) change[x.id] = to_string(x.change);
    CHECK(change == std::map<std::string, std::string>{{"news/a.txt", "unchanged"},
                                                       {"news/b.txt", "updated"},
                                                       {"news/d.txt", "removed"},
                                                       {"news/e.txt", "added"},
                                                       {"news/sub/c.txt", "removed"},
                                                       {"news/sub/renamed.txt", "added"}});
    CHECK(all_ids(index) == std::vector<std::string>{"news/a.txt", "news/b.txt", "news/e.txt",
                                                     "news/sub/renamed.txt"});
    CHECK(hit_ids(index, "bison") == std::vector<std::string>{"news/b.txt"});
    CHECK(hit_ids(index, "buffalo").empty());
    CHECK(hit_ids(index, "dingo").empty());
    CHECK(hit_ids(index, "emu") == std::vector<std::string>{"news/e.txt"});
    CHECK(hit_ids(index, "caribou") == std::vector<std::string>{"news/sub/renamed.txt"});
    CHECK(hit_ids(index, "headline").size() == 4);

    // Nothing changed: nothing read, nothing written.
    auto third = index_dirs({news.string()}, index);
    CHECK(third.unchanged == 4);
    CHECK(third.added + third.updated + third.removed + third.skipped == 0);
}

TEST_CASE("with pruning off, documents whose files are gone are kept", "[incremental]") {
    test::TempDir dir;
    auto news = dir.path() / "news";
    test::write_file(news / "a.txt", article("Alpha headline", "aardvark"));
    test::write_file(news / "b.txt", article("Beta headline", "buffalo"));
    auto index = dir.str("index");
    index_dirs({news.string()}, index);
    fs::remove(news / "b.txt");
    auto kept = index_dirs({news.string()}, index, false);
    CHECK(kept.removed == 0);
    CHECK(kept.documents == 2);
    CHECK(hit_ids(index, "buffalo") == std::vector<std::string>{"news/b.txt"});
    auto pruned = index_dirs({news.string()}, index);
    CHECK(pruned.removed == 1);
    CHECK(hit_ids(index, "buffalo").empty());
}

TEST_CASE("a touched file with the same content is not re-extracted", "[incremental]") {
    test::TempDir dir;
    auto news = dir.path() / "news";
    test::write_file(news / "a.txt", article("Alpha headline", "aardvark"));
    auto index = dir.str("index");
    index_dirs({news.string()}, index);
    set_mtime_later(news / "a.txt");
    auto touched = index_dirs({news.string()}, index);
    CHECK(touched.unchanged == 1);
    CHECK(touched.updated == 0);
    // The new time was recorded: the next run does not even read the file.
    IndexWriter w(index);
    auto fp = w.fingerprint("news/a.txt");
    REQUIRE(fp);
    struct stat st {};
    REQUIRE(::stat((news / "a.txt").c_str(), &st) == 0);
    CHECK(fp->mtime_ns ==
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec);
}

TEST_CASE("moving the collection keeps its documents and their ids", "[incremental][acceptance]") {
    test::TempDir dir;
    auto old_place = dir.path() / "old" / "corpus";
    fs::create_directories(old_place);
    for (const auto& e : fs::directory_iterator(test::corpus_dir()))
        fs::copy_file(e.path(), old_place / e.path().filename(),
                      fs::copy_options::overwrite_existing);
    auto index = dir.str("index");
    auto first = index_dirs({old_place.string()}, index);
    REQUIRE(first.added == 5);
    auto before = all_ids(index);

    auto new_place = dir.path() / "elsewhere" / "corpus";
    fs::create_directories(new_place.parent_path());
    fs::rename(old_place, new_place);
    auto moved = index_dirs({new_place.string()}, index);
    CHECK(moved.documents == 5);
    CHECK(moved.added == 0);
    CHECK(moved.removed == 0);
    CHECK(moved.unchanged == 5);
    REQUIRE(moved.moved_roots.size() == 1);
    CHECK(moved.moved_roots[0] == old_place.string() + " -> " + new_place.string());
    CHECK(all_ids(index) == before);
    // Hits point where the files are now.
    Searcher s(index);
    SearchRequest r;
    r.query = "CFE treaty suspension";
    auto res = s.search(r);
    REQUIRE_FALSE(res.hits.empty());
    CHECK(res.hits[0].id == "corpus/002_585ae4fd7902f67d.txt");
    CHECK(res.hits[0].path == (new_place / "002_585ae4fd7902f67d.txt").string());
    CHECK(fs::exists(res.hits[0].path));
}

TEST_CASE("two roots with a file of the same relative name stay two documents",
          "[incremental][acceptance]") {
    test::TempDir dir;
    test::write_file(dir.path() / "a" / "x.txt", article("From a", "apricot"));
    test::write_file(dir.path() / "b" / "x.txt", article("From b", "blueberry"));
    auto index = dir.str("index");
    auto s = index_dirs({dir.str("a"), dir.str("b")}, index);
    CHECK(s.added == 2);
    CHECK(all_ids(index) == std::vector<std::string>{"a/x.txt", "b/x.txt"});
    // Indexing one root again prunes nothing of the other.
    auto only_a = index_dirs({dir.str("a")}, index);
    CHECK(only_a.removed == 0);
    CHECK(only_a.documents == 2);

    // Two different folders of the same name get distinct labels.
    test::write_file(dir.path() / "other" / "a" / "x.txt", article("From other a", "cherry"));
    auto third = index_dirs({dir.str("other/a")}, index);
    CHECK(third.added == 1);
    CHECK(all_ids(index) == std::vector<std::string>{"a/x.txt", "a~2/x.txt", "b/x.txt"});
    // Labels are remembered: the same folder keeps its label on later runs.
    auto again = index_dirs({dir.str("other/a"), dir.str("a")}, index);
    CHECK(again.unchanged == 2);
    CHECK(again.added == 0);
}

TEST_CASE("a subfolder or a single file of a known root keeps the root's ids", "[incremental]") {
    test::TempDir dir;
    auto news = dir.path() / "news";
    test::write_file(news / "2009" / "a.txt", article("Alpha", "aardvark"));
    test::write_file(news / "2010" / "b.txt", article("Beta", "buffalo"));
    auto index = dir.str("index");
    index_dirs({news.string()}, index);
    test::write_file(news / "2009" / "a.txt", article("Alpha", "anteater"));
    set_mtime_later(news / "2009" / "a.txt");
    fs::remove(news / "2010" / "b.txt");
    // Only the 2009 folder: b (outside it) is not pruned.
    auto sub = index_dirs({(news / "2009").string()}, index);
    CHECK(sub.updated == 1);
    CHECK(sub.removed == 0);
    CHECK(all_ids(index) == std::vector<std::string>{"news/2009/a.txt", "news/2010/b.txt"});
    // A single file is the same document as when its folder is indexed.
    test::write_file(news / "2009" / "a.txt", article("Alpha", "armadillo"));
    set_mtime_later(news / "2009" / "a.txt");
    auto one = index_dirs({(news / "2009" / "a.txt").string()}, index);
    CHECK(one.updated == 1);
    CHECK(one.removed == 0);
    CHECK(hit_ids(index, "armadillo") == std::vector<std::string>{"news/2009/a.txt"});
}

TEST_CASE("other extraction settings re-extract unchanged files", "[incremental]") {
    test::TempDir dir;
    auto news = dir.path() / "news";
    test::write_file(news / "a.txt", "Kyiv Daily Star\n\n" + article("Alpha", "aardvark"));
    auto index = dir.str("index");
    index_dirs({news.string()}, index);
    test::write_file(dir.path() / "outlets.json",
                     R"([{"name": "Kyiv Daily Star", "aliases": ["KDS"]}])");
    IndexOptions o;
    o.index_path = index;
    o.registry_files = {dir.str("outlets.json")};
    auto s = index_files({news.string()}, o, nullptr);
    CHECK(s.updated == 1);
    SearchRequest r;
    r.outlets = {"KDS"};
    CHECK(Searcher(index).search(r).hits.size() == 1);
    // A manifest line for the file is a setting of that file only.
    test::write_file(news / "manifest.jsonl", R"({"file": "a.txt", "date": "2009-03-04"})"
                                              "\n");
    auto m = index_files({news.string()}, o, nullptr);
    CHECK(m.updated == 1);
    r.outlets.clear();
    r.since = "2009-03-04";
    r.until = "2009-03-04";
    CHECK(Searcher(index).search(r).hits.size() == 1);
}

TEST_CASE("a file that stops being an article keeps its old document", "[incremental]") {
    test::TempDir dir;
    auto news = dir.path() / "news";
    test::write_file(news / "a.txt", article("Alpha", "aardvark"));
    auto index = dir.str("index");
    index_dirs({news.string()}, index);
    test::write_file(news / "a.txt", std::string("PK\0\3\4", 5));
    set_mtime_later(news / "a.txt");
    auto s = index_dirs({news.string()}, index);
    CHECK(s.skipped == 1);
    CHECK(s.removed == 0);
    CHECK(hit_ids(index, "aardvark") == std::vector<std::string>{"news/a.txt"});
}
