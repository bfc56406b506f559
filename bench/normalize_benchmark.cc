// Micro-benchmarks of the name normalizer, one per script. Figures are
// printed, never checked (benchmarks do not gate CI).
//
//   build/bench/normalize_benchmark --benchmark_min_time=0.2
#include <memory>
#include <string>

#include "benchmark/benchmark.h"
#include "partyscreen/normalizer.h"

namespace partyscreen {
namespace {

const Normalizer& GetNormalizer() {
  static const Normalizer* n = [] {
    auto c = Normalizer::Create();
    if (!c.ok()) std::abort();
    return c->release();
  }();
  return *n;
}

void Run(benchmark::State& state, const std::string& name,
         NameKindHint hint = NameKindHint::kUnknown) {
  const Normalizer& n = GetNormalizer();
  (void)n.Normalize(name, hint);  // warm up: ICU builds transliterators lazily
  for (auto _ : state) {
    auto r = n.Normalize(name, hint);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * name.size()));
}

void BM_Create(benchmark::State& state) {
  for (auto _ : state) {
    auto c = Normalizer::Create();
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_Create)->Unit(benchmark::kMillisecond);

void BM_AsciiCompany(benchmark::State& state) {
  Run(state, "Example Maritime Trading Co., Ltd.");
}
BENCHMARK(BM_AsciiCompany);

void BM_AsciiPerson(benchmark::State& state) {
  Run(state, "MADURO MOROS, Nicolas", NameKindHint::kPerson);
}
BENCHMARK(BM_AsciiPerson);

void BM_LatinDiacritics(benchmark::State& state) {
  Run(state, "José María Müller Ñúñez");
}
BENCHMARK(BM_LatinDiacritics);

void BM_Cyrillic(benchmark::State& state) {
  Run(state, "ООО «Ромашка» Сергей Лавров");
}
BENCHMARK(BM_Cyrillic);

void BM_Han(benchmark::State& state) { Run(state, "浙江大华技术股份有限公司"); }
BENCHMARK(BM_Han);

void BM_Arabic(benchmark::State& state) { Run(state, "محمد فضل عبدالنبي الحلاق"); }
BENCHMARK(BM_Arabic);

void BM_Greek(benchmark::State& state) { Run(state, "Αλέξης Τσίπρας"); }
BENCHMARK(BM_Greek);

void BM_Large1MbAscii(benchmark::State& state) {
  std::string big;
  while (big.size() < (1u << 20)) big += "Example Trading Co. Ltd. Abc-Def 12 ";
  Run(state, big);
}
BENCHMARK(BM_Large1MbAscii)->Unit(benchmark::kMillisecond);

void BM_Large1MbCyrillic(benchmark::State& state) {
  std::string big;
  while (big.size() < (1u << 20)) big += "Роснефть Ромашка ";
  Run(state, big);
}
BENCHMARK(BM_Large1MbCyrillic)->Unit(benchmark::kMillisecond);

void BM_Large1MbHan(benchmark::State& state) {
  std::string big;
  while (big.size() < (1u << 20)) big += "成都景昕科技有限公司 ";
  Run(state, big);
}
BENCHMARK(BM_Large1MbHan)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace partyscreen

BENCHMARK_MAIN();
