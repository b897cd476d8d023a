// Feedback's re-ranking window (searcher.cpp, Ranking::feedback_window): the
// best matches by the typed words re-ranked with feedback's words, the rest
// in the typed words' order, consistently from page to page.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "gazette/indexer.hpp"
#include "gazette/searcher.hpp"
#include "harbour.hpp"
#include "helpers.hpp"

using namespace gazette;

namespace {

std::vector<Hit> hits(const Searcher& s, const std::string& ranking, std::size_t offset = 0,
                      std::size_t limit = 100, bool reverse = false, bool all_copies = true) {
    SearchRequest r;
    r.query = "harbour";
    r.ranking = ranking;
    r.offset = offset;
    r.limit = limit;
    r.reverse = reverse;
    r.snippet_length = 0;
    r.all_copies = all_copies;  // some of the fixture's articles are near-duplicates
    auto res = s.search(r);
    if (all_copies) CHECK(res.total == 30);
    return res.hits;
}

std::vector<std::string> ids(const std::vector<Hit>& h, std::size_t from = 0,
                             std::size_t to = std::string::npos) {
    std::vector<std::string> out;
    for (std::size_t i = from; i < std::min(to, h.size()); ++i) out.push_back(h[i].id);
    return out;
}

}  // namespace

TEST_CASE("feedback re-ranks the best matches and leaves the rest in the typed order",
          "[search][feedback][window]") {
    test::TempDir dir;
    test::write_harbour(dir);
    Searcher s = test::index_in(dir);
    const auto typed = hits(s, "feedback_docs=0");
    const auto every = hits(s, "feedback_window=0");
    const auto window = hits(s, "feedback_window=8");
    REQUIRE(typed.size() == 30);
    REQUIRE(every.size() == 30);
    REQUIRE(window.size() == 30);
    // The fixture does what it says: re-ranking every match lifts an
    // article from outside the typed words' best eight into the top eight.
    auto typed_best = ids(typed, 0, 8), every_best = ids(every, 0, 8);
    std::sort(typed_best.begin(), typed_best.end());
    std::sort(every_best.begin(), every_best.end());
    REQUIRE(typed_best != every_best);

    // The window: the typed words' best eight, each with the score a pass
    // over every match gives it, best first.
    auto window_best = ids(window, 0, 8);
    std::sort(window_best.begin(), window_best.end());
    CHECK(window_best == typed_best);
    std::map<std::string, double> full;
    for (const auto& h : every) full[h.id] = h.score;
    for (std::size_t i = 0; i < 8; ++i) {
        INFO(window[i].id);
        CHECK(window[i].score == Approx(full[window[i].id]).epsilon(1e-12));
        if (i > 0) CHECK(window[i - 1].score >= window[i].score);
    }
    CHECK(ids(window, 0, 8) != ids(typed, 0, 8));  // feedback did re-rank it
    // After it, the typed words' order and scores.
    CHECK(ids(window, 8) == ids(typed, 8));
    for (std::size_t i = 8; i < 30; ++i) CHECK(window[i].score == Approx(typed[i].score));

    // Pages of three, across the window's end, and worst first, agree.
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < 30; offset += 3)
        for (const auto& id : ids(hits(s, "feedback_window=8", offset, 3))) paged.push_back(id);
    CHECK(paged == ids(window));
    auto worst = ids(hits(s, "feedback_window=8", 0, 100, true));
    std::reverse(worst.begin(), worst.end());
    CHECK(worst == ids(window));
    auto middle = ids(hits(s, "feedback_window=8", 6, 4));
    CHECK(middle == ids(window, 6, 10));

    // Percentages are of the best hit's score, on every page.
    CHECK(window[0].percent == 100);
    for (const auto& h : hits(s, "feedback_window=8", 6, 4))
        CHECK(h.percent == std::max(1, static_cast<int>(100.0 * h.score / window[0].score + 1e-9)));

    // Collapsed, a hit of the window names its copies as a pass over every
    // match does.
    std::map<std::string, Hit> collapsed;
    for (const auto& h : hits(s, "feedback_window=0", 0, 100, false, false))
        collapsed.emplace(h.title, h);
    std::size_t with_copies = 0;
    for (const auto& h : hits(s, "feedback_window=30", 0, 30, false, false)) {
        INFO(h.title);
        REQUIRE(collapsed.count(h.title));
        CHECK(h.copies == collapsed.at(h.title).copies);
        CHECK(h.also_in == collapsed.at(h.title).also_in);
        if (h.copies > 0) ++with_copies;
    }
    CHECK(with_copies > 0);

    // Shards (their documents interleaved) rank alike.
    std::vector<std::string> first, second;
    for (int i = 0; i < 60; ++i)
        (i % 3 ? first : second).push_back(dir.str(fmt::format("in/a{:02}.txt", i)));
    for (const auto& [name, files] : {std::pair{"a", first}, std::pair{"b", second}}) {
        IndexOptions o;
        o.index_path = dir.str(name);
        index_files(files, o, nullptr);
    }
    test::write_file(dir.path() / "all.stub", "auto a\nauto b\n");
    Searcher shards(dir.str("all.stub"));
    const auto sharded = hits(shards, "feedback_window=5");
    const auto single = hits(s, "feedback_window=5");
    REQUIRE(sharded.size() == 30);
    std::map<std::string, double> by_title;
    for (const auto& h : single) by_title[h.title] = h.score;
    for (std::size_t i = 0; i < 30; ++i) {
        if (i < 5) CHECK(sharded[i].title == single[i].title);
        CHECK(sharded[i].score == Approx(by_title[sharded[i].title]));
        CHECK(sharded[i].score == Approx(single[i].score));
    }
    CHECK(ids(single, 0, 5) != ids(typed, 0, 5));  // re-ranked there too

    // A window holding every match ranks as a pass over every match.
    const auto wide = hits(s, "feedback_window=30");
    CHECK(ids(wide) == ids(every));
    for (std::size_t i = 0; i < 30; ++i) CHECK(wide[i].score == Approx(every[i].score));
}
