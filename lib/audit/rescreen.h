// Rescreening after a list change: screen counterparties only against the
// entities that changed between two versions, and the reference (full
// screenings of both versions, compared) that it must equal.
//
// Method: the added and changed entities of NEW and the removed and changed
// entities of OLD are compiled into two small "change indexes" whose token
// weights are copied from the full indexes (so a name scores alike in
// both). Every row is pre-screened against the change indexes at
// `min_score - prefilter_margin`; only rows with a pre-hit are screened
// against the full OLD and NEW indexes, and their hits on changed entities
// compared. Rows without a pre-hit cannot have an alert on a changed entity
// unless the change index underrates a name by more than the margin; the
// test compares against the full reference on real list versions.
//
// Thread safety: the functions are thread-safe; they use `batch.executor`.
#ifndef PARTYSCREEN_LIB_AUDIT_RESCREEN_H_
#define PARTYSCREEN_LIB_AUDIT_RESCREEN_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "partyscreen/audit.h"
#include "partyscreen/screener.h"

namespace partyscreen::internal {

enum class RescreenKind { kNewAlert, kAlertGone, kListingChanged };

// "new_alert", "alert_gone", "listing_changed".
absl::string_view RescreenKindName(RescreenKind kind);

struct RescreenHit {
  RescreenKind kind = RescreenKind::kNewAlert;
  ChangeType change = ChangeType::kChanged;  // what happened to the entity
  std::string list_id;
  std::string entity_id;
  std::string name;
  double old_score = -1;  // -1: no hit in OLD
  double new_score = -1;  // -1: no hit in NEW
  const EntityChange* entity_change = nullptr;  // into the diffs given
};

struct RescreenOptions {
  // Options of the screenings (limit is ignored: every hit counts).
  ScreenOptions screen;
  // The pre-screen against the change indexes uses min_score minus this.
  // Default: 0.25.
  double prefilter_margin = 0.25;
};

struct RescreenStats {
  int64_t rows = 0;
  int64_t changed_entities_new = 0;  // added + changed, in NEW
  int64_t changed_entities_old = 0;  // removed + changed, in OLD
  int64_t prefiltered_rows = 0;      // rows screened against the full indexes
};

// An index of `lists` whose token weights (and document frequencies) are
// those of `reference` for every token `reference` knows. Errors as
// IndexBuilder::Build.
absl::StatusOr<std::shared_ptr<const Index>> BuildChangeIndex(std::vector<v1::EntityList> lists,
                                                              const Index& reference);

// Per query, the alerts that appeared, went away or whose listing changed
// between OLD and NEW, restricted to entities in `diffs` (computed from the
// lists of `old_screener` and `new_screener`, which must stay alive).
// Ordered by list id, entity id. Errors: the first failing query's status
// with its index ("row N: ...").
absl::StatusOr<std::vector<std::vector<RescreenHit>>> Rescreen(
    absl::Span<const Query> queries, const Screener& old_screener, const Screener& new_screener,
    const std::vector<ListDiff>& diffs, const RescreenOptions& options, const BatchOptions& batch,
    RescreenStats* stats);

// The reference: every query screened against the full OLD and NEW
// indexes, hits on the entities of `diffs` compared. Same output form.
absl::StatusOr<std::vector<std::vector<RescreenHit>>> CompareFullScreenings(
    absl::Span<const Query> queries, const Screener& old_screener, const Screener& new_screener,
    const std::vector<ListDiff>& diffs, const RescreenOptions& options, const BatchOptions& batch);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_AUDIT_RESCREEN_H_
