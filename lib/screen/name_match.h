// Scoring one query name against one indexed name, and explaining it.
#ifndef PARTYSCREEN_LIB_SCREEN_NAME_MATCH_H_
#define PARTYSCREEN_LIB_SCREEN_NAME_MATCH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "lib/index/index_data.h"
#include "lib/scoring/aligner.h"
#include "partyscreen/normalizer.h"
#include "partyscreen/result.h"

namespace partyscreen::internal {

// Score adjustments (documented in README "Scores").
inline constexpr double kWeakAliasFactor = 0.95;   // name score x this for low-quality aliases
inline constexpr double kKindPenalty = 0.15;       // person query vs organisation, ...
inline constexpr double kDobBonus = 0.03;          // birth year within the listed range
inline constexpr double kDobPenalty = 0.15;        // birth year off by more than one year
inline constexpr double kCountryBonus = 0.02;      // country among the listed countries
inline constexpr double kCountryPenalty = 0.05;    // country not among them
inline constexpr double kIdentifierScore = 0.95;
inline constexpr double kNumberConflictCap = 0.6;  // names whose numbers differ
inline constexpr double kPersonTokenWeightFloor = 0.25;  // least weight of a person query's word   // an identical identifier lifts the score to at least this

// A vocabulary token similar to a query token.
struct SimilarToken {
  uint32_t token;     // vocabulary id
  float similarity;   // CompareTokens similarity
};

// The query, normalised once, with what candidate generation and scoring
// need.
struct QueryName {
  NormalizedName normalized;
  std::vector<AlignToken> tokens;          // core tokens with weights
  std::vector<std::string> display;        // all normalised tokens, legal forms etc. marked
  std::vector<std::vector<SimilarToken>> similar;  // per core token: similar vocabulary tokens
  // Joined forms of adjacent query tokens that are vocabulary tokens
  // ("sense time" → "sensetime"): (first query token index, vocab id).
  std::vector<std::pair<int, uint32_t>> joined_similar;
  // Parts of a query word that glues two list words with a typo
  // ("intenationalbrigade", "alharamayn"): (query token index, vocab id).
  std::vector<std::pair<int, uint32_t>> split_similar;
  NameKindHint hint = NameKindHint::kUnknown;
  bool latin = true;  // the query was written in Latin script
  bool loose = false;  // ... in a script that does not write short vowels (Arabic, Hebrew)
  // Token comparisons already made for this query (AlignName): each query
  // token meets the same few list tokens in many candidate names. A
  // QueryName is scored by one thread at a time.
  mutable TokenPairCache cache;
};

// Normalises `name` and looks its tokens up in the vocabulary.
// kInvalidArgument if the name has no letters or digits or is not UTF-8
// (never quoting the name).
absl::StatusOr<QueryName> PrepareQueryName(const IndexData& d, absl::string_view name, NameKindHint hint);

// The features of one aligned name pair that the name score is computed
// from (see ScoreFromFeatures). Index i of `x` is described by
// kFeatureNames[i].
inline constexpr int kNumFeatures = 19;
extern const char* const kFeatureNames[kNumFeatures];
struct NameFeatures {
  double x[kNumFeatures] = {};
  bool all_exact = false;  // every token of both sides matched exactly
};

// The tokens of indexed name `name` with their weights and vocabulary ids.
std::vector<AlignToken> ListTokens(const IndexData& d, uint32_t name);
// The same into `out`, reusing its storage.
void FillListTokens(const IndexData& d, uint32_t name, std::vector<AlignToken>* out);

// Aligns the query with indexed name `name` (initials only between persons;
// phonetic equality counts less for Latin-script queries).
Alignment AlignName(const IndexData& d, const QueryName& q, uint32_t name,
                    const std::vector<AlignToken>& list);

NameFeatures ComputeFeatures(const IndexData& d, const QueryName& q, uint32_t name,
                             const std::vector<AlignToken>& list, const Alignment& al);

// The calibrated name score: 1.0 when every token of both names matched
// exactly; otherwise a logistic model over the features, fitted on the dev
// benchmark by `partyscreen_calibrate` (README, "Calibration"), capped at
// 0.99.
double ScoreFromFeatures(const NameFeatures& f);

// The name score in [0, 1] of indexed name `name` for the query.
double ScoreName(const IndexData& d, const QueryName& q, uint32_t name);

// Fills tokens and pairings of `out` for indexed name `name`.
void ExplainName(const IndexData& d, const QueryName& q, uint32_t name, Explanation* out);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SCREEN_NAME_MATCH_H_
