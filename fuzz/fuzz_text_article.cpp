// libFuzzer target: a text article file, as FolderSource reads it — bytes
// decoded to UTF-8 (marks, UTF-16/32, uchardet + iconv), then every
// extraction rule (layout, title, date, outlets, speakers).
//   scripts/fuzz text_article SECONDS
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
    if (!gazette::text::is_valid_utf8(decoded.text)) __builtin_trap();  // the decoder's promise
    gazette::Article a = extractor.extract(decoded.text, nullptr);
    // Whatever comes out is UTF-8 (it is indexed and shown).
    for (const auto* field : {&a.title, &a.date, &a.body})
        if (!gazette::text::is_valid_utf8(*field)) __builtin_trap();
    return 0;
}
