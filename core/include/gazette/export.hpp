/// @file export.hpp
/// Symbol visibility for gazette's libraries: only declarations marked
/// GAZETTE_API are exported from the shared library.
#pragma once

/// Marks a declaration as part of the shared library's interface.
#if defined(_WIN32)
#define GAZETTE_API
#else
#define GAZETTE_API __attribute__((visibility("default")))
#endif
