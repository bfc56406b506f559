// Jaro and Jaro-Winkler similarity of two byte strings (normalised name
// tokens: lower-case ASCII letters and digits, although any bytes work).
//
// Example:
//   JaroWinklerSimilarity("martha", "marhta");  // 0.9611...
//   JaroSimilarity("dwayne", "duane");          // 0.8222...
//
// Algorithm: Jaro (1989) with the prefix adjustment of Winkler (1990),
// "String Comparator Metrics and Enhanced Decision Rules in the
// Fellegi-Sunter Model of Record Linkage". Two characters match when they are
// equal and at most floor(max(|a|, |b|) / 2) - 1 positions apart; each
// character of `b` matches at most one of `a`, taken left to right (the first
// free one in the window). With m matches and t = (number of matched pairs in
// different order) / 2, rounded down as in Winkler's strcmp95:
//   jaro = (m/|a| + m/|b| + (m - t)/m) / 3          (0 when m = 0)
//   jw   = jaro + l * p * (1 - jaro)   when jaro > 0.7, else jaro
// where l is the common prefix length capped at `max_prefix` and p is
// `prefix_scale`.
//
// Departures from Winkler's strcmp95: no table of "similar" characters
// (strcmp95 gives partial credit for pairs like O/0 or I/1; the token
// comparator handles OCR homoglyphs itself), no long-string adjustment, no
// upper-casing or trimming (inputs are already normalised). The boost
// threshold 0.7 is strcmp95's. Two empty strings have similarity 1, one empty
// string 0.
//
// Implementation: when `b` has at most 64 bytes, the matching uses the
// bit-parallel formulation popularised by rapidfuzz (a bit mask of the
// positions of each character of `b`; the search window is a mask; the
// first free match is the lowest set bit), O(|a| + |b|) word operations.
// Longer strings fall back to the direct O(|a| * window) scan. Both give
// results identical to `JaroSimilarityNaive`, which tests check.
//
// Thread safety: all functions are pure and safe to call concurrently.
#ifndef PARTYSCREEN_LIB_SCORING_JARO_WINKLER_H_
#define PARTYSCREEN_LIB_SCORING_JARO_WINKLER_H_

#include "absl/strings/string_view.h"

namespace partyscreen::internal {

// Returns the Jaro similarity of `a` and `b` in [0, 1]. No errors.
double JaroSimilarity(absl::string_view a, absl::string_view b);

// Returns the Jaro-Winkler similarity of `a` and `b` in [0, 1]. `prefix_scale`
// is Winkler's p (0.1 in the paper); `max_prefix` caps the prefix length l (4
// in the paper). Out-of-range parameters are clamped: negative values count
// as 0 and the result never exceeds 1. No errors.
double JaroWinklerSimilarity(absl::string_view a, absl::string_view b,
                             double prefix_scale = 0.1, int max_prefix = 4);

// Reference implementations: a literal transcription of the definition above
// with boolean match arrays. Slow; for tests and fuzzers only.
double JaroSimilarityNaive(absl::string_view a, absl::string_view b);
double JaroWinklerSimilarityNaive(absl::string_view a, absl::string_view b,
                                  double prefix_scale = 0.1,
                                  int max_prefix = 4);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SCORING_JARO_WINKLER_H_
