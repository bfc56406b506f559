// Tests of the OFAC remarks parser on remarks copied from the real sdn.csv
// and cons_prim.csv files.
#include "lib/sources/ofac_remarks.h"

#include <initializer_list>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/sources/dates.h"
#include "partyscreen/sources.h"

namespace partyscreen::internal {
namespace {

using ::testing::ElementsAre;

v1::Entity Parse(absl::string_view remarks, v1::EntityKind kind = v1::ENTITY_KIND_INDIVIDUAL) {
  v1::Entity e;
  e.set_kind(kind);
  e.add_listings()->set_source_list("SDN");
  ParseOfacRemarks(remarks, OfacRemarksMode::kAllFacts, &e);
  return e;
}

TEST(OfacRemarksTest, SplitsFactsAndDropsFinalPeriod) {
  EXPECT_THAT(SplitOfacRemarks("DOB 1960; POB Tehran, Iran;nationality Iran."),
              ElementsAre("DOB 1960", "POB Tehran, Iran", "nationality Iran"));
  EXPECT_THAT(SplitOfacRemarks("Linked To: BIESTRA S.A."), ElementsAre("Linked To: BIESTRA S.A."));
  EXPECT_THAT(SplitOfacRemarks("Website www.x.com."), ElementsAre("Website www.x.com"));
  // Semicolons inside parentheses do not split.
  EXPECT_THAT(SplitOfacRemarks("(data: DOB 1970; Passport 1); Gender Male"),
              ElementsAre("(data: DOB 1970; Passport 1)", "Gender Male"));
  // Unbalanced parentheses fall back to a plain split.
  EXPECT_THAT(SplitOfacRemarks("a (b; c"), ElementsAre("a (b", "c"));
  EXPECT_TRUE(SplitOfacRemarks("").empty());
  EXPECT_TRUE(SplitOfacRemarks(" . ").empty());
}

TEST(OfacRemarksTest, DatesOfBirth) {
  v1::Entity e = Parse("DOB 15 May 1968; alt. DOB 1970; alt. DOB circa 1951; DOB 1960 to 1962; DOB Mar 1945.");
  ASSERT_EQ(e.dates_of_birth_size(), 5);
  EXPECT_EQ(e.dates_of_birth(0).year(), 1968);
  EXPECT_EQ(e.dates_of_birth(0).month(), 5);
  EXPECT_EQ(e.dates_of_birth(0).day(), 15);
  EXPECT_EQ(e.dates_of_birth(1).year(), 1970);
  EXPECT_EQ(e.dates_of_birth(1).month(), 0);
  EXPECT_TRUE(e.dates_of_birth(2).approximate());
  EXPECT_EQ(e.dates_of_birth(2).year(), 1951);
  EXPECT_EQ(e.dates_of_birth(3).year(), 1960);
  EXPECT_EQ(e.dates_of_birth(3).end_year(), 1962);
  EXPECT_EQ(e.dates_of_birth(4).month(), 3);
  EXPECT_EQ(e.dates_of_birth(4).text(), "Mar 1945");
  // ent_num 11748 writes "DOB circa 1979-1982".
  v1::Entity r = Parse("DOB circa 1979-1982");
  ASSERT_EQ(r.dates_of_birth_size(), 1);
  EXPECT_EQ(r.dates_of_birth(0).year(), 1979);
  EXPECT_EQ(r.dates_of_birth(0).end_year(), 1982);
  EXPECT_TRUE(r.dates_of_birth(0).approximate());
  EXPECT_EQ(r.dates_of_birth(0).text(), "circa 1979-1982");
}

TEST(OfacRemarksTest, PersonFacts) {
  v1::Entity e = Parse(
      "POB Al-Owja, Iraq; alt. POB Baghdad, Iraq; nationality Iraq; citizen Korea, North; "
      "nationality possibly Palestinian; Gender Female");
  EXPECT_THAT(e.places_of_birth(), ElementsAre("Al-Owja, Iraq", "Baghdad, Iraq"));
  EXPECT_THAT(e.nationalities(), ElementsAre("Iraq", "possibly Palestinian"));
  EXPECT_THAT(e.citizenships(), ElementsAre("Korea, North"));
  EXPECT_THAT(e.countries(), ElementsAre("IQ", "KP", "PS"));
  EXPECT_EQ(e.gender(), "Female");
}

TEST(OfacRemarksTest, Identifiers) {
  v1::Entity e = Parse(
      "Passport 284158 (Iraq) expires 21 Aug 2005; Passport L 191609 issued 28 Feb 1996 expires "
      "27 Feb 2001; National ID No. 216040 (Yemen); Cedula No. 6068015 (Colombia); "
      "C.U.R.P. AIMM67125HCHRRG06 (Mexico) issued 1968; Tax ID No. 7704252261 (Russia); "
      "Driver's License No. 180839 (Mexico); Identification Number 2.194.575 (Paraguay)");
  ASSERT_EQ(e.identifiers_size(), 8);
  const auto& pass = e.identifiers(0);
  EXPECT_EQ(pass.kind(), v1::IDENTIFIER_KIND_PASSPORT);
  EXPECT_EQ(pass.value(), "284158");
  EXPECT_EQ(pass.country(), "Iraq");
  EXPECT_EQ(pass.country_code(), "IQ");
  EXPECT_EQ(pass.remarks(), "expires 21 Aug 2005");
  EXPECT_EQ(e.identifiers(1).value(), "L 191609");
  EXPECT_EQ(e.identifiers(1).country(), "");
  EXPECT_EQ(e.identifiers(1).remarks(), "issued 28 Feb 1996 expires 27 Feb 2001");
  EXPECT_EQ(e.identifiers(2).kind(), v1::IDENTIFIER_KIND_NATIONAL_ID);
  EXPECT_EQ(e.identifiers(3).kind(), v1::IDENTIFIER_KIND_CEDULA);
  EXPECT_EQ(e.identifiers(4).kind(), v1::IDENTIFIER_KIND_NATIONAL_ID);
  EXPECT_EQ(e.identifiers(4).remarks(), "issued 1968");
  EXPECT_EQ(e.identifiers(5).kind(), v1::IDENTIFIER_KIND_TAX_ID);
  EXPECT_EQ(e.identifiers(6).kind(), v1::IDENTIFIER_KIND_DRIVERS_LICENSE);
  EXPECT_EQ(e.identifiers(7).kind(), v1::IDENTIFIER_KIND_NATIONAL_ID);  // a person's
  // The same label on an organisation is just an identifier.
  v1::Entity org = Parse("Identification Number 2.194.575 (Paraguay)", v1::ENTITY_KIND_ORGANIZATION);
  EXPECT_EQ(org.identifiers(0).kind(), v1::IDENTIFIER_KIND_OTHER);
}

TEST(OfacRemarksTest, CompanyAndVesselIdentifiers) {
  v1::Entity e = Parse(
      "Registration Number 26740 (Iran); C.R. No. 2162198 (Hong Kong); "
      "Unified Social Credit Code (USCC) 9113100033607322XK (China); ISIN CNE100000PM8; "
      "SWIFT/BIC HAVIGB2L; Legal Entity Number 253400V1H6ART1UQ0N98 (Russia); "
      "Vessel Registration Identification IMO 9187629; MMSI 572469210; "
      "Email Address MD@energyglobal.info; Website sb24.ir; "
      "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h; "
      "Aircraft Manufacturer's Serial Number (MSN) 1023409321; "
      "International Maritime Organization No. (5777731); Registration Number HRA 738077 (Stuttgart) (Germany)",
      v1::ENTITY_KIND_ORGANIZATION);
  ASSERT_EQ(e.identifiers_size(), 14);
  EXPECT_EQ(e.identifiers(0).kind(), v1::IDENTIFIER_KIND_REGISTRATION_NUMBER);
  EXPECT_EQ(e.identifiers(1).type(), "C.R. No.");
  EXPECT_EQ(e.identifiers(1).value(), "2162198");
  EXPECT_EQ(e.identifiers(1).country_code(), "HK");
  EXPECT_EQ(e.identifiers(2).kind(), v1::IDENTIFIER_KIND_UNIFIED_SOCIAL_CREDIT_CODE);
  EXPECT_EQ(e.identifiers(2).value(), "9113100033607322XK");
  EXPECT_EQ(e.identifiers(3).kind(), v1::IDENTIFIER_KIND_ISIN);
  EXPECT_EQ(e.identifiers(3).value(), "CNE100000PM8");
  EXPECT_EQ(e.identifiers(4).kind(), v1::IDENTIFIER_KIND_SWIFT_BIC);
  EXPECT_EQ(e.identifiers(5).kind(), v1::IDENTIFIER_KIND_LEI);
  EXPECT_EQ(e.identifiers(6).kind(), v1::IDENTIFIER_KIND_IMO);
  EXPECT_EQ(e.identifiers(6).value(), "9187629");
  EXPECT_EQ(e.identifiers(7).type(), "MMSI");
  EXPECT_EQ(e.identifiers(8).kind(), v1::IDENTIFIER_KIND_EMAIL);
  EXPECT_EQ(e.identifiers(9).kind(), v1::IDENTIFIER_KIND_WEBSITE);
  EXPECT_EQ(e.identifiers(10).kind(), v1::IDENTIFIER_KIND_DIGITAL_CURRENCY_ADDRESS);
  EXPECT_EQ(e.identifiers(10).type(), "Digital Currency Address - XBT");
  EXPECT_EQ(e.identifiers(10).value(), "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h");
  EXPECT_EQ(e.identifiers(11).kind(), v1::IDENTIFIER_KIND_AIRCRAFT_SERIAL);
  EXPECT_EQ(e.identifiers(12).kind(), v1::IDENTIFIER_KIND_IMO);
  EXPECT_EQ(e.identifiers(12).value(), "5777731");
  EXPECT_EQ(e.identifiers(13).value(), "HRA 738077 (Stuttgart)");
  EXPECT_EQ(e.identifiers(13).country_code(), "DE");
}

TEST(OfacRemarksTest, WeakAliasesAndLinks) {
  v1::Entity e = Parse(
      "a.k.a. 'BNC'; a.k.a. 'JIM'ALE, Ahmed'; f.k.a. 'ANA I'; Linked To: HIZBALLAH; "
      "Linked To: IMPORTADORA SILVANIA, C.A.",
      v1::ENTITY_KIND_ORGANIZATION);
  ASSERT_EQ(e.names_size(), 3);
  EXPECT_EQ(e.names(0).full(), "BNC");
  EXPECT_EQ(e.names(0).kind(), v1::NAME_KIND_WEAK_ALIAS);
  EXPECT_EQ(e.names(0).publisher_type(), "a.k.a.");
  EXPECT_EQ(e.names(0).script(), "Latn");
  EXPECT_EQ(e.names(1).full(), "JIM'ALE, Ahmed");
  EXPECT_EQ(e.names(2).full(), "ANA I");
  EXPECT_EQ(e.names(2).publisher_type(), "f.k.a.");
  EXPECT_THAT(e.linked_to(), ElementsAre("HIZBALLAH", "IMPORTADORA SILVANIA, C.A."));
}

// Parses `remarks` into an organisation listed on `source_list` under
// `programs`, as the consolidated reader sets it up.
v1::Entity ParseListed(absl::string_view remarks, absl::string_view source_list,
                       std::initializer_list<const char*> programs) {
  v1::Entity e;
  e.set_kind(v1::ENTITY_KIND_ORGANIZATION);
  v1::Listing* l = e.add_listings();
  l->set_source_list(std::string(source_list));
  for (const char* p : programs) l->add_programs(p);
  ParseOfacRemarks(remarks, OfacRemarksMode::kAllFacts, &e);
  return e;
}

// SENSETIME GROUP LIMITED, cons_prim.csv ent_num 33114.
constexpr absl::string_view kSenseTime =
    "Effective Date (CMIC) 08 Feb 2022; Purchase/Sales For Divestment Date (CMIC) 10 Dec 2022; "
    "Listing Date (CMIC) 10 Dec 2021; C.R. No. 2162198 (Hong Kong).";

TEST(OfacRemarksTest, ListingDatesAndNotes) {
  v1::Entity e = ParseListed(kSenseTime, "NS-CMIC", {"CMIC-EO13959"});
  const v1::Listing& l = e.listings(0);
  EXPECT_EQ(FormatPartialDate(l.start_date()), "2021-12-10");
  EXPECT_EQ(l.start_date().text(), "10 Dec 2021");
  EXPECT_FALSE(l.has_end_date());  // the divestment date is no delisting
  // Every dated fact stays as a raw field, and the identifier is kept.
  ASSERT_EQ(e.raw_size(), 3);
  EXPECT_EQ(e.raw(0).name(), "Effective Date (CMIC)");
  EXPECT_EQ(e.raw(0).value(), "08 Feb 2022");
  EXPECT_EQ(e.raw(1).name(), "Purchase/Sales For Divestment Date (CMIC)");
  EXPECT_EQ(e.raw(1).value(), "10 Dec 2022");
  EXPECT_EQ(e.raw(2).name(), "Listing Date (CMIC)");
  EXPECT_EQ(e.raw(2).value(), "10 Dec 2021");
  ASSERT_EQ(e.identifiers_size(), 1);
  EXPECT_EQ(e.identifiers(0).type(), "C.R. No.");
  EXPECT_EQ(e.identifiers(0).value(), "2162198");

  v1::Entity d = ParseListed(
      "Listing Date (EO 14024 Directive 2): 24 Feb 2022; Secondary sanctions risk: section 1(b) of "
      "Executive Order 13224, as amended by Executive Order 13886; Additional Sanctions "
      "Information - Subject to Secondary Sanctions",
      "NS-MBS", {"RUSSIA-EO14024"});
  EXPECT_EQ(FormatPartialDate(d.listings(0).start_date()), "2022-02-24");
  EXPECT_EQ(d.listings(0).remarks(),
            "Secondary sanctions risk: section 1(b) of Executive Order 13224, as amended by "
            "Executive Order 13886; Additional Sanctions Information - Subject to Secondary "
            "Sanctions");
}

TEST(OfacRemarksTest, ListingDateOnlyDatesAListingItCovers) {
  // The same CMIC remarks on the SDN list: a sub-list date is no SDN
  // designation date.
  v1::Entity sdn = ParseListed(kSenseTime, "SDN", {"CMIC-EO13959"});
  EXPECT_FALSE(sdn.listings(0).has_start_date());
  EXPECT_EQ(sdn.raw_size(), 3);
  // SBERBANK (cons_prim.csv 17018): on the SSI list under UKRAINE-EO13662
  // since 2014; the EO 14024 directive date of 2022 does not date that.
  v1::Entity sber = ParseListed(
      "SWIFT/BIC SABRRUMM; Listing Date (EO 14024 Directive 2): 24 Feb 2022; Effective Date (EO "
      "14024 Directive 2): 26 Mar 2022",
      "SSI", {"UKRAINE-EO13662", "RUSSIA-EO14024"});
  EXPECT_FALSE(sber.listings(0).has_start_date());
  ASSERT_EQ(sber.raw_size(), 2);
  EXPECT_EQ(sber.raw(0).name(), "Listing Date (EO 14024 Directive 2)");
  EXPECT_EQ(sber.raw(0).value(), "24 Feb 2022");
  ASSERT_EQ(sber.identifiers_size(), 1);
  // Several directive dates: the earliest wins, whatever the order.
  v1::Entity two = ParseListed(
      "Listing Date (EO 14024 Directive 3): 24 Feb 2022; Listing Date (EO 14024 Directive 1a): 22 "
      "Feb 2022; Listing Date (EO 14024 Directive 2): 24 Feb 2022",
      "NS-MBS", {"RUSSIA-EO14024"});
  EXPECT_EQ(FormatPartialDate(two.listings(0).start_date()), "2022-02-22");
  // A listing of another programme is not dated by a CMIC date.
  v1::Entity other = ParseListed(kSenseTime, "NS-PLC", {"NS-PLC"});
  EXPECT_FALSE(other.listings(0).has_start_date());
}

TEST(OfacRemarksTest, ApplyOfacListingDate) {
  v1::Listing l;
  l.set_source_list("Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department");
  l.add_programs("CMIC-EO13959");
  // The CSL's id type and day-first date, or an ISO date.
  EXPECT_FALSE(ApplyOfacListingDate("Effective Date (CMIC)", "08 Feb 2022", &l));
  EXPECT_FALSE(ApplyOfacListingDate("Listing Date (CMIC)", "circa 2021", &l));
  EXPECT_FALSE(ApplyOfacListingDate("Listing Date (CMIC)", "Dec 2021", &l));
  EXPECT_FALSE(ApplyOfacListingDate("Listing Date (CMIC)", "", &l));
  EXPECT_FALSE(ApplyOfacListingDate("Listing Date", "10 Dec 2021", &l));
  EXPECT_FALSE(l.has_start_date());
  EXPECT_TRUE(ApplyOfacListingDate("Listing Date (CMIC)", "10 Dec 2021", &l));
  EXPECT_EQ(FormatPartialDate(l.start_date()), "2021-12-10");
  EXPECT_FALSE(ApplyOfacListingDate("Listing Date (CMIC):", "2022-01-01", &l));  // later
  EXPECT_TRUE(ApplyOfacListingDate("Listing Date (CMIC):", "2021-06-03", &l));   // earlier
  EXPECT_EQ(FormatPartialDate(l.start_date()), "2021-06-03");
  // A listing without programs cannot be checked: left undated.
  v1::Listing bare;
  bare.set_source_list("NS-CMIC");
  EXPECT_FALSE(ApplyOfacListingDate("Listing Date (CMIC)", "10 Dec 2021", &bare));
  // The CSL's SDN source.
  v1::Listing csl_sdn;
  csl_sdn.set_source_list("Specially Designated Nationals (SDN) - Treasury Department");
  csl_sdn.add_programs("RUSSIA-EO14024");
  EXPECT_FALSE(ApplyOfacListingDate("Listing Date (EO 14024 Directive 2)", "24 Feb 2022", &csl_sdn));
}

// The CSL carries the same OFAC facts as ids ("10 Dec 2021, Listing Date
// (CMIC)"), which its reader parses into identifiers of type "Listing Date
// (CMIC)" and, through ApplyOfacListingDate, into the listing's start date.
TEST(OfacRemarksTest, ListingDateFromCslIdentifiers) {
  auto csl = ReadList(absl::StrCat(PARTYSCREEN_SOURCE_DIR, "/data/lists/us_csl/consolidated.csv"), {});
  ASSERT_TRUE(csl.ok()) << csl.status();
  const v1::Entity* st = nullptr;
  int dated_cmic = 0, cmic = 0;
  for (const auto& e : csl->entities()) {
    if (e.entity_id() == "33114") st = &e;
    for (const auto& l : e.listings()) {
      if (!absl::StrContains(l.source_list(), "(CMIC)")) continue;
      ++cmic;
      dated_cmic += l.has_start_date() && l.start_date().year() > 0;
    }
  }
  ASSERT_NE(st, nullptr);
  ASSERT_EQ(st->listings_size(), 1);
  const v1::Listing& listing = st->listings(0);
  EXPECT_THAT(listing.source_list(), ::testing::HasSubstr("(CMIC)"));
  EXPECT_EQ(FormatPartialDate(listing.start_date()), "2021-12-10");
  bool kept = false;
  for (const auto& id : st->identifiers()) kept |= absl::StrContains(id.type(), "Listing Date");
  EXPECT_TRUE(kept);  // the raw fact stays an identifier too
  // Applying the same date again changes nothing (the earliest date wins).
  v1::Listing again = listing;
  EXPECT_FALSE(ApplyOfacListingDate("Listing Date (CMIC)", "10 Dec 2021", &again));
  EXPECT_GT(cmic, 50);
  EXPECT_EQ(dated_cmic, cmic) << "every CMIC listing of the CSL carries its listing date";
}

TEST(OfacRemarksTest, UnrecognisedFactsAreLeftAlone) {
  v1::Entity e = Parse("Member of the State Duma of the Federal Assembly; ICTY indictee; DOB sometime");
  EXPECT_EQ(e.dates_of_birth_size(), 0);
  EXPECT_EQ(e.identifiers_size(), 0);
  EXPECT_EQ(e.names_size(), 0);
  EXPECT_EQ(e.raw_size(), 0);
  EXPECT_FALSE(ParseOfacFact("ICTY indictee", OfacRemarksMode::kAllFacts, &e));
  EXPECT_TRUE(ParseOfacFact("Gender Male", OfacRemarksMode::kAllFacts, &e));
}

TEST(OfacRemarksTest, XmlModeTakesOnlyTheRemainder) {
  v1::Entity e;
  v1::Listing* l = e.add_listings();
  l->set_source_list("NS-CMIC");
  l->add_programs("CMIC-EO13959");
  ParseOfacRemarks("DOB 1960; Passport 1 (Iran); Linked To: X; Listing Date (CMIC) 10 Dec 2021",
                   OfacRemarksMode::kXmlRemainder, &e);
  EXPECT_EQ(e.dates_of_birth_size(), 0);
  EXPECT_EQ(e.identifiers_size(), 0);
  EXPECT_THAT(e.linked_to(), ElementsAre("X"));
  EXPECT_EQ(e.listings(0).start_date().year(), 2021);
}

TEST(OfacRemarksTest, IdentifierKindOfXmlLabels) {
  v1::IdentifierKind kind;
  ASSERT_TRUE(OfacIdentifierKind("Passport", false, &kind));
  EXPECT_EQ(kind, v1::IDENTIFIER_KIND_PASSPORT);
  ASSERT_TRUE(OfacIdentifierKind("SWIFT/BIC", false, &kind));
  EXPECT_EQ(kind, v1::IDENTIFIER_KIND_SWIFT_BIC);
  ASSERT_TRUE(OfacIdentifierKind("Identification Number", true, &kind));
  EXPECT_EQ(kind, v1::IDENTIFIER_KIND_NATIONAL_ID);
  EXPECT_FALSE(OfacIdentifierKind("Executive Order 13662 Directive Determination -", false, &kind));
}

TEST(OfacRemarksTest, ConsSubLists) {
  EXPECT_EQ(OfacConsSubList({"CMIC-EO13959"}), "NS-CMIC");
  EXPECT_EQ(OfacConsSubList({"UKRAINE-EO13662", "RUSSIA-EO14024"}), "SSI");
  EXPECT_EQ(OfacConsSubList({"SDGT", "NS-PLC"}), "NS-PLC");
  EXPECT_EQ(OfacConsSubList({"RUSSIA-EO14024"}), "NS-MBS");
  EXPECT_EQ(OfacConsSubList({"561List"}), "561");
  EXPECT_EQ(OfacConsSubList({"FSE-IR"}), "FSE");
  EXPECT_EQ(OfacConsSubList({}), "Non-SDN");
}

}  // namespace
}  // namespace partyscreen::internal
