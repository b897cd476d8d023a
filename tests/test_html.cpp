// HTML pages: metadata, the story's text among page furniture, and the
// same text rules on it. Fixtures are written here (no publisher's pages).
#include <catch2/catch.hpp>

#include <algorithm>

#include "gazette/extractor.hpp"
#include "gzip.hpp"
#include "helpers.hpp"
#include "html_page.hpp"

using namespace gazette;

namespace {

const std::string story_paragraphs =
    "<p>BRUSSELS (Reuters) - NATO and Russia resumed formal talks on Monday, the alliance "
    "said, ending a freeze that began after the war in Georgia last August.</p>"
    "<p>\"We have differences, but we have common interests too,\" said Jaap de Hoop "
    "Scheffer, the alliance's secretary-general, after the meeting in Brussels.</p>"
    "<p>Russian envoy Dmitry Rogozin told reporters that Moscow wanted a new security "
    "treaty for Europe, and that talks would go on in the spring.</p>";

std::string page(const std::string& head, const std::string& body) {
    return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
}

const std::string furniture =
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
    "<div class='cookie-banner'>We use cookies to improve your experience, click to accept "
    "them all, or read more about it.</div>"
    "<aside class='related-stories'><h3>Related</h3><p>Putin said the West had lied, in "
    "another story that is long enough to score.</p></aside>"
    "<figure><img src='x.jpg'><figcaption>Photo: Anna Schmidt said nothing at all, "
    "really.</figcaption></figure>"
    "<footer><p>Copyright 2009 Example News, all rights reserved, and so on.</p></footer>";

}  // namespace

TEST_CASE("metadata gives title, date, site and URL and furniture is not the story", "[html]") {
    auto html = page(
        "<title>NATO and Russia resume talks | Example News</title>"
        "<meta property='og:site_name' content='Example News'>"
        "<meta property='og:title' content='NATO and Russia resume talks'>"
        "<meta property='article:published_time' content='2009-03-05T09:12:00+01:00'>"
        "<link rel='canonical' href='https://www.reuters.com/article/nato-russia'>",
        furniture + "<article class='story-body'><h1>NATO and Russia resume talks</h1>" +
            story_paragraphs + "</article>");
    HtmlPage p = read_html(html);
    CHECK(p.title.value == "NATO and Russia resume talks");
    CHECK(p.title.rule == "h1 matching the page's metadata title");
    CHECK(p.date.value == "2009-03-05");
    CHECK(p.site_name.value == "Example News");
    CHECK(p.url.value == "https://www.reuters.com/article/nato-russia");
    REQUIRE(p.paragraphs.size() == 3);
    CHECK(p.paragraphs[0].starts_with("BRUSSELS (Reuters) - NATO and Russia"));

    Extractor x;
    Article a = x.extract_html(html);
    CHECK(a.title == "NATO and Russia resume talks");
    CHECK(a.date == "2009-03-05");
    CHECK(a.url == "https://www.reuters.com/article/nato-russia");
    // The site name is no outlet the registry knows; the canonical address
    // is Reuters's (as below, "an unknown name with a known address").
    CHECK(a.outlets == std::vector<std::string>{"Reuters"});
    CHECK(a.speakers == std::vector<std::string>{"Jaap de Hoop Scheffer", "Dmitry Rogozin"});
    // Navigation, cookie banner, related story, caption and footer are out.
    for (const char* gone : {"cookies", "Putin", "Anna Schmidt", "Copyright", "Home"}) {
        INFO(gone);
        CHECK(a.body.find(gone) == std::string::npos);
    }
}

TEST_CASE("JSON-LD NewsArticle wins, its publisher and authors are read", "[html]") {
    auto html = page(
        "<title>Something else entirely - Site</title>"
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebPage\",\"name\":\"x\"},{\"@type\":\"NewsArticle\",\"headline\":"
        "\"Russia suspends CFE treaty\",\"datePublished\":\"2007-07-14T11:00:00Z\","
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Agence France-Presse\"},"
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Pascal Mallet\"}]}]}</script>",
        "<div class='content'>" + story_paragraphs + "</div>");
    HtmlPage p = read_html(html);
    CHECK(p.title.value == "Russia suspends CFE treaty");
    CHECK(p.title.rule == "JSON-LD headline");
    CHECK(p.date.value == "2007-07-14");  // 11:00 UTC: the same day from UTC-10 to UTC+10
    CHECK(p.site_name.value == "Agence France-Presse");
    CHECK(p.authors == std::vector<std::string>{"Pascal Mallet"});
    Extractor x;
    CHECK(x.extract_html(html).outlets ==
          std::vector<std::string>{"Agence France-Presse", "Reuters"});
}

TEST_CASE("dates: precision first", "[html][dates]") {
    auto with = [](const std::string& head, const std::string& body = "") {
        return read_html(page(head, "<h1>A headline of some words</h1>" + body +
                                        "<div class='text'>" + story_paragraphs + "</div>"))
            .date;
    };
    // Published and updated: the publication date wins.
    CHECK(with("<meta name='pubdate' content='2016-12-02T08:00:00-05:00'>"
               "<meta property='article:published_time' content='2016-12-01T09:00:00-05:00'>")
              .value == "2016-12-01");
    // A UTC time near midnight: its day is not known; the date shown is.
    CHECK(with("<meta property='article:published_time' content='2016-12-01T23:29:49Z'>")
              .value.empty());
    auto shown = with("<meta property='article:published_time' content='2016-12-01T23:29:49Z'>",
                      "<div class='byline'>Associated Press</div><span>December 2, 2016</span>");
    CHECK(shown.value == "2016-12-02");
    CHECK(shown.rule == "date shown near the headline");
    // An ambiguous numeric date near the headline is not taken.
    CHECK(with("", "<span>05/03/2009</span>").value.empty());
    // No date anywhere: none.
    CHECK(with("").value.empty());
}

TEST_CASE("an HTML file is indexed by gazette-index like a text file", "[html][cli]") {
    test::TempDir dir;
    test::write_file(
        dir.path() / "in" / "story.html",
        page("<title>NATO and Russia resume talks | Example News</title>"
             "<meta property='article:published_time' content='2009-03-05T09:12:00+01:00'>",
             furniture + "<h1>NATO and Russia resume talks</h1>" + story_paragraphs +
                 "<p>The word htmlmarker appears here, in a long enough paragraph.</p>"));
    test::write_file(dir.path() / "in" / "story.htm",
                     page("<title>Second</title>", "<p>secondhtmmarker " + story_paragraphs));
    IndexOptions o;
    o.index_path = dir.str("index");
    auto summary = index_files({dir.str("in")}, o, nullptr);
    CHECK(summary.added == 2);
    Searcher s(o.index_path);
    SearchRequest r;
    r.query = "htmlmarker";
    auto hits = s.search(r).hits;
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].title == "NATO and Russia resume talks");
    CHECK(hits[0].date == "2009-03-05");
    r.query = "cookies";  // furniture is not indexed
    CHECK(s.search(r).hits.empty());
    r.query = "secondhtmmarker";
    CHECK(s.search(r).hits.size() == 1);
}

TEST_CASE("deeply nested and broken HTML is read without trouble", "[html][hardening]") {
    std::string deep;
    for (int i = 0; i < 100'000; ++i) deep += "<div>";
    deep += "<p>deep text that is long enough to be a paragraph, with commas, here.</p>";
    HtmlPage p = read_html(page("<title>Deep</title>", deep));
    CHECK(p.title.value == "Deep");
    auto broken = read_html("<html><p>unclosed <b>bold <i>italic</p></div></span><script>x");
    CHECK(broken.title.value.empty());
    CHECK(read_html("").paragraphs.empty());
}

TEST_CASE("a page with neither JSON-LD nor OpenGraph: headline, shown date, title's site",
          "[html]") {
    Extractor x;
    auto a = x.extract_html(page("<title>NATO and Russia resume formal talks | Sky News</title>",
                                 furniture +
                                     "<article><h1>NATO and Russia resume formal talks</h1>"
                                     "<p class='byline'>By Jane Doe</p>"
                                     "<p class='date'>Monday 5 March 2009 10:12</p>" +
                                     story_paragraphs + "</article>"),
                            nullptr);
    CHECK(a.title == "NATO and Russia resume formal talks");
    CHECK(a.date == "2009-03-05");
    // The site from the title, the agency from the dateline.
    CHECK(a.outlets == std::vector<std::string>{"Sky News", "Reuters"});
    CHECK(a.body.find("cookies") == std::string::npos);
}

TEST_CASE("a declared site name is read through the registry, an agency byline is credited",
          "[html]") {
    Extractor x;
    auto a = x.extract_html(
        page("<meta property='og:site_name' content='Libération.fr'>"
             "<meta property='og:title' content='Un troisième Français mort au Népal'>"
             "<link rel='canonical' href='https://www.liberation.fr/monde/2015/04/30/x'>",
             "<article><h1>Un troisième Français mort au Népal</h1><span class='author'>AFP"
             "</span><time datetime='2015-04-30T07:19:58'>30 avril 2015</time>" +
                 story_paragraphs + "</article>"),
        nullptr);
    CHECK(a.outlets == std::vector<std::string>{"Libération", "Agence France-Presse", "Reuters"});
    // A tagline after the name; an unknown name with a known address.
    auto b = x.extract_html(
        page("<meta property='og:site_name' content='Yahoo News - Latest News &amp; Headlines'>",
             story_paragraphs),
        nullptr);
    CHECK(b.outlets.front() == "Yahoo News");
    auto c = x.extract_html(page("<meta property='og:site_name' content='SkyNewz Online'>"
                                 "<link rel='canonical' href='https://news.sky.com/story/x'>",
                                 story_paragraphs),
                            nullptr);
    CHECK(c.outlets.front() == "Sky News");
}

TEST_CASE("a picture's caption gives no speaker", "[html][speakers]") {
    Extractor x;
    auto a = x.extract(
        "Headline of the day\n\n"
        "Media caption President Obama told the BBC he would speak out, Tom "
        "Jones said of the clip shown on the screen behind him.\n\n"
        "NATO and Russia resumed formal talks on Monday, ending a freeze that "
        "began after the war in Georgia last August, officials said.\n",
        nullptr);
    CHECK(a.speakers.empty());
}

TEST_CASE("a compressed page (.html.gz) is read like an HTML file, a bad one is named",
          "[html][cli]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in" / "page.html",
                     page("<title>NATO and Russia resume formal talks | Sky News</title>",
                          "<article><h1>NATO and Russia resume formal talks</h1>" +
                              story_paragraphs + "</article>"));
    REQUIRE(test::run("gzip " + (dir.path() / "in" / "page.html").string()).status == 0);
    test::write_file(dir.path() / "in" / "broken.html.gz", "\x1f\x8b not gzip at all");
    std::vector<ItemOutcome> outcomes;
    IndexOptions o;
    o.dry_run = true;
    index_files({dir.str("in")}, o, [&](const ItemOutcome& x) { outcomes.push_back(x); });
    REQUIRE(outcomes.size() == 2);
    std::sort(outcomes.begin(), outcomes.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    CHECK(outcomes[0].id == "in/broken.html.gz");
    CHECK(outcomes[0].change == Change::skipped);
    CHECK_THAT(outcomes[0].reason, Catch::Contains("gzip"));
    CHECK(outcomes[1].id == "in/page.html.gz");
    CHECK(outcomes[1].article.title == "NATO and Russia resume formal talks");
    CHECK(outcomes[1].article.outlets.front() == "Sky News");
}

TEST_CASE("inflating is bounded: a small bomb costs the limit, no more", "[html][hardening]") {
    test::TempDir dir;
    test::write_file(dir.path() / "zeros", std::string(5'000'000, '\0'));
    REQUIRE(test::run("gzip " + (dir.path() / "zeros").string()).status == 0);
    auto bomb = test::read_file(dir.path() / "zeros.gz");
    CHECK(bomb.size() < 20'000);
    auto out = gunzip(bomb, 1'000'000);
    CHECK(out.cut);
    CHECK(out.bytes.size() == 1'000'000);
    CHECK(out.error.empty());
    auto whole = gunzip(bomb, 10'000'000);
    CHECK_FALSE(whole.cut);
    CHECK(whole.bytes.size() == 5'000'000);
    CHECK_FALSE(gunzip(bomb.substr(0, bomb.size() / 2), 10'000'000).error.empty());
    CHECK_FALSE(gunzip("plain text", 100).error.empty());
}
