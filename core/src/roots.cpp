#include "roots.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "gazette/error.hpp"
#include "record.hpp"

namespace gazette {

namespace fs = std::filesystem;

std::string folder_label(const std::string& folder) {
    auto name = fs::path(folder).lexically_normal().filename().string();
    if (name.empty()) name = fs::path(folder).lexically_normal().parent_path().filename().string();
    return name.empty() ? "root" : name;
}

RootRegistry RootRegistry::parse(const std::string& json) {
    RootRegistry r;
    if (json.empty()) return r;
    try {
        for (const auto& j : nlohmann::json::parse(json))
            r.roots_.push_back(
                {j.at("label").get<std::string>(), j.at("path").get<std::string>(), {}});
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::corrupt, fmt::format("unreadable root registry: {}", e.what()));
    }
    return r;
}

std::string RootRegistry::serialize() const {
    auto j = nlohmann::json::array();
    for (const auto& r : roots_) j.push_back({{"label", r.label}, {"path", r.path}});
    return record::dump(j);
}

Root RootRegistry::attach(const std::string& folder, bool (*exists)(const std::string&)) {
    // A known root, or a folder inside one.
    for (const auto& r : roots_) {
        if (folder == r.path) return r;
        if (folder.size() > r.path.size() && folder.starts_with(r.path) &&
            (r.path.ends_with('/') || folder[r.path.size()] == '/'))
            return r;
    }
    const std::string name = folder_label(folder);
    // A known root of the same name whose folder is gone: the collection moved.
    for (auto& r : roots_) {
        if (folder_label(r.path) == name && !exists(r.path)) {
            Root moved{r.label, folder, r.path};
            r.path = folder;
            return moved;
        }
    }
    std::string label = name;
    for (int n = 2;
         std::any_of(roots_.begin(), roots_.end(), [&](const Root& r) { return r.label == label; });
         ++n)
        label = fmt::format("{}~{}", name, n);
    roots_.push_back({label, folder, {}});
    return roots_.back();
}

}  // namespace gazette
