/// @file indexer.hpp
/// Turning article files into a gazette index: metadata extraction
/// (title, date, outlets, speakers, cleaned body), an outlet registry,
/// collection manifests, and the index writer.
///
/// Errors: functions throw gazette::Error (error.hpp). A bad article file
/// is reported in its FileOutcome and skipped; it never stops a run or
/// loses what was already indexed.
///
/// Thread-safety: an Extractor is immutable after construction and may be
/// shared between threads; an IndexWriter is for one thread at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gazette/error.hpp"
#include "gazette/export.hpp"

namespace gazette {

/// Why a field has the value it has, for `--explain`.
struct Evidence {
    std::string field;  ///< "title", "date", "outlet", "speaker"
    std::string value;  ///< the value this evidence produced
    std::string rule;   ///< which rule fired, e.g. "dateline agency"
    int line = 0;       ///< 1-based line of the file (0: not from the text)
    std::string text;   ///< the line or phrase it came from
};

/// What the indexer knows about one article.
struct Article {
    std::string title;                  ///< headline
    std::string date;                   ///< YYYY-MM-DD, empty when unknown
    std::vector<std::string> outlets;   ///< canonical outlet names
    std::vector<std::string> speakers;  ///< full names
    std::string body;                   ///< text without site chrome; paragraphs split by "\n\n"
    std::vector<Evidence> evidence;     ///< the rule and line behind each field
};

/// Day/month order of an outlet's numeric dates.
enum class DateOrder { unknown, day_first, month_first };

/// One known outlet.
struct Outlet {
    std::string name;                           ///< canonical name, e.g. "Agence France-Presse"
    std::vector<std::string> aliases;           ///< other names, e.g. "AFP"
    std::vector<std::string> patterns;          ///< regular expressions (ECMAScript) identifying it
    DateOrder date_order = DateOrder::unknown;  ///< for ambiguous numeric dates
    bool agency = false;                        ///< a news agency ("told AFP" credits it)
};

/// The outlets gazette can recognise: the built-in list (indexer/data/
/// outlets.json, compiled in) plus any user files in the same format.
class GAZETTE_API OutletRegistry {
  public:
    /// The built-in registry.
    OutletRegistry();
    ~OutletRegistry();
    OutletRegistry(const OutletRegistry&);             ///< deep copy
    OutletRegistry& operator=(const OutletRegistry&);  ///< deep copy

    /// Adds (or, for a known canonical name, replaces) the outlets in a JSON
    /// file: [{"name", "aliases", "patterns", "date_order": "day-first" |
    /// "month-first", "agency"}]. @throws Error invalid_input naming the file.
    void load_file(const std::string& path);
    /// Adds the outlets of a JSON text (format as load_file); `origin` names
    /// it in errors.
    void load_json(const std::string& json, const std::string& origin);

    /// The outlet whose name or alias equals `name` (case-insensitive, words
    /// normalised), or nullptr.
    [[nodiscard]] const Outlet* find(const std::string& name) const;
    /// Every outlet named (by name, alias, or pattern) in `text`, in order of
    /// first appearance.
    [[nodiscard]] std::vector<const Outlet*> find_in(const std::string& text) const;
    /// Every known outlet, built-in first.
    [[nodiscard]] const std::vector<Outlet>& outlets() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Facts about an article given from outside its text (a manifest line);
/// they win over extraction.
struct ArticleOverrides {
    std::string url;                   ///< the article's address (outlets are read from it)
    std::string title;                 ///< headline
    std::string date;                  ///< YYYY-MM-DD
    std::vector<std::string> outlets;  ///< outlet names (canonicalised by the registry)
};

/// A collection manifest: JSON lines {"file", and any of "url", "outlet"
/// (string or list), "date", "title"}, file names relative to the manifest.
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

/// Extracts an Article from the raw text of a file.
class GAZETTE_API Extractor {
  public:
    /// An extractor recognising the outlets of `registry`.
    explicit Extractor(OutletRegistry registry = OutletRegistry());
    /// Extracts every field; `overrides` (may be null) win over the text.
    [[nodiscard]] Article extract(const std::string& text,
                                  const ArticleOverrides* overrides = nullptr) const;
    /// The outlets it recognises.
    [[nodiscard]] const OutletRegistry& registry() const { return registry_; }

  private:
    OutletRegistry registry_;
};

/// Writes articles into an index (created if missing). Documents are
/// committed every `batch_size` articles and on commit()/destruction.
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

    /// Adds or replaces the article stored for absolute path `path`.
    void add(const std::string& path, const Article& article);
    /// Makes everything added so far durable and visible to searchers.
    void commit();
    /// Number of documents in the index (committed or not).
    [[nodiscard]] std::size_t document_count() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// What happened to one input file.
struct FileOutcome {
    std::string path;    ///< absolute path
    bool ok = false;     ///< extracted (and, unless dry run, indexed)
    std::string reason;  ///< why it was skipped, when !ok
    Article article;     ///< what was extracted, when ok
};

/// Options for index_files().
struct IndexOptions {
    std::string index_path = "index";         ///< index folder to create or update
    bool dry_run = false;                     ///< extract only; write nothing
    std::size_t batch_size = 500;             ///< commit every N articles
    std::vector<std::string> registry_files;  ///< extra outlet registries
    std::vector<std::string>
        manifest_files;  ///< extra manifests (manifest.jsonl in input folders is read anyway)
};

/// Totals of one run.
struct IndexSummary {
    std::size_t indexed = 0;    ///< files extracted (and indexed unless dry run)
    std::size_t skipped = 0;    ///< files reported and skipped
    std::size_t documents = 0;  ///< documents in the index afterwards
    double seconds = 0;         ///< wall-clock time of the run
};

/// Indexes (or with dry_run, only extracts) every .txt file under `inputs`
/// (files or folders, walked recursively in name order). `on_file` is called
/// for each file as it is done. @throws Error for problems with the index,
/// registry or manifest, or a missing input path.
GAZETTE_API IndexSummary index_files(const std::vector<std::string>& inputs,
                                     const IndexOptions& options,
                                     const std::function<void(const FileOutcome&)>& on_file);

}  // namespace gazette
