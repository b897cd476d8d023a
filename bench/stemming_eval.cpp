// Ranking quality of gazette's stemmer against plain Snowball English on the
// classic test collections in ../shared/evaldata (TIME, Cranfield, CISI):
// mean average precision over the top 1000, BM25, queries as OR of their
// words minus gazette's stop words.
//
//   build/gazette-bench-stemming ../shared/evaldata
//
// A measuring tool, not the ranking evaluation: queries here bypass
// gazette's query builder so only the stemmer differs between the columns.
#include <xapian.h>

#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "query_builder.hpp"
#include "stemmer.hpp"

namespace {

struct Collection {
    std::string name;
    std::vector<std::string> docs;          // docs[i] is document i+1
    std::vector<std::string> queries;       // queries[i] is query i+1
    std::map<int, std::set<int>> relevant;  // query -> relevant documents
};

std::vector<std::string> read_lines(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(line);
    }
    return out;
}

// SMART format: a record per ".I n", fields ".X" on their own line; keeps
// the text of the fields named in `keep`.
std::vector<std::string> read_smart(const std::string& path, std::string_view keep) {
    std::vector<std::string> out;
    bool in_kept = false;
    for (const auto& line : read_lines(path)) {
        if (line.starts_with(".I")) {
            out.emplace_back();
            in_kept = false;
        } else if (line.size() == 2 && line[0] == '.' && std::isupper(line[1])) {
            in_kept = keep.find(line[1]) != std::string_view::npos;
        } else if (in_kept && !out.empty()) {
            out.back() += line + '\n';
        }
    }
    return out;
}

// TIME: records start at lines beginning with `marker`.
std::vector<std::string> read_marked(const std::string& path, std::string_view marker) {
    std::vector<std::string> out;
    for (const auto& line : read_lines(path)) {
        if (line.starts_with(marker))
            out.emplace_back();
        else if (!out.empty() && !line.starts_with("*STOP"))
            out.back() += line + '\n';
    }
    return out;
}

Collection load(const std::string& dir, const std::string& name) {
    Collection c{name, {}, {}, {}};
    if (name == "TIME") {
        c.docs = read_marked(dir + "/time/TIME.ALL", "*TEXT");
        c.queries = read_marked(dir + "/time/TIME.QUE", "*FIND");
        for (const auto& line : read_lines(dir + "/time/TIME.REL.ALL")) {
            std::istringstream in(line);
            int q = 0, d = 0;
            if (in >> q)
                while (in >> d) c.relevant[q].insert(d);
        }
    } else if (name == "Cranfield") {
        c.docs = read_smart(dir + "/cranfield/cran.all.1400", "TW");
        c.queries = read_smart(dir + "/cranfield/cran.qry", "W");
        for (const auto& line : read_lines(dir + "/cranfield/cranqrel")) {
            std::istringstream in(line);
            int q = 0, d = 0, grade = 0;
            if (in >> q >> d >> grade && grade >= 1 && grade <= 4) c.relevant[q].insert(d);
        }
    } else {
        c.docs = read_smart(dir + "/cisi/CISI.ALL", "TW");
        c.queries = read_smart(dir + "/cisi/CISI.QRY", "W");
        for (const auto& line : read_lines(dir + "/cisi/CISI.REL")) {
            std::istringstream in(line);
            int q = 0, d = 0;
            if (in >> q >> d) c.relevant[q].insert(d);
        }
    }
    return c;
}

double mean_average_precision(const Collection& c, const Xapian::Stem& stem) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator tg;
    tg.set_stemmer(stem);
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    for (const auto& text : c.docs) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(text);
        db.add_document(doc);  // docid = position, as the judgments count
    }
    Xapian::QueryParser qp;
    qp.set_stemmer(stem);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
    qp.set_stopper(&gazette::query_stopper());
    qp.set_default_op(Xapian::Query::OP_OR);
    qp.set_database(db);
    Xapian::Enquire enquire(db);
    double sum = 0;
    int judged = 0;
    for (std::size_t i = 0; i < c.queries.size(); ++i) {
        auto rel = c.relevant.find(static_cast<int>(i + 1));
        if (rel == c.relevant.end() || rel->second.empty()) continue;
        enquire.set_query(qp.parse_query(c.queries[i], 0));
        Xapian::MSet top = enquire.get_mset(0, 1000);
        double found = 0, precision_sum = 0;
        int rank = 0;
        for (auto m = top.begin(); m != top.end(); ++m) {
            ++rank;
            if (rel->second.count(static_cast<int>(*m))) precision_sum += ++found / rank;
        }
        sum += precision_sum / static_cast<double>(rel->second.size());
        ++judged;
    }
    return judged ? sum / judged : 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: gazette-bench-stemming EVALDATA_DIR  (e.g. ../shared/evaldata)\n";
        return 2;
    }
    try {
        fmt::print("{:<10} {:>9} {:>9} {:>9}\n", "MAP", "snowball", "gazette", "diff");
        for (const char* name : {"TIME", "Cranfield", "CISI"}) {
            Collection c = load(argv[1], name);
            double plain = mean_average_precision(c, Xapian::Stem("english"));
            double ours = mean_average_precision(c, gazette::stemmer());
            fmt::print("{:<10} {:>9.4f} {:>9.4f} {:>+9.4f}\n", name, plain, ours, ours - plain);
        }
    } catch (const std::exception& e) {
        std::cerr << "gazette-bench-stemming: " << e.what() << '\n';
        return 2;
    } catch (const Xapian::Error& e) {
        std::cerr << "gazette-bench-stemming: " << e.get_description() << '\n';
        return 2;
    }
}
