// gazette-serve's server, in process: the JSON API on the seeds, its
// errors, its limits, and a re-index seen without a restart.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "gazette/indexer.hpp"
#include "helpers.hpp"
#include "http_server.hpp"

using namespace gazette;
using test::quote;
using test::run;
namespace fs = std::filesystem;

namespace {

// A server on a free loopback port, run on a thread of its own.
class Running {
  public:
    explicit Running(server::ServerOptions o) : server_(std::move(o)) {
        port_ = server_.bind();
        thread_ = std::thread([this] { server_.run(); });
        client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    }
    ~Running() {
        server_.stop();
        thread_.join();
    }
    httplib::Client& client() { return *client_; }
    int port() const { return port_; }

  private:
    server::HttpServer server_;
    int port_ = 0;
    std::thread thread_;
    std::unique_ptr<httplib::Client> client_;
};

server::ServerOptions on(const std::string& index) {
    server::ServerOptions o;
    o.indexes = {index};
    o.port = 0;
    o.rate = 0;
    return o;
}

nlohmann::json get_json(httplib::Client& c, const std::string& path, int status = 200) {
    auto res = c.Get(path.c_str());
    REQUIRE(res);
    INFO(path << " -> " << res->body);
    CHECK(res->status == status);
    CHECK_THAT(res->get_header_value("Content-Type"), Catch::StartsWith("application/json"));
    return nlohmann::json::parse(res->body);
}

std::vector<std::string> ids(const nlohmann::json& result) {
    std::vector<std::string> out;
    for (const auto& h : result["hits"]) out.push_back(h["id"].get<std::string>());
    return out;
}

const std::string id002 = "corpus/002_585ae4fd7902f67d.txt";

}  // namespace

TEST_CASE("the HTTP API searches, reads articles, counts facets and suggests", "[server]") {
    Running s(on(test::seed_index()));
    auto& c = s.client();
    auto result = get_json(c, "/api/search?q=CFE%20treaty%20suspension");
    REQUIRE(result["hits"].size() >= 3);
    CHECK(result["hits"][0]["id"] == id002);
    CHECK_THAT(result["hits"][0]["snippet"].get<std::string>(),
               Catch::Contains("<mark>suspended</mark>"));
    // The JSON is the command line's (gazette-search --json).
    auto cli = run(std::string(GAZETTE_SEARCH_BIN) + " --index " + quote(test::seed_index()) +
                   " --json CFE treaty suspension");
    auto cli_json = nlohmann::json::parse(cli.out);
    CHECK(ids(cli_json) == ids(result));
    CHECK(cli_json["total"] == result["total"]);
    CHECK(cli_json["hits"][0].size() == result["hits"][0].size());
    // POST with a JSON body asks the same.
    auto posted =
        c.Post("/api/search", R"({"query": "CFE treaty suspension"})", "application/json");
    REQUIRE(posted);
    CHECK(posted->status == 200);
    CHECK(ids(nlohmann::json::parse(posted->body)) == ids(result));
    // Filters, paging and sort from parameters.
    auto expatica = get_json(c, "/api/search?q=NATO&outlet=expatica&limit=1&offset=1");
    CHECK(expatica["total"] == 2);
    CHECK(expatica["hits"].size() == 1);
    CHECK(expatica["hits"][0]["rank"] == 2);
    auto dated = get_json(c, "/api/search?q=NATO&sort=date&snippet_length=0");
    std::vector<std::string> dates;
    for (const auto& h : dated["hits"])
        if (h["date"].is_string()) dates.push_back(h["date"].get<std::string>());
    CHECK(std::is_sorted(dates.rbegin(), dates.rend()));
    CHECK(dated["hits"][0]["snippet"] == "");
    // One article, whole, its words marked.
    auto article = get_json(c, "/api/article?id=" + id002 + "&q=CFE%20treaty");
    CHECK(article["id"] == id002);
    CHECK(article["title"] == "NATO Resumes Talks With Russia, Differences Remain");
    CHECK_THAT(article["text"].get<std::string>(), Catch::Contains("<mark>CFE</mark>"));
    CHECK(article["text"].get<std::string>().size() > 1500);
    // Facets.
    auto facets = get_json(c, "/api/facets?q=NATO");
    CHECK(facets["total"] == 5);
    CHECK(facets["hits"].empty());
    bool expatica_two = false;
    for (const auto& v : facets["facets"]["outlets"])
        expatica_two = expatica_two || (v["value"] == "Expatica" && v["count"] == 2);
    CHECK(expatica_two);
    // Suggestions, health and statistics.
    CHECK(get_json(c, "/api/suggest?q=rogozn")["suggestion"] == "rogozin");
    CHECK(get_json(c, "/api/suggest?q=rogozin")["suggestion"].is_null());
    CHECK(get_json(c, "/api/health")["documents"] == 5);
    auto stats = get_json(c, "/api/stats");
    CHECK(stats["documents"] == 5);
    CHECK(stats["requests"].get<int>() >= 10);
    // The search page, built in.
    auto page = c.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK_THAT(page->body, Catch::Contains("<form id=\"search\" role=\"search\""));
    CHECK_THAT(page->get_header_value("Content-Security-Policy"),
               Catch::Contains("default-src 'self'"));
    auto script = c.Get("/app.js");
    REQUIRE(script);
    CHECK_THAT(script->get_header_value("Content-Type"), Catch::StartsWith("text/javascript"));
}

TEST_CASE("HTTP errors are JSON with the right status", "[server][errors]") {
    auto o = on(test::seed_index());
    o.max_body = 1024;
    Running s(o);
    auto& c = s.client();
    auto kind = [](const nlohmann::json& j) { return j["error"]["kind"].get<std::string>(); };
    auto message = [](const nlohmann::json& j) { return j["error"]["message"].get<std::string>(); };
    auto bad = get_json(c, "/api/search?q=NATO%20AND", 400);
    CHECK(kind(bad) == "bad_query");
    CHECK_THAT(message(bad), Catch::Contains("AND needs a word or group after it"));
    auto field = get_json(c, "/api/search?q=author:smith", 400);
    CHECK_THAT(message(field), Catch::Contains("unknown field \"author:\""));
    auto limit = get_json(c, "/api/search?q=NATO&limit=ten", 400);
    CHECK_THAT(message(limit), Catch::Contains("parameter \"limit\": expected a whole number"));
    CHECK_THAT(message(get_json(c, "/api/search?q=NATO&limit=20000", 400)),
               Catch::Contains("limit 20000 is over"));
    CHECK_THAT(message(get_json(c, "/api/search?q=a&q=b", 400)),
               Catch::Contains("\"q\": given more than once"));
    auto missing = get_json(c, "/api/article?id=corpus/none.txt", 404);
    CHECK(kind(missing) == "not_found");
    CHECK_THAT(message(missing), Catch::Contains("corpus/none.txt"));
    CHECK(kind(get_json(c, "/api/article", 400)) == "bad_query");
    CHECK(kind(get_json(c, "/api/nothing", 404)) == "not_found");
    auto post = [&](const std::string& body, int status) {
        auto res = c.Post("/api/search", body, "application/json");
        REQUIRE(res);
        CHECK(res->status == status);
        return nlohmann::json::parse(res->body);
    };
    CHECK_THAT(message(post("[1, 2]", 400)), Catch::Contains("not a JSON object"));
    CHECK_THAT(message(post(R"({"qeury": "x"})", 400)), Catch::Contains("\"qeury\": unknown"));
    CHECK_THAT(message(post(R"({"outlets": "reuters"})", 400)),
               Catch::Contains("expected a list of strings"));
    CHECK(kind(post(std::string(2000, ' ') + "{}", 413)) == "too_large");
    CHECK(kind(get_json(c, "/api/search?q=like&like=corpus/none.txt", 400)) == "bad_query");
}

TEST_CASE("a client over the rate gets 429", "[server][limits]") {
    auto o = on(test::seed_index());
    o.rate = 0.01;  // no token comes back during the test
    o.burst = 3;
    Running s(o);
    int ok = 0, limited = 0;
    for (int i = 0; i < 6; ++i) {
        auto res = s.client().Get("/api/health");
        REQUIRE(res);
        if (res->status == 200) ++ok;
        if (res->status == 429) {
            ++limited;
            CHECK(nlohmann::json::parse(res->body)["error"]["kind"] == "rate_limited");
            CHECK(res->get_header_value("Retry-After") == "1");
        }
    }
    CHECK(ok == 3);
    CHECK(limited == 3);
}

TEST_CASE("searches from many clients at once share one index", "[server][threads]") {
    Running s(on(test::seed_index()));
    auto expected = ids(get_json(s.client(), "/api/search?q=missile%20defence%20shield"));
    REQUIRE(expected.size() >= 4);
    std::atomic<int> same{0}, asked{0};
    std::vector<std::thread> clients;
    for (int t = 0; t < 8; ++t)
        clients.emplace_back([&] {
            httplib::Client c("127.0.0.1", s.port());
            for (int i = 0; i < 15; ++i) {
                ++asked;
                auto res = c.Get("/api/search?q=missile%20defence%20shield");
                if (res && res->status == 200 && ids(nlohmann::json::parse(res->body)) == expected)
                    ++same;
            }
        });
    for (auto& t : clients) t.join();
    CHECK(same == asked);
}

TEST_CASE("a search after a re-index commits sees the new article", "[server][incremental]") {
    test::TempDir dir;
    const std::string index = dir.str("index");
    std::vector<std::string> four, all;
    for (const auto& e : fs::directory_iterator(test::corpus_dir()))
        if (e.path().extension() == ".txt") all.push_back(e.path().string());
    std::sort(all.begin(), all.end());
    fs::create_directories(dir.path() / "news");
    for (std::size_t i = 0; i + 1 < all.size(); ++i)
        fs::copy_file(all[i], dir.path() / "news" / fs::path(all[i]).filename());
    IndexOptions o;
    o.index_path = index;
    index_files({dir.str("news")}, o, nullptr);
    Running s(on(index));
    // The last seed is not indexed yet: not found, not counted.
    const std::string last = fs::path(all.back()).filename().string();
    auto before = get_json(s.client(), "/api/search?q=NATO&limit=10");
    CHECK(before["total"] == 4);
    get_json(s.client(), "/api/article?id=news/" + last, 404);
    fs::copy_file(all.back(), dir.path() / "news" / last);
    index_files({dir.str("news")}, o, nullptr);
    auto after = get_json(s.client(), "/api/search?q=NATO&limit=10");
    CHECK(after["total"] == 5);
    auto found = ids(after);
    CHECK(std::find(found.begin(), found.end(), "news/" + last) != found.end());
    CHECK(get_json(s.client(), "/api/article?id=news/" + last)["id"] == "news/" + last);
}

TEST_CASE("the server listens on loopback unless told otherwise", "[server][cli]") {
    CHECK(server::is_loopback("127.0.0.1"));
    CHECK(server::is_loopback("127.3.2.1"));
    CHECK(server::is_loopback("::1"));
    CHECK(server::is_loopback("localhost"));
    CHECK_FALSE(server::is_loopback("0.0.0.0"));
    CHECK_FALSE(server::is_loopback("192.168.1.10"));
    CHECK_FALSE(server::is_loopback("::"));
    auto o = on(test::seed_index());
    o.host = "0.0.0.0";
    server::HttpServer refused(o);
    CHECK_THROWS_WITH(refused.bind(), Catch::Contains("--allow-remote"));
    const std::string serve =
        std::string(GAZETTE_SERVE_BIN) + " --index " + quote(test::seed_index());
    auto cli = run(serve + " --listen 0.0.0.0:0 2>&1");
    CHECK(cli.status == 2);
    CHECK_THAT(cli.out, Catch::Contains("0.0.0.0 is not a loopback address"));
    CHECK_THAT(cli.out, Catch::Contains("--allow-remote"));
    CHECK(run(serve + " --listen 127.0.0.1:notaport 2>&1").status == 2);
    auto missing = run(std::string(GAZETTE_SERVE_BIN) + " --index /nonexistent/x 2>&1");
    CHECK(missing.status == 2);
    CHECK_THAT(missing.out, Catch::Contains("no index at /nonexistent/x"));
    // Told to, it binds any address (here: stopped at once by SIGTERM).
    auto allowed = run("timeout --preserve-status -s TERM 1 " + serve +
                       " --allow-remote --listen 0.0.0.0:0; echo status=$?");
    CHECK_THAT(allowed.out, Catch::Contains("listening on http://0.0.0.0:"));
    CHECK_THAT(allowed.out, Catch::Contains("status=0"));
}
