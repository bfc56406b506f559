#include "lib/scoring/jaro_winkler.h"

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

TEST(JaroWinklerTest, IdenticalStringsScoreOne) {
  EXPECT_EQ(JaroSimilarity("putin", "putin"), 1.0);
  EXPECT_EQ(JaroWinklerSimilarity("putin", "putin"), 1.0);
  EXPECT_EQ(JaroWinklerSimilarity("", ""), 1.0);
}

TEST(JaroWinklerTest, EmptyAgainstNonEmptyScoresZero) {
  EXPECT_EQ(JaroSimilarity("", "abc"), 0.0);
  EXPECT_EQ(JaroWinklerSimilarity("abc", ""), 0.0);
}

TEST(JaroWinklerTest, NoCommonCharactersScoresZero) {
  EXPECT_EQ(JaroSimilarity("abc", "xyz"), 0.0);
}

TEST(JaroWinklerTest, TextbookValues) {
  // Values from Winkler (1990) / the usual worked examples.
  EXPECT_NEAR(JaroSimilarity("martha", "marhta"), 0.944444444, 1e-6);
  EXPECT_NEAR(JaroWinklerSimilarity("martha", "marhta"), 0.961111111, 1e-6);
  EXPECT_NEAR(JaroSimilarity("dwayne", "duane"), 0.822222222, 1e-6);
  EXPECT_NEAR(JaroWinklerSimilarity("dwayne", "duane"), 0.84, 1e-6);
  EXPECT_NEAR(JaroSimilarity("dixon", "dicksonx"), 0.766666667, 1e-6);
  EXPECT_NEAR(JaroWinklerSimilarity("dixon", "dicksonx"), 0.813333333, 1e-6);
}

TEST(JaroWinklerTest, PrefixBoostOnlyAboveThreshold) {
  // Jaro below 0.7: no boost even with a shared prefix.
  const double jaro = JaroSimilarity("abcxyzuvw", "abcdefghi");
  ASSERT_LT(jaro, 0.7);
  EXPECT_EQ(JaroWinklerSimilarity("abcxyzuvw", "abcdefghi"), jaro);
}

TEST(JaroWinklerTest, ParametersAreClampedToUnitRange) {
  EXPECT_LE(JaroWinklerSimilarity("martha", "marhta", 0.5, 10), 1.0);
  EXPECT_EQ(JaroWinklerSimilarity("martha", "marhta", -1.0, 4),
            JaroSimilarity("martha", "marhta"));
  EXPECT_EQ(JaroWinklerSimilarity("martha", "marhta", 0.1, 0),
            JaroSimilarity("martha", "marhta"));
}

TEST(JaroWinklerTest, MatchesNaiveOnRandomPairs) {
  std::mt19937 rng(20240601);
  int checked = 0;
  for (int round = 0; round < 12000; ++round) {
    // Mix small alphabets (many matches) and long strings (past 64 bytes).
    const char max_char = round % 3 == 0 ? 'c' : (round % 3 == 1 ? 'f' : 'z');
    const int max_len = round % 10 == 0 ? 90 : 20;
    const std::string a = RandomString(rng, max_len, max_char);
    const std::string b = RandomString(rng, max_len, max_char);
    ASSERT_NEAR(JaroSimilarity(a, b), JaroSimilarityNaive(a, b), 1e-9)
        << a << " / " << b;
    ASSERT_NEAR(JaroWinklerSimilarity(a, b), JaroWinklerSimilarityNaive(a, b),
                1e-9)
        << a << " / " << b;
    ++checked;
  }
  EXPECT_EQ(checked, 12000);
}

TEST(JaroWinklerTest, MatchesNaiveAroundTheWordBoundary) {
  std::mt19937 rng(7);
  for (int la = 60; la <= 70; ++la) {
    for (int lb = 60; lb <= 70; ++lb) {
      std::string a(la, 'a'), b(lb, 'a');
      std::uniform_int_distribution<int> d('a', 'd');
      for (char& c : a) c = static_cast<char>(d(rng));
      for (char& c : b) c = static_cast<char>(d(rng));
      ASSERT_NEAR(JaroWinklerSimilarity(a, b), JaroWinklerSimilarityNaive(a, b),
                  1e-9);
    }
  }
}

TEST(JaroWinklerTest, ResultStaysInUnitRange) {
  std::mt19937 rng(99);
  for (int round = 0; round < 2000; ++round) {
    const std::string a = RandomString(rng, 12, 'e');
    const std::string b = RandomString(rng, 12, 'e');
    const double s = JaroWinklerSimilarity(a, b);
    ASSERT_GE(s, 0.0);
    ASSERT_LE(s, 1.0);
  }
}

}  // namespace
}  // namespace partyscreen::internal
