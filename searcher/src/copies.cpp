#include "copies.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "schema.hpp"
#include "text.hpp"

namespace gazette {

namespace {

// Most groups whose first articles are looked up by id in one query;
// past it, counting over every match is cheaper.
constexpr std::size_t max_groups_by_id = 2000;

// Runs `query` over every match, a spy on the copy group slot.
void spy_groups(Xapian::Enquire& enquire, const Xapian::Query& query,
                Xapian::ValueCountMatchSpy& spy, Xapian::doccount all) {
    enquire.clear_matchspies();
    enquire.add_matchspy(&spy);
    enquire.set_query(query);
    (void)enquire.get_mset(0, 0, all);
    enquire.clear_matchspies();
}

}  // namespace

void add_copies(const Xapian::Database& db, const Xapian::Document& doc, Hit& hit) {
    std::string group = doc.get_value(schema::slot::copy_group);
    if (group.empty()) return;
    std::string term = schema::copy_group_term(group);
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
        if (*p == doc.get_docid()) continue;
        ++hit.copies;
        std::string names = db.get_document(*p).get_value(schema::slot::outlets);
        if (names.empty()) continue;
        for (auto name : text::split(names, schema::list_separator)) {
            std::string n(name);
            if (std::find(hit.outlets.begin(), hit.outlets.end(), n) == hit.outlets.end() &&
                std::find(hit.also_in.begin(), hit.also_in.end(), n) == hit.also_in.end())
                hit.also_in.push_back(std::move(n));
        }
    }
}

Xapian::doccount collapsed_away(const Xapian::Database& db, Xapian::Enquire& enquire,
                                const Xapian::Query& query) {
    const Xapian::doccount all = db.get_doccount();
    const std::string copy_term(schema::prefix::copy);
    // Every article with a group written by a version that marks copies
    // (summed over shards, so a stub mixing older shards is caught too).
    const bool marked = db.get_termfreq(std::string(schema::prefix::copy_seen)) ==
                        db.get_value_freq(schema::slot::copy_group);
    if (marked) {
        // A group's articles are its first (whose id names the group, no
        // XCOPY term) and its copies (XCOPY, the group in their slot).
        if (db.get_termfreq(copy_term) == 0) return 0;
        Xapian::ValueCountMatchSpy copies(schema::slot::copy_group);
        spy_groups(enquire,
                   Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(copy_term)), copies,
                   all);
        std::vector<Xapian::Query> firsts;
        for (auto v = copies.values_begin(); v != copies.values_end(); ++v)
            firsts.emplace_back(schema::id_term(*v));
        if (firsts.empty()) return 0;
        if (firsts.size() <= max_groups_by_id) {
            Xapian::ValueCountMatchSpy first(schema::slot::copy_group);
            spy_groups(enquire,
                       Xapian::Query(Xapian::Query::OP_AND_NOT,
                                     Xapian::Query(Xapian::Query::OP_FILTER, query,
                                                   Xapian::Query(Xapian::Query::OP_OR,
                                                                 firsts.begin(), firsts.end())),
                                     Xapian::Query(copy_term)),
                       first, all);
            std::map<std::string, Xapian::doccount> first_matched;
            for (auto v = first.values_begin(); v != first.values_end(); ++v)
                first_matched[*v] = v.get_termfreq();
            Xapian::doccount away = 0;
            for (auto v = copies.values_begin(); v != copies.values_end(); ++v) {
                auto f = first_matched.find(*v);
                away += v.get_termfreq() + (f == first_matched.end() ? 0 : f->second) - 1;
            }
            return away;
        }
    }
    // Every match's group counted: each group's matches but one go.
    Xapian::ValueCountMatchSpy groups(schema::slot::copy_group);
    spy_groups(enquire, query, groups, all);
    Xapian::doccount away = 0;
    for (auto v = groups.values_begin(); v != groups.values_end(); ++v)
        away += v.get_termfreq() - 1;
    return away;
}

}  // namespace gazette
