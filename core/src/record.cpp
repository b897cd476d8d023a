#include "record.hpp"

#include <fmt/format.h>

#include <charconv>

#include "gazette/error.hpp"
#include "text.hpp"

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

std::string name_at(const nlohmann::json& j, const char* key) {
    auto it = j.find(std::string(key) + "_bytes");
    if (it == j.end() || !it->is_string()) return string_at(j, key);
    const std::string hex = it->get<std::string>();
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        unsigned byte = 0;
        auto [p, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, byte, 16);
        if (ec != std::errc() || p != hex.data() + i + 2)
            throw Error(ErrorKind::corrupt, fmt::format("bad {}_bytes in a document record", key));
        out += static_cast<char>(byte);
    }
    return out;
}

// `text` with each byte that is not part of valid UTF-8 replaced by U+FFFD.
std::string repaired_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::string_view rest = text; !rest.empty();) {
        std::size_t ok = text::valid_utf8_prefix(rest);
        out.append(rest.substr(0, ok));
        if (ok == rest.size()) break;
        out += "\uFFFD";
        rest.remove_prefix(ok + 1);
    }
    return out;
}

// Stored data: a mark byte, the fields' JSON (body left out) and its length,
// then the body as it is. A hit list parses the small JSON alone; only a
// snippet reads the body, and reads it without unescaping.
constexpr char split_mark = '\x01';

// The JSON part and the body of stored data in the split form; false for
// the older form (one JSON object with the body inside).
bool split(std::string_view data, std::string_view& fields, std::string_view& body) {
    if (data.empty() || data[0] != split_mark) return false;
    auto colon = data.find(':');
    std::size_t length = 0;
    auto bad = [] {
        return Error(ErrorKind::corrupt, "unreadable document data: bad field length");
    };
    if (colon == std::string_view::npos) throw bad();
    auto [end, ec] = std::from_chars(data.data() + 1, data.data() + colon, length);
    if (ec != std::errc() || end != data.data() + colon || length > data.size() - colon - 1)
        throw bad();
    fields = data.substr(colon + 1, length);
    body = data.substr(colon + 1 + length);
    return true;
}

nlohmann::json parse(std::string_view text) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::corrupt, fmt::format("unreadable document data: {}", e.what()));
    }
}

}  // namespace

void put_name(nlohmann::json& j, const char* key, const std::string& value) {
    if (value.empty()) {
        j[key] = std::string_view(key) == "id" ? nlohmann::json("") : nlohmann::json(nullptr);
        return;
    }
    if (text::is_valid_utf8(value)) {
        j[key] = value;
        return;
    }
    std::string hex;
    for (unsigned char c : value) hex += fmt::format("{:02x}", c);
    j[key] = repaired_utf8(value);
    j[std::string(key) + "_bytes"] = hex;
}

nlohmann::json to_json(const Document& d, bool with_body) {
    nlohmann::json j;
    put_name(j, "id", d.id);
    put_name(j, "path", d.path);
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
        d.id = name_at(j, "id");
        d.path = name_at(j, "path");
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
    std::string fields = dump(to_json(doc, false));
    std::string out = fmt::format("{}{}:", split_mark, fields.size());
    out += fields;
    out += text::is_valid_utf8(doc.body) ? doc.body : repaired_utf8(doc.body);
    return out;
}

Document decode(const std::string& data) {
    std::string_view fields, body;
    if (!split(data, fields, body)) return from_json(parse(data));
    Document d = from_json(parse(fields));
    d.body.assign(body);
    return d;
}

Document decode_fields(const std::string& data) {
    std::string_view fields, body;
    if (!split(data, fields, body)) {
        Document d = from_json(parse(data));
        d.body.clear();
        return d;
    }
    return from_json(parse(fields));
}

std::string decode_body(const std::string& data) {
    std::string_view fields, body;
    if (!split(data, fields, body)) return from_json(parse(data)).body;
    return std::string(body);
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
