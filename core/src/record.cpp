#include "record.hpp"

#include <fmt/format.h>

#include <charconv>

#include "gazette/error.hpp"

namespace gazette::record {

namespace {

nlohmann::json or_null(const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

std::string string_at(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    return it->get<std::string>();
}

std::vector<std::string> list_at(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    return it->get<std::vector<std::string>>();
}

}  // namespace

nlohmann::json to_json(const Document& d, bool with_body) {
    nlohmann::json j;
    j["id"] = d.id;
    j["path"] = or_null(d.path);
    j["url"] = or_null(d.url);
    j["title"] = d.title;
    j["date"] = or_null(d.date);
    j["outlets"] = d.outlets;
    j["speakers"] = d.speakers;
    if (with_body) j["body"] = d.body;
    return j;
}

Document from_json(const nlohmann::json& j) {
    try {
        if (!j.is_object()) throw Error(ErrorKind::corrupt, "document record is not an object");
        Document d;
        d.id = string_at(j, "id");
        d.path = string_at(j, "path");
        d.url = string_at(j, "url");
        d.title = string_at(j, "title");
        d.date = string_at(j, "date");
        d.outlets = list_at(j, "outlets");
        d.speakers = list_at(j, "speakers");
        d.body = string_at(j, "body");
        return d;
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::corrupt, fmt::format("unreadable document record: {}", e.what()));
    }
}

std::string dump(const nlohmann::json& json) {
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string encode(const Document& doc) {
    return dump(to_json(doc, true));
}

Document decode(const std::string& data) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(data);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::corrupt, fmt::format("unreadable document data: {}", e.what()));
    }
    return from_json(j);
}

// "v1 <content hex> <settings hex> <size> <mtime>\n<id>"
std::string encode_fingerprint(const Fingerprint& fp, std::string_view id) {
    return fmt::format("v1 {:016x} {:016x} {} {}\n{}", fp.content_hash, fp.settings_hash, fp.size,
                       fp.mtime_ns, id);
}

bool decode_fingerprint(std::string_view value, Fingerprint& fp, std::string& id) {
    auto nl = value.find('\n');
    if (nl == std::string_view::npos || !value.starts_with("v1 ")) return false;
    std::string_view head = value.substr(3, nl - 3);
    auto next = [&](auto& out, int base) {
        auto space = head.find(' ');
        auto part = head.substr(0, space);
        auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), out, base);
        head = space == std::string_view::npos ? std::string_view() : head.substr(space + 1);
        return ec == std::errc() && p == part.data() + part.size();
    };
    Fingerprint f;
    if (!next(f.content_hash, 16) || !next(f.settings_hash, 16) || !next(f.size, 10) ||
        !next(f.mtime_ns, 10) || !head.empty())
        return false;
    fp = f;
    id.assign(value.substr(nl + 1));
    return true;
}

}  // namespace gazette::record
