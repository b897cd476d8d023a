// gazette-index's progress line: on a terminal, one line rewritten in place
// (files done of those listed, rate, time left); nothing when the output is
// piped or the user asked for quiet.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>

namespace gazette::cli {

class Progress {
  public:
    /// Shown on `out` when `enabled` and `out` is a terminal.
    Progress(std::FILE* out, bool enabled);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// How many items the run has listed.
    void set_total(std::size_t total);
    /// One more item done; redraws at most five times a second.
    void step();
    /// Clears the line (before other output, and at the end).
    void clear();

  private:
    void draw();
    std::FILE* out_;
    bool shown_ = false;  // a line is on the screen
    bool enabled_;
    std::size_t total_ = 0, done_ = 0;
    std::chrono::steady_clock::time_point started_, drawn_;
};

}  // namespace gazette::cli
