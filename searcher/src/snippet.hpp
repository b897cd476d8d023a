// Snippets: the stretch of an article body that best shows why it matched,
// with the matching words located as byte spans.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gazette/searcher.hpp"

namespace gazette {

/// What to highlight: stems with a weight each (rarer terms weigh more),
/// and word prefixes from wildcards.
struct HighlightTerms {
    std::unordered_map<std::string, double> stems;
    /// stem -> the query word it stands in for (a spelling, relative or
    /// alias word): a snippet window counts each query word once.
    std::unordered_map<std::string, std::string> concepts;
    std::vector<std::string> prefixes;
    [[nodiscard]] bool empty() const { return stems.empty() && prefixes.empty(); }
};

/// A snippet as plain text with highlighted spans.
struct SnippetText {
    std::string text;
    std::vector<Span> highlights;
};

/// Picks the window of about `length` characters of `body` holding the
/// most (and rarest) query words; whitespace is collapsed and an ellipsis
/// marks text cut at either end. Without matches, the body's start.
SnippetText make_snippet(std::string_view body, const HighlightTerms& terms, std::size_t length);

/// Every word of `text` that `terms` wants, as byte spans in order (for an
/// article shown whole).
std::vector<Span> highlight_spans(std::string_view text, const HighlightTerms& terms);

}  // namespace gazette
