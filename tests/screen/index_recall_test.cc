// The index never loses an alert: every hit of the exhaustive scan
// (ScreenerOptions.exhaustive) at or above kDefaultAlertThreshold must be
// returned by the indexed screener with the same score — on every labelled
// dev benchmark query (100 %) and on a seeded sample of generated
// near-duplicates of listed names (>= 99.9 %).
//
// The exhaustive scan scores every indexed name of the bundled lists for each
// query, so its cost bounds this test's run time. PARTYSCREEN_RECALL_QUICK=1
// in the environment shrinks the sample tenfold (every 10th dev query, 200
// variants) for a quick local check. The full comparison on 100,000
// generated queries is the macro harness:
//   scripts/bench --queries 100000 --exhaustive-sample 100000

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "bench/query_mix.h"
#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "lib/util/file.h"
#include "partyscreen/index.h"
#include "partyscreen/options.h"
#include "partyscreen/screener.h"
#include "tools/partyscreen/thread_pool.h"

namespace partyscreen {
namespace {

constexpr size_t kGeneratedVariants = 2000;
constexpr uint64_t kSeed = 20240601;

// How the indexed results compare with the exhaustive ones.
struct Counts {
  int64_t queries = 0;
  int64_t alerting = 0;       // exhaustive hits with score >= threshold
  int64_t missed = 0;         // absent from the indexed result (or indexed error)
  int64_t score_differs = 0;  // present with another score
  int64_t indexed_errors = 0;
  int64_t exhaustive_errors = 0;
  int64_t found() const { return alerting - missed - score_differs; }
};

class IndexRecallTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dev_path = PARTYSCREEN_SHARED_DIR "/eval/queries_dev.csv";
    if (!internal::PathExists(dev_path)) return;  // each test skips
    absl::Status s = Load(dev_path);
    if (!s.ok()) error_ = new std::string(s.ToString());
  }

  // Reads the lists and queries and builds the index and screeners.
  static absl::Status Load(const std::string& dev_path) {
    auto dev = bench::ReadDevQueries(dev_path);
    if (!dev.ok()) return dev.status();
    const char* quick = std::getenv("PARTYSCREEN_RECALL_QUICK");
    const size_t stride = quick != nullptr && std::string(quick) == "1" ? 10 : 1;
    std::vector<Query> dev_sample;
    for (size_t i = 0; i < dev->size(); i += stride) dev_sample.push_back((*dev)[i]);
    auto lists = bench::ReadBundledLists(PARTYSCREEN_SOURCE_DIR "/data/lists");
    if (!lists.ok()) return lists.status();
    // Variants of listed names only (no unlisted names: they rarely alert).
    std::vector<bench::MixQuery> mix =
        bench::GenerateQueries(*lists, bench::NegativeNames(), kGeneratedVariants / stride, kSeed);
    generated_ = new std::vector<Query>();
    for (auto& m : mix) generated_->push_back(std::move(m.query));

    // Chinese-script queries: the listed names written in Han script, and
    // each without its first two characters (a place name, usually) and
    // with 香港 ("Hong Kong", listed as "HK" too) in front. They exercise
    // the pinyin transcription and acronym pairings.
    han_ = new std::vector<Query>();
    for (const auto& l : *lists) {
      for (const auto& e : l.entities()) {
        for (const auto& n : e.names()) {
          if (n.script() != "Hani") continue;
          Query q;
          q.name = n.full();
          q.kind = e.kind() == v1::ENTITY_KIND_INDIVIDUAL ? PartyKind::kPerson : PartyKind::kOrganization;
          han_->push_back(q);
          // Han characters are 3 bytes in UTF-8.
          if (q.name.size() > 12) {
            Query shorter = q;
            shorter.name = q.name.substr(6);
            han_->push_back(shorter);
            Query hk = q;
            hk.name = "香港" + q.name;
            han_->push_back(hk);
          }
        }
      }
    }

    // Invented Chinese company names of the usual shape (a city, a
    // two-character name, an industry term, a legal form): their
    // two-syllable names exercise the short transcription keys.
    {
      const std::vector<std::string> cities = {"深圳", "上海", "北京", "广州", "杭州", "苏州", "宁波", ""};
      const std::vector<std::string> chars = {"华", "信", "达", "通", "新", "天", "海", "金", "宏", "利",
                                              "安", "恒", "泰", "盛", "源", "德", "兴", "保", "纽", "威",
                                              "诺", "贝", "宁", "博", "瑞", "丰", "嘉", "鑫", "美", "欣"};
      const std::vector<std::string> terms = {"科技", "电子", "电子科技", "机械", "贸易", "信息技术",
                                              "实业", "设备", "精密", "光电", "数控设备", "通信"};
      std::mt19937_64 rng(kSeed);
      for (int i = 0; i < 200; ++i) {
        Query q;
        q.name = cities[rng() % cities.size()] + chars[rng() % chars.size()] + chars[rng() % chars.size()] +
                 terms[rng() % terms.size()] + "有限公司";
        q.kind = PartyKind::kOrganization;
        han_->push_back(std::move(q));
      }
    }

    IndexBuilder builder;
    for (auto& l : *lists) {
      if (absl::Status s = builder.AddList(std::move(l)); !s.ok()) return s;
    }
    auto index = std::move(builder).Build();
    if (!index.ok()) return index.status();
    auto indexed = Screener::Create(*index);
    if (!indexed.ok()) return indexed.status();
    ScreenerOptions exhaustive_options;
    exhaustive_options.exhaustive = true;
    auto exhaustive = Screener::Create(*index, exhaustive_options);
    if (!exhaustive.ok()) return exhaustive.status();
    indexed_ = indexed->release();
    exhaustive_ = exhaustive->release();
    pool_ = new cli::ThreadPool(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    dev_ = new std::vector<Query>(std::move(dev_sample));
    quick_ = stride != 1;
    return absl::OkStatus();
  }

  static void TearDownTestSuite() {
    delete indexed_;
    delete exhaustive_;
    delete pool_;
    delete dev_;
    delete generated_;
    delete han_;
    han_ = nullptr;
    delete error_;
    error_ = nullptr;
    indexed_ = exhaustive_ = nullptr;
    pool_ = nullptr;
    dev_ = generated_ = nullptr;
  }

  void SetUp() override {
    ASSERT_EQ(error_, nullptr) << *error_;
    if (dev_ == nullptr) GTEST_SKIP() << "../shared is absent (no " PARTYSCREEN_SHARED_DIR "/eval/queries_dev.csv)";
  }

  // All hits at or above the threshold, no limit, no explanations.
  static ScreenOptions AllAlerts() {
    ScreenOptions o;
    o.min_score = kDefaultAlertThreshold;
    o.limit = 0;
    o.explain = false;
    return o;
  }

  // Screens `queries` both ways and counts.
  static Counts Compare(const std::vector<Query>& queries) {
    return CompareAt(queries, {kDefaultAlertThreshold})[0];
  }
  // The same counting the hits at or above each of `thresholds` (one
  // screen each way, at the lowest).
  static std::vector<Counts> CompareAt(const std::vector<Query>& queries, const std::vector<double>& thresholds) {
    BatchOptions batch;
    batch.executor = pool_;
    batch.chunk_size = 16;
    ScreenOptions options = AllAlerts();
    options.min_score = *std::min_element(thresholds.begin(), thresholds.end());
    auto idx = indexed_->ScreenBatch(queries, options, batch);
    auto exh = exhaustive_->ScreenBatch(queries, options, batch);
    std::vector<Counts> all;
    for (double threshold : thresholds) all.push_back(Count(queries, idx, exh, threshold));
    return all;
  }
  static Counts Count(const std::vector<Query>& queries, const std::vector<absl::StatusOr<ScreenResult>>& idx,
                      const std::vector<absl::StatusOr<ScreenResult>>& exh, double threshold) {
    Counts c;
    for (size_t i = 0; i < queries.size(); ++i) {
      ++c.queries;
      if (!exh[i].ok()) {
        ++c.exhaustive_errors;
        continue;
      }
      std::map<std::pair<std::string, std::string>, double> got;
      if (idx[i].ok()) {
        for (const Hit& h : idx[i]->hits) got[{h.list_id, h.entity_id}] = h.score;
      } else {
        ++c.indexed_errors;
      }
      for (const Hit& h : exh[i]->hits) {
        if (h.score < threshold) continue;
        ++c.alerting;
        auto it = got.find({h.list_id, h.entity_id});
        if (it == got.end()) {
          ++c.missed;
          if (c.missed <= 15) {
            std::printf("[ missed   ] query %zu \"%s\" kind %d: %s:%s %.4f matched '%s'\n", i, queries[i].name.c_str(),
                        static_cast<int>(queries[i].kind), h.list_id.c_str(), h.entity_id.c_str(), h.score,
                        h.matched_name.c_str());
          }
        } else if (std::abs(it->second - h.score) > 1e-9) {
          ++c.score_differs;
        }
      }
    }
    return c;
  }

  static void Print(const char* what, const Counts& c) {
    std::printf(
        "[ recall   ] %s: %ld queries, %ld alerting hits of the exhaustive scan; index found %ld "
        "(%.3f %%), missed %ld, other score %ld; errors indexed %ld, exhaustive %ld\n",
        what, static_cast<long>(c.queries), static_cast<long>(c.alerting), static_cast<long>(c.found()),
        c.alerting ? 100.0 * static_cast<double>(c.found()) / static_cast<double>(c.alerting) : 100.0,
        static_cast<long>(c.missed), static_cast<long>(c.score_differs), static_cast<long>(c.indexed_errors),
        static_cast<long>(c.exhaustive_errors));
  }

  static const Screener* indexed_;
  static const Screener* exhaustive_;
  static cli::ThreadPool* pool_;
  static std::vector<Query>* dev_;
  static std::vector<Query>* generated_;
  static std::vector<Query>* han_;
  static std::string* error_;
  static bool quick_;
};

const Screener* IndexRecallTest::indexed_ = nullptr;
const Screener* IndexRecallTest::exhaustive_ = nullptr;
cli::ThreadPool* IndexRecallTest::pool_ = nullptr;
std::vector<Query>* IndexRecallTest::dev_ = nullptr;
std::vector<Query>* IndexRecallTest::generated_ = nullptr;
std::vector<Query>* IndexRecallTest::han_ = nullptr;
std::string* IndexRecallTest::error_ = nullptr;
bool IndexRecallTest::quick_ = false;

TEST_F(IndexRecallTest, FindsEveryAlertOfTheDevQueries) {
  Counts c = Compare(*dev_);
  Print("dev", c);
  EXPECT_GE(dev_->size(), quick_ ? 200u : 2000u);
  EXPECT_GT(c.alerting, quick_ ? 50 : 500) << "the exhaustive scan should alert on many dev queries";
  EXPECT_EQ(c.exhaustive_errors, 0);
  EXPECT_EQ(c.indexed_errors, 0);
  // Target (issue 6): 100 % of the exhaustive scan's alerts. The index
  // prunes by an upper bound of the score (lib/screen/candidates.h) and
  // joins/splits by spelling are scored only within the edits its keys find,
  // so nothing alerting may be missed.
  EXPECT_EQ(c.found(), c.alerting);
  EXPECT_EQ(c.score_differs, 0);
}

TEST_F(IndexRecallTest, FindsLookAlikesOfTwoLetterWordsAndNamesOfParticles) {
  // A two-letter word has no edit budget, so its digit/letter look-alikes
  // are keys of their own ("a1" ~ the listed name "Al"); and the names made
  // of particles only ("Al", "Ben"), whose postings are not read, are
  // reached whenever a key is a particle. Both were alerts of the
  // exhaustive scan that the index lost.
  std::vector<Query> queries;
  for (const char* name : {"OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU A1", "AL", "A1", "Al LLC", "BEN", "8EN", "B3N",
                           "ben ltd"}) {
    Query q;
    q.name = name;
    queries.push_back(q);
  }
  Counts c = Compare(queries);
  Print("two-letter look-alikes, particle names", c);
  EXPECT_GE(c.alerting, 4);
  EXPECT_EQ(c.indexed_errors, 0);
  EXPECT_EQ(c.found(), c.alerting);
}

TEST_F(IndexRecallTest, FindsEveryAlertOfChineseScriptQueries) {
  std::vector<Counts> at = CompareAt(*han_, {kDefaultAlertThreshold, 0.5});
  const Counts& c = at[0];
  Print("Chinese script", c);
  EXPECT_GT(han_->size(), 50u);
  EXPECT_GT(c.alerting, static_cast<int64_t>(han_->size() / 3));
  EXPECT_EQ(c.exhaustive_errors, 0);
  EXPECT_EQ(c.indexed_errors, 0);
  EXPECT_EQ(c.found(), c.alerting);
  EXPECT_EQ(c.score_differs, 0);
  // Down to 0.5, where the pinyin transcription and acronym pairings alone
  // make hits: all but the fuzzy joins of a key word with its neighbour
  // that the score bound does not cover (score_bound_test), such as
  // "china" and "chu na" (0.67), are found.
  const Counts& low = at[1];
  Print("Chinese script, hits >= 0.5", low);
  EXPECT_GE(static_cast<double>(low.found()), 0.98 * static_cast<double>(low.alerting));
}

TEST_F(IndexRecallTest, FindsAlmostEveryAlertOfGeneratedVariants) {
  Counts c = Compare(*generated_);
  Print("generated variants", c);
  EXPECT_EQ(generated_->size(), quick_ ? kGeneratedVariants / 10 : kGeneratedVariants);
  EXPECT_GT(c.alerting, static_cast<int64_t>(generated_->size() / 2))
      << "near-duplicates of listed names should mostly alert";
  EXPECT_EQ(c.exhaustive_errors, 0);
  // Target (issue 6): >= 99.9 %. The bound admits every pairing kind but a
  // fuzzy join of a keyed word with its neighbour (score_bound_test counts
  // those), so a rare miss is possible; 100 % measured on this sample.
  EXPECT_GE(static_cast<double>(c.found()), 0.999 * static_cast<double>(c.alerting));
}

TEST_F(IndexRecallTest, BatchOnThreadsEqualsOneByOne) {
  std::vector<Query> sample(generated_->begin(), generated_->begin() + static_cast<long>(std::min<size_t>(500, generated_->size())));
  BatchOptions batch;
  batch.executor = pool_;
  batch.chunk_size = 7;
  auto threaded = indexed_->ScreenBatch(sample, AllAlerts(), batch);
  ASSERT_EQ(threaded.size(), sample.size());
  for (size_t i = 0; i < sample.size(); ++i) {
    auto one = indexed_->Screen(sample[i], AllAlerts());
    ASSERT_EQ(one.ok(), threaded[i].ok()) << "query " << i;
    if (!one.ok()) continue;
    ASSERT_EQ(one->hits.size(), threaded[i]->hits.size()) << "query " << i;
    for (size_t h = 0; h < one->hits.size(); ++h) {
      EXPECT_EQ(one->hits[h].list_id, threaded[i]->hits[h].list_id);
      EXPECT_EQ(one->hits[h].entity_id, threaded[i]->hits[h].entity_id);
      EXPECT_EQ(one->hits[h].score, threaded[i]->hits[h].score);
    }
  }
}

}  // namespace
}  // namespace partyscreen
