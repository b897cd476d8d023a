// How matches are weighted: the weighting scheme and its parameters, and the
// weights of the query's parts (all-words bonus, word families, spellings,
// aliases). Defaults are the figures chosen by cross-validation on the test
// collections (docs/relevance.md); SearchRequest::ranking overrides them
// for experiments ("k1=1.4,b=0.6,family=0"), which is how scripts/eval
// turns each feature off and on.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>

namespace gazette {

struct Ranking {
    /// Weighting scheme: "bm25", "bm25+", "pl2", "dph", "lm", "inl2".
    std::string scheme = "bm25";
    double k1 = 1.6;   ///< BM25 term-frequency saturation
    double b = 0.75;   ///< BM25 length normalisation
    double mu = 1000;  ///< lm: Dirichlet smoothing
    /// Extra weight, as a fraction of their own, for articles matching every
    /// plain word of the query (0: plain any-word ranking).
    double all_words = 0.25;
    /// Extra weight of a word found in the headline (its title: term), on
    /// top of the headline's index-time weight (schema.hpp).
    double title = 0.0;
    double family = 0.2;   ///< derivational relatives (suspension -> suspended)
    double variant = 1.0;  ///< other spellings (defence -> defense)
    double alias = 0.7;    ///< acronyms and synonyms (CFE -> Conventional Forces in Europe)
    /// Weight of the evidence that two query words typed together stand
    /// within `window` words of each other in the article (0: off).
    double proximity = 0.0;
    std::size_t window = 8;
    /// Pseudo-relevance feedback: the best `feedback_docs` hits of the query
    /// lend their `feedback_terms` most telling words, weighted
    /// `feedback_weight` (0 docs: off).
    std::size_t feedback_docs = 5;
    std::size_t feedback_terms = 10;
    double feedback_weight = 0.1;
    /// Feedback re-ranks the best `feedback_window` matches by the typed
    /// words; those after them keep the typed words' order (0: re-rank every
    /// match). Ranked by relevance only: a date order sees every match.
    std::size_t feedback_window = 100;
    bool stop_words = true;  ///< drop stop words outside phrases
    bool caps_words = true;  ///< all-capitals queries: AND/OR/NOT are words
    bool collapse = true;    ///< near-duplicates shown once
};

/// `spec`: comma-separated key=value pairs over the defaults ("" for them).
/// @throws Error bad_query naming the bad pair.
Ranking parse_ranking(std::string_view spec);

/// The Xapian weighting scheme for `r`.
std::unique_ptr<Xapian::Weight> make_weight(const Ranking& r);

}  // namespace gazette
