// The HTTP form of a SearchRequest: one table of fields read from a query
// string (GET /api/search?q=nato&outlet=reuters&outlet=rt&limit=5) or from
// a JSON body (POST /api/search {"query": "nato", "outlets": ["reuters"]}).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/searcher.hpp"

namespace gazette::server {

/// A parameter's values in the order given (a repeated key gives several).
using ParamLookup = std::function<std::vector<std::string>(const std::string& key)>;

/// The request the parameters ask for. Keys: q (or query), outlet,
/// speaker, since, until, sort (relevance|date), reverse, limit, offset,
/// snippet_length, facets, facet_limit, like, all_copies, suggest (default
/// on), ranking. Booleans are 1/0, true/false, yes/no, on/off (a bare key
/// is true). @throws Error bad_query naming the key of a bad value.
SearchRequest request_from_params(const ParamLookup& get);

/// The same from a JSON object whose keys are SearchRequest's member names
/// ("query", "outlets", "speakers", "since", "until", "sort", "reverse",
/// "limit", "offset", "snippet_length", "facets", "facet_limit", "like",
/// "all_copies", "suggest", "ranking"). @throws Error bad_query for text
/// that is not a JSON object, an unknown key or a value of the wrong type.
SearchRequest request_from_json(std::string_view body);

}  // namespace gazette::server
