#include "outlets.hpp"

#include <algorithm>
#include <regex>

#include "text.hpp"

namespace gazette {

namespace {

// "BRUSSELS (Reuters) --", "MOSCOW, March 5 (AFP) -": an agency dateline.
const std::regex& dateline() {
    static const std::regex re(
        "^[A-Z][A-Za-z.' -]{1,40}?(?:,[A-Za-z0-9 "
        ".]{1,30}?)?\\s*\\(([^()]{2,40})\\)\\s*(?:--|-|\u2014|\u2013|:)",
        std::regex::optimize);
    return re;
}

// "told AFP": an agency interview, which credits the agency.
const std::regex& told_agency() {
    static const std::regex re("\\btold ([A-Z][A-Za-z-]+(?: [A-Z][A-Za-z-]+){0,2})",
                               std::regex::optimize);
    return re;
}

const std::regex& url() {
    static const std::regex re("(https?://|www\\.)\\S+", std::regex::icase | std::regex::optimize);
    return re;
}

}  // namespace

std::vector<std::string> find_outlets(const Layout& layout, const OutletRegistry& registry,
                                      std::vector<Evidence>& evidence) {
    std::vector<std::string> outlets;
    auto credit = [&](const std::string& name, const std::string& rule, const Line& line) {
        if (std::find(outlets.begin(), outlets.end(), name) == outlets.end())
            outlets.push_back(name);
        evidence.push_back({"outlet", name, rule, line.number, line.text});
    };
    auto credit_all_in = [&](const std::string& text, const std::string& rule, const Line& line) {
        for (const Outlet* o : registry.find_in(text)) credit(o->name, rule, line);
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
                std::smatch m;
                bool has_url = l.text.find("http") != std::string::npos ||
                               l.text.find("www.") != std::string::npos;
                if (has_url && std::regex_search(l.text, m, url()))
                    credit_all_in(m.str(0), "article URL", l);
                break;
            }
            case LineRole::body: {
                if (paragraphs_seen++ < 3) {
                    std::smatch m;
                    auto paren = l.text.find('(');
                    if (paren != std::string::npos && paren < 80 &&
                        std::regex_search(l.text, m, dateline())) {
                        std::string agency = m.str(1);
                        if (const Outlet* o = registry.find(agency))
                            credit(o->name, "agency dateline", l);
                        else if (text::tokenize(agency).size() <= 4 && agency[0] >= 'A' &&
                                 agency[0] <= 'Z')
                            credit(agency, "agency dateline (not in the registry)", l);
                    }
                }
                if (l.text.find("told ") == std::string::npos) break;
                for (std::sregex_iterator it(l.text.begin(), l.text.end(), told_agency()), end;
                     it != end; ++it) {
                    const Outlet* o = registry.find((*it).str(1));
                    if (!o) {
                        // "told AFP on Monday": try the first word alone.
                        auto first = (*it).str(1).substr(0, (*it).str(1).find(' '));
                        o = registry.find(first);
                    }
                    if (o && o->agency)
                        credit(o->name, "quote given to an agency (\"" + (*it).str(0) + "\")", l);
                }
                break;
            }
            default:
                break;
        }
    }
    return outlets;
}

}  // namespace gazette
