// Opening an index the way gazette allows: an index folder, a single-file
// glass database, or a stub file (or a folder holding a XAPIANDB stub)
// listing local indexes and tcp remotes. Stubs are read here, not by
// Xapian, because Xapian's stub format can also name a program to run
// ("remote :PROG ARGS"): an index path someone hands you must never start
// a program, so such lines are refused with ErrorKind::invalid_input.
#pragma once

#include <xapian.h>

#include <string>

namespace gazette::database {

/// Opens `path` for reading, following stubs (up to 8 levels) with
/// relative paths taken from the stub's folder. @throws Error no_index
/// when nothing is there, invalid_input for a refused or malformed stub;
/// Xapian's own errors pass through (callers translate them). When
/// `remote` is given, it is set true if a stub names a tcp remote (left
/// as it was otherwise): callers then prefer few, batched requests.
Xapian::Database open(const std::string& path, bool* remote = nullptr);

/// Opens (or creates) `path` for writing. A stub is followed when it names
/// exactly one local index; remotes, programs and several indexes are
/// refused (invalid_input).
Xapian::WritableDatabase open_writable(const std::string& path);

/// The folder open_writable(path) writes to (stubs followed, same refusals).
std::string writable_folder(const std::string& path);

}  // namespace gazette::database
