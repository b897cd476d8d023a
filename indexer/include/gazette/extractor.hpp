/// @file extractor.hpp
/// Extraction: from the raw text of one article to a Document (title, date,
/// outlets, speakers, cleaned body), with the evidence behind each field.
///
/// Errors: extract() does not throw for any input text.
/// Thread-safety: an Extractor is immutable after construction and may be
/// shared between threads.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "gazette/document.hpp"
#include "gazette/export.hpp"
#include "gazette/outlets.hpp"

namespace gazette {

/// Bumped whenever extraction rules change, so the next run re-extracts
/// every article instead of keeping documents made by the old rules.
inline constexpr int extraction_version = 1;

/// Why a field has the value it has, for `--explain`.
struct Evidence {
    std::string field;  ///< "title", "date", "outlet", "speaker"
    std::string value;  ///< the value this evidence produced
    std::string rule;   ///< which rule fired, e.g. "dateline agency"
    int line = 0;       ///< 1-based line of the file (0: not from the text)
    std::string text;   ///< the line or phrase it came from
};

/// An extracted article: the Document's fields (id, path and fingerprint
/// are the source's to fill) and the evidence for each.
struct Article : Document {
    std::vector<Evidence> evidence;  ///< the rule and line behind each field
};

/// Facts about an article given from outside its text (a manifest line);
/// they win over extraction.
struct ArticleOverrides {
    std::string url;                   ///< the article's address (outlets are read from it)
    std::string title;                 ///< headline
    std::string date;                  ///< YYYY-MM-DD
    std::vector<std::string> outlets;  ///< outlet names (canonicalised by the registry)
    std::string origin = "manifest";   ///< where they come from, for --explain ("JSONL record")
};

/// Extracts an Article from the raw text of a file.
class GAZETTE_API Extractor {
  public:
    /// An extractor recognising the outlets of `registry`.
    explicit Extractor(OutletRegistry registry = OutletRegistry());
    /// Extracts every field; `overrides` (may be null) win over the text.
    [[nodiscard]] Article extract(const std::string& text,
                                  const ArticleOverrides* overrides = nullptr) const;
    /// Extracts every field from an HTML page (UTF-8): metadata first
    /// (JSON-LD, OpenGraph, meta dates, canonical URL), then the story's
    /// text found by scoring the page's blocks, then the text rules
    /// (datelines, credits, speakers) on that text.
    [[nodiscard]] Article extract_html(const std::string& html,
                                       const ArticleOverrides* overrides = nullptr) const;
    /// The outlets it recognises.
    [[nodiscard]] const OutletRegistry& registry() const { return registry_; }
    /// Lines of text files to treat as site chrome besides the built-in
    /// lists: `is_chrome` gets a line lower-cased with its non-word
    /// characters reduced to single spaces ("share on facebook"). Used by
    /// gazette-index with the chrome learned from the collection; empty to
    /// stop. Not thread-safe against concurrent extract() calls.
    void set_site_chrome(std::function<bool(const std::string&)> is_chrome) {
        site_chrome_ = std::move(is_chrome);
    }

  private:
    /// The registry's outlet for a page's declared site name ("Le
    /// Monde.fr", "Yahoo News - Latest News & Headlines", "HeraldSun"), or
    /// nullptr; `declared` gets the name without a tagline.
    const Outlet* resolve_site_name(const std::string& raw, std::string& declared) const;
    void override_outlets(Article& a, const ArticleOverrides* overrides) const;
    void override_rest(Article& a, const ArticleOverrides* overrides) const;
    OutletRegistry registry_;
    std::function<bool(const std::string&)> site_chrome_;
};

}  // namespace gazette
