// Bytes of an article file -> UTF-8 text. Byte-order marks are read first
// (UTF-8, UTF-16 and UTF-32, both byte orders); UTF-16/32 without a mark is
// recognised by where its zero bytes fall; valid UTF-8 is kept as it is;
// anything else is named by uchardet (Debian's libuchardet) and converted
// with iconv. Latin-1 is read as Windows-1252, as browsers do (WHATWG), so
// curly quotes and dashes survive.
#pragma once

#include <string>
#include <string_view>

namespace gazette {

struct Decoded {
    std::string text;      ///< clean UTF-8 (empty when error is set)
    std::string encoding;  ///< what the bytes were, e.g. "UTF-8", "UTF-16LE", "WINDOWS-1252"
    std::string error;     ///< non-empty: why the bytes are not text
};

/// Undecodable bytes (invalid in the detected encoding) tolerated, as a
/// share of the input, before a file is reported as undecodable instead of
/// being indexed with U+FFFD in their place.
inline constexpr double max_undecodable_share = 0.01;

/// Decodes `bytes`. Never throws for bad input; reports it in error.
Decoded decode_text(std::string_view bytes);

}  // namespace gazette
