#include "window_source.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_set>

namespace gazette {

namespace {

using Ranked = std::vector<std::pair<Xapian::docid, double>>;

// Xapian::Database::get_uuid of several shards: theirs, joined by ':'.
std::vector<std::string> shard_uuids(const Xapian::Database& db) {
    std::vector<std::string> uuids;
    const std::string all = db.get_uuid();
    std::size_t from = 0;
    while (from <= all.size()) {
        std::size_t colon = all.find(':', from);
        if (colon == std::string::npos) colon = all.size();
        uuids.push_back(all.substr(from, colon - from));
        from = colon + 1;
    }
    return uuids;
}

// The window's documents as the shard the matcher initialises it on
// numbers them: a database of n shards numbers shard k's document d as
// (d - 1) * n + k + 1. Leaves only: whatever calls it, next, skip_to and
// check position it on a document of the window or past the end.
class WindowSource : public Xapian::PostingSource {
  public:
    WindowSource(std::shared_ptr<const Ranked> all,
                 std::shared_ptr<const std::vector<std::string>> shards)
        : all_(std::move(all)), shards_(std::move(shards)) {}

    WindowSource* clone() const override { return new WindowSource(all_, shards_); }

    void init(const Xapian::Database& shard) override {
        mine_.clear();
        at_ = 0;
        started_ = false;
        const auto n = static_cast<Xapian::docid>(shards_->size());
        if (n == 1) {
            mine_ = *all_;
        } else {
            const auto k = static_cast<Xapian::docid>(
                std::find(shards_->begin(), shards_->end(), shard.get_uuid()) - shards_->begin());
            if (k >= n)
                throw Xapian::InvalidOperationError("a ranking window met a shard it lacks");
            for (const auto& [d, w] : *all_)
                if ((d - 1) % n == k) mine_.emplace_back((d - 1) / n + 1, w);
        }
        double most = 0;
        for (const auto& entry : mine_) most = std::max(most, entry.second);
        set_maxweight(most);
    }

    Xapian::doccount get_termfreq_min() const override { return count(); }
    Xapian::doccount get_termfreq_est() const override { return count(); }
    Xapian::doccount get_termfreq_max() const override { return count(); }

    void next(double) override {
        if (started_)
            ++at_;
        else
            started_ = true;
    }

    void skip_to(Xapian::docid did, double) override {
        started_ = true;
        if (at_ < mine_.size() && mine_[at_].first >= did) return;
        at_ = static_cast<std::size_t>(
            std::lower_bound(mine_.begin() + static_cast<std::ptrdiff_t>(at_), mine_.end(), did,
                             [](const auto& entry, Xapian::docid d) { return entry.first < d; }) -
            mine_.begin());
    }

    bool at_end() const override { return started_ && at_ >= mine_.size(); }
    Xapian::docid get_docid() const override { return mine_[at_].first; }
    double get_weight() const override { return mine_[at_].second; }
    std::string get_description() const override {
        return "RankingWindow(" + std::to_string(all_->size()) + ")";
    }

  private:
    Xapian::doccount count() const { return static_cast<Xapian::doccount>(mine_.size()); }

    std::shared_ptr<const Ranked> all_;  // ascending by document
    std::shared_ptr<const std::vector<std::string>> shards_;
    Ranked mine_;  // this shard's, ascending
    std::size_t at_ = 0;
    bool started_ = false;
};

}  // namespace

bool window_supported(const Xapian::Database& db, bool remote) {
    if (remote) return false;
    if (db.size() <= 1) return true;
    auto uuids = shard_uuids(db);
    if (uuids.size() != db.size()) return false;  // a shard without one
    std::unordered_set<std::string> distinct(uuids.begin(), uuids.end());
    return distinct.size() == uuids.size() && !distinct.count("");
}

Xapian::Query window_query(const Xapian::Database& db, Ranked ranked) {
    std::sort(ranked.begin(), ranked.end());
    auto shards = std::make_shared<const std::vector<std::string>>(
        db.size() <= 1 ? std::vector<std::string>{""} : shard_uuids(db));
    auto all = std::make_shared<const Ranked>(std::move(ranked));
    return Xapian::Query((new WindowSource(std::move(all), std::move(shards)))->release());
}

}  // namespace gazette
