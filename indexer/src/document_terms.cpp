#include "document_terms.hpp"

#include "calendar.hpp"
#include "record.hpp"
#include "schema.hpp"
#include "text.hpp"

namespace gazette {

namespace {

using schema::Field;
using schema::FieldKind;
using schema::Part;

const std::vector<std::string>& names_of(const Document& doc, Part part) {
    return part == Part::outlets ? doc.outlets : doc.speakers;
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += schema::list_separator;
        out += n;
    }
    return out;
}

// Names as exact boolean terms and as positional words (with a gap between
// names so a phrase cannot span two of them).
void add_names(Xapian::Document& xdoc, const Field& field, const std::vector<std::string>& names,
               const OutletRegistry* registry) {
    Xapian::termpos pos = 1;
    auto add_one = [&](const std::string& name) {
        auto norm = text::normalize_name(name);
        if (norm.empty()) return;
        xdoc.add_boolean_term(schema::bounded_term(field.prefix, norm));
        for (const auto& w : text::tokenize(name)) {
            auto term = schema::bounded_term(field.word_prefix, w.lower);
            xdoc.add_posting(term, pos++);
        }
        pos += schema::field_gap;
    };
    for (const auto& name : names) {
        add_one(name);
        // Aliases too, so "--outlet RT" finds Russia Today.
        if (registry)
            if (const Outlet* o = registry->find(name))
                for (const auto& alias : o->aliases) add_one(alias);
    }
    if (field.slot) xdoc.add_value(*field.slot, join_names(names));
}

void add_date(Xapian::Document& xdoc, const Field& field, const std::string& iso) {
    auto day = calendar::parse_iso(iso);
    if (!day) return;
    auto v = calendar::compact(*day);
    if (field.slot) xdoc.add_value(*field.slot, v);
    xdoc.add_boolean_term(std::string(schema::prefix::day) + v);
    xdoc.add_boolean_term(std::string(schema::prefix::month) + v.substr(0, 6));
    xdoc.add_boolean_term(std::string(schema::prefix::year) + v.substr(0, 4));
}

}  // namespace

Xapian::Document make_xapian_document(const Document& doc, Xapian::TermGenerator& tg,
                                      const OutletRegistry& registry) {
    Xapian::Document xdoc;
    tg.set_document(xdoc);
    for (const Field& field : schema::fields) {
        switch (field.kind) {
            case FieldKind::text:
                schema::index_text_field(tg, field, schema::text_of(doc, field.part));
                break;
            case FieldKind::names:
                add_names(xdoc, field, names_of(doc, field.part),
                          field.part == Part::outlets ? &registry : nullptr);
                break;
            case FieldKind::date:
                add_date(xdoc, field, doc.date);
                break;
            case FieldKind::id:
                xdoc.add_boolean_term(schema::id_term(doc.id));
                if (field.slot)
                    xdoc.add_value(*field.slot,
                                   record::encode_fingerprint(doc.fingerprint, doc.id));
                break;
        }
    }
    xdoc.set_data(record::encode(doc));
    return xdoc;
}

}  // namespace gazette
