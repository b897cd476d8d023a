/**
 * @file gazette.h
 * gazette's C API: search a gazette index from C or through an FFI
 * (Python ctypes, Rust, Go). A thin layer over gazette::Searcher.
 *
 * Conventions:
 *  - Handles are opaque. Every handle a function creates is freed by the
 *    matching *_free function; *_free(NULL) does nothing.
 *  - Functions that can fail return a gazette_status; GAZETTE_OK (0) is
 *    success. On failure, gazette_last_error() gives a one-line message for
 *    the calling thread, valid until that thread's next gazette call.
 *  - Strings are UTF-8 and NUL-terminated. Strings returned by getters are
 *    owned by the handle they come from and stay valid until it is freed.
 *  - Thread-safety: a gazette_searcher may be used by many threads at once;
 *    requests and results belong to one thread at a time.
 *
 * @code
 *   gazette_searcher* s;
 *   if (gazette_searcher_open("index", &s) != GAZETTE_OK) {
 *       fprintf(stderr, "%s\n", gazette_last_error());
 *       return 1;
 *   }
 *   gazette_request* r = gazette_request_new("CFE treaty suspension");
 *   gazette_result* res;
 *   if (gazette_search(s, r, &res) == GAZETTE_OK) {
 *       for (size_t i = 0; i < gazette_result_hit_count(res); ++i)
 *           printf("%zu. %s\n", i + 1, gazette_hit_title(res, i));
 *       gazette_result_free(res);
 *   }
 *   gazette_request_free(r);
 *   gazette_searcher_free(s);
 * @endcode
 */
#ifndef GAZETTE_GAZETTE_H
#define GAZETTE_GAZETTE_H

#include <stddef.h>

/** Marks the C API as exported from the shared library. */
#if defined(_WIN32)
#define GAZETTE_C_API
#else
#define GAZETTE_C_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Outcome of a call; the kinds match gazette::ErrorKind. */
typedef enum gazette_status {
    GAZETTE_OK = 0,
    GAZETTE_NO_INDEX = 1,        /**< no gazette index at the path */
    GAZETTE_LOCKED = 2,          /**< another process is writing the index */
    GAZETTE_CORRUPT = 3,         /**< the index cannot be read */
    GAZETTE_SCHEMA_MISMATCH = 4, /**< the index has another schema version */
    GAZETTE_BAD_QUERY = 5,       /**< query text or a filter value is invalid */
    GAZETTE_INVALID_INPUT = 6,   /**< an input file is unusable */
    GAZETTE_IO = 7,              /**< reading or writing failed */
    GAZETTE_INTERNAL = 8,        /**< anything else (a bug) */
    GAZETTE_INVALID_ARGUMENT = 9 /**< a NULL handle or out-of-range argument */
} gazette_status;

/** Result order for gazette_request_set_sort(). */
typedef enum gazette_sort { GAZETTE_SORT_RELEVANCE = 0, GAZETTE_SORT_DATE = 1 } gazette_sort;

typedef struct gazette_searcher gazette_searcher; /**< an open index */
typedef struct gazette_request gazette_request;   /**< what to search for */
typedef struct gazette_result gazette_result;     /**< the answer to one request */

/** The message of the calling thread's last failed call ("" if none). */
GAZETTE_C_API const char* gazette_last_error(void);
/** A short name for a status ("ok", "no_index", "bad_query", ...). */
GAZETTE_C_API const char* gazette_status_name(gazette_status status);
/** gazette's version, "major.minor.patch". */
GAZETTE_C_API const char* gazette_version(void);

/** Opens the index (folder or stub file) at `path` into `*out`. */
GAZETTE_C_API gazette_status gazette_searcher_open(const char* path, gazette_searcher** out);
/** Opens `count` indexes searched as one. */
GAZETTE_C_API gazette_status gazette_searcher_open_shards(const char* const* paths, size_t count,
                                                          gazette_searcher** out);
/** Makes later searches see the latest committed index. */
GAZETTE_C_API gazette_status gazette_searcher_refresh(gazette_searcher* searcher);
/** Number of articles, into `*out`. */
GAZETTE_C_API gazette_status gazette_searcher_document_count(gazette_searcher* searcher,
                                                             size_t* out);
/** Closes the searcher. */
GAZETTE_C_API void gazette_searcher_free(gazette_searcher* searcher);

/** A new request for `query` (may be NULL or ""); NULL when out of memory.
 *  Defaults: 10 hits by relevance, 200-character snippets, "<mark>" markers. */
GAZETTE_C_API gazette_request* gazette_request_new(const char* query);
/** Frees a request (NULL: nothing). */
GAZETTE_C_API void gazette_request_free(gazette_request* request);
/** Replaces the query text (NULL means ""). */
GAZETTE_C_API gazette_status gazette_request_set_query(gazette_request* request, const char* query);
/** Keeps hits crediting this outlet (repeat for any of several). */
GAZETTE_C_API gazette_status gazette_request_add_outlet(gazette_request* request,
                                                        const char* outlet);
/** Keeps hits quoting this speaker (repeat for any of several). */
GAZETTE_C_API gazette_status gazette_request_add_speaker(gazette_request* request,
                                                         const char* speaker);
/** Date bounds, YYYY[-MM[-DD]]; NULL or "" for none. */
GAZETTE_C_API gazette_status gazette_request_set_dates(gazette_request* request, const char* since,
                                                       const char* until);
/** Sort order; `reverse` non-zero for oldest or weakest first. */
GAZETTE_C_API gazette_status gazette_request_set_sort(gazette_request* request, gazette_sort sort,
                                                      int reverse);
/** Paging: skip `offset` hits, return at most `limit`. */
GAZETTE_C_API gazette_status gazette_request_set_page(gazette_request* request, size_t offset,
                                                      size_t limit);
/** Snippet length in characters (0: none) and highlight markers (NULL: keep;
 *  "" for none); `escape_html` non-zero to HTML-escape snippet text. */
GAZETTE_C_API gazette_status gazette_request_set_snippet(gazette_request* request, size_t length,
                                                         const char* open, const char* close,
                                                         int escape_html);
/** Non-zero to count facets (`facet_limit` values each) and to suggest spellings. */
GAZETTE_C_API gazette_status gazette_request_set_extras(gazette_request* request, int facets,
                                                        size_t facet_limit, int suggest);

/** More like this: an indexed article's id or file path (NULL or "": off);
 *  its telling words become the query (OR-ed with the query text). */
GAZETTE_C_API gazette_status gazette_request_set_like(gazette_request* request,
                                                      const char* article);
/** Non-zero to show every copy of a story (default: near-duplicates show
 *  once, gazette_hit_also_in naming the other outlets). */
GAZETTE_C_API gazette_status gazette_request_set_all_copies(gazette_request* request,
                                                            int all_copies);

/** Runs `request`; on success `*out` holds a result to free. */
GAZETTE_C_API gazette_status gazette_search(gazette_searcher* searcher,
                                            const gazette_request* request, gazette_result** out);
/** Frees a result and every string read from it (NULL: nothing). */
GAZETTE_C_API void gazette_result_free(gazette_result* result);

/** Number of matching articles (exact, filters included). */
GAZETTE_C_API size_t gazette_result_total(const gazette_result* result);
/** Non-zero when no article had every word and any-word matches were returned. */
GAZETTE_C_API int gazette_result_relaxed(const gazette_result* result);
/** Respelled query, or "" (request extras). */
GAZETTE_C_API const char* gazette_result_suggestion(const gazette_result* result);
/** Xapian's description of the query run, for debugging. */
GAZETTE_C_API const char* gazette_result_parsed_query(const gazette_result* result);
/** Number of hits returned (at most the request's limit). */
GAZETTE_C_API size_t gazette_result_hit_count(const gazette_result* result);

/* Hit getters: `i` in [0, hit_count); out-of-range gives NULL / 0. */
/** 1-based rank, counting from offset 0. */
GAZETTE_C_API size_t gazette_hit_rank(const gazette_result* result, size_t i);
/** Absolute path of the article file. */
GAZETTE_C_API const char* gazette_hit_path(const gazette_result* result, size_t i);
/** Headline. */
GAZETTE_C_API const char* gazette_hit_title(const gazette_result* result, size_t i);
/** YYYY-MM-DD, or "" when unknown. */
GAZETTE_C_API const char* gazette_hit_date(const gazette_result* result, size_t i);
/** Relevance weight (BM25). */
GAZETTE_C_API double gazette_hit_score(const gazette_result* result, size_t i);
/** Score as a percentage of the best hit. */
GAZETTE_C_API int gazette_hit_percent(const gazette_result* result, size_t i);
/** Snippet with the request's markers applied. */
GAZETTE_C_API const char* gazette_hit_snippet(const gazette_result* result, size_t i);
/** Plain snippet text, to style with the highlight spans yourself. */
GAZETTE_C_API const char* gazette_hit_text(const gazette_result* result, size_t i);
/** Number of highlighted words in gazette_hit_text(). */
GAZETTE_C_API size_t gazette_hit_highlight_count(const gazette_result* result, size_t i);
/** Byte offset and length of highlight `k` within gazette_hit_text(). */
GAZETTE_C_API gazette_status gazette_hit_highlight(const gazette_result* result, size_t i, size_t k,
                                                   size_t* begin, size_t* length);
/** Number of outlets credited by the article. */
GAZETTE_C_API size_t gazette_hit_outlet_count(const gazette_result* result, size_t i);
/** Outlet `k` (canonical name), or NULL. */
GAZETTE_C_API const char* gazette_hit_outlet(const gazette_result* result, size_t i, size_t k);
/** Number of speakers quoted in the article. */
GAZETTE_C_API size_t gazette_hit_speaker_count(const gazette_result* result, size_t i);
/** Speaker `k` (full name), or NULL. */
GAZETTE_C_API const char* gazette_hit_speaker(const gazette_result* result, size_t i, size_t k);
/** Number of other outlets carrying copies collapsed into this hit. */
GAZETTE_C_API size_t gazette_hit_also_in_count(const gazette_result* result, size_t i);
/** Other outlet `k` carrying a copy of the story, or NULL. */
GAZETTE_C_API const char* gazette_hit_also_in(const gazette_result* result, size_t i, size_t k);

/** Facets: `facet` is "outlets", "speakers" or "years"; 0 / NULL otherwise. */
GAZETTE_C_API size_t gazette_result_facet_count(const gazette_result* result, const char* facet);
/** Value `k` of a facet (most frequent first), or NULL. */
GAZETTE_C_API const char* gazette_result_facet_value(const gazette_result* result,
                                                     const char* facet, size_t k);
/** Number of matching articles having value `k` of a facet. */
GAZETTE_C_API size_t gazette_result_facet_hits(const gazette_result* result, const char* facet,
                                               size_t k);

#ifdef __cplusplus
}
#endif

#endif /* GAZETTE_GAZETTE_H */
