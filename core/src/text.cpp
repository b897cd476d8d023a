#include "text.hpp"

#include <xapian.h>

#include <algorithm>

namespace gazette::text {

namespace {

bool is_apostrophe(unsigned ch) {
    return ch == '\'' || ch == 0x2019 || ch == 0x201b;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    Xapian::Utf8Iterator it(text.data(), text.size()), end;
    auto offset = [&](const Xapian::Utf8Iterator& i) -> std::size_t {
        return i == end ? text.size() : static_cast<std::size_t>(i.raw() - text.data());
    };
    while (it != end) {
        if (!Xapian::Unicode::is_wordchar(*it)) {
            ++it;
            continue;
        }
        Token tok;
        tok.begin = offset(it);
        while (it != end) {
            unsigned ch = *it;
            if (Xapian::Unicode::is_wordchar(ch)) {
                Xapian::Unicode::append_utf8(tok.lower, Xapian::Unicode::tolower(ch));
                ++it;
                continue;
            }
            if (is_apostrophe(ch)) {
                Xapian::Utf8Iterator next = it;
                ++next;
                if (next != end && Xapian::Unicode::is_wordchar(*next)) {
                    tok.lower += '\'';
                    it = next;
                    continue;
                }
            }
            break;
        }
        tok.end = offset(it);
        tokens.push_back(std::move(tok));
    }
    return tokens;
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

}  // namespace gazette::text
