#include "errors.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <new>
#include <system_error>

namespace gazette {

const ErrorKindInfo& info(ErrorKind kind) noexcept {
    for (const auto& row : error_kinds)
        if (row.kind == kind) return row;
    return error_kinds.back();  // internal
}

const char* to_string(ErrorKind kind) noexcept {
    return info(kind).name;
}

void rethrow_as_gazette_error(const std::string& what) {
    try {
        throw;
    } catch (const Error&) {
        throw;
    } catch (const Xapian::QueryParserError& e) {
        throw Error(ErrorKind::bad_query, fmt::format("bad query \"{}\": {}", what, e.get_msg()));
    } catch (const Xapian::DatabaseLockError& e) {
        throw Error(ErrorKind::locked,
                    fmt::format("index {} is locked by another writer ({})", what, e.get_msg()));
    } catch (const Xapian::DatabaseNotFoundError& e) {
        throw Error(ErrorKind::no_index, fmt::format("no index at {}", what));
    } catch (const Xapian::DatabaseVersionError& e) {
        throw Error(ErrorKind::schema_mismatch,
                    fmt::format("index {} has an unsupported format: {}", what, e.get_msg()));
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw Error(ErrorKind::no_index,
                    fmt::format("{} is not a gazette index: {}", what, e.get_msg()));
    } catch (const Xapian::DatabaseCorruptError& e) {
        throw Error(ErrorKind::corrupt, fmt::format("index {} is corrupt: {}", what, e.get_msg()));
    } catch (const Xapian::DatabaseError& e) {
        throw Error(ErrorKind::io, fmt::format("index {}: {}", what, e.get_msg()));
    } catch (const Xapian::Error& e) {
        throw Error(ErrorKind::internal, fmt::format("{}: {}", what, e.get_description()));
    } catch (const std::system_error& e) {
        throw Error(ErrorKind::io, fmt::format("{}: {}", what, e.what()));
    } catch (const std::bad_alloc&) {
        throw Error(ErrorKind::internal, fmt::format("{}: out of memory", what));
    } catch (const std::exception& e) {
        throw Error(ErrorKind::internal, fmt::format("{}: {}", what, e.what()));
    } catch (...) {
        throw Error(ErrorKind::internal, fmt::format("{}: unknown error", what));
    }
}

}  // namespace gazette
