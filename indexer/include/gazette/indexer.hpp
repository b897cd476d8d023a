/// @file indexer.hpp
/// Keeping an index in step with collections of articles: one run reads
/// each Source, skips what the index already holds unchanged, extracts and
/// writes what is new or changed, and removes documents whose sources are
/// gone. Includes the whole indexing API: Document (document.hpp),
/// Extractor (extractor.hpp), OutletRegistry (outlets.hpp), Manifest
/// (manifest.hpp), Source and FolderSource (source.hpp), IndexWriter
/// (index_writer.hpp).
///
/// Errors: functions throw gazette::Error. A bad article is reported in its
/// ItemOutcome and skipped; it never stops a run or loses what was already
/// indexed.
/// Thread-safety: a run uses its writer and sources from one thread.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "gazette/document.hpp"
#include "gazette/error.hpp"
#include "gazette/export.hpp"
#include "gazette/extractor.hpp"
#include "gazette/index_writer.hpp"
#include "gazette/manifest.hpp"
#include "gazette/outlets.hpp"
#include "gazette/source.hpp"

namespace gazette {

/// What a run did with one item.
enum class Change {
    added,      ///< new to the index: extracted and written
    updated,    ///< its source changed: extracted again and replaced
    unchanged,  ///< the index holds this version already: not read or extracted
    removed,    ///< its source is gone: the document was removed
    skipped,    ///< not an article (reason says why); an older document is kept
    extracted,  ///< dry run: extracted, nothing written
};

/// Lower-case name of a change ("added", ...).
GAZETTE_API const char* to_string(Change change) noexcept;

/// What happened to one item.
struct ItemOutcome {
    std::string id;                   ///< document id
    std::string path;                 ///< absolute path of its file (empty for removed records)
    Change change = Change::skipped;  ///< what the run did
    std::string reason;               ///< why it was skipped, when skipped
    std::string note;                 ///< something to know about an indexed item (e.g. truncated)
    std::string encoding;             ///< what its bytes were, when read ("UTF-8", "UTF-16LE", ...)
    Article article;                  ///< what was extracted, when added, updated or extracted
    /// True when the item is (still) in the index or, on a dry run, was extracted.
    [[nodiscard]] bool ok() const { return change != Change::skipped && change != Change::removed; }
};

/// Options for a run.
struct IndexOptions {
    std::string index_path = "index";  ///< index folder to create or update
    bool dry_run = false;              ///< extract everything; write nothing
    bool prune = true;                 ///< remove documents whose sources are gone
    bool follow_links = false;         ///< follow links leading outside the input folders too
    /// Called before each listed item is decided on; a non-empty answer
    /// skips the item with that reason (gazette-index's crash journal).
    /// With jobs > 1 it is called on the worker thread that then reads and
    /// extracts the item, and after_item (if set) on the same thread once
    /// that is done.
    std::function<std::string(const SourceItem&)> before_item;
    /// Called once an item allowed by before_item has been read and
    /// extracted (or has failed), on the same thread.
    std::function<void(const SourceItem&)> after_item;
    /// Called once the sources are listed, with how many items they offer
    /// (for progress reports).
    std::function<void(std::size_t)> on_listed;
    /// Threads reading and extracting articles (and making their terms)
    /// while the calling thread writes: 0 for one per core, 1 for none
    /// (everything on the calling thread). Results are written and
    /// numbered in listing order whatever the number; reported in listing
    /// order too, except that the parts of a new index (see `writers`)
    /// report from their own threads, one at a time.
    unsigned jobs = 0;
    /// Writing threads for a new (empty) index: 0 for one per job (at
    /// most 4), 1 for one. Several write parts of the listing (at least
    /// max(batch_size, 32) articles each) into folders beside the index,
    /// joined to it at the end (IndexWriter::append): the same index,
    /// faster. Later runs, which update an index, write on one thread.
    unsigned writers = 0;
    std::size_t batch_size = 500;             ///< commit every N changes
    std::vector<std::string> registry_files;  ///< extra outlet registries
    std::vector<std::string>
        manifest_files;  ///< extra manifests (manifest.jsonl in input folders is read anyway)
    /// Synonyms files: groups of words or phrases meaning the same, one
    /// group per line, comma-separated ("UN, United Nations"); kept in the
    /// index, so later runs need not repeat them.
    std::vector<std::string> synonym_files;
};

/// Totals of one run.
struct IndexSummary {
    std::size_t added = 0;      ///< documents added
    std::size_t updated = 0;    ///< documents replaced because their source changed
    std::size_t unchanged = 0;  ///< sources already indexed as they are
    std::size_t removed = 0;    ///< documents removed because their source is gone
    std::size_t skipped = 0;    ///< items that are not articles
    std::size_t extracted = 0;  ///< dry run: items extracted
    std::size_t documents = 0;  ///< documents in the index afterwards
    double seconds = 0;         ///< wall-clock time of the run
    /// Collection folders found moved ("OLD -> NEW"); their documents were
    /// re-pointed, not re-indexed.
    std::vector<std::string> moved_roots;
};

/// Brings `writer`'s index in step with `sources` (or with `writer` null,
/// extracts every item: a dry run). `on_item` is called for each item as it
/// is done, removed documents included. Commits before returning.
///
/// An item whose reading or extraction throws (any std::exception, memory
/// exhaustion included) is reported as skipped with the error, and the run
/// goes on: no single input loses a run. Documents under a folder that
/// could not be read (a skipped item whose id ends in '/') are kept.
GAZETTE_API IndexSummary index_sources(const std::vector<Source*>& sources, IndexWriter* writer,
                                       const Extractor& extractor, const IndexOptions& options,
                                       const std::function<void(const ItemOutcome&)>& on_item);

/// Indexes every .txt file under `inputs` (folders, walked recursively, or
/// single files) into options.index_path, incrementally: a folder's root is
/// attached to the index (IndexWriter::attach_root), unchanged files are
/// skipped, changed ones replaced, and documents whose files are gone
/// removed unless !options.prune. @throws Error for problems with the index,
/// registry or manifest, or a missing input path.
GAZETTE_API IndexSummary index_files(const std::vector<std::string>& inputs,
                                     const IndexOptions& options,
                                     const std::function<void(const ItemOutcome&)>& on_item);

}  // namespace gazette
