// The C API (gazette/gazette.h) over gazette::Searcher: handles own C++
// objects, exceptions become status codes plus a thread-local message.
#include "gazette/gazette.h"

#include <cstring>
#include <new>
#include <string>

#include "errors.hpp"
#include "gazette/searcher.hpp"
#include "gazette/version.hpp"

struct gazette_searcher {
    gazette::Searcher searcher;
};
struct gazette_request {
    gazette::SearchRequest request;
};
struct gazette_result {
    gazette::SearchResult result;
};

namespace {

thread_local std::string last_error;

gazette_status status_of(gazette::ErrorKind kind) {
    return static_cast<gazette_status>(gazette::info(kind).c_status);
}

gazette_status fail(gazette_status s, std::string message) {
    last_error = std::move(message);
    return s;
}

// Runs f, mapping every exception to a status; no exception crosses into C.
template <typename F>
gazette_status guarded(F&& f) {
    try {
        last_error.clear();
        f();
        return GAZETTE_OK;
    } catch (const gazette::Error& e) {
        return fail(status_of(e.kind()), e.what());
    } catch (const std::bad_alloc&) {
        return fail(GAZETTE_INTERNAL, "out of memory");
    } catch (const std::exception& e) {
        return fail(GAZETTE_INTERNAL, e.what());
    } catch (...) {
        return fail(GAZETTE_INTERNAL, "unknown error");
    }
}

gazette_status null_argument(const char* what) {
    return fail(GAZETTE_INVALID_ARGUMENT, std::string(what) + " is NULL");
}

const gazette::Hit* hit_at(const gazette_result* r, size_t i) {
    return r && i < r->result.hits.size() ? &r->result.hits[i] : nullptr;
}

/// `get(hit)` for hit `i`, or `fallback` when there is no such hit.
template <class T, class Get>
T hit_field(const gazette_result* r, size_t i, T fallback, Get get) {
    auto* h = hit_at(r, i);
    return h ? get(*h) : fallback;
}

/// A string field of hit `i`, or NULL.
const char* hit_string(const gazette_result* r, size_t i, std::string gazette::Hit::*field) {
    auto* h = hit_at(r, i);
    return h ? (h->*field).c_str() : nullptr;
}

/// Element `k` of a string list of hit `i`, or NULL.
const char* hit_list_item(const gazette_result* r, size_t i, size_t k,
                          std::vector<std::string> gazette::Hit::*list) {
    auto* h = hit_at(r, i);
    return h && k < (h->*list).size() ? (h->*list)[k].c_str() : nullptr;
}

const std::vector<gazette::FacetValue>* facet_of(const gazette_result* r, const char* facet) {
    if (!r || !facet) return nullptr;
    std::string f(facet);
    if (f == "outlets") return &r->result.facets.outlets;
    if (f == "speakers") return &r->result.facets.speakers;
    if (f == "years") return &r->result.facets.years;
    return nullptr;
}

}  // namespace

extern "C" {

const char* gazette_last_error(void) {
    return last_error.c_str();
}

const char* gazette_status_name(gazette_status status) {
    if (status == GAZETTE_OK) return "ok";
    if (status == GAZETTE_INVALID_ARGUMENT) return "invalid_argument";
    for (const auto& row : gazette::error_kinds)
        if (row.c_status == status) return row.name;
    return "unknown";
}

const char* gazette_version(void) {
    return gazette::version_string;
}

gazette_status gazette_searcher_open(const char* path, gazette_searcher** out) {
    if (!path) return null_argument("path");
    if (!out) return null_argument("out");
    *out = nullptr;
    return guarded([&] { *out = new gazette_searcher{gazette::Searcher(path)}; });
}

gazette_status gazette_searcher_open_shards(const char* const* paths, size_t count,
                                            gazette_searcher** out) {
    if (!paths && count) return null_argument("paths");
    if (!out) return null_argument("out");
    *out = nullptr;
    std::vector<std::string> list;
    for (size_t i = 0; i < count; ++i) {
        if (!paths[i]) return null_argument("a shard path");
        list.emplace_back(paths[i]);
    }
    return guarded([&] { *out = new gazette_searcher{gazette::Searcher(list)}; });
}

gazette_status gazette_searcher_refresh(gazette_searcher* s) {
    if (!s) return null_argument("searcher");
    return guarded([&] { s->searcher.refresh(); });
}

gazette_status gazette_searcher_document_count(gazette_searcher* s, size_t* out) {
    if (!s) return null_argument("searcher");
    if (!out) return null_argument("out");
    return guarded([&] { *out = s->searcher.document_count(); });
}

void gazette_searcher_free(gazette_searcher* s) {
    delete s;
}

gazette_request* gazette_request_new(const char* query) {
    auto* r = new (std::nothrow) gazette_request;
    if (r && query) r->request.query = query;
    return r;
}

void gazette_request_free(gazette_request* r) {
    delete r;
}

gazette_status gazette_request_set_query(gazette_request* r, const char* query) {
    if (!r) return null_argument("request");
    return guarded([&] { r->request.query = query ? query : ""; });
}

gazette_status gazette_request_set_like(gazette_request* r, const char* article) {
    if (!r) return null_argument("request");
    return guarded([&] { r->request.like = article ? article : ""; });
}

gazette_status gazette_request_set_all_copies(gazette_request* r, int all_copies) {
    if (!r) return null_argument("request");
    r->request.all_copies = all_copies != 0;
    return GAZETTE_OK;
}

gazette_status gazette_request_add_outlet(gazette_request* r, const char* outlet) {
    if (!r) return null_argument("request");
    if (!outlet) return null_argument("outlet");
    return guarded([&] { r->request.outlets.emplace_back(outlet); });
}

gazette_status gazette_request_add_speaker(gazette_request* r, const char* speaker) {
    if (!r) return null_argument("request");
    if (!speaker) return null_argument("speaker");
    return guarded([&] { r->request.speakers.emplace_back(speaker); });
}

gazette_status gazette_request_set_dates(gazette_request* r, const char* since, const char* until) {
    if (!r) return null_argument("request");
    return guarded([&] {
        r->request.since = since ? since : "";
        r->request.until = until ? until : "";
    });
}

gazette_status gazette_request_set_sort(gazette_request* r, gazette_sort sort, int reverse) {
    if (!r) return null_argument("request");
    // A C caller may pass any int; in C++ reading an enum holding a value
    // outside its enumerators is undefined, so read the bytes instead.
    int value = 0;
    static_assert(sizeof value == sizeof sort);
    std::memcpy(&value, &sort, sizeof value);
    if (value != GAZETTE_SORT_RELEVANCE && value != GAZETTE_SORT_DATE)
        return fail(GAZETTE_INVALID_ARGUMENT, "sort is neither relevance nor date");
    r->request.sort =
        value == GAZETTE_SORT_DATE ? gazette::SortOrder::date : gazette::SortOrder::relevance;
    r->request.reverse = reverse != 0;
    return GAZETTE_OK;
}

gazette_status gazette_request_set_page(gazette_request* r, size_t offset, size_t limit) {
    if (!r) return null_argument("request");
    r->request.offset = offset;
    r->request.limit = limit;
    return GAZETTE_OK;
}

gazette_status gazette_request_set_snippet(gazette_request* r, size_t length, const char* open,
                                           const char* close, int escape_html) {
    if (!r) return null_argument("request");
    return guarded([&] {
        r->request.snippet_length = length;
        if (open) r->request.highlight_open = open;
        if (close) r->request.highlight_close = close;
        r->request.escape_html = escape_html != 0;
    });
}

gazette_status gazette_request_set_extras(gazette_request* r, int facets, size_t facet_limit,
                                          int suggest) {
    if (!r) return null_argument("request");
    r->request.facets = facets != 0;
    r->request.facet_limit = facet_limit;
    r->request.suggest = suggest != 0;
    return GAZETTE_OK;
}

gazette_status gazette_search(gazette_searcher* s, const gazette_request* r, gazette_result** out) {
    if (!s) return null_argument("searcher");
    if (!r) return null_argument("request");
    if (!out) return null_argument("out");
    *out = nullptr;
    return guarded([&] { *out = new gazette_result{s->searcher.search(r->request)}; });
}

void gazette_result_free(gazette_result* r) {
    delete r;
}

size_t gazette_result_total(const gazette_result* r) {
    return r ? r->result.total : 0;
}
int gazette_result_relaxed(const gazette_result* r) {
    return r && r->result.relaxed ? 1 : 0;
}
const char* gazette_result_suggestion(const gazette_result* r) {
    return r ? r->result.suggestion.c_str() : nullptr;
}
const char* gazette_result_parsed_query(const gazette_result* r) {
    return r ? r->result.parsed_query.c_str() : nullptr;
}
size_t gazette_result_hit_count(const gazette_result* r) {
    return r ? r->result.hits.size() : 0;
}

size_t gazette_hit_rank(const gazette_result* r, size_t i) {
    return hit_field<size_t>(r, i, 0, [](const gazette::Hit& h) { return h.rank; });
}
const char* gazette_hit_path(const gazette_result* r, size_t i) {
    return hit_string(r, i, &gazette::Hit::path);
}
const char* gazette_hit_title(const gazette_result* r, size_t i) {
    return hit_string(r, i, &gazette::Hit::title);
}
const char* gazette_hit_date(const gazette_result* r, size_t i) {
    return hit_string(r, i, &gazette::Hit::date);
}
double gazette_hit_score(const gazette_result* r, size_t i) {
    return hit_field<double>(r, i, 0, [](const gazette::Hit& h) { return h.score; });
}
int gazette_hit_percent(const gazette_result* r, size_t i) {
    return hit_field<int>(r, i, 0, [](const gazette::Hit& h) { return h.percent; });
}
const char* gazette_hit_snippet(const gazette_result* r, size_t i) {
    return hit_string(r, i, &gazette::Hit::snippet);
}
const char* gazette_hit_text(const gazette_result* r, size_t i) {
    return hit_string(r, i, &gazette::Hit::text);
}
size_t gazette_hit_highlight_count(const gazette_result* r, size_t i) {
    return hit_field<size_t>(r, i, 0, [](const gazette::Hit& h) { return h.highlights.size(); });
}
gazette_status gazette_hit_highlight(const gazette_result* r, size_t i, size_t k, size_t* begin,
                                     size_t* length) {
    auto* h = hit_at(r, i);
    if (!h || k >= h->highlights.size())
        return fail(GAZETTE_INVALID_ARGUMENT, "no such hit or highlight");
    if (!begin || !length) return null_argument("begin or length");
    *begin = h->highlights[k].begin;
    *length = h->highlights[k].length;
    return GAZETTE_OK;
}
size_t gazette_hit_outlet_count(const gazette_result* r, size_t i) {
    return hit_field<size_t>(r, i, 0, [](const gazette::Hit& h) { return h.outlets.size(); });
}
const char* gazette_hit_outlet(const gazette_result* r, size_t i, size_t k) {
    return hit_list_item(r, i, k, &gazette::Hit::outlets);
}
size_t gazette_hit_speaker_count(const gazette_result* r, size_t i) {
    return hit_field<size_t>(r, i, 0, [](const gazette::Hit& h) { return h.speakers.size(); });
}
const char* gazette_hit_speaker(const gazette_result* r, size_t i, size_t k) {
    return hit_list_item(r, i, k, &gazette::Hit::speakers);
}
size_t gazette_hit_also_in_count(const gazette_result* r, size_t i) {
    return hit_field<size_t>(r, i, 0, [](const gazette::Hit& h) { return h.also_in.size(); });
}
const char* gazette_hit_also_in(const gazette_result* r, size_t i, size_t k) {
    return hit_list_item(r, i, k, &gazette::Hit::also_in);
}

size_t gazette_result_facet_count(const gazette_result* r, const char* facet) {
    auto* f = facet_of(r, facet);
    return f ? f->size() : 0;
}
const char* gazette_result_facet_value(const gazette_result* r, const char* facet, size_t k) {
    auto* f = facet_of(r, facet);
    return f && k < f->size() ? (*f)[k].value.c_str() : nullptr;
}
size_t gazette_result_facet_hits(const gazette_result* r, const char* facet, size_t k) {
    auto* f = facet_of(r, facet);
    return f && k < f->size() ? (*f)[k].count : 0;
}

}  // extern "C"
