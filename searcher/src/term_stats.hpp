// How many articles have each word: asked of the index, or remembered from
// an earlier search of the same revision of it.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace gazette {

/// Each of `terms`' number of articles in `db`. Local databases answer
/// term by term fastest (in term order, each lookup finds the B-tree
/// blocks it needs where the last one left them); with `remote` (`db`
/// reaches a tcp remote) all are asked in one matcher pass, one round trip
/// per server instead of one per word.
std::vector<Xapian::doccount> term_frequencies(const Xapian::Database& db,
                                               const std::vector<std::string>& terms, bool remote);

/// Term frequencies kept between searches: feedback looks up a few hundred
/// words per query, most of them words earlier queries' hits had too.
/// Valid for one revision of one local database: a search of another
/// revision (the index changed) starts it afresh; a stub of several
/// databases or a remote one is never cached (Xapian 1.4 gives no revision
/// for those). At most `max_entries` words are kept (then it starts
/// afresh), about 60 bytes each. Safe to share between threads.
class TermFrequencyCache {
  public:
    static constexpr std::size_t max_entries = std::size_t{1} << 18;

    /// As term_frequencies(db, terms, remote), answered from the cache
    /// where it can.
    std::vector<Xapian::doccount> lookup(const Xapian::Database& db,
                                         const std::vector<std::string>& terms, bool remote);

  private:
    std::mutex mutex_;
    std::string revision_;  // "uuid:revision" of the database the entries are from
    std::unordered_map<std::string, Xapian::doccount> entries_;
};

}  // namespace gazette
