// Site chrome learned from the collection itself: short lines that many
// of its text files repeat (a site's menus, share bars, sign-up boxes) are
// furniture on every page, whatever the built-in word lists say.
//
// A line counts when it has one to five words and is neither a byline nor
// a date line; it is chrome once it appears in at least five files and in
// at least 2% of the files learned from (a headline syndicated to a few
// sites is not chrome; a menu shown on every page of a site is). The model
// is kept in the index between runs, so a run that re-reads a few changed
// files still knows the collection.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gazette {

class SiteChrome {
  public:
    /// Learns the lines of one file's text.
    void learn(std::string_view text);
    /// Adds what another model learned (the one stored in the index).
    void merge(const SiteChrome& other);
    /// Whether a line (in text::normalize_name form) is learned chrome.
    [[nodiscard]] bool is_chrome(const std::string& normalized) const;
    /// Files learned from.
    [[nodiscard]] std::uint64_t files() const { return files_; }
    /// Files needed before the model says anything.
    static constexpr std::uint64_t min_files = 5;

    /// A compact form for the index's metadata (lines seen in two files or
    /// more; at most 200,000 of them).
    [[nodiscard]] std::string serialize() const;
    /// The model `serialize` wrote; an empty or damaged text is an empty
    /// model.
    static SiteChrome parse(std::string_view text);

  private:
    std::uint64_t files_ = 0;
    std::unordered_map<std::uint64_t, std::uint32_t> counts_;  // line hash -> files
};

}  // namespace gazette
