// Article layout: which lines of a scraped file are site chrome, which are
// header material (banner, breadcrumb, byline, date line, headline), which
// are story and which are the closing credit.
#pragma once

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
};

struct Line {
    int number = 0;    ///< 1-based line number in the file
    std::string text;  ///< trimmed
    LineRole role = LineRole::blank;
    std::string why;  ///< the rule that set the role
};

/// The classified lines of one article.
struct Layout {
    std::vector<Line> lines;
    int title_index = -1;  ///< index into lines, -1 when no headline line
    /// Lines before the first story paragraph (header material).
    std::size_t header_end = 0;
};

/// Splits `text` into lines and classifies each. The registry recognises
/// banners and credits.
Layout analyse_layout(std::string_view text, const OutletRegistry& registry);

/// The story text: body lines joined by blank lines.
std::string body_text(const Layout& layout);

/// Number of words (runs of letters or digits) in a line.
std::size_t word_count(std::string_view line);

}  // namespace gazette
