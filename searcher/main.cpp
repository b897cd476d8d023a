// gazette-search: ranked, highlighted search over a gazette index.
#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <charconv>

#include <cstdio>
#include <cstdlib>

#include "gazette/searcher.hpp"
#include "gazette/version.hpp"

namespace {

void print_facet(const char* name, const std::vector<gazette::FacetValue>& values) {
    if (values.empty()) return;
    fmt::print("{:<9}", name);
    for (const auto& v : values) fmt::print(" {} ({})", v.value, v.count);
    fmt::print("\n");
}

// --explain: what ran, and how the words were widened.
void print_explain(const gazette::SearchResult& r) {
    fmt::print("query run: {}\n", r.parsed_query);
    if (r.expansions.empty()) fmt::print("expanded: nothing\n");
    for (const auto& e : r.expansions) fmt::print("expanded: {}\n", e);
    fmt::print("\n");
}

void print_text(const gazette::SearchResult& r, const std::string& asked, bool color, bool facets) {
    if (!r.suggestion.empty()) fmt::print("did you mean: {}\n", r.suggestion);
    for (const auto& w : r.warnings) fmt::print(stderr, "gazette-search: note: {}\n", w);
    if (r.hits.empty()) {
        fmt::print("no results for {}\n", asked);
        return;
    }
    const char* bold = color ? "\033[1m" : "";
    const char* off = color ? "\033[0m" : "";
    fmt::print("{} result{} for {}{}\n\n", r.total, r.total == 1 ? "" : "s", asked,
               r.relaxed ? " (no article has every word; showing those with some)" : "");
    if (facets) {
        print_facet("outlets:", r.facets.outlets);
        print_facet("speakers:", r.facets.speakers);
        print_facet("years:", r.facets.years);
        fmt::print("\n");
    }
    for (const auto& h : r.hits) {
        fmt::print("{}. {}{}{}\n", h.rank, bold, h.title, off);
        fmt::print("   {} | {} | {}% | {}\n", h.date.empty() ? "undated" : h.date,
                   h.outlets.empty() ? "no outlet" : fmt::format("{}", fmt::join(h.outlets, ", ")),
                   h.percent, h.path);
        if (!h.also_in.empty()) fmt::print("   also in: {}\n", fmt::join(h.also_in, ", "));
        if (!h.snippet.empty()) fmt::print("   {}\n", h.snippet);
        fmt::print("\n");
    }
}

// A whole number from 0 to `max` given to `flag`; anything else is a usage error.
std::size_t count_option(const char* flag, const std::string& text, std::size_t max) {
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n > max)
        throw CLI::ValidationError(
            flag, fmt::format("must be a whole number from 0 to {}, not \"{}\"", max, text));
    return n;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "gazette-search: ranked search with highlighted snippets.\n"
        "Query syntax: words (articles with all of them first, then those with some; each\n"
        "word also finds its other spellings, word family and aliases), AND OR NOT (not in\n"
        "an all-capitals query), \"phrases\", NEAR, wildcards (nato*),\n"
        "+must -mustnot, and fields title:WORD, outlet:NAME, speaker:NAME,\n"
        "date:2009, date:2009-03, date:2009-01-01..2009-06-30 (open ends allowed).\n"
        "A query starting with -word goes after --: gazette-search -- -russia nato."};
    app.set_version_flag("--version", std::string(gazette::version_string));
    std::vector<std::string> indexes;
    std::string sort = "relevance";
    std::vector<std::string> words;
    gazette::SearchRequest req;
    bool json = false, reverse = false, explain = false, count_only = false;
    app.add_option("--index", indexes,
                   "index folder or stub file (default: index); repeat to search "
                   "several shards as one")
        ->allow_extra_args(false);
    app.add_option("--outlet", req.outlets,
                   "only articles credited to this outlet (any word of "
                   "its name, case-insensitive); repeatable")
        ->allow_extra_args(false);
    app.add_option("--speaker", req.speakers, "only articles quoting this speaker; repeatable")
        ->allow_extra_args(false);
    app.add_option("--since", req.since, "published on or after YYYY[-MM[-DD]]");
    app.add_option("--until", req.until, "published on or before YYYY[-MM[-DD]]");
    app.add_option("--sort", sort, "relevance or date (newest first)")
        ->check(CLI::IsMember({"relevance", "date"}))
        ->capture_default_str();
    app.add_flag("--reverse", reverse, "reverse the order (date: oldest first)");
    // Numbers are read as text and checked here: CLI11 would wrap -1 and
    // truncate 4294967296.
    std::string limit = std::to_string(req.limit), offset = "0",
                snippet_length = std::to_string(req.snippet_length);
    app.add_option("--limit", limit,
                   fmt::format("number of results (at most {})", gazette::Limits::max_limit))
        ->capture_default_str();
    app.add_option("--offset", offset, "results to skip (paging)")->capture_default_str();
    app.add_option("--snippet-length", snippet_length,
                   fmt::format("snippet characters (0: none; at most {})",
                               gazette::Limits::max_snippet_length))
        ->capture_default_str();
    app.add_flag("--json", json, "print one JSON object (snippets marked with <mark>)");
    app.add_flag("--facets", req.facets, "count matches per outlet, speaker and year");
    app.add_option("--like", req.like,
                   "more like this: articles similar to this indexed file (path or id)");
    app.add_flag("--all-copies", req.all_copies,
                 "show every copy of a story (by default near-duplicates show once, "
                 "naming the other outlets)");
    app.add_flag("--count", count_only, "print only the number of matching articles (exact)");
    app.add_flag("--explain", explain, "show the query run and how its words were expanded");
    app.add_option("--ranking", req.ranking,
                   "ranking settings for experiments, e.g. k1=1.2,b=0.75,family=0 "
                   "(docs/relevance.md)");
    app.add_option("query", words, "query words");
    try {
        app.parse(argc, argv);
        req.limit = count_option("--limit", limit, gazette::Limits::max_limit);
        req.offset = count_option("--offset", offset, gazette::Limits::max_offset);
        req.snippet_length =
            count_option("--snippet-length", snippet_length, gazette::Limits::max_snippet_length);
    } catch (const CLI::ParseError& e) {
        // --help and --version exit 0; every usage error exits 2.
        if (e.get_exit_code() == 0) return app.exit(e);
        std::string hint;
        for (const auto& a : app.remaining())
            if (a.size() > 1 && a[0] == '-' && a[1] != '-') {
                hint = fmt::format(
                    "\n(To exclude a word, put the query after --: gazette-search -- nato {})", a);
                break;
            }
        fmt::print(stderr, "gazette-search: {}{}\nRun with --help for more information.\n",
                   e.what(), hint);
        return 2;
    }

    for (const auto& w : words) req.query += (req.query.empty() ? "" : " ") + w;
    req.sort = sort == "date" ? gazette::SortOrder::date : gazette::SortOrder::relevance;
    req.reverse = reverse;
    req.suggest = true;
    if (req.query.empty() && req.like.empty() && req.outlets.empty() && req.speakers.empty() &&
        req.since.empty() && req.until.empty()) {
        fmt::print(stderr, "gazette-search: give a query or a filter (see --help)\n");
        return 2;
    }
    bool color = false;
    if (!json) {
        color = isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
        req.highlight_open = color ? "\033[1m" : "**";
        req.highlight_close = color ? "\033[0m" : "**";
        req.escape_html = false;
    }
    try {
        if (indexes.empty()) indexes.emplace_back("index");
        gazette::Searcher searcher(indexes);
        if (count_only) {
            req.limit = 1;  // Xapian collapses copies only while it keeps hits
            req.snippet_length = 0;
        }
        auto result = searcher.search(req);
        if (count_only)
            fmt::print("{}\n", result.total);
        else if (json)
            fmt::print("{}\n", gazette::to_json(result, req.facets));
        else {
            if (explain) print_explain(result);
            std::string asked = req.query.empty() ? "" : fmt::format("\"{}\"", req.query);
            if (!req.like.empty())
                asked += fmt::format("{}articles like {}", asked.empty() ? "" : " and ", req.like);
            if (asked.empty()) asked = "the filters";
            print_text(result, asked, color, req.facets);
        }
        return 0;
    } catch (const gazette::Error& e) {
        fmt::print(stderr, "gazette-search: {}\n", e.what());
        return 2;
    } catch (const std::exception& e) {  // a bug: still one line, never a crash
        fmt::print(stderr, "gazette-search: unexpected error (please report it): {}\n", e.what());
        return 2;
    }
}
