// Extractor: runs layout analysis and each field's rules over one article,
// then applies manifest overrides. Every value comes with its evidence.
#include <fmt/format.h>

#include <algorithm>

#include "dates.hpp"
#include "gazette/extractor.hpp"
#include "html_page.hpp"
#include "layout.hpp"
#include "outlets.hpp"
#include "speakers.hpp"
#include "text.hpp"

namespace gazette {

namespace {

constexpr std::size_t max_fallback_title_words = 12;

std::string fallback_title(const std::string& line) {
    // No headline line: the first words of the story.
    auto words = text::tokenize(line);
    if (words.size() <= max_fallback_title_words) return line;
    return line.substr(0, words[max_fallback_title_words - 1].end) + "\u2026";
}

// Most words of a first line taken as the title though it ends a sentence.
constexpr std::size_t max_first_line_title_words = 30;

// `first` (a body line opening the file) is followed by a blank line and
// then by a longer paragraph of story.
bool stands_as_title(const Layout& layout, std::vector<Line>::const_iterator first) {
    auto words = text::tokenize(first->text).size();
    if (words == 0 || words > max_first_line_title_words) return false;
    auto next = first + 1;
    if (next == layout.lines.end() || next->role != LineRole::blank) return false;
    while (next != layout.lines.end() && next->role == LineRole::blank) ++next;
    return next != layout.lines.end() && next->role == LineRole::body &&
           text::tokenize(next->text).size() > words;
}

DateOrder order_for(const std::vector<std::string>& outlets, const OutletRegistry& registry,
                    std::string& by) {
    for (const auto& name : outlets) {
        if (const Outlet* o = registry.find(name); o && o->date_order != DateOrder::unknown) {
            by = fmt::format("by outlet {}", o->name);
            return o->date_order;
        }
    }
    by = "by default";
    return DateOrder::unknown;
}

}  // namespace

const Outlet* Extractor::resolve_site_name(const std::string& raw, std::string& declared) const {
    std::string name(text::trim(raw));
    declared = name;
    if (const Outlet* o = registry_.find(name)) return o;
    // A tagline after the name: "Yahoo News - Latest News & Headlines".
    for (std::string_view sep : {" - ", " | ", " \u2013 ", " \u2014 ", ": ", " \u00b7 "}) {
        if (auto at = name.find(sep); at != std::string::npos && at > 0) {
            declared = std::string(text::trim(name.substr(0, at)));
            if (const Outlet* o = registry_.find(declared)) return o;
            name = declared;
        }
    }
    // A domain form: "Le Monde.fr", "Libération.fr", "Aktuálně.cz".
    if (auto dot = name.rfind('.'); dot != std::string::npos && name.size() - dot <= 4 &&
                                    name.find(' ', dot) == std::string::npos)
        if (const Outlet* o = registry_.find(name.substr(0, dot))) return o;
    // Spaces and case aside: "HeraldSun", "LA NACION".
    auto compact = [](std::string_view s) {
        std::string out;
        for (const auto& t : text::tokenize(s)) out += t.lower;
        return out;
    };
    const std::string want = compact(name);
    if (want.size() >= 3)
        for (const Outlet& o : registry_.outlets()) {
            if (compact(o.name) == want) return &o;
            for (const auto& alias : o.aliases)
                if (compact(alias) == want) return &o;
            // "La Nación (Argentina)": the name without its qualifier.
            if (auto paren = o.name.find(" (");
                paren != std::string::npos && compact(o.name.substr(0, paren)) == want)
                return &o;
        }
    return nullptr;
}

Extractor::Extractor(OutletRegistry registry) : registry_(std::move(registry)) {}

void Extractor::override_outlets(Article& a, const ArticleOverrides* overrides) const {
    if (overrides && !overrides->outlets.empty()) {
        a.outlets.clear();
        for (const auto& name : overrides->outlets) {
            const Outlet* o = registry_.find(name);
            if (!o && name.find('.') != std::string::npos)  // a domain: "reuters.com"
                o = registry_.find_domain(name);
            std::string canonical = o ? o->name : name;
            if (std::find(a.outlets.begin(), a.outlets.end(), canonical) == a.outlets.end())
                a.outlets.push_back(canonical);
            a.evidence.push_back({"outlet", canonical, overrides->origin, 0, name});
        }
    } else if (overrides && !overrides->url.empty() && a.outlets.empty()) {
        if (const Outlet* o = registry_.find_domain(overrides->url)) {
            a.outlets.push_back(o->name);
            a.evidence.push_back(
                {"outlet", o->name, overrides->origin + " url", 0, overrides->url});
        }
    }
}

void Extractor::override_rest(Article& a, const ArticleOverrides* overrides) const {
    if (!overrides) return;
    if (!overrides->date.empty()) {
        a.date = overrides->date;
        a.evidence.push_back({"date", a.date, overrides->origin, 0, overrides->date});
    }
    if (!overrides->title.empty()) {
        a.title = overrides->title;
        a.evidence.push_back({"title", a.title, overrides->origin, 0, overrides->title});
    }
    if (!overrides->url.empty()) a.url = overrides->url;
}

Article Extractor::extract_html(const std::string& html, const ArticleOverrides* overrides) const {
    Article a;
    HtmlPage page = read_html(html);
    // The story's text, as paragraphs: the text rules (datelines, credits,
    // speakers) read it as they read a text file's body.
    std::string story;
    for (const auto& p : page.paragraphs) story += (story.empty() ? "" : "\n\n") + p;
    Layout layout = analyse_layout(story, registry_);
    a.body = story;  // the page's structure already told the story from its furniture

    a.title = page.title.value;
    if (!a.title.empty()) a.evidence.push_back({"title", a.title, page.title.rule, 0, a.title});

    auto credit = [&](const std::string& name, const std::string& rule, const std::string& from) {
        if (std::find(a.outlets.begin(), a.outlets.end(), name) != a.outlets.end()) return;
        a.outlets.push_back(name);
        a.evidence.push_back({"outlet", name, rule, 0, from});
    };
    // The site: its declared name as the registry knows it, else the
    // outlet of its address, else the declared name without a tagline.
    const Outlet* by_url = page.url.value.empty() ? nullptr : registry_.find_domain(page.url.value);
    if (!page.site_name.value.empty()) {
        std::string declared;
        const Outlet* o = resolve_site_name(page.site_name.value, declared);
        if (o)
            credit(o->name, page.site_name.rule, page.site_name.value);
        else if (by_url)
            credit(by_url->name,
                   "page URL (" + page.url.rule + "), the site name \"" + page.site_name.value +
                       "\" being no known outlet",
                   page.url.value);
        else if (!declared.empty())
            credit(declared, page.site_name.rule, page.site_name.value);
    } else if (by_url) {
        credit(by_url->name, "page URL (" + page.url.rule + ")", page.url.value);
    } else {
        // No declared site and no known address: the <title>'s last part
        // ("Headline | Sky News") when the registry knows it.
        for (std::string_view sep : {" | ", " - ", " \u2013 ", " \u2014 ", " :: "}) {
            auto at = page.title_tag.rfind(sep);
            if (at == std::string::npos) continue;
            std::string declared;
            if (const Outlet* o =
                    resolve_site_name(page.title_tag.substr(at + sep.size()), declared)) {
                credit(o->name, "site name ending the <title>", page.title_tag);
                break;
            }
        }
    }
    // Bylines and authors naming an outlet ("AFP", "By Jane Doe, Reuters").
    for (const auto* list : {&page.authors, &page.bylines})
        for (const auto& byline : *list) {
            if (const Outlet* o = registry_.find(byline)) {
                credit(o->name, "byline naming an outlet", byline);
                continue;
            }
            for (const Outlet* o : registry_.find_in(byline))
                if (o->agency) credit(o->name, "byline naming an agency", byline);
        }
    for (const auto& name : find_outlets(layout, registry_, a.evidence)) credit(name, "", "");
    a.evidence.erase(std::remove_if(a.evidence.begin(), a.evidence.end(),
                                    [](const Evidence& e) { return e.rule.empty(); }),
                     a.evidence.end());
    override_outlets(a, overrides);

    a.date = page.date.value;
    if (!a.date.empty()) a.evidence.push_back({"date", a.date, page.date.rule, 0, a.date});
    a.url = page.url.value;
    override_rest(a, overrides);

    std::vector<Paragraph> paragraphs;
    int number = 0;
    for (const auto& p : page.paragraphs) {
        ++number;
        if (!is_caption(p)) paragraphs.push_back({p, number});
    }
    a.speakers = find_speakers(paragraphs, a.evidence);
    return a;
}

Article Extractor::extract(const std::string& raw, const ArticleOverrides* overrides) const {
    Article a;
    LayoutHints hints;
    if (overrides) hints.url = overrides->url;  // its slug points at the headline
    hints.site_chrome = site_chrome_;
    Layout layout = analyse_layout(raw, registry_, hints);

    // Title.
    if (layout.title_index >= 0) {
        const Line& l = layout.lines[static_cast<std::size_t>(layout.title_index)];
        a.title = l.text;
        a.evidence.push_back({"title", a.title, l.why, l.number, l.text});
    } else {
        auto first = std::find_if(layout.lines.begin(), layout.lines.end(),
                                  [](const Line& l) { return l.role != LineRole::blank; });
        if (first != layout.lines.end() && first->role == LineRole::body &&
            stands_as_title(layout, first)) {
            // A file opening with one short line set apart from the text is
            // titled by it, full stop or not ("simple shear flow past a
            // flat plate ... ."): the headline, and not the body's too.
            first->role = LineRole::title;
            a.title = first->text;
            a.evidence.push_back({"title", a.title,
                                  "the file's first line, standing alone before the story",
                                  first->number, first->text});
        } else if (first = std::find_if(layout.lines.begin(), layout.lines.end(),
                                        [](const Line& l) { return l.role == LineRole::body; });
                   first != layout.lines.end()) {
            a.title = fallback_title(first->text);
            a.evidence.push_back({"title", a.title, "no headline line: first words of the story",
                                  first->number, first->text});
        }
    }

    // Outlets first: their conventions decide ambiguous numeric dates.
    a.outlets = find_outlets(layout, registry_, a.evidence);
    override_outlets(a, overrides);

    // Date: the header line nearest after the headline holding a full
    // date, else nearest before it; a revision ("Updated ...") only when
    // nothing else dates the story.
    std::string by;
    DateOrder order = order_for(a.outlets, registry_, by);
    std::vector<std::size_t> near;
    const std::size_t n = layout.lines.size();
    const std::size_t title =
        layout.title_index >= 0 ? static_cast<std::size_t>(layout.title_index) : 0;
    for (std::size_t i = title; i < n && i < layout.story_end; ++i) near.push_back(i);
    for (std::size_t i = title; i-- > 0;) near.push_back(i);
    std::optional<FoundDate> revision;
    const Line* revision_line = nullptr;
    for (std::size_t i : near) {
        const Line& l = layout.lines[i];
        if (l.role != LineRole::date_line && l.role != LineRole::byline &&
            l.role != LineRole::banner)
            continue;
        auto d = find_publication_date(l.text, order);
        if (!d) continue;
        if (d->revision) {
            if (!revision) revision = d, revision_line = &l;
            continue;
        }
        revision.reset();
        a.date = d->iso;
        std::string rule = d->form;
        if (d->ambiguous) rule += " " + by;
        a.evidence.push_back({"date", a.date, rule, l.number, l.text});
        break;
    }
    if (a.date.empty() && revision) {
        a.date = revision->iso;
        std::string rule = revision->form + ", a revision date (nothing else dates the story)";
        if (revision->ambiguous) rule += " " + by;
        a.evidence.push_back({"date", a.date, rule, revision_line->number, revision_line->text});
    }
    override_rest(a, overrides);

    // Body and speakers.
    std::vector<Paragraph> paragraphs;
    for (const auto& l : layout.lines)  // a caption's names are no speakers
        if (l.role == LineRole::body && !is_caption(l.text))
            paragraphs.push_back({l.text, l.number});
    a.body = body_text(layout);
    a.speakers = find_speakers(paragraphs, a.evidence);
    return a;
}

}  // namespace gazette
