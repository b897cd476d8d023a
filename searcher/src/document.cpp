#include "document.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "gazette/error.hpp"
#include "gazette/schema.hpp"

namespace gazette {

std::string encode_document_data(const DocumentRecord& r) {
    nlohmann::json j;
    j["path"] = r.path;
    j["title"] = r.title;
    j["date"] = r.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.date);
    j["outlets"] = r.outlets;
    j["speakers"] = r.speakers;
    j["body"] = r.body;
    // Replace invalid UTF-8 rather than fail: the text came from scraped files.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

DocumentRecord decode_document_data(const std::string& data) {
    try {
        auto j = nlohmann::json::parse(data);
        DocumentRecord r;
        r.path = j.at("path").get<std::string>();
        r.title = j.at("title").get<std::string>();
        if (!j.at("date").is_null()) r.date = j.at("date").get<std::string>();
        r.outlets = j.at("outlets").get<std::vector<std::string>>();
        r.speakers = j.at("speakers").get<std::vector<std::string>>();
        r.body = j.at("body").get<std::string>();
        return r;
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::corrupt, fmt::format("unreadable document data: {}", e.what()));
    }
}

std::string id_term(const std::string& path) {
    std::string term(schema::prefix::unique_id);
    if (term.size() + path.size() <= schema::max_id_term_bytes) return term + path;
    // Keep a readable head and make the tail unique with a 64-bit FNV-1a hash.
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : path) h = (h ^ c) * 1099511628211ULL;
    term += path.substr(0, schema::max_id_term_bytes - term.size() - 17);
    term += fmt::format("#{:016x}", h);
    return term;
}

std::string date_to_value(const std::string& iso) {
    std::string v;
    for (char c : iso)
        if (c != '-') v += c;
    return v;
}

}  // namespace gazette
