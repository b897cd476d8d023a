#include "request_params.hpp"

#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>

#include "text.hpp"

namespace gazette::server {

namespace {

[[noreturn]] void bad(const std::string& key, const std::string& why) {
    throw Error(ErrorKind::bad_query, fmt::format("parameter \"{}\": {}", key, why));
}

std::size_t number(const std::string& key, const std::string& text) {
    auto n = text::whole_number(text);
    if (!n) bad(key, fmt::format("expected a whole number, not \"{}\"", text));
    return static_cast<std::size_t>(*n);
}

bool boolean(const std::string& key, const std::string& text) {
    if (text.empty() || text == "1" || text == "true" || text == "yes" || text == "on") return true;
    if (text == "0" || text == "false" || text == "no" || text == "off") return false;
    bad(key, fmt::format("expected true or false, not \"{}\"", text));
}

SortOrder sort_order(const std::string& key, const std::string& text) {
    if (text == "relevance") return SortOrder::relevance;
    if (text == "date") return SortOrder::date;
    bad(key, fmt::format("expected relevance or date, not \"{}\"", text));
}

// One field of the request: its query-string key, its JSON key, whether it
// takes several values, and how a value is stored.
struct Field {
    const char* param;
    const char* json;
    bool list;
    void (*set)(SearchRequest&, const std::string& key, const std::string& value);
};

const std::array<Field, 16> fields{{
    {"q", "query", false, [](SearchRequest& r, auto&, auto& v) { r.query = v; }},
    {"outlet", "outlets", true, [](SearchRequest& r, auto&, auto& v) { r.outlets.push_back(v); }},
    {"speaker", "speakers", true,
     [](SearchRequest& r, auto&, auto& v) { r.speakers.push_back(v); }},
    {"since", "since", false, [](SearchRequest& r, auto&, auto& v) { r.since = v; }},
    {"until", "until", false, [](SearchRequest& r, auto&, auto& v) { r.until = v; }},
    {"sort", "sort", false, [](SearchRequest& r, auto& k, auto& v) { r.sort = sort_order(k, v); }},
    {"reverse", "reverse", false,
     [](SearchRequest& r, auto& k, auto& v) { r.reverse = boolean(k, v); }},
    {"limit", "limit", false, [](SearchRequest& r, auto& k, auto& v) { r.limit = number(k, v); }},
    {"offset", "offset", false,
     [](SearchRequest& r, auto& k, auto& v) { r.offset = number(k, v); }},
    {"snippet_length", "snippet_length", false,
     [](SearchRequest& r, auto& k, auto& v) { r.snippet_length = number(k, v); }},
    {"facets", "facets", false,
     [](SearchRequest& r, auto& k, auto& v) { r.facets = boolean(k, v); }},
    {"facet_limit", "facet_limit", false,
     [](SearchRequest& r, auto& k, auto& v) { r.facet_limit = number(k, v); }},
    {"like", "like", false, [](SearchRequest& r, auto&, auto& v) { r.like = v; }},
    {"all_copies", "all_copies", false,
     [](SearchRequest& r, auto& k, auto& v) { r.all_copies = boolean(k, v); }},
    {"suggest", "suggest", false,
     [](SearchRequest& r, auto& k, auto& v) { r.suggest = boolean(k, v); }},
    {"ranking", "ranking", false, [](SearchRequest& r, auto&, auto& v) { r.ranking = v; }},
}};

SearchRequest defaults() {
    SearchRequest r;
    r.suggest = true;
    return r;
}

}  // namespace

SearchRequest request_from_params(const ParamLookup& get) {
    SearchRequest r = defaults();
    for (const auto& f : fields) {
        auto values = get(f.param);
        if (values.empty() && std::string_view(f.param) == "q") values = get("query");
        if (values.size() > 1 && !f.list) bad(f.param, "given more than once");
        for (const auto& v : values) f.set(r, f.param, v);
    }
    return r;
}

SearchRequest request_from_json(std::string_view body) {
    nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw Error(ErrorKind::bad_query, "the request body is not a JSON object");
    SearchRequest r = defaults();
    for (const auto& item : j.items()) {
        // Named copies: clang 14 cannot capture structured bindings.
        const std::string key = item.key();
        const nlohmann::json& value = item.value();
        const Field* field = nullptr;
        for (const auto& f : fields)
            if (key == f.json) field = &f;
        if (!field) bad(key, "unknown (see docs/server.md)");
        auto text = [&](const nlohmann::json& v) -> std::string {
            if (v.is_string()) return v.get<std::string>();
            if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
            if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
            bad(key, "expected a string, a whole number or true/false");
        };
        if (field->list) {
            if (!value.is_array()) bad(key, "expected a list of strings");
            for (const auto& v : value) {
                if (!v.is_string()) bad(key, "expected a list of strings");
                field->set(r, key, v.get<std::string>());
            }
        } else {
            field->set(r, key, text(value));
        }
    }
    return r;
}

}  // namespace gazette::server
