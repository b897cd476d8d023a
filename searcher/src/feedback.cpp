#include "feedback.hpp"

#include <filesystem>
#include <vector>

#include "roots.hpp"
#include "schema.hpp"

#include "query_expansion.hpp"

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
