// partyscreen/screener.h — START HERE. Screens counterparties against the
// loaded sanctions and export-control lists.
//
//   // 1. Read lists and build an index (or Index::Load a snapshot).
//   partyscreen::IndexBuilder builder;
//   builder.AddList(*partyscreen::ReadList("data/lists/us_csl/consolidated.csv"));
//   std::shared_ptr<const partyscreen::Index> index = *std::move(builder).Build();
//
//   // 2. Make a screener (cheap; share it between threads).
//   auto screener = *partyscreen::Screener::Create(index);
//
//   // 3. Screen.
//   partyscreen::Query q;
//   q.name = "Hikvision";
//   absl::StatusOr<partyscreen::ScreenResult> r = screener->Screen(q);
//   for (const partyscreen::Hit& hit : r->hits) {
//     // hit.list_id, hit.entity_id, hit.score, hit.explanation ...
//   }
//
// Scores are in [0, 1]. Identical names score 1.0 before adjustments; a hit
// at or above `kDefaultAlertThreshold` (options.h) is an alert.
//
// Thread safety: a `Screener` is immutable and safe for concurrent use.

#ifndef PARTYSCREEN_SCREENER_H_
#define PARTYSCREEN_SCREENER_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "partyscreen/index.h"
#include "partyscreen/normalizer.h"
#include "partyscreen/options.h"
#include "partyscreen/query.h"
#include "partyscreen/result.h"

namespace partyscreen {

class Screener {
 public:
  // Creates a screener over `index`. Errors: kInvalidArgument for a null
  // index or invalid options; kFailedPrecondition if the index was built with
  // other normalization data than this library's.
  static absl::StatusOr<std::unique_ptr<const Screener>> Create(
      std::shared_ptr<const Index> index, const ScreenerOptions& options = {});

  // Screens one query. Returns hits with score >= options.min_score, at most
  // options.limit, ordered by score, list id, entity id. A name with more
  // than one reading (Chinese text that can be cut or translated two ways,
  // Cyrillic organisation words transliterated or translated, abbreviated
  // generic words as written and written out ("Tech", "Technology"):
  // Normalizer::NormalizeReadings) is screened in each; an entity's score is
  // its best over the readings, and its explanation shows that reading's
  // tokens.
  // Errors: kInvalidArgument (empty name, a name with no letters or digits,
  // invalid UTF-8, a name over 64 KiB, an invalid kind/date/option — the
  // message never contains the name); kResourceExhausted if the query needs
  // more than ScreenerOptions.max_candidates names scored (never a shorter
  // list instead).
  absl::StatusOr<ScreenResult> Screen(const Query& query,
                                      const ScreenOptions& options = {}) const;

  // Screens many queries, using batch.executor when given. Result i belongs to
  // query i; each is exactly what Screen would return. Blocks until done.
  std::vector<absl::StatusOr<ScreenResult>> ScreenBatch(
      absl::Span<const Query> queries, const ScreenOptions& options = {},
      const BatchOptions& batch = {}) const;

  // The index this screener uses.
  const std::shared_ptr<const Index>& index() const { return index_; }

  ~Screener();

 private:
  Screener(std::shared_ptr<const Index> index, const ScreenerOptions& options);
  std::shared_ptr<const Index> index_;
  ScreenerOptions options_;
};

}  // namespace partyscreen

#endif  // PARTYSCREEN_SCREENER_H_
