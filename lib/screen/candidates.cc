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

// Share of the query's token weight a name must be able to match to be
// scored at all.
constexpr double kMinReachableShare = 0.25;

// Similar tokens below this similarity are not keys.
constexpr float kMinKeySimilarity = 0.70f;

}  // namespace

std::vector<SimilarToken> FindSimilarTokens(const IndexData& d, absl::string_view token, bool loose) {
  std::vector<SimilarToken> out;
  TokenSimilarityOptions options;
  options.loose_phonetic = loose;
  if (token.empty()) return out;
  auto exact = d.vocab_ids.find(token);
  if (exact != d.vocab_ids.end()) out.push_back({exact->second, 1.0f});
  const int k = std::min(2, EditBudget(token.size()));
  if (k > 0 && token.size() >= 3) {
    std::vector<uint32_t> found;
    ForEachDeletion(token, [&](uint64_t h) {
      const auto range = d.DeletionRange(h);
      for (uint32_t i = range.first; i < range.second; ++i) found.push_back(d.deletion_tokens[i]);
    });
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    for (uint32_t t : found) {
      if (exact != d.vocab_ids.end() && t == exact->second) continue;
      const std::string& v = d.vocab[t];
      if (LevenshteinDistanceBounded(token, v, k) > k && (k < 2 || OsaDistance(token, v) > k)) continue;
      TokenSimilarity s = CompareTokens(token, v, options);
      if (s.similarity >= kMinKeySimilarity) out.push_back({t, static_cast<float>(s.similarity)});
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
        TokenSimilarity s = CompareTokens(token, d.vocab[t], options);
        if (s.similarity >= kMinKeySimilarity) out.push_back({t, static_cast<float>(s.similarity)});
      }
    }
  }
  if (loose && token.size() >= 4) {
    auto it = d.loose_skeleton_tokens.find(LooseSkeleton(token));
    if (it != d.loose_skeleton_tokens.end()) {
      for (uint32_t t : it->second) {
        bool have = false;
        for (const auto& s : out) have |= s.token == t;
        if (have) continue;
        TokenSimilarity s = CompareTokens(token, d.vocab[t], options);
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
                                                        int64_t max_candidates, bool prune) {
  // For every name reached, which query tokens it can match (a bit each, up
  // to 32 tokens; later tokens share bit 31). Scratch arrays are per thread
  // and stamped per query, so nothing is cleared between queries.
  thread_local std::vector<uint32_t> stamp, bits;
  thread_local uint32_t serial = 0;
  if (stamp.size() != d.names.size()) {
    stamp.assign(d.names.size(), 0);
    bits.assign(d.names.size(), 0);
    serial = 0;
  }
  if (++serial == 0) {
    std::fill(stamp.begin(), stamp.end(), 0);
    serial = 1;
  }
  std::vector<uint32_t> reached;
  auto add = [&](const Postings& p, uint32_t key, uint32_t mask) {
    for (const uint32_t* it = p.begin(key); it != p.end(key); ++it) {
      if (stamp[*it] != serial) {
        stamp[*it] = serial;
        bits[*it] = 0;
        reached.push_back(*it);
      }
      bits[*it] |= mask;
    }
  };
  auto bit = [](size_t i) { return uint32_t{1} << std::min<size_t>(i, 31); };
  for (size_t i = 0; i < q.similar.size(); ++i) {
    for (const SimilarToken& s : q.similar[i]) {
      if (d.is_particle[s.token]) continue;  // a particle alone never makes an alert
      add(d.token_postings, s.token, bit(i));
    }
    // A query token written as one word may be two list tokens ("sensetime").
    auto jit = d.joined_ids.find(q.tokens[i].text);
    if (jit != d.joined_ids.end()) add(d.joined_postings, jit->second, bit(i));
  }
  for (const auto& [i, token] : q.joined_similar) add(d.token_postings, token, bit(i) | bit(i + 1));
  for (const auto& [i, token] : q.split_similar) {
    if (!d.is_particle[token]) add(d.token_postings, token, bit(i));
  }

  // Prune names that cannot cover enough of the query: if the tokens a name
  // can match carry less than kMinReachableShare of the query's weight, its
  // score stays far below any alert (the recall test compares this with the
  // exhaustive scan).
  double total = 0;
  std::vector<double> w(std::min<size_t>(q.tokens.size(), 32), 0.0);
  for (size_t i = 0; i < q.tokens.size(); ++i) {
    total += q.tokens[i].weight;
    w[std::min<size_t>(i, 31)] += q.tokens[i].weight;
  }
  std::vector<uint32_t> out;
  out.reserve(reached.size());
  for (uint32_t n : reached) {
    double share = 0;
    for (uint32_t b = bits[n]; b; b &= b - 1) share += w[__builtin_ctz(b)];
    if (!prune || total <= 0 || share >= kMinReachableShare * total) out.push_back(n);
  }
  std::sort(out.begin(), out.end());
  if (static_cast<int64_t>(out.size()) > max_candidates) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "query needs ", out.size(), " names scored, more than the budget of ", max_candidates,
        " (ScreenerOptions.max_candidates); no partial result is returned"));
  }
  return out;
}

}  // namespace partyscreen::internal
