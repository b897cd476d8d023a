// gazette-search: ranked, highlighted search over a gazette index.
#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

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

void print_text(const gazette::SearchResult& r, bool color, bool facets) {
    if (!r.suggestion.empty()) fmt::print("did you mean: {}\n", r.suggestion);
    if (r.hits.empty()) {
        fmt::print("no results for \"{}\"\n", r.query);
        return;
    }
    const char* bold = color ? "\033[1m" : "";
    const char* off = color ? "\033[0m" : "";
    fmt::print("about {} result{} for \"{}\"{}\n\n", r.total, r.total == 1 ? "" : "s", r.query,
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
        if (!h.snippet.empty()) fmt::print("   {}\n", h.snippet);
        fmt::print("\n");
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "gazette-search: ranked search with highlighted snippets.\n"
        "Query syntax: words (all must match), AND OR NOT, \"phrases\", NEAR, wildcards (nato*),\n"
        "+must -mustnot, and fields title:WORD, outlet:NAME, speaker:NAME,\n"
        "date:2009, date:2009-03, date:2009-01-01..2009-06-30 (open ends allowed)."};
    app.set_version_flag("--version", std::string(gazette::version_string));
    std::vector<std::string> indexes;
    std::string sort = "relevance";
    std::vector<std::string> words;
    gazette::SearchRequest req;
    bool json = false, reverse = false;
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
    app.add_option("--limit", req.limit, "number of results")->capture_default_str();
    app.add_option("--offset", req.offset, "results to skip (paging)")->capture_default_str();
    app.add_option("--snippet-length", req.snippet_length, "snippet characters (0: none)")
        ->capture_default_str();
    app.add_flag("--json", json, "print one JSON object (snippets marked with <mark>)");
    app.add_flag("--facets", req.facets, "count matches per outlet, speaker and year");
    app.add_option("query", words, "query words");
    CLI11_PARSE(app, argc, argv);

    for (const auto& w : words) req.query += (req.query.empty() ? "" : " ") + w;
    req.sort = sort == "date" ? gazette::SortOrder::date : gazette::SortOrder::relevance;
    req.reverse = reverse;
    req.suggest = true;
    if (req.query.empty() && req.outlets.empty() && req.speakers.empty() && req.since.empty() &&
        req.until.empty()) {
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
        auto result = searcher.search(req);
        if (json)
            fmt::print("{}\n", gazette::to_json(result, req.facets));
        else
            print_text(result, color, req.facets);
        return 0;
    } catch (const gazette::Error& e) {
        fmt::print(stderr, "gazette-search: {}\n", e.what());
        return 2;
    }
}
