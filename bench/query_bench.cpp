// In-process query timing for scripts/bench.py: the queries of a file run
// through one gazette::Searcher, warm (a first pass unmeasured).
//
//   gazette-bench-query INDEX QUERIES [--snippets N] [--limit 10] [--no-feedback]
//                       [--ranking SETTINGS]
//
// Prints one line of per-query milliseconds: p50 p95 p99. --snippets 0
// asks for no snippets; --no-feedback turns pseudo-relevance feedback off;
// --ranking passes SearchRequest::ranking settings ("collapse=off").
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "gazette/searcher.hpp"
#include "timing.hpp"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr,
                     "usage: gazette-bench-query INDEX QUERIES [--snippets N] [--limit N]\n");
        return 2;
    }
    gazette::Searcher searcher(argv[1]);
    std::size_t snippets = 200, limit = 10;
    std::string ranking;
    for (int i = 3; i < argc; ++i) {
        std::string k = argv[i];
        if (k == "--no-feedback") ranking = "feedback_docs=0";
        if (i + 1 >= argc) continue;
        if (k == "--snippets") snippets = std::strtoul(argv[i + 1], nullptr, 10);
        if (k == "--limit") limit = std::strtoul(argv[i + 1], nullptr, 10);
        if (k == "--ranking") ranking = argv[i + 1];
    }
    std::vector<std::string> queries;
    std::ifstream in(argv[2]);
    for (std::string l; std::getline(in, l);)
        if (!l.empty()) queries.push_back(l);
    std::size_t sink = 0;
    auto run = [&](const std::string& q) {
        gazette::SearchRequest r;
        r.query = q;
        r.limit = limit;
        r.snippet_length = snippets;
        r.ranking = ranking;
        auto res = searcher.search(r);
        for (const auto& h : res.hits) sink += h.title.size() + h.snippet.size();
    };
    time_queries(queries, run);
    return sink == 0 ? 1 : 0;
}
