#include "lib/screen/candidates.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "lib/scoring/levenshtein.h"
#include "lib/scoring/phonetic.h"
#include "lib/scoring/token_similarity.h"

namespace partyscreen::internal {
namespace {

// Edits tolerated when looking a token up by spelling, by its length.
int EditBudget(size_t len) {
  if (len <= 2) return 0;
  if (len <= 4) return 1;
  if (len <= 9) return 2;
  return 3;
}

// Similar tokens below this similarity are not keys.
constexpr float kMinKeySimilarity = 0.70f;

}  // namespace

std::vector<SimilarToken> FindSimilarTokens(const IndexData& d, absl::string_view token) {
  std::vector<SimilarToken> out;
  if (token.empty()) return out;
  auto exact = d.vocab_ids.find(token);
  if (exact != d.vocab_ids.end()) out.push_back({exact->second, 1.0f});
  const int k = EditBudget(token.size());
  if (k > 0) {
    const size_t lo = token.size() > static_cast<size_t>(k) ? token.size() - k : 1;
    const size_t hi = std::min(d.vocab_by_length.size() - 1, token.size() + k);
    for (size_t len = lo; len <= hi && len < d.vocab_by_length.size(); ++len) {
      for (uint32_t t : d.vocab_by_length[len]) {
        const std::string& v = d.vocab[t];
        if (exact != d.vocab_ids.end() && t == exact->second) continue;
        if (LevenshteinDistanceBounded(token, v, k) > k) {
          // Adjacent transpositions count 2 in Levenshtein; allow them.
          if (k < 2 || OsaDistance(token, v) > k) continue;
        }
        TokenSimilarity s = CompareTokens(token, v);
        if (s.similarity >= kMinKeySimilarity) out.push_back({t, static_cast<float>(s.similarity)});
      }
    }
  }
  if (token.size() >= 3) {
    std::string sk = ConsonantSkeleton(token);
    auto it = d.skeleton_tokens.find(sk);
    if (it != d.skeleton_tokens.end()) {
      for (uint32_t t : it->second) {
        bool have = false;
        for (const auto& s : out) have |= s.token == t;
        if (have) continue;
        TokenSimilarity s = CompareTokens(token, d.vocab[t]);
        if (s.similarity >= kMinKeySimilarity) out.push_back({t, static_cast<float>(s.similarity)});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const SimilarToken& a, const SimilarToken& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.token < b.token;
  });
  return out;
}

absl::StatusOr<std::vector<uint32_t>> CollectCandidates(const IndexData& d, const QueryName& q,
                                                        int64_t max_candidates) {
  std::vector<uint32_t> out;
  auto add = [&](const Postings& p, uint32_t key) { out.insert(out.end(), p.begin(key), p.end(key)); };
  for (size_t i = 0; i < q.similar.size(); ++i) {
    for (const SimilarToken& s : q.similar[i]) {
      if (d.is_particle[s.token]) continue;  // a particle alone never makes an alert
      add(d.token_postings, s.token);
    }
    // A query token written as one word may be two list tokens ("sensetime").
    const std::string& text = q.tokens[i].text;
    auto jit = d.joined_ids.find(text);
    if (jit != d.joined_ids.end()) add(d.joined_postings, jit->second);
    // Initials: a one-letter query token contributes no key of its own.
  }
  for (const auto& [i, token] : q.joined_similar) add(d.token_postings, token);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (static_cast<int64_t>(out.size()) > max_candidates) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "query needs ", out.size(), " names scored, more than the budget of ", max_candidates,
        " (ScreenerOptions.max_candidates); no partial result is returned"));
  }
  return out;
}

}  // namespace partyscreen::internal
