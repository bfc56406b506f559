// Unit tests of Screener on a small fixture list (tests/testdata/screen/,
// custom_csv format): word order, punctuation, joined and split words, legal
// forms, generic words, typos, numbers, short brand forms, initials,
// honorifics, other scripts, Unicode clean-up, kind / date-of-birth /
// identifier adjustments, explanations, hit ordering, determinism (also with
// ScreenBatch on a thread pool), errors and filters.
//
// The scoring model is still being tuned, so these tests assert properties
// (who is the top hit, alert or no alert at kDefaultAlertThreshold, A ranks
// above B, identical names score exactly 1.0) rather than score values.

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "tools/partyscreen/thread_pool.h"
#include "partyscreen/index.h"
#include "partyscreen/options.h"
#include "partyscreen/query.h"
#include "partyscreen/result.h"
#include "partyscreen/screener.h"
#include "partyscreen/sources.h"

namespace partyscreen {
namespace {

constexpr double kThreshold = kDefaultAlertThreshold;
using TinyPool = cli::ThreadPool;  // the CLI's executor (tools/partyscreen/thread_pool.h)

class ScreenerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    IndexBuilder builder;
    for (const char* id : {"fixture", "second"}) {
      ReadOptions ro;
      ro.format = ListFormat::kCustomCsv;
      ro.list_id = id;
      auto list = ReadList(absl::StrCat(PARTYSCREEN_SOURCE_DIR "/tests/testdata/screen/", id, ".csv"), ro);
      ASSERT_TRUE(list.ok()) << list.status();
      ASSERT_TRUE(builder.AddList(*std::move(list)).ok());
    }
    auto index = std::move(builder).Build();
    ASSERT_TRUE(index.ok()) << index.status();
    auto screener = Screener::Create(*index);
    ASSERT_TRUE(screener.ok()) << screener.status();
    screener_ = screener->release();
  }
  static void TearDownTestSuite() {
    delete screener_;
    screener_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(screener_, nullptr); }

  // All hits with score >= min_score on the "fixture" list only.
  static ScreenResult Run(const Query& q, double min_score = 0.0) {
    ScreenOptions o;
    o.min_score = min_score;
    o.limit = 0;
    o.lists = {"fixture"};
    auto r = screener_->Screen(q, o);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? *std::move(r) : ScreenResult{};
  }
  static ScreenResult Run(const std::string& name, PartyKind kind = PartyKind::kUnknown) {
    Query q;
    q.name = name;
    q.kind = kind;
    return Run(q);
  }

  // The fixture entity id of the top hit, or "" if there is none.
  static std::string Top(const std::string& name, PartyKind kind = PartyKind::kUnknown) {
    ScreenResult r = Run(name, kind);
    return r.hits.empty() ? "" : r.hits[0].entity_id;
  }
  // The score of fixture entity `id` for the query (0 if not a hit at all).
  // True if the top hit of `name` pairs `query_token` with `list_token`.
  static bool TopHitPairs(const std::string& name, absl::string_view query_token, absl::string_view list_token) {
    ScreenResult r = Run(name);
    if (r.hits.empty()) return false;
    for (const auto& p : r.hits[0].explanation.pairings) {
      if (p.query_token == query_token && p.list_token == list_token) return true;
    }
    return false;
  }
  static double ScoreOf(const Query& q, const std::string& id) {
    for (const Hit& h : Run(q).hits) {
      if (h.entity_id == id) return h.score;
    }
    return 0;
  }
  static double ScoreOf(const std::string& name, const std::string& id,
                        PartyKind kind = PartyKind::kUnknown) {
    Query q;
    q.name = name;
    q.kind = kind;
    return ScoreOf(q, id);
  }
  // The fixture hits at or above the alert threshold, as entity ids.
  static std::vector<std::string> Alerts(const std::string& name, PartyKind kind = PartyKind::kUnknown) {
    Query q;
    q.name = name;
    q.kind = kind;
    std::vector<std::string> ids;
    for (const Hit& h : Run(q, kThreshold).hits) ids.push_back(h.entity_id);
    return ids;
  }
  static bool AlertsOn(const std::string& name, const std::string& id,
                       PartyKind kind = PartyKind::kUnknown) {
    auto a = Alerts(name, kind);
    return std::find(a.begin(), a.end(), id) != a.end();
  }

  static const Screener* screener_;
};
const Screener* ScreenerTest::screener_ = nullptr;

// ---------------------------------------------------------------- basics

TEST_F(ScreenerTest, IdenticalNameScoresExactlyOne) {
  for (const auto& [name, id] : std::vector<std::pair<std::string, std::string>>{
           {"Sergey Lavrov", "P-003"},
           {"Megvii Technology Limited", "O-005"},
           {"VICTORY 5", "V-001"},
           {"Hangzhou Hikvision Digital Technology Co., Ltd.", "O-004"}}) {
    ScreenResult r = Run(name);
    ASSERT_FALSE(r.hits.empty()) << name;
    EXPECT_EQ(r.hits[0].entity_id, id) << name;
    EXPECT_EQ(r.hits[0].score, 1.0) << name;
    EXPECT_EQ(r.hits[0].explanation.name_score, 1.0) << name;
  }
}

TEST_F(ScreenerTest, ScoresAreInUnitInterval) {
  for (const std::string name :
       {"Sergey Lavrov", "Sergei Lavroff", "Beijing", "Technology Co., Ltd.", "V. Putin",
        "Victory 3", "Сергей Лавров", "Moscow Bank", "x"}) {
    Query q;
    q.name = name;
    q.date_of_birth = "1950";
    q.country = "RU";
    q.kind = PartyKind::kPerson;
    for (const Hit& h : Run(q).hits) {
      EXPECT_GE(h.score, 0.0) << name;
      EXPECT_LE(h.score, 1.0) << name;
      EXPECT_GE(h.explanation.name_score, 0.0) << name;
      EXPECT_LE(h.explanation.name_score, 1.0) << name;
    }
  }
}

TEST_F(ScreenerTest, NearNamesDoNotSaturate) {
  // Distinct near-names stay rankable: a typo scores below the exact name.
  EXPECT_LT(ScoreOf("Sergey Lavrof", "P-003"), 1.0);
  EXPECT_LT(ScoreOf("Magvii Technology Limited", "O-005"), 1.0);
  EXPECT_GT(ScoreOf("Sergey Lavrov", "P-003"), ScoreOf("Sergey Lavrof", "P-003"));
}

TEST_F(ScreenerTest, HitFieldsAreFilled) {
  ScreenResult r = Run("Sergey Lavrov");
  ASSERT_FALSE(r.hits.empty());
  const Hit& h = r.hits[0];
  EXPECT_EQ(h.list_id, "fixture");
  EXPECT_EQ(h.entity_id, "P-003");
  EXPECT_EQ(h.name, "Sergey Lavrov");
  EXPECT_EQ(h.matched_name, "Sergey Lavrov");
  EXPECT_EQ(h.kind, v1::ENTITY_KIND_INDIVIDUAL);
  ASSERT_NE(h.entity, nullptr);
  EXPECT_EQ(h.entity->entity_id(), "P-003");
  EXPECT_EQ(h.programs, std::vector<std::string>{"fixture-prog"});
  EXPECT_FALSE(r.index_fingerprint.empty());
  EXPECT_EQ(r.index_fingerprint, screener_->index()->info().fingerprint);
  EXPECT_GT(r.candidates, 0);
}

// ---------------------------------------------------------------- word order, punctuation

TEST_F(ScreenerTest, WordOrderDoesNotMatter) {
  EXPECT_EQ(Top("Nicolas Maduro Moros"), "P-001");
  EXPECT_EQ(ScoreOf("Nicolas Maduro Moros", "P-001"), 1.0);
  EXPECT_EQ(Top("Lavrov, Sergey"), "P-003");
  EXPECT_EQ(ScoreOf("Lavrov, Sergey", "P-003"), 1.0);
}

TEST_F(ScreenerTest, PunctuationAndDottedInitials) {
  EXPECT_EQ(Top("ABC Co."), "O-001");
  EXPECT_TRUE(AlertsOn("ABC Co.", "O-001"));
  EXPECT_TRUE(AlertsOn("Sergey-Lavrov", "P-003"));
}

// Dotted initials are joined ("A.B.C." -> "abc"), and so are single letters
// separated by spaces in an organisation's name.
TEST_F(ScreenerTest, SpacedInitialsEqualDottedInitials) {
  EXPECT_TRUE(AlertsOn("A B C Company", "O-001"));
}

TEST_F(ScreenerTest, JoinedAndSplitWords) {
  // The list has "JSC ARGUMENT"; the clerk wrote it without a space.
  EXPECT_EQ(Top("JSCARGUMENT"), "O-003");
  EXPECT_TRUE(AlertsOn("JSCARGUMENT", "O-003"));
  // The list has "Sensetime"; the clerk split it.
  EXPECT_EQ(Top("Sense Time Technology Development"), "O-002");
  EXPECT_TRUE(AlertsOn("Sense Time Technology Development", "O-002"));
}

// A stop word written onto a word ("IRONAND") is no part of it: the
// lists' stop words are no tokens, so no join could find it.
TEST_F(ScreenerTest, GluedStopWordIsSplitOff) {
  EXPECT_EQ(Top("ZELMORA IRONAND STEEL COMPANY"), "O-027");
  EXPECT_TRUE(AlertsOn("ZELMORA IRONAND STEEL COMPANY", "O-027"));
  EXPECT_TRUE(AlertsOn("THEZELMORA IRON AND STEEL", "O-027"));
}

// Dotted letters in a name with a legal form are an organisation's
// abbreviation ("N.A." for "named after"), not a person's initials: the
// listed name itself scores 1, whatever the query's kind.
TEST_F(ScreenerTest, DottedLettersInAnOrganisationNameAreNotInitials) {
  const char* name = "JOINT STOCK COMPANY KORVANE RESEARCH INSTITUTE N.A. M.M. TELVIN";
  for (PartyKind kind : {PartyKind::kUnknown, PartyKind::kOrganization}) {
    Query q;
    q.name = name;
    q.kind = kind;
    auto r = screener_->Screen(q, ScreenOptions());
    ASSERT_TRUE(r.ok());
    ASSERT_FALSE(r->hits.empty());
    EXPECT_EQ(r->hits[0].entity_id, "O-026");
    EXPECT_DOUBLE_EQ(r->hits[0].score, 1.0);
  }
}

// DISABLED: "SenseTime" alone alerts on the long listed name (short brand
// form), and "Sense Time Technology Development" does, but the split brand
// alone ("Sense Time") scores below the threshold: the joined-token match and
// the short-brand rule do not combine in the current model.
TEST_F(ScreenerTest, DISABLED_SplitShortBrandAlerts) {
  EXPECT_TRUE(AlertsOn("Sense Time", "O-002"));
}

// ---------------------------------------------------------------- legal forms

TEST_F(ScreenerTest, LegalFormVariantsAreEquivalent) {
  const double base = ScoreOf("Hangzhou Hikvision Digital Technology Co., Ltd.", "O-004");
  for (const std::string name :
       {"Hangzhou Hikvision Digital Technology Company Limited",
        "Hangzhou Hikvision Digital Technology Co Ltd",
        "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO. LTD."}) {
    EXPECT_EQ(Top(name), "O-004") << name;
    EXPECT_TRUE(AlertsOn(name, "O-004")) << name;
    EXPECT_GE(ScoreOf(name, "O-004"), kThreshold) << name;
  }
  EXPECT_EQ(base, 1.0);
}

TEST_F(ScreenerTest, DroppedLegalFormStillAlerts) {
  EXPECT_EQ(Top("Hangzhou Hikvision Digital Technology"), "O-004");
  EXPECT_TRUE(AlertsOn("Hangzhou Hikvision Digital Technology", "O-004"));
  EXPECT_TRUE(AlertsOn("Severny Veter", "O-008"));
  EXPECT_TRUE(AlertsOn("Megvii Technology", "O-005"));
}

TEST_F(ScreenerTest, RussianLegalFormsEqualEnglish) {
  // "OOO" is the Russian LLC; Cyrillic "ООО" too.
  EXPECT_EQ(Top("OOO Severny Veter"), "O-008");
  EXPECT_TRUE(AlertsOn("OOO Severny Veter", "O-008"));
  EXPECT_TRUE(AlertsOn("ООО Северный Ветер", "O-008"));
}

TEST_F(ScreenerTest, DifferentLegalFormDoesNotPreventMatch) {
  EXPECT_TRUE(AlertsOn("Severny Veter GmbH", "O-008"));
  EXPECT_TRUE(AlertsOn("Megvii Technology Co., Ltd.", "O-005"));
}

TEST_F(ScreenerTest, SharedLegalFormAloneDoesNotMatch) {
  // Same legal form, nothing else in common.
  EXPECT_TRUE(Alerts("Brightwater Orchard LLC").empty());
  EXPECT_TRUE(Alerts("Quiet Meadow Co., Ltd.").empty());
}

TEST_F(ScreenerTest, NameThatIsOnlyALegalFormMatchesNothing) {
  for (const std::string name : {"LLC", "Co., Ltd.", "Company Limited", "OOO"}) {
    Query q;
    q.name = name;
    ScreenOptions o;  // default threshold
    auto r = screener_->Screen(q, o);
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument) << name;
      continue;
    }
    EXPECT_TRUE(r->hits.empty()) << name << " alerts on " << r->hits.size() << " entities";
  }
}

// ---------------------------------------------------------------- generic words

TEST_F(ScreenerTest, SharedGenericWordsDoNotAlert) {
  EXPECT_FALSE(AlertsOn("Beijing Sunny Technology Co., Ltd.", "O-002"));
  EXPECT_TRUE(Alerts("Beijing Sunny Technology Co., Ltd.").empty());
  EXPECT_TRUE(Alerts("Beijing Sunny Technology Development Co., Ltd.").empty());
  EXPECT_TRUE(Alerts("Shanghai International Trading Group").empty());
  EXPECT_TRUE(Alerts("Moscow Bank").empty());
}

TEST_F(ScreenerTest, LongQuerySharingOneWordDoesNotAlert) {
  // An address or a description typed into the name column shares one word
  // with a short listed name: its many unmatched words are no evidence.
  // (The score model once weighted unmatched query words positively, and
  // such a query scored 0.99.)
  EXPECT_TRUE(Alerts("Global Parts Supplier Sensetime Distributor North America Regional Office Procurement Team "
                     "Building Seven Springfield Illinois")
                  .empty());
  EXPECT_LT(ScoreOf("Acme Holdings Fourth Floor Riverside Industrial Park Unit Twelve Argument Road Wholesale "
                    "Logistics Department",
                    "O-003"),
            0.5);
}

TEST_F(ScreenerTest, EachSideWithAnUnmatchedWordDoesNotAlert) {
  // "Quorvane Ostrel Trading" and "Quorvane Ostrel International" share
  // their distinctive words, but each has a word the other lacks: the pair
  // shows at a lower min_score, capped below the alert threshold (as "Arrow
  // Electronics" against the listed alias "Star Arrow").
  const double s = ScoreOf("Quorvane Ostrel Trading", "O-020");
  EXPECT_GE(s, 0.7);
  EXPECT_FALSE(AlertsOn("Quorvane Ostrel Trading", "O-020"));
  // The explanation names the cap.
  bool explained = false;
  for (const Hit& h : Run("Quorvane Ostrel Trading").hits) {
    if (h.entity_id != "O-020") continue;
    EXPECT_EQ(h.explanation.name_score_cap, "two_sided_mismatch");
    explained = true;
  }
  EXPECT_TRUE(explained);
  for (const Hit& h : Run("Quorvane Ostrel").hits) {
    if (h.entity_id == "O-020") {
      EXPECT_EQ(h.explanation.name_score_cap, "");
    }
  }
  // Only the list's extra word: a short form, which alerts.
  EXPECT_TRUE(AlertsOn("Quorvane Ostrel", "O-020"));
}

TEST_F(ScreenerTest, DistinctiveWordOutweighsGenericWords) {
  // The same distinctive word with other generic words ranks the entity first.
  EXPECT_EQ(Top("Shanghai Sensetime Trading Co., Ltd."), "O-002");
  EXPECT_GT(ScoreOf("Beijing Sensetime Co., Ltd.", "O-002"),
            ScoreOf("Beijing Sunny Technology Development Co., Ltd.", "O-002"));
}

// ---------------------------------------------------------------- typos, numbers

TEST_F(ScreenerTest, TyposStillAlert) {
  EXPECT_EQ(Top("Magvii Technology Limited"), "O-005");
  EXPECT_TRUE(AlertsOn("Magvii Technology Limited", "O-005"));
  EXPECT_TRUE(AlertsOn("Zhejiang Duahua Technology", "O-006"));
  EXPECT_TRUE(AlertsOn("Sergei Lavrov", "P-003"));
  EXPECT_TRUE(AlertsOn("Jon Smithfeld", "P-004"));
}

TEST_F(ScreenerTest, DigitsUsedAsLettersAreRepaired) {
  EXPECT_EQ(Top("S3rgey Lavr0v"), "P-003");
  EXPECT_TRUE(AlertsOn("S3rgey Lavr0v", "P-003"));
}

TEST_F(ScreenerTest, NumbersMustMatchExactly) {
  EXPECT_EQ(ScoreOf("Victory 5", "V-001"), 1.0);
  EXPECT_EQ(ScoreOf("Victory", "V-002"), 1.0);
  EXPECT_FALSE(AlertsOn("Victory 3", "V-001"));
  EXPECT_FALSE(AlertsOn("Victory 3", "V-002"));
  EXPECT_FALSE(AlertsOn("Victory 5", "V-002"));
  EXPECT_FALSE(AlertsOn("Victory", "V-001"));
  EXPECT_TRUE(Alerts("Victory 3").empty());
}

// result.h lists the pairing method "number_mismatch": the explanation of
// "Victory 3" vs "VICTORY 5" pairs the two numbers with it.
TEST_F(ScreenerTest, NumberMismatchIsExplained) {
  Query q;
  q.name = "Victory 3";
  ScreenResult r = Run(q);
  bool found = false;
  for (const Hit& h : r.hits) {
    if (h.entity_id != "V-001") continue;
    for (const TokenMatch& m : h.explanation.pairings) {
      if (m.method == "number_mismatch") found = true;
    }
    // The cap, when it lowered the score, is named.
    if (h.explanation.name_score > 0.6 - 1e-9) {
      EXPECT_EQ(h.explanation.name_score_cap, "number_conflict");
    }
  }
  EXPECT_TRUE(found) << "no number_mismatch pairing for Victory 3 vs VICTORY 5";
}

// ---------------------------------------------------------------- brands

TEST_F(ScreenerTest, ShortDistinctiveBrandAlertsOnLongName) {
  EXPECT_EQ(Top("SenseTime"), "O-002");
  EXPECT_TRUE(AlertsOn("SenseTime", "O-002"));
  EXPECT_EQ(Top("Hikvision"), "O-004");
  EXPECT_TRUE(AlertsOn("Hikvision", "O-004"));
  EXPECT_TRUE(AlertsOn("Megvii", "O-005"));
}

TEST_F(ScreenerTest, GenericSingleWordDoesNotAlert) {
  EXPECT_TRUE(Alerts("Technology").empty());
  EXPECT_TRUE(Alerts("Beijing").empty());
  EXPECT_TRUE(Alerts("Bank").empty());
}

// ---------------------------------------------------------------- persons

TEST_F(ScreenerTest, InitialsMatchPersons) {
  EXPECT_EQ(Top("V. Putin", PartyKind::kPerson), "P-002");
  EXPECT_TRUE(AlertsOn("V. Putin", "P-002", PartyKind::kPerson));
  EXPECT_TRUE(AlertsOn("Vladimir Putin", "P-002"));
  // A wrong initial ranks below the right one.
  EXPECT_GT(ScoreOf("V. Putin", "P-002", PartyKind::kPerson),
            ScoreOf("K. Putin", "P-002", PartyKind::kPerson));
}

TEST_F(ScreenerTest, InitialIsExplained) {
  ScreenResult r = Run("V. Putin", PartyKind::kPerson);
  ASSERT_FALSE(r.hits.empty());
  ASSERT_EQ(r.hits[0].entity_id, "P-002");
  bool initial = false;
  for (const TokenMatch& m : r.hits[0].explanation.pairings) initial |= m.method == "initial";
  EXPECT_TRUE(initial);
}

TEST_F(ScreenerTest, MissingPatronymicStillAlerts) {
  EXPECT_EQ(Top("Vladimir Putin"), "P-002");
  // The alias with the patronymic is the better match for a query with it.
  ScreenResult r = Run("Sergey Viktorovich Lavrov");
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].entity_id, "P-003");
  EXPECT_EQ(r.hits[0].matched_name, "Sergey Viktorovich Lavrov");
  EXPECT_EQ(r.hits[0].score, 1.0);
}

TEST_F(ScreenerTest, HonorificsAreStripped) {
  const double plain = ScoreOf("Sergey Lavrov", "P-003");
  EXPECT_EQ(ScoreOf("Mr. Sergey Lavrov", "P-003"), plain);
  EXPECT_EQ(ScoreOf("Dr Sergey Lavrov", "P-003"), plain);
  EXPECT_EQ(ScoreOf("Sheikh Sergey Lavrov", "P-003"), plain);
  EXPECT_EQ(ScoreOf("General Vladimir Putin", "P-002", PartyKind::kPerson),
            ScoreOf("Vladimir Putin", "P-002", PartyKind::kPerson));
  EXPECT_EQ(Top("General Vladimir Putin", PartyKind::kPerson), "P-002");
}

// Offices held ("President", "Prime Minister") are stripped like "Dr",
// "Mr." and "General" (lib/data/honorifics.txt).
TEST_F(ScreenerTest, OfficeTitlesAreStripped) {
  EXPECT_TRUE(AlertsOn("President Sergey Lavrov", "P-003", PartyKind::kPerson));
  EXPECT_TRUE(AlertsOn("President Vladimir Putin", "P-002", PartyKind::kPerson));
}

// ---------------------------------------------------------------- scripts

TEST_F(ScreenerTest, CyrillicFindsLatin) {
  EXPECT_EQ(Top("Сергей Лавров"), "P-003");
  EXPECT_TRUE(AlertsOn("Сергей Лавров", "P-003"));
  EXPECT_TRUE(AlertsOn("Владимир Путин", "P-002"));
  EXPECT_TRUE(AlertsOn("Николас Мадуро", "P-001"));
}

TEST_F(ScreenerTest, ChineseFindsEnglishListing) {
  EXPECT_EQ(Top("浙江大华技术股份有限公司"), "O-006");
  EXPECT_TRUE(AlertsOn("浙江大华技术股份有限公司", "O-006"));
  EXPECT_EQ(Top("成都景昕科技有限公司"), "O-007");
  EXPECT_TRUE(AlertsOn("成都景昕科技有限公司", "O-007"));
  // 海康威视 is "haikang weishi", not the Pinyin of the brand "Hikvision":
  // the name is found first, but with a word unmatched on each side it
  // does not alert (against the real lists it scores 0.14).
  EXPECT_EQ(Top("杭州海康威视数字技术股份有限公司"), "O-004");
  EXPECT_FALSE(AlertsOn("杭州海康威视数字技术股份有限公司", "O-004"));
}

TEST_F(ScreenerTest, ChineseTranscriptionOfAForeignNameFindsItsLatinListing) {
  // 普萊米樂 romanises to "pulai mile", a Chinese rendering of the sounds of
  // "Palmela" (P-L-M-L, r and l alike).
  const std::string q = "普萊米樂工業有限公司";
  EXPECT_EQ(Top(q), "O-021");
  EXPECT_TRUE(AlertsOn(q, "O-021"));
  // "Paloma" lacks the final L: no pairing, no alert.
  EXPECT_FALSE(AlertsOn(q, "O-022"));
  ScreenResult r = Run(q);
  ASSERT_FALSE(r.hits.empty());
  bool transcribed = false;
  for (const auto& p : r.hits[0].explanation.pairings) transcribed |= p.list_token == "palmela";
  EXPECT_TRUE(transcribed);
  // The same characters against a Latin query spelling: no pinyin, no
  // transcription ("Pulai Mile" typed in Latin is not a transcription).
  EXPECT_FALSE(AlertsOn("Pulai Mile Industrial", "O-021"));
}

TEST_F(ScreenerTest, TwoSyllableChineseBrandPairsByItsSoundWithTheLatinListing) {
  // 科兰 romanises to "kelan", a two-syllable rendering of "Kolan" (K-L-N,
  // the vowels of the second syllable agree): an alert for an organisation.
  const std::string q = "科兰精密机械有限公司";
  EXPECT_EQ(Top(q), "O-028");
  EXPECT_TRUE(AlertsOn(q, "O-028"));
  EXPECT_TRUE(TopHitPairs(q, "kelan", "kolan"));
  // 科勒 "kele": the same consonants, but no syllable's vowels agree.
  EXPECT_FALSE(AlertsOn("科勒精密机械有限公司", "O-028"));
}

TEST_F(ScreenerTest, ChineseOrganisationWithItsOwnNameUnmatchedDoesNotAlert) {
  // Place and industry words translate exactly; the name's own word 安安
  // ("anan") is not in the listing, as in Latin script.
  EXPECT_FALSE(AlertsOn("北京安安科技贸易集团有限公司", "O-029"));
  EXPECT_FALSE(AlertsOn("Beijing Anan Technology Trading Group Co Ltd", "O-029"));
  EXPECT_TRUE(AlertsOn("北京科技贸易集团有限公司", "O-029"));
}

TEST_F(ScreenerTest, ChineseOrganisationSyllablesAreNotTypos) {
  // 通辉 is "tonghui"; 通瑞 "tongrui" is another character, one consonant
  // away: no alert, though the words are one edit apart.
  EXPECT_TRUE(AlertsOn("苏州通辉贸易有限公司", "O-030"));
  EXPECT_FALSE(AlertsOn("苏州通瑞贸易有限公司", "O-030"));
  // Typed in Latin, "Tongrui" may be a typo of "Tonghui" and is scored so.
  EXPECT_GT(ScoreOf("Suzhou Tongrui Trading", "O-030"), ScoreOf("苏州通瑞贸易有限公司", "O-030"));
}

TEST_F(ScreenerTest, ChineseNameCutTwoWaysIsScreenedInBothReadings) {
  // 星辰微電子: "xingchen" + "microelectronics" by longest term, or
  // "xingchenwei" + "electronics" as the listing cuts it. Both readings are
  // screened and the hit explains the one that matched.
  const std::string q = "星辰微電子有限公司";
  EXPECT_EQ(Top(q), "O-023");
  EXPECT_TRUE(AlertsOn(q, "O-023"));
  EXPECT_TRUE(TopHitPairs(q, "xingchenwei", "xingchenwei"));
  // The explanation shows the tokens of that reading.
  ScreenResult r = Run(q);
  ASSERT_FALSE(r.hits.empty());
  EXPECT_NE(std::find(r.hits[0].explanation.query_tokens.begin(), r.hits[0].explanation.query_tokens.end(),
                      "electronics"),
            r.hits[0].explanation.query_tokens.end());
}

TEST_F(ScreenerTest, ChineseTermTranslationIsNotATypo) {
  // 中国 is the word "china", not a misspelling of "Chiva".
  EXPECT_FALSE(AlertsOn("中国控股有限公司", "O-024"));
  // Typed in Latin, "Chiva" may be a typo of "China" and is scored so.
  EXPECT_GT(ScoreOf("China Holdings", "O-024"), ScoreOf("中国控股", "O-024"));
}

TEST_F(ScreenerTest, CyrillicOrganisationWordsFindATranslatedListing) {
  // Listed in translation; the Russian name's organisation words are
  // translated in a second reading, the name itself transliterated.
  const std::string q = "Металлургический завод Зарубино";
  EXPECT_EQ(Top(q), "O-025");
  EXPECT_TRUE(AlertsOn(q, "O-025"));
  EXPECT_TRUE(TopHitPairs(q, "plant", "plant"));
  // Another place's plant is not this one.
  EXPECT_FALSE(AlertsOn("Металлургический завод Кольчугино", "O-025"));
}

TEST_F(ScreenerTest, TraditionalChineseFindsEnglishListing) {
  EXPECT_EQ(Top("浙江大華技術股份有限公司"), "O-006");
  EXPECT_TRUE(AlertsOn("浙江大華技術股份有限公司", "O-006"));
}

TEST_F(ScreenerTest, ChineseExplanationMarksTransliteration) {
  ScreenResult r = Run("成都景昕科技有限公司");
  ASSERT_FALSE(r.hits.empty());
  ASSERT_EQ(r.hits[0].entity_id, "O-007");
  const auto& q = r.hits[0].explanation.query_tokens;
  EXPECT_NE(std::find(q.begin(), q.end(), "jingxin"), q.end()) << absl::StrJoin(q, " ");
}

// ---------------------------------------------------------------- Unicode clean-up

TEST_F(ScreenerTest, FullWidthFormsAreFolded) {
  EXPECT_EQ(ScoreOf("ＳＥＲＧＥＹ　ＬＡＶＲＯＶ", "P-003"), 1.0);
  EXPECT_EQ(Top("ＳｅｎｓｅＴｉｍｅ"), "O-002");
  EXPECT_EQ(ScoreOf("ＳｅｎｓｅＴｉｍｅ", "O-002"), ScoreOf("SenseTime", "O-002"));
}

TEST_F(ScreenerTest, NonBreakingAndInvisibleCharactersAreIgnored) {
  EXPECT_EQ(ScoreOf("Sergey\u00A0Lavrov", "P-003"), 1.0);
  EXPECT_EQ(ScoreOf("\u00A0 Sergey Lavrov \u00A0", "P-003"), 1.0);
  EXPECT_EQ(ScoreOf("Ser\u200Bgey La\u200Dvrov\uFEFF", "P-003"), 1.0);
  EXPECT_EQ(ScoreOf("Sergey\tLavrov\n", "P-003"), 1.0);
}

TEST_F(ScreenerTest, HomoglyphsAreRepaired) {
  // Cyrillic "е" and "о" inside Latin words.
  const std::string mixed = "S\u0435rgey Lavr\u043Ev";
  EXPECT_EQ(Top(mixed), "P-003");
  EXPECT_EQ(ScoreOf(mixed, "P-003"), 1.0);
  // Greek capital Alpha and Latin letters.
  EXPECT_EQ(Top("JSC \u0391RGUMENT"), "O-003");
}

TEST_F(ScreenerTest, DiacriticsAreStripped) {
  EXPECT_EQ(ScoreOf("Nicolás Maduro Moros", "P-001"), 1.0);
}

// ---------------------------------------------------------------- adjustments

TEST_F(ScreenerTest, PersonQueryAgainstVesselIsLowered) {
  const double unknown = ScoreOf("Nikolai Zhukov", "V-003");
  const double person = ScoreOf("Nikolai Zhukov", "V-003", PartyKind::kPerson);
  const double vessel = ScoreOf("Nikolai Zhukov", "V-003", PartyKind::kVessel);
  EXPECT_EQ(unknown, 1.0);
  EXPECT_EQ(vessel, 1.0);
  EXPECT_LT(person, unknown);
  ScreenResult r = Run("Nikolai Zhukov", PartyKind::kPerson);
  bool explained = false;
  for (const Hit& h : r.hits) {
    if (h.entity_id != "V-003") continue;
    EXPECT_EQ(h.explanation.name_score, 1.0);
    for (const ScoreAdjustment& a : h.explanation.adjustments) {
      if (a.feature == "kind") {
        explained = true;
        EXPECT_LT(a.effect, 0);
        EXPECT_FALSE(a.detail.empty());
      }
    }
  }
  EXPECT_TRUE(explained);
}

TEST_F(ScreenerTest, OrganizationQueryAgainstPersonIsLowered) {
  EXPECT_LT(ScoreOf("Sergey Lavrov", "P-003", PartyKind::kOrganization),
            ScoreOf("Sergey Lavrov", "P-003", PartyKind::kPerson));
}

TEST_F(ScreenerTest, DateOfBirthMatchAndMismatch) {
  Query q;
  q.name = "Nicolas Maduro";
  q.kind = PartyKind::kPerson;
  const double none = ScoreOf(q, "P-001");
  q.date_of_birth = "1962-11-23";
  const double same = ScoreOf(q, "P-001");
  q.date_of_birth = "1962";
  const double same_year = ScoreOf(q, "P-001");
  q.date_of_birth = "1985-01-01";
  const double other = ScoreOf(q, "P-001");
  EXPECT_GE(same, none);
  EXPECT_GE(same_year, none);
  EXPECT_LT(other, none);
  EXPECT_LT(other, same);

  ScreenResult r = Run(q);
  bool explained = false;
  for (const Hit& h : r.hits) {
    if (h.entity_id != "P-001") continue;
    for (const ScoreAdjustment& a : h.explanation.adjustments) {
      if (a.feature == "date_of_birth") {
        explained = true;
        EXPECT_LT(a.effect, 0);
      }
    }
  }
  EXPECT_TRUE(explained);
}

TEST_F(ScreenerTest, IdenticalIdentifierLiftsScore) {
  Query q;
  q.name = "Nikolay Zhukoff";
  q.kind = PartyKind::kVessel;
  const double without = ScoreOf(q, "V-003");
  q.identifiers.push_back({"imo", "9123456"});
  const double with = ScoreOf(q, "V-003");
  EXPECT_GT(with, without);
  EXPECT_GE(with, kThreshold);
  ScreenResult r = Run(q);
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].entity_id, "V-003");
  bool explained = false;
  for (const ScoreAdjustment& a : r.hits[0].explanation.adjustments) {
    if (a.feature == "identifier") explained = a.effect > 0;
  }
  EXPECT_TRUE(explained);
}

TEST_F(ScreenerTest, IdentifierAloneFindsEntity) {
  // A different name but an identical registration number is still a hit.
  Query q;
  q.name = "Zeta Holdings";
  q.identifiers.push_back({"registration", "91330000733796106P"});
  ScreenResult r = Run(q, kThreshold);
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].entity_id, "O-004");
}

TEST_F(ScreenerTest, UnknownIdentifierChangesNothing) {
  Query q;
  q.name = "Nikolay Zhukoff";
  const double without = ScoreOf(q, "V-003");
  q.identifiers.push_back({"imo", "9999991"});
  EXPECT_EQ(ScoreOf(q, "V-003"), without);
}

// ---------------------------------------------------------------- explanations

TEST_F(ScreenerTest, ExplanationCarriesPairingsWithMethods) {
  ScreenResult r = Run("Magvii Technology Limited");
  ASSERT_FALSE(r.hits.empty());
  const Hit& h = r.hits[0];
  ASSERT_EQ(h.entity_id, "O-005");
  ASSERT_TRUE(h.has_explanation);
  const Explanation& e = h.explanation;
  EXPECT_EQ(e.matched_name, "Megvii Technology Limited");
  EXPECT_EQ(e.matched_name_kind, v1::NAME_KIND_PRIMARY);
  EXPECT_EQ(e.matched_name_script, "Latn");
  EXPECT_FALSE(e.query_tokens.empty());
  EXPECT_FALSE(e.list_tokens.empty());
  ASSERT_FALSE(e.pairings.empty());
  bool fuzzy = false, exact = false;
  for (const TokenMatch& m : e.pairings) {
    EXPECT_FALSE(m.method.empty());
    EXPECT_GE(m.similarity, 0.0);
    EXPECT_LE(m.similarity, 1.0);
    if (m.query_token == "magvii") {
      EXPECT_EQ(m.list_token, "megvii");
      fuzzy = m.method == "edit_distance" || m.method == "phonetic";
      EXPECT_LT(m.similarity, 1.0);
    }
    if (m.query_token == "technology" && m.list_token == "technology") {
      exact = m.method == "exact" && m.similarity == 1.0;
    }
  }
  EXPECT_TRUE(fuzzy);
  EXPECT_TRUE(exact);
  EXPECT_FALSE(FormatExplanation(h).empty());
}

TEST_F(ScreenerTest, ExplanationShowsGluedLegalFormSplit) {
  // "JSCARGUMENT": the legal form glued to the name is split off, and the
  // explanation shows both query tokens.
  ScreenResult r = Run("JSCARGUMENT");
  ASSERT_FALSE(r.hits.empty());
  ASSERT_EQ(r.hits[0].entity_id, "O-003");
  const Explanation& e = r.hits[0].explanation;
  EXPECT_NE(std::find(e.query_tokens.begin(), e.query_tokens.end(), "argument"), e.query_tokens.end())
      << absl::StrJoin(e.query_tokens, " ");
  EXPECT_EQ(e.query_tokens.size(), 2u) << absl::StrJoin(e.query_tokens, " ");
  bool argument = false;
  for (const TokenMatch& m : e.pairings) {
    if (m.query_token == "argument") argument = m.list_token == "argument" && m.method == "exact";
  }
  EXPECT_TRUE(argument);
}

TEST_F(ScreenerTest, ExplainFalseLeavesExplanationEmpty) {
  Query q;
  q.name = "Sergey Lavrov";
  ScreenOptions o;
  o.explain = false;
  auto r = screener_->Screen(q, o);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_FALSE(r->hits.empty());
  for (const Hit& h : r->hits) {
    EXPECT_FALSE(h.has_explanation);
    EXPECT_TRUE(h.explanation.pairings.empty());
  }
}

// ---------------------------------------------------------------- ordering, determinism

TEST_F(ScreenerTest, HitsOrderedByScoreThenListThenEntity) {
  Query q;
  q.name = "Sergey Lavrov";
  ScreenOptions o;
  o.min_score = 0;
  o.limit = 0;
  auto r = screener_->Screen(q, o);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_GE(r->hits.size(), 3u);
  // Three exact matches (fixture:P-003, second:S-10, second:S-2) tie at 1.0.
  EXPECT_EQ(r->hits[0].list_id, "fixture");
  EXPECT_EQ(r->hits[0].entity_id, "P-003");
  EXPECT_EQ(r->hits[1].list_id, "second");
  EXPECT_EQ(r->hits[1].entity_id, "S-10");
  EXPECT_EQ(r->hits[2].list_id, "second");
  EXPECT_EQ(r->hits[2].entity_id, "S-2");
  for (size_t i = 1; i < r->hits.size(); ++i) {
    const Hit& a = r->hits[i - 1];
    const Hit& b = r->hits[i];
    ASSERT_GE(a.score, b.score);
    if (a.score == b.score) {
      ASSERT_LE(a.list_id, b.list_id);
      if (a.list_id == b.list_id) {
        ASSERT_LT(a.entity_id, b.entity_id);
      }
    }
  }
}

TEST_F(ScreenerTest, LimitAndMinScore) {
  Query q;
  q.name = "Beijing Technology Co., Ltd.";
  ScreenOptions all;
  all.min_score = 0;
  all.limit = 0;
  auto r = screener_->Screen(q, all);
  ASSERT_TRUE(r.ok());
  ASSERT_GT(r->hits.size(), 3u);
  ScreenOptions three = all;
  three.limit = 3;
  auto r3 = screener_->Screen(q, three);
  ASSERT_TRUE(r3.ok());
  ASSERT_EQ(r3->hits.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(r3->hits[i].entity_id, r->hits[i].entity_id);
    EXPECT_EQ(r3->hits[i].score, r->hits[i].score);
  }
  ScreenOptions high = all;
  high.min_score = 0.5;
  auto rh = screener_->Screen(q, high);
  ASSERT_TRUE(rh.ok());
  for (const Hit& h : rh->hits) EXPECT_GE(h.score, 0.5);
  // Default options: at most 10 hits, all >= the alert threshold.
  auto rd = screener_->Screen(q);
  ASSERT_TRUE(rd.ok());
  EXPECT_LE(rd->hits.size(), 10u);
  for (const Hit& h : rd->hits) EXPECT_GE(h.score, kThreshold);
}

// The comparable content of a result.
std::string Describe(const absl::StatusOr<ScreenResult>& r) {
  if (!r.ok()) return std::string(absl::StatusCodeToString(r.status().code()));
  std::string out;
  for (const Hit& h : r->hits) {
    absl::StrAppend(&out, h.list_id, ":", h.entity_id, "=", h.score, "/", h.matched_name, ";");
    for (const TokenMatch& m : h.explanation.pairings) {
      absl::StrAppend(&out, m.query_token, "~", m.list_token, ":", m.method, ",");
    }
  }
  return out;
}

std::vector<Query> BatchQueries() {
  std::vector<Query> qs;
  for (const std::string name :
       {"Sergey Lavrov", "Сергей Лавров", "MADURO MOROS, Nicolas", "V. Putin", "Hikvision",
        "SenseTime", "成都景昕科技有限公司", "Victory 3", "Magvii", "JSCARGUMENT", "", "...",
        "Beijing Sunny Technology Co., Ltd.", "OOO Severny Veter", "Nikolai Zhukov",
        "A.B.C. Company", "Moscow Bank", "ＳｅｎｓｅＴｉｍｅ", "Zhejiang Dahua", "Megvii"}) {
    Query q;
    q.name = name;
    qs.push_back(q);
  }
  Query p;
  p.name = "Nicolas Maduro";
  p.kind = PartyKind::kPerson;
  p.date_of_birth = "1962";
  qs.push_back(p);
  return qs;
}

TEST_F(ScreenerTest, SameQueryTwiceGivesSameResult) {
  for (const Query& q : BatchQueries()) {
    ScreenOptions o;
    o.min_score = 0.3;
    EXPECT_EQ(Describe(screener_->Screen(q, o)), Describe(screener_->Screen(q, o))) << q.name;
  }
}

TEST_F(ScreenerTest, BatchOnThreadPoolEqualsScreen) {
  std::vector<Query> qs;
  for (int rep = 0; rep < 4; ++rep) {
    for (const Query& q : BatchQueries()) qs.push_back(q);
  }
  ScreenOptions o;
  o.min_score = 0.3;
  TinyPool pool(4);
  BatchOptions b;
  b.executor = &pool;
  b.chunk_size = 3;
  auto batch = screener_->ScreenBatch(qs, o, b);
  ASSERT_EQ(batch.size(), qs.size());
  for (size_t i = 0; i < qs.size(); ++i) {
    auto single = screener_->Screen(qs[i], o);
    EXPECT_EQ(batch[i].status().code(), single.status().code()) << i;
    EXPECT_EQ(Describe(batch[i]), Describe(single)) << i << " " << qs[i].name;
  }
  // Without an executor: the same.
  auto serial = screener_->ScreenBatch(qs, o);
  ASSERT_EQ(serial.size(), qs.size());
  for (size_t i = 0; i < qs.size(); ++i) EXPECT_EQ(Describe(serial[i]), Describe(batch[i])) << i;
}

TEST_F(ScreenerTest, BatchOfNothing) {
  TinyPool pool(2);
  BatchOptions b;
  b.executor = &pool;
  EXPECT_TRUE(screener_->ScreenBatch({}, {}, b).empty());
}

TEST_F(ScreenerTest, ExhaustiveScreenerAgreesOnAlerts) {
  ScreenerOptions so;
  so.exhaustive = true;
  auto ex = Screener::Create(screener_->index(), so);
  ASSERT_TRUE(ex.ok()) << ex.status();
  for (const Query& q : BatchQueries()) {
    ScreenOptions o;  // alerts only
    auto a = screener_->Screen(q, o);
    auto b = (*ex)->Screen(q, o);
    EXPECT_EQ(Describe(a), Describe(b)) << q.name;
  }
}

// ---------------------------------------------------------------- errors

TEST_F(ScreenerTest, InvalidNamesAreInvalidArgumentWithoutTheName) {
  struct Case {
    std::string name;
    std::string secret;  // must not appear in the message
  };
  for (const Case& c : std::vector<Case>{{"", ""},
                                         {"   ", ""},
                                         {"!!! ... ---", "!!! ... ---"},
                                         {"Lavrovsky\xff\xfe", "Lavrovsky"},
                                         {"Zhukovsky \xc3", "Zhukovsky"},
                                         {std::string(70000, 'a'), std::string(40, 'a')}}) {
    Query q;
    q.name = c.name;
    auto r = screener_->Screen(q);
    ASSERT_FALSE(r.ok()) << "name of " << c.name.size() << " bytes";
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument) << r.status();
    if (!c.secret.empty()) {
      EXPECT_FALSE(absl::StrContains(r.status().message(), c.secret)) << r.status();
    }
  }
}

TEST_F(ScreenerTest, InvalidQueryFieldsAreInvalidArgument) {
  Query q;
  q.name = "Sergey Lavrov";
  q.date_of_birth = "last spring";
  auto r = screener_->Screen(q);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(absl::StrContains(r.status().message(), "Lavrov"));
  q.date_of_birth = "19x2";
  EXPECT_EQ(screener_->Screen(q).status().code(), absl::StatusCode::kInvalidArgument);
  q.date_of_birth = "";
  q.country = "Atlantis";
  EXPECT_EQ(screener_->Screen(q).status().code(), absl::StatusCode::kInvalidArgument);
  q.country = "RU";
  EXPECT_TRUE(screener_->Screen(q).ok());
  q.country = "Russia";
  EXPECT_TRUE(screener_->Screen(q).ok());
}

// screener.h promises kInvalidArgument for a date of birth that does not
// exist.
TEST_F(ScreenerTest, ImpossibleDateOfBirthIsInvalidArgument) {
  Query q;
  q.name = "Sergey Lavrov";
  q.date_of_birth = "1962-13-45";
  EXPECT_EQ(screener_->Screen(q).status().code(), absl::StatusCode::kInvalidArgument);
  q.date_of_birth = "1962-02-30";
  EXPECT_EQ(screener_->Screen(q).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(ScreenerTest, InvalidOptionsAreInvalidArgument) {
  Query q;
  q.name = "Sergey Lavrov";
  ScreenOptions o;
  o.min_score = -0.1;
  EXPECT_EQ(screener_->Screen(q, o).status().code(), absl::StatusCode::kInvalidArgument);
  o.min_score = 1.5;
  EXPECT_EQ(screener_->Screen(q, o).status().code(), absl::StatusCode::kInvalidArgument);
  o.min_score = 0.5;
  o.limit = -1;
  EXPECT_EQ(screener_->Screen(q, o).status().code(), absl::StatusCode::kInvalidArgument);

  EXPECT_EQ(Screener::Create(nullptr).status().code(), absl::StatusCode::kInvalidArgument);
  ScreenerOptions so;
  so.max_candidates = 0;
  EXPECT_EQ(Screener::Create(screener_->index(), so).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(ScreenerTest, CandidateBudgetIsResourceExhausted) {
  ScreenerOptions so;
  so.max_candidates = 1;
  auto s = Screener::Create(screener_->index(), so);
  ASSERT_TRUE(s.ok()) << s.status();
  Query q;
  q.name = "Beijing Technology Co., Ltd.";  // many candidates
  ScreenOptions all;
  all.min_score = 0;  // nothing can be pruned by its score bound
  EXPECT_EQ((*s)->Screen(q, all).status().code(), absl::StatusCode::kResourceExhausted);
}

TEST_F(ScreenerTest, BatchKeepsPerQueryErrors) {
  std::vector<Query> qs(3);
  qs[0].name = "Sergey Lavrov";
  qs[1].name = "";
  qs[2].name = "Hikvision";
  TinyPool pool(2);
  BatchOptions b;
  b.executor = &pool;
  b.chunk_size = 1;
  auto r = screener_->ScreenBatch(qs, {}, b);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_TRUE(r[0].ok());
  EXPECT_EQ(r[1].status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(r[2].ok());
}

// ---------------------------------------------------------------- filters

TEST_F(ScreenerTest, ListsFilter) {
  Query q;
  q.name = "Sergey Lavrov";
  ScreenOptions o;
  o.lists = {"second"};
  auto r = screener_->Screen(q, o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 2u);
  for (const Hit& h : r->hits) EXPECT_EQ(h.list_id, "second");
  o.lists = {"fixture", "second"};
  r = screener_->Screen(q, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->hits.size(), 3u);
  o.lists = {"no_such_list"};
  r = screener_->Screen(q, o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->hits.empty());
}

TEST_F(ScreenerTest, SourceListsFilterIsCaseInsensitiveSubstring) {
  Query q;
  q.name = "Sergey Lavrov";
  ScreenOptions o;
  o.source_lists = {"SECOND"};
  auto r = screener_->Screen(q, o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 2u);
  for (const Hit& h : r->hits) {
    EXPECT_EQ(h.list_id, "second");
    EXPECT_EQ(h.source_lists, std::vector<std::string>{"second"});
  }
  o.source_lists = {"fixt"};
  r = screener_->Screen(q, o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].entity_id, "P-003");
  o.source_lists = {"Entity List"};
  r = screener_->Screen(q, o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->hits.empty());
}

// An index of one custom-CSV list `list_id` with the data rows `rows`
// (written to a temporary file under the standard header).
absl::StatusOr<std::shared_ptr<const Index>> IndexFromCustomCsv(const std::string& list_id,
                                                               const std::string& rows) {
  const std::string path = ::testing::TempDir() + "/" + list_id + ".csv";
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) return absl::InternalError("cannot write " + path);
  std::fputs("id,name,aliases,kind,country,date_of_birth,identifiers,program,listed_on,remarks\n", f);
  std::fputs(rows.c_str(), f);
  std::fclose(f);
  ReadOptions ro;
  ro.format = ListFormat::kCustomCsv;
  ro.list_id = list_id;
  auto list = ReadList(path, ro);
  if (!list.ok()) return list.status();
  IndexBuilder builder;
  absl::Status added = builder.AddList(*std::move(list));
  if (!added.ok()) return added;
  return std::move(builder).Build();
}

// `q` screened at min_score 0.5 through the index and by the exhaustive
// scan of `index`: both results, which the caller compares.
struct IndexedAndExhaustive {
  absl::StatusOr<ScreenResult> indexed, exhaustive;
};
IndexedAndExhaustive ScreenBothWays(const std::shared_ptr<const Index>& index, const Query& q) {
  ScreenerOptions exhaustive_options;
  exhaustive_options.exhaustive = true;
  auto indexed = Screener::Create(index);
  auto exhaustive = Screener::Create(index, exhaustive_options);
  if (!indexed.ok()) return {indexed.status(), indexed.status()};
  if (!exhaustive.ok()) return {exhaustive.status(), exhaustive.status()};
  ScreenOptions o;
  o.min_score = 0.5;
  return {(*indexed)->Screen(q, o), (*exhaustive)->Screen(q, o)};
}

// The same hits, in the same order, with the same scores.
void ExpectSameHits(const ScreenResult& a, const ScreenResult& b, const std::string& what) {
  ASSERT_EQ(a.hits.size(), b.hits.size()) << what;
  for (size_t i = 0; i < a.hits.size(); ++i) {
    EXPECT_EQ(a.hits[i].entity_id, b.hits[i].entity_id) << what;
    EXPECT_EQ(a.hits[i].score, b.hits[i].score) << what;
  }
}

// A transliterated query word may sound like two listed words written
// together ("خسروپناه", read "khsrupnah", and KHOSROW PANAH): the index
// keys such joins, so pruning by the score bound keeps the hit that the
// exhaustive scan finds (before, the bound ignored the join and the hit
// was lost at min_score 0.5).
TEST(ScreenerJoinTest, JoinBySoundSurvivesPruning) {
  auto index = IndexFromCustomCsv("join",
                                  "J-1,Dariush Khosrow PANAH,,person,IR,,,test,,\n"
                                  "J-2,Dariush PARSA,,person,IR,,,test,,\n"
                                  "J-3,Hossein KHOSRAVI,,person,IR,,,test,,\n");
  ASSERT_TRUE(index.ok()) << index.status();
  Query q;
  q.name = "داریوش خسروپناه";
  q.kind = PartyKind::kPerson;
  auto [a, b] = ScreenBothWays(*index, q);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_FALSE(b->hits.empty());
  EXPECT_EQ(b->hits[0].entity_id, "J-1");
  EXPECT_GE(b->hits[0].score, kDefaultAlertThreshold);
  bool joined = false;
  for (const auto& p : b->hits[0].explanation.pairings) joined |= p.method == "joined";
  EXPECT_TRUE(joined) << "the exhaustive hit should pair one query word with two list words";
  ExpectSameHits(*a, *b, "join by sound");
}

// A query of more than 31 words, which the query-side screen cannot bound
// (a bit per word), is still screened through the index, with the same hits
// as the exhaustive scan (a regression: the keyed-cover allowances once
// read per-word facts that such a query does not have).
TEST(ScreenerLongQueryTest, MoreWordsThanTheQuerySideScreenBounds) {
  // Listed names of 31, 32, 40 and 70 words; each screened as written
  // (an identical name: an alert) and with a word changed.
  const std::vector<int> lengths = {31, 32, 40, 70};
  const char* const kWords[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
                                "hotel", "india", "juliet", "kilo", "lima", "mike"};
  auto name_of = [&](int words) {
    std::string name = "Northern Star Trading Company";
    for (int i = 4; i < words; ++i) absl::StrAppend(&name, " ", kWords[(i * 7 + words) % 13]);
    return name;
  };
  std::string rows;
  for (int words : lengths) absl::StrAppend(&rows, "L-", words, ",", name_of(words), ",,organization,AE,,,test,,\n");
  auto index = IndexFromCustomCsv("long", rows);
  ASSERT_TRUE(index.ok()) << index.status();
  for (int words : lengths) {
    for (bool changed : {false, true}) {
      Query q;
      q.name = name_of(words);
      if (changed) q.name.replace(0, 8, "Southern");
      auto [a, b] = ScreenBothWays(*index, q);
      const std::string what = absl::StrCat(words, " words", changed ? ", one changed" : "");
      ASSERT_TRUE(a.ok()) << what << ": " << a.status();
      ASSERT_TRUE(b.ok()) << what << ": " << b.status();
      ASSERT_FALSE(b->hits.empty()) << what;
      EXPECT_EQ(b->hits[0].entity_id, absl::StrCat("L-", words)) << what;
      ExpectSameHits(*a, *b, what);
    }
  }
}

// A listed organisation name that spells out its own acronym ("... (KRTI)")
// is also filed without it: the name written without the acronym scores
// as identical. Not for a person, whose surname may spell the initials of
// the given names.
TEST(ScreenerAcronymTest, OwnAcronymIsOptional) {
  auto index = IndexFromCustomCsv("acronym",
                                  "A-1,Kaluga Radio Technology Institute (KRTI),,organization,RU,,,test,,\n"
                                  "A-2,Zarya Research Plant (ZRPX),,organization,RU,,,test,,\n"
                                  "A-3,Ali Reza Ahmadi ARA,,person,IR,,,test,,\n");
  ASSERT_TRUE(index.ok()) << index.status();
  auto screener = Screener::Create(*index);
  ASSERT_TRUE(screener.ok());
  auto score = [&](const std::string& name, const std::string& id) {
    Query q;
    q.name = name;
    ScreenOptions o;
    o.min_score = 0.3;
    auto r = (*screener)->Screen(q, o);
    EXPECT_TRUE(r.ok());
    for (const Hit& h : r->hits) {
      if (h.entity_id == id) return h.score;
    }
    return 0.0;
  };
  EXPECT_EQ(score("Kaluga Radio Technology Institute", "A-1"), 1.0);
  EXPECT_EQ(score("Kaluga Radio Technology Institute (KRTI)", "A-1"), 1.0);
  // "zrpx" is no acronym of the name (no word starts with x): it counts.
  EXPECT_LT(score("Zarya Research Plant", "A-2"), 1.0);
  EXPECT_LT(score("Ali Reza Ahmadi", "A-3"), 1.0);
}

TEST(ScreenerCreateTest, RejectsIndexFromNothing) {
  IndexBuilder builder;
  EXPECT_EQ(std::move(builder).Build().status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace partyscreen
