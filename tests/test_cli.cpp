// End to end: gazette-index and gazette-search as a user runs them, and the
// embedding example.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace gazette;
using test::quote;
using test::run;

namespace {

std::string index_bin() {
    return GAZETTE_INDEX_BIN;
}
std::string search_bin() {
    return GAZETTE_SEARCH_BIN;
}

// Each line of `out` parsed as JSON.
std::vector<nlohmann::json> json_lines(const std::string& out) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

}  // namespace

TEST_CASE("index then search from the command line", "[cli][e2e]") {
    test::TempDir dir;
    auto idx =
        run(index_bin() + " --index " + quote(dir.str("index")) + " " + quote(test::corpus_dir()));
    REQUIRE(idx.status == 0);
    CHECK_THAT(idx.out, Catch::Contains("5 added, 0 updated, 0 unchanged, 0 removed, 0 skipped") &&
                            Catch::Contains("holds 5 documents"));

    auto s = run("NO_COLOR=1 " + search_bin() + " --index " + quote(dir.str("index")) +
                 " CFE treaty suspension");
    REQUIRE(s.status == 0);
    // Piped: plain text with the matched words marked.
    CHECK_THAT(s.out, Catch::StartsWith("3 results for \"CFE treaty suspension\""));
    CHECK_THAT(s.out, Catch::Contains("1. NATO Resumes Talks With Russia, Differences Remain"));
    CHECK_THAT(s.out, Catch::Contains("**CFE** **treaty**"));
    CHECK_THAT(s.out, Catch::Contains("002_585ae4fd7902f67d.txt"));
    CHECK(s.out.find("\033[") == std::string::npos);

    auto j = run(search_bin() + " --index " + quote(dir.str("index")) +
                 " --json --outlet expatica NATO");
    REQUIRE(j.status == 0);
    auto doc = nlohmann::json::parse(j.out);
    CHECK(doc["query"] == "NATO");
    CHECK(doc["total"] == 2);
    REQUIRE(doc["hits"].size() == 2);
    std::vector<std::string> files;
    for (const auto& h : doc["hits"]) {
        files.push_back(test::seed_of(h["path"]));
        for (const char* key : {"rank", "path", "title", "date", "outlets", "speakers", "score",
                                "percent", "snippet"})
            CHECK(h.contains(key));
    }
    std::sort(files.begin(), files.end());
    CHECK(files == std::vector<std::string>{"001", "004"});
    CHECK_THAT(doc["hits"][0]["snippet"].get<std::string>(), Catch::Contains("<mark>NATO</mark>"));

    auto none = run(search_bin() + " --index " + quote(dir.str("index")) + " zzyzx");
    CHECK(none.status == 1);  // nothing matched, as grep says it
    CHECK_THAT(none.out, Catch::Contains("no results"));
    auto none_json = run(search_bin() + " --index " + quote(dir.str("index")) + " --json zzyzx");
    CHECK(nlohmann::json::parse(none_json.out)["hits"].empty());

    // Re-running leaves five documents.
    auto again =
        run(index_bin() + " --index " + quote(dir.str("index")) + " " + quote(test::corpus_dir()));
    CHECK_THAT(again.out, Catch::Contains("holds 5 documents"));
}

TEST_CASE("search errors give one line on stderr and exit 2", "[cli][errors]") {
    test::TempDir dir;
    auto missing = run(search_bin() + " --index " + quote(dir.str("nope")) + " NATO 2>&1");
    CHECK(missing.status == 2);
    CHECK(missing.out ==
          "gazette-search: no index at " + dir.str("nope") + " (build one with gazette-index)\n");
    run(index_bin() + " -q --index " + quote(dir.str("index")) + " " + quote(test::corpus_dir()));
    auto bad =
        run(search_bin() + " --index " + quote(dir.str("index")) + " 'date:2009-02-30' 2>&1");
    CHECK(bad.status == 2);
    CHECK_THAT(bad.out, Catch::StartsWith("gazette-search: bad query \"date:2009-02-30\""));
    auto syntax = run(search_bin() + " --index " + quote(dir.str("index")) + " 'NATO AND' 2>&1");
    CHECK(syntax.status == 2);
    CHECK_THAT(syntax.out, Catch::Contains("bad query \"NATO AND\""));
}

TEST_CASE("repeated index options search shards as one", "[cli][shards]") {
    test::TempDir dir;
    auto seed = [](const char* n) {
        for (const auto& e : std::filesystem::directory_iterator(test::corpus_dir()))
            if (e.path().filename().string().rfind(n, 0) == 0) return quote(e.path().string());
        return std::string();
    };
    REQUIRE(run(index_bin() + " -q --index " + quote(dir.str("a")) + " " + seed("000") + " " +
                seed("001") + " " + seed("002"))
                .status == 0);
    REQUIRE(run(index_bin() + " -q --index " + quote(dir.str("b")) + " " + seed("003") + " " +
                seed("004"))
                .status == 0);
    auto both = " --index " + quote(dir.str("a")) + " --index " + quote(dir.str("b"));
    auto j = nlohmann::json::parse(run(search_bin() + both + " --json NATO").out);
    CHECK(j["total"] == 5);
    CHECK(j["hits"].size() == 5);
    auto first =
        nlohmann::json::parse(run(search_bin() + both + " --json CFE treaty suspension").out);
    REQUIRE(!first["hits"].empty());
    CHECK(test::seed_of(first["hits"][0]["path"]) == "002");
    auto one = nlohmann::json::parse(
        run(search_bin() + " --index " + quote(dir.str("b")) + " --json NATO").out);
    CHECK(one["total"] == 2);
}

TEST_CASE("facets and a spelling suggestion in text and JSON output", "[cli][facets]") {
    test::TempDir dir;
    run(index_bin() + " -q --index " + quote(dir.str("index")) + " " + quote(test::corpus_dir()));
    auto base = search_bin() + " --index " + quote(dir.str("index"));
    auto t = run("NO_COLOR=1 " + base + " --facets rogozn treaty");
    REQUIRE(t.status == 0);
    CHECK_THAT(t.out, Catch::StartsWith("did you mean: rogozin treaty\n"));
    CHECK_THAT(t.out, Catch::Contains("speakers: Dmitry Rogozin (3) Jaap de Hoop Scheffer (2)"));
    auto j = nlohmann::json::parse(run(base + " --json --facets NATO").out);
    CHECK(j["suggestion"].is_null());
    REQUIRE(j["facets"]["speakers"].size() == 7);
    CHECK(j["facets"]["speakers"][0]["value"] == "Dmitry Rogozin");
    CHECK(j["facets"]["speakers"][0]["count"] == 4);
    CHECK(j["facets"]["years"][0] == nlohmann::json{{"value", "2009"}, {"count", 2}});
    auto no_facets = nlohmann::json::parse(run(base + " --json NATO").out);
    CHECK(!no_facets.contains("facets"));
}

TEST_CASE("the search command counts and explains and finds articles like one", "[cli]") {
    test::TempDir dir;
    run(index_bin() + " -q --index " + quote(dir.str("index")) + " " + quote(test::corpus_dir()));
    auto base = "NO_COLOR=1 " + search_bin() + " --index " + quote(dir.str("index"));
    // --count: the exact number, the same as the JSON total, filters included.
    for (std::string filters : {"", " --outlet expatica", " --since 2009-01 --until 2009-12"}) {
        auto count = run(base + filters + " --count NATO");
        REQUIRE(count.status == 0);
        auto j = nlohmann::json::parse(run(base + filters + " --json --limit 1 NATO").out);
        CHECK(count.out == std::to_string(j["total"].get<int>()) + "\n");
    }
    CHECK(run(base + " --count --outlet expatica NATO").out == "2\n");
    // --explain: the query run and each expansion.
    auto explain = run(base + " --explain CFE treaty suspension");
    CHECK_THAT(explain.out, Catch::Contains("expanded: suspens -> suspend (word family)"));
    CHECK_THAT(explain.out,
               Catch::Contains("expanded: cfe -> \"conventional forces in europe\" (alias)"));
    CHECK_THAT(explain.out, Catch::Contains("query run: Query("));
    // --like: other articles, never the one given.
    auto like = run(base + " --snippet-length 0 --like " +
                    quote(test::corpus_dir() + "/004_63d7ad7da0350d37.txt"));
    REQUIRE(like.status == 0);
    CHECK_THAT(like.out, Catch::StartsWith("4 results for articles like "));
    // Hits name their paths on a line each; 004's is only in the heading.
    CHECK(like.out.find("| /") != std::string::npos);
    CHECK(like.out.find("004_63d7ad7da0350d37.txt\n", like.out.find('\n')) == std::string::npos);
    auto unknown = run(base + " --like nowhere.txt 2>&1");
    CHECK(unknown.status == 2);
    CHECK_THAT(unknown.out, Catch::Contains("--like nowhere.txt: no article of the index"));
    auto bad = run(base + " --ranking k1=x nato 2>&1");
    CHECK(bad.status == 2);
    CHECK_THAT(bad.out, Catch::Contains("ranking setting \"k1=x\": expected a number"));
}

TEST_CASE("dry run prints the extracted fields as JSON and writes nothing", "[cli]") {
    test::TempDir dir;
    auto r = run(index_bin() + " --index " + quote(dir.str("index")) + " --dry-run --json " +
                 quote(test::corpus_dir() + "/004_63d7ad7da0350d37.txt"));
    REQUIRE(r.status == 0);
    auto lines = json_lines(r.out);
    REQUIRE(lines.size() == 2);
    auto j = lines[0];
    CHECK(j["id"] == "corpus/004_63d7ad7da0350d37.txt");
    CHECK(j["path"] == test::corpus_dir() + "/004_63d7ad7da0350d37.txt");
    CHECK(j["title"] == "NATO set to green-light formal ties with Russia");
    CHECK(j["date"] == "2009-03-05");
    CHECK(j["outlets"] == std::vector<std::string>{"Agence France-Presse", "Expatica"});
    CHECK(j["speakers"] == std::vector<std::string>{"Dmitry Rogozin", "Barack Obama"});
    CHECK_FALSE(j.contains("evidence"));
    CHECK(lines[1]["summary"]["extracted"] == 1);
    CHECK_FALSE(test::fs::exists(dir.path() / "index"));

    auto undated = run(index_bin() + " --dry-run --json " +
                       quote(test::corpus_dir() + "/001_f284fe456c95c34e.txt"));
    CHECK(json_lines(undated.out).at(0)["date"].is_null());
}

TEST_CASE("explain names the rule and line behind each field", "[cli]") {
    auto r = run(index_bin() + " --dry-run --json --explain " +
                 quote(test::corpus_dir() + "/004_63d7ad7da0350d37.txt"));
    REQUIRE(r.status == 0);
    auto j = json_lines(r.out).at(0);
    bool date_found = false;
    for (const auto& e : j["evidence"]) {
        if (e["field"] == "date") {
            date_found = true;
            CHECK(e["line"] == 5);
            CHECK(e["text"] == "Published on 05/03/2009");
            CHECK_THAT(e["rule"].get<std::string>(), Catch::Contains("day first by outlet"));
        }
    }
    CHECK(date_found);
    auto text = run(index_bin() + " --dry-run --explain " +
                    quote(test::corpus_dir() + "/004_63d7ad7da0350d37.txt"));
    CHECK_THAT(
        text.out,
        Catch::Contains("date: 2009-03-05 <- numeric, day first by outlet Agence France-Presse, "
                        "line 5 'Published on 05/03/2009'"));
}

TEST_CASE("bad input files are reported and skipped and the rest indexed", "[cli][errors]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in" / "good.txt",
                     "Headline\n\nA story long enough to be the body of an article, with more than "
                     "sixteen words in it for sure.\n");
    test::write_file(dir.path() / "in" / "empty.txt", "\n\n");
    test::write_file(dir.path() / "in" / "binary.txt", std::string("PK\0\3\4", 5));
    test::write_file(dir.path() / "in" / "notes.md", "ignored");
    auto r = run(index_bin() + " --index " + quote(dir.str("index")) + " " + quote(dir.str("in")) +
                 " 2>&1");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("skipped " + dir.str("in") + "/binary.txt: binary file"));
    CHECK_THAT(r.out, Catch::Contains("skipped " + dir.str("in") + "/empty.txt: empty file"));
    CHECK_THAT(r.out, Catch::Contains("1 added, 0 updated, 0 unchanged, 0 removed, 2 skipped"));
    auto missing = run(index_bin() + " --index " + quote(dir.str("index")) + " " +
                       quote(dir.str("nothing")) + " 2>&1");
    CHECK(missing.status == 2);
    CHECK_THAT(missing.out, Catch::Contains("no such file or folder: " + dir.str("nothing")));
    CHECK(Searcher(dir.str("index")).document_count() == 1);
}

TEST_CASE("the embedding example links the library and prints 002 first", "[cli][embed]") {
    test::TempDir dir;
    test::index_corpus(dir.str("index"));
    auto r = run(std::string(GAZETTE_EMBED_BIN) + " " + quote(dir.str("index")) + " reuters");
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out,
               Catch::StartsWith(
                   "1 hits for \"CFE treaty suspension\"\n1. NATO Resumes Talks With Russia"));
    CHECK_THAT(r.out, Catch::Contains("[CFE] [treaty]"));
    auto all = run(std::string(GAZETTE_EMBED_BIN) + " " + quote(dir.str("index")));
    CHECK_THAT(all.out, Catch::Contains("\n1. NATO Resumes Talks With Russia"));
    auto bad = run(std::string(GAZETTE_EMBED_BIN) + " " + quote(dir.str("missing")) + " 2>&1");
    CHECK(bad.status == 1);
    CHECK_THAT(bad.out, Catch::Contains("error (no_index)"));
}

TEST_CASE("gazette-index reports each change and keeps gone files with --no-prune",
          "[cli][incremental]") {
    test::TempDir dir;
    auto in = dir.path() / "news";
    auto body = [](const std::string& word) {
        return "Headline\n\nA story about " + word +
               " long enough to be the body of an article, with more than sixteen words in it.\n";
    };
    test::write_file(in / "a.txt", body("apricots"));
    test::write_file(in / "b.txt", body("bananas"));
    auto cmd = index_bin() + " --index " + quote(dir.str("index")) + " ";
    auto first = run(cmd + quote(in.string()));
    REQUIRE(first.status == 0);
    CHECK_THAT(first.out, Catch::Contains("2 added, 0 updated, 0 unchanged, 0 removed, 0 skipped"));
    test::fs::remove(in / "b.txt");
    auto kept = run(cmd + "--no-prune " + quote(in.string()));
    CHECK_THAT(kept.out, Catch::Contains("0 added, 0 updated, 1 unchanged, 0 removed"));
    CHECK_THAT(kept.out, Catch::Contains("holds 2 documents"));
    auto json = run(cmd + "--json " + quote(in.string()));
    REQUIRE(json.status == 0);
    auto lines = json_lines(json.out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0]["id"] == "news/a.txt");
    CHECK(lines[0]["change"] == "unchanged");
    CHECK(lines[1]["id"] == "news/b.txt");
    CHECK(lines[1]["change"] == "removed");
    CHECK(lines[2]["summary"]["removed"] == 1);
    CHECK(lines[2]["summary"]["unchanged"] == 1);
    CHECK(lines[2]["summary"]["documents"] == 1);
}

TEST_CASE("explain covers text, HTML and JSONL input alike", "[cli][html][jsonl]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in" / "a.txt",
                     "Home\nWorld\n\nNATO and Russia resume talks\n\nBy Jane Doe\n\nMarch 5, "
                     "2009\n\nNATO and Russia resumed formal talks on Monday, ending a freeze "
                     "that began after the war in Georgia, officials said.\n");
    test::write_file(dir.path() / "in" / "b.html",
                     "<html><head><meta property='og:site_name' content='Sky News'>"
                     "<meta property='og:title' content='Envoys meet'></head><body><article>"
                     "<h1>Envoys meet</h1><p>Envoys met in Brussels on Tuesday for talks that "
                     "lasted many hours, diplomats said afterwards.</p></article></body></html>");
    test::write_file(dir.path() / "in" / "c.jsonl",
                     R"({"title": "Third", "url": "https://www.reuters.com/x", "text": "Envoys )"
                     R"(met again. \"It was useful,\" said Dmitry Rogozin, the envoy."})"
                     "\n");
    auto r = run(index_bin() + " --dry-run --json --explain " + quote(dir.str("in")));
    REQUIRE(r.status == 0);
    std::map<std::string, std::set<std::string>> rules;  // file -> "field: rule"
    for (const auto& j : json_lines(r.out)) {
        if (!j.contains("id")) continue;
        for (const auto& e : j["evidence"])
            rules[j["id"].get<std::string>()].insert(e["field"].get<std::string>() + ": " +
                                                     e["rule"].get<std::string>());
    }
    REQUIRE(rules.size() == 3);
    auto has = [&](const std::string& id, const std::string& prefix) {
        const auto& set = rules[id];
        return std::any_of(set.begin(), set.end(),
                           [&](const std::string& s) { return s.starts_with(prefix); });
    };
    CHECK(has("in/a.txt", "title: headline: a date follows"));
    CHECK(has("in/a.txt", "date: month day, year"));
    CHECK(has("in/b.html", "title: h1 matching the page's metadata title"));
    CHECK(has("in/b.html", "outlet: og:site_name"));
    CHECK(has("in/c.jsonl#https://www.reuters.com/x", "title: JSONL record"));
    CHECK(has("in/c.jsonl#https://www.reuters.com/x", "outlet: JSONL record url"));
    CHECK(has("in/c.jsonl#https://www.reuters.com/x", "speaker: name after \"said\""));
}

TEST_CASE("the search command for daily use: exit status, files, show, paging, colour",
          "[cli][daily]") {
    test::TempDir dir;
    run(index_bin() + " -q --index " + quote(dir.str("index")) + " " + quote(test::corpus_dir()));
    auto base = "NO_COLOR=1 " + search_bin() + " --index " + quote(dir.str("index"));
    // --files: one existing path per line, as many as --count says.
    auto files = run(base + " --files --limit 10000 NATO");
    CHECK(files.status == 0);
    std::vector<std::string> paths;
    std::istringstream lines(files.out);
    for (std::string l; std::getline(lines, l);) paths.push_back(l);
    CHECK(paths.size() == 5);
    for (const auto& p : paths) CHECK(std::filesystem::exists(p));
    CHECK(run(base + " --count NATO").out == std::to_string(paths.size()) + "\n");
    CHECK(run(base + " --files --outlet reuters NATO").out.find("002_") != std::string::npos);
    // Nothing matched: exit 1 (grep's convention), whatever the output.
    for (std::string mode : {"", " --files", " --count", " --json"}) {
        INFO(mode);
        CHECK(run(base + mode + " zzyzx").status == 1);
    }
    CHECK(run(base + " --count zzyzx").out == "0\n");
    CHECK(run(base + " --files zzyzx").out.empty());
    // --show: the article in full, the query's words marked.
    auto show = run(base + " --show corpus/002_585ae4fd7902f67d.txt CFE treaty suspension");
    CHECK(show.status == 0);
    CHECK_THAT(show.out, Catch::StartsWith("NATO Resumes Talks With Russia, Differences Remain\n"
                                           "id:       corpus/002_585ae4fd7902f67d.txt\n"));
    CHECK_THAT(show.out, Catch::Contains("**suspended**"));
    CHECK_THAT(show.out, Catch::Contains("**CFE**"));
    CHECK_THAT(show.out, Catch::Contains("speakers: Jaap de Hoop Scheffer, Dmitry Rogozin"));
    auto by_path = run(base + " --show " + quote(test::corpus_dir() + "/004_63d7ad7da0350d37.txt"));
    CHECK(by_path.status == 0);
    CHECK_THAT(by_path.out, Catch::Contains("id:       corpus/004_63d7ad7da0350d37.txt"));
    auto shown_json = nlohmann::json::parse(
        run(base + " --json --show corpus/002_585ae4fd7902f67d.txt suspension").out);
    CHECK(shown_json["id"] == "corpus/002_585ae4fd7902f67d.txt");
    CHECK_THAT(shown_json["text"].get<std::string>(), Catch::Contains("<mark>suspended</mark>"));
    CHECK(run(base + " --show corpus/002_585ae4fd7902f67d.txt --files 2>&1").status == 2);
    auto missing = run(base + " --show corpus/nothing.txt 2>&1");
    CHECK(missing.status == 2);
    CHECK(missing.out ==
          "gazette-search: no article of the index has the id or path corpus/nothing.txt\n");
    // Unknown fields are refused with the known ones listed.
    auto field = run(base + " author:smith 2>&1");
    CHECK(field.status == 2);
    CHECK_THAT(field.out, Catch::Contains("unknown field \"author:\" (the fields are title:, "
                                          "outlet:, speaker:, date:)"));
    // Stop words only: found, with a hint.
    auto common = run(base + " the of 2>&1 >/dev/null");
    CHECK_THAT(common.out, Catch::Contains("only common words (the, of)"));
    // Honest paging and a filter-only heading.
    CHECK_THAT(run(base + " --limit 0 NATO").out,
               Catch::StartsWith("5 results for \"NATO\"\nnone shown (--limit 0)\n"));
    CHECK_THAT(run(base + " --offset 40 NATO").out,
               Catch::StartsWith("5 results for \"NATO\"\nnone shown: --offset 40 is past the "
                                 "last result (5)\n"));
    CHECK_THAT(run(base + " --limit 2 --offset 1 NATO").out,
               Catch::StartsWith("5 results for \"NATO\"\nshowing 2 to 3\n"));
    CHECK_THAT(run(base + " --outlet reuters").out, Catch::Contains("for the filters"));
    // A date range is not respelled into another date.
    auto dates = run(base + " -- date:2009-01-01..2009-06-30");
    CHECK(dates.status == 0);
    CHECK(dates.out.find("did you mean") == std::string::npos);
    // Colour as asked, never by default into a pipe.
    CHECK_THAT(run(base + " --color=always --limit 1 NATO").out,
               Catch::Contains("\033[1;31mNATO\033[0m"));
    CHECK(run(search_bin() + " --index " + quote(dir.str("index")) + " --limit 1 NATO")
              .out.find('\033') == std::string::npos);
    CHECK_THAT(run(base + " --color=never --limit 1 NATO").out, Catch::Contains("**NATO**"));
    CHECK(run(base + " --color=sometimes NATO 2>&1").status == 2);
    CHECK(run(base + " --files --count NATO 2>&1").status == 2);
}

TEST_CASE("the default index comes from GAZETTE_INDEX or the config file", "[cli][config]") {
    test::TempDir dir;
    run(index_bin() + " -q --index " + quote(dir.str("news/index")) + " " +
        quote(test::corpus_dir()));
    const std::string in_dir = "cd " + quote(dir.str("")) + " && ";
    // No index here, nothing configured: ./index, which is missing.
    auto none = run(in_dir + "HOME=" + quote(dir.str("")) +
                    " XDG_CONFIG_HOME= GAZETTE_INDEX= " + search_bin() + " --count NATO 2>&1");
    CHECK(none.status == 2);
    CHECK_THAT(none.out, Catch::Contains("no index at index"));
    auto by_env = run(in_dir + "GAZETTE_INDEX=" + quote(dir.str("news/index")) + " " +
                      search_bin() + " --count NATO");
    CHECK(by_env.out == "5\n");
    // The file: a path relative to the file's folder.
    test::write_file(dir.path() / "cfg/gazette/config",
                     "# where the news is\nindex = ../../news/index\n");
    const std::string cfg = "GAZETTE_INDEX= XDG_CONFIG_HOME=" + quote(dir.str("cfg")) + " ";
    CHECK(run(in_dir + cfg + search_bin() + " --count NATO").out == "5\n");
    // gazette-index reads the same default (an unchanged re-run here).
    auto reindex = run(in_dir + cfg + index_bin() + " " + quote(test::corpus_dir()));
    CHECK(reindex.status == 0);
    CHECK_THAT(reindex.out, Catch::Contains("5 unchanged"));
    // --index wins over both.
    CHECK(run(in_dir + cfg + search_bin() + " --index nowhere --count NATO 2>&1").status == 2);
    test::write_file(dir.path() / "cfg/gazette/config", "index = x\nindexes = y\n");
    auto bad = run(in_dir + cfg + search_bin() + " NATO 2>&1");
    CHECK(bad.status == 2);
    CHECK(bad.out == "gazette-search: config file " + dir.str("cfg/gazette/config") +
                         " line 2: unknown key \"indexes\" (known: index, corpus)\n");
}
