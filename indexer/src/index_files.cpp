// index_files: walk the inputs, read each article, extract, write.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "gazette/indexer.hpp"

namespace gazette {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view manifest_name = "manifest.jsonl";
constexpr std::uintmax_t max_article_bytes = 8 * 1024 * 1024;

bool is_article(const fs::path& p) {
    return p.extension() == ".txt";
}

// Every article under the inputs, absolute and in name order.
std::vector<fs::path> collect(const std::vector<std::string>& inputs, Manifest& manifest) {
    std::vector<fs::path> files;
    std::set<std::string> loaded;  // manifests already read
    for (const auto& input : inputs) {
        std::error_code ec;
        fs::path p = fs::absolute(input, ec);
        auto st = fs::status(p, ec);
        if (ec || !fs::exists(st))
            throw Error(ErrorKind::io, fmt::format("no such file or folder: {}", input));
        if (fs::is_directory(st)) {
            auto m = p / manifest_name;
            if (fs::exists(m) && !loaded.count(m.string())) manifest.load_file(m.string());
            loaded.insert(m.string());
            for (fs::recursive_directory_iterator
                     it(p, fs::directory_options::skip_permission_denied, ec),
                 end;
                 it != end; it.increment(ec)) {
                if (ec) break;
                if (it->is_regular_file(ec) && is_article(it->path()))
                    files.push_back(fs::weakly_canonical(it->path()));
            }
            if (ec)
                throw Error(ErrorKind::io,
                            fmt::format("cannot read folder {}: {}", input, ec.message()));
        } else {
            // A single file: its folder's manifest still applies.
            auto beside = p.parent_path() / manifest_name;
            if (fs::exists(beside) && !loaded.count(beside.string()))
                manifest.load_file(beside.string());
            loaded.insert(beside.string());
            files.push_back(fs::weakly_canonical(p));
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

// The file's text, or the reason it cannot be an article.
std::optional<std::string> read_article(const fs::path& p, std::string& reason) {
    std::error_code ec;
    auto size = fs::file_size(p, ec);
    if (ec) {
        reason = fmt::format("cannot read: {}", ec.message());
        return std::nullopt;
    }
    if (size > max_article_bytes) {
        reason =
            fmt::format("too large for an article ({} bytes, limit {})", size, max_article_bytes);
        return std::nullopt;
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        reason = "cannot open for reading";
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    if (text.find('\0') != std::string::npos) {
        reason = "binary file (contains NUL bytes)";
        return std::nullopt;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        reason = "empty file";
        return std::nullopt;
    }
    // A UTF-8 byte-order mark is not text.
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    return text;
}

}  // namespace

IndexSummary index_files(const std::vector<std::string>& inputs, const IndexOptions& options,
                         const std::function<void(const FileOutcome&)>& on_file) {
    auto started = std::chrono::steady_clock::now();
    OutletRegistry registry;
    for (const auto& f : options.registry_files) registry.load_file(f);
    Manifest manifest;
    for (const auto& f : options.manifest_files) manifest.load_file(f);
    auto files = collect(inputs, manifest);

    Extractor extractor(registry);
    std::unique_ptr<IndexWriter> writer;
    if (!options.dry_run)
        writer = std::make_unique<IndexWriter>(options.index_path, options.batch_size, registry);

    IndexSummary summary;
    for (const auto& file : files) {
        FileOutcome outcome;
        outcome.path = file.string();
        if (auto text = read_article(file, outcome.reason)) {
            outcome.article = extractor.extract(*text, manifest.find(outcome.path));
            if (outcome.article.body.empty() && outcome.article.title.empty()) {
                outcome.reason = "no article text once site chrome is removed";
            } else {
                if (writer) writer->add(outcome.path, outcome.article);
                outcome.ok = true;
            }
        }
        ++(outcome.ok ? summary.indexed : summary.skipped);
        if (on_file) on_file(outcome);
    }
    if (writer) {
        writer->commit();
        summary.documents = writer->document_count();
    }
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace gazette
