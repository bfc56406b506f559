#include "lib/scoring/token_similarity.h"

#include <random>
#include <string>

#include "gtest/gtest.h"
#include "lib/scoring/phonetic.h"

namespace partyscreen::internal {
namespace {

double Sim(absl::string_view a, absl::string_view b) {
  return CompareTokens(a, b).similarity;
}

TEST(CompareTokensTest, ExactTokensScoreOne) {
  const TokenSimilarity s = CompareTokens("rosneft", "rosneft");
  EXPECT_EQ(s.similarity, 1.0);
  EXPECT_EQ(s.method, MatchMethod::kExact);
  EXPECT_EQ(CompareTokens("7", "7").method, MatchMethod::kExact);
}

TEST(CompareTokensTest, FarLiftPrefixKeepsTheLiftOnlyForASharedPrefix) {
  TokenSimilarityOptions latin;
  latin.far_lift_prefix = 4;
  // 3 edits apart, sharing "tech": lifted as without the rule.
  const double plural = CompareTokens("technologies", "technology").similarity;
  EXPECT_GT(plural, 0.8);
  EXPECT_DOUBLE_EQ(CompareTokens("technologies", "technology", latin).similarity, plural);
  // 5 edits apart, sharing only "a": the lift alone lifted it over 0.7.
  EXPECT_GE(CompareTokens("avtomobilnaya", "automobile").similarity, 0.7);
  const TokenSimilarity far = CompareTokens("avtomobilnaya", "automobile", latin);
  EXPECT_NEAR(far.similarity, 1.0 - 5.0 / 13.0, 1e-9);
  // Within 2 edits the rule does not apply.
  EXPECT_DOUBLE_EQ(CompareTokens("megvii", "magvii", latin).similarity, CompareTokens("megvii", "magvii").similarity);
}

TEST(CompareTokensTest, NumbersMatchOnlyExactly) {
  const TokenSimilarity s = CompareTokens("3", "5");
  EXPECT_EQ(s.similarity, 0.0);
  EXPECT_EQ(s.method, MatchMethod::kNumberMismatch);
  EXPECT_EQ(CompareTokens("2021", "2012").method, MatchMethod::kNumberMismatch);
  EXPECT_EQ(CompareTokens("12345", "12346").similarity, 0.0);
  EXPECT_EQ(CompareTokens("8", "b").method, MatchMethod::kNumberMismatch);
  // Alphanumeric model numbers with different digits do not match.
  EXPECT_EQ(CompareTokens("a320", "a321").method, MatchMethod::kNumberMismatch);
  EXPECT_EQ(CompareTokens("t72", "t80").similarity, 0.0);
  EXPECT_EQ(CompareTokens("a320", "b320").method, MatchMethod::kEditDistance);
}

TEST(CompareTokensTest, OneTypoInLongTokenScoresHigh) {
  EXPECT_GE(Sim("magvii", "megvii"), 0.85);
  EXPECT_GE(Sim("duahua", "dahua"), 0.85);
  EXPECT_GE(Sim("rosneft", "rosnft"), 0.85);
  EXPECT_GE(Sim("gaicheyna", "gaichenya"), 0.85);  // transposition
  EXPECT_GE(Sim("marko", "mario"), 0.85);
  EXPECT_GE(Sim("mbrio", "mario"), 0.85);  // substitution right after prefix
  EXPECT_GE(Sim("shalisn", "shalish"), 0.85);
  EXPECT_EQ(CompareTokens("megvii", "magvii").method,
            MatchMethod::kEditDistance);
}

TEST(CompareTokensTest, OneTypoInEveryFiveLetterWordScoresHigh) {
  // Exhaustive over edit kinds and positions (first letter kept, as in the
  // benchmark's typo rules).
  const std::string base = "kazan";
  for (size_t p = 1; p < base.size(); ++p) {
    std::string sub = base;
    sub[p] = sub[p] == 'x' ? 'y' : 'x';
    EXPECT_GE(Sim(sub, base), 0.85) << sub;
    std::string del = base;
    del.erase(p, 1);
    EXPECT_GE(Sim(del, base), 0.85) << del;
    std::string ins = base;
    ins.insert(p, "q");
    EXPECT_GE(Sim(ins, base), 0.85) << ins;
    if (p + 1 < base.size()) {
      std::string tr = base;
      std::swap(tr[p], tr[p + 1]);
      if (tr != base) {
        EXPECT_GE(Sim(tr, base), 0.85) << tr;
      }
    }
  }
}

TEST(CompareTokensTest, TwoTyposInLongTokenScoreAboveThreeQuarters) {
  EXPECT_GE(Sim("dicanizaceh", "divanizadeh"), 0.75);
  EXPECT_GE(Sim("governmdnt", "government"), 0.75);
  EXPECT_GE(Sim("instigute", "institute"), 0.75);
  EXPECT_GE(Sim("reshtye", "reshte"), 0.75);
  EXPECT_GE(Sim("electromechnicak", "electromechanical"), 0.75);
}

TEST(CompareTokensTest, ShortTokensNeedCare) {
  EXPECT_GE(Sim("jon", "john"), 0.83);
  EXPECT_LE(Sim("bank", "bonk"), 0.82);
  EXPECT_LT(Sim("bank", "bonk"), Sim("jon", "john"));
  EXPECT_LE(Sim("ali", "ala"), 0.75);
  // 2-3 letter tokens: more than one edit is never a match.
  EXPECT_LT(Sim("lee", "li"), 0.5);
  EXPECT_LT(Sim("abc", "xbz"), 0.5);
  EXPECT_LT(Sim("al", "abc"), 0.5);
}

TEST(CompareTokensTest, DissimilarWordsScoreLow) {
  EXPECT_LT(Sim("sunny", "sensetime"), 0.5);
  EXPECT_LT(Sim("columbia", "nordstrand"), 0.5);
  EXPECT_LT(Sim("utilities", "gidropribor"), 0.5);
  EXPECT_LT(Sim("insight", "naser"), 0.5);
  EXPECT_LT(Sim("crowdstrike", "photomasking"), 0.5);
  EXPECT_LT(Sim("bristol", "stanmix"), 0.5);
  EXPECT_LT(Sim("jessica", "jesus"), 0.7);
}

TEST(CompareTokensTest, PhoneticVariantsScoreAtLeastPhoneticFloor) {
  for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"mohamed", "muhammad"},
           {"mukhammad", "mohammed"},
           {"hussein", "husayn"},
           {"hosein", "hussein"},
           {"yusuf", "iosif"},
           {"qadhafi", "gaddafi"},
           {"aleksandr", "alexander"},
           {"sergei", "sergey"}}) {
    EXPECT_GE(Sim(a, b), 0.85) << a << " / " << b;
  }
  EXPECT_EQ(CompareTokens("mohamed", "muhammad").method,
            MatchMethod::kPhonetic);
  EXPECT_EQ(CompareTokens("husayn", "hussein").method, MatchMethod::kPhonetic);
}

TEST(CompareTokensTest, OcrHomoglyphsScoreHigh) {
  EXPECT_GE(Sim("semic0nductor", "semiconductor"), 0.95);
  EXPECT_GE(Sim("ju1io", "julio"), 0.95);
  EXPECT_GE(Sim("m0hammed", "mohammed"), 0.95);
  EXPECT_GE(Sim("neiko1ai", "neikolai"), 0.95);
  EXPECT_LT(Sim("m0hammed", "mohammed"), 1.0);
}

TEST(CompareTokensTest, MoreTyposScoreLower) {
  const std::string base = "zhejiangdahua";
  const std::string one = "zhejiangdahia";
  const std::string two = "zhejxangdahia";
  const std::string three = "zhejxangdqhia";
  EXPECT_GT(Sim(base, base), Sim(one, base));
  EXPECT_GT(Sim(one, base), Sim(two, base));
  EXPECT_GT(Sim(two, base), Sim(three, base));
}

TEST(CompareTokensTest, IsSymmetricAndInUnitRange) {
  std::mt19937 rng(4242);
  std::uniform_int_distribution<int> len(1, 12);
  std::uniform_int_distribution<int> ch(0, 6);
  const char alphabet[] = "aehmnr1";
  for (int round = 0; round < 5000; ++round) {
    std::string a(len(rng), 'a'), b(len(rng), 'a');
    for (char& c : a) c = alphabet[ch(rng)];
    for (char& c : b) c = alphabet[ch(rng)];
    const TokenSimilarity ab = CompareTokens(a, b);
    const TokenSimilarity ba = CompareTokens(b, a);
    ASSERT_EQ(ab.similarity, ba.similarity) << a << " / " << b;
    ASSERT_EQ(ab.method, ba.method);
    ASSERT_GE(ab.similarity, 0.0);
    ASSERT_LE(ab.similarity, 1.0);
    if (a != b) {
      ASSERT_LT(ab.similarity, 1.0) << a << " / " << b;
    }
  }
}

TEST(CompareTokensTest, ScoreCutoffOnlyDropsResultsBelowIt) {
  std::mt19937 rng(2718);
  std::uniform_int_distribution<int> len(1, 10);
  std::uniform_int_distribution<int> ch(0, 7);
  const char alphabet[] = "aehmnrs0";
  int kept = 0, dropped = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string a(len(rng), 'a'), b(len(rng), 'a');
    for (char& c : a) c = alphabet[ch(rng)];
    for (char& c : b) c = alphabet[ch(rng)];
    const double cutoff = 0.1 * (round % 11);
    const TokenSimilarity full = CompareTokens(a, b);
    const TokenSimilarity cut = CompareTokens(a, b, {}, cutoff);
    if (full.method == MatchMethod::kNumberMismatch) {
      ASSERT_EQ(cut.method, MatchMethod::kNumberMismatch);
    } else if (full.similarity >= cutoff) {
      ASSERT_EQ(cut.similarity, full.similarity) << a << " / " << b;
      ASSERT_EQ(cut.method, full.method);
      ++kept;
    } else {
      ASSERT_EQ(cut.similarity, 0.0) << a << " / " << b;
      ASSERT_EQ(cut.method, MatchMethod::kNone);
      ++dropped;
    }
  }
  EXPECT_GT(kept, 1000);
  EXPECT_GT(dropped, 1000);
}

TEST(CompareTokensTest, LoosePhoneticForScriptsWithoutShortVowels) {
  TokenSimilarityOptions loose;
  loose.loose_phonetic = true;
  // Written consonants that agree: 0.9, also for three-letter tokens.
  EXPECT_DOUBLE_EQ(CompareTokens("shmlkh", "shamlakh", loose).similarity, 0.9);
  EXPECT_DOUBLE_EQ(CompareTokens("wtn", "watan", loose).similarity, 0.9);
  EXPECT_DOUBLE_EQ(CompareTokens("zhir", "zuheir", loose).similarity, 0.9);
  EXPECT_EQ(CompareTokens("wtn", "watan", loose).method, MatchMethod::kPhonetic);
  EXPECT_DOUBLE_EQ(CompareTokens("tridf", "tradive", loose).similarity, 0.9);  // f = v
  // Skeletons of three symbols that agree, letters that do not: 0.8.
  EXPECT_DOUBLE_EQ(CompareTokens("ktb", "qatab", loose).similarity, 0.8);
  EXPECT_DOUBLE_EQ(CompareTokens("qdur", "qaddour", loose).similarity, 0.9);
  // Two key symbols alone are not enough: "zayd" is not "society".
  EXPECT_LT(CompareTokens("zayd", "society", loose).similarity, 0.5);
  EXPECT_DOUBLE_EQ(CompareTokens("zayd", "zaid", loose).similarity, 0.9);
  // Without the option (Latin queries) none of this applies.
  EXPECT_LT(CompareTokens("wtn", "watan").similarity, 0.7);
  EXPECT_LT(CompareTokens("zhir", "zuheir").similarity, 0.8);
  EXPECT_EQ(WrittenConsonants("shamlakh"), "shmlk");
  EXPECT_EQ(WrittenConsonants("dawwa"), "df");
  EXPECT_EQ(WrittenConsonants("odeh"), "dh");
  EXPECT_EQ(WrittenConsonants("levi"), "lf");
  EXPECT_EQ(WrittenConsonants("pdrmn"), WrittenConsonants("federman"));  // Hebrew pe: p or f
  // Short skeletons: the written consonants are the key.
  std::string skeleton, consonants;
  LooseKeys("dwa", &skeleton, &consonants);
  EXPECT_EQ(skeleton, "");
  EXPECT_EQ(consonants, "#df");
  LooseKeys("shamlakh", &skeleton, &consonants);
  EXPECT_EQ(skeleton, "smlk");
  EXPECT_EQ(consonants, "#shmlk");
  EXPECT_DOUBLE_EQ(CompareTokens("lwy", "levi", loose).similarity, 0.9);
  EXPECT_DOUBLE_EQ(CompareTokens("dwa", "dawwa", loose).similarity, 0.9);
  EXPECT_DOUBLE_EQ(CompareTokens("udah", "odeh", loose).similarity, 0.9);
  LooseKeys("ab", &skeleton, &consonants);
  EXPECT_EQ(consonants, "");
  EXPECT_EQ(WrittenConsonants("masalmeh"), "mslm");
  EXPECT_EQ(LooseSkeleton("zuheir"), LooseSkeleton("zhir"));
  // Two written consonants: both words begin with a vowel or neither does.
  EXPECT_EQ(WrittenConsonants("samih"), WrittenConsonants("usama"));  // "sm"
  EXPECT_LT(CompareTokens("samih", "usama", loose).similarity, 0.7);
  EXPECT_DOUBLE_EQ(CompareTokens("amr", "omar", loose).similarity, 0.9);
  EXPECT_DOUBLE_EQ(CompareTokens("izzat", "ezat", loose).similarity, 0.9);
  // An a or e before a doubled consonant may be an article written onto
  // the word: it agrees with either.
  EXPECT_DOUBLE_EQ(CompareTokens("din", "eddine", loose).similarity, 0.9);
}

TEST(CompareTokensTest, LoosePhoneticDoesNotPairANameWithItsNisba) {
  TokenSimilarityOptions loose;
  loose.loose_phonetic = true;
  // "mhmdi" (محمدی, Mohammadi) is not "muhammad", nor "hsni" "hasan".
  EXPECT_LT(CompareTokens("mhmdi", "muhammad", loose).similarity, 0.7);
  EXPECT_LT(CompareTokens("hsni", "hasan", loose).similarity, 0.7);
  EXPECT_TRUE(NisbaConflict("mhmdi", "muhammad"));
  // Both with the ya, whatever vowel the Latin spelling puts before it.
  EXPECT_FALSE(NisbaConflict("achkzi", "achekzai"));
  EXPECT_GE(CompareTokens("achkzi", "achekzai", loose).similarity, 0.8);
  EXPECT_GE(CompareTokens("krimi", "karimi", loose).similarity, 0.8);
  // A final h or vowel on the other side is no conflict ("udah"/"odeh").
  EXPECT_FALSE(NisbaConflict("blali", "blala"));
  EXPECT_FALSE(NisbaConflict("hmdi", "hamdeh"));
}

TEST(CompareTokensTest, SyllabicQueriesKeepTheirSyllables) {
  TokenSimilarityOptions o;
  o.phonetic_similarity = 0.85;
  // Same consonant skeleton, other vowel groups: a phonetic match for a
  // Latin spelling, but not for a romanised Chinese or Korean word.
  ASSERT_EQ(CompareTokens("zhang", "zhiyong", o).method, MatchMethod::kPhonetic);
  TokenSimilarityOptions syllabic = o;
  syllabic.phonetic_same_vowel_groups = true;
  EXPECT_LT(CompareTokens("zhang", "zhiyong", syllabic).similarity, 0.7);
  EXPECT_EQ(VowelGroups("zhiyong"), 2);
  EXPECT_EQ(VowelGroups("chiang"), 1);
  EXPECT_EQ(VowelGroups("xu"), 1);
  // A spelling of the same syllables still pairs.
  EXPECT_GE(CompareTokens("zhiming", "zhimeng", syllabic).similarity, 0.7);
}

TEST(CompareTokensTest, ScoreCutoffKeepsLoosePhoneticMatches) {
  // With loose phonetic matching (Arabic-script queries), a cutoff must not
  // drop a pair that rule 7 scores above it, whatever the length ratio:
  // "qdur" (from قدور) against "qaddour".
  TokenSimilarityOptions loose;
  loose.loose_phonetic = true;
  const TokenSimilarity full = CompareTokens("qdur", "qaddour", loose);
  ASSERT_EQ(full.method, MatchMethod::kPhonetic);
  const TokenSimilarity cut = CompareTokens("qdur", "qaddour", loose, 0.7);
  EXPECT_EQ(cut.similarity, full.similarity);
  std::mt19937 rng(314);
  std::uniform_int_distribution<int> len(3, 12);
  std::uniform_int_distribution<int> ch(0, 9);
  const char alphabet[] = "aiuwydqrsh";
  int loose_kept = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string a(len(rng), 'a'), b(len(rng), 'a');
    for (char& c : a) c = alphabet[ch(rng)];
    for (char& c : b) c = alphabet[ch(rng)];
    const double cutoff = 0.1 * (round % 11);
    const TokenSimilarity f = CompareTokens(a, b, loose);
    const TokenSimilarity c = CompareTokens(a, b, loose, cutoff);
    if (f.similarity >= cutoff) {
      ASSERT_EQ(c.similarity, f.similarity) << a << " / " << b << " cutoff " << cutoff;
      if (f.method == MatchMethod::kPhonetic && cutoff > 0) ++loose_kept;
    } else {
      ASSERT_EQ(c.similarity, 0.0) << a << " / " << b;
    }
  }
  EXPECT_GT(loose_kept, 20);
}

TEST(CompareTokensTest, OptionsAreHonoured) {
  TokenSimilarityOptions options;
  options.phonetic_similarity = 0.9;
  EXPECT_EQ(CompareTokens("mohamed", "muhammad", options).similarity, 0.9);
  options.jaro_winkler_bonus_cap = 0.0;
  options.short_substitution_bonus_cap = 0.0;
  EXPECT_DOUBLE_EQ(CompareTokens("jon", "john", options).similarity, 0.75);
}

TEST(MatchMethodTest, NamesAreStable) {
  EXPECT_EQ(MatchMethodName(MatchMethod::kExact), "exact");
  EXPECT_EQ(MatchMethodName(MatchMethod::kJoined), "joined");
  EXPECT_EQ(MatchMethodName(MatchMethod::kNumberMismatch), "number_mismatch");
}

}  // namespace
}  // namespace partyscreen::internal
