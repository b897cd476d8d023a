// The stored form of one article (document data and id term), written by
// the indexer and read by the searcher. See gazette/schema.hpp.
#pragma once

#include <string>
#include <vector>

namespace gazette {

/// What the index keeps about one article.
struct DocumentRecord {
    std::string path;  ///< absolute path of the article file
    std::string title;
    std::string date;  ///< YYYY-MM-DD or empty
    std::vector<std::string> outlets;
    std::vector<std::string> speakers;
    std::string body;  ///< cleaned body text, paragraphs separated by blank lines
};

/// Serialises a record as the document data (JSON, see schema.hpp).
std::string encode_document_data(const DocumentRecord& record);
/// Parses document data; throws gazette::Error(corrupt) when it is not ours.
DocumentRecord decode_document_data(const std::string& data);

/// The unique-id term for an article path (hashed when long).
std::string id_term(const std::string& path);

/// "2009-01-26" -> "20090126" (the date value slot's format).
std::string date_to_value(const std::string& iso_date);

}  // namespace gazette
