/// @file index_writer.hpp
/// Writing Documents into a gazette index: put (add or replace by id),
/// remove, the stored fingerprint of an id, commit.
///
/// @code
///   gazette::IndexWriter writer("index");
///   gazette::Document doc;
///   doc.id = "notes/1";
///   doc.title = "NATO resumes talks with Russia";
///   doc.body = "NATO foreign ministers agreed ...";
///   writer.put(doc);
///   writer.remove("notes/0");
///   writer.commit();
/// @endcode
///
/// Errors: every function throws gazette::Error (locked when another writer
/// holds the index, schema_mismatch, io, corrupt, invalid_input for a
/// document without an id). A failed put() leaves what was committed before
/// intact.
/// Thread-safety: one IndexWriter is for one thread at a time; only one
/// writer (in any process) may have an index open.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/document.hpp"
#include "gazette/error.hpp"
#include "gazette/export.hpp"
#include "gazette/outlets.hpp"

namespace gazette {

struct PreparedDocument;  // indexer-internal: a document made ready by a worker

/// Writes documents into an index (created if missing). Documents are
/// committed every `batch_size` changes, on commit(), and on destruction.
class GAZETTE_API IndexWriter {
  public:
    /// Opens or creates the index in folder `path`; `registry` supplies the
    /// aliases indexed with each outlet name.
    /// @throws Error locked (another writer), schema_mismatch, io.
    explicit IndexWriter(const std::string& path, std::size_t batch_size = 500,
                         OutletRegistry registry = OutletRegistry());
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// Adds `doc`, or replaces the document with its id.
    /// @throws Error invalid_input when doc.id is empty.
    void put(const Document& doc);
    /// Adds or replaces a document prepared (terms and all) off this thread;
    /// index_sources' workers use it. Consumes `doc`.
    void put(PreparedDocument&& doc);
    /// The outlet registry whose aliases are indexed with outlet names.
    [[nodiscard]] const OutletRegistry& registry() const;
    /// Removes the document with `id`; false when there was none.
    bool remove(const std::string& id);
    /// The fingerprint stored with `id`, or nullopt when the index has no
    /// such document.
    [[nodiscard]] std::optional<Fingerprint> fingerprint(const std::string& id) const;
    /// The stored document with `id` (body included), or nullopt.
    [[nodiscard]] std::optional<Document> document(const std::string& id) const;
    /// Every id starting with `prefix`, in byte order.
    [[nodiscard]] std::vector<std::string> ids(std::string_view prefix = {}) const;
    /// Records that the document `id` now comes from `path` with
    /// `fingerprint` (its folder moved, or its file was touched without a
    /// change of content) without re-indexing its text; false when there is
    /// no such document.
    bool update_source(const std::string& id, const std::string& path,
                       const Fingerprint& fingerprint);

    /// The collection root that folder `folder` (absolute) belongs to:
    /// a known root holding it; else a known root of the same folder name
    /// whose old path is gone (the collection moved: its new path is
    /// recorded and `moved_from` says where it was); else a new root,
    /// labelled with the folder's name (made unique with "~2", "~3", ...).
    /// Recorded at the next commit.
    Root attach_root(const std::string& folder);

    /// A value gazette keeps with the index under `key` ("gazette.*"
    /// names are gazette's own, e.g. the site chrome learned from the
    /// collection), or "" when there is none.
    [[nodiscard]] std::string metadata(const std::string& key) const;
    /// Sets it; written at the next commit.
    void set_metadata(const std::string& key, const std::string& value);

    /// Records that the words or phrases of `group` mean the same: a query
    /// for one also finds the others, weighted below the words typed
    /// ("UN", "United Nations"). Case and punctuation are ignored; written
    /// at the next commit.
    void add_synonyms(const std::vector<std::string>& group);

    /// Makes everything written so far durable and visible to searchers.
    /// Also records, for the words the collection now holds, their other
    /// spellings and word families (so searches for "defence" find
    /// "defense", "suspension" finds "suspended") and the acronyms mined
    /// from the articles put.
    void commit();
    /// Number of documents in the index (committed or not).
    [[nodiscard]] std::size_t document_count() const;

    /// A writer for part `number` of a build that append() later joins
    /// to `whole`, so that several threads can write one new index: a new
    /// index in the folder beside `whole`'s named as it + ".gazette-part"
    /// + number (one left there by a killed run is removed first), with
    /// `whole`'s batch size and outlet registry. It keeps the acronyms of
    /// its articles for append(); dropped without append(), it removes
    /// its folder. @throws Error io; as the constructor.
    [[nodiscard]] static std::unique_ptr<IndexWriter> part_of(const IndexWriter& whole,
                                                              std::size_t number);
    /// Appends the articles of `parts` (from part_of(*this, ...), none
    /// sharing an id with this index or another part) after this index's
    /// own, in order, as if put() here: numbered after them, spelling and
    /// word links merged, acronyms recorded in article order, and each
    /// appended article's copy group chosen among the articles before it.
    /// Xapian's compaction writes the result into a new folder that
    /// replaces this index's (readers holding the old one keep reading
    /// it); where the folder cannot be replaced (a mount point, a parent
    /// folder not writable), the parts' documents, spelling and synonyms
    /// are copied in instead, which is slower. The parts' folders are
    /// removed; commits. Meant for a new index that no other program
    /// writes: the index is unlocked while its folder is replaced. Not
    /// thread-safe, like every other call.
    /// @throws Error io (the message says where the index is if it could
    /// not be put back in its place).
    void append(std::vector<std::unique_ptr<IndexWriter>> parts);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gazette
