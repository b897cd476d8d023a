// libFuzzer target: a collection manifest (JSON lines), as gazette-index
// reads manifest.jsonl. Bad input must give Error invalid_input, nothing else.
//   scripts/fuzz manifest SECONDS
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "gazette/manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = (std::filesystem::temp_directory_path() /
                                     ("gazette-fuzz-manifest-" + std::to_string(getpid())))
                                        .string();
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    try {
        gazette::Manifest m;
        m.load_file(path);
        (void)m.find("/x");
    } catch (const gazette::Error& e) {
        if (e.kind() != gazette::ErrorKind::invalid_input) __builtin_trap();
    }
    return 0;
}
