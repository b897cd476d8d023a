// libFuzzer target: an outlet registry (JSON with RE2 patterns), as
// --outlets loads it, then used to find outlets in a line. Bad input must
// give Error invalid_input; patterns must match in linear time.
//   scripts/fuzz outlet_registry SECONDS
#include <cstddef>
#include <cstdint>
#include <string>

#include "gazette/outlets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string json(reinterpret_cast<const char*>(data), size);
    try {
        gazette::OutletRegistry r;
        r.load_json(json, "fuzz");
        (void)r.find_in("BRUSSELS (Reuters) - told AFP on www.example.com " + json.substr(0, 200));
    } catch (const gazette::Error& e) {
        if (e.kind() != gazette::ErrorKind::invalid_input) __builtin_trap();
    }
    return 0;
}
