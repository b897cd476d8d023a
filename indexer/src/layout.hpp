// Article layout: which lines of a scraped file are site chrome, which are
// header material (banner, breadcrumb, byline, date line, headline), which
// are story, which lie outside the story (menus, related links, comments)
// and which are the closing credit.
//
// The story is the run of lines with the most prose in it (a maximum-sum
// segment: prose lines count for their length, menu-like short lines
// against); the headline is the best-scored short line near the story's
// start (see analyse_layout).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/outlets.hpp"

namespace gazette {

enum class LineRole {
    blank,
    chrome,        ///< site furniture: icon rows, "Breaking News", time codes, disclaimers
    banner,        ///< the site's name as a heading ("Expatica news")
    breadcrumb,    ///< "Home News ..." navigation
    byline,        ///< "By Global Research"
    date_line,     ///< a short header line holding the publication date
    title,         ///< the headline
    title_repeat,  ///< the headline again
    body,          ///< story text
    credit,        ///< closing credit ("Pascal Mallet/AFP/Expatica")
    aside,         ///< outside the story: menus, related links, teasers, comments
};

struct Line {
    int number = 0;    ///< 1-based line number in the file
    std::string text;  ///< trimmed
    LineRole role = LineRole::blank;
    std::string why;  ///< the rule that set the role
    // Memos for analyse_layout (-1: not yet known): whether the line is a
    // date line, a byline. A headline candidate looks at its neighbours'.
    mutable signed char date_memo = -1, byline_memo = -1;
    mutable std::size_t units_memo = static_cast<std::size_t>(-1);  // words, see units()
};

/// The classified lines of one article.
struct Layout {
    std::vector<Line> lines;
    int title_index = -1;  ///< index into lines, -1 when no headline line
    /// The story: lines [story_begin, story_end). Lines before story_begin
    /// are header material or asides; with no prose at all the story is
    /// every line.
    std::size_t story_begin = 0;
    std::size_t story_end = 0;
    /// Why the headline won, with its score ("near a byline or date, ...").
    std::string title_why;
};

/// What a caller knows beyond the text.
struct LayoutHints {
    /// The article's address, when known: its slug's words point at the
    /// headline.
    std::string_view url;
    /// Lines this collection repeats on many pages (learned, see
    /// SiteChrome): given a line's normalize_name form, whether it is chrome.
    std::function<bool(const std::string&)> site_chrome;
};

/// Splits `text` into lines and classifies each. The registry recognises
/// banners and credits.
Layout analyse_layout(std::string_view text, const OutletRegistry& registry,
                      const LayoutHints& hints = {});

/// Whether a line is a picture's caption or credit ("Photograph: ...",
/// "(AP Photo/...)"; indexer/data/words/caption_marks.txt).
bool is_caption(std::string_view line);

/// Whether a header line is a byline ("By Jane Doe", "Par Laurence
/// Defranoux", "by Eleanor Ainge Roy (reporting)").
bool is_byline(std::string_view line);

/// The story text: body lines joined by blank lines.
std::string body_text(const Layout& layout);

/// Number of words (runs of letters or digits) in a line.
std::size_t word_count(std::string_view line);

}  // namespace gazette
