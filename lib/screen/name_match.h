// Scoring one query name against one indexed name, and explaining it.
#ifndef PARTYSCREEN_LIB_SCREEN_NAME_MATCH_H_
#define PARTYSCREEN_LIB_SCREEN_NAME_MATCH_H_

#include <array>
#include <cstdint>
#include <limits>
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
// The query_unmatched_weight feature is capped here, so that a long query
// (an address in the name column) sharing one word with a short listed name
// cannot score high on the weight of its unmatched words.
inline constexpr double kMaxUnmatchedFeature = 1.0;
// When each side has an unmatched word of at least this weight, the names
// share words but each says something the other does not ("Arrow
// Electronics" and "Star Arrow"): the name score is capped just below the
// default alert threshold, so such a pair shows at lower min_scores but
// does not alert by default. Cost on the dev benchmark: none (recall and
// false alerts unchanged; measured with scripts/eval).
inline constexpr double kTwoSidedMismatchWeight = 0.25;
inline constexpr double kTwoSidedMismatchCap = 0.79;
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
  std::vector<std::vector<SimilarToken>> similar;  // per core token: its keys (FindSimilarTokens with_prefix)
  // Per core token: the further tokens it may pair with (FindBoundTokens),
  // which the score bounds count as keys; no name is reached through them.
  std::vector<std::vector<SimilarToken>> bound_similar;
  // Joined forms of adjacent query tokens that are vocabulary tokens
  // ("sense time" → "sensetime"): (first query token index, vocab id).
  std::vector<std::pair<int, uint32_t>> joined_similar;
  // Parts of a query word that glues two list words with a typo
  // ("intenationalbrigade", "alharamayn"): (query token index, vocab id).
  std::vector<std::pair<int, uint32_t>> split_similar;
  // The first `split_reached` entries of split_similar reach names through
  // their postings; the rest (the parts of joins by sound, below) only
  // inform the score bounds: the names holding such a join are reached
  // through `joined_sound`.
  size_t split_reached = 0;
  // Joins by sound: (query token index, id of a joined key, i.e. two
  // adjacent list words, that the word may sound like). Their names are
  // reached through joined_postings, which hold exactly the names where
  // the two words are adjacent, rather than through the postings of each
  // word (common words such as "al" are in thousands of names).
  std::vector<std::pair<int, uint32_t>> joined_sound;
  NameKindHint hint = NameKindHint::kUnknown;
  bool latin = true;  // the query was written in Latin script
  // A Chinese-script name with organisation terms: its terms are
  // translated and its other characters give their exact pinyin. The score
  // model's non-Latin terms (x16-x18: a transliteration loses letters, and
  // the model lifts its scores) apply to it only while each of its pinyin words
  // (its own name, AlignToken::pinyin) is matched: with that name
  // unmatched it covers a list name no better than a Latin query would
  // ("南京安安电子科技有限公司" is not "Nanjing Electronics Technology
  // Institute", as "Nanjing Anan Electronics Technology" is not). The
  // score bounds assume the terms apply to every non-Latin query.
  bool han_organisation = false;
  bool loose = false;  // ... in a script that does not write short vowels (Arabic, Hebrew)
  bool syllabic = false;  // ... in Han, Hangul or kana (TokenSimilarityOptions::phonetic_same_vowel_groups)
  // Token comparisons already made for this query (AlignName): each query
  // token meets the same few list tokens in many candidate names. A
  // QueryName is scored by one thread at a time.
  mutable TokenPairCache cache;
};

// Normalises `name` and looks its tokens up in the vocabulary. The query
// tokens are the normalised name's core words, with dotted initials of a
// name without a legal form split into one-letter tokens ("A.I."), and,
// unless the hint is kPerson, a stop word glued to a word that is no list
// word dropped when the rest is one ("ironand" -> "iron").
// kInvalidArgument if the name has no letters or digits or is not UTF-8
// (never quoting the name).
absl::StatusOr<QueryName> PrepareQueryName(const IndexData& d, absl::string_view name, NameKindHint hint);
// The same for every reading of `name` (Normalizer::NormalizeReadings):
// one QueryName per reading, the first that of PrepareQueryName.
absl::StatusOr<std::vector<QueryName>> PrepareQueryReadings(const IndexData& d, absl::string_view name,
                                                            NameKindHint hint);
// The same from an already normalised name.
absl::StatusOr<QueryName> PrepareNormalizedQuery(const IndexData& d, NormalizedName normalized, NameKindHint hint);

// The features of one aligned name pair that the name score is computed
// from (see ScoreFromFeatures). Index i of `x` is described by
// kFeatureNames[i].
inline constexpr int kNumFeatures = 19;
extern const char* const kFeatureNames[kNumFeatures];
struct NameFeatures {
  double x[kNumFeatures] = {};
  bool all_exact = false;  // every token of both sides matched exactly
  // The heaviest unmatched token of each side (0 if none).
  double query_unmatched_max = 0, list_unmatched_max = 0;
};

// The tokens of indexed name `name` with their weights and vocabulary ids.
std::vector<AlignToken> ListTokens(const IndexData& d, uint32_t name);
// The same into `out`, reusing its storage.
void FillListTokens(const IndexData& d, uint32_t name, std::vector<AlignToken>* out);

// TokenSimilarityOptions::far_lift_prefix of queries written in Latin
// script.
inline constexpr int kLatinFarLiftPrefix = 4;

// The token comparison options of query `q`: for a Latin-script query,
// phonetic equality counts 0.78 and pairs 3+ edits apart are lifted only
// when they share kLatinFarLiftPrefix first letters; loose phonetic keys
// for scripts without short vowels.
TokenSimilarityOptions QueryTokenOptions(const QueryName& q);

// Aligns the query with indexed name `name` (initials only between persons;
// token comparisons with QueryTokenOptions).
Alignment AlignName(const IndexData& d, const QueryName& q, uint32_t name,
                    const std::vector<AlignToken>& list);
// The same into `out`, reusing its vectors.
void AlignNameInto(const IndexData& d, const QueryName& q, uint32_t name,
                   const std::vector<AlignToken>& list, Alignment* out);

NameFeatures ComputeFeatures(const IndexData& d, const QueryName& q, uint32_t name,
                             const std::vector<AlignToken>& list, const Alignment& al);

// The calibrated name score: 1.0 when every token of both names matched
// exactly; otherwise a logistic model over the features, fitted on the dev
// benchmark by `partyscreen_calibrate` (README, "Calibration"), capped at
// 0.99.
// With `cap`, also says which cap lowered the score: "number_conflict",
// "two_sided_mismatch" or "" (none).
double ScoreFromFeatures(const NameFeatures& f, absl::string_view* cap = nullptr);

class QueryKeyTable;

// What NameScoreUpperBound knows about one vocabulary token for one query,
// whatever name it is in: computed on the token's first use by the query
// (QueryKeyTable memoises it), then read for every name that has it.
// Bit i of a mask is query token i (queries of at most 64 tokens).
struct TokenBound {
  uint64_t exact = 0;     // query tokens equal to it
  uint64_t similar = 0;   // query tokens that may pair with it inexactly (similarity in sims)
  uint64_t initials = 0;  // single-letter query tokens that are its initial
  double best = 0;        // its best similarity with any query token (1 if exact), initials aside
  // The query tokens it is a split key of: it pairs with them only as a
  // join with a neighbour, bounded per name (NameScoreUpperBound).
  uint64_t join_parts = 0;
  double weight = 0;      // its weight, at least 1e-6 (as ComputeFeatures)
  bool is_number = false;
  uint32_t sims = 0;      // index of its per-query-token similarities in QueryKeyTable::bound_sims()
  // Query tokens that no key pairs with it but whose lengths allow a
  // pairing (UnkeyedSimilarityBound) and that are not compared yet: in
  // `similar`, with that bound as their similarity, until a name holding
  // the token reaches the cutoff; then compared (ResolvePending).
  uint64_t pending = 0;
  double keyed_best = 0;  // `best` over the keys and compared pairs only
};

// An upper bound of ScoreName(d, q, name) that costs one pass over the
// name's token ids plus a memoised comparison of the token pairs the keys
// did not find (where their lengths allow a match; compared only when the
// name reaches the cutoff with those pairs at the bound of their lengths,
// so the value is the same either way): each feature of the
// model is bounded by what the possible pairings can reach (key tokens,
// initials, exact joins, joins and splits through split and joined keys,
// and those compared pairs), and each term of the logistic model takes its
// largest value. A split key in the name bounds its query word, itself
// and its neighbours as pairing at the joined/split factor; for a
// Latin-script query, when that reaches the cutoff, by the join the
// aligner would make of it and its neighbour (compared now, through the
// query's memo). Not covered: a join of a key
// token with its neighbour that no split key names ("fazal" ~ "fawaz" +
// "al"); score_bound_test counts them and index_recall_test compares
// screening with the exhaustive scan. Uses q.cache: one thread per
// QueryName.
//
// With `cutoff` in (0, 1): a name whose bound is below it may get 0 instead
// (the logistic is not computed for it).
double NameScoreUpperBound(const IndexData& d, const QueryName& q, const QueryKeyTable& keys, uint32_t name,
                           double cutoff = 0);

// The query tokens (bit i for token i < 32) that some word of indexed name
// `name` may pair with inexactly, by a key or not (TokenBound::similar,
// pending pairs included): what NameScoreUpperBound allows them. Memoised
// per vocabulary token in `keys`, which NameScoreUpperBound then reuses.
// Uses q.cache: one thread per QueryName.
uint32_t InexactPairings(const IndexData& d, const QueryName& q, const QueryKeyTable& keys, uint32_t name);

// A looser, cheaper bound than NameScoreUpperBound for a screen before it:
// from only which query tokens a name can match (bit i for token i, as the
// candidate keys reached it) and the name's token count, over any list
// tokens. Built once per query, used by one thread with one cutoff.
class QuerySideBound {
 public:
  QuerySideBound(const IndexData& d, const QueryName& q, const QueryKeyTable& keys);
  // False only if no name of `list_tokens` tokens of total weight
  // `list_weight` (at most the true total) whose matchable query tokens are
  // within `mask` | always() | the tokens that may pair without a key with
  // a word of the name's lengths (`list_lengths`,
  // IndexData::NameFacts::lengths, whose kDigitWord bit says whether the
  // name has a word of letters and digits; ~0u: any name; 0: none, when the
  // caller has put the tokens that do pair so in `mask`) can reach a name
  // score of `cutoff`. Of `mask`, only the tokens in `exact_mask` (a key
  // equal to the token itself reached the name) may match exactly; the
  // others only inexactly, at most as well as their inexact keys and other
  // routes allow.
  //
  // With `keyed_cover` (finite), also: the list words of the name that keys
  // reached weigh at most `keyed_cover` together, so the list weight its
  // matchable tokens can cover is at most that plus, per matchable token,
  // its allowance for words no read key names (SetKeyedCover).
  bool MayReach(uint32_t mask, uint32_t exact_mask, uint32_t list_tokens, double list_weight, double cutoff,
                uint32_t list_lengths = ~uint32_t{0},
                double keyed_cover = std::numeric_limits<double>::infinity()) const;
  // Sets, per query token, the list weight it may cover beyond the words
  // that the keys read for a name named (`keyed_cover` of MayReach): words
  // it pairs with without a key, as an initial, or as a join's neighbours,
  // and for a token in `unread` (whose keys' postings were not read: those
  // of particles) everything its keys would name. Call before
  // MayReach with a keyed cover; it resets the memo. Without it (or when
  // the query has more than 31 tokens) the keyed cover is not used.
  void SetKeyedCover(uint32_t unread);
  // Query tokens any name may match without a key reaching it (initials,
  // particles).
  uint32_t always() const { return always_; }
  // Query tokens that may pair with a list word no key names, where the
  // lengths allow it (MayReach adds them to `mask` by `list_lengths`).
  uint32_t unkeyed() const { return unkeyed_; }

 private:
  bool usable_ = false;  // at most 31 query tokens and a bounded model
  int n_ = 0;
  uint32_t always_ = 0;
  // Tokens that may pair with a list word the keys did not find, and per
  // token the list word lengths (bit min(length, 31)) where that is possible.
  uint32_t unkeyed_ = 0;
  std::vector<uint32_t> unkeyed_lengths_;        // facing words without digits
  std::vector<uint32_t> unkeyed_digit_lengths_;  // facing a letters-and-digits word too
  double base_ = 0;  // the terms that depend on neither mask nor name
  double list_coef_[2] = {};  // coefficient of list coverage, not person / person
  std::vector<double> matched_, unmatched_, sim_, chars_, exact_weight_, cover_;
  // The same terms when the token cannot match exactly (no exact key
  // reached the name).
  std::vector<double> inexact_matched_, inexact_sim_, inexact_cover_;
  std::vector<uint8_t> exact_, initial_, may_join_;
  std::vector<double> allowance_;  // SetKeyedCover; empty: none set
  // MayReach's results by mask and exact mask, less the token-count term
  // (one cutoff per query).
  struct MaskMemo {
    bool used = false;
    bool always = false;
    uint64_t masks = 0;
    double z = 0, cover = 0, cut = 0;
    double allowance = 0;  // sum of the matchable tokens' keyed-cover allowances
  };
  static constexpr int kMemoBits = 6;
  mutable std::array<MaskMemo, 1 << kMemoBits> memo_{};
};

// The name score in [0, 1] of indexed name `name` for the query.
double ScoreName(const IndexData& d, const QueryName& q, uint32_t name);

// Fills tokens and pairings of `out` for indexed name `name`.
void ExplainName(const IndexData& d, const QueryName& q, uint32_t name, Explanation* out);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SCREEN_NAME_MATCH_H_
