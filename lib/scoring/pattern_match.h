// Position bit masks of a short string, the table that bit-parallel string
// algorithms (Myers 1999, Hyyrö 2003, bit-parallel Jaro) look characters up
// in. For a pattern `p` of at most 64 bytes, `Get(c)` has bit `i` set exactly
// when `p[i] == c`.
//
// Two flavours:
//   * `PatternMatchVector`: a full 256-entry table, zero-initialised. Built
//     once per query by the cached scorers (about 2 KiB).
//   * `SparsePatternMatchVector`: the same lookups, but only the entries of the
//     bytes present in the pattern are written (plus a 256-bit presence set),
//     so building it costs O(|p|) instead of clearing 2 KiB. Used by the
//     one-shot functions.
//
// Example:
//   PatternMatchVector pm("abca");
//   pm.Get('a');  // 0b1001
//
// Thread safety: immutable after construction; safe for concurrent reads.
#ifndef PARTYSCREEN_LIB_SCORING_PATTERN_MATCH_H_
#define PARTYSCREEN_LIB_SCORING_PATTERN_MATCH_H_

#include <cstdint>
#include <cstring>

#include "absl/strings/string_view.h"

namespace partyscreen::internal {

// The longest pattern the single-word bit-parallel algorithms handle.
inline constexpr int kMaxBitParallelLength = 64;

// Full 256-entry position table. `s` must have at most 64 bytes; longer
// patterns keep only their first 64 positions (callers check the length).
class PatternMatchVector {
 public:
  PatternMatchVector() { std::memset(masks_, 0, sizeof(masks_)); }
  explicit PatternMatchVector(absl::string_view s) : PatternMatchVector() {
    Assign(s);
  }

  // Replaces the table with the positions of `s` (at most 64 bytes used).
  void Assign(absl::string_view s) {
    std::memset(masks_, 0, sizeof(masks_));
    const size_t n = s.size() < 64 ? s.size() : 64;
    for (size_t i = 0; i < n; ++i) {
      masks_[static_cast<unsigned char>(s[i])] |= uint64_t{1} << i;
    }
  }

  // Returns the positions of byte `c` in the pattern as a bit mask.
  uint64_t Get(unsigned char c) const { return masks_[c]; }
  uint64_t Get(char c) const { return masks_[static_cast<unsigned char>(c)]; }

 private:
  uint64_t masks_[256];
};

// Position table that is cheap to build for one comparison: only the entries
// of bytes that occur in the pattern are written.
class SparsePatternMatchVector {
 public:
  explicit SparsePatternMatchVector(absl::string_view s) {
    const size_t n = s.size() < 64 ? s.size() : 64;
    for (size_t i = 0; i < n; ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      const uint64_t bit = uint64_t{1} << (c & 63);
      if ((present_[c >> 6] & bit) == 0) {
        present_[c >> 6] |= bit;
        masks_[c] = 0;
      }
      masks_[c] |= uint64_t{1} << i;
    }
  }

  // Returns the positions of byte `c` in the pattern as a bit mask.
  uint64_t Get(unsigned char c) const {
    return (present_[c >> 6] >> (c & 63)) & 1 ? masks_[c] : 0;
  }
  uint64_t Get(char c) const { return Get(static_cast<unsigned char>(c)); }

 private:
  uint64_t present_[4] = {0, 0, 0, 0};
  uint64_t masks_[256];  // Only entries flagged in `present_` are written.
};

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SCORING_PATTERN_MATCH_H_
