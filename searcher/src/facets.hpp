// Facets: counts of outlets, speakers and years over every matching
// article, gathered by a MatchSpy while the match runs.
#pragma once

#include <xapian.h>

#include <map>
#include <string>

#include "gazette/searcher.hpp"

namespace gazette {

/// Counts the multi-valued outlet and speaker slots and the year of the
/// date slot for each document the matcher looks at (all of them, when
/// get_mset is given checkatleast = the document count).
class FacetSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double weight) override;
    [[nodiscard]] Facets result(std::size_t limit) const;

  private:
    std::map<std::string, std::size_t> outlets_, speakers_, years_;
};

}  // namespace gazette
