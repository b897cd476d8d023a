#include "text.hpp"

#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <type_traits>

namespace gazette::text {

namespace {

bool is_apostrophe(unsigned ch) {
    return ch == '\'' || ch == 0x2019 || ch == 0x201b;
}

// Xapian's answers for the ASCII characters, asked once: most news text is
// ASCII, and a table lookup is far cheaper than its Unicode tables.
struct AsciiTable {
    bool word_byte[256];  // an ASCII word character (a byte past ASCII is not)
    char lower[128];
    AsciiTable() {
        for (unsigned c = 0; c < 256; ++c)
            word_byte[c] = c < 128 && Xapian::Unicode::is_wordchar(c);
        for (unsigned c = 0; c < 128; ++c)
            lower[c] = static_cast<char>(Xapian::Unicode::tolower(c));
    }
};
const AsciiTable ascii;

// The code point at text[i] and its length in bytes (invalid UTF-8: one
// byte read as Latin-1, as Xapian's Utf8Iterator reads it).
struct CodePoint {
    unsigned ch;
    std::size_t length;
};
// (GCC, inlining Xapian's iterator, warns of members it sets before use.)
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
CodePoint code_point_beyond_ascii(std::string_view text, std::size_t i) {
    Xapian::Utf8Iterator it(text.data() + i, text.size() - i);
    unsigned ch = *it;
    ++it;
    return {ch, text.size() - i - it.left()};
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

inline CodePoint code_point_at(std::string_view text, std::size_t i) {
    auto c = static_cast<unsigned char>(text[i]);
    return c < 0x80 ? CodePoint{c, 1} : code_point_beyond_ascii(text, i);
}

bool is_word(unsigned ch) {
    return ch < 128 ? ascii.word_byte[ch] : Xapian::Unicode::is_wordchar(ch);
}

void append_lower(std::string& out, unsigned ch) {
    if (ch < 128)
        out += ascii.lower[ch];
    else
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(ch));
}

}  // namespace

namespace {

// tokenize and token_bounds: the same words, with or without their
// lower-case forms.
template <typename T>
std::vector<T> scan_tokens(std::string_view text) {
    constexpr bool WithLower = std::is_same_v<T, Token>;
    std::vector<T> tokens;
    tokens.reserve(text.size() / 6 + 1);  // about a word per six bytes of prose
    const std::size_t n = text.size();
    std::size_t i = 0;
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    while (i < n) {
        // Spaces and punctuation: ASCII bytes that are no word characters.
        if (byte(i) < 0x80 && !ascii.word_byte[byte(i)]) {
            ++i;
            continue;
        }
        auto cp = code_point_at(text, i);
        if (!is_word(cp.ch)) {
            i += cp.length;
            continue;
        }
        T tok;
        tok.begin = i;
        while (i < n) {
            // A run of ASCII word bytes at once: most words are all of one.
            std::size_t run = i;
            while (run < n && ascii.word_byte[byte(run)]) ++run;
            if (run > i) {
                if constexpr (WithLower) {
                    const std::size_t at = tok.lower.size();
                    tok.lower.resize(at + (run - i));
                    for (std::size_t k = i; k < run; ++k)
                        tok.lower[at + (k - i)] = ascii.lower[byte(k)];
                }
                i = run;
                if (i >= n) break;
            }
            cp = code_point_at(text, i);
            if (is_word(cp.ch)) {
                if constexpr (WithLower) append_lower(tok.lower, cp.ch);
                i += cp.length;
                continue;
            }
            if (is_apostrophe(cp.ch) && i + cp.length < n &&
                is_word(code_point_at(text, i + cp.length).ch)) {
                if constexpr (WithLower) tok.lower += '\'';
                i += cp.length;
                continue;
            }
            break;
        }
        tok.end = i;
        tokens.push_back(std::move(tok));
    }
    return tokens;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    return scan_tokens<Token>(text);
}

std::vector<TokenBounds> token_bounds(std::string_view text) {
    return scan_tokens<TokenBounds>(text);
}

std::string lower_word(std::string_view word) {
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size();) {
        auto cp = code_point_at(word, i);
        if (is_apostrophe(cp.ch))
            out += '\'';
        else
            append_lower(out, cp.ch);
        i += cp.length;
    }
    return out;
}

std::string lower(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (Xapian::Utf8Iterator it(text.data(), text.size()), end; it != end; ++it)
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
    return out;
}

std::string normalize_name(std::string_view name) {
    std::string out;
    for (const auto& tok : tokenize(name)) {
        if (!out.empty()) out += ' ';
        out += tok.lower;
    }
    return out;
}

std::size_t utf8_length(std::string_view text) {
    // Every byte except a continuation byte (10xxxxxx) starts a character.
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string squeeze_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        auto end = text.find(separator, start);
        if (end == std::string_view::npos) {
            parts.push_back(text.substr(start));
            return parts;
        }
        parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
}

std::string_view trim(std::string_view s) {
    constexpr std::string_view nbsp = "\u00a0";
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; };
    while (true) {
        if (!s.empty() && space(s.front()))
            s.remove_prefix(1);
        else if (s.starts_with(nbsp))
            s.remove_prefix(nbsp.size());
        else
            break;
    }
    while (true) {
        if (!s.empty() && space(s.back()))
            s.remove_suffix(1);
        else if (s.ends_with(nbsp))
            s.remove_suffix(nbsp.size());
        else
            break;
    }
    return s;
}

std::size_t valid_utf8_prefix(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;  // overlong
            if (c == 0xED) hi = 0x9F;  // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;  // overlong
            if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
        } else {
            return i;
        }
        if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80) return i;
        i += len;
    }
    return n;
}

std::string_view utf8_whole_chars(std::string_view text) {
    auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
    std::size_t front = 0;
    while (front < text.size() && front < 3 && continuation(text[front])) ++front;
    text.remove_prefix(front);
    // Walk back to the last lead byte; drop it if its sequence is cut.
    std::size_t k = text.size();
    std::size_t back = 0;
    while (k > 0 && back < 3 && continuation(text[k - 1])) --k, ++back;
    if (k > 0) {
        auto lead = static_cast<unsigned char>(text[k - 1]);
        std::size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (need > back + 1) text.remove_suffix(back + 1);
    }
    return text;
}

void append_html_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
}

std::optional<std::uint64_t> whole_number(std::string_view text) {
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return n;
}

}  // namespace gazette::text
