// Article layout: chrome, header material, headline, body, credits
// (indexer/src/layout.cpp).
#include <catch2/catch.hpp>

#include "layout.hpp"
#include "site_chrome.hpp"

using namespace gazette;

namespace {

const OutletRegistry& registry() {
    static const OutletRegistry r;
    return r;
}

std::vector<LineRole> roles(const Layout& l) {
    std::vector<LineRole> out;
    for (const auto& line : l.lines)
        if (line.role != LineRole::blank) out.push_back(line.role);
    return out;
}

const std::string paragraph =
    "Envoys from NATO and Russia are set to hold top-level talks in January, marking an end "
    "to a four-month freeze.";

}  // namespace

TEST_CASE("site chrome is never body text", "[layout]") {
    auto layout = analyse_layout(
        "Accessibility links\n\nBreaking News\n\nThe headline\n\n" + paragraph +
            "\n\nPodcasts\n0:00\n22:18\nDisclaimer: The contents of this article are of sole "
            "responsibility of the author(s).\nUrl of this article:\n"
            "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon\n",
        registry());
    CHECK(roles(layout) ==
          std::vector<LineRole>{LineRole::chrome, LineRole::chrome, LineRole::title, LineRole::body,
                                LineRole::chrome, LineRole::chrome, LineRole::chrome,
                                LineRole::chrome, LineRole::chrome, LineRole::chrome});
    CHECK(body_text(layout) == paragraph);
}

TEST_CASE("the headline is not a banner or breadcrumb or date and counts once", "[layout]") {
    auto layout = analyse_layout(
        "Expatica news\nHome News NATO set to green-light ties\n22 Nov, 2010 06:46\n"
        "NATO set to green-light ties\n\nNATO set to green-light ties\n" +
            paragraph,
        registry());
    REQUIRE(layout.title_index >= 0);
    CHECK(layout.lines[static_cast<std::size_t>(layout.title_index)].text ==
          "NATO set to green-light ties");
    CHECK(roles(layout) == std::vector<LineRole>{LineRole::banner, LineRole::breadcrumb,
                                                 LineRole::date_line, LineRole::title,
                                                 LineRole::title_repeat, LineRole::body});
    CHECK(body_text(layout) == paragraph);
}

TEST_CASE("bylines and date lines are header not body", "[layout]") {
    auto layout = analyse_layout(
        "Back to dialogue\nBy Global Research\nGlobal Research, January 26, 2009\n\n" + paragraph,
        registry());
    CHECK(roles(layout) == std::vector<LineRole>{LineRole::title, LineRole::byline,
                                                 LineRole::date_line, LineRole::body});
}

TEST_CASE("a closing credit naming outlets is not body", "[layout]") {
    auto layout =
        analyse_layout("Headline\n\n" + paragraph + "\n\nPascal Mallet/AFP/Expatica\n", registry());
    CHECK(roles(layout).back() == LineRole::credit);
    CHECK(body_text(layout) == paragraph);
    // A slash in a short line that names no outlet is ordinary text.
    auto other = analyse_layout(
        "Headline\n\n" + paragraph + "\n\nThe talks went on 24/7 in Brussels.\n", registry());
    CHECK(roles(other).back() == LineRole::body);
}

TEST_CASE("a text without header lines still has a body", "[layout]") {
    auto layout = analyse_layout(paragraph + "\n\n" + paragraph, registry());
    CHECK(layout.title_index == -1);
    CHECK(body_text(layout) == paragraph + "\n\n" + paragraph);
}

TEST_CASE("windows line ends and no-break spaces are trimmed", "[layout]") {
    auto layout = analyse_layout("Headline\u00a0\r\n\r\n" + paragraph + "\r\n", registry());
    REQUIRE(layout.title_index == 0);
    CHECK(layout.lines[0].text == "Headline");
    CHECK(body_text(layout) == paragraph);
}

TEST_CASE("the headline is found among a page's chrome", "[layout]") {
    // A menu, related headlines, the headline, a standfirst, a share bar,
    // then byline and date, then the story.
    std::string page =
        "Home\nWorld\nBusiness\nSport\n\n"
        "Markets rally as central bank holds rates\n\n"
        "Storm closes ports along the coast\n\n"
        "Sections\n\n"
        "Talks on arms treaty resume in Vienna after long pause\n\n"
        "Negotiators meet for the first time in two years, hoping to save the treaty\n\n"
        "Share on Facebook\nShare on Twitter\nEmail\n\n"
        "By Jane Doe\n\n"
        "Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST\n\n"
        "Negotiators from both sides met in Vienna on Thursday to resume talks on the arms "
        "treaty, the first meeting in two years.\n\n"
        "The treaty limits the forces both sides may keep in Europe, and the talks are meant "
        "to save it from collapse.\n\n"
        "Related stories\n\nMarkets rally as central bank holds rates\nStorm closes ports\n";
    auto layout = analyse_layout(page, registry());
    REQUIRE(layout.title_index >= 0);
    const auto& title = layout.lines[static_cast<std::size_t>(layout.title_index)];
    CHECK(title.text == "Talks on arms treaty resume in Vienna after long pause");
    CHECK(title.why.find("a date follows") != std::string::npos);
    std::vector<LineRole> meta;
    for (const auto& l : layout.lines)
        if (l.role == LineRole::byline || l.role == LineRole::date_line) meta.push_back(l.role);
    CHECK(meta == std::vector<LineRole>{LineRole::byline, LineRole::date_line});
    // The body holds the standfirst and the story, not menus or related links.
    std::string body = body_text(layout);
    CHECK(body.starts_with("Negotiators meet for the first time"));
    CHECK(body.find("Markets rally") == std::string::npos);
    CHECK(body.find("Share on") == std::string::npos);
    CHECK(body.ends_with("save it from collapse."));
}

TEST_CASE("the URL's slug points at the headline", "[layout]") {
    std::string page =
        "Envoys to hold talks in January\n\nWinter storm closes ports along the coast\n\n" +
        paragraph + "\n";
    CHECK(analyse_layout(page, registry()).title_index == 0);
    LayoutHints hints;
    hints.url = "https://news.example.org/world/2019/winter-storm-closes-ports.html";
    auto layout = analyse_layout(page, registry(), hints);
    REQUIRE(layout.title_index == 2);
    CHECK(layout.lines[2].why.find("URL slug") != std::string::npos);
}

TEST_CASE("the learned chrome model counts files, survives a round trip and needs five files",
          "[layout]") {
    SiteChrome m;
    for (int i = 0; i < 4; ++i)
        m.learn("Share on Facebook\nBy Jane Doe\nA unique line " + std::to_string(i) + "\n");
    CHECK_FALSE(m.is_chrome("share on facebook"));  // four files: not enough
    m.learn("Share on Facebook\nShare on Facebook\n");
    CHECK(m.files() == 5);
    CHECK(m.is_chrome("share on facebook"));
    CHECK_FALSE(m.is_chrome("by jane doe"));  // bylines are never learned
    CHECK_FALSE(m.is_chrome("a unique line 1"));
    auto back = SiteChrome::parse(m.serialize());
    CHECK(back.files() == 5);
    CHECK(back.is_chrome("share on facebook"));
    CHECK(SiteChrome::parse("garbage\n1 2 3").files() == 0);
    // In 2% of the files or more: a line in 5 of 1,000 files is not chrome.
    SiteChrome big;
    for (int i = 0; i < 1000; ++i) big.learn(i < 5 ? "Short syndicated headline\n" : "x\n");
    CHECK_FALSE(big.is_chrome("short syndicated headline"));
}
