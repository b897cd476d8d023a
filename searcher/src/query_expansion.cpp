#include "query_expansion.hpp"

#include <fmt/format.h>

#include <unordered_set>

#include "data.hpp"
#include "query_builder.hpp"
#include "schema.hpp"
#include "stemmer.hpp"
#include "text.hpp"

namespace gazette {

namespace {

/// Longest word sequence looked up as an alias.
constexpr std::size_t max_alias_words = 6;
/// Most alternatives of one kind taken for one word.
constexpr std::size_t max_alternatives = 20;

const std::unordered_set<std::string>& stop_stems() {
    static const auto stems = [] {
        std::unordered_set<std::string> out;
        for (const auto& w : data::entries(data::text_of(data::core_files(), "stopwords.txt")))
            out.insert(stemmer()(w));
        return out;
    }();
    return stems;
}

std::vector<std::string> synonyms(const Xapian::Database& db, std::string_view kind,
                                  const std::string& key) {
    std::vector<std::string> out;
    std::string k(kind);
    k += key;
    for (auto s = db.synonyms_begin(k); s != db.synonyms_end(k); ++s) {
        if (out.size() == max_alternatives) break;
        out.push_back(*s);
    }
    return out;
}

// An alias's words as a query on the free-text (stemmed) terms: one term or
// a phrase.
Xapian::Query words_query(const std::string& words) {
    std::vector<Xapian::Query> terms;
    for (const auto& t : text::tokenize(words)) terms.emplace_back(stemmer()(t.lower));
    if (terms.size() == 1) return terms.front();
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

Xapian::Query scaled(Xapian::Query q, double factor) {
    if (factor == 1.0) return q;
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, factor);
}

struct Rewriter {
    const Xapian::Database& db;
    const Ranking& r;
    Expansions& out;

    // What `term` widens to, looked up once per query.
    const Expansions::Widening& widen(const std::string& term) {
        auto [it, fresh] = out.by_word.try_emplace(term);
        Expansions::Widening& w = it->second;
        if (!fresh) return w;
        if (r.variant > 0)
            for (const auto& v : synonyms(db, schema::synonym::variant, term)) {
                w.spellings.emplace_back(v);
                out.note(fmt::format("{} -> {} (spelling)", term, v));
            }
        if (r.title > 0) {
            std::string in_title(schema::prefix::title);
            in_title += term;
            w.below.push_back(scaled(Xapian::Query(in_title), r.title));
        }
        if (r.family > 0) {
            std::vector<Xapian::Query> family;
            for (const auto& f : synonyms(db, schema::synonym::family, term)) {
                family.emplace_back(f);
                out.note(fmt::format("{} -> {} (word family)", term, f));
            }
            if (!family.empty())
                w.below.push_back(
                    scaled(Xapian::Query(Xapian::Query::OP_SYNONYM, family.begin(), family.end()),
                           r.family));
        }
        if (r.alias > 0) {
            std::vector<Xapian::Query> aliases;
            for (const auto& a : synonyms(db, schema::synonym::alias, term)) {
                aliases.push_back(words_query(a));
                out.note(fmt::format("{} -> \"{}\" (alias)", term, a));
            }
            if (!aliases.empty())
                w.below.push_back(scaled(
                    Xapian::Query(Xapian::Query::OP_OR, aliases.begin(), aliases.end()), r.alias));
        }
        return w;
    }

    // A free-text word: its spellings as the same word, then its family and
    // aliases weighted below it.
    Xapian::Query leaf(const Xapian::Query& q, const std::string& term) {
        const auto& w = widen(term);
        if (w.spellings.empty() && w.below.empty()) return q;
        std::vector<Xapian::Query> same{q};
        same.insert(same.end(), w.spellings.begin(), w.spellings.end());
        std::vector<Xapian::Query> parts{
            same.size() == 1 ? q
                             : Xapian::Query(Xapian::Query::OP_SYNONYM, same.begin(), same.end())};
        parts.insert(parts.end(), w.below.begin(), w.below.end());
        Xapian::Query all(Xapian::Query::OP_OR, parts.begin(), parts.end());
        // Its terms stand for the query word.
        for (auto t = all.get_unique_terms_begin(); t != all.get_unique_terms_end(); ++t)
            if (*t != term) out.concepts.emplace(*t, term);
        return all;
    }

    static std::string term_of(const Xapian::Query& q) {
        return q.get_type() == Xapian::Query::LEAF_TERM ? *q.get_terms_begin() : std::string();
    }

    Xapian::Query rewrite(const Xapian::Query& q) {
        const auto type = q.get_type();
        if (type == Xapian::Query::LEAF_TERM) {
            std::string term = term_of(q);
            return schema::is_free_text_term(term) ? leaf(q, term) : q;
        }
        switch (type) {
            case Xapian::Query::OP_OR:
            case Xapian::Query::OP_AND:
            case Xapian::Query::OP_AND_MAYBE:
            case Xapian::Query::OP_XOR:
            case Xapian::Query::OP_MAX:
            case Xapian::Query::OP_ELITE_SET:
                break;
            case Xapian::Query::OP_AND_NOT:
            case Xapian::Query::OP_FILTER: {
                // Only the first branch is what the user looks for.
                std::vector<Xapian::Query> kids;
                for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
                    kids.push_back(i == 0 ? rewrite(q.get_subquery(i)) : q.get_subquery(i));
                return Xapian::Query(type, kids.begin(), kids.end());
            }
            default:
                return q;  // phrases, NEAR, wildcards, value ranges: as typed
        }
        std::vector<Xapian::Query> kids;
        const std::size_t n = q.get_num_subqueries();
        for (std::size_t i = 0; i < n; ++i) {
            Xapian::Query kid = q.get_subquery(i);
            // "x OR the OR y": the parser keeps stop words joined by
            // operators; drop them as it does between plain words.
            if (type == Xapian::Query::OP_OR && r.stop_words &&
                schema::is_free_text_term(term_of(kid)) && is_stop_stem(term_of(kid)))
                continue;
            kids.push_back(rewrite(kid));
        }
        if (kids.empty()) {  // nothing but stop words: keep them
            for (std::size_t i = 0; i < n; ++i) kids.push_back(rewrite(q.get_subquery(i)));
        }
        if (kids.size() == 1 && type == Xapian::Query::OP_OR) return kids.front();
        return Xapian::Query(type, kids.begin(), kids.end());
    }
};

}  // namespace

std::vector<std::vector<std::string>> plain_runs(std::string_view text) {
    // Words outside quotes and field values, in runs between operators.
    std::vector<std::vector<std::string>> runs(1);
    bool quoted = false;
    std::size_t last = 0;
    for (const auto& tok : text::tokenize(text)) {
        for (std::size_t i = last; i < tok.begin; ++i)
            if (text[i] == '"') quoted = !quoted;
        last = tok.end;
        std::string_view raw = text.substr(tok.begin, tok.end - tok.begin);
        bool field = tok.end < text.size() && text[tok.end] == ':';
        bool value = tok.begin > 0 && text[tok.begin - 1] == ':';
        bool sign = tok.begin > 0 && (text[tok.begin - 1] == '-' || text[tok.begin - 1] == '+');
        if (quoted || field || value || sign || is_operator_word(raw)) {
            if (!runs.back().empty()) runs.emplace_back();
            continue;
        }
        runs.back().push_back(tok.lower);
    }
    return runs;
}

Xapian::Query proximity_query(std::string_view text, const Ranking& ranking) {
    if (ranking.proximity <= 0) return Xapian::Query();
    std::vector<Xapian::Query> pairs;
    std::unordered_set<std::string> seen;
    for (const auto& run : plain_runs(text)) {
        std::vector<std::string> stems;
        for (const auto& w : run)
            if (!ranking.stop_words || !query_stopper()(w)) stems.push_back(stemmer()(w));
        for (std::size_t i = 0; i + 1 < stems.size(); ++i) {
            if (stems[i] == stems[i + 1] || !seen.insert(stems[i] + ' ' + stems[i + 1]).second)
                continue;
            Xapian::Query two[] = {Xapian::Query(stems[i]), Xapian::Query(stems[i + 1])};
            pairs.emplace_back(Xapian::Query::OP_NEAR, std::begin(two), std::end(two),
                               static_cast<Xapian::termcount>(ranking.window));
        }
    }
    if (pairs.empty()) return Xapian::Query();
    return scaled(Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()),
                  ranking.proximity);
}

bool is_stop_stem(const std::string& stem) {
    return stop_stems().count(stem) > 0;
}

Xapian::Query expand_query(const Xapian::Query& query, const Xapian::Database& db,
                           const Ranking& ranking, Expansions& out) {
    Rewriter rw{db, ranking, out};
    return rw.rewrite(query);
}

Xapian::Query alias_phrases(std::string_view text, const Xapian::Database& db,
                            const Ranking& ranking, Expansions& out) {
    if (ranking.alias <= 0) return Xapian::Query();
    const auto runs = plain_runs(text);
    std::vector<Xapian::Query> found;
    std::unordered_set<std::string> seen;
    for (const auto& run : runs) {
        for (std::size_t i = 0; i < run.size(); ++i) {
            std::string key = run[i];
            for (std::size_t n = 2; n <= max_alias_words && i + n <= run.size(); ++n) {
                key += ' ';
                key += run[i + n - 1];
                for (const auto& a : synonyms(db, schema::synonym::alias, key)) {
                    if (!seen.insert(a).second) continue;
                    found.push_back(words_query(a));
                    for (auto t = found.back().get_unique_terms_begin();
                         t != found.back().get_unique_terms_end(); ++t)
                        out.concepts.emplace(*t, key);
                    out.note(fmt::format("\"{}\" -> \"{}\" (alias)", key, a));
                }
            }
        }
    }
    if (found.empty()) return Xapian::Query();
    return scaled(Xapian::Query(Xapian::Query::OP_OR, found.begin(), found.end()), ranking.alias);
}

}  // namespace gazette
