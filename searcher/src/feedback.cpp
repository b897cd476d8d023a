#include "feedback.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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
    // Each word of the hits: in how many (r) and its saturated frequency
    // summed over them, as Xapian's expansion does (k = 1).
    struct Seen {
        unsigned r = 0;
        double multiplier = 0;
    };
    std::unordered_map<std::string, Seen> seen;
    seen.reserve(1024);
    const double avlen = db.get_avlength();
    const double R = static_cast<double>(top.size());
    WordDecider decider;
    std::unordered_set<std::string> typed_terms(typed.get_unique_terms_begin(),
                                                typed.get_unique_terms_end());
    std::vector<std::pair<std::string, Xapian::termcount>> terms_of;
    for (Xapian::docid did : top) {
        // A document's length is the sum of its wdfs: read from its term
        // list, not asked of the database (a round trip to a remote shard).
        terms_of.clear();
        double len = 0;
        for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
            const Xapian::termcount wdf = t.get_wdf();
            len += wdf;
            if (wdf == 0) continue;  // a boolean term
            const std::string& term = *t;
            // Only words the decider could take: no prefixed or short terms.
            if (term.size() >= 3 && schema::is_free_text_term(term))
                terms_of.emplace_back(term, wdf);
        }
        const double norm = avlen > 0 ? len / avlen : 1.0;
        for (const auto& [term, wdf] : terms_of) {
            Seen& s = seen[term];
            ++s.r;
            s.multiplier += 2 * wdf / (norm + wdf) / R;
        }
    }
    std::vector<std::string> candidates;
    for (const auto& [term, s] : seen)
        if (s.r >= 2 && !typed_terms.count(term) && decider(term)) candidates.push_back(term);
    // In term order: each lookup then finds the B-tree blocks it needs
    // where the last one left them.
    std::sort(candidates.begin(), candidates.end());
    const auto freq =
        cache ? cache->lookup(db, candidates, remote) : term_frequencies(db, candidates, remote);
    const double N = db.get_doccount();
    std::vector<std::pair<double, std::string>> ranked;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const std::string& term = candidates[i];
        const double n = freq[i], r = seen[term].r;
        if (n <= 1) continue;  // this article's alone
        double tw = std::log(((r + 0.5) * (N - n - R + r + 0.5)) / ((n - r + 0.5) * (R - r + 0.5)));
        if (tw < 2) tw = tw * 0.5 + 1;  // as Xapian's TradEWeight
        ranked.emplace_back(seen[term].multiplier * tw, term);
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
