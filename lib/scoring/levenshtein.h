// Edit distances of byte strings (normalised name tokens).
//
// Example:
//   LevenshteinDistance("kitten", "sitting");   // 3
//   OsaDistance("ca", "ac");                    // 1 (adjacent transposition)
//   CachedLevenshtein scorer("rosneft");
//   scorer.Similarity("rosnft", 0.8);           // 0.857...
//
// Algorithms:
//   * Levenshtein: the bit-vector algorithm of Myers (1999), "A fast
//     bit-vector algorithm for approximate string matching based on dynamic
//     programming", in the formulation of Hyyrö (2003), "A bit-vector
//     algorithm for computing Levenshtein and Damerau edit distances", for a
//     pattern of at most 64 bytes: O(|text|) word operations. When both
//     strings are longer than 64 bytes the classic two-row dynamic programme
//     (Wagner-Fischer 1974) is used instead of Myers' multi-word blocks
//     (names never get there).
//   * Optimal string alignment (restricted Damerau-Levenshtein: adjacent
//     transpositions cost 1, but no substring is edited twice): Hyyrö (2003),
//     the transposition extension of the same bit vectors; same fallback.
// Departures: the one-shot functions first strip the common prefix and
// suffix (this never changes a distance); the bounded variants stop early
// once the distance is provably above the bound, instead of using Hyyrö's
// banded formulation.
//
// Thread safety: free functions are pure; `CachedLevenshtein` is immutable
// after construction and safe for concurrent use.
#ifndef PARTYSCREEN_LIB_SCORING_LEVENSHTEIN_H_
#define PARTYSCREEN_LIB_SCORING_LEVENSHTEIN_H_

#include <string>

#include "absl/strings/string_view.h"
#include "lib/scoring/pattern_match.h"

namespace partyscreen::internal {

// Returns the Levenshtein distance (unit-cost insertions, deletions,
// substitutions) between `a` and `b`. No errors.
int LevenshteinDistance(absl::string_view a, absl::string_view b);

// Returns `LevenshteinDistance(a, b)` when it is at most `max`, otherwise
// `max + 1` (possibly without computing the exact distance). A negative
// `max` counts as 0. No errors.
int LevenshteinDistanceBounded(absl::string_view a, absl::string_view b,
                               int max);

// Returns the optimal-string-alignment distance: Levenshtein plus adjacent
// transpositions ("ab" -> "ba") at cost 1, each substring edited at most
// once. No errors.
int OsaDistance(absl::string_view a, absl::string_view b);

// Returns 1 - LevenshteinDistance(a, b) / max(|a|, |b|), in [0, 1]; two empty
// strings give 1. No errors.
double LevenshteinSimilarity(absl::string_view a, absl::string_view b);

// Returns 1 - OsaDistance(a, b) / max(|a|, |b|), in [0, 1]; two empty strings
// give 1. No errors.
double OsaSimilarity(absl::string_view a, absl::string_view b);

// Reference implementations: the full (|a|+1) x (|b|+1) dynamic programme.
// Slow; for tests and fuzzers only.
int LevenshteinDistanceNaive(absl::string_view a, absl::string_view b);
int OsaDistanceNaive(absl::string_view a, absl::string_view b);

// A Levenshtein scorer for one fixed string (the query token) compared with
// many others, after rapidfuzz's `CachedLevenshtein`: the pattern's position
// masks are built once, so each comparison is a single pass over the other
// string. Create one per query token with the constructor; it copies the
// pattern. About 2 KiB.
//
// Thread safety: immutable after construction; safe for concurrent use.
class CachedLevenshtein {
 public:
  explicit CachedLevenshtein(absl::string_view pattern);

  // Returns `LevenshteinDistance(pattern, b)`. No errors.
  int Distance(absl::string_view b) const;

  // Returns the distance when it is at most `max`, else `max + 1`. Exits
  // early (length difference, or the running score minus the remaining
  // characters exceeding `max`). No errors.
  int DistanceBounded(absl::string_view b, int max) const;

  // Returns `LevenshteinSimilarity(pattern, b)` when it is at least
  // `score_cutoff`, else 0. The cutoff is turned into a distance bound, so
  // hopeless candidates cost a length check or a partial pass. No errors.
  double Similarity(absl::string_view b, double score_cutoff = 0.0) const;

  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  PatternMatchVector pm_;  // Valid when pattern_.size() <= 64.
};

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SCORING_LEVENSHTEIN_H_
