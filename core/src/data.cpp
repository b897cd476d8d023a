#include "data.hpp"

#include <fmt/format.h>

#include "gazette/error.hpp"
#include "text.hpp"

namespace gazette::data {

std::string_view text_of(std::span<const File> files, std::string_view name) {
    for (const auto& f : files)
        if (f.name == name) return f.text;
    throw Error(ErrorKind::internal, fmt::format("no built-in data file {}", name));
}

std::vector<std::string> entries(std::string_view text) {
    std::vector<std::string> out;
    for (auto line : text::split(text, '\n')) {
        line = text::trim(line);
        if (line.empty() || line.front() == '#') continue;
        if (line.size() >= 2 && line.front() == '"' && line.back() == '"')
            line = line.substr(1, line.size() - 2);
        out.emplace_back(line);
    }
    return out;
}

std::vector<std::string> duplicates(std::string_view text) {
    std::vector<std::string> dups;
    WordSet seen;
    for (auto& e : entries(text))
        if (!seen.insert(e).second) dups.push_back(e);
    return dups;
}

WordSet word_set(std::span<const File> files, std::string_view name) {
    auto list = entries(text_of(files, name));
    return WordSet(list.begin(), list.end());
}

}  // namespace gazette::data
