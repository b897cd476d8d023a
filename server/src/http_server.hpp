// gazette-serve's server: the JSON API and the search page over one
// Searcher, read-only. Routes (docs/server.md has the details):
//   GET  /api/search?q=...&outlet=...   search (request_params.hpp)
//   POST /api/search {"query": ...}     the same from a JSON body
//   GET  /api/article?id=ID&q=...       one article in full, words marked
//   GET  /api/facets?q=...              totals per outlet, speaker, year
//   GET  /api/suggest?q=...             a respelled query, or null
//   GET  /api/health, /api/stats        liveness; documents and counters
//   GET  /, /app.js, /style.css         the search page (built in)
// Errors are {"error": {"kind", "message"}} with 400 (bad query or
// parameter), 404 (no such article or route), 405, 413 (body over the
// limit), 429 (over the rate), 503 (no usable index) or 500.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace gazette::server {

struct ServerOptions {
    std::vector<std::string> indexes;  ///< index folders or stubs, searched as one
    std::string host = "127.0.0.1";    ///< address to listen on
    int port = 8080;                   ///< 0: any free port (bind() says which)
    bool allow_remote = false;         ///< allow an address other than loopback
    unsigned threads = 0;              ///< worker threads; 0: 4 per core
    std::size_t max_body = 64 * 1024;  ///< largest request body, bytes
    double rate = 50;                  ///< requests a second per client; 0: no limit
    double burst = 100;                ///< requests a client may send at once
};

/// Whether `host` is a loopback address (127.0.0.0/8, ::1, "localhost").
bool is_loopback(const std::string& host);

class HttpServer {
  public:
    /// Opens the index. @throws Error (no_index, schema_mismatch, ...).
    explicit HttpServer(ServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds the address; returns the port. @throws Error invalid_input
    /// for a non-loopback address without allow_remote, io when the
    /// address cannot be bound.
    int bind();

    /// Serves until stop() (from another thread or a signal handler's
    /// thread). bind() first.
    void run();

    /// Makes run() return; safe from any thread.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::server
