// Tests of the OFAC legacy CSV reader on the real published files in
// ../shared/data and on small fictional fixtures in tests/testdata/ofac.
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/sources/dates.h"
#include "lib/sources/readers.h"
#include "partyscreen/sources.h"

namespace partyscreen::internal {
namespace {

using ::testing::HasSubstr;

const std::string kData = std::string(PARTYSCREEN_SHARED_DIR) + "/data";
const std::string kSdn2023 = kData + "/ofac_sdn_csv/complete_set_2023-12-28";
const std::string kDaily = kData + "/ofac_sdn_csv/jackdwyer_daily";
const std::string kCons = kData + "/ofac_non_sdn_consolidated";
const std::string kFixtures = std::string(PARTYSCREEN_SOURCE_DIR) + "/tests/testdata/ofac";

ReadOptions Csv(bool lenient = false) {
  ReadOptions o;
  o.format = ListFormat::kOfacCsv;
  o.lenient = lenient;
  return o;
}

// The 2023-12-28 set, read once for the tests that only look at it.
const absl::StatusOr<v1::EntityList>& Sdn2023() {
  static const auto* list = new absl::StatusOr<v1::EntityList>(ReadList(kSdn2023, Csv()));
  return *list;
}

int CountNames(const v1::EntityList& list, v1::NameKind kind) {
  int n = 0;
  for (const auto& e : list.entities()) {
    for (const auto& name : e.names()) n += name.kind() == kind;
  }
  return n;
}

int CountAddresses(const v1::EntityList& list) {
  int n = 0;
  for (const auto& e : list.entities()) n += e.addresses_size();
  return n;
}

const v1::Entity* FindEntity(const v1::EntityList& list, absl::string_view id) {
  for (const auto& e : list.entities()) {
    if (e.entity_id() == id) return &e;
  }
  return nullptr;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh temp directory holding the given files.
std::string MakeSet(const std::string& name,
                    std::initializer_list<std::pair<std::string, std::string>> files) {
  std::string dir = absl::StrCat(::testing::TempDir(), "/ofac_", name);
  std::string cmd = absl::StrCat("rm -rf '", dir, "' && mkdir -p '", dir, "'");
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  for (const auto& [file, content] : files) {
    std::ofstream out(dir + "/" + file, std::ios::binary);
    out << content;
  }
  return dir;
}

TEST(OfacCsvReaderTest, CompleteSet20231228) {
  const std::clock_t start = std::clock();  // CPU time: robust on a loaded machine
  auto list = ReadList(kSdn2023, Csv());
  const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->entities_size(), 13821);
  // alt.csv: 16,507 aka + 567 fka + 17 nka = 17,091 rows.
  EXPECT_EQ(CountNames(*list, v1::NAME_KIND_PRIMARY), 13821);
  EXPECT_EQ(CountNames(*list, v1::NAME_KIND_ALIAS), 16507);
  EXPECT_EQ(CountNames(*list, v1::NAME_KIND_FORMER), 567 + 17);
  // Weak aliases quoted in the remarks ("a.k.a. 'BNC'"), counted
  // independently with Python's csv module: 3,391 distinct per entity.
  EXPECT_EQ(CountNames(*list, v1::NAME_KIND_WEAK_ALIAS), 3391);
  // Every one of the 7,312 "DOB" facts parses.
  int dobs = 0;
  for (const auto& e : list->entities()) dobs += e.dates_of_birth_size();
  EXPECT_EQ(dobs, 7312);
  // add.csv: 18,990 rows of which 2,652 are all "-0-".
  EXPECT_EQ(CountAddresses(*list), 16338);
  const v1::ListSource& src = list->source();
  EXPECT_EQ(src.list_id(), "us_ofac_sdn");
  EXPECT_EQ(src.format(), "ofac_csv");
  EXPECT_EQ(src.publication_date(), "");
  EXPECT_EQ(src.records(), 13821 + 17091 + 18990 + 13);
  ASSERT_EQ(src.files_size(), 4);
  EXPECT_EQ(src.files(2).name(), "sdn.csv");
  EXPECT_EQ(src.files(2).sha256(), "d768d28ee9e3ac7b27f9a956c922bf97dc286ebd39eff63faa4ef231f1ef668b");
  EXPECT_EQ(src.files(2).records(), 13821);
  // 3 comments name entries absent from sdn.csv (12300, 15599, 15600).
  ASSERT_EQ(src.issues_size(), 3);
  EXPECT_EQ(src.issues(0).file(), "sdn_comments.csv");
  EXPECT_THAT(src.issues(0).message(), HasSubstr("12300"));
  EXPECT_EQ(src.skipped_rows(), 0);
  // Kinds as in the file: 6,646 individuals, 6,033 "-0-", 764 vessels, 378 aircraft.
  int kinds[5] = {0, 0, 0, 0, 0};
  for (const auto& e : list->entities()) ++kinds[e.kind()];
  EXPECT_EQ(kinds[v1::ENTITY_KIND_INDIVIDUAL], 6646);
  EXPECT_EQ(kinds[v1::ENTITY_KIND_ORGANIZATION], 6033);
  EXPECT_EQ(kinds[v1::ENTITY_KIND_VESSEL], 764);
  EXPECT_EQ(kinds[v1::ENTITY_KIND_AIRCRAFT], 378);
  // Speed is measured by the benchmarks (bench/), not asserted here.
  std::printf("read complete_set_2023-12-28 in %.3f s of CPU\n", seconds);
}

TEST(OfacCsvReaderTest, FirstEntityFieldByField) {
  const auto& list = Sdn2023();
  ASSERT_TRUE(list.ok()) << list.status();
  const v1::Entity& e = list->entities(0);
  EXPECT_EQ(e.entity_id(), "36");
  EXPECT_EQ(e.list_id(), "us_ofac_sdn");
  EXPECT_EQ(e.kind(), v1::ENTITY_KIND_ORGANIZATION);
  EXPECT_EQ(e.source_file(), "sdn.csv");
  EXPECT_EQ(e.source_line(), 1);
  ASSERT_EQ(e.names_size(), 2);
  EXPECT_EQ(e.names(0).full(), "AEROCARIBBEAN AIRLINES");
  EXPECT_EQ(e.names(0).kind(), v1::NAME_KIND_PRIMARY);
  EXPECT_EQ(e.names(0).script(), "Latn");
  EXPECT_EQ(e.names(1).full(), "AERO-CARIBBEAN");
  EXPECT_EQ(e.names(1).kind(), v1::NAME_KIND_ALIAS);
  EXPECT_EQ(e.names(1).publisher_type(), "aka");
  ASSERT_EQ(e.addresses_size(), 1);
  EXPECT_EQ(e.addresses(0).city(), "Havana");
  EXPECT_EQ(e.addresses(0).country(), "Cuba");
  EXPECT_EQ(e.addresses(0).country_code(), "CU");
  EXPECT_EQ(e.addresses(0).full(), "Havana, Cuba");
  ASSERT_EQ(e.countries_size(), 1);
  EXPECT_EQ(e.countries(0), "CU");
  ASSERT_EQ(e.listings_size(), 1);
  EXPECT_EQ(e.listings(0).source_list(), "SDN");
  ASSERT_EQ(e.listings(0).programs_size(), 1);
  EXPECT_EQ(e.listings(0).programs(0), "CUBA");
  EXPECT_EQ(e.remarks(), "");
  EXPECT_FALSE(e.has_vessel());

  // 306 BANCO NACIONAL DE CUBA: remarks "a.k.a. 'BNC'." is a weak alias.
  const v1::Entity* bnc = FindEntity(*list, "306");
  ASSERT_NE(bnc, nullptr);
  EXPECT_EQ(bnc->remarks(), "a.k.a. 'BNC'.");
  ASSERT_EQ(bnc->names_size(), 3);
  EXPECT_EQ(bnc->names(1).full(), "NATIONAL BANK OF CUBA");
  EXPECT_EQ(bnc->names(2).full(), "BNC");
  EXPECT_EQ(bnc->names(2).kind(), v1::NAME_KIND_WEAK_ALIAS);
  EXPECT_EQ(bnc->addresses_size(), 4);
}

// 10131 DOCKRAT, Farhad Ahmed: "DOB 28 Feb 1959; POB Pretoria, South Africa;
// nationality South Africa; Passport 446333407 (South Africa) expires 26 May
// 2014; National ID No. 5902285162089/055 (South Africa); a.k.a. 'DOCKRAT, F.'."
TEST(OfacCsvReaderTest, IndividualRemarksFieldByField) {
  const auto& list = Sdn2023();
  ASSERT_TRUE(list.ok()) << list.status();
  const v1::Entity* e = FindEntity(*list, "10131");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind(), v1::ENTITY_KIND_INDIVIDUAL);
  EXPECT_EQ(e->names(0).full(), "DOCKRAT, Farhad Ahmed");
  EXPECT_EQ(e->names(0).parts().family(), "DOCKRAT");
  EXPECT_EQ(e->names(0).parts().given(), "Farhad Ahmed");
  ASSERT_EQ(e->dates_of_birth_size(), 1);
  EXPECT_EQ(e->dates_of_birth(0).year(), 1959);
  EXPECT_EQ(e->dates_of_birth(0).month(), 2);
  EXPECT_EQ(e->dates_of_birth(0).day(), 28);
  EXPECT_EQ(e->dates_of_birth(0).text(), "28 Feb 1959");
  ASSERT_EQ(e->places_of_birth_size(), 1);
  EXPECT_EQ(e->places_of_birth(0), "Pretoria, South Africa");
  ASSERT_EQ(e->nationalities_size(), 1);
  EXPECT_EQ(e->nationalities(0), "South Africa");
  ASSERT_EQ(e->countries_size(), 1);
  EXPECT_EQ(e->countries(0), "ZA");
  ASSERT_EQ(e->identifiers_size(), 2);
  EXPECT_EQ(e->identifiers(0).kind(), v1::IDENTIFIER_KIND_PASSPORT);
  EXPECT_EQ(e->identifiers(0).type(), "Passport");
  EXPECT_EQ(e->identifiers(0).value(), "446333407");
  EXPECT_EQ(e->identifiers(0).country(), "South Africa");
  EXPECT_EQ(e->identifiers(0).country_code(), "ZA");
  EXPECT_EQ(e->identifiers(0).remarks(), "expires 26 May 2014");
  EXPECT_EQ(e->identifiers(1).kind(), v1::IDENTIFIER_KIND_NATIONAL_ID);
  EXPECT_EQ(e->identifiers(1).type(), "National ID No.");
  EXPECT_EQ(e->identifiers(1).value(), "5902285162089/055");
  EXPECT_EQ(e->identifiers(1).country_code(), "ZA");
  const v1::Name& weak = e->names(e->names_size() - 1);
  EXPECT_EQ(weak.full(), "DOCKRAT, F.");
  EXPECT_EQ(weak.kind(), v1::NAME_KIND_WEAK_ALIAS);
  EXPECT_EQ(e->listings(0).programs(0), "SDGT");
}

// Nearly every "Linked To:" names a party of the same list.
TEST(OfacCsvReaderTest, LinksNameListedParties) {
  const auto& list = Sdn2023();
  ASSERT_TRUE(list.ok()) << list.status();
  std::set<std::string> names;
  for (const auto& e : list->entities()) {
    for (const auto& n : e.names()) names.insert(n.full());
  }
  int links = 0, known = 0;
  for (const auto& e : list->entities()) {
    for (const auto& l : e.linked_to()) {
      ++links;
      known += names.count(l);
    }
  }
  std::printf("%d of %d links name a listed party\n", known, links);
  EXPECT_GT(links, 5900);
  EXPECT_GT(known, links * 97 / 100) << known << " of " << links;
}

TEST(OfacCsvReaderTest, CommentsOverflowIsAppended) {
  const auto& list = Sdn2023();
  ASSERT_TRUE(list.ok()) << list.status();
  const v1::Entity* e = FindEntity(*list, "28263");  // overflow "hn'; Linked To: LAZARUS GROUP."
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(absl::EndsWith(e->remarks(), "hn'; Linked To: LAZARUS GROUP.")) << e->remarks();
  ASSERT_GE(e->linked_to_size(), 1);
  EXPECT_EQ(e->linked_to(e->linked_to_size() - 1), "LAZARUS GROUP");
}

TEST(OfacCsvReaderTest, WatchmanSets) {
  struct Case {
    const char* dir;
    int entities, aliases, former, addresses;
  } cases[] = {
      {"watchman_2019-01", 7379, 9335, 331 + 16, 9474},
      {"watchman_bench_2021-07", 8976, 11523, 369 + 18, 11440},
  };
  for (const Case& c : cases) {
    auto list = ReadList(kData + "/ofac_sdn_csv/" + c.dir, Csv());
    ASSERT_TRUE(list.ok()) << c.dir << ": " << list.status();
    EXPECT_EQ(list->entities_size(), c.entities) << c.dir;
    EXPECT_EQ(CountNames(*list, v1::NAME_KIND_ALIAS), c.aliases) << c.dir;
    EXPECT_EQ(CountNames(*list, v1::NAME_KIND_FORMER), c.former) << c.dir;
    EXPECT_EQ(CountAddresses(*list), c.addresses) << c.dir;
    EXPECT_EQ(list->source().skipped_rows(), 0) << c.dir;
  }
}

TEST(OfacCsvReaderTest, DailyFilesReadAloneUnderTheirOwnNames) {
  struct Case {
    const char* file;
    int entities;
  } cases[] = {
      {"sdn_2021-08-18.csv", 9083},  {"sdn_2022-02-24.csv", 9123}, {"sdn_2022-03-15.csv", 9377},
      {"sdn_2022-12-28.csv", 11430}, {"sdn_2023-12-28.csv", 13821}, {"sdn_2024-05-02.csv", 14973},
      {"sdn_2024-05-03.csv", 14965},
  };
  for (const Case& c : cases) {
    auto list = ReadList(kDaily + "/" + c.file, Csv());
    ASSERT_TRUE(list.ok()) << c.file << ": " << list.status();
    EXPECT_EQ(list->entities_size(), c.entities) << c.file;
    EXPECT_EQ(list->source().list_id(), "us_ofac_sdn");
    ASSERT_EQ(list->source().files_size(), 1);
    EXPECT_EQ(list->source().files(0).name(), c.file);
    EXPECT_EQ(list->entities(0).source_file(), c.file);
    EXPECT_EQ(CountNames(*list, v1::NAME_KIND_ALIAS), 0);
    // The three siblings are noted as not looked for.
    EXPECT_EQ(list->source().issues_size(), 3) << c.file;
  }
}

TEST(OfacCsvReaderTest, EmptyDailyFileIsInvalid) {
  auto list = ReadList(kDaily + "/sdn_2024-05-04.csv", Csv());
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(list.status().message(), HasSubstr("empty"));
  // Lenient mode never accepts an empty file either.
  auto lenient = ReadList(kDaily + "/sdn_2024-05-04.csv", Csv(true));
  EXPECT_EQ(lenient.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(OfacCsvReaderTest, NonSdnConsolidatedSet) {
  auto list = ReadList(kCons, Csv());
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->entities_size(), 442);
  EXPECT_EQ(list->source().list_id(), "us_ofac_cons");
  EXPECT_EQ(CountNames(*list, v1::NAME_KIND_ALIAS) + CountNames(*list, v1::NAME_KIND_FORMER), 1073);
  const v1::Entity* e = FindEntity(*list, "33114");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->names(0).full(), "SENSETIME GROUP LIMITED");
  EXPECT_EQ(e->kind(), v1::ENTITY_KIND_ORGANIZATION);
  ASSERT_EQ(e->listings_size(), 1);
  EXPECT_EQ(e->listings(0).source_list(), "NS-CMIC");
  ASSERT_EQ(e->listings(0).programs_size(), 1);
  EXPECT_EQ(e->listings(0).programs(0), "CMIC-EO13959");
  EXPECT_EQ(e->listings(0).start_date().year(), 2021);
  EXPECT_EQ(e->listings(0).start_date().month(), 12);
  EXPECT_EQ(e->listings(0).start_date().day(), 10);
  ASSERT_EQ(e->identifiers_size(), 1);
  EXPECT_EQ(e->identifiers(0).kind(), v1::IDENTIFIER_KIND_REGISTRATION_NUMBER);
  EXPECT_EQ(e->identifiers(0).type(), "C.R. No.");
  EXPECT_EQ(e->identifiers(0).value(), "2162198");
  EXPECT_EQ(e->identifiers(0).country(), "Hong Kong");
  EXPECT_EQ(e->identifiers(0).country_code(), "HK");
  ASSERT_EQ(e->names_size(), 2);
  EXPECT_EQ(e->names(1).full(), "SENSETIME GROUP LTD");
  ASSERT_EQ(e->addresses_size(), 1);
  EXPECT_EQ(e->addresses(0).country_code(), "CN");
  bool effective = false;
  for (const auto& raw : e->raw()) {
    if (raw.name() == "Effective Date (CMIC)") effective = raw.value() == "08 Feb 2022";
  }
  EXPECT_TRUE(effective);
  // Sub-lists from the programs.
  int ssi = 0, plc = 0, cmic = 0;
  for (const auto& x : list->entities()) {
    ssi += x.listings(0).source_list() == "SSI";
    plc += x.listings(0).source_list() == "NS-PLC";
    cmic += x.listings(0).source_list() == "NS-CMIC";
  }
  EXPECT_EQ(ssi, 197 + 86 + 2 + 1);
  EXPECT_EQ(plc, 76 + 2);
  EXPECT_EQ(cmic, 68);
}

// The consolidated list states its listing dates in the remarks ("Listing
// Date (CMIC) 10 Dec 2021"): they become the listing's start date (used by
// --as-of and audit), while the raw remark, the raw date fields and the
// identifiers stay.
TEST(OfacCsvReaderTest, ConsListingDatesFromRemarks) {
  auto list = ReadList(kCons, Csv());
  ASSERT_TRUE(list.ok()) << list.status();
  // SENSETIME GROUP LIMITED, cons_prim.csv ent_num 33114: "Effective Date
  // (CMIC) 08 Feb 2022; Purchase/Sales For Divestment Date (CMIC) 10 Dec
  // 2022; Listing Date (CMIC) 10 Dec 2021; C.R. No. 2162198 (Hong Kong)."
  const v1::Entity* st = FindEntity(*list, "33114");
  ASSERT_NE(st, nullptr);
  ASSERT_EQ(st->listings_size(), 1);
  EXPECT_EQ(FormatPartialDate(st->listings(0).start_date()), "2021-12-10");
  EXPECT_EQ(st->listings(0).start_date().text(), "10 Dec 2021");
  EXPECT_FALSE(st->listings(0).has_end_date());
  EXPECT_THAT(st->remarks(), HasSubstr("Listing Date (CMIC) 10 Dec 2021"));
  std::map<std::string, std::string> raw;
  for (const auto& r : st->raw()) raw[r.name()] = r.value();
  EXPECT_EQ(raw["Listing Date (CMIC)"], "10 Dec 2021");
  EXPECT_EQ(raw["Effective Date (CMIC)"], "08 Feb 2022");
  EXPECT_EQ(raw["Purchase/Sales For Divestment Date (CMIC)"], "10 Dec 2022");
  ASSERT_EQ(st->identifiers_size(), 1);
  EXPECT_EQ(st->identifiers(0).value(), "2162198");

  // Which entries get a date (counted independently with a script over the
  // file): all 68 CMIC entries, the 6 entries listed under RUSSIA-EO14024
  // alone and the one under BURMA-EO14014 alone. Entries also listed under
  // another programme (SSI entries with an EO 14024 directive date) stay
  // undated: the directive's 2022 date is not their listing date.
  int dated = 0, cmic_dated = 0;
  for (const auto& e : list->entities()) {
    if (!e.listings(0).has_start_date()) continue;
    ++dated;
    cmic_dated += e.listings(0).source_list() == "NS-CMIC";
  }
  EXPECT_EQ(dated, 75);
  EXPECT_EQ(cmic_dated, 68);
  const v1::Entity* sber = FindEntity(*list, "17018");  // SSI since 2014
  ASSERT_NE(sber, nullptr);
  EXPECT_EQ(sber->listings(0).source_list(), "SSI");
  EXPECT_FALSE(sber->listings(0).has_start_date());
  // The date of 31693 is in the cons_comments.csv overflow of its remarks.
  const v1::Entity* cbr = FindEntity(*list, "31693");
  ASSERT_NE(cbr, nullptr);
  EXPECT_EQ(FormatPartialDate(cbr->listings(0).start_date()), "2022-02-22");
}

TEST(OfacCsvReaderTest, SdnListingsTakeNoDirectiveDates) {
  // 28 SDN entries of 2023-12-28 carry "Listing Date (EO 14024 Directive
  // N)": a directive date, not the date of the SDN designation.
  const auto& list = Sdn2023();
  ASSERT_TRUE(list.ok()) << list.status();
  int with_fact = 0, dated = 0;
  for (const auto& e : list->entities()) {
    for (const auto& r : e.raw()) {
      if (absl::StartsWith(r.name(), "Listing Date")) {
        ++with_fact;
        break;
      }
    }
    for (const auto& l : e.listings()) dated += l.has_start_date();
  }
  EXPECT_EQ(with_fact, 28);
  EXPECT_EQ(dated, 0);
}

TEST(OfacCsvReaderTest, AnyFileOfTheSetFindsItsSiblings) {
  auto via_alt = ReadList(kCons + "/cons_alt.csv", Csv());
  ASSERT_TRUE(via_alt.ok()) << via_alt.status();
  EXPECT_EQ(via_alt->entities_size(), 442);
  EXPECT_EQ(via_alt->source().files_size(), 4);
  // Auto-detection of a directory.
  auto detected = ReadList(kCons);
  ASSERT_TRUE(detected.ok()) << detected.status();
  EXPECT_EQ(detected->entities_size(), 442);
}

TEST(OfacCsvReaderTest, CustomListId) {
  ReadOptions o = Csv();
  o.list_id = "my_sdn";
  o.publication_date = "2023-12-28";
  auto list = ReadList(kDaily + "/sdn_2021-08-18.csv", o);
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->source().list_id(), "my_sdn");
  EXPECT_EQ(list->entities(0).list_id(), "my_sdn");
  EXPECT_EQ(list->source().publication_date(), "2023-12-28");
  EXPECT_EQ(list->source().publication_date_origin(), "user");
}

TEST(OfacCsvReaderTest, MissingSiblingsAreNoted) {
  auto list = ReadList(kFixtures + "/sdn_only", Csv());
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->entities_size(), 3);
  ASSERT_EQ(list->source().issues_size(), 3);
  EXPECT_EQ(list->source().issues(0).file(), "add.csv");
  EXPECT_THAT(list->source().issues(0).message(), HasSubstr("not found"));
}

TEST(OfacCsvReaderTest, FixtureSetFieldByField) {
  auto list = ReadList(kFixtures + "/set", Csv());
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->entities_size(), 3);
  const v1::Entity& vessel = list->entities(2);
  EXPECT_EQ(vessel.kind(), v1::ENTITY_KIND_VESSEL);
  EXPECT_EQ(vessel.vessel().call_sign(), "9HXY5");
  EXPECT_EQ(vessel.vessel().vessel_type(), "Crude Oil Tanker");
  EXPECT_EQ(vessel.vessel().gross_registered_tonnage(), "81,479");
  EXPECT_EQ(vessel.vessel().flag(), "Iran");
  EXPECT_EQ(vessel.vessel().owner(), "EXAMPLE SHIPPING CO");
  ASSERT_EQ(vessel.identifiers_size(), 3);
  EXPECT_EQ(vessel.identifiers(0).kind(), v1::IDENTIFIER_KIND_CALL_SIGN);
  EXPECT_EQ(vessel.identifiers(1).kind(), v1::IDENTIFIER_KIND_IMO);
  EXPECT_EQ(vessel.identifiers(1).value(), "9187629");
  EXPECT_EQ(vessel.identifiers(2).type(), "MMSI");
  EXPECT_EQ(vessel.identifiers(2).value(), "422026700");
  ASSERT_EQ(vessel.linked_to_size(), 1);
  // Not a party of the list, so the remarks' final period stays with "CO.".
  EXPECT_EQ(vessel.linked_to(0), "EXAMPLE SHIPPING CO.");
  EXPECT_EQ(vessel.addresses_size(), 0);
  const v1::Entity& person = list->entities(0);
  EXPECT_EQ(person.listings(0).programs_size(), 2);
  EXPECT_EQ(person.listings(0).programs(1), "IRAN-EO13902");
  EXPECT_EQ(person.title(), "Example Minister");
  ASSERT_EQ(person.names_size(), 4);
  EXPECT_EQ(person.names(1).kind(), v1::NAME_KIND_FORMER);
  EXPECT_EQ(person.names(1).parts().family(), "TESTOV");
  EXPECT_EQ(person.names(2).full(), "\xD0\xA2\xD0\x95\xD0\xA1\xD0\xA2\xD0\x9E\xD0\x92");  // ТЕСТОВ
  EXPECT_EQ(person.names(2).script(), "Cyrl");
}

TEST(OfacCsvReaderTest, FixtureRemarksAndComments) {
  auto list = ReadList(kFixtures + "/set", Csv());
  ASSERT_TRUE(list.ok()) << list.status();
  const v1::Entity& company = list->entities(1);
  EXPECT_EQ(company.remarks(),
            "Website www.example-trading.test; Email Address info@example-trading.test; "
            "Registration Number 123456 (United Arab Emirates); Linked To: TESTOV, Ivan; "
            "Tax ID No. 999 (United Arab Emirates).");
  ASSERT_EQ(company.identifiers_size(), 4);
  EXPECT_EQ(company.identifiers(0).kind(), v1::IDENTIFIER_KIND_WEBSITE);
  EXPECT_EQ(company.identifiers(0).value(), "www.example-trading.test");
  EXPECT_EQ(company.identifiers(1).kind(), v1::IDENTIFIER_KIND_EMAIL);
  EXPECT_EQ(company.identifiers(2).kind(), v1::IDENTIFIER_KIND_REGISTRATION_NUMBER);
  EXPECT_EQ(company.identifiers(2).country_code(), "AE");
  EXPECT_EQ(company.identifiers(3).kind(), v1::IDENTIFIER_KIND_TAX_ID);
  EXPECT_EQ(company.identifiers(3).value(), "999");
  ASSERT_EQ(company.linked_to_size(), 1);
  EXPECT_EQ(company.linked_to(0), "TESTOV, Ivan");
  ASSERT_EQ(company.addresses_size(), 1);
  EXPECT_EQ(company.addresses(0).full(), "Office 1, Example Tower, Dubai, United Arab Emirates");
  EXPECT_EQ(company.addresses(0).lines(0), "Office 1, Example Tower");
  const v1::Entity& person = list->entities(0);
  ASSERT_EQ(person.dates_of_birth_size(), 2);
  EXPECT_EQ(person.dates_of_birth(1).year(), 1971);
  EXPECT_TRUE(person.dates_of_birth(1).approximate());
  EXPECT_EQ(person.gender(), "Male");
  EXPECT_EQ(person.identifiers(0).remarks(), "expires 2030");
  EXPECT_EQ(person.names(3).full(), "IVO");
  EXPECT_EQ(person.names(3).kind(), v1::NAME_KIND_WEAK_ALIAS);
  EXPECT_EQ(person.countries_size(), 1);  // Iran from the address and the nationality
  EXPECT_EQ(person.countries(0), "IR");
}

TEST(OfacCsvReaderTest, MalformedRowsStrictAndLenient) {
  std::string sdn =
      "1,\"GOOD ONE\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
      "X2,\"BAD NUMBER\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
      "3,\"BAD TYPE\",\"ship\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
      "1,\"DUPLICATE\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
      "5,\"GOOD TWO\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a";
  std::string alt = "1,10,\"aka\",\"ALIAS ONE\",-0- \r\n99,11,\"aka\",\"ORPHAN\",-0- \r\n";
  std::string dir = MakeSet("malformed", {{"sdn.csv", sdn}, {"alt.csv", alt}});
  auto strict = ReadList(dir, Csv());
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(strict.status().message(), HasSubstr("sdn.csv:2: ent_num: "));

  auto lenient = ReadList(dir, Csv(true));
  ASSERT_TRUE(lenient.ok()) << lenient.status();
  EXPECT_EQ(lenient->entities_size(), 2);
  EXPECT_EQ(lenient->source().skipped_rows(), 4);
  std::vector<std::string> where;
  for (const auto& i : lenient->source().issues()) {
    if (i.line() > 0) where.push_back(absl::StrCat(i.file(), ":", i.line(), ":", i.field()));
  }
  EXPECT_THAT(where, ::testing::ElementsAre("sdn.csv:2:ent_num", "sdn.csv:3:SDN_Type",
                                            "sdn.csv:4:ent_num", "alt.csv:2:ent_num"));
  EXPECT_EQ(lenient->entities(0).names_size(), 2);
}

TEST(OfacCsvReaderTest, TruncatedFileIsAnError) {
  std::string full = ReadAll(kSdn2023 + "/sdn.csv");
  ASSERT_GT(full.size(), 200000u);
  // Cut mid-row, outside quotes: the last record has too few columns.
  size_t row_start = full.find("\r\n", 100000) + 2;
  size_t cut_mid_row = full.find(",-0- ", row_start) + 5;
  int64_t line = 1 + std::count(full.begin(), full.begin() + row_start, '\n');
  std::string dir = MakeSet("trunc_row", {{"sdn.csv", full.substr(0, cut_mid_row)}});
  auto strict = ReadList(dir, Csv());
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(strict.status().message(), HasSubstr(absl::StrCat("sdn.csv:", line, ": ")));
  EXPECT_THAT(strict.status().message(), HasSubstr("truncated"));
  auto lenient = ReadList(dir, Csv(true));
  ASSERT_TRUE(lenient.ok()) << lenient.status();
  EXPECT_EQ(lenient->entities_size(), line - 1);
  EXPECT_EQ(lenient->source().skipped_rows(), 1);

  // Cut inside a quoted field.
  size_t quote = full.find(",\"", row_start) + 3;
  std::string dir2 = MakeSet("trunc_quote", {{"sdn.csv", full.substr(0, quote)}});
  auto strict2 = ReadList(dir2, Csv());
  EXPECT_EQ(strict2.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(strict2.status().message(), HasSubstr(absl::StrCat("sdn.csv:", line, ": ")));
  EXPECT_THAT(strict2.status().message(), HasSubstr("truncated"));
  auto lenient2 = ReadList(dir2, Csv(true));
  ASSERT_TRUE(lenient2.ok()) << lenient2.status();
  EXPECT_EQ(lenient2->entities_size(), line - 1);
  EXPECT_EQ(lenient2->source().skipped_rows(), 1);
}

TEST(OfacCsvReaderTest, SiblingNamesAreCaseInsensitive) {
  std::string dir = MakeSet("upper", {{"SDN.CSV", "1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-\r\n"},
                                      {"Alt.Csv", "1,2,\"aka\",\"B\",-0-\r\n"}});
  auto list = ReadList(dir, Csv());
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->entities_size(), 1);
  EXPECT_EQ(list->entities(0).names_size(), 2);
  EXPECT_EQ(list->entities(0).remarks(), "");
  EXPECT_EQ(list->source().issues_size(), 2);  // add and comments missing
}

TEST(OfacCsvReaderTest, MissingPathIsNotFound) {
  EXPECT_EQ(ReadOfacCsv(kFixtures + "/no_such_dir", Csv()).status().code(),
            absl::StatusCode::kNotFound);
  std::string dir = MakeSet("alt_only", {{"alt.csv", "1,10,\"aka\",\"X\",-0- \r\n"}});
  auto list = ReadOfacCsv(dir + "/alt.csv", Csv());
  EXPECT_EQ(list.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(list.status().message(), HasSubstr("sdn.csv"));
}

}  // namespace
}  // namespace partyscreen::internal
