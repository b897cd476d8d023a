// The JSON of a SearchResult: hits carry the core's record mapping
// (record::to_json) plus what belongs to a hit (rank, score, snippet).
#include <nlohmann/json.hpp>

#include "gazette/searcher.hpp"
#include "record.hpp"

namespace gazette {

namespace {

nlohmann::json facet_json(const std::vector<FacetValue>& values) {
    auto out = nlohmann::json::array();
    for (const auto& v : values) out.push_back({{"value", v.value}, {"count", v.count}});
    return out;
}

nlohmann::json fields_json(const Hit& h) {
    Document doc;
    doc.id = h.id;
    doc.path = h.path;
    doc.url = h.url;
    doc.title = h.title;
    doc.date = h.date;
    doc.outlets = h.outlets;
    doc.speakers = h.speakers;
    nlohmann::json j = record::to_json(doc, false);
    if (!h.also_in.empty()) j["also_in"] = h.also_in;
    if (h.copies > 0) j["copies"] = h.copies;
    return j;
}

nlohmann::json hit_json(const Hit& h) {
    nlohmann::json j = {{"rank", h.rank}};
    j.update(fields_json(h));
    j["score"] = h.score;
    j["percent"] = h.percent;
    j["snippet"] = h.snippet;
    return j;
}

}  // namespace

std::string to_json(const SearchResult& r, bool with_facets) {
    nlohmann::json j;
    j["query"] = r.query;
    j["total"] = r.total;
    j["relaxed"] = r.relaxed;
    j["suggestion"] = r.suggestion.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.suggestion);
    if (!r.warnings.empty()) j["warnings"] = r.warnings;
    if (!r.expansions.empty()) j["expansions"] = r.expansions;
    if (with_facets)
        j["facets"] = {{"outlets", facet_json(r.facets.outlets)},
                       {"speakers", facet_json(r.facets.speakers)},
                       {"years", facet_json(r.facets.years)}};
    auto& hits = j["hits"] = nlohmann::json::array();
    for (const auto& h : r.hits) hits.push_back(hit_json(h));
    return record::dump(j);
}

std::string article_to_json(const Hit& article) {
    nlohmann::json j = fields_json(article);
    j["text"] = article.snippet;
    return record::dump(j);
}

}  // namespace gazette
