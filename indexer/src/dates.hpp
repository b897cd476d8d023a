// Publication dates: the date forms scraped articles use, and the
// day/month rule for numeric dates.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gazette/outlets.hpp"

namespace gazette {

/// A date found in a line.
struct FoundDate {
    std::string iso;        ///< YYYY-MM-DD
    std::size_t begin = 0;  ///< byte offset of the match in the line
    std::size_t length = 0;
    std::string form;        ///< which form matched, e.g. "month day, year"
    bool ambiguous = false;  ///< numeric with day and month both <= 12
    bool revision = false;   ///< introduced by "Updated", "Mis à jour", ...
};

/// Dates are looked for in a line's first 4 KiB only (a date line is short;
/// the bound keeps the work per line constant).
inline constexpr std::size_t max_date_line_bytes = 4096;

/// The first complete (day, month and year) valid date in `line`.
/// Numeric dates whose order is ambiguous are read by `order` (day-first
/// when unknown); dotted ones (05.03.2009) are always day-first. Impossible dates (31/02/2009) and
/// year-less ones are ignored. A two-digit year is read only with a time
/// after it ("11/18/19 11:04 PM"), 69-99 as 19xx and 00-68 as 20xx.
std::optional<FoundDate> find_date(std::string_view line, DateOrder order);

/// The publication date of a header line: its first date not introduced by
/// a revision word (indexer/data/words/updated_words.txt: "Updated",
/// "Last modified", "Mis à jour"); failing that its first revision date,
/// flagged `revision`.
std::optional<FoundDate> find_publication_date(std::string_view line, DateOrder order);

/// The day of a machine-written timestamp or date ("2015-07-24T05:36:09+01:00",
/// "2015-07-24", "20150724", or a written date as find_date reads it), as
/// YYYY-MM-DD; empty when there is none. `uncertain` (may be null) is set
/// for a UTC time outside 10:00-14:00, when the day the publisher's own
/// zone shows may differ.
std::string timestamp_day(std::string_view text, bool* uncertain = nullptr);

}  // namespace gazette
