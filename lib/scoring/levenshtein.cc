#include "lib/scoring/levenshtein.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace partyscreen::internal {
namespace {

// Removes the common prefix and suffix of `a` and `b` (distance-neutral for
// Levenshtein and OSA alike).
inline void StripAffixes(absl::string_view& a, absl::string_view& b) {
  size_t p = 0;
  const size_t n = std::min(a.size(), b.size());
  while (p < n && a[p] == b[p]) ++p;
  a.remove_prefix(p);
  b.remove_prefix(p);
  size_t s = 0;
  const size_t n2 = std::min(a.size(), b.size());
  while (s < n2 && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
  a.remove_suffix(s);
  b.remove_suffix(s);
}

// Myers/Hyyrö Levenshtein of a pattern (1..64 bytes, masks in `pm`) against
// `text`. When `max >= 0`, returns max + 1 as soon as the final distance is
// certain to exceed `max`.
template <typename PM>
int MyersDistance(const PM& pm, int pattern_len, absl::string_view text,
                  int max) {
  uint64_t vp = ~uint64_t{0};
  uint64_t vn = 0;
  const uint64_t last = uint64_t{1} << (pattern_len - 1);
  int dist = pattern_len;
  const int n = static_cast<int>(text.size());
  for (int j = 0; j < n; ++j) {
    const uint64_t pm_j = pm.Get(text[j]);
    const uint64_t x = pm_j | vn;
    const uint64_t d0 = (((x & vp) + vp) ^ vp) | x;
    uint64_t hp = vn | ~(d0 | vp);
    uint64_t hn = vp & d0;
    dist += (hp & last) != 0;
    dist -= (hn & last) != 0;
    hp = (hp << 1) | 1;
    hn = hn << 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    if (max >= 0 && dist - (n - 1 - j) > max) return max + 1;
  }
  return dist;
}

// Hyyrö (2003) bit-parallel OSA distance; pattern 1..64 bytes.
template <typename PM>
int HyyroOsaDistance(const PM& pm, int pattern_len, absl::string_view text) {
  uint64_t vp = ~uint64_t{0};
  uint64_t vn = 0;
  uint64_t d0 = 0;
  uint64_t pm_prev = 0;
  const uint64_t last = uint64_t{1} << (pattern_len - 1);
  int dist = pattern_len;
  for (const char c : text) {
    const uint64_t pm_j = pm.Get(c);
    const uint64_t tr = (((~d0) & pm_j) << 1) & pm_prev;
    d0 = (((pm_j & vp) + vp) ^ vp) | pm_j | vn | tr;
    uint64_t hp = vn | ~(d0 | vp);
    uint64_t hn = d0 & vp;
    dist += (hp & last) != 0;
    dist -= (hn & last) != 0;
    hp = (hp << 1) | 1;
    hn = hn << 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    pm_prev = pm_j;
  }
  return dist;
}

// Two-row Wagner-Fischer; `max >= 0` enables the row-minimum early exit.
int DpDistance(absl::string_view a, absl::string_view b, int max) {
  if (a.size() < b.size()) std::swap(a, b);  // b is the shorter: row length
  const int lb = static_cast<int>(b.size());
  std::vector<int> row(lb + 1);
  for (int j = 0; j <= lb; ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    int row_min = row[0];
    for (int j = 1; j <= lb; ++j) {
      const int up = row[j];
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({up + 1, row[j - 1] + 1, diag + cost});
      diag = up;
      row_min = std::min(row_min, row[j]);
    }
    if (max >= 0 && row_min > max) return max + 1;
  }
  return row[lb];
}

// Three-row OSA dynamic programme for long strings.
int DpOsaDistance(absl::string_view a, absl::string_view b) {
  const int la = static_cast<int>(a.size());
  const int lb = static_cast<int>(b.size());
  std::vector<int> prev2(lb + 1), prev(lb + 1), cur(lb + 1);
  for (int j = 0; j <= lb; ++j) prev[j] = j;
  for (int i = 1; i <= la; ++i) {
    cur[0] = i;
    for (int j = 1; j <= lb; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[lb];
}

// Levenshtein after affix stripping; max < 0 means unbounded.
int DistanceImpl(absl::string_view a, absl::string_view b, int max) {
  StripAffixes(a, b);
  if (a.empty())
    return max >= 0 && static_cast<int>(b.size()) > max
               ? max + 1
               : static_cast<int>(b.size());
  if (b.empty())
    return max >= 0 && static_cast<int>(a.size()) > max
               ? max + 1
               : static_cast<int>(a.size());
  // Pattern = the shorter string when it fits in a word (distance is
  // symmetric).
  if (a.size() > b.size()) std::swap(a, b);
  if (a.size() <= kMaxBitParallelLength) {
    const SparsePatternMatchVector pm(a);
    const int d = MyersDistance(pm, static_cast<int>(a.size()), b, max);
    return max >= 0 && d > max ? max + 1 : d;
  }
  const int d = DpDistance(a, b, max);
  return max >= 0 && d > max ? max + 1 : d;
}

}  // namespace

int LevenshteinDistance(absl::string_view a, absl::string_view b) {
  return DistanceImpl(a, b, -1);
}

int LevenshteinDistanceBounded(absl::string_view a, absl::string_view b,
                               int max) {
  if (max < 0) max = 0;
  const int diff = static_cast<int>(a.size() > b.size() ? a.size() - b.size()
                                                        : b.size() - a.size());
  if (diff > max) return max + 1;
  return DistanceImpl(a, b, max);
}

int OsaDistance(absl::string_view a, absl::string_view b) {
  StripAffixes(a, b);
  if (a.empty()) return static_cast<int>(b.size());
  if (b.empty()) return static_cast<int>(a.size());
  if (a.size() > b.size()) std::swap(a, b);
  if (a.size() <= kMaxBitParallelLength) {
    const SparsePatternMatchVector pm(a);
    return HyyroOsaDistance(pm, static_cast<int>(a.size()), b);
  }
  return DpOsaDistance(a, b);
}

double LevenshteinSimilarity(absl::string_view a, absl::string_view b) {
  const size_t l = std::max(a.size(), b.size());
  if (l == 0) return 1.0;
  return 1.0 - static_cast<double>(LevenshteinDistance(a, b)) /
                   static_cast<double>(l);
}

double OsaSimilarity(absl::string_view a, absl::string_view b) {
  const size_t l = std::max(a.size(), b.size());
  if (l == 0) return 1.0;
  return 1.0 - static_cast<double>(OsaDistance(a, b)) / static_cast<double>(l);
}

int LevenshteinDistanceNaive(absl::string_view a, absl::string_view b) {
  const size_t la = a.size(), lb = b.size();
  std::vector<std::vector<int>> d(la + 1, std::vector<int>(lb + 1));
  for (size_t i = 0; i <= la; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= lb; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= la; ++i) {
    for (size_t j = 1; j <= lb; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
    }
  }
  return d[la][lb];
}

int OsaDistanceNaive(absl::string_view a, absl::string_view b) {
  const size_t la = a.size(), lb = b.size();
  std::vector<std::vector<int>> d(la + 1, std::vector<int>(lb + 1));
  for (size_t i = 0; i <= la; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= lb; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= la; ++i) {
    for (size_t j = 1; j <= lb; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[la][lb];
}

CachedLevenshtein::CachedLevenshtein(absl::string_view pattern)
    : pattern_(pattern) {
  if (pattern_.size() <= kMaxBitParallelLength) pm_.Assign(pattern_);
}

int CachedLevenshtein::Distance(absl::string_view b) const {
  if (pattern_.empty()) return static_cast<int>(b.size());
  if (b.empty()) return static_cast<int>(pattern_.size());
  if (pattern_.size() <= kMaxBitParallelLength) {
    return MyersDistance(pm_, static_cast<int>(pattern_.size()), b, -1);
  }
  return LevenshteinDistance(pattern_, b);
}

int CachedLevenshtein::DistanceBounded(absl::string_view b, int max) const {
  if (max < 0) max = 0;
  const size_t la = pattern_.size();
  const int diff =
      static_cast<int>(la > b.size() ? la - b.size() : b.size() - la);
  if (diff > max) return max + 1;
  if (la == 0 || b.empty()) return diff;  // diff <= max here
  if (la <= kMaxBitParallelLength) {
    const int d = MyersDistance(pm_, static_cast<int>(la), b, max);
    return d > max ? max + 1 : d;
  }
  return LevenshteinDistanceBounded(pattern_, b, max);
}

double CachedLevenshtein::Similarity(absl::string_view b,
                                     double score_cutoff) const {
  const size_t l = std::max(pattern_.size(), b.size());
  if (l == 0) return score_cutoff <= 1.0 ? 1.0 : 0.0;
  if (score_cutoff > 1.0) return 0.0;
  if (score_cutoff < 0.0) score_cutoff = 0.0;
  const double bound = std::floor((1.0 - score_cutoff) * l + 1e-9);
  const int max_dist = static_cast<int>(bound);
  const int d = DistanceBounded(b, max_dist);
  if (d > max_dist) return 0.0;
  const double sim = 1.0 - static_cast<double>(d) / static_cast<double>(l);
  return sim + 1e-12 >= score_cutoff ? sim : 0.0;
}

}  // namespace partyscreen::internal
