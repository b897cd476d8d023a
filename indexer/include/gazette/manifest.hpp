/// @file manifest.hpp
/// Collection manifests: facts about articles given by the collection's
/// owner, as JSON lines {"file", and any of "url", "outlet" (string or
/// list), "date", "title"}, file names relative to the manifest.
///
/// Errors: gazette::Error (invalid_input naming the file and line, io).
/// Thread-safety: const use from many threads is safe once loaded.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "gazette/export.hpp"
#include "gazette/extractor.hpp"

namespace gazette {

/// Per-file overrides read from manifest files.
class GAZETTE_API Manifest {
  public:
    /// Reads `path`. @throws Error invalid_input naming the file and line.
    void load_file(const std::string& path);
    /// Overrides for the article at absolute path `path`, if any.
    [[nodiscard]] const ArticleOverrides* find(const std::string& path) const;
    /// Number of articles the manifest describes.
    [[nodiscard]] std::size_t size() const { return entries_.size(); }

  private:
    std::map<std::string, ArticleOverrides> entries_;
};

}  // namespace gazette
