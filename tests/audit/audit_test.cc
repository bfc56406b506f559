// Tests of partyscreen/audit.h: dates, diffs (on real dated SDN and DPL
// versions), history, point in time, decisions, run records, rescreen.
#include "partyscreen/audit.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/audit/rescreen.h"
#include "lib/util/file.h"
#include "partyscreen/screener.h"
#include "partyscreen/sources.h"

namespace partyscreen {
namespace {

using ::testing::HasSubstr;

const std::string kData = std::string(PARTYSCREEN_SHARED_DIR) + "/data";

std::string SdnPath(const std::string& date) {
  return absl::StrCat(kData, "/ofac_sdn_csv/jackdwyer_daily/sdn_", date, ".csv");
}

v1::EntityList ReadOrDie(const std::string& path, ListFormat format, const std::string& date = "") {
  ReadOptions o;
  o.format = format;
  o.publication_date = date;
  auto l = ReadList(path, o);
  EXPECT_TRUE(l.ok()) << l.status();
  return l.ok() ? *std::move(l) : v1::EntityList();
}

std::string TempDir(const std::string& name) {
  std::string d = absl::StrCat(::testing::TempDir(), "/audit_", name, "_", ::getpid());
  std::system(absl::StrCat("rm -rf '", d, "'").c_str());
  return d;
}

const EntityChange* FindChange(const ListDiff& d, const std::string& id) {
  for (const auto& c : d.changes) {
    if (c.entity_id == id) return &c;
  }
  return nullptr;
}

TEST(ParseDayTest, AcceptsIsoDaysAndRejectsOthers) {
  auto d = ParseDay("2019-10-09");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(FormatDay(*d), "2019-10-09");
  EXPECT_EQ(ParseDay("2019-02-30").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseDay("10/09/2019").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseDay("2019-1-09").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseDay("").status().code(), absl::StatusCode::kInvalidArgument);
}

// Counts verified independently with Python's csv module on the raw
// sdn.csv rows, matched by ent_num (changed = any column differs):
//   2022-02-24 -> 2022-03-15: added 254, removed 0, changed 23
//   2024-05-02 -> 2024-05-03: added 0, removed 8, changed 0
TEST(DiffListsTest, RealSdnVersionsExactCounts) {
  auto a = ReadOrDie(SdnPath("2024-05-02"), ListFormat::kOfacCsv, "2024-05-02");
  auto b = ReadOrDie(SdnPath("2024-05-03"), ListFormat::kOfacCsv, "2024-05-03");
  auto d = DiffLists(a, b);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->added, 0);
  EXPECT_EQ(d->removed, 8);
  EXPECT_EQ(d->changed, 0);
  EXPECT_EQ(d->unchanged, 14965);
  // By hand: the 8 removals are 38556..38566 (EMPEROR AVIATION LTD and its aircraft).
  const EntityChange* c = FindChange(*d, "38556");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->type, ChangeType::kRemoved);
  EXPECT_EQ(c->name, "EMPEROR AVIATION LTD");
  EXPECT_NE(FindChange(*d, "38566"), nullptr);
  EXPECT_EQ(FindChange(*d, "38561"), nullptr);

  auto e = ReadOrDie(SdnPath("2022-02-24"), ListFormat::kOfacCsv);
  auto f = ReadOrDie(SdnPath("2022-03-15"), ListFormat::kOfacCsv);
  auto d2 = DiffLists(e, f);
  ASSERT_TRUE(d2.ok()) << d2.status();
  EXPECT_EQ(d2->added, 254);
  EXPECT_EQ(d2->removed, 0);
  EXPECT_EQ(d2->changed, 23);
  // By hand: Lukashenka (9760) changed name spelling, title, DOB, remarks.
  const EntityChange* luk = FindChange(*d2, "9760");
  ASSERT_NE(luk, nullptr);
  EXPECT_EQ(luk->type, ChangeType::kChanged);
  std::vector<std::string> fields;
  for (const auto& fc : luk->fields) fields.push_back(fc.field);
  EXPECT_THAT(fields, ::testing::IsSupersetOf({"name", "title", "dates_of_birth", "remarks"}));
  // VTB Bank (17013) was added.
  const EntityChange* vtb = FindChange(*d2, "17013");
  ASSERT_NE(vtb, nullptr);
  EXPECT_EQ(vtb->type, ChangeType::kAdded);
  EXPECT_THAT(vtb->name, HasSubstr("VTB BANK"));
  // The JSON form names the change and fields.
  EXPECT_THAT(EntityChangeToJson(d2->list_id, *luk), HasSubstr("\"change\": \"changed\""));
  EXPECT_THAT(ListDiffToText(*d2), HasSubstr("added 254, removed 0, changed 23"));
}

TEST(DiffListsTest, DifferentListsAreAnError) {
  v1::EntityList a, b;
  a.mutable_source()->set_list_id("us_csl");
  b.mutable_source()->set_list_id("un_sc");
  EXPECT_EQ(DiffLists(a, b).status().code(), absl::StatusCode::kInvalidArgument);
}

v1::Entity Fictional() {
  v1::Entity e;
  e.set_list_id("custom");
  e.set_entity_id("7");
  e.set_kind(v1::ENTITY_KIND_ORGANIZATION);
  auto* n = e.add_names();
  n->set_full("ACME GLOBAL TRADING LLC");
  n->set_kind(v1::NAME_KIND_PRIMARY);
  auto* l = e.add_listings();
  l->set_source_list("Entity List (EL) - Bureau of Industry and Security");
  l->add_programs("EAR");
  l->mutable_start_date()->set_year(2019);
  l->mutable_start_date()->set_month(10);
  l->mutable_start_date()->set_day(9);
  l->set_federal_register_notice("84 FR 54002; 85 FR 34505");
  return e;
}

TEST(DiffEntitiesTest, ReportsAddedAliasAndIgnoresSourceLine) {
  v1::Entity a = Fictional(), b = Fictional();
  b.set_source_line(999);
  EXPECT_TRUE(DiffEntities(a, b).empty());
  EXPECT_EQ(EntityFingerprint(a), EntityFingerprint(b));
  auto* alias = b.add_names();
  alias->set_full("ACME GT");
  alias->set_kind(v1::NAME_KIND_ALIAS);
  auto changes = DiffEntities(a, b);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].field, "aliases");
  EXPECT_THAT(changes[0].added, ::testing::ElementsAre("alias: ACME GT"));
  EXPECT_NE(EntityFingerprint(a), EntityFingerprint(b));
}

TEST(InForceTest, UsesStatedListingDates) {
  v1::Entity e = Fictional();
  auto before = InForce(e, absl::CivilDay(2019, 10, 8), nullptr);
  EXPECT_FALSE(before.in_force);
  EXPECT_EQ(before.status, ListingStatus::kNotYetListed);
  auto on = InForce(e, absl::CivilDay(2019, 10, 9), nullptr);
  EXPECT_TRUE(on.in_force);
  EXPECT_EQ(on.status, ListingStatus::kInForce);
  EXPECT_EQ(DescribeListing(on), "Entity List (EL), 84 FR 54002, in force from 2019-10-09");
  e.mutable_listings(0)->mutable_end_date()->set_year(2020);
  e.mutable_listings(0)->mutable_end_date()->set_month(1);
  e.mutable_listings(0)->mutable_end_date()->set_day(1);
  EXPECT_EQ(InForce(e, absl::CivilDay(2020, 6, 1), nullptr).status, ListingStatus::kNoLongerListed);
  e.mutable_listings(0)->clear_start_date();
  e.mutable_listings(0)->clear_end_date();
  auto undated = InForce(e, absl::CivilDay(2000, 1, 1), nullptr);
  EXPECT_TRUE(undated.in_force);  // fail closed
  EXPECT_EQ(undated.status, ListingStatus::kUndated);
}

TEST(HistoryTest, EmptyOrMissingHistoryIsAClearError) {
  std::string dir = TempDir("missing");
  EXPECT_EQ(History::Open(dir).status().code(), absl::StatusCode::kNotFound);
  auto created = History::OpenOrCreate(dir);
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(created->versions().empty());
  auto open = History::Open(dir);
  EXPECT_EQ(open.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(open.status().message(), HasSubstr("empty"));
}

// Three DPL versions and the SDN adjacent-day pair in one history: the
// spans bound each listing, and the real 0-byte file is refused without
// touching the history.
TEST(HistoryTest, DatedVersionsGiveListingIntervals) {
  std::string dir = TempDir("dated");
  auto h = History::OpenOrCreate(dir);
  ASSERT_TRUE(h.ok());
  for (const char* d : {"2024-05-02", "2024-05-03"}) {
    auto v = h->Add(ReadOrDie(SdnPath(d), ListFormat::kOfacCsv, d), d);
    ASSERT_TRUE(v.ok()) << v.status();
  }
  // The real 0-byte file of 2024-05-04: an error, and nothing stored.
  ReadOptions o;
  o.format = ListFormat::kOfacCsv;
  auto empty = ReadList(SdnPath("2024-05-04"), o);
  EXPECT_EQ(empty.status().code(), absl::StatusCode::kInvalidArgument);
  v1::EntityList nothing;
  nothing.mutable_source()->set_list_id("us_ofac_sdn");
  EXPECT_EQ(h->Add(nothing, "2024-05-04").status().code(), absl::StatusCode::kInvalidArgument);
  // Same content again: a no-op; other content on the same day: refused.
  EXPECT_TRUE(h->Add(ReadOrDie(SdnPath("2024-05-03"), ListFormat::kOfacCsv, "2024-05-03"), "2024-05-03").ok());
  EXPECT_EQ(h->Add(ReadOrDie(SdnPath("2024-05-02"), ListFormat::kOfacCsv, "2024-05-02"), "2024-05-03").status().code(),
            absl::StatusCode::kAlreadyExists);

  auto reopened = History::Open(dir);
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  ASSERT_EQ(reopened->versions().size(), 2u);
  EXPECT_EQ(reopened->versions()[0].entities, 14973);
  EXPECT_EQ(reopened->versions()[1].entities, 14965);
  auto spans = reopened->Spans();
  ASSERT_TRUE(spans.ok()) << spans.status();
  // Removed on 2024-05-03: in force on 05-02, not on 05-03.
  const auto* iv = spans->Find("us_ofac_sdn", "38556");
  ASSERT_NE(iv, nullptr);
  ASSERT_EQ(iv->size(), 1u);
  EXPECT_EQ((*iv)[0].from, absl::CivilDay(2024, 5, 2));
  ASSERT_TRUE((*iv)[0].until.has_value());
  EXPECT_EQ(*(*iv)[0].until, absl::CivilDay(2024, 5, 3));
  auto union_lists = reopened->UnionLists();
  ASSERT_TRUE(union_lists.ok());
  ASSERT_EQ(union_lists->size(), 1u);
  const v1::Entity* removed = nullptr;
  for (const auto& e : (*union_lists)[0].entities()) if (e.entity_id() == "38556") removed = &e;
  ASSERT_NE(removed, nullptr);
  EXPECT_TRUE(InForce(*removed, absl::CivilDay(2024, 5, 2), &*spans).in_force);
  EXPECT_EQ(InForce(*removed, absl::CivilDay(2024, 5, 3), &*spans).status, ListingStatus::kNoLongerListed);
  EXPECT_EQ(InForce(*removed, absl::CivilDay(2024, 1, 1), &*spans).status, ListingStatus::kNotYetListed);
  EXPECT_EQ((*union_lists)[0].entities_size(), 14973);

  // A modified version file is detected.
  std::string file = internal::JoinPath(dir, reopened->versions()[0].file);
  { std::ofstream(file, std::ios::app) << "x"; }
  EXPECT_EQ(reopened->Load(reopened->versions()[0]).status().code(), absl::StatusCode::kDataLoss);
  // A malformed catalogue line names the line.
  { std::ofstream(internal::JoinPath(dir, "catalogue.tsv"), std::ios::app) << "garbage\n"; }
  auto bad = History::Open(dir);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(bad.status().message(), HasSubstr("catalogue.tsv:4"));
}

// DPL versions (format dpl_tsv; the reader merges rows of one person, keyed
// by normalised name + effective date). Counts verified independently with
// Python's csv module: rows grouped by that key (lower-cased alphanumeric
// runs joined by one space, "|", effective date), a group changed when its
// multiset of raw rows differs: 460 -> 546 groups, added 184, removed 98,
// changed 11.
TEST(DiffListsTest, RealDplVersions) {
  auto a = ReadOrDie(kData + "/us_csl/dpl_2022-09.txt", ListFormat::kDplTsv, "2022-09-07");
  auto b = ReadOrDie(kData + "/us_csl/dpl_2023-11.txt", ListFormat::kDplTsv, "2023-11-30");
  auto d = DiffLists(a, b);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->old_entities, a.entities_size());
  EXPECT_EQ(d->added + d->changed + d->unchanged, b.entities_size());
  EXPECT_EQ(d->removed + d->changed + d->unchanged, a.entities_size());
  EXPECT_EQ(d->added, 184);
  EXPECT_EQ(d->removed, 98);
  EXPECT_EQ(d->changed, 11);
}

TEST(DecisionsTest, MalformedLineIsAnErrorWithFileAndLine) {
  std::string dir = TempDir("decisions");
  ASSERT_TRUE(History::OpenOrCreate(dir).ok());  // creates the directory
  std::string path = dir + "/decisions.jsonl";
  Decision d;
  d.counterparty = "V1";
  d.list_id = "custom";
  d.entity_id = "7";
  d.fingerprint = EntityFingerprint(Fictional());
  d.record = absl::Base64Escape(CanonicalEntityBytes(Fictional()));
  d.decision = "cleared";
  d.reviewer = "jdoe";
  d.date = "2024-05-01";
  d.reason = "other company";
  ASSERT_TRUE(AppendDecision(path, d).ok());
  auto ok = ReadDecisions(path);
  ASSERT_TRUE(ok.ok()) << ok.status();
  ASSERT_EQ(ok->size(), 1u);
  EXPECT_EQ((*ok)[0].reviewer, "jdoe");
  { std::ofstream(path, std::ios::app) << "{\"counterparty\": \"V2\", \"decision\": \"maybe\"\n"; }
  auto bad = ReadDecisions(path);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("decisions.jsonl:2:"));
  Decision wrong = d;
  wrong.decision = "maybe";
  EXPECT_EQ(AppendDecision(path, wrong).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadDecisions(dir + "/none.jsonl").status().code(), absl::StatusCode::kNotFound);
}

TEST(DecisionsTest, ClearedHitIsSuppressedOnlyWhileTheRecordIsUnchanged) {
  Decision d;
  d.counterparty = "V1";
  d.list_id = "custom";
  d.entity_id = "7";
  d.fingerprint = EntityFingerprint(Fictional());
  d.record = absl::Base64Escape(CanonicalEntityBytes(Fictional()));
  d.decision = "cleared";
  d.reviewer = "jdoe";
  d.date = "2024-05-01";
  DecisionBook book({d});
  v1::Entity same = Fictional();
  EXPECT_EQ(book.Check("V1", same).state, DecisionCheck::State::kSuppressed);
  EXPECT_EQ(book.Check("V2", same).state, DecisionCheck::State::kNone);
  v1::Entity changed = Fictional();
  auto* id = changed.add_identifiers();
  id->set_type("Registration Number");
  id->set_value("12345");
  auto c = book.Check("V1", changed);
  EXPECT_EQ(c.state, DecisionCheck::State::kStale);
  ASSERT_EQ(c.changes.size(), 1u);
  EXPECT_EQ(c.changes[0].field, "identifiers");
}

TEST(RunRecordTest, JsonIsDeterministicApartFromTime) {
  RunRecord r;
  r.command = "screen";
  r.library_version = "0.1.0";
  r.options = {{"min-score", "0.8"}};
  r.counts = {{"rows", 3}};
  r.time = "2024-01-01T00:00:00Z";
  std::string a = RunRecordToJson(r);
  EXPECT_THAT(a, HasSubstr("\"rows\": 3"));
  EXPECT_THAT(a, HasSubstr("\"min-score\": \"0.8\""));
  r.time = "2025-01-01T00:00:00Z";
  std::string b = RunRecordToJson(r);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.substr(0, a.find("\"time\"")), b.substr(0, b.find("\"time\"")));
}

std::shared_ptr<const Index> Build(v1::EntityList l) {
  IndexBuilder b;
  EXPECT_TRUE(b.AddList(std::move(l)).ok());
  auto i = std::move(b).Build();
  EXPECT_TRUE(i.ok()) << i.status();
  return *i;
}

// Rescreening against the changes equals comparing full screenings of
// both versions, on the real DPL versions, with queries made of listed
// names of both versions (added, removed, changed, unchanged) and
// unlisted company names.
TEST(RescreenTest, EqualsFullScreeningsCompared) {
  auto a = ReadOrDie(kData + "/us_csl/dpl_2019-06.txt", ListFormat::kDplTsv, "2019-06-29");
  auto b = ReadOrDie(kData + "/us_csl/dpl_2023-11.txt", ListFormat::kDplTsv, "2023-11-30");
  std::vector<Query> queries;
  for (const auto* l : {&a, &b}) {
    for (int i = 0; i < l->entities_size(); i += 3) {
      Query q;
      q.name = l->entities(i).names(0).full();
      queries.push_back(q);
    }
  }
  for (const char* n : {"Siemens AG", "Grainger Industrial Supply", "Oracle Corporation", "Acme Widgets Inc",
                        "John Smith", "Maria Garcia"}) {
    Query q;
    q.name = n;
    queries.push_back(q);
  }
  auto diff = DiffLists(a, b);
  ASSERT_TRUE(diff.ok());
  std::vector<ListDiff> diffs = {*diff};
  auto old_index = Build(a);
  auto new_index = Build(b);
  auto os = Screener::Create(old_index);
  auto ns = Screener::Create(new_index);
  ASSERT_TRUE(os.ok() && ns.ok());
  internal::RescreenOptions ro;
  ro.screen.explain = false;
  internal::RescreenStats stats;
  auto re = internal::Rescreen(queries, **os, **ns, diffs, ro, {}, &stats);
  ASSERT_TRUE(re.ok()) << re.status();
  auto full = internal::CompareFullScreenings(queries, **os, **ns, diffs, ro, {});
  ASSERT_TRUE(full.ok()) << full.status();
  int64_t findings = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    ASSERT_EQ((*re)[i].size(), (*full)[i].size()) << "query " << i;
    for (size_t k = 0; k < (*re)[i].size(); ++k) {
      EXPECT_EQ((*re)[i][k].entity_id, (*full)[i][k].entity_id);
      EXPECT_EQ((*re)[i][k].kind, (*full)[i][k].kind);
    }
    findings += static_cast<int64_t>((*full)[i].size());
  }
  EXPECT_GT(findings, 50);  // the comparison is not vacuous
  EXPECT_LT(stats.prefiltered_rows, stats.rows);
}

// Point in time on the real OFAC non-SDN list: SENSETIME GROUP LIMITED
// (cons_prim.csv ent_num 33114) states "Listing Date (CMIC) 10 Dec 2021" in
// its remarks. Screened through an index (as `screen --as-of` and `audit`
// do), a transaction before that day is a relationship to review ("listed
// later"), one on or after it a potential violation ("listed on the date").
TEST(InForceTest, OfacConsListingDateFromRemarks) {
  auto cons = ReadOrDie(kData + "/ofac_non_sdn_consolidated", ListFormat::kOfacCsv);
  auto screener = Screener::Create(Build(cons));
  ASSERT_TRUE(screener.ok()) << screener.status();
  Query q;
  q.name = "SenseTime Group Limited";
  auto r = (*screener)->Screen(q);
  ASSERT_TRUE(r.ok()) << r.status();
  const Hit* hit = nullptr;
  for (const auto& h : r->hits) {
    if (h.entity_id == "33114") hit = &h;
  }
  ASSERT_NE(hit, nullptr);
  ASSERT_NE(hit->entity, nullptr);

  auto before = InForce(*hit->entity, absl::CivilDay(2021, 12, 9), nullptr);
  EXPECT_FALSE(before.in_force);
  EXPECT_EQ(before.status, ListingStatus::kNotYetListed);
  EXPECT_EQ(before.basis, "listing dates");
  ASSERT_TRUE(before.from.has_value());
  EXPECT_EQ(FormatDay(*before.from), "2021-12-10");
  EXPECT_EQ(DescribeListing(before), "NS-CMIC, listed from 2021-12-10");

  for (absl::CivilDay day : {absl::CivilDay(2021, 12, 10), absl::CivilDay(2022, 6, 1)}) {
    auto on = InForce(*hit->entity, day, nullptr);
    EXPECT_TRUE(on.in_force);
    EXPECT_EQ(on.status, ListingStatus::kInForce);
    EXPECT_EQ(DescribeListing(on), "NS-CMIC, in force from 2021-12-10");
  }

  // SBERBANK (17018) is on the SSI list since 2014 and carries only an EO
  // 14024 directive date of 2022: it stays undated (kept, fail closed)
  // rather than being called "listed later" for a 2019 transaction.
  const v1::Entity* sber = nullptr;
  for (const auto& e : cons.entities()) {
    if (e.entity_id() == "17018") sber = &e;
  }
  ASSERT_NE(sber, nullptr);
  auto s2019 = InForce(*sber, absl::CivilDay(2019, 6, 1), nullptr);
  EXPECT_TRUE(s2019.in_force);
  EXPECT_EQ(s2019.status, ListingStatus::kUndated);
}

}  // namespace
}  // namespace partyscreen
