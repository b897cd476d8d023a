#include "rate_limiter.hpp"

#include <algorithm>

namespace gazette::server {

RateLimiter::RateLimiter(double rate, double burst) : rate_(rate), burst_(std::max(1.0, burst)) {}

bool RateLimiter::allow(const std::string& client, Clock::time_point now) {
    if (rate_ <= 0) return true;
    std::lock_guard lock(mutex_);
    if (now - last_sweep_ > std::chrono::minutes(1)) {
        std::erase_if(buckets_, [&](const auto& kv) {
            return now - kv.second.last > std::chrono::minutes(1);
        });
        last_sweep_ = now;
    }
    auto [it, fresh] = buckets_.try_emplace(client, Bucket{burst_, now});
    Bucket& b = it->second;
    if (!fresh) {
        std::chrono::duration<double> gone = now - b.last;
        b.tokens = std::min(burst_, b.tokens + gone.count() * rate_);
        b.last = now;
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
}

}  // namespace gazette::server
