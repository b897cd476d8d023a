/// @file outlets.hpp
/// The outlets gazette recognises: canonical names, aliases, web domains and
/// date conventions, from the built-in registry (indexer/data/outlets.json)
/// and user files in the same format.
///
/// Errors: gazette::Error (invalid_input naming the file and entry, io).
/// Thread-safety: a registry is immutable once loaded; const use from many
/// threads is safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/error.hpp"
#include "gazette/export.hpp"

namespace gazette {

/// Day/month order of an outlet's numeric dates.
enum class DateOrder { unknown, day_first, month_first };

/// One known outlet.
struct Outlet {
    std::string name;                   ///< canonical name, e.g. "Agence France-Presse"
    std::vector<std::string> aliases;   ///< other names, e.g. "AFP"
    std::vector<std::string> patterns;  ///< regular expressions (RE2 syntax) identifying it
    /// Web domains ("reuters.com"): an address on the domain or any of its
    /// subdomains names the outlet (the longest matching domain wins).
    std::vector<std::string> domains;
    std::string country;                        ///< ISO 3166 code, informational ("GB")
    DateOrder date_order = DateOrder::unknown;  ///< for ambiguous numeric dates
    bool agency = false;                        ///< a news agency ("told AFP" credits it)
    /// Its name is a common word ("Time", "The Hill", "Salon"): recognised
    /// from its domain or as a whole line or credit, never inside a sentence.
    bool name_alone = false;
};

/// The outlets gazette can recognise: the built-in list plus user files.
class GAZETTE_API OutletRegistry {
  public:
    /// The built-in registry.
    OutletRegistry();
    ~OutletRegistry();
    OutletRegistry(const OutletRegistry&);             ///< deep copy
    OutletRegistry& operator=(const OutletRegistry&);  ///< deep copy

    /// Adds (or, for a known canonical name or alias, extends: aliases,
    /// patterns and domains added, the other keys changed when given) the
    /// outlets in a JSON file: [{"name", "aliases", "patterns", "domains",
    /// "country", "date_order": "day-first" | "month-first", "agency",
    /// "name_alone"}]. @throws Error invalid_input naming the file.
    void load_file(const std::string& path);
    /// Adds the outlets of a JSON text (format as load_file); `origin` names
    /// it in errors.
    void load_json(const std::string& json, const std::string& origin);

    /// The outlet whose name or alias equals `name` (case-insensitive, words
    /// normalised), or nullptr.
    [[nodiscard]] const Outlet* find(const std::string& name) const;
    /// Every outlet named (by name, alias, pattern or an address on one of
    /// its domains) in `text`, in order of first appearance.
    [[nodiscard]] std::vector<const Outlet*> find_in(const std::string& text) const;
    /// The outlet whose domain holds `address` (a URL, "www.bbc.co.uk" or
    /// "bbc.co.uk"; the longest matching domain wins), or nullptr.
    [[nodiscard]] const Outlet* find_domain(std::string_view address) const;
    /// Every known outlet, built-in first.
    [[nodiscard]] const std::vector<Outlet>& outlets() const;
    /// The JSON texts loaded so far (the built-in one first), for the
    /// extraction settings hash: another registry means re-extraction.
    [[nodiscard]] const std::vector<std::string>& sources() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gazette
