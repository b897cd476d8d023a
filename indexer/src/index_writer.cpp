// IndexWriter: Documents in and out of a Xapian database, in batches; the
// root registry in its metadata. The document layout is schema.hpp's,
// written by document_terms.cpp.
#include "gazette/index_writer.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "acronyms.hpp"
#include "database.hpp"
#include "document_terms.hpp"
#include "errors.hpp"
#include "near_duplicates.hpp"
#include "prepared_document.hpp"
#include "record.hpp"
#include "roots.hpp"
#include "schema.hpp"
#include "text.hpp"
#include "word_links.hpp"

namespace gazette {

namespace {

// The folder an index at `path` is written to (stubs and links followed),
// absolute, without a trailing separator: a name the folders beside it
// can extend.
std::filesystem::path index_folder(const std::string& path) {
    // A link to the folder: the folder itself is replaced, not the link.
    auto folder = std::filesystem::weakly_canonical(
        std::filesystem::absolute(database::writable_folder(path)));
    if (folder.filename().empty()) folder = folder.parent_path();
    return folder;
}

// Removes what a killed build left beside the index at `folder`: parts
// (".gazette-part" + a number) and a joined copy never put in place. An
// index put aside (".gazette-old") stays: it may be the only copy.
void remove_leftovers(const std::filesystem::path& folder) {
    std::error_code ec;
    const std::string name = folder.filename().string();
    for (const auto& entry : std::filesystem::directory_iterator(folder.parent_path(), ec)) {
        const std::string other = entry.path().filename().string();
        if (!other.starts_with(name + ".gazette-")) continue;
        const std::string rest = other.substr(name.size() + 9);
        const bool part =
            rest.starts_with("part") && rest.size() > 4 &&
            std::all_of(rest.begin() + 4, rest.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (part || rest == "joined") std::filesystem::remove_all(entry.path(), ec);
    }
}

/// Most aliases kept for one word or phrase ("us" is many things).
constexpr std::size_t max_aliases = 5;

}  // namespace

struct IndexWriter::Impl {
    std::string path;
    Xapian::WritableDatabase db;
    OutletRegistry registry;
    std::size_t batch_size = 500;
    std::size_t pending = 0;
    RootRegistry roots;
    bool roots_changed = false;
    bool vocabulary_changed = false;      // documents added since the last link sync
    std::set<std::string> alias_checked;  // "key\x1fvalue" pairs already in the table
    // Spelling words of the documents put since the last commit, with how
    // often they occur: written to the spelling table once per batch.
    std::unordered_map<std::string, Xapian::termcount> spellings;
    // A part of a build (part_of): its acronyms wait for append() to write
    // them in document order, after those of the parts before it.
    bool part = false;
    std::vector<AcronymPair> deferred_aliases;
    bool closed = false;  // appended to another writer

    // Records `value` as an alias of `key` (lower-case words) unless the
    // key has it or already has max_aliases.
    void add_alias(const std::string& key, const std::string& value) {
        if (key.empty() || value.empty() || key == value) return;
        if (!alias_checked.insert(key + '\x1f' + value).second) return;
        std::string k(schema::synonym::alias);
        k += key;
        std::size_t n = 0;
        for (auto it = db.synonyms_begin(k); it != db.synonyms_end(k); ++it, ++n)
            if (*it == value) return;
        if (n < max_aliases) db.add_synonym(k, value);
    }

    // For every stem the collection holds, its other spellings and family
    // members point at it in the synonym table: a query word (held or not)
    // finds the linked stems that are held. Never removed: a link to a word
    // no article has any more costs nothing. Only stems the documents put
    // since the last sync brought are looked at (the first sync of a
    // writer looks at all, as the index may hold stems never synced).
    std::unordered_set<std::string> linked;   // stems whose links are recorded
    std::unordered_set<std::string> to_link;  // stems of documents put since
    bool first_sync = true;

    void note_stems(const std::vector<std::string>& stems) {
        for (const auto& stem : stems)
            if (!linked.count(stem)) to_link.insert(stem);
    }

    void sync_links() {
        if (!vocabulary_changed && !first_sync) return;
        auto link = [&](const std::string& stem, const StemLinkMap& links, std::string_view kind) {
            auto it = links.find(stem);
            if (it == links.end()) return;
            for (const auto& other : it->second) {
                std::string key(kind);
                key += other;
                bool have = false;
                for (auto s = db.synonyms_begin(key); s != db.synonyms_end(key) && !have; ++s)
                    have = *s == stem;
                if (!have) db.add_synonym(key, stem);
            }
        };
        auto sync = [&](const std::string& stem) {
            if (linked.count(stem) || !db.term_exists(stem)) return;
            linked.insert(stem);
            link(stem, spelling_links(), schema::synonym::variant);
            link(stem, family_links(), schema::synonym::family);
        };
        if (first_sync) {
            for (const auto* links : {&spelling_links(), &family_links()})
                for (const auto& entry : *links) sync(entry.first);
            first_sync = false;
        } else {
            for (const auto& stem : to_link) sync(stem);
        }
        to_link.clear();
        vocabulary_changed = false;
    }

    // Most candidate copies compared per article.
    static constexpr std::size_t max_copy_candidates = 50;

    // The copy group for an article with `sig` (its own id when no earlier
    // article is a near-duplicate): the group of the most similar one.
    // With `before`, only articles numbered below it are compared (those
    // written before it in a new index).
    std::string copy_group(const std::string& id, const Signature& sig,
                           const std::vector<std::string>& bands, Xapian::docid before = 0) const {
        Xapian::docid self = docid_of(id);
        std::set<Xapian::docid> candidates;
        for (const auto& band : bands) {
            for (auto p = db.postlist_begin(band); p != db.postlist_end(band); ++p) {
                if (before != 0 && *p >= before) break;
                if (*p != self) candidates.insert(*p);
                if (candidates.size() >= max_copy_candidates) break;
            }
        }
        std::string group = id;
        double best = copy_similarity;
        for (auto did : candidates) {
            Xapian::Document other = db.get_document(did);
            double s =
                similarity(sig, decode_signature(other.get_value(schema::slot::copy_signature)));
            std::string g = other.get_value(schema::slot::copy_group);
            if (s >= best && !g.empty()) {
                best = s;
                group = std::move(g);
            }
        }
        return group;
    }

    // Puts `doc` (article `id`) in copy group `group`, out of `old` ("":
    // none yet): the group's term and value, and the copy mark when it
    // joins another article's group.
    static void set_copy_group(Xapian::Document& doc, const std::string& id,
                               const std::string& group, const std::string& old = {}) {
        const std::string copy_term(schema::prefix::copy);
        if (!old.empty()) {
            doc.remove_term(schema::copy_group_term(old));
            if (old != id) doc.remove_term(copy_term);
        }
        doc.add_value(schema::slot::copy_group, group);
        doc.add_boolean_term(schema::copy_group_term(group));
        if (group != id) doc.add_boolean_term(copy_term);
    }

    Xapian::docid docid_of(const std::string& id) const {
        auto term = schema::id_term(id);
        auto it = db.postlist_begin(term);
        return it == db.postlist_end(term) ? 0 : *it;
    }

    // The fingerprint value of `did`, checked to belong to `id` (long ids
    // are hashed in their term).
    std::optional<Fingerprint> fingerprint_of(Xapian::docid did, const std::string& id) const {
        Fingerprint fp;
        std::string stored;
        auto value =
            db.get_document(did).get_value(schema::field_for(schema::Part::id).slot.value());
        if (!record::decode_fingerprint(value, fp, stored) || stored != id) return std::nullopt;
        return fp;
    }

    void changed() {
        if (++pending >= batch_size) commit();
    }

    void commit() {
        for (const auto& [word, freq] : spellings) db.add_spelling(word, freq);
        spellings.clear();
        if (roots_changed) db.set_metadata(std::string(schema::roots_key), roots.serialize());
        db.commit();
        roots_changed = false;
        pending = 0;
    }
};

IndexWriter::IndexWriter(const std::string& path, std::size_t batch_size, OutletRegistry registry)
    : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    impl_->registry = std::move(registry);
    impl_->batch_size = batch_size == 0 ? 1 : batch_size;
    translate_errors(path, [&] {
        impl_->db = database::open_writable(path);
        schema::check_version(impl_->db, path);
        impl_->roots = RootRegistry::parse(impl_->db.get_metadata(std::string(schema::roots_key)));
        // Holding the index's lock: no build of it is under way.
        remove_leftovers(index_folder(path));
    });
}

IndexWriter::~IndexWriter() {
    if (impl_->closed) return;
    if (impl_->part) {  // never appended: nothing of it is kept
        try {
            impl_->db.close();
        } catch (const Xapian::Error&) {
        }
        std::error_code ec;
        std::filesystem::remove_all(impl_->path, ec);
        return;
    }
    try {
        commit();  // links too
    } catch (const std::exception&) {
        // A destructor must not throw; callers who care call commit().
    }
}

void IndexWriter::put(const Document& doc) {
    put(prepare_document(doc, impl_->registry));
}

void IndexWriter::put(PreparedDocument&& p) {
    translate_errors(p.id, [&] {
        if (!p.signature.empty()) {
            auto group = impl_->copy_group(p.id, p.signature, p.bands);
            for (const auto& b : p.bands) p.xdoc.add_boolean_term(b);
            p.xdoc.add_value(schema::slot::copy_signature, encode_signature(p.signature));
            Impl::set_copy_group(p.xdoc, p.id, group);
            p.xdoc.add_boolean_term(std::string(schema::prefix::copy_seen));
        }
        impl_->note_stems(p.linked_stems);
        if (p.is_new)
            impl_->db.add_document(p.xdoc);  // no lookup of the id's term
        else
            impl_->db.replace_document(schema::id_term(p.id), p.xdoc);
        if (impl_->part) {
            for (auto& pair : p.acronyms) impl_->deferred_aliases.push_back(std::move(pair));
        } else {
            for (const auto& [acronym, long_form] : p.acronyms) {
                impl_->add_alias(acronym, long_form);
                impl_->add_alias(long_form, acronym);
            }
        }
        for (const auto& [word, freq] : p.spellings) impl_->spellings[word] += freq;
    });
    impl_->vocabulary_changed = true;
    impl_->changed();
}

const OutletRegistry& IndexWriter::registry() const {
    return impl_->registry;
}

bool IndexWriter::remove(const std::string& id) {
    bool found = translate_errors(id, [&] {
        Xapian::docid did = impl_->docid_of(id);
        if (did == 0 || !impl_->fingerprint_of(did, id)) return false;
        impl_->db.delete_document(did);
        return true;
    });
    if (found) impl_->changed();
    return found;
}

std::optional<Fingerprint> IndexWriter::fingerprint(const std::string& id) const {
    return translate_errors(id, [&]() -> std::optional<Fingerprint> {
        Xapian::docid did = impl_->docid_of(id);
        if (did == 0) return std::nullopt;
        return impl_->fingerprint_of(did, id);
    });
}

std::optional<Document> IndexWriter::document(const std::string& id) const {
    return translate_errors(id, [&]() -> std::optional<Document> {
        Xapian::docid did = impl_->docid_of(id);
        if (did == 0) return std::nullopt;
        auto fp = impl_->fingerprint_of(did, id);
        if (!fp) return std::nullopt;
        auto doc = record::decode(impl_->db.get_document(did).get_data());
        doc.fingerprint = *fp;
        return doc;
    });
}

std::vector<std::string> IndexWriter::ids(std::string_view prefix) const {
    return translate_errors(impl_->path, [&] {
        std::vector<std::string> out;
        // Id terms are "Q" + id, so a prefix of the id is a prefix of the
        // term; a hashed (long) id is read back from its fingerprint value.
        auto id_prefix = schema::id_term(prefix);
        const unsigned slot = schema::field_for(schema::Part::id).slot.value();
        for (auto t = impl_->db.allterms_begin(id_prefix); t != impl_->db.allterms_end(id_prefix);
             ++t) {
            const std::string& term = *t;
            // Shorter than the limit: not hashed, the id is the term's tail.
            if (term.size() < schema::max_term_bytes) {
                out.push_back(term.substr(schema::prefix::unique_id.size()));
                continue;
            }
            auto p = impl_->db.postlist_begin(term);
            if (p == impl_->db.postlist_end(term)) continue;
            Fingerprint fp;
            std::string id;
            if (!record::decode_fingerprint(impl_->db.get_document(*p).get_value(slot), fp, id))
                continue;
            if (id.starts_with(prefix)) out.push_back(std::move(id));
        }
        std::sort(out.begin(), out.end());
        return out;
    });
}

bool IndexWriter::update_source(const std::string& id, const std::string& path,
                                const Fingerprint& fingerprint) {
    bool found = translate_errors(id, [&] {
        Xapian::docid did = impl_->docid_of(id);
        if (did == 0 || !impl_->fingerprint_of(did, id)) return false;
        // Only data and a value change: Xapian leaves the terms of a document
        // it read back untouched, so this costs far less than a re-index.
        Xapian::Document xdoc = impl_->db.get_document(did);
        auto doc = record::decode(xdoc.get_data());
        doc.path = path;
        xdoc.set_data(record::encode(doc));
        xdoc.add_value(schema::field_for(schema::Part::id).slot.value(),
                       record::encode_fingerprint(fingerprint, id));
        impl_->db.replace_document(did, xdoc);
        return true;
    });
    if (found) impl_->changed();
    return found;
}

Root IndexWriter::attach_root(const std::string& folder) {
    auto exists = [](const std::string& p) {
        std::error_code ec;
        return std::filesystem::exists(p, ec);
    };
    auto before = impl_->roots.serialize();
    Root root = impl_->roots.attach(folder, +exists);
    if (impl_->roots.serialize() != before) impl_->roots_changed = true;
    return root;
}

std::string IndexWriter::metadata(const std::string& key) const {
    return impl_->db.get_metadata(key);
}

void IndexWriter::set_metadata(const std::string& key, const std::string& value) {
    impl_->db.set_metadata(key, value);
}

void IndexWriter::add_synonyms(const std::vector<std::string>& group) {
    std::vector<std::string> names;
    for (const auto& g : group)
        if (auto n = text::normalize_name(g); !n.empty()) names.push_back(std::move(n));
    translate_errors(impl_->path, [&] {
        for (const auto& a : names)
            for (const auto& b : names) impl_->add_alias(a, b);
    });
}

void IndexWriter::commit() {
    translate_errors(impl_->path, [&] {
        impl_->sync_links();
        impl_->commit();
    });
}

std::size_t IndexWriter::document_count() const {
    return impl_->db.get_doccount();
}

std::unique_ptr<IndexWriter> IndexWriter::part_of(const IndexWriter& whole, std::size_t number) {
    const std::string path =
        translate_errors(whole.impl_->path, [&] { return index_folder(whole.impl_->path); })
            .string() +
        ".gazette-part" + std::to_string(number);
    std::error_code ec;
    std::filesystem::remove_all(path, ec);  // left by a run that was killed
    if (ec)
        throw Error(ErrorKind::io, fmt::format("cannot remove {} (left by an earlier run): {}",
                                               path, ec.message()));
    auto part = std::make_unique<IndexWriter>(path, whole.impl_->batch_size, whole.impl_->registry);
    part->impl_->part = true;
    return part;
}

void IndexWriter::append(std::vector<std::unique_ptr<IndexWriter>> parts) {
    if (parts.empty()) return;
    namespace fs = std::filesystem;
    Impl& me = *impl_;
    translate_errors(me.path, [&] {
        commit();
        std::vector<std::string> folders;
        std::vector<AcronymPair> aliases;
        Xapian::doccount appended = 0;  // the parts' articles come last, without gaps
        for (auto& part : parts) {
            part->commit();
            appended += part->impl_->db.get_doccount();
            part->impl_->db.close();
            part->impl_->closed = true;
            folders.push_back(part->impl_->path);
            for (auto& pair : part->impl_->deferred_aliases) aliases.push_back(std::move(pair));
        }
        // Xapian's compaction writes the parts after this index, numbered
        // on from its last document, into a new folder that then takes
        // this one's place. Where that cannot be done (the folder cannot
        // be renamed: a mount point, a parent folder not ours), the parts'
        // documents, spelling and synonyms are copied in instead: slower,
        // the same index.
        const fs::path target = index_folder(me.path);
        const fs::path joined = target.string() + ".gazette-joined";
        const fs::path old = target.string() + ".gazette-old";
        me.db.close();
        std::error_code ec;
        fs::remove_all(joined, ec);
        fs::remove_all(old, ec);
        bool compacted = false, swapped = false;
        try {
            Xapian::Database all(target.string());
            for (const auto& f : folders) all.add_database(Xapian::Database(f));
            all.compact(joined.string());
            compacted = true;
        } catch (const Xapian::Error&) {
        } catch (const std::exception&) {
        }
        if (compacted && (fs::rename(target, old, ec), !ec)) {
            fs::rename(joined, target, ec);
            swapped = !ec;
            if (!swapped) {
                fs::rename(old, target, ec);  // as it was
                if (ec)
                    throw Error(ErrorKind::io,
                                fmt::format("cannot put {} back in its place (it is at {}): {}",
                                            target.string(), old.string(), ec.message()));
            }
        }
        if (!swapped) fs::remove_all(joined, ec);
        if (swapped) fs::remove_all(old, ec);
        me.db = database::open_writable(me.path);
        if (!swapped) {
            for (const auto& f : folders) {
                Xapian::Database part(f);
                for (auto d = part.postlist_begin(""); d != part.postlist_end(""); ++d)
                    me.db.add_document(part.get_document(*d));
                for (auto w = part.spellings_begin(); w != part.spellings_end(); ++w)
                    me.db.add_spelling(*w, w.get_termfreq());
                for (auto k = part.synonym_keys_begin(); k != part.synonym_keys_end(); ++k)
                    for (auto v = part.synonyms_begin(*k); v != part.synonyms_end(*k); ++v)
                        me.db.add_synonym(*k, *v);
            }
        }
        for (const auto& f : folders) fs::remove_all(f, ec);
        me.roots = RootRegistry::parse(me.db.get_metadata(std::string(schema::roots_key)));
        // What put() did per article that needs the whole index: the
        // parts' acronyms, in order, and each appended article's copy
        // group among the articles before it.
        for (const auto& [acronym, long_form] : aliases) {
            me.add_alias(acronym, long_form);
            me.add_alias(long_form, acronym);
        }
        const Xapian::docid last = me.db.get_lastdocid();
        for (Xapian::docid did = last - appended + 1; did <= last; ++did) {
            Xapian::Document doc;
            try {
                doc = me.db.get_document(did);
            } catch (const Xapian::DocNotFoundError&) {
                continue;
            }
            const std::string stored = doc.get_value(schema::slot::copy_group);
            const Signature sig = decode_signature(doc.get_value(schema::slot::copy_signature));
            if (stored.empty() || sig.empty()) continue;
            Fingerprint fp;
            std::string id;
            if (!record::decode_fingerprint(
                    doc.get_value(schema::field_for(schema::Part::id).slot.value()), fp, id))
                continue;
            const std::string group = me.copy_group(id, sig, band_terms(sig), did);
            if (group == stored) continue;
            Impl::set_copy_group(doc, id, group, stored);
            me.db.replace_document(did, doc);
        }
        me.first_sync = true;
        me.vocabulary_changed = true;
        commit();
    });
}

}  // namespace gazette
