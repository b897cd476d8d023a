// Publication date forms and the day/month rule (indexer/src/dates.cpp).
#include <catch2/catch.hpp>

#include "dates.hpp"

using gazette::DateOrder;
using gazette::find_date;

namespace {
std::string iso(const std::string& line, DateOrder order = DateOrder::unknown) {
    auto d = find_date(line, order);
    return d ? d->iso : "none";
}
}  // namespace

TEST_CASE("every listed date form is read", "[dates]") {
    CHECK(iso("January 26, 2009") == "2009-01-26");
    CHECK(iso("Global Research, January 26, 2009") == "2009-01-26");
    CHECK(iso("22 Nov, 2010 06:46") == "2010-11-22");
    CHECK(iso("Published on 05/03/2009") == "2009-03-05");
    CHECK(iso("2009-03-05") == "2009-03-05");
    CHECK(iso("5 March 2009") == "2009-03-05");
    CHECK(iso("Mar. 5, 2009") == "2009-03-05");
    CHECK(iso("Thursday, March 5, 2009 10:12 GMT") == "2009-03-05");
    CHECK(iso("05.03.2009") == "2009-03-05");
    CHECK(iso("Russia Today 26 January 2009") == "2009-01-26");
    CHECK(iso("Posted 2009-03-05T10:12:00Z") == "2009-03-05");
    CHECK(iso("the 5th of March, 2009") == "2009-03-05");
    CHECK(iso("Sept. 30, 2008") == "2008-09-30");
}

TEST_CASE("ambiguous numeric dates follow the outlet order else day first", "[dates]") {
    CHECK(iso("05/03/2009", DateOrder::unknown) == "2009-03-05");
    CHECK(iso("05/03/2009", DateOrder::day_first) == "2009-03-05");
    CHECK(iso("05/03/2009", DateOrder::month_first) == "2009-05-03");
    auto d = find_date("05/03/2009", DateOrder::month_first);
    REQUIRE(d);
    CHECK(d->ambiguous);
}

TEST_CASE("dotted numeric dates are day first even for month-first outlets", "[dates]") {
    CHECK(iso("05.01.2009", DateOrder::month_first) == "2009-01-05");
    CHECK(iso("05/01/2009", DateOrder::month_first) == "2009-05-01");
}

TEST_CASE("unambiguous numeric dates ignore the outlet's order", "[dates]") {
    CHECK(iso("25/03/2009", DateOrder::month_first) == "2009-03-25");
    CHECK(iso("03/25/2009", DateOrder::day_first) == "2009-03-25");
    CHECK(iso("07/07/2009", DateOrder::month_first) == "2009-07-07");
    CHECK_FALSE(find_date("25/03/2009", DateOrder::unknown)->ambiguous);
}

TEST_CASE("impossible dates are not dates", "[dates]") {
    CHECK(iso("31/02/2009") == "none");
    CHECK(iso("February 30, 2009") == "none");
    CHECK(iso("29/02/2009") == "none");
    CHECK(iso("29/02/2008") == "2008-02-29");
    CHECK(iso("13/13/2009") == "none");
    CHECK(iso("2009-13-01") == "none");
}

TEST_CASE("dates without a year are not publication dates", "[dates]") {
    CHECK(iso("on December 2") == "none");
    CHECK(iso("NATO foreign ministers decided on December 2 to resume talks") == "none");
    CHECK(iso("with January 14 a possible slot") == "none");
    CHECK(iso("Russia suspended its participation in 2007") == "none");
    CHECK(iso("06:46") == "none");
}

TEST_CASE("the first date of a line is taken with its position", "[dates]") {
    auto d = find_date("Updated 6 March 2009, first published 5 March 2009", DateOrder::unknown);
    REQUIRE(d);
    CHECK(d->iso == "2009-03-06");
    CHECK(d->begin == 8);
    CHECK(d->form == "day month year");
}

TEST_CASE("dates as pages print them: glued, with times, in other languages", "[dates]") {
    CHECK(iso("Associated PressDecember 2, 2016") == "2016-12-02");
    CHECK(iso("Nov 20 20194:29 AM") == "2019-11-20");
    CHECK(iso("AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)") == "2015-04-30");
    CHECK(iso("Mis à jour le 1er mai 2015") == "2015-05-01");
    CHECK(iso("Veröffentlicht am 4. Mai 2015, 10:00 Uhr") == "2015-05-04");
    CHECK(iso("4. März 2015") == "2015-03-04");
    CHECK(iso("21 de dezembro de 2018") == "2018-12-21");
    CHECK(iso("1 de noviembre de 2021") == "2021-11-01");
    CHECK(iso("30 aprile 2015") == "2015-04-30");
    CHECK(iso("30 \u0430\u043f\u0440\u0435\u043b\u044f 2015 \u0433.") == "2015-04-30");
    // Words that merely contain a month name are no dates.
    CHECK(iso("12 maisons 2015") == "none");
    CHECK(iso("31 février 2015") == "none");
}

TEST_CASE("two-digit years are read only with a time after them", "[dates]") {
    CHECK(iso("11/18/19 11:04 PM EST") == "2019-11-18");
    CHECK(iso("Posted 18.11.19, 11:04") == "2019-11-18");
    CHECK(iso("3/4/98 at 9:15") == "1998-04-03");
    CHECK(iso("3/4/98 at 9:15", DateOrder::month_first) == "1998-03-04");
    // Alone, a two-digit "date" may be a score or a fraction.
    CHECK(iso("They won 3/4/19 of the seats") == "none");
    CHECK(iso("11/18/19") == "none");
}

TEST_CASE("abbreviated foreign months between dots or dashes", "[dates]") {
    CHECK(iso("21.dez.2018 às 12h55") == "2018-12-21");
    CHECK(iso("3 ene 2020") == "2020-01-03");
    CHECK(iso("12-okt-2019") == "2019-10-12");
}

TEST_CASE("a revision date loses to the publication date", "[dates]") {
    using gazette::find_publication_date;
    auto pub = [](const std::string& line) {
        auto d = find_publication_date(line, DateOrder::unknown);
        return d ? d->iso + (d->revision ? " revision" : "") : "none";
    };
    CHECK(pub("Updated 29 April 2019, first published 28 April 2019") == "2019-04-28");
    CHECK(pub("Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST") ==
          "2019-01-03");
    CHECK(pub("AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)") == "2015-04-30");
    CHECK(pub("Updated 5:02 PM ET, Fri November 22, 2019") == "2019-11-22 revision");
    CHECK(pub("no date here") == "none");
}

TEST_CASE("a relative date stays unknown", "[dates]") {
    CHECK(iso("22 hours ago") == "none");
    CHECK(iso("Updated 3 days ago") == "none");
    CHECK(iso("Aktualizováno před 21 minutami") == "none");
    CHECK(iso("Yesterday at 11:04") == "none");
}
