// Document -> Xapian document: terms, values and data, written by looping
// over the schema's field table (core/src/schema.hpp); nothing here names a
// prefix or a slot.
#pragma once

#include <xapian.h>

#include "gazette/document.hpp"
#include "gazette/outlets.hpp"

namespace gazette {

/// The Xapian document for `doc`. `termgen` must be configured by
/// schema::configure (and may feed a database's spelling table); `registry`
/// supplies the aliases indexed with each outlet.
Xapian::Document make_xapian_document(const Document& doc, Xapian::TermGenerator& termgen,
                                      const OutletRegistry& registry);

}  // namespace gazette
