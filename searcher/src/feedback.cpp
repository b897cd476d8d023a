#include "feedback.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unordered_set>
#include <vector>

#include "record.hpp"
#include "roots.hpp"
#include "schema.hpp"

#include "query_expansion.hpp"
#include "term_stats.hpp"

namespace gazette {

namespace {

// Words worth adding: free text (no prefix), not a stop word, not a number,
// at least three bytes. (Whether another article has the word is asked of
// the best few only, after the expansion: asking it of every candidate cost
// a quarter of a query's time.)
class WordDecider : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        if (term.size() < 3 || !schema::is_free_text_term(term)) return false;
        if (term.find_first_not_of("0123456789.,") == std::string::npos) return false;
        return !is_stop_stem(term);
    }
};

// An article's free-text words (unprefixed terms) with their in-document
// frequencies, made from its stored title and body by the indexer's own
// calls (schema::index_text_field), in a document of its own: its term
// list is in term order, as the index's is. (A title whose bytes were not
// UTF-8 is stored with them replaced, and may give a word or two the index
// does not have; sources decode to UTF-8 before extraction, so this is
// rare, and it moves feedback's weights only.)
Xapian::Document stored_words(const Xapian::Document& stored) {
    const Document doc = record::decode(stored.get_data());
    Xapian::TermGenerator& termgen = schema::term_generator();
    Xapian::Document words;
    termgen.set_document(words);
    for (const schema::Field& field : schema::fields)
        if (field.kind == schema::FieldKind::text)
            schema::index_text_field(termgen, field, schema::text_of(doc, field.part),
                                     /*with_prefix=*/false);
    termgen.set_document(Xapian::Document());
    return words;
}

}  // namespace

Xapian::Query expansion_query(const Xapian::Database& db, const Xapian::Enquire& enquire,
                              const Xapian::RSet& rset, std::size_t terms, bool skip_query_terms) {
    if (rset.empty() || terms == 0) return Xapian::Query();
    WordDecider decider;
    // Exact term frequencies over shards: a stub of shards ranks as the
    // whole index does.
    int flags = Xapian::Enquire::USE_EXACT_TERMFREQ |
                (skip_query_terms ? 0 : Xapian::Enquire::INCLUDE_QUERY_TERMS);
    // More than wanted, for words of one article alone (they find nothing
    // more) to be dropped; more again while too few are left.
    std::vector<Xapian::Query> parts;
    for (auto asked = static_cast<Xapian::termcount>(2 * terms);; asked *= 4) {
        Xapian::ESet eset = enquire.get_eset(asked, rset, flags, &decider);
        parts.clear();
        double best = 0;
        for (auto t = eset.begin(); t != eset.end() && parts.size() < terms; ++t) {
            if (db.get_termfreq(*t) <= 1) continue;  // this article's alone
            if (best == 0) best = t.get_weight();
            double share = best > 0 ? t.get_weight() / best : 1.0;
            if (share <= 0) continue;
            parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*t), share);
        }
        if (parts.size() >= terms || eset.size() < asked) break;
    }
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query feedback_query(const Xapian::Database& db, const Xapian::Query& typed,
                             const std::vector<Xapian::docid>& top, std::size_t terms, bool remote,
                             TermFrequencyCache* cache) {
    if (top.size() < 3 || terms == 0) return Xapian::Query();
    // Each hit's words (free text that the decider could take) with their
    // in-document frequencies, in term order as its term list gives them.
    // A document's length is the sum of its wdfs: read from its term list,
    // not asked of the database (a round trip to a remote shard).
    struct HitWords {
        std::vector<std::pair<std::string, Xapian::termcount>> words;
        double norm = 1;  // its length over the average
        std::size_t at = 0;
    };
    const double avlen = db.get_avlength();
    std::vector<HitWords> hits(top.size());
    for (std::size_t h = 0; h < top.size(); ++h) {
        double len = 0;
        if (remote) {
            // Through a remote shard a term list comes with every word's
            // frequency in the whole collection, which the server looks up
            // word by word (most of a remote query's time). The hit's words
            // are made again from its stored title and body, as the indexer
            // made them; its length is asked alone.
            const Xapian::Document xdoc = stored_words(db.get_document(top[h]));
            for (auto t = xdoc.termlist_begin(); t != xdoc.termlist_end(); ++t) {
                std::string term = *t;
                if (term.size() >= 3 && schema::is_free_text_term(term))
                    hits[h].words.emplace_back(std::move(term), t.get_wdf());
            }
            len = db.get_doclength(top[h]);
        } else {
            for (auto t = db.termlist_begin(top[h]); t != db.termlist_end(top[h]); ++t) {
                const Xapian::termcount wdf = t.get_wdf();
                len += wdf;
                if (wdf == 0) continue;  // a boolean term
                const std::string& term = *t;
                if (term.size() >= 3 && schema::is_free_text_term(term))
                    hits[h].words.emplace_back(term, wdf);
            }
        }
        hits[h].norm = avlen > 0 ? len / avlen : 1.0;
    }
    // Each word of the hits: in how many (r) and its saturated frequency
    // summed over them, as Xapian's expansion does (k = 1). The hits' lists
    // are merged (no table of every word), which gives the words in term
    // order: each frequency lookup then finds the B-tree blocks it needs
    // where the last one left them.
    struct Candidate {
        std::string term;
        unsigned r = 0;
        double multiplier = 0;
    };
    const double R = static_cast<double>(top.size());
    WordDecider decider;
    std::unordered_set<std::string> typed_terms(typed.get_unique_terms_begin(),
                                                typed.get_unique_terms_end());
    std::vector<Candidate> candidates;
    for (;;) {
        const std::string* next = nullptr;
        for (const auto& hit : hits)
            if (hit.at < hit.words.size() && (!next || hit.words[hit.at].first < *next))
                next = &hit.words[hit.at].first;
        if (!next) break;
        Candidate c;
        c.term = *next;
        for (auto& hit : hits) {
            if (hit.at >= hit.words.size() || hit.words[hit.at].first != c.term) continue;
            const double wdf = hit.words[hit.at].second;
            ++c.r;
            c.multiplier += 2 * wdf / (hit.norm + wdf) / R;
            ++hit.at;
        }
        if (c.r >= 2 && !typed_terms.count(c.term) && decider(c.term))
            candidates.push_back(std::move(c));
    }
    std::vector<std::string> words;
    words.reserve(candidates.size());
    for (const auto& c : candidates) words.push_back(c.term);
    const auto freq =
        cache ? cache->lookup(db, words, remote) : term_frequencies(db, words, remote);
    const double N = db.get_doccount();
    std::vector<std::pair<double, std::string>> ranked;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const double n = freq[i], r = candidates[i].r;
        if (n <= 1) continue;  // this article's alone
        double tw = std::log(((r + 0.5) * (N - n - R + r + 0.5)) / ((n - r + 0.5) * (R - r + 0.5)));
        if (tw < 2) tw = tw * 0.5 + 1;  // as Xapian's TradEWeight
        ranked.emplace_back(candidates[i].multiplier * tw, std::move(candidates[i].term));
    }
    if (ranked.empty()) return Xapian::Query();
    auto keep = std::min(terms, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                      ranked.end(), [](const auto& a, const auto& b) {
                          return a.first > b.first || (a.first == b.first && a.second < b.second);
                      });
    const double best = ranked.front().first;
    std::vector<Xapian::Query> parts;
    for (std::size_t i = 0; i < keep; ++i) {
        if (ranked[i].first <= 0) break;
        parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(ranked[i].second),
                           best > 0 ? ranked[i].first / best : 1.0);
    }
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::docid find_article(const Xapian::Database& db, const std::string& id_or_path) {
    auto by_id = [&](const std::string& id) -> Xapian::docid {
        auto term = schema::id_term(id);
        auto p = db.postlist_begin(term);
        return p == db.postlist_end(term) ? 0 : *p;
    };
    if (auto did = by_id(id_or_path)) return did;
    std::error_code ec;
    auto path = std::filesystem::weakly_canonical(std::filesystem::absolute(id_or_path, ec), ec);
    if (ec) return 0;
    // A file's id: its root's label and its path inside the root.
    auto roots = RootRegistry::parse(db.get_metadata(std::string(schema::roots_key)));
    for (const auto& root : roots.roots()) {
        auto rel = path.lexically_relative(root.path);
        if (rel.empty() || *rel.begin() == "..") continue;
        if (auto did = by_id(root.label + "/" + rel.generic_string())) return did;
    }
    return 0;
}

}  // namespace gazette
