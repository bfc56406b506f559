// Index::Save / Index::Load: a loaded snapshot (format 2: entities kept
// serialised and parsed on use, the index section used instead of a rebuild)
// must be indistinguishable from the index it was saved from; older snapshots
// (format 1) and snapshots of another library version load by rebuilding;
// damaged index sections are kDataLoss, never a crash.
#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/index/index_data.h"
#include "lib/index/index_io.h"
#include "lib/index/snapshot.h"
#include "lib/util/crc32c.h"
#include "lib/util/file.h"
#include "partyscreen/index.h"
#include "partyscreen/screener.h"
#include "partyscreen/sources.h"

namespace partyscreen {
namespace {

using ::testing::HasSubstr;

std::string TempPath(absl::string_view name) {
  return absl::StrCat(::testing::TempDir(), "/index_snapshot_test_", name);
}

// The UN list and the UK list (non-Latin names, many aliases): real, and
// small enough to build in about a second.
std::shared_ptr<const Index> BuildReal() {
  static std::shared_ptr<const Index>* index = [] {
    IndexBuilder builder;
    for (const char* p : {"/data/lists/un_sc/consolidated.xml", "/data/lists/uk_hmt/ConList.csv"}) {
      auto list = ReadList(absl::StrCat(PARTYSCREEN_SOURCE_DIR, p));
      EXPECT_TRUE(list.ok()) << list.status();
      EXPECT_TRUE(builder.AddList(*std::move(list)).ok());
    }
    auto built = std::move(builder).Build();
    EXPECT_TRUE(built.ok()) << built.status();
    return new std::shared_ptr<const Index>(*built);
  }();
  return *index;
}

std::string Describe(const ScreenResult& r) { return ResultToJson("q", r, /*with_explanations=*/true); }

// Query names derived from listed names: as published, with one letter
// dropped, and with the words reversed.
std::vector<std::string> Queries(const Index& index) {
  std::vector<std::string> out;
  const auto& lists = index.lists();
  for (const auto& list : lists) {
    for (int e = 0; e < list.entities_size(); e += 37) {
      const auto& ent = list.entities(e);
      if (ent.names_size() == 0) continue;
      std::string n = ent.names(0).full();
      out.push_back(n);
      if (n.size() > 6) out.push_back(n.substr(0, n.size() / 2) + n.substr(n.size() / 2 + 1));
      auto space = n.find(' ');
      if (space != std::string::npos) out.push_back(n.substr(space + 1) + " " + n.substr(0, space));
    }
  }
  return out;
}

void ExpectSameIndex(const Index& a, const Index& b) {
  const internal::IndexData& x = a.data();
  const internal::IndexData& y = b.data();
  EXPECT_EQ(a.info().fingerprint, b.info().fingerprint);
  EXPECT_EQ(a.info().entities, b.info().entities);
  EXPECT_EQ(a.info().names, b.info().names);
  EXPECT_EQ(a.info().tokens, b.info().tokens);
  ASSERT_EQ(a.info().lists.size(), b.info().lists.size());
  for (size_t i = 0; i < a.info().lists.size(); ++i) {
    EXPECT_EQ(a.info().lists[i].entities, b.info().lists[i].entities);
    EXPECT_EQ(a.info().lists[i].names, b.info().lists[i].names);
    EXPECT_EQ(a.info().lists[i].entities_by_kind, b.info().lists[i].entities_by_kind);
    EXPECT_EQ(a.info().lists[i].sha256, b.info().lists[i].sha256);
  }
  EXPECT_EQ(x.vocab, y.vocab);
  EXPECT_EQ(x.weight, y.weight);
  EXPECT_EQ(x.name_tokens, y.name_tokens);
  EXPECT_EQ(x.token_postings.postings, y.token_postings.postings);
  EXPECT_EQ(x.joined_keys, y.joined_keys);
  EXPECT_EQ(x.joined_postings.offsets, y.joined_postings.offsets);
  EXPECT_EQ(x.skeleton_tokens, y.skeleton_tokens);
  EXPECT_EQ(x.loose_skeleton_tokens, y.loose_skeleton_tokens);
  EXPECT_EQ(x.identifier_entities, y.identifier_entities);
  EXPECT_EQ(x.legal_words, y.legal_words);
  EXPECT_EQ(x.vocab_by_length, y.vocab_by_length);
  ASSERT_EQ(x.deletion_keys.size(), y.deletion_keys.size());
  EXPECT_TRUE(std::equal(x.deletion_keys.begin(), x.deletion_keys.end(), y.deletion_keys.begin()));
  EXPECT_TRUE(std::equal(x.deletion_tokens.begin(), x.deletion_tokens.end(), y.deletion_tokens.begin()));
  ASSERT_EQ(x.entities.size(), y.entities.size());
  for (uint32_t e = 0; e < x.entities.size(); ++e) {
    EXPECT_EQ(x.entities[e].countries, y.entities[e].countries);
    EXPECT_EQ(x.entities[e].birth_year_min, y.entities[e].birth_year_min);
    ASSERT_EQ(x.entity_proto(e).SerializeAsString(), y.entity_proto(e).SerializeAsString()) << e;
  }
  ASSERT_EQ(x.names.size(), y.names.size());
  for (size_t n = 0; n < x.names.size(); ++n) {
    ASSERT_EQ(x.names[n].entity, y.names[n].entity);
    ASSERT_EQ(x.names[n].token_begin, y.names[n].token_begin);
  }
}

void ExpectSameScreening(std::shared_ptr<const Index> a, std::shared_ptr<const Index> b) {
  auto sa = Screener::Create(a);
  auto sb = Screener::Create(b);
  ASSERT_TRUE(sa.ok() && sb.ok());
  ScreenOptions o;
  o.min_score = 0.5;
  o.explain = true;
  int compared = 0;
  for (const std::string& name : Queries(*a)) {
    Query q;
    q.name = name;
    auto ra = (*sa)->Screen(q, o);
    auto rb = (*sb)->Screen(q, o);
    ASSERT_EQ(ra.ok(), rb.ok());
    if (!ra.ok()) continue;
    ASSERT_EQ(Describe(*ra), Describe(*rb)) << "query " << compared;
    ++compared;
  }
  EXPECT_GT(compared, 300);
}

TEST(IndexSnapshotTest, LoadedIndexEqualsBuiltIndex) {
  auto built = BuildReal();
  const std::string path = TempPath("real.snapshot");
  ASSERT_TRUE(built->Save(path).ok());
  auto loaded = Index::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_TRUE((*loaded)->data().lazy_entities);
  ExpectSameIndex(*built, **loaded);
  ExpectSameScreening(built, *loaded);
  // FindEntity and the whole lists, materialised on demand.
  const auto& first = built->lists()[0].entities(5);
  const v1::Entity* found = (*loaded)->FindEntity(built->lists()[0].source().list_id(), first.entity_id());
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->SerializeAsString(), first.SerializeAsString());
  ASSERT_EQ((*loaded)->lists().size(), built->lists().size());
  for (size_t l = 0; l < built->lists().size(); ++l) {
    EXPECT_EQ((*loaded)->lists()[l].SerializeAsString(), built->lists()[l].SerializeAsString()) << l;
  }
  // Saving the loaded index again gives the same content.
  const std::string again = TempPath("again.snapshot");
  ASSERT_TRUE((*loaded)->Save(again).ok());
  auto reloaded = Index::Load(again);
  ASSERT_TRUE(reloaded.ok()) << reloaded.status();
  ExpectSameIndex(*built, **reloaded);
}

TEST(IndexSnapshotTest, ConcurrentFirstUseOfLazyEntities) {
  const std::string path = TempPath("lazy.snapshot");
  ASSERT_TRUE(BuildReal()->Save(path).ok());
  auto loaded = Index::Load(path);
  ASSERT_TRUE(loaded.ok());
  const internal::IndexData& d = (*loaded)->data();
  std::vector<const v1::Entity*> seen[4];
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (uint32_t e = 0; e < d.entities.size(); ++e) seen[t].push_back(&d.entity_proto(e));
    });
  }
  for (auto& t : threads) t.join();
  for (int t = 1; t < 4; ++t) EXPECT_EQ(seen[t], seen[0]);  // one parsed copy per entity
}

// Re-encodes a snapshot with its sections transformed by `edit` (name,
// bytes) and its header by `edit_header`; checksums are recomputed.
std::string Reencode(const std::string& bytes,
                     const std::function<void(const std::string&, std::string*)>& edit,
                     const std::function<void(v1::SnapshotHeader*)>& edit_header = nullptr) {
  auto snap = internal::DecodeSnapshot("x", bytes);
  EXPECT_TRUE(snap.ok()) << snap.status();
  v1::SnapshotHeader header = snap->header;
  if (edit_header) edit_header(&header);
  std::vector<std::pair<std::string, std::string>> sections;
  for (const auto& [name, data] : snap->sections) {
    sections.emplace_back(name, std::string(data));
    edit(name, &sections.back().second);
  }
  return internal::EncodeSnapshot(header, sections);
}

absl::StatusOr<std::shared_ptr<const Index>> LoadBytes(absl::string_view name, const std::string& bytes) {
  const std::string path = TempPath(name);
  EXPECT_TRUE(internal::AtomicWriteFile(path, bytes).ok());
  return Index::Load(path);
}

TEST(IndexSnapshotTest, OtherLibraryVersionRebuildsTheIndex) {
  auto built = BuildReal();
  const std::string path = TempPath("other.snapshot");
  ASSERT_TRUE(built->Save(path).ok());
  auto bytes = internal::ReadFileToString(path);
  ASSERT_TRUE(bytes.ok());
  // Another library version, and an index section of an unknown layout:
  // both are rebuilt from the entities, with the same result.
  std::string other = Reencode(*bytes, [](const std::string&, std::string*) {},
                               [](v1::SnapshotHeader* h) { h->set_library_version("0.0.1-other"); });
  auto loaded = LoadBytes("other2.snapshot", other);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_FALSE((*loaded)->data().lazy_entities);
  ExpectSameIndex(*built, **loaded);
  std::string layout = Reencode(*bytes, [](const std::string& name, std::string* data) {
    if (name == "index") (*data)[5] = static_cast<char>(internal::kIndexLayoutVersion + 1);
  });
  loaded = LoadBytes("layout.snapshot", layout);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ExpectSameIndex(*built, **loaded);
}

TEST(IndexSnapshotTest, FormatOneSnapshotsStillLoad) {
  auto built = BuildReal();
  // Format 1 as written by partyscreen 0.1.0 before the index section: the
  // prefix, the header, and sections "options" and "lists" back to back.
  v1::SnapshotHeader header;
  header.set_format_version(1);
  header.set_library_version("0.1.0");
  header.set_normalization_fingerprint(built->info().normalization_fingerprint);
  header.set_fingerprint(built->info().fingerprint);
  v1::SnapshotLists lists;
  for (const auto& l : built->lists()) *lists.add_lists() = l;
  std::vector<std::pair<std::string, std::string>> sections = {{"options", "index_weak_aliases=1"},
                                                               {"lists", lists.SerializeAsString()}};
  uint64_t offset = 0;
  for (const auto& [name, data] : sections) {
    auto* s = header.add_sections();
    s->set_name(name);
    s->set_offset(offset);
    s->set_length(data.size());
    s->set_crc32c(internal::Crc32c(data));
    offset += data.size();
  }
  std::string head = header.SerializeAsString();
  std::string bytes(internal::kSnapshotMagic, 8);
  auto put = [&bytes](uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  };
  put(1);
  put(static_cast<uint32_t>(head.size()));
  put(internal::Crc32c(head));
  bytes += head;
  for (const auto& s : sections) bytes += s.second;
  auto loaded = LoadBytes("format1.snapshot", bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ExpectSameIndex(*built, **loaded);
}

TEST(IndexSnapshotTest, DamagedIndexSectionIsDataLossNeverACrash) {
  const std::string path = TempPath("damage.snapshot");
  ASSERT_TRUE(BuildReal()->Save(path).ok());
  auto bytes = internal::ReadFileToString(path);
  ASSERT_TRUE(bytes.ok());
  size_t index_size = 0;
  Reencode(*bytes, [&](const std::string& name, std::string* data) {
    if (name == "index") index_size = data->size();
  });
  ASSERT_GT(index_size, 1000u);
  // Overwrite 8 bytes with 0xff at 100 positions spread over the section,
  // with valid checksums: every load either succeeds or is kDataLoss.
  int data_loss = 0;
  for (int k = 0; k < 100; ++k) {
    const size_t at = 9 + (index_size - 17) * static_cast<size_t>(k) / 100;
    std::string bad = Reencode(*bytes, [&](const std::string& name, std::string* data) {
      if (name == "index") data->replace(at, 8, 8, '\xff');
    });
    auto loaded = LoadBytes("damaged.snapshot", bad);
    if (!loaded.ok()) {
      EXPECT_EQ(loaded.status().code(), absl::StatusCode::kDataLoss) << loaded.status();
      EXPECT_THAT(loaded.status().message(), HasSubstr("damaged.snapshot"));
      ++data_loss;
      continue;
    }
    auto screener = Screener::Create(*loaded);
    ASSERT_TRUE(screener.ok());
    Query q;
    q.name = "Sergei Lavrov";
    auto r = (*screener)->Screen(q);
    EXPECT_TRUE(r.ok() || r.status().code() == absl::StatusCode::kResourceExhausted) << r.status();
  }
  EXPECT_GT(data_loss, 30);  // most damage is caught by the structural checks
  // A truncated index section.
  std::string cut = Reencode(*bytes, [](const std::string& name, std::string* data) {
    if (name == "index") data->resize(data->size() / 2);
  });
  auto loaded = LoadBytes("cut.snapshot", cut);
  EXPECT_EQ(loaded.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(loaded.status().message(), HasSubstr("index section"));
}

TEST(IndexSnapshotTest, DamagedEntityIsVisiblyMarkedNotACrash) {
  const std::string path = TempPath("entity.snapshot");
  ASSERT_TRUE(BuildReal()->Save(path).ok());
  auto bytes = internal::ReadFileToString(path);
  ASSERT_TRUE(bytes.ok());
  // Garbage in place of the first entity's bytes (valid checksums).
  std::string bad = Reencode(*bytes, [](const std::string& name, std::string* data) {
    if (name == "entities") data->replace(0, 40, 40, '\xff');
  });
  auto loaded = LoadBytes("bad_entity.snapshot", bad);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  const v1::Entity& e = (*loaded)->data().entity_proto(0);
  ASSERT_GT(e.names_size(), 0);
  EXPECT_EQ(e.names(0).full(), "<corrupted snapshot entry>");
  EXPECT_FALSE(e.entity_id().empty());
  EXPECT_EQ((*loaded)->lists()[0].entities(0).names(0).full(), "<corrupted snapshot entry>");
}

}  // namespace
}  // namespace partyscreen
