#include "speakers.hpp"

#include <xapian.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "indexer_data.hpp"
#include "text.hpp"

namespace gazette {

namespace {

// The word lists live in indexer/data/words/ (one entry per line).
using data::WordSet;
#define GAZETTE_WORDS(fn, file)                                          \
    const WordSet& fn() {                                                \
        static const WordSet words = data::indexer_words("words/" file); \
        return words;                                                    \
    }
// Verbs that attribute a statement to their subject.
GAZETTE_WORDS(speech_verbs, "speech_verbs.txt")
// Verbs that may come before their subject: `"...," said Rogozin`.
GAZETTE_WORDS(inverted_verbs, "inverted_verbs.txt")
// Words between a subject and its verb that do not break the attribution.
GAZETTE_WORDS(adverbs, "attribution_adverbs.txt")
// Titles, roles and affiliations stripped from the front of a name.
GAZETTE_WORDS(role_words, "role_words.txt")
// Capitalised words that are places, organisations or calendar words.
GAZETTE_WORDS(non_person_words, "non_person_words.txt")
// Particles inside names ("de", "von").
GAZETTE_WORDS(particles, "name_particles.txt")
// "he said" refers back to the last person named.
GAZETTE_WORDS(pronouns, "pronouns.txt")
// Unnamed speakers ("a NATO spokeswoman said").
GAZETTE_WORDS(unnamed_nouns, "unnamed_speakers.txt")
// Verbs opening a sentence that are no name ("Asked Willie").
GAZETTE_WORDS(sentence_verbs, "sentence_verbs.txt")
// Participles of statements whose agent follows: "announced by".
GAZETTE_WORDS(passive_speech, "passive_speech.txt")
// The words introducing that agent: by, par, por, von, da.
GAZETTE_WORDS(agent_words, "agent_words.txt")
// Auxiliaries before an inverted verb: «...», a déclaré X.
GAZETTE_WORDS(auxiliaries, "auxiliaries.txt")
// Words opening a sentence before a name: "Even Joan Sutherland said".
GAZETTE_WORDS(openers, "name_openers.txt")
#undef GAZETTE_WORDS

// Longest run of words taken as one name (with its roles): "Boston Red
// Sox Outfielder Jackie Jensen" is six. The bound keeps the work per word
// constant on text of nothing but capitalised words.
constexpr std::size_t max_name_words = 10;

// Longest phrase kept as evidence.
constexpr std::size_t max_phrase_bytes = 200;

struct Tok {
    std::string text;  // as written
    std::string lower;
    bool word = false;
    std::size_t begin = 0;
};

bool is_upper_start(const std::string& w) {
    Xapian::Utf8Iterator it(w);
    return it != Xapian::Utf8Iterator() &&
           Xapian::Unicode::get_category(*it) == Xapian::Unicode::UPPERCASE_LETTER;
}

bool is_all_caps(const std::string& w) {
    std::size_t letters = 0;
    for (Xapian::Utf8Iterator it(w), end; it != end; ++it) {
        if (Xapian::Unicode::is_wordchar(*it)) {
            ++letters;
            if (Xapian::Unicode::get_category(*it) != Xapian::Unicode::UPPERCASE_LETTER)
                return false;
        }
    }
    return letters >= 2;
}

// Splits a paragraph into words (letters, digits, inner ' ’ - and a final
// '.' after a single capital: "W.") and single punctuation characters.
std::vector<Tok> tokens_of(const std::string& s) {
    std::vector<Tok> out;
    for (const auto& t : text::tokenize(s)) {
        // text::tokenize splits "Secretary-General"; rejoin hyphenated words.
        if (!out.empty() && out.back().word && t.begin > 0 && s[t.begin - 1] == '-' &&
            out.back().begin + out.back().text.size() + 1 == t.begin) {
            out.back().text = s.substr(out.back().begin, t.end - out.back().begin);
            out.back().lower += "-" + t.lower;
            continue;
        }
        // Punctuation between the previous token and this word.
        std::size_t from = out.empty() ? 0 : out.back().begin + out.back().text.size();
        for (std::size_t i = from; i < t.begin; ++i) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            if (c == ' ' || c == '\t' || c == '\n') continue;
            if (c >= 0x80) {  // keep a multi-byte punctuation mark as one token
                std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                out.push_back({s.substr(i, len), s.substr(i, len), false, i});
                i += len - 1;
                continue;
            }
            out.push_back({std::string(1, s[i]), std::string(1, s[i]), false, i});
        }
        // "U.S.": initials written together are one acronym, not a name.
        if (!out.empty() && out.back().word && out.back().text.size() == 2 &&
            out.back().text[1] == '.' && out.back().begin + 2 == t.begin) {
            std::size_t e = t.end < s.size() && s[t.end] == '.' ? t.end + 1 : t.end;
            out.back().text = s.substr(out.back().begin, e - out.back().begin);
            out.back().lower += "." + t.lower;
            continue;
        }
        Tok w{s.substr(t.begin, t.end - t.begin), t.lower, true, t.begin};
        if (t.end < s.size() && s[t.end] == '.' && w.text.size() == 1 && is_upper_start(w.text)) {
            w.text += '.';  // an initial
        } else if (t.end < s.size() && s[t.end] == '.' && is_upper_start(w.text) &&
                   w.text.size() <= 5 && role_words().count(w.lower)) {
            w.text += '.';  // a title's abbreviation: "Rep.", "Sen.", "Gov."
        }
        out.push_back(std::move(w));
    }
    return out;
}

bool is_name_word(const Tok& t) {
    // "Asked Willie", "Sees Jones": a verb opening a sentence is no name.
    // (The cheap tests first: most words are not capitalised.)
    if (!t.word || !is_upper_start(t.text)) return false;
    if (sentence_verbs().count(t.lower) || speech_verbs().count(t.lower)) return false;
    return !is_all_caps(t.text) && t.text.find('\'') == std::string::npos &&
           t.text.find("\u2019") == std::string::npos;
}

bool is_role(const std::string& lower) {
    if (role_words().count(lower)) return true;
    // "Secretary-General", "Vice-President": every part a role word.
    if (lower.find('-') == std::string::npos) return false;
    for (auto part : text::split(lower, '-'))
        if (!role_words().count(part)) return false;
    return true;
}

// Strips titles and roles: everything up to the last role word ("Boston
// Red Sox Outfielder Jackie Jensen" -> "Jackie Jensen"). Empty when what
// is left is not a person.
std::vector<Tok> clean_name(std::vector<Tok> run) {
    std::size_t i = 0;
    for (std::size_t k = 0; k < run.size(); ++k)
        if (!run[k].word || is_role(run[k].lower) || (k == i && openers().count(run[k].lower)))
            i = k + 1;
    run.erase(run.begin(), run.begin() + static_cast<long>(i));
    // Drop a trailing particle ("de" before a non-name).
    while (!run.empty() && particles().count(run.back().lower)) run.pop_back();
    if (run.empty()) return {};
    for (const auto& t : run)
        if (non_person_words().count(t.lower) || is_role(t.lower)) return {};
    // "Tunisian Islamists", "the Europeans": a group, not a person.
    const std::string& last = run.back().lower;
    for (std::string_view plural : {"ists", "ians", "icans", "eans"})
        if (last.size() > plural.size() + 3 && last.ends_with(plural)) return {};
    if (!is_name_word(run.front()) && !particles().count(run.front().lower)) return {};
    // "D. C.": initials alone name nobody.
    if (std::all_of(run.begin(), run.end(), [](const Tok& t) { return t.text.size() <= 2; }))
        return {};
    return run;
}

// Name run ending just before token `end` (exclusive), walking back.
std::vector<Tok> name_run_before(const std::vector<Tok>& toks, std::size_t end) {
    std::size_t b = end;
    while (b > 0 && end - b < max_name_words) {
        const Tok& t = toks[b - 1];
        bool particle_inside = particles().count(t.lower) && b < end && is_name_word(toks[b]);
        if (is_name_word(t) || particle_inside ||
            (t.word && is_role(t.lower) && is_upper_start(t.text)))
            --b;
        else
            break;
    }
    return {toks.begin() + static_cast<long>(b), toks.begin() + static_cast<long>(end)};
}

// Name run starting at token `begin`, after any lower-case role words.
std::vector<Tok> name_run_after(const std::vector<Tok>& toks, std::size_t begin) {
    std::size_t b = begin;
    while (b < toks.size() && b - begin < 3 && toks[b].word && !is_upper_start(toks[b].text) &&
           (is_role(toks[b].lower) || toks[b].lower == "the"))
        ++b;
    std::size_t e = b;
    bool seen_name = false;  // lower-case roles may follow capitalised ones: "EU envoy"
    while (e < toks.size() && e - b < max_name_words) {
        const Tok& t = toks[e];
        // (The cheap tests first: this runs at every word of an article.)
        const bool name = is_name_word(t);
        const bool particle_inside = !name && e + 1 < toks.size() &&
                                     is_name_word(toks[e + 1]) && particles().count(t.lower);
        const bool role = !name && !particle_inside && t.word &&
                          (is_upper_start(t.text) || (!seen_name && e > b)) && is_role(t.lower);
        if (!name && !particle_inside && !role) break;
        seen_name = seen_name || (name && !is_role(t.lower));
        ++e;
    }
    return {toks.begin() + static_cast<long>(b), toks.begin() + static_cast<long>(e)};
}

// For a comma at `close`, the comma opening a short appositive before it
// ("Varga, the envoy to NATO, said"): up to 12 words, no other punctuation,
// not itself starting with a name.
std::optional<std::size_t> appositive_start(const std::vector<Tok>& toks, std::size_t close) {
    for (std::size_t k = close, words = 0; k-- > 0;) {
        if (toks[k].text == ",") {
            if (words == 0 || is_name_word(toks[k + 1])) return std::nullopt;
            return k;
        }
        if (!toks[k].word || ++words > 12) return std::nullopt;
    }
    return std::nullopt;
}

struct Attribution {
    std::vector<std::string> name;  // words of the name as written
    std::size_t paragraph = 0;
    std::string phrase;
    bool pronoun = false;
};

std::vector<std::string> words_of(const std::vector<Tok>& run) {
    std::vector<std::string> w;
    for (const auto& t : run) w.push_back(t.text);
    return w;
}

std::string joined(const std::vector<std::string>& words, std::size_t from = 0) {
    std::string out;
    for (std::size_t i = from; i < words.size(); ++i) {
        if (!out.empty()) out += ' ';
        out += words[i];
    }
    return out;
}

}  // namespace

std::vector<std::string> find_speakers(const std::vector<Paragraph>& paragraphs,
                                       std::vector<Evidence>& evidence) {
    // Every full name (two or more words once roles are stripped) in the
    // story, found by each of its endings: "Smith" and "John Smith" lead
    // to "Mary John Smith". The first of the longest names wins.
    std::unordered_map<std::string, std::vector<std::string>> by_ending;
    auto remember = [&](const std::vector<std::string>& name) {
        for (std::size_t k = 0; k < name.size(); ++k) {
            auto& slot = by_ending[joined(name, k)];
            if (name.size() > slot.size()) slot = name;
        }
    };
    std::vector<std::vector<Tok>> para_tokens;
    for (const auto& p : paragraphs) {
        para_tokens.push_back(tokens_of(p.text));
        const auto& toks = para_tokens.back();
        for (std::size_t i = 0; i < toks.size();) {
            auto run = name_run_after(toks, i);
            if (run.empty()) {
                ++i;
                continue;
            }
            i += run.size();
            auto name = clean_name(run);
            if (name.size() >= 2) remember(words_of(name));
        }
    }
    // First names given once in full: "her mother, Fiona, said" is Fiona
    // Parry when only one Fiona is named in full.
    std::unordered_map<std::string, std::vector<std::string>> by_first;
    std::unordered_set<std::string> first_shared;
    for (const auto& [ending, name] : by_ending) {
        if (ending != joined(name)) continue;
        auto [it, fresh] = by_first.emplace(name.front(), name);
        if (!fresh && it->second != name) first_shared.insert(name.front());
    }
    // The full name last seen for each ending, as the story goes: "Parata"
    // is the Parata named last before it.
    std::unordered_map<std::string, std::vector<std::string>> recent;
    auto seen_in_full = [&](const std::vector<std::string>& name) {
        if (name.size() < 2) return;
        for (std::size_t k = 0; k < name.size(); ++k) recent[joined(name, k)] = name;
    };
    auto resolve =
        [&](const std::vector<std::string>& name) -> std::optional<std::vector<std::string>> {
        if (name.size() >= 2) {
            // A full name is itself, unless it ends a longer one.
            if (auto it = recent.find(joined(name)); it != recent.end()) return it->second;
            return name;
        }
        if (auto it = recent.find(joined(name)); it != recent.end()) return it->second;
        if (auto it = by_ending.find(joined(name)); it != by_ending.end()) return it->second;
        if (auto it = by_first.find(name.front());
            it != by_first.end() && !first_shared.count(name.front()))
            return it->second;
        return std::nullopt;  // a surname alone, never given in full: not enough
    };
    // A single name right after a role ("o técnico Tite declarou", "coach
    // Tite said"): the person is known by one name.
    auto one_name_after_role =
        [](const std::vector<Tok>& toks, const std::vector<Tok>& run,
           std::size_t run_begin) -> std::optional<std::vector<std::string>> {
        if (run.size() != 1 || run_begin == 0) return std::nullopt;
        const Tok& before = toks[run_begin - 1];
        if (before.word && is_role(before.lower) && !is_upper_start(before.text))
            return std::vector<std::string>{run.front().text};
        return std::nullopt;
    };

    std::vector<std::string> speakers;
    std::unordered_set<std::string> named;
    std::set<std::pair<std::string, std::string>> noted;  // evidence: once per name and rule
    auto add = [&](const std::vector<std::string>& name, const std::string& rule,
                   const Paragraph& p, const std::string& phrase) {
        std::string full = joined(name);
        if (named.insert(full).second) speakers.push_back(full);
        if (noted.emplace(full, rule).second)
            evidence.push_back({"speaker", full, rule, p.line,
                                std::string(text::utf8_whole_chars(
                                    std::string_view(phrase).substr(0, max_phrase_bytes)))});
    };

    // The last person named, for "he said"; cleared by an unnamed speaker.
    std::optional<std::vector<std::string>> last_person;
    std::size_t last_person_paragraph = 0;

    for (std::size_t pi = 0; pi < paragraphs.size(); ++pi) {
        const auto& toks = para_tokens[pi];
        const auto& para = paragraphs[pi];
        if (last_person && pi > last_person_paragraph + 1) last_person.reset();
        auto phrase_of = [&](std::size_t from, std::size_t to) {
            std::size_t b = toks[from].begin;
            std::size_t e =
                to < toks.size() ? toks[to].begin + toks[to].text.size() : para.text.size();
            return text::squeeze_spaces(std::string_view(para.text).substr(b, e - b));
        };
        std::size_t tracked_until = 0;
        bool in_quote = false;
        for (std::size_t i = 0; i < toks.size(); ++i) {
            const Tok& t = toks[i];
            // Track the people named, for pronouns (each name once, not
            // again from its inner words: "Fiona Parry" is not "Parry").
            if (!t.word && (t.text == "\u201c" || t.text == "\u201d" || t.text == "\"" ||
                            t.text == "\u00ab" || t.text == "\u00bb")) {
                // Names inside a quotation are the speaker's words, not
                // who "he said" refers to.
                in_quote =
                    t.text == "\u201c" || t.text == "\u00ab" || (t.text == "\"" && !in_quote);
                if (t.text == "\u201d" || t.text == "\u00bb") in_quote = false;
            }
            if (is_name_word(t) && i >= tracked_until && !in_quote) {
                auto run = name_run_after(toks, i);
                tracked_until = i + run.size();
                auto name = clean_name(run);
                if (!name.empty()) {
                    if (auto full = resolve(words_of(name))) {
                        last_person = *full;
                        last_person_paragraph = pi;
                        seen_in_full(*full);
                    }
                }
            }
            // "... annoncée ce matin par Laurent Fabius", "announced by Mr.
            // X": a statement's agent.
            if (t.word && passive_speech().count(t.lower)) {
                for (std::size_t k = i + 1; k < toks.size() && k <= i + 5; ++k) {
                    if (!toks[k].word) break;
                    if (!agent_words().count(toks[k].lower)) continue;
                    auto name = clean_name(name_run_after(toks, k + 1));
                    if (!name.empty())
                        if (auto full = resolve(words_of(name))) {
                            add(*full, "agent of \"" + t.lower + " " + toks[k].lower + "\"", para,
                                phrase_of(i, std::min(toks.size() - 1, k + name.size())));
                            last_person = *full;
                            last_person_paragraph = pi;
                        }
                    break;
                }
            }
            if (!t.word || !speech_verbs().count(t.lower)) continue;
            // Subject before the verb, skipping adverbs, auxiliaries, a comma.
            std::size_t j = i;
            while (j > 0 && toks[j - 1].word &&
                   (adverbs().count(toks[j - 1].lower) || auxiliaries().count(toks[j - 1].lower)))
                --j;
            bool quoted = t.lower == "quoted";
            if (quoted && j == i) continue;  // "quoted" needs "was quoted"
            std::size_t subject_end = j;
            if (subject_end > 0 && toks[subject_end - 1].text == ",") {
                --subject_end;
                // "Jonas Varga, the envoy, said": skip the appositive.
                if (auto open = appositive_start(toks, subject_end))
                    if (!name_run_before(toks, *open).empty()) subject_end = *open;
            }
            auto run = name_run_before(toks, subject_end);
            if (!run.empty()) {
                auto name = clean_name(run);
                if (!name.empty()) {
                    auto full = resolve(words_of(name));
                    if (!full) full = one_name_after_role(toks, name, subject_end - run.size());
                    if (full) {
                        add(*full,
                            quoted ? "\"was quoted as saying\" after a name"
                                   : "name before \"" + t.lower + "\"",
                            para,
                            phrase_of(i - std::min<std::size_t>(i, run.size() + (i - subject_end)),
                                      i));
                        last_person = *full;
                        last_person_paragraph = pi;
                    }
                }
                continue;
            }
            // "The 56-year-old said": the person just named, as "he said".
            bool aged = j > 1 && toks[j - 1].word && toks[j - 1].lower.ends_with("-year-old") &&
                        toks[j - 2].lower == "the";
            if (j > 0 && toks[j - 1].word && (pronouns().count(toks[j - 1].lower) || aged)) {
                if (last_person)
                    add(*last_person,
                        "\"" + toks[j - 1].lower + " " + t.lower + "\" after a named person", para,
                        phrase_of(j - 1, i));
                continue;
            }
            if (j > 0 && toks[j - 1].word && unnamed_nouns().count(toks[j - 1].lower)) {
                last_person.reset();
                continue;
            }
            // Verb before its subject: `"...," said Rogozin`, `, says analyst Thomas Klau`.
            // An auxiliary may come first: «...», a déclaré le ministre X.
            std::size_t verb_start = i;
            if (verb_start > 0 && toks[verb_start - 1].word &&
                auxiliaries().count(toks[verb_start - 1].lower))
                --verb_start;
            bool after_break = verb_start == 0 || !toks[verb_start - 1].word;
            if (after_break && inverted_verbs().count(t.lower)) {
                auto after = name_run_after(toks, i + 1);
                auto name = clean_name(after);
                if (!name.empty()) {
                    if (auto full = resolve(words_of(name))) {
                        std::size_t end_tok = i + 1;
                        while (end_tok < toks.size() && toks[end_tok].begin < name.back().begin)
                            ++end_tok;
                        add(*full, "name after \"" + t.lower + "\"", para, phrase_of(i, end_tok));
                        last_person = *full;
                        last_person_paragraph = pi;
                    }
                } else if (i + 1 < toks.size() && toks[i + 1].word &&
                           unnamed_nouns().count(toks[i + 1].lower)) {
                    last_person.reset();
                }
            }
        }
    }
    return speakers;
}

}  // namespace gazette
