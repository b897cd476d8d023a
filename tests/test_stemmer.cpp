// The shared stemmer (searcher/src/stemmer.cpp): Snowball English with
// -able/-ible words kept whole.
#include <catch2/catch.hpp>

#include <xapian.h>

#include "stemmer.hpp"

using namespace gazette;

TEST_CASE("words ending -able or -ible keep that suffix", "[stemmer]") {
    CHECK(stemmer()("accessibility") == "accessibl");
    CHECK(stemmer()("accessible") == "accessibl");
    CHECK(stemmer()("access") == "access");
    CHECK(stemmer()("responsibility") == "responsibl");
    CHECK(stemmer()("responsibilities") == "responsibl");
    CHECK(stemmer()("responsible") == "responsibl");
    CHECK(stemmer()("responsibly") == "responsibl");
    CHECK(stemmer()("response") == "respons");
    CHECK(stemmer()("considerably") == "considerabl");
    CHECK(stemmer()("considerable") == "considerabl");
    CHECK(stemmer()("stability") == "stabl");
    CHECK(stemmer()("stable") == "stabl");
    CHECK(stemmer()("capabilities") == "capabl");
    CHECK(stemmer()("tables") == "tabl");
    CHECK(stemmer()("responsibility's") == "responsibl");
}

TEST_CASE("other words stem as Snowball English does", "[stemmer]") {
    Xapian::Stem snowball("english");
    for (const char* w :
         {"suspension", "suspended", "treaties", "talks", "able", "ability", "abilities",
          "establish", "enabled", "russia's", "gamble", "assembly", "mobility", "nato", "2009"})
        CHECK(stemmer()(w) == snowball(w));
}

TEST_CASE("the shared Xapian::Stem applies the same rules", "[stemmer]") {
    CHECK(stemmer()("accessibility") == "accessibl");
    CHECK(stemmer()("treaties") == "treati");
    CHECK_FALSE(stemmer().get_description().empty());
}
