#include "dates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "calendar.hpp"
#include "indexer_data.hpp"
#include "patterns.hpp"
#include "text.hpp"

namespace gazette {

namespace {

#define GZ_MONTH                                                                              \
    "(january|february|march|april|may|june|july|august|september|october|november|december|" \
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?"
#define GZ_WEEKDAY \
    "(?:(?:mon|tues?|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\\.?,?\\s+)?"

// Groups: month, day, year.
const RE2& month_day_year() {
    static const RE2 re("\\b" GZ_WEEKDAY GZ_MONTH
                        "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:\\b|\\d{1,2}:\\d{2})",
                        patterns::options(false));
    return patterns::checked(re);
}
// Groups: day, month, year.
const RE2& day_month_year() {
    static const RE2 re("\\b" GZ_WEEKDAY "(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" GZ_MONTH
                        ",?\\s+(\\d{4})\\b",
                        patterns::options(false));
    return patterns::checked(re);
}
// Groups: year, month, day; then a non-digit or the end (RE2 has no
// look-ahead: the match length is taken from the day group).
const RE2& iso_date() {
    static const RE2 re("\\b(\\d{4})-(\\d{2})-(\\d{2})(?:\\D|$)", patterns::options());
    return patterns::checked(re);
}
// Groups: a, separator, b, separator, year. Both separators must be the
// same (checked in code: RE2 has no back-references).
const RE2& numeric_date() {
    static const RE2 re("\\b(\\d{1,2})([/.\\-])(\\d{1,2})([/.\\-])(\\d{4})\\b",
                        patterns::options());
    return patterns::checked(re);
}

// "11/18/19 11:04 PM", "18.11.19, 11:04": a numeric date with a two-digit
// year, taken only with a time after it (alone, "11/18/19" may be a score
// or a fraction). Groups: a, separator, b, separator, year.
const RE2& numeric_short_year() {
    static const RE2 re(
        "\\b(\\d{1,2})([/.\\-])(\\d{1,2})([/.\\-])(\\d{2}),?\\s+(?:at\\s+|à\\s+|um\\s+|-\\s+)?"
        "\\d{1,2}[:h.]\\d{2}\\b",
        patterns::options());
    return patterns::checked(re);
}

// "PressDecember 2, 2016": a capitalised English month glued to the word
// before it. Groups: month, day, year.
const RE2& glued_month_day_year() {
    static const RE2 re(
        "[a-z](January|February|March|April|May|June|July|August|September|October|November|"
        "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})"
        "(?:\\D|$)",
        patterns::options());
    return patterns::checked(re);
}

// Day, month name, year in the languages of indexer/data/words/month_names.txt.
struct ForeignMonths {
    std::unordered_map<std::string, int> number;  // lower-case name -> 1..12
    std::unique_ptr<RE2> re;                      // groups: day, month, year
};

const ForeignMonths& foreign_months() {
    static const ForeignMonths months = [] {
        ForeignMonths m;
        std::vector<std::string> names;
        for (const auto& entry :
             data::entries(data::text_of(data::indexer_files(), "words/month_names.txt"))) {
            auto space = entry.rfind(' ');
            std::string name = text::lower(entry.substr(0, space));
            m.number[name] = std::stoi(entry.substr(space + 1));
            names.push_back(name);
        }
        // Longest first, so "sept" does not cut "septembre" short.
        std::sort(names.begin(), names.end(),
                  [](const auto& a, const auto& b) { return a.size() > b.size(); });
        std::string alternation;
        for (const auto& n : names)
            alternation += (alternation.empty() ? "" : "|") + RE2::QuoteMeta(n);
        // "30 avril 2015", "1er mai 2015", "5 de março de 2019", "21.dez.2018".
        m.re = std::make_unique<RE2>(
            "(?:^|[^\\pL\\d])(\\d{1,2})(?:(?:\\.|º|er)?\\s+(?:de\\s+)?|[.\\-/])(" + alternation +
                ")(?:\\.?,?\\s+(?:de\\s+)?|[.\\-/])(\\d{4})(?:\\D|$)",
            patterns::options(false));
        patterns::checked(*m.re);
        return m;
    }();
    return months;
}

#undef GZ_MONTH
#undef GZ_WEEKDAY

int number(std::string_view digits) {
    int n = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), n);
    return n;
}

std::optional<FoundDate> make(int y, int m, int d, std::size_t begin, std::size_t length,
                              const char* form, bool ambiguous = false) {
    if (!calendar::valid(y, m, d)) return std::nullopt;
    FoundDate f;
    f.iso = calendar::iso({y, m, d});
    f.begin = begin;
    f.length = length;
    f.form = form;
    f.ambiguous = ambiguous;
    return f;
}

// Every accepted form holds a four-digit year or a time: skip lines
// without either.
bool may_hold_date(std::string_view line) {
    int run = 0;
    for (char c : line) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        if (run == 4) return true;
    }
    return line.find(':') != std::string_view::npos || line.find('h') != std::string_view::npos;
}

// A two-digit year as POSIX strptime's %y reads it: 69-99 are 1969-1999,
// 00-68 are 2000-2068 (no clock: the same file always gives the same date).
int full_year(int yy) {
    return yy >= 69 ? 1900 + yy : 2000 + yy;
}

// A numeric date's day and month: fixed by a number above 12 or by both
// being equal, else read by the page's convention (dots: day first).
std::optional<FoundDate> numeric(int a, int c, int y, std::string_view sep, DateOrder order,
                                 std::size_t b, std::size_t n, bool short_year) {
    auto made = [&](int month, int day, const char* form, bool ambiguous) {
        auto r = make(y, month, day, b, n, "", ambiguous);
        if (r) r->form = fmt::format("{}{}", form, short_year ? ", two-digit year" : "");
        return r;
    };
    if (a > 12 && c <= 12) return made(c, a, "numeric, day first (day > 12)", false);
    if (c > 12 && a <= 12) return made(a, c, "numeric, month first (day > 12)", false);
    if (a == c) return made(a, c, "numeric, day equals month", false);
    if (sep == ".") return made(c, a, "numeric with dots, day first", false);
    if (order == DateOrder::month_first) return made(a, c, "numeric, month first", true);
    return made(c, a, "numeric, day first", true);
}

// The first valid match of `re` in `line`, kept in `best` when earlier.
template <std::size_t N, typename Fn>
void first_valid(std::string_view line, std::optional<FoundDate>& best, const RE2& re, Fn&& fn) {
    patterns::each_match<N>(re, line, [&](const patterns::Match<N>& m) {
        auto f = fn(m, m.begin(line), m.group[0].size());
        if (!f) return true;
        if (!best || f->begin < best->begin) best = std::move(f);
        return false;
    });
}

}  // namespace

std::optional<FoundDate> find_date(std::string_view line, DateOrder order) {
    if (line.size() > max_date_line_bytes) line = line.substr(0, max_date_line_bytes);
    if (!may_hold_date(line)) return std::nullopt;
    std::optional<FoundDate> best;
    using M3 = patterns::Match<3>;
    first_valid<3>(line, best, month_day_year(), [](const M3& m, std::size_t b, std::size_t n) {
        return make(number(m[3]), calendar::month_number(m[1]), number(m[2]), b, n,
                    "month day, year");
    });
    first_valid<3>(line, best, day_month_year(), [](const M3& m, std::size_t b, std::size_t n) {
        return make(number(m[3]), calendar::month_number(m[2]), number(m[1]), b, n,
                    "day month year");
    });
    first_valid<3>(
        line, best, glued_month_day_year(), [&](const M3& m, std::size_t b, std::size_t) {
            std::size_t end = static_cast<std::size_t>(m.group[3].data() - line.data()) + 4;
            return make(number(m[3]), calendar::month_number(m[1]), number(m[2]), b + 1,
                        end - b - 1, "month day, year (glued to the word before)");
        });
    const auto& foreign = foreign_months();
    first_valid<3>(line, best, *foreign.re, [&](const M3& m, std::size_t, std::size_t) {
        auto it = foreign.number.find(text::lower(m[2]));
        if (it == foreign.number.end()) return std::optional<FoundDate>();
        std::size_t b = static_cast<std::size_t>(m.group[1].data() - line.data());
        std::size_t end = static_cast<std::size_t>(m.group[3].data() - line.data()) + 4;
        return make(number(m[3]), it->second, number(m[1]), b, end - b,
                    "day month year (month name in another language)");
    });
    first_valid<3>(line, best, iso_date(), [&](const M3& m, std::size_t b, std::size_t) {
        std::size_t end = static_cast<std::size_t>(m.group[3].data() - line.data()) + 2;
        return make(number(m[1]), number(m[2]), number(m[3]), b, end - b, "ISO year-month-day");
    });
    using M5 = patterns::Match<5>;
    first_valid<5>(line, best, numeric_date(),
                   [order](const M5& m, std::size_t b, std::size_t n) -> std::optional<FoundDate> {
                       if (m[2] != m[4]) return std::nullopt;  // "1/2-2009": mixed separators
                       return numeric(number(m[1]), number(m[3]), number(m[5]), std::string(m[2]),
                                      order, b, n, false);
                   });
    first_valid<5>(line, best, numeric_short_year(),
                   [order](const M5& m, std::size_t b, std::size_t) -> std::optional<FoundDate> {
                       if (m[2] != m[4]) return std::nullopt;
                       std::size_t n = static_cast<std::size_t>(
                           m.group[5].data() + m.group[5].size() - m.group[1].data());
                       return numeric(number(m[1]), number(m[3]), full_year(number(m[5])),
                                      std::string(m[2]), order, b, n, true);
                   });
    return best;
}

std::optional<FoundDate> find_publication_date(std::string_view line, DateOrder order) {
    static const std::vector<std::string> updated =
        data::entries(data::text_of(data::indexer_files(), "words/updated_words.txt"));
    if (line.size() > max_date_line_bytes) line = line.substr(0, max_date_line_bytes);
    std::optional<FoundDate> first_revision;
    for (std::size_t from = 0; from < line.size();) {
        auto d = find_date(line.substr(from), order);
        if (!d) break;
        d->begin += from;
        // The clause before the date: since the last date, at most 40 bytes.
        std::size_t clause = std::max(from, d->begin >= 40 ? d->begin - 40 : 0);
        std::string before = text::lower(line.substr(clause, d->begin - clause));
        d->revision = std::any_of(updated.begin(), updated.end(), [&](const std::string& w) {
            return before.find(w) != std::string::npos;
        });
        if (!d->revision) return d;
        if (!first_revision) first_revision = d;
        from = d->begin + std::max<std::size_t>(d->length, 1);
    }
    return first_revision;
}

std::string timestamp_day(std::string_view s, bool* uncertain) {
    s = text::trim(s);
    if (uncertain) *uncertain = false;
    auto digits = [&](std::size_t from, std::size_t n) {
        return s.size() >= from + n && std::all_of(s.begin() + static_cast<long>(from),
                                                   s.begin() + static_cast<long>(from + n),
                                                   [](char c) { return c >= '0' && c <= '9'; });
    };
    int y = 0, m = 0, d = 0;
    if (digits(0, 4) && s.size() >= 10 && s[4] == '-' && digits(5, 2) && s[7] == '-' &&
        digits(8, 2)) {
        y = std::stoi(std::string(s.substr(0, 4)));
        m = std::stoi(std::string(s.substr(5, 2)));
        d = std::stoi(std::string(s.substr(8, 2)));
        // A time in UTC ("...T23:29:49Z") says little about the day the
        // page shows in its own zone: trusted only between 10:00 and 14:00,
        // when every zone from UTC-10 to UTC+10 has the same day. A time
        // with its offset ("+01:00") is the publisher's own clock.
        if (s.size() >= 13 && (s[10] == 'T' || s[10] == ' ') && digits(11, 2) &&
            (s.back() == 'Z' || s.ends_with("+00:00") || s.ends_with("+0000"))) {
            int hour = std::stoi(std::string(s.substr(11, 2)));
            if ((hour < 10 || hour >= 14) && uncertain) *uncertain = true;
        }
    } else if (digits(0, 8) && (s.size() == 8 || !std::isdigit(static_cast<unsigned char>(s[8])))) {
        y = std::stoi(std::string(s.substr(0, 4)));
        m = std::stoi(std::string(s.substr(4, 2)));
        d = std::stoi(std::string(s.substr(6, 2)));
    } else if (auto found = find_date(s, DateOrder::unknown); found && !found->ambiguous) {
        return found->iso;
    } else {
        return {};
    }
    if (!calendar::valid(y, m, d)) return {};
    return calendar::iso({y, m, d});
}

}  // namespace gazette
