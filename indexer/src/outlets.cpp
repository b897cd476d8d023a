#include "outlets.hpp"

#include <fmt/format.h>
#include <algorithm>

#include <map>
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
    static const RE2 re(
        "\\b(?:told|said in a statement to|in an interview with) "
        "([A-Z][A-Za-z-]{0,39}(?: [A-Z][A-Za-z-]{0,39}){0,2})\\b",
        patterns::options());
    return patterns::checked(re);
}

// "CNNMoney (New York)", "PTI, Washington,": an outlet opening a dateline.
// Group: the words before the parenthesis or comma.
const RE2& outlet_dateline() {
    static const RE2 re("^([A-Z][A-Za-z0-9&.' -]{1,40}?)(?: \\(| ?, [A-Z][a-z])",
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

// The holder a copyright line names when the line starts with the notice
// ("© 2015 Salon Media Group, Inc." -> Salon, "Copyright © 2019 The Seattle
// Times | Privacy" -> The Seattle Times): the longest run of its first
// words that is a known outlet.
const Outlet* copyright_holder(const std::string& line, const OutletRegistry& registry) {
    auto words = text::tokenize(line.substr(0, std::min<std::size_t>(line.size(), 300)));
    std::size_t k = 0;
    auto skip = [&](auto&& test) {
        while (k < words.size() && test(words[k].lower)) ++k;
    };
    skip([](const std::string& w) {
        return w == "copyright" || w == "c" || w == "by" || w == "the" ||
               std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    });
    if (k == words.size()) return nullptr;
    // Up to the first full stop, comma or bar after the holder's name.
    std::size_t end = line.find_first_of(".,|;\u00ae", words[k].begin);
    for (std::size_t n = std::min<std::size_t>(words.size() - k, 6); n > 0; --n) {
        if (end != std::string::npos && words[k + n - 1].end > end) continue;
        std::string name = line.substr(words[k].begin, words[k + n - 1].end - words[k].begin);
        if (const Outlet* o = registry.find(name)) return o;
        if (n == words.size() - k || (end != std::string::npos && words[k + n - 1].end + 1 >= end))
            if (const Outlet* o = registry.find("The " + name)) return o;
    }
    return nullptr;
}

bool starts_copyright(const std::string& line) {
    std::string lower = text::lower(line.substr(0, std::min<std::size_t>(line.size(), 20)));
    return lower.starts_with("\u00a9") || lower.starts_with("copyright") ||
           lower.starts_with("(c)");
}

// The site itself, by vote of the lines outside the story (menus, footers,
// copyright): the outlet named most there. A line naming only the outlet
// counts 2, a copyright notice's holder 2, any other mention 1; a run of
// lines naming several
// outlets each (a list of partner sites) counts nothing. The site wins with
// two points or more and at least twice the runner-up's.
struct SiteVote {
    const Outlet* outlet = nullptr;
    double points = 0;
    const Line* best_line = nullptr;
};

SiteVote vote_site(const Layout& layout, const OutletRegistry& registry) {
    std::map<const Outlet*, std::pair<double, const Line*>> votes;
    const auto& lines = layout.lines;
    std::vector<const Outlet*> whole(lines.size(), nullptr);
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].role != LineRole::blank && word_count(lines[i].text) <= 6)
            whole[i] = registry.find(lines[i].text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        bool outside = l.role == LineRole::aside || l.role == LineRole::chrome ||
                       l.role == LineRole::banner || l.role == LineRole::breadcrumb;
        if (!outside || l.text.size() > 2000) continue;
        // A list of outlets: this line and a neighbour each only an outlet.
        if (whole[i] && ((i > 0 && whole[i - 1] && whole[i - 1] != whole[i]) ||
                         (i + 1 < lines.size() && whole[i + 1] && whole[i + 1] != whole[i])))
            continue;
        // A copyright notice's holder counts 2 (an owner may be another
        // outlet: "Citylab.com © 2019 The Atlantic Monthly Group"). A notice
        // further into a line ("Associated Press articles: Copyright ...")
        // is about others' content: an ordinary mention.
        const Outlet* holder = nullptr;
        auto mark = l.text.find("\u00a9");
        if (starts_copyright(l.text))
            holder = copyright_holder(l.text, registry);
        else if (mark != std::string::npos && mark < 40)
            holder = copyright_holder(l.text.substr(mark), registry);
        if (holder) {
            auto& v = votes[holder];
            v.first += 2;
            v.second = &l;
        }
        double weight = whole[i] ? 2 : 1;
        auto vote = [&](const Outlet* o) {
            auto& v = votes[o];
            if (!v.second) v.second = &l;
            v.first += weight;
        };
        auto named = registry.find_in(l.text);
        for (const Outlet* o : named)
            if (o != holder) vote(o);
        if (whole[i] && named.empty()) vote(whole[i]);  // a name alone ("Salon")
    }
    SiteVote best;
    double second = 0;
    for (const auto& [o, v] : votes) {
        if (v.first > best.points) {
            second = best.points;
            best = {o, v.first, v.second};
        } else {
            second = std::max(second, v.first);
        }
    }
    if (best.points < 2 || best.points < 2 * second) return {};
    return best;
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

    // Header lines near the headline (ten lines either side) name outlets
    // directly; further away a banner is only a vote for the site.
    auto near_title = [&](std::size_t i) {
        if (layout.title_index < 0) return true;
        auto t = static_cast<std::size_t>(layout.title_index);
        std::size_t from = std::min(i, t), to = std::max(i, t), seen = 0;
        for (std::size_t j = from; j < to && seen <= 10; ++j)
            seen += layout.lines[j].role != LineRole::blank;
        return seen <= 10;
    };
    std::size_t paragraphs_seen = 0;
    for (std::size_t i = 0; i < layout.lines.size(); ++i) {
        const Line& l = layout.lines[i];
        switch (l.role) {
            case LineRole::banner: {
                // After the headline a banner must stand alone: one packed
                // among other lines is a related story's source.
                bool after =
                    layout.title_index >= 0 && i > static_cast<std::size_t>(layout.title_index);
                bool alone =
                    (i == 0 || layout.lines[i - 1].role == LineRole::blank) &&
                    (i + 1 == layout.lines.size() || layout.lines[i + 1].role == LineRole::blank);
                // One of a list of outlets (partner sites) is no banner.
                auto other_banner = [&](std::size_t j) {
                    return j < layout.lines.size() && layout.lines[j].role != LineRole::blank &&
                           word_count(layout.lines[j].text) <= 6 &&
                           registry.find(layout.lines[j].text) &&
                           registry.find(layout.lines[j].text) != registry.find(l.text);
                };
                bool listed = (i > 0 && other_banner(i - 1)) || other_banner(i + 1);
                if (near_title(i) && (!after || alone) && !listed)
                    credit_all_in(l.text, "banner naming the outlet", l);
                break;
            }
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
                    if (patterns::first_match(outlet_dateline(), l.text, m))
                        if (const Outlet* o = registry.find(std::string(m[1])))
                            credit(o->name, "outlet opening the dateline", l);
                }
                if (l.text.find("told ") == std::string::npos &&
                    l.text.find(" to ") == std::string::npos &&
                    l.text.find(" with ") == std::string::npos)
                    break;
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
    if (SiteVote site = vote_site(layout, registry); site.outlet)
        credit(site.outlet->name,
               fmt::format("the site: named most in the page's furniture ({} points)", site.points),
               *site.best_line);
    return outlets;
}

}  // namespace gazette
