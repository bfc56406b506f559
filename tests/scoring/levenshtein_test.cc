#include "lib/scoring/levenshtein.h"

#include <random>
#include <string>

#include "gtest/gtest.h"

namespace partyscreen::internal {
namespace {

std::string RandomString(std::mt19937& rng, int max_len, char max_char) {
  std::uniform_int_distribution<int> len_dist(0, max_len);
  std::uniform_int_distribution<int> char_dist('a', max_char);
  std::string s(len_dist(rng), 'a');
  for (char& c : s) c = static_cast<char>(char_dist(rng));
  return s;
}

// A random edit of `s` (so pairs are often close, like real typos).
std::string Mutate(std::mt19937& rng, std::string s, int edits) {
  std::uniform_int_distribution<int> op(0, 3);
  std::uniform_int_distribution<int> ch('a', 'e');
  for (int e = 0; e < edits; ++e) {
    const int o = op(rng);
    if (s.empty() || o == 0) {
      std::uniform_int_distribution<size_t> pos(0, s.size());
      s.insert(s.begin() + pos(rng), static_cast<char>(ch(rng)));
      continue;
    }
    std::uniform_int_distribution<size_t> pos(0, s.size() - 1);
    const size_t p = pos(rng);
    if (o == 1) {
      s.erase(p, 1);
    } else if (o == 2) {
      s[p] = static_cast<char>(ch(rng));
    } else if (p + 1 < s.size()) {
      std::swap(s[p], s[p + 1]);
    }
  }
  return s;
}

TEST(LevenshteinTest, KnownDistances) {
  EXPECT_EQ(LevenshteinDistance("kitten", "sitting"), 3);
  EXPECT_EQ(LevenshteinDistance("", "abc"), 3);
  EXPECT_EQ(LevenshteinDistance("abc", ""), 3);
  EXPECT_EQ(LevenshteinDistance("", ""), 0);
  EXPECT_EQ(LevenshteinDistance("rosneft", "rosnft"), 1);
  EXPECT_EQ(LevenshteinDistance("ca", "ac"), 2);
  EXPECT_EQ(OsaDistance("ca", "ac"), 1);
  // OSA edits no substring twice: "ca" -> "abc" needs 3, not 2.
  EXPECT_EQ(OsaDistance("ca", "abc"), 3);
  EXPECT_EQ(LevenshteinDistance("ca", "abc"), 3);
  EXPECT_EQ(OsaDistance("gaichenya", "gaicheyna"), 1);
}

TEST(LevenshteinTest, SimilarityIsNormalisedByLongerLength) {
  EXPECT_DOUBLE_EQ(LevenshteinSimilarity("rosneft", "rosnft"), 1.0 - 1.0 / 7);
  EXPECT_EQ(LevenshteinSimilarity("", ""), 1.0);
  EXPECT_EQ(LevenshteinSimilarity("abc", ""), 0.0);
  EXPECT_DOUBLE_EQ(OsaSimilarity("ab", "ba"), 0.5);
}

TEST(LevenshteinTest, MatchesNaiveOnRandomPairs) {
  std::mt19937 rng(12345);
  int checked = 0;
  for (int round = 0; round < 12000; ++round) {
    const char max_char = round % 2 == 0 ? 'c' : 'z';
    const int max_len = round % 8 == 0 ? 100 : 24;
    const std::string a = RandomString(rng, max_len, max_char);
    const std::string b = round % 3 == 0 ? Mutate(rng, a, round % 5)
                                         : RandomString(rng, max_len, max_char);
    const int lev = LevenshteinDistanceNaive(a, b);
    const int osa = OsaDistanceNaive(a, b);
    ASSERT_EQ(LevenshteinDistance(a, b), lev) << a << " / " << b;
    ASSERT_EQ(OsaDistance(a, b), osa) << a << " / " << b;
    const int max = round % 7;
    ASSERT_EQ(LevenshteinDistanceBounded(a, b, max), lev <= max ? lev : max + 1)
        << a << " / " << b << " max " << max;
    ++checked;
  }
  EXPECT_EQ(checked, 12000);
}

TEST(LevenshteinTest, MatchesNaiveAroundTheWordBoundary) {
  std::mt19937 rng(3);
  for (int la = 62; la <= 67; ++la) {
    for (int lb = 0; lb <= 130; lb += 13) {
      std::string a(la, 'a'), b(lb, 'a');
      std::uniform_int_distribution<int> d('a', 'c');
      for (char& c : a) c = static_cast<char>(d(rng));
      for (char& c : b) c = static_cast<char>(d(rng));
      ASSERT_EQ(LevenshteinDistance(a, b), LevenshteinDistanceNaive(a, b));
      ASSERT_EQ(OsaDistance(a, b), OsaDistanceNaive(a, b));
      CachedLevenshtein cached(a);
      ASSERT_EQ(cached.Distance(b), LevenshteinDistanceNaive(a, b));
    }
  }
}

TEST(LevenshteinTest, BoundedReturnsMaxPlusOneWhenExceeded) {
  EXPECT_EQ(LevenshteinDistanceBounded("kitten", "sitting", 2), 3);
  EXPECT_EQ(LevenshteinDistanceBounded("kitten", "sitting", 3), 3);
  EXPECT_EQ(LevenshteinDistanceBounded("abc", "abcdefgh", 1), 2);
  EXPECT_EQ(LevenshteinDistanceBounded("abc", "abd", -5), 1);
}

TEST(CachedLevenshteinTest, MatchesNaiveOnRandomPairs) {
  std::mt19937 rng(777);
  for (int round = 0; round < 10000; ++round) {
    const int max_len = round % 10 == 0 ? 80 : 16;
    const std::string a = RandomString(rng, max_len, 'd');
    const CachedLevenshtein cached(a);
    for (int k = 0; k < 3; ++k) {
      const std::string b =
          k == 0 ? Mutate(rng, a, 2) : RandomString(rng, max_len, 'd');
      const int lev = LevenshteinDistanceNaive(a, b);
      ASSERT_EQ(cached.Distance(b), lev) << a << " / " << b;
      const int max = (round + k) % 6;
      ASSERT_EQ(cached.DistanceBounded(b, max), lev <= max ? lev : max + 1);
      const size_t l = std::max(a.size(), b.size());
      const double sim = l == 0 ? 1.0 : 1.0 - static_cast<double>(lev) / l;
      const double cutoff = 0.1 * ((round + k) % 11);
      const double got = cached.Similarity(b, cutoff);
      if (sim + 1e-12 >= cutoff) {
        ASSERT_NEAR(got, sim, 1e-12) << a << " / " << b << " " << cutoff;
      } else {
        ASSERT_EQ(got, 0.0) << a << " / " << b << " " << cutoff;
      }
    }
  }
}

TEST(CachedLevenshteinTest, SimilarityCutoffIsInclusive) {
  const CachedLevenshtein cached("dahua");
  EXPECT_DOUBLE_EQ(cached.Similarity("duahua", 0.8), 1.0 - 1.0 / 6);
  EXPECT_EQ(cached.Similarity("duahua", 0.9), 0.0);
  EXPECT_DOUBLE_EQ(cached.Similarity("dahu", 0.8), 0.8);
  EXPECT_EQ(cached.Similarity("xxxxxxxxxxxxx", 0.5), 0.0);
  EXPECT_EQ(cached.Similarity("dahua", 1.0), 1.0);
  EXPECT_EQ(cached.pattern(), "dahua");
}

}  // namespace
}  // namespace partyscreen::internal
