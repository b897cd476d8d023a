#include "dates.hpp"

#include <fmt/format.h>

#include <regex>
#include <string>

#include "calendar.hpp"

namespace gazette {

namespace {

#define GZ_MONTH                                                                              \
    "(january|february|march|april|may|june|july|august|september|october|november|december|" \
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?"
#define GZ_WEEKDAY \
    "(?:(?:mon|tues?|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\\.?,?\\s+)?"

const std::regex& month_day_year() {
    static const std::regex re("\\b" GZ_WEEKDAY GZ_MONTH
                               "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
                               std::regex::icase | std::regex::optimize);
    return re;
}
const std::regex& day_month_year() {
    static const std::regex re("\\b" GZ_WEEKDAY "(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" GZ_MONTH
                               ",?\\s+(\\d{4})\\b",
                               std::regex::icase | std::regex::optimize);
    return re;
}
const std::regex& iso_date() {
    static const std::regex re("\\b(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])", std::regex::optimize);
    return re;
}
const std::regex& numeric_date() {
    static const std::regex re("\\b(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4})\\b",
                               std::regex::optimize);
    return re;
}

#undef GZ_MONTH
#undef GZ_WEEKDAY

std::optional<FoundDate> make(int y, int m, int d, const std::smatch& match, const char* form,
                              bool ambiguous = false) {
    if (!calendar::valid(y, m, d)) return std::nullopt;
    FoundDate f;
    f.iso = calendar::iso({y, m, d});
    f.begin = static_cast<std::size_t>(match.position(0));
    f.length = static_cast<std::size_t>(match.length(0));
    f.form = form;
    f.ambiguous = ambiguous;
    return f;
}

}  // namespace

// Every accepted form holds a four-digit year: skip lines without one.
static bool has_year_digits(std::string_view line) {
    int run = 0;
    for (char c : line) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        if (run == 4) return true;
    }
    return false;
}

std::optional<FoundDate> find_date(std::string_view line_view, DateOrder order) {
    if (!has_year_digits(line_view)) return std::nullopt;
    const std::string line(line_view);
    std::optional<FoundDate> best;
    auto consider = [&](std::optional<FoundDate> f) {
        if (f && (!best || f->begin < best->begin)) best = std::move(f);
    };
    auto each = [&](const std::regex& re, auto&& fn) {
        for (std::sregex_iterator it(line.begin(), line.end(), re), end; it != end; ++it) {
            if (auto f = fn(*it)) {
                consider(std::move(f));
                return;  // the first valid match of each form is enough
            }
        }
    };
    each(month_day_year(), [](const std::smatch& m) {
        return make(std::stoi(m[3]), calendar::month_number(m.str(1)), std::stoi(m[2]), m,
                    "month day, year");
    });
    each(day_month_year(), [](const std::smatch& m) {
        return make(std::stoi(m[3]), calendar::month_number(m.str(2)), std::stoi(m[1]), m,
                    "day month year");
    });
    each(iso_date(), [](const std::smatch& m) {
        return make(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), m, "ISO year-month-day");
    });
    each(numeric_date(), [order](const std::smatch& m) -> std::optional<FoundDate> {
        int a = std::stoi(m[1]), b = std::stoi(m[3]), y = std::stoi(m[4]);
        if (a > 12 && b <= 12) return make(y, b, a, m, "numeric, day first (day > 12)");
        if (b > 12 && a <= 12) return make(y, a, b, m, "numeric, month first (day > 12)");
        if (a == b) return make(y, a, b, m, "numeric, day equals month");
        // Dotted dates (05.03.2009) are day-first wherever they are written.
        if (m[2] == ".") return make(y, b, a, m, "numeric with dots, day first");
        if (order == DateOrder::month_first) return make(y, a, b, m, "numeric, month first", true);
        return make(y, b, a, m, "numeric, day first", true);
    });
    return best;
}

}  // namespace gazette
