// Tests of the OFAC sdnList XML reader on the real samples in
// ../shared/data/format_samples and on small fictional documents.
#include <cstdlib>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/sources/readers.h"
#include "partyscreen/sources.h"

namespace partyscreen::internal {
namespace {

using ::testing::HasSubstr;

const std::string kSamples =
    std::string(PARTYSCREEN_SHARED_DIR) + "/data/format_samples/govwizely_webservices_fixtures";

ReadOptions Xml(bool lenient = false) {
  ReadOptions o;
  o.format = ListFormat::kOfacXml;
  o.lenient = lenient;
  return o;
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = absl::StrCat(::testing::TempDir(), "/", name);
  std::ofstream out(path, std::ios::binary);
  out << content;
  return path;
}

constexpr char kHead[] =
    "<?xml version=\"1.0\" standalone=\"yes\"?>\n"
    "<sdnList xmlns=\"http://tempuri.org/sdnList.xsd\">\n"
    "  <publshInformation><Publish_Date>01/02/2024</Publish_Date></publshInformation>\n";

TEST(OfacXmlReaderTest, SdnSample) {
  auto list = ReadList(kSamples + "/sdn/sdn.xml");  // detected
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->entities_size(), 4);
  EXPECT_EQ(list->source().list_id(), "us_ofac_sdn");
  EXPECT_EQ(list->source().format(), "ofac_xml");
  EXPECT_EQ(list->source().publication_date(), "2014-07-16");
  EXPECT_EQ(list->source().publication_date_origin(), "file");
  EXPECT_EQ(list->source().records(), 4);

  const v1::Entity& bnc = list->entities(0);
  EXPECT_EQ(bnc.entity_id(), "306");
  EXPECT_EQ(bnc.kind(), v1::ENTITY_KIND_ORGANIZATION);
  EXPECT_EQ(bnc.source_file(), "sdn.xml");
  EXPECT_EQ(bnc.source_line(), 7);
  ASSERT_EQ(bnc.names_size(), 3);
  EXPECT_EQ(bnc.names(0).full(), "BANCO NACIONAL DE CUBA");
  EXPECT_EQ(bnc.names(0).kind(), v1::NAME_KIND_PRIMARY);
  EXPECT_EQ(bnc.names(1).full(), "BNC");
  EXPECT_EQ(bnc.names(1).kind(), v1::NAME_KIND_WEAK_ALIAS);
  EXPECT_EQ(bnc.names(2).full(), "NATIONAL BANK OF CUBA");
  EXPECT_EQ(bnc.names(2).kind(), v1::NAME_KIND_ALIAS);
  ASSERT_EQ(bnc.addresses_size(), 4);
  EXPECT_EQ(bnc.addresses(0).full(), "Zweierstrasse 35, Zurich, CH-8022, Switzerland");
  EXPECT_EQ(bnc.addresses(0).postal_code(), "CH-8022");
  EXPECT_EQ(bnc.addresses(0).country_code(), "CH");
  EXPECT_EQ(bnc.addresses(3).lines(0), "Federico Boyd Avenue & 51 Street");
  EXPECT_EQ(bnc.listings(0).programs(0), "CUBA");
  EXPECT_EQ(bnc.listings(0).source_list(), "SDN");

  // 6982 JIM'ALE, Ahmed Nur Ali: every list of the schema, field by field.
  const v1::Entity& p = list->entities(1);
  EXPECT_EQ(p.entity_id(), "6982");
  EXPECT_EQ(p.kind(), v1::ENTITY_KIND_INDIVIDUAL);
  EXPECT_EQ(p.names(0).full(), "JIM'ALE, Ahmed Nur Ali");
  EXPECT_EQ(p.names(0).parts().family(), "JIM'ALE");
  EXPECT_EQ(p.names(0).parts().given(), "Ahmed Nur Ali");
  EXPECT_EQ(p.names_size(), 9);
  EXPECT_EQ(p.names(1).full(), "JUMALI, Ahmed Ali");
  EXPECT_EQ(p.remarks(), "Additional Djiboutian passport issued in 2010.");
  EXPECT_EQ(p.listings(0).programs(0), "SDGT");
  ASSERT_EQ(p.identifiers_size(), 1);
  EXPECT_EQ(p.identifiers(0).kind(), v1::IDENTIFIER_KIND_PASSPORT);
  EXPECT_EQ(p.identifiers(0).value(), "A0181988");
  EXPECT_EQ(p.identifiers(0).country(), "Somalia");
  EXPECT_EQ(p.identifiers(0).country_code(), "SO");
  EXPECT_EQ(p.identifiers(0).remarks(), "issued 01 Oct 2001 expires 23 Jan 2011");
  ASSERT_EQ(p.addresses_size(), 3);
  EXPECT_EQ(p.addresses(0).full(), "P.O. Box 3312, Dubai, United Arab Emirates");
  ASSERT_EQ(p.nationalities_size(), 1);
  EXPECT_EQ(p.nationalities(0), "Somalia");
  ASSERT_EQ(p.citizenships_size(), 2);
  EXPECT_EQ(p.citizenships(1), "Djibouti");
  EXPECT_THAT(p.countries(), ::testing::ElementsAre("AE", "SO", "DJ"));
  ASSERT_EQ(p.dates_of_birth_size(), 2);
  EXPECT_EQ(p.dates_of_birth(0).year(), 1954);
  EXPECT_EQ(p.dates_of_birth(0).month(), 5);
  EXPECT_EQ(p.dates_of_birth(0).day(), 20);
  EXPECT_TRUE(p.dates_of_birth(1).approximate());
  ASSERT_EQ(p.places_of_birth_size(), 1);
  EXPECT_EQ(p.places_of_birth(0), "Eilbur, Somalia");

  const v1::Entity& ship = list->entities(2);
  EXPECT_EQ(ship.entity_id(), "11043");
  EXPECT_EQ(ship.kind(), v1::ENTITY_KIND_VESSEL);
  EXPECT_EQ(ship.vessel().vessel_type(), "General Cargo");
  EXPECT_EQ(ship.vessel().flag(), "Iran");
  EXPECT_EQ(ship.vessel().owner(), "IRISL");
  bool imo = false;
  for (const auto& id : ship.identifiers()) {
    if (id.kind() == v1::IDENTIFIER_KIND_IMO) imo = id.value() == "9051648";
  }
  EXPECT_TRUE(imo);
}

TEST(OfacXmlReaderTest, ConsolidatedSample) {
  auto list = ReadList(kSamples + "/treasury_consolidated/consolidated.xml", Xml());
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->entities_size(), 16);
  EXPECT_EQ(list->source().list_id(), "us_ofac_cons");
  EXPECT_EQ(list->source().publication_date(), "2014-12-17");
  const v1::Entity& vtb = list->entities(0);
  EXPECT_EQ(vtb.entity_id(), "17013");
  EXPECT_EQ(vtb.names(0).full(), "VTB BANK OAO");
  EXPECT_EQ(vtb.listings(0).source_list(), "SSI");
  // "Executive Order 13662 Directive Determination -" is a sanctions note, not an id.
  EXPECT_THAT(vtb.listings(0).remarks(), HasSubstr("Executive Order 13662 Directive Determination"));
  for (const auto& id : vtb.identifiers()) EXPECT_THAT(id.type(), ::testing::Not(HasSubstr("Executive Order")));
  int individuals = 0, plc = 0;
  for (const auto& e : list->entities()) {
    individuals += e.kind() == v1::ENTITY_KIND_INDIVIDUAL;  // from <nspType>
    plc += e.listings(0).source_list() == "NS-PLC";
  }
  EXPECT_EQ(plc, 6);
  EXPECT_GE(individuals, 6);
}

TEST(OfacXmlReaderTest, MalformedXmlNamesLineAndOffset) {
  std::string path = WriteTemp("broken_sdn.xml", absl::StrCat(kHead,
      "  <sdnEntry><uid>1</uid><lastName>X</lastName>\n"
      "  </sdnEntr>\n</sdnList>\n"));
  auto list = ReadList(path, Xml());
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(list.status().message(), HasSubstr("broken_sdn.xml:5: XML: "));
  EXPECT_THAT(list.status().message(), HasSubstr("at byte "));
  // Truncated document.
  std::string cut = WriteTemp("cut_sdn.xml", absl::StrCat(kHead, "  <sdnEntry><uid>1</uid><lastNa"));
  EXPECT_EQ(ReadList(cut, Xml()).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(OfacXmlReaderTest, DoctypeEntitiesAreNeverExpanded) {
  std::string path = WriteTemp("xxe_sdn.xml",
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE sdnList [\n"
      "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
      "  <!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
      "]>\n"
      "<sdnList><sdnEntry><uid>1</uid><lastName>A &xxe; B &lol2;</lastName></sdnEntry></sdnList>\n");
  auto list = ReadList(path, Xml());
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->entities_size(), 1);
  // The references stay as literal text: nothing was read or expanded.
  EXPECT_EQ(list->entities(0).names(0).full(), "A &xxe; B &lol2;");
}

TEST(OfacXmlReaderTest, WrongRootAndBadEntries) {
  std::string other = WriteTemp("other.xml", "<?xml version=\"1.0\"?><CONSOLIDATED_LIST/>");
  auto wrong = ReadList(other, Xml());
  EXPECT_EQ(wrong.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(wrong.status().message(), HasSubstr("sdnList"));

  std::string path = WriteTemp("bad_entries_sdn.xml", absl::StrCat(kHead,
      "  <sdnEntry><uid>1</uid><lastName>GOOD</lastName><sdnType>Entity</sdnType></sdnEntry>\n"
      "  <sdnEntry><uid>x</uid><lastName>BAD UID</lastName></sdnEntry>\n"
      "  <sdnEntry><uid>3</uid><lastName>BAD TYPE</lastName><sdnType>Ship</sdnType></sdnEntry>\n"
      "</sdnList>\n"));
  auto strict = ReadList(path, Xml());
  EXPECT_EQ(strict.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(strict.status().message(), HasSubstr("bad_entries_sdn.xml:5: uid: "));
  auto lenient = ReadList(path, Xml(true));
  ASSERT_TRUE(lenient.ok()) << lenient.status();
  EXPECT_EQ(lenient->entities_size(), 1);
  EXPECT_EQ(lenient->source().skipped_rows(), 2);
  EXPECT_EQ(lenient->source().issues(1).field(), "sdnType");
  EXPECT_EQ(lenient->source().publication_date(), "2024-01-02");

  std::string empty = WriteTemp("empty_sdn.xml", absl::StrCat(kHead, "</sdnList>\n"));
  EXPECT_EQ(ReadList(empty, Xml()).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace partyscreen::internal
