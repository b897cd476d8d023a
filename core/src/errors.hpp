// Error kinds in one table, and the translation of library exceptions
// (Xapian's, the standard library's) into gazette::Error at API boundaries.
#pragma once

#include <array>
#include <string>

#include "gazette/error.hpp"

namespace gazette {

/// One error kind: its name and its C API status number (gazette.h).
struct ErrorKindInfo {
    ErrorKind kind;
    const char* name;
    int c_status;
};

/// Every ErrorKind, once: to_string(), the C API's status mapping and its
/// status names all read this table.
inline constexpr std::array<ErrorKindInfo, 8> error_kinds{{
    {ErrorKind::no_index, "no_index", 1},
    {ErrorKind::locked, "locked", 2},
    {ErrorKind::corrupt, "corrupt", 3},
    {ErrorKind::schema_mismatch, "schema_mismatch", 4},
    {ErrorKind::bad_query, "bad_query", 5},
    {ErrorKind::invalid_input, "invalid_input", 6},
    {ErrorKind::io, "io", 7},
    {ErrorKind::internal, "internal", 8},
}};

/// The table row of `kind`.
const ErrorKindInfo& info(ErrorKind kind) noexcept;

/// Calls `f`; any exception other than gazette::Error leaves as one.
/// `what` names the object concerned (a path, a query) for the message.
template <typename F>
auto translate_errors(const std::string& what, F&& f) -> decltype(f());

/// Rethrows the current exception as a gazette::Error (call in a catch).
[[noreturn]] void rethrow_as_gazette_error(const std::string& what);

template <typename F>
auto translate_errors(const std::string& what, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (...) {
        rethrow_as_gazette_error(what);
    }
}

}  // namespace gazette
