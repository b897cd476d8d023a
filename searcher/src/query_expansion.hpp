// Rewriting a parsed query before it runs: stop words out of OR groups, and
// each plain word widened to its other spellings, its word family and its
// aliases, as the indexer recorded them in the index's synonym table
// (schema.hpp, "Synonyms"). Phrases, NEAR groups and NOT branches are left
// as typed.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ranking.hpp"

namespace gazette {

/// What a rewrite added, for --explain ("suspens -> suspend (word family)").
using ExpansionNotes = std::vector<std::string>;
/// Each term an expansion added -> the query word it stands for ("suspend"
/// -> "suspens"): snippets count a word and its stand-ins as one.
using TermConcepts = std::unordered_map<std::string, std::string>;

/// What one query was widened with, gathered over every rewrite of it (the
/// any-word and all-words forms share the work: each word's synonyms are
/// looked up once).
struct Expansions {
    ExpansionNotes notes;   ///< each note once
    TermConcepts concepts;  ///< added term -> query word
    /// A word's widening: other spellings (searched as the word itself)
    /// and the weighted-down rest (title, family, aliases).
    struct Widening {
        std::vector<Xapian::Query> spellings, below;
    };
    std::unordered_map<std::string, Widening> by_word;
    std::unordered_set<std::string> noted;
    void note(std::string text) {
        if (noted.insert(text).second) notes.push_back(std::move(text));
    }
};

/// `query` rewritten as described above. Expansions weigh `ranking`'s
/// variant/family/alias fractions of a typed word's weight.
Xapian::Query expand_query(const Xapian::Query& query, const Xapian::Database& db,
                           const Ranking& ranking, Expansions& out);

/// Aliases of word sequences in `text` (two or more words, e.g.
/// "Conventional Forces in Europe" -> CFE), as one query (empty when none),
/// weighted ranking.alias.
Xapian::Query alias_phrases(std::string_view text, const Xapian::Database& db,
                            const Ranking& ranking, Expansions& out);

/// Word pairs next to each other in the query (stop words skipped), each
/// as a NEAR query within `ranking.window` words, OR-ed and weighted
/// `ranking.proximity`: articles where the words stand together rank
/// higher. Empty when off or under two words.
Xapian::Query proximity_query(std::string_view text, const Ranking& ranking);

/// The lower-case words of `text` outside quotes, field names and values,
/// +/- words and operators, in runs of words typed one after another.
std::vector<std::vector<std::string>> plain_runs(std::string_view text);

/// Whether `stem` is the stem of a stop word (an OR group drops it).
bool is_stop_stem(const std::string& stem);

}  // namespace gazette
