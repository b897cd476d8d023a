// Extractor: runs layout analysis and each field's rules over one article,
// then applies manifest overrides. Every value comes with its evidence.
#include <fmt/format.h>

#include <algorithm>

#include "dates.hpp"
#include "gazette/extractor.hpp"
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

Extractor::Extractor(OutletRegistry registry) : registry_(std::move(registry)) {}

Article Extractor::extract(const std::string& raw, const ArticleOverrides* overrides) const {
    Article a;
    Layout layout = analyse_layout(raw, registry_);

    // Title.
    if (layout.title_index >= 0) {
        const Line& l = layout.lines[static_cast<std::size_t>(layout.title_index)];
        a.title = l.text;
        a.evidence.push_back({"title", a.title, l.why, l.number, l.text});
    } else {
        auto first = std::find_if(layout.lines.begin(), layout.lines.end(),
                                  [](const Line& l) { return l.role == LineRole::body; });
        if (first != layout.lines.end()) {
            a.title = fallback_title(first->text);
            a.evidence.push_back({"title", a.title, "no headline line: first words of the story",
                                  first->number, first->text});
        }
    }

    // Outlets first: their conventions decide ambiguous numeric dates.
    a.outlets = find_outlets(layout, registry_, a.evidence);
    if (overrides && !overrides->outlets.empty()) {
        a.outlets.clear();
        for (const auto& name : overrides->outlets) {
            const Outlet* o = registry_.find(name);
            std::string canonical = o ? o->name : name;
            if (std::find(a.outlets.begin(), a.outlets.end(), canonical) == a.outlets.end())
                a.outlets.push_back(canonical);
            a.evidence.push_back({"outlet", canonical, "manifest", 0, name});
        }
    } else if (overrides && !overrides->url.empty() && a.outlets.empty()) {
        for (const Outlet* o : registry_.find_in(overrides->url)) {
            a.outlets.push_back(o->name);
            a.evidence.push_back({"outlet", o->name, "manifest url", 0, overrides->url});
        }
    }

    // Date: the first header line holding a full date.
    std::string by;
    DateOrder order = order_for(a.outlets, registry_, by);
    for (std::size_t i = 0; i < layout.header_end; ++i) {
        const Line& l = layout.lines[i];
        if (l.role != LineRole::date_line && l.role != LineRole::byline &&
            l.role != LineRole::banner)
            continue;
        if (auto d = find_date(l.text, order)) {
            a.date = d->iso;
            std::string rule = d->form;
            if (d->ambiguous) rule += " " + by;
            a.evidence.push_back({"date", a.date, rule, l.number, l.text});
            break;
        }
    }
    if (overrides && !overrides->date.empty()) {
        a.date = overrides->date;
        a.evidence.push_back({"date", a.date, "manifest", 0, overrides->date});
    }
    if (overrides && !overrides->title.empty()) {
        a.title = overrides->title;
        a.evidence.push_back({"title", a.title, "manifest", 0, overrides->title});
    }
    if (overrides) a.url = overrides->url;

    // Body and speakers.
    std::vector<Paragraph> paragraphs;
    for (const auto& l : layout.lines)
        if (l.role == LineRole::body) paragraphs.push_back({l.text, l.number});
    a.body = body_text(layout);
    a.speakers = find_speakers(paragraphs, a.evidence);
    return a;
}

}  // namespace gazette
