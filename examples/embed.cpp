// Embedding gazette: open an index, search with an outlet filter, print hits.
//   gazette-embed-example INDEX [OUTLET]
#include <gazette/searcher.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " INDEX [OUTLET]\n";
        return 2;
    }
    try {
        gazette::Searcher searcher(argv[1]);
        gazette::SearchRequest request;
        request.query = "CFE treaty suspension";
        if (argc > 2) request.outlets.push_back(argv[2]);
        request.highlight_open = "[";
        request.highlight_close = "]";
        request.escape_html = false;
        auto result = searcher.search(request);
        std::cout << result.total << " hits for \"" << result.query << "\"\n";
        for (const auto& hit : result.hits) {
            std::cout << hit.rank << ". " << hit.title << " (" << hit.path << ")\n";
            std::cout << "   " << hit.snippet << "\n";
        }
        return 0;
    } catch (const gazette::Error& e) {
        std::cerr << "error (" << gazette::to_string(e.kind()) << "): " << e.what() << "\n";
        return 1;
    }
}
