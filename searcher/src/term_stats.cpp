#include "term_stats.hpp"

namespace gazette {

namespace {

// "uuid:revision" of a single local database; empty for a stub of several
// (or remote) databases, which Xapian 1.4 gives no revision for.
std::string revision_of(const Xapian::Database& db, bool remote) {
    if (remote) return {};
    try {
        return db.get_uuid() + ':' + std::to_string(db.get_revision());
    } catch (const Xapian::InvalidOperationError&) {
        return {};
    }
}

}  // namespace

std::vector<Xapian::doccount> term_frequencies(const Xapian::Database& db,
                                               const std::vector<std::string>& terms, bool remote) {
    std::vector<Xapian::doccount> out(terms.size(), 0);
    if (!remote || terms.size() < 2) {
        for (std::size_t i = 0; i < terms.size(); ++i) out[i] = db.get_termfreq(terms[i]);
        return out;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    Xapian::MSet stats = enquire.get_mset(0, 0);
    for (std::size_t i = 0; i < terms.size(); ++i) out[i] = stats.get_termfreq(terms[i]);
    return out;
}

std::vector<Xapian::doccount> TermFrequencyCache::lookup(const Xapian::Database& db,
                                                         const std::vector<std::string>& terms,
                                                         bool remote) {
    const std::string revision = revision_of(db, remote);
    if (revision.empty()) return term_frequencies(db, terms, remote);
    std::vector<Xapian::doccount> out(terms.size(), 0);
    std::vector<std::string> missing;
    std::vector<std::size_t> where;
    {
        std::lock_guard lock(mutex_);
        if (revision != revision_) {
            entries_.clear();
            revision_ = revision;
        }
        for (std::size_t i = 0; i < terms.size(); ++i) {
            auto it = entries_.find(terms[i]);
            if (it != entries_.end()) {
                out[i] = it->second;
            } else {
                missing.push_back(terms[i]);
                where.push_back(i);
            }
        }
    }
    if (missing.empty()) return out;
    // Looked up without the lock: other searches go on meanwhile.
    const auto found = term_frequencies(db, missing, remote);
    for (std::size_t k = 0; k < where.size(); ++k) out[where[k]] = found[k];
    std::lock_guard lock(mutex_);
    if (revision != revision_) return out;  // another search moved it on
    if (entries_.size() + missing.size() > max_entries) entries_.clear();
    for (std::size_t k = 0; k < missing.size(); ++k) entries_.emplace(missing[k], found[k]);
    return out;
}

}  // namespace gazette
