// Micro-benchmarks of candidate generation and screening over the bundled
// lists, per query type: preparing the query (normalisation + lookup of the
// similar vocabulary tokens, i.e. the query's keys), collecting candidates
// from the postings, a whole Screen (explanations off), and, for contrast,
// the exhaustive scan. BM_BuildIndex times building the index (all keys) from
// the lists already read.
//
// Run: build/bench/index_benchmark [--benchmark_filter=Screen/]
// (the index is built once, on first use, before the timed loops.)

#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "benchmark/benchmark.h"
#include "bench/query_mix.h"
#include "lib/index/index_data.h"
#include "lib/screen/candidates.h"
#include "lib/screen/name_match.h"
#include "partyscreen/index.h"
#include "partyscreen/normalizer.h"
#include "partyscreen/screener.h"

namespace partyscreen::bench {
namespace {

struct QueryType {
  const char* label;
  const char* name;
  PartyKind kind;
};

// One example per query type (listed, misspelt, other scripts, unlisted).
const std::vector<QueryType>& QueryTypes() {
  static const auto* types = new std::vector<QueryType>{
      {"org_brand", "Hikvision", PartyKind::kUnknown},
      {"org_long_legal_form", "Hangzhou Hikvision Digital Technology Co., Ltd.", PartyKind::kOrganization},
      {"org_typo", "Hangzhuo Hikvison Digital Technolgy", PartyKind::kOrganization},
      {"org_joined", "Sensetime Group Limited", PartyKind::kOrganization},
      {"person", "Vladimir Vladimirovich Putin", PartyKind::kPerson},
      {"person_typo_reordered", "Puttin, Vladimr", PartyKind::kPerson},
      {"person_common_given", "Mohammad Ali Hassan", PartyKind::kPerson},
      {"cyrillic", "Роснефть", PartyKind::kUnknown},
      {"han", "海康威视", PartyKind::kUnknown},
      {"arabic", "محمد علي", PartyKind::kPerson},
      {"unlisted_company", "Agilent Technologies, Inc.", PartyKind::kOrganization},
      {"unlisted_person", "Patricia Lucas Wheeler", PartyKind::kPerson},
  };
  return *types;
}

// The bundled lists, read once.
const std::vector<v1::EntityList>& Lists() {
  static const auto* lists = [] {
    auto l = ReadBundledLists(PARTYSCREEN_SOURCE_DIR "/data/lists");
    if (!l.ok()) {
      std::fprintf(stderr, "index_benchmark: %s\n", l.status().ToString().c_str());
      std::exit(1);
    }
    return new std::vector<v1::EntityList>(*std::move(l));
  }();
  return *lists;
}

std::shared_ptr<const Index> BuildIndex() {
  IndexBuilder builder;
  for (const auto& l : Lists()) {
    if (!builder.AddList(l).ok()) std::exit(1);
  }
  auto index = std::move(builder).Build();
  if (!index.ok()) {
    std::fprintf(stderr, "index_benchmark: %s\n", index.status().ToString().c_str());
    std::exit(1);
  }
  return *index;
}

// The index over the bundled lists, built once.
const std::shared_ptr<const Index>& TheIndex() {
  static const auto* index = new std::shared_ptr<const Index>(BuildIndex());
  return *index;
}

const Screener& TheScreener(bool exhaustive) {
  static const Screener* screeners[2] = {nullptr, nullptr};
  if (screeners[exhaustive] == nullptr) {
    ScreenerOptions o;
    o.exhaustive = exhaustive;
    screeners[exhaustive] = Screener::Create(TheIndex(), o)->release();
  }
  return *screeners[exhaustive];
}

NameKindHint HintOf(PartyKind k) {
  switch (k) {
    case PartyKind::kPerson: return NameKindHint::kPerson;
    case PartyKind::kOrganization: return NameKindHint::kOrganization;
    default: return NameKindHint::kUnknown;
  }
}

void BM_BuildIndex(benchmark::State& state) {
  Lists();
  for (auto _ : state) benchmark::DoNotOptimize(BuildIndex());
}

void BM_PrepareQuery(benchmark::State& state, const QueryType& t) {
  const internal::IndexData& d = TheIndex()->data();
  for (auto _ : state) {
    auto q = internal::PrepareQueryName(d, t.name, HintOf(t.kind));
    benchmark::DoNotOptimize(q);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_CollectCandidates(benchmark::State& state, const QueryType& t) {
  const internal::IndexData& d = TheIndex()->data();
  auto q = internal::PrepareQueryName(d, t.name, HintOf(t.kind));
  if (!q.ok()) {
    state.SkipWithError(q.status().ToString().c_str());
    return;
  }
  size_t n = 0;
  for (auto _ : state) {
    auto c = internal::CollectCandidates(d, *q, ScreenerOptions().max_candidates, kDefaultAlertThreshold);
    n = c.ok() ? c->size() : 0;
    benchmark::DoNotOptimize(c);
  }
  state.counters["candidates"] = static_cast<double>(n);
  state.SetItemsProcessed(state.iterations());
}

void BM_Screen(benchmark::State& state, const QueryType& t, bool exhaustive) {
  const Screener& s = TheScreener(exhaustive);
  Query q;
  q.name = t.name;
  q.kind = t.kind;
  ScreenOptions o;
  o.explain = false;
  int64_t candidates = 0;
  size_t hits = 0;
  for (auto _ : state) {
    auto r = s.Screen(q, o);
    if (r.ok()) {
      candidates = r->candidates;
      hits = r->hits.size();
    }
    benchmark::DoNotOptimize(r);
  }
  state.counters["candidates"] = static_cast<double>(candidates);
  state.counters["hits"] = static_cast<double>(hits);
  state.SetItemsProcessed(state.iterations());
}

void RegisterAll() {
  benchmark::RegisterBenchmark("BM_BuildIndex", BM_BuildIndex)->Unit(benchmark::kMillisecond)->Iterations(2);
  for (const QueryType& t : QueryTypes()) {
    benchmark::RegisterBenchmark(absl::StrCat("BM_PrepareQuery/", t.label).c_str(), BM_PrepareQuery, t)
        ->Unit(benchmark::kMicrosecond);
  }
  for (const QueryType& t : QueryTypes()) {
    benchmark::RegisterBenchmark(absl::StrCat("BM_CollectCandidates/", t.label).c_str(), BM_CollectCandidates, t)
        ->Unit(benchmark::kMicrosecond);
  }
  for (const QueryType& t : QueryTypes()) {
    benchmark::RegisterBenchmark(absl::StrCat("BM_Screen/", t.label).c_str(), BM_Screen, t, false)
        ->Unit(benchmark::kMicrosecond);
  }
  for (const QueryType& t : QueryTypes()) {
    benchmark::RegisterBenchmark(absl::StrCat("BM_ScreenExhaustive/", t.label).c_str(), BM_Screen, t, true)
        ->Unit(benchmark::kMillisecond);
  }
}

}  // namespace
}  // namespace partyscreen::bench

int main(int argc, char** argv) {
  partyscreen::bench::RegisterAll();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
