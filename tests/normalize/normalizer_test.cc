#include "partyscreen/normalizer.h"

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace partyscreen {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const Normalizer& N() {
  static const Normalizer* n = [] {
    absl::StatusOr<std::unique_ptr<const Normalizer>> c = Normalizer::Create();
    EXPECT_TRUE(c.ok()) << c.status();
    return c->release();
  }();
  return *n;
}

NormalizedName Norm(absl::string_view s, NameKindHint hint = NameKindHint::kUnknown) {
  absl::StatusOr<NormalizedName> r = N().Normalize(s, hint);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : NormalizedName();
}

// "text" for kWord/kNumber tokens, "text/role" for the others.
std::vector<std::string> Tokens(absl::string_view s,
                                NameKindHint hint = NameKindHint::kUnknown) {
  std::vector<std::string> out;
  for (const NormalizedToken& t : Norm(s, hint).tokens) {
    if (t.role == TokenRole::kWord || t.role == TokenRole::kNumber) {
      out.push_back(t.text);
    } else {
      out.push_back(absl::StrCat(t.text, "/", TokenRoleName(t.role)));
    }
  }
  return out;
}

// The readings of `s` (NormalizeReadings), empty on an error.
std::vector<NormalizedName> Readings(absl::string_view s, NameKindHint hint = NameKindHint::kUnknown) {
  absl::StatusOr<std::vector<NormalizedName>> r = N().NormalizeReadings(s, hint);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *std::move(r) : std::vector<NormalizedName>();
}

// The token texts of `n` joined with spaces (roles not shown).
std::string Texts(const NormalizedName& n) {
  std::vector<std::string> out;
  for (const NormalizedToken& t : n.tokens) out.push_back(t.text);
  return absl::StrJoin(out, " ");
}

// The same without stop words.
std::string CoreTexts(const NormalizedName& n) {
  std::vector<std::string> out;
  for (const NormalizedToken& t : n.tokens) {
    if (t.role != TokenRole::kStopword) out.push_back(t.text);
  }
  return absl::StrJoin(out, " ");
}

std::string Joined(absl::string_view s, NameKindHint hint = NameKindHint::kUnknown) {
  return absl::StrJoin(Tokens(s, hint), " ");
}

TEST(NormalizerTest, CreatesWithFingerprint) {
  EXPECT_EQ(N().fingerprint().size(), 64u);
}

TEST(NormalizerTest, EmptyAndPunctuationOnlyGiveNoTokens) {
  EXPECT_TRUE(Norm("").tokens.empty());
  EXPECT_TRUE(Norm(" ,.-;!?()  ").tokens.empty());
  EXPECT_TRUE(Norm("\u3000\u00A0\u200B«»—").tokens.empty());
  EXPECT_EQ(Norm("").script, "Zyyy");
}

TEST(NormalizerTest, InvalidUtf8IsInvalidArgumentWithoutTheName) {
  std::string bad = "Secretname\xC3\x28Person";
  absl::StatusOr<NormalizedName> r = N().Normalize(bad);
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), Not(HasSubstr("Secretname")));
  EXPECT_THAT(r.status().message(), Not(HasSubstr("Person")));
  EXPECT_THAT(r.status().message(), HasSubstr("10"));
  // Overlong, surrogate and truncated sequences.
  for (std::string s : {std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
                        std::string("ab\xE4\xB8"), std::string("\xF5\x80\x80\x80")}) {
    EXPECT_EQ(N().Normalize(s).status().code(), absl::StatusCode::kInvalidArgument);
  }
}

TEST(NormalizerTest, AsciiPersonNameInCommaForm) {
  EXPECT_THAT(Tokens("MADURO MOROS, Nicolas"), ElementsAre("maduro", "moros", "nicolas"));
  NormalizedName n = Norm("MADURO MOROS, Nicolas");
  EXPECT_EQ(n.script, "Latn");
  EXPECT_EQ(n.tokens[2].source, "Nicolas");
  EXPECT_FALSE(n.tokens[0].transliterated);
}

TEST(NormalizerTest, DottedInitialsAreJoined) {
  EXPECT_THAT(Tokens("A.B.C. Company"), ElementsAre("abc", "company/legal_form"));
  EXPECT_THAT(Tokens("U.S.A Trading"), ElementsAre("usa", "trading"));
  EXPECT_THAT(Tokens("J. Smith"), ElementsAre("j", "smith"));
  EXPECT_EQ(Norm("A.B.C. Company").tokens[0].source, "A.B.C.");
}

TEST(NormalizerTest, ApostrophesDroppedHyphensSplit) {
  EXPECT_THAT(Tokens("Al-Qa'ida"), ElementsAre("al/particle", "qaida"));
  EXPECT_THAT(Tokens("Abdul-Rahman O\u2019Neil"), ElementsAre("abdul", "rahman", "oneil"));
}

TEST(NormalizerTest, NumbersAreKeptAsNumbers) {
  NormalizedName n = Norm("Victory 3");
  ASSERT_EQ(n.tokens.size(), 2u);
  EXPECT_EQ(n.tokens[1].text, "3");
  EXPECT_EQ(n.tokens[1].role, TokenRole::kNumber);
  EXPECT_THAT(Tokens("Vessel No. 3"), ElementsAre("vessel", "no/stopword", "3"));
  EXPECT_THAT(Tokens("Louis XIV"), ElementsAre("louis", "xiv"));
}

TEST(NormalizerTest, DigitHomoglyphsRepaired) {
  EXPECT_THAT(Tokens("Ig0r Sech1n"), ElementsAre("igor", "sechin"));
  EXPECT_THAT(Tokens("A1exander"), ElementsAre("alexander"));
  // A "1" after a vowel and before a consonant is a lower-case "l" in a
  // word written in lower case, an upper-case "I" otherwise.
  EXPECT_THAT(Tokens("Ho1ding"), ElementsAre("holding"));
  EXPECT_THAT(Tokens("HO1DING"), ElementsAre("hoiding"));
  EXPECT_THAT(Tokens("1NSTITUTE"), ElementsAre("institute"));
  // Legal form words spelt with look-alike digits are legal forms.
  EXPECT_EQ(Norm("Zelmora Group C0., LTD.", NameKindHint::kOrganization).legal_forms,
            Norm("Zelmora Group Co., Ltd.", NameKindHint::kOrganization).legal_forms);
  EXPECT_FALSE(Norm("Zelmora Group C0.").legal_forms.empty());
  EXPECT_THAT(Norm("0OO Zelmora").legal_forms, ElementsAre("llc"));
  EXPECT_THAT(Tokens("Zelmora L1MITED"), ElementsAre("zelmora", "limited/legal_form"));
  // A code is not a legal form in disguise: "A5" is not "AS", "S3" not "SE".
  EXPECT_TRUE(Norm("Zelmora A5", NameKindHint::kOrganization).legal_forms.empty());
  EXPECT_TRUE(Norm("Zelmora S3", NameKindHint::kOrganization).legal_forms.empty());
  NormalizedName n = Norm("Ig0r");
  EXPECT_EQ(n.tokens[0].source, "Ig0r");
  EXPECT_TRUE(n.tokens[0].transliterated);
  // Plausible codes stay.
  EXPECT_THAT(Tokens("Airbus A320 MP3 G4S 1st"),
              ElementsAre("airbus", "a320", "mp3", "g4s", "1st"));
}

TEST(NormalizerTest, LegalFormsAtTheEnd) {
  NormalizedName n = Norm("Hangzhou Hikvision Digital Technology Co., Ltd.");
  EXPECT_THAT(Tokens("Hangzhou Hikvision Digital Technology Co., Ltd."),
              ElementsAre("hangzhou", "hikvision", "digital", "technology",
                          "co/legal_form", "ltd/legal_form"));
  EXPECT_THAT(n.legal_forms, ElementsAre("ltd"));
  EXPECT_EQ(n.tokens[4].source, "Co.");
  EXPECT_THAT(Norm("Example Trading L.L.C.").legal_forms, ElementsAre("llc"));
  EXPECT_THAT(Norm("Example Trading Limited Liability Company").legal_forms,
              ElementsAre("llc"));
  EXPECT_THAT(Norm("Example S.A. de C.V.").legal_forms, ElementsAre("sa de cv"));
  EXPECT_THAT(Norm("Example Holding GmbH & Co. KG").legal_forms,
              ElementsAre("holding", "gmbh and co kg"));
  EXPECT_THAT(Tokens("Example Sdn. Bhd."),
              ElementsAre("example", "sdn/legal_form", "bhd/legal_form"));
}

TEST(NormalizerTest, LegalFormsAtTheStartAndInside) {
  EXPECT_THAT(Tokens("OOO Romashka"), ElementsAre("ooo/legal_form", "romashka"));
  EXPECT_THAT(Norm("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU 'ROMASHKA'").legal_forms,
              ElementsAre("llc"));
  EXPECT_THAT(Tokens("PT Contoh Makmur Tbk"),
              ElementsAre("pt/legal_form", "contoh", "makmur", "tbk/legal_form"));
  EXPECT_THAT(Norm("Alpha Limited Liability Company Beta").legal_forms, ElementsAre("llc"));
  // A name is never only legal forms; persons get none.
  EXPECT_THAT(Tokens("Limited"), ElementsAre("limited"));
  // The end is tried first.
  EXPECT_THAT(Tokens("Ao Ltd"), ElementsAre("ao", "ltd/legal_form"));
  EXPECT_THAT(Tokens("Maria Co", NameKindHint::kPerson), ElementsAre("maria", "co"));
  // "Co" in the middle is a word.
  EXPECT_THAT(Tokens("Co Operative Bank"), ElementsAre("co", "operative", "bank"));
}

TEST(NormalizerTest, LegalFormsWithOneTypo) {
  // A word of 5+ letters one edit (OSA) from a legal form word reads as it.
  EXPECT_THAT(Tokens("Quorvex Enterprises Limjited"),
              ElementsAre("quorvex", "enterprises", "limjited/legal_form"));
  EXPECT_THAT(Norm("Joint Stoxk Comoany Quorvex").legal_forms, ElementsAre("jsc"));
  EXPECT_THAT(Norm("Open Joitn-Stock Company Quorvex").legal_forms, ElementsAre("ojsc"));
  EXPECT_THAT(Norm("Quorvex Incorporatdd").legal_forms, ElementsAre("inc"));
  // Only whole legal forms: "Point Stock" is not "Joint Stock", and words
  // of four letters or fewer get no typo ("Cop" is not "Co", "Lts" not "Ltd").
  EXPECT_THAT(Tokens("Trade Point Stock Quorvex"),
              ElementsAre("trade", "point", "stock", "quorvex"));
  EXPECT_THAT(Tokens("Quorvex Lts"), ElementsAre("quorvex", "lts"));
  // Persons get no legal forms, typo or not.
  EXPECT_THAT(Tokens("Anna Limjited", NameKindHint::kPerson), ElementsAre("anna", "limjited"));
}

TEST(NormalizerTest, LegalFormsGluedToAWord) {
  // Vowel-less legal forms (and "ooo") glued to the first or last word.
  EXPECT_THAT(Tokens("JSCQUORVEX"), ElementsAre("jsc/legal_form", "quorvex"));
  EXPECT_THAT(Tokens("Quorvex Tradingltd"),
              ElementsAre("quorvex", "trading", "ltd/legal_form"));
  EXPECT_THAT(Tokens("OOOQuorvex"), ElementsAre("ooo/legal_form", "quorvex"));
  // A letter glued to dotted initials: "Quorvexs.A." is "Quorvex S.A.".
  EXPECT_THAT(Norm("Quorvexs.A.").legal_forms, ElementsAre("sa"));
  EXPECT_THAT(Tokens("Trade Point Internationals.A.R.L.")[2], "international");
  // Forms with a vowel could be a word's end: "Fayssal" is not "Fays S.A.L.".
  EXPECT_THAT(Tokens("Fayssal Quorvex"), ElementsAre("fayssal", "quorvex"));
  EXPECT_THAT(Tokens("Quorvex Durano"), ElementsAre("quorvex", "durano"));
  // Both parts keep three letters or more; persons are never split.
  EXPECT_THAT(Tokens("Quorvex Altd"), ElementsAre("quorvex", "altd"));
  EXPECT_THAT(Tokens("Jscott Brown", NameKindHint::kPerson), ElementsAre("jscott", "brown"));
}

TEST(NormalizerTest, SpacedInitialsOfOrganisations) {
  EXPECT_THAT(Tokens("A B C Company"), ElementsAre("abc", "company/legal_form"));
  EXPECT_THAT(Tokens("Q R Trading", NameKindHint::kOrganization), ElementsAre("qr", "trading"));
  // Persons' initials stay apart, and so do those of a name of unknown kind
  // without a legal form.
  EXPECT_THAT(Tokens("J R Smith", NameKindHint::kPerson), ElementsAre("j", "r", "smith"));
  EXPECT_THAT(Tokens("J R Smith"), ElementsAre("j", "r", "smith"));
}

TEST(NormalizerTest, LegalFormHelpers) {
  EXPECT_TRUE(N().IsLegalForm("ltd"));
  EXPECT_TRUE(N().IsLegalForm("gmbh"));
  EXPECT_TRUE(N().IsLegalForm("ooo"));
  EXPECT_FALSE(N().IsLegalForm("trading"));
  EXPECT_FALSE(N().IsLegalForm("group"));
  EXPECT_FALSE(N().IsLegalForm("co ltd"));
  EXPECT_EQ(N().CanonicalLegalForm("co ltd"), "ltd");
  EXPECT_EQ(N().CanonicalLegalForm("ooo"), "llc");
  EXPECT_EQ(N().CanonicalLegalForm("pao"), "pjsc");
  EXPECT_EQ(N().CanonicalLegalForm("zao"), "cjsc");
  EXPECT_EQ(N().CanonicalLegalForm("trading"), "");
  EXPECT_TRUE(N().IsStopword("the"));
  EXPECT_FALSE(N().IsStopword("bank"));
}

TEST(NormalizerTest, HonorificsParticlesStopwords) {
  EXPECT_THAT(Tokens("Dr. John Smith"), ElementsAre("dr/honorific", "john", "smith"));
  EXPECT_THAT(Tokens("H.E. Sheikh Ahmad bin Ali"),
              ElementsAre("he/honorific", "sheikh/honorific", "ahmad", "bin/particle", "ali"));
  EXPECT_THAT(Tokens("General Qasim Example"),
              ElementsAre("general/honorific", "qasim", "example"));
  // Ambiguous titles need two following words, and never for organisations.
  EXPECT_THAT(Tokens("General Dynamics"), ElementsAre("general", "dynamics"));
  EXPECT_THAT(Tokens("General Example Works", NameKindHint::kOrganization),
              ElementsAre("general", "example", "works"));
  EXPECT_THAT(Tokens("Bank of the Example & Trust"),
              ElementsAre("bank", "of/stopword", "the/stopword", "example",
                          "and/stopword", "trust"));
  EXPECT_THAT(Tokens("Ludwig van Beispiel"), ElementsAre("ludwig", "van/particle", "beispiel"));
  // Never all of a name.
  EXPECT_THAT(Tokens("The"), ElementsAre("the"));
}

TEST(NormalizerTest, UnicodeCleanup) {
  EXPECT_THAT(Tokens("\uFF33\uFF25\uFF2E\uFF33\uFF25\uFF34\uFF29\uFF2D\uFF25"),
              ElementsAre("sensetime"));
  EXPECT_EQ(Norm("\uFF33\uFF25\uFF2E\uFF33\uFF25\uFF34\uFF29\uFF2D\uFF25").script, "Latn");
  EXPECT_THAT(Tokens("\u00A0Sense\u200BTime\u00A0 Group\u3000Ltd "),
              ElementsAre("sensetime", "group", "ltd/legal_form"));
  EXPECT_THAT(Tokens("Ex\u00ADample\u200D \u202AName\u202C\uFEFF"),
              ElementsAre("example", "name"));
  EXPECT_THAT(Tokens("Tab\tNew\nLine\x01" "Ctl"), ElementsAre("tab", "new", "line", "ctl"));
}

TEST(NormalizerTest, LatinDiacriticsStripped) {
  EXPECT_THAT(Tokens("José Müller Łódź Straße Ærø"),
              ElementsAre("jose", "muller", "lodz", "strasse", "aero"));
  NormalizedName n = Norm("Müller");
  EXPECT_EQ(n.tokens[0].source, "Müller");
  EXPECT_FALSE(n.tokens[0].transliterated);
}

TEST(NormalizerTest, CyrillicHomoglyphsInLatinWords) {
  // "Gаzprom" with a Cyrillic "а", "Тesla" with a Cyrillic "Т".
  EXPECT_THAT(Tokens("G\u0430zprom \u0422esla"), ElementsAre("gazprom", "tesla"));
  NormalizedName n = Norm("G\u0430zprom");
  EXPECT_TRUE(n.tokens[0].transliterated);
  EXPECT_EQ(n.tokens[0].source, "G\u0430zprom");
  // Greek capitals in a Latin word.
  EXPECT_THAT(Tokens("\u039A\u039FSMOS Bank"), ElementsAre("kosmos", "bank"));
  // A Latin "o" inside a Cyrillic word is made Cyrillic first.
  EXPECT_THAT(Tokens("Р\u006Fснефть"), ElementsAre("rosneft"));
}

TEST(NormalizerTest, Cyrillic) {
  EXPECT_THAT(Tokens("ООО Ромашка"), ElementsAre("ooo/legal_form", "romashka"));
  EXPECT_THAT(Norm("ООО Ромашка").legal_forms, ElementsAre("llc"));
  // BGN/PCGN: Роснефть -> Rosneft' -> rosneft; Сергей -> sergey.
  EXPECT_THAT(Tokens("Роснефть"), ElementsAre("rosneft"));
  EXPECT_THAT(Tokens("Сергей Лавров"), ElementsAre("sergey", "lavrov"));
  NormalizedName n = Norm("Сергей Лавров");
  EXPECT_EQ(n.script, "Cyrl");
  EXPECT_EQ(n.tokens[1].source, "Лавров");
  EXPECT_TRUE(n.tokens[1].transliterated);
  EXPECT_THAT(Tokens("ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО «ПРИМЕР»"),
              ElementsAre("publichnoe/legal_form", "aktsionernoe/legal_form",
                          "obshchestvo/legal_form", "primer"));
  // The Russian rules of translit_overrides.txt: "е" after a vowel or soft
  // sign, final "-ий"; BGN's separating middle dot ("t·s") is dropped.
  EXPECT_EQ(Joined("Агаев Арефьев Юрьевич Виталий Детский"),
            "agaev arefiev yurievich vitaly detsky");
  EXPECT_THAT(Tokens("ЗАО Пример"), ElementsAre("zao/legal_form", "primer"));
  // Ukrainian by its letters.
  EXPECT_THAT(Tokens("Костянтин Іващенко"), ElementsAre("kostyantyn", "ivashchenko"));
  EXPECT_THAT(Tokens("ТОВ Київ"), ElementsAre("tov/legal_form", "kyyiv"));
  // Without Ukrainian letters a name is read as Russian.
  EXPECT_THAT(Tokens("ТОВ Приклад"), ElementsAre("tov/legal_form", "priklad"));
}

TEST(NormalizerTest, OtherScripts) {
  // Greek, UNGEGN.
  EXPECT_EQ(Joined("Αλέξης Τσίπρας"), "alexis tsipras");
  EXPECT_EQ(Norm("Αλέξης Τσίπρας").script, "Grek");
  // Arabic: name words from the dictionary, article split off.
  EXPECT_THAT(Tokens("محمد"), ElementsAre("muhammad"));
  EXPECT_EQ(Norm("محمد").script, "Arab");
  EXPECT_THAT(Tokens("بطرس الحلاق"), ElementsAre("btrs", "al/particle", "hlaq"));
  EXPECT_THAT(Tokens("عبدالعزيز بن خالد"),
              ElementsAre("abd", "al/particle", "aziz", "bin/particle", "khalid"));
  // Georgian, Hebrew, Hangul, Thai: ICU romanisations.
  EXPECT_EQ(Joined("ალექსანდრე"), "aleksandre");
  // Hebrew: the letters that stand for vowels read by position.
  EXPECT_EQ(Joined("נעם"), "nam");          // ayin between consonants
  EXPECT_EQ(Joined("עדן לוי"), "adn lwy");  // initial ayin
  EXPECT_EQ(Joined("אילי"), "ely");         // initial alef + yod
  EXPECT_EQ(Joined("שמעון"), "shmon");      // shin, vav between consonants
  EXPECT_EQ(Joined("יוסף"), "ywsf");        // final pe
  EXPECT_EQ(Joined("להבה"), "lhba");        // final he
  EXPECT_EQ(Joined("김영복", NameKindHint::kPerson), "kim yongbok");
  EXPECT_FALSE(Tokens("บริษัท").empty());
}

// Hangul: an initial ㄹ is "r", the North Korean way the lists spell DPRK
// names (ICU applies the South Korean "n"); a first syllable that is a bare
// vowel is kept (ICU drops it when more syllables follow).
TEST(NormalizerTest, HangulInitialRieulAndBareVowels) {
  EXPECT_EQ(Joined("리창호"), "ri changho");
  EXPECT_EQ(Joined("류경", NameKindHint::kPerson), "ryu kyong");
  EXPECT_EQ(Joined("박라선", NameKindHint::kPerson), "pak rason");
  EXPECT_EQ(Joined("로동당", NameKindHint::kOrganization), "rodongdang");
  EXPECT_EQ(Joined("이명박", NameKindHint::kPerson), "i myongbak");
  EXPECT_EQ(Joined("아산", NameKindHint::kOrganization), "asan");
  EXPECT_EQ(Joined("원산", NameKindHint::kOrganization), "wonsan");
  // Nor are the vowels of an open syllable and a silent-initial one merged
  // inside a word (ICU: 지은 "chun", 소연 "syon", 채원 "ch'won").
  EXPECT_EQ(Joined("박지은", NameKindHint::kPerson), "pak chiun");
  EXPECT_EQ(Joined("소연 김", NameKindHint::kPerson), "soyon kim");
  EXPECT_EQ(Joined("채원", NameKindHint::kOrganization), "chaewon");
  EXPECT_EQ(Joined("하윤", NameKindHint::kOrganization), "hayun");
  // A closed syllable before a silent initial keeps ICU's reading.
  EXPECT_EQ(Joined("김정은", NameKindHint::kPerson), "kim chongun");
}

TEST(NormalizerTest, ChineseOrganisations) {
  EXPECT_THAT(Tokens("浙江大华技术股份有限公司"),
              ElementsAre("zhejiang", "dahua", "technology", "co/legal_form",
                          "ltd/legal_form"));
  EXPECT_THAT(Tokens("成都景昕科技有限公司"),
              ElementsAre("chengdu", "jingxin", "technology", "co/legal_form",
                          "ltd/legal_form"));
  NormalizedName n = Norm("成都景昕科技有限公司");
  EXPECT_EQ(n.script, "Hani");
  EXPECT_THAT(n.legal_forms, ElementsAre("ltd"));
  EXPECT_EQ(n.tokens[1].source, "景昕");
  EXPECT_EQ(n.tokens[2].source, "科技");
  EXPECT_TRUE(n.tokens[1].transliterated);
  // Traditional characters and brackets.
  EXPECT_THAT(Tokens("海能機械(香港)有限公司"),
              ElementsAre("haineng", "machinery", "hong", "kong", "co/legal_form",
                          "ltd/legal_form"));
  // Latin and Han in one word.
  EXPECT_THAT(Tokens("ABC科技"), ElementsAre("abc", "technology"));
}

TEST(NormalizerTest, ChineseUnknownRunsOfFourAreTwoWords) {
  // A four-character stretch that matches no term: two two-syllable words
  // (the scorer can join them again, never split one).
  EXPECT_THAT(Tokens("浙江明远腾飞科技有限公司"),
              ElementsAre("zhejiang", "mingyuan", "tengfei", "technology", "co/legal_form",
                          "ltd/legal_form"));
  // Two or three characters stay one token.
  EXPECT_THAT(Tokens("華信船務(香港)有限公司"),
              ElementsAre("huaxin", "shipping", "hong", "kong", "co/legal_form",
                          "ltd/legal_form"));
  EXPECT_THAT(Tokens("宁波贝宁机床有限公司"),
              ElementsAre("ningbo", "beining", "machine", "tool", "co/legal_form",
                          "ltd/legal_form"));
}

// The readings of a Chinese name that can be cut two ways: a name stretch
// followed by a term whose first character begins a shorter term ("星辰" +
// "微電子" microelectronics, or "星辰微" + "電子" electronics).
TEST(NormalizerTest, ChineseNameWithTwoCutsHasTwoReadings) {
  std::vector<NormalizedName> readings = Readings("香港星辰微電子有限公司");
  ASSERT_EQ(readings.size(), 2u);
  EXPECT_EQ(Texts(readings[0]), "hong kong xingchen microelectronics co ltd");
  EXPECT_EQ(Texts(readings[1]), "hong kong xingchenwei electronics co ltd");
  EXPECT_EQ(Joined("香港星辰微電子有限公司"), "hong kong xingchen microelectronics co/legal_form ltd/legal_form");
  // No name stretch before the term, or no shorter term inside it, or a
  // legal form: one reading.
  for (const char* one : {"微電子有限公司", "星辰科技有限公司", "Dahua Technology", "Роснефть", "星辰总公司"}) {
    EXPECT_EQ(Readings(one).size(), 1u) << one;
  }
  // Person names are not cut by the dictionary.
  EXPECT_EQ(Readings("王微电子", NameKindHint::kPerson).size(), 1u);
}

// A character of two readings (translit_overrides.txt "han" lines) gives a
// second reading of the name with the one Han-Latin does not give: 阿不都
// is "abudou" by Han-Latin, "abudu" (Abdul) as the lists write it; 翟 is
// "di" and the surname "zhai". Other characters keep Han-Latin's reading
// in both; a name without such a character has one reading.
TEST(NormalizerTest, ChineseCharactersOfTwoReadingsGiveAnotherReading) {
  std::vector<NormalizedName> abdul = Readings("阿不都·哈克", NameKindHint::kPerson);
  ASSERT_EQ(abdul.size(), 2u);
  EXPECT_EQ(Texts(abdul[0]), "abudou hake");
  EXPECT_EQ(Texts(abdul[1]), "abudu hake");
  std::vector<NormalizedName> zhai = Readings("翟志刚", NameKindHint::kPerson);
  ASSERT_EQ(zhai.size(), 2u);
  EXPECT_EQ(Texts(zhai[0]), "di zhigang");
  EXPECT_EQ(Texts(zhai[1]), "zhai zhigang");
  EXPECT_EQ(Readings("王志刚", NameKindHint::kPerson).size(), 1u);
  // In an organisation name, only its own words change.
  std::vector<NormalizedName> firm = Readings("厦华电子有限公司");
  ASSERT_EQ(firm.size(), 2u);
  EXPECT_EQ(Texts(firm[0]), "shahua electronics co ltd");
  EXPECT_EQ(Texts(firm[1]), "xiahua electronics co ltd");
}

// A term with a second English form in listings ("中国": china / sino)
// gives a reading with it; with a two-way cut as well, four readings.
TEST(NormalizerTest, ChineseTermsWithASecondEnglishFormGiveAnotherReading) {
  std::vector<NormalizedName> two = Readings("中国星辰控股");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(Texts(two[0]), "china xingchen holdings");
  EXPECT_EQ(Texts(two[1]), "sino xingchen holdings");
  EXPECT_TRUE(two[1].tokens[0].translated);
  std::vector<NormalizedName> four = Readings("中国星辰微電子");
  ASSERT_EQ(four.size(), 4u);
  EXPECT_EQ(Texts(four[0]), "china xingchen microelectronics");
  EXPECT_EQ(Texts(four[1]), "china xingchenwei electronics");
  EXPECT_EQ(Texts(four[2]), "sino xingchen microelectronics");
  EXPECT_EQ(Texts(four[3]), "sino xingchenwei electronics");
}

// Abbreviated generic words ("Tech", "Intl", "Mfg.") are written out in a
// further reading; the first reading keeps them, legal forms stay legal
// forms, and a person's name is never read this way.
TEST(NormalizerTest, AbbreviatedGenericWordsGiveAWrittenOutReading) {
  std::vector<NormalizedName> r = Readings("Semiconductor Mfg. Int'l Corp.");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(Texts(r[0]), "semiconductor mfg intl corp");
  EXPECT_EQ(Texts(r[1]), "semiconductor manufacturing international corp");
  EXPECT_EQ(r[1].tokens[3].role, TokenRole::kLegalForm);
  EXPECT_EQ(r[1].tokens[1].source, r[0].tokens[1].source);
  std::optional<NormalizedName> e = N().StandardForm(Norm("Hikvision Digital Tech Co"));
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(Texts(*e), "hikvision digital technology co");
  EXPECT_FALSE(N().StandardForm(Norm("Hikvision Digital Technology")).has_value());
  EXPECT_FALSE(N().StandardForm(Norm("Tech Smith", NameKindHint::kPerson), NameKindHint::kPerson)
                   .has_value());
  EXPECT_EQ(Readings("Tech Smith", NameKindHint::kPerson).size(), 1u);
  // With a Chinese reading choice too: each reading is followed by its
  // written-out form when it has an abbreviation ("国际" also "intl").
  std::vector<NormalizedName> cjk = Readings("中国星辰国际");
  ASSERT_EQ(cjk.size(), 3u);
  EXPECT_EQ(Texts(cjk[0]), "china xingchen international");
  EXPECT_EQ(Texts(cjk[1]), "sino xingchen intl");
  EXPECT_EQ(Texts(cjk[2]), "sino xingchen international");
}

// Chinese place and administrative terms and the readings of 地 and 什 in
// names: "喀什地区" is Kashi Prefecture, not "kashen dequ".
TEST(NormalizerTest, ChineseAdministrativeTermsAndNameReadings) {
  EXPECT_THAT(Tokens("喀什地区公安局"),
              ElementsAre("kashi", "prefecture", "public", "security", "bureau"));
  EXPECT_EQ(Texts(Readings("新疆维吾尔自治区公安厅")[0]),
            "xinjiang uyghur autonomous region public security department");
  EXPECT_EQ(Texts(Readings("哈尔滨工业大学")[1]), "harbin institute of technology");
}

// Cyrillic organisation words in any case ending: a second reading with
// their English words; the first reading stays the transliteration.
TEST(NormalizerTest, CyrillicOrganisationWordsGiveATranslatedReading) {
  std::vector<NormalizedName> r = Readings("Фонд стратегической культуры Зарубино");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(Texts(r[0]), Texts(Norm("Фонд стратегической культуры Зарубино")));
  EXPECT_EQ(Texts(r[1]), "foundation strategic culture zarubino");
  EXPECT_TRUE(r[1].tokens[0].translated);
  EXPECT_FALSE(r[1].tokens[3].translated);  // a name: transliterated
  EXPECT_FALSE(r[0].tokens[0].translated);
  // Case endings: nominative, genitive, plural.
  for (const char* word : {"ЗАВОД", "завода", "заводы", "Заводом"}) {
    std::vector<NormalizedName> w = Readings(word);
    ASSERT_EQ(w.size(), 3u) << word;  // and its other rendering, below
    EXPECT_EQ(Texts(w[1]), "plant") << word;
  }
  // A word that only begins like a stem is not it ("фондовый" is not
  // "фонд" + an ending); names have one reading.
  for (const char* one : {"Зарубино", "Сергей Лавров", "Роснефть", "фондовый"}) {
    EXPECT_EQ(Readings(one).size(), 1u) << one;
  }
  // Legal forms keep their words in every reading: "общество" is not
  // translated, so "ООО" and its long form stay legal forms.
  std::vector<NormalizedName> llc = Readings("Общество с ограниченной ответственностью Завод Зарубино");
  ASSERT_EQ(llc.size(), 3u);
  EXPECT_EQ(llc[1].legal_forms, llc[0].legal_forms);
  EXPECT_EQ(llc[2].legal_forms, llc[0].legal_forms);
  EXPECT_FALSE(llc[1].legal_forms.empty());
}

// A Cyrillic organisation word of two common English renderings
// ("авиационный": AVIATION or AIRCRAFT, as in 558 AIRCRAFT REPAIR PLANT)
// gives a third reading with the other one, for every such word of the
// name at once; a name whose words have one rendering gets no third.
TEST(NormalizerTest, CyrillicWordsOfTwoRenderingsGiveAThirdReading) {
  std::vector<NormalizedName> r = Readings("558 АВИАЦИОННЫЙ РЕМОНТНЫЙ ЗАВОД");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(Texts(r[0]), "558 aviatsionnyy remontnyy zavod");
  EXPECT_EQ(Texts(r[1]), "558 aviation repair plant");
  EXPECT_EQ(Texts(r[2]), "558 aircraft repair factory");
  EXPECT_TRUE(r[2].tokens[1].translated);
  EXPECT_EQ(Readings("Фонд стратегической культуры").size(), 2u);
  // Only a translating reading takes the other rendering: no reading is
  // the transliteration twice.
  for (size_t i = 0; i < r.size(); ++i) {
    for (size_t j = i + 1; j < r.size(); ++j) EXPECT_NE(Texts(r[i]), Texts(r[j])) << i << " " << j;
  }
}

// English words written in Cyrillic read as the English words in the
// second reading ("Мечел-Сталь Менеджмент" is listed as MECHEL-STEEL
// MANAGEMENT; transliterated, "menedzhment" is far from it).
TEST(NormalizerTest, CyrillicLoanwordsOfCompanyNamesGiveTheirEnglishWords) {
  std::vector<NormalizedName> r = Readings("Мечел-Сталь Менеджмент");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(Texts(r[0]), "mechel stal menedzhment");
  EXPECT_EQ(Texts(r[1]), "mechel steel management");
  // "и" (and) is only itself: in the translated reading a stop word, not
  // the one-letter token "i" that no English listing has.
  std::vector<NormalizedName> a = Readings("Радиотехнические и Информационные Системы");
  ASSERT_EQ(a.size(), 3u);  // the third: "radio engineering"
  EXPECT_EQ(CoreTexts(a[1]), "radiotechnical information systems");
  std::vector<NormalizedName> d = Readings("Газпром Инвест Девелопмент");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(Texts(d[1]), "gazprom invest development");
}

// Belarusian legal forms, in the spellings of both transliterations the
// normalizer may choose, and Belarusian organisation words.
TEST(NormalizerTest, BelarusianLegalFormsAndOrganisationWords) {
  EXPECT_THAT(Norm("Адкрытае акцыянернае таварыства Аршанскі завод").legal_forms, ElementsAre("ojsc"));
  EXPECT_THAT(Norm("Акцыянернае таварыства 2566 Завод па рамонце").legal_forms, ElementsAre("jsc"));
  EXPECT_THAT(Norm("Таварыства з абмежаванай адказнасцю Зарубіна").legal_forms, ElementsAre("llc"));
  EXPECT_THAT(Norm("ААТ Зарубіна").legal_forms, ElementsAre("ojsc"));
  std::vector<NormalizedName> r = Readings("Акцыянернае таварыства 2566 Завод па рамонце");
  ASSERT_EQ(r.size(), 3u);  // the third: "factory"
  EXPECT_THAT(Texts(r[1]), ::testing::EndsWith("tavarystva 2566 plant for repair"));
}

// Belarusian names as the lists spell them (ALIAKSANDR, SIARHEI, ALEH,
// BELIAKOU), and a name with і and ы is Belarusian, not Ukrainian.
TEST(NormalizerTest, BelarusianNamesInTheListsSpelling) {
  EXPECT_THAT(Tokens("Белякоў, Алег Мікалаевіч", NameKindHint::kPerson),
              ElementsAre("beliakou", "aleh", "mikalaevich"));
  EXPECT_THAT(Tokens("Аляксандр Рыгоравіч Лукашэнка", NameKindHint::kPerson),
              ElementsAre("aliaksandr", "ryhoravich", "lukashenka"));
  EXPECT_THAT(Tokens("Сяргей Дзмітрыевіч", NameKindHint::kPerson), ElementsAre("siarhei", "dzmitryevich"));
  // і without ы, э or ў: Ukrainian.
  EXPECT_THAT(Tokens("Олександр Сергійович", NameKindHint::kPerson), ElementsAre("oleksandr", "serhiyovych"));
}

// Belarusian and Ukrainian forms of East Slavic given names are also read
// in their Russian form, never in an organisation's name.
TEST(NormalizerTest, GivenNameVariantsGiveAStandardReading) {
  std::vector<NormalizedName> r = Readings("Ihar KARPENKA", NameKindHint::kPerson);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(Texts(r[0]), "ihar karpenka");
  EXPECT_EQ(Texts(r[1]), "igor karpenka");
  EXPECT_EQ(Texts(Readings("Сяргей Дзмітрыевіч")[1]), "sergey dzmitryevich");
  EXPECT_EQ(Readings("Volodymyr Trading LLC").size(), 1u);
  EXPECT_EQ(Readings("Volodymyr", NameKindHint::kOrganization).size(), 1u);
  EXPECT_EQ(Readings("Igor Sechin", NameKindHint::kPerson).size(), 1u);
}

// Dictionary translations are marked: the screener pairs them only with
// forms of the same English word.
TEST(NormalizerTest, ChineseTermTranslationsAreMarked) {
  NormalizedName n = Norm("中国星辰控股");
  ASSERT_EQ(n.tokens.size(), 3u);
  EXPECT_EQ(n.tokens[0].text, "china");
  EXPECT_TRUE(n.tokens[0].translated);
  EXPECT_FALSE(n.tokens[1].translated);  // "xingchen": pinyin
  EXPECT_TRUE(n.tokens[1].pinyin);
  EXPECT_FALSE(Norm("China Xingchen").tokens[0].translated);
}

TEST(NormalizerTest, ChinesePinyinTokensAreMarkedAndCitySuffixIsABoundary) {
  // 市 after a city's name gives no token and ends the city's name.
  EXPECT_THAT(Tokens("金华市海润动力科技有限公司"),
              ElementsAre("jinhua", "hairun", "power", "technology", "co/legal_form",
                          "ltd/legal_form"));
  // ... but not inside a term ("市场" market).
  EXPECT_THAT(Tokens("海润市场"), ElementsAre("hairun", "market"));
  // Pinyin of characters no term covers is marked; dictionary terms not.
  NormalizedName n = Norm("普萊米樂科技有限公司");
  ASSERT_GE(n.tokens.size(), 3u);
  EXPECT_EQ(n.tokens[0].text, "pulai");
  EXPECT_TRUE(n.tokens[0].pinyin);
  EXPECT_TRUE(n.tokens[1].pinyin);
  EXPECT_EQ(n.tokens[2].text, "technology");
  EXPECT_FALSE(n.tokens[2].pinyin);
  EXPECT_TRUE(n.tokens[2].transliterated);
  // Latin tokens are not pinyin.
  EXPECT_FALSE(Norm("Dahua Technology").tokens[0].pinyin);
  // Japanese kanji terms of the dictionary beside katakana.
  EXPECT_THAT(Tokens("カザン火薬工場"), ElementsAre("kazan", "gunpowder", "factory"));
}

TEST(NormalizerTest, ArabicLongVowelLetters) {
  // Waw and yeh between consonants are the vowels u and i; next to a vowel
  // letter they are consonants; the initial alef is a (i for hamza below).
  EXPECT_EQ(Joined("قدور"), "qdur");
  EXPECT_EQ(Joined("لونا"), "luna");
  EXPECT_EQ(Joined("إدريسي"), "idrisi");
  EXPECT_EQ(Joined("جواد"), "jawad");
  // Ta marbuta, alif maqsura, medial ain between consonants.
  EXPECT_EQ(Joined("عودة"), "udah");
  EXPECT_EQ(Joined("جعفري"), "jafri");
  // Vowel marks, when written, are read.
  EXPECT_EQ(Joined("بَطرُس"), "batrus");
  // Urdu letter forms as their Arabic counterparts.
  EXPECT_EQ(Joined("اظہر"), "azhr");
  // An initial alef madda is the long a: the waw or yeh after it is a
  // consonant ("آوایی" is Avayi, not "uayi"; Persian "v").
  EXPECT_EQ(Joined("آوایی"), "avayi");
  EXPECT_EQ(Joined("آيات"), "ayat");
  // مؤسسة "establishment" opens Arabic organisation names: a legal form
  // at either edge.
  EXPECT_THAT(Norm("مؤسسة بهينه التجارية", NameKindHint::kOrganization).legal_forms, ElementsAre("est"));
}

TEST(NormalizerTest, ArabicNamePatterns) {
  // The fa'il pattern (consonant, alef, two consonants) gets its i; Persian
  // names their e.
  EXPECT_EQ(Joined("مازن"), "mazin");
  EXPECT_EQ(Joined("عاطف"), "atif");
  EXPECT_EQ(Joined("کاظم"), "kazem");
  // A name followed by the separate word "الله" or "الدين" is one token,
  // as listings write it (Najibullah, Sirajuddin) ...
  EXPECT_THAT(Tokens("نجيب الله حقاني"), ElementsAre("njibullah", "hqani"));
  EXPECT_THAT(Tokens("سراج الدين", NameKindHint::kPerson), ElementsAre("srajuddin"));
  // ... but not after "abd", nor in organisation names.
  EXPECT_THAT(Tokens("عبد الله"), ElementsAre("abd", "allah"));
  EXPECT_THAT(Tokens("نجيب الله", NameKindHint::kOrganization), ElementsAre("njib", "allah"));
  EXPECT_THAT(Tokens("حزب الله"), ElementsAre("hizb", "allah"));
  // Organisation words that listings also transliterate: the spelling
  // first, the English word in the translated reading.
  std::vector<NormalizedName> front = Readings("جبهة النصرة");
  ASSERT_EQ(front.size(), 2u);
  EXPECT_EQ(Texts(front[0]), "jabhat al nsrah");
  EXPECT_EQ(Texts(front[1]), "front al nsrah");
  EXPECT_EQ(Texts(Readings("حزب الله").back()), "party allah");
}

TEST(NormalizerTest, ArabicAndPersianOrganisationWords) {
  // General organisation words are translated as listings write them.
  EXPECT_THAT(Tokens("إدارة المخابرات العامة", NameKindHint::kOrganization),
              ElementsAre("directorate", "al/particle", "intelligence", "al/particle", "general"));
  EXPECT_THAT(Tokens("سازمان صنایع دفاع", NameKindHint::kOrganization),
              ElementsAre("organization", "industries", "defence"));
  // Arabic LLC (ذ.م.م) and Thai company forms are legal forms.
  EXPECT_THAT(Norm("شركة النور ذ.م.م", NameKindHint::kOrganization).legal_forms,
              ElementsAre("co", "llc"));
  EXPECT_THAT(Norm("شركة النور ذ م م", NameKindHint::kOrganization).legal_forms,
              ElementsAre("co", "llc"));
  // A one-letter word is an initial.
  EXPECT_THAT(Tokens("تريدف ذ", NameKindHint::kOrganization)[1], "d");
}

// Arabic-script organisation words of arabic_org_terms.txt: a second
// reading with their English words (with Persian suffixes: ezafe "ی",
// plural "ان"); the first reading keeps their spelling.
TEST(NormalizerTest, ArabicScriptOrganisationWordsGiveATranslatedReading) {
  std::vector<NormalizedName> r = Readings("سپاه پاسداران انقلاب اسلامی", NameKindHint::kOrganization);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(Texts(r[0]), "spah pasdaran anqlab islamic");
  EXPECT_EQ(Texts(r[1]), "corps guard revolution islamic");
  EXPECT_TRUE(r[1].tokens[0].translated);
  EXPECT_TRUE(r[1].tokens[1].translated);
  EXPECT_FALSE(r[0].tokens[0].translated);
  // Ezafe and adjective suffixes: "نیروی" is "نیرو" (force) + ezafe,
  // "هوایی" is "هوا" (air) + "یی".
  EXPECT_EQ(Texts(Readings("نیروی هوایی")[1]), "force air");
  // A term and a known word written together are split.
  EXPECT_EQ(Texts(Readings("جهادخودکفایی", NameKindHint::kOrganization)[1]), "jihad self sufficiency");
  // A word only ending like a suffixed term is not it (a stem keeps 3
  // letters); names have one reading.
  for (const char* one : {"علی رضایی", "مرتضی پیری", "سپهر"}) {
    EXPECT_EQ(Readings(one).size(), 1u) << one;
  }
}

// An organisation word with a typing error (a letter dropped inside it) is
// read as that word, not in personal names; a word of 5 letters is not
// "corrected" into another by a replaced letter ("بنیان" stays bonyan,
// though "بنیاد" is a term).
TEST(NormalizerTest, ArabicScriptOrganisationWordsWithATypingError) {
  EXPECT_THAT(Tokens("اسلمی", NameKindHint::kOrganization), ElementsAre("islamic"));
  EXPECT_THAT(Tokens("سازمان تحققات", NameKindHint::kOrganization), ElementsAre("organization", "research"));
  EXPECT_THAT(Tokens("اسلمی", NameKindHint::kPerson), ElementsAre("aslmi"));
  EXPECT_THAT(Tokens("شرکت بنیان", NameKindHint::kOrganization), ElementsAre("company/legal_form", "bniyan"));
  // A letter more at the end is a suffix, not an error ("ایرانی" is not
  // "ایران" with a typo; it is a term of its own).
  EXPECT_EQ(Texts(Readings("ایرانی", NameKindHint::kOrganization).back()), "iranian");
}

// The conjunction "و" and the prepositions "ب", "ل" written onto the
// article before a word of 5+ letters or a known word: split off.
TEST(NormalizerTest, ArabicCliticsBeforeTheArticle) {
  EXPECT_THAT(Tokens("الإسلام والمسلمين", NameKindHint::kOrganization),
              ElementsAre("al/particle", "islam", "wa/stopword", "al/particle", "mslmin"));
  EXPECT_THAT(Tokens("للعلوم", NameKindHint::kOrganization), ElementsAre("al/particle", "alum"));
  // Foreign names that begin with the same letters keep them.
  EXPECT_THAT(Tokens("بالوما", NameKindHint::kOrganization), ElementsAre("baluma"));
  // The conjunction written apart is a stop word.
  EXPECT_THAT(Tokens("تحقیقات و توسعه", NameKindHint::kOrganization),
              ElementsAre("research", "wa/stopword", "development"));
}

// Thai: a word is one token (ICU cuts it into syllables), letters marked
// silent are dropped, the vowel carrier is no "x"; company forms are legal
// forms, public ones too.
TEST(NormalizerTest, ThaiWords) {
  EXPECT_THAT(Tokens("บริษัท เอ็กโซร่า จำกัด"),
              ElementsAre("brisath/legal_form", "eksora", "cakad/legal_form"));
  EXPECT_THAT(Tokens("ฟอร์ด"), ElementsAre("fod"));
  EXPECT_THAT(Tokens("บริษัท เมนซ์ จำกัด (มหาชน)"),
              ElementsAre("brisath/legal_form", "men", "cakad/legal_form", "mhachn/legal_form"));
  EXPECT_THAT(Norm("บริษัท เมนซ์ จำกัด (มหาชน)").legal_forms, ElementsAre("co", "plc"));
}

TEST(NormalizerTest, HoldingAndHonorificsInCompanyNames) {
  // "Holding(s)" at the end is a designation like a legal form.
  EXPECT_THAT(Norm("Quorvex Holding Corp.").legal_forms, ElementsAre("holding", "corp"));
  EXPECT_THAT(Tokens("Quorvex Holdings"), ElementsAre("quorvex", "holdings/legal_form"));
  EXPECT_THAT(Tokens("Holding Quorvex"), ElementsAre("holding", "quorvex"));
  // A name with a legal form is no person's: "Haji" stays a word.
  EXPECT_THAT(Tokens("Haji Quorvex Construction Company"),
              ElementsAre("haji", "quorvex", "construction", "company/legal_form"));
  EXPECT_THAT(Tokens("Haji Quorvex Bakr"), ElementsAre("haji/honorific", "quorvex", "bakr"));
}

TEST(NormalizerTest, PersianNames) {
  // Letters only Persian uses make the name Persian: its spellings from the
  // dictionary, z for zad, v for the consonant waw.
  EXPECT_THAT(Tokens("مرتضی پیری"), ElementsAre("morteza", "piri"));
  EXPECT_THAT(Tokens("مرتضى"), ElementsAre("murtada"));
  EXPECT_EQ(Joined("ضیایی"), "ziyayi");
  EXPECT_EQ(Joined("ضيايي"), "diyayi");
  EXPECT_EQ(Joined("ولی"), "vali");
  // Given names written together are split when both parts are known.
  EXPECT_THAT(Tokens("علیرضا"), ElementsAre("ali", "reza"));
  EXPECT_THAT(Tokens("محمدرضا"), ElementsAre("muhammad", "reza"));
  // Persian has no article: "ال" stays part of the word, unless an Arabic
  // known word follows it.
  EXPECT_THAT(Tokens("شرکت الوند"), ElementsAre("company/legal_form", "alund"));
  EXPECT_THAT(Tokens("الوند"), ElementsAre("al/particle", "wnd"));
}

TEST(NormalizerTest, ChinesePersons) {
  EXPECT_THAT(Tokens("王小明", NameKindHint::kPerson), ElementsAre("wang", "xiaoming"));
  EXPECT_THAT(Tokens("欧阳小明", NameKindHint::kPerson), ElementsAre("ouyang", "xiaoming"));
  // A name of several words: each word is a part of the name, whole (a
  // two-character given name is not a surname and a one-letter given name).
  EXPECT_THAT(Tokens("建国 蒲", NameKindHint::kPerson), ElementsAre("jianguo", "pu"));
  EXPECT_THAT(Tokens("王 小明", NameKindHint::kPerson), ElementsAre("wang", "xiaoming"));
}

TEST(NormalizerTest, KoreanPersonsOfSeveralWords) {
  // One word: surname syllable, then the given name joined.
  EXPECT_EQ(Joined("김영복", NameKindHint::kPerson), "kim yongbok");
  // Several words: each whole ("영복 김" is the given name, then the surname).
  EXPECT_EQ(Joined("영복 김", NameKindHint::kPerson), "yongbok kim");
}

TEST(NormalizerTest, LargeInputIsFast) {
  std::string big;
  while (big.size() < (1u << 20)) big += "Example Trading Co. Ltd. Abc-Def 12 ";
  auto start = std::chrono::steady_clock::now();
  absl::StatusOr<NormalizedName> r = N().Normalize(big);
  ASSERT_TRUE(r.ok());
  EXPECT_GT(r->tokens.size(), 100000u);
  std::string cyr;
  while (cyr.size() < (1u << 20)) cyr += "Роснефть Ромашка 成都景昕科技有限公司 ";
  r = N().Normalize(cyr);
  ASSERT_TRUE(r.ok());
  EXPECT_GT(r->tokens.size(), 50000u);
  std::string one_word(1 << 20, 'x');
  r = N().Normalize(one_word);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->tokens.size(), 1u);
  // A guard against super-linear work on long input, not a speed
  // measurement (bench/ measures speed): linear, these 3 MiB take about
  // 1 s, 13 s under the sanitizers on a busy machine; quadratic, hours.
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 60.0);
}

TEST(NormalizerTest, ConcurrentUseGivesSameResults) {
  const std::vector<std::string> names = {"Роснефть", "成都景昕科技有限公司", "محمد الحلاق",
                                          "Αλέξης Τσίπρας", "José Müller", "Ig0r Sech1n"};
  std::vector<std::string> expected;
  for (const std::string& s : names) expected.push_back(Joined(s));
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int rep = 0; rep < 50; ++rep) {
        for (size_t i = 0; i < names.size(); ++i) {
          if (Joined(names[i]) != expected[i]) ++failures[k];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_THAT(failures, ElementsAre(0, 0, 0, 0));
}

}  // namespace
}  // namespace partyscreen
