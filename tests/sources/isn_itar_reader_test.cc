// Tests of the State Department ISN and ITAR debarred readers on every
// stored version (exact row and entity counts, verified with Python's csv
// module) and on fictional fixtures for the error cases.
#include <string>
#include <tuple>

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

std::string Shared(absl::string_view rel) {
  return absl::StrCat(PARTYSCREEN_SHARED_DIR, "/data/", rel);
}
std::string Fixture(absl::string_view name) {
  return absl::StrCat(PARTYSCREEN_SOURCE_DIR, "/tests/testdata/csl/", name);
}

bool HasIssue(const v1::EntityList& list, absl::string_view text) {
  for (const auto& i : list.source().issues()) {
    if (absl::StrContains(i.message(), text)) return true;
  }
  return false;
}

const v1::Entity* Find(const v1::EntityList& list, absl::string_view primary) {
  for (const auto& e : list.entities()) {
    if (e.names_size() > 0 && e.names(0).full() == primary) return &e;
  }
  return nullptr;
}

struct VersionCase {
  const char* file;
  int rows;
  int entities;
  const char* encoding;  // "" = UTF-8
};

class IsnVersionTest : public ::testing::TestWithParam<VersionCase> {};

TEST_P(IsnVersionTest, ExactCounts) {
  const VersionCase& c = GetParam();
  auto r = ReadList(Shared(absl::StrCat("us_state_dept_isn_itar/isn_versions/", c.file)), {});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().format(), "isn_csv");
  EXPECT_EQ(r->source().list_id(), "us_state_isn");
  EXPECT_EQ(r->source().records(), c.rows);
  EXPECT_EQ(r->entities_size(), c.entities);
  EXPECT_EQ(r->source().skipped_rows(), 0);
  int listings = 0;
  for (const auto& e : r->entities()) listings += e.listings_size();
  EXPECT_EQ(listings, c.rows);
  if (*c.encoding != '\0') {
    EXPECT_TRUE(HasIssue(*r, absl::StrCat("decoded as ", c.encoding)));
  } else {
    EXPECT_FALSE(HasIssue(*r, "decoded as"));
  }
}

// Entities: Python's count of distinct Name cells, less the rows whose name
// carries "[also known as: ...]" / "(aka ...)" and so joins its party's
// other rows (2014/2015: 370 → 367, the Dalian Sunny Industries and Karl Lee
// variants; 2016-04: 159 → 158; 2016-07: 177 → 176).
INSTANTIATE_TEST_SUITE_P(
    AllVersions, IsnVersionTest,
    ::testing::Values(VersionCase{"isn_commit-2014-09-24.csv", 462, 367, "Windows-1252"},
                      VersionCase{"isn_commit-2015-04-21.csv", 462, 367, ""},
                      VersionCase{"isn_commit-2015-08-06.csv", 153, 130, ""},
                      VersionCase{"isn_commit-2015-09-04.csv", 176, 150, ""},
                      VersionCase{"isn_commit-2015-09-24.csv", 180, 152, ""},
                      VersionCase{"isn_commit-2015-11-03.csv", 180, 152, ""},
                      VersionCase{"isn_commit-2015-11-30.csv", 180, 152, ""},
                      VersionCase{"isn_commit-2016-04-21.csv", 187, 158, ""},
                      VersionCase{"isn_commit-2016-07-22.csv", 203, 176, "Windows-1252"},
                      VersionCase{"isn_commit-2016-12-02.csv", 213, 177, ""}));

TEST(IsnReaderTest, Cp1252ApostropheIsDecoded) {
  auto r = ReadList(Shared("us_state_dept_isn_itar/isn_versions/isn_commit-2016-07-22.csv"), {});
  ASSERT_TRUE(r.ok()) << r.status();
  bool curly = false;
  for (const auto& e : r->entities()) {
    for (const auto& n : e.names()) curly = curly || absl::StrContains(n.full(), "\xE2\x80\x99");
  }
  EXPECT_TRUE(curly);  // 0x92 → U+2019
}

TEST(IsnReaderTest, AbdulQadeerKhanHasThreeListings) {
  auto r = ReadList(Shared("us_state_dept_isn_itar/isn_versions/isn_commit-2016-12-02.csv"), {});
  ASSERT_TRUE(r.ok()) << r.status();
  const v1::Entity* e = Find(*r, "Abdul Qadeer Khan");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->listings_size(), 3);
  EXPECT_EQ(e->listings(0).programs(0), "E.O. 13382");
  EXPECT_EQ(e->listings(0).federal_register_notice(), "Vol. 74, No. 11, 01/16/09");
  EXPECT_EQ(FormatPartialDate(e->listings(0).start_date()), "2009-01-09");
  EXPECT_EQ(e->listings(0).source_url(), "http://www.state.gov/t/isn/c15231.htm");
  EXPECT_EQ(e->addresses(0).country(), "Pakistan");
  EXPECT_EQ(e->entity_id().substr(0, 4), "isn-");
  // Comma-separated "Alternative Names" with F.K.A. markers.
  const v1::Entity* citc = nullptr;
  for (const auto& x : r->entities()) {
    for (const auto& n : x.names()) {
      if (n.full() == "Technology Cooperation Office") citc = &x;
    }
  }
  ASSERT_NE(citc, nullptr);
  bool former = false;
  for (const auto& n : citc->names()) {
    if (n.full() == "Presidency Office of Scientific and Industrial Studies (POSIS)") {
      former = n.kind() == v1::NAME_KIND_FORMER;
    }
  }
  EXPECT_TRUE(former);
}

TEST(IsnReaderTest, NonDateEffectiveDateIsKeptAsText) {
  auto r = ReadList(Shared("us_state_dept_isn_itar/isn_versions/isn_commit-2015-04-21.csv"), {});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(HasIssue(*r, "'N/A' is not a date"));
  const v1::Entity* e = Find(*r, "7th of Tir");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(FormatPartialDate(e->listings(0).start_date()), "2008-07-08");
}

TEST(IsnReaderTest, GovwizelyFixtureSkipsBlankRows) {
  auto r = ReadList(Shared("format_samples/govwizely_webservices_fixtures/isn/isn.csv"),
                    {ListFormat::kIsnCsv, "", "", false});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().records(), 5);
  EXPECT_EQ(r->entities_size(), 3);
  EXPECT_TRUE(HasIssue(*r, "only empty fields"));
}

class ItarVersionTest : public ::testing::TestWithParam<VersionCase> {};

TEST_P(ItarVersionTest, ExactCounts) {
  const VersionCase& c = GetParam();
  auto r = ReadList(Shared(absl::StrCat("us_state_dept_isn_itar/itar_debarred_versions/", c.file)),
                    {ListFormat::kItarCsv, "", "", false});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().list_id(), "us_state_itar");
  EXPECT_EQ(r->source().records(), c.rows);
  EXPECT_EQ(r->entities_size(), c.entities);
  EXPECT_EQ(r->source().skipped_rows(), 0);
  const v1::Entity* e = Find(*r, "Fleming, Brian Joseph");
  ASSERT_NE(e, nullptr);
  ASSERT_GE(e->names_size(), 2);
  EXPECT_EQ(e->names(1).full(), "Brian Joseph McSulla");
  EXPECT_EQ(e->names(1).kind(), v1::NAME_KIND_ALIAS);
  const v1::Entity* a = Find(*r, "Achurra, Antonio");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->listings(0).federal_register_notice(), "53 FR 27097");
}

INSTANTIATE_TEST_SUITE_P(
    AllVersions, ItarVersionTest,
    ::testing::Values(VersionCase{"aeca_debarred_party_list_05092014.csv", 521, 517, ""},
                      VersionCase{"itar_debarred_party_list_07142014.csv", 525, 521, ""},
                      VersionCase{"itar_debarred_party_list_04172017.csv", 516, 512, ""},
                      VersionCase{"itar_debarred_party_list_01242018.csv", 515, 511, ""}));

TEST(ItarReaderTest, IdsAreStableAcrossLayouts) {
  auto a = ReadList(Shared("us_state_dept_isn_itar/itar_debarred_versions/aeca_debarred_party_list_05092014.csv"),
                    {ListFormat::kItarCsv, "", "", false});
  auto b = ReadList(Shared("us_state_dept_isn_itar/itar_debarred_versions/itar_debarred_party_list_01242018.csv"),
                    {ListFormat::kItarCsv, "", "", false});
  ASSERT_TRUE(a.ok() && b.ok());
  const v1::Entity* x = Find(*a, "Hukic, Bajro");
  const v1::Entity* y = Find(*b, "Hukic, Bajro");
  ASSERT_NE(x, nullptr);
  ASSERT_NE(y, nullptr);
  EXPECT_EQ(x->entity_id(), y->entity_id());
  EXPECT_EQ(x->kind(), v1::ENTITY_KIND_INDIVIDUAL);
  EXPECT_EQ(x->names(0).parts().family(), "Hukic");
  EXPECT_EQ(y->names_size(), 3);
}

TEST(ItarReaderTest, GovwizelyFixtureWithTrailingEmptyColumn) {
  auto r = ReadList(Shared("format_samples/govwizely_webservices_fixtures/dtc/itar_debarred_parties.csv"),
                    {ListFormat::kItarCsv, "", "", false});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().records(), 4);
  EXPECT_EQ(r->entities_size(), 4);
}

// --- error cases on fictional fixtures --------------------------------------

TEST(IsnItarErrorsTest, EmptyFileIsInvalidArgument) {
  for (auto f : {ListFormat::kIsnCsv, ListFormat::kItarCsv}) {
    auto r = ReadList(Fixture("empty.csv"), {f, "", "", false});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  }
}

TEST(IsnItarErrorsTest, MissingNameColumn) {
  auto r = ReadList(Fixture("isn_no_name.csv"), {ListFormat::kIsnCsv, "", "", false});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("isn_no_name.csv:1: Name:"));
}

TEST(IsnItarErrorsTest, BadRowStrictAndLenient) {
  auto strict = ReadList(Fixture("isn_bad_row.csv"), {ListFormat::kIsnCsv, "", "", false});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(strict.status().message(), HasSubstr("isn_bad_row.csv:3: Name: name is empty"));
  auto lenient = ReadList(Fixture("isn_bad_row.csv"), {ListFormat::kIsnCsv, "", "", true});
  ASSERT_TRUE(lenient.ok()) << lenient.status();
  EXPECT_EQ(lenient->entities_size(), 2);
  EXPECT_EQ(lenient->source().skipped_rows(), 2);
  EXPECT_EQ(lenient->source().records(), 4);
}

TEST(IsnItarErrorsTest, TruncatedQuoteIsAnError) {
  auto r = ReadList(Fixture("itar_truncated.csv"), {ListFormat::kItarCsv, "", "", true});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("truncated"));
}

}  // namespace
}  // namespace partyscreen::internal
