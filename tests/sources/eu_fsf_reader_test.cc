// Tests of the EU Financial Sanctions Files XML reader. No real FSF export
// was available when it was written: these fictional fixtures follow the
// published schema (tests/testdata/eu/).
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/sources/readers.h"
#include "partyscreen/sources.h"

namespace partyscreen::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Fixture(absl::string_view name) {
  return absl::StrCat(PARTYSCREEN_SOURCE_DIR, "/tests/testdata/eu/", name);
}

TEST(EuFsfReaderTest, SmallFileFieldByField) {
  auto list = ReadEuFsfXml(Fixture("fsf_small.xml"), {});
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->source().list_id(), "eu_fsf");
  EXPECT_EQ(list->source().format(), "eu_fsf_xml");
  EXPECT_EQ(list->source().publication_date(), "2024-05-06");
  EXPECT_EQ(list->source().records(), 2);
  ASSERT_EQ(list->entities_size(), 2);
  const v1::Entity& p = list->entities(0);
  EXPECT_EQ(p.entity_id(), "9001");
  EXPECT_EQ(p.kind(), v1::ENTITY_KIND_INDIVIDUAL);
  EXPECT_EQ(p.source_line(), 4);
  ASSERT_EQ(p.names_size(), 3);
  EXPECT_EQ(p.names(0).full(), "Ivan Petrovich Examplov");
  EXPECT_EQ(p.names(0).kind(), v1::NAME_KIND_PRIMARY);
  EXPECT_EQ(p.names(0).parts().given(), "Ivan");
  EXPECT_EQ(p.names(0).parts().family(), "Examplov");
  EXPECT_EQ(p.names(0).parts().title(), "Dr.");
  EXPECT_EQ(p.names(1).kind(), v1::NAME_KIND_ALIAS);
  EXPECT_EQ(p.names(1).script(), "Cyrl");
  EXPECT_EQ(p.names(1).language(), "RU");
  EXPECT_EQ(p.names(2).kind(), v1::NAME_KIND_WEAK_ALIAS);
  EXPECT_EQ(p.gender(), "Male");
  EXPECT_EQ(p.title(), "Director of Example Works");
  EXPECT_THAT(p.citizenships(), ElementsAre("RUSSIAN FEDERATION"));
  EXPECT_THAT(p.countries(), ElementsAre("RU"));
  ASSERT_EQ(p.dates_of_birth_size(), 2);
  EXPECT_EQ(p.dates_of_birth(0).day(), 12);
  EXPECT_FALSE(p.dates_of_birth(0).approximate());
  EXPECT_EQ(p.dates_of_birth(1).year(), 1961);
  EXPECT_TRUE(p.dates_of_birth(1).approximate());
  EXPECT_THAT(p.places_of_birth(), ElementsAre("Testville, RUSSIAN FEDERATION"));
  ASSERT_EQ(p.identifiers_size(), 1);
  EXPECT_EQ(p.identifiers(0).kind(), v1::IDENTIFIER_KIND_PASSPORT);
  EXPECT_EQ(p.identifiers(0).type(), "National passport");
  EXPECT_EQ(p.identifiers(0).value(), "7100001");
  EXPECT_EQ(p.identifiers(0).country_code(), "RU");
  EXPECT_EQ(p.identifiers(0).remarks(), "knownExpired");
  ASSERT_EQ(p.addresses_size(), 1);
  EXPECT_EQ(p.addresses(0).full(), "1 Sample Street, Testville, 101000, RUSSIAN FEDERATION");
  ASSERT_EQ(p.listings_size(), 1);
  EXPECT_THAT(p.listings(0).programs(), ElementsAre("TST"));
  EXPECT_EQ(p.listings(0).start_date().text(), "2022-03-02");
  EXPECT_EQ(p.listings(0).source_url(), "https://eur-lex.europa.eu/example/2022-999");
  EXPECT_EQ(p.listings(0).remarks(), "2022/999 (OJ L 1)");
  EXPECT_EQ(p.remarks(), "Fictional person for tests.");

  const v1::Entity& o = list->entities(1);
  EXPECT_EQ(o.kind(), v1::ENTITY_KIND_ORGANIZATION);
  ASSERT_EQ(o.names_size(), 2);
  EXPECT_EQ(o.names(1).kind(), v1::NAME_KIND_ALIAS);
  EXPECT_EQ(o.names(1).script(), "Hani");
  EXPECT_THAT(o.listings(0).programs(), ElementsAre("TST", "UKR"));
  // No designationDate: the first regulation's entry into force.
  EXPECT_EQ(o.listings(0).start_date().text(), "2023-06-24");
  EXPECT_THAT(o.countries(), ElementsAre("CN"));
}

TEST(EuFsfReaderTest, PrefixedNamespaceIsAccepted) {
  auto list = ReadEuFsfXml(Fixture("fsf_prefixed.xml"), {});
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->entities_size(), 1);
  EXPECT_EQ(list->entities(0).names(0).full(), "Jane Sample");
  EXPECT_EQ(list->source().publication_date(), "2024-07-08");
}

TEST(EuFsfReaderTest, BadSubjectStrictAndLenient) {
  auto strict = ReadEuFsfXml(Fixture("fsf_bad_subject.xml"), {});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(strict.status().message(),
            "fsf_bad_subject.xml:4: subjectType: unknown subject type 'planet'");
  ReadOptions options;
  options.lenient = true;
  auto lenient = ReadEuFsfXml(Fixture("fsf_bad_subject.xml"), options);
  ASSERT_TRUE(lenient.ok()) << lenient.status();
  ASSERT_EQ(lenient->entities_size(), 1);
  EXPECT_EQ(lenient->entities(0).entity_id(), "9202");
  EXPECT_EQ(lenient->source().skipped_rows(), 1);
}

TEST(EuFsfReaderTest, TruncatedAndEmptyFiles) {
  std::string dir = ::testing::TempDir();
  std::string truncated = absl::StrCat(dir, "/fsf_trunc.xml");
  {
    FILE* f = fopen(truncated.c_str(), "w");
    fputs("<export generationDate=\"2024-01-01\">\n<sanctionEntity logicalId=\"1\">\n<nameAl", f);
    fclose(f);
  }
  auto t = ReadEuFsfXml(truncated, {});
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(t.status().message(), HasSubstr("fsf_trunc.xml:3: xml:"));
  std::string empty = absl::StrCat(dir, "/fsf_empty.xml");
  { FILE* f = fopen(empty.c_str(), "w"); fclose(f); }
  EXPECT_EQ(ReadEuFsfXml(empty, {}).status().code(), absl::StatusCode::kInvalidArgument);
  std::string wrong_root = absl::StrCat(dir, "/fsf_root.xml");
  {
    FILE* f = fopen(wrong_root.c_str(), "w");
    fputs("<sdnList/>", f);
    fclose(f);
  }
  auto w = ReadEuFsfXml(wrong_root, {});
  EXPECT_EQ(w.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(w.status().message(), HasSubstr("expected <export>"));
}

TEST(EuFsfReaderTest, ReadListDetectsTheFormat) {
  auto list = ReadList(Fixture("fsf_small.xml"));
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->source().format(), "eu_fsf_xml");
}

}  // namespace
}  // namespace partyscreen::internal
