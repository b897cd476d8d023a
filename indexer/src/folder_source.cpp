// FolderSource: the .txt article files under a folder.
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gazette/source.hpp"
#include "hash.hpp"

namespace gazette {

namespace fs = std::filesystem;

namespace {

bool is_article(const fs::path& p) {
    return p.extension() == ".txt";
}

}  // namespace

FolderSource::FolderSource(std::string root, std::string label, std::string folder,
                           const Manifest* manifest, std::string only_file)
    : root_(std::move(root)),
      label_(std::move(label)),
      folder_(std::move(folder)),
      only_file_(std::move(only_file)),
      manifest_(manifest) {}

FolderSource::~FolderSource() = default;

std::vector<SourceItem> FolderSource::list() {
    std::vector<fs::path> files;
    std::error_code ec;
    if (!only_file_.empty()) {
        files.emplace_back(only_file_);
    } else {
        for (fs::recursive_directory_iterator
                 it(folder_, fs::directory_options::skip_permission_denied, ec),
             end;
             it != end; it.increment(ec)) {
            if (ec) break;
            if (it->is_regular_file(ec) && is_article(it->path())) files.push_back(it->path());
        }
        if (ec)
            throw Error(ErrorKind::io,
                        fmt::format("cannot read folder {}: {}", folder_, ec.message()));
    }
    std::vector<SourceItem> items;
    items.reserve(files.size());
    for (const auto& f : files) {
        SourceItem item;
        auto rel = f.lexically_relative(root_).generic_string();
        item.id = label_ + "/" + rel;
        item.path = (fs::path(root_) / rel).string();
        struct stat st {};
        if (::stat(item.path.c_str(), &st) != 0) {
            item.skipped = fmt::format("cannot read: {}", std::strerror(errno));
        } else {
            item.fingerprint.size = static_cast<std::uint64_t>(st.st_size);
            item.fingerprint.mtime_ns =
                static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
        }
        items.push_back(std::move(item));
    }
    std::sort(items.begin(), items.end(),
              [](const SourceItem& a, const SourceItem& b) { return a.id < b.id; });
    return items;
}

SourceText FolderSource::read(SourceItem& item) {
    SourceText out;
    if (item.fingerprint.size > max_article_bytes) {
        out.skipped = fmt::format("too large for an article ({} bytes, limit {})",
                                  item.fingerprint.size, max_article_bytes);
        return out;
    }
    std::ifstream in(item.path, std::ios::binary);
    if (!in) {
        out.skipped = "cannot open for reading";
        return out;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    item.fingerprint.size = text.size();
    item.fingerprint.content_hash = hash64(text);
    if (text.find('\0') != std::string::npos) {
        out.skipped = "binary file (contains NUL bytes)";
        return out;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        out.skipped = "empty file";
        return out;
    }
    // A UTF-8 byte-order mark is not text.
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    out.text = std::move(text);
    return out;
}

const ArticleOverrides* FolderSource::overrides(const SourceItem& item) const {
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
