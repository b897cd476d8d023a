// One indexing run: sources -> (unchanged? skip) -> extraction -> document
// -> writer, then removal of documents whose sources are gone.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <exception>
#include <filesystem>
#include <future>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_set>

#include "gazette/indexer.hpp"
#include "gazette/version.hpp"
#include "hash.hpp"
#include "indexer_data.hpp"
#include "prepared_document.hpp"
#include "roots.hpp"
#include "site_chrome.hpp"
#include "synonyms_file.hpp"
#include "text.hpp"
#include "workers.hpp"

namespace gazette {

namespace fs = std::filesystem;

const char* to_string(Change change) noexcept {
    switch (change) {
        case Change::added:
            return "added";
        case Change::updated:
            return "updated";
        case Change::unchanged:
            return "unchanged";
        case Change::removed:
            return "removed";
        case Change::skipped:
            return "skipped";
        case Change::extracted:
            return "extracted";
    }
    return "skipped";
}

namespace {

constexpr std::string_view manifest_name = "manifest.jsonl";
// Where the index keeps the site chrome learned from the collection.
constexpr const char* site_chrome_key = "gazette.site_chrome";

// Everything besides an article's own bytes that shapes what extraction
// makes of it: the rules' version, the built-in word lists, the outlet
// registries. A change re-extracts every article.
std::uint64_t run_settings(const Extractor& extractor) {
    Hasher h;
    h.add_field(std::to_string(extraction_version));
    for (const auto& f : data::indexer_files()) h.add_field(f.name).add_field(f.text);
    for (const auto& source : extractor.registry().sources()) h.add_field(source);
    return h.digest();
}

// The run's settings plus the item's manifest overrides.
std::uint64_t item_settings(std::uint64_t run, const ArticleOverrides* o) {
    if (!o) return run;
    Hasher h;
    h.add_field(std::to_string(run)).add_field(o->url).add_field(o->title).add_field(o->date);
    for (const auto& name : o->outlets) h.add_field(name);
    return h.digest();
}

void count(IndexSummary& s, Change c) {
    switch (c) {
        case Change::added:
            ++s.added;
            break;
        case Change::updated:
            ++s.updated;
            break;
        case Change::unchanged:
            ++s.unchanged;
            break;
        case Change::removed:
            ++s.removed;
            break;
        case Change::skipped:
            ++s.skipped;
            break;
        case Change::extracted:
            ++s.extracted;
            break;
    }
}

// Same size, time and settings as when it was indexed: the file is as
// indexed and need not even be read.
bool unchanged_on_disk(const std::optional<Fingerprint>& stored, const Fingerprint& now) {
    return stored && stored->size == now.size && stored->mtime_ns == now.mtime_ns &&
           stored->settings_hash == now.settings_hash;
}

// One item on its way through a run: decided on the writing thread (listed
// as skipped? unchanged on disk?), read and extracted on a worker, written
// on the writing thread in listing order.
struct Work {
    Source* source = nullptr;
    SourceItem item;
    ItemOutcome out;
    std::optional<Fingerprint> stored;
    const ArticleOverrides* overrides = nullptr;
    bool decided = false;  // the outcome is known without reading the item
    bool touch = false;    // same content, new time: record the fingerprint
    std::unique_ptr<PreparedDocument> prepared;
    std::exception_ptr error;  // the index's trouble, rethrown on the writing thread
    std::future<void> done;
};

// Decides what it can without reading the item (writing thread).
void decide(Work& w, IndexWriter* writer, std::uint64_t settings) {
    if (!w.item.skipped.empty()) {
        w.out.change = Change::skipped;
        w.out.reason = w.item.skipped;
        w.decided = true;
        return;
    }
    w.overrides = w.source->overrides(w.item);
    w.item.fingerprint.settings_hash = item_settings(settings, w.overrides);
    if (writer) {
        w.stored = writer->fingerprint(w.item.id);
        if (unchanged_on_disk(w.stored, w.item.fingerprint)) {
            w.out.change = Change::unchanged;
            w.decided = true;
        }
    }
}

// Reads, extracts and prepares the document (any thread).
void extract_item(Work& w, bool writing, const OutletRegistry* registry, const Extractor& extractor,
                  std::mutex* read_lock) {
    SourceText text;
    if (read_lock) {
        std::lock_guard lock(*read_lock);
        text = w.source->read(w.item);
    } else {
        text = w.source->read(w.item);
    }
    ItemOutcome& out = w.out;
    out.encoding = text.encoding;
    out.note = text.note;
    if (!text.skipped.empty()) {
        out.change = Change::skipped;
        out.reason = text.skipped;
        return;
    }
    const auto& fp = w.item.fingerprint;
    if (w.stored && w.stored->content_hash == fp.content_hash && w.stored->size == fp.size &&
        w.stored->settings_hash == fp.settings_hash) {
        // Touched, not changed: remember the new time so the next run
        // need not read it.
        w.touch = true;
        out.change = Change::unchanged;
        return;
    }
    out.article = text.format == TextFormat::html ? extractor.extract_html(text.text, w.overrides)
                                                  : extractor.extract(text.text, w.overrides);
    if (out.article.body.empty() && out.article.title.empty()) {
        out.change = Change::skipped;
        out.reason = "no article text once site chrome is removed";
        return;
    }
    out.article.id = w.item.id;
    out.article.path = w.item.path;
    out.article.fingerprint = fp;
    if (!writing) {
        out.change = Change::extracted;
        return;
    }
    w.prepared = std::make_unique<PreparedDocument>(prepare_document(out.article, *registry));
    // Nothing stored under its id when it was decided, and ids are unique
    // in a run: it can be added without looking for one to replace.
    w.prepared->is_new = !w.stored;
    out.change = w.stored ? Change::updated : Change::added;
}

ItemOutcome failed(const SourceItem& item, std::string why) {
    ItemOutcome out;
    out.id = item.id;
    out.path = item.path;
    out.change = Change::skipped;
    out.reason = std::move(why);
    return out;
}

// Runs `step` for `w`; an item's own trouble (bad input, memory) makes it
// skipped with the reason, the index's trouble goes to w.error.
template <typename Step>
void guarded(Work& w, Step&& step) {
    try {
        step();
    } catch (const std::bad_alloc&) {
        w.prepared.reset();
        w.out = failed(w.item, "out of memory while extracting");
    } catch (const Error& e) {
        w.prepared.reset();
        if (e.kind() != ErrorKind::invalid_input)
            w.error = std::current_exception();  // the index's trouble, not the item's
        else
            w.out = failed(w.item, e.what());
    } catch (const std::exception& e) {
        w.prepared.reset();
        w.out = failed(w.item, fmt::format("extraction failed: {}", e.what()));
    }
}

}  // namespace

IndexSummary index_sources(const std::vector<Source*>& sources, IndexWriter* writer,
                           const Extractor& extractor, const IndexOptions& options,
                           const std::function<void(const ItemOutcome&)>& on_item) {
    auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    const std::uint64_t settings = run_settings(extractor);
    std::unordered_set<std::string> seen;
    std::vector<std::string> kept;  // folders not read: their documents stay
    std::mutex reporting;           // parts of a new index report from their threads
    auto report = [&](const ItemOutcome& o) {
        std::lock_guard lock(reporting);
        if (o.change == Change::skipped && o.id.ends_with('/')) kept.push_back(o.id);
        count(summary, o.change);
        if (on_item) on_item(o);
    };
    // Site chrome learned from the collection: the model kept in the index
    // plus this run's new and changed text files, read once before
    // extraction so that the first file already knows the menus of all.
    std::vector<std::vector<SourceItem>> listed;
    for (Source* source : sources) listed.push_back(source->list());
    if (options.on_listed) {
        std::size_t total = 0;
        for (const auto& items : listed) total += items.size();
        options.on_listed(total);
    }
    // Workers read and learn, then read and extract; this thread decides,
    // writes and reports, in listing order.
    const unsigned jobs =
        options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    std::optional<Workers> workers;
    if (jobs > 1) workers.emplace(jobs);
    std::vector<std::unique_ptr<std::mutex>> read_locks;  // sources read one item at a time
    for (Source* source : sources)
        read_locks.push_back(source->concurrent_reads() ? nullptr : std::make_unique<std::mutex>());
    auto read_copy = [&](std::size_t s, SourceItem item) {  // the listing stays as it is
        std::unique_lock<std::mutex> lock;
        if (read_locks[s]) lock = std::unique_lock(*read_locks[s]);
        return sources[s]->read(item);
    };

    SiteChrome chrome;
    if (writer) chrome = SiteChrome::parse(writer->metadata(site_chrome_key));
    const std::uint64_t known_files = chrome.files();
    // Text files (JSONL records and HTML pages need no learning) that this
    // run extracts; with too few to learn from and no model kept, none is
    // read twice.
    auto text_file = [](const SourceItem& item) {
        if (!item.skipped.empty() || item.id.find('#') != std::string::npos) return false;
        auto dot = item.id.rfind('.');
        return dot != std::string::npos && text::lower(item.id.substr(dot)) == ".txt";
    };
    std::size_t to_learn = 0;
    for (const auto& items : listed)
        to_learn += static_cast<std::size_t>(std::count_if(items.begin(), items.end(), text_file));
    if (known_files + to_learn >= SiteChrome::min_files) {
        // Which files: decided here (the index is this thread's), read and
        // learned from in parts on the workers, the parts' counts summed
        // (the same model in any order).
        std::vector<std::pair<std::size_t, const SourceItem*>> unread;
        for (std::size_t s = 0; s < sources.size(); ++s) {
            for (const SourceItem& item : listed[s]) {
                if (!text_file(item)) continue;
                try {
                    SourceItem probe = item;
                    probe.fingerprint.settings_hash =
                        item_settings(settings, sources[s]->overrides(item));
                    if (writer &&
                        unchanged_on_disk(writer->fingerprint(item.id), probe.fingerprint))
                        continue;  // unchanged: learned when it was indexed
                    unread.emplace_back(s, &item);
                } catch (const std::exception&) {
                    // The extraction pass below reports the item's trouble.
                }
            }
        }
        // Parts of 64 files, at most two per worker in flight (memory stays
        // bounded whatever the corpus size).
        constexpr std::size_t files_per_part = 64;
        auto learn_part = [&](std::size_t first, SiteChrome& into) {
            const std::size_t end = std::min(unread.size(), first + files_per_part);
            for (std::size_t i = first; i < end; ++i) {
                try {
                    SourceText text = read_copy(unread[i].first, *unread[i].second);
                    if (text.skipped.empty() && text.format == TextFormat::text)
                        into.learn(text.text);
                } catch (const std::exception&) {
                    // The extraction pass below reports the item's trouble.
                }
            }
        };
        struct Part {
            std::future<void> done;
            SiteChrome counts;
        };
        std::deque<std::unique_ptr<Part>> parts;
        struct Wait {  // should this thread throw, the workers finish first
            std::deque<std::unique_ptr<Part>>& parts;
            ~Wait() {
                for (auto& p : parts)
                    if (p->done.valid()) p->done.wait();
            }
        } wait{parts};
        auto merge_oldest = [&] {
            parts.front()->done.get();
            chrome.merge(parts.front()->counts);
            parts.pop_front();
        };
        for (std::size_t first = 0; first < unread.size(); first += files_per_part) {
            if (!workers) {
                SiteChrome counts;
                learn_part(first, counts);
                chrome.merge(counts);
                continue;
            }
            auto part = std::make_unique<Part>();
            Part* p = part.get();
            parts.push_back(std::move(part));
            p->done = workers->submit([&learn_part, first, p] { learn_part(first, p->counts); });
            if (parts.size() >= std::size_t{2} * jobs) merge_oldest();
        }
        while (!parts.empty()) merge_oldest();
    }
    Extractor learned = extractor;
    if (chrome.files() >= SiteChrome::min_files)
        learned.set_site_chrome(
            [&chrome](const std::string& line) { return chrome.is_chrome(line); });
    if (writer && chrome.files() != known_files)
        writer->set_metadata(site_chrome_key, chrome.serialize());

    // At most `window` items are in flight, which bounds memory whatever
    // the corpus size.
    const std::size_t window = jobs > 1 ? std::size_t{4} * jobs : 1;
    // The items in listing order (an id offered by an earlier source is
    // that source's).
    struct Listed {
        std::size_t source;
        SourceItem* item;
    };
    std::vector<Listed> order;
    for (std::size_t s = 0; s < sources.size(); ++s)
        for (auto& item : listed[s])
            if (seen.insert(item.id).second) order.push_back({s, &item});

    auto work_on = [&](Work& w, IndexWriter* into, std::mutex* read_lock) {
        std::string veto = options.before_item ? options.before_item(w.item) : "";
        if (!veto.empty())
            w.out = failed(w.item, std::move(veto));
        else
            guarded(w, [&] {
                extract_item(w, into != nullptr, into ? &into->registry() : nullptr, learned,
                             read_lock);
            });
        if (options.after_item) options.after_item(w.item);
    };
    auto finish = [&](Work& w, IndexWriter* into) {
        if (w.done.valid()) w.done.get();
        if (w.error) std::rethrow_exception(w.error);
        if (w.touch) into->update_source(w.item.id, w.item.path, w.item.fingerprint);
        if (w.prepared) {
            guarded(w, [&] { into->put(std::move(*w.prepared)); });
            if (w.error) std::rethrow_exception(w.error);
        }
        report(w.out);
    };
    std::atomic<bool> stopping{false};  // a part failed: the others stop early
    // Decides, writes and reports items [begin, end) of `order` into
    // `into` (null: a dry run), in order; the workers read and extract.
    auto write_items = [&](IndexWriter* into, std::size_t begin, std::size_t end) {
        std::deque<std::unique_ptr<Work>> in_flight;
        // Should this thread throw, the workers finish what they hold
        // before the items go.
        struct Drain {
            std::deque<std::unique_ptr<Work>>& items;
            ~Drain() {
                for (auto& w : items)
                    if (w->done.valid()) w->done.wait();
            }
        } drain{in_flight};
        for (std::size_t i = begin; i < end && !stopping; ++i) {
            const std::size_t s = order[i].source;
            auto w = std::make_unique<Work>();
            w->source = sources[s];
            w->item = std::move(*order[i].item);
            w->out.id = w->item.id;
            w->out.path = w->item.path;
            guarded(*w, [&] { decide(*w, into, settings); });
            if (w->error) std::rethrow_exception(w->error);
            if (!w->out.reason.empty()) w->decided = true;  // failed while deciding
            if (!w->decided) {
                std::mutex* lock = read_locks[s].get();
                if (workers)
                    w->done = workers->submit(
                        [&work_on, ptr = w.get(), into, lock] { work_on(*ptr, into, lock); });
                else
                    work_on(*w, into, lock);
            }
            in_flight.push_back(std::move(w));
            while (in_flight.size() >= window ||
                   (!in_flight.empty() && in_flight.front()->decided)) {
                finish(*in_flight.front(), into);
                in_flight.pop_front();
            }
        }
        while (!in_flight.empty()) {
            finish(*in_flight.front(), into);
            in_flight.pop_front();
        }
    };

    // A new index is written by several threads, each a contiguous part of
    // the listing into a folder of its own, joined at the end in order.
    const std::size_t per_part = std::max<std::size_t>(options.batch_size, 32);
    std::size_t writing = 1;
    if (writer && workers && writer->document_count() == 0) {
        writing = options.writers ? options.writers : std::min(jobs, 4u);
        writing = std::max<std::size_t>(1, std::min(writing, order.size() / per_part));
    }
    if (writing == 1) {
        write_items(writer, 0, order.size());
    } else {
        std::vector<std::unique_ptr<IndexWriter>> parts;  // dropped unjoined: removed
        for (std::size_t k = 1; k < writing; ++k) parts.push_back(IndexWriter::part_of(*writer, k));
        auto bound = [&](std::size_t k) { return order.size() * k / writing; };
        std::vector<std::exception_ptr> failures(writing);
        {
            std::vector<std::jthread> threads;
            for (std::size_t k = 1; k < writing; ++k)
                threads.emplace_back([&, k] {
                    try {
                        write_items(parts[k - 1].get(), bound(k), bound(k + 1));
                    } catch (...) {
                        failures[k] = std::current_exception();
                        stopping = true;
                    }
                });
            try {
                write_items(writer, 0, bound(1));
            } catch (...) {
                failures[0] = std::current_exception();
                stopping = true;
            }
        }  // joined
        for (auto& f : failures)
            if (f) std::rethrow_exception(f);
        writer->append(std::move(parts));
    }
    if (writer && options.prune) {
        std::set<std::string> scopes;
        for (Source* source : sources)
            for (auto& s : source->scopes()) scopes.insert(s);
        for (const auto& scope : scopes) {
            for (const auto& id : writer->ids(scope)) {
                if (seen.count(id)) continue;
                if (std::any_of(kept.begin(), kept.end(),
                                [&](const std::string& k) { return id.starts_with(k); }))
                    continue;     // its folder could not be read this time
                seen.insert(id);  // scopes may nest
                writer->remove(id);
                ItemOutcome out;
                out.id = id;
                out.change = Change::removed;
                report(out);
            }
        }
    }
    if (writer) {
        writer->commit();
        summary.documents = writer->document_count();
    }
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

IndexSummary index_files(const std::vector<std::string>& inputs, const IndexOptions& options,
                         const std::function<void(const ItemOutcome&)>& on_item) {
    auto started = std::chrono::steady_clock::now();
    OutletRegistry registry;
    for (const auto& f : options.registry_files) registry.load_file(f);
    Manifest manifest;
    for (const auto& f : options.manifest_files) manifest.load_file(f);
    std::vector<std::vector<std::string>> synonyms;  // read before anything is written
    for (const auto& f : options.synonym_files)
        for (auto& group : read_synonyms_file(f)) synonyms.push_back(std::move(group));

    // Every input must exist before anything is written.
    struct Input {
        fs::path folder, file;
    };
    std::vector<Input> resolved;
    std::set<std::string> manifests;
    for (const auto& input : inputs) {
        std::error_code ec;
        auto p = fs::canonical(fs::absolute(input, ec), ec);
        if (ec || !fs::exists(p, ec))
            throw Error(ErrorKind::io, fmt::format("no such file or folder: {}", input));
        Input in;
        if (fs::is_directory(p, ec)) {
            in.folder = p;
        } else {
            in.folder = p.parent_path();
            in.file = p;
        }
        auto m = in.folder / manifest_name;
        if (fs::exists(m, ec) && manifests.insert(m.string()).second)
            manifest.load_file(m.string());
        resolved.push_back(std::move(in));
    }

    Extractor extractor(registry);
    std::vector<std::string> folders;  // links may lead from one input folder into another
    for (const auto& in : resolved) folders.push_back(in.folder.string());
    std::unique_ptr<IndexWriter> writer;
    if (!options.dry_run)
        writer = std::make_unique<IndexWriter>(options.index_path, options.batch_size, registry);
    if (writer)
        for (const auto& group : synonyms) writer->add_synonyms(group);

    std::vector<std::unique_ptr<FolderSource>> owned;
    std::vector<Source*> sources;
    std::vector<std::string> moved;
    for (const auto& in : resolved) {
        Root root{folder_label(in.folder.string()), in.folder.string(), {}};
        if (writer) root = writer->attach_root(in.folder.string());
        if (!root.moved_from.empty()) {
            // The collection moved: point its documents at their new paths.
            // (Their text is unchanged; the run below re-checks each file.)
            moved.push_back(fmt::format("{} -> {}", root.moved_from, root.path));
            for (const auto& id : writer->ids(root.label + "/")) {
                auto fp = writer->fingerprint(id);
                if (fp) writer->update_source(id, root.path + id.substr(root.label.size()), *fp);
            }
        }
        owned.push_back(std::make_unique<FolderSource>(
            root.path, root.label, in.folder.string(), &manifest, in.file.string(),
            options.follow_links ? LinkPolicy::follow : LinkPolicy::inside, folders));
        sources.push_back(owned.back().get());
    }
    auto summary = index_sources(sources, writer.get(), extractor, options, on_item);
    summary.moved_roots = std::move(moved);
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace gazette
