// Regular expressions for extraction: RE2 (Debian's libre2-dev), whose
// matching is linear in the text and uses bounded memory, whatever the
// pattern or input. std::regex backtracks recursively and crashed on one
// long line; nothing in the indexer uses it. RE2 has no back-references
// or look-around: rules needing them check the groups in code.
#pragma once

#include <re2/re2.h>

#include <array>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace gazette::patterns {

/// RE2 options for extraction rules: UTF-8, errors returned rather than
/// logged, optionally case-insensitive.
inline RE2::Options options(bool case_sensitive = true) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_case_sensitive(case_sensitive);
    return o;
}

/// A built-in rule's pattern, checked: a pattern RE2 rejects is a bug
/// (it would never match), so it aborts at first use rather than hiding.
inline const RE2& checked(const RE2& re) {
    if (!re.ok()) {
        std::fprintf(stderr, "gazette: bad built-in pattern %s: %s\n", re.pattern().c_str(),
                     re.error().c_str());
        std::abort();
    }
    return re;
}

/// A match: the whole match and up to N capture groups (empty data() when
/// a group did not take part), each a view into the searched text.
template <std::size_t N>
struct Match {
    std::array<re2::StringPiece, N + 1> group{};
    [[nodiscard]] std::string_view operator[](std::size_t i) const {
        return {group[i].data(), group[i].size()};
    }
    [[nodiscard]] std::size_t begin(std::string_view text) const {
        return static_cast<std::size_t>(group[0].data() - text.data());
    }
};

/// Calls fn(match) for each leftmost non-overlapping match of `re` in
/// `text`, in order, until fn returns false. `re` must have N groups.
template <std::size_t N, typename Fn>
void each_match(const RE2& re, std::string_view text, Fn&& fn) {
    std::size_t pos = 0;
    Match<N> m;
    const re2::StringPiece piece(text.data(), text.size());
    while (pos <= text.size() &&
           re.Match(piece, pos, text.size(), RE2::UNANCHORED, m.group.data(), N + 1)) {
        if (!fn(m)) return;
        std::size_t end = m.begin(text) + m.group[0].size();
        pos = end > pos ? end : pos + 1;
    }
}

/// The first match of `re` in `text`, if any.
template <std::size_t N>
bool first_match(const RE2& re, std::string_view text, Match<N>& m) {
    const re2::StringPiece piece(text.data(), text.size());
    return re.Match(piece, 0, text.size(), RE2::UNANCHORED, m.group.data(), N + 1);
}

}  // namespace gazette::patterns
