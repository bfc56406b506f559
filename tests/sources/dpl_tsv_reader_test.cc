// Tests of the BIS Denied Persons List TSV reader: exact counts on the three
// stored versions and the govwizely sample (verified with Python's csv
// module), the duplicate-merging rule, and fictional error fixtures.
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

struct DplCase {
  const char* file;
  int rows;
  int entities;  // distinct (normalised name, effective date)
};

class DplVersionTest : public ::testing::TestWithParam<DplCase> {};

TEST_P(DplVersionTest, ExactCounts) {
  auto r = ReadList(Shared(GetParam().file), {});  // format detected
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().format(), "dpl_tsv");
  EXPECT_EQ(r->source().list_id(), "us_bis_dpl");
  EXPECT_EQ(r->source().records(), GetParam().rows);
  EXPECT_EQ(r->entities_size(), GetParam().entities);
  EXPECT_EQ(r->source().skipped_rows(), 0);
  EXPECT_FALSE(HasIssue(*r, "decoded as"));
  EXPECT_EQ(r->source().publication_date(), "");
}

INSTANTIATE_TEST_SUITE_P(AllVersions, DplVersionTest,
                         ::testing::Values(DplCase{"us_csl/dpl_2019-06.txt", 546, 416},
                                           DplCase{"us_csl/dpl_2022-09.txt", 581, 460},
                                           DplCase{"us_csl/dpl_2023-11.txt", 665, 546}));

TEST(DplReaderTest, RowFields) {
  auto r = ReadList(Shared("us_csl/dpl_2019-06.txt"), {});
  ASSERT_TRUE(r.ok()) << r.status();
  const v1::Entity& e = r->entities(0);
  EXPECT_EQ(e.names(0).full(), "ADRIAN MANUEL HERNANDEZ");  // leading space trimmed
  EXPECT_EQ(e.entity_id().substr(0, 4), "dpl-");
  EXPECT_EQ(e.entity_id().size(), 20u);
  EXPECT_EQ(e.source_line(), 2);
  ASSERT_EQ(e.listings_size(), 1);
  const auto& l = e.listings(0);
  EXPECT_EQ(FormatPartialDate(l.start_date()), "2017-10-16");
  EXPECT_EQ(FormatPartialDate(l.end_date()), "2020-10-13");
  EXPECT_EQ(FormatPartialDate(l.last_updated()), "2017-10-23");
  EXPECT_EQ(l.standard_order(), "Y");
  EXPECT_EQ(l.remarks(), "FR NOTICE ADDED");
  EXPECT_EQ(l.federal_register_notice(), "82 F.R. 48792 10/20/2017");
  ASSERT_EQ(e.addresses_size(), 1);
  EXPECT_EQ(e.addresses(0).city(), "PHONEIX");
  EXPECT_EQ(e.addresses(0).postal_code(), "85043");
  // A publisher typo in a non-key date is kept as text and noted.
  EXPECT_TRUE(HasIssue(*r, "'3017-08-22' is not a date; kept as text"));
}

TEST(DplReaderTest, SamePartyAndOrderOnSeveralRowsIsOneEntity) {
  auto r = ReadList(Shared("us_csl/dpl_2019-06.txt"), {});
  ASSERT_TRUE(r.ok()) << r.status();
  int found = 0;
  for (const auto& e : r->entities()) {
    if (e.names(0).full() == "ABDULAH AL NASSER") {
      ++found;
      EXPECT_GT(e.addresses_size(), 1);
      EXPECT_EQ(FormatPartialDate(e.listings(0).start_date()), "2002-03-04");
    }
  }
  EXPECT_EQ(found, 1);
}

TEST(DplReaderTest, IdsAreStableAcrossVersions) {
  auto a = ReadList(Shared("us_csl/dpl_2019-06.txt"), {});
  auto b = ReadList(Shared("us_csl/dpl_2023-11.txt"), {});
  ASSERT_TRUE(a.ok() && b.ok());
  std::string id_a, id_b;
  for (const auto& e : a->entities()) {
    if (e.names(0).full() == "I. ASH") id_a = e.entity_id();
  }
  for (const auto& e : b->entities()) {
    if (e.names(0).full() == "I. ASH") id_b = e.entity_id();
  }
  EXPECT_FALSE(id_a.empty());
  EXPECT_EQ(id_a, id_b);
}

TEST(DplReaderTest, AkaInNameIsSplit) {
  auto r = ReadList(Shared("us_csl/dpl_2023-11.txt"), {});
  ASSERT_TRUE(r.ok()) << r.status();
  bool found = false;
  for (const auto& e : r->entities()) {
    if (e.names(0).full() == "PEARL LI") {
      found = true;
      ASSERT_EQ(e.names_size(), 2);
      EXPECT_EQ(e.names(1).full(), "NEI-CHIEN CHU");
    }
  }
  EXPECT_TRUE(found);
}

TEST(DplReaderTest, GovwizelySampleWithEmptyAndShortRows) {
  auto r = ReadList(Shared("format_samples/govwizely_webservices_fixtures/dpl/dpl.txt"), {});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->source().records(), 9);
  EXPECT_EQ(r->entities_size(), 9);
  EXPECT_TRUE(HasIssue(*r, "only empty fields"));
  EXPECT_TRUE(HasIssue(*r, "missing trailing fields"));
}

TEST(DplReaderTest, Windows1252IsDecodedAndNoted) {
  auto r = ReadList(Fixture("dpl_cp1252.txt"), {ListFormat::kDplTsv, "", "", false});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->entities(0).names(0).full(), "FICTIONAL M\xC3\x9CLLER GMBH");
  EXPECT_TRUE(HasIssue(*r, "decoded as Windows-1252"));
}

TEST(DplReaderTest, BadDateStrictAndLenient) {
  auto strict = ReadList(Fixture("dpl_bad_date.txt"), {ListFormat::kDplTsv, "", "", false});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(strict.status().message(), HasSubstr("dpl_bad_date.txt:3: Effective_Date: '13/45/2010'"));
  auto lenient = ReadList(Fixture("dpl_bad_date.txt"), {ListFormat::kDplTsv, "", "", true});
  ASSERT_TRUE(lenient.ok()) << lenient.status();
  EXPECT_EQ(lenient->entities_size(), 2);
  EXPECT_EQ(lenient->source().skipped_rows(), 1);
  EXPECT_EQ(lenient->source().records(), 3);
}

TEST(DplReaderTest, TruncatedAndEmptyFilesAreErrors) {
  auto t = ReadList(Fixture("dpl_truncated.txt"), {ListFormat::kDplTsv, "", "", false});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(t.status().message(), HasSubstr("truncated"));
  auto e = ReadList(Fixture("empty.csv"), {ListFormat::kDplTsv, "", "", false});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), absl::StatusCode::kInvalidArgument);
  auto m = ReadList(Fixture("does_not_exist.txt"), {ListFormat::kDplTsv, "", "", false});
  EXPECT_EQ(m.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace partyscreen::internal
