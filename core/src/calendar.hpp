// The one calendar: valid days, month names, and the date forms gazette
// reads from people (manifests, query ranges, --since/--until). Extraction
// (indexer/src/dates.cpp) finds dates in article text and validates them
// here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette::calendar {

/// A calendar day.
struct Day {
    int year = 0, month = 0, day = 0;
    auto operator<=>(const Day&) const = default;
};

/// Years gazette accepts as publication dates.
inline constexpr int first_year = 1800, last_year = 2199;

[[nodiscard]] bool is_leap(int year);
[[nodiscard]] int days_in_month(int year, int month);
/// True for a real calendar day within [first_year, last_year].
[[nodiscard]] bool valid(int year, int month, int day);

/// "2009-01-26" (exactly), or nullopt when not a valid day in that form.
[[nodiscard]] std::optional<Day> parse_iso(std::string_view text);
/// YYYY-MM-DD.
[[nodiscard]] std::string iso(const Day& d);
/// YYYYMMDD (the date value slot's and D-term's form).
[[nodiscard]] std::string compact(const Day& d);
/// "2009-01-26" -> "20090126"; empty for an empty or invalid date.
[[nodiscard]] std::string compact(std::string_view iso_date);

/// 1-12 for an English month name or abbreviation ("jan", "Sept.",
/// "January"), any case; 0 otherwise.
[[nodiscard]] int month_number(std::string_view name);

/// A period: a whole year, month or day, or a range of them; an open end
/// is nullopt.
struct Period {
    std::optional<Day> first, last;
};

/// "2009" (the year), "2009-03" (the month), "2009-03-05" (the day), or a
/// range "A..B", "A..", "..B" of those. nullopt with `why` set when the text
/// is not one (an unknown form, an impossible day, a range ending before it
/// starts).
[[nodiscard]] std::optional<Period> parse_period(std::string_view text, std::string& why);

}  // namespace gazette::calendar
