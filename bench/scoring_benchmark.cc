// Micro-benchmarks of the scoring primitives (lib/scoring): each scorer on
// typical name-token pairs, and the aligner + name score on 3x4-token names.
// The naive reference implementations are included for comparison.
//
// Run: ./scoring_benchmark [--benchmark_filter=Jaro]

#include <string>
#include <utility>
#include <vector>

#include "benchmark/benchmark.h"
#include "lib/scoring/aligner.h"
#include "lib/scoring/jaro_winkler.h"
#include "lib/scoring/levenshtein.h"
#include "lib/scoring/phonetic.h"
#include "lib/scoring/token_similarity.h"

namespace partyscreen::internal {
namespace {

// Typical query/list token pairs: typos, transliterations, unrelated words.
const std::vector<std::pair<std::string, std::string>>& TokenPairs() {
  static const auto* pairs =
      new std::vector<std::pair<std::string, std::string>>{
          {"megvii", "magvii"},
          {"rosneft", "rosnft"},
          {"mohamed", "muhammad"},
          {"hussein", "husayn"},
          {"sensetime", "sunny"},
          {"columbia", "nordstrand"},
          {"zhejiangdahua", "zhejiang"},
          {"gaicheyna", "gaichenya"},
          {"aleksandr", "alexander"},
          {"putin", "patel"},
          {"electromechanical", "electromechnical"},
          {"jon", "john"},
      };
  return *pairs;
}

template <typename F>
void RunPairs(benchmark::State& state, F f) {
  const auto& pairs = TokenPairs();
  size_t i = 0;
  for (auto _ : state) {
    const auto& p = pairs[i];
    benchmark::DoNotOptimize(f(p.first, p.second));
    if (++i == pairs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_JaroWinkler(benchmark::State& state) {
  RunPairs(state, [](const std::string& a, const std::string& b) {
    return JaroWinklerSimilarity(a, b);
  });
}
BENCHMARK(BM_JaroWinkler);

void BM_JaroWinklerNaive(benchmark::State& state) {
  RunPairs(state, [](const std::string& a, const std::string& b) {
    return JaroWinklerSimilarityNaive(a, b);
  });
}
BENCHMARK(BM_JaroWinklerNaive);

void BM_Levenshtein(benchmark::State& state) {
  RunPairs(state, [](const std::string& a, const std::string& b) {
    return LevenshteinDistance(a, b);
  });
}
BENCHMARK(BM_Levenshtein);

void BM_LevenshteinBounded2(benchmark::State& state) {
  RunPairs(state, [](const std::string& a, const std::string& b) {
    return LevenshteinDistanceBounded(a, b, 2);
  });
}
BENCHMARK(BM_LevenshteinBounded2);

void BM_LevenshteinNaive(benchmark::State& state) {
  RunPairs(state, [](const std::string& a, const std::string& b) {
    return LevenshteinDistanceNaive(a, b);
  });
}
BENCHMARK(BM_LevenshteinNaive);

void BM_Osa(benchmark::State& state) {
  RunPairs(state, [](const std::string& a, const std::string& b) {
    return OsaDistance(a, b);
  });
}
BENCHMARK(BM_Osa);

void BM_OsaNaive(benchmark::State& state) {
  RunPairs(state, [](const std::string& a, const std::string& b) {
    return OsaDistanceNaive(a, b);
  });
}
BENCHMARK(BM_OsaNaive);

// One cached query token against many list tokens, as in candidate scoring.
void BM_CachedLevenshteinSimilarity(benchmark::State& state) {
  const CachedLevenshtein scorer("zhejiangdahua");
  const std::vector<std::string> list = {
      "zhejiang",  "dahua",         "zhejiangdahue", "technology",
      "hikvision", "zhejiangdahua", "company",       "zhjiangdahua"};
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(scorer.Similarity(list[i], 0.8));
    if (++i == list.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CachedLevenshteinSimilarity);

void BM_ConsonantSkeleton(benchmark::State& state) {
  RunPairs(state, [](const std::string& a, const std::string&) {
    return ConsonantSkeleton(a);
  });
}
BENCHMARK(BM_ConsonantSkeleton);

void BM_Soundex(benchmark::State& state) {
  RunPairs(state, [](const std::string& a, const std::string&) {
    return PhoneticKey(a);
  });
}
BENCHMARK(BM_Soundex);

void BM_CompareTokens(benchmark::State& state) {
  RunPairs(state, [](const std::string& a, const std::string& b) {
    return CompareTokens(a, b).similarity;
  });
}
BENCHMARK(BM_CompareTokens);

std::vector<AlignToken> Name(std::vector<std::pair<std::string, double>> t) {
  std::vector<AlignToken> out;
  for (auto& [text, w] : t) out.push_back({text, w, IsAllDigits(text)});
  return out;
}

// 3-token queries against 4-token list names.
void BM_AlignAndScore3x4(benchmark::State& state) {
  const std::vector<std::pair<std::vector<AlignToken>, std::vector<AlignToken>>>
      cases = {
          {Name({{"maduro", 1}, {"moros", 1}, {"nicolas", 0.8}}),
           Name({{"nicolas", 0.8}, {"maduro", 1}, {"moros", 1}, {"jr", 0.2}})},
          {Name({{"zhejiangdahua", 1}, {"technology", 0.1}, {"co", 0.05}}),
           Name({{"zhejiang", 0.4},
                 {"dahua", 1},
                 {"technology", 0.1},
                 {"co", 0.05}})},
          {Name({{"v", 0.3}, {"v", 0.3}, {"putin", 1}}),
           Name({{"vladimir", 0.6},
                 {"vladimirovich", 0.7},
                 {"putin", 1},
                 {"president", 0.2}})},
          {Name({{"columbia", 1}, {"maritime", 0.2}, {"trading", 0.1}}),
           Name({{"nordstrand", 1},
                 {"maritime", 0.2},
                 {"and", 0.01},
                 {"trading", 0.1}})},
      };
  size_t i = 0;
  for (auto _ : state) {
    const auto& c = cases[i];
    const Alignment a = AlignTokens(c.first, c.second);
    benchmark::DoNotOptimize(NameScore(a, c.first, c.second));
    if (++i == cases.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AlignAndScore3x4);

}  // namespace
}  // namespace partyscreen::internal

BENCHMARK_MAIN();
