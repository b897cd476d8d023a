// OutletRegistry: the known outlets, their aliases and patterns.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "gazette/outlets.hpp"
#include "indexer_data.hpp"
#include "patterns.hpp"
#include "text.hpp"

namespace gazette {

namespace {

bool all_caps_short(const std::string& s) {
    if (s.size() > 4) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'A' && c <= 'Z') || c == '-'; });
}

}  // namespace

struct OutletRegistry::Impl {
    std::vector<Outlet> outlets;
    // Normalised name or alias -> index into outlets, for find().
    std::map<std::string, std::size_t, std::less<>> by_name;
    // Names and aliases for find_in(), by their words lower-cased and
    // joined by spaces ("agence france presse"): the outlet, the name as
    // written, and whether it matches only as written (short capitals).
    struct Name {
        std::size_t outlet = 0;
        std::string written;
        bool exact = false;
    };
    std::unordered_map<std::string, std::vector<Name>> names_by_words;
    std::size_t longest_name = 1;  // in words
    // Per outlet, the compiled matchers for its names, aliases and patterns
    // (RE2: linear in the text; shared, as RE2 objects are immutable).
    std::vector<std::vector<std::shared_ptr<const RE2>>> matchers;
    // Web domain -> index into outlets, for find_domain().
    std::unordered_map<std::string, std::size_t> by_domain;
    // The JSON texts loaded, in order.
    std::vector<std::string> sources;

    void compile(std::size_t i, bool replaced) {
        const Outlet& o = outlets[i];
        std::vector<std::shared_ptr<const RE2>> res;
        auto add = [&](const std::string& pattern, bool case_sensitive) {
            auto re = std::make_shared<const RE2>(pattern, patterns::options(case_sensitive));
            if (!re->ok()) throw Error(ErrorKind::invalid_input, re->error());
            res.push_back(std::move(re));
        };
        // Names and aliases are matched by find_in() without regexes (a
        // registry of hundreds of outlets must load fast); only patterns
        // are compiled.
        for (const auto& p : o.patterns) add(p, false);
        if (matchers.size() <= i) matchers.resize(i + 1);
        matchers[i] = std::move(res);
        if (!o.name_alone) {
            // Whole words only; short capitals ("RT", "AFP") only in capitals.
            auto index_name = [&](const std::string& name) {
                auto words = text::tokenize(name);
                if (words.empty()) return;
                std::string key;
                for (const auto& w : words) key += (key.empty() ? "" : " ") + w.lower;
                auto& refs = names_by_words[key];
                Name n{i, name, all_caps_short(name)};
                if (std::none_of(refs.begin(), refs.end(),
                                 [&](const Name& r) { return r.outlet == i && r.written == name; }))
                    refs.push_back(std::move(n));
                longest_name = std::max(longest_name, words.size());
            };
            index_name(o.name);
            for (const auto& a : o.aliases) index_name(a);
        }
        for (const auto& d : o.domains) by_domain.emplace(d, i);
        if (outlets.size() == i + 1 && by_name.size() > 0 && !replaced) {
            by_name.emplace(text::normalize_name(o.name), i);
            for (const auto& a : o.aliases) by_name.emplace(text::normalize_name(a), i);
            return;
        }
        // Names may be replaced: rebuild the whole name index.
        by_name.clear();
        for (std::size_t k = 0; k < outlets.size(); ++k) {
            by_name.emplace(text::normalize_name(outlets[k].name), k);
            for (const auto& a : outlets[k].aliases) by_name.emplace(text::normalize_name(a), k);
        }
    }
};

OutletRegistry::OutletRegistry() : impl_(std::make_unique<Impl>()) {
    load_json(std::string(data::text_of(data::indexer_files(), "outlets.json")),
              "built-in outlet registry");
}
OutletRegistry::~OutletRegistry() = default;
OutletRegistry::OutletRegistry(const OutletRegistry& o) : impl_(std::make_unique<Impl>(*o.impl_)) {}
OutletRegistry& OutletRegistry::operator=(const OutletRegistry& o) {
    if (this != &o) impl_ = std::make_unique<Impl>(*o.impl_);
    return *this;
}

void OutletRegistry::load_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::io, fmt::format("cannot read outlet registry {}", path));
    std::ostringstream ss;
    ss << in.rdbuf();
    load_json(ss.str(), path);
}

void OutletRegistry::load_json(const std::string& json, const std::string& origin) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::invalid_input,
                    fmt::format("outlet registry {}: not valid JSON: {}", origin, e.what()));
    }
    if (!doc.is_array())
        throw Error(ErrorKind::invalid_input,
                    fmt::format("outlet registry {}: expected a JSON array of outlets", origin));
    impl_->sources.push_back(json);
    std::size_t index = 0;
    for (const auto& entry : doc) {
        ++index;
        Outlet o;
        try {
            o.name = entry.at("name").get<std::string>();
            o.aliases = entry.value("aliases", std::vector<std::string>{});
            o.patterns = entry.value("patterns", std::vector<std::string>{});
            o.domains = entry.value("domains", std::vector<std::string>{});
            for (auto& d : o.domains) {
                d = text::lower(text::trim(d));
                if (d.starts_with("www.")) d.erase(0, 4);
                if (d.find('.') == std::string::npos || d.front() == '.' || d.back() == '.' ||
                    d.find_first_of(" /:") != std::string::npos)
                    throw Error(ErrorKind::invalid_input,
                                fmt::format("domain \"{}\" is not a web domain like "
                                            "\"example.com\"",
                                            d));
            }
            o.country = entry.value("country", std::string{});
            o.name_alone = entry.value("name_alone", false);
            auto order = entry.value("date_order", std::string{});
            if (order == "day-first")
                o.date_order = DateOrder::day_first;
            else if (order == "month-first")
                o.date_order = DateOrder::month_first;
            else if (!order.empty())
                throw Error(
                    ErrorKind::invalid_input,
                    fmt::format("date_order \"{}\" is neither day-first nor month-first", order));
            o.agency = entry.value("agency", false);
        } catch (const nlohmann::json::exception& e) {
            throw Error(ErrorKind::invalid_input,
                        fmt::format("outlet registry {}: entry {}: {}", origin, index, e.what()));
        } catch (const Error& e) {
            throw Error(ErrorKind::invalid_input,
                        fmt::format("outlet registry {}: entry {}: {}", origin, index, e.what()));
        }
        if (text::normalize_name(o.name).empty())
            throw Error(
                ErrorKind::invalid_input,
                fmt::format("outlet registry {}: entry {} has an empty name", origin, index));
        // Known by its name or one of its aliases ("AFP").
        auto known = impl_->by_name.find(text::normalize_name(o.name));
        auto same = known == impl_->by_name.end()
                        ? impl_->outlets.end()
                        : impl_->outlets.begin() + static_cast<long>(known->second);
        std::size_t i = static_cast<std::size_t>(same - impl_->outlets.begin());
        const bool extends = same != impl_->outlets.end();
        if (!extends) {
            impl_->outlets.push_back(std::move(o));
        } else {
            // A known outlet is extended, not replaced: its aliases and
            // patterns stay, new ones are added; date order and agency are
            // changed only when the entry gives them.
            auto add_new = [](std::vector<std::string>& to, const std::vector<std::string>& from) {
                for (const auto& x : from)
                    if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
            };
            add_new(same->aliases, o.aliases);
            add_new(same->patterns, o.patterns);
            add_new(same->domains, o.domains);
            if (entry.contains("date_order")) same->date_order = o.date_order;
            if (entry.contains("agency")) same->agency = o.agency;
            if (entry.contains("country")) same->country = o.country;
            if (entry.contains("name_alone")) same->name_alone = o.name_alone;
        }
        try {
            impl_->compile(i, extends);
        } catch (const Error& e) {
            throw Error(ErrorKind::invalid_input,
                        fmt::format("outlet registry {}: entry {}: bad pattern (RE2 syntax): {}",
                                    origin, index, e.what()));
        }
    }
}

const Outlet* OutletRegistry::find(const std::string& name) const {
    auto it = impl_->by_name.find(text::normalize_name(name));
    return it == impl_->by_name.end() ? nullptr : &impl_->outlets[it->second];
}

std::vector<const Outlet*> OutletRegistry::find_in(const std::string& text) const {
    std::vector<std::pair<std::size_t, const Outlet*>> found;
    const std::string lower = text::lower(text);
    const bool may_hold_domain = text.find('.') != std::string::npos;
    // Names: every run of up to the longest name's words, looked up.
    auto words = text::tokenize(text);
    std::vector<std::size_t> first(impl_->outlets.size(), std::string::npos);
    const std::size_t longest = std::min<std::size_t>(impl_->longest_name, 8);
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string key;
        for (std::size_t n = 0; n < longest && i + n < words.size(); ++n) {
            if (n > 0) key += ' ';
            key += words[i + n].lower;
            auto it = impl_->names_by_words.find(key);
            if (it == impl_->names_by_words.end()) continue;
            for (const auto& ref : it->second) {
                if (ref.exact &&
                    std::string_view(text).substr(words[i].begin,
                                                  words[i + n].end - words[i].begin) != ref.written)
                    continue;
                first[ref.outlet] = std::min(first[ref.outlet], words[i].begin);
            }
        }
    }
    for (std::size_t i = 0; i < impl_->outlets.size(); ++i) {
        if (may_hold_domain)
            for (const auto& re : impl_->matchers[i]) {
                patterns::Match<0> m;
                if (patterns::first_match(*re, text, m))
                    first[i] = std::min(first[i], m.begin(text));
            }
        if (first[i] != std::string::npos) found.emplace_back(first[i], &impl_->outlets[i]);
    }
    // Addresses: runs of letters, digits, dots and hyphens holding a dot.
    if (may_hold_domain && !impl_->by_domain.empty()) {
        auto host_char = [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
        };
        for (std::size_t i = 0; i < lower.size();) {
            if (!host_char(lower[i])) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < lower.size() && host_char(lower[j])) ++j;
            std::string_view token(lower.data() + i, j - i);
            if (token.find('.') != std::string_view::npos && token.size() <= 253)
                if (const Outlet* o = find_domain(token)) {
                    auto same = std::find_if(found.begin(), found.end(),
                                             [&](const auto& f) { return f.second == o; });
                    if (same == found.end())
                        found.emplace_back(i, o);
                    else
                        same->first = std::min(same->first, i);
                }
            i = j;
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const Outlet*> out;
    for (const auto& f : found) out.push_back(f.second);
    return out;
}

const Outlet* OutletRegistry::find_domain(std::string_view address) const {
    std::string host = text::lower(text::trim(address));
    if (auto scheme = host.find("://"); scheme != std::string::npos) host.erase(0, scheme + 3);
    if (auto at = host.find('@'); at != std::string::npos && at < host.find('/'))
        host.erase(0, at + 1);
    host = host.substr(0, host.find_first_of("/:?#"));
    while (!host.empty() && host.back() == '.') host.pop_back();
    // The longest domain first: "money.cnn.com" before "cnn.com".
    for (std::string_view h = host; h.find('.') != std::string_view::npos;
         h.remove_prefix(h.find('.') + 1)) {
        auto it = impl_->by_domain.find(std::string(h));
        if (it != impl_->by_domain.end()) return &impl_->outlets[it->second];
    }
    return nullptr;
}

const std::vector<Outlet>& OutletRegistry::outlets() const {
    return impl_->outlets;
}

const std::vector<std::string>& OutletRegistry::sources() const {
    return impl_->sources;
}

}  // namespace gazette
