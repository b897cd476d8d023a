// FolderSource: the article files (.txt, .html, .htm, .html.gz; .jsonl/.ndjson, an
// article per line) under a folder.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

#include "decode.hpp"
#include "gazette/source.hpp"
#include "gzip.hpp"
#include "hash.hpp"
#include "jsonl_record.hpp"
#include "text.hpp"

namespace gazette {

namespace fs = std::filesystem;

namespace {

bool is_html(const fs::path& p) {
    auto ext = p.extension();
    if (ext == ".gz") ext = p.stem().extension();  // page.html.gz
    return ext == ".html" || ext == ".htm";
}

// A JSONL export of articles; manifest.jsonl is the collection's manifest.
bool is_jsonl(const fs::path& p) {
    auto ext = p.extension();
    return (ext == ".jsonl" || ext == ".ndjson") && p.filename() != "manifest.jsonl";
}

bool is_article(const fs::path& p) {
    return p.extension() == ".txt" || is_html(p);
}

const char* special_kind(mode_t mode) {
    if (S_ISFIFO(mode)) return "FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "socket";
    if (S_ISCHR(mode)) return "character device";
    if (S_ISBLK(mode)) return "block device";
    return nullptr;
}

bool within(const std::string& path, const std::string& folder) {
    return path == folder ||
           (path.starts_with(folder) && (folder.ends_with('/') || path[folder.size()] == '/'));
}

std::string mib(std::uintmax_t bytes) {
    return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

}  // namespace

FolderSource::FolderSource(std::string root, std::string label, std::string folder,
                           const Manifest* manifest, std::string only_file, LinkPolicy links,
                           std::vector<std::string> allowed)
    : root_(std::move(root)),
      label_(std::move(label)),
      folder_(std::move(folder)),
      only_file_(std::move(only_file)),
      manifest_(manifest),
      links_(links),
      allowed_(std::move(allowed)) {
    std::error_code ec;
    auto canonical_root = fs::canonical(root_, ec);
    allowed_.push_back(ec ? root_ : canonical_root.string());
}

FolderSource::~FolderSource() = default;

std::vector<SourceItem> FolderSource::list() {
    std::vector<SourceItem> items;
    auto id_of = [&](const fs::path& p) {
        return label_ + "/" + p.lexically_relative(root_).generic_string();
    };
    auto add_file = [&](const fs::path& p, const struct stat& st) {
        SourceItem item;
        item.id = id_of(p);
        item.path = (fs::path(root_) / p.lexically_relative(root_)).string();
        item.fingerprint.size = static_cast<std::uint64_t>(st.st_size);
        item.fingerprint.mtime_ns =
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
        items.push_back(std::move(item));
    };
    auto report = [&](const fs::path& p, std::string why, bool folder = false) {
        SourceItem item;
        item.id = id_of(p) + (folder ? "/" : "");
        item.path = p.string();
        item.skipped = std::move(why);
        items.push_back(std::move(item));
    };
    // A JSONL file: one item per line, named by the record's id or url
    // (else its line number) after the file's id: "corpus/feed.jsonl#URL".
    auto add_jsonl = [&](const fs::path& p, const struct stat& st) {
        std::ifstream in(p, std::ios::binary);
        if (!in) {
            report(p, "cannot open for reading");
            return;
        }
        const std::string file_id = id_of(p);
        const auto mtime =
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
        std::set<std::string> keys;
        std::string line;
        std::uint64_t offset = 0;
        for (std::size_t number = 1; std::getline(in, line); ++number) {
            std::uint64_t at = offset;
            offset += line.size() + 1;
            if (text::trim(line).empty()) continue;
            SourceItem item;
            item.path = (fs::path(root_) / p.lexically_relative(root_)).string();
            JsonlRecord record;
            if (line.size() > max_article_bytes)
                record.error = "line longer than the size cap";
            else
                record = parse_jsonl_record(line);
            std::string key = record.key;
            if (key.empty() || !keys.insert(key).second) key = fmt::format("line-{}", number);
            item.id = file_id + "#" + key;
            if (!record.error.empty()) {
                item.skipped = fmt::format("line {}: {}", number, record.error);
            } else {
                item.fingerprint.size = line.size();
                item.fingerprint.mtime_ns = mtime;
                jsonl_[item.id] = {at, line.size(), number, std::move(record.overrides),
                                   std::move(record.note)};
            }
            items.push_back(std::move(item));
        }
    };
    auto allowed = [&](const std::string& target) {
        return std::any_of(allowed_.begin(), allowed_.end(),
                           [&](const std::string& r) { return within(target, r); });
    };

    if (!only_file_.empty()) {
        struct stat st {};
        if (::stat(only_file_.c_str(), &st) != 0)
            report(only_file_, fmt::format("cannot read: {}", std::strerror(errno)));
        else if (const char* kind = special_kind(st.st_mode))
            report(only_file_, kind);
        else if (is_jsonl(only_file_))
            add_jsonl(only_file_, st);
        else
            add_file(only_file_, st);
        return items;
    }

    // Depth-first walk. Folders are entered once each (by device and inode),
    // so links cannot make it loop.
    std::set<std::pair<dev_t, ino_t>> entered;
    std::vector<fs::path> pending{fs::path(folder_)};
    struct stat top {};
    if (::stat(folder_.c_str(), &top) != 0)
        throw Error(ErrorKind::io,
                    fmt::format("cannot read folder {}: {}", folder_, std::strerror(errno)));
    entered.emplace(top.st_dev, top.st_ino);
    while (!pending.empty()) {
        fs::path dir = std::move(pending.back());
        pending.pop_back();
        std::error_code ec;
        fs::directory_iterator it(dir, ec), end;
        if (ec) {
            if (dir == fs::path(folder_))
                throw Error(ErrorKind::io,
                            fmt::format("cannot read folder {}: {}", folder_, ec.message()));
            report(dir, fmt::format("folder not read: {}", ec.message()), true);
            continue;
        }
        for (; it != end; it.increment(ec)) {
            if (ec) {
                report(dir, fmt::format("folder read in part: {}", ec.message()), true);
                break;
            }
            const fs::path& p = it->path();
            struct stat st {};
            if (::lstat(p.c_str(), &st) != 0) continue;  // gone since listed
            if (S_ISLNK(st.st_mode)) {
                struct stat target {};
                if (::stat(p.c_str(), &target) != 0) {
                    report(p, errno == ELOOP ? "link loop" : "dangling link (its target is gone)");
                    continue;
                }
                auto resolved = fs::canonical(p, ec);
                if (ec) {
                    report(p, fmt::format("link not followed: {}", ec.message()));
                    continue;
                }
                if (links_ == LinkPolicy::inside && !allowed(resolved.string())) {
                    report(p, fmt::format("link to {}, outside the collection (--follow-links "
                                          "indexes it)",
                                          resolved.string()));
                    continue;
                }
                if (S_ISDIR(target.st_mode)) {
                    // A folder inside the collection is walked anyway; outside
                    // it, only when following every link.
                    if (links_ == LinkPolicy::follow &&
                        entered.emplace(target.st_dev, target.st_ino).second)
                        pending.push_back(p);
                } else if (const char* kind = special_kind(target.st_mode)) {
                    report(p, fmt::format("link to a {}", kind));
                } else if (S_ISREG(target.st_mode) && is_article(p)) {
                    add_file(p, target);
                    linked_.insert(items.back().id);
                } else if (S_ISREG(target.st_mode) && is_jsonl(p)) {
                    add_jsonl(p, target);
                }
                continue;
            }
            if (S_ISDIR(st.st_mode)) {
                if (entered.emplace(st.st_dev, st.st_ino).second) pending.push_back(p);
            } else if (const char* kind = special_kind(st.st_mode)) {
                report(p, kind);
            } else if (S_ISREG(st.st_mode) && is_article(p)) {
                add_file(p, st);
            } else if (S_ISREG(st.st_mode) && is_jsonl(p)) {
                add_jsonl(p, st);
            }
        }
    }
    std::sort(items.begin(), items.end(),
              [](const SourceItem& a, const SourceItem& b) { return a.id < b.id; });
    return items;
}

SourceText FolderSource::read(SourceItem& item) {
    SourceText out;
    if (auto entry = jsonl_.find(item.id); entry != jsonl_.end()) {
        const JsonlEntry& e = entry->second;
        std::ifstream in(item.path, std::ios::binary);
        std::string line(e.length, '\0');
        if (!in.seekg(static_cast<std::streamoff>(e.offset)) ||
            !in.read(line.data(), static_cast<std::streamsize>(e.length))) {
            out.skipped = fmt::format("line {}: cannot read it again (file changed?)", e.line);
            return out;
        }
        item.fingerprint.content_hash = hash64(line);
        JsonlRecord record = parse_jsonl_record(line);
        if (!record.error.empty()) {
            out.skipped = fmt::format("line {}: {}", e.line, record.error);
            return out;
        }
        out.text = std::move(record.text);
        out.format = record.format;
        out.encoding = "UTF-8";
        out.note = e.note.empty() ? std::string() : fmt::format("line {}: {}", e.line, e.note);
        return out;
    }
    // Files listed as files are opened without following a link (one put
    // in their place since does not lead out), and without blocking (a
    // FIFO put in their place is refused, not waited on).
    int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC;
    if (!linked_.count(item.id)) flags |= O_NOFOLLOW;
    int fd = ::open(item.path.c_str(), flags);
    if (fd < 0) {
        out.skipped = fmt::format("cannot open for reading: {}", std::strerror(errno));
        return out;
    }
    std::unique_ptr<int, void (*)(int*)> closer(&fd, [](int* f) { ::close(*f); });
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        out.skipped = "not a regular file";
        return out;
    }
    auto size = static_cast<std::uintmax_t>(st.st_size);
    const std::size_t want = static_cast<std::size_t>(std::min(size, max_article_bytes));
    std::string bytes(want, '\0');
    std::size_t got = 0;
    while (got < want) {
        ssize_t n = ::read(fd, bytes.data() + got, want - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            out.skipped = fmt::format("read error: {}", std::strerror(errno));
            return out;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    item.fingerprint.size = size > max_article_bytes ? size : got;
    item.fingerprint.content_hash = hash64(bytes);
    if (is_gzip_name(item.path)) {
        // A compressed page: inflated up to the same bound.
        if (size > max_article_bytes) {
            out.skipped = fmt::format("compressed file over {}", mib(max_article_bytes));
            return out;
        }
        Inflated page = gunzip(bytes, max_article_bytes);
        if (!page.error.empty()) {
            out.skipped = page.error;
            return out;
        }
        if (page.cut)
            out.note = fmt::format("truncated: only the first {} of the inflated page are indexed",
                                   mib(page.bytes.size()));
        bytes = std::move(page.bytes);
        size = bytes.size();
    }
    if (size > max_article_bytes) {
        // Cut at the last line end, so no line is indexed in part.
        auto nl = bytes.rfind('\n');
        if (nl != std::string::npos && nl > bytes.size() / 2) bytes.resize(nl + 1);
        out.note = fmt::format("truncated: only the first {} of {} are indexed", mib(bytes.size()),
                               mib(size));
    }
    Decoded decoded = decode_text(bytes);
    if (!decoded.error.empty()) {
        out.skipped = std::move(decoded.error);
        return out;
    }
    out.encoding = std::move(decoded.encoding);
    if (decoded.text.find_first_not_of(" \t\r\n") == std::string::npos) {
        out.skipped = "empty file";
        return out;
    }
    out.text = std::move(decoded.text);
    if (is_html(item.path)) out.format = TextFormat::html;
    return out;
}

const ArticleOverrides* FolderSource::overrides(const SourceItem& item) const {
    if (auto e = jsonl_.find(item.id); e != jsonl_.end()) return &e->second.overrides;
    if (!manifest_ || manifest_->size() == 0) return nullptr;
    std::error_code ec;
    auto canonical = fs::weakly_canonical(item.path, ec);
    return manifest_->find(ec ? item.path : canonical.string());
}

std::vector<std::string> FolderSource::scopes() const {
    if (!only_file_.empty()) return {};
    auto rel = fs::path(folder_).lexically_relative(root_).generic_string();
    if (rel.empty() || rel == ".") return {label_ + "/"};
    return {label_ + "/" + rel + "/"};
}

std::string FolderSource::description() const {
    return only_file_.empty() ? fmt::format("folder {}", folder_)
                              : fmt::format("file {}", only_file_);
}

}  // namespace gazette
