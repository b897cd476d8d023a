// A fixture for feedback's re-ranking window (test_window.cpp,
// test_shards.cpp): articles whose ranking a window changes.
#pragma once

#include <fmt/format.h>

#include <string>

#include "helpers.hpp"

namespace gazette::test {

// 30 articles about a harbour among 30 about other things. The five that
// say "harbour" most also talk of cranes, docks and cargo, which feedback
// learns from them (the longer, the more: feedback reorders them); fifteen
// say "harbour" twice and nothing of the kind; ten say it once but talk of
// cranes, docks and cargo at length (three are near-duplicates), so that
// re-ranking every match lifts them over the fifteen, and re-ranking a
// window of eight cannot. Lengths differ so that no two scores tie.
inline void write_harbour(const TempDir& dir) {
    const char* fillers[] = {"weather", "council", "school", "market", "festival",
                             "library", "bridge",  "museum", "garden", "station"};
    int n = 0;
    auto write = [&](const std::string& body) {
        write_file(dir.path() / "in" / fmt::format("a{:02}.txt", n),
                   fmt::format("Note {}\n\nBy Reuters\n\n{}\n", n, body));
        ++n;
    };
    auto repeat = [](const char* words, int times) {
        std::string out;
        for (int k = 0; k < times; ++k) out += words;
        return out;
    };
    for (int i = 0; i < 5; ++i)
        write(
            fmt::format("The harbour crane lifted cargo at the harbour dock. The harbour dock "
                        "workers moved cargo by crane while the harbour {} met at the "
                        "harbour.{}",
                        fillers[i % 10], repeat(" Cargo came by crane to the dock.", i)));
    for (int i = 0; i < 15; ++i)
        write(fmt::format("The harbour {} and the {} near the harbour opened{} for visitors.",
                          fillers[i % 10], fillers[(i + 3) % 10], repeat(" again", i)));
    for (int i = 0; i < 10; ++i)
        write(
            fmt::format("A crane moved cargo to the dock. Dock cranes and cargo ships: cargo, "
                        "crane, dock, {}{}, past the harbour. Crane drivers at the dock unload "
                        "cargo.",
                        fillers[i % 10], repeat(" and cargo", i + 1)));
    for (int i = 0; i < 30; ++i)
        write(fmt::format("The {} of the town and the {} by the {} were closed on day {}.",
                          fillers[i % 10], fillers[(i + 1) % 10], fillers[(i + 5) % 10], i));
}

}  // namespace gazette::test
