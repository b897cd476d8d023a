// Word splitting and case folding shared by indexing, query building and
// snippets, so all three agree on what a word is.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::text {

/// A word of a text: bytes [begin, end) and its lower-case form.
struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string lower;
};

/// Splits UTF-8 text into words the way Xapian's TermGenerator does:
/// runs of word characters, keeping an apostrophe (' or ’) between two word
/// characters ("Russia's"), lower-cased, apostrophes normalised to '.
std::vector<Token> tokenize(std::string_view text);

/// Where a word of a text is: bytes [begin, end).
struct TokenBounds {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The same words without their lower-case forms, for callers that need
/// the forms of few of them: lower_word gives one.
std::vector<TokenBounds> token_bounds(std::string_view text);

/// The lower-case form tokenize gives the word `word` (a token's bytes).
std::string lower_word(std::string_view word);

/// Lower-cases UTF-8 text.
std::string lower(std::string_view text);

/// Lower-cases and reduces every run of non-word characters to one space:
/// "  Russia   TODAY " -> "russia today". Used for exact name terms.
std::string normalize_name(std::string_view name);

/// Number of characters (code points) in UTF-8 text.
std::size_t utf8_length(std::string_view text);

/// Collapses every run of whitespace into a single space and trims.
std::string squeeze_spaces(std::string_view text);

/// The pieces of `text` between `separator`s (empty pieces kept; an empty
/// text gives one empty piece). Views into `text`.
std::vector<std::string_view> split(std::string_view text, char separator);

/// `text` without leading and trailing spaces, tabs, CR, FF and UTF-8
/// no-break spaces.
std::string_view trim(std::string_view text);

/// Length of the longest prefix of `text` that is valid UTF-8 (strict:
/// no overlong forms, surrogates or code points above U+10FFFF).
std::size_t valid_utf8_prefix(std::string_view text);

/// Whether `text` is valid UTF-8 throughout.
inline bool is_valid_utf8(std::string_view text) {
    return valid_utf8_prefix(text) == text.size();
}

/// `text` cut at arbitrary bytes, without the partial characters at either
/// end (continuation bytes at the front, an unfinished sequence at the end).
std::string_view utf8_whole_chars(std::string_view text);

/// `text` as a whole number in decimal digits alone (no sign, no spaces);
/// nullopt for anything else, the empty string and values over 2^64 - 1.
std::optional<std::uint64_t> whole_number(std::string_view text);

/// Appends `text` HTML-escaped (& < > ") to `out`.
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace gazette::text
