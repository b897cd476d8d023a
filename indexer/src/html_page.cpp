#include "html_page.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "calendar.hpp"
#include "dates.hpp"
#include "text.hpp"

namespace gazette {

namespace {

using Node = const GumboNode;

// Elements whose content is never story text.
bool dropped_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_MENU:
            return true;
        default:
            return false;
    }
}

// Visits `root` and the nodes under it in document order, with an explicit
// stack (the page's nesting depth cannot overflow ours); `visit(n)` returns
// whether to go into n's children.
template <typename Visit>
void walk(Node* root, Visit&& visit) {
    std::vector<Node*> stack{root};
    while (!stack.empty()) {
        Node* n = stack.back();
        stack.pop_back();
        if (!visit(n) || n->type != GUMBO_NODE_ELEMENT) continue;
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = kids.length; i-- > 0;) stack.push_back(static_cast<Node*>(kids.data[i]));
    }
}

const char* attribute(Node* n, const char* name) {
    if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : nullptr;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// class and id, lower-cased, for the cue words below.
std::string class_and_id(Node* n) {
    std::string s;
    if (const char* c = attribute(n, "class")) s += c;
    s += ' ';
    if (const char* i = attribute(n, "id")) s += i;
    return lower_ascii(s);
}

bool has_any(const std::string& s, std::initializer_list<std::string_view> cues) {
    return std::any_of(cues.begin(), cues.end(),
                       [&](std::string_view c) { return s.find(c) != std::string::npos; });
}

// Page furniture by its class or id ("share-bar", "related-stories").
bool furniture(Node* n) {
    std::string ci = class_and_id(n);
    if (ci.size() <= 1) return false;
    return has_any(
        ci,
        {"comment",      "share",   "social", "related",    "promo",    "sidebar",    "footer",
         "navigation",   "navbar",  "menu",   "breadcrumb", "cookie",   "newsletter", "advert",
         "subscribe",    "signup",  "popup",  "modal",      "outbrain", "taboola",    "recirc",
         "more-stories", "caption", "credit", "masthead",   "banner",   "toolbar",    "skip-link",
         "paywall",      "tags",    "widget"});
}

bool hidden(Node* n) {
    if (attribute(n, "hidden")) return true;
    if (const char* a = attribute(n, "aria-hidden"); a && std::string_view(a) == "true")
        return true;
    if (const char* st = attribute(n, "style")) {
        std::string s = lower_ascii(st);
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        if (s.find("display:none") != std::string::npos) return true;
    }
    return false;
}

bool skipped(Node* n) {
    return n->type == GUMBO_NODE_ELEMENT &&
           (dropped_tag(n->v.element.tag) || hidden(n) || furniture(n));
}

// Visible text under `n` (skipped elements left out), spaces squeezed; and
// how much of it is link text.
struct Text {
    std::string text;
    std::size_t link_chars = 0;
};

Text inner_text(Node* root, bool skip_furniture = true) {
    Text out;
    std::string raw;
    std::size_t link_raw = 0;
    // (node, inside a link)
    std::vector<std::pair<Node*, bool>> stack{{root, false}};
    while (!stack.empty()) {
        auto [n, in_link] = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
            n->type == GUMBO_NODE_CDATA) {
            raw += n->v.text.text;
            if (in_link) link_raw += std::string_view(n->v.text.text).size();
            continue;
        }
        if (n->type != GUMBO_NODE_ELEMENT) continue;
        if (n != root && skip_furniture && skipped(n)) continue;
        if (n->v.element.tag == GUMBO_TAG_BR) raw += ' ';
        bool link = in_link || n->v.element.tag == GUMBO_TAG_A;
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = kids.length; i-- > 0;)
            stack.emplace_back(static_cast<Node*>(kids.data[i]), link);
    }
    out.text = text::squeeze_spaces(raw);
    out.link_chars = std::min(link_raw, out.text.size());
    return out;
}

// ---- metadata ---------------------------------------------------------------

// "2015-07-24T05:36:09+01:00", "2015-07-24", "20150724": the date as written.
bool is_article_type(const nlohmann::json& type) {
    auto one = [](const nlohmann::json& t) {
        if (!t.is_string()) return false;
        auto s = t.get<std::string>();
        return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "Report" ||
               s == "LiveBlogPosting";
    };
    if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
    return one(type);
}

std::string name_of(const nlohmann::json& j) {
    if (j.is_string()) return j.get<std::string>();
    if (j.is_object() && j.contains("name") && j["name"].is_string())
        return j["name"].get<std::string>();
    return {};
}

struct Meta {
    std::map<std::string, std::string> tags;  // lower-cased name/property -> first content
    std::vector<nlohmann::json> articles;     // JSON-LD article objects
    std::string canonical;
    std::string title_tag;
    std::vector<std::string> h1s;  // in document order
    std::string first_time;        // first <time datetime> in the body
    std::vector<std::pair<std::string, std::string>> published;  // every published-date meta
    std::vector<std::string> bylines;  // itemprop=author, rel=author, class "byline"/"author"
};

// An element that holds a byline: itemprop="author", rel="author", or a
// class naming a byline or author.
bool byline_element(Node* n) {
    auto has = [&](const char* attr, std::string_view word) {
        const char* v = attribute(n, attr);
        return v && lower_ascii(v).find(word) != std::string::npos;
    };
    return has("itemprop", "author") || has("rel", "author") || has("class", "byline") ||
           has("class", "author");
}

bool published_key(const std::string& k) {
    static constexpr std::string_view keys[] = {"article:published_time",
                                                "datepublished",
                                                "date",
                                                "pubdate",
                                                "publishdate",
                                                "dc.date",
                                                "dc.date.issued",
                                                "dcterms.created",
                                                "sailthru.date",
                                                "parsely-pub-date",
                                                "og:article:published_time",
                                                "publish-date",
                                                "article.published"};
    return std::find(std::begin(keys), std::end(keys), k) != std::end(keys);
}

void collect_json_ld(const nlohmann::json& j, std::vector<nlohmann::json>& out, int depth = 0) {
    if (depth > 4) return;
    if (j.is_array()) {
        for (const auto& x : j) collect_json_ld(x, out, depth + 1);
    } else if (j.is_object()) {
        if (j.contains("@type") && is_article_type(j["@type"])) out.push_back(j);
        if (j.contains("@graph")) collect_json_ld(j["@graph"], out, depth + 1);
    }
}

Meta read_meta(Node* root) {
    Meta m;
    walk(root, [&](Node* n) {
        if (n->type != GUMBO_NODE_ELEMENT) return false;
        GumboTag tag = n->v.element.tag;
        if (tag == GUMBO_TAG_META) {
            const char* key = attribute(n, "property");
            if (!key) key = attribute(n, "name");
            if (!key) key = attribute(n, "itemprop");
            const char* content = attribute(n, "content");
            if (key && content) {
                std::string k = lower_ascii(key);
                if (published_key(k)) m.published.emplace_back(k, content);
                m.tags.emplace(std::move(k), content);
            }
        } else if (tag == GUMBO_TAG_LINK) {
            const char* rel = attribute(n, "rel");
            const char* href = attribute(n, "href");
            if (rel && href && lower_ascii(rel) == "canonical" && m.canonical.empty())
                m.canonical = href;
        } else if (tag == GUMBO_TAG_SCRIPT) {
            const char* type = attribute(n, "type");
            if (type && lower_ascii(type) == "application/ld+json" &&
                n->v.element.children.length > 0) {
                Node* t = static_cast<Node*>(n->v.element.children.data[0]);
                if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_CDATA) {
                    auto j = nlohmann::json::parse(t->v.text.text, nullptr, false);
                    if (!j.is_discarded()) collect_json_ld(j, m.articles);
                }
            }
            return false;
        } else if (tag == GUMBO_TAG_TITLE && m.title_tag.empty()) {
            m.title_tag = inner_text(n, false).text;
        } else if (tag == GUMBO_TAG_H1 && !skipped(n)) {
            auto t = inner_text(n).text;
            if (!t.empty()) m.h1s.push_back(t);
        } else if (tag == GUMBO_TAG_TIME && m.first_time.empty()) {
            if (const char* dt = attribute(n, "datetime")) m.first_time = dt;
        }
        if (tag != GUMBO_TAG_META && tag != GUMBO_TAG_LINK && m.bylines.size() < 8 &&
            byline_element(n)) {
            auto t = text::squeeze_spaces(inner_text(n, false).text);
            if (!t.empty() && t.size() <= 120 &&
                std::find(m.bylines.begin(), m.bylines.end(), t) == m.bylines.end())
                m.bylines.push_back(t);
        }
        return true;
    });
    return m;
}

const std::string* tag(const Meta& m, std::initializer_list<const char*> names) {
    for (const char* k : names)
        if (auto it = m.tags.find(k); it != m.tags.end() && !text::trim(it->second).empty())
            return &it->second;
    return nullptr;
}

// "Headline | BBC News" -> "Headline" when the tail is the site's name, or
// (for <title>) a short tail after a separator.
std::string strip_site(std::string title, const std::string& site, bool loose) {
    static constexpr std::string_view separators[] = {" | ",  " - ",      " \u2013 ", " \u2014 ",
                                                      " :: ", " \u00bb ", " \u00b7 "};
    for (auto sep : separators) {
        auto p = title.rfind(sep);
        if (p == std::string::npos || p == 0) continue;
        std::string head = title.substr(0, p), tail = title.substr(p + sep.size());
        bool site_tail =
            !site.empty() && (text::normalize_name(tail) == text::normalize_name(site) ||
                              text::normalize_name(site).find(text::normalize_name(tail)) == 0);
        bool short_tail =
            loose && text::tokenize(tail).size() <= 4 && text::tokenize(head).size() >= 4;
        if (site_tail || short_tail) return std::string(text::trim(head));
    }
    return title;
}

// ---- main text ----------------------------------------------------------------

bool block_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
            return true;
        default:
            return false;
    }
}

int class_weight(Node* n) {
    std::string ci = class_and_id(n);
    int w = 0;
    if (has_any(ci, {"article", "body", "content", "entry", "main", "post", "story", "text"}))
        w += 25;
    if (has_any(ci, {"comment", "footer", "sidebar", "related", "promo", "share", "widget", "nav",
                     "menu", "ad-"}))
        w -= 25;
    return w;
}

// The text blocks under `root`, in document order (not inside one another).
std::vector<Node*> blocks_under(Node* root) {
    std::vector<Node*> out;
    walk(root, [&](Node* n) {
        if (n->type != GUMBO_NODE_ELEMENT || (n != root && skipped(n))) return false;
        if (n != root && block_tag(n->v.element.tag)) {
            out.push_back(n);
            return false;
        }
        return true;
    });
    return out;
}

std::vector<std::string> main_text(Node* body) {
    // Score each container by the paragraphs in it.
    std::map<Node*, double> score;
    std::vector<Node*> order;  // containers in first-scored order
    for (Node* p : blocks_under(body)) {
        if (p->v.element.tag != GUMBO_TAG_P && p->v.element.tag != GUMBO_TAG_PRE) continue;
        Text t = inner_text(p);
        if (t.text.size() < 25) continue;
        double s = 1 + static_cast<double>(std::count(t.text.begin(), t.text.end(), ',')) +
                   std::min(static_cast<double>(t.text.size()) / 100.0, 3.0);
        Node* up = p->parent;
        for (double share : {1.0, 0.5, 1.0 / 3}) {
            if (!up || up->type != GUMBO_NODE_ELEMENT) break;
            if (!score.count(up)) {
                order.push_back(up);
                score[up] = class_weight(up);
            }
            score[up] += s * share;
            up = up->parent;
        }
    }
    Node* top = nullptr;
    double best = 0;
    for (Node* c : order) {
        Text t = inner_text(c);
        double density =
            t.text.empty() ? 1
                           : static_cast<double>(t.link_chars) / static_cast<double>(t.text.size());
        double s = score[c] * (1 - density);
        score[c] = s;
        if (s > best) best = s, top = c;
    }
    std::vector<std::string> out;
    if (!top) return out;
    // The top container and siblings scoring near it (a story split in parts).
    std::vector<Node*> parts;
    Node* parent = top->parent;
    if (parent && parent->type == GUMBO_NODE_ELEMENT) {
        const GumboVector& kids = parent->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i) {
            Node* k = static_cast<Node*>(kids.data[i]);
            if (k == top || (score.count(k) && score[k] >= std::max(10.0, best * 0.2)))
                parts.push_back(k);
        }
    } else {
        parts.push_back(top);
    }
    for (Node* part : parts) {
        for (Node* b : blocks_under(part)) {
            Text t = inner_text(b);
            if (t.text.empty()) continue;
            double density = static_cast<double>(t.link_chars) / static_cast<double>(t.text.size());
            if (density > 0.5) continue;  // lists of links
            if (b->v.element.tag == GUMBO_TAG_LI && t.text.size() < 40) continue;
            out.push_back(std::move(t.text));
        }
    }
    return out;
}

Node* find_tag(Node* root, GumboTag wanted) {
    Node* found = nullptr;
    walk(root, [&](Node* n) {
        if (found || n->type != GUMBO_NODE_ELEMENT) return false;
        if (n->v.element.tag == wanted) found = n;
        return !found;
    });
    return found;
}

// The first full, unambiguous date in the page's visible text within 40
// pieces of text after the headline (or 10 before it: some pages put it
// above).
std::string date_near_headline(Node* root, const std::string& title) {
    if (title.empty()) return {};
    std::vector<std::string> pieces;
    std::ptrdiff_t headline = -1;
    std::string want = text::normalize_name(title);
    walk(root, [&](Node* n) {
        if (n->type == GUMBO_NODE_TEXT) {
            auto t = text::squeeze_spaces(n->v.text.text);
            if (t.empty()) return false;
            if (headline < 0 && text::normalize_name(t) == want)
                headline = static_cast<std::ptrdiff_t>(pieces.size());
            pieces.push_back(std::move(t));
            return false;
        }
        if (n->type != GUMBO_NODE_ELEMENT) return false;
        GumboTag tag = n->v.element.tag;
        return !(tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
                 tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_TEMPLATE || hidden(n));
    });
    if (headline < 0) return {};
    auto from = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, headline - 10));
    auto to = std::min(pieces.size(), static_cast<std::size_t>(headline) + 41);
    // After the headline first, then before it.
    for (std::size_t i = static_cast<std::size_t>(headline) + 1; i < to; ++i)
        if (pieces[i].size() <= 200)
            if (auto d = find_date(pieces[i], DateOrder::unknown); d && !d->ambiguous)
                return d->iso;
    for (std::size_t i = static_cast<std::size_t>(headline); i-- > from;)
        if (pieces[i].size() <= 200)
            if (auto d = find_date(pieces[i], DateOrder::unknown); d && !d->ambiguous)
                return d->iso;
    return {};
}

}  // namespace

HtmlPage read_html(std::string_view html) {
    HtmlPage page;
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 100;  // errors are recovered from; no need to list them all
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
        gumbo_parse_with_options(&options, html.data(), html.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    if (!out || !out->root) return page;
    Node* root = out->root;
    Meta m = read_meta(root);
    const nlohmann::json* article = m.articles.empty() ? nullptr : &m.articles.front();
    auto ld = [&](const char* key) -> std::string {
        if (!article || !article->contains(key)) return {};
        return name_of((*article)[key]);
    };

    // Site name.
    if (auto p = ld("publisher"); !p.empty())
        page.site_name = {p, "JSON-LD publisher"};
    else if (const auto* s = tag(m, {"og:site_name", "application-name"}))
        page.site_name = {*s, "og:site_name"};

    // Title: the visible headline when the metadata agrees with it.
    std::vector<PageFact> meta_titles;
    if (auto h = ld("headline"); !h.empty()) meta_titles.push_back({h, "JSON-LD headline"});
    if (const auto* t = tag(m, {"og:title"})) meta_titles.push_back({*t, "og:title"});
    if (const auto* t = tag(m, {"twitter:title"})) meta_titles.push_back({*t, "twitter:title"});
    for (auto& t : meta_titles) t.value = strip_site(t.value, page.site_name.value, false);
    page.title_tag = m.title_tag;
    std::string from_title_tag = strip_site(m.title_tag, page.site_name.value, true);
    for (const auto& h1 : m.h1s) {
        auto norm = text::normalize_name(h1);
        bool agrees = text::normalize_name(from_title_tag) == norm ||
                      text::normalize_name(m.title_tag).find(norm) != std::string::npos;
        for (const auto& t : meta_titles) agrees = agrees || text::normalize_name(t.value) == norm;
        if (agrees && !norm.empty()) {
            page.title = {h1, "h1 matching the page's metadata title"};
            break;
        }
    }
    if (page.title.value.empty() && !meta_titles.empty()) page.title = meta_titles.front();
    if (page.title.value.empty() && !from_title_tag.empty())
        page.title = {from_title_tag, "<title> without the site name"};
    if (page.title.value.empty() && !m.h1s.empty()) page.title = {m.h1s.front(), "first h1"};

    // Date.
    // Date, precision first. The earliest publication date the metadata
    // gives (a page may carry its update time too), if nothing uncertain
    // (a UTC time near midnight) comes before it; else the first full date
    // shown near the headline; a <time> element last.
    PageFact certain, doubtful;
    auto consider = [&](const std::string& raw, const std::string& rule) {
        bool unsure = false;
        auto d = raw.empty() ? std::string() : timestamp_day(raw, &unsure);
        if (d.empty()) return;
        PageFact& slot = unsure ? doubtful : certain;
        if (slot.value.empty() || d < slot.value) slot = {d, rule};
    };
    for (const auto& a : m.articles)
        if (a.contains("datePublished"))
            consider(name_of(a["datePublished"]), "JSON-LD datePublished");
    for (const auto& [key, value] : m.published)
        consider(value, "meta published date (" + key + ")");
    bool conflict =
        !doubtful.value.empty() && (certain.value.empty() || doubtful.value < certain.value);
    if (!certain.value.empty() && !conflict) {
        page.date = certain;
    } else if (auto shown = date_near_headline(root, page.title.value); !shown.empty()) {
        page.date = {shown, "date shown near the headline"};
    } else if (certain.value.empty() && doubtful.value.empty()) {
        bool unsure = false;
        auto d = timestamp_day(m.first_time, &unsure);
        if (!d.empty() && !unsure) page.date = {d, "<time datetime>"};
    }

    // URL and authors.
    if (!m.canonical.empty())
        page.url = {m.canonical, "link rel=canonical"};
    else if (const auto* u = tag(m, {"og:url"}))
        page.url = {*u, "og:url"};
    if (article && article->contains("author")) {
        const auto& a = (*article)["author"];
        if (a.is_array()) {
            for (const auto& x : a)
                if (auto n = name_of(x); !n.empty()) page.authors.push_back(n);
        } else if (auto n = name_of(a); !n.empty()) {
            page.authors.push_back(n);
        }
    }
    if (const auto* a = tag(m, {"author", "article:author", "dc.creator", "byl"}))
        page.authors.push_back(*a);
    page.bylines = m.bylines;

    if (Node* body = find_tag(root, GUMBO_TAG_BODY)) page.paragraphs = main_text(body);
    return page;
}

}  // namespace gazette
