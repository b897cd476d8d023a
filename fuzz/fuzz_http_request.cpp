// libFuzzer target: gazette-serve's request parameters, as a query string
// (key=value&...) and as a JSON body. Bad input must give Error bad_query,
// nothing else.
//   scripts/fuzz http_request SECONDS
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/error.hpp"
#include "request_params.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<std::pair<std::string, std::string>> pairs;
    for (std::size_t start = 0; start <= text.size();) {
        auto end = text.find('&', start);
        if (end == std::string_view::npos) end = text.size();
        auto pair = text.substr(start, end - start);
        auto eq = pair.find('=');
        pairs.emplace_back(std::string(pair.substr(0, eq)),
                           eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
        start = end + 1;
    }
    auto lookup = [&](const std::string& key) {
        std::vector<std::string> out;
        for (const auto& [k, v] : pairs)
            if (k == key) out.push_back(v);
        return out;
    };
    for (int form = 0; form < 2; ++form) {
        try {
            auto r = form == 0 ? gazette::server::request_from_params(lookup)
                               : gazette::server::request_from_json(text);
            (void)r;
        } catch (const gazette::Error& e) {
            if (e.kind() != gazette::ErrorKind::bad_query) __builtin_trap();
        }
    }
    return 0;
}
