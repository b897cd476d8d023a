/// @file document.hpp
/// The document model shared by gazette's indexer and searcher: what one
/// article is, independent of the file or record it came from.
///
/// Thread-safety: plain values; copies may be used from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gazette {

/// What identifies one version of an article's source, so a re-index can
/// tell an unchanged file from a changed one without re-extracting it.
/// Two fingerprints are the same article version when their content and
/// settings hashes agree; size and mtime let a file's check skip reading it.
struct Fingerprint {
    std::uint64_t size = 0;          ///< bytes of the source (a file's size)
    std::int64_t mtime_ns = 0;       ///< modification time (ns since the epoch; 0 for records)
    std::uint64_t content_hash = 0;  ///< XXH3-64 of the source bytes
    std::uint64_t settings_hash =
        0;  ///< XXH3-64 of what else shaped extraction (registry, manifest, extractor version)
    bool operator==(const Fingerprint&) const = default;  ///< memberwise
};

/// One article as gazette indexes and returns it.
struct Document {
    /// Unique id within an index. For a file: its path relative to the
    /// parent of the folder it was indexed from ("corpus/2009/a.txt"), so
    /// moving or re-mounting the collection changes nothing; for a record
    /// (a JSON line) its own id. Re-indexing the same id replaces the
    /// document.
    std::string id;
    /// Where a user can open the source: the file's absolute path when it was
    /// last indexed (empty when the document did not come from a file).
    std::string path;
    std::string url;                    ///< the article's address, when known
    std::string title;                  ///< headline
    std::string date;                   ///< publication date YYYY-MM-DD, or empty when unknown
    std::vector<std::string> outlets;   ///< canonical outlet names
    std::vector<std::string> speakers;  ///< full names of people quoted
    std::string body;                   ///< text without site chrome; paragraphs split by "\n\n"
    Fingerprint fingerprint;            ///< the source version this was made from
    bool operator==(const Document&) const = default;  ///< memberwise
};

/// A folder of articles an index knows (see IndexWriter::attach_root): a
/// document's id is its root's label plus its path inside the root.
struct Root {
    std::string label;       ///< the first part of its documents' ids ("corpus")
    std::string path;        ///< its absolute path now
    std::string moved_from;  ///< its previous path, when it was found moved; else empty
};

}  // namespace gazette
