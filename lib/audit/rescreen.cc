#include "lib/audit/rescreen.h"

#include <algorithm>
#include <map>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "lib/index/index_data.h"

namespace partyscreen::internal {
namespace {

std::string Key(absl::string_view list, absl::string_view id) { return absl::StrCat(list, "\x1f", id); }

using ChangeMap = absl::flat_hash_map<std::string, const EntityChange*>;

ChangeMap MapChanges(const std::vector<ListDiff>& diffs) {
  ChangeMap m;
  for (const auto& d : diffs) {
    for (const auto& c : d.changes) m[Key(d.list_id, c.entity_id)] = &c;
  }
  return m;
}

// Compares the hits of one query on changed entities.
std::vector<RescreenHit> Compare(const ScreenResult& old_r, const ScreenResult& new_r, const ChangeMap& changes) {
  std::map<std::string, RescreenHit> by_key;  // ordered by list, entity
  for (int side = 0; side < 2; ++side) {
    const ScreenResult& r = side == 0 ? old_r : new_r;
    for (const Hit& h : r.hits) {
      auto it = changes.find(Key(h.list_id, h.entity_id));
      if (it == changes.end()) continue;
      RescreenHit& rh = by_key[Key(h.list_id, h.entity_id)];
      rh.list_id = h.list_id;
      rh.entity_id = h.entity_id;
      if (rh.name.empty() || side == 1) rh.name = h.name;
      rh.change = it->second->type;
      rh.entity_change = it->second;
      (side == 0 ? rh.old_score : rh.new_score) = h.score;
    }
  }
  std::vector<RescreenHit> out;
  for (auto& [k, rh] : by_key) {
    if (rh.old_score < 0) rh.kind = RescreenKind::kNewAlert;
    else if (rh.new_score < 0) rh.kind = RescreenKind::kAlertGone;
    else rh.kind = RescreenKind::kListingChanged;
    out.push_back(std::move(rh));
  }
  return out;
}

absl::Status FirstError(const std::vector<absl::StatusOr<ScreenResult>>& results) {
  for (size_t i = 0; i < results.size(); ++i) {
    if (!results[i].ok()) {
      return absl::Status(results[i].status().code(), absl::StrCat("row ", i + 1, ": ", results[i].status().message()));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::string_view RescreenKindName(RescreenKind kind) {
  switch (kind) {
    case RescreenKind::kNewAlert: return "new_alert";
    case RescreenKind::kAlertGone: return "alert_gone";
    case RescreenKind::kListingChanged: return "listing_changed";
  }
  return "";
}

absl::StatusOr<std::shared_ptr<const Index>> BuildChangeIndex(std::vector<v1::EntityList> lists,
                                                              const Index& reference) {
  IndexBuilder builder;
  for (auto& l : lists) {
    if (auto s = builder.AddList(std::move(l)); !s.ok()) return s;
  }
  auto index = std::move(builder).Build();
  if (!index.ok()) return index.status();
  // The index was just built and is not shared yet: align its token
  // statistics with the reference so its scores match the full index's.
  IndexData& d = const_cast<IndexData&>((*index)->data());
  const IndexData& ref = reference.data();
  for (size_t t = 0; t < d.vocab.size(); ++t) {
    auto it = ref.vocab_ids.find(d.vocab[t]);
    if (it == ref.vocab_ids.end()) continue;
    d.weight[t] = ref.weight[it->second];
    d.doc_freq[t] = ref.doc_freq[it->second];
  }
  return index;
}

absl::StatusOr<std::vector<std::vector<RescreenHit>>> CompareFullScreenings(
    absl::Span<const Query> queries, const Screener& old_screener, const Screener& new_screener,
    const std::vector<ListDiff>& diffs, const RescreenOptions& options, const BatchOptions& batch) {
  ScreenOptions so = options.screen;
  so.limit = 0;
  auto old_r = old_screener.ScreenBatch(queries, so, batch);
  if (auto s = FirstError(old_r); !s.ok()) return s;
  auto new_r = new_screener.ScreenBatch(queries, so, batch);
  if (auto s = FirstError(new_r); !s.ok()) return s;
  ChangeMap changes = MapChanges(diffs);
  std::vector<std::vector<RescreenHit>> out(queries.size());
  for (size_t i = 0; i < queries.size(); ++i) out[i] = Compare(*old_r[i], *new_r[i], changes);
  return out;
}

absl::StatusOr<std::vector<std::vector<RescreenHit>>> Rescreen(
    absl::Span<const Query> queries, const Screener& old_screener, const Screener& new_screener,
    const std::vector<ListDiff>& diffs, const RescreenOptions& options, const BatchOptions& batch,
    RescreenStats* stats) {
  RescreenStats local;
  if (stats == nullptr) stats = &local;
  *stats = RescreenStats{};
  stats->rows = static_cast<int64_t>(queries.size());
  // The two change indexes.
  std::vector<v1::EntityList> new_side, old_side;
  for (const auto& d : diffs) {
    v1::EntityList n, o;
    const v1::EntityList* new_full = nullptr;
    const v1::EntityList* old_full = nullptr;
    for (const auto& l : new_screener.index()->lists()) if (l.source().list_id() == d.list_id) new_full = &l;
    for (const auto& l : old_screener.index()->lists()) if (l.source().list_id() == d.list_id) old_full = &l;
    if (new_full) *n.mutable_source() = new_full->source();
    if (old_full) *o.mutable_source() = old_full->source();
    for (const auto& c : d.changes) {
      if (c.new_entity != nullptr) *n.add_entities() = *c.new_entity;
      if (c.old_entity != nullptr) *o.add_entities() = *c.old_entity;
    }
    stats->changed_entities_new += n.entities_size();
    stats->changed_entities_old += o.entities_size();
    if (n.entities_size() > 0) new_side.push_back(std::move(n));
    if (o.entities_size() > 0) old_side.push_back(std::move(o));
  }
  std::vector<std::vector<RescreenHit>> out(queries.size());
  ScreenOptions pre = options.screen;
  pre.min_score = std::max(0.0, options.screen.min_score - options.prefilter_margin);
  pre.limit = 1;
  pre.explain = false;
  std::vector<char> candidate(queries.size(), 0);
  for (auto* side : {&new_side, &old_side}) {
    if (side->empty()) continue;
    auto index = BuildChangeIndex(std::move(*side), side == &new_side ? *new_screener.index() : *old_screener.index());
    if (!index.ok()) return index.status();
    auto screener = Screener::Create(*index);
    if (!screener.ok()) return screener.status();
    auto results = (*screener)->ScreenBatch(queries, pre, batch);
    if (auto s = FirstError(results); !s.ok()) return s;
    for (size_t i = 0; i < results.size(); ++i) {
      if (!results[i]->hits.empty()) candidate[i] = 1;
    }
  }
  std::vector<Query> confirm;
  std::vector<size_t> rows;
  for (size_t i = 0; i < queries.size(); ++i) {
    if (candidate[i]) {
      confirm.push_back(queries[i]);
      rows.push_back(i);
    }
  }
  stats->prefiltered_rows = static_cast<int64_t>(confirm.size());
  if (confirm.empty()) return out;
  auto full = CompareFullScreenings(confirm, old_screener, new_screener, diffs, options, batch);
  if (!full.ok()) return full.status();
  for (size_t k = 0; k < rows.size(); ++k) out[rows[k]] = std::move((*full)[k]);
  return out;
}

}  // namespace partyscreen::internal
