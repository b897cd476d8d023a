// Turns a SearchRequest into a Xapian query: the QueryParser configured
// from the schema's field table, plus the request's outlet, speaker and
// date filters.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gazette/searcher.hpp"
#include "query_expansion.hpp"
#include "ranking.hpp"
#include "schema.hpp"

namespace gazette {

/// The words dropped from queries (never from the index, so phrases still
/// work): they match nearly every article and only cost precision under the
/// AND default. Also keeps them out of spelling suggestions.
const Xapian::SimpleStopper& query_stopper();

/// A query ready to run, and what a snippet should highlight.
struct BuiltQuery {
    Xapian::Query query;
    std::vector<std::string> highlight_terms;  ///< unprefixed stems
    /// lower-case word prefixes of wildcards ("suspen")
    std::vector<std::string> wildcard_prefixes;
    /// Wildcards that stood for more words than Limits::max_wildcard_words.
    std::vector<std::string> warnings;
    /// The query with every plain word required (filters applied), when
    /// that differs from `query`; empty otherwise.
    Xapian::Query all_words;
    /// How words were widened (spellings, families, aliases; notes for
    /// --explain, and which query word each added term stands for).
    Expansions expansions;
    /// `query` before the filters.
    Xapian::Query unfiltered;
    /// The request's outlet, speaker and date filters (already in `query`).
    std::vector<Xapian::Query> filters;
};

/// `q` restricted by every filter.
Xapian::Query apply_filters(Xapian::Query q, const std::vector<Xapian::Query>& filters);

/// Whether `word` (as typed) is a query operator: AND OR XOR NOT NEAR ADJ.
bool is_operator_word(std::string_view word);

/// `query` with control characters and Unicode spaces turned into plain
/// spaces (as Xapian's parser reads them; also fit for messages).
std::string plain_spaces(std::string_view query);

/// Checks `request` against Limits (sizes, numbers, UTF-8).
/// @throws Error bad_query naming the value and the limit.
void check_request(const SearchRequest& request);

/// Builds the query for `request` against `db` (wildcards, synonyms).
/// Words not joined by an operator: any may match, and articles having
/// them all get `ranking.all_words` of that weight again; each word also
/// matches its spellings, family and aliases (query_expansion.hpp).
/// @throws Xapian::QueryParserError with a message naming the bad text.
BuiltQuery build_query(const SearchRequest& request, const Xapian::Database& db,
                       const Ranking& ranking);

/// The request's query text with unknown words respelled from the index's
/// spelling data; empty when nothing needs respelling.
std::string suggest_spelling(const SearchRequest& request, const Xapian::Database& db);

/// Filter for documents whose `field` (a name filter) matches `value`: the
/// whole normalised name, or its words as a phrase.
Xapian::Query name_filter_query(const schema::Field& field, std::string_view value);

/// An inclusive date range as YYYYMMDD strings; empty means open.
using DateRange = std::pair<std::string, std::string>;

/// Parses "2009", "2009-03", "2009-03-05" (a whole period) or a range
/// "A..B", "A..", "..B" of those. @throws Xapian::QueryParserError.
DateRange parse_date_range(std::string_view text);

/// Query over the date slot for `range`.
Xapian::Query date_range_query(const DateRange& range);

}  // namespace gazette
