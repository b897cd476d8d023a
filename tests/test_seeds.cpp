// Golden test: the seed articles against the truth table of issue 3, and
// the manifest that supplies what the text does not say.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "helpers.hpp"

using namespace gazette;

namespace {

struct Truth {
    std::string file, title, date;
    std::set<std::string> outlets, speakers;
};

const std::vector<Truth> truth{
    {"000_8e229932d174874e.txt",
     "Back to dialogue: NATO and Russia rebuild relations",
     "2009-01-26",
     {"Global Research", "Russia Today"},
     {"Dmitry Rogozin", "Jaap de Hoop Scheffer"}},
    {"001_f284fe456c95c34e.txt",
     "NATO-Russia Council to hold landmark talks",
     "",
     {"Expatica"},
     {"Dmitry Rogozin"}},
    {"002_585ae4fd7902f67d.txt",
     "NATO Resumes Talks With Russia, Differences Remain",
     "",
     {"Reuters"},
     {"Jaap de Hoop Scheffer", "Dmitry Rogozin"}},
    {"003_11b7f1d2bebe1b2e.txt",
     "NATO rolls out red carpet for Russia",
     "2010-11-22",
     {"Russia Today"},
     {"Dmitry Medvedev", "Anders Fogh Rasmussen", "Barack Obama", "Thomas Klau", "Jeremy Corbyn"}},
    {"004_63d7ad7da0350d37.txt",
     "NATO set to green-light formal ties with Russia",
     "2009-03-05",
     {"Expatica", "Agence France-Presse"},
     {"Dmitry Rogozin", "Barack Obama"}},
};

std::set<std::string> as_set(const std::vector<std::string>& v) {
    return {v.begin(), v.end()};
}

}  // namespace

TEST_CASE("seed articles match the truth table exactly", "[seeds][golden]") {
    std::vector<ItemOutcome> outcomes;
    IndexOptions opts;
    opts.dry_run = true;
    auto summary = index_files({test::corpus_dir()}, opts,
                               [&](const ItemOutcome& f) { outcomes.push_back(f); });
    REQUIRE(summary.extracted == 5);
    REQUIRE(outcomes.size() == 5);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const auto& t = truth[i];
        const auto& a = outcomes[i].article;
        INFO(t.file);
        CHECK(test::fs::path(outcomes[i].path).filename() == t.file);
        CHECK(a.title == t.title);
        CHECK(a.date == t.date);
        CHECK(as_set(a.outlets) == t.outlets);
        CHECK(as_set(a.speakers) == t.speakers);
    }
}

TEST_CASE("seed bodies keep the story and drop the chrome", "[seeds]") {
    Extractor ex;
    auto read = [](const std::string& name) {
        std::ifstream in(test::corpus_dir() + "/" + name);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    };
    auto a2 = ex.extract(read("002_585ae4fd7902f67d.txt"));
    CHECK(a2.body.find("Accessibility links") == std::string::npos);
    CHECK(a2.body.find("Breaking News") == std::string::npos);
    CHECK(a2.body.rfind("Secretary-General Jaap de Hoop Scheffer said at NATO headquarters", 0) ==
          0);
    auto a3 = ex.extract(read("003_11b7f1d2bebe1b2e.txt"));
    CHECK(a3.body.find("icon") == std::string::npos);
    CHECK(a3.body.find("Podcasts") == std::string::npos);
    CHECK(a3.body.find("22:18") == std::string::npos);
    CHECK(a3.body.find("NATO rolls out red carpet") == std::string::npos);
    CHECK(a3.body.rfind("President Medvedev says the hostile period", 0) == 0);
    auto a0 = ex.extract(read("000_8e229932d174874e.txt"));
    CHECK(a0.body.find("Disclaimer") == std::string::npos);
    CHECK(a0.body.find("Url of this article") == std::string::npos);
    CHECK(a0.body.find("By Global Research") == std::string::npos);
    auto a4 = ex.extract(read("004_63d7ad7da0350d37.txt"));
    CHECK(a4.body.find("Pascal Mallet") == std::string::npos);
    CHECK(a4.body.find("Published on") == std::string::npos);
}

TEST_CASE("manifest values win over extraction", "[seeds][manifest]") {
    test::TempDir dir;
    std::ifstream in(test::corpus_dir() + "/004_63d7ad7da0350d37.txt");
    std::stringstream ss;
    ss << in.rdbuf();
    test::write_file(dir.path() / "a.txt", ss.str());
    test::write_file(dir.path() / "manifest.jsonl",
                     "{\"file\": \"a.txt\", \"date\": \"2009-03-04\", \"title\": \"Given title\", "
                     "\"outlet\": [\"RT\", \"Kyiv Post\"]}\n");
    std::vector<ItemOutcome> out;
    IndexOptions opts;
    opts.dry_run = true;
    index_files({dir.str()}, opts, [&](const ItemOutcome& f) { out.push_back(f); });
    REQUIRE(out.size() == 1);
    CHECK(out[0].article.date == "2009-03-04");
    CHECK(out[0].article.title == "Given title");
    CHECK(out[0].article.outlets == std::vector<std::string>{"Russia Today", "Kyiv Post"});
    // A manifest url names the outlet when the text names none.
    test::write_file(dir.path() / "b" / "a.txt",
                     "Headline\n\nA story long enough to be the body of an article, "
                     "with more than sixteen words in it for sure.\n");
    test::write_file(dir.path() / "b" / "manifest.jsonl",
                     "{\"file\": \"a.txt\", \"url\": \"https://www.rt.com/news/1\"}\n");
    out.clear();
    index_files({dir.str("b")}, opts, [&](const ItemOutcome& f) { out.push_back(f); });
    REQUIRE(out.size() == 1);
    CHECK(out[0].article.outlets == std::vector<std::string>{"Russia Today"});
}

TEST_CASE("a bad manifest line is an error naming file and line", "[manifest]") {
    test::TempDir dir;
    test::write_file(dir.path() / "manifest.jsonl",
                     "{\"file\": \"a.txt\"}\n{\"file\": \"b.txt\", \"date\": \"2009-02-31\"}\n");
    Manifest m;
    try {
        m.load_file(dir.str("manifest.jsonl"));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::invalid_input);
        CHECK_THAT(e.what(),
                   Catch::Contains("manifest.jsonl line 2") && Catch::Contains("2009-02-31"));
    }
    test::write_file(dir.path() / "m2.jsonl", "not json\n");
    CHECK_THROWS_WITH(m.load_file(dir.str("m2.jsonl")), Catch::Contains("line 1"));
    // Found by fuzzing: a name too long for the file system is an error
    // naming the line, not an uncaught filesystem exception.
    test::write_file(dir.path() / "m3.jsonl",
                     "{\"file\": \"a.txt\"}\n{\"file\": \"" + std::string(5000, '[') + "\"}\n");
    try {
        m.load_file(dir.str("m3.jsonl"));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::invalid_input);
        CHECK_THAT(e.what(), Catch::Contains("m3.jsonl line 2") && Catch::Contains("too long"));
    }
}
