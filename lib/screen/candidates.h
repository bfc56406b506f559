// Candidate generation: the indexed names that may score high for a query,
// from its tokens' exact, fuzzy, phonetic and joined/split keys.
#ifndef PARTYSCREEN_LIB_SCREEN_CANDIDATES_H_
#define PARTYSCREEN_LIB_SCREEN_CANDIDATES_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "lib/index/index_data.h"
#include "lib/screen/name_match.h"

namespace partyscreen::internal {

// The sorted, unique ids of the names to score. kResourceExhausted if more
// than `max_candidates` names would need scoring (never a silently shorter
// set).
// With `prune`, names whose matchable tokens carry less than 35 % of the
// query's weight are left out (they score far below 0.5); the screener
// prunes only when the caller's min_score is at least kPruneMinScore.
absl::StatusOr<std::vector<uint32_t>> CollectCandidates(const IndexData& d, const QueryName& q,
                                                        int64_t max_candidates, bool prune = true);

// The lowest ScreenOptions.min_score at which candidates are pruned.
inline constexpr double kPruneMinScore = 0.5;

// The vocabulary tokens similar to `token` (exact, within the edit budget of
// its length, or with the same consonant skeleton), best first.
// With `loose`, tokens with the same LooseSkeleton count too (queries in
// scripts that do not write short vowels).
std::vector<SimilarToken> FindSimilarTokens(const IndexData& d, absl::string_view token, bool loose = false);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SCREEN_CANDIDATES_H_
