// The core shared by indexer and searcher: schema table, record codec and
// JSON mapping, calendar, data files, text splitting; and the IndexWriter's
// document-level API.
#include <catch2/catch.hpp>

#include <set>

#include "calendar.hpp"
#include "data.hpp"
#include "helpers.hpp"
#include "indexer_data.hpp"
#include "record.hpp"
#include "schema.hpp"
#include "text.hpp"

using namespace gazette;

TEST_CASE("the schema table covers every part once, with distinct prefixes and slots",
          "[core][schema]") {
    std::set<schema::Part> parts;
    std::set<std::string_view> prefixes;
    std::set<unsigned> slots;
    for (const auto& f : schema::fields) {
        CHECK(parts.insert(f.part).second);
        if (!f.prefix.empty()) CHECK(prefixes.insert(f.prefix).second);
        if (!f.word_prefix.empty()) CHECK(prefixes.insert(f.word_prefix).second);
        if (f.slot) CHECK(slots.insert(*f.slot).second);
        CHECK(&schema::field_for(f.part) == &f);
    }
    CHECK(parts.size() == 6);
    CHECK(schema::find_field("title")->weight == 3);
    CHECK(schema::find_field("nosuch") == nullptr);
}

TEST_CASE("long ids are hashed into a bounded, distinct term", "[core][schema]") {
    CHECK(schema::id_term("corpus/a.txt") == "Qcorpus/a.txt");
    std::string a(300, 'a'), b = a;
    b.back() = 'b';
    auto ta = schema::id_term(a), tb = schema::id_term(b);
    CHECK(ta.size() <= schema::max_term_bytes);
    CHECK(ta != tb);
    CHECK(ta.starts_with("Qaaaa"));
}

TEST_CASE("a record survives the stored form and the JSON mapping", "[core][record]") {
    Document d;
    d.id = "corpus/a.txt";
    d.path = "/data/corpus/a.txt";
    d.url = "https://example.org/a";
    d.title = "Title";
    d.date = "2009-03-05";
    d.outlets = {"Reuters", "Agence France-Presse"};
    d.speakers = {"Dmitry Rogozin"};
    d.body = "First.\n\nSecond.";
    CHECK(record::decode(record::encode(d)) == d);
    auto j = record::to_json(d, false);
    CHECK(j["id"] == "corpus/a.txt");
    CHECK_FALSE(j.contains("body"));
    Document undated;
    undated.id = "x";
    auto u = record::to_json(undated, true);
    CHECK(u["date"].is_null());
    CHECK(u["path"].is_null());
    CHECK(record::from_json(u) == undated);
    CHECK_THROWS_AS(record::decode("not json"), Error);
    CHECK_THROWS_AS(record::decode("[1,2]"), Error);
}

TEST_CASE("a hit list reads a record's fields without its body", "[core][record]") {
    Document d;
    d.id = "corpus/a.txt";
    d.title = "NATO \"talks\"";
    d.outlets = {"Reuters"};
    d.body = std::string("Body with \"quotes\", a \x01 byte, a bad \xff byte and ") +
             std::string(5000, 'x');
    auto data = record::encode(d);
    // The fields come first and are short; the body follows as it is.
    CHECK(data.size() < d.body.size() + 200);
    CHECK(data.find("Body with \"quotes\"") != std::string::npos);
    auto fields = record::decode_fields(data);
    CHECK(fields.title == d.title);
    CHECK(fields.outlets == d.outlets);
    CHECK(fields.body.empty());
    auto body = record::decode_body(data);
    CHECK(body.starts_with("Body with \"quotes\", a \x01 byte, a bad \uFFFD byte"));
    CHECK(record::decode(data).body == body);
    // Indexes written before keep one JSON object with the body inside.
    auto old = record::dump(record::to_json(d, true));
    CHECK(record::decode_fields(old).title == d.title);
    CHECK(record::decode_body(old) == body);
    // A damaged length is a corrupt record, not a crash.
    CHECK_THROWS_AS(record::decode("\x01"
                                   "999:{}"),
                    Error);
    CHECK_THROWS_AS(record::decode_fields("\x01"
                                          "x:{}"),
                    Error);
    CHECK_THROWS_AS(record::decode_body("\x01"), Error);
}

TEST_CASE("fingerprints encode with their id and decode back", "[core][record]") {
    Fingerprint fp{1234, 1700000000123456789, 0xdeadbeefcafef00dULL, 42};
    std::string id = "corpus/with space/and\nnewline.txt";
    Fingerprint back;
    std::string back_id;
    REQUIRE(record::decode_fingerprint(record::encode_fingerprint(fp, id), back, back_id));
    CHECK(back == fp);
    CHECK(back_id == id);
    CHECK_FALSE(record::decode_fingerprint("v1 zz 00 1 2\nid", back, back_id));
    CHECK_FALSE(record::decode_fingerprint("", back, back_id));
}

TEST_CASE("one calendar for manifests, query ranges and extraction", "[core][calendar]") {
    CHECK(calendar::valid(2008, 2, 29));
    CHECK_FALSE(calendar::valid(2009, 2, 29));
    CHECK_FALSE(calendar::valid(1700, 1, 1));
    CHECK(calendar::parse_iso("2009-03-05") == calendar::Day{2009, 3, 5});
    CHECK_FALSE(calendar::parse_iso("2009-02-31"));
    CHECK_FALSE(calendar::parse_iso("2009-3-5"));
    CHECK(calendar::compact("2009-03-05") == "20090305");
    CHECK(calendar::month_number("Sept.") == 9);
    CHECK(calendar::month_number("january") == 1);
    CHECK(calendar::month_number("ja") == 0);
    std::string why;
    auto p = calendar::parse_period("2009-02", why);
    REQUIRE(p);
    CHECK(*p->first == calendar::Day{2009, 2, 1});
    CHECK(*p->last == calendar::Day{2009, 2, 28});
    auto open = calendar::parse_period("..2010", why);
    REQUIRE(open);
    CHECK_FALSE(open->first);
    CHECK(*open->last == calendar::Day{2010, 12, 31});
    CHECK_FALSE(calendar::parse_period("2010..2009", why));
    CHECK_THAT(why, Catch::Contains("ends before it starts"));
    CHECK_FALSE(calendar::parse_period("last week", why));
    CHECK_THAT(why, Catch::Contains("\"last week\""));
}

TEST_CASE("every built-in word list and registry is free of duplicates", "[core][data]") {
    std::size_t files = 0;
    for (auto set : {data::core_files(), data::indexer_files()}) {
        for (const auto& f : set) {
            ++files;
            INFO(f.name);
            if (f.name.ends_with(".txt")) {
                CHECK(data::duplicates(f.text).empty());
                CHECK_FALSE(data::entries(f.text).empty());
            }
        }
    }
    CHECK(files >= 13);
    // The outlet registry: no name or alias written twice.
    OutletRegistry registry;
    std::set<std::string> names;
    for (const auto& o : registry.outlets()) {
        CHECK(names.insert(text::lower(o.name)).second);
        for (const auto& a : o.aliases) CHECK(names.insert(text::lower(a)).second);
    }
    CHECK(data::entries("# comment\n\n word \n\"(c) \"\n") ==
          std::vector<std::string>{"word", "(c) "});
    CHECK(data::duplicates("a\nb\na\n") == std::vector<std::string>{"a"});
}

TEST_CASE("text is split in one way everywhere", "[core][text]") {
    using V = std::vector<std::string_view>;
    CHECK(text::split("a/b//c", '/') == V{"a", "b", "", "c"});
    CHECK(text::split("", '/') == V{""});
    CHECK(text::trim("\u00a0 x y \t") == "x y");
}

TEST_CASE("word bounds and lower-case forms on demand agree with tokenize", "[core][text]") {
    for (std::string t : {"NATO's CFE Treaty, suspended.", "O\u2019Neil said: \u00c9MILE Zola",
                          "\u041c\u041e\u0421\u041a\u0412\u0410 \u0438 \u041a\u0438\u0435\u0432",
                          "x A1 b's 'quoted' \u00dcber-All\u2019", ""}) {
        INFO(t);
        const auto full = text::tokenize(t);
        const auto bounds = text::token_bounds(t);
        REQUIRE(bounds.size() == full.size());
        for (std::size_t i = 0; i < full.size(); ++i) {
            CHECK(bounds[i].begin == full[i].begin);
            CHECK(bounds[i].end == full[i].end);
            CHECK(text::lower_word(t.substr(full[i].begin, full[i].end - full[i].begin)) ==
                  full[i].lower);
        }
    }
    CHECK(text::lower_word("O\u2019Neil") == "o'neil");
    CHECK(text::lower_word("\u041c\u041e\u0421") == "\u043c\u043e\u0441");
}

TEST_CASE("whole numbers are digits alone", "[core][text]") {
    CHECK(text::whole_number("0") == 0u);
    CHECK(text::whole_number("1000") == 1000u);
    CHECK(text::whole_number("18446744073709551615") == 18446744073709551615u);
    for (std::string_view bad :
         {"", "-1", "+1", " 1", "1 ", "1.5", "1e3", "ten", "0x10", "18446744073709551616"})
        CHECK_FALSE(text::whole_number(bad).has_value());
}

TEST_CASE("IndexWriter puts, removes and reports documents by id", "[core][writer]") {
    test::TempDir dir;
    auto index = dir.str("index");
    {
        IndexWriter w(index);
        Document d;
        d.id = "notes/1";
        d.title = "NATO resumes talks";
        d.body = "Foreign ministers agreed to resume formal talks with Moscow.";
        d.fingerprint = {10, 20, 30, 40};
        w.put(d);
        d.id = "notes/2";
        d.title = "Second note";
        w.put(d);
        d.id = std::string(400, 'x');  // a long id still round-trips
        w.put(d);
        CHECK(w.document_count() == 3);
        CHECK(w.fingerprint("notes/1") == Fingerprint{10, 20, 30, 40});
        CHECK_FALSE(w.fingerprint("notes/3"));
        CHECK(w.ids("notes/") == std::vector<std::string>{"notes/1", "notes/2"});
        CHECK(w.ids().size() == 3);
        CHECK(w.fingerprint(std::string(400, 'x')));
        CHECK(w.document("notes/2")->title == "Second note");
        CHECK(w.remove("notes/2"));
        CHECK_FALSE(w.remove("notes/2"));
        CHECK(w.remove(std::string(400, 'x')));
        d.id.clear();
        CHECK_THROWS_AS(w.put(d), Error);
        w.commit();
    }
    Searcher s(index);
    CHECK(s.document_count() == 1);
    SearchRequest r;
    r.query = "moscow";
    auto res = s.search(r);
    REQUIRE(res.hits.size() == 1);
    CHECK(res.hits[0].id == "notes/1");
    CHECK(res.hits[0].path.empty());
}
