#include "schema.hpp"

#include <fmt/format.h>

#include "errors.hpp"
#include "hash.hpp"
#include "stemmer.hpp"

namespace gazette::schema {

void configure(Xapian::TermGenerator& termgen) {
    termgen.set_stemmer(stemmer());
    termgen.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
}

void configure(Xapian::QueryParser& parser) {
    parser.set_stemmer(stemmer());
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
}

Xapian::TermGenerator& term_generator() {
    thread_local Xapian::TermGenerator termgen = [] {
        Xapian::TermGenerator tg;
        configure(tg);
        return tg;
    }();
    return termgen;
}

const std::string& text_of(const Document& doc, Part part) {
    return part == Part::title ? doc.title : doc.body;
}

void index_text_field(Xapian::TermGenerator& termgen, const Field& field, const std::string& text,
                      bool with_prefix) {
    if (with_prefix && !field.prefix.empty())
        termgen.index_text(text, 1, std::string(field.prefix));
    if (field.weight > 0) termgen.index_text(text, field.weight);
    termgen.increase_termpos(field_gap);
}

namespace {

std::string mismatch(const std::string& path, const std::string& found, Access access) {
    return fmt::format("index {} has schema version {}, this gazette {} version {}: {}", path,
                       found.empty() ? "none" : found, access == Access::read ? "reads" : "writes",
                       schema_version,
                       access == Access::read ? "re-index it" : "remove it and index again");
}

}  // namespace

void check_version(const Xapian::Database& db, const std::string& path, Access access) {
    auto found = db.get_metadata(std::string(version_key));
    if (found == std::to_string(schema_version)) return;
    if (found.empty() && access == Access::read)
        throw Error(ErrorKind::schema_mismatch,
                    fmt::format("{} is a Xapian database but not a gazette index "
                                "(no schema version)",
                                path));
    if (found.empty() && access == Access::write && db.get_doccount() == 0) return;
    throw Error(ErrorKind::schema_mismatch, mismatch(path, found, access));
}

void check_version(Xapian::WritableDatabase& db, const std::string& path) {
    check_version(static_cast<const Xapian::Database&>(db), path, Access::write);
    if (db.get_metadata(std::string(version_key)).empty()) {
        db.set_metadata(std::string(version_key), std::to_string(schema_version));
        db.commit();
    }
}

std::string id_term(std::string_view id) {
    std::string term(prefix::unique_id);
    if (term.size() + id.size() <= max_term_bytes) return term.append(id);
    // Keep a readable head and make the tail unique with a 64-bit hash.
    term.append(id.substr(0, max_term_bytes - term.size() - 17));
    term += fmt::format("#{:016x}", hash64(id));
    return term;
}

std::string copy_group_term(std::string_view group) {
    return fmt::format("{}{:016x}", prefix::copy_group, hash64(group));
}

std::string bounded_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    term.append(value);
    if (term.size() <= max_term_bytes) return term;
    term.resize(max_term_bytes - 17);
    term += fmt::format("#{:016x}", hash64(value));
    return term;
}

}  // namespace gazette::schema
