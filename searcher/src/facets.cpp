#include "facets.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "schema.hpp"
#include "text.hpp"

namespace gazette {

namespace {

using Counts = std::map<std::string, std::size_t>;

// Adds `n` to each name of a joined list value.
void add_list(const std::string& joined, std::size_t n, Counts& counts) {
    if (joined.empty()) return;
    for (auto name : text::split(joined, schema::list_separator))
        if (!name.empty()) counts[std::string(name)] += n;
}

// Folds the spy's distinct values into per-item counts via `add`.
template <typename Add>
Counts fold(const Xapian::ValueCountMatchSpy& spy, Add add) {
    Counts counts;
    for (auto v = spy.values_begin(); v != spy.values_end(); ++v) add(*v, v.get_termfreq(), counts);
    return counts;
}

std::vector<FacetValue> top(const Counts& counts, std::size_t limit) {
    std::vector<FacetValue> out;
    for (const auto& [value, count] : counts) out.push_back({value, count});
    std::stable_sort(out.begin(), out.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace

FacetCounter::FacetCounter()
    : outlets_(schema::slot::outlets),
      speakers_(schema::slot::speakers),
      dates_(schema::slot::date) {}

void FacetCounter::attach(Xapian::Enquire& enquire) {
    enquire.add_matchspy(&outlets_);
    enquire.add_matchspy(&speakers_);
    enquire.add_matchspy(&dates_);
}

Facets FacetCounter::result(std::size_t limit) const {
    auto year = [](const std::string& date, std::size_t n, Counts& counts) {
        if (date.size() >= 4) counts[date.substr(0, 4)] += n;
    };
    return {top(fold(outlets_, add_list), limit), top(fold(speakers_, add_list), limit),
            top(fold(dates_, year), limit)};
}

}  // namespace gazette
