// libFuzzer target: a synonyms file (gazette-index --synonyms). Bad input
// must give Error invalid_input, nothing else.
//   scripts/fuzz synonyms SECONDS
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "gazette/error.hpp"
#include "synonyms_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        auto groups = gazette::parse_synonyms(
            std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
        for (const auto& g : groups)
            if (g.size() < 2) __builtin_trap();
    } catch (const gazette::Error& e) {
        if (e.kind() != gazette::ErrorKind::invalid_input) __builtin_trap();
    }
    return 0;
}
