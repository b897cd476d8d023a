/// @file searcher.hpp
/// The embeddable gazette searcher: open an index, run a request, read
/// plain-value results.
///
/// @code
///   gazette::Searcher searcher("index");
///   gazette::SearchRequest request;
///   request.query = "CFE treaty suspension";
///   request.outlets = {"expatica"};
///   for (const auto& hit : searcher.search(request).hits)
///       std::cout << hit.rank << ' ' << hit.title << '\n' << hit.snippet << '\n';
/// @endcode
///
/// Errors: every function throws gazette::Error (see error.hpp) and nothing
/// else. Results are plain values that own their strings; they stay valid
/// after the Searcher is gone.
///
/// Thread-safety: one Searcher may be used from any number of threads at
/// once (search(), refresh(), document_count() are all safe to call
/// concurrently); each search borrows its own database handle from an
/// internal pool. On a single local index a search borrows a second handle
/// and counts its matches on a thread of its own while it ranks them; the
/// thread ends before search() returns. Moving or destroying a Searcher
/// while another thread uses it is not allowed.
///
/// Memory: besides its database handles (two per search running at once),
/// a Searcher keeps the article counts of the words feedback looked up, for
/// the index revision last searched: at most 262,144 words, about 16 MB.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gazette/error.hpp"
#include "gazette/export.hpp"

namespace gazette {

/// Result order.
enum class SortOrder {
    relevance,  ///< best match first
    date,       ///< by publication date (newest first unless `reverse`); undated last
};

/// Everything one search asks for. Default-constructed: first ten hits by
/// relevance, 200-character snippets marked with "<mark>...</mark>".
struct SearchRequest {
    /// Query text: words, AND/OR/NOT, "phrases", NEAR, wildcards (nato*),
    /// +must/-mustnot, and fields title:, outlet:, speaker:, date:. Plain
    /// words: articles with any of them match, those with all of them
    /// (or their other spellings, word family and aliases) rank first;
    /// stop words ("the", "of") are dropped outside phrases. A query
    /// without lower-case letters and of four words or more has no
    /// operators ("NATO AND RUSSIA AT ODDS" is a pasted headline; "NOT
    /// NATO" stays boolean).
    /// Empty text with filters matches every document the filters allow.
    std::string query;
    /// Keep hits crediting any of these outlets (any word or phrase of a
    /// name, case-insensitive). Several values: any of them.
    std::vector<std::string> outlets;
    /// Keep hits quoting any of these speakers (as for outlets).
    std::vector<std::string> speakers;
    /// Keep hits published on or after this date: YYYY, YYYY-MM or YYYY-MM-DD
    /// (a partial date means its first day). Empty: no lower bound.
    std::string since;
    /// Keep hits published on or before this date (a partial date means its
    /// last day). Empty: no upper bound.
    std::string until;
    /// Result order.
    SortOrder sort = SortOrder::relevance;
    /// Reverse the sort: oldest first for date, worst first for relevance.
    bool reverse = false;
    std::size_t offset = 0;  ///< number of hits to skip
    std::size_t limit = 10;  ///< maximum number of hits returned
    /// Approximate snippet length in characters; 0 = no snippets (fastest).
    std::size_t snippet_length = 200;
    /// Marker put before each highlighted word in Hit::snippet ("" for none).
    std::string highlight_open = "<mark>";
    /// Marker put after each highlighted word.
    std::string highlight_close = "</mark>";
    /// HTML-escape the snippet text between markers (right for the default
    /// "<mark>" markers; turn off for terminal or plain-text markers).
    bool escape_html = true;
    /// Count all matching articles per outlet, speaker and year
    /// (SearchResult::facets). Costs a pass over every match.
    bool facets = false;
    /// Most values returned per facet (the most frequent first).
    std::size_t facet_limit = 10;
    /// Suggest a respelled query when some words are not in the index
    /// (SearchResult::suggestion).
    bool suggest = false;
    /// More like this: an indexed article's id or file path. Its most
    /// telling words (relevance-set expansion) become the query, OR-ed with
    /// `query` when that is given too; the article and its copies are left
    /// out. An unknown article is a bad_query error.
    std::string like;
    /// Show every copy of a story. By default near-duplicates (one wire
    /// story on several sites, a republished article) show once, as their
    /// best-ranked copy, with Hit::also_in naming the other outlets; totals
    /// then count stories, not copies (facets still count articles).
    bool all_copies = false;
    /// Ranking settings for experiments, "key=value,..." over the tuned
    /// defaults (docs/relevance.md lists the keys: scheme, k1, b, all_words,
    /// family, variant, alias, stop_words, caps_words, collapse); "" for the
    /// defaults. A bad setting is a bad_query error.
    std::string ranking;
};

/// How many matching articles have one value of a facet.
struct FacetValue {
    std::string value;      ///< outlet or speaker name, or a year "2009"
    std::size_t count = 0;  ///< matching articles with this value
    bool operator==(const FacetValue&) const = default;  ///< memberwise
};

/// Counts over all matching articles (not only the returned page), most
/// frequent first, ties by value.
struct Facets {
    std::vector<FacetValue> outlets;                 ///< by canonical outlet name
    std::vector<FacetValue> speakers;                ///< by speaker's full name
    std::vector<FacetValue> years;                   ///< by publication year (dated articles)
    bool operator==(const Facets&) const = default;  ///< memberwise
};

/// A highlighted stretch of Hit::text: [begin, begin + length) in bytes.
struct Span {
    std::size_t begin = 0;                         ///< byte offset of the first byte
    std::size_t length = 0;                        ///< length in bytes
    bool operator==(const Span&) const = default;  ///< memberwise
};

/// One matching article.
struct Hit {
    std::size_t rank = 0;              ///< 1-based, counting from offset 0
    std::string id;                    ///< document id (Document::id)
    std::string path;                  ///< absolute path of the article file, when it came from one
    std::string url;                   ///< the article's address, when known
    std::string title;                 ///< headline
    std::string date;                  ///< YYYY-MM-DD, or empty when unknown
    std::vector<std::string> outlets;  ///< canonical names
    std::vector<std::string> speakers;  ///< full names
    /// Outlets carrying copies of this story that were collapsed into this
    /// hit (not those already in `outlets`); empty with all_copies.
    std::vector<std::string> also_in;
    std::size_t copies = 0;                       ///< other copies of this story in the index
    double score = 0;                             ///< relevance weight (BM25)
    int percent = 0;                              ///< score as a percentage of the best hit
    std::string text;                             ///< plain snippet text (UTF-8)
    std::vector<Span> highlights;                 ///< matched words within `text`
    std::string snippet;                          ///< `text` with the request's markers applied
    bool operator==(const Hit&) const = default;  ///< memberwise
};

/// Limits on one request; Searcher::search throws Error (bad_query) for a
/// request beyond them rather than working on it for seconds or
/// truncating numbers. Queries are text a person types or pastes (a
/// paragraph fits; a page does not: use SearchRequest::like for that).
struct Limits {
    static constexpr std::size_t max_query_bytes = 4096;       ///< query text, in bytes
    static constexpr std::size_t max_query_words = 512;        ///< words in the query text
    static constexpr std::size_t max_limit = 10'000;           ///< hits per page
    static constexpr std::size_t max_offset = 100'000'000;     ///< hits skipped
    static constexpr std::size_t max_snippet_length = 10'000;  ///< snippet characters
    static constexpr std::size_t max_facet_limit = 10'000;     ///< values per facet
    static constexpr std::size_t max_filters = 64;  ///< outlet and speaker filters together
    /// Words a wildcard ("nato*") stands for at most: the most frequent are
    /// searched, and SearchResult::warnings says when a pattern had more.
    static constexpr std::size_t max_wildcard_words = 200;
};

/// The answer to one request.
struct SearchResult {
    std::string query;         ///< the query text as given
    std::string parsed_query;  ///< Xapian's description of the query run (debugging)
    std::size_t total = 0;     ///< number of matching documents (exact, filters included)
    /// True when no article has every plain word of the query (or its
    /// spellings, family or aliases): all hits have only some of them.
    bool relaxed = false;
    std::vector<Hit> hits;  ///< at most request.limit hits
    Facets facets;          ///< filled when request.facets
    /// A respelled query ("nato sumit" -> "nato summit") when request.suggest
    /// and some words are not in the index; else empty.
    std::string suggestion;
    /// Things the user should know about how the query was run, e.g. a
    /// wildcard that stood for more words than Limits::max_wildcard_words.
    std::vector<std::string> warnings;
    /// How query words were widened: "defenc -> defens (spelling)",
    /// "suspens -> suspend (word family)", "cfe -> \"conventional forces in
    /// europe\" (alias)" (stems, as the index holds them).
    std::vector<std::string> expansions;
    bool operator==(const SearchResult&) const = default;  ///< memberwise
};

/// Applies markers to `text` around each span (spans sorted, not overlapping),
/// HTML-escaping the text when `escape_html` is set.
GAZETTE_API std::string mark_spans(const std::string& text, const std::vector<Span>& spans,
                                   const std::string& open, const std::string& close,
                                   bool escape_html);

/// The JSON text of a result: {"query", "total", "relaxed", "suggestion",
/// "hits": [{"rank", "id", "path", "url", "title", "date", "outlets",
/// "speakers", "score", "percent", "snippet"}]} plus "facets": {"outlets",
/// "speakers", "years": [{"value", "count"}]} when `with_facets`. A hit's
/// document fields have the names of every other gazette JSON (gazette-index
/// --json, the stored record). One line, invalid UTF-8 replaced.
GAZETTE_API std::string to_json(const SearchResult& result, bool with_facets);

/// An article read by Searcher::article as one JSON object: the fields of
/// a hit in to_json (id, path, url, title, date, outlets, speakers, also_in,
/// copies) and "text", its whole body with the words marked as asked.
GAZETTE_API std::string article_to_json(const Hit& article);

/// A read-only view of one gazette index, or of several searched as one.
class GAZETTE_API Searcher {
  public:
    /// Opens the index in folder `path`, or the shards listed in a Xapian
    /// stub file at `path` (one per line: a local index path, or
    /// "remote HOST:PORT" for an index served by xapian-tcpsrv). For a stub
    /// file the schema version is checked on its first shard.
    /// @throws Error no_index (missing or not an index), schema_mismatch,
    ///         corrupt, io.
    explicit Searcher(const std::string& path);
    /// Opens several indexes (shards) and searches them as one. Each must
    /// carry gazette's schema version. @throws as above; no_index for an
    /// empty list.
    explicit Searcher(const std::vector<std::string>& paths);
    ~Searcher();
    Searcher(Searcher&&) noexcept;             ///< takes over the open handles
    Searcher& operator=(Searcher&&) noexcept;  ///< takes over the open handles
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// Runs one request. @throws Error bad_query for unparsable query text or
    /// filter values (the message names the text), corrupt or io otherwise.
    [[nodiscard]] SearchResult search(const SearchRequest& request) const;

    /// One article in full, for reading it: its fields as in a hit, `text`
    /// its whole body, `highlights` the words of `marks.query` in it (with
    /// their spellings, relatives and aliases, as a search matches them) and
    /// `snippet` the body with `marks`' markers (`highlight_open`,
    /// `highlight_close`, `escape_html`); `rank`, `score` and `percent` are
    /// 0. `id_or_path` is a document id ("corpus/004.txt") or the path of an
    /// indexed file. Empty when no article has it. @throws Error bad_query
    /// for unparsable `marks.query`, corrupt or io otherwise.
    [[nodiscard]] std::optional<Hit> article(const std::string& id_or_path,
                                             const SearchRequest& marks = {}) const;

    /// Makes later searches see the latest committed state of the index
    /// (after a re-index). Until then a Searcher reads the state it opened,
    /// except that a search finding that state gone (a writer committed
    /// twice meanwhile: Xapian's DatabaseModifiedError) reopens and retries
    /// by itself, up to three times.
    void refresh();

    /// Number of articles in the index.
    [[nodiscard]] std::size_t document_count() const;

    /// The paths this Searcher was opened on.
    [[nodiscard]] const std::vector<std::string>& paths() const noexcept;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gazette
