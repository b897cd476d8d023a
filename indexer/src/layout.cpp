#include "layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

#include "dates.hpp"
#include "indexer_data.hpp"
#include "text.hpp"

namespace gazette {

namespace {

// Site furniture by whole line, or by how a line starts (indexer/data/words).
const data::WordSet& chrome_lines() {
    static const data::WordSet words = data::indexer_words("words/chrome_lines.txt");
    return words;
}
const std::vector<std::string>& chrome_starts() {
    static const std::vector<std::string> starts =
        data::entries(data::text_of(data::indexer_files(), "words/chrome_starts.txt"));
    return starts;
}

// "3:45", "12:07:30".
bool is_time_code(std::string_view s) {
    auto digits = [&](std::size_t from, std::size_t n) {
        return from + n <= s.size() && std::all_of(s.begin() + static_cast<long>(from),
                                                   s.begin() + static_cast<long>(from + n),
                                                   [](char c) { return c >= '0' && c <= '9'; });
    };
    std::size_t h = digits(0, 2) ? 2 : digits(0, 1) ? 1 : 0;
    if (h == 0 || h >= s.size() || s[h] != ':' || !digits(h + 1, 2)) return false;
    if (s.size() == h + 3) return true;
    return s.size() == h + 6 && s[h + 3] == ':' && digits(h + 4, 2);
}

// "icon bookmark-bicon bookmarkicon cameraicon ..." rows.
bool is_icon_row(const std::string& lower) {
    std::size_t count = 0;
    for (std::size_t p = lower.find("icon"); p != std::string::npos; p = lower.find("icon", p + 4))
        ++count;
    return count >= 3 && count * 4 * 3 >= word_count(lower);
}

const char* chrome_reason(const std::string& line) {
    std::string lower = text::lower(line);
    std::string norm = text::normalize_name(line);
    if (norm.empty() && !line.empty()) return "no words";
    if (chrome_lines().count(norm)) return "site furniture line";
    for (const auto& start : chrome_starts())
        if (lower.starts_with(start)) return "site furniture (disclaimer, copyright, url)";
    if (line.size() <= 8 && is_time_code(line)) return "media time code";
    if (is_icon_row(lower)) return "icon row";
    return nullptr;
}

// Header lines are short: the tests below look at lines of at most this
// many bytes (a megabyte line is story or nothing, and is not tokenised
// again and again).
constexpr std::size_t max_header_bytes = 600;

bool is_breadcrumb(const std::string& line) {
    if (line.size() > max_header_bytes) return false;
    if (line.find(" > ") != std::string::npos || line.find(" \u00bb ") != std::string::npos)
        return true;
    return line.rfind("Home ", 0) == 0 && word_count(line) >= 3;
}

// The line only names an outlet, maybe with "news", "online", a domain.
bool is_banner(const std::string& line, const OutletRegistry& registry) {
    if (line.size() > max_header_bytes) return false;
    if (word_count(line) > 5) return false;
    std::string core = line;
    std::string lower = text::lower(line);
    for (std::string_view tail : {"news", "online", ".com", "homepage", "home page"}) {
        if (lower.size() == core.size() && lower.ends_with(tail)) {
            core = std::string(
                text::trim(std::string_view(core).substr(0, core.size() - tail.size())));
            break;
        }
    }
    return registry.find(core) != nullptr || registry.find(line) != nullptr;
}

const data::WordSet& byline_words() {
    static const data::WordSet words = data::indexer_words("words/byline_words.txt");
    return words;
}

// Scripts written without spaces (Chinese, Japanese, Korean): characters
// in U+3000..U+D7FF, counted from their UTF-8 lead bytes.
std::size_t wide_chars(std::string_view line) {
    std::size_t n = 0;
    for (unsigned char c : line) n += (c >= 0xE3 && c <= 0xED);
    return n;
}

// A line's length in words; two characters of a script without spaces
// count as one word.
std::size_t units(std::string_view line) {
    return std::max(word_count(line), wide_chars(line) / 2);
}

// The line ends a sentence: ". ? ! 。" maybe followed by closing quotes or
// brackets.
bool ends_sentence(std::string_view line) {
    static constexpr std::array<std::string_view, 9> closers = {
        "\"", "'", ")", "\u201d", "\u2019", "\u00bb", "\u300d", "]", "*"};
    for (bool again = true; again && !line.empty();) {
        again = false;
        for (auto c : closers)
            if (line.ends_with(c)) {
                line.remove_suffix(c.size());
                again = true;
            }
    }
    if (line.ends_with("\u2026") || line.ends_with("...")) return false;  // a cut teaser
    for (std::string_view end : {".", "?", "!", "\u3002", "\uff01", "\uff1f"})
        if (line.ends_with(end)) return true;
    return false;
}

// Ends with a full stop that is not an abbreviation's ("N.Y.C.", "Jr.").
bool ends_full_stop(std::string_view line) {
    if (!line.ends_with(".") || line.ends_with("...")) return false;
    auto space = line.find_last_of(' ');
    std::string_view last = line.substr(space == std::string_view::npos ? 0 : space + 1);
    last.remove_suffix(1);
    if (last.find('.') != std::string_view::npos) return false;                       // "N.Y.C."
    return !(last.size() <= 3 && !last.empty() && last[0] >= 'A' && last[0] <= 'Z');  // "Jr."
}

// A line's length in words, counted once.
std::size_t units(const Line& l) {
    if (l.units_memo == static_cast<std::size_t>(-1))
        l.units_memo = units(std::string_view(l.text));
    return l.units_memo;
}

// A story paragraph rather than header material.
bool is_paragraph(const Line& l) {
    std::size_t n = units(l);
    return n >= 16 || (n >= 10 && ends_sentence(l.text));
}

bool starts_lower(std::string_view line) {
    return !line.empty() && line[0] >= 'a' && line[0] <= 'z';
}

// How much a line says the story is here: prose for its length, a short
// sentence a little, menu items (short lines packed together) against.
double story_weight(const std::vector<Line>& lines, std::size_t i) {
    const Line& l = lines[i];
    if (l.role == LineRole::blank) return 0;
    if (l.role == LineRole::chrome) return -1;
    std::size_t n = units(l);
    auto packed = [&](std::size_t j) {
        return j < lines.size() && lines[j].role != LineRole::blank && !is_paragraph(lines[j]);
    };
    bool in_menu = (i > 0 && packed(i - 1)) || packed(i + 1);
    // Among packed short lines, a line is prose only when long and a
    // sentence: a teaser ends no sentence, an interface message is short
    // ("Sorry, we can't load comments right now. Try again.").
    if (is_paragraph(l) && (!in_menu || (n >= 16 && ends_sentence(l.text))))
        return static_cast<double>(std::min<std::size_t>(n, 100));
    if (n >= 3 && ends_sentence(l.text) && !in_menu) return 1;
    return in_menu ? -3 : -1.5;
}

// The words of a line worth comparing (lower-case, four letters or more).
std::set<std::string> content_words(std::string_view text) {
    std::set<std::string> out;
    for (auto& t : text::tokenize(text))
        if (text::utf8_length(t.lower) >= 4) out.insert(t.lower);
    return out;
}

double overlap(const std::set<std::string>& words, const std::set<std::string>& in) {
    if (words.empty()) return 0;
    std::size_t hit = 0;
    for (const auto& w : words) hit += in.count(w);
    return static_cast<double>(hit) / static_cast<double>(words.size());
}

// The slug of an address: "https://x.com/news/2019/us-lifts-sudan-sanctions.html"
// -> its words.
std::set<std::string> slug_words(std::string_view url) {
    auto q = url.find_first_of("?#");
    if (q != std::string_view::npos) url = url.substr(0, q);
    while (!url.empty() && url.back() == '/') url.remove_suffix(1);
    auto slash = url.rfind('/');
    std::string slug(slash == std::string_view::npos ? url : url.substr(slash + 1));
    for (char& c : slug)
        if (c == '-' || c == '_' || c == '+') c = ' ';
    return content_words(slug);
}

bool is_credit(const std::string& line, const OutletRegistry& registry) {
    if (line.size() > max_header_bytes) return false;
    if (word_count(line) > 8 || line.find('/') == std::string::npos) return false;
    for (auto part : text::split(line, '/'))
        if (registry.find(std::string(part))) return true;
    return false;
}

}  // namespace

std::size_t word_count(std::string_view line) {
    return text::tokenize(line).size();
}

bool is_caption(std::string_view line) {
    static const std::vector<std::string> marks =
        data::entries(data::text_of(data::indexer_files(), "words/caption_marks.txt"));
    // Marks open or close a caption: its first and last 200 bytes.
    std::string lower =
        text::lower(line.size() <= 400 ? line
                                       : std::string(line.substr(0, 200)) + " " +
                                             std::string(line.substr(line.size() - 200)));
    return std::any_of(marks.begin(), marks.end(),
                       [&](const std::string& m) { return lower.find(m) != std::string::npos; });
}

bool is_byline(std::string_view line) {
    if (line.size() > max_header_bytes) return false;
    auto words = text::tokenize(line);
    if (words.size() < 2 || words.size() > 16 || words[0].begin != 0) return false;
    if (!byline_words().count(words[0].lower)) return false;
    unsigned char next = static_cast<unsigned char>(line[words[1].begin]);
    return (next >= 'A' && next <= 'Z') || next >= 0xC0;  // a name follows
}

namespace {

// One headline candidate's score and the cues behind it.
struct Scored {
    double score = -1e9;
    std::string why;
};

// A short line holding a date, not a sentence ("Thu 3 Jan 2019 02.00 EST
// Last modified on Wed 16 Jan 2019 06.16 EST" is one).
// A metadata strip ("Le Monde | 04.05.2015 à 13h36 • Mis à jour ... | Par
// ...") may be longer when the date comes early.
bool is_date_line(const Line& l) {
    if (l.date_memo < 0) {
        std::size_t n = units(l);
        bool yes = false;
        if (n <= 40 && !ends_full_stop(l.text)) {
            auto d = find_date(l.text, DateOrder::unknown);
            yes = d && (n <= 24 || d->begin < 80);
        }
        l.date_memo = yes;
    }
    return l.date_memo == 1;
}

bool byline_line(const Line& l) {
    if (l.byline_memo < 0) l.byline_memo = is_byline(l.text);
    return l.byline_memo == 1;
}

// The story: the maximum-sum run of story weights (Kadane), or nothing
// when no line is prose.
// A run of lines that may be the story, and its weight.
struct Segment {
    std::size_t begin = 0, end = 0;
    double weight = 0;
};

// Candidate stories: the maximum-sum runs of story weights (Kadane's scan,
// one best run between restarts), heaviest first, at most eight.
std::vector<Segment> find_stories(const std::vector<Line>& lines) {
    std::vector<Segment> found;
    Segment current;
    double run = 0;
    // Furniture lines cost more the longer their run since the last prose
    // line (up to five times): a caption or two inside a story costs
    // little, a video player's forty settings lines split two texts.
    std::size_t gap = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        double w = story_weight(lines, i);
        if (w >= 5)  // a paragraph ends the run of furniture
            gap = 0;
        else if (w < 0)
            w *= static_cast<double>(std::min<std::size_t>(++gap, 5));
        if (run <= 0) {
            if (w <= 0) continue;
            if (current.weight > 0) found.push_back(current);
            current = {i, i, 0};
            run = 0;
        }
        run += w;
        if (run > current.weight) current.weight = run, current.end = i + 1;
    }
    if (current.weight > 0) found.push_back(current);
    std::sort(found.begin(), found.end(),
              [](const Segment& a, const Segment& b) { return a.weight > b.weight; });
    if (found.size() > 8) found.resize(8);
    return found;
}

Scored score_headline(const Layout& layout, std::size_t i, std::size_t story_begin,
                      const std::set<std::string>& story_words, const std::set<std::string>& slug,
                      const std::unordered_map<std::string, int>& line_counts,
                      const std::vector<std::string>& normalized,
                      const std::vector<std::size_t>& blocks) {
    const auto& lines = layout.lines;
    const Line& l = lines[i];
    std::size_t n = units(l);
    // A long headline is allowed, but not a sentence.
    if (n < 1 || n > 30 || (is_paragraph(l) && ends_full_stop(l.text)) || l.text.ends_with(":"))
        return {};
    Scored s;
    s.score = 0;
    auto cue = [&](double points, const char* what) {
        s.score += points;
        if (!s.why.empty()) s.why += ", ";
        s.why += what;
    };
    // Near the byline or the date: in its own block of lines or the next
    // three (a share bar is one block however many lines it has), or just
    // before it.
    auto meta = [](const Line& m) {
        return m.role != LineRole::chrome && (byline_line(m) || is_date_line(m));
    };
    bool date_after = false, byline_after = false;
    for (std::size_t j = i + 1; j < lines.size() && j < i + 40; ++j) {
        if (blocks[j] > blocks[i] + 4) break;
        if (lines[j].role == LineRole::blank || lines[j].role == LineRole::chrome) continue;
        date_after = date_after || is_date_line(lines[j]);
        byline_after = byline_after || byline_line(lines[j]);
    }
    if (date_after) cue(3, "a date follows");
    if (byline_after) cue(2, "a byline follows");
    if (!date_after && !byline_after) {
        for (std::size_t j = i, seen = 0; j-- > 0 && seen < 2;) {
            if (lines[j].role == LineRole::blank) continue;
            ++seen;
            if (meta(lines[j])) {
                cue(1.5, "byline or date precedes");
                break;
            }
        }
    }
    // A standfirst or the story follows: a line of twelve words or more,
    // or a sentence, not furniture.
    for (std::size_t j = i + 1; j < lines.size() && j < i + 3; ++j) {
        if (lines[j].role == LineRole::blank) continue;
        std::size_t next = units(lines[j]);
        if (lines[j].role != LineRole::chrome && !meta(lines[j]) && !is_caption(lines[j].text) &&
            (next >= 12 || (next >= 5 && ends_sentence(lines[j].text))))
            cue(1, "text follows");
        break;
    }
    // Just under another heading of four words or more that is no menu
    // item: a standfirst or a sub-heading, not the headline.
    for (std::size_t j = i, seen = 0; j-- > 0 && seen < 1;) {
        if (lines[j].role == LineRole::blank) continue;
        ++seen;
        bool heading = lines[j].role == LineRole::body && units(lines[j]) >= 4 &&
                       !is_paragraph(lines[j]) && !ends_full_stop(lines[j].text) &&
                       !meta(lines[j]) && !is_caption(lines[j].text);
        bool menu = j > 0 && lines[j - 1].role != LineRole::blank;
        if (heading && !menu && blocks[j] + 1 == blocks[i]) cue(-1.5, "under another heading");
    }
    // One of a list of links: short lines packed around it.
    auto short_line = [&](std::size_t j) {
        return j < lines.size() && lines[j].role != LineRole::blank && units(lines[j]) < 10 &&
               !meta(lines[j]);
    };
    if (i > 0 && short_line(i - 1) && short_line(i + 1)) cue(-2, "in a list of short lines");
    // Set off by blank lines, as a heading is.
    bool blank_before = i == 0 || lines[i - 1].role == LineRole::blank;
    bool blank_after = i + 1 >= lines.size() || lines[i + 1].role == LineRole::blank;
    if (blank_before && blank_after) cue(1.5, "set off by blank lines");
    // Shown again on the page (a share box, a breadcrumb).
    if (n >= 4) {
        auto it = line_counts.find(normalized[i]);
        bool again = it != line_counts.end() && it->second > 1;
        if (!again) {
            // Inside a longer line (a breadcrumb, a share text) within 150
            // lines: the work per candidate stays bounded on any file.
            std::size_t from = i > 150 ? i - 150 : 0, to = std::min(lines.size(), i + 150);
            for (std::size_t j = from; j < to && !again; ++j)
                again = j != i && normalized[j].size() > normalized[i].size() &&
                        normalized[j].size() < 4 * normalized[i].size() &&
                        normalized[j].find(normalized[i]) != std::string::npos;
        }
        if (again) cue(1.5, "repeated on the page");
    }
    // Its words recur in the story; the address's slug has them.
    auto words = content_words(l.text);
    if (double o = overlap(words, story_words); o > 0) cue(3 * o, "words recur in the story");
    if (!slug.empty())
        if (double o = overlap(words, slug); o > 0) cue(6 * o, "words in the URL slug");
    // A headline's shape.
    if (n >= 5 && n <= 20) cue(1, "headline length");
    if (n <= 3) cue(-1.5, "very short");
    if (ends_full_stop(l.text)) cue(-1, "ends like a sentence");
    if (starts_lower(l.text)) cue(-2, "starts in lower case");
    if (is_caption(l.text)) cue(-4, "a picture's caption");
    if (l.text.ends_with("\u2026") || l.text.ends_with("...")) cue(-2, "cut short (a teaser)");
    if (text::lower(l.text) == l.text) cue(-1, "no capitals");
    // Nearness to the story, in blocks of lines.
    if (i < story_begin) {
        cue(-std::min(3.0, 0.3 * static_cast<double>(blocks[story_begin] - blocks[i])),
            "distance to the story");
    } else {
        std::size_t between = 0;
        for (std::size_t j = story_begin; j < i; ++j) between += is_paragraph(lines[j]);
        cue(-1 - 1.5 * static_cast<double>(between), "inside the story");
    }
    return s;
}

}  // namespace

Layout analyse_layout(std::string_view text, const OutletRegistry& registry,
                      const LayoutHints& hints) {
    Layout layout;
    int number = 0;
    for (auto raw : text::split(text, '\n')) {
        Line line;
        line.number = ++number;
        line.text = std::string(text::trim(raw));
        if (!line.text.empty()) {
            line.role = LineRole::body;
            if (const char* why = chrome_reason(line.text))
                line.role = LineRole::chrome, line.why = why;
            else if (hints.site_chrome && line.text.size() <= max_header_bytes &&
                     hints.site_chrome(text::normalize_name(line.text)))
                line.role = LineRole::chrome, line.why = "repeated on many pages of the collection";
        }
        layout.lines.push_back(std::move(line));
    }
    auto& lines = layout.lines;

    auto stories = find_stories(lines);
    if (stories.empty()) {
        // No prose at all: every line is story, there is no header.
        layout.story_begin = 0;
        layout.story_end = lines.size();
        return layout;
    }

    std::vector<std::string> normalized(lines.size());
    std::unordered_map<std::string, int> line_counts;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].role == LineRole::blank) continue;
        // A paragraph is never a headline or its repeat: only short lines
        // are compared.
        if (units(lines[i]) > 30 || lines[i].text.size() > 4 * max_header_bytes) continue;
        normalized[i] = text::normalize_name(lines[i].text);
        ++line_counts[normalized[i]];
    }
    std::set<std::string> slug = slug_words(hints.url);
    // Blocks: runs of lines between blank lines, numbered.
    std::vector<std::size_t> blocks(lines.size());
    for (std::size_t i = 0, b = 0; i < lines.size(); ++i) {
        if (i > 0 && lines[i].role != LineRole::blank && lines[i - 1].role == LineRole::blank) ++b;
        blocks[i] = b;
    }

    // The best headline for a candidate story: from up to 100 lines before
    // it to its second paragraph.
    struct Pick {
        Segment story;
        Scored headline;
        std::size_t title = 0, lo = 0;
    };
    auto headline_for = [&](const Segment& story) {
        Pick p{story, {}, lines.size(), story.begin};
        for (std::size_t seen = 0; p.lo > 0 && seen < 100;) {
            --p.lo;
            seen += lines[p.lo].role != LineRole::blank;
        }
        std::size_t hi = story.begin;
        for (std::size_t paragraphs = 0; hi < story.end && paragraphs < 2; ++hi)
            paragraphs += is_paragraph(lines[hi]);
        std::set<std::string> story_words;
        for (std::size_t i = story.begin; i < story.end; ++i)
            if (lines[i].role == LineRole::body && is_paragraph(lines[i]))
                for (auto& w : content_words(lines[i].text)) story_words.insert(w);
        for (std::size_t i = p.lo; i < hi; ++i) {
            const Line& l = lines[i];
            if (l.role != LineRole::body) continue;
            if (is_breadcrumb(l.text) || byline_line(l) || is_banner(l.text, registry) ||
                is_date_line(l))
                continue;
            Scored s = score_headline(layout, i, story.begin, story_words, slug, line_counts,
                                      normalized, blocks);
            if (s.score > p.headline.score) p.headline = s, p.title = i;
        }
        return p;
    };
    // The story: the candidate weighing most once a good headline over it
    // counts for it (a list of teasers may outweigh a short story, but has
    // no headline, byline and date of its own).
    Pick chosen;
    double chosen_value = -1;
    for (const auto& story : stories) {
        Pick p = headline_for(story);
        double value = story.weight * (1 + 0.1 * std::max(0.0, p.headline.score));
        if (value > chosen_value) chosen = p, chosen_value = value;
    }
    std::size_t story_begin = chosen.story.begin, story_end = chosen.story.end;
    std::size_t lo = chosen.lo;
    Scored best = chosen.headline;
    std::size_t best_i = chosen.title;
    if (best_i < lines.size() && best.score > 0) {
        // The headline shown twice: the first showing is the headline.
        for (std::size_t i = lo; i < best_i; ++i)
            if (lines[i].role == LineRole::body && normalized[i] == normalized[best_i]) {
                best_i = i;
                break;
            }
    }
    // A story of one paragraph is not a headline over nothing.
    const bool leaves_no_story = best_i >= story_begin && best_i + 1 >= story_end;
    if (best_i < lines.size() && best.score > 0 && !leaves_no_story) {
        layout.title_index = static_cast<int>(best_i);
        lines[best_i].role = LineRole::title;
        lines[best_i].why = "headline: " + best.why;
        layout.title_why = fmt::format("{} (score {:.1f})", best.why, best.score);
        if (best_i >= story_begin) story_begin = best_i + 1;
    }
    layout.story_begin = story_begin;
    layout.story_end = story_end;

    // Header material: from the candidates' window to the story's second
    // paragraph after the headline (a standfirst may come before the byline
    // and date); its short lines that are not byline, date, banner or
    // breadcrumb are furniture (share bars, captions). Everything else
    // outside the story is an aside.
    std::size_t header_end = layout.title_index >= 0 ? best_i + 1 : story_begin;
    for (std::size_t paragraphs = 0; header_end < story_end; ++header_end) {
        if (!is_paragraph(lines[header_end])) continue;
        if (++paragraphs == 2) break;
    }
    // Bylines and dates are looked for a little further: fifteen lines
    // after the headline.
    std::size_t meta_end = header_end;
    if (layout.title_index >= 0)
        for (std::size_t j = best_i + 1, seen = 0; j < story_end && seen < 15; ++j)
            if (lines[j].role != LineRole::blank) ++seen, meta_end = std::max(meta_end, j + 1);
    const std::string title_norm =
        layout.title_index >= 0 ? normalized[best_i] : std::string("\x01");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        Line& l = lines[i];
        if (l.role != LineRole::body) continue;
        bool header = i >= lo && i < header_end && !is_paragraph(l);
        bool meta_zone = i >= lo && i < meta_end;
        if (normalized[i] == title_norm) {
            l.role = LineRole::title_repeat, l.why = "headline repeated";
        } else if (header && is_breadcrumb(l.text)) {
            l.role = LineRole::breadcrumb, l.why = "navigation breadcrumb";
        } else if (meta_zone && byline_line(l)) {
            l.role = LineRole::byline, l.why = "byline";
        } else if (header && is_banner(l.text, registry)) {
            l.role = LineRole::banner, l.why = "outlet name as a heading";
        } else if (meta_zone && is_date_line(l)) {
            l.role = LineRole::date_line, l.why = "short header line with a date";
        } else if (layout.title_index >= 0 && i > best_i && i < story_begin && units(l) >= 8 &&
                   !is_caption(l.text) && (lines[i - 1].role == LineRole::blank) &&
                   (i + 1 == lines.size() || lines[i + 1].role == LineRole::blank)) {
            l.why = "standfirst";  // between headline and story, a line of its own: body
        } else if (i < story_begin || i >= story_end) {
            l.role = LineRole::aside, l.why = "outside the story";
        } else if (header && !ends_sentence(l.text)) {
            l.role = LineRole::aside, l.why = "short line among the header material";
        }
    }

    // Closing credits: short lines naming outlets with slashes, at the
    // story's end.
    for (std::size_t i = std::min(lines.size(), story_end + 6), seen = 0;
         i-- > story_begin && seen < 4;) {
        Line& l = lines[i];
        if (l.role == LineRole::blank || l.role == LineRole::chrome) continue;
        ++seen;
        if ((l.role == LineRole::body || l.role == LineRole::aside) && is_credit(l.text, registry))
            l.role = LineRole::credit, l.why = "closing credit with outlet names";
    }
    return layout;
}

std::string body_text(const Layout& layout) {
    std::string body;
    for (const auto& l : layout.lines) {
        if (l.role != LineRole::body) continue;
        if (!body.empty()) body += "\n\n";
        body += l.text;
    }
    return body;
}

}  // namespace gazette
