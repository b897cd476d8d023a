// One line of a JSONL (.jsonl, .ndjson) export: an article with the fields
// scrapers write. Modelled on news-please, trafilatura's JSON output and
// Scrapy item exports; the first field present of each group is used:
//   title     title, headline
//   date      date_publish, published, published_at, datePublished,
//             pubdate, date
//   url       url, link, canonical, source_url
//   outlet    source, site_name, sitename, outlet, publisher, source_domain
//             (a string, a list of strings or an object with "name")
//   authors   authors, author (a string, a list, or objects with "name")
//   text      text, maintext, content, body, article, raw_text
//   html      html, raw_html (read as an HTML page when no text is given)
//   key       id, url: what names the record within its file
// Given fields win over what extraction reads from the text, as a
// manifest's do.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gazette/extractor.hpp"
#include "gazette/source.hpp"

namespace gazette {

struct JsonlRecord {
    std::string key;             ///< "id" or "url" of the record, if any
    ArticleOverrides overrides;  ///< title, date (YYYY-MM-DD), url, outlets given
    std::vector<std::string> authors;
    std::string text;  ///< the article text or HTML
    TextFormat format = TextFormat::text;
    std::string error;  ///< non-empty: why the line is no article
    std::string note;   ///< something ignored (e.g. a date not understood)
};

/// Parses one line. Never throws for bad input; reports it in error.
JsonlRecord parse_jsonl_record(std::string_view line);

}  // namespace gazette
