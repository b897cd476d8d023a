// An HTML news page read the way a reader sees it: metadata first (JSON-LD
// NewsArticle, OpenGraph, meta dates, <time datetime>, the canonical URL),
// then the story's text, found by scoring the page's blocks in the spirit
// of Mozilla's readability: paragraphs score their containers by length
// and commas; navigation, asides, share bars, related stories, captions,
// forms and footers are dropped; link-heavy blocks count for little.
// Parsing is Gumbo's (Debian's libgumbo), an HTML5 parser; every walk over
// its tree uses an explicit stack, so nesting depth cannot overflow ours.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// A fact read from the page, with where it came from.
struct PageFact {
    std::string value;
    std::string rule;  ///< e.g. "JSON-LD NewsArticle headline", "og:site_name"
};

struct HtmlPage {
    PageFact title;         ///< the headline
    PageFact date;          ///< publication date, YYYY-MM-DD (empty if none)
    PageFact site_name;     ///< the publisher as the page names it
    PageFact url;           ///< canonical URL
    std::string title_tag;  ///< the <title> as written ("Headline | Sky News")
    std::vector<std::string> authors;
    /// Bylines as the page shows them (elements marked itemprop="author",
    /// rel="author", class "byline" or "author"): "AFP", "By Jane Doe,
    /// Reuters".
    std::vector<std::string> bylines;
    std::vector<std::string> paragraphs;  ///< the story's text blocks, in order
};

/// Reads `html` (UTF-8). Never throws for bad markup: HTML5 parsing
/// recovers from anything.
HtmlPage read_html(std::string_view html);

}  // namespace gazette
