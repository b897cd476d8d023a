// Requests per client: a token bucket per address (`rate` requests a second
// on average, bursts of `burst`). Thread-safe. Addresses idle for a minute
// are forgotten, so memory stays bounded by the clients of the last minute.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gazette::server {

class RateLimiter {
  public:
    using Clock = std::chrono::steady_clock;

    /// `rate` <= 0 lets every request through.
    RateLimiter(double rate, double burst);

    /// Takes one token of `client`'s bucket at `now`; false when it is empty.
    bool allow(const std::string& client, Clock::time_point now = Clock::now());

  private:
    struct Bucket {
        double tokens;
        Clock::time_point last;
    };
    double rate_, burst_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
    Clock::time_point last_sweep_{};
};

}  // namespace gazette::server
