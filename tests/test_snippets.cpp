// Snippets and highlight markup (searcher/src/snippet.cpp, mark_spans).
#include <catch2/catch.hpp>

#include "snippet.hpp"

using namespace gazette;

namespace {

std::vector<std::string> highlighted(const SnippetText& s) {
    std::vector<std::string> words;
    for (const auto& h : s.highlights) words.push_back(s.text.substr(h.begin, h.length));
    return words;
}

const std::string body =
    "NATO has resumed formal contacts with Moscow.\n\nThese include differences over Georgia "
    "and the future of the Conventional Forces in Europe Treaty.\n\nThe CFE treaty limits the "
    "number of tanks, but Russia suspended its participation in 2007.";

}  // namespace

TEST_CASE("the snippet shows the window with the rarest query words", "[snippets]") {
    HighlightTerms t;
    t.stems = {{"cfe", 3.0}, {"treati", 1.0}};
    auto s = make_snippet(body, t, 80);
    CHECK(highlighted(s) == std::vector<std::string>{"CFE", "treaty"});
    CHECK(s.text.rfind("\u2026The CFE treaty limits", 0) == 0);
    CHECK(s.text.size() <= 80 + 2 * 3);
}

TEST_CASE("stemmed forms are highlighted as written", "[snippets]") {
    HighlightTerms t;
    t.stems = {{"suspend", 1.0}, {"contact", 1.0}};
    auto s = make_snippet(body, t, 1000);
    CHECK(highlighted(s) == std::vector<std::string>{"contacts", "suspended"});
    CHECK(s.text.find("\n") == std::string::npos);  // whitespace collapsed
}

TEST_CASE("wildcard prefixes highlight matching words", "[snippets]") {
    HighlightTerms t;
    t.prefixes = {"geor"};
    auto s = make_snippet(body, t, 1000);
    CHECK(highlighted(s) == std::vector<std::string>{"Georgia"});
}

TEST_CASE("capitals beyond ASCII and curly apostrophes are highlighted", "[snippets]") {
    // Upper and lower case of these letters begin with different bytes.
    const std::string text =
        "\u041c\u041e\u0421\u041a\u0412\u0410 spoke. O\u2019NEIL replied and "
        "\u00c9mile wrote.";
    HighlightTerms t;
    t.stems = {{"\u043c\u043e\u0441\u043a\u0432\u0430", 1.0}, {"o'neil", 1.0}, {"\u00e9mile", 1.0}};
    auto s = make_snippet(text, t, 1000);
    CHECK(highlighted(s) == std::vector<std::string>{"\u041c\u041e\u0421\u041a\u0412\u0410",
                                                     "O\u2019NEIL", "\u00c9mile"});
}

TEST_CASE("without matches the snippet is the start of the body", "[snippets]") {
    auto s = make_snippet(body, HighlightTerms{}, 40);
    CHECK(s.highlights.empty());
    CHECK(s.text == "NATO has resumed formal contacts with\u2026");
    CHECK(make_snippet(body, HighlightTerms{}, 0).text.empty());
}

TEST_CASE("marking escapes HTML around the markers", "[snippets]") {
    std::string text = "a <b> & CFE \"x\"";
    std::vector<Span> spans{{8, 3}};
    CHECK(mark_spans(text, spans, "<mark>", "</mark>", true) ==
          "a &lt;b&gt; &amp; <mark>CFE</mark> &quot;x&quot;");
    CHECK(mark_spans(text, spans, "[", "]", false) == "a <b> & [CFE] \"x\"");
    // Out-of-range spans are ignored rather than trusted.
    CHECK(mark_spans("abc", {{2, 5}}, "[", "]", false) == "abc");
}
