// Tests of the trade.gov CSL JSON reader on a fixture made from four rows of
// the 2022 CSL CSV (converted to the published JSON field layout) and on
// fictional error fixtures.
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

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Fixture(absl::string_view name) {
  return absl::StrCat(PARTYSCREEN_SOURCE_DIR, "/tests/testdata/csl/", name);
}

TEST(CslJsonReaderTest, ReadsSampleAndMergesRepeatedIds) {
  auto r = ReadList(Fixture("csl_sample.json"), {});  // format detected
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().format(), "csl_json");
  EXPECT_EQ(r->source().list_id(), "us_csl");
  EXPECT_EQ(r->source().records(), 4);
  ASSERT_EQ(r->entities_size(), 3);
  const v1::Entity& st = r->entities(0);
  EXPECT_EQ(st.entity_id(), "caeb24bb901171744f7b376b17c4ad98a782c827");
  std::vector<std::string> names;
  for (const auto& n : st.names()) names.push_back(n.full());
  EXPECT_THAT(names, ElementsAre("Beijing Sensetime Technology Development Co., Ltd.",
                                 "Beijing Shangtang Technology Development Co., Ltd.", "Sense Time"));
  EXPECT_EQ(FormatPartialDate(st.listings(0).start_date()), "2019-10-09");
  EXPECT_THAT(st.listings(0).federal_register_notice(), HasSubstr("84 FR 54002"));
  ASSERT_EQ(st.addresses_size(), 1);
  EXPECT_EQ(st.addresses(0).city(), "Beijing");
  EXPECT_EQ(st.addresses(0).country_code(), "CN");

  const v1::Entity& p = r->entities(1);
  EXPECT_EQ(p.kind(), v1::ENTITY_KIND_INDIVIDUAL);
  EXPECT_EQ(p.gender(), "Male");
  ASSERT_EQ(p.identifiers_size(), 1);
  EXPECT_EQ(p.identifiers(0).value(), "D088677");
  EXPECT_EQ(p.identifiers(0).country_code(), "SA");
  EXPECT_EQ(p.identifiers(0).remarks(), "issued 2017-08-16; expires 2022-06-23");

  const v1::Entity& dup = r->entities(2);
  EXPECT_EQ(dup.entity_id(), "34616");
  EXPECT_EQ(dup.listings_size(), 2);  // the same party on two sub-lists
  EXPECT_NE(dup.listings(0).source_list(), dup.listings(1).source_list());
  // Unknown top-level keys are fine; unknown result keys go to raw.
}

TEST(CslJsonReaderTest, TotalMismatchIsTruncation) {
  auto r = ReadList(Fixture("csl_total_mismatch.json"), {ListFormat::kCslJson, "", "", false});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("\"total\" is 9 but the file holds 4 results"));
}

TEST(CslJsonReaderTest, TruncatedJsonIsAnError) {
  auto r = ReadList(Fixture("csl_truncated.json"), {ListFormat::kCslJson, "", "", true});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("csl_truncated.json: not valid JSON"));
}

TEST(CslJsonReaderTest, EmptyFileIsInvalidArgument) {
  auto r = ReadList(Fixture("empty.csv"), {ListFormat::kCslJson, "", "", false});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(CslJsonReaderTest, BadTypeStrictAndLenient) {
  auto strict = ReadList(Fixture("csl_bad_type.json"), {ListFormat::kCslJson, "", "", false});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(strict.status().message(), HasSubstr("csl_bad_type.json:2: type: unknown type 'Starship'"));
  auto lenient = ReadList(Fixture("csl_bad_type.json"), {ListFormat::kCslJson, "", "", true});
  ASSERT_TRUE(lenient.ok()) << lenient.status();
  EXPECT_EQ(lenient->entities_size(), 1);
  EXPECT_EQ(lenient->source().skipped_rows(), 1);
  EXPECT_EQ(lenient->entities(0).names_size(), 3);  // alias field split in JSON too
}

}  // namespace
}  // namespace partyscreen::internal
