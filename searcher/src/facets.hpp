// Facets: counts of outlets, speakers and years over every matching
// article, gathered by match spies while the match runs.
#pragma once

#include <xapian.h>

#include "gazette/searcher.hpp"

namespace gazette {

/// Counts outlets, speakers and years of every document the matcher looks
/// at (all of them, when get_mset is given checkatleast = the document
/// count). Built on Xapian's ValueCountMatchSpy, which remote shards served
/// by xapian-tcpsrv can run too: it counts each distinct slot value (a
/// joined outlet list, a YYYYMMDD date), and result() splits lists and
/// folds dates into years, which gives exact per-name and per-year counts
/// because each document has one value per slot.
class FacetCounter {
  public:
    FacetCounter();
    /// Adds the spies to `enquire`; this object must outlive its get_mset().
    void attach(Xapian::Enquire& enquire);
    /// The counts, at most `limit` values per facet, most frequent first.
    [[nodiscard]] Facets result(std::size_t limit) const;

  private:
    Xapian::ValueCountMatchSpy outlets_, speakers_, dates_;
};

}  // namespace gazette
