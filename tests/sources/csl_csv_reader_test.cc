// Tests of the trade.gov CSL CSV reader and of the shared CSL alias splitter.
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/sources/csl_common.h"
#include "lib/sources/dates.h"
#include "lib/sources/readers.h"
#include "partyscreen/sources.h"

namespace partyscreen::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Shared(absl::string_view rel) {
  return absl::StrCat(PARTYSCREEN_SHARED_DIR, "/data/", rel);
}
std::string Fixture(absl::string_view name) {
  return absl::StrCat(PARTYSCREEN_SOURCE_DIR, "/tests/testdata/csl/", name);
}

std::vector<std::string> Texts(const std::vector<SplitName>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) out.push_back(n.text);
  return out;
}

std::vector<std::string> NameTexts(const v1::Entity& e) {
  std::vector<std::string> out;
  for (const auto& n : e.names()) out.push_back(n.full());
  return out;
}

const v1::Entity* FindByName(const v1::EntityList& list, absl::string_view name,
                             absl::string_view source_prefix) {
  for (const auto& e : list.entities()) {
    for (const auto& l : e.listings()) {
      if (!absl::StartsWith(l.source_list(), source_prefix)) continue;
      for (const auto& n : e.names()) {
        if (n.kind() == v1::NAME_KIND_PRIMARY && n.full() == name) return &e;
      }
    }
  }
  return nullptr;
}

// --- alias splitting rules, each on real CSL text -------------------------

TEST(SplitCslNamesTest, CommaAndAfterLegalFormSplits) {
  EXPECT_THAT(Texts(SplitCslNames(
                  "Beijing Shangtang Technology Development Co., Ltd., and Sense Time",
                  v1::NAME_KIND_ALIAS)),
              ElementsAre("Beijing Shangtang Technology Development Co., Ltd.", "Sense Time"));
}

TEST(SplitCslNamesTest, GenuineAndIsNotSplit) {
  EXPECT_THAT(Texts(SplitCslNames("Ministry of Industry, Mine and Trade", v1::NAME_KIND_PRIMARY)),
              ElementsAre("Ministry of Industry, Mine and Trade"));
  EXPECT_THAT(Texts(SplitCslNames("THAI SOUTH SUDAN CRUSHER, AGGREGATES, AND BUILDING MATERIALS COMPANY",
                                  v1::NAME_KIND_ALIAS)),
              ElementsAre("THAI SOUTH SUDAN CRUSHER, AGGREGATES, AND BUILDING MATERIALS COMPANY"));
  EXPECT_THAT(Texts(SplitCslNames("Xinjiang Leon Telecom Technology and LAJS", v1::NAME_KIND_ALIAS)),
              ElementsAre("Xinjiang Leon Telecom Technology and LAJS"));
  EXPECT_THAT(Texts(SplitCslNames("Breyeller Stahl Technology GmbH and Co. KG", v1::NAME_KIND_ALIAS)),
              ElementsAre("Breyeller Stahl Technology GmbH and Co. KG"));
  EXPECT_THAT(Texts(SplitCslNames(
                  "Pakistan Atomic Energy Commission (PAEC), and subordinate entity National "
                  "Development Complex (NDC)",
                  v1::NAME_KIND_PRIMARY)),
              ElementsAre("Pakistan Atomic Energy Commission (PAEC), and subordinate entity "
                          "National Development Complex (NDC)"));
}

TEST(SplitCslNamesTest, LeadingAndIsDropped) {
  EXPECT_THAT(Texts(SplitCslNames("China Electronics Technology Group Corporation 14th Research "
                                  "Institute; Nanjing Research Institute of Electronics "
                                  "Technology; and CETC Research Institute 14",
                                  v1::NAME_KIND_ALIAS)),
              ElementsAre("China Electronics Technology Group Corporation 14th Research Institute",
                          "Nanjing Research Institute of Electronics Technology",
                          "CETC Research Institute 14"));
}

TEST(SplitCslNamesTest, ListOfLegalNamesWithAnd) {
  EXPECT_THAT(Texts(SplitCslNames("Corezing International Group Company, Corezing International "
                                  "Pte Ltd, Corezing Technology Pte Ltd and Core Zing",
                                  v1::NAME_KIND_ALIAS)),
              ElementsAre("Corezing International Group Company", "Corezing International Pte Ltd",
                          "Corezing Technology Pte Ltd", "Core Zing"));
  EXPECT_THAT(Texts(SplitCslNames("STG Holdings Limited, Stroytransgaz Holding Limited and STGH",
                                  v1::NAME_KIND_ALIAS)),
              ElementsAre("STG Holdings Limited", "Stroytransgaz Holding Limited", "STGH"));
  EXPECT_THAT(Texts(SplitCslNames("Kant and NPP Kant", v1::NAME_KIND_ALIAS)),
              ElementsAre("Kant", "NPP Kant"));
  EXPECT_THAT(Texts(SplitCslNames("Russian Quantum Center and RQC", v1::NAME_KIND_ALIAS)),
              ElementsAre("Russian Quantum Center", "RQC"));
}

TEST(SplitCslNamesTest, AkaAndFkaMarkers) {
  auto n = SplitCslNames(
      "and Thermal Processing Technology Research Institute, a.k.a., Hot Working Technology "
      "Research Institute.",
      v1::NAME_KIND_ALIAS);
  EXPECT_THAT(Texts(n), ElementsAre("Thermal Processing Technology Research Institute",
                                    "Hot Working Technology Research Institute."));
  n = SplitCslNames("Gazprom Neft OAO; f.k.a. Sibirskaya Neftyanaya Kompaniya OAO",
                    v1::NAME_KIND_ALIAS);
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[1].text, "Sibirskaya Neftyanaya Kompaniya OAO");
  EXPECT_EQ(n[1].kind, v1::NAME_KIND_FORMER);
  n = SplitCslNames("Gazprom Promgaz, AO (f.k.a. Otkrytoe Aktsionernoe Obshchestvo Gazprom Promgaz)",
                    v1::NAME_KIND_PRIMARY);
  EXPECT_THAT(Texts(n), ElementsAre("Gazprom Promgaz, AO",
                                    "Otkrytoe Aktsionernoe Obshchestvo Gazprom Promgaz"));
  EXPECT_EQ(n[0].kind, v1::NAME_KIND_PRIMARY);
  EXPECT_EQ(n[1].kind, v1::NAME_KIND_FORMER);
  EXPECT_THAT(Texts(SplitCslNames("Mexpar International, Inc. (a.k.a. Pasadena Aerospace; Aviation "
                                  "Logistics and Supply)",
                                  v1::NAME_KIND_PRIMARY)),
              ElementsAre("Mexpar International, Inc.", "Pasadena Aerospace",
                          "Aviation Logistics and Supply"));
  EXPECT_THAT(Texts(SplitCslNames("PEARL (A.K.A. NEI-CHIEN CHU) LI", v1::NAME_KIND_PRIMARY)),
              ElementsAre("PEARL LI", "NEI-CHIEN CHU"));
  EXPECT_THAT(Texts(SplitCslNames("Southwest Institute of Nuclear Physics and Chemistry (a.k.a., "
                                  "China Academy of Engineering Physics (CAEP)?s 902 Institute)",
                                  v1::NAME_KIND_ALIAS)),
              ElementsAre("Southwest Institute of Nuclear Physics and Chemistry",
                          "China Academy of Engineering Physics (CAEP)?s 902 Institute"));
  EXPECT_THAT(Texts(SplitCslNames("DBA Behover Information Technologies", v1::NAME_KIND_ALIAS)),
              ElementsAre("Behover Information Technologies"));
}

TEST(SplitCslNamesTest, QuotedNamesAreWeakAndNotesAreDropped) {
  auto n = SplitCslNames("Defence Industries Organisation; DIO; \"Sasadja\"", v1::NAME_KIND_ALIAS);
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(n[2].text, "Sasadja");
  EXPECT_EQ(n[2].kind, v1::NAME_KIND_WEAK_ALIAS);
  EXPECT_THAT(Texts(SplitCslNames("The High Power Laser Laboratory; (all of preceding located in "
                                  "or near Mianyang, Sichuan Province)",
                                  v1::NAME_KIND_ALIAS)),
              ElementsAre("The High Power Laser Laboratory"));
}

TEST(SplitCslNamesTest, ParenthesisedShortFormIsAlsoAName) {
  auto n = SplitCslNames("Huawei Technologies Co., Ltd. (Huawei)", v1::NAME_KIND_PRIMARY);
  EXPECT_THAT(Texts(n), ElementsAre("Huawei Technologies Co., Ltd. (Huawei)", "Huawei"));
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, v1::NAME_KIND_PRIMARY);
  EXPECT_EQ(n[1].kind, v1::NAME_KIND_ALIAS);
  EXPECT_EQ(n[1].marker, "short form");
  EXPECT_THAT(Texts(SplitCslNames("Hafei Aviation Industry Co., Ltd. (HAFEI).", v1::NAME_KIND_ALIAS)),
              ElementsAre("Hafei Aviation Industry Co., Ltd. (HAFEI).", "HAFEI"));
  // An acronym, a place or a note in parentheses is not the name's own words.
  EXPECT_THAT(Texts(SplitCslNames("Semiconductor Manufacturing International Corporation (SMIC)",
                                  v1::NAME_KIND_PRIMARY)),
              ElementsAre("Semiconductor Manufacturing International Corporation (SMIC)"));
  EXPECT_THAT(Texts(SplitCslNames("Corad Technology Ltd. (Shenzhen)", v1::NAME_KIND_ALIAS)),
              ElementsAre("Corad Technology Ltd. (Shenzhen)"));
  EXPECT_EQ(RepeatedShortForm("TIDEWATER CO. (MIDDLE EAST MARINE SERVICES)"), "");
  // Too short to stand alone, or the whole name again.
  EXPECT_EQ(RepeatedShortForm("AB Trading (AB)"), "");
  EXPECT_EQ(RepeatedShortForm("Foo Bar (Foo Bar)"), "");
  EXPECT_EQ(RepeatedShortForm("(Huawei)"), "");
}

TEST(SplitCslNamesTest, CommaSeparatedMode) {
  EXPECT_THAT(Texts(SplitCslNames("Eyvaz Technik, Eyvaz Technic Industrial Company Ltd.",
                                  v1::NAME_KIND_ALIAS, true)),
              ElementsAre("Eyvaz Technik", "Eyvaz Technic Industrial Company Ltd."));
  EXPECT_THAT(Texts(SplitCslNames("Foo Trading Co., Ltd., Bar", v1::NAME_KIND_ALIAS, true)),
              ElementsAre("Foo Trading Co., Ltd.", "Bar"));
}

TEST(ParseCslIdentifierTest, KeyOrderedParts) {
  std::string gender;
  auto id = ParseCslIdentifier("SA, 2022-06-23, 2017-08-16, D088677, Passport", &gender);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->kind(), v1::IDENTIFIER_KIND_PASSPORT);
  EXPECT_EQ(id->value(), "D088677");
  EXPECT_EQ(id->country(), "SA");
  EXPECT_EQ(id->country_code(), "SA");
  EXPECT_EQ(id->remarks(), "expires 2022-06-23; issued 2017-08-16");
  id = ParseCslIdentifier("KUDBKPPY, SWIFT/BIC", &gender);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->kind(), v1::IDENTIFIER_KIND_SWIFT_BIC);
  EXPECT_EQ(id->value(), "KUDBKPPY");
  EXPECT_FALSE(ParseCslIdentifier("Male, Gender", &gender).has_value());
  EXPECT_EQ(gender, "Male");
}

TEST(ParseCslIdentifierTest, TypeFirstOrderOf2023) {
  EXPECT_EQ(DetectCslIdOrder("Passport, AD000432, ZW"), CslIdOrder::kTypeFirst);
  EXPECT_EQ(DetectCslIdOrder("SA, 2022-06-23, 2017-08-16, D088677, Passport"),
            CslIdOrder::kTypeLast);
  std::string gender;
  auto id = ParseCslIdentifier("Passport, AD000432, ZW", &gender, CslIdOrder::kTypeFirst);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->type(), "Passport");
  EXPECT_EQ(id->value(), "AD000432");
  EXPECT_EQ(id->country(), "ZW");
  EXPECT_FALSE(ParseCslIdentifier("Gender, Female", &gender, CslIdOrder::kTypeFirst).has_value());
  EXPECT_EQ(gender, "Female");
}

// --- the real file ---------------------------------------------------------

class CslCsvRealTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // CPU time, not wall time: the check must not flake on a loaded machine.
    std::clock_t start = std::clock();
    auto r = ReadList(Shared("us_csl/consolidated_2022-05.csv"), {});
    seconds_ = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    ASSERT_TRUE(r.ok()) << r.status();
    list_ = new v1::EntityList(*std::move(r));
  }
  static void TearDownTestSuite() { delete list_; }
  static v1::EntityList* list_;
  static double seconds_;
};
v1::EntityList* CslCsvRealTest::list_ = nullptr;
double CslCsvRealTest::seconds_ = 0;

TEST_F(CslCsvRealTest, CountsAndProvenance) {
  EXPECT_EQ(list_->source().list_id(), "us_csl");
  EXPECT_EQ(list_->source().format(), "csl_csv");
  EXPECT_EQ(list_->source().records(), 14160);
  EXPECT_EQ(list_->entities_size(), 14048);
  EXPECT_EQ(list_->source().publication_date(), "");
  EXPECT_EQ(list_->source().skipped_rows(), 0);
  int listings = 0, multi = 0;
  for (const auto& e : list_->entities()) {
    listings += e.listings_size();
    if (e.listings_size() > 1) ++multi;
  }
  EXPECT_EQ(listings, 14160);
  EXPECT_EQ(multi, 71);
  std::cout << "read in " << seconds_ << " s of CPU time\n";
}

TEST_F(CslCsvRealTest, SenseTimeEntityListRow) {
  const v1::Entity* e =
      FindByName(*list_, "Beijing Sensetime Technology Development Co., Ltd.", "Entity List (EL)");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->entity_id(), "caeb24bb901171744f7b376b17c4ad98a782c827");
  EXPECT_EQ(e->kind(), v1::ENTITY_KIND_UNKNOWN);  // the EL rows have no type
  EXPECT_THAT(NameTexts(*e), ElementsAre("Beijing Sensetime Technology Development Co., Ltd.",
                                         "Beijing Shangtang Technology Development Co., Ltd.",
                                         "Sense Time"));
  EXPECT_EQ(e->names(1).kind(), v1::NAME_KIND_ALIAS);
  EXPECT_EQ(e->names(2).kind(), v1::NAME_KIND_ALIAS);
  bool raw = false;
  for (const auto& r : e->raw()) {
    if (r.name() == "alt_names") {
      raw = true;
      EXPECT_EQ(r.value(), "Beijing Shangtang Technology Development Co., Ltd., and Sense Time");
    }
  }
  EXPECT_TRUE(raw);
  ASSERT_EQ(e->listings_size(), 1);
  const auto& l = e->listings(0);
  EXPECT_EQ(l.source_list(), "Entity List (EL) - Bureau of Industry and Security");
  EXPECT_EQ(l.start_date().year(), 2019);
  EXPECT_EQ(l.start_date().month(), 10);
  EXPECT_EQ(l.start_date().day(), 9);
  EXPECT_EQ(l.federal_register_notice(), "84 FR 54002; 85 FR 34505; 85 FR 44159");
  EXPECT_TRUE(absl::StartsWith(l.federal_register_notice(), "84 FR 54002"));
  EXPECT_EQ(l.license_requirement(), "For all items subject to the EAR.  (See §744.11 of the EAR)");
  EXPECT_THAT(l.license_policy(), HasSubstr("presumption of denial"));
  EXPECT_EQ(l.source_url(), "http://bit.ly/1L47xrV");
  ASSERT_EQ(e->addresses_size(), 1);
  EXPECT_EQ(e->addresses(0).full(),
            "5F, Block B, Science and Technology Building, Tsing-hua Science Park, Haidian "
            "District, Beijing, CN");
  EXPECT_EQ(e->addresses(0).country_code(), "CN");
  EXPECT_THAT(e->countries(), ElementsAre("CN"));
  EXPECT_EQ(e->source_file(), "consolidated_2022-05.csv");
  EXPECT_GT(e->source_line(), 1);
}

TEST_F(CslCsvRealTest, OtherEntityListChineseAiCompanies) {
  for (const char* name : {"Hangzhou Hikvision Digital Technology Co., Ltd.", "IFLYTEK",
                           "Megvii Technology"}) {
    SCOPED_TRACE(name);
    const v1::Entity* e = FindByName(*list_, name, "Entity List (EL)");
    ASSERT_NE(e, nullptr);
    bool found = false;
    for (const auto& l : e->listings()) {
      if (absl::StartsWith(l.source_list(), "Entity List")) {
        found = true;
        EXPECT_EQ(FormatPartialDate(l.start_date()), "2019-10-09");
        EXPECT_THAT(l.federal_register_notice(), HasSubstr("84 FR 54002"));
      }
    }
    EXPECT_TRUE(found);
  }
}

TEST_F(CslCsvRealTest, SdnPersonFields) {
  const v1::Entity* e = nullptr;
  for (const auto& x : list_->entities()) {
    if (x.entity_id() == "26087") e = &x;
  }
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind(), v1::ENTITY_KIND_INDIVIDUAL);
  EXPECT_EQ(e->names(0).full(), "MUTREB, Maher Abdulaziz M.");
  EXPECT_EQ(e->gender(), "Male");
  ASSERT_EQ(e->dates_of_birth_size(), 1);
  EXPECT_EQ(FormatPartialDate(e->dates_of_birth(0)), "1971-05-23");
  EXPECT_THAT(e->places_of_birth(), ElementsAre("Makkah, Saudi Arabia"));
  EXPECT_THAT(e->nationalities(), ElementsAre("SA"));
  ASSERT_EQ(e->identifiers_size(), 1);
  EXPECT_EQ(e->identifiers(0).value(), "D088677");
  EXPECT_EQ(e->identifiers(0).kind(), v1::IDENTIFIER_KIND_PASSPORT);
  EXPECT_THAT(e->listings(0).programs(), ElementsAre("GLOMAG"));
}

TEST(CslCsvReaderTest, MixedFileIsTruncatedAndHasARepeatedHeader) {
  // The carrier's copy ends inside a quoted address of its last row.
  auto strict = ReadList(Shared("us_csl/csl_watchman_2023-11-30_mixed.csv"), {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(strict.status().message(), HasSubstr("csl_watchman_2023-11-30_mixed.csv:4233"));
  EXPECT_THAT(strict.status().message(), HasSubstr("truncated"));

  ReadOptions lenient;
  lenient.lenient = true;
  auto r = ReadList(Shared("us_csl/csl_watchman_2023-11-30_mixed.csv"), lenient);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().records(), 4227);
  EXPECT_EQ(r->source().skipped_rows(), 1);
  EXPECT_EQ(r->entities_size(), 4219);
  bool noted = false;
  for (const auto& i : r->source().issues()) {
    if (i.line() == 2 && absl::StrContains(i.message(), "repeated header")) noted = true;
  }
  EXPECT_TRUE(noted);
  for (const auto& e : r->entities()) EXPECT_NE(e.names(0).full(), "name");
  // SenseTime is there only through its NS-CMIC row.
  const v1::Entity* st = FindByName(*r, "Sensetime Group Limited", "Non-SDN Chinese Military");
  ASSERT_NE(st, nullptr);
  bool listing_date = false;
  for (const auto& id : st->identifiers()) {
    if (id.type() == "Listing Date (CMIC)") {
      listing_date = true;
      EXPECT_EQ(id.value(), "2021-12-10");
    }
  }
  EXPECT_TRUE(listing_date);
}

TEST(CslCsvReaderTest, OlderLayoutWithoutIdColumn) {
  auto r = ReadList(Shared("us_csl/csl_watchman_2019-12_sample.csv"), {});  // detected
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().records(), 115);
  EXPECT_EQ(r->entities_size(), 110);
}
// --- error cases on fictional fixtures ----------------------------------------

TEST(CslCsvErrorsTest, EmptyFileIsInvalidArgument) {
  auto r = ReadList(Fixture("empty.csv"), {ListFormat::kCslCsv, "", "", false});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(CslCsvErrorsTest, MissingRequiredColumnIsNamed) {
  auto r = ReadList(Fixture("csl_no_source.csv"), {ListFormat::kCslCsv, "", "", false});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("csl_no_source.csv:1: source: required column 'source'"));
}

TEST(CslCsvErrorsTest, BadRowsStrictAndLenient) {
  auto strict = ReadList(Fixture("csl_bad_rows.csv"), {ListFormat::kCslCsv, "", "", false});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(strict.status().message(), HasSubstr("csl_bad_rows.csv:3: type: unknown type 'Robot'"));
  auto lenient = ReadList(Fixture("csl_bad_rows.csv"), {ListFormat::kCslCsv, "", "", true});
  ASSERT_TRUE(lenient.ok()) << lenient.status();
  EXPECT_EQ(lenient->entities_size(), 1);
  EXPECT_EQ(lenient->source().skipped_rows(), 2);
  EXPECT_EQ(lenient->source().records(), 3);
  ASSERT_EQ(lenient->source().issues_size(), 2);
  EXPECT_EQ(lenient->source().issues(1).line(), 4);
  EXPECT_THAT(lenient->source().issues(1).message(), HasSubstr("expected 4 fields, found 5"));
}

TEST(CslCsvErrorsTest, TruncatedQuoteIsAnError) {
  auto r = ReadList(Fixture("csl_truncated.csv"), {ListFormat::kCslCsv, "", "", false});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("csl_truncated.csv:2"));
  // Lenient: the truncated row is the only one, so nothing is left.
  auto l = ReadList(Fixture("csl_truncated.csv"), {ListFormat::kCslCsv, "", "", true});
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace partyscreen::internal
