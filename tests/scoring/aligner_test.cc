#include "lib/scoring/aligner.h"

#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

namespace partyscreen::internal {
namespace {

// Low weight for the generic words of these tests, 1 for everything else.
double TestWeight(absl::string_view t) {
  static const char* kGeneric[] = {
      "beijing",  "technology", "development", "co",      "ltd",    "company",
      "maritime", "and",        "trading",     "limited", "holding"};
  for (const char* g : kGeneric) {
    if (t == g) return 0.1;
  }
  return 1.0;
}

std::vector<AlignToken> Tokens(absl::string_view name) {
  std::vector<AlignToken> out;
  for (absl::string_view t : absl::StrSplit(name, ' ', absl::SkipEmpty())) {
    AlignToken token;
    token.text = std::string(t);
    token.weight = TestWeight(t);
    token.is_number = IsAllDigits(t);
    out.push_back(token);
  }
  return out;
}

double Score(absl::string_view q, absl::string_view l,
             const AlignOptions& align = {},
             const NameScoreOptions& score = {}) {
  const std::vector<AlignToken> qt = Tokens(q), lt = Tokens(l);
  return NameScore(AlignTokens(qt, lt, align), qt, lt, score);
}

Alignment Align(absl::string_view q, absl::string_view l) {
  return AlignTokens(Tokens(q), Tokens(l));
}

TEST(AlignTokensTest, WordOrderDoesNotMatter) {
  const Alignment a = Align("maduro moros nicolas", "nicolas maduro moros");
  ASSERT_EQ(a.pairings.size(), 3u);
  EXPECT_EQ(a.pairings[0].list_index, 1);
  EXPECT_EQ(a.pairings[1].list_index, 2);
  EXPECT_EQ(a.pairings[2].list_index, 0);
  for (const Pairing& p : a.pairings) {
    EXPECT_EQ(p.method, MatchMethod::kExact);
    EXPECT_EQ(p.similarity, 1.0);
  }
  EXPECT_TRUE(a.unmatched_list.empty());
  EXPECT_EQ(Score("maduro moros nicolas", "nicolas maduro moros"), 1.0);
}

TEST(AlignTokensTest, EachListTokenIsUsedAtMostOnce) {
  const Alignment a = Align("ali ali", "ali hassan");
  ASSERT_EQ(a.pairings.size(), 2u);
  int matched = 0;
  for (const Pairing& p : a.pairings) {
    if (p.list_index >= 0) {
      ++matched;
      EXPECT_EQ(p.list_index, 0);
    }
  }
  EXPECT_EQ(matched, 1);
  EXPECT_EQ(a.unmatched_list, std::vector<int>{1});
}

TEST(AlignTokensTest, OptimalAssignmentBeatsGreedy) {
  // hasan-hassan is the single best pair, but taking it leaves hassanov
  // unmatched; the optimum pairs hasan-hasen and hassanov-hassan.
  const std::vector<AlignToken> q = Tokens("hasan hassanov");
  const std::vector<AlignToken> l = Tokens("hassan hasen");
  const Alignment exact = AlignTokens(q, l);
  EXPECT_EQ(exact.pairings[0].list_index, 1);
  EXPECT_EQ(exact.pairings[1].list_index, 0);
  EXPECT_TRUE(exact.unmatched_list.empty());
  AlignOptions greedy;
  greedy.max_exact_list_tokens = 0;
  const Alignment approx = AlignTokens(q, l, greedy);
  EXPECT_EQ(approx.pairings[0].list_index, 0);
  EXPECT_EQ(approx.pairings[1].list_index, -1);
  EXPECT_GT(NameScore(exact, q, l), NameScore(approx, q, l));
}

TEST(AlignTokensTest, JoinedQueryTokenMatchesTwoAdjacentListTokens) {
  for (const auto& [q, l] : std::vector<std::pair<std::string, std::string>>{
           {"sensetime", "sense time"},
           {"jscargument", "jsc argument"},
           {"abdulrahman", "abdul rahman"},
           {"zhejiangdahua", "zhejiang dahua"}}) {
    const Alignment a = Align(q, l);
    ASSERT_EQ(a.pairings.size(), 1u) << q;
    EXPECT_EQ(a.pairings[0].method, MatchMethod::kJoined) << q;
    EXPECT_EQ(a.pairings[0].list_index, 0) << q;
    EXPECT_EQ(a.pairings[0].list_index2, 1) << q;
    EXPECT_GE(a.pairings[0].similarity, 0.9) << q;
    EXPECT_TRUE(a.unmatched_list.empty()) << q;
    EXPECT_GE(Score(q, l), 0.9) << q;
    EXPECT_LT(Score(q, l), 1.0) << q;
  }
}

TEST(AlignTokensTest, SplitQueryTokensMatchOneListToken) {
  for (const auto& [q, l] : std::vector<std::pair<std::string, std::string>>{
           {"sense time", "sensetime"},
           {"jsc argument", "jscargument"},
           {"abdul rahman", "abdulrahman"},
           {"zhejiang dahua", "zhejiangdahua"}}) {
    const Alignment a = Align(q, l);
    ASSERT_EQ(a.pairings.size(), 2u) << q;
    EXPECT_EQ(a.pairings[0].method, MatchMethod::kSplit) << q;
    EXPECT_EQ(a.pairings[0].list_index, 0) << q;
    EXPECT_EQ(a.pairings[0].query_index2, 1) << q;
    EXPECT_EQ(a.pairings[1].method, MatchMethod::kSplit) << q;
    EXPECT_EQ(a.pairings[1].list_index, 0) << q;
    EXPECT_EQ(a.pairings[1].query_index2, 0) << q;
    EXPECT_GE(Score(q, l), 0.9) << q;
    // Joined and split are mirror images: the same score both ways.
    EXPECT_DOUBLE_EQ(Score(q, l), Score(l, q)) << q;
  }
}

TEST(AlignTokensTest, JoinedWithTypoAndOtherTokens) {
  const Alignment a =
      Align("khawlabarzan ibrahim hasan", "khawla barzan ibrahim hasan");
  EXPECT_EQ(a.pairings[0].method, MatchMethod::kJoined);
  EXPECT_EQ(a.pairings[1].list_index, 2);
  EXPECT_EQ(a.pairings[2].list_index, 3);
  EXPECT_GT(Score("zhejiangdahva", "zhejiang dahua"), 0.8);
}

TEST(AlignTokensTest, JoinsNeedAdjacentTokens) {
  const Alignment a = Align("sensetime", "time beijing sense");
  EXPECT_NE(a.pairings[0].method, MatchMethod::kJoined);
}

TEST(AlignTokensTest, JoinMustBeatItsParts) {
  const Alignment a = Align("commission", "commission of");
  EXPECT_EQ(a.pairings[0].method, MatchMethod::kExact);
  EXPECT_EQ(a.pairings[0].list_index, 0);
  EXPECT_EQ(a.unmatched_list, std::vector<int>{1});
}

TEST(AlignTokensTest, IdenticalLongNamesScoreOneWithGreedy) {
  // 11 list tokens: beyond the exact DP, and with repeated tokens.
  const std::string name =
      "central military commission of the workers party of korea cmc x";
  EXPECT_EQ(Score(name, name), 1.0);
  const Alignment a = Align(name, name);
  for (size_t i = 0; i < a.pairings.size(); ++i) {
    EXPECT_EQ(a.pairings[i].method, MatchMethod::kExact);
    EXPECT_EQ(a.pairings[i].list_index, static_cast<int>(i));
  }
}

TEST(AlignTokensTest, InitialsMatchWordsWithThatLetter) {
  const Alignment a = Align("v putin", "vladimir putin");
  ASSERT_EQ(a.pairings.size(), 2u);
  EXPECT_EQ(a.pairings[0].method, MatchMethod::kInitial);
  EXPECT_EQ(a.pairings[0].list_index, 0);
  EXPECT_DOUBLE_EQ(a.pairings[0].similarity, 0.9);
  EXPECT_EQ(a.pairings[1].method, MatchMethod::kExact);
  // And the other way round.
  const Alignment b = Align("vladimir putin", "putin v");
  EXPECT_EQ(b.pairings[0].method, MatchMethod::kInitial);
  EXPECT_EQ(b.pairings[0].list_index, 1);
  // A wrong initial does not match.
  const Alignment c = Align("s putin", "vladimir putin");
  EXPECT_EQ(c.pairings[0].method, MatchMethod::kNone);
  EXPECT_EQ(c.pairings[0].list_index, -1);
  EXPECT_GT(Score("v putin", "vladimir putin"),
            Score("s putin", "vladimir putin"));
  EXPECT_GE(Score("v v putin", "vladimir vladimirovich putin"), 0.9);
}

TEST(AlignTokensTest, InitialsCanBeDisabled) {
  AlignOptions options;
  options.allow_initials = false;
  const std::vector<AlignToken> q = Tokens("v putin");
  const std::vector<AlignToken> l = Tokens("vladimir putin");
  EXPECT_EQ(AlignTokens(q, l, options).pairings[0].method, MatchMethod::kNone);
}

TEST(AlignTokensTest, TokensBelowTheFloorStayUnmatched) {
  const Alignment a = Align("columbia maritime", "nordstrand maritime");
  EXPECT_EQ(a.pairings[0].list_index, -1);
  EXPECT_EQ(a.pairings[0].method, MatchMethod::kNone);
  EXPECT_EQ(a.unmatched_list, std::vector<int>{0});
}

TEST(AlignTokensTest, NumbersMatchOnlyExactly) {
  const Alignment a = Align("victory 3", "victory 5");
  EXPECT_EQ(a.pairings[1].list_index, -1);
  EXPECT_EQ(a.unmatched_list, std::vector<int>{1});
  // Numbers never join: "victory5" must not absorb "victory" + "3".
  const Alignment b = Align("victory5", "victory 3");
  EXPECT_NE(b.pairings[0].method, MatchMethod::kJoined);
}

TEST(AlignTokensTest, GreedyFallbackForLongNames) {
  AlignOptions options;
  options.max_exact_list_tokens = 0;
  const std::vector<AlignToken> q = Tokens("maduro moros nicolas");
  const std::vector<AlignToken> l = Tokens("nicolas maduro moros");
  const Alignment a = AlignTokens(q, l, options);
  EXPECT_EQ(a.pairings[0].list_index, 1);
  EXPECT_EQ(a.pairings[2].list_index, 0);
  EXPECT_EQ(NameScore(a, q, l), 1.0);
}

TEST(AlignTokensTest, ExactAndGreedyAgreeOnRandomNames) {
  // Exact total weighted similarity is never below greedy's.
  std::mt19937 rng(31337);
  const std::vector<std::string> words = {
      "ali",       "alli",    "hassan",   "hasan", "sense",  "time",
      "sensetime", "v",       "vlad",     "putin", "putim",  "co",
      "3",         "mohamed", "muhammad", "abdul", "rahman", "abdulrahman"};
  std::uniform_int_distribution<size_t> pick(0, words.size() - 1);
  std::uniform_int_distribution<int> len(1, 5);
  AlignOptions greedy;
  greedy.max_exact_list_tokens = 0;
  auto total = [](const Alignment& a, const std::vector<AlignToken>& q,
                  const std::vector<AlignToken>& l) {
    double t = 0;
    for (const Pairing& p : a.pairings) {
      if (p.list_index < 0) continue;
      if (p.method == MatchMethod::kSplit) {
        if (p.query_index2 < p.query_index) continue;
        t += p.similarity * (q[p.query_index].weight +
                             q[p.query_index2].weight + l[p.list_index].weight);
      } else if (p.method == MatchMethod::kJoined) {
        t += p.similarity * (q[p.query_index].weight + l[p.list_index].weight +
                             l[p.list_index2].weight);
      } else {
        t += p.similarity * (q[p.query_index].weight + l[p.list_index].weight);
      }
    }
    return t;
  };
  for (int round = 0; round < 2000; ++round) {
    std::string qs, ls;
    for (int i = len(rng); i > 0; --i) qs += words[pick(rng)] + " ";
    for (int i = len(rng); i > 0; --i) ls += words[pick(rng)] + " ";
    const std::vector<AlignToken> q = Tokens(qs), l = Tokens(ls);
    const Alignment exact = AlignTokens(q, l);
    const Alignment approx = AlignTokens(q, l, greedy);
    ASSERT_GE(total(exact, q, l) + 1e-9, total(approx, q, l))
        << qs << "|" << ls;
    // Structural invariants: one pairing per query token, list tokens used
    // once, unmatched_list is the complement.
    ASSERT_EQ(exact.pairings.size(), q.size());
    std::vector<int> uses(l.size(), 0);
    for (const Pairing& p : exact.pairings) {
      if (p.list_index < 0) continue;
      if (p.method == MatchMethod::kSplit && p.query_index2 < p.query_index) {
        continue;
      }
      ++uses[p.list_index];
      if (p.list_index2 >= 0) ++uses[p.list_index2];
    }
    for (int u : uses) ASSERT_LE(u, 1) << qs << "|" << ls;
    for (int j : exact.unmatched_list) ASSERT_EQ(uses[j], 0);
    const double s = NameScore(exact, q, l);
    ASSERT_GE(s, 0.0);
    ASSERT_LE(s, 1.0);
  }
}

TEST(NameScoreTest, IdenticalNamesScoreExactlyOne) {
  EXPECT_EQ(Score("vladimir putin", "vladimir putin"), 1.0);
  EXPECT_EQ(Score("victory 3", "victory 3"), 1.0);
  EXPECT_EQ(Score("a", "a"), 1.0);
}

TEST(NameScoreTest, OnlyAllExactScoresOne) {
  EXPECT_LT(Score("vladimir putin", "vladimir putin v"), 1.0);
  EXPECT_LT(Score("vladimir putin v", "vladimir putin"), 1.0);
  EXPECT_LT(Score("v putin", "vladimir putin"), 1.0);
  EXPECT_LT(Score("sensetime", "sense time"), 1.0);
  // Even an unmatched token with a negligible weight keeps it below 1.
  std::vector<AlignToken> q = Tokens("putin");
  std::vector<AlignToken> l = Tokens("putin");
  l.push_back({"x", 0.0, false});
  EXPECT_LT(NameScore(AlignTokens(q, l), q, l), 1.0);
}

TEST(NameScoreTest, EmptyOrMismatchedInputsScoreZero) {
  const std::vector<AlignToken> q = Tokens("putin");
  const std::vector<AlignToken> empty;
  EXPECT_EQ(NameScore(AlignTokens(empty, q), empty, q), 0.0);
  EXPECT_EQ(NameScore(AlignTokens(q, empty), q, empty), 0.0);
  Alignment bogus;  // no pairings for a one-token query
  EXPECT_EQ(NameScore(bogus, q, q), 0.0);
  Alignment out_of_range = AlignTokens(q, q);
  out_of_range.pairings[0].list_index = 7;
  EXPECT_EQ(NameScore(out_of_range, q, q), 0.0);
}

TEST(NameScoreTest, ShortBrandAgainstLongGenericListName) {
  const double s =
      Score("sensetime", "beijing sensetime technology development");
  EXPECT_GE(s, 0.85);
  EXPECT_LT(s, 1.0);
  // A distinctive extra list token costs much more than generic ones.
  EXPECT_LT(Score("sensetime", "sensetime megvii"), s);
}

TEST(NameScoreTest, UnmatchedQueryTokensCostMoreThanUnmatchedListTokens) {
  EXPECT_GT(Score("ali hassan", "ali hassan omar"),
            Score("ali hassan omar", "ali hassan"));
}

TEST(NameScoreTest, NumberMismatchCapsTheScore) {
  const double same = Score("victory 3", "victory 3");
  const double other = Score("victory 3", "victory 5");
  const double missing = Score("victory 3", "victory");
  const double extra = Score("victory", "victory 3");
  EXPECT_EQ(same, 1.0);
  EXPECT_LE(other, 0.5);
  EXPECT_LE(missing, 0.65);
  EXPECT_LE(extra, 0.65);
  EXPECT_LT(other, missing);
}

TEST(NameScoreTest, SiblingWithReplacedDistinctiveTokenScoresLow) {
  EXPECT_LT(Score("columbia maritime and trading company",
                  "nordstrand maritime and trading company"),
            0.5);
  EXPECT_LT(Score("bristol holding limited", "stanmix holding limited"), 0.5);
}

TEST(NameScoreTest, MoreTyposRankLower) {
  const double exact =
      Score("zhejiang dahua technology", "zhejiang dahua technology");
  const double one =
      Score("zhejiang duahua technology", "zhejiang dahua technology");
  const double two =
      Score("zhejang duahua technology", "zhejiang dahua technology");
  EXPECT_EQ(exact, 1.0);
  EXPECT_LT(one, exact);
  EXPECT_LT(two, one);
  EXPECT_GT(two, 0.8);
}

TEST(NameScoreTest, SymmetricWhenEverythingMatches) {
  EXPECT_DOUBLE_EQ(Score("nicolas maduro moros", "maduro moros nicolaz"),
                   Score("maduro moros nicolaz", "nicolas maduro moros"));
  EXPECT_DOUBLE_EQ(Score("mohamed ali", "muhammad ali"),
                   Score("muhammad ali", "mohamed ali"));
}

TEST(NameScoreTest, OptionsAreHonoured) {
  NameScoreOptions options;
  options.unmatched_list_factor = 0.0;
  // With free extra list tokens a subset query of exact tokens hits the
  // inexact cap.
  EXPECT_DOUBLE_EQ(Score("putin", "vladimir putin", {}, options), 0.99);
  options.max_inexact_score = 0.9;
  EXPECT_DOUBLE_EQ(Score("putin", "vladimir putin", {}, options), 0.9);
  options.number_conflict_cap = 0.2;
  EXPECT_LE(Score("victory 3", "victory 5", {}, options), 0.2);
}

TEST(TokenPairCacheTest, CachedAlignmentsEqualUncached) {
  // A small vocabulary of similar words (typos, joins, initials, numbers);
  // random list names over it aligned with random queries, once without a
  // cache and once through one cache per query shared by all list names.
  const std::vector<std::string> vocab = {
      "sense", "time", "sensetime", "senstime", "megvii", "magvii", "hikvision", "hik", "vision",
      "mohamed", "muhammad", "mohammed", "al", "rashid", "rashed", "a", "m", "3", "5", "co",
      "dahua", "duahua", "da", "hua", "technology", "tecnology", "bank", "banque", "ivan", "iwan"};
  std::mt19937 rng(7);
  auto pick = [&](int n, bool with_ids) {
    std::vector<AlignToken> out;
    for (int k = 0; k < n; ++k) {
      const uint32_t id = static_cast<uint32_t>(rng() % vocab.size());
      AlignToken t;
      t.text = vocab[id];
      t.weight = 0.2 + 0.8 * static_cast<double>(rng() % 100) / 100.0;
      t.is_number = IsAllDigits(t.text);
      if (with_ids) t.id = id;
      out.push_back(t);
    }
    return out;
  };
  int compared = 0, cached_entries = 0;
  for (int q = 0; q < 200; ++q) {
    // Up to 11 query tokens: beyond TokenPairCache::kMaxDenseTokens the
    // dense cache (every other query) keeps comparisons in its map.
    const std::vector<AlignToken> query = pick(1 + static_cast<int>(rng() % (q % 4 == 3 ? 11 : 4)), false);
    TokenPairCache cache;
    if (q % 2 == 1) cache.UseDense(query.size(), vocab.size());
    AlignOptions with_cache;
    with_cache.cache = &cache;
    for (int l = 0; l < 30; ++l) {
      const std::vector<AlignToken> list = pick(1 + static_cast<int>(rng() % 5), true);
      // Initials allowed or not per list name, as AlignName varies them by
      // entity kind: the cache must not depend on it.
      AlignOptions plain;
      plain.allow_initials = with_cache.allow_initials = (l % 2 == 0);
      const Alignment a = AlignTokens(query, list, plain);
      const Alignment b = AlignTokens(query, list, with_cache);
      ASSERT_EQ(a.pairings.size(), b.pairings.size());
      for (size_t k = 0; k < a.pairings.size(); ++k) {
        EXPECT_EQ(a.pairings[k].list_index, b.pairings[k].list_index);
        EXPECT_EQ(a.pairings[k].list_index2, b.pairings[k].list_index2);
        EXPECT_EQ(a.pairings[k].query_index2, b.pairings[k].query_index2);
        EXPECT_EQ(a.pairings[k].method, b.pairings[k].method);
        EXPECT_EQ(a.pairings[k].similarity, b.pairings[k].similarity);
      }
      EXPECT_EQ(a.unmatched_list, b.unmatched_list);
      ++compared;
    }
    cached_entries += static_cast<int>(cache.size());
  }
  EXPECT_EQ(compared, 6000);
  EXPECT_GT(cached_entries, 1000);  // the cache was really used
}

TEST(TokenPairCacheTest, KeysAreDistinctPerKindAndIndex) {
  EXPECT_NE(TokenPairCache::Key(0, 1, 5), TokenPairCache::Key(2, 1, 5));
  EXPECT_NE(TokenPairCache::Key(1, 1, 5, 6), TokenPairCache::Key(1, 1, 6, 5));
  EXPECT_NE(TokenPairCache::Key(0, 1, 5), TokenPairCache::Key(0, 2, 5));
  EXPECT_EQ(TokenPairCache::Key(0, 256, 5), 0u);           // not cacheable
  EXPECT_EQ(TokenPairCache::Key(0, 1, uint32_t{1} << 27), 0u);
  EXPECT_NE(TokenPairCache::Key(0, 0, 0), 0u);
}

TEST(AlignTokensTest, PinyinTokensPairByTranscriptionWithLatinWords) {
  std::vector<AlignToken> q = Tokens("pulaimile trading");
  std::vector<AlignToken> l = Tokens("premera trading");
  // Without the pinyin mark: spelling only, no match.
  Alignment plain = AlignTokens(q, l);
  EXPECT_EQ(plain.pairings[0].method, MatchMethod::kNone);
  q[0].pinyin = true;
  Alignment al = AlignTokens(q, l);
  EXPECT_EQ(al.pairings[0].method, MatchMethod::kPhonetic);
  EXPECT_EQ(al.pairings[0].list_index, 0);
  EXPECT_DOUBLE_EQ(al.pairings[0].similarity, AlignOptions().transcription_similarity);
  // A four-character run cut in two: both halves as one split.
  std::vector<AlignToken> halves = Tokens("pulai mile trading");
  halves[0].pinyin = halves[1].pinyin = true;
  Alignment split = AlignTokens(halves, l);
  EXPECT_EQ(split.pairings[0].method, MatchMethod::kSplit);
  EXPECT_EQ(split.pairings[0].query_index2, 1);
  EXPECT_DOUBLE_EQ(split.pairings[0].similarity,
                   AlignOptions().transcription_similarity * AlignOptions().joined_split_factor);
  // Only when both halves are pinyin.
  halves[1].pinyin = false;
  EXPECT_EQ(AlignTokens(halves, l).pairings[0].method, MatchMethod::kNone);
  // Different consonants: no pairing.
  std::vector<AlignToken> other = Tokens("paloma trading");
  EXPECT_EQ(AlignTokens(q, other).pairings[0].method, MatchMethod::kNone);
  AlignOptions off;
  off.transcription_similarity = 0;
  EXPECT_EQ(AlignTokens(q, l, off).pairings[0].method, MatchMethod::kNone);
}

// Between personal names, a pinyin word pairs with a Latin one only as
// another romanisation of the same syllables: one letter more or less is
// another name.
TEST(AlignTokensTest, StrictRomanisationOfPinyinWords) {
  std::vector<AlignToken> q = Tokens("cheng zhu");
  q[0].pinyin = q[1].pinyin = true;
  const std::vector<AlignToken> chen = Tokens("chen zhu");
  AlignOptions strict;
  strict.strict_romanisation = true;
  // By default a spelling one edit away pairs; strictly it does not.
  EXPECT_EQ(AlignTokens(q, chen).pairings[0].method, MatchMethod::kEditDistance);
  EXPECT_EQ(AlignTokens(q, chen, strict).pairings[0].method, MatchMethod::kNone);
  // Wade-Giles for pinyin: the same name.
  std::vector<AlignToken> zhang = Tokens("zhang jianguo");
  zhang[0].pinyin = zhang[1].pinyin = true;
  const Alignment wg = AlignTokens(zhang, Tokens("chang chienkuo"), strict);
  EXPECT_GT(wg.pairings[0].similarity, 0.7);
  EXPECT_GT(wg.pairings[1].similarity, 0.7);
  // A character of two readings (勒 lei, le): one edit in a long word.
  std::vector<AlignToken> lei = Tokens("leicheng");
  lei[0].pinyin = true;
  EXPECT_GT(AlignTokens(lei, Tokens("lecheng"), strict).pairings[0].similarity, 0.7);
  // A transcribed foreign word still pairs by its transcription key.
  std::vector<AlignToken> foreign = Tokens("pulaimile");
  foreign[0].pinyin = true;
  EXPECT_EQ(AlignTokens(foreign, Tokens("premera"), strict).pairings[0].method, MatchMethod::kPhonetic);
  // Tokens that are no pinyin are not concerned.
  EXPECT_EQ(AlignTokens(Tokens("cheng zhu"), chen, strict).pairings[0].method, MatchMethod::kEditDistance);
}

// Chinese organisation names: a two-syllable pinyin word pairs by the
// looser short transcription key with a distinctive Latin word, and a word
// one edit away only if the edit is in a vowel.
TEST(AlignTokensTest, ShortTranscriptionsAndVowelEditsOfOrganisationNames) {
  std::vector<AlignToken> q = Tokens("baoli");
  q[0].pinyin = true;
  std::vector<AlignToken> poly = Tokens("poly");
  poly[0].weight = 0.8;
  AlignOptions org;
  org.strict_romanisation = true;
  org.romanisation_edit_keeps_consonants = true;
  EXPECT_EQ(AlignTokens(q, poly, org).pairings[0].method, MatchMethod::kNone);
  org.short_transcriptions = true;
  Alignment al = AlignTokens(q, poly, org);
  EXPECT_EQ(al.pairings[0].method, MatchMethod::kPhonetic);
  EXPECT_DOUBLE_EQ(al.pairings[0].similarity, org.short_transcription_similarity);
  // Not with a common word.
  poly[0].weight = 0.3;
  EXPECT_EQ(AlignTokens(q, poly, org).pairings[0].method, MatchMethod::kNone);
  // Not without the pinyin mark.
  poly[0].weight = 0.8;
  q[0].pinyin = false;
  EXPECT_EQ(AlignTokens(q, poly, org).pairings[0].method, MatchMethod::kNone);
  // One edit: in a vowel the same name ("hongyuan" / "hongyan"), in a
  // consonant another ("tongrui" / "tonghui"); without the option both.
  std::vector<AlignToken> hongyuan = Tokens("hongyuan"), tongrui = Tokens("tongrui");
  hongyuan[0].pinyin = tongrui[0].pinyin = true;
  EXPECT_GT(AlignTokens(hongyuan, Tokens("hongyan"), org).pairings[0].similarity, 0.7);
  EXPECT_EQ(AlignTokens(tongrui, Tokens("tonghui"), org).pairings[0].method, MatchMethod::kNone);
  org.romanisation_edit_keeps_consonants = false;
  EXPECT_GT(AlignTokens(tongrui, Tokens("tonghui"), org).pairings[0].similarity, 0.7);
}

// Korean likewise, by KoreanRomanisationKey, without the edit.
TEST(AlignTokensTest, StrictRomanisationOfHangulWords) {
  std::vector<AlignToken> q = Tokens("yongil kang");
  q[0].hangul = q[1].hangul = true;
  AlignOptions strict;
  strict.strict_romanisation = true;
  const std::vector<AlignToken> other = Tokens("kyongil kang");
  EXPECT_EQ(AlignTokens(q, other).pairings[0].method, MatchMethod::kEditDistance);
  EXPECT_EQ(AlignTokens(q, other, strict).pairings[0].method, MatchMethod::kNone);
  // The Revised Romanisation of the same name.
  std::vector<AlignToken> jong = Tokens("chongho pak");
  jong[0].hangul = jong[1].hangul = true;
  const Alignment rr = AlignTokens(jong, Tokens("jeongho park"), strict);
  EXPECT_GT(rr.pairings[0].similarity, 0.7);
  EXPECT_GT(rr.pairings[1].similarity, 0.7);
  // Joined: "songhun" and "song hun".
  std::vector<AlignToken> joined = Tokens("songhun");
  joined[0].hangul = true;
  EXPECT_EQ(AlignTokens(joined, Tokens("song hun"), strict).pairings[0].method, MatchMethod::kJoined);
}

// A dictionary translation ("中国" -> "china") pairs with forms of the same
// English word only, not with near-spellings of other words.
TEST(AlignTokensTest, TranslatedTokensPairOnlyWithFormsOfTheSameWord) {
  std::vector<AlignToken> q = Tokens("china technology");
  std::vector<AlignToken> l = Tokens("chiva technologies");
  Alignment plain = AlignTokens(q, l);
  EXPECT_NE(plain.pairings[0].method, MatchMethod::kNone);  // a typo, for spelled names
  const double variant = plain.pairings[1].similarity;
  EXPECT_GT(variant, 0.0);
  q[0].translated = q[1].translated = true;
  Alignment al = AlignTokens(q, l);
  EXPECT_EQ(al.pairings[0].method, MatchMethod::kNone);
  EXPECT_EQ(al.pairings[1].list_index, 1);  // technology / technologies: one word
  EXPECT_DOUBLE_EQ(al.pairings[1].similarity, variant);
  EXPECT_EQ(AlignTokens(q, Tokens("china technology")).pairings[0].method, MatchMethod::kExact);
}

TEST(AlignTokensTest, EnglishWordVariants) {
  struct Case {
    const char* a;
    const char* b;
    bool variants;
  };
  const Case cases[] = {
      {"technology", "technologies", true}, {"trading", "trade", true},  {"industrial", "industry", true},
      {"electronic", "electronics", true},  {"ship", "ships", true},      {"china", "china", true},
      {"technology", "tech", true},         {"group", "gro", false},      {"china", "chiva", false},
      {"china", "chino", false},            {"china", "chine", false},    {"group", "grupo", false},
      {"power", "tower", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(EnglishWordVariants(c.a, c.b), c.variants) << c.a << " / " << c.b;
    EXPECT_EQ(EnglishWordVariants(c.b, c.a), c.variants) << c.b << " / " << c.a;
  }
}

TEST(AlignTokensTest, TwoWordsMatchACommonTwoLetterAbbreviation) {
  std::vector<AlignToken> q = Tokens("zorvex hong kong");
  std::vector<AlignToken> l = Tokens("zorvex hk");
  l[1].weight = 0.4;  // a common list word
  Alignment al = AlignTokens(q, l);
  EXPECT_EQ(al.pairings[1].method, MatchMethod::kSplit);
  EXPECT_EQ(al.pairings[1].query_index2, 2);
  EXPECT_EQ(al.pairings[1].list_index, 1);
  EXPECT_DOUBLE_EQ(al.pairings[1].similarity, AlignOptions().acronym_similarity);
  EXPECT_TRUE(al.unmatched_list.empty());
  // A rare two-letter list word is a name's own letters, not an
  // abbreviation of two query words.
  l[1].weight = 1.0;
  EXPECT_EQ(AlignTokens(q, l).pairings[1].method, MatchMethod::kNone);
  // Words of two letters (particles) do not make an acronym.
  std::vector<AlignToken> q2 = Tokens("al arabi trading");
  std::vector<AlignToken> l2 = Tokens("aa trading");
  l2[0].weight = 0.4;
  EXPECT_EQ(AlignTokens(q2, l2).pairings[0].method, MatchMethod::kNone);
  // Switched off (person queries).
  l[1].weight = 0.4;
  AlignOptions off;
  off.allow_acronyms = false;
  EXPECT_EQ(AlignTokens(q, l, off).pairings[1].method, MatchMethod::kNone);
}

}  // namespace
}  // namespace partyscreen::internal
