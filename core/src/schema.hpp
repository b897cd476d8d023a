// The one description of a gazette index, shared by the indexer (which
// writes documents by looping over `fields`) and the searcher (whose query
// parser is configured by looping over the same table). Private to gazette:
// the public headers speak of fields, never of prefixes or slots.
//
// Layout of one Xapian document (one article):
//
//   Terms
//     (none)      title and body words, stems only (STEM_ALL), with
//                 positions: Snowball English, except that -able/-ible
//                 words keep that suffix ("accessibility" and "accessible"
//                 -> "accessibl", not "access"). Title words carry the title
//                 field's weight as wdf so a title match ranks higher; a gap
//                 of `field_gap` positions separates title and body.
//     S           title words (stems, positions): the `title:` field.
//     XOUTLET:    one boolean term per outlet name and alias, lower-case and
//                 space-normalised ("XOUTLET:russia today", "XOUTLET:rt").
//     XO          outlet words (lower-case, unstemmed, positions, a gap
//                 between names): `outlet:expatica`, `--outlet "russia
//                 today"` match any word or phrase of a name.
//     XSPEAKER:   like XOUTLET: for speakers' full names.
//     XP          like XO for speakers' names.
//     D M Y       date terms: D20090126, M200901, Y2009 (Omega's conventions).
//     XB          MinHash band terms of the body (indexer/src/near_duplicates.hpp):
//                 "XB" + band number (2 digits) + 16 hex digits. Articles
//                 sharing one are compared as possible copies.
//     XDUP        the copy group: "XDUP" + 16 hex digits of the group id's
//                 hash, to list a group's members.
//     XCOPY       on an article whose copy group is an earlier article's
//                 (a copy: its slot 4 is not its own id), so the searcher
//                 counts collapsed results over copies alone.
//     XCOPYSEEN   on every article with a copy group (slot 4) written by a
//                 version that marks copies: when this term's frequency is
//                 slot 4's value count, every copy is marked (older
//                 indexes, and stubs mixing them, are counted the slow way).
//     Q           unique id: "Q" + the document id. A file's id is its path
//                 relative to the parent of the root folder it was found
//                 under ("corpus/2009/a.txt"), so moving the collection
//                 changes nothing; a record's id is its own. Ids longer than
//                 `max_id_term_bytes` are hashed. Re-indexing replaces the
//                 document holding this term.
//   Values
//     slot 0      publication date as YYYYMMDD (absent when unknown).
//     slot 1      outlets' canonical names joined by `list_separator`.
//     slot 2      speakers' names joined likewise.
//     slot 3      the fingerprint and id (record.hpp: encode_fingerprint):
//                 what incremental indexing compares, read in one pass.
//     slot 4      copy group: the id of the first article of its group of
//                 near-duplicates (its own id when it has none); absent for
//                 bodies too short to compare. Results collapse on it.
//     slot 5      the body's MinHash signature (64 x 4 bytes, big-endian).
//   Spelling
//     title and body words feed Xapian's spelling table.
//   Synonyms (namespace synonym below)
//     "V" + stem -> other spellings' stems; "F" + stem -> derivational
//     relatives' stems; "A" + words -> aliases (acronyms both ways, user
//     synonyms). Written by IndexWriter::commit and put.
//   Data
//     the stored record, JSON (record.hpp): {"id", "path", "url", "title",
//     "date", "outlets", "speakers", "body"}; the cleaned body is kept so
//     snippets never re-read files.
//   Metadata
//     "gazette.schema"  = `schema_version`; other versions are refused.
//     "gazette.roots"   = JSON [{"label", "path"}]: the folders indexed, so a
//                         moved folder is recognised (indexer/src/roots.cpp).
//     "gazette.extract" = the extraction settings hash of the last run.
#pragma once

#include <xapian.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "gazette/document.hpp"

namespace gazette::schema {

/// Bumped whenever the layout above changes incompatibly (2: the -able/-ible
/// stemming exception; 3: relative ids, fingerprint slot, record with id/url;
/// 4: synonym table, near-duplicate groups).
inline constexpr int schema_version = 4;
/// Database metadata key holding `schema_version`.
inline constexpr std::string_view version_key = "gazette.schema";
/// Metadata key holding the root registry.
inline constexpr std::string_view roots_key = "gazette.roots";

/// How a field is indexed and queried.
enum class FieldKind {
    text,   ///< words with positions, stemmed or not (title, body)
    names,  ///< list of names: exact boolean terms + positional words (outlet, speaker)
    date,   ///< a date: value slot + D/M/Y boolean terms (date)
    id,     ///< unique id: one boolean term (id)
};

/// Which part of a document a field holds.
enum class Part { title, body, outlets, speakers, date, id };

/// One field of the index and (when `query_name` is set) of the query language.
struct Field {
    std::string_view name;         ///< field name, e.g. "outlet"
    Part part;                     ///< which part of the document it holds
    FieldKind kind;                ///< how it is indexed and queried
    std::string_view prefix;       ///< text: word prefix; names: exact-name prefix; id: id prefix
    std::string_view word_prefix;  ///< names: per-word prefix ("" otherwise)
    std::optional<unsigned> slot;  ///< value slot, if the field has one
    unsigned weight;               ///< text: wdf of each word in the unprefixed (free text) space
    bool stemmed;                  ///< words stemmed (STEM_ALL) rather than kept whole
    bool queryable;                ///< `name:` is part of the query language
};

/// Term prefixes (see the layout above); only this header names them.
namespace prefix {
inline constexpr std::string_view unique_id = "Q";
inline constexpr std::string_view title = "S";
inline constexpr std::string_view outlet = "XOUTLET:";
inline constexpr std::string_view outlet_word = "XO";
inline constexpr std::string_view speaker = "XSPEAKER:";
inline constexpr std::string_view speaker_word = "XP";
inline constexpr std::string_view day = "D";
inline constexpr std::string_view month = "M";
inline constexpr std::string_view year = "Y";
inline constexpr std::string_view copy_band = "XB";
inline constexpr std::string_view copy_group = "XDUP";
inline constexpr std::string_view copy = "XCOPY";           ///< the whole term
inline constexpr std::string_view copy_seen = "XCOPYSEEN";  ///< the whole term
}  // namespace prefix

/// Keys of the index's synonym table, written by the indexer and read by
/// query expansion (searcher/src/query_expansion.cpp). Key = kind + word.
namespace synonym {
/// stem -> the stem of another spelling of the word ("defenc" -> "defens"),
/// from SCOWL's British and American lists; searched as the same word.
inline constexpr std::string_view variant = "V";
/// stem -> a derivational relative's stem ("suspens" -> "suspend"), from
/// WordNet; weighted below the word typed.
inline constexpr std::string_view family = "F";
/// lower-case words -> lower-case words: an acronym and its long form both
/// ways ("cfe" <-> "conventional forces in europe"), mined from the
/// articles, and user synonyms (gazette-index --synonyms).
inline constexpr std::string_view alias = "A";
}  // namespace synonym

namespace slot {
inline constexpr unsigned date = 0;            ///< "YYYYMMDD"
inline constexpr unsigned outlets = 1;         ///< names joined by list_separator
inline constexpr unsigned speakers = 2;        ///< names joined by list_separator
inline constexpr unsigned fingerprint = 3;     ///< record.hpp: encode_fingerprint
inline constexpr unsigned copy_group = 4;      ///< id naming the article's copy group
inline constexpr unsigned copy_signature = 5;  ///< MinHash signature (near_duplicates.hpp)
}  // namespace slot

/// Every field, in the order the indexer writes them: title before body (the
/// position gap goes between them).
inline constexpr std::array<Field, 6> fields{{
    {"title", Part::title, FieldKind::text, prefix::title, "", std::nullopt, 3, true, true},
    {"body", Part::body, FieldKind::text, "", "", std::nullopt, 1, true, false},
    {"outlet", Part::outlets, FieldKind::names, prefix::outlet, prefix::outlet_word, slot::outlets,
     0, false, true},
    {"speaker", Part::speakers, FieldKind::names, prefix::speaker, prefix::speaker_word,
     slot::speakers, 0, false, true},
    {"date", Part::date, FieldKind::date, prefix::day, "", slot::date, 0, false, true},
    {"id", Part::id, FieldKind::id, prefix::unique_id, "", slot::fingerprint, 0, false, false},
}};

/// Looks a field up by name; nullptr when unknown.
constexpr const Field* find_field(std::string_view name) {
    for (const auto& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

/// The field holding `part` (every part has exactly one).
constexpr const Field& field_for(Part part) {
    for (const auto& f : fields)
        if (f.part == part) return f;
    return fields[0];  // unreachable: the table covers every part
}

/// Separates the names in a multi-valued slot (ASCII unit separator).
inline constexpr char list_separator = '\x1f';
/// Position gap between text fields and between names, so phrases never
/// match across them.
inline constexpr unsigned field_gap = 100;
/// Longer terms are cut or hashed (Xapian's limit is 245 bytes).
inline constexpr std::size_t max_term_bytes = 200;
/// Stemming language (Snowball) for indexing, query parsing and snippets;
/// the -able/-ible exception above is applied on top of it.
inline constexpr std::string_view stem_language = "english";

/// Stems only, with positions, for both the TermGenerator and the
/// QueryParser: one strategy, set here for both (STEM_ALL measured 2x faster
/// to index than Omega's STEM_SOME, with no loss on the test collections).
void configure(Xapian::TermGenerator& termgen);
/// See configure(TermGenerator&).
void configure(Xapian::QueryParser& parser);

/// This thread's term generator, configured as above, with no database (no
/// spelling data written per word). Set it to a document, index, then set
/// it back to `Xapian::Document()` before the document leaves the thread:
/// Xapian's handles count references without atomics.
[[nodiscard]] Xapian::TermGenerator& term_generator();

/// A document's text for a text field's part: its title or its body.
[[nodiscard]] const std::string& text_of(const Document& doc, Part part);

/// Indexes `text`, the text field `field` of a document, through `termgen`
/// (configured, and set to the document): its words under the field's
/// prefix (when it has one and `with_prefix`) and, `field.weight` times,
/// in the unprefixed space that plain query words search; then a gap of
/// field_gap positions. The indexer writes every text field this way, and
/// the searcher makes a stored article's free-text words again this way
/// (feedback through a remote shard), so the two agree.
void index_text_field(Xapian::TermGenerator& termgen, const Field& field, const std::string& text,
                      bool with_prefix = true);

/// Whether an index is opened to read (a missing version is an error) or to
/// write (an empty database without a version gets ours).
enum class Access { read, write };

/// Checks (and for an empty writable database, records) the schema version
/// of the index at `path`. @throws Error schema_mismatch.
void check_version(const Xapian::Database& db, const std::string& path, Access access);
/// For Access::write: records the version on a new, empty index.
void check_version(Xapian::WritableDatabase& db, const std::string& path);

/// The unique-id term for a document id (hashed when long).
[[nodiscard]] std::string id_term(std::string_view id);

/// The term listing the members of copy group `group` ("XDUP" + hash).
[[nodiscard]] std::string copy_group_term(std::string_view group);

/// Whether `term` is a free-text word (title and body stems): prefixes are
/// upper case, words never are.
[[nodiscard]] inline bool is_free_text_term(std::string_view term) {
    return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

/// A names-field term, cut to the term length limit.
[[nodiscard]] std::string bounded_term(std::string_view prefix, std::string_view value);

}  // namespace gazette::schema
