#include "synonyms_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "gazette/error.hpp"
#include "text.hpp"

namespace gazette {

std::vector<std::vector<std::string>> parse_synonyms(std::string_view text,
                                                     const std::string& name) {
    std::vector<std::vector<std::string>> groups;
    std::size_t number = 0;
    for (auto line : text::split(text, '\n')) {
        ++number;
        auto fail = [&](const std::string& why) {
            throw Error(ErrorKind::invalid_input,
                        fmt::format("synonyms {} line {}: {}", name, number, why));
        };
        if (!text::is_valid_utf8(line)) fail("not valid UTF-8");
        auto trimmed = text::trim(line);
        if (trimmed.empty() || trimmed.front() == '#') continue;
        std::vector<std::string> group;
        for (auto entry : text::split(trimmed, ',')) {
            auto e = text::trim(entry);
            if (e.empty()) fail("an empty entry (two commas, or a comma at an end)");
            if (text::tokenize(e).empty()) fail(fmt::format("\"{}\" has no word", e));
            group.emplace_back(e);
        }
        if (group.size() < 2)
            fail(
                fmt::format("\"{}\" alone: give two or more entries separated by commas", trimmed));
        groups.push_back(std::move(group));
    }
    return groups;
}

std::vector<std::vector<std::string>> read_synonyms_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::io, fmt::format("cannot read synonyms file {}", path));
    std::ostringstream text;
    text << in.rdbuf();
    return parse_synonyms(text.str(), path);
}

}  // namespace gazette
