// gazette-index: build or update an index from a folder of articles.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "gazette/indexer.hpp"
#include "gazette/version.hpp"

namespace {

nlohmann::json to_json(const gazette::FileOutcome& f, bool explain) {
    nlohmann::json j;
    j["path"] = f.path;
    if (!f.ok) {
        j["skipped"] = f.reason;
        return j;
    }
    const auto& a = f.article;
    j["title"] = a.title;
    j["date"] = a.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.date);
    j["outlets"] = a.outlets;
    j["speakers"] = a.speakers;
    if (explain) {
        auto& ev = j["evidence"] = nlohmann::json::array();
        for (const auto& e : a.evidence)
            ev.push_back({{"field", e.field},
                          {"value", e.value},
                          {"rule", e.rule},
                          {"line", e.line},
                          {"text", e.text}});
    }
    return j;
}

void print_text(const gazette::FileOutcome& f, bool explain) {
    if (!f.ok) return;
    const auto& a = f.article;
    fmt::print("{}\n  title:    {}\n  date:     {}\n  outlets:  {}\n  speakers: {}\n", f.path,
               a.title, a.date.empty() ? "(unknown)" : a.date, fmt::join(a.outlets, "; "),
               fmt::join(a.speakers, "; "));
    if (explain)
        for (const auto& e : a.evidence)
            fmt::print("    {}: {} <- {}{}{}\n", e.field, e.value, e.rule,
                       e.line ? fmt::format(", line {}", e.line) : std::string(),
                       e.text.empty() ? std::string() : fmt::format(" '{}'", e.text));
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "gazette-index: extract title, date, outlets and speakers from article files (.txt) and\n"
        "write them into a gazette index. Re-indexing a file replaces its document."};
    app.set_version_flag("--version", std::string(gazette::version_string));
    std::string index = "index";
    std::vector<std::string> inputs;
    bool dry_run = false, json = false, explain = false, quiet = false;
    gazette::IndexOptions options;
    app.add_option("--index", index, "index folder to create or update")->capture_default_str();
    app.add_flag("--dry-run", dry_run, "extract and print the fields; write nothing");
    app.add_flag("--json", json, "with --dry-run: one JSON object per file");
    app.add_flag("--explain", explain, "with --dry-run: say which rule and line gave each field");
    app.add_option("--outlets", options.registry_files,
                   "extra outlet registry (JSON, see indexer/data/README.md); repeatable")
        ->allow_extra_args(false);
    app.add_option("--manifest", options.manifest_files,
                   "collection manifest (JSON lines); manifest.jsonl in input folders is read "
                   "anyway; repeatable")
        ->allow_extra_args(false);
    app.add_option("--batch", options.batch_size, "commit every N articles")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_flag("-q,--quiet", quiet, "print only problems");
    app.add_option("paths", inputs, "article files or folders (default: corpus)");
    CLI11_PARSE(app, argc, argv);
    if (inputs.empty()) inputs.push_back("corpus");
    options.index_path = index;
    options.dry_run = dry_run;

    try {
        auto on_file = [&](const gazette::FileOutcome& f) {
            if (dry_run && json) {
                fmt::print("{}\n",
                           to_json(f, explain)
                               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            } else if (dry_run) {
                print_text(f, explain);
            }
            if (!f.ok) fmt::print(stderr, "gazette-index: skipped {}: {}\n", f.path, f.reason);
        };
        auto summary = gazette::index_files(inputs, options, on_file);
        if (!quiet && !(dry_run && json)) {
            auto plural = [](std::size_t n, const char* word) {
                return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
            };
            if (dry_run)
                fmt::print("dry run: {} extracted, {} skipped in {:.2f} s; nothing written\n",
                           plural(summary.indexed, "file"), summary.skipped, summary.seconds);
            else
                fmt::print("indexed {}, skipped {} in {:.2f} s; {} holds {}\n",
                           plural(summary.indexed, "file"), summary.skipped, summary.seconds, index,
                           plural(summary.documents, "document"));
        }
        return 0;
    } catch (const gazette::Error& e) {
        fmt::print(stderr, "gazette-index: {}\n", e.what());
        return 2;
    }
}
