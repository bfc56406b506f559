// Tests of the OpenSanctions FollowTheMoney JSON-lines reader. The real
// samples are CC BY-NC and are read from ../shared only (never copied into
// the repository); error cases use small fictional files written at run time.
#include <cstdio>
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

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Shared(absl::string_view rel) {
  return absl::StrCat(PARTYSCREEN_SHARED_DIR, "/data/opensanctions_ftm/", rel);
}

std::string WriteTemp(absl::string_view name, absl::string_view content) {
  std::string path = absl::StrCat(::testing::TempDir(), "/", name);
  FILE* f = fopen(path.c_str(), "wb");
  fwrite(content.data(), 1, content.size(), f);
  fclose(f);
  return path;
}

const v1::Entity* Find(const v1::EntityList& list, absl::string_view id) {
  for (const auto& e : list.entities()) {
    if (e.entity_id() == id) return &e;
  }
  return nullptr;
}

std::map<std::string, int> IssuesByField(const v1::EntityList& list) {
  std::map<std::string, int> out;
  for (const auto& i : list.source().issues()) ++out[i.field()];
  return out;
}

TEST(FtmJsonReaderTest, ZalaSampleCounts) {
  auto list = ReadFtmJson(Shared("yente_zala/entities.ftm.json"), {});
  ASSERT_TRUE(list.ok()) << list.status();
  // 91 lines: 6 Person + 11 Company become entities; 41 Sanction become
  // listings; 11 Address are attached; 14 Ownership, 4 Family,
  // 3 Directorship and 1 Passport (holder only, no number) are noted.
  EXPECT_EQ(list->source().records(), 91);
  ASSERT_EQ(list->entities_size(), 17);
  std::map<v1::EntityKind, int> kinds;
  std::map<v1::NameKind, int> names;
  int listings = 0, addresses = 0;
  for (const auto& e : list->entities()) {
    ++kinds[e.kind()];
    listings += e.listings_size();
    for (const auto& n : e.names()) ++names[n.kind()];
    for (const auto& a : e.addresses()) addresses += !a.city().empty() || !a.lines().empty();
  }
  EXPECT_EQ(kinds[v1::ENTITY_KIND_INDIVIDUAL], 6);
  EXPECT_EQ(kinds[v1::ENTITY_KIND_ORGANIZATION], 11);
  EXPECT_EQ(listings, 41);
  EXPECT_EQ(names[v1::NAME_KIND_PRIMARY], 155);
  EXPECT_EQ(names[v1::NAME_KIND_ALIAS], 117);
  EXPECT_EQ(names[v1::NAME_KIND_WEAK_ALIAS], 8);
  EXPECT_EQ(names[v1::NAME_KIND_FORMER], 2);
  auto issues = IssuesByField(*list);
  EXPECT_EQ(issues["schema"], 14 + 4 + 3 + 1);
  EXPECT_EQ(issues["addressEntity"], 16);  // references to addresses not in the sample
  EXPECT_EQ(list->source().skipped_rows(), 0);
  EXPECT_EQ(list->source().list_id(), "opensanctions");
  EXPECT_EQ(list->source().format(), "ftm_json");
}

TEST(FtmJsonReaderTest, ZakharovFieldByField) {
  auto list = ReadFtmJson(Shared("yente_zala/entities.ftm.json"), {});
  ASSERT_TRUE(list.ok()) << list.status();
  const v1::Entity* e = Find(*list, "NK-aU5ybkbRFJucf8YMwsJvDw");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind(), v1::ENTITY_KIND_INDIVIDUAL);
  ASSERT_EQ(e->names_size(), 18);  // 11 name + 7 alias
  EXPECT_EQ(e->names(0).full(), "Aleksandr Vyacheslavovich Zakharov");
  EXPECT_EQ(e->names(0).script(), "Latn");
  EXPECT_EQ(e->names(2).full(), "Александр Вячеславович Захаров");
  EXPECT_EQ(e->names(2).kind(), v1::NAME_KIND_PRIMARY);
  EXPECT_EQ(e->names(2).script(), "Cyrl");
  EXPECT_EQ(e->names(3).full(), "Захаров Олександр В'ячеславович");
  EXPECT_EQ(e->names(3).script(), "Cyrl");
  EXPECT_EQ(e->names(12).full(), "ЗАХАРОВ Александр Вячеславович");
  EXPECT_EQ(e->names(12).kind(), v1::NAME_KIND_ALIAS);
  EXPECT_EQ(e->names(12).script(), "Cyrl");
  int cyrillic = 0;
  for (const auto& n : e->names()) cyrillic += n.script() == "Cyrl";
  EXPECT_EQ(cyrillic, 5);
  ASSERT_EQ(e->dates_of_birth_size(), 1);
  EXPECT_EQ(e->dates_of_birth(0).year(), 1965);
  EXPECT_EQ(e->dates_of_birth(0).month(), 9);
  EXPECT_EQ(e->dates_of_birth(0).day(), 21);
  EXPECT_THAT(e->nationalities(), ElementsAre("ru"));
  EXPECT_THAT(e->countries(), ElementsAre("RU"));
  EXPECT_EQ(e->gender(), "male");
  bool inn = false;
  for (const auto& id : e->identifiers()) {
    inn |= id.type() == "innCode" && id.value() == "183111242406" &&
           id.kind() == v1::IDENTIFIER_KIND_TAX_ID;
  }
  EXPECT_TRUE(inn);
  EXPECT_EQ(e->listings_size(), 13);
  bool belgian = false;
  for (const auto& l : e->listings()) {
    if (l.source_list() == "Federal Public Service Finance") {
      belgian = true;
      EXPECT_THAT(l.programs(), ElementsAre("EU-UKR"));
      EXPECT_EQ(l.start_date().text(), "2025-02-24");
    }
  }
  EXPECT_TRUE(belgian);
  std::vector<std::string> full;
  for (const auto& a : e->addresses()) full.push_back(a.full());
  EXPECT_THAT(full, Contains("272 Pushkinskaya Street, Apt 41, Izhevsk, 426008"));
}

TEST(FtmJsonReaderTest, T1SampleCounts) {
  auto list = ReadFtmJson(Shared("yente_t1/entities.ftm.json"), {});
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ(list->source().records(), 7);
  ASSERT_EQ(list->entities_size(), 6);
  std::map<v1::EntityKind, int> kinds;
  for (const auto& e : list->entities()) ++kinds[e.kind()];
  EXPECT_EQ(kinds[v1::ENTITY_KIND_INDIVIDUAL], 4);
  EXPECT_EQ(kinds[v1::ENTITY_KIND_ORGANIZATION], 2);
  auto issues = IssuesByField(*list);
  EXPECT_EQ(issues["schema"], 1);  // the Address no entity references
  EXPECT_EQ(issues["addressEntity"], 2);
  const v1::Entity* org = Find(*list, "NK-2GdmHtZTeNXjNVrBGEXZNj");
  ASSERT_NE(org, nullptr);
  std::map<std::string, int> scripts;
  for (const auto& n : org->names()) ++scripts[n.script()];
  EXPECT_EQ(scripts["Cyrl"], 3);
  EXPECT_EQ(scripts["Grek"], 1);
  ASSERT_EQ(org->identifiers_size(), 1);
  EXPECT_EQ(org->identifiers(0).value(), "808000714");
  EXPECT_EQ(org->identifiers(0).kind(), v1::IDENTIFIER_KIND_REGISTRATION_NUMBER);
}

constexpr char kGood[] =
    R"({"id":"p1","schema":"Person","properties":{"name":["Ivan Examplov"],"passportNumber":["X1"]}})"
    "\n";

TEST(FtmJsonReaderTest, MalformedLineNamesFileAndLine) {
  std::string path = WriteTemp("ftm_bad.json", absl::StrCat(kGood, "{\"id\": \"p2\", \"schema\": \n"));
  auto list = ReadFtmJson(path, {});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(list.status().message(), HasSubstr("ftm_bad.json:2: json: malformed JSON"));
  ReadOptions lenient;
  lenient.lenient = true;
  auto skipped = ReadFtmJson(path, lenient);
  ASSERT_TRUE(skipped.ok()) << skipped.status();
  EXPECT_EQ(skipped->entities_size(), 1);
  EXPECT_EQ(skipped->source().skipped_rows(), 1);
}

TEST(FtmJsonReaderTest, TruncatedLastLineIsAnError) {
  std::string path = WriteTemp("ftm_trunc.json", absl::StrCat(kGood, R"({"id":"p2","schema":"Per)"));
  auto list = ReadFtmJson(path, {});
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(list.status().message(), HasSubstr("ftm_trunc.json:2:"));
}

TEST(FtmJsonReaderTest, MissingSchemaAndDuplicateId) {
  auto no_schema = ReadFtmJson(
      WriteTemp("ftm_noschema.json", R"({"id":"p1","properties":{"name":["A"]}})"), {});
  EXPECT_EQ(no_schema.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(no_schema.status().message(), HasSubstr("ftm_noschema.json:1: schema:"));
  auto dup = ReadFtmJson(WriteTemp("ftm_dup.json", absl::StrCat(kGood, "\n", kGood)), {});
  EXPECT_EQ(dup.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(dup.status().message(), HasSubstr("ftm_dup.json:3: id: duplicate id 'p1'"));
}

TEST(FtmJsonReaderTest, IdentificationAndSanctionAreAttached) {
  std::string path = WriteTemp(
      "ftm_links.json",
      absl::StrCat(
          kGood,
          R"({"id":"s1","schema":"Sanction","properties":{"entity":["p1"],"programId":["TEST-1"],"authority":["Test Office"],"startDate":["2020-02-03"]}})"
          "\n"
          R"({"id":"i1","schema":"Passport","properties":{"holder":["p1"],"number":["P777"],"country":["de"]}})"
          "\n"
          R"({"id":"s2","schema":"Sanction","properties":{"entity":["nobody"]}})"
          "\n"));
  auto list = ReadFtmJson(path, {});
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->entities_size(), 1);
  const v1::Entity& e = list->entities(0);
  ASSERT_EQ(e.listings_size(), 1);
  EXPECT_THAT(e.listings(0).programs(), ElementsAre("TEST-1"));
  EXPECT_EQ(e.listings(0).start_date().month(), 2);
  ASSERT_EQ(e.identifiers_size(), 2);
  EXPECT_EQ(e.identifiers(1).value(), "P777");
  EXPECT_EQ(e.identifiers(1).kind(), v1::IDENTIFIER_KIND_PASSPORT);
  EXPECT_EQ(e.identifiers(1).country_code(), "DE");
  ASSERT_EQ(list->source().issues_size(), 1);
  EXPECT_EQ(list->source().issues(0).line(), 4);
}

TEST(FtmJsonReaderTest, EmptyAndThinglessFilesAreInvalid) {
  EXPECT_EQ(ReadFtmJson(WriteTemp("ftm_empty.json", ""), {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  auto only_addr = ReadFtmJson(
      WriteTemp("ftm_addr.json", R"({"id":"a1","schema":"Address","properties":{"full":["x"]}})"),
      {});
  EXPECT_EQ(only_addr.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace partyscreen::internal
