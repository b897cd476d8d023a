// Translation of library exceptions into gazette::Error at the API boundary.
#pragma once

#include <string>

#include "gazette/error.hpp"

namespace gazette {

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
