/// @file schema.hpp
/// The one description of a gazette index, shared by the indexer and the
/// searcher. Nothing about term prefixes, value slots or the document data
/// format is written anywhere else.
///
/// Layout of one Xapian document (one article):
///
///   Terms
///     (none)      body and title words, stems only (STEM_ALL), with
///                 positions: Snowball English, except that -able/-ible
///                 words keep that suffix ("accessibility" and
///                 "accessible" -> "accessibl", not "access"). Title words get
///                 `title_weight` as wdf so a title match ranks higher.
///     S           title words (stems, positions): the `title:` field.
///     XOUTLET:    one boolean term per outlet name and alias, lower-case
///                 and space-normalised ("XOUTLET:russia today",
///                 "XOUTLET:rt"): exact filters and, later, facets.
///     XO          outlet words (lower-case, unstemmed, positions, a gap
///                 between names): `outlet:expatica`, `--outlet "russia
///                 today"` match any word or phrase of a name.
///     XSPEAKER:   like XOUTLET: for speakers' full names.
///     XP          like XO for speakers' names.
///     D Y M       date terms: D20090126, M200901, Y2009 (Omega's
///                 conventions).
///     Q           unique id: "Q" + the article's absolute path; paths
///                 longer than `max_id_term_bytes` are hashed. Re-indexing
///                 replaces the document holding this term.
///   Values
///     slot 0      publication date as YYYYMMDD (absent when unknown);
///                 sorting, date ranges and the year facet use it.
///     slot 1      outlets' canonical names joined by `list_separator`
///                 (the outlet facet).
///     slot 2      speakers' names joined likewise (the speaker facet).
///   Spelling
///     title and body words feed Xapian's spelling table, for "did you
///     mean" suggestions.
///   Data
///     JSON object {"path", "title", "date" (YYYY-MM-DD or null),
///     "outlets" [..], "speakers" [..], "body"}: everything a hit shows,
///     including the cleaned body so snippets never re-read files.
///   Metadata
///     "gazette.schema" = `schema_version`; other versions are refused.
#pragma once

#include <array>
#include <string_view>

namespace gazette::schema {

/// Bumped whenever the layout above changes incompatibly (2: the
/// -able/-ible stemming exception).
inline constexpr int schema_version = 2;
/// Database metadata key holding `schema_version`.
inline constexpr std::string_view version_key = "gazette.schema";

/// What kind of field a query-language name refers to.
enum class FieldKind {
    free_text,    ///< words searched with positions and stems (`title:`)
    name_filter,  ///< boolean filter over a list of names (`outlet:`)
    date_filter,  ///< date or date range over the date value slot (`date:`)
};

/// One field of the query language and the index.
struct Field {
    std::string_view name;         ///< as typed in queries, e.g. "outlet"
    FieldKind kind;                ///< how it is indexed and queried
    std::string_view prefix;       ///< free text: word prefix; name filter: exact-name prefix
    std::string_view word_prefix;  ///< name filter: per-word prefix ("" otherwise)
};

/// Term prefixes (see the layout above).
namespace prefix {
inline constexpr std::string_view unique_id = "Q";        ///< article id (path)
inline constexpr std::string_view title = "S";            ///< title words
inline constexpr std::string_view outlet = "XOUTLET:";    ///< whole outlet name or alias
inline constexpr std::string_view outlet_word = "XO";     ///< outlet name words
inline constexpr std::string_view speaker = "XSPEAKER:";  ///< whole speaker name
inline constexpr std::string_view speaker_word = "XP";    ///< speaker name words
inline constexpr std::string_view day = "D";              ///< D20090126
inline constexpr std::string_view month = "M";            ///< M200901
inline constexpr std::string_view year = "Y";             ///< Y2009
}  // namespace prefix

/// Every field the query language knows, in one table: the indexer writes
/// and the query parser reads by looping over it.
inline constexpr std::array<Field, 4> fields{{
    {"title", FieldKind::free_text, prefix::title, ""},
    {"outlet", FieldKind::name_filter, prefix::outlet, prefix::outlet_word},
    {"speaker", FieldKind::name_filter, prefix::speaker, prefix::speaker_word},
    {"date", FieldKind::date_filter, "", ""},
}};

/// Looks a field up by its query-language name; nullptr when unknown.
constexpr const Field* find_field(std::string_view name) {
    for (const auto& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

namespace slot {
/// Publication date, "YYYYMMDD".
inline constexpr unsigned date = 0;
/// Outlet names, joined by list_separator.
inline constexpr unsigned outlets = 1;
/// Speaker names, joined by list_separator.
inline constexpr unsigned speakers = 2;
}  // namespace slot

/// Separates the names in a multi-valued slot (ASCII unit separator).
inline constexpr char list_separator = '\x1f';

/// wdf given to each title word in the unprefixed (body) space.
inline constexpr unsigned title_weight = 3;
/// Position gap between title and body, and between names, so phrases
/// never match across them.
inline constexpr unsigned field_gap = 100;
/// Longer id terms are replaced by a hash (Xapian's limit is 245 bytes).
inline constexpr std::size_t max_id_term_bytes = 200;
/// Stemming language (Snowball) for indexing, query parsing and snippets;
/// the -able/-ible exception above is applied on top of it.
inline constexpr std::string_view stem_language = "english";

}  // namespace gazette::schema
