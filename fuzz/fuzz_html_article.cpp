// libFuzzer target: an HTML page, as FolderSource reads a .html file —
// bytes decoded to UTF-8, parsed by Gumbo, metadata and the story's text
// read, then the text rules.
//   scripts/fuzz html_article SECONDS
#include <cstddef>
#include <cstdint>
#include <string>

#include "decode.hpp"
#include "gazette/extractor.hpp"
#include "text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const gazette::Extractor extractor;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    gazette::Decoded decoded = gazette::decode_text(bytes);
    if (!decoded.error.empty()) return 0;
    gazette::Article a = extractor.extract_html(decoded.text, nullptr);
    for (const auto* field : {&a.title, &a.date, &a.body, &a.url})
        if (!gazette::text::is_valid_utf8(*field)) __builtin_trap();
    return 0;
}
