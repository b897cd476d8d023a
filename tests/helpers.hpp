// Shared test helpers: temporary folders, a seed-corpus index, running CLIs.
#pragma once

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "gazette/indexer.hpp"
#include "gazette/searcher.hpp"

namespace gazette::test {

namespace fs = std::filesystem;

/// A fresh folder under the system temp dir, removed at scope exit.
class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        path_ = fs::temp_directory_path() /
                ("gazette-test-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const fs::path& path() const { return path_; }
    [[nodiscard]] std::string str(const std::string& sub = "") const {
        return sub.empty() ? path_.string() : (path_ / sub).string();
    }

  private:
    fs::path path_;
};

inline void write_file(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Indexes the articles under `dir`/in into `dir`/index and opens a
/// Searcher on it.
inline Searcher index_in(const TempDir& dir) {
    IndexOptions o;
    o.index_path = dir.str("index");
    index_files({dir.str("in")}, o, nullptr);
    return Searcher(o.index_path);
}

inline std::string corpus_dir() {
    return GAZETTE_CORPUS;
}

/// Indexes the seed corpus into `index` and returns the summary.
inline IndexSummary index_corpus(const std::string& index) {
    IndexOptions opts;
    opts.index_path = index;
    return index_files({corpus_dir()}, opts, nullptr);
}

/// One index of the seed corpus per test binary, built on first use and
/// shared by read-only cases (removed when the binary exits).
inline const std::string& seed_index() {
    static TempDir dir;
    static const std::string path = [] {
        auto p = dir.str("index");
        index_corpus(p);
        return p;
    }();
    return path;
}

/// The seed number ("002") of an article path.
inline std::string seed_of(const std::string& path) {
    return fs::path(path).filename().string().substr(0, 3);
}

/// Seed numbers of the hits, in rank order.
inline std::vector<std::string> seeds(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(seed_of(h.path));
    return out;
}

/// Same, sorted (for filters where order is not the point).
inline std::vector<std::string> sorted_seeds(const SearchResult& r) {
    auto s = seeds(r);
    std::sort(s.begin(), s.end());
    return s;
}

/// Runs `r` on both searchers and checks they give the same total and the
/// same hits, in the same order, with the same scores and percentages.
inline void check_same_hits(const Searcher& a, const Searcher& b, const SearchRequest& r) {
    auto x = a.search(r), y = b.search(r);
    INFO(r.query << " offset " << r.offset);
    CHECK(x.total == y.total);
    CHECK(x.suggestion == y.suggestion);
    REQUIRE(x.hits.size() == y.hits.size());
    for (std::size_t i = 0; i < x.hits.size(); ++i) {
        CHECK(x.hits[i].id == y.hits[i].id);
        CHECK(x.hits[i].score == Approx(y.hits[i].score));
        CHECK(x.hits[i].percent == y.hits[i].percent);
        CHECK(x.hits[i].title == y.hits[i].title);
        CHECK(x.hits[i].also_in == y.hits[i].also_in);
    }
}

/// The same for `query`, top 10.
inline void check_same_hits(const Searcher& a, const Searcher& b, const std::string& query) {
    SearchRequest r;
    r.query = query;
    r.limit = 10;
    check_same_hits(a, b, r);
}

/// Output and exit status of a shell command.
struct RunResult {
    int status = -1;
    std::string out;
};

inline RunResult run(const std::string& command) {
    RunResult r;
    FILE* p = popen(command.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

}  // namespace gazette::test
