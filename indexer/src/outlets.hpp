// Outlets credited by an article: banners, bylines, date lines, agency
// datelines ("BRUSSELS (Reuters) --"), closing credits, "told AFP", URLs.
// Outlets merely mentioned in the story are not credited.
#pragma once

#include <string>
#include <vector>

#include "gazette/extractor.hpp"
#include "layout.hpp"

namespace gazette {

/// Canonical names of the outlets `layout` credits, in order of appearance.
std::vector<std::string> find_outlets(const Layout& layout, const OutletRegistry& registry,
                                      std::vector<Evidence>& evidence);

}  // namespace gazette
