// The search page's files, built into gazette-serve (cmake/embed_assets.cmake
// makes the definition from web/).
#pragma once

#include <string_view>
#include <vector>

namespace gazette::server {

struct Asset {
    std::string_view path;  ///< URL path, "/index.html"
    std::string_view type;  ///< Content-Type
    std::string_view data;  ///< the file's bytes
};

/// Every file of web/, in a fixed order.
const std::vector<Asset>& assets();

}  // namespace gazette::server
