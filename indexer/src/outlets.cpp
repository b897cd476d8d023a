#include "outlets.hpp"

#include <algorithm>
#include <set>

#include "patterns.hpp"

#include "text.hpp"

namespace gazette {

namespace {

// "BRUSSELS (Reuters) --", "MOSCOW, March 5 (AFP) -": an agency dateline.
// Group: what the parentheses hold.
const RE2& dateline() {
    static const RE2 re(
        "^[A-Z][A-Za-z.' -]{1,40}?(?:,[A-Za-z0-9 .]{1,30}?)?\\s*\\(([^()]{2,40})\\)\\s*"
        "(?:--|-|\u2014|\u2013|:)",
        patterns::options());
    return patterns::checked(re);
}

// "told AFP": an agency interview, which credits the agency. Group: up to
// three capitalised words (of at most 40 letters each: no outlet name is
// longer, and the bound keeps a match short on any input).
const RE2& told_agency() {
    static const RE2 re("\\btold ([A-Z][A-Za-z-]{0,39}(?: [A-Z][A-Za-z-]{0,39}){0,2})\\b",
                        patterns::options());
    return patterns::checked(re);
}

// An address in a line of site furniture (up to 1,000 bytes of it).
const RE2& url() {
    static const RE2 re("(?:https?://|www\\.)\\S{1,1000}", patterns::options(false));
    return patterns::checked(re);
}

// At most this much of a line around a match is kept as evidence.
constexpr std::size_t evidence_context = 80;

std::string excerpt(const std::string& line, std::size_t begin, std::size_t length) {
    if (line.size() <= 2 * evidence_context) return line;
    std::size_t from = begin > evidence_context ? begin - evidence_context : 0;
    std::size_t to =
        std::min(line.size(), begin + std::min(length, evidence_context) + evidence_context);
    return std::string(text::utf8_whole_chars(std::string_view(line).substr(from, to - from)));
}

}  // namespace

std::vector<std::string> find_outlets(const Layout& layout, const OutletRegistry& registry,
                                      std::vector<Evidence>& evidence) {
    std::vector<std::string> outlets;
    // Evidence: one entry per outlet and rule, quoting at most a few
    // hundred bytes of the line (a line may be megabytes long).
    std::set<std::pair<std::string, std::string>> noted;
    auto credit = [&](const std::string& name, const std::string& rule, const Line& line,
                      std::size_t at = 0, std::size_t length = 0) {
        if (std::find(outlets.begin(), outlets.end(), name) == outlets.end())
            outlets.push_back(name);
        if (noted.emplace(name, rule).second)
            evidence.push_back({"outlet", name, rule, line.number, excerpt(line.text, at, length)});
    };
    auto credit_all_in = [&](std::string_view text, const std::string& rule, const Line& line,
                             std::size_t at = 0) {
        for (const Outlet* o : registry.find_in(std::string(text)))
            credit(o->name, rule, line, at, text.size());
    };

    std::size_t paragraphs_seen = 0;
    for (std::size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        switch (l.role) {
            case LineRole::banner:
                credit_all_in(l.text, "banner naming the outlet", l);
                break;
            case LineRole::byline:
                credit_all_in(l.text, "byline naming an outlet", l);
                break;
            case LineRole::date_line:
                credit_all_in(l.text, "outlet named on the date line", l);
                break;
            case LineRole::credit: {
                // "Pascal Mallet/AFP/Expatica": each part naming an outlet.
                for (auto part : text::split(l.text, '/'))
                    if (const Outlet* o = registry.find(std::string(part)))
                        credit(o->name, "closing credit", l);
                break;
            }
            case LineRole::chrome: {
                patterns::Match<0> m;
                bool has_url = l.text.find("http") != std::string::npos ||
                               l.text.find("www.") != std::string::npos;
                if (has_url && patterns::first_match(url(), l.text, m))
                    credit_all_in(m[0], "article URL", l, m.begin(l.text));
                break;
            }
            case LineRole::body: {
                if (paragraphs_seen++ < 3) {
                    patterns::Match<1> m;
                    auto paren = l.text.find('(');
                    if (paren != std::string::npos && paren < 80 &&
                        patterns::first_match(dateline(), l.text, m)) {
                        std::string agency(m[1]);
                        if (const Outlet* o = registry.find(agency))
                            credit(o->name, "agency dateline", l);
                        else if (text::tokenize(agency).size() <= 4 && agency[0] >= 'A' &&
                                 agency[0] <= 'Z')
                            credit(agency, "agency dateline (not in the registry)", l);
                    }
                }
                if (l.text.find("told ") == std::string::npos) break;
                patterns::each_match<1>(told_agency(), l.text, [&](const patterns::Match<1>& m) {
                    std::string words(m[1]);
                    const Outlet* o = registry.find(words);
                    if (!o) {
                        // "told AFP on Monday": try the first word alone.
                        o = registry.find(words.substr(0, words.find(' ')));
                    }
                    if (o && o->agency)
                        credit(o->name, "quote given to an agency (\"told " + o->name + "\")", l,
                               m.begin(l.text), m.group[0].size());
                    return true;
                });
                break;
            }
            default:
                break;
        }
    }
    return outlets;
}

}  // namespace gazette
