#include "snippet.hpp"

#include <algorithm>
#include <bitset>
#include <unordered_set>

#include "stemmer.hpp"
#include "text.hpp"

namespace gazette {

namespace {

constexpr std::string_view ellipsis = "\u2026";

struct Match {
    std::size_t token;  // index into the token list
    std::string key;    // the term or prefix matched (distinct terms score more)
    double weight;
};

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// A word's first two bytes (one and a zero for a one-byte word): a word
// and its Snowball stem share them.
unsigned lead(std::string_view w) {
    auto b0 = static_cast<unsigned char>(w[0]);
    return b0 << 8 | (w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0u);
}

// The lead of the lower-case form of `raw` (a token's bytes): where its
// first two bytes are ASCII, from those two alone lower-cased; otherwise
// `lower` is filled with the whole form and its lead given.
unsigned lower_lead(std::string_view raw, std::string& lower) {
    const std::string_view start = raw.substr(0, 2);
    if (std::all_of(start.begin(), start.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return lead(text::lower_word(start));
    lower = text::lower_word(raw);
    return lead(lower);
}

// Finds which tokens match: stemming is the expensive part, so only words
// that begin as a wanted stem or prefix does are stemmed, each word once.
std::vector<Match> find_matches(std::string_view text, const std::vector<text::TokenBounds>& tokens,
                                const HighlightTerms& terms) {
    std::bitset<65536> leads;
    for (const auto& [stem, w] : terms.stems)
        if (!stem.empty()) leads.set(lead(stem));
    for (const auto& p : terms.prefixes) {
        if (p.size() >= 2) {
            leads.set(lead(p));
        } else if (!p.empty()) {
            for (unsigned b = 0; b < 256; ++b) leads.set(static_cast<unsigned char>(p[0]) << 8 | b);
        }
    }
    std::unordered_map<std::string, std::string> stem_cache;
    std::vector<Match> matches;
    std::string word;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        // Only words that may match are lower-cased.
        const auto raw = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
        word.clear();
        if (!leads.test(lower_lead(raw, word))) continue;
        if (word.empty()) word = text::lower_word(raw);
        auto [it, fresh] = stem_cache.try_emplace(word);
        if (fresh) it->second = stemmer()(word);
        const std::string& stem = it->second;
        if (auto t = terms.stems.find(stem); t != terms.stems.end()) {
            auto c = terms.concepts.find(stem);
            matches.push_back({i, c == terms.concepts.end() ? stem : c->second, t->second});
            continue;
        }
        for (const auto& p : terms.prefixes) {
            if (word.rfind(p, 0) == 0 || stem.rfind(p, 0) == 0) {
                matches.push_back({i, "*" + p, 1.0});
                break;
            }
        }
    }
    return matches;
}

// Score of the matches within [first, last) of `matches` (indices into it):
// each distinct query word counts fully once (at its best form's weight:
// stand-ins count half), repeats a little.
double window_score(const std::vector<Match>& matches, std::size_t first, std::size_t last) {
    std::unordered_map<std::string_view, double> best;
    double repeats = 0;
    for (std::size_t i = first; i < last; ++i) {
        auto [it, fresh] = best.try_emplace(matches[i].key, matches[i].weight);
        if (!fresh) {
            repeats += 0.1 * std::min(it->second, matches[i].weight);
            it->second = std::max(it->second, matches[i].weight);
        }
    }
    double score = repeats;
    for (const auto& [key, w] : best) score += w;
    return score;
}

// Start of the sentence holding token `token`, if it begins at most `reach`
// bytes earlier; else npos.
std::size_t sentence_start(std::string_view body, const std::vector<text::TokenBounds>& tokens,
                           std::size_t token, std::size_t reach) {
    std::size_t pos = tokens[token].begin;
    for (std::size_t t = token + 1; t-- > 0;) {
        std::size_t b = tokens[t].begin;
        if (pos - b > reach) break;
        std::size_t k = b;
        while (k > 0 && is_space(body[k - 1])) --k;
        if (k == 0 || body[k - 1] == '.' || body[k - 1] == '!' || body[k - 1] == '?' ||
            body.substr(k, b - k).find("\n\n") != std::string_view::npos)
            return b;
    }
    return std::string_view::npos;
}

}  // namespace

std::vector<Span> highlight_spans(std::string_view text, const HighlightTerms& terms) {
    std::vector<Span> spans;
    if (terms.empty()) return spans;
    const auto tokens = text::token_bounds(text);
    for (const auto& m : find_matches(text, tokens, terms))
        spans.push_back({tokens[m.token].begin, tokens[m.token].end - tokens[m.token].begin});
    return spans;
}

SnippetText make_snippet(std::string_view body, const HighlightTerms& terms, std::size_t length) {
    SnippetText out;
    if (length == 0 || body.empty()) return out;
    auto tokens = text::token_bounds(body);
    std::vector<Match> matches =
        terms.empty() ? std::vector<Match>{} : find_matches(body, tokens, terms);

    // Best window: starting at each match, take the matches within `length`.
    // Windows scoring nearly the best compete on how close their first match
    // is to the start of its sentence, so snippets read from a sentence start.
    std::vector<double> scores(matches.size());
    double best = -1;
    for (std::size_t i = 0, j = 0; i < matches.size(); ++i) {
        j = std::max(j, i);
        while (j < matches.size() &&
               tokens[matches[j].token].end - tokens[matches[i].token].begin <= length)
            ++j;
        scores[i] = window_score(matches, i, j);
        best = std::max(best, scores[i]);
    }
    std::size_t best_first = 0, best_distance = std::string::npos;
    for (std::size_t i = 0; i < matches.size(); ++i) {
        if (scores[i] < best * 0.9) continue;
        std::size_t t = matches[i].token;
        std::size_t start = sentence_start(body, tokens, t, length);
        std::size_t d = start == std::string_view::npos ? length + 1 : tokens[t].begin - start;
        if (best_distance == std::string::npos || d < best_distance)
            best_distance = d, best_first = i;
    }

    std::size_t start = 0;
    if (!matches.empty()) {
        std::size_t t = matches[best_first].token;
        start = sentence_start(body, tokens, t, length / 3);
        if (start == std::string_view::npos) {
            // No sentence start nearby: give a few words of context.
            std::size_t c = t;
            while (c > 0 && tokens[t].begin - tokens[c - 1].begin <= length / 6) --c;
            start = tokens[c].begin;
        }
    }
    // End at the last whole word within `length` bytes from start.
    std::size_t end = start;
    for (const auto& tok : tokens) {
        if (tok.begin < start) continue;
        if (tok.end - start > length) break;
        end = tok.end;
    }
    if (end < body.size() && std::string_view(".!?\"").find(body[end]) != std::string_view::npos)
        ++end;  // keep a closing full stop
    if (end == start) end = std::min(body.size(), start + length);

    // Copy [start, end) collapsing whitespace, mapping match offsets.
    if (start > 0) out.text += ellipsis;
    std::size_t m = 0;
    while (m < matches.size() && tokens[matches[m].token].begin < start) ++m;
    bool pending_space = false;
    for (std::size_t i = start; i < end;) {
        if (is_space(body[i])) {
            pending_space = true;
            ++i;
            continue;
        }
        if (pending_space && !out.text.empty()) out.text += ' ';
        pending_space = false;
        if (m < matches.size() && tokens[matches[m].token].begin == i &&
            tokens[matches[m].token].end <= end) {
            const auto& tok = tokens[matches[m].token];
            out.highlights.push_back({out.text.size(), tok.end - tok.begin});
            out.text.append(body.substr(tok.begin, tok.end - tok.begin));
            i = tok.end;
            ++m;
            continue;
        }
        out.text += body[i++];
    }
    if (end < body.size()) out.text += ellipsis;
    return out;
}

}  // namespace gazette
