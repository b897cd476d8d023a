// Copies of one story (near-duplicates, grouped by the indexer: schema.hpp
// slot 4 and the XDUP/XCOPY terms): the other members of a hit's group,
// and how many matches collapsing on the group removes.
#pragma once

#include <xapian.h>

#include "gazette/searcher.hpp"

namespace gazette {

/// The other articles of `doc`'s copy group: counted in `hit.copies`, and
/// the outlets carrying them that `hit` does not name added to
/// `hit.also_in`.
void add_copies(const Xapian::Database& db, const Xapian::Document& doc, Hit& hit);

/// How many of `query`'s matches collapsing on the copy group hides (in
/// each group with matches, all but one), exactly. Runs passes over every
/// match on `enquire`, which should be unweighted (Xapian::BoolWeight) for
/// speed; its query and match spies are left changed.
/// Where every copy is marked (schema.hpp: XCOPY, XCOPYSEEN) only copies
/// and their groups' first articles are visited; otherwise every match.
[[nodiscard]] Xapian::doccount collapsed_away(const Xapian::Database& db, Xapian::Enquire& enquire,
                                              const Xapian::Query& query);

}  // namespace gazette
