#include "facets.hpp"

#include <algorithm>

#include "gazette/schema.hpp"

namespace gazette {

namespace {

void count_list(const std::string& joined, std::map<std::string, std::size_t>& counts) {
    std::size_t start = 0;
    while (start < joined.size()) {
        auto end = joined.find(schema::list_separator, start);
        if (end == std::string::npos) end = joined.size();
        if (end > start) ++counts[joined.substr(start, end - start)];
        start = end + 1;
    }
}

std::vector<FacetValue> top(const std::map<std::string, std::size_t>& counts, std::size_t limit) {
    std::vector<FacetValue> out;
    for (const auto& [value, count] : counts) out.push_back({value, count});
    std::stable_sort(out.begin(), out.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    count_list(doc.get_value(schema::slot::outlets), outlets_);
    count_list(doc.get_value(schema::slot::speakers), speakers_);
    auto date = doc.get_value(schema::slot::date);
    if (date.size() >= 4) ++years_[date.substr(0, 4)];
}

Facets FacetSpy::result(std::size_t limit) const {
    return {top(outlets_, limit), top(speakers_, limit), top(years_, limit)};
}

}  // namespace gazette
