// The stored form of a Document (Xapian document data and the fingerprint
// value) and its one JSON mapping, used by the index, by `gazette-index
// --json`, by `gazette-search --json` and by any future HTTP API. See
// schema.hpp for where each piece lives.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "gazette/document.hpp"

namespace gazette::record {

/// The JSON object of a document's fields: {"id", "path", "url", "title",
/// "date" (YYYY-MM-DD or null), "outlets", "speakers"} plus "body" when
/// `with_body`. Every command and API speaks of documents with these names.
[[nodiscard]] nlohmann::json to_json(const Document& doc, bool with_body);
/// Sets `key` ("id" or "path") of `j` to a file-derived name. Names are
/// bytes: one that is not UTF-8 ("caf\xe9.txt" from a Latin-1 system) is
/// written readable (U+FFFD for the bad bytes) with "<key>_bytes" beside
/// it, the exact bytes in hex, which from_json reads back. An empty path
/// is null.
void put_name(nlohmann::json& j, const char* key, const std::string& value);

/// The inverse of to_json (absent keys stay empty).
/// @throws Error corrupt when `j` is not such an object.
[[nodiscard]] Document from_json(const nlohmann::json& j);

/// Document data as stored in the index: a mark byte (0x01), the length
/// of the fields' JSON (to_json without the body, dumped), ':', that JSON,
/// then the body's bytes as they are, so that a hit list parses the small
/// JSON alone and only a snippet reads the body. Invalid UTF-8 is replaced
/// rather than refused (scraped text).
[[nodiscard]] std::string encode(const Document& doc);
/// Parses stored document data (this form, or the older one: a single JSON
/// object with the body inside). @throws Error corrupt.
[[nodiscard]] Document decode(const std::string& data);
/// The same without the body (left empty), which is neither copied nor
/// parsed. @throws Error corrupt.
[[nodiscard]] Document decode_fields(const std::string& data);
/// The body alone. @throws Error corrupt.
[[nodiscard]] std::string decode_body(const std::string& data);

/// Serialises `json` as one line, replacing invalid UTF-8.
[[nodiscard]] std::string dump(const nlohmann::json& json);

/// The fingerprint slot's value: the fingerprint and the id, so one pass
/// over the slot tells a writer every id it holds and what version it is.
[[nodiscard]] std::string encode_fingerprint(const Fingerprint& fp, std::string_view id);
/// The inverse of encode_fingerprint; false when `value` is not one.
bool decode_fingerprint(std::string_view value, Fingerprint& fp, std::string& id);

}  // namespace gazette::record
