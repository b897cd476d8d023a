// A document made ready for the index without touching it: terms, values,
// data, copy signature, acronyms and spelling words, all computed from the
// Document alone. Thread-safe, so index_sources' workers prepare documents
// in parallel and the one writer thread only writes (IndexWriter::put).
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "acronyms.hpp"
#include "gazette/document.hpp"
#include "gazette/outlets.hpp"
#include "near_duplicates.hpp"

namespace gazette {

struct PreparedDocument {
    std::string id;
    Xapian::Document xdoc;              ///< terms, values (not the copy group) and data
    Signature signature;                ///< empty for bodies too short to compare
    std::vector<std::string> bands;     ///< the signature's band terms
    std::vector<AcronymPair> acronyms;  ///< (acronym, long form) from title and body
    /// Words for the spelling table (title and body words as written,
    /// lower-cased) and how often the document has them.
    std::vector<std::pair<std::string, Xapian::termcount>> spellings;
    /// Its stems that have other spellings or word-family members.
    std::vector<std::string> linked_stems;
    /// The index has no document with this id (so it is added, not replaced).
    bool is_new = false;
};

/// Prepares `doc` (which must have an id). Thread-safe: each thread uses
/// its own term generator.
/// @throws Error invalid_input when doc.id is empty.
PreparedDocument prepare_document(const Document& doc, const OutletRegistry& registry);

}  // namespace gazette
