// Tests of the UN Security Council consolidated list XML reader, on the real
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

using ::testing::HasSubstr;

std::string RealFile() {
  return absl::StrCat(PARTYSCREEN_SHARED_DIR, "/data/un_sc/un_consolidated_2026-02-27.xml");
}
std::string Fixture(absl::string_view name) {
  return absl::StrCat(PARTYSCREEN_SOURCE_DIR, "/tests/testdata/un/", name);
}

const v1::Entity* Find(const v1::EntityList& list, absl::string_view id) {
  for (const auto& e : list.entities()) {
    if (e.entity_id() == id) return &e;
  }
  return nullptr;
}

const v1::EntityList& RealList() {
  static const v1::EntityList* list = [] {
    auto l = ReadUnXml(RealFile(), {});
    EXPECT_TRUE(l.ok()) << l.status();
    return new v1::EntityList(l.ok() ? *l : v1::EntityList());
  }();
  return *list;
}

TEST(UnXmlReaderTest, RealListHasExactCounts) {
  const v1::EntityList& list = RealList();
  ASSERT_EQ(list.entities_size(), 1003);
  std::map<v1::EntityKind, int> kinds;
  std::map<v1::NameKind, int> names;
  for (const auto& e : list.entities()) {
    ++kinds[e.kind()];
    for (const auto& n : e.names()) ++names[n.kind()];
  }
  EXPECT_EQ(kinds[v1::ENTITY_KIND_INDIVIDUAL], 730);
  EXPECT_EQ(kinds[v1::ENTITY_KIND_ORGANIZATION], 273);
  // Counted with python xml.etree: Good 1524 + a.k.a. 594 strong aliases,
  // Low 615, f.k.a. 19, 378 non-empty NAME_ORIGINAL_SCRIPT.
  EXPECT_EQ(names[v1::NAME_KIND_PRIMARY], 1003);
  EXPECT_EQ(names[v1::NAME_KIND_ALIAS], 1524 + 594);
  EXPECT_EQ(names[v1::NAME_KIND_WEAK_ALIAS], 615);
  EXPECT_EQ(names[v1::NAME_KIND_FORMER], 19);
  EXPECT_EQ(names[v1::NAME_KIND_ORIGINAL_SCRIPT], 378);
  EXPECT_EQ(list.source().list_id(), "un_sc");
  EXPECT_EQ(list.source().format(), "un_xml");
  EXPECT_EQ(list.source().publication_date(), "2026-02-27");
  EXPECT_EQ(list.source().publication_date_origin(), "file");
  EXPECT_EQ(list.source().records(), 1003);
  EXPECT_EQ(list.source().sha256(),
            "66b392a4090868d2d39161e8d748efd39138377b0e6e60b7921aa67a4f99c8bf");
}

TEST(UnXmlReaderTest, RealListRegimeCounts) {
  std::map<std::string, int> regimes;
  for (const auto& e : RealList().entities()) ++regimes[e.listings(0).regime()];
  EXPECT_EQ(regimes["Al-Qaida"], 341);
  EXPECT_EQ(regimes["DPRK"], 155);
  EXPECT_EQ(regimes["Taliban"], 140);
  EXPECT_EQ(regimes["SouthSudan"], 8);
}

TEST(UnXmlReaderTest, RealIndividualFieldByField) {
  const v1::Entity* e = Find(RealList(), "QDi.001");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind(), v1::ENTITY_KIND_INDIVIDUAL);
  ASSERT_GE(e->names_size(), 1);
  EXPECT_EQ(e->names(0).full(), "MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE");
  EXPECT_EQ(e->names(0).kind(), v1::NAME_KIND_PRIMARY);
  EXPECT_EQ(e->names(0).script(), "Latn");
  EXPECT_EQ(e->names(0).parts().given(), "MOHAMMED");
  EXPECT_EQ(e->names(0).parts().middle(), "SALAHALDIN ABD EL HALIM");
  EXPECT_EQ(e->names(0).parts().family(), "ZIDANE");
  EXPECT_EQ(e->names(1).full(), "Sayf-Al Adl");
  EXPECT_EQ(e->names(1).kind(), v1::NAME_KIND_ALIAS);
  EXPECT_EQ(e->names(1).quality(), "Good");
  EXPECT_EQ(e->names(3).full(), "Ibrahim al-Madani");
  EXPECT_EQ(e->names(3).kind(), v1::NAME_KIND_WEAK_ALIAS);
  EXPECT_EQ(e->names(3).quality(), "Low");
  const v1::Name& original = e->names(e->names_size() - 1);
  EXPECT_EQ(original.kind(), v1::NAME_KIND_ORIGINAL_SCRIPT);
  EXPECT_EQ(original.full(), "محمد صلاح الدين عبدالحليم زيدان");
  EXPECT_EQ(original.script(), "Arab");
  ASSERT_EQ(e->listings_size(), 1);
  EXPECT_EQ(e->listings(0).regime(), "Al-Qaida");
  EXPECT_EQ(e->listings(0).source_list(), "Al-Qaida");
  EXPECT_EQ(e->listings(0).start_date().year(), 2001);
  EXPECT_EQ(e->listings(0).start_date().month(), 1);
  EXPECT_EQ(e->listings(0).start_date().day(), 25);
  EXPECT_EQ(e->listings(0).last_updated().text(), "2022-11-08");
  ASSERT_EQ(e->dates_of_birth_size(), 2);
  EXPECT_EQ(e->dates_of_birth(0).year(), 1963);
  EXPECT_EQ(e->dates_of_birth(1).year(), 1960);
  ASSERT_EQ(e->nationalities_size(), 1);
  EXPECT_EQ(e->nationalities(0), "Egypt");
  ASSERT_EQ(e->places_of_birth_size(), 1);
  EXPECT_EQ(e->places_of_birth(0), "Monufia Governate, Egypt");
  EXPECT_THAT(e->remarks(), HasSubstr("Usama bin Laden"));
  EXPECT_EQ(e->source_file(), "un_consolidated_2026-02-27.xml");
  EXPECT_GT(e->source_line(), 1);
}

TEST(UnXmlReaderTest, RealBirthYearRangeAndPassport) {
  const v1::Entity* e = Find(RealList(), "CDi.030");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->dates_of_birth_size(), 1);
  EXPECT_EQ(e->dates_of_birth(0).year(), 1973);
  EXPECT_EQ(e->dates_of_birth(0).end_year(), 1974);
  EXPECT_EQ(e->gender(), "Male");
  const v1::Entity* p = Find(RealList(), "CDi.021");
  ASSERT_NE(p, nullptr);
  ASSERT_GE(p->identifiers_size(), 1);
  EXPECT_EQ(p->identifiers(0).kind(), v1::IDENTIFIER_KIND_PASSPORT);
  EXPECT_EQ(p->identifiers(0).value(), "OB 0243318");
  EXPECT_EQ(p->identifiers(0).country(), "Democratic Republic of the Congo");
}

TEST(UnXmlReaderTest, RealListReads) {
  // Speed is measured by the benchmarks (bench/), not asserted here.
  auto list = ReadUnXml(RealFile(), {});
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_GT(list->entities_size(), 900);
}

TEST(UnXmlReaderTest, FixtureFieldByField) {
  auto list = ReadUnXml(Fixture("small.xml"), {});
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->source().publication_date(), "2024-03-05");
  ASSERT_EQ(list->entities_size(), 2);
  const v1::Entity& p = list->entities(0);
  EXPECT_EQ(p.entity_id(), "TLi.001");
  EXPECT_EQ(p.list_id(), "un_sc");
  ASSERT_EQ(p.names_size(), 4);
  EXPECT_EQ(p.names(0).full(), "IVAN PETROV EXAMPLOV");
  EXPECT_EQ(p.names(0).parts().title(), "Dr.");
  EXPECT_EQ(p.names(1).kind(), v1::NAME_KIND_ALIAS);
  EXPECT_EQ(p.names(2).full(), "Vanya");
  EXPECT_EQ(p.names(2).kind(), v1::NAME_KIND_WEAK_ALIAS);
  EXPECT_EQ(p.names(3).kind(), v1::NAME_KIND_ORIGINAL_SCRIPT);
  EXPECT_EQ(p.names(3).script(), "Cyrl");
  EXPECT_EQ(p.title(), "Director of Example Works");
  EXPECT_EQ(p.gender(), "Male");
  EXPECT_EQ(p.remarks(), "Fictional person for tests.");
  EXPECT_EQ(p.listings(0).last_updated().text(), "2022-07-08");
  ASSERT_EQ(p.dates_of_birth_size(), 3);
  EXPECT_EQ(p.dates_of_birth(0).day(), 12);
  EXPECT_TRUE(p.dates_of_birth(1).approximate());
  EXPECT_EQ(p.dates_of_birth(1).year(), 1961);
  EXPECT_EQ(p.dates_of_birth(2).year(), 1958);
  EXPECT_EQ(p.dates_of_birth(2).end_year(), 1959);
  ASSERT_EQ(p.places_of_birth_size(), 1);
  EXPECT_EQ(p.places_of_birth(0), "Testville, Russian Federation");
  ASSERT_EQ(p.identifiers_size(), 1);
  EXPECT_EQ(p.identifiers(0).value(), "AB 1234567");
  EXPECT_EQ(p.identifiers(0).remarks(), "issued 2010-01-01");
  ASSERT_EQ(p.addresses_size(), 1);
  EXPECT_EQ(p.addresses(0).full(), "1 Sample Street, Testville, North, Russian Federation");
  EXPECT_EQ(p.addresses(0).city(), "Testville");
  EXPECT_EQ(p.addresses(0).state(), "North");
  const v1::Entity& o = list->entities(1);
  EXPECT_EQ(o.kind(), v1::ENTITY_KIND_ORGANIZATION);
  ASSERT_EQ(o.names_size(), 3);
  EXPECT_EQ(o.names(0).full(), "EXAMPLE TRADING COMPANY");
  EXPECT_EQ(o.names(1).kind(), v1::NAME_KIND_ALIAS);
  EXPECT_EQ(o.names(1).quality(), "a.k.a.");
  EXPECT_EQ(o.names(2).kind(), v1::NAME_KIND_FORMER);
}

TEST(UnXmlReaderTest, EntityDeclarationsAreRejectedNotExpanded) {
  auto list = ReadUnXml(Fixture("billion_laughs.xml"), {});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(list.status().message(), HasSubstr("billion_laughs.xml:2: DOCTYPE"));
}

TEST(UnXmlReaderTest, MalformedXmlNamesLineAndOffset) {
  auto list = ReadUnXml(Fixture("malformed.xml"), {});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(list.status().message(), HasSubstr("malformed.xml:5: xml:"));
  EXPECT_THAT(list.status().message(), HasSubstr("byte offset"));
}

TEST(UnXmlReaderTest, TruncatedFileIsAnError) {
  auto list = ReadUnXml(Fixture("truncated.xml"), {});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(list.status().message(), HasSubstr("truncated.xml:"));
}

TEST(UnXmlReaderTest, MissingFileIsNotFound) {
  auto list = ReadUnXml(Fixture("no_such_file.xml"), {});
  EXPECT_EQ(list.status().code(), absl::StatusCode::kNotFound);
}

TEST(UnXmlReaderTest, MissingReferenceStrictAndLenient) {
  auto strict = ReadUnXml(Fixture("missing_reference.xml"), {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(strict.status().message(),
              HasSubstr("missing_reference.xml:4: REFERENCE_NUMBER: missing"));
  ReadOptions lenient;
  lenient.lenient = true;
  auto list = ReadUnXml(Fixture("missing_reference.xml"), lenient);
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->entities_size(), 1);
  EXPECT_EQ(list->entities(0).entity_id(), "TLi.002");
  EXPECT_EQ(list->source().skipped_rows(), 1);
  ASSERT_EQ(list->source().issues_size(), 1);
  EXPECT_EQ(list->source().issues(0).line(), 4);
}

TEST(UnXmlReaderTest, EmptyFileIsInvalid) {
  std::string path = absl::StrCat(::testing::TempDir(), "/un_empty.xml");
  { FILE* f = fopen(path.c_str(), "w"); fclose(f); }
  auto list = ReadUnXml(path, {});
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(UnXmlReaderTest, ReadListDetectsTheFormat) {
  auto list = ReadList(Fixture("small.xml"));
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->source().format(), "un_xml");
}

}  // namespace
}  // namespace partyscreen::internal
