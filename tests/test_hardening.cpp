// Hardening: hostile and broken input as users' scrapers save it and as an
// attacker would write it. Nothing crashes, nothing leaks, nothing gets in.
#include <fmt/format.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "decode.hpp"
#include "helpers.hpp"
#include "text.hpp"

using namespace gazette;
using test::quote;
using test::run;
namespace fs = std::filesystem;

namespace {

// A sanitizer reserves terabytes of address space for its shadow memory,
// which an address-space limit (prlimit --as) makes it fail to start.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
#else
constexpr bool sanitized = false;
#endif

const std::string paragraph =
    "The alliance met on Tuesday to discuss the treaty and its future in Europe, officials "
    "said in a statement after the talks.";

std::string article(const std::string& headline, const std::string& marker) {
    return headline + "\n\n" + paragraph + " The word " + marker + " appears here.\n";
}

std::string index_bin() {
    return GAZETTE_INDEX_BIN;
}
std::string search_bin() {
    return GAZETTE_SEARCH_BIN;
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1))
        ++n;
    return n;
}

std::vector<std::string> hit_ids(const std::string& index, const std::string& query) {
    Searcher s(index);
    SearchRequest r;
    r.query = query;
    r.limit = 100;
    std::vector<std::string> ids;
    for (const auto& h : s.search(r).hits) ids.push_back(h.id);
    return ids;
}

std::string utf16le_with_bom(const std::u16string& s) {
    std::string out = "\xFF\xFE";
    for (char16_t c : s) out += static_cast<char>(c & 0xFF), out += static_cast<char>(c >> 8);
    return out;
}

// Resident memory of this process, in bytes.
std::size_t resident_bytes() {
    std::ifstream in("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    in >> pages >> resident;
    return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace

TEST_CASE("a pathological folder indexes in bounded memory, each bad entry is named once",
          "[hardening][cli]") {
    test::TempDir dir;
    auto in = dir.path() / "in";
    test::write_file(in / "good1.txt", article("First good headline", "zebrafinch"));
    test::write_file(in / "good2.txt", article("Second good headline", "quokkamarker"));
    test::write_file(in / "good3.txt", article("Third good headline", "narwhalword"));
    // Lines that crashed std::regex or took memory in the square of their length.
    test::write_file(in / "url.txt", article("Url headline", "urlmarker") + "\nCopyright http://" +
                                         std::string(50'000, 'a') + ".com/x\n");
    test::write_file(in / "toldword.txt", article("Told word headline", "toldwordmarker") +
                                              "\nHe told A" + std::string(60'000, 'b') +
                                              " something.\n");
    std::string told;
    while (told.size() < 200'000) told += "He told Reuters and ";
    test::write_file(in / "toldline.txt", "Told line headline\n\n" + told + "toldlinemarker.\n");
    // Encodings.
    test::write_file(in / "utf16.txt", utf16le_with_bom(u"UTF-16 headline\n\nThe word "
                                                        u"ocelotmarker appears in a story "
                                                        u"about the treaty and the alliance.\n"));
    test::write_file(in / "cp1252.txt", "Caf\xE9 \x93quoted\x94 headline\n\n" + paragraph +
                                            " The word capybaramarker \x97 na\xEFve.\n");
    // Entries that are not articles of this collection.
    test::write_file(dir.path() / "outside" / "secret.txt", article("Secret", "passwordmarker"));
    fs::create_symlink(dir.path() / "outside" / "secret.txt", in / "link.txt");
    fs::create_symlink(dir.path() / "nowhere.txt", in / "dangling.txt");
    REQUIRE(mkfifo((in / "pipe.txt").c_str(), 0644) == 0);

    std::string limit = sanitized ? "" : "prlimit --as=1073741824 ";
    auto r = run(limit + index_bin() + " --index " + quote(dir.str("index")) + " " +
                 quote(in.string()) + " 2>&1");
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("8 added, 0 updated, 0 unchanged, 0 removed, 3 skipped"));
    CHECK(count_of(r.out, (in / "link.txt").string()) == 1);
    CHECK_THAT(r.out, Catch::Contains("link.txt: link to " +
                                      (dir.path() / "outside" / "secret.txt").string() +
                                      ", outside the collection"));
    CHECK(count_of(r.out, (in / "dangling.txt").string()) == 1);
    CHECK_THAT(r.out, Catch::Contains("dangling.txt: dangling link"));
    CHECK(count_of(r.out, (in / "pipe.txt").string()) == 1);
    CHECK_THAT(r.out, Catch::Contains("pipe.txt: FIFO"));

    auto index = dir.str("index");
    for (const auto& [marker, id] :
         std::vector<std::pair<std::string, std::string>>{{"zebrafinch", "in/good1.txt"},
                                                          {"quokkamarker", "in/good2.txt"},
                                                          {"narwhalword", "in/good3.txt"},
                                                          {"urlmarker", "in/url.txt"},
                                                          {"toldwordmarker", "in/toldword.txt"},
                                                          {"toldlinemarker", "in/toldline.txt"},
                                                          {"ocelotmarker", "in/utf16.txt"},
                                                          {"capybaramarker", "in/cp1252.txt"}}) {
        INFO(marker);
        CHECK(hit_ids(index, marker) == std::vector<std::string>{id});
    }
    CHECK(hit_ids(index, "passwordmarker").empty());

    // Converted text is clean UTF-8 in titles and snippets.
    Searcher s(index);
    SearchRequest req;
    req.query = "capybaramarker";
    req.escape_html = false;
    auto hit = s.search(req).hits.at(0);
    CHECK(hit.title == "Caf\u00e9 \u201cquoted\u201d headline");
    CHECK_THAT(hit.snippet, Catch::Contains("capybaramarker</mark> \u2014 na\u00efve."));
    CHECK(hit.snippet.find("\uFFFD") == std::string::npos);

    // With --follow-links the link outside is indexed.
    auto followed = run(index_bin() + " --follow-links --index " + quote(dir.str("index")) + " " +
                        quote(in.string()) + " 2>&1");
    CHECK(followed.status == 0);
    CHECK(hit_ids(index, "passwordmarker") == std::vector<std::string>{"in/link.txt"});
}

TEST_CASE("a 5 MB single-line file and a file of 20,000 attributions index in bounded memory",
          "[hardening][cli][slow]") {
    test::TempDir dir;
    std::string line = "Big headline\n\n";
    while (line.size() < 5'000'000)
        line += "He told Reuters and Jonas Varga said that the alliance would meet. ";
    test::write_file(dir.path() / "in" / "oneline.txt", line + "onelinemarker\n");
    std::string said = "Said headline\n\n";
    const char* names[] = {"Jonas Varga", "Maria Lopez", "Dmitry Rogozin", "Anna Schmidt"};
    for (int i = 0; i < 20'000; ++i)
        said += std::string(names[i % 4]) + " said the talks on the treaty " + std::to_string(i) +
                " went well.\n";
    test::write_file(dir.path() / "in" / "said.txt", said);
    std::string limit = sanitized ? "" : "prlimit --as=1073741824 ";
    auto r = run(limit + index_bin() + " --index " + quote(dir.str("index")) + " " +
                 quote(dir.str("in")) + " 2>&1");
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("2 added"));
    CHECK(hit_ids(dir.str("index"), "onelinemarker") == std::vector<std::string>{"in/oneline.txt"});
    Searcher s(dir.str("index"));
    SearchRequest req;
    req.speakers = {"Dmitry Rogozin"};
    CHECK(s.search(req).hits.size() == 1);
}

TEST_CASE("a file over the size cap is indexed in part, with a note", "[hardening][cli]") {
    test::TempDir dir;
    std::string text = article("Large headline", "firstpartmarker");
    std::string filler = paragraph + "\n";
    while (text.size() < FolderSource::max_article_bytes + 100'000) text += filler;
    text += "The word lastpartmarker ends it.\n";
    test::write_file(dir.path() / "in" / "large.txt", text);
    auto r = run(index_bin() + " --index " + quote(dir.str("index")) + " " + quote(dir.str("in")) +
                 " 2>&1");
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("large.txt: truncated: only the first 8.0 MiB of 8.1 MiB"));
    CHECK(hit_ids(dir.str("index"), "firstpartmarker").size() == 1);
    CHECK(hit_ids(dir.str("index"), "lastpartmarker").empty());
}

TEST_CASE("bytes are decoded to UTF-8 whatever their encoding", "[hardening][decode]") {
    std::string sample = "Caf\u00e9 \u201cquoted\u201d \u2014 na\u00efve";
    CHECK(decode_text(sample).text == sample);
    CHECK(decode_text(sample).encoding == "UTF-8");
    CHECK(decode_text("\xEF\xBB\xBF" + sample).text == sample);
    auto cp1252 = decode_text("Caf\xE9 \x93quoted\x94 \x97 na\xEFve");
    CHECK(cp1252.text == sample);
    CHECK(cp1252.encoding == "WINDOWS-1252");
    // UTF-16 and UTF-32, marked and unmarked, both byte orders.
    std::u16string wide = u"Caf\u00e9 \u201cquoted\u201d \u2014 na\u00efve, a longer line.";
    std::string le, be, le32, be32;
    for (char16_t c : wide) {
        le += static_cast<char>(c & 0xFF), le += static_cast<char>(c >> 8);
        be += static_cast<char>(c >> 8), be += static_cast<char>(c & 0xFF);
        le32 += std::string{static_cast<char>(c & 0xFF), static_cast<char>(c >> 8), '\0', '\0'};
        be32 += std::string{'\0', '\0', static_cast<char>(c >> 8), static_cast<char>(c & 0xFF)};
    }
    std::string expected = "Caf\u00e9 \u201cquoted\u201d \u2014 na\u00efve, a longer line.";
    CHECK(decode_text("\xFF\xFE" + le).text == expected);
    CHECK(decode_text("\xFE\xFF" + be).text == expected);
    CHECK(decode_text(le).text == expected);
    CHECK(decode_text(le).encoding == "UTF-16LE");
    CHECK(decode_text(be).text == expected);
    CHECK(decode_text(std::string("\xFF\xFE\0\0", 4) + le32).text == expected);
    CHECK(decode_text(be32).encoding == "UTF-32BE");
    CHECK(decode_text(be32).text == expected);
    // Other single-byte encodings, named by uchardet.
    std::string russian =
        "\xD0\xEE\xF1\xF1\xE8\xFF \xEF\xF0\xE8\xEE\xF1\xF2\xE0\xED\xEE\xE2\xE8\xEB\xE0 "
        "\xF3\xF7\xE0\xF1\xF2\xE8\xE5 \xE2 \xC4\xEE\xE3\xEE\xE2\xEE\xF0\xE5, "
        "\xE7\xE0\xFF\xE2\xE8\xEB \xEC\xE8\xED\xE8\xF1\xF2\xF0 \xD1\xE5\xF0\xE3\xE5\xE9 "
        "\xCB\xE0\xE2\xF0\xEE\xE2.";  // Windows-1251
    auto cyrillic = decode_text(russian);
    CHECK(cyrillic.encoding == "WINDOWS-1251");
    CHECK(cyrillic.text ==
          "\u0420\u043e\u0441\u0441\u0438\u044f \u043f\u0440\u0438\u043e\u0441\u0442\u0430"
          "\u043d\u043e\u0432\u0438\u043b\u0430 \u0443\u0447\u0430\u0441\u0442\u0438\u0435 "
          "\u0432 \u0414\u043e\u0433\u043e\u0432\u043e\u0440\u0435, \u0437\u0430\u044f\u0432"
          "\u0438\u043b \u043c\u0438\u043d\u0438\u0441\u0442\u0440 \u0421\u0435\u0440\u0433"
          "\u0435\u0439 \u041b\u0430\u0432\u0440\u043e\u0432.");
    // A UTF-8 mark before bytes no UTF-8 allows (found by fuzzing: iconv
    // let a 5-byte form through): each becomes U+FFFD.
    auto marked = decode_text("\xEF\xBB\xBF" + std::string(400, 'a') + "\xF5\xB2\xB0\xAE!");
    CHECK(marked.text == std::string(400, 'a') + "\uFFFD\uFFFD\uFFFD\uFFFD!");
    // Not text: binary, or mostly invalid in its encoding.
    CHECK(decode_text(std::string("PK\3\4\0\0binary", 12)).error ==
          "binary file (contains NUL bytes)");
    std::string junk;
    for (int i = 0; i < 200; ++i) junk += "\xFF\xFE\xFD\x81";
    CHECK_THAT(decode_text("\xEF\xBB\xBF" + junk).error, Catch::Contains("undecodable"));
}

TEST_CASE("UTF-8 checks find the valid prefix and whole characters", "[hardening][core]") {
    CHECK(text::valid_utf8_prefix("abc") == 3);
    CHECK(text::valid_utf8_prefix("ab\xC3") == 2);             // cut short
    CHECK(text::valid_utf8_prefix("a\xC0\xAF") == 1);          // overlong
    CHECK(text::valid_utf8_prefix("a\xED\xA0\x80") == 1);      // surrogate
    CHECK(text::valid_utf8_prefix("a\xF4\x90\x80\x80") == 1);  // above U+10FFFF
    CHECK(text::valid_utf8_prefix("\xF0\x9F\x98\x80!") == 5);  // emoji
    std::string s = "\u00e9t\u00e9";                           // c3 a9 74 c3 a9
    CHECK(text::utf8_whole_chars(std::string_view(s).substr(1)) == "t\u00e9");
    CHECK(text::utf8_whole_chars(std::string_view(s).substr(0, 4)) == "\u00e9t");
}

TEST_CASE("a file that makes extraction throw is skipped and the run committed",
          "[hardening][indexer]") {
    struct Throwing : Source {
        std::vector<SourceItem> list() override {
            std::vector<SourceItem> items(3);
            for (int i = 0; i < 3; ++i) {
                items[static_cast<std::size_t>(i)].id = "t/" + std::to_string(i);
                items[static_cast<std::size_t>(i)].path = "/t/" + std::to_string(i);
                items[static_cast<std::size_t>(i)].fingerprint.size =
                    static_cast<std::uint64_t>(i + 1);
            }
            return items;
        }
        SourceText read(SourceItem& item) override {
            if (item.id == "t/1") throw std::runtime_error("reader blew up");
            SourceText t;
            t.text = article("Headline " + item.id, "isolatedmarker");
            item.fingerprint.content_hash = item.fingerprint.size;
            return t;
        }
        const ArticleOverrides* overrides(const SourceItem&) const override { return nullptr; }
        std::vector<std::string> scopes() const override { return {"t/"}; }
        std::string description() const override { return "throwing source"; }
    } source;
    test::TempDir dir;
    std::vector<ItemOutcome> outcomes;
    {
        IndexWriter writer(dir.str("index"));
        Extractor extractor;
        auto summary = index_sources({&source}, &writer, extractor, IndexOptions{},
                                     [&](const ItemOutcome& o) { outcomes.push_back(o); });
        CHECK(summary.added == 2);
        CHECK(summary.skipped == 1);
    }
    REQUIRE(outcomes.size() == 3);
    CHECK(outcomes[1].change == Change::skipped);
    CHECK(outcomes[1].reason == "extraction failed: reader blew up");
    CHECK(hit_ids(dir.str("index"), "isolatedmarker").size() == 2);
}

TEST_CASE("an index path naming a program is refused and the program never runs",
          "[hardening][stub]") {
    test::TempDir dir;
    auto marker = dir.path() / "ran";
    std::string line = "remote :/bin/sh -c \"touch " + marker.string() + "\"\n";
    test::write_file(dir.path() / "evil.stub", line);
    test::write_file(dir.path() / "evil-dir" / "XAPIANDB", line);
    test::write_file(dir.path() / "nested.stub", "auto evil.stub\n");
    for (const auto& path : {dir.str("evil.stub"), dir.str("evil-dir"), dir.str("nested.stub")}) {
        INFO(path);
        auto s = run(search_bin() + " --index " + quote(path) + " nato 2>&1");
        CHECK(s.status == 2);
        CHECK_THAT(s.out, Catch::Contains("refused: it names a program to run"));
        auto i = run(index_bin() + " --index " + quote(path) + " " + quote(test::corpus_dir()) +
                     " 2>&1");
        CHECK(i.status == 2);
        try {
            Searcher searcher(path);
            FAIL("opened");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::invalid_input);
        }
    }
    CHECK_FALSE(fs::exists(marker));
    // Stubs naming local indexes still work.
    test::write_file(dir.path() / "ok.stub", "# the seed index\nauto " + test::seed_index() + "\n");
    CHECK(Searcher(dir.str("ok.stub")).document_count() == 5);
}

TEST_CASE("numbers and sizes beyond the limits are usage errors (exit 2)", "[hardening][cli]") {
    const std::string index = " --index " + quote(test::seed_index()) + " ";
    for (const auto& args :
         {"--offset 4294967296 nato", "--limit 4294967296 nato", "--limit -1 nato",
          "--offset -1 nato", "--snippet-length -1 nato", "--limit 10001 nato",
          "--snippet-length 99999999999999999999 nato", "--limit 1e3 nato", "--unknown nato"}) {
        INFO(args);
        auto r = run(search_bin() + index + args + " 2>&1");
        CHECK(r.status == 2);
        CHECK(count_of(r.out, "\n") <= 3);  // a short message, no stack of errors
    }
    // An unquoted -word is a query word, not an unknown option.
    auto minus = run(search_bin() + index + "nato -missile 2>&1");
    CHECK(minus.status == 0);
    CHECK_THAT(minus.out, Catch::StartsWith("1 result for \"nato -missile\""));
    auto long_query = run(search_bin() + index + quote(std::string(100'000, 'a')) + " 2>&1");
    CHECK(long_query.status == 2);
    CHECK_THAT(long_query.out, Catch::Contains("query of 100000 bytes is longer than the limit"));
    std::string many_words;
    for (int i = 0; i < 513; ++i) many_words += "w" + std::to_string(i) + " ";
    auto words = run(search_bin() + index + quote(many_words) + " 2>&1");
    CHECK(words.status == 2);
    CHECK_THAT(words.out, Catch::Contains("513 words has more than the limit, 512"));
    auto bad_index_option = run(index_bin() + " --batch -5 x 2>&1");
    CHECK(bad_index_option.status == 2);
}

TEST_CASE("operator misuse is a clear error, sound queries pass", "[hardening][query]") {
    Searcher s(test::seed_index());
    auto problem = [&](const std::string& q) -> std::string {
        SearchRequest r;
        r.query = q;
        try {
            (void)s.search(r);
            return "";
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::bad_query);
            return e.what();
        }
    };
    CHECK_THAT(problem("NATO AND"), Catch::Contains("AND needs a word or group after it"));
    CHECK_THAT(problem("OR (u)s NEAR x y"), Catch::Contains("OR needs a word or group before it"));
    CHECK_THAT(problem("-itle:nain ADJ/3 sv"), Catch::Contains("must stand beside plain words"));
    CHECK_THAT(problem("\"missile defence\" NEAR poland"),
               Catch::Contains("NEAR joins two plain words"));
    CHECK_THAT(problem("nat* NEAR b"), Catch::Contains("NEAR joins two plain words"));
    CHECK_THAT(problem("nato NEAR/x russia"), Catch::Contains("NEAR/x needs a window"));
    CHECK_THAT(problem("nato OR, russia"), Catch::Contains("write OR on its own"));
    CHECK_THAT(problem(std::string("OR\0\0 (u)s NEAR x y", 18)),
               Catch::Contains("OR needs a word or group before it"));
    CHECK_THAT(problem("-russia"), Catch::Contains("nothing to look for"));
    // Found by fuzzing: punctuation is no operand; "ni:r" is two terms.
    CHECK_THAT(problem("` XOR ` X"), Catch::Contains("XOR needs a word or group before it"));
    CHECK_THAT(problem("x ;ni:r ADJ/3 ;ni:rz"), Catch::Contains("ADJ joins two plain words"));
    CHECK_THAT(problem("e-mail NEAR x"), Catch::Contains("NEAR joins two plain words"));
    CHECK_THAT(problem("wn ADJ/02 wn ADJ/02 sadj20)0"), Catch::Contains("')' without its '('"));
    CHECK_THAT(problem("-!at V"), Catch::Contains("nothing between - and the word"));
    CHECK_THAT(problem("caf\xE9"), Catch::Contains("not valid UTF-8"));
    for (const auto& q : {"CFE treaty suspension", "nato AND russia", "nato OR russia NOT georgia",
                          "rogozin NEAR/5 said", "suspen*", "+nato -russia", "nato -russia",
                          "title:treaty outlet:reuters", "NOT nato", "(nato OR russia) AND treaty",
                          "((((nato", "\"unbalanced", "date:2008..2009 nato", "nato AND -russia"}) {
        INFO(q);
        CHECK(problem(q).empty());
    }
}

TEST_CASE("a signed bracket of stop words alone means no sign", "[hardening][query]") {
    // Xapian 1.4's parser dereferenced a null query on these (a crash,
    // found by fuzzing): a + or - before a bracket that holds nothing once
    // stop words are dropped.
    Searcher s(test::seed_index());
    auto total = [&](const std::string& q) {
        SearchRequest r;
        r.query = q;
        return s.search(r).total;
    };
    const auto nato = total("nato");
    REQUIRE(nato == 5);
    for (const std::string& q :
         {std::string("nato +(a! a"), std::string("nato +(a. the)"),
          std::string("nato +((a. the))"), std::string("nato +(title:the. a)"),
          std::string("nato -(the. a)"), std::string("nato +(a. the) +(of. in)"),
          std::string("nato y +(a. a"),
          // The sign reaches past punctuation (and control characters, which
          // are spaces to Xapian) to the bracket.
          std::string("nato +% (i, a)"), std::string("nato +%\0\0\0\x10(|i\0\x11, a)", 20)}) {
        INFO(q);
        CHECK(total(q) == nato);
    }
    CHECK(total("x +(a! a") == 0);
    // A '(' inside a word is no bracket to Xapian: its group ends sooner.
    CHECK(total("ty5,x +(title:ta.(he +(title:the. a(at)pension") == 0);
    // A bracket holding a word keeps its sign.
    CHECK(total("nato -(georgia ossetia)") < nato);
}

TEST_CASE("50,000 hostile queries through one Searcher leave memory where it was",
          "[hardening][query][slow]") {
    Searcher s(test::seed_index());
    const std::vector<std::string> seeds = {"OR\x10(u)s NEAR\xbf\xc3 1",
                                            "OR (u)s NEAR\u00bf\u00c3 1",
                                            "-itle:nain ADJ/3 sv",
                                            "NATO AND",
                                            "((((((((((nato",
                                            "\"unbalanced",
                                            "date:2009-02-30",
                                            "nato NEAR (a b)",
                                            "nat* NEAR b",
                                            "-a OR b",
                                            "(-a)",
                                            "-(a b)",
                                            "a NOT -b",
                                            "title:a OR -b",
                                            "a NEAR/0 b",
                                            "outlet:\"",
                                            "speaker:",
                                            "date:..",
                                            "NEAR",
                                            "a ADJ/99999999999 b",
                                            "**",
                                            "+-+-",
                                            std::string(5000, '('),
                                            "\xF0\x9F\x98\x80 NEAR \xF0\x9F\x98\x80"};
    std::mt19937 rng(14);
    auto mutate = [&](std::string q) {
        std::uniform_int_distribution<int> op(0, 3), byte(0, 255);
        for (int k = 0; k < 3; ++k) {
            std::size_t at = q.empty() ? 0 : rng() % q.size();
            switch (op(rng)) {
                case 0:
                    q.insert(at, 1, static_cast<char>(byte(rng)));
                    break;
                case 1:
                    if (!q.empty()) q.erase(at, 1);
                    break;
                case 2:
                    q.insert(at, " OR ");
                    break;
                default:
                    q.insert(at, " NEAR ");
                    break;
            }
        }
        return q;
    };
    auto run_batch = [&](int n) {
        for (int i = 0; i < n; ++i) {
            SearchRequest r;
            r.query = i % 2 ? mutate(seeds[static_cast<std::size_t>(i) % seeds.size()])
                            : seeds[static_cast<std::size_t>(i) % seeds.size()];
            r.snippet_length = 0;
            try {
                (void)s.search(r);
            } catch (const Error& e) {
                REQUIRE(e.kind() == ErrorKind::bad_query);
            }
        }
    };
    run_batch(5'000);  // warm-up: allocator pools, caches
    std::size_t before = resident_bytes();
    run_batch(50'000);
    std::size_t after = resident_bytes();
    INFO("resident before " << before << ", after " << after);
    if (!sanitized) CHECK(after < before + 1024 * 1024);
}

TEST_CASE("a wildcard standing for too many words is searched capped, with a warning",
          "[hardening][query]") {
    test::TempDir dir;
    std::string body;
    for (std::size_t i = 0; i < Limits::max_wildcard_words + 50; ++i)
        body += "zq" + std::to_string(i) + "x ";
    test::write_file(dir.path() / "in" / "many.txt", "Many words\n\n" + body + "\n");
    IndexOptions o;
    o.index_path = dir.str("index");
    index_files({dir.str("in")}, o, nullptr);
    Searcher s(o.index_path);
    SearchRequest r;
    r.query = "zq*";
    auto result = s.search(r);
    CHECK(result.hits.size() == 1);
    REQUIRE(result.warnings.size() == 1);
    CHECK_THAT(result.warnings[0], Catch::Contains("zq* stands for more than 200 words"));
    r.query = "zq1*";
    CHECK(s.search(r).warnings.empty());
    auto cli = run(search_bin() + " --index " + quote(o.index_path) + " 'zq*' 2>&1");
    CHECK_THAT(cli.out, Catch::Contains("note: zq* stands for more than 200 words"));
}

TEST_CASE("a file name that is not UTF-8 comes back as a path that opens", "[hardening][cli]") {
    test::TempDir dir;
    fs::path name = dir.path() / "in" / std::string("caf\xE9.txt");
    test::write_file(name, article("Latin-1 name", "wombatword"));
    auto r = run(index_bin() + " --index " + quote(dir.str("index")) + " " + quote(dir.str("in")) +
                 " 2>&1");
    REQUIRE(r.status == 0);
    Searcher s(dir.str("index"));
    SearchRequest req;
    req.query = "wombatword";
    auto hits = s.search(req).hits;
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].path == name.string());
    CHECK(fs::exists(hits[0].path));
    auto json = run(search_bin() + " --index " + quote(dir.str("index")) + " --json wombatword");
    auto hit = nlohmann::json::parse(json.out)["hits"][0];
    std::string hex = hit["path_bytes"], bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    CHECK(bytes == name.string());
    CHECK(hit["path"] == dir.str("in") + "/caf\uFFFD.txt");
}

TEST_CASE("a file that crashed a run is skipped by the next until it changes",
          "[hardening][cli][slow]") {
    test::TempDir dir;
    std::string big = "Big headline\n\n";
    while (big.size() < 8'000'000) big += "He told Reuters and Jonas Varga said that it would. ";
    test::write_file(dir.path() / "in" / "a_big.txt", big + "\n");
    test::write_file(dir.path() / "in" / "b_good.txt", article("Good one", "crashgoodmarker"));
    // SIGSEGV while the big file is in hand (it takes seconds to extract).
    auto cmd = index_bin() + " -q --index " + quote(dir.str("index")) + " " + quote(dir.str("in")) +
               " 2>&1 & pid=$!; sleep 1; kill -SEGV $pid; wait $pid";
    auto crashed = run("bash -c " + quote(cmd));
    CHECK(crashed.status != 0);
    auto journal = dir.path() / "index" / "gazette-crashes.tsv";
    REQUIRE(fs::exists(journal));
    auto again = run(index_bin() + " --index " + quote(dir.str("index")) + " " +
                     quote(dir.str("in")) + " 2>&1");
    INFO(again.out);
    CHECK(again.status == 0);
    CHECK_THAT(again.out, Catch::Contains("a_big.txt: crashed gazette-index on an earlier run"));
    CHECK(hit_ids(dir.str("index"), "crashgoodmarker").size() == 1);
    // Changed, it is tried again.
    test::write_file(dir.path() / "in" / "a_big.txt", article("Fixed", "fixedmarker"));
    auto fixed = run(index_bin() + " --index " + quote(dir.str("index")) + " " +
                     quote(dir.str("in")) + " 2>&1");
    CHECK(fixed.status == 0);
    CHECK(hit_ids(dir.str("index"), "fixedmarker").size() == 1);
}

TEST_CASE("kill -9 at 20 random moments: whole batches, no duplicates, an exact re-run",
          "[hardening][cli][slow]") {
    test::TempDir dir;
    const int articles = 2000;
    for (int i = 0; i < articles; ++i)
        test::write_file(dir.path() / "in" / fmt::format("a{:04}.txt", i),
                         article(fmt::format("Headline number {}", i), fmt::format("m{}x", i)));
    auto index = dir.str("index");
    auto base =
        index_bin() + " -q --batch 100 --index " + quote(index) + " " + quote(dir.str("in"));
    // A full build, timed, to pick kill moments inside it.
    test::TempDir ref;
    auto started = std::chrono::steady_clock::now();
    REQUIRE(run(index_bin() + " -q --batch 100 --index " + quote(ref.str("index")) + " " +
                quote(dir.str("in")))
                .status == 0);
    double full = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::mt19937 rng(9);
    std::uniform_real_distribution<double> moment(0.05, 0.95);
    for (int k = 0; k < 20; ++k) {
        fs::remove_all(index);
        double at = moment(rng) * full;
        run("bash -c " +
            quote(base + " & pid=$!; sleep " + fmt::format("{:.3f}", at) +
                  "; kill -9 $pid; wait $pid") +
            " 2>/dev/null");
        if (!fs::exists(index)) continue;  // killed before the index was made
        std::size_t count = 0;
        try {
            count = Searcher(index).document_count();
        } catch (const Error& e) {
            FAIL_CHECK("index unreadable after kill -9 at " << at << " s: " << e.what());
            continue;
        }
        INFO("killed at " << at << " s with " << count << " documents");
        CHECK((count % 100 == 0 || count == articles));
        auto rerun = run(base + " 2>&1");
        CHECK(rerun.status == 0);
        Searcher s(index);
        CHECK(s.document_count() == articles);
        Xapian::Database db(index);  // each id held by one document
        std::size_t ids = 0;
        for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t, ++ids)
            CHECK(t.get_termfreq() == 1);
        CHECK(ids == static_cast<std::size_t>(articles));
        SearchRequest r;
        r.query = "m1234x";
        CHECK(s.search(r).hits.size() == 1);
    }
}

TEST_CASE("an unreadable folder is reported by name and its documents are kept",
          "[hardening][cli]") {
    test::TempDir dir;
    auto in = dir.path() / "in";
    test::write_file(in / "open.txt", article("Open headline", "openmarker"));
    test::write_file(in / "locked" / "closed.txt", article("Closed headline", "closedmarker"));
    auto index = dir.str("index");
    REQUIRE(run(index_bin() + " -q --index " + quote(index) + " " + quote(in.string())).status ==
            0);
    REQUIRE(hit_ids(index, "closedmarker").size() == 1);
    // As root nothing is unreadable: run as nobody, who owns the tree.
    std::string as = "";
    if (geteuid() == 0) {
        REQUIRE(run("chown -R 65534:65534 " + quote(dir.str())).status == 0);
        as = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    }
    fs::permissions(in / "locked", fs::perms::none);
    auto r =
        run(as + index_bin() + " --index " + quote(index) + " " + quote(in.string()) + " 2>&1");
    fs::permissions(in / "locked", fs::perms::owner_all);
    INFO(r.out);
    CHECK(r.status == 0);
    CHECK(count_of(r.out, (in / "locked").string()) == 1);
    CHECK_THAT(r.out, Catch::Contains("skipped " + (in / "locked").string() +
                                      ": folder not read: Permission denied"));
    CHECK(hit_ids(index, "closedmarker").size() == 1);  // kept, not pruned
    CHECK(hit_ids(index, "openmarker").size() == 1);
}
