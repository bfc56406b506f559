#include "lib/scoring/phonetic.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace partyscreen::internal {
namespace {

// Each group holds real variant spellings of one name that must share a
// consonant skeleton.
const std::vector<std::vector<std::string>>& SameSkeletonGroups() {
  static const auto* groups = new std::vector<std::vector<std::string>>{
      {"mohamed", "muhammad", "mohammed", "mukhammad", "mhmd", "mohamad",
       "muhamed", "mohammad", "muhammed"},
      {"husayn", "hussein", "husein", "hosein", "hussain", "husain",
       "houssein"},
      {"yusuf", "yousef", "iosif", "yosef", "youssef", "yousif"},
      {"sergei", "sergey", "sergeiy"},
      {"aleksandr", "alexander", "aleksander", "oleksandr", "alexandr"},
      {"gaddafi", "qadhafi", "kadafi", "qaddafi", "gadhafi", "qathafi"},
      {"dmitry", "dmitri", "dmitriy", "dmitrii"},
      {"mikhail", "mihail"},
      {"vladimir", "wladimir"},
      {"evgeny", "yevgeny", "evgenii", "yevgeniy"},
      {"ahmad", "ahmed", "ahmet"},
      {"abdullah", "abdallah", "abdulla"},
      {"hezbollah", "hizballah", "hizbullah"},
      {"qasim", "kasim", "qassem", "kassem"},
      {"osama", "usama"},
      {"muammar", "moammar"},
      {"tchaikovsky", "chaikovsky", "tschaikowsky"},
      {"nasrallah", "nasrullah"},
      {"khalid", "khaled"},
      {"zhang", "jang"},
  };
  return *groups;
}

TEST(ConsonantSkeletonTest, VariantSpellingsShareTheKey) {
  for (const auto& group : SameSkeletonGroups()) {
    const std::string key = ConsonantSkeleton(group[0]);
    EXPECT_FALSE(key.empty()) << group[0];
    for (const std::string& variant : group) {
      EXPECT_EQ(ConsonantSkeleton(variant), key)
          << variant << " vs " << group[0];
    }
  }
}

TEST(ConsonantSkeletonTest, ExactKeys) {
  EXPECT_EQ(ConsonantSkeleton("mohamed"), "mhmt");
  EXPECT_EQ(ConsonantSkeleton("hussein"), "hsn");
  EXPECT_EQ(ConsonantSkeleton("yusuf"), "asf");
  EXPECT_EQ(ConsonantSkeleton("alexander"), "alksntr");
  EXPECT_EQ(ConsonantSkeleton("gaddafi"), "ktf");
  EXPECT_EQ(ConsonantSkeleton(""), "");
  EXPECT_EQ(ConsonantSkeleton("aeiou"), "a");
  EXPECT_EQ(ConsonantSkeleton("victory3"), "fktr3");
}

TEST(ConsonantSkeletonTest, JoinedArabicNamesDifferByOneSymbol) {
  const std::string a = ConsonantSkeleton("abdulrahman");
  const std::string b = ConsonantSkeleton("abdurrahman");
  EXPECT_EQ(a, "aptlrhmn");
  EXPECT_EQ(b, "aptrhmn");
}

TEST(ConsonantSkeletonTest, DistinctNamesDiffer) {
  EXPECT_NE(ConsonantSkeleton("hassan"), ConsonantSkeleton("hussein") + "x");
  EXPECT_NE(ConsonantSkeleton("hassan"), ConsonantSkeleton("mohamed"));
  EXPECT_NE(ConsonantSkeleton("putin"), ConsonantSkeleton("patel"));
  EXPECT_NE(ConsonantSkeleton("ivanov"), ConsonantSkeleton("ivanova") + "x");
  EXPECT_NE(ConsonantSkeleton("columbia"), ConsonantSkeleton("nordstrand"));
  EXPECT_NE(ConsonantSkeleton("sunny"), ConsonantSkeleton("sensetime"));
  EXPECT_NE(ConsonantSkeleton("ali"), ConsonantSkeleton("omar"));
}

TEST(ConsonantSkeletonTest, FinalHDropsButInnerHStays) {
  EXPECT_EQ(ConsonantSkeleton("allah"), ConsonantSkeleton("alla"));
  EXPECT_NE(ConsonantSkeleton("ahmed"), ConsonantSkeleton("amed"));
  EXPECT_EQ(ConsonantSkeleton("h"), "h");
}

TEST(PhoneticKeyTest, NationalArchivesExamples) {
  EXPECT_EQ(PhoneticKey("robert"), "r163");
  EXPECT_EQ(PhoneticKey("rupert"), "r163");
  EXPECT_EQ(PhoneticKey("rubin"), "r150");
  EXPECT_EQ(PhoneticKey("ashcraft"), "a261");
  EXPECT_EQ(PhoneticKey("ashcroft"), "a261");
  EXPECT_EQ(PhoneticKey("tymczak"), "t522");
  EXPECT_EQ(PhoneticKey("pfister"), "p236");
  EXPECT_EQ(PhoneticKey("honeyman"), "h555");
  EXPECT_EQ(PhoneticKey("lee"), "l000");
  EXPECT_EQ(PhoneticKey("gutierrez"), "g362");
  EXPECT_EQ(PhoneticKey("jackson"), "j250");
}

TEST(PhoneticKeyTest, VariantsShareTheCode) {
  EXPECT_EQ(PhoneticKey("mohamed"), PhoneticKey("mohammed"));
  EXPECT_EQ(PhoneticKey("smith"), PhoneticKey("smyth"));
  EXPECT_EQ(PhoneticKey("hussein"), PhoneticKey("husayn"));
  EXPECT_NE(PhoneticKey("putin"), PhoneticKey("medvedev"));
}

TEST(PhoneticKeyTest, NonLettersAreIgnored) {
  EXPECT_EQ(PhoneticKey(""), "");
  EXPECT_EQ(PhoneticKey("1234"), "");
  EXPECT_EQ(PhoneticKey("r0bert"), PhoneticKey("rbert"));
}

TEST(TranscriptionKeyTest, ChineseTranscriptionsShareTheKeyOfTheLatinWord) {
  // r and l are one class; voicing does not count; w, y and vowels drop.
  EXPECT_EQ(PinyinTranscriptionKey("pulaimile"), "PLML");
  EXPECT_EQ(LatinTranscriptionKey("premera"), "PLML");
  EXPECT_EQ(PinyinTranscriptionKey("maikeweier"), "MKL");
  EXPECT_EQ(LatinTranscriptionKey("makewell"), "MKL");
  // Pinyin digraphs and the final ng; Latin th, ph, ck, soft and hard c, x.
  EXPECT_EQ(PinyinTranscriptionKey("zhangsheng"), "SNSN");
  EXPECT_EQ(LatinTranscriptionKey("thompson"), "TMPSN");
  EXPECT_EQ(LatinTranscriptionKey("philco"), "FLK");
  EXPECT_EQ(LatinTranscriptionKey("cecil"), "SL");  // runs of a class collapse
  EXPECT_EQ(LatinTranscriptionKey("rocket"), "LKT");
  EXPECT_EQ(LatinTranscriptionKey("maxon"), "MKSN");
  // A Latin h counts only before a vowel at the start.
  EXPECT_EQ(LatinTranscriptionKey("hilton"), "HLTN");
  EXPECT_EQ(LatinTranscriptionKey("sarah"), "SL");
  // Digits or other characters: no key.
  EXPECT_EQ(PinyinTranscriptionKey("a320"), "");
  EXPECT_EQ(LatinTranscriptionKey("a320"), "");
  EXPECT_EQ(LatinTranscriptionKey(""), "");
}

TEST(TranscriptionKeyTest, ShortKeysWriteGlides) {
  EXPECT_EQ(ShortPinyinTranscriptionKey("niuwei"), "NW");
  EXPECT_EQ(ShortLatinTranscriptionKey("neway"), "NW");
  EXPECT_EQ(PinyinTranscriptionKey("niuwei"), "N");  // the long key drops w
  EXPECT_EQ(ShortPinyinTranscriptionKey("baoli"), "PL");
  EXPECT_EQ(ShortLatinTranscriptionKey("poly"), "PL");  // a final y is a vowel
  EXPECT_EQ(ShortLatinTranscriptionKey("yale"), "YL");
  EXPECT_EQ(LatinVowelGroupCount("poly"), 2);
  EXPECT_EQ(LatinVowelGroupCount("neway"), 2);
  EXPECT_EQ(LatinVowelGroupCount("yale"), 2);
  EXPECT_EQ(LatinVowelGroupCount("strength"), 1);
}

TEST(TranscriptionKeyTest, PinyinWords) {
  EXPECT_TRUE(IsPinyinWord("tianao"));
  EXPECT_TRUE(IsPinyinWord("yunze"));
  EXPECT_TRUE(IsPinyinWord("zhongguo"));
  EXPECT_TRUE(IsPinyinWord("china"));  // chi + na
  EXPECT_TRUE(IsPinyinWord("er"));
  EXPECT_FALSE(IsPinyinWord("poly"));
  EXPECT_FALSE(IsPinyinWord("benin"));  // "be" is no syllable
  EXPECT_FALSE(IsPinyinWord("sinno"));
  EXPECT_FALSE(IsPinyinWord("ircen"));
  EXPECT_FALSE(IsPinyinWord(""));
}

TEST(TranscriptionKeyTest, ShortMatchNeedsTwoSyllablesAgreeingVowelsAndNoPinyin) {
  EXPECT_TRUE(ShortTranscriptionKeysMatch("baoli", "poly"));
  EXPECT_TRUE(ShortTranscriptionKeysMatch("xinnuo", "sinno"));
  EXPECT_TRUE(ShortTranscriptionKeysMatch("niuwei", "neway"));
  EXPECT_TRUE(ShortTranscriptionKeysMatch("beining", "benin"));
  // No syllable's vowels agree.
  EXPECT_FALSE(ShortTranscriptionKeysMatch("fusheng", "vision"));
  EXPECT_FALSE(ShortTranscriptionKeysMatch("shunda", "zenith"));
  // One begins with a vowel, the other not.
  EXPECT_FALSE(ShortTranscriptionKeysMatch("lijian", "ircen"));
  // The Latin word is pinyin: it pairs by spelling, not by sound.
  EXPECT_FALSE(ShortTranscriptionKeysMatch("taidong", "tianao"));
  EXPECT_FALSE(ShortTranscriptionKeysMatch("xinnuo", "china"));
  // Three syllables are TranscriptionKeysMatch's; long Latin words never.
  EXPECT_FALSE(ShortTranscriptionKeysMatch("pulaimi", "plymouth"));
  EXPECT_FALSE(ShortTranscriptionKeysMatch("baoli", "polyphony"));
  // One class only.
  EXPECT_FALSE(ShortTranscriptionKeysMatch("maiao", "mayo"));
}

TEST(ChineseRomanisationKeyTest, PinyinAndWadeGilesAgree) {
  EXPECT_EQ(ChineseRomanisationKey("zhang"), ChineseRomanisationKey("chang"));
  EXPECT_EQ(ChineseRomanisationKey("xu"), ChineseRomanisationKey("hsu"));
  EXPECT_EQ(ChineseRomanisationKey("jianguo"), ChineseRomanisationKey("chienkuo"));
  EXPECT_EQ(ChineseRomanisationKey("zhong"), ChineseRomanisationKey("chung"));
  EXPECT_EQ(ChineseRomanisationKey("shi"), ChineseRomanisationKey("shih"));
  EXPECT_EQ(ChineseRomanisationKey("xie"), ChineseRomanisationKey("hsieh"));
  EXPECT_EQ(ChineseRomanisationKey("cai"), ChineseRomanisationKey("tsai"));
  // The vowels stay: other syllables, other keys.
  EXPECT_NE(ChineseRomanisationKey("cheng"), ChineseRomanisationKey("chen"));
  EXPECT_NE(ChineseRomanisationKey("zhiming"), ChineseRomanisationKey("zhihong"));
  EXPECT_NE(ChineseRomanisationKey("zhang"), ChineseRomanisationKey("ching"));
}

TEST(KoreanRomanisationKeyTest, McCuneReischauerAndRevisedAgree) {
  EXPECT_EQ(KoreanRomanisationKey("chong"), KoreanRomanisationKey("jeong"));
  EXPECT_EQ(KoreanRomanisationKey("pak"), KoreanRomanisationKey("park"));
  EXPECT_EQ(KoreanRomanisationKey("pak"), KoreanRomanisationKey("bak"));
  EXPECT_EQ(KoreanRomanisationKey("kyong"), KoreanRomanisationKey("gyeong"));
  EXPECT_EQ(KoreanRomanisationKey("choe"), KoreanRomanisationKey("choi"));
  EXPECT_EQ(KoreanRomanisationKey("sun"), KoreanRomanisationKey("soon"));
  EXPECT_EQ(KoreanRomanisationKey("ri"), KoreanRomanisationKey("li"));
  // Other syllables, other keys.
  EXPECT_NE(KoreanRomanisationKey("yongil"), KoreanRomanisationKey("kyongil"));
  EXPECT_NE(KoreanRomanisationKey("chongja"), KoreanRomanisationKey("changha"));
}

TEST(TranscriptionKeyTest, MatchNeedsThreeSyllablesAndThreeClasses) {
  EXPECT_EQ(PinyinSyllableCount("pulaimile"), 4);
  EXPECT_EQ(PinyinSyllableCount("dahua"), 2);
  EXPECT_TRUE(TranscriptionKeysMatch("pulaimile", "premera"));
  EXPECT_TRUE(TranscriptionKeysMatch("maikeweier", "makewell"));
  // Two syllables: a Chinese word, not a transcription ("hairun" and
  // "heron" share H-L-N).
  EXPECT_FALSE(TranscriptionKeysMatch("hairun", "heron"));
  // Two classes only.
  EXPECT_FALSE(TranscriptionKeysMatch("baolilai", "pole"));
  // Latin words of 3 letters never.
  EXPECT_EQ(PinyinTranscriptionKey("maikeli"), LatinTranscriptionKey("mkl"));
  EXPECT_FALSE(TranscriptionKeysMatch("maikeli", "mkl"));
  EXPECT_TRUE(TranscriptionKeysMatch("maikeli", "mikel"));
  // Different consonants.
  EXPECT_FALSE(TranscriptionKeysMatch("pulaimile", "primera1"));
  EXPECT_FALSE(TranscriptionKeysMatch("pulaimile", "paloma"));
}

}  // namespace
}  // namespace partyscreen::internal
