// Manifest: per-file facts given by the collection's owner (JSON lines).
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "calendar.hpp"
#include "gazette/manifest.hpp"

namespace gazette {

namespace fs = std::filesystem;

void Manifest::load_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::io, fmt::format("cannot read manifest {}", path));
    std::error_code ec;
    fs::path base = fs::absolute(fs::path(path), ec).parent_path();
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto fail = [&](const std::string& why) {
            throw Error(ErrorKind::invalid_input,
                        fmt::format("manifest {} line {}: {}", path, number, why));
        };
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception& e) {
            fail(fmt::format("not valid JSON: {}", e.what()));
        }
        if (!j.is_object() || !j.contains("file") || !j["file"].is_string())
            fail("expected an object with a \"file\" string");
        ArticleOverrides o;
        try {
            o.url = j.value("url", std::string{});
            o.title = j.value("title", std::string{});
            o.date = j.value("date", std::string{});
            if (j.contains("outlet")) {
                if (j["outlet"].is_array())
                    o.outlets = j["outlet"].get<std::vector<std::string>>();
                else
                    o.outlets.push_back(j["outlet"].get<std::string>());
            }
        } catch (const nlohmann::json::exception& e) {
            fail(e.what());
        }
        if (!o.date.empty() && !calendar::parse_iso(o.date))
            fail(fmt::format("date \"{}\" is not a valid YYYY-MM-DD date", o.date));
        fs::path file = base / j["file"].get<std::string>();
        auto canonical = fs::weakly_canonical(file, ec);
        if (ec)  // e.g. a name too long for the file system
            fail(fmt::format("file \"{}\": {}", j["file"].get<std::string>().substr(0, 80),
                             ec.message()));
        entries_[canonical.string()] = std::move(o);
    }
}

const ArticleOverrides* Manifest::find(const std::string& path) const {
    auto it = entries_.find(path);
    return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace gazette
