#include "decode.hpp"

#include <fmt/format.h>
#include <iconv.h>
#include <uchardet/uchardet.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "text.hpp"

namespace gazette {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// How much of a file uchardet sees: enough to tell, cheap on big files.
constexpr std::size_t detect_bytes = 256 * 1024;

struct Bom {
    std::string_view mark;
    const char* encoding;
};
// Longest first: the UTF-32LE mark begins with the UTF-16LE one.
constexpr Bom boms[] = {
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {"\xEF\xBB\xBF", "UTF-8"},
    {"\xFE\xFF", "UTF-16BE"},
    {"\xFF\xFE", "UTF-16LE"},
};

// UTF-16/32 without a mark: mostly-ASCII text in them has zero bytes in
// fixed places ("a\0b\0" is UTF-16LE). Looks at the first 4 KiB.
const char* wide_without_bom(std::string_view b) {
    std::size_t n = std::min<std::size_t>(b.size(), 4096) & ~std::size_t{3};
    if (n < 8) return nullptr;
    std::size_t zero[4] = {0, 0, 0, 0};
    for (std::size_t i = 0; i < n; ++i)
        if (b[i] == '\0') ++zero[i % 4];
    std::size_t quarter = n / 4;
    auto most = [&](std::size_t z) { return z * 10 >= quarter * 7; };  // >= 70% zero
    auto few = [&](std::size_t z) { return z * 10 <= quarter; };       // <= 10% zero
    if (few(zero[0]) && most(zero[1]) && most(zero[2]) && most(zero[3])) return "UTF-32LE";
    if (most(zero[0]) && most(zero[1]) && most(zero[2]) && few(zero[3])) return "UTF-32BE";
    if (few(zero[0]) && few(zero[2]) && most(zero[1]) && most(zero[3])) return "UTF-16LE";
    if (most(zero[0]) && most(zero[2]) && few(zero[1]) && few(zero[3])) return "UTF-16BE";
    return nullptr;
}

std::string detect(std::string_view b) {
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> ud(uchardet_new(),
                                                                                uchardet_delete);
    if (!ud) return {};
    auto n = std::min(b.size(), detect_bytes);
    if (uchardet_handle_data(ud.get(), b.data(), n) != 0) return {};
    uchardet_data_end(ud.get());
    const char* name = uchardet_get_charset(ud.get());
    return name ? name : "";
}

// Converts with iconv; bytes invalid in `from` become U+FFFD, counted in
// `invalid`. An unfinished sequence at the end counts as one.
bool convert(std::string_view in, const char* from, std::string& out, std::size_t& invalid) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    out.clear();
    out.reserve(in.size() + in.size() / 2);
    char* src = const_cast<char*>(in.data());
    std::size_t left = in.size();
    char buffer[16384];
    while (left > 0) {
        char* dst = buffer;
        std::size_t room = sizeof buffer;
        std::size_t r = iconv(cd, &src, &left, &dst, &room);
        out.append(buffer, static_cast<std::size_t>(dst - buffer));
        if (r != static_cast<std::size_t>(-1)) continue;
        if (errno == E2BIG) continue;
        // EILSEQ (invalid here) or EINVAL (cut short at the end): skip a
        // unit and mark it. Wide encodings skip a whole code unit.
        std::size_t unit = std::strstr(from, "32") ? 4 : std::strstr(from, "16") ? 2 : 1;
        std::size_t skip = std::min(unit, left);
        src += skip;
        left -= skip;
        out += replacement;
        ++invalid;
    }
    iconv_close(cd);
    return true;
}

// UTF-8 with bad bytes: each byte that starts no valid character becomes
// U+FFFD (iconv's UTF-8 reader is not strict: it passes 5-byte forms).
void repair_utf8(std::string_view in, std::string& out, std::size_t& invalid) {
    out.clear();
    out.reserve(in.size());
    while (!in.empty()) {
        std::size_t ok = text::valid_utf8_prefix(in);
        out.append(in.substr(0, ok));
        if (ok == in.size()) break;
        out += replacement;
        ++invalid;
        in.remove_prefix(ok + 1);
    }
}

}  // namespace

Decoded decode_text(std::string_view bytes) {
    Decoded d;
    std::string_view body = bytes;
    const char* encoding = nullptr;
    for (const auto& bom : boms) {
        if (bytes.starts_with(bom.mark)) {
            encoding = bom.encoding;
            body.remove_prefix(bom.mark.size());
            break;
        }
    }
    if (!encoding) encoding = wide_without_bom(bytes);
    std::string detected;
    if (!encoding) {
        if (bytes.find('\0') != std::string_view::npos) {
            d.error = "binary file (contains NUL bytes)";
            return d;
        }
        if (text::is_valid_utf8(bytes)) {
            d.encoding = "UTF-8";
            d.text.assign(bytes);
            return d;
        }
        detected = detect(bytes);
        // Latin-1 and unknown single-byte text: read as Windows-1252, which
        // agrees with Latin-1 except that 0x80-0x9F are quotes and dashes
        // instead of control characters.
        if (detected.empty() || detected == "ASCII" || detected == "ISO-8859-1" ||
            detected == "UTF-8")
            detected = "WINDOWS-1252";
        encoding = detected.c_str();
    }
    d.encoding = encoding;
    std::size_t invalid = 0;
    if (d.encoding == "UTF-8") {
        repair_utf8(body, d.text, invalid);  // a UTF-8 mark before bad bytes
    } else if (!convert(body, encoding, d.text, invalid)) {
        // A name uchardet gives that iconv does not know: the usual guess.
        d.encoding = "WINDOWS-1252";
        invalid = 0;
        convert(body, d.encoding.c_str(), d.text, invalid);
    }
    if (invalid > 0 && static_cast<double>(invalid) >
                           max_undecodable_share * static_cast<double>(body.size()) + 1) {
        d.error = fmt::format("undecodable: {} of {} bytes are invalid as {}", invalid, body.size(),
                              d.encoding);
        d.text.clear();
        return d;
    }
    if (!text::is_valid_utf8(d.text)) {  // whatever iconv let through
        std::string converted = std::move(d.text);
        repair_utf8(converted, d.text, invalid);
    }
    if (d.text.find('\0') != std::string::npos) {
        d.error = fmt::format("binary file (NUL characters once read as {})", d.encoding);
        d.text.clear();
        return d;
    }
    return d;
}

}  // namespace gazette
