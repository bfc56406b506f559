// Tests of the HM Treasury OFSI ConList CSV reader, on the real April 2025
// list (../shared) and on small fictional fixtures.
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/sources/readers.h"
#include "partyscreen/sources.h"

namespace partyscreen::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string RealFile() {
  return absl::StrCat(PARTYSCREEN_SHARED_DIR, "/data/uk_sanctions/UK_Sanctions_List_2025-04.csv");
}
std::string LatinOnlyFile() {
  return absl::StrCat(PARTYSCREEN_SHARED_DIR, "/eval/reference/uk_hmt_2025-04_latin_only.csv");
}
std::string Fixture(absl::string_view name) {
  return absl::StrCat(PARTYSCREEN_SOURCE_DIR, "/tests/testdata/uk/", name);
}

const v1::Entity* Find(const v1::EntityList& list, absl::string_view id) {
  for (const auto& e : list.entities()) {
    if (e.entity_id() == id) return &e;
  }
  return nullptr;
}

std::string RawValue(const v1::Entity& e, absl::string_view name) {
  for (const auto& r : e.raw()) {
    if (r.name() == name) return r.value();
  }
  return "";
}

const v1::EntityList& RealList() {
  static const v1::EntityList* list = [] {
    auto l = ReadUkConList(RealFile(), {});
    EXPECT_TRUE(l.ok()) << l.status();
    return new v1::EntityList(l.ok() ? *l : v1::EntityList());
  }();
  return *list;
}

std::map<v1::NameKind, int> NameKinds(const v1::EntityList& list) {
  std::map<v1::NameKind, int> out;
  for (const auto& e : list.entities()) {
    for (const auto& n : e.names()) ++out[n.kind()];
  }
  return out;
}

TEST(UkConListReaderTest, RealListHasExactCounts) {
  const v1::EntityList& list = RealList();
  EXPECT_EQ(list.source().records(), 18796);
  ASSERT_EQ(list.entities_size(), 4686);
  std::map<v1::EntityKind, int> kinds;
  for (const auto& e : list.entities()) ++kinds[e.kind()];
  EXPECT_EQ(kinds[v1::ENTITY_KIND_INDIVIDUAL], 3662);
  EXPECT_EQ(kinds[v1::ENTITY_KIND_ORGANIZATION], 1009);
  EXPECT_EQ(kinds[v1::ENTITY_KIND_VESSEL], 15);
  // Verified with python csv: names deduplicated by (text, kind) within a
  // group; 3,990 non-empty "Name Non-Latin Script" cells give 3,226
  // distinct original-script names per group.
  auto names = NameKinds(list);
  EXPECT_EQ(names[v1::NAME_KIND_PRIMARY], 4688);
  EXPECT_EQ(names[v1::NAME_KIND_PRIMARY_VARIATION], 4446);
  EXPECT_EQ(names[v1::NAME_KIND_ALIAS], 3023);
  EXPECT_EQ(names[v1::NAME_KIND_WEAK_ALIAS], 611);
  EXPECT_EQ(names[v1::NAME_KIND_FORMER], 15);
  EXPECT_EQ(names[v1::NAME_KIND_ORIGINAL_SCRIPT], 3226);
  EXPECT_EQ(list.source().list_id(), "uk_hmt");
  EXPECT_EQ(list.source().format(), "uk_conlist");
  EXPECT_EQ(list.source().publication_date(), "2025-04-10");
  EXPECT_EQ(list.source().publication_date_origin(), "file");
  EXPECT_EQ(list.source().skipped_rows(), 0);
}

TEST(UkConListReaderTest, RealCyrillicGroupFieldByField) {
  const v1::Entity* e = Find(RealList(), "15610");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind(), v1::ENTITY_KIND_INDIVIDUAL);
  ASSERT_EQ(e->names_size(), 2);
  EXPECT_EQ(e->names(0).full(), "Alexander Grigoryevich ABRAMOV");
  EXPECT_EQ(e->names(0).kind(), v1::NAME_KIND_PRIMARY);
  EXPECT_EQ(e->names(0).script(), "Latn");
  EXPECT_EQ(e->names(0).parts().given(), "Alexander");
  EXPECT_EQ(e->names(0).parts().middle(), "Grigoryevich");
  EXPECT_EQ(e->names(0).parts().family(), "ABRAMOV");
  EXPECT_EQ(e->names(1).full(), "АБРАМОВ Александр Григорьевич");
  EXPECT_EQ(e->names(1).kind(), v1::NAME_KIND_ORIGINAL_SCRIPT);
  EXPECT_EQ(e->names(1).script(), "Cyrl");
  EXPECT_EQ(e->names(1).language(), "Russian");
  EXPECT_EQ(e->names(1).publisher_type(), "Cyrillic");
  ASSERT_EQ(e->dates_of_birth_size(), 1);
  EXPECT_EQ(e->dates_of_birth(0).year(), 1959);
  EXPECT_EQ(e->dates_of_birth(0).month(), 2);
  EXPECT_EQ(e->dates_of_birth(0).day(), 20);
  EXPECT_THAT(e->nationalities(), ElementsAre("Russia"));
  EXPECT_THAT(e->countries(), ElementsAre("RU"));
  EXPECT_EQ(e->title(), "Former Non-Executive Chairman and Director, Evraz Plc");
  ASSERT_EQ(e->listings_size(), 1);
  EXPECT_EQ(e->listings(0).regime(), "Russia");
  EXPECT_EQ(e->listings(0).start_date().text(), "02/11/2022");
  EXPECT_EQ(e->listings(0).start_date().year(), 2022);
  EXPECT_EQ(e->listings(0).start_date().month(), 11);
  EXPECT_EQ(e->listings(0).last_updated().text(), "21/03/2023");
  EXPECT_EQ(RawValue(*e, "uk_sanctions_list_ref"), "RUS1656");
  EXPECT_THAT(e->remarks(), HasSubstr("(UK Statement of Reasons):Alexander Grigoryevich ABRAMOV"));
}

TEST(UkConListReaderTest, RealChineseGroupFieldByField) {
  const v1::Entity* e = Find(RealList(), "16643");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind(), v1::ENTITY_KIND_ORGANIZATION);
  ASSERT_EQ(e->names_size(), 2);
  EXPECT_EQ(e->names(0).full(), "AUTEL ROBOTICS CO., LTD.");
  EXPECT_EQ(e->names(0).parts().family(), "");  // parts only for individuals
  EXPECT_EQ(e->names(1).full(), "道通机器人有限公司");
  EXPECT_EQ(e->names(1).kind(), v1::NAME_KIND_ORIGINAL_SCRIPT);
  EXPECT_EQ(e->names(1).script(), "Hani");
  EXPECT_EQ(e->names(1).language(), "Chinese");
  ASSERT_EQ(e->addresses_size(), 1);
  EXPECT_EQ(e->addresses(0).full(),
            "8th floor, Block B1, Nanshan iPark, No. 1001 Xueyuan Avenue, Nanshan District, "
            "Shenzen, Guangdong, 518055, China");
  EXPECT_EQ(e->addresses(0).postal_code(), "518055");
  EXPECT_EQ(e->addresses(0).country_code(), "CN");
  EXPECT_EQ(e->listings(0).start_date().text(), "07/11/2024");
  EXPECT_EQ(RawValue(*e, "uk_sanctions_list_ref"), "RUS2299");
}

TEST(UkConListReaderTest, RealUnReferenceIsKept) {
  int with_un_ref = 0;
  for (const auto& e : RealList().entities()) with_un_ref += !RawValue(e, "un_reference").empty();
  EXPECT_EQ(with_un_ref, 866);  // python: groups whose Other Information has "(UN Ref):"
  const v1::Entity* e = Find(RealList(), "16180");  // published as "(UN Ref):CDi. 038"
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(RawValue(*e, "un_reference"), "CDi.038");
}

TEST(UkConListReaderTest, LatinOnlyReferenceHasNoOriginalScriptNames) {
  auto list = ReadUkConList(LatinOnlyFile(), {});
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->entities_size(), 4686);
  auto names = NameKinds(*list);
  EXPECT_EQ(names[v1::NAME_KIND_ORIGINAL_SCRIPT], 0);
  EXPECT_EQ(names[v1::NAME_KIND_PRIMARY], 4688);
  EXPECT_EQ(list->source().sha256(),
            "3e37fcd5dbe6948a36e1a7eecb0fb36cd1ded216cadd62e32c1e4768413734ff");
}

TEST(UkConListReaderTest, RealListReads) {
  // Speed is measured by the benchmarks (bench/), not asserted here.
  auto list = ReadUkConList(RealFile(), {});
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_GT(list->entities_size(), 4000);
}

TEST(UkConListReaderTest, FixtureGroupsRowsIntoEntities) {
  auto list = ReadUkConList(Fixture("small.csv"), {});
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->entities_size(), 3);
  EXPECT_EQ(list->source().records(), 6);
  const v1::Entity& p = list->entities(0);
  EXPECT_EQ(p.entity_id(), "90001");
  EXPECT_EQ(p.source_line(), 3);
  ASSERT_EQ(p.names_size(), 3);  // the repeated primary and Cyrillic names are kept once
  EXPECT_EQ(p.names(0).full(), "Ivan Petrovich EXAMPLOV");
  EXPECT_EQ(p.names(0).parts().title(), "Mr");
  EXPECT_EQ(p.names(1).kind(), v1::NAME_KIND_ORIGINAL_SCRIPT);
  EXPECT_EQ(p.names(1).script(), "Cyrl");
  EXPECT_EQ(p.names(2).full(), "Ivan EKZAMPLOV");
  EXPECT_EQ(p.names(2).kind(), v1::NAME_KIND_WEAK_ALIAS);
  EXPECT_EQ(p.names(2).quality(), "Low quality");
  ASSERT_EQ(p.dates_of_birth_size(), 3);
  EXPECT_EQ(p.dates_of_birth(0).year(), 1960);
  EXPECT_EQ(p.dates_of_birth(0).month(), 0);
  EXPECT_EQ(p.dates_of_birth(0).day(), 0);
  EXPECT_EQ(p.dates_of_birth(0).text(), "00/00/1960");
  EXPECT_EQ(p.dates_of_birth(1).day(), 12);
  EXPECT_EQ(p.dates_of_birth(2).month(), 4);
  EXPECT_EQ(p.dates_of_birth(2).day(), 0);
  EXPECT_THAT(p.nationalities(), ElementsAre("Russia", "Cyprus"));
  EXPECT_THAT(p.countries(), ElementsAre("RU", "CY"));
  EXPECT_THAT(p.places_of_birth(), ElementsAre("Testville, Russia"));
  ASSERT_EQ(p.identifiers_size(), 2);
  EXPECT_EQ(p.identifiers(0).value(), "7100001");
  EXPECT_EQ(p.identifiers(0).remarks(), "Russian");
  EXPECT_EQ(p.identifiers(1).value(), "7100002");
  EXPECT_EQ(p.identifiers(1).kind(), v1::IDENTIFIER_KIND_PASSPORT);
  EXPECT_EQ(p.gender(), "Male");
  EXPECT_EQ(RawValue(p, "un_reference"), "TLi.001");
  EXPECT_EQ(RawValue(p, "uk_sanctions_list_ref"), "TST0001");
  const v1::Entity& o = list->entities(1);
  EXPECT_EQ(o.kind(), v1::ENTITY_KIND_ORGANIZATION);
  ASSERT_EQ(o.names_size(), 3);
  EXPECT_EQ(o.names(1).script(), "Hani");
  EXPECT_EQ(o.names(2).kind(), v1::NAME_KIND_FORMER);
  EXPECT_EQ(list->entities(2).kind(), v1::ENTITY_KIND_VESSEL);
}

TEST(UkConListReaderTest, BadRowsStrictAndLenient) {
  auto strict = ReadUkConList(Fixture("bad_rows.csv"), {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(strict.status().message(), HasSubstr("bad_rows.csv:4: DOB: '31/02/1961'"));
  ReadOptions lenient;
  lenient.lenient = true;
  auto list = ReadUkConList(Fixture("bad_rows.csv"), lenient);
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->source().skipped_rows(), 2);
  ASSERT_EQ(list->source().issues_size(), 2);
  EXPECT_EQ(list->source().issues(0).line(), 4);
  EXPECT_EQ(list->source().issues(1).line(), 6);
  EXPECT_EQ(list->source().issues(1).field(), "Group Type");
  EXPECT_EQ(list->entities_size(), 3);  // group 90002 lives on through its FKA row
}

TEST(UkConListReaderTest, TruncatedInsideQuoteIsAnError) {
  auto list = ReadUkConList(Fixture("truncated.csv"), {});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(list.status().message(), HasSubstr("truncated.csv:3: file is truncated"));
}

TEST(UkConListReaderTest, EmptyAndHeaderlessFiles) {
  std::string empty = absl::StrCat(::testing::TempDir(), "/uk_empty.csv");
  { FILE* f = fopen(empty.c_str(), "w"); fclose(f); }
  EXPECT_EQ(ReadUkConList(empty, {}).status().code(), absl::StatusCode::kInvalidArgument);
  std::string banner_only = absl::StrCat(::testing::TempDir(), "/uk_banner.csv");
  {
    FILE* f = fopen(banner_only.c_str(), "w");
    fputs("Last Updated,10/04/2025\n", f);
    fclose(f);
  }
  auto list = ReadUkConList(banner_only, {});
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(list.status().message(), HasSubstr("uk_banner.csv:2"));
}

TEST(UkConListReaderTest, ReadListDetectsTheFormat) {
  auto list = ReadList(Fixture("small.csv"));
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->source().format(), "uk_conlist");
}

}  // namespace
}  // namespace partyscreen::internal
