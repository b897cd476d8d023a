/// @file source.hpp
/// Where articles come from. A Source lists items cheaply (id, path, size,
/// mtime), reads one when the index does not already hold that version, and
/// says which ids it speaks for, so documents whose sources are gone can be
/// removed. FolderSource reads a folder of text files; HTML and JSONL
/// sources plug in the same way.
///
/// Errors: list() and read() report bad items in their results and throw
/// gazette::Error only when the source as a whole is unusable (io).
/// Thread-safety: a Source is for one thread at a time, except that read()
/// of different items may run concurrently when concurrent_reads() says so
/// (index_sources' workers).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "gazette/document.hpp"
#include "gazette/export.hpp"
#include "gazette/extractor.hpp"
#include "gazette/manifest.hpp"

namespace gazette {

/// One article a source offers, before it is read.
struct SourceItem {
    std::string id;           ///< unique id in the index
    std::string path;         ///< absolute path of the file holding it
    Fingerprint fingerprint;  ///< size and mtime when listed; read() adds the content hash
    std::string skipped;      ///< non-empty: why it cannot be indexed (found when listing)
};

/// How an item's text is written.
enum class TextFormat {
    text,  ///< page text, maybe with site chrome (.txt)
    html,  ///< an HTML page (.html, .htm)
};

/// What reading an item gives.
struct SourceText {
    std::string text;                      ///< article text, converted to UTF-8
    TextFormat format = TextFormat::text;  ///< how `text` is written
    std::string skipped;   ///< non-empty: why the item is not an article (text is empty)
    std::string encoding;  ///< what the bytes were ("UTF-8", "UTF-16LE", "WINDOWS-1252", ...)
    std::string note;      ///< non-empty: something the user should know (e.g. truncated)
};

/// A collection of articles.
class GAZETTE_API Source {
  public:
    virtual ~Source() = default;
    /// Every item, in id order, without reading contents.
    [[nodiscard]] virtual std::vector<SourceItem> list() = 0;
    /// Reads one listed item and sets item.fingerprint.content_hash.
    [[nodiscard]] virtual SourceText read(SourceItem& item) = 0;
    /// Facts about `item` given from outside its text (may be null).
    [[nodiscard]] virtual const ArticleOverrides* overrides(const SourceItem& item) const = 0;
    /// Id prefixes this source speaks for: a document whose id starts with
    /// one of them and that list() did not return has lost its source.
    [[nodiscard]] virtual std::vector<std::string> scopes() const = 0;
    /// What the source is, for messages ("folder /data/corpus").
    [[nodiscard]] virtual std::string description() const = 0;
    /// True when read() may be called from several threads at once (for
    /// different items, after list()); otherwise index_sources calls it
    /// from one thread at a time.
    [[nodiscard]] virtual bool concurrent_reads() const { return false; }
};

/// How a FolderSource treats symbolic links.
enum class LinkPolicy {
    inside,  ///< follow links whose target lies inside one of the allowed roots; report others
    follow,  ///< follow every link (folders once each: cycles are cut)
};

/// The article files (.txt page text, .html and .htm pages, and .jsonl /
/// .ndjson exports with an article per line) under a folder, or one file.
/// A JSONL line's id is the file's id, '#', and the record's "id" or
/// "url" (its line number when it has neither or repeats one); its fields
/// (title, date, url, outlet) win over extraction; a bad line is reported
/// with its number and the others indexed. Ids are the
/// root's label followed by the path relative to the root
/// ("corpus/2009/a.txt"). manifest.jsonl in the root is read.
///
/// Text is decoded (byte-order marks, UTF-16/32, legacy single-byte
/// encodings via uchardet) to UTF-8; a file larger than max_article_bytes
/// contributes its first max_article_bytes (cut at a line end), with a
/// note. Listing reports, as skipped items named by their path: links
/// that dangle or lead outside the allowed roots (LinkPolicy::inside),
/// FIFOs, sockets and devices, and folders that cannot be read.
class GAZETTE_API FolderSource : public Source {
  public:
    /// Articles under `folder` (absolute or relative), which lies in (or
    /// is) the root folder `root` labelled `label`. With `only_file` set,
    /// only that file (a path under `folder`) is offered and nothing is
    /// pruned. `manifest` (may be null) adds overrides and must outlive the
    /// source. @throws Error io when `folder` cannot be read.
    /// `allowed` lists the folders links may lead into besides `root`.
    FolderSource(std::string root, std::string label, std::string folder,
                 const Manifest* manifest = nullptr, std::string only_file = {},
                 LinkPolicy links = LinkPolicy::inside, std::vector<std::string> allowed = {});
    ~FolderSource() override;

    [[nodiscard]] std::vector<SourceItem> list() override;
    /// Reads of different items are independent (files opened per read).
    [[nodiscard]] bool concurrent_reads() const override { return true; }
    [[nodiscard]] SourceText read(SourceItem& item) override;
    [[nodiscard]] const ArticleOverrides* overrides(const SourceItem& item) const override;
    [[nodiscard]] std::vector<std::string> scopes() const override;
    [[nodiscard]] std::string description() const override;

    /// Most bytes of one file read as an article: the rest of a longer
    /// file is not indexed (and the item carries a note saying so).
    static constexpr std::uintmax_t max_article_bytes = 8 * 1024 * 1024;

  private:
    std::string root_, label_, folder_, only_file_;
    const Manifest* manifest_;
    LinkPolicy links_;
    std::vector<std::string> allowed_;
    std::set<std::string> linked_;  // ids of items reached through a link
    struct JsonlEntry {
        std::uint64_t offset = 0, length = 0;  // the line in its file
        std::size_t line = 0;
        ArticleOverrides overrides;  // the record's own fields
        std::string note;
    };
    std::map<std::string, JsonlEntry> jsonl_;  // items that are JSONL lines, by id
};

}  // namespace gazette
