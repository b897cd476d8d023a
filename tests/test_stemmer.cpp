// The shared stemmer (searcher/src/stemmer.cpp): Snowball English with
// -able/-ible words kept whole.
#include <catch2/catch.hpp>

#include <xapian.h>

#include "stemmer.hpp"

using namespace gazette;

TEST_CASE("words ending -able or -ible keep that suffix", "[stemmer]") {
    CHECK(stem_word("accessibility") == "accessibl");
    CHECK(stem_word("accessible") == "accessibl");
    CHECK(stem_word("access") == "access");
    CHECK(stem_word("responsibility") == "responsibl");
    CHECK(stem_word("responsibilities") == "responsibl");
    CHECK(stem_word("responsible") == "responsibl");
    CHECK(stem_word("responsibly") == "responsibl");
    CHECK(stem_word("response") == "respons");
    CHECK(stem_word("considerably") == "considerabl");
    CHECK(stem_word("considerable") == "considerabl");
    CHECK(stem_word("stability") == "stabl");
    CHECK(stem_word("stable") == "stabl");
    CHECK(stem_word("capabilities") == "capabl");
    CHECK(stem_word("tables") == "tabl");
    CHECK(stem_word("responsibility's") == "responsibl");
}

TEST_CASE("other words stem as Snowball English does", "[stemmer]") {
    Xapian::Stem snowball("english");
    for (const char* w :
         {"suspension", "suspended", "treaties", "talks", "able", "ability", "abilities",
          "establish", "enabled", "russia's", "gamble", "assembly", "mobility", "nato", "2009"})
        CHECK(stem_word(w) == snowball(w));
}

TEST_CASE("the shared Xapian::Stem applies the same rules", "[stemmer]") {
    CHECK(stemmer()("accessibility") == "accessibl");
    CHECK(stemmer()("treaties") == "treati");
    CHECK_FALSE(stemmer().get_description().empty());
}
