#include "site_chrome.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_set>
#include <vector>

#include "dates.hpp"
#include "hash.hpp"
#include "layout.hpp"
#include "text.hpp"

namespace gazette {

namespace {

constexpr std::size_t max_words = 5;
constexpr std::size_t max_stored = 200000;
constexpr std::size_t max_line_bytes = 300;

}  // namespace

void SiteChrome::learn(std::string_view text) {
    std::unordered_set<std::uint64_t> lines;
    for (auto raw : text::split(text, '\n')) {
        auto line = text::trim(raw);
        if (line.empty() || line.size() > max_line_bytes) continue;
        std::size_t words = word_count(line);
        if (words == 0 || words > max_words) continue;
        if (is_byline(line) || find_date(line, DateOrder::unknown)) continue;
        lines.insert(hash64(text::normalize_name(line)));
    }
    for (auto h : lines) ++counts_[h];
    ++files_;
}

void SiteChrome::merge(const SiteChrome& other) {
    files_ += other.files_;
    for (const auto& [h, n] : other.counts_) counts_[h] += n;
}

bool SiteChrome::is_chrome(const std::string& normalized) const {
    if (files_ < min_files || normalized.empty()) return false;
    auto it = counts_.find(hash64(normalized));
    if (it == counts_.end()) return false;
    return it->second >= min_files && it->second * 50 >= files_;
}

std::string SiteChrome::serialize() const {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> kept;
    for (const auto& [h, n] : counts_)
        if (n >= 2) kept.emplace_back(h, n);
    // The most repeated first, when there are too many to keep.
    std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (kept.size() > max_stored) kept.resize(max_stored);
    std::string out = std::to_string(files_) + "\n";
    char buf[32];
    for (const auto& [h, n] : kept) {
        auto r = std::to_chars(buf, buf + sizeof buf, h, 16);
        out.append(buf, r.ptr);
        out += ' ';
        r = std::to_chars(buf, buf + sizeof buf, n);
        out.append(buf, r.ptr);
        out += '\n';
    }
    return out;
}

SiteChrome SiteChrome::parse(std::string_view text) {
    SiteChrome m;
    auto lines = text::split(text, '\n');
    if (lines.empty()) return m;
    auto number = [](std::string_view s, auto& value, int base) {
        auto r = std::from_chars(s.data(), s.data() + s.size(), value, base);
        return r.ec == std::errc() && r.ptr == s.data() + s.size();
    };
    if (!number(lines[0], m.files_, 10)) return {};
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (lines[i].empty()) continue;
        auto space = lines[i].find(' ');
        std::uint64_t h = 0;
        std::uint32_t n = 0;
        if (space == std::string_view::npos || !number(lines[i].substr(0, space), h, 16) ||
            !number(lines[i].substr(space + 1), n, 10))
            return {};
        m.counts_[h] = n;
    }
    return m;
}

}  // namespace gazette
