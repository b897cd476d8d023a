/// @file error.hpp
/// gazette's one error policy: every public function either succeeds or
/// throws gazette::Error (never a Xapian or other library exception). The
/// kind says what went wrong in gazette's terms; what() says it in one line
/// fit for a user, naming the path, file or query concerned.
#pragma once

#include <stdexcept>
#include <string>

#include "gazette/export.hpp"

namespace gazette {

/// What went wrong, named after gazette's concepts.
enum class ErrorKind {
    no_index,         ///< the path holds no gazette index (missing or not a database)
    locked,           ///< another process is writing the index
    corrupt,          ///< the index exists but cannot be read
    schema_mismatch,  ///< the index was built with another schema version
    bad_query,        ///< the query text or a filter value cannot be understood
    invalid_input,    ///< an article, manifest or registry file is unusable
    io,               ///< reading or writing a file failed
    internal,         ///< anything else (a bug: please report it)
};

/// Short lower-case name of a kind ("no_index", "bad_query", ...).
GAZETTE_API const char* to_string(ErrorKind kind) noexcept;

/// The only exception type gazette's API throws.
class GAZETTE_API Error : public std::runtime_error {
  public:
    /// An error of `kind` with a one-line `message`.
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    /// What went wrong.
    [[nodiscard]] ErrorKind kind() const noexcept { return kind_; }

  private:
    ErrorKind kind_;
};

}  // namespace gazette
