#include "jsonl_record.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "dates.hpp"
#include "text.hpp"

namespace gazette {

namespace {

using Json = nlohmann::json;

const Json* first_of(const Json& j, std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
        auto it = j.find(k);
        if (it != j.end() && !it->is_null() && !(it->is_string() && it->get<std::string>().empty()))
            return &*it;
    }
    return nullptr;
}

// A string, an object's "name", or each of a list of those.
std::vector<std::string> names(const Json* j) {
    std::vector<std::string> out;
    if (!j) return out;
    auto one = [&](const Json& x) {
        std::string s;
        if (x.is_string())
            s = x.get<std::string>();
        else if (x.is_object() && x.contains("name") && x["name"].is_string())
            s = x["name"].get<std::string>();
        s = std::string(text::trim(s));
        if (!s.empty()) out.push_back(std::move(s));
    };
    if (j->is_array())
        for (const auto& x : *j) one(x);
    else
        one(*j);
    return out;
}

std::string string_of(const Json* j) {
    auto n = names(j);
    return n.empty() ? std::string() : n.front();
}

}  // namespace

JsonlRecord parse_jsonl_record(std::string_view line) {
    JsonlRecord r;
    Json j = Json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded()) {
        // Say where: parse again with exceptions for the message.
        try {
            Json again = Json::parse(line.begin(), line.end());
            (void)again;
        } catch (const Json::exception& e) {
            std::string what = e.what();
            auto colon = what.find("syntax error");
            r.error = "not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon));
        }
        if (r.error.empty()) r.error = "not valid JSON";
        return r;
    }
    if (!j.is_object()) {
        r.error = "expected a JSON object (one article per line)";
        return r;
    }
    r.overrides.origin = "JSONL record";
    r.overrides.title = string_of(first_of(j, {"title", "headline"}));
    r.overrides.url = string_of(first_of(j, {"url", "link", "canonical", "source_url"}));
    r.overrides.outlets = names(
        first_of(j, {"source", "site_name", "sitename", "outlet", "publisher", "source_domain"}));
    r.authors = names(first_of(j, {"authors", "author"}));
    if (const Json* d = first_of(
            j, {"date_publish", "published", "published_at", "datePublished", "pubdate", "date"})) {
        std::string raw = d->is_string() ? d->get<std::string>() : d->dump();
        bool uncertain = false;
        std::string day = timestamp_day(raw, &uncertain);
        // A scraper's timestamp is taken as written, UTC or not: it is the
        // export's own statement of the day.
        if (day.empty())
            r.note = fmt::format("date \"{}\" not understood; left unknown", raw.substr(0, 60));
        else
            r.overrides.date = day;
    }
    r.key = string_of(first_of(j, {"id", "url"}));
    if (const Json* t = first_of(j, {"text", "maintext", "content", "body", "article", "raw_text"});
        t && t->is_string()) {
        r.text = t->get<std::string>();
    } else if (const Json* h = first_of(j, {"html", "raw_html"}); h && h->is_string()) {
        r.text = h->get<std::string>();
        r.format = TextFormat::html;
    } else {
        r.error = "no article text (text, maintext, content, body, article or html)";
    }
    return r;
}

}  // namespace gazette
