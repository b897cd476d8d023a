#include "config.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "gazette/error.hpp"
#include "text.hpp"

namespace gazette::config {

namespace {

namespace fs = std::filesystem;

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

// "~/x" from $HOME; a relative path from the config file's folder.
std::string resolve(std::string_view value, const fs::path& folder) {
    std::string home = env("HOME");
    if ((value == "~" || value.starts_with("~/")) && !home.empty())
        return (fs::path(home) / std::string(value.substr(value.size() > 1 ? 2 : 1))).string();
    fs::path p{std::string(value)};
    return p.is_absolute() ? p.string() : (folder / p).lexically_normal().string();
}

}  // namespace

std::string file_path() {
    if (auto given = env("GAZETTE_CONFIG"); !given.empty()) return given;
    if (auto xdg = env("XDG_CONFIG_HOME"); !xdg.empty())
        return (fs::path(xdg) / "gazette" / "config").string();
    if (auto home = env("HOME"); !home.empty())
        return (fs::path(home) / ".config" / "gazette" / "config").string();
    return {};
}

Defaults read_file(const std::string& path) {
    std::error_code ec;
    if (path.empty() || !fs::exists(path, ec)) return {};
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::io, fmt::format("cannot read config file {}", path));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse(text, path, fs::absolute(path, ec).parent_path().string());
}

Defaults parse(std::string_view text, const std::string& name, const std::string& folder) {
    Defaults d;
    d.file = name;
    std::size_t number = 0;
    while (!text.empty()) {
        ++number;
        auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        auto t = text::trim(line);
        if (t.empty() || t.front() == '#') continue;
        auto bad = [&](const std::string& why) {
            return Error(ErrorKind::invalid_input,
                         fmt::format("config file {} line {}: {}", name, number, why));
        };
        auto eq = t.find('=');
        if (eq == std::string_view::npos) throw bad("expected key = value");
        auto key = text::trim(t.substr(0, eq));
        auto value = text::trim(t.substr(eq + 1));
        if (value.empty()) throw bad(fmt::format("no value for \"{}\"", key));
        if (key == "index")
            d.indexes.push_back(resolve(value, folder));
        else if (key == "corpus")
            d.corpus.push_back(resolve(value, folder));
        else
            throw bad(fmt::format("unknown key \"{}\" (known: index, corpus)", key));
    }
    return d;
}

Defaults load() {
    Defaults d = read_file(file_path());
    if (auto given = env("GAZETTE_INDEX"); !given.empty()) {
        d.indexes.clear();
        std::string_view rest = given;
        while (!rest.empty()) {
            auto colon = rest.find(':');
            auto one = rest.substr(0, colon);
            if (!one.empty()) d.indexes.emplace_back(one);
            rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        }
    }
    if (d.indexes.empty()) d.indexes.emplace_back("index");
    if (d.corpus.empty()) d.corpus.emplace_back("corpus");
    return d;
}

}  // namespace gazette::config
