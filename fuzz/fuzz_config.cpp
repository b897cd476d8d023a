// libFuzzer target: a config file (~/.config/gazette/config). Bad input
// must give Error invalid_input, nothing else.
//   scripts/fuzz config SECONDS
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config.hpp"
#include "gazette/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        auto d = gazette::config::parse(std::string_view(reinterpret_cast<const char*>(data), size),
                                        "fuzz", "/srv");
        for (const auto& p : d.indexes)
            if (p.empty()) __builtin_trap();
    } catch (const gazette::Error& e) {
        if (e.kind() != gazette::ErrorKind::invalid_input) __builtin_trap();
    }
    return 0;
}
