// Outlet registry and outlet credits (indexer/src/outlet_registry.cpp,
// indexer/src/outlets.cpp).
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "layout.hpp"
#include "outlets.hpp"

using namespace gazette;

namespace {

const std::string paragraph =
    "NATO has resumed formal contacts with Moscow, eight months after they were frozen over "
    "the war in Georgia, officials said on Wednesday.";

std::vector<std::string> outlets_of(const std::string& text,
                                    const OutletRegistry& reg = OutletRegistry()) {
    std::vector<Evidence> ev;
    return find_outlets(analyse_layout(text, reg), reg, ev);
}

}  // namespace

TEST_CASE("registry names and aliases resolve to one canonical outlet", "[outlets]") {
    OutletRegistry reg;
    REQUIRE(reg.find("RT"));
    CHECK(reg.find("RT")->name == "Russia Today");
    CHECK(reg.find("russia  today")->name == "Russia Today");
    CHECK(reg.find("AFP")->name == "Agence France-Presse");
    CHECK(reg.find("Agence France Presse")->name == "Agence France-Presse");
    CHECK(reg.find("expatica")->name == "Expatica");
    CHECK(reg.find("Nobody's Gazette") == nullptr);
}

TEST_CASE("short capitalised aliases match only in capitals", "[outlets]") {
    OutletRegistry reg;
    auto found = reg.find_in("Art and its critics");
    CHECK(found.empty());
    found = reg.find_in("Russia Today 26 January 2009, via RT");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->name == "Russia Today");
}

TEST_CASE("outlets in each position are credited", "[outlets]") {
    SECTION("banner") {
        CHECK(outlets_of("Expatica news\n\nHeadline\n\n" + paragraph) ==
              std::vector<std::string>{"Expatica"});
    }
    SECTION("byline and date line") {
        CHECK(outlets_of("Headline\nBy Global Research\nRussia Today 26 January 2009\n\n" +
                         paragraph) == std::vector<std::string>{"Global Research", "Russia Today"});
    }
    SECTION("agency dateline") {
        CHECK(outlets_of("Headline\n\nBRUSSELS (Reuters) -- " + paragraph) ==
              std::vector<std::string>{"Reuters"});
        CHECK(outlets_of("Headline\n\nMOSCOW, March 5 (AFP) - " + paragraph) ==
              std::vector<std::string>{"Agence France-Presse"});
    }
    SECTION("an unknown agency in a dateline is kept as written") {
        CHECK(outlets_of("Headline\n\nKIEV (Kyiv Post) -- " + paragraph) ==
              std::vector<std::string>{"Kyiv Post"});
    }
    SECTION("closing credit") {
        CHECK(outlets_of("Headline\n\n" + paragraph + "\n\nPascal Mallet/AFP/Expatica") ==
              std::vector<std::string>{"Agence France-Presse", "Expatica"});
    }
    SECTION("a quote given to an agency") {
        CHECK(
            outlets_of("Headline\n\n" + paragraph + "\n\n\"We agreed,\" one diplomat told AFP.") ==
            std::vector<std::string>{"Agence France-Presse"});
    }
    SECTION("the article URL") {
        CHECK(outlets_of("Headline\n\n" + paragraph +
                         "\n\nUrl of this article: https://www.rt.com/news/nato/") ==
              std::vector<std::string>{"Russia Today"});
    }
}

TEST_CASE("outlets only mentioned in the story are not credited", "[outlets]") {
    CHECK(outlets_of("Headline\n\n" + paragraph +
                     "\n\nRogozin was quoted by Russian Interfax news agency as saying on April 28 "
                     "that he would raise the issue, Reuters and the BBC reported.")
              .empty());
    // "told" a non-agency outlet is an interview, not a credit.
    CHECK(outlets_of("Headline\n\n" + paragraph + "\n\nHe told Expatica that talks went well.")
              .empty());
}

TEST_CASE("a user registry adds outlets and extends known ones", "[outlets]") {
    test::TempDir dir;
    test::write_file(dir.path() / "mine.json",
                     R"([{"name": "Kyiv Post", "aliases": ["KP"], "date_order": "month-first"},
                        {"name": "Expatica", "aliases": ["Expat news"], "date_order": "month-first"}])");
    OutletRegistry reg;
    reg.load_file(dir.str("mine.json"));
    CHECK(reg.find("KP")->name == "Kyiv Post");
    CHECK(reg.find("Kyiv Post")->date_order == DateOrder::month_first);
    CHECK(reg.find("Expat news")->name == "Expatica");
    CHECK(reg.find("Expatica")->date_order == DateOrder::month_first);
    // The built-in alias and pattern of Expatica are kept.
    CHECK(reg.find("Expatica news")->name == "Expatica");
    CHECK(reg.find_in("https://www.expatica.com/x").at(0)->name == "Expatica");
    // Agency status is kept when the entry does not give it.
    test::write_file(dir.path() / "afp.json", R"([{"name": "AFP", "aliases": ["France Presse"]}])");
    reg.load_file(dir.str("afp.json"));
    CHECK(reg.find("France Presse")->name == "Agence France-Presse");
    CHECK(reg.find("Agence France Presse")->agency);
    CHECK(outlets_of("Headline\nBy KP\n\n" + paragraph, reg) ==
          std::vector<std::string>{"Kyiv Post"});
}

TEST_CASE("a bad registry file is an error naming it", "[outlets]") {
    test::TempDir dir;
    OutletRegistry reg;
    test::write_file(dir.path() / "bad.json", "[{\"aliases\": []}]");
    try {
        reg.load_file(dir.str("bad.json"));
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::invalid_input);
        CHECK_THAT(e.what(), Catch::Contains("bad.json") && Catch::Contains("entry 1"));
    }
    test::write_file(dir.path() / "order.json", R"([{"name": "X", "date_order": "sideways"}])");
    CHECK_THROWS_WITH(reg.load_file(dir.str("order.json")), Catch::Contains("sideways"));
    test::write_file(dir.path() / "re.json", R"([{"name": "X", "patterns": ["(unclosed"]}])");
    CHECK_THROWS_WITH(reg.load_file(dir.str("re.json")), Catch::Contains("bad pattern"));
    CHECK_THROWS_AS(reg.load_file(dir.str("missing.json")), Error);
}
