#include "gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <climits>

namespace gazette {

bool is_gzip_name(std::string_view name) {
    return name.size() > 3 && name.substr(name.size() - 3) == ".gz";
}

Inflated gunzip(std::string_view gzip, std::size_t limit) {
    Inflated out;
    z_stream z{};
    // 16 + MAX_WBITS: gzip framing only (no raw or zlib streams).
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
        out.error = "cannot start zlib";
        return out;
    }
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gzip.data()));
    z.avail_in = static_cast<uInt>(std::min<std::size_t>(gzip.size(), UINT_MAX));
    char buffer[64 * 1024];
    int status = Z_OK;
    while (true) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof buffer;
        status = inflate(&z, Z_NO_FLUSH);
        std::size_t produced = sizeof buffer - z.avail_out;
        std::size_t room = limit - out.bytes.size();
        out.bytes.append(buffer, std::min(produced, room));
        if (produced > room) {
            out.cut = true;
            break;
        }
        if (status == Z_STREAM_END) {
            // Another member may follow (concatenated gzip files).
            if (z.avail_in == 0) break;
            if (inflateReset(&z) != Z_OK) {
                out.error = "damaged gzip member";
                break;
            }
            continue;
        }
        if (status != Z_OK) {
            out.error =
                z.msg ? std::string("not a valid gzip file: ") + z.msg : "not a valid gzip file";
            break;
        }
        if (z.avail_in == 0 && z.avail_out != 0) {
            out.error = "gzip file ends early (truncated)";
            break;
        }
    }
    inflateEnd(&z);
    return out;
}

}  // namespace gazette
