#include "ranking.hpp"

#include <fmt/format.h>

#include <charconv>

#include "gazette/error.hpp"

namespace gazette {

namespace {

[[noreturn]] void bad(std::string_view pair, std::string_view why) {
    throw Error(ErrorKind::bad_query, fmt::format("ranking setting \"{}\": {}", pair, why));
}

double number(std::string_view pair, std::string_view value, double lo, double hi) {
    double v = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size()) bad(pair, "expected a number");
    if (v < lo || v > hi) bad(pair, fmt::format("expected {} to {}", lo, hi));
    return v;
}

bool flag(std::string_view pair, std::string_view value) {
    if (value == "1" || value == "on") return true;
    if (value == "0" || value == "off") return false;
    bad(pair, "expected on or off");
}

// The numeric settings: key, member, range.
struct NumberKey {
    std::string_view key;
    double Ranking::*member;
    double lo, hi;
};
constexpr NumberKey number_keys[] = {
    {"k1", &Ranking::k1, 0, 100},
    {"b", &Ranking::b, 0, 1},
    {"mu", &Ranking::mu, 1, 100000},
    {"all_words", &Ranking::all_words, 0, 100},
    {"title", &Ranking::title, 0, 100},
    {"family", &Ranking::family, 0, 100},
    {"variant", &Ranking::variant, 0, 100},
    {"alias", &Ranking::alias, 0, 100},
    {"proximity", &Ranking::proximity, 0, 100},
    {"feedback_weight", &Ranking::feedback_weight, 0, 100},
};
// Counts: key, member, range.
struct CountKey {
    std::string_view key;
    std::size_t Ranking::*member;
    double lo, hi;
};
constexpr CountKey count_keys[] = {
    {"window", &Ranking::window, 2, 100},
    {"feedback_docs", &Ranking::feedback_docs, 0, 100},
    {"feedback_terms", &Ranking::feedback_terms, 1, 200},
    {"feedback_window", &Ranking::feedback_window, 0, 1000000},
};
// On/off settings.
struct FlagKey {
    std::string_view key;
    bool Ranking::*member;
};
constexpr FlagKey flag_keys[] = {
    {"stop_words", &Ranking::stop_words},
    {"caps_words", &Ranking::caps_words},
    {"collapse", &Ranking::collapse},
};

// Sets `key` in `r`; false when there is no such key.
bool set_key(Ranking& r, std::string_view pair, std::string_view key, std::string_view value) {
    for (const auto& k : number_keys)
        if (k.key == key) return r.*k.member = number(pair, value, k.lo, k.hi), true;
    for (const auto& k : count_keys)
        if (k.key == key)
            return r.*k.member = static_cast<std::size_t>(number(pair, value, k.lo, k.hi)), true;
    for (const auto& k : flag_keys)
        if (k.key == key) return r.*k.member = flag(pair, value), true;
    return false;
}

}  // namespace

Ranking parse_ranking(std::string_view spec) {
    Ranking r;
    while (!spec.empty()) {
        auto comma = spec.find(',');
        std::string_view pair = spec.substr(0, comma);
        spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
        if (pair.empty()) continue;
        auto eq = pair.find('=');
        if (eq == std::string_view::npos) bad(pair, "expected key=value");
        std::string_view key = pair.substr(0, eq), value = pair.substr(eq + 1);
        if (key == "scheme") {
            if (value != "bm25" && value != "bm25+" && value != "pl2" && value != "dph" &&
                value != "lm" && value != "inl2")
                bad(pair, "expected bm25, bm25+, pl2, dph, lm or inl2");
            r.scheme = value;
        } else if (!set_key(r, pair, key, value)) {
            std::string keys = "scheme";
            for (const auto& k : number_keys) keys += fmt::format(", {}", k.key);
            for (const auto& k : count_keys) keys += fmt::format(", {}", k.key);
            for (const auto& k : flag_keys) keys += fmt::format(", {}", k.key);
            bad(pair, fmt::format("unknown key (known: {})", keys));
        }
    }
    return r;
}

std::unique_ptr<Xapian::Weight> make_weight(const Ranking& r) {
    if (r.scheme == "bm25+")
        return std::make_unique<Xapian::BM25PlusWeight>(r.k1, 0, 1, r.b, 0.5, 1);
    if (r.scheme == "pl2") return std::make_unique<Xapian::PL2Weight>();
    if (r.scheme == "dph") return std::make_unique<Xapian::DPHWeight>();
    if (r.scheme == "lm")
        return std::make_unique<Xapian::LMWeight>(0.0, Xapian::Weight::DIRICHLET_SMOOTHING, r.mu,
                                                  0.0);
    if (r.scheme == "inl2") return std::make_unique<Xapian::InL2Weight>();
    return std::make_unique<Xapian::BM25Weight>(r.k1, 0, 1, r.b, 0.5);
}

}  // namespace gazette
