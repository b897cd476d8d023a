// Shared by the bench programs: run each query once unmeasured (warm), then
// once timed, and print the p50 p95 p99 milliseconds on one line.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

template <typename Run>
void time_queries(const std::vector<std::string>& queries, Run&& run) {
    for (const auto& q : queries) run(q);  // warm
    std::vector<double> ms;
    for (const auto& q : queries) {
        auto t0 = std::chrono::steady_clock::now();
        run(q);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) { return ms[std::min(ms.size() - 1, std::size_t(p * ms.size()))]; };
    std::printf("%.3f %.3f %.3f\n", pct(0.50), pct(0.95), pct(0.99));
}
