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

// One way a query token can match a vocabulary token, as the candidate keys
// found it.
struct QueryKey {
  static constexpr uint8_t kExact = 1;     // the token is the query token itself
  static constexpr uint8_t kSpansNext = 2; // query tokens i and i+1 joined match it (split)
  static constexpr uint8_t kJoinPart = 4;  // it is one part of two list tokens that
                                           // query token i matches joined
  uint32_t token = 0;        // vocabulary id
  uint32_t query_index = 0;  // query token (and, with kSpansNext, the next one)
  uint8_t flags = 0;
  double similarity = 0;     // an upper bound of the pairing's similarity
};

// Every key of one query, looked up by vocabulary token: what the score
// bound (NameScoreUpperBound) knows about how a name's tokens can pair with
// the query's. Built once per query; not thread-safe (one per thread).
class QueryKeyTable {
 public:
  void Build(const IndexData& d, const QueryName& q);
  // The keys of vocabulary token `t`, as [begin, end).
  std::pair<const QueryKey*, const QueryKey*> Find(uint32_t t) const {
    if (t >= stamp_.size() || stamp_[t] != serial_) return {nullptr, nullptr};
    return {keys_.data() + begin_[t], keys_.data() + end_[t]};
  }
  // Query tokens that equal two adjacent list words joined (a joined key).
  const std::vector<uint32_t>& joined() const { return joined_; }
  // Single-letter query tokens (initials): (index, letter).
  const std::vector<std::pair<uint32_t, char>>& initials() const { return initials_; }
  // UnkeyedSimilarityBound(length of query token i, list_length, digits),
  // precomputed.
  double unkeyed_bound(uint32_t i, uint8_t list_length, bool digits) const {
    return (*unkeyed_table_)[(static_cast<size_t>(query_length_[i]) * 256 + list_length) * 2 + (digits ? 1 : 0)];
  }
  // Query token i: LetterMask of its text, and whether it holds a digit.
  uint32_t query_letters(uint32_t i) const { return query_letters_[i]; }
  bool query_digit(uint32_t i) const { return query_digit_[i] != 0; }
  // NameScoreUpperBound's per-token facts for this query (TokenBound),
  // each computed on the token's first use by the query: the memo, its
  // facts for vocabulary token `t` or nullptr, and a new entry for `t`
  // (valid until the next Add).
  // (The memo is the query's scratch: its entries may be updated in place,
  // as NameScoreUpperBound does for pending pairs.)
  TokenBound* FindBound(uint32_t t) const {
    return t < bound_slot_.size() && bound_slot_[t].first == serial_ ? &bounds_[bound_slot_[t].second] : nullptr;
  }
  TokenBound& AddBound(uint32_t t) const {
    bound_slot_[t] = {serial_, static_cast<uint32_t>(bounds_.size())};
    bounds_.emplace_back();
    return bounds_.back();
  }
  // The per-query-token similarities of the TokenBounds (TokenBound::sims
  // indexes it).
  std::vector<double>& bound_sims() const { return bound_sims_; }
  // QueryTokenOptions of the query, computed once by Build.
  const TokenSimilarityOptions& token_options() const { return token_options_; }

 private:
  std::vector<QueryKey> keys_;  // sorted by token
  std::vector<uint32_t> stamp_, begin_, end_;
  uint32_t serial_ = 0;
  std::vector<uint32_t> joined_;
  std::vector<std::pair<uint32_t, char>> initials_;
  std::vector<uint8_t> query_length_;  // per query token, capped at 255
  std::vector<uint32_t> query_letters_;
  std::vector<uint8_t> query_digit_;
  const std::vector<double>* unkeyed_table_ = nullptr;  // [query length][list length][digits]
  mutable std::vector<std::pair<uint32_t, uint32_t>> bound_slot_;  // per vocab token: (serial_, index in bounds_)
  mutable std::vector<TokenBound> bounds_;
  mutable std::vector<double> bound_sims_;
  TokenSimilarityOptions token_options_;
};

// An upper bound of CompareTokens(q, l) (as the aligner calls it) for a
// query token of length `query_length` and a list token of length
// `list_length` that neither FindSimilarTokens nor FindBoundTokens returned
// for the query token: such a pair is more edits apart than the lookups'
// budget (2 for tokens of 3+ characters; so its edit
// similarity is capped), unless a digit/letter look-alike pair
// (`digits`) gives the homoglyph similarity. With `far_lift_needs_prefix`
// (TokenSimilarityOptions::far_lift_prefix > 0), a pair 3+ edits apart is
// not lifted: the lookup finds those that share their first letters. 0 when
// it cannot reach the aligner's minimum similarity. Lengths of 255 mean
// "255 or more".
double UnkeyedSimilarityBound(size_t query_length, size_t list_length, bool digits,
                              bool far_lift_needs_prefix = false);

// The sorted, unique ids of the names to score. kResourceExhausted if more
// than `max_candidates` names would need scoring (never a silently shorter
// set).
// With `name_cutoff` > 0, names whose score bound (NameScoreUpperBound,
// times kWeakAliasFactor for weak aliases) is below it are left out: they
// cannot reach the caller's min_score. The screener passes its min_score
// less the largest bonus the query's date of birth and country can add,
// and prunes only when min_score is at least kPruneMinScore.
// With `bounds`, it receives each returned name's score bound (times
// kWeakAliasFactor for weak aliases; 1 when not pruning), in the same order.
absl::StatusOr<std::vector<uint32_t>> CollectCandidates(const IndexData& d, const QueryName& q,
                                                        int64_t max_candidates, double name_cutoff,
                                                        std::vector<double>* bounds = nullptr);

// The lowest ScreenOptions.min_score at which candidates are pruned.
inline constexpr double kPruneMinScore = 0.5;

// The vocabulary tokens similar to `token` (exact, within the edit budget of
// its length, or with the same consonant skeleton), best first.
// With `loose`, tokens with the same LooseSkeleton count too (queries in
// scripts that do not write short vowels). With `with_prefix`, followed by
// the similar tokens that share its first 4 letters yet are further apart
// (best first among themselves), and for a 2-character token its
// digit/letter look-alikes ("a1" ~ "al"): the keys of a query token, which the
// score bounds rely on (UnkeyedSimilarityBound); without, the lookup that
// decides a token's weight and whether it is a word the lists use.
std::vector<SimilarToken> FindSimilarTokens(const IndexData& d, absl::string_view token, bool loose = false,
                                            bool with_prefix = false);

// The vocabulary tokens a query token of 3 or 4 characters may pair with
// at the aligner's minimum similarity or above that FindSimilarTokens
// (with_prefix) does not return: those 2 OSA edits apart (a list word of 5
// or 6 characters) and adjacent transpositions, which its lookup (budget 1)
// misses. Names are not reached through them, but the score bounds count
// them as keys (QueryName::bound_similar), so that a pair outside both sets
// is at least 3 edits apart (UnkeyedSimilarityBound). Empty for other
// tokens. Best first.
std::vector<SimilarToken> FindBoundTokens(const IndexData& d, absl::string_view token, bool loose = false);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SCREEN_CANDIDATES_H_
