#include "http_server.hpp"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "assets.hpp"
#include "errors.hpp"
#include "gazette/searcher.hpp"
#include "gazette/version.hpp"
#include "rate_limiter.hpp"
#include "record.hpp"
#include "request_params.hpp"

namespace gazette::server {

namespace {

constexpr const char* json_type = "application/json; charset=utf-8";

int status_of(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::bad_query:
        case ErrorKind::invalid_input:
            return 400;
        case ErrorKind::no_index:
        case ErrorKind::locked:
        case ErrorKind::schema_mismatch:
            return 503;
        case ErrorKind::corrupt:
        case ErrorKind::io:
        case ErrorKind::internal:
            return 500;
    }
    return 500;
}

using record::dump;  // the core's: one line, invalid UTF-8 replaced

void send_error(httplib::Response& res, int status, const std::string& kind,
                const std::string& message) {
    res.status = status;
    res.set_content(dump({{"error", {{"kind", kind}, {"message", message}}}}), json_type);
}

void send_json(httplib::Response& res, const std::string& body) {
    res.status = 200;
    res.set_content(body, json_type);
}

}  // namespace

bool is_loopback(const std::string& host) {
    if (host == "localhost") return true;
    in_addr v4{};
    if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    if (inet_pton(AF_INET6, host.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
    return false;
}

struct HttpServer::Impl {
    ServerOptions options;
    Searcher searcher;
    httplib::Server http;
    RateLimiter limiter;
    std::atomic<std::uint64_t> requests{0}, errors{0};
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

    explicit Impl(ServerOptions o)
        : options(std::move(o)), searcher(options.indexes), limiter(options.rate, options.burst) {
        unsigned threads = options.threads;
        if (threads == 0) threads = std::max(4u, 4 * std::thread::hardware_concurrency());
        http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
        http.set_payload_max_length(options.max_body);
        // Headers and body go out in separate writes: without this, Nagle's
        // algorithm and the client's delayed ACK add 40 ms to a keep-alive
        // request.
        http.set_tcp_nodelay(true);
        http.set_read_timeout(std::chrono::seconds(10));
        http.set_write_timeout(std::chrono::seconds(10));
        routes();
    }

    // A handler's work, with gazette's errors as JSON answers.
    template <typename F>
    void guarded(httplib::Response& res, F&& f) {
        try {
            f();
        } catch (const Error& e) {
            send_error(res, status_of(e.kind()), to_string(e.kind()), e.what());
        } catch (const std::exception& e) {
            send_error(res, 500, "internal", e.what());
        }
    }

    static std::vector<std::string> params(const httplib::Request& req, const std::string& key) {
        std::vector<std::string> out;
        for (std::size_t i = 0, n = req.get_param_value_count(key); i < n; ++i)
            out.push_back(req.get_param_value(key, i));
        return out;
    }

    void search(const SearchRequest& request, httplib::Response& res) {
        auto result = searcher.search(request);
        send_json(res, to_json(result, request.facets));
    }

    void routes() {
        // Every request: counted, rate-limited per client, and served from
        // the index's latest commit (a re-index shows without a restart).
        http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            ++requests;
            if (!limiter.allow(req.remote_addr)) {
                res.set_header("Retry-After", "1");
                send_error(res, 429, "rate_limited",
                           fmt::format("more than {} requests a second from {}; slow down",
                                       options.rate, req.remote_addr));
                return httplib::Server::HandlerResponse::Handled;
            }
            searcher.refresh();
            return httplib::Server::HandlerResponse::Unhandled;
        });
        http.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            if (res.status >= 400) ++errors;
            res.set_header("X-Content-Type-Options", "nosniff");
            res.set_header("Referrer-Policy", "no-referrer");
            if (req.path.starts_with("/api/")) res.set_header("Cache-Control", "no-store");
        });
        // Errors httplib answers itself (no route, body too large) get a
        // JSON body too.
        http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) return;
            switch (res.status) {
                case 404:
                    return send_error(res, 404, "not_found", fmt::format("no route {}", req.path));
                case 413:
                    return send_error(res, 413, "too_large", "the request body is over the limit");
                default:
                    return send_error(res, res.status, "http",
                                      fmt::format("HTTP status {}", res.status));
            }
        });
        http.set_exception_handler(
            [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
                send_error(res, 500, "internal", "unexpected error");
            });

        http.Get("/api/search", [this](const httplib::Request& req, httplib::Response& res) {
            guarded(res, [&] {
                search(request_from_params([&](const std::string& k) { return params(req, k); }),
                       res);
            });
        });
        http.Post("/api/search", [this](const httplib::Request& req, httplib::Response& res) {
            guarded(res, [&] { search(request_from_json(req.body), res); });
        });
        http.Get("/api/facets", [this](const httplib::Request& req, httplib::Response& res) {
            guarded(res, [&] {
                auto r = request_from_params([&](const std::string& k) { return params(req, k); });
                r.facets = true;
                r.limit = 0;
                r.snippet_length = 0;
                r.suggest = false;
                search(r, res);
            });
        });
        http.Get("/api/suggest", [this](const httplib::Request& req, httplib::Response& res) {
            guarded(res, [&] {
                SearchRequest r;
                r.query = req.get_param_value("q");
                r.limit = 0;
                r.snippet_length = 0;
                r.suggest = true;
                auto result = searcher.search(r);
                send_json(res, dump({{"query", r.query},
                                     {"suggestion", result.suggestion.empty()
                                                        ? nlohmann::json(nullptr)
                                                        : nlohmann::json(result.suggestion)}}));
            });
        });
        http.Get("/api/article", [this](const httplib::Request& req, httplib::Response& res) {
            guarded(res, [&] {
                std::string id = req.get_param_value("id");
                if (id.empty())
                    return send_error(res, 400, "bad_query", "parameter \"id\": missing");
                SearchRequest marks;
                marks.query = req.get_param_value("q");
                auto article = searcher.article(id, marks);
                if (!article)
                    return send_error(res, 404, "not_found",
                                      fmt::format("no article has the id or path {}", id));
                send_json(res, article_to_json(*article));
            });
        });
        http.Get("/api/health", [this](const httplib::Request&, httplib::Response& res) {
            guarded(res, [&] {
                send_json(res, dump({{"status", "ok"}, {"documents", searcher.document_count()}}));
            });
        });
        http.Get("/api/stats", [this](const httplib::Request&, httplib::Response& res) {
            guarded(res, [&] {
                std::chrono::duration<double> up = std::chrono::steady_clock::now() - started;
                send_json(res, dump({{"documents", searcher.document_count()},
                                     {"indexes", searcher.paths()},
                                     {"version", std::string(version_string)},
                                     {"uptime_seconds", up.count()},
                                     {"requests", requests.load()},
                                     {"errors", errors.load()}}));
            });
        });
        for (const auto& asset : assets()) {
            std::string path = asset.path == "/index.html" ? "/" : std::string(asset.path);
            auto serve = [asset](const httplib::Request&, httplib::Response& res) {
                res.set_content(std::string(asset.data), std::string(asset.type));
                res.set_header("Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data:; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'");
                res.set_header("Cache-Control", "no-cache");
            };
            http.Get(path, serve);
            if (path == "/") http.Get("/index.html", serve);
        }
    }
};

HttpServer::HttpServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

HttpServer::~HttpServer() = default;

int HttpServer::bind() {
    const auto& o = impl_->options;
    if (!o.allow_remote && !is_loopback(o.host))
        throw Error(ErrorKind::invalid_input,
                    fmt::format("{} is not a loopback address: the API has no authentication, "
                                "so gazette-serve listens on this machine only unless given "
                                "--allow-remote",
                                o.host));
    int port = o.port;
    if (port == 0) {
        port = impl_->http.bind_to_any_port(o.host);
        if (port < 0) port = 0;
    } else if (!impl_->http.bind_to_port(o.host, port)) {
        port = 0;
    }
    if (port <= 0)
        throw Error(ErrorKind::io,
                    fmt::format("cannot listen on {}:{} (in use, or not an address of this "
                                "machine)",
                                o.host, o.port));
    return port;
}

void HttpServer::run() {
    impl_->http.listen_after_bind();
}

void HttpServer::stop() {
    impl_->http.stop();
}

}  // namespace gazette::server
