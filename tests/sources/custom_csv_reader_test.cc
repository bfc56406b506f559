// Tests of the custom CSV list reader on the documented fixture
// tests/testdata/custom/example_list.csv and on broken rows.
#include <cstdio>
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

std::string Fixture(absl::string_view name) {
  return absl::StrCat(PARTYSCREEN_SOURCE_DIR, "/tests/testdata/custom/", name);
}

std::string WriteTemp(absl::string_view name, absl::string_view content) {
  std::string path = absl::StrCat(::testing::TempDir(), "/", name);
  FILE* f = fopen(path.c_str(), "wb");
  fwrite(content.data(), 1, content.size(), f);
  fclose(f);
  return path;
}

TEST(CustomCsvReaderTest, ExampleListFieldByField) {
  auto list = ReadCustomCsv(Fixture("example_list.csv"), {});
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->source().list_id(), "custom");
  EXPECT_EQ(list->source().format(), "custom_csv");
  EXPECT_EQ(list->source().records(), 6);
  EXPECT_EQ(list->source().issues_size(), 0);
  ASSERT_EQ(list->entities_size(), 6);
  const v1::Entity& org = list->entities(0);
  EXPECT_EQ(org.entity_id(), "V-001");
  EXPECT_EQ(org.source_line(), 2);
  EXPECT_EQ(org.kind(), v1::ENTITY_KIND_ORGANIZATION);
  ASSERT_EQ(org.names_size(), 3);
  EXPECT_EQ(org.names(0).full(), "Example Trading LLC");
  EXPECT_EQ(org.names(0).kind(), v1::NAME_KIND_PRIMARY);
  EXPECT_EQ(org.names(1).full(), "ETL");
  EXPECT_EQ(org.names(1).kind(), v1::NAME_KIND_ALIAS);
  EXPECT_THAT(org.countries(), ElementsAre("AE"));
  ASSERT_EQ(org.identifiers_size(), 2);
  EXPECT_EQ(org.identifiers(0).kind(), v1::IDENTIFIER_KIND_REGISTRATION_NUMBER);
  EXPECT_EQ(org.identifiers(0).value(), "12345");
  EXPECT_EQ(org.identifiers(1).kind(), v1::IDENTIFIER_KIND_LEI);
  ASSERT_EQ(org.listings_size(), 1);
  EXPECT_THAT(org.listings(0).programs(), ElementsAre("internal-block"));
  EXPECT_EQ(org.listings(0).start_date().day(), 31);
  EXPECT_EQ(org.remarks(), "Payment fraud 2023");
  bool owner = false;
  for (const auto& r : org.raw()) owner |= r.name() == "owner" && r.value() == "Procurement";
  EXPECT_TRUE(owner);

  const v1::Entity& person = list->entities(1);
  EXPECT_EQ(person.kind(), v1::ENTITY_KIND_INDIVIDUAL);
  EXPECT_EQ(person.names(1).script(), "Cyrl");
  EXPECT_THAT(person.countries(), ElementsAre("RU", "CY"));
  ASSERT_EQ(person.dates_of_birth_size(), 1);
  EXPECT_EQ(person.dates_of_birth(0).year(), 1960);
  EXPECT_EQ(person.identifiers(0).kind(), v1::IDENTIFIER_KIND_PASSPORT);
  EXPECT_EQ(list->entities(2).kind(), v1::ENTITY_KIND_VESSEL);
  EXPECT_EQ(list->entities(2).identifiers(0).kind(), v1::IDENTIFIER_KIND_IMO);
  EXPECT_EQ(list->entities(3).names(0).full(), "Sample Holdings, Inc.");
  EXPECT_EQ(list->entities(3).remarks(), "Former vendor; \"do not pay\"");
  EXPECT_THAT(list->entities(3).countries(), ElementsAre("US"));
  EXPECT_EQ(list->entities(4).dates_of_birth(0).month(), 6);
  EXPECT_EQ(list->entities(4).dates_of_birth(0).day(), 0);
  EXPECT_EQ(list->entities(5).kind(), v1::ENTITY_KIND_UNKNOWN);
  EXPECT_EQ(list->entities(5).listings_size(), 0);
}

TEST(CustomCsvReaderTest, ListIdOption) {
  ReadOptions options;
  options.list_id = "vendors_blocked";
  auto list = ReadCustomCsv(Fixture("example_list.csv"), options);
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->entities(0).list_id(), "vendors_blocked");
}

TEST(CustomCsvReaderTest, StrictModeReportsFirstBadRow) {
  auto list = ReadCustomCsv(Fixture("bad_rows.csv"), {});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(list.status().message(), "bad_rows.csv:3: name: missing");
}

TEST(CustomCsvReaderTest, LenientModeSkipsAndRecordsEveryBadRow) {
  ReadOptions options;
  options.lenient = true;
  auto list = ReadCustomCsv(Fixture("bad_rows.csv"), options);
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->entities_size(), 1);
  EXPECT_EQ(list->entities(0).entity_id(), "B-1");
  EXPECT_EQ(list->source().skipped_rows(), 6);
  std::vector<std::string> where;
  for (const auto& i : list->source().issues()) where.push_back(absl::StrCat(i.line(), ":", i.field()));
  EXPECT_THAT(where, ElementsAre("3:name", "4:id", "5:kind", "6:date_of_birth", "7:identifiers",
                                 "8:listed_on"));
  EXPECT_THAT(list->source().issues(1).message(), HasSubstr("duplicate id 'B-1' (first on line 2)"));
}

TEST(CustomCsvReaderTest, HeaderIsCaseInsensitiveAndIdMayBeAbsent) {
  auto list = ReadCustomCsv(WriteTemp("custom_noid.csv", "Name,KIND\nAlpha Ltd,Company\nBeta,\n"), {});
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->entities_size(), 2);
  EXPECT_EQ(list->entities(0).entity_id(), "2");
  EXPECT_EQ(list->entities(1).entity_id(), "3");
  EXPECT_EQ(list->entities(0).kind(), v1::ENTITY_KIND_ORGANIZATION);
  ASSERT_EQ(list->source().issues_size(), 1);
  EXPECT_EQ(list->source().issues(0).field(), "id");
}

TEST(CustomCsvReaderTest, StructuralErrors) {
  EXPECT_EQ(ReadCustomCsv(WriteTemp("custom_empty.csv", ""), {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  auto no_name = ReadCustomCsv(WriteTemp("custom_noname.csv", "id,alias\n1,x\n"), {});
  EXPECT_EQ(no_name.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(no_name.status().message(), HasSubstr("custom_noname.csv:1: name: required column"));
  auto header_only = ReadCustomCsv(WriteTemp("custom_header.csv", "id,name\n"), {});
  EXPECT_EQ(header_only.status().code(), absl::StatusCode::kInvalidArgument);
  auto truncated = ReadCustomCsv(WriteTemp("custom_trunc.csv", "id,name\n1,\"Alpha\n"), {});
  EXPECT_EQ(truncated.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(truncated.status().message(), HasSubstr("custom_trunc.csv:2: file is truncated"));
  auto short_row = ReadCustomCsv(WriteTemp("custom_short.csv", "id,name,kind\n1,Alpha\n"), {});
  EXPECT_EQ(short_row.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(short_row.status().message(), HasSubstr("custom_short.csv:2: row has 2 fields"));
}

TEST(CustomCsvReaderTest, ReadListWithFormatName) {
  auto spec = ParseListSpec(absl::StrCat("my_vendors:custom_csv=", Fixture("example_list.csv")));
  ASSERT_TRUE(spec.ok()) << spec.status();
  auto list = ReadList(spec->path, spec->options);
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->source().list_id(), "my_vendors");
  EXPECT_EQ(list->entities_size(), 6);
}

}  // namespace
}  // namespace partyscreen::internal
