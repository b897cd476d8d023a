#include "layout.hpp"

#include <algorithm>
#include <array>

#include "dates.hpp"
#include "indexer_data.hpp"
#include "text.hpp"

namespace gazette {

namespace {

// Site furniture by whole line, or by how a line starts (indexer/data/words).
const data::WordSet& chrome_lines() {
    static const data::WordSet words = data::indexer_words("words/chrome_lines.txt");
    return words;
}
const std::vector<std::string>& chrome_starts() {
    static const std::vector<std::string> starts =
        data::entries(data::text_of(data::indexer_files(), "words/chrome_starts.txt"));
    return starts;
}

// "3:45", "12:07:30".
bool is_time_code(std::string_view s) {
    auto digits = [&](std::size_t from, std::size_t n) {
        return from + n <= s.size() && std::all_of(s.begin() + static_cast<long>(from),
                                                   s.begin() + static_cast<long>(from + n),
                                                   [](char c) { return c >= '0' && c <= '9'; });
    };
    std::size_t h = digits(0, 2) ? 2 : digits(0, 1) ? 1 : 0;
    if (h == 0 || h >= s.size() || s[h] != ':' || !digits(h + 1, 2)) return false;
    if (s.size() == h + 3) return true;
    return s.size() == h + 6 && s[h + 3] == ':' && digits(h + 4, 2);
}

// "icon bookmark-bicon bookmarkicon cameraicon ..." rows.
bool is_icon_row(const std::string& lower) {
    std::size_t count = 0;
    for (std::size_t p = lower.find("icon"); p != std::string::npos; p = lower.find("icon", p + 4))
        ++count;
    return count >= 3 && count * 4 * 3 >= word_count(lower);
}

const char* chrome_reason(const std::string& line) {
    std::string lower = text::lower(line);
    std::string norm = text::normalize_name(line);
    if (norm.empty() && !line.empty()) return "no words";
    if (chrome_lines().count(norm)) return "site furniture line";
    for (const auto& start : chrome_starts())
        if (lower.starts_with(start)) return "site furniture (disclaimer, copyright, url)";
    if (line.size() <= 8 && is_time_code(line)) return "media time code";
    if (is_icon_row(lower)) return "icon row";
    return nullptr;
}

bool is_breadcrumb(const std::string& line) {
    if (line.find(" > ") != std::string::npos || line.find(" \u00bb ") != std::string::npos)
        return true;
    return line.rfind("Home ", 0) == 0 && word_count(line) >= 3;
}

// The line only names an outlet, maybe with "news", "online", a domain.
bool is_banner(const std::string& line, const OutletRegistry& registry) {
    if (word_count(line) > 5) return false;
    std::string core = line;
    std::string lower = text::lower(line);
    for (std::string_view tail : {"news", "online", ".com", "homepage", "home page"}) {
        if (lower.size() == core.size() && lower.ends_with(tail)) {
            core = std::string(
                text::trim(std::string_view(core).substr(0, core.size() - tail.size())));
            break;
        }
    }
    return registry.find(core) != nullptr || registry.find(line) != nullptr;
}

bool is_byline(const std::string& line) {
    return line.rfind("By ", 0) == 0 && word_count(line) <= 7;
}

// A story paragraph rather than header material.
bool is_paragraph(const std::string& line) {
    std::size_t words = word_count(line);
    if (words >= 16) return true;
    char last = line.empty() ? ' ' : line.back();
    return words >= 10 && (last == '.' || last == '"' || last == '?' || last == '!');
}

bool is_credit(const std::string& line, const OutletRegistry& registry) {
    if (word_count(line) > 8 || line.find('/') == std::string::npos) return false;
    for (auto part : text::split(line, '/'))
        if (registry.find(std::string(part))) return true;
    return false;
}

}  // namespace

std::size_t word_count(std::string_view line) {
    return text::tokenize(line).size();
}

Layout analyse_layout(std::string_view text, const OutletRegistry& registry) {
    Layout layout;
    int number = 0;
    for (auto raw : text::split(text, '\n')) {
        Line line;
        line.number = ++number;
        line.text = std::string(text::trim(raw));
        if (!line.text.empty()) {
            line.role = LineRole::body;
            if (const char* why = chrome_reason(line.text))
                line.role = LineRole::chrome, line.why = why;
        }
        layout.lines.push_back(std::move(line));
    }

    // Header zone: everything before the first story paragraph.
    auto& lines = layout.lines;
    std::size_t header_end = 0;
    while (header_end < lines.size() &&
           !(lines[header_end].role == LineRole::body && is_paragraph(lines[header_end].text)))
        ++header_end;
    if (header_end == lines.size()) header_end = 0;  // no paragraph at all: no header
    layout.header_end = header_end;

    for (std::size_t i = 0; i < header_end; ++i) {
        Line& l = lines[i];
        if (l.role != LineRole::body) continue;
        if (is_breadcrumb(l.text)) {
            l.role = LineRole::breadcrumb, l.why = "navigation breadcrumb";
        } else if (is_byline(l.text)) {
            l.role = LineRole::byline, l.why = "\"By ...\" line";
        } else if (is_banner(l.text, registry)) {
            l.role = LineRole::banner, l.why = "outlet name as a heading";
        } else if (word_count(l.text) <= 12 && find_date(l.text, DateOrder::unknown)) {
            l.role = LineRole::date_line, l.why = "short header line with a date";
        } else if (layout.title_index < 0) {
            l.role = LineRole::title, l.why =
                                          "first header line that is not chrome, banner, "
                                          "breadcrumb, byline or date";
            layout.title_index = static_cast<int>(i);
        } else if (text::normalize_name(l.text) ==
                   text::normalize_name(lines[static_cast<std::size_t>(layout.title_index)].text)) {
            l.role = LineRole::title_repeat, l.why = "headline repeated";
        }
    }

    // Closing credits: short trailing lines naming outlets with slashes.
    for (std::size_t i = lines.size(), seen = 0; i-- > header_end && seen < 3;) {
        Line& l = lines[i];
        if (l.role == LineRole::blank || l.role == LineRole::chrome) continue;
        ++seen;
        if (l.role == LineRole::body && is_credit(l.text, registry))
            l.role = LineRole::credit, l.why = "closing credit with outlet names";
    }
    return layout;
}

std::string body_text(const Layout& layout) {
    std::string body;
    for (const auto& l : layout.lines) {
        if (l.role != LineRole::body) continue;
        if (!body.empty()) body += "\n\n";
        body += l.text;
    }
    return body;
}

}  // namespace gazette
