// A search's re-ranking window as a query: the best matches a scored pass
// has found, each with the weight it found, so that a second pass weighs
// more evidence (searcher.cpp: feedback's words) over these matches alone,
// without matching the typed words again.
#pragma once

#include <xapian.h>

#include <utility>
#include <vector>

namespace gazette {

/// Whether `db` can take a window_query: every shard is local and has a
/// distinct UUID (a posting source runs shard by shard, and each shard
/// numbers its documents its own way; xapian-tcpsrv knows no posting source
/// of ours).
[[nodiscard]] bool window_supported(const Xapian::Database& db, bool remote);

/// The documents of `ranked` (numbers of `db` as an MSet gives them, with
/// their weights) as a query matching them alone, each with its weight:
/// OP_AND_MAYBE over it adds the other query's weight to each. Only for a
/// database window_supported() accepts.
[[nodiscard]] Xapian::Query window_query(const Xapian::Database& db,
                                         std::vector<std::pair<Xapian::docid, double>> ranked);

}  // namespace gazette
