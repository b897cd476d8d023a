// gazette-serve: the search page and JSON API over gazette indexes.
#include <fmt/format.h>
#include <signal.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <thread>

#include "config.hpp"
#include "gazette/error.hpp"
#include "gazette/version.hpp"
#include "http_server.hpp"

namespace {

// SIGINT / SIGTERM: waited for on a thread of their own, which stops the
// server (nothing is done inside a signal handler).
void stop_on_signals(gazette::server::HttpServer& server) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread([set, &server] {
        int sig = 0;
        sigwait(&set, &sig);
        server.stop();
    }).detach();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "gazette-serve: a search page and a JSON API over gazette indexes, read-only.\n\n"
        "Open http://127.0.0.1:8080/ in a browser, or ask the API: /api/search?q=WORDS,\n"
        "/api/article?id=ID, /api/facets, /api/suggest, /api/health, /api/stats\n"
        "(docs/server.md). A re-index shows in the next request, without a restart.\n"
        "Without --index: $GAZETTE_INDEX, else the config file's \"index =\" lines\n"
        "(~/.config/gazette/config), else ./index.\n\n"
        "The API has no authentication: it listens on loopback only unless given\n"
        "--allow-remote.\n\n"
        "Exit status: 0 after SIGINT or SIGTERM, 2 on errors (usage, index, address).",
        "gazette-serve"};
    app.set_version_flag("--version", std::string(gazette::version_string));
    gazette::server::ServerOptions options;
    std::string listen = "127.0.0.1:8080";
    app.add_option("--index", options.indexes,
                   "index folder or stub file (default: see above); repeat to serve several "
                   "shards as one")
        ->allow_extra_args(false);
    app.add_option("--listen", listen, "address and port to listen on (port 0: any free one)")
        ->capture_default_str();
    app.add_flag("--allow-remote", options.allow_remote,
                 "listen on an address other than loopback (anyone who reaches it can search)");
    app.add_option("--threads", options.threads, "worker threads (0: 4 per core)")
        ->capture_default_str();
    app.add_option("--rate", options.rate,
                   "requests a second allowed per client address (0: no limit)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    app.add_option("--burst", options.burst, "requests a client may send at once")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--max-body", options.max_body, "largest request body in bytes")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    try {
        app.parse(argc, argv);
        auto colon = listen.rfind(':');
        if (colon == std::string::npos || colon + 1 == listen.size())
            throw CLI::ValidationError("--listen", "expected HOST:PORT, e.g. 127.0.0.1:8080");
        options.host = listen.substr(0, colon);
        if (options.host.size() > 2 && options.host.front() == '[' && options.host.back() == ']')
            options.host = options.host.substr(1, options.host.size() - 2);  // [::1]:8080
        std::string port = listen.substr(colon + 1);
        if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 ||
            std::stoi(port) > 65535)
            throw CLI::ValidationError("--listen", fmt::format("bad port \"{}\"", port));
        options.port = std::stoi(port);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);
        fmt::print(stderr, "gazette-serve: {}\nRun with --help for more information.\n", e.what());
        return 2;
    }
    try {
        if (options.indexes.empty()) options.indexes = gazette::config::load().indexes;
        gazette::server::HttpServer server(options);
        int port = server.bind();
        stop_on_signals(server);
        std::string host =
            options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
        fmt::print("gazette-serve: listening on http://{}:{}/ (Ctrl-C to stop)\n", host, port);
        std::fflush(stdout);
        server.run();
        fmt::print("gazette-serve: stopped\n");
        return 0;
    } catch (const gazette::Error& e) {
        fmt::print(stderr, "gazette-serve: {}\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        fmt::print(stderr, "gazette-serve: unexpected error (please report it): {}\n", e.what());
        return 2;
    }
}
