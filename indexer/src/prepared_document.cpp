#include "prepared_document.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "document_terms.hpp"
#include "gazette/error.hpp"
#include "schema.hpp"
#include "text.hpp"
#include "word_links.hpp"

namespace gazette {

// Xapian::TermGenerator's default longest word, in bytes.
constexpr std::size_t max_spelling_word = 64;

PreparedDocument prepare_document(const Document& doc, const OutletRegistry& registry) {
    if (doc.id.empty())
        throw Error(ErrorKind::invalid_input,
                    fmt::format("document \"{}\" has no id", doc.title.substr(0, 60)));
    // The thread's generator, with no database: spelling words are taken
    // from the term list below and written in one go per batch, which is
    // far cheaper than the generator's call per word occurrence.
    Xapian::TermGenerator& termgen = schema::term_generator();
    PreparedDocument p;
    p.id = doc.id;
    p.xdoc = make_xapian_document(doc, termgen, registry);
    // The generator keeps a handle on the document it wrote, and Xapian's
    // handles count references without atomics: let go of it here, before
    // the document passes to the writing thread.
    termgen.set_document(Xapian::Document());
    const auto body_words = text::tokenize(doc.body);  // for copies and acronyms
    p.signature = minhash(body_words);
    if (!p.signature.empty()) p.bands = band_terms(p.signature);
    p.acronyms = find_acronyms(doc.title);
    for (auto& pair : find_acronyms(doc.body, body_words)) p.acronyms.push_back(std::move(pair));
    // The words as typed (the index holds stems only), title and body.
    std::unordered_map<std::string, Xapian::termcount> words;
    words.reserve(body_words.size() / 2 + 16);
    // Longer words the term generator leaves out, and so does this.
    auto add = [&](const text::Token& w) {
        if (w.lower.size() <= max_spelling_word) ++words[w.lower];
    };
    for (const auto& w : text::tokenize(doc.title)) add(w);
    for (const auto& w : body_words) add(w);
    p.spellings.assign(words.begin(), words.end());
    for (auto t = p.xdoc.termlist_begin(); t != p.xdoc.termlist_end(); ++t) {
        const std::string term = *t;
        if (schema::is_free_text_term(term) &&
            (spelling_links().count(term) || family_links().count(term)))
            p.linked_stems.push_back(term);
    }
    return p;
}

}  // namespace gazette
