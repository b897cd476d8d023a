// libFuzzer target: one line of a JSONL export, as FolderSource reads it,
// then the article it holds through the extractor.
//   scripts/fuzz jsonl_record SECONDS
#include <cstddef>
#include <cstdint>
#include <string>

#include "gazette/extractor.hpp"
#include "jsonl_record.hpp"
#include "text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const gazette::Extractor extractor;
    std::string_view line(reinterpret_cast<const char*>(data), size);
    gazette::JsonlRecord r = gazette::parse_jsonl_record(line);
    if (!r.error.empty()) return 0;
    gazette::Article a = r.format == gazette::TextFormat::html
                             ? extractor.extract_html(r.text, &r.overrides)
                             : extractor.extract(r.text, &r.overrides);
    (void)a;
    return 0;
}
