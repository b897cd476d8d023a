// Outlet registry and outlet credits (indexer/src/outlet_registry.cpp,
// indexer/src/outlets.cpp).
#include <catch2/catch.hpp>

#include <set>

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

TEST_CASE("the built-in registry covers world agencies and national outlets", "[outlets]") {
    OutletRegistry reg;
    CHECK(reg.outlets().size() >= 300);
    std::size_t agencies = 0, with_domains = 0;
    std::set<std::string> countries;
    for (const auto& o : reg.outlets()) {
        agencies += o.agency;
        with_domains += !o.domains.empty();
        countries.insert(o.country);
    }
    CHECK(agencies >= 40);
    CHECK(with_domains * 10 >= reg.outlets().size() * 9);
    CHECK(countries.size() >= 40);
    for (const char* name : {"Sky News", "Fox News", "CBS News", "Los Angeles Times", "Le Monde",
                             "Der Spiegel", "El País", "Folha de S.Paulo", "The Hindu",
                             "South China Morning Post", "Press Trust of India", "Yonhap"})
        CHECK(reg.find(name) != nullptr);
    CHECK(reg.find("LA Times")->name == "Los Angeles Times");
}

TEST_CASE("web domains name their outlet, the longest domain first", "[outlets]") {
    OutletRegistry reg;
    CHECK(reg.find_domain("https://www.reuters.com/world/europe/x-2019-01-02/")->name == "Reuters");
    CHECK(reg.find_domain("news.sky.com")->name == "Sky News");
    CHECK(reg.find_domain("http://money.cnn.com/2016/02/01/news/x.html")->name == "CNNMoney");
    CHECK(reg.find_domain("https://edition.cnn.com/x")->name == "CNN");
    CHECK(reg.find_domain("https://user@www.bbc.co.uk:443/news")->name == "BBC News");
    CHECK(reg.find_domain("https://example.org/reuters.com") == nullptr);
    CHECK(reg.find_domain("co.uk") == nullptr);
    // In a text: an address or a bare domain, never a name inside one.
    auto found = reg.find_in("Visit www.medicalnewstoday.com for more, or latimes.com.");
    REQUIRE(found.size() == 2);
    CHECK(found[0]->name == "Medical News Today");
    CHECK(found[1]->name == "Los Angeles Times");
}

TEST_CASE("outlets whose names are common words are never found inside a sentence", "[outlets]") {
    OutletRegistry reg;
    REQUIRE(reg.find("Time"));
    CHECK(reg.find("Time")->name_alone);
    CHECK(reg.find_in("At the time, the hill and the salon were in the independent sun.").empty());
    CHECK(reg.find_in("https://time.com/5/x")[0]->name == "Time");
}

TEST_CASE("the site is found by vote of the page's furniture", "[outlets]") {
    std::string page =
        "Seattle Times Store\nLocal\nBusiness\n\nNational\n\n"
        "Halibut boat gives a glimpse of the supply chain\n\nApril 28, 2019\n\n" +
        paragraph + "\n\n" + paragraph +
        "\n\nSubscribe to The Seattle Times\n\n"
        "Copyright \u00a9 2019 The Seattle Times | Privacy statement | Terms of service\n";
    std::vector<Evidence> ev;
    OutletRegistry reg;
    auto outlets = find_outlets(analyse_layout(page, reg), reg, ev);
    CHECK(outlets == std::vector<std::string>{"The Seattle Times"});
    REQUIRE(!ev.empty());
    CHECK(ev.back().rule.find("the site") != std::string::npos);
    // A list of partner sites is no vote.
    CHECK(outlets_of("Partners\nThe New York Times\nFinancial Times\nThe Washington Post\n\n"
                     "Headline of the day\n\n" +
                     paragraph + "\n\n" + paragraph + "\n")
              .empty());
    // A copyright holder with a common-word name; another's notice later in
    // a line is an ordinary mention.
    CHECK(
        outlets_of("Headline of the day\n\n" + paragraph + "\n\n" + paragraph +
                   "\n\nCopyright \u00a9 2015 Salon Media Group, Inc. Reproduction forbidden.\n") ==
        std::vector<std::string>{"Salon"});
    CHECK(outlets_of("Headline of the day\n\n" + paragraph + "\n\n" + paragraph +
                     "\n\nAssociated Press articles: Copyright \u00a9 2015 The Associated Press.\n")
              .empty());
}

TEST_CASE("an outlet opening a dateline and an agency interview are credits", "[outlets]") {
    CHECK(outlets_of("Headline\n\n" + paragraph +
                     "\n\nCNNMoney (New York) First published February 1, 2016: 1:28 AM ET\n\n" +
                     paragraph + "\n") == std::vector<std::string>{"CNNMoney"});
    CHECK(outlets_of("Headline\n\nPTI, Washington, Jan 3: " + paragraph + "\n") ==
          std::vector<std::string>{"Press Trust of India"});
    CHECK(outlets_of("Headline\n\n" + paragraph +
                     " The minister said in an interview with Reuters that talks would go on.\n") ==
          std::vector<std::string>{"Reuters"});
}

TEST_CASE("a user registry extends a built-in outlet's domains", "[outlets]") {
    test::TempDir dir;
    test::write_file(dir.path() / "more.json",
                     R"([{"name": "BBC", "domains": ["bbc.in"]},
                         {"name": "Gazette Locale", "domains": ["www.gazette-locale.fr"],
                          "country": "FR", "name_alone": true}])");
    OutletRegistry reg;
    reg.load_file((dir.path() / "more.json").string());
    CHECK(reg.find_domain("https://bbc.in/3xyz")->name == "BBC News");
    CHECK(reg.find_domain("bbc.co.uk")->name == "BBC News");  // the built-in ones stay
    CHECK(reg.find("BBC")->aliases.size() >= 1);
    CHECK(reg.find_domain("gazette-locale.fr")->name == "Gazette Locale");
    CHECK(reg.find_in("the gazette locale said").empty());
    test::write_file(dir.path() / "bad.json", R"([{"name": "X", "domains": ["not a domain"]}])");
    OutletRegistry bad;
    CHECK_THROWS_WITH(bad.load_file((dir.path() / "bad.json").string()),
                      Catch::Contains("bad.json") && Catch::Contains("not a web domain"));
}
