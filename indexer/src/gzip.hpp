// Compressed pages: a .html.gz file as scrapers save it (wget -N, crawl
// archives), inflated with zlib, the output bounded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gazette {

/// The result of inflating a gzip stream.
struct Inflated {
    std::string bytes;  ///< the decompressed bytes (at most `limit`)
    bool cut = false;   ///< the stream held more than `limit` bytes
    std::string error;  ///< why the bytes are not gzip (empty when they are)
};

/// Inflates `gzip` (one or more gzip members, as gzip(1) writes them),
/// stopping after `limit` output bytes: a small file that inflates to
/// gigabytes costs `limit` bytes of memory, no more.
Inflated gunzip(std::string_view gzip, std::size_t limit);

/// Whether `name` ends with ".gz".
bool is_gzip_name(std::string_view name);

}  // namespace gazette
