// The collection roots an index knows: folder labels and where each folder
// is now, kept in the index metadata (schema.hpp: "gazette.roots"). A file's
// id is its root's label plus its path inside the root, so a collection
// that moves keeps its ids; the registry is what recognises it.
#pragma once

#include <string>
#include <vector>

#include "gazette/document.hpp"

namespace gazette {

/// The roots of one index.
class RootRegistry {
  public:
    /// Reads the registry from its metadata text ("" for none).
    /// @throws Error corrupt when the text is not one.
    static RootRegistry parse(const std::string& json);
    /// The metadata text.
    [[nodiscard]] std::string serialize() const;

    /// The root that absolute, normalised `folder` belongs to (see
    /// IndexWriter::attach_root); records a move or a new root. `exists`
    /// tells whether a recorded path still exists (a seam for tests).
    Root attach(const std::string& folder, bool (*exists)(const std::string&));

    /// Every root.
    [[nodiscard]] const std::vector<Root>& roots() const { return roots_; }

  private:
    std::vector<Root> roots_;  // moved_from unused here
};

/// The last component of a folder path ("/data/corpus" -> "corpus"; "/" -> "root").
std::string folder_label(const std::string& folder);

}  // namespace gazette
