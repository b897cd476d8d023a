// The shared stemmer (searcher/src/stemmer.cpp): Snowball English with
// -able/-ible words kept whole.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <string>
#include <vector>

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

TEST_CASE("stems the stemmer remembers are the stems it makes", "[stemmer]") {
    // The stemmer keeps words it stemmed (a bounded table, emptied when
    // full): asked again, before and after the table fills, it answers the
    // same, and words never asked still stem afresh.
    Xapian::Stem snowball("english");
    const std::vector<std::string> words{"suspension",  "accessibility", "treaties",
                                         "responsibly", "russia's",      "negotiations"};
    std::vector<std::string> first;
    for (const auto& w : words) first.push_back(stemmer()(w));
    for (std::size_t i = 0; i < words.size(); ++i) CHECK(stemmer()(words[i]) == first[i]);
    // Far more distinct words than the table holds ("walking0", ...).
    for (int i = 0; i < 70000; ++i) {
        const std::string w = "walking" + std::to_string(i);
        const std::string s = stemmer()(w);
        if (i % 9973 == 0) CHECK(s == snowball(w));
    }
    for (std::size_t i = 0; i < words.size(); ++i) CHECK(stemmer()(words[i]) == first[i]);
    CHECK(stemmer()("cooperation") == snowball("cooperation"));
    CHECK(stemmer()("walking12") == snowball("walking12"));
}
