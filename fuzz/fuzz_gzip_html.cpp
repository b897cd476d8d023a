// libFuzzer target: a .html.gz file, as FolderSource reads one — inflated
// with a bound on the output, decoded, read as HTML.
//   scripts/fuzz gzip_html SECONDS
#include <cstddef>
#include <cstdint>
#include <string>

#include "decode.hpp"
#include "gazette/extractor.hpp"
#include "gzip.hpp"
#include "text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const gazette::Extractor extractor;
    constexpr std::size_t limit = 1 << 20;
    gazette::Inflated page =
        gazette::gunzip(std::string_view(reinterpret_cast<const char*>(data), size), limit);
    if (page.bytes.size() > limit) __builtin_trap();
    if (!page.error.empty() && page.bytes.empty()) return 0;
    gazette::Decoded decoded = gazette::decode_text(page.bytes);
    if (!decoded.error.empty()) return 0;
    gazette::Article a = extractor.extract_html(decoded.text, nullptr);
    for (const auto* field : {&a.title, &a.date, &a.body, &a.url})
        if (!gazette::text::is_valid_utf8(*field)) __builtin_trap();
    return 0;
}
