// Indexing on several threads: the same index as one thread makes, and the
// progress line a terminal shows.
#include <pty.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>
#include <cerrno>

#include <cstdlib>
#include <random>
#include <sstream>

#include "gazette/index_writer.hpp"
#include "gazette/indexer.hpp"
#include "gazette/searcher.hpp"
#include "helpers.hpp"
#include "workers.hpp"

using namespace gazette;
namespace fs = std::filesystem;

namespace {

// The seeds' sentences, for articles that read like them.
std::vector<std::string> seed_sentences() {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(test::corpus_dir())) {
        if (entry.path().extension() != ".txt") continue;
        std::istringstream in(test::read_file(entry.path()));
        std::string sentence;
        while (std::getline(in, sentence, '.')) {
            // One line of plain words: no line breaks, no quotes.
            std::string words;
            std::istringstream ws(sentence);
            for (std::string w; ws >> w;) words += (words.empty() ? "" : " ") + w;
            if (words.size() > 40 && words.find('"') == std::string::npos)
                out.push_back(words + ".");
        }
    }
    return out;
}

// The seeds, 120 articles mixed from their sentences (deterministic), one
// wire story on three sites (two listed first, one last: with several
// writers, in the first part and the last), a file with no text and a
// JSONL export.
void write_collection(const fs::path& in) {
    fs::create_directories(in / "seeds");
    fs::copy(test::corpus_dir(), in / "seeds");
    auto sentences = seed_sentences();
    REQUIRE(sentences.size() > 20);
    std::mt19937 rng(7);
    for (int i = 0; i < 120; ++i) {
        std::string text = "Mixed report number " + std::to_string(i) + "\n\n";
        for (int p = 0; p < 4; ++p) {
            for (int k = 0; k < 3; ++k) text += sentences[rng() % sentences.size()] + " ";
            text += "\n\n";
        }
        test::write_file(in / "mixed" / (std::to_string(1000 + i) + ".txt"), text);
    }
    std::string wire;
    for (int k = 0; k < 12; ++k) wire += sentences[static_cast<std::size_t>(k) * 2] + " ";
    test::write_file(in / "a" / "wire.txt", "Ministers meet in Brussels\n\n" + wire + "\n");
    test::write_file(in / "b" / "wire.txt", "Ministers meet in Brussels\n\n" + wire + "\n");
    test::write_file(in / "z" / "wire.txt", "Ministers meet in Brussels\n\n" + wire + "\n");
    test::write_file(in / "empty.txt", "");
    test::write_file(in / "export.jsonl", "{\"title\": \"Rogozin on the treaty\", \"text\": \"" +
                                              sentences[3] + " " + sentences[5] +
                                              "\"}\n{\"title\": \"\"}\n");
}

Document article(std::string id, std::string title, std::string body) {
    Document d;
    d.id = std::move(id);
    d.title = std::move(title);
    d.body = std::move(body);
    return d;
}

IndexSummary build(const fs::path& in, const std::string& index, unsigned jobs) {
    IndexOptions o;
    o.index_path = index;
    o.jobs = jobs;
    o.batch_size = 17;  // several commits, some with items in flight
    return index_files({in.string()}, o, nullptr);
}

}  // namespace

TEST_CASE("a parallel build gives the index one job gives", "[parallel]") {
    test::TempDir dir;
    write_collection(dir.path() / "in");
    auto one = build(dir.path() / "in", dir.str("one"), 1);
    auto four = build(dir.path() / "in", dir.str("four"), 4);
    CHECK(one.added == 5 + 120 + 3 + 1);
    CHECK(four.added == one.added);
    CHECK(four.skipped == one.skipped);
    CHECK(four.documents == one.documents);
    {
        IndexWriter a(dir.str("one")), b(dir.str("four"));
        REQUIRE(a.ids() == b.ids());
        for (const auto& id : a.ids()) {
            auto x = a.document(id), y = b.document(id);
            REQUIRE(x);
            REQUIRE(y);
            INFO(id);
            CHECK(x->title == y->title);
            CHECK(x->date == y->date);
            CHECK(x->outlets == y->outlets);
            CHECK(x->speakers == y->speakers);
            CHECK(x->body == y->body);
        }
    }
    Searcher a(dir.str("one")), b(dir.str("four"));
    for (const char* q : {"CFE treaty suspension", "missile defence shield", "NATO Russia",
                          "Rogozin", "ministers Brussels", "Rogozn"})
        test::check_same_hits(a, b, q);
    // The wire story is one hit naming its other copies, whichever thread
    // read it and whichever part wrote it.
    SearchRequest r;
    r.query = "\"Ministers meet in Brussels\"";
    for (const Searcher* s : {&a, &b}) {
        auto wire = s->search(r);
        REQUIRE(wire.hits.size() == 1);
        CHECK(wire.hits[0].copies == 2);
        CHECK(wire.total == 1);
    }
    r.all_copies = true;
    CHECK(b.search(r).hits.size() == 3);
    // Numbered in listing order, as one writer numbers them.
    r.query = "ministers OR report OR treaty";
    r.limit = 200;
    r.sort = SortOrder::date;
    auto x = a.search(r), y = b.search(r);
    REQUIRE(x.hits.size() == y.hits.size());
    for (std::size_t i = 0; i < x.hits.size(); ++i) CHECK(x.hits[i].id == y.hits[i].id);
    // Incremental runs agree too: nothing changed, nothing rewritten.
    auto again = build(dir.path() / "in", dir.str("four"), 4);
    CHECK(again.unchanged == one.added);
    CHECK(again.added + again.updated == 0);
}

TEST_CASE("the parts of a new index leave no folders behind", "[parallel]") {
    test::TempDir dir;
    write_collection(dir.path() / "in");
    // A part left by a run that was killed is replaced, not joined.
    const fs::path stale = dir.path() / "four.gazette-part1";
    fs::create_directories(stale);
    test::write_file(stale / "junk", "left behind");
    auto four = build(dir.path() / "in", dir.str("four"), 4);
    CHECK(four.added == 5 + 120 + 3 + 1);
    CHECK(four.documents == four.added);
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        INFO(entry.path());
        CHECK(entry.path().filename().string().find(".gazette-") == std::string::npos);
    }
    // An index named with a trailing separator is built in parts like any
    // other, and nothing of them is left inside it.
    auto slash = build(dir.path() / "in", dir.str("slash") + "/", 4);
    CHECK(slash.documents == four.documents);
    for (const auto& entry : fs::directory_iterator(dir.path() / "slash")) {
        INFO(entry.path());
        CHECK(entry.path().filename().string().find(".gazette-") == std::string::npos);
    }
    // What a killed build leaves beside an index goes the next time a
    // writer holds it; an index put aside stays (it may be the only copy).
    for (const char* left : {"four.gazette-part3", "four.gazette-joined", "four.gazette-old"}) {
        fs::create_directories(dir.path() / left);
        test::write_file(dir.path() / left / "junk", "left behind");
    }
    { IndexWriter again(dir.str("four")); }
    CHECK_FALSE(fs::exists(dir.path() / "four.gazette-part3"));
    CHECK_FALSE(fs::exists(dir.path() / "four.gazette-joined"));
    CHECK(fs::exists(dir.path() / "four.gazette-old" / "junk"));
    fs::remove_all(dir.path() / "four.gazette-old");
    // An index emptied by removals is written in parts again, its new
    // articles numbered after the old ones: copies still found across parts.
    {
        IndexWriter w(dir.str("emptied"));
        for (int i = 0; i < 200; ++i)  // more than the new articles
            w.put(article("old/" + std::to_string(i) + ".txt", "Old report",
                          "An old report that is removed again."));
        w.commit();
        for (const auto& id : w.ids()) w.remove(id);
        w.commit();
        REQUIRE(w.document_count() == 0);
    }
    auto again = build(dir.path() / "in", dir.str("emptied"), 4);
    CHECK(again.added == four.added);
    {
        Searcher s(dir.str("emptied"));
        SearchRequest r;
        r.query = "\"Ministers meet in Brussels\"";
        auto wire = s.search(r);
        REQUIRE(wire.hits.size() == 1);
        CHECK(wire.hits[0].copies == 2);
    }
    // A part dropped without being joined removes its folder.
    {
        IndexWriter whole(dir.str("fresh"));
        auto part = IndexWriter::part_of(whole, 7);
        part->put(article("x.txt", "A part", "Never joined."));
        CHECK(fs::exists(dir.path() / "fresh.gazette-part7"));
    }
    CHECK_FALSE(fs::exists(dir.path() / "fresh.gazette-part7"));
    // Joined, a part's articles come after the index's own, acronyms too.
    {
        IndexWriter whole(dir.str("joined"));
        whole.put(article("a.txt", "First", "The first article."));
        whole.put(article("c.txt", "Third", "The Conventional Forces in Europe treaty lapsed."));
        auto part = IndexWriter::part_of(whole, 1);
        part->put(article("b.txt", "Second",
                          "The Conventional Forces in Europe (CFE) treaty was signed."));
        std::vector<std::unique_ptr<IndexWriter>> parts;
        parts.push_back(std::move(part));
        whole.append(std::move(parts));
        CHECK(whole.document_count() == 3);
        CHECK(whole.ids() == std::vector<std::string>{"a.txt", "b.txt", "c.txt"});
        CHECK(whole.document("b.txt")->title == "Second");
    }
    CHECK_FALSE(fs::exists(dir.path() / "joined.gazette-part1"));
    Searcher s(dir.str("joined"));
    SearchRequest r;
    r.query = "CFE";  // the part's acronym links the index's article too
    auto found = s.search(r);
    REQUIRE(found.hits.size() == 2);
    CHECK(found.hits[0].id == "b.txt");
    CHECK(found.hits[1].id == "c.txt");
    r.query = "first";
    REQUIRE(s.search(r).hits.size() == 1);
}

TEST_CASE("parts that cannot be compacted are copied in", "[parallel]") {
    // Compaction needs a new folder beside the index: an immutable file in
    // its place (root can set the flag) makes it fail.
    test::TempDir dir;
    write_collection(dir.path() / "in");
    // Listed last, so written by the last part: its words' spellings too.
    test::write_file(dir.path() / "in" / "zz" / "note.txt",
                     "A note on instruments\n\nThe xylophonist and the glockenspieler played "
                     "a long concert for the ministers in Brussels last night.\n");
    const fs::path blocker = dir.path() / "four.gazette-joined";
    test::write_file(blocker, "in the way");
    const std::string lock = "chattr +i '" + blocker.string() + "' 2>/dev/null";
    if (std::system(lock.c_str()) != 0) {
        WARN("chattr +i is not allowed here: the copying path is not tested");
        return;
    }
    struct Unlock {
        std::string path;
        ~Unlock() { (void)std::system(("chattr -i '" + path + "' 2>/dev/null").c_str()); }
    } unlock{blocker.string()};
    auto one = build(dir.path() / "in", dir.str("one"), 1);
    auto four = build(dir.path() / "in", dir.str("four"), 4);
    CHECK(four.added == one.added);
    CHECK(four.documents == one.documents);
    CHECK_FALSE(fs::exists(dir.path() / "four.gazette-part1"));
    Searcher a(dir.str("one")), b(dir.str("four"));
    for (const char* q : {"CFE treaty suspension", "missile defence shield", "Rogozin",
                          "ministers Brussels", "Rogozn"})
        test::check_same_hits(a, b, q);
    SearchRequest r;
    r.query = "\"Ministers meet in Brussels\"";
    auto wire = b.search(r);
    REQUIRE(wire.hits.size() == 1);
    CHECK(wire.hits[0].copies == 2);
    r.query = "xylophonst";
    r.suggest = true;
    CHECK(b.search(r).suggestion == "xylophonist");
}

TEST_CASE("a parallel build learns the site chrome one job learns", "[parallel]") {
    // 200 pages of one site (more than one part of the learning pass per
    // worker): a menu and a footer on every page, a share line on a third.
    test::TempDir dir;
    auto sentences = seed_sentences();
    REQUIRE(sentences.size() > 20);
    std::mt19937 rng(11);
    for (int i = 0; i < 200; ++i) {
        std::string text = "Home | World | Business | Sport\n";
        if (i % 3 == 0) text += "Share on Facebook\n";
        text += "Report " + std::to_string(i) + " from the wires\n\n";
        for (int k = 0; k < 6; ++k) text += sentences[rng() % sentences.size()] + " ";
        text += "\n\nCopyright Example Media. All rights reserved.\n";
        test::write_file(dir.path() / "in" / (std::to_string(5000 + i) + ".txt"), text);
    }
    build(dir.path() / "in", dir.str("one"), 1);
    build(dir.path() / "in", dir.str("four"), 4);
    IndexWriter a(dir.str("one")), b(dir.str("four"));
    const std::string model = a.metadata("gazette.site_chrome");
    REQUIRE(model.rfind("200\n", 0) == 0);  // every page learned from, once
    CHECK(b.metadata("gazette.site_chrome") == model);
    for (const auto& id : a.ids()) {
        INFO(id);
        CHECK(a.document(id)->title == b.document(id)->title);
        CHECK(b.document(id)->title.rfind("Report ", 0) == 0);  // the menu is chrome
    }
}

TEST_CASE("workers yield to the writing thread", "[parallel]") {
    auto nice_of_this_thread = [] {
        errno = 0;
        return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
    };
    const int writer = nice_of_this_thread();
    std::vector<int> seen(4, writer);
    {
        Workers workers(2);
        std::vector<std::future<void>> done;
        for (auto& n : seen)
            done.push_back(
                workers.submit([&n, &nice_of_this_thread] { n = nice_of_this_thread(); }));
        for (auto& d : done) d.get();
    }
    for (int n : seen) CHECK(n == std::min(writer + 10, 19));
    CHECK(nice_of_this_thread() == writer);  // the caller's own priority is left alone
}

TEST_CASE("the progress line shows on a terminal and not in a pipe", "[parallel][cli]") {
    test::TempDir dir;
    fs::copy(test::corpus_dir(), dir.path() / "in");
    // On a pseudo-terminal.
    int master = -1;
    pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::string index = dir.str("tty");
        std::string in = dir.str("in");
        execl(GAZETTE_INDEX_BIN, GAZETTE_INDEX_BIN, "--index", index.c_str(), in.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    std::string tty;
    char buf[4096];
    for (ssize_t n; (n = read(master, buf, sizeof buf)) > 0;)
        tty.append(buf, static_cast<std::size_t>(n));
    int status = 0;
    waitpid(pid, &status, 0);
    close(master);
    INFO(tty);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK_THAT(tty, Catch::Contains("indexing: 1 of 5 files"));
    CHECK_THAT(tty, Catch::Contains("\r\x1b[K5 added"));  // cleared before the summary
    CHECK_THAT(tty, Catch::Contains("articles/s)"));
    // Piped: no progress line; --quiet: nothing at all.
    auto piped =
        test::run(std::string(GAZETTE_INDEX_BIN) + " --index " + test::quote(dir.str("piped")) +
                  " " + test::quote(dir.str("in")) + " 2>&1");
    CHECK(piped.status == 0);
    CHECK_THAT(piped.out, !Catch::Contains("indexing:"));
    CHECK_THAT(piped.out, Catch::StartsWith("5 added"));
}
