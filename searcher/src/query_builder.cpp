#include "query_builder.hpp"

#include <fmt/format.h>
#include <cctype>

#include <algorithm>

#include "calendar.hpp"
#include "data.hpp"
#include "gazette/error.hpp"
#include "query_expansion.hpp"
#include "schema.hpp"
#include "stemmer.hpp"
#include "text.hpp"

namespace gazette {

namespace {

constexpr unsigned wildcard_limit = Limits::max_wildcard_words;

constexpr unsigned parser_flags =
    Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT;

// Period -> YYYYMMDD bounds (empty for an open end).
DateRange to_range(const calendar::Period& p) {
    return {p.first ? calendar::compact(*p.first) : std::string(),
            p.last ? calendar::compact(*p.last) : std::string()};
}

// A single date or period (not a range), for --since and --until.
calendar::Period parse_single(std::string_view text) {
    std::string why;
    auto p = text.find("..") == std::string_view::npos ? calendar::parse_period(text, why)
                                                       : std::nullopt;
    if (!p) {
        if (why.empty())
            why = fmt::format("bad date \"{}\" (expected YYYY, YYYY-MM or YYYY-MM-DD)", text);
        throw Xapian::QueryParserError(why);
    }
    return *p;
}

// A field value the parser hands us. Exceptions must not unwind through
// Xapian's parser (it leaks its parse stack), so a bad value is recorded in
// `error` and matches nothing; build_query throws once parsing is done.
class FieldValueProcessor : public Xapian::FieldProcessor {
  public:
    FieldValueProcessor(const schema::Field& field, std::string& error)
        : field_(field), error_(error) {}
    Xapian::Query operator()(const std::string& value) override {
        try {
            if (field_.kind == schema::FieldKind::date)
                return date_range_query(parse_date_range(value));
            return name_filter_query(field_, value);
        } catch (const Xapian::QueryParserError& e) {
            if (error_.empty()) error_ = e.get_msg();
            return Xapian::Query();
        }
    }

  private:
    const schema::Field& field_;
    std::string& error_;
};

// `error` receives the first bad field value's message and must outlive the
// parser.
Xapian::QueryParser make_parser(const Xapian::Database& db, Xapian::Query::op default_op,
                                std::string& error, const Ranking& ranking) {
    Xapian::QueryParser qp;
    qp.set_database(db);
    schema::configure(qp);
    qp.set_default_op(default_op);
    qp.set_max_expansion(wildcard_limit, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    if (ranking.stop_words) qp.set_stopper(&query_stopper());
    for (const auto& field : schema::fields) {
        if (!field.queryable) continue;
        std::string name(field.name);
        switch (field.kind) {
            case schema::FieldKind::text:
                qp.add_prefix(name, std::string(field.prefix));
                break;
            case schema::FieldKind::names:
            case schema::FieldKind::date:
                qp.add_boolean_prefix(name, (new FieldValueProcessor(field, error))->release());
                break;
            case schema::FieldKind::id:
                break;
        }
    }
    return qp;
}

// Words the user typed with a trailing '*', lower-cased: highlighted by
// prefix since the query holds the pattern, not its expansion.
std::vector<std::string> wildcard_prefixes(std::string_view query) {
    std::vector<std::string> out;
    for (const auto& tok : text::tokenize(query))
        if (tok.end < query.size() && query[tok.end] == '*') out.push_back(tok.lower);
    return out;
}

Xapian::Query any_of(const schema::Field& field, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> parts;
    for (const auto& v : values) parts.push_back(name_filter_query(field, v));
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// "nato*" standing for more words than the limit: say so.
std::vector<std::string> capped_wildcards(const std::vector<std::string>& prefixes,
                                          const Xapian::Database& db) {
    std::vector<std::string> warnings;
    for (const auto& p : prefixes) {
        std::size_t n = 0;
        for (auto t = db.allterms_begin(p); t != db.allterms_end(p) && n <= wildcard_limit; ++t)
            ++n;
        if (n > wildcard_limit)
            warnings.push_back(fmt::format(
                "{}* stands for more than {} words; only the {} most frequent were searched "
                "(a longer beginning narrows it)",
                p, wildcard_limit, wildcard_limit));
    }
    return warnings;
}

// "author:smith" with no field "author": Xapian would search the words
// author and smith as a phrase and find nothing, silently. A name of
// letters joined by a colon to a value is taken for a field (not
// "http://", "10:30" or "Analysis: ..."); "" when every field is known.
std::string field_problem(std::string_view q) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    bool quoted = false;
    for (std::size_t i = 0; i < q.size(); ++i) {
        if (q[i] == '"') quoted = !quoted;
        if (quoted || (i > 0 && !space(q[i - 1]) && q[i - 1] != '(')) continue;
        std::size_t start = i;
        if (q[start] == '+' || q[start] == '-') ++start;
        std::size_t colon = start;
        while (colon < q.size() && std::isalpha(static_cast<unsigned char>(q[colon]))) ++colon;
        if (colon == start || colon + 1 >= q.size() || q[colon] != ':') continue;
        char next = q[colon + 1];
        if (space(next) || next == ':' || next == '/') continue;
        std::string_view name = q.substr(start, colon - start);
        const auto* field = schema::find_field(name);
        if (field && field->queryable) continue;
        std::string known;
        for (const auto& f : schema::fields)
            if (f.queryable) known += fmt::format("{}{}:", known.empty() ? "" : ", ", f.name);
        return fmt::format("unknown field \"{}:\" (the fields are {})", name, known);
    }
    return {};
}

// What is wrong with the operators of `query`, or "" when nothing is.
// Xapian 1.4's query parser leaks memory on many queries it cannot parse
// (96 bytes for "OR (u)s NEAR x y", "-itle:x ADJ/3 y"; reported upstream),
// before it retries them as plain words. A long-lived Searcher would
// accumulate that, so queries its grammar may reject are caught here, on
// the safe side, with a message saying what to change:
//  - AND OR XOR need an operand on each side, NOT one after it;
//  - NEAR and ADJ (maybe /N, N > 0) join plain words: no +/-, wildcard,
//    phrase, bracket or filter field beside them;
//  - +word and -word stand beside plain words or AND, not beside another
//    operator or a bracket, and not alone (nothing to keep);
//  - a bracket group holds something, and ')' closes a '('.
std::string operator_problem(std::string_view q) {
    struct Tok {
        enum Kind { word, loved, phrase, binary, negation, near, open, close, end } kind;
        std::string_view text;
    };
    std::vector<Tok> tokens;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    for (std::size_t i = 0; i < q.size();) {
        char c = q[i];
        if (space(c)) {
            ++i;
        } else if (c == '(' || c == ')') {
            tokens.push_back({c == '(' ? Tok::open : Tok::close, q.substr(i, 1)});
            ++i;
        } else if (c == '"') {
            auto end = q.find('"', i + 1);
            std::size_t next = end == std::string_view::npos ? q.size() : end + 1;
            tokens.push_back({Tok::phrase, q.substr(i, next - i)});
            i = next;
        } else {
            std::size_t j = i;
            while (j < q.size() && !space(q[j]) && q[j] != '(' && q[j] != ')' && q[j] != '"') ++j;
            std::string_view w = q.substr(i, j - i);
            i = j;
            // Punctuation alone ("+", "`", "*") gives Xapian no term: no operand.
            if (text::tokenize(w).empty()) continue;
            // Xapian takes an operator word out of any punctuation ("OR," is
            // OR): ask for operators on their own.
            std::string_view head = w.substr(0, w.find('/'));
            for (const auto& tok : text::tokenize(w)) {
                std::string_view raw = w.substr(tok.begin, tok.end - tok.begin);
                if (is_operator_word(raw) && raw != head)
                    return fmt::format("write {} on its own, between spaces", raw);
            }
            std::string_view name = w.substr(0, w.find('/'));
            Tok::Kind kind = Tok::word;
            if (w == "AND" || w == "OR" || w == "XOR")
                kind = Tok::binary;
            else if (w == "NOT")
                kind = Tok::negation;
            else if (name == "NEAR" || name == "ADJ")
                kind = Tok::near;
            else if (w.front() == '+' || w.front() == '-')
                kind = Tok::loved;
            // "-!word": the sign does not touch a word.
            if (kind == Tok::loved && text::tokenize(w).front().begin != 1)
                return fmt::format("write {}word with nothing between {} and the word", w[0], w[0]);
            tokens.push_back({kind, w});
        }
    }
    auto kind_at = [&](std::size_t k) { return k < tokens.size() ? tokens[k].kind : Tok::end; };
    // One term to Xapian: word characters only (after a text field's
    // "title:"); "e-mail", "ni:r" or ";x" are phrases or more to it.
    auto plain_word = [&](std::size_t k) {
        if (k >= tokens.size() || tokens[k].kind != Tok::word) return false;
        std::string_view w = tokens[k].text;
        if (auto colon = w.find(':'); colon != std::string_view::npos) {
            const auto* field = schema::find_field(w.substr(0, colon));
            if (field && field->kind == schema::FieldKind::text) w.remove_prefix(colon + 1);
        }
        auto words = text::tokenize(w);
        return words.size() == 1 && words[0].begin == 0 && words[0].end == w.size();
    };
    auto operand_end = [&](Tok::Kind k) {
        return k == Tok::word || k == Tok::loved || k == Tok::phrase || k == Tok::close;
    };
    auto operand_start = [&](Tok::Kind k) {
        return k == Tok::word || k == Tok::loved || k == Tok::phrase || k == Tok::open;
    };
    bool any_positive = false;
    int depth = 0;  // brackets open; an unclosed '(' is closed at the end by Xapian
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Tok& t = tokens[k];
        Tok::Kind before = k == 0 ? Tok::end : tokens[k - 1].kind;  // end: the start
        Tok::Kind after = kind_at(k + 1);
        switch (t.kind) {
            case Tok::word:
            case Tok::phrase:
                any_positive = true;
                break;
            case Tok::binary:
                if (!operand_end(before))
                    return fmt::format("{} needs a word or group before it", t.text);
                if (!operand_start(after))
                    return fmt::format("{} needs a word or group after it", t.text);
                if (after == Tok::loved && t.text != "AND")
                    return fmt::format("{} cannot be followed by +word or -word", t.text);
                break;
            case Tok::negation:
                any_positive = true;  // "NOT nato": everything else
                if (!operand_start(after) || after == Tok::loved)
                    return "NOT needs a word or group after it";
                break;
            case Tok::near: {
                auto slash = t.text.find('/');
                if (slash != std::string_view::npos) {
                    auto n = t.text.substr(slash + 1);
                    if (n.empty() || n.size() > 6 ||
                        n.find_first_not_of("0123456789") != std::string_view::npos ||
                        n.find_first_not_of('0') == std::string_view::npos)
                        return fmt::format("{} needs a window of 1 to 999999 words", t.text);
                }
                if (!plain_word(k - (k > 0 ? 1 : 0)) || k == 0 || !plain_word(k + 1))
                    return fmt::format("{} joins two plain words", t.text.substr(0, slash));
                break;
            }
            case Tok::loved:
                if (t.text.front() == '+') any_positive = true;
                if (before == Tok::open || after == Tok::close || after == Tok::open ||
                    (before != Tok::binary && before != Tok::word && before != Tok::phrase &&
                     before != Tok::loved && before != Tok::end) ||
                    (before == Tok::binary && tokens[k - 1].text != "AND") || after == Tok::near ||
                    after == Tok::binary || after == Tok::negation)
                    return fmt::format("{} must stand beside plain words", t.text);
                break;
            case Tok::open:
                ++depth;
                if (after == Tok::close) return "an empty bracket group";
                break;
            case Tok::close:
                if (--depth < 0) return "a ')' without its '('";
                break;
            case Tok::end:
                break;
        }
    }
    if (!tokens.empty() && !any_positive)
        return "nothing to look for: add a word (-word only excludes)";
    return {};
}

}  // namespace

// The query with control characters and Unicode spaces as plain spaces:
// Xapian splits words at both, and the check above must see what it sees.
bool is_operator_word(std::string_view word) {
    return word == "AND" || word == "OR" || word == "XOR" || word == "NOT" || word == "NEAR" ||
           word == "ADJ";
}

std::string plain_spaces(std::string_view q) {
    std::string out;
    out.reserve(q.size());
    for (Xapian::Utf8Iterator it(q.data(), q.size()), end; it != end; ++it) {
        unsigned ch = *it;
        auto cat = Xapian::Unicode::get_category(ch);
        bool blank = ch < 0x20 || ch == 0x7f || cat == Xapian::Unicode::SPACE_SEPARATOR ||
                     cat == Xapian::Unicode::LINE_SEPARATOR ||
                     cat == Xapian::Unicode::PARAGRAPH_SEPARATOR ||
                     cat == Xapian::Unicode::CONTROL || cat == Xapian::Unicode::FORMAT;
        if (blank)
            out += ' ';
        else
            Xapian::Unicode::append_utf8(out, ch);
    }
    return out;
}

namespace {

template <typename... Args>
[[noreturn]] void too_much(fmt::format_string<Args...> format, Args&&... args) {
    throw Error(ErrorKind::bad_query, fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace

void check_request(const SearchRequest& r) {
    const auto& q = r.query;
    if (q.size() > Limits::max_query_bytes)
        too_much("query of {} bytes is longer than the limit, {} bytes", q.size(),
                 Limits::max_query_bytes);
    if (auto ok = text::valid_utf8_prefix(q); ok != q.size())
        too_much("query is not valid UTF-8 (at byte {})", ok + 1);
    if (auto words = text::tokenize(q).size(); words > Limits::max_query_words)
        too_much("query of {} words has more than the limit, {} words", words,
                 Limits::max_query_words);
    if (r.limit > Limits::max_limit)
        too_much("limit {} is over the most hits per page, {}", r.limit, Limits::max_limit);
    if (r.offset > Limits::max_offset)
        too_much("offset {} is over the limit, {}", r.offset, Limits::max_offset);
    if (r.snippet_length > Limits::max_snippet_length)
        too_much("snippet length {} is over the limit, {}", r.snippet_length,
                 Limits::max_snippet_length);
    if (r.facet_limit > Limits::max_facet_limit)
        too_much("facet limit {} is over the limit, {}", r.facet_limit, Limits::max_facet_limit);
    if (r.outlets.size() + r.speakers.size() > Limits::max_filters)
        too_much("{} outlet and speaker filters are more than the limit, {}",
                 r.outlets.size() + r.speakers.size(), Limits::max_filters);
    for (const auto* list : {&r.outlets, &r.speakers})
        for (const auto& v : *list)
            if (v.size() > Limits::max_query_bytes || !text::is_valid_utf8(v))
                too_much("filter value is longer than {} bytes or not UTF-8",
                         Limits::max_query_bytes);
}

const Xapian::SimpleStopper& query_stopper() {
    static const auto words = data::entries(data::text_of(data::core_files(), "stopwords.txt"));
    static const Xapian::SimpleStopper instance(words.begin(), words.end());
    return instance;
}

Xapian::Query name_filter_query(const schema::Field& field, std::string_view value) {
    auto words = text::tokenize(value);
    if (words.empty())
        throw Xapian::QueryParserError(fmt::format("empty {} name \"{}\"", field.name, value));
    std::vector<Xapian::Query> terms;
    for (const auto& w : words) terms.emplace_back(std::string(field.word_prefix) + w.lower);
    Xapian::Query by_words =
        terms.size() == 1
            ? terms.front()
            : Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
    Xapian::Query exact(std::string(field.prefix) + text::normalize_name(value));
    return Xapian::Query(Xapian::Query::OP_OR, exact, by_words);
}

DateRange parse_date_range(std::string_view text) {
    std::string why;
    auto p = calendar::parse_period(text, why);
    if (!p) throw Xapian::QueryParserError(why);
    return to_range(*p);
}

Xapian::Query date_range_query(const DateRange& r) {
    if (r.first.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot::date, r.second);
    if (r.second.empty())
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot::date, r.first);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot::date, r.first, r.second);
}

std::string suggest_spelling(const SearchRequest& req, const Xapian::Database& db) {
    // Xapian's own corrector respells every word whose unstemmed form is not
    // a term, which in a stems-only index is most words; so check each
    // plain word's stem here and respell only those the index lacks.
    const std::string& q = req.query;
    std::string out;
    std::size_t copied = 0;
    bool changed = false;
    for (const auto& tok : text::tokenize(q)) {
        // A field's value runs from its colon to the next space: "date:
        // 2009-01-01..2009-06-30" is a value throughout, never respelled.
        auto chunk = q.find_last_of(" \t\r\n", tok.begin);
        chunk = chunk == std::string::npos ? 0 : chunk + 1;
        bool field_value = q.substr(chunk, tok.begin - chunk).find(':') != std::string::npos;
        bool field_name = tok.end < q.size() && q[tok.end] == ':';
        bool number = tok.lower.find_first_of("0123456789") != std::string::npos;
        if (number) continue;  // numbers are not misspelt words
        bool wildcard = tok.end < q.size() && q[tok.end] == '*';
        std::string_view raw(q.data() + tok.begin, tok.end - tok.begin);
        if (field_value || field_name || wildcard || is_operator_word(raw)) continue;
        if (db.term_exists(stemmer()(tok.lower))) continue;
        // Edits allowed grow with the word, as in Elasticsearch's "AUTO"
        // fuzziness: two edits turn "icon" into "in", which helps nobody.
        std::size_t letters = text::utf8_length(tok.lower);
        if (letters < 3) continue;
        unsigned max_edits = letters <= 5 ? 1 : 2;
        std::string better = db.get_spelling_suggestion(tok.lower, max_edits);
        if (better.empty() || query_stopper()(better)) continue;
        out.append(q, copied, tok.begin - copied);
        out += better;
        copied = tok.end;
        changed = true;
    }
    if (!changed) return {};
    out.append(q, copied);
    return out;
}

namespace {

// Fewest words (operators aside) of an all-capitals query read as a pasted
// headline rather than a boolean query.
constexpr std::size_t min_headline_words = 4;

// A query with no lower-case letter and at least min_headline_words words
// (a pasted headline, TIME's queries) has no operators: "NATO AND RUSSIA AT
// ODDS" is five words, not a boolean query.
// Only the operator words are lower-cased: the rest keeps its capitals,
// which Xapian reads acronyms by ("U.N." is the term "un").
std::string caps_as_words(const std::string& text) {
    bool letters = false;
    for (Xapian::Utf8Iterator it(text), end; it != end; ++it) {
        auto cat = Xapian::Unicode::get_category(*it);
        if (cat == Xapian::Unicode::LOWERCASE_LETTER) return text;
        if (cat == Xapian::Unicode::UPPERCASE_LETTER) letters = true;
    }
    if (!letters) return text;
    // Short ones stay boolean: "NOT NATO", "CFE OR INF" are typed as such.
    auto tokens = text::tokenize(text);
    std::size_t words = 0;
    for (const auto& tok : tokens) {
        std::string_view raw(text.data() + tok.begin, tok.end - tok.begin);
        words += !is_operator_word(raw);
    }
    if (words < min_headline_words) return text;
    std::string out = text;
    for (const auto& tok : tokens) {
        std::string_view raw(text.data() + tok.begin, tok.end - tok.begin);
        if (is_operator_word(raw))
            for (std::size_t i = tok.begin; i < tok.end; ++i)
                out[i] = static_cast<char>(out[i] - 'A' + 'a');
    }
    return out;
}

// Whether the text joins words with an explicit operator.
bool has_operators(std::string_view text) {
    for (const auto& tok : text::tokenize(text)) {
        std::string_view raw = text.substr(tok.begin, tok.end - tok.begin);
        if (is_operator_word(raw)) return true;
    }
    return false;
}

// The words of a query made of stop words alone ("the of and"), joined
// by commas; "" when any plain word is not one, or when it has phrases or
// fields (they say what is wanted).
std::string only_common_words(std::string_view text) {
    if (text.find_first_of("\":") != std::string_view::npos) return {};
    std::string words;
    for (const auto& run : plain_runs(text))
        for (const auto& w : run) {
            if (!query_stopper()(w)) return {};
            words += (words.empty() ? "" : ", ") + w;
        }
    return words;
}

// Xapian 1.4's parser dereferences a null query when a + or - stands
// before a bracket that holds nothing once its stop words are dropped:
// "x +(a. the)" and "x +% (i, a)" crashed it (found by fuzzing; the sign
// reaches past punctuation). Such signs are taken out here; with nothing
// to require or exclude they mean nothing. Which '(' Xapian reads as a
// bracket, and where the group ends, depend on its lexer's state, so the
// test is on the safe side: a sign stays before a word, a phrase, or a
// simple group (no other bracket, quote or field up to the first ')')
// holding a plain word that is not a stop word. Run after the checks of
// operator_problem, which see the signs as typed.
std::string drop_idle_signs(std::string text, bool stop_words) {
    auto holds_word = [&](std::string_view group) {
        if (group.find_first_of("(\":") != std::string_view::npos) return false;
        for (const auto& tok : text::tokenize(group)) {
            std::string_view raw = group.substr(tok.begin, tok.end - tok.begin);
            bool signed_word =
                tok.begin > 0 && (group[tok.begin - 1] == '-' || group[tok.begin - 1] == '+');
            if (!signed_word && !is_operator_word(raw) &&
                !(stop_words && query_stopper()(tok.lower)))
                return true;
        }
        return false;
    };
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != '+' && text[i] != '-') continue;
        // Xapian reads a sign only at the start, after a space or after '(',
        // and not before a space or another sign.
        if (i > 0 && static_cast<unsigned char>(text[i - 1]) > ' ' && text[i - 1] != '(') continue;
        const char next = text[i + 1];
        if (static_cast<unsigned char>(next) <= ' ' || next == '+' || next == '-' || next == '"')
            continue;
        bool keep;
        if (next == '(') {
            std::size_t close = text.find(')', i + 2);
            keep = holds_word(std::string_view(text).substr(
                i + 2, close == std::string::npos ? std::string::npos : close - (i + 2)));
        } else {
            auto words = text::tokenize(std::string_view(text).substr(i + 1, 8));
            keep = !words.empty() && words.front().begin == 0;  // +word
        }
        if (!keep) text[i] = ' ';
    }
    return text;
}

}  // namespace

BuiltQuery build_query(const SearchRequest& req, const Xapian::Database& db,
                       const Ranking& ranking) {
    BuiltQuery out;
    // Built here, not copied from Query::MatchAll: copying a shared Query
    // from several threads races on its (non-atomic) reference count.
    Xapian::Query q{std::string()};
    if (req.query.find_first_not_of(" \t\r\n") != std::string::npos) {
        std::string field_error;
        std::string text = plain_spaces(req.query);
        if (ranking.caps_words) text = caps_as_words(text);
        if (auto problem = operator_problem(text); !problem.empty())
            throw Xapian::QueryParserError(problem);
        if (auto problem = field_problem(text); !problem.empty())
            throw Xapian::QueryParserError(problem);
        text = drop_idle_signs(std::move(text), ranking.stop_words);
        // Any word may match; articles with every word get a bonus on top.
        auto any_parser = make_parser(db, Xapian::Query::OP_OR, field_error, ranking);
        q = expand_query(any_parser.parse_query(text, parser_flags), db, ranking, out.expansions);
        if (!field_error.empty()) throw Xapian::QueryParserError(field_error);
        auto all_parser = make_parser(db, Xapian::Query::OP_AND, field_error, ranking);
        Xapian::Query all =
            expand_query(all_parser.parse_query(text, parser_flags), db, ranking, out.expansions);
        if (all.get_description() != q.get_description()) {
            out.all_words = all;
            if (ranking.all_words > 0)
                q = Xapian::Query(
                    Xapian::Query::OP_OR, q,
                    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, all, ranking.all_words));
        }
        if (!has_operators(text) && !q.empty()) {
            if (auto aliases = alias_phrases(text, db, ranking, out.expansions); !aliases.empty())
                q = Xapian::Query(Xapian::Query::OP_OR, q, aliases);
            if (auto near = proximity_query(text, ranking); !near.empty())
                q = Xapian::Query(Xapian::Query::OP_OR, q, near);
        }
        out.wildcard_prefixes = wildcard_prefixes(req.query);
        out.warnings = capped_wildcards(out.wildcard_prefixes, db);
        if (ranking.stop_words) {
            if (auto common = only_common_words(text); !common.empty())
                out.warnings.push_back(fmt::format(
                    "the query has only common words ({}), which most articles have: add a "
                    "word that tells the articles you want apart",
                    common));
        }
        for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
            const std::string held = *t;  // the iterator gives a temporary
            std::string_view term = held;
            if (schema::is_free_text_term(term))
                out.highlight_terms.emplace_back(term);
            else if (term.starts_with(schema::prefix::title) &&
                     schema::is_free_text_term(term.substr(schema::prefix::title.size())))
                out.highlight_terms.emplace_back(term.substr(schema::prefix::title.size()));
        }
        // Stop words inside aliases and phrases are searched, not shown,
        // unless nothing else is.
        if (std::any_of(out.highlight_terms.begin(), out.highlight_terms.end(),
                        [](const std::string& t) { return !is_stop_stem(t); }))
            std::erase_if(out.highlight_terms,
                          [](const std::string& t) { return is_stop_stem(t); });
        // A query of stop words or punctuation only parses to nothing.
        if (q.empty()) q = Xapian::Query();
    }
    std::vector<Xapian::Query> filters;
    if (const auto* f = schema::find_field("outlet"); !req.outlets.empty())
        filters.push_back(any_of(*f, req.outlets));
    if (const auto* f = schema::find_field("speaker"); !req.speakers.empty())
        filters.push_back(any_of(*f, req.speakers));
    if (!req.since.empty() || !req.until.empty()) {
        DateRange r;
        if (!req.since.empty()) r.first = to_range(parse_single(req.since)).first;
        if (!req.until.empty()) r.second = to_range(parse_single(req.until)).second;
        if (!r.first.empty() && !r.second.empty() && r.first > r.second)
            throw Xapian::QueryParserError(
                fmt::format("--since {} is after --until {}", req.since, req.until));
        filters.push_back(date_range_query(r));
    }
    out.unfiltered = q;
    out.query = apply_filters(q, filters);
    if (!out.all_words.empty()) out.all_words = apply_filters(out.all_words, filters);
    out.filters = std::move(filters);
    return out;
}

Xapian::Query apply_filters(Xapian::Query q, const std::vector<Xapian::Query>& filters) {
    for (const auto& f : filters) q = Xapian::Query(Xapian::Query::OP_FILTER, q, f);
    return q;
}

}  // namespace gazette
