// The indexer's sources of query expansion: acronyms mined from a text,
// word families and spellings from the lexical lists, near-duplicate
// signatures.
#include <catch2/catch.hpp>

#include <algorithm>

#include "acronyms.hpp"
#include "near_duplicates.hpp"
#include "stemmer.hpp"
#include "word_links.hpp"

using namespace gazette;
using Pairs = std::vector<AcronymPair>;

namespace {

bool linked(const StemLinkMap& links, const std::string& a, const std::string& b) {
    auto it = links.find(stemmer()(a));
    return it != links.end() &&
           std::find(it->second.begin(), it->second.end(), stemmer()(b)) != it->second.end();
}

}  // namespace

TEST_CASE("acronyms are paired with the long forms a text spells out", "[synonyms]") {
    CHECK(find_acronyms("The future of the Conventional Forces in Europe Treaty is open. The "
                        "CFE treaty limits tanks.") ==
          Pairs{{"cfe", "conventional forces in europe"}});
    // Hyphenated names and two-letter acronyms in brackets.
    CHECK(find_acronyms("Rogozin said the NATO-Russia Council (NRC) should meet.") ==
          Pairs{{"nrc", "nato russia council"}});
    CHECK(find_acronyms("He met the Prime Minister (PM) on Monday.") ==
          Pairs{{"pm", "prime minister"}});
    // A two-letter acronym must be in brackets; capitals that spell nothing
    // there give nothing.
    CHECK(find_acronyms("Barack Obama met BO fans.").empty());
    CHECK(find_acronyms("The Foreign Office said the UN was wrong.").empty());
    // A text in capitals has no telling acronyms.
    CHECK(find_acronyms("THE CONVENTIONAL FORCES IN EUROPE TREATY (CFE) IS OPEN.").empty());
    // A sentence end breaks a long form.
    CHECK(find_acronyms("They met in Central Europe. Forces said CEF was ready.").empty());
}

TEST_CASE("word families and spellings come from WordNet and SCOWL", "[synonyms]") {
    CHECK(linked(family_links(), "suspension", "suspended"));
    CHECK(linked(family_links(), "suspended", "suspension"));
    CHECK(linked(family_links(), "invasion", "invade"));
    CHECK(linked(spelling_links(), "defence", "defense"));
    CHECK(linked(spelling_links(), "organisation", "organization"));
    CHECK(linked(spelling_links(), "colour", "color"));
    CHECK(linked(spelling_links(), "anaemia", "anemia"));
    CHECK(linked(spelling_links(), "oestrogen", "estrogen"));
    // An o or a before an ending is no ligature: Congo is not the Viet Cong.
    CHECK_FALSE(linked(spelling_links(), "congo", "cong"));
    CHECK_FALSE(linked(spelling_links(), "areolae", "areole"));
    // One word's spellings are not its relatives.
    CHECK_FALSE(linked(family_links(), "defence", "defense"));
    CHECK_FALSE(linked(family_links(), "treaty", "suspension"));
    // Snowball stems intern, internal and international alike: that stem
    // has no relatives (internee is the intern's, not the international's),
    // while stems of one family keep theirs.
    CHECK_FALSE(linked(family_links(), "international", "internee"));
    CHECK_FALSE(linked(family_links(), "international", "internationalist"));
    CHECK(linked(family_links(), "decided", "decision"));
    CHECK(linked(family_links(), "destroy", "destruction"));
}

TEST_CASE("near-duplicate signatures tell copies from different stories", "[synonyms]") {
    std::string story;
    for (int i = 0; i < 60; ++i)
        story += "word" + std::to_string(i % 37) + " part" + std::to_string(i) + " ";
    auto a = minhash(story);
    REQUIRE(a.size() == minhash_size);
    CHECK(similarity(a, minhash(story + " one more sentence at the end.")) >= copy_similarity);
    std::string other;
    for (int i = 0; i < 60; ++i) other += "other" + std::to_string(i) + " ";
    CHECK(similarity(a, minhash(other)) < 0.2);
    CHECK(minhash("too short to compare").empty());
    CHECK(decode_signature(encode_signature(a)) == a);
    CHECK(band_terms(a).size() == minhash_bands);
    CHECK(band_terms(a) == band_terms(minhash(story)));
}
