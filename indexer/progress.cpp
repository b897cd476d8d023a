#include "progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace gazette::cli {

namespace {

constexpr auto redraw_every = std::chrono::milliseconds(200);

std::string clock(double seconds) {
    auto s = static_cast<long>(seconds + 0.5);
    if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
    return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

Progress::Progress(std::FILE* out, bool enabled)
    : out_(out),
      enabled_(enabled && ::isatty(::fileno(out)) != 0),
      started_(std::chrono::steady_clock::now()),
      drawn_(started_) {}

Progress::~Progress() {
    clear();
}

void Progress::set_total(std::size_t total) {
    total_ = total;
}

void Progress::step() {
    ++done_;
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (done_ > 1 && now - drawn_ < redraw_every) return;  // the first at once
    drawn_ = now;
    draw();
}

void Progress::draw() {
    double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
    std::string line = fmt::format("indexing: {} of {} files, {:.0f} files/s", done_, total_, rate);
    if (rate > 0 && total_ > done_)
        line += fmt::format(", {} left", clock(static_cast<double>(total_ - done_) / rate));
    fmt::print(out_, "\r\x1b[K{}", line);
    std::fflush(out_);
    shown_ = true;
}

void Progress::clear() {
    if (!shown_) return;
    fmt::print(out_, "\r\x1b[K");
    std::fflush(out_);
    shown_ = false;
}

}  // namespace gazette::cli
