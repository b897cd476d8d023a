// Relevance-set expansion: the words that best tell a set of articles apart
// from the rest of the collection (Xapian's ESet, Robertson's selection
// value), as a query. Used for "more like this" (the set is the article
// given) and for pseudo-relevance feedback (the set is the best few hits of
// the query as typed).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace gazette {

class TermFrequencyCache;

/// The `terms` best free-text stems of the articles in `rset` (stop words,
/// numbers, prefixed terms and words of no other article of `db` left out;
/// with `skip_query_terms`, the enquire's query terms too), OR-ed, each
/// weighted by its share of the best one's expansion weight. Empty when the
/// set gives none.
Xapian::Query expansion_query(const Xapian::Database& db, const Xapian::Enquire& enquire,
                              const Xapian::RSet& rset, std::size_t terms, bool skip_query_terms);

/// The same for pseudo-relevance feedback over the best hits `top` (at
/// least three), cheaper: a word must be in two of them at least (a word of
/// one hit alone scores low anyway), so only those words' frequencies are
/// looked up, not every word of every hit's. Weighted as Xapian's ESet
/// weighs (TradEWeight: the relevance weight times the words' saturated
/// in-document frequency); the enquire's query terms are left out. With
/// `remote` (`db` reaches a tcp remote), the words' frequencies are asked
/// in one batch (one round trip per server) rather than word by word,
/// which is faster on local shards; and the hits' words are made again
/// from their stored title and body (schema::index_text_field) rather than
/// read from their term lists, which a remote server sends with every
/// word's collection frequency, looked up word by word. With `cache`,
/// frequencies an earlier search of the same index revision looked up are
/// not looked up again.
Xapian::Query feedback_query(const Xapian::Database& db, const Xapian::Query& typed,
                             const std::vector<Xapian::docid>& top, std::size_t terms,
                             bool remote = false, TermFrequencyCache* cache = nullptr);

/// The document of the article `id_or_path`: a document id
/// ("corpus/004.txt"), or the path of an indexed file (relative paths from
/// the working directory), read through the index's roots. 0 when none.
Xapian::docid find_article(const Xapian::Database& db, const std::string& id_or_path);

}  // namespace gazette
