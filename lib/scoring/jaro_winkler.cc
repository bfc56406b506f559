#include "lib/scoring/jaro_winkler.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "lib/scoring/pattern_match.h"

namespace partyscreen::internal {
namespace {

// Winkler's boost threshold: the prefix bonus applies only above it.
constexpr double kBoostThreshold = 0.7;

// Bits lo..hi (inclusive) set; requires 0 <= lo <= hi <= 63.
inline uint64_t BitRange(int lo, int hi) {
  const uint64_t upto_hi =
      hi >= 63 ? ~uint64_t{0} : (uint64_t{1} << (hi + 1)) - 1;
  return upto_hi & ~((uint64_t{1} << lo) - 1);
}

inline double JaroFormula(int m, int t, size_t la, size_t lb) {
  if (m == 0) return 0.0;
  const double md = m;
  return (md / static_cast<double>(la) + md / static_cast<double>(lb) +
          (md - t) / md) /
         3.0;
}

inline int Window(size_t la, size_t lb) {
  const int w = static_cast<int>(std::max(la, lb) / 2) - 1;
  return w < 0 ? 0 : w;
}

// Bit-parallel Jaro; requires 1 <= |b| <= 64 and |a| <= 64.
double JaroBitParallel(absl::string_view a, absl::string_view b) {
  const SparsePatternMatchVector pm(b);
  const int la = static_cast<int>(a.size());
  const int w = Window(a.size(), b.size());
  uint64_t b_flag = 0;  // matched positions of b
  uint64_t a_flag = 0;  // matched positions of a
  // The search window of a[i] is b[i - w .. i + w]: bits 0..w at i = 0,
  // growing by one bit per step until i = w, then sliding. Bits at or past
  // |b| are never set in `pm`, and bits shifted past 63 fall off.
  uint64_t bound = BitRange(0, w < 63 ? w : 63);
  for (int i = 0; i < la; ++i) {
    const uint64_t cand = pm.Get(a[i]) & bound & ~b_flag;
    if (cand != 0) {
      b_flag |= cand & (~cand + 1);  // lowest set bit: first free match
      a_flag |= uint64_t{1} << i;
    }
    bound = i < w ? (bound << 1) | 1 : bound << 1;
  }
  const int m = __builtin_popcountll(b_flag);
  if (m == 0) return 0.0;
  // Walk the matches of a and b in order; count pairs that differ.
  int half = 0;
  while (a_flag != 0) {
    const int i = __builtin_ctzll(a_flag);
    const uint64_t bbit = b_flag & (~b_flag + 1);
    if ((pm.Get(a[i]) & bbit) == 0) ++half;
    a_flag &= a_flag - 1;
    b_flag ^= bbit;
  }
  return JaroFormula(m, half / 2, a.size(), b.size());
}

// Direct scan for long strings: O(|a| * window) with match flags.
double JaroScan(absl::string_view a, absl::string_view b) {
  const size_t la = a.size(), lb = b.size();
  const int w = Window(la, lb);
  std::vector<char> a_match(la, 0), b_match(lb, 0);
  int m = 0;
  for (size_t i = 0; i < la; ++i) {
    const size_t lo = i > static_cast<size_t>(w) ? i - w : 0;
    const size_t hi = std::min(lb, i + w + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (!b_match[j] && a[i] == b[j]) {
        a_match[i] = b_match[j] = 1;
        ++m;
        break;
      }
    }
  }
  if (m == 0) return 0.0;
  int half = 0;
  size_t k = 0;
  for (size_t i = 0; i < la; ++i) {
    if (!a_match[i]) continue;
    while (!b_match[k]) ++k;
    if (a[i] != b[k]) ++half;
    ++k;
  }
  return JaroFormula(m, half / 2, la, lb);
}

double WinklerBoost(double jaro, absl::string_view a, absl::string_view b,
                    double prefix_scale, int max_prefix) {
  if (!(jaro > kBoostThreshold)) return jaro;
  if (prefix_scale < 0) prefix_scale = 0;
  const size_t cap = max_prefix < 0 ? 0 : static_cast<size_t>(max_prefix);
  const size_t limit = std::min({cap, a.size(), b.size()});
  size_t l = 0;
  while (l < limit && a[l] == b[l]) ++l;
  const double jw = jaro + static_cast<double>(l) * prefix_scale * (1.0 - jaro);
  return jw > 1.0 ? 1.0 : jw;
}

}  // namespace

double JaroSimilarity(absl::string_view a, absl::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a == b) return 1.0;
  if (a.size() <= 64 && b.size() <= 64) return JaroBitParallel(a, b);
  return JaroScan(a, b);
}

double JaroWinklerSimilarity(absl::string_view a, absl::string_view b,
                             double prefix_scale, int max_prefix) {
  return WinklerBoost(JaroSimilarity(a, b), a, b, prefix_scale, max_prefix);
}

double JaroSimilarityNaive(absl::string_view a, absl::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const int la = static_cast<int>(a.size());
  const int lb = static_cast<int>(b.size());
  int w = std::max(la, lb) / 2 - 1;
  if (w < 0) w = 0;
  std::vector<bool> am(la, false), bm(lb, false);
  int m = 0;
  for (int i = 0; i < la; ++i) {
    for (int j = std::max(0, i - w); j <= std::min(lb - 1, i + w); ++j) {
      if (!bm[j] && a[i] == b[j]) {
        am[i] = true;
        bm[j] = true;
        ++m;
        break;
      }
    }
  }
  if (m == 0) return 0.0;
  int mismatched = 0;
  int k = 0;
  for (int i = 0; i < la; ++i) {
    if (!am[i]) continue;
    while (!bm[k]) ++k;
    if (a[i] != b[k]) ++mismatched;
    ++k;
  }
  const int t = mismatched / 2;
  return (static_cast<double>(m) / la + static_cast<double>(m) / lb +
          static_cast<double>(m - t) / m) /
         3.0;
}

double JaroWinklerSimilarityNaive(absl::string_view a, absl::string_view b,
                                  double prefix_scale, int max_prefix) {
  const double jaro = JaroSimilarityNaive(a, b);
  if (!(jaro > kBoostThreshold)) return jaro;
  int l = 0;
  while (l < max_prefix && l < static_cast<int>(a.size()) &&
         l < static_cast<int>(b.size()) && a[l] == b[l]) {
    ++l;
  }
  const double p = prefix_scale < 0 ? 0 : prefix_scale;
  return std::min(1.0, jaro + l * p * (1.0 - jaro));
}

}  // namespace partyscreen::internal
