#include "calendar.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

#include "text.hpp"

namespace gazette::calendar {

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && is_leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

bool valid(int y, int m, int d) {
    return y >= first_year && y <= last_year && m >= 1 && m <= 12 && d >= 1 &&
           d <= days_in_month(y, m);
}

namespace {

bool digits(std::string_view s, std::size_t n, int& out) {
    if (s.size() != n) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    std::from_chars(s.data(), s.data() + s.size(), out);
    return true;
}

// One date, possibly partial: its first and last day.
std::optional<Period> parse_one(std::string_view text) {
    int y = 0, m = 0, d = 0;
    if (!digits(text.substr(0, 4), 4, y) || y < first_year || y > last_year) return std::nullopt;
    if (text.size() == 4) return Period{Day{y, 1, 1}, Day{y, 12, 31}};
    if (text.size() < 7 || text[4] != '-' || !digits(text.substr(5, 2), 2, m) || m < 1 || m > 12)
        return std::nullopt;
    if (text.size() == 7) return Period{Day{y, m, 1}, Day{y, m, days_in_month(y, m)}};
    if (text.size() != 10 || text[7] != '-' || !digits(text.substr(8, 2), 2, d) || !valid(y, m, d))
        return std::nullopt;
    return Period{Day{y, m, d}, Day{y, m, d}};
}

}  // namespace

std::optional<Day> parse_iso(std::string_view text) {
    if (text.size() != 10) return std::nullopt;
    auto p = parse_one(text);
    if (!p) return std::nullopt;
    return p->first;
}

std::string iso(const Day& d) {
    return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::string compact(const Day& d) {
    return fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day);
}

std::string compact(std::string_view iso_date) {
    auto d = parse_iso(iso_date);
    return d ? compact(*d) : std::string();
}

int month_number(std::string_view name) {
    static constexpr std::array<std::string_view, 12> names{
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    std::string l = text::lower(name);
    if (!l.empty() && l.back() == '.') l.pop_back();
    if (l.size() < 3) return 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        // The full name, its three-letter abbreviation, or "sept".
        if (l == names[i] || l == names[i].substr(0, 3) || (i == 8 && l == "sept"))
            return static_cast<int>(i) + 1;
    }
    return 0;
}

std::optional<Period> parse_period(std::string_view text, std::string& why) {
    auto bad = [&] {
        why = fmt::format("bad date \"{}\" (expected YYYY, YYYY-MM or YYYY-MM-DD)", text);
        return std::nullopt;
    };
    auto dots = text.find("..");
    if (dots == std::string_view::npos) {
        auto p = parse_one(text);
        if (!p) return bad();
        return p;
    }
    auto from = text.substr(0, dots), to = text.substr(dots + 2);
    if (from.empty() && to.empty()) return bad();
    Period r;
    if (!from.empty()) {
        auto p = parse_one(from);
        if (!p) return bad();
        r.first = p->first;
    }
    if (!to.empty()) {
        auto p = parse_one(to);
        if (!p) return bad();
        r.last = p->last;
    }
    if (r.first && r.last && *r.first > *r.last) {
        why = fmt::format("date range \"{}\" ends before it starts", text);
        return std::nullopt;
    }
    return r;
}

}  // namespace gazette::calendar
