#include "database.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "gazette/error.hpp"
#include "text.hpp"

namespace gazette::database {

namespace {

namespace fs = std::filesystem;

constexpr int max_stub_depth = 8;

// One line of a stub, as Xapian 1.4 reads them.
struct StubEntry {
    enum Kind { local, tcp } kind = local;
    std::string path;  // local: absolute or relative to the stub's folder
    std::string host;  // tcp
    unsigned port = 0;
};

// The stub file behind `path`, if it is one: a folder holding XAPIANDB, or a
// file that is text (a single-file glass database starts with binary bytes).
bool stub_file_of(const fs::path& path, fs::path& stub) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        stub = path / "XAPIANDB";
        return fs::exists(stub, ec);
    }
    if (!fs::is_regular_file(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    char head[256];
    in.read(head, sizeof head);
    std::string_view start(head, static_cast<std::size_t>(in.gcount()));
    if (start.find('\0') != std::string_view::npos) return false;  // binary: a database file
    stub = path;
    return true;
}

std::vector<StubEntry> read_stub(const fs::path& stub) {
    std::ifstream in(stub, std::ios::binary);
    if (!in) throw Error(ErrorKind::io, fmt::format("cannot read stub {}", stub.string()));
    std::vector<StubEntry> entries;
    std::string line;
    int number = 0;
    auto bad = [&](const std::string& why) {
        return Error(ErrorKind::invalid_input,
                     fmt::format("stub {} line {}: {}", stub.string(), number, why));
    };
    while (std::getline(in, line)) {
        ++number;
        auto t = text::trim(line);
        if (t.empty() || t.front() == '#') continue;
        auto space = t.find(' ');
        std::string_view type = t.substr(0, space);
        std::string_view rest =
            space == std::string_view::npos ? std::string_view() : text::trim(t.substr(space + 1));
        StubEntry e;
        if (type == "auto" || type == "glass" || type == "chert") {
            if (rest.empty()) throw bad("no path");
            fs::path p(rest);
            e.path = (p.is_absolute() ? p : stub.parent_path() / p).string();
        } else if (type == "remote") {
            if (rest.starts_with(':'))
                throw bad(
                    "refused: it names a program to run (\"remote :PROGRAM\"); gazette opens "
                    "local indexes and tcp remotes (\"remote HOST:PORT\") only");
            auto colon = rest.rfind(':');
            if (colon == std::string_view::npos || colon == 0)
                throw bad("expected remote HOST:PORT");
            e.kind = StubEntry::tcp;
            e.host = std::string(rest.substr(0, colon));
            std::string port(rest.substr(colon + 1));
            char* end = nullptr;
            unsigned long n = std::strtoul(port.c_str(), &end, 10);
            if (port.empty() || *end != '\0' || n == 0 || n > 65535)
                throw bad(fmt::format("bad port \"{}\"", port));
            e.port = static_cast<unsigned>(n);
        } else if (type == "inmemory") {
            throw bad("refused: an in-memory database holds no index");
        } else {
            throw bad(fmt::format("unknown database type \"{}\"", type));
        }
        entries.push_back(std::move(e));
    }
    if (entries.empty())
        throw Error(ErrorKind::invalid_input,
                    fmt::format("stub {} names no database", stub.string()));
    return entries;
}

void add(Xapian::Database& all, const fs::path& path, int depth, bool* remote) {
    if (depth > max_stub_depth)
        throw Error(ErrorKind::invalid_input, fmt::format("stubs nested more than {} deep at {}",
                                                          max_stub_depth, path.string()));
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error(ErrorKind::no_index,
                    fmt::format("no index at {} (build one with gazette-index)", path.string()));
    fs::path stub;
    if (!stub_file_of(path, stub)) {
        // An index folder or a single-file database: never a stub here.
        int backend = fs::is_directory(path, ec) && fs::exists(path / "iamchert", ec)
                          ? Xapian::DB_BACKEND_CHERT
                          : Xapian::DB_BACKEND_GLASS;
        all.add_database(Xapian::Database(path.string(), backend));
        return;
    }
    for (const auto& e : read_stub(stub)) {
        if (e.kind == StubEntry::tcp) {
            all.add_database(Xapian::Remote::open(e.host, e.port));
            if (remote) *remote = true;
        } else {
            add(all, e.path, depth + 1, remote);
        }
    }
}

}  // namespace

Xapian::Database open(const std::string& path, bool* remote) {
    Xapian::Database all;
    add(all, path, 0, remote);
    return all;
}

std::string writable_folder(const std::string& path) {
    fs::path target(path);
    for (int depth = 0;; ++depth) {
        fs::path stub;
        if (!stub_file_of(target, stub)) break;
        auto entries = read_stub(stub);
        if (entries.size() != 1 || entries[0].kind != StubEntry::local)
            throw Error(ErrorKind::invalid_input,
                        fmt::format("cannot write to {}: its stub names {} (gazette writes to "
                                    "one local index)",
                                    path, entries.size() == 1 ? "a remote" : "several databases"));
        if (depth >= max_stub_depth)
            throw Error(ErrorKind::invalid_input,
                        fmt::format("stubs nested more than {} deep at {}", max_stub_depth, path));
        target = entries[0].path;
    }
    return target.string();
}

Xapian::WritableDatabase open_writable(const std::string& path) {
    const fs::path target(writable_folder(path));
    std::error_code ec;
    // "--index news/2009/index": the folders above it are made too (Xapian
    // makes the last one only, and says "mkdir failed").
    if (auto parent = target.parent_path(); !parent.empty() && !fs::exists(parent, ec)) {
        fs::create_directories(parent, ec);
        if (ec)
            throw Error(ErrorKind::io, fmt::format("cannot create the folder {} for the index: {}",
                                                   parent.string(), ec.message()));
    }
    int backend =
        fs::exists(target / "iamchert", ec) ? Xapian::DB_BACKEND_CHERT : Xapian::DB_BACKEND_GLASS;
    return Xapian::WritableDatabase(target.string(), Xapian::DB_CREATE_OR_OPEN | backend);
}

}  // namespace gazette::database
