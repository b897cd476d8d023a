// The ceiling scripts/bench.py measures gazette against: a bare Xapian
// loop with no extraction, no fields, no copies, no synonyms.
//
//   gazette-bench-bare build INDEX FOLDER [--shards N] [--flush N]
//       every .txt file under FOLDER: its text through a TermGenerator
//       (Snowball English, STEM_ALL, positions), the path as data, a commit
//       every --flush documents (250); with --shards N, N databases
//       INDEX/shard-K built by N threads at once (file i to shard i % N).
//   gazette-bench-bare query INDEX QUERIES [--limit 10]
//       each line of QUERIES parsed by a QueryParser (AND by default,
//       phrases) and run for the top --limit over every shard of INDEX;
//       prints one line of per-query milliseconds: p50 p95 p99.
#include <xapian.h>

#include "timing.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<std::string> txt_files(const std::string& folder) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(folder))
        if (e.is_regular_file() && e.path().extension() == ".txt") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

void build_shard(const std::string& path, const std::vector<std::string>& files, std::size_t first,
                 std::size_t step, unsigned flush) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    unsigned pending = 0;
    for (std::size_t i = first; i < files.size(); i += step) {
        std::ifstream in(files[i], std::ios::binary);
        std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(text);
        doc.set_data(files[i]);
        db.add_document(doc);
        if (++pending >= flush) {
            db.commit();
            pending = 0;
        }
    }
    db.commit();
}

int build(int argc, char** argv) {
    std::string index = argv[2], folder = argv[3];
    unsigned shards = 1, flush = 250;
    for (int i = 4; i + 1 < argc; i += 2) {
        std::string k = argv[i];
        if (k == "--shards") shards = static_cast<unsigned>(std::atoi(argv[i + 1]));
        if (k == "--flush") flush = static_cast<unsigned>(std::atoi(argv[i + 1]));
    }
    auto files = txt_files(folder);
    fs::create_directories(index);
    auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (unsigned s = 0; s < shards; ++s)
        threads.emplace_back(build_shard, index + "/shard-" + std::to_string(s), std::cref(files),
                             s, shards, flush);
    for (auto& t : threads) t.join();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%zu documents in %.2f s\n", files.size(), secs);
    return 0;
}

int query(int argc, char** argv) {
    std::string index = argv[2], queries = argv[3];
    unsigned limit = 10;
    for (int i = 4; i + 1 < argc; i += 2)
        if (std::string(argv[i]) == "--limit")
            limit = static_cast<unsigned>(std::atoi(argv[i + 1]));
    Xapian::Database db;
    for (const auto& e : fs::directory_iterator(index))
        if (e.path().filename().string().starts_with("shard-"))
            db.add_database(Xapian::Database(e.path()));
    Xapian::QueryParser qp;
    qp.set_stemmer(Xapian::Stem("english"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_database(db);
    std::vector<std::string> lines;
    std::ifstream in(queries);
    for (std::string l; std::getline(in, l);)
        if (!l.empty()) lines.push_back(l);
    auto run = [&](const std::string& q) {
        Xapian::Enquire enquire(db);
        enquire.set_query(qp.parse_query(q, Xapian::QueryParser::FLAG_DEFAULT));
        Xapian::MSet m = enquire.get_mset(0, limit);
        std::size_t n = 0;
        for (auto it = m.begin(); it != m.end(); ++it) n += it.get_document().get_data().size();
        return n;
    };
    std::size_t sink = 0;
    time_queries(lines, [&](const std::string& q) { sink += run(q); });
    return sink == 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 4 && std::string(argv[1]) == "build") return build(argc, argv);
    if (argc >= 4 && std::string(argv[1]) == "query") return query(argc, argv);
    std::fprintf(stderr,
                 "usage: gazette-bench-bare build INDEX FOLDER [--shards N] [--flush N]\n"
                 "       gazette-bench-bare query INDEX QUERIES [--limit N]\n");
    return 2;
}
