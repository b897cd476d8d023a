// Speaker attribution and name resolution (indexer/src/speakers.cpp).
#include <catch2/catch.hpp>

#include "speakers.hpp"

using namespace gazette;

namespace {

std::vector<std::string> speakers(std::vector<std::string> paras) {
    std::vector<Paragraph> ps;
    int line = 0;
    for (auto& p : paras) ps.push_back({std::move(p), ++line});
    std::vector<Evidence> ev;
    return find_speakers(ps, ev);
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("each attribution pattern names its speaker", "[speakers]") {
    CHECK(speakers({"\"We are ready,\" Dmitry Rogozin said."}) == V{"Dmitry Rogozin"});
    CHECK(speakers({"\"Peace,\" said British MP Jeremy Corbyn."}) == V{"Jeremy Corbyn"});
    CHECK(speakers({"Jaap de Hoop Scheffer told reporters the talks went well."}) ==
          V{"Jaap de Hoop Scheffer"});
    CHECK(speakers(
              {"NATO General Secretary Jaap de Hoop Scheffer emphasized that Russia matters."}) ==
          V{"Jaap de Hoop Scheffer"});
    CHECK(speakers({"Dmitry Rogozin stressed that nothing had happened."}) == V{"Dmitry Rogozin"});
    CHECK(speakers({"\"It means a fresh start,\" Russian President Dmitry Medvedev added."}) ==
          V{"Dmitry Medvedev"});
    CHECK(speakers({"Russia's envoy to NATO, Dmitry Rogozin, was quoted by Russian Interfax news "
                    "agency as saying he would raise the issue."}) == V{"Dmitry Rogozin"});
    CHECK(speakers({"\"Who is the enemy?\" says political analyst Thomas Klau."}) ==
          V{"Thomas Klau"});
    CHECK(speakers({"On Tuesday, US President Barack Obama revealed that he sent a letter."}) ==
          V{"Barack Obama"});
    CHECK(speakers({"Russia's envoy to NATO, Dmitry Rogozin, said the first contacts will be in "
                    "Munich."}) == V{"Dmitry Rogozin"});
}

TEST_CASE("a name before an appositive is the subject", "[speakers]") {
    CHECK(speakers({"Jonas Varga, the envoy, was quoted by local media as saying talks would go "
                    "on."}) == V{"Jonas Varga"});
    CHECK(speakers({"Dmitry Rogozin, Russia's envoy to NATO, said talks would resume."}) ==
          V{"Dmitry Rogozin"});
    // A list of places is not an appositive.
    CHECK(speakers({"Moscow, Washington, Berlin said nothing."}).empty());
}

TEST_CASE("titles and roles are stripped", "[speakers]") {
    CHECK(speakers({"\"A step forward,\" said French EU envoy Rosa Dvorak."}) == V{"Rosa Dvorak"});
    CHECK(speakers({"\"Serious questions,\" says former diplomat Greta Andersen."}) ==
          V{"Greta Andersen"});
    CHECK(speakers({"NATO Secretary General Anders Fogh Rasmussen said it was historic."}) ==
          V{"Anders Fogh Rasmussen"});
    CHECK(speakers({"Secretary-General Jaap de Hoop Scheffer said the move was right."}) ==
          V{"Jaap de Hoop Scheffer"});
    CHECK(speakers({"US Secretary of State Hillary Clinton said talks would go on."}) ==
          V{"Hillary Clinton"});
    CHECK(speakers({"Former U.S. President George W. Bush said nothing."}) == V{"George W. Bush"});
}

TEST_CASE("surnames and partial names resolve to the full name", "[speakers]") {
    CHECK(speakers({"Talks with NATO Secretary General Jaap de Hoop Scheffer went on.",
                    "\"We will not agree on everything,\" de Hoop Scheffer told reporters.",
                    "Scheffer told reporters more."}) == V{"Jaap de Hoop Scheffer"});
    CHECK(speakers({"President Medvedev says the hostile period is over.",
                    "Russian president Dmitry Medvedev arrived at the summit."}) ==
          V{"Dmitry Medvedev"});
    CHECK(speakers({"\"The vital thing is trust,\" said Rogozin.",
                    "Ambassador Dmitry Rogozin flew to Geneva."}) == V{"Dmitry Rogozin"});
}

TEST_CASE("he and she go to the person just named", "[speakers]") {
    CHECK(speakers({"Russia's envoy to NATO, Ambassador Dmitry Rogozin, welcomed the move.",
                    "\"We would be very satisfied,\" he told AFP."}) == V{"Dmitry Rogozin"});
    // Too far back: no guess.
    CHECK(speakers({"Ambassador Dmitry Rogozin welcomed the move.", "The talks ran late.",
                    "Nobody expected much.", "\"Fine,\" he said."})
              .empty());
    // An unnamed speaker in between takes the pronoun.
    CHECK(
        speakers({"Ambassador Dmitry Rogozin welcomed the move.",
                  "A senior US official said the forum would help. \"We have concerns,\" he said."})
            .empty());
}

TEST_CASE("unnamed sources and countries and organisations are not speakers", "[speakers]") {
    CHECK(speakers({"A NATO spokeswoman said the atmosphere had been excellent."}).empty());
    CHECK(speakers({"\"It is the basis of compromise,\" another diplomat said.",
                    "\"Decide Thursday,\" one diplomat told AFP."})
              .empty());
    CHECK(speakers({"Washington says it wants to intercept missiles."}).empty());
    CHECK(speakers({"NATO says the exercises pose no threat.",
                    "Russia has said it is not treated "
                    "as an equal."})
              .empty());
    CHECK(speakers({"\"Fine,\" said the United States."}).empty());
    CHECK(
        speakers({"Moscow said on Monday that South Ossetia stressed its independence."}).empty());
    // A surname never given in full is not enough to name a person.
    CHECK(speakers({"\"Fine,\" Smith said."}).empty());
}

TEST_CASE("mentions without a statement are not attributions", "[speakers]") {
    CHECK(speakers({"Talks Friday between US Secretary of State Hillary Clinton and her Russian "
                    "counterpart will go ahead."})
              .empty());
    CHECK(speakers({"They suspect that proposals by Russian President Dmitry Medvedev are aimed at "
                    "NATO."})
              .empty());
}

TEST_CASE("regressions from real press text", "[speakers]") {
    // Roles anywhere before the name, not only at the front.
    CHECK(speakers({"Boston Red Sox Outfielder Jackie Jensen said he felt fine."}) ==
          V{"Jackie Jensen"});
    CHECK(speakers({"Colquitt Policeman Tom Williams said the car was stolen."}) ==
          V{"Tom Williams"});
    // Organisations and places that look like names.
    CHECK(speakers({"The Texas Bankers Association said rates would rise."}).empty());
    CHECK(speakers({"Officials in Los Angeles said nothing.", "\"No,\" said Fort Knox."}).empty());
    // A verb opening a sentence is not a first name.
    CHECK(speakers({"Asked Willie Mays said nothing."}) == V{"Willie Mays"});
    // Initials alone are not a name.
    CHECK(speakers({"Washington, D. C. said the bill passed."}).empty());
}

TEST_CASE("a surname goes to the person of that name named last", "[speakers]") {
    auto s = speakers({"Whale whisperer Hori Parata was seven when he saw his first stranding.",
                       "\u201cMan's greed is hurting the whales,\u201d says Parata.",
                       "His son, Te Kaurinui Robert Parata, carves at their home.",
                       "\u201cWe go where we are called,\u201d says Parata."});
    // The first "says Parata" is Hori, named just before; the second comes
    // after the son is named.
    CHECK(s == std::vector<std::string>{"Hori Parata", "Te Kaurinui Robert Parata"});
}

TEST_CASE("a first name alone and a pronoun skip names quoted or inside other names",
          "[speakers]") {
    auto s = speakers({"Eloise Parry, 21, was taken to hospital.",
                       "\u201cShe did not know,\u201d her mother, Fiona, said in a statement.",
                       "Fiona Parry issued a plea for people to stay away from the pills.",
                       "\u201c[Eloise] never understood how dangerous they were,\u201d she said."});
    CHECK(s == std::vector<std::string>{"Fiona Parry"});
}

TEST_CASE("groups, places and headline words are no speakers", "[speakers]") {
    CHECK(speakers({"Tunisian Islamists met on Monday.",
                    "\u201cWe stand together,\u201d "
                    "he said."})
              .empty());
    CHECK(speakers({"Eric Reeves, one of the leading American academic voices on Sudan, said "
                    "he was appalled.",
                    "The edition had the headline: Sanctions on Sudan Will Be Lifted."}) ==
          std::vector<std::string>{"Eric Reeves"});
}

TEST_CASE("attributions in French, Portuguese, Spanish, German, Italian and Russian",
          "[speakers]") {
    CHECK(speakers({"Après le match, le technicien a parlé. Le ministre Laurent Fabius a "
                    "déclaré que la situation était grave."}) ==
          std::vector<std::string>{"Laurent Fabius"});
    CHECK(speakers({"\u00ab La situation est grave \u00bb, a déclaré Laurent Fabius jeudi."}) ==
          std::vector<std::string>{"Laurent Fabius"});
    CHECK(speakers({"La mort a été annoncée ce matin par Laurent Fabius, à Paris."}) ==
          std::vector<std::string>{"Laurent Fabius"});
    CHECK(speakers({"Após o jogo, o técnico Tite declarou que errou."}) ==
          std::vector<std::string>{"Tite"});
    CHECK(speakers({"\u201cEu errei\u201d, disse Adenor Bacchi."}) ==
          std::vector<std::string>{"Adenor Bacchi"});
    CHECK(speakers({"El presidente Pedro S\u00e1nchez dijo que no habr\u00e1 elecciones."}) ==
          std::vector<std::string>{"Pedro S\u00e1nchez"});
    CHECK(speakers({"Kanzlerin Angela Merkel sagte am Montag, sie sei zufrieden."}) ==
          std::vector<std::string>{"Angela Merkel"});
    CHECK(speakers({"\u00abNon ci sono alternative\u00bb, ha detto Giuseppe Conte."}) ==
          std::vector<std::string>{"Giuseppe Conte"});
    CHECK(
        speakers({"\u041c\u0430\u0440\u0438\u044f \u0417\u0430\u0445\u0430\u0440\u043e\u0432\u0430 "
                  "\u0437\u0430\u044f\u0432\u0438\u043b\u0430, \u0447\u0442\u043e "
                  "\u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b "
                  "\u0438\u0434\u0443\u0442."}) ==
        std::vector<std::string>{
            "\u041c\u0430\u0440\u0438\u044f \u0417\u0430\u0445\u0430\u0440\u043e\u0432\u0430"});
}

TEST_CASE("abbreviated titles, party tags and ages resolve to the named person", "[speakers]") {
    CHECK(speakers({"\u201cWe will pass it,\u201d said Rep. Steny H. Hoyer, D-Md., the majority "
                    "leader."}) == V{"Steny H. Hoyer"});
    CHECK(speakers({"Senator Jane Fulton arrived late.",
                    "The 56-year-old said she would vote against the bill."}) == V{"Jane Fulton"});
    CHECK(speakers({"Gov. Ann Richards, 58, told reporters the race was close."}) ==
          V{"Ann Richards"});
}

TEST_CASE("a sentence's opening word and an occupation are not part of the name", "[speakers]") {
    CHECK(speakers({"Even Joan Sutherland said the hall was too small."}) == V{"Joan Sutherland"});
    CHECK(speakers({"Then Jesus Alvarez said he would stay."}) == V{"Jesus Alvarez"});
    CHECK(speakers({"Physiologist Ancel Keys said fat was the culprit."}) == V{"Ancel Keys"});
    CHECK(speakers({"The Allied Arts Council said it would meet.",
                    "Industrial Development said the plant would open."})
              .empty());
}
