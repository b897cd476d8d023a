// The Searcher facade: a pool of database handles (Xapian::Database is not
// thread-safe), request -> query -> MSet -> plain-value hits.
#include "gazette/searcher.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <future>
#include <mutex>
#include <unordered_map>

#include "copies.hpp"
#include "database.hpp"
#include "errors.hpp"
#include "facets.hpp"
#include "feedback.hpp"
#include "query_builder.hpp"
#include "ranking.hpp"
#include "record.hpp"
#include "schema.hpp"
#include "snippet.hpp"
#include "term_stats.hpp"
#include "text.hpp"
#include "window_source.hpp"

namespace gazette {

namespace {

constexpr int max_attempts = 3;
/// Words an article lends a "more like this" query.
constexpr std::size_t like_terms = 40;

// Opens every path (an index folder or a stub file) as one database. For a
// stub, the schema is checked on its first shard (Xapian reports metadata
// from the first). `remote` (when given) is set if a path reaches a tcp
// remote.
Xapian::Database open_checked(const std::vector<std::string>& paths, bool* remote = nullptr) {
    if (paths.empty()) throw Error(ErrorKind::no_index, "no index given");
    Xapian::Database all;
    for (const auto& path : paths) {
        translate_errors(path, [&] {
            Xapian::Database db = database::open(path, remote);
            schema::check_version(db, path, schema::Access::read);
            all.add_database(db);
        });
    }
    return all;
}

HighlightTerms highlight_terms(const BuiltQuery& q, const Xapian::Database& db) {
    HighlightTerms h;
    double n = std::max<double>(1, db.get_doccount());
    for (const auto& t : q.highlight_terms) {
        double tf = db.get_termfreq(t);
        if (tf == 0) continue;
        double w = std::max(0.1, std::log((n + 1) / tf));
        if (auto c = q.expansions.concepts.find(t); c != q.expansions.concepts.end()) {
            w *= 0.5;  // a stand-in for a query word
            h.concepts[t] = c->second;
        }
        h.stems[t] = w;
    }
    h.prefixes = q.wildcard_prefixes;
    return h;
}

// A hit's fields from a stored record (the body is read only for text).
Hit hit_fields(const std::string& data) {
    auto rec = record::decode_fields(data);
    Hit hit;
    hit.id = std::move(rec.id);
    hit.path = std::move(rec.path);
    hit.url = std::move(rec.url);
    hit.title = std::move(rec.title);
    hit.date = std::move(rec.date);
    hit.outlets = std::move(rec.outlets);
    hit.speakers = std::move(rec.speakers);
    return hit;
}

// The request's query built, its errors naming the query text.
BuiltQuery built_query(const SearchRequest& req, const Xapian::Database& db,
                       const Ranking& ranking) {
    return translate_errors(plain_spaces(req.query), [&] { return build_query(req, db, ranking); });
}

// A score as a percentage of the best hit's, `best` (rounded down, as
// Xapian does; every hit of a search without weights is 100%).
int percent_of(double score, double best) {
    if (best <= 0) return 100;
    return std::clamp(static_cast<int>(100.0 * score / best + 1e-9), score > 0 ? 1 : 0, 100);
}

// `weight`: the hit's score; `collapsed`: how many copies collapsing hid
// behind it; `best`: the best hit's score.
Hit make_hit(const Xapian::Database& db, const Xapian::Document& doc, double weight,
             std::size_t rank, Xapian::doccount collapsed, double best, const SearchRequest& req,
             const HighlightTerms& terms) {
    const std::string data = doc.get_data();
    Hit hit = hit_fields(data);
    hit.rank = rank;
    hit.score = weight;
    hit.percent = percent_of(hit.score, best);
    if (collapsed > 0) add_copies(db, doc, hit);
    if (req.snippet_length > 0) {
        auto snip = make_snippet(record::decode_body(data), terms, req.snippet_length);
        hit.text = std::move(snip.text);
        hit.highlights = std::move(snip.highlights);
        hit.snippet = mark_spans(hit.text, hit.highlights, req.highlight_open, req.highlight_close,
                                 req.escape_html);
    }
    return hit;
}

// Through a remote shard the window pass, and the typed order after the
// window, rank ties by the fingerprint slot (which holds the id) instead
// of the document number: each match of the window then brings its id,
// which rerank() needs to name it (fetching the 100 records took 23 ms
// of a 75 ms query through two xapian-tcpsrv at 100k). Ties fall apart
// by document number elsewhere, which shards number differently anyway.
void remote_window_order(Xapian::Enquire& enquire) {
    enquire.set_sort_by_relevance_then_value(schema::slot::fingerprint, false);
}

// A place of the page: a match, its weight (re-ranked in the window) and
// how many copies collapsing hid behind it.
struct Reranked {
    Xapian::docid did;
    double weight;
    Xapian::doccount collapsed;  // copies collapsing hid behind it
};

// The places [first, first + count) of the window re-ranked, and the best
// hit's weight: the window's matches with `boost`'s weight added to the
// weight the typed words gave each, best first, ties by document number
// (the order and the sums of Xapian's pass over every match with
// OP_AND_MAYBE). Locally a posting source carries the weights into one pass
// over the window, which may skip feedback's words for matches that cannot
// reach the page; a remote shard knows no posting source of ours, so there
// the boost is weighed over the window's articles (named by their id
// terms) and the sums made here. Leaves `enquire` changed.
struct RerankedPage {
    std::vector<Reranked> page;
    double best = 0;
};
RerankedPage rerank(const Xapian::Database& db, Xapian::Enquire& enquire,
                    const Xapian::MSet& window, const Xapian::Query& boost, bool remote,
                    Xapian::doccount first, Xapian::doccount count) {
    RerankedPage out;
    std::vector<Reranked> all;
    for (auto m = window.begin(); m != window.end(); ++m)
        all.push_back({*m, m.get_weight(), m.get_collapse_count()});
    if (window_supported(db, remote)) {
        std::vector<std::pair<Xapian::docid, double>> ranked;
        std::unordered_map<Xapian::docid, Xapian::doccount> copies;
        for (const auto& r : all) {
            ranked.emplace_back(r.did, r.weight);
            copies[r.did] = r.collapsed;
        }
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_AND_MAYBE, window_query(db, std::move(ranked)), boost));
        // (The greatest weight the matcher met is the best hit's, even for
        // a later page.)
        Xapian::MSet mset = count > 0 ? enquire.get_mset(first, count) : enquire.get_mset(0, 1);
        out.best = mset.get_max_attained();
        if (count > 0)
            for (auto m = mset.begin(); m != mset.end(); ++m)
                out.page.push_back({*m, m.get_weight(), copies[*m]});
        return out;
    }
    // The window's ids come with it as sort keys (remote_window_order);
    // a record is fetched only for a match without one.
    std::vector<Xapian::Query> ids;
    for (auto m = window.begin(); m != window.end(); ++m) {
        Fingerprint fp;
        std::string id;
        if (!record::decode_fingerprint(m.get_sort_key(), fp, id))
            id = record::decode_fields(m.get_document().get_data()).id;
        ids.emplace_back(std::string(schema::id_term(id)));
    }
    enquire.set_sort_by_relevance();
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, boost,
                                    Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end())));
    enquire.set_collapse_key(Xapian::BAD_VALUENO);
    Xapian::MSet more = enquire.get_mset(0, window.size());
    std::unordered_map<Xapian::docid, double> extra;
    for (auto m = more.begin(); m != more.end(); ++m) extra[*m] = m.get_weight();
    for (auto& r : all)
        if (auto e = extra.find(r.did); e != extra.end()) r.weight += e->second;
    std::stable_sort(all.begin(), all.end(), [](const Reranked& a, const Reranked& b) {
        return a.weight > b.weight || (a.weight == b.weight && a.did < b.did);
    });
    if (!all.empty()) out.best = all.front().weight;
    for (std::size_t i = first; i < all.size() && i < std::size_t{first} + count; ++i)
        out.page.push_back(all[i]);
    return out;
}

// The exact total and the facets: one unweighted pass over every match
// (whatever the filters and the page size: an estimate with a date filter
// and --limit 1 said "about 1" of 23; unweighted halves the cost of a
// common word's tens of thousands of matches). Copies of one story
// (near-duplicates) show once, naming the others; collapsed, the total
// counts stories, which copies.cpp works out from the copies alone where
// the index marks them (Xapian's collapsed estimate depends on the page
// size). Leaves `enquire` unweighted, its query and spies changed.
Xapian::doccount count_matches(const Xapian::Database& db, Xapian::Enquire& enquire,
                               const Xapian::Query& query, bool collapsed, FacetCounter* facets) {
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_query(query);
    if (facets) facets->attach(enquire);
    Xapian::doccount total = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    enquire.clear_matchspies();
    if (collapsed) total -= collapsed_away(db, enquire, query);
    return total;
}

// `twin`: another handle on the same revision of the same index, for the
// count to run beside the ranked passes (nullptr: one after the other).
SearchResult run(const Xapian::Database& db, const SearchRequest& req, bool remote,
                 TermFrequencyCache* cache, const Xapian::Database* twin) {
    SearchResult result;
    check_request(req);
    const Ranking ranking = parse_ranking(req.ranking);
    result.query = req.query;
    BuiltQuery built = built_query(req, db, ranking);
    Xapian::Enquire enquire(db);
    // Unweighted until the ranked passes: the probe and the counts need no
    // scores, and without them the matcher reads no document lengths, keeps
    // no ranking and stops the probe at its first match.
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // No article has every word: say so (they are ranked by how many anyway).
    if (!built.all_words.empty()) {
        enquire.set_query(built.all_words);
        result.relaxed = enquire.get_mset(0, 1).empty();
    }
    enquire.set_query(built.query);
    if (!req.like.empty()) {
        Xapian::docid did = find_article(db, req.like);
        if (did == 0)
            throw Error(
                ErrorKind::bad_query,
                fmt::format("--like {}: no article of the index has this id or path", req.like));
        Xapian::RSet rset;
        rset.add_document(did);
        Xapian::Query like = expansion_query(db, enquire, rset, like_terms, false);
        if (like.empty())
            throw Error(ErrorKind::bad_query,
                        fmt::format("--like {}: the article has no words to search by", req.like));
        Xapian::Query base = req.query.find_first_not_of(" \t\r\n") == std::string::npos
                                 ? like
                                 : Xapian::Query(Xapian::Query::OP_OR, built.unfiltered, like);
        // Not the article itself, nor its copies.
        Xapian::Document doc = db.get_document(did);
        std::vector<Xapian::Query> same;
        same.emplace_back(std::string(schema::id_term(record::decode_fields(doc.get_data()).id)));
        if (auto group = doc.get_value(schema::slot::copy_group); !group.empty())
            same.emplace_back(schema::copy_group_term(group));
        base = Xapian::Query(Xapian::Query::OP_AND_NOT, base,
                             Xapian::Query(Xapian::Query::OP_OR, same.begin(), same.end()));
        built.query = apply_filters(base, built.filters);
        built.all_words = Xapian::Query();
        enquire.set_query(built.query);
    }
    // The count runs on the twin handle meanwhile, where there is one: it
    // is as long as the ranked passes for a phrase of common words, which
    // checks positions in every article holding the words. The twin builds
    // its own query (Xapian's objects are not shared between threads).
    const bool collapsed = ranking.collapse && !req.all_copies;
    FacetCounter facets;
    std::future<Xapian::doccount> counted;
    if (twin && req.like.empty()) {
        counted = std::async(std::launch::async, [&req, &ranking, &facets, twin, collapsed] {
            const BuiltQuery mine = built_query(req, *twin, ranking);
            Xapian::Enquire counting(*twin);
            return count_matches(*twin, counting, mine.query, collapsed,
                                 req.facets ? &facets : nullptr);
        });
    } else {
        result.total =
            count_matches(db, enquire, built.query, collapsed, req.facets ? &facets : nullptr);
        enquire.set_query(built.query);
    }
    if (collapsed) enquire.set_collapse_key(schema::slot::copy_group);
    // The best hits (for feedback, then the page) from scored passes that
    // may skip what cannot reach them.
    enquire.set_weighting_scheme(*make_weight(ranking));
    // Pseudo-relevance feedback: words the best hits share raise the
    // matches that have them too (re-ranking only: the matches, and so the
    // total, stay those of the words typed).
    const bool feedback =
        ranking.feedback_docs > 0 && ranking.feedback_weight > 0 && !req.query.empty();
    // Feedback re-ranks a window: the best matches by the typed words, as a
    // second ranking phase does (Vespa's rerank-count, Elasticsearch's
    // rescore window). Re-ranking every match cost most of a common word's
    // query: each of tens of thousands of matches looked up in the feedback
    // words' lists, for a page of ten.
    const bool windowed =
        feedback && ranking.feedback_window > 0 && req.sort == SortOrder::relevance;
    const Xapian::Query typed = built.query;
    Xapian::Query boost;  // feedback's words, weighted
    Xapian::MSet window;  // the best matches by the typed words, when windowed
    Xapian::doccount asked = 0;
    if (feedback) {
        const auto docs = static_cast<Xapian::doccount>(ranking.feedback_docs);
        asked = windowed ? std::max(docs, static_cast<Xapian::doccount>(ranking.feedback_window))
                         : docs;
        const bool by_id = windowed && !window_supported(db, remote);
        if (by_id) remote_window_order(enquire);
        Xapian::MSet top = enquire.get_mset(0, asked);
        if (by_id) enquire.set_sort_by_relevance();
        std::vector<Xapian::docid> best;
        for (auto m = top.begin(); m != top.end() && best.size() < docs; ++m) best.push_back(*m);
        Xapian::Query more =
            feedback_query(db, built.query, best, ranking.feedback_terms, remote, cache);
        if (!more.empty()) {
            boost = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, more, ranking.feedback_weight);
            built.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, built.query, boost);
            enquire.set_query(built.query);
            if (windowed) window = std::move(top);
        }
    }
    result.parsed_query = built.query.get_description();
    result.warnings = built.warnings;
    result.expansions = built.expansions.notes;

    Xapian::doccount first = static_cast<Xapian::doccount>(req.offset);
    Xapian::doccount count = static_cast<Xapian::doccount>(req.limit);
    bool reverse_relevance = false;
    if (req.sort == SortOrder::date) {
        // Values sort bytewise; undated articles (no value) come out oldest.
        enquire.set_sort_by_value_then_relevance(schema::slot::date, !req.reverse);
    } else if (req.reverse) {
        // Worst first: read the page from the end of the (counted) results.
        reverse_relevance = true;
        if (counted.valid()) result.total = counted.get();
        Xapian::doccount total = static_cast<Xapian::doccount>(result.total);
        Xapian::doccount end = total > first ? total - first : 0;
        first = end > count ? end - count : 0;
        count = end - first;
    }
    if (req.suggest)
        result.suggestion = translate_errors(req.query, [&] { return suggest_spelling(req, db); });
    HighlightTerms terms = highlight_terms(built, db);
    // The page's places: document, score, copies hidden behind it.
    std::vector<Reranked> page;
    double best = 0;
    if (window.empty()) {
        // The page alone: the total is known, so the matcher may skip what
        // cannot reach it. (The greatest weight the matcher met is the best
        // hit's, even on a later page.)
        Xapian::MSet mset = enquire.get_mset(first, count);
        best = mset.get_max_attained();
        for (auto m = mset.begin(); m != mset.end(); ++m)
            page.push_back({*m, m.get_weight(), m.get_collapse_count()});
    } else {
        // The page's places in the window, re-ranked; the best hit is the
        // window's best.
        const Xapian::doccount size = window.size();
        auto ranked = rerank(db, enquire, window, boost, remote, first,
                             first < size ? std::min(count, size - first) : 0);
        page = std::move(ranked.page);
        best = ranked.best;
        // Places after a full window: the typed words' order.
        if (size == asked && first + count > size) {
            const Xapian::doccount from = std::max(first, size);
            enquire.set_query(typed);
            if (collapsed) enquire.set_collapse_key(schema::slot::copy_group);
            if (!window_supported(db, remote)) remote_window_order(enquire);
            Xapian::MSet tail = enquire.get_mset(from, first + count - from);
            for (auto m = tail.begin(); m != tail.end(); ++m)
                page.push_back({*m, m.get_weight(), m.get_collapse_count()});
        }
    }
    if (counted.valid()) result.total = counted.get();
    // The hits: records read, copies named, snippets made. With a twin
    // handle (its count done) the second half is made on it meanwhile.
    result.hits.resize(page.size());
    auto make = [&](const Xapian::Database& on, std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i)
            result.hits[i] = make_hit(on, on.get_document(page[i].did), page[i].weight,
                                      req.offset + i + 1, page[i].collapsed, best, req, terms);
    };
    const std::size_t half = twin && page.size() >= 4 ? page.size() / 2 : page.size();
    std::future<void> other;
    if (half < page.size())
        other = std::async(std::launch::async, [&, half] { make(*twin, half, page.size()); });
    make(db, 0, half);
    if (other.valid()) other.get();
    if (req.facets) result.facets = facets.result(req.facet_limit);
    if (reverse_relevance) {
        std::reverse(result.hits.begin(), result.hits.end());
        std::size_t rank = req.offset;
        for (auto& h : result.hits) h.rank = ++rank;
    }
    return result;
}

std::optional<Hit> read_article(const Xapian::Database& db, const std::string& id_or_path,
                                const SearchRequest& marks) {
    check_request(marks);
    Xapian::docid did = find_article(db, id_or_path);
    if (did == 0) return std::nullopt;
    Xapian::Document doc = db.get_document(did);
    const std::string data = doc.get_data();
    Hit hit = hit_fields(data);
    add_copies(db, doc, hit);
    hit.text = record::decode_body(data);
    if (!marks.query.empty()) {
        hit.highlights = highlight_spans(
            hit.text, highlight_terms(built_query(marks, db, parse_ranking(marks.ranking)), db));
    }
    hit.snippet = mark_spans(hit.text, hit.highlights, marks.highlight_open, marks.highlight_close,
                             marks.escape_html);
    return hit;
}

}  // namespace

std::string mark_spans(const std::string& text, const std::vector<Span>& spans,
                       const std::string& open, const std::string& close, bool escape_html) {
    std::string out;
    out.reserve(text.size() + spans.size() * (open.size() + close.size()) + 16);
    auto append = [&](std::string_view s) {
        if (escape_html)
            text::append_html_escaped(out, s);
        else
            out.append(s);
    };
    std::size_t pos = 0;
    std::string_view all(text);
    for (const auto& span : spans) {
        if (span.begin < pos || span.begin + span.length > text.size()) continue;
        append(all.substr(pos, span.begin - pos));
        out += open;
        append(all.substr(span.begin, span.length));
        out += close;
        pos = span.begin + span.length;
    }
    append(all.substr(pos));
    return out;
}

struct Searcher::Impl {
    std::vector<std::string> paths;
    std::string path;                // the paths joined, for messages
    bool remote = false;             // a stub reaches a tcp remote
    TermFrequencyCache frequencies;  // feedback's words, between searches
    std::mutex mutex;
    std::vector<Xapian::Database> idle;  // handles not in use
    unsigned generation = 0;             // bumped by refresh()
    std::vector<unsigned> idle_generation;

    // A handle borrowed for one search, returned to the pool afterwards.
    struct Lease {
        Impl& impl;
        Xapian::Database db;
        unsigned generation;
        Lease(Impl& owner, Xapian::Database handle, unsigned revision_generation)
            : impl(owner), db(std::move(handle)), generation(revision_generation) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() {
            std::lock_guard lock(impl.mutex);
            impl.idle.push_back(std::move(db));
            impl.idle_generation.push_back(generation);
        }
    };

    Lease borrow() {
        std::unique_lock lock(mutex);
        unsigned current = generation;
        if (!idle.empty()) {
            Xapian::Database db = std::move(idle.back());
            unsigned gen = idle_generation.back();
            idle.pop_back();
            idle_generation.pop_back();
            lock.unlock();
            if (gen != current) translate_errors(path, [&] { db.reopen(); });
            return Lease{*this, std::move(db), current};
        }
        lock.unlock();
        return Lease{*this, open_checked(paths), current};
    }

    // A second handle on `db`'s revision, for a search's count to run
    // beside its ranked passes; none for several databases or a remote
    // (their revision cannot be asked) or when the index moved on between.
    // (A Lease is never copied: its handle would go back to the pool twice.)
    std::unique_ptr<Lease> borrow_twin(const Xapian::Database& db) {
        if (remote || db.size() != 1) return nullptr;
        std::unique_ptr<Lease> twin(new Lease(borrow()));
        if (twin->db.get_revision() != db.get_revision()) {
            translate_errors(path, [&] { twin->db.reopen(); });
            if (twin->db.get_revision() != db.get_revision()) return nullptr;
        }
        return twin;
    }

    template <typename F>
    auto with_database(F&& f) {
        for (int attempt = 1;; ++attempt) {
            auto lease = borrow();
            try {
                return f(lease.db);
            } catch (const Xapian::DatabaseModifiedError&) {
                // A writer committed twice while we read: reopen and retry.
                if (attempt == max_attempts)
                    throw Error(ErrorKind::io,
                                fmt::format("index {} keeps changing during the search; "
                                            "try again",
                                            path));
                translate_errors(path, [&] { lease.db.reopen(); });
            } catch (...) {
                rethrow_as_gazette_error(path);
            }
        }
    }
};

Searcher::Searcher(const std::string& path) : Searcher(std::vector<std::string>{path}) {}

Searcher::Searcher(const std::vector<std::string>& paths) : impl_(std::make_unique<Impl>()) {
    impl_->paths = paths;
    for (const auto& p : paths) impl_->path += (impl_->path.empty() ? "" : ", ") + p;
    // Open once now so a bad path fails here, not at the first search.
    impl_->idle.push_back(open_checked(paths, &impl_->remote));
    impl_->idle_generation.push_back(0);
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::search(const SearchRequest& request) const {
    const bool remote = impl_->remote;
    return impl_->with_database([&](const Xapian::Database& db) {
        auto twin = impl_->borrow_twin(db);
        return run(db, request, remote, &impl_->frequencies, twin ? &twin->db : nullptr);
    });
}

std::optional<Hit> Searcher::article(const std::string& id_or_path,
                                     const SearchRequest& marks) const {
    return impl_->with_database(
        [&](const Xapian::Database& db) { return read_article(db, id_or_path, marks); });
}

void Searcher::refresh() {
    std::lock_guard lock(impl_->mutex);
    ++impl_->generation;
}

std::size_t Searcher::document_count() const {
    return impl_->with_database(
        [](const Xapian::Database& db) -> std::size_t { return db.get_doccount(); });
}

const std::vector<std::string>& Searcher::paths() const noexcept {
    return impl_->paths;
}

}  // namespace gazette
