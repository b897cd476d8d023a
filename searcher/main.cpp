// gazette-search: ranked, highlighted search over a gazette index.
#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>

#include <cstdio>
#include <cstdlib>

#include "config.hpp"
#include "gazette/searcher.hpp"
#include "gazette/version.hpp"
#include "text.hpp"

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

void print_text(const gazette::SearchResult& r, const gazette::SearchRequest& req,
                const std::string& asked, bool color) {
    if (!r.suggestion.empty()) fmt::print("did you mean: {}\n", r.suggestion);
    for (const auto& w : r.warnings) fmt::print(stderr, "gazette-search: note: {}\n", w);
    if (r.total == 0) {
        fmt::print("no results for {}\n", asked);
        return;
    }
    const char* bold = color ? "\033[1m" : "";
    const char* off = color ? "\033[0m" : "";
    fmt::print("{} result{} for {}{}\n", r.total, r.total == 1 ? "" : "s", asked,
               r.relaxed ? " (no article has every word; showing those with some)" : "");
    // Say what this page shows when it is not simply the first results.
    if (r.hits.empty() && req.limit == 0)
        fmt::print("none shown (--limit 0)\n");
    else if (r.hits.empty())
        fmt::print("none shown: --offset {} is past the last result ({})\n", req.offset, r.total);
    else if (req.offset > 0 || r.hits.size() < r.total)
        fmt::print("showing {} to {}\n", r.hits.front().rank, r.hits.back().rank);
    fmt::print("\n");
    const bool facets = req.facets;
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

// The article of --show: its fields, then its text with the words marked.
void print_article(const gazette::Hit& a, bool color) {
    const char* bold = color ? "\033[1m" : "";
    const char* off = color ? "\033[0m" : "";
    fmt::print("{}{}{}\n", bold, a.title, off);
    fmt::print("id:       {}\n", a.id);
    if (!a.path.empty()) fmt::print("path:     {}\n", a.path);
    if (!a.url.empty()) fmt::print("url:      {}\n", a.url);
    fmt::print("date:     {}\n", a.date.empty() ? "undated" : a.date);
    fmt::print("outlets:  {}\n",
               a.outlets.empty() ? "none found" : fmt::format("{}", fmt::join(a.outlets, ", ")));
    if (!a.speakers.empty()) fmt::print("speakers: {}\n", fmt::join(a.speakers, ", "));
    if (!a.also_in.empty()) fmt::print("also in:  {}\n", fmt::join(a.also_in, ", "));
    fmt::print("\n{}\n", a.snippet);
}

// A whole number from 0 to `max` given to `flag`; anything else is a usage error.
std::size_t count_option(const char* flag, const std::string& text, std::size_t max) {
    auto n = gazette::text::whole_number(text);
    if (!n || *n > max)
        throw CLI::ValidationError(
            flag, fmt::format("must be a whole number from 0 to {}, not \"{}\"", max, text));
    return static_cast<std::size_t>(*n);
}

// Query words may start with '-' ("nato -russia"): CLI11 would take
// "-russia" for an unknown option. Options (and the values of those that
// take one) stay in front; every query word, in its order, goes after a
// "--".
std::vector<std::string> query_words_last(const CLI::App& app, int argc, char** argv) {
    std::vector<std::string> options, words;
    bool rest = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (rest) {
            words.push_back(a);
        } else if (a == "--") {
            rest = true;
        } else if (a.size() > 2 && a.starts_with("--")) {
            options.push_back(a);
            auto eq = a.find('=');
            const CLI::Option* opt = app.get_option_no_throw(a.substr(0, eq));
            if (opt && eq == std::string::npos && opt->get_expected_min() > 0 && i + 1 < argc)
                options.push_back(argv[++i]);
        } else if (a.size() > 1 && a[0] == '-' && app.get_option_no_throw(a) != nullptr) {
            options.push_back(a);  // a short option (-h)
        } else {
            words.push_back(a);
        }
    }
    std::vector<std::string> out{argv[0]};
    out.insert(out.end(), options.begin(), options.end());
    if (!words.empty()) out.emplace_back("--");
    out.insert(out.end(), words.begin(), words.end());
    return out;
}

// Colour on a terminal unless NO_COLOR is set (--color=auto), or as told.
bool use_color(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "gazette-search: ranked search with highlighted snippets.\n\n"
        "Query syntax: words (articles with all of them first, then those with some; each\n"
        "word also finds its other spellings, word family and aliases), AND OR NOT (not in\n"
        "an all-capitals query), \"phrases\", NEAR, wildcards (nato*),\n"
        "+must -mustnot (gazette-search nato -russia; or after --: gazette-search -- -russia\n"
        "nato), and fields title:WORD, outlet:NAME, speaker:NAME, date:2009, date:2009-03,\n"
        "date:2009-01-01..2009-06-30 (open ends allowed); other NAME: is an error.\n\n"
        "Without --index: $GAZETTE_INDEX (several joined by ':'), else the config file's\n"
        "\"index =\" lines (~/.config/gazette/config), else ./index.\n\n"
        "Exit status: 0 when some article matches, 1 when none does, 2 on errors\n"
        "(usage, bad query, no index, unknown article).",
        "gazette-search"};
    app.set_version_flag("--version", std::string(gazette::version_string));
    std::vector<std::string> indexes;
    std::string sort = "relevance", color_mode = "auto", show;
    std::vector<std::string> words;
    gazette::SearchRequest req;
    bool json = false, reverse = false, explain = false, count_only = false, files = false;
    app.add_option("--index", indexes,
                   "index folder or stub file (default: see above); repeat to search "
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
    std::string limit, offset = "0", snippet_length = std::to_string(req.snippet_length);
    app.add_option("--limit", limit,
                   fmt::format("number of results (default 10; with --files every match, up "
                               "to {}; at most {})",
                               gazette::Limits::max_limit, gazette::Limits::max_limit));
    app.add_option("--offset", offset, "results to skip (paging)")->capture_default_str();
    app.add_option("--snippet-length", snippet_length,
                   fmt::format("snippet characters (0: none; at most {})",
                               gazette::Limits::max_snippet_length))
        ->capture_default_str();
    app.add_flag("--json", json, "print one JSON object (snippets marked with <mark>)");
    app.add_flag("--files", files,
                 "print only the matching articles' file paths (their ids when they have "
                 "none), one per line");
    app.add_flag("--facets", req.facets, "count matches per outlet, speaker and year");
    app.add_option("--like", req.like,
                   "more like this: articles similar to this indexed file (path or id)");
    app.add_option("--show", show,
                   "print this article (id or path) in full, the query's words marked (with "
                   "--json: as JSON, the words in <mark>)")
        ->allow_extra_args(false);
    app.add_flag("--all-copies", req.all_copies,
                 "show every copy of a story (by default near-duplicates show once, "
                 "naming the other outlets)");
    app.add_flag("--count", count_only, "print only the number of matching articles (exact)");
    app.add_flag("--explain", explain, "show the query run and how its words were expanded");
    app.add_option("--color", color_mode, "highlight matches with terminal colours")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    app.add_option("--ranking", req.ranking,
                   "ranking settings for experiments, e.g. k1=1.2,b=0.75,family=0 "
                   "(docs/relevance.md)");
    app.add_option("query", words, "query words");
    try {
        auto args = query_words_last(app, argc, argv);
        std::reverse(args.begin(), args.end());
        args.pop_back();  // the program name
        app.parse(args);
        const bool all = files && limit.empty();
        req.limit =
            all ? gazette::Limits::max_limit
                : count_option("--limit", limit.empty() ? "10" : limit, gazette::Limits::max_limit);
        req.offset = count_option("--offset", offset, gazette::Limits::max_offset);
        req.snippet_length =
            count_option("--snippet-length", snippet_length, gazette::Limits::max_snippet_length);
        if (int modes = json + files + count_only; modes > 1)
            throw CLI::ValidationError("--json, --files and --count go one at a time");
        if (!show.empty() && (files || count_only))
            throw CLI::ValidationError("--show prints one article: not with --files or --count");
    } catch (const CLI::ParseError& e) {
        // --help and --version exit 0; every usage error exits 2.
        if (e.get_exit_code() == 0) return app.exit(e);
        fmt::print(stderr, "gazette-search: {}\nRun with --help for more information.\n", e.what());
        return 2;
    }

    for (const auto& w : words) req.query += (req.query.empty() ? "" : " ") + w;
    req.sort = sort == "date" ? gazette::SortOrder::date : gazette::SortOrder::relevance;
    req.reverse = reverse;
    req.suggest = true;
    if (show.empty() && req.query.empty() && req.like.empty() && req.outlets.empty() &&
        req.speakers.empty() && req.since.empty() && req.until.empty()) {
        fmt::print(stderr, "gazette-search: give a query or a filter (see --help)\n");
        return 2;
    }
    const bool color = !json && use_color(color_mode);
    if (!json) {
        req.highlight_open = color ? "\033[1;31m" : "**";
        req.highlight_close = color ? "\033[0m" : "**";
        req.escape_html = false;
    }
    try {
        if (indexes.empty()) indexes = gazette::config::load().indexes;
        gazette::Searcher searcher(indexes);
        if (!show.empty()) {
            auto article = searcher.article(show, req);
            if (!article) {
                fmt::print(stderr,
                           "gazette-search: no article of the index has the id or path {}\n", show);
                return 2;
            }
            if (json)
                fmt::print("{}\n", gazette::article_to_json(*article));
            else
                print_article(*article, color);
            return 0;
        }
        if (count_only) {
            req.limit = 1;  // Xapian collapses copies only while it keeps hits
            req.snippet_length = 0;
        }
        if (files) req.snippet_length = 0;
        auto result = searcher.search(req);
        if (count_only) {
            fmt::print("{}\n", result.total);
        } else if (files) {
            for (const auto& w : result.warnings)
                fmt::print(stderr, "gazette-search: note: {}\n", w);
            for (const auto& h : result.hits) fmt::print("{}\n", h.path.empty() ? h.id : h.path);
        } else if (json) {
            fmt::print("{}\n", gazette::to_json(result, req.facets));
        } else {
            if (explain) print_explain(result);
            std::string asked = req.query.empty() ? "" : fmt::format("\"{}\"", req.query);
            if (!req.like.empty())
                asked += fmt::format("{}articles like {}", asked.empty() ? "" : " and ", req.like);
            if (asked.empty()) asked = "the filters";
            print_text(result, req, asked, color);
        }
        return result.total > 0 ? 0 : 1;
    } catch (const gazette::Error& e) {
        fmt::print(stderr, "gazette-search: {}\n", e.what());
        return 2;
    } catch (const std::exception& e) {  // a bug: still one line, never a crash
        fmt::print(stderr, "gazette-search: unexpected error (please report it): {}\n", e.what());
        return 2;
    }
}
