// Concurrency: many threads screen (Screen and ScreenBatch, the batch on a
// thread-pool executor) through one ScreenerHolder while another thread
// swaps in new index versions and a third attempts refreshes that fail.
// Run under ThreadSanitizer by scripts/test-sanitizers (build-tsan); in the
// normal build it checks the same invariants:
//   - every result comes from exactly one index version: its
//     index_fingerprint is the fingerprint of the screener that produced it,
//     one of the known versions, and the same for every result of a batch;
//   - a version-specific name is found only in its own version;
//   - failed refreshes never replace the served screener.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tools/partyscreen/thread_pool.h"
#include "partyscreen/options.h"
#include "partyscreen/reloader.h"
#include "partyscreen/screener.h"
#include "tests/reliability/reliability_util.h"

namespace partyscreen {
namespace {

using testing_util::NewTempDir;
using testing_util::WriteFile;
using Pool = cli::ThreadPool;  // the CLI's executor (tools/partyscreen/thread_pool.h)

// One list version: the fixture plus an entity only this version has.
std::string VersionCsv(int v) {
  static const char* kMarkers[] = {"Amberfield Quillon Works", "Brightmoor Vexal Foundry",
                                   "Copperline Zendro Mills"};
  return absl::StrCat(testing_util::FixtureCsv(20, absl::StrCat("v", v)), "M-", v, ",", kMarkers[v],
                      ",,organization,US,,,FX,,\n");
}
const char* Marker(int v) {
  static const char* kMarkers[] = {"Amberfield Quillon Works", "Brightmoor Vexal Foundry",
                                   "Copperline Zendro Mills"};
  return kMarkers[v];
}

TEST(ConcurrencyTest, ScreeningWhileSwappingSeesExactlyOneVersionPerResult) {
  const std::string dir = NewTempDir("tsan");
  constexpr int kVersions = 3;
  std::vector<std::shared_ptr<const Index>> indexes;
  std::vector<std::string> snapshots;
  std::map<std::string, int> version_of;  // fingerprint -> version
  for (int v = 0; v < kVersions; ++v) {
    auto list = testing_util::ReadCustom(dir, absl::StrCat("v", v, ".csv"), VersionCsv(v));
    ASSERT_TRUE(list.ok()) << list.status();
    IndexBuilder builder;
    ASSERT_TRUE(builder.AddList(*std::move(list)).ok());
    auto index = std::move(builder).Build();
    ASSERT_TRUE(index.ok()) << index.status();
    indexes.push_back(*index);
    version_of[(*index)->info().fingerprint] = v;
    snapshots.push_back(absl::StrCat(dir, "/v", v, ".snapshot"));
    ASSERT_TRUE((*index)->Save(snapshots.back()).ok());
  }
  ASSERT_EQ(version_of.size(), static_cast<size_t>(kVersions));
  const std::string bad = absl::StrCat(dir, "/bad.csv");
  WriteFile(bad, absl::StrCat(VersionCsv(0), "Z-1,\"cut"));

  ScreenerHolder holder;
  ASSERT_TRUE(holder.Swap(indexes[0]).ok());

  std::atomic<bool> stop{false};
  std::atomic<int64_t> results{0}, batches{0}, failures{0};
  Pool pool(3);

  auto check = [&](const std::shared_ptr<const Screener>& s, const ScreenResult& r, int marker) {
    const std::string& fp = s->index()->info().fingerprint;
    if (r.index_fingerprint != fp || version_of.count(fp) != 1) {
      failures.fetch_add(1);
      return;
    }
    if (marker >= 0) {
      bool found = false;
      for (const auto& h : r.hits) found = found || h.entity_id == absl::StrCat("M-", marker);
      if (found != (version_of.at(fp) == marker)) failures.fetch_add(1);
    }
    results.fetch_add(1);
  };

  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      for (int i = 0; !stop.load() || i < 20; ++i) {
        std::shared_ptr<const Screener> s = holder.Get();
        if (t % 2 == 0) {
          Query q;
          const int marker = i % kVersions;
          q.name = Marker(marker);
          auto r = s->Screen(q);
          if (!r.ok()) { failures.fetch_add(1); continue; }
          check(s, *r, marker);
        } else {
          std::vector<Query> qs(6);
          for (int k = 0; k < 6; ++k) qs[k].name = k < kVersions ? Marker(k) : "Zarovia Precision Optics";
          BatchOptions batch;
          batch.executor = &pool;
          batch.chunk_size = 2;
          auto rs = s->ScreenBatch(qs, ScreenOptions(), batch);
          if (rs.size() != qs.size()) { failures.fetch_add(1); continue; }
          for (int k = 0; k < 6; ++k) {
            if (!rs[k].ok()) { failures.fetch_add(1); continue; }
            check(s, *rs[k], k < kVersions ? k : -1);
            if (rs[k]->index_fingerprint != rs[0]->index_fingerprint) failures.fetch_add(1);
          }
          batches.fetch_add(1);
        }
      }
    });
  }
  std::thread failing([&] {
    ListSpec spec;
    spec.path = bad;
    spec.options.format = ListFormat::kCustomCsv;
    spec.options.list_id = "fixture";
    for (int i = 0; i < 5; ++i) {
      if (holder.ReloadLists({spec}).ok()) failures.fetch_add(1);
    }
  });
  int swaps = 0;
  for (int round = 0; round < 12; ++round) {
    const int v = (round + 1) % kVersions;
    absl::Status s = round % 3 == 0 ? holder.ReloadSnapshot(snapshots[v]) : holder.Swap(indexes[v]);
    ASSERT_TRUE(s.ok()) << s;
    ++swaps;
    std::this_thread::sleep_for(std::chrono::milliseconds(15));
  }
  stop.store(true);
  failing.join();
  for (auto& t : readers) t.join();

  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(results.load(), 100);
  EXPECT_GT(batches.load(), 5);
  EXPECT_EQ(holder.successful_reloads(), 1 + swaps);
}

}  // namespace
}  // namespace partyscreen
