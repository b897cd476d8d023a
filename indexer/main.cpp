// gazette-index: bring an index in step with folders of articles.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "config.hpp"
#include "crash_journal.hpp"
#include "gazette/indexer.hpp"
#include "gazette/version.hpp"
#include "progress.hpp"
#include "record.hpp"

namespace {

nlohmann::json item_json(const gazette::ItemOutcome& o, bool dry_run, bool explain) {
    nlohmann::json j;
    if (o.change == gazette::Change::added || o.change == gazette::Change::updated ||
        o.change == gazette::Change::extracted) {
        j = gazette::record::to_json(o.article, false);
    } else {
        gazette::record::put_name(j, "id", o.id);
        gazette::record::put_name(j, "path", o.path);
    }
    if (!dry_run) j["change"] = gazette::to_string(o.change);
    if (o.change == gazette::Change::skipped) j["skipped"] = o.reason;
    if (!o.note.empty()) j["note"] = o.note;
    if (!o.encoding.empty() && o.encoding != "UTF-8") j["encoding"] = o.encoding;
    if (explain && o.ok()) {
        auto& ev = j["evidence"] = nlohmann::json::array();
        for (const auto& e : o.article.evidence)
            ev.push_back({{"field", e.field},
                          {"value", e.value},
                          {"rule", e.rule},
                          {"line", e.line},
                          {"text", e.text}});
    }
    return j;
}

nlohmann::json summary_json(const gazette::IndexSummary& s, bool dry_run) {
    nlohmann::json j;
    if (dry_run) {
        j["extracted"] = s.extracted;
    } else {
        j["added"] = s.added;
        j["updated"] = s.updated;
        j["unchanged"] = s.unchanged;
        j["removed"] = s.removed;
        j["documents"] = s.documents;
        j["moved_roots"] = s.moved_roots;
    }
    j["skipped"] = s.skipped;
    j["seconds"] = s.seconds;
    return {{"summary", j}};
}

void print_text(const gazette::ItemOutcome& o, bool explain) {
    if (!o.ok()) return;
    const auto& a = o.article;
    fmt::print("{}\n  title:    {}\n  date:     {}\n  outlets:  {}\n  speakers: {}\n", o.path,
               a.title, a.date.empty() ? "(unknown)" : a.date, fmt::join(a.outlets, "; "),
               fmt::join(a.speakers, "; "));
    if (explain)
        for (const auto& e : a.evidence)
            fmt::print("    {}: {} <- {}{}{}\n", e.field, e.value, e.rule,
                       e.line ? fmt::format(", line {}", e.line) : std::string(),
                       e.text.empty() ? std::string() : fmt::format(" '{}'", e.text));
}

std::string plural(std::size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// " (N articles/s)" when articles were indexed.
std::string rate(const gazette::IndexSummary& s) {
    auto n = s.added + s.updated;
    if (n == 0 || s.seconds <= 0) return "";
    return fmt::format(" ({:.0f} articles/s)", static_cast<double>(n) / s.seconds);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "gazette-index: bring an index in step with folders of article files (.txt page text,\n"
        ".html/.htm pages, .jsonl/.ndjson exports with an article per line): new files\n"
        "are extracted (title, date, outlets, speakers) and added, changed ones replaced,\n"
        "unchanged ones skipped without being read, and documents whose files are gone\n"
        "removed. A file's id is its path inside the folder given (with the folder's name),\n"
        "so a moved collection is recognised, not indexed twice.\n\n"
        "Without --index: $GAZETTE_INDEX, else the config file's \"index =\" line\n"
        "(~/.config/gazette/config), else ./index; without folders, the config file's\n"
        "\"corpus =\" lines, else ./corpus.\n\n"
        "Exit status: 0 when the run completed (files skipped for a problem are named on\n"
        "stderr and counted in the summary), 2 on errors (usage, index, config file).",
        "gazette-index"};
    app.set_version_flag("--version", std::string(gazette::version_string));
    std::string index;
    std::vector<std::string> inputs;
    bool dry_run = false, json = false, explain = false, quiet = false, no_prune = false;
    gazette::IndexOptions options;
    app.add_option("--index", index, "index folder to create or update (default: see above)");
    app.add_flag("--dry-run", dry_run, "extract and print the fields; write nothing");
    app.add_flag("--json", json,
                 "one JSON object per file (with --dry-run: its fields), then {\"summary\": ...}");
    app.add_flag("--explain", explain, "with --dry-run: say which rule and line gave each field");
    app.add_flag("--no-prune", no_prune,
                 "keep documents whose files are gone from the folders given");
    app.add_option("--outlets", options.registry_files,
                   "extra outlet registry (JSON, see indexer/data/README.md); repeatable")
        ->allow_extra_args(false);
    app.add_option("--manifest", options.manifest_files,
                   "collection manifest (JSON lines); manifest.jsonl in input folders is read "
                   "anyway; repeatable")
        ->allow_extra_args(false);
    app.add_option("--synonyms", options.synonym_files,
                   "synonyms file: one group per line, comma-separated (\"UN, United "
                   "Nations\"); repeatable")
        ->check(CLI::ExistingFile);
    app.add_flag("--follow-links", options.follow_links,
                 "follow symbolic links that lead outside the folders given (by default they "
                 "are reported and skipped)");
    app.add_option("--batch", options.batch_size, "commit every N changes")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("-j,--jobs", options.jobs,
                   "threads reading and extracting articles while one writes (0: one per core)")
        ->capture_default_str();
    app.add_option("--writers", options.writers,
                   "threads writing a new index, each a part joined at the end (0: one per job, "
                   "at most 4)")
        ->capture_default_str();
    app.add_flag("-q,--quiet", quiet, "print only problems (and no progress line)");
    app.add_option("paths", inputs, "article folders or files (default: see above)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version exit 0; every usage error exits 2.
        if (e.get_exit_code() == 0) return app.exit(e);
        fmt::print(stderr, "gazette-index: {}\nRun with --help for more information.\n", e.what());
        return 2;
    }
    try {
        if (index.empty() || inputs.empty()) {
            auto defaults = gazette::config::load();
            if (inputs.empty()) inputs = defaults.corpus;
            if (index.empty() && defaults.indexes.size() > 1)
                throw gazette::Error(gazette::ErrorKind::invalid_input,
                                     "several indexes are configured (shards): give --index");
            if (index.empty()) index = defaults.indexes.front();
        }
    } catch (const gazette::Error& e) {
        fmt::print(stderr, "gazette-index: {}\n", e.what());
        return 2;
    }
    options.index_path = index;
    options.dry_run = dry_run;
    options.prune = !no_prune;

    try {
        // On a terminal, a progress line on stderr (not with --quiet, --json or
        // --dry-run).
        gazette::cli::Progress progress(stderr, !quiet && !json && !dry_run);
        options.on_listed = [&](std::size_t total) { progress.set_total(total); };
        auto on_item = [&](const gazette::ItemOutcome& o) {
            if (o.change == gazette::Change::skipped || !o.note.empty()) progress.clear();
            if (o.change != gazette::Change::removed) progress.step();
            if (json)
                fmt::print("{}\n", gazette::record::dump(item_json(o, dry_run, explain)));
            else if (dry_run)
                print_text(o, explain);
            if (o.change == gazette::Change::skipped)
                fmt::print(stderr, "gazette-index: skipped {}: {}\n", o.path, o.reason);
            else if (!o.note.empty())
                fmt::print(stderr, "gazette-index: {}: {}\n", o.path, o.note);
        };
        std::unique_ptr<gazette::cli::CrashJournal> journal;
        if (!dry_run) {
            journal = std::make_unique<gazette::cli::CrashJournal>(index);
            options.before_item = [&](const gazette::SourceItem& item) {
                return journal->begin(item);
            };
            options.after_item = [&](const gazette::SourceItem&) { journal->end(); };
        }
        auto summary = gazette::index_files(inputs, options, on_item);
        progress.clear();
        if (json) {
            fmt::print("{}\n", gazette::record::dump(summary_json(summary, dry_run)));
        } else if (!quiet) {
            for (const auto& m : summary.moved_roots)
                fmt::print("collection moved: {} (documents re-pointed, not re-indexed)\n", m);
            if (dry_run)
                fmt::print("dry run: {} extracted, {} skipped in {:.2f} s; nothing written\n",
                           plural(summary.extracted, "file"), summary.skipped, summary.seconds);
            else
                fmt::print(
                    "{} added, {} updated, {} unchanged, {} removed, {} skipped in {:.2f} s{}; "
                    "{} holds {}\n",
                    summary.added, summary.updated, summary.unchanged, summary.removed,
                    summary.skipped, summary.seconds, rate(summary), index,
                    plural(summary.documents, "document"));
        }
        return 0;
    } catch (const gazette::Error& e) {
        fmt::print(stderr, "gazette-index: {}\n", e.what());
        return 2;
    } catch (const std::exception& e) {  // a bug: still one line, never a crash
        fmt::print(stderr, "gazette-index: unexpected error (please report it): {}\n", e.what());
        return 2;
    }
}
