// Tests of ISO 15924 script detection.
#include "lib/sources/script.h"

#include "gtest/gtest.h"

namespace partyscreen::internal {
namespace {

TEST(DetectScriptTest, CommonScripts) {
  EXPECT_EQ(DetectScript("Alexander ZAKHAROV"), "Latn");
  EXPECT_EQ(DetectScript("Aleksandr Vjačeslavovič Zacharov"), "Latn");
  EXPECT_EQ(DetectScript("Захаров Олександр В'ячеславович"), "Cyrl");
  EXPECT_EQ(DetectScript("道通机器人有限公司"), "Hani");
  EXPECT_EQ(DetectScript("محمد صلاح الدين عبدالحليم زيدان"), "Arab");
  EXPECT_EQ(DetectScript("محمد رضا نقدی"), "Arab");  // Persian
  EXPECT_EQ(DetectScript("Εταιρία περιορισμένης ευθύνης"), "Grek");
  EXPECT_EQ(DetectScript("ბიძინა ივანიშვილი"), "Geor");
  EXPECT_EQ(DetectScript("Արմեն Սարգսյան"), "Armn");
  EXPECT_EQ(DetectScript("김정은"), "Hang");
  EXPECT_EQ(DetectScript("金正恩 김정은"), "Kore");
  EXPECT_EQ(DetectScript("אברהם כהן"), "Hebr");
  EXPECT_EQ(DetectScript("สมชาย ใจดี"), "Thai");
  EXPECT_EQ(DetectScript("ኢትዮጵያ"), "Ethi");
  EXPECT_EQ(DetectScript("မြန်မာ"), "Mymr");
  EXPECT_EQ(DetectScript("नरेन्द्र मोदी"), "Deva");
  EXPECT_EQ(DetectScript("山田 たろう"), "Jpan");
  EXPECT_EQ(DetectScript("トヨタ自動車"), "Jpan");
  EXPECT_EQ(DetectScript("ひらがな"), "Hira");
  EXPECT_EQ(DetectScript("カタカナ"), "Kana");
}

TEST(DetectScriptTest, MajorityWinsAndPunctuationIsIgnored) {
  // 12 Latin letters against 26 Greek ones.
  EXPECT_EQ(DetectScript("Εταιρία περιορισμένης ευθύνης “Inter Tobacco”"), "Grek");
  EXPECT_EQ(DetectScript("Общество “Интер Тобако” LLC"), "Cyrl");
  EXPECT_EQ(DetectScript("Co., Ltd. 123 - (ABC)"), "Latn");
  // A tie goes to the script seen first.
  EXPECT_EQ(DetectScript("ab аб"), "Latn");
  EXPECT_EQ(DetectScript("аб ab"), "Cyrl");
}

TEST(DetectScriptTest, NoLettersAndUnknownScripts) {
  EXPECT_EQ(DetectScript(""), "");
  EXPECT_EQ(DetectScript("123 - 456 / ()"), "");
  EXPECT_EQ(DetectScript("\xE1\x8E\xA0"), "Cher");  // U+13A0 CHEROKEE LETTER A
  EXPECT_EQ(DetectScript("\xF0\x90\x8C\x80"), "Zzzz");  // U+10300 OLD ITALIC LETTER A
}

TEST(DetectScriptTest, InvalidUtf8IsIgnoredNotFatal) {
  EXPECT_EQ(DetectScript("\xFF\xFEZakharov"), "Latn");
  EXPECT_EQ(DetectScript("Za\xD0"), "Latn");          // truncated 2-byte sequence at the end
  EXPECT_EQ(DetectScript("\xE4\xB8"), "");            // truncated 3-byte sequence only
}

TEST(ScriptOfCodePointTest, Boundaries) {
  EXPECT_EQ(ScriptOfCodePoint('A'), "Latn");
  EXPECT_EQ(ScriptOfCodePoint('0'), "");
  EXPECT_EQ(ScriptOfCodePoint(0x00D7), "");  // multiplication sign
  EXPECT_EQ(ScriptOfCodePoint(0x0410), "Cyrl");
  EXPECT_EQ(ScriptOfCodePoint(0x4E00), "Hani");
  EXPECT_EQ(ScriptOfCodePoint(0x9FFF), "Hani");
  EXPECT_EQ(ScriptOfCodePoint(0xAC00), "Hang");
  EXPECT_EQ(ScriptOfCodePoint(0x20000), "Hani");
  EXPECT_EQ(ScriptOfCodePoint(0x10FFFF), "");
}

}  // namespace
}  // namespace partyscreen::internal
