// libFuzzer target: query text (the query syntax: words, operators,
// phrases, wildcards, fields, date ranges) run through one long-lived
// Searcher over a small index built at start-up, snippets and facets on.
// LeakSanitizer reports memory a query leaves behind.
//   scripts/fuzz query SECONDS
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "gazette/indexer.hpp"
#include "gazette/searcher.hpp"

namespace {

const gazette::Searcher& searcher() {
    static const gazette::Searcher instance = [] {
        namespace fs = std::filesystem;
        auto dir = fs::temp_directory_path() / ("gazette-fuzz-query-" + std::to_string(getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir / "articles");
        const char* texts[] = {
            "NATO and Russia resume talks\n\nBRUSSELS (Reuters) - NATO and Russia resumed formal "
            "talks on Monday, the alliance said, after months of tension over Georgia.\n\n"
            "\"We have differences,\" said Jaap de Hoop Scheffer, NATO Secretary-General.\n",
            "Russia suspends CFE treaty\n\nMoscow, July 14 (AFP) - Russia suspended its part in "
            "the "
            "Conventional Forces in Europe treaty, Interfax reported. Dmitry Rogozin said the "
            "suspension would stand.\n",
        };
        int n = 0;
        for (const char* t : texts) {
            std::ofstream(dir / "articles" / ("a" + std::to_string(n++) + ".txt")) << t;
        }
        // A copy of the first story elsewhere: collapsed, "also in".
        std::ofstream(dir / "articles" / "copy.txt") << texts[0] << "By Agence France-Presse\n";
        gazette::IndexOptions opts;
        opts.index_path = (dir / "index").string();
        gazette::index_files({(dir / "articles").string()}, opts, nullptr);
        gazette::Searcher s(opts.index_path);
        fs::remove_all(dir / "articles");
        return s;
    }();
    return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    gazette::SearchRequest req;
    req.query.assign(reinterpret_cast<const char*>(data), size);
    // "SETTINGS\x01QUERY": ranking settings (--ranking) too.
    if (auto cut = req.query.find('\x01'); cut != std::string::npos) {
        req.ranking = req.query.substr(0, cut);
        req.query.erase(0, cut + 1);
    }
    req.all_copies = size % 5 == 0;
    req.facets = size % 2 == 0;
    req.suggest = size % 3 == 0;
    try {
        auto result = searcher().search(req);
        (void)result;
    } catch (const gazette::Error& e) {
        // A bad query is reported as bad_query; anything else is a bug.
        if (e.kind() != gazette::ErrorKind::bad_query) __builtin_trap();
    }
    return 0;
}
