// IndexWriter: builds the Xapian document for an article, as laid down in
// gazette/schema.hpp, and writes it in batches.
#include <fmt/format.h>
#include <xapian.h>

#include "document.hpp"
#include "errors.hpp"
#include "gazette/indexer.hpp"
#include "gazette/schema.hpp"
#include "stemmer.hpp"
#include "text.hpp"

namespace gazette {

namespace {

// Names as exact boolean terms and as positional words (with a gap
// between names so a phrase cannot span two of them).
void add_names(Xapian::Document& doc, const schema::Field& field,
               const std::vector<std::string>& names, const OutletRegistry* registry) {
    Xapian::termpos pos = 1;
    auto add_one = [&](const std::string& name) {
        auto norm = text::normalize_name(name);
        if (norm.empty()) return;
        std::string term = std::string(field.prefix) + norm;
        if (term.size() > schema::max_id_term_bytes) term.resize(schema::max_id_term_bytes);
        doc.add_boolean_term(term);
        for (const auto& w : text::tokenize(name))
            doc.add_posting(std::string(field.word_prefix) + w.lower, pos++);
        pos += schema::field_gap;
    };
    for (const auto& name : names) {
        add_one(name);
        // Aliases too, so "--outlet RT" finds Russia Today.
        if (registry)
            if (const Outlet* o = registry->find(name))
                for (const auto& alias : o->aliases) add_one(alias);
    }
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += schema::list_separator;
        out += n;
    }
    return out;
}

}  // namespace

struct IndexWriter::Impl {
    std::string path;
    Xapian::WritableDatabase db;
    Xapian::TermGenerator termgen;
    OutletRegistry registry;
    std::size_t batch_size = 500;
    std::size_t pending = 0;
};

IndexWriter::IndexWriter(const std::string& path, std::size_t batch_size, OutletRegistry registry)
    : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    impl_->registry = std::move(registry);
    impl_->batch_size = batch_size == 0 ? 1 : batch_size;
    translate_errors(path, [&] {
        impl_->db = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
        auto version = impl_->db.get_metadata(std::string(schema::version_key));
        auto ours = std::to_string(schema::schema_version);
        if (version.empty() && impl_->db.get_doccount() == 0) {
            impl_->db.set_metadata(std::string(schema::version_key), ours);
            impl_->db.commit();
        } else if (version != ours) {
            throw Error(ErrorKind::schema_mismatch,
                        fmt::format("index {} has schema version {}, this gazette writes version "
                                    "{}: remove it and index again",
                                    path, version.empty() ? "none" : version, ours));
        }
    });
    impl_->termgen.set_database(impl_->db);
    impl_->termgen.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    impl_->termgen.set_stemmer(stemmer());
    impl_->termgen.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
}

IndexWriter::~IndexWriter() {
    try {
        commit();
    } catch (const std::exception&) {
        // A destructor must not throw; callers who care call commit().
    }
}

void IndexWriter::add(const std::string& path, const Article& article) {
    translate_errors(path, [&] {
        Xapian::Document doc;
        auto& tg = impl_->termgen;
        tg.set_document(doc);
        // Title: its own prefix, and boosted in the unprefixed space.
        tg.index_text(article.title, 1, std::string(schema::prefix::title));
        tg.index_text(article.title, schema::title_weight);
        tg.increase_termpos(schema::field_gap);
        tg.index_text(article.body);

        add_names(doc, *schema::find_field("outlet"), article.outlets, &impl_->registry);
        add_names(doc, *schema::find_field("speaker"), article.speakers, nullptr);

        if (!article.date.empty()) {
            auto v = date_to_value(article.date);
            doc.add_value(schema::slot::date, v);
            doc.add_boolean_term(std::string(schema::prefix::day) + v);
            doc.add_boolean_term(std::string(schema::prefix::month) + v.substr(0, 6));
            doc.add_boolean_term(std::string(schema::prefix::year) + v.substr(0, 4));
        }
        doc.add_value(schema::slot::outlets, join_names(article.outlets));
        doc.add_value(schema::slot::speakers, join_names(article.speakers));
        DocumentRecord rec{
            path, article.title, article.date, article.outlets, article.speakers, article.body};
        doc.set_data(encode_document_data(rec));
        auto id = id_term(path);
        doc.add_boolean_term(id);
        impl_->db.replace_document(id, doc);
    });
    if (++impl_->pending >= impl_->batch_size) commit();
}

void IndexWriter::commit() {
    translate_errors(impl_->path, [&] { impl_->db.commit(); });
    impl_->pending = 0;
}

std::size_t IndexWriter::document_count() const {
    return impl_->db.get_doccount();
}

}  // namespace gazette
