#include "lib/screen/candidates.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/types/optional.h"
#include "lib/scoring/aligner.h"
#include "lib/scoring/levenshtein.h"
#include "lib/scoring/phonetic.h"
#include "lib/scoring/token_similarity.h"

namespace partyscreen::internal {
namespace {

// Edits tolerated when looking a token up by spelling, by its length: none
// below 3 characters (their deletions are not indexed), 1 up to 4, else 2.
// (2 for short tokens too would leave the bounds fewer unkeyed pairings to
// allow for, but reaches more names: 13 % more instructions per query.)
int EditBudget(size_t len) { return len <= 2 ? 0 : (len <= 4 ? 1 : 2); }

// The edit budget the score bounds may assume for a query token: a token of
// 3 or 4 characters has its further neighbours (FindBoundTokens) among the
// bound's keys, so that a pair its lookup missed is, as for longer tokens,
// at least 3 OSA edits apart.
int BoundEditBudget(size_t len) { return len <= 2 ? 0 : 2; }

// Similar tokens below this similarity are not keys.
constexpr float kMinKeySimilarity = 0.70f;

// Sorts `tokens` best first (by similarity, then id).
void SortBestFirst(std::vector<SimilarToken>* tokens) {
  std::sort(tokens->begin(), tokens->end(), [](const SimilarToken& a, const SimilarToken& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.token < b.token;
  });
}

// The vocabulary tokens similar to `token` (FindSimilarTokens without its
// memo).
std::vector<SimilarToken> LookUpSimilarTokens(const IndexData& d, absl::string_view token, bool loose) {
  std::vector<SimilarToken> out;
  TokenSimilarityOptions options;
  options.loose_phonetic = loose;
  if (token.empty()) return out;
  auto exact = d.vocab_ids.find(token);
  if (exact != d.vocab_ids.end()) out.push_back({exact->second, 1.0f});
  const int k = EditBudget(token.size());
  if (k > 0 && token.size() >= 3) {
    // Hash every deletion first and prefetch its bucket, so the few hundred
    // lookups of a long token overlap their cache misses.
    thread_local std::vector<uint64_t> hashes;
    hashes.clear();
    ForEachDeletion(token, [&](uint64_t h) {
      hashes.push_back(h);
      const size_t b = static_cast<size_t>(h >> (64 - IndexData::kDeletionBucketBits));
      __builtin_prefetch(d.deletion_buckets.data() + b);
    });
    for (uint64_t h : hashes) {
      const size_t b = static_cast<size_t>(h >> (64 - IndexData::kDeletionBucketBits));
      if (d.deletion_buckets[b] < d.deletion_keys.size()) __builtin_prefetch(d.deletion_keys.data() + d.deletion_buckets[b]);
    }
    // Each token once (a token shares many deletion strings with a close
    // word): stamped per lookup in a per-thread array over the vocabulary.
    thread_local std::vector<uint32_t> stamp;
    thread_local uint32_t serial = 0;
    if (stamp.size() != d.vocab.size()) {
      stamp.assign(d.vocab.size(), 0);
      serial = 0;
    }
    if (++serial == 0) {
      std::fill(stamp.begin(), stamp.end(), 0);
      serial = 1;
    }
    thread_local std::vector<uint32_t> found;
    found.clear();
    for (uint64_t h : hashes) {
      const auto range = d.DeletionRange(h);
      for (uint32_t i = range.first; i < range.second; ++i) {
        const uint32_t t = d.deletion_tokens[i];
        if (stamp[t] == serial) continue;
        stamp[t] = serial;
        found.push_back(t);
      }
    }
    // Each OSA edit changes at most two letters of a word's letter set: a
    // token whose letters differ in more than 2k is more than k edits away
    // (most tokens sharing a deletion string are), without a distance.
    const uint32_t letters = LetterMask(token);
    for (uint32_t t : found) {
      if (exact != d.vocab_ids.end() && t == exact->second) continue;
      if (__builtin_popcount(letters ^ d.vocab_info[t].letters) > 2 * k) continue;
      const std::string& v = d.vocab[t];
      if (LevenshteinDistanceBounded(token, v, k) > k && (k < 2 || OsaDistance(token, v) > k)) continue;
      TokenSimilarity s = CompareTokens(token, v, options);
      if (s.similarity >= kMinKeySimilarity) out.push_back({t, static_cast<float>(s.similarity)});
    }
  }
  // Tokens filed under the same phonetic key, compared as the aligner does.
  auto add_keyed = [&](const absl::flat_hash_map<std::string, std::vector<uint32_t>>& map,
                       const std::string& key) {
    if (key.empty()) return;
    auto it = map.find(key);
    if (it == map.end()) return;
    for (uint32_t t : it->second) {
      bool have = false;
      for (const auto& s : out) have |= s.token == t;
      if (have) continue;
      TokenSimilarity s = CompareTokens(token, d.vocab[t], options);
      if (s.similarity >= kMinKeySimilarity) out.push_back({t, static_cast<float>(s.similarity)});
    }
  };
  if (token.size() >= 3) add_keyed(d.skeleton_tokens, ConsonantSkeleton(token));
  if (loose && token.size() >= 3) {
    std::string skeleton, consonants;
    LooseKeys(token, &skeleton, &consonants);
    add_keyed(d.loose_skeleton_tokens, skeleton);
    add_keyed(d.loose_skeleton_tokens, consonants);
  }
  SortBestFirst(&out);
  return out;
}

// The vocabulary tokens sharing the first 4 letters of `token` that are not
// in `found` yet similar to it: Jaro-Winkler may lift such pairs however
// many edits apart ("technologies"/"technology"). Tokens shorter than
// kPrefixKeyMinLength are too many edits from a 5+ letter token to reach the
// minimum similarity once 3 or more edits apart. Best first.
std::vector<SimilarToken> LookUpPrefixTokens(const IndexData& d, absl::string_view token, bool loose,
                                             const std::vector<SimilarToken>& found) {
  std::vector<SimilarToken> out;
  if (token.size() < IndexData::kPrefixKeyMinLength) return out;
  TokenSimilarityOptions options;
  options.loose_phonetic = loose;
  const uint64_t key = uint64_t{IndexData::PrefixKey(token)} << 32;
  auto it = std::lower_bound(d.prefix_tokens.begin(), d.prefix_tokens.end(), key);
  for (; it != d.prefix_tokens.end() && (*it >> 32) == (key >> 32); ++it) {
    const uint32_t t = static_cast<uint32_t>(*it);
    bool have = false;
    for (const auto& s : found) have |= s.token == t;
    if (have) continue;
    TokenSimilarity s = CompareTokens(token, d.vocab[t], options, kMinKeySimilarity);
    if (s.similarity >= kMinKeySimilarity) out.push_back({t, static_cast<float>(s.similarity)});
  }
  SortBestFirst(&out);
  return out;
}

// The vocabulary tokens of 2 characters that are digit/letter look-alikes
// of a 2-character `token` ("a1" ~ "al", "ai"; "b0" ~ "bo"), not in
// `found`, that CompareTokens pairs (Rule 3, homoglyph_similarity). A
// token that short has no edit budget (EditBudget 0), so without these a
// name whose word differs only so would be reached by no key. Best first.
std::vector<SimilarToken> LookUpHomoglyphTokens(const IndexData& d, absl::string_view token, bool loose,
                                                const std::vector<SimilarToken>& found) {
  std::vector<SimilarToken> out;
  if (token.size() != 2) return out;
  TokenSimilarityOptions options;
  options.loose_phonetic = loose;
  std::string variant(token);
  for (char a : std::string(1, token[0]) + std::string(HomoglyphPartners(token[0]))) {
    for (char b : std::string(1, token[1]) + std::string(HomoglyphPartners(token[1]))) {
      variant[0] = a;
      variant[1] = b;
      if (variant == token) continue;
      auto it = d.vocab_ids.find(variant);
      if (it == d.vocab_ids.end()) continue;
      const uint32_t t = it->second;
      if (std::any_of(found.begin(), found.end(), [t](const SimilarToken& s) { return s.token == t; })) continue;
      TokenSimilarity sim = CompareTokens(token, variant, options);
      if (sim.similarity >= kMinKeySimilarity) out.push_back({t, static_cast<float>(sim.similarity)});
    }
  }
  SortBestFirst(&out);
  return out;
}

// The vocabulary tokens of FindBoundTokens for `token`, given its keys
// `keys`. A pair of OSA distance e reaches the aligner's minimum similarity
// 0.7 by the edit route only if 1 - e / longer + 0.1 (the Jaro-Winkler lift
// at most) >= 0.7, i.e. e <= 0.4 x the longer length: for a token of 3 or 4
// characters, 1 edit at any length (the key lookup, budget 1, misses only
// transpositions), or 2 edits with a list word of 5 or 6 characters. Such a
// pair shares a string of its query token less at most one character with
// the list word less at most two (its common subsequence is at least that
// long), so the query token's deletions of 0 and 1 characters find it in
// the deletion index. Each is compared as LookUpSimilarTokens does; best
// first.
std::vector<SimilarToken> LookUpBoundTokens(const IndexData& d, absl::string_view token, bool loose,
                                            const std::vector<SimilarToken>& keys) {
  std::vector<SimilarToken> out;
  if (token.size() < 3 || EditBudget(token.size()) != 1) return out;
  TokenSimilarityOptions options;
  options.loose_phonetic = loose;
  const std::string text(token);
  std::vector<uint32_t> found;
  auto collect = [&](absl::string_view s) {
    const auto range = d.DeletionRange(DeletionHash(s));
    for (uint32_t i = range.first; i < range.second; ++i) found.push_back(d.deletion_tokens[i]);
  };
  collect(text);
  for (size_t i = 0; i < text.size(); ++i) collect(text.substr(0, i) + text.substr(i + 1));
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  const uint32_t letters = LetterMask(token);
  for (uint32_t t : found) {
    bool have = false;
    for (const auto& k : keys) have |= k.token == t;
    if (have || __builtin_popcount(letters ^ d.vocab_info[t].letters) > 4) continue;  // 3+ edits
    const std::string& v = d.vocab[t];
    if (OsaDistance(token, v) > 2) continue;
    TokenSimilarity s = CompareTokens(token, v, options);
    if (s.similarity >= kMinKeySimilarity) out.push_back({t, static_cast<float>(s.similarity)});
  }
  SortBestFirst(&out);
  return out;
}

// True if key `s` of query token i is the token itself (an exact match).
bool IsExactKey(const IndexData& d, const QueryName& q, size_t i, const SimilarToken& s) {
  return s.similarity >= 1.0f && d.vocab[s.token] == q.tokens[i].text;
}

}  // namespace

double UnkeyedSimilarityBound(size_t query_length, size_t list_length, bool digits, bool far_lift_needs_prefix) {
  static const TokenSimilarityOptions token_defaults;
  static const AlignOptions align_defaults;
  if (query_length == 0 || list_length == 0) return 0;
  const size_t longer = std::max(query_length, list_length);
  const size_t shorter = std::min(query_length, list_length);
  // The lookup keeps every token within k = 2 OSA edits of a query token of
  // 3+ characters that the deletion keys find: all of them while both
  // tokens have 3 to 24 characters (2 deletions each side,
  // ForEachDeletion; shorter list tokens have no deletion keys, longer ones
  // only 1 deletion, which still finds every pair 1 edit apart). A token it
  // missed is then at least 3 OSA edits away (2 beyond 24 characters; a
  // list token under 3 characters merely differs), and never fewer edits
  // apart than the length difference.
  const int k = BoundEditBudget(query_length);
  size_t osa_min = 1;
  if (k == 2 && list_length >= 3) osa_min = query_length <= 24 && list_length <= 24 ? 3 : 2;
  const size_t osa = std::max<size_t>(osa_min, longer - shorter);
  double edit = 1.0 - static_cast<double>(osa) / static_cast<double>(longer);
  // Pairs 3+ edits apart sharing their first 4 letters are keyed (the prefix
  // lookup): with far_lift_prefix, a missed pair that far apart has no lift.
  const bool lift = !far_lift_needs_prefix || osa <= 2;
  double bound =
      edit + (lift ? std::max(token_defaults.jaro_winkler_bonus_cap, token_defaults.short_substitution_bonus_cap) : 0.0);
  if (digits && query_length == list_length) bound = std::max(bound, token_defaults.homoglyph_similarity);
  bound = std::min(bound, 0.99);
  return bound >= align_defaults.min_similarity ? bound : 0.0;
}

namespace {

// FindSimilarTokens (with_prefix or not), or with `bound` FindBoundTokens.
std::vector<SimilarToken> FindTokens(const IndexData& d, absl::string_view token, bool loose, bool with_prefix,
                                     bool bound) {
  // The same words recur across the rows of a vendor file ("technology",
  // "trading", common surnames): each thread keeps the lookups it made in
  // the index it made them in, up to a bound.
  // Per token: the lookup, then the tokens LookUpPrefixTokens adds to it,
  // then (once asked) those of LookUpBoundTokens, in one vector.
  struct Found {
    std::vector<SimilarToken> tokens;
    uint32_t similar = 0;     // end of the lookup's tokens
    uint32_t with_prefix = 0; // end of the prefix tokens
    bool bound_done = false;
  };
  struct Memo {
    uint64_t index_serial = 0;
    absl::flat_hash_map<std::string, Found> found[2];  // by `loose`
  };
  constexpr size_t kMaxMemoTokens = 1 << 16;
  thread_local Memo memo;
  if (memo.index_serial != d.serial) {
    memo.found[0].clear();
    memo.found[1].clear();
    memo.index_serial = d.serial;
  }
  auto& found = memo.found[loose ? 1 : 0];
  auto it = found.find(token);
  if (it == found.end()) {
    Found f;
    f.tokens = LookUpSimilarTokens(d, token, loose);
    f.similar = static_cast<uint32_t>(f.tokens.size());
    std::vector<SimilarToken> more = LookUpPrefixTokens(d, token, loose, f.tokens);
    f.tokens.insert(f.tokens.end(), more.begin(), more.end());
    more = LookUpHomoglyphTokens(d, token, loose, f.tokens);
    f.tokens.insert(f.tokens.end(), more.begin(), more.end());
    f.with_prefix = static_cast<uint32_t>(f.tokens.size());
    if (found.size() >= kMaxMemoTokens) found.clear();
    it = found.emplace(std::string(token), std::move(f)).first;
  }
  Found& f = it->second;
  auto part = [&f](uint32_t begin, uint32_t end) {
    return std::vector<SimilarToken>(f.tokens.begin() + begin, f.tokens.begin() + end);
  };
  if (bound) {
    if (!f.bound_done) {
      std::vector<SimilarToken> keys = part(0, f.with_prefix);
      std::vector<SimilarToken> more = LookUpBoundTokens(d, token, loose, keys);
      f.tokens.insert(f.tokens.end(), more.begin(), more.end());
      f.bound_done = true;
    }
    return part(f.with_prefix, static_cast<uint32_t>(f.tokens.size()));
  }
  return part(0, with_prefix ? f.with_prefix : f.similar);
}

}  // namespace

std::vector<SimilarToken> FindSimilarTokens(const IndexData& d, absl::string_view token, bool loose,
                                            bool with_prefix) {
  return FindTokens(d, token, loose, with_prefix, /*bound=*/false);
}

std::vector<SimilarToken> FindBoundTokens(const IndexData& d, absl::string_view token, bool loose) {
  return FindTokens(d, token, loose, /*with_prefix=*/true, /*bound=*/true);
}

void QueryKeyTable::Build(const IndexData& d, const QueryName& q) {
  keys_.clear();
  joined_.clear();
  initials_.clear();
  query_length_.clear();
  query_letters_.clear();
  query_digit_.clear();
  auto make_table = [](bool far_lift_needs_prefix) {
    std::vector<double> t;
    t.reserve(256 * 256 * 2);
    for (size_t q = 0; q < 256; ++q) {
      for (size_t l = 0; l < 256; ++l) {
        for (bool digits : {false, true}) t.push_back(UnkeyedSimilarityBound(q, l, digits, far_lift_needs_prefix));
      }
    }
    return t;
  };
  static const std::vector<double> lift_any = make_table(false);
  static const std::vector<double> lift_prefix = make_table(true);
  token_options_ = QueryTokenOptions(q);
  unkeyed_table_ = token_options_.far_lift_prefix > 0 ? &lift_prefix : &lift_any;
  bounds_.clear();
  bound_sims_.clear();
  if (stamp_.size() != d.vocab.size()) {
    stamp_.assign(d.vocab.size(), 0);
    begin_.assign(d.vocab.size(), 0);
    end_.assign(d.vocab.size(), 0);
    bound_slot_.assign(d.vocab.size(), {0, 0});
    serial_ = 0;
  }
  if (++serial_ == 0) {
    std::fill(stamp_.begin(), stamp_.end(), 0);
    std::fill(bound_slot_.begin(), bound_slot_.end(), std::make_pair(0u, 0u));
    serial_ = 1;
  }
  for (size_t i = 0; i < q.tokens.size(); ++i) {
    const std::string& text = q.tokens[i].text;
    auto exact = d.vocab_ids.find(text);
    const uint32_t exact_id = exact != d.vocab_ids.end() ? exact->second : UINT32_MAX;
    for (const SimilarToken& s : q.similar[i]) {
      const bool is_exact = s.token == exact_id;
      // SimilarToken holds the similarity as a float: the next float up
      // bounds the double the aligner computes.
      keys_.push_back({s.token, static_cast<uint32_t>(i), is_exact ? QueryKey::kExact : uint8_t{0},
                       is_exact ? 1.0 : static_cast<double>(std::nextafter(s.similarity, 2.0f))});
    }
    if (i < q.bound_similar.size()) {
      for (const SimilarToken& s : q.bound_similar[i]) {
        keys_.push_back({s.token, static_cast<uint32_t>(i), uint8_t{0},
                         static_cast<double>(std::nextafter(s.similarity, 2.0f))});
      }
    }
    if (text.size() == 1) initials_.emplace_back(static_cast<uint32_t>(i), text[0]);
    query_length_.push_back(static_cast<uint8_t>(std::min<size_t>(text.size(), 255)));
    query_letters_.push_back(LetterMask(text));
    query_digit_.push_back(std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) ? 1 : 0);
    if (d.joined_ids.contains(text)) joined_.push_back(static_cast<uint32_t>(i));
  }
  // Joined and split pairings score their token similarity times the
  // aligner's joined/split factor (0.95): at most 0.95.
  const double kJoinBound = AlignOptions().joined_split_factor;
  for (const auto& [i, token] : q.joined_similar) {
    keys_.push_back({token, static_cast<uint32_t>(i), QueryKey::kSpansNext, kJoinBound});
  }
  for (const auto& [i, token] : q.split_similar) {
    keys_.push_back({token, static_cast<uint32_t>(i), QueryKey::kJoinPart, kJoinBound});
  }
  std::stable_sort(keys_.begin(), keys_.end(),
                   [](const QueryKey& a, const QueryKey& b) { return a.token < b.token; });
  for (uint32_t k = 0; k < keys_.size(); ++k) {
    const uint32_t t = keys_[k].token;
    if (t >= stamp_.size()) continue;  // ids come from this index: never
    if (stamp_[t] != serial_) {
      stamp_[t] = serial_;
      begin_[t] = k;
    }
    end_[t] = k + 1;
  }
}

namespace {

// A token that MaxScore would skip reaches names all the same when its
// keys' postings number at most this many times those read anyway (the
// other tokens' and the names with a letters-and-digits word, which a skip
// reaches). Measured on the harness's query mix and on a file of fictional
// vendor names (callgrind, 2,000 rows: -12 % instructions; with the second,
// marking pass below, -2 % more).
constexpr size_t kUnskipRatio = 2;

// A key word weighs at most its weight (as ComputeFeatures, at least
// 1e-6); two joined words at most 2.
constexpr float kJoinedWeight = 2.0f;
float KeyWordWeight(const IndexData& d, uint32_t t) { return std::max(d.weight[t], 1e-6f); }

// Query token i's bit in a key's mask (tokens from 31 on share bit 31).
uint32_t TokenBit(size_t i) { return uint32_t{1} << std::min<size_t>(i, 31); }

// Calls fn(postings, key, mask, weight) for each key whose postings
// CollectCandidates reads: `mask` has the bits of the query tokens it may
// pair with (and in its high 32 bits those it equals), `weight` what its
// list words weigh at most. Particles are not among them: beside a word of
// its own, a particle alone never makes an alert; their masks are ORed
// into *particle_keys (when not null).
template <typename Fn>
void ForEachKey(const IndexData& d, const QueryName& q, uint64_t* particle_keys, Fn&& fn) {
  for (size_t i = 0; i < q.similar.size(); ++i) {
    for (const SimilarToken& s : q.similar[i]) {
      const uint64_t mask =
          IsExactKey(d, q, i, s) ? (uint64_t{TokenBit(i)} << 32 | TokenBit(i)) : uint64_t{TokenBit(i)};
      if (d.is_particle[s.token]) {
        if (particle_keys != nullptr) *particle_keys |= mask;
        continue;
      }
      fn(d.token_postings, s.token, mask, KeyWordWeight(d, s.token));
    }
    // A query token written as one word may be two list tokens ("sensetime").
    auto jit = d.joined_ids.find(q.tokens[i].text);
    if (jit != d.joined_ids.end()) fn(d.joined_postings, jit->second, uint64_t{TokenBit(i)}, kJoinedWeight);
  }
  for (const auto& [i, token] : q.joined_similar) {
    fn(d.token_postings, token, uint64_t{TokenBit(i) | TokenBit(i + 1)}, KeyWordWeight(d, token));
  }
  for (size_t k = 0; k < q.split_reached && k < q.split_similar.size(); ++k) {
    const auto& [i, token] = q.split_similar[k];
    if (!d.is_particle[token]) fn(d.token_postings, token, uint64_t{TokenBit(i)}, KeyWordWeight(d, token));
  }
  for (const auto& [i, joined] : q.joined_sound) fn(d.joined_postings, joined, uint64_t{TokenBit(i)}, kJoinedWeight);
}

}  // namespace

absl::StatusOr<std::vector<uint32_t>> CollectCandidates(const IndexData& d, const QueryName& q,
                                                        int64_t max_candidates, double name_cutoff,
                                                        std::vector<double>* bounds) {
  // The names reached, each once. Scratch arrays are per thread and stamped
  // per query, so nothing is cleared between queries.
  // With each name, which query tokens it can match (a bit each, up to 32
  // tokens; later tokens share bit 31), and in the high 32 bits which of
  // them a key equal to the token itself reached (may match exactly).
  thread_local std::vector<uint32_t> stamp;
  thread_local std::vector<uint64_t> bits;
  // The names reached as a bit set (bit n % 64 of word n / 64), to list
  // them in index order without sorting; cleared as it is read.
  thread_local std::vector<uint64_t> marks;
  // With each name, the total weight of the list words that the keys read
  // for it named (a word named twice counts twice): with the query tokens'
  // allowances for the words no read key names, it bounds the list weight
  // that the query can cover (QuerySideBound::MayReach).
  thread_local std::vector<float> covered;
  thread_local uint32_t serial = 0;
  if (stamp.size() != d.names.size()) {
    stamp.assign(d.names.size(), 0);
    bits.assign(d.names.size(), 0);
    covered.assign(d.names.size(), 0);
    marks.assign((d.names.size() + 63) / 64, 0);
    serial = 0;
  }
  if (++serial == 0) {
    std::fill(stamp.begin(), stamp.end(), 0);
    serial = 1;
  }
  const bool prune = name_cutoff > 0;
  thread_local QueryKeyTable keys;
  absl::optional<QuerySideBound> query_side;
  // Query tokens too common to make a hit on their own (MaxScore, Turtle and
  // Flood 1995): if a name matching only these (and tokens any name may
  // match) cannot reach the cutoff even with every list word matched, their
  // long posting lists need not reach names: every name that can reach it
  // is reached through another token. They are read only to mark the names
  // reached (below).
  uint32_t skip = 0;
  if (prune) {
    keys.Build(d, q);
    query_side.emplace(d, q, keys);
    std::vector<size_t> order(std::min<size_t>(q.tokens.size(), 31));
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return q.tokens[a].weight < q.tokens[b].weight; });
    uint32_t low = 0;
    // Over any name without a letters-and-digits word (those few are all
    // reached below): as many tokens as the longest, or one; any weight;
    // words of any length.
    const uint32_t longest = d.max_name_tokens;
    const uint32_t any_lengths = ~IndexData::NameFacts::kDigitWord;
    for (size_t i : order) {
      const uint32_t with = low | (uint32_t{1} << i);
      if (query_side->MayReach(with, with, longest, 0, name_cutoff, any_lengths) ||
          query_side->MayReach(with, with, 1, 0, name_cutoff, any_lengths)) {
        break;
      }
      low = with;
    }
    // A skip costs as well: every name with a letters-and-digits word is
    // reached, and the skipped tokens' postings are still read to mark the
    // names reached (below). Where a skipped token's postings are few
    // beside those read anyway, it reaches names through them instead.
    if (low != 0) {
      std::vector<size_t> postings(order.size(), 0);  // per token, of its keys
      ForEachKey(d, q, nullptr, [&](const Postings& p, uint32_t key, uint64_t mask, float) {
        for (uint32_t x = static_cast<uint32_t>(mask); x != 0; x &= x - 1) {
          const auto i = static_cast<size_t>(__builtin_ctz(x));
          if (i < postings.size()) postings[i] += p.size(key);
        }
      });
      std::vector<std::pair<size_t, size_t>> skipped;  // (postings, token)
      size_t read = d.digit_word_names.size();
      for (size_t i = 0; i < order.size(); ++i) {
        if ((low >> i) & 1) {
          skipped.emplace_back(postings[i], i);
        } else {
          read += postings[i];
        }
      }
      std::sort(skipped.begin(), skipped.end());
      for (const auto& [p, i] : skipped) {
        if (p > kUnskipRatio * read) break;
        low &= ~(uint32_t{1} << i);
        read += p;
      }
    }
    if (q.tokens.size() <= 31) skip = low;
  }
  std::vector<uint32_t> reached;
  auto reach = [&](uint32_t n) {
    stamp[n] = serial;
    bits[n] = 0;
    covered[n] = 0;
    marks[n >> 6] |= uint64_t{1} << (n & 63);
    reached.push_back(n);
  };
  // The keys are read twice. The first pass reads those of the tokens not
  // skipped and reaches the names they name; the second, once every name
  // is reached, reads those of the skipped tokens and only marks the names
  // reached: a name that only they name cannot reach the cutoff, and the
  // names reached learn which query tokens they may match, as if no token
  // had been skipped.
  bool marking = false;
  // `weight`: what the key's list words weigh (at most).
  auto add = [&](const Postings& p, uint32_t key, uint64_t mask, float weight) {
    if (((static_cast<uint32_t>(mask) & ~skip) == 0) != marking) return;
    const uint32_t* const end = p.end(key);
    if (marking) {
      for (const uint32_t* it = p.begin(key); it != end; ++it) {
        if (stamp[*it] != serial) continue;
        bits[*it] |= mask;
        covered[*it] += weight;
      }
      return;
    }
    for (const uint32_t* it = p.begin(key); it != end; ++it) {
      if (stamp[*it] != serial) reach(*it);
      bits[*it] |= mask;
      covered[*it] += weight;
    }
  };
  uint64_t particle_keys = 0;
  ForEachKey(d, q, &particle_keys, add);
  // A query of initials only ("V. V.") reaches no name through keys, yet
  // matches every name whose words start with them: all names are reached
  // (and bounded below).
  bool only_initials = q.hint != NameKindHint::kOrganization;
  for (const auto& t : q.tokens) only_initials &= t.text.size() == 1 && !t.is_number;
  if (only_initials) {
    for (uint32_t n = 0; n < d.names.size(); ++n) {
      if (stamp[n] != serial) reach(n);
    }
  }
  // The few names made of particles only are reached whenever a key is a
  // particle.
  if (particle_keys != 0) {
    for (uint32_t n : d.particle_names) {
      if (stamp[n] != serial) reach(n);
      bits[n] |= particle_keys;
    }
  }
  // The skip above holds for names without a letters-and-digits word, where
  // no homoglyph pairing is possible; the others are all bounded.
  if (skip != 0) {
    for (uint32_t n : d.digit_word_names) {
      if (stamp[n] != serial) reach(n);
    }
    marking = true;
    ForEachKey(d, q, nullptr, add);
  }
  // The further tokens a short query token may pair with reach no name, but
  // mark the names reached otherwise that hold them: the bounds count them
  // as keys (FindBoundTokens).
  if (prune) {
    for (size_t i = 0; i < q.bound_similar.size(); ++i) {
      const uint32_t mask = TokenBit(i);
      for (const SimilarToken& s : q.bound_similar[i]) {
        const float weight = KeyWordWeight(d, s.token);
        for (const uint32_t* it = d.token_postings.begin(s.token); it != d.token_postings.end(s.token); ++it) {
          if (stamp[*it] == serial) {
            bits[*it] |= mask;
            covered[*it] += weight;
          }
        }
      }
    }
  }
  // In index order (names, their tokens and vocabulary facts are then read
  // front to back, which the caches and prefetchers reward): from the bit
  // set when that is cheaper than sorting, which also clears it.
  if (reached.size() * 16 >= marks.size()) {
    size_t k = 0;
    for (size_t w = 0; w < marks.size(); ++w) {
      for (uint64_t x = marks[w]; x != 0; x &= x - 1) reached[k++] = static_cast<uint32_t>(w * 64 + __builtin_ctzll(x));
      marks[w] = 0;
    }
  } else {
    for (uint32_t n : reached) marks[n >> 6] = 0;
    std::sort(reached.begin(), reached.end());
  }

  // Prune names whose score bound cannot reach the cutoff: first from the
  // query tokens the name can match, then from its own tokens (the recall
  // test compares this with the exhaustive scan).
  std::vector<uint32_t> out;
  std::vector<std::pair<uint32_t, double>> bounded;
  if (prune) {
    // The keyed cover: what the keys read named, plus per query token
    // what they cannot have named (all of it where they were not read).
    query_side->SetKeyedCover(static_cast<uint32_t>(particle_keys));
    // Each name costs a few cache misses (its facts, its tokens): fetch
    // them some names ahead.
    constexpr size_t kFactsAhead = 12, kTokensAhead = 6;
    const size_t count = reached.size();
    for (size_t r = 0; r < count; ++r) {
      if (r + kFactsAhead < count) __builtin_prefetch(&d.name_facts[reached[r + kFactsAhead]]);
      if (r + kTokensAhead < count) __builtin_prefetch(d.name_tokens.data() + d.name_facts[reached[r + kTokensAhead]].token_begin);
      const uint32_t n = reached[r];
      const IndexData::NameFacts& facts = d.name_facts[n];
      uint32_t tokens = facts.token_count;
      if (tokens == 65535) tokens = d.names[n].token_count;
      const auto matchable = static_cast<uint32_t>(bits[n]);
      const auto exact = static_cast<uint32_t>(bits[n] >> 32);
      // float sums of at most a few hundred words: a margin covers rounding.
      const double keyed_cover = static_cast<double>(covered[n]) * (1 + 1e-5) + 1e-5;
      if (!query_side->MayReach(matchable, exact, tokens, facts.weight, name_cutoff, facts.lengths, keyed_cover)) {
        continue;
      }
      // Passed only by letting query tokens pair with list words of the
      // name's lengths that no key named: again with the tokens that its
      // words do let pair so (their facts are the full bound's, memoised).
      const uint32_t unkeyed = query_side->unkeyed() & ~matchable;
      if (unkeyed != 0 && !query_side->MayReach(matchable, exact, tokens, facts.weight, name_cutoff,
                                                /*list_lengths=*/0, keyed_cover)) {
        const uint32_t pairs = InexactPairings(d, q, keys, n) & unkeyed;
        if (!query_side->MayReach(matchable | pairs, exact, tokens, facts.weight, name_cutoff, /*list_lengths=*/0,
                                  keyed_cover)) {
          continue;
        }
      }
      double bound = NameScoreUpperBound(d, q, keys, n, name_cutoff);
      if (facts.weak_alias) bound *= kWeakAliasFactor;
      if (bound >= name_cutoff) bounded.emplace_back(n, bound);
    }
    std::sort(bounded.begin(), bounded.end());
    out.reserve(bounded.size());
    for (const auto& [n, b] : bounded) out.push_back(n);
  } else {
    out = std::move(reached);
  }
  if (bounds != nullptr) {
    bounds->clear();
    if (prune) {
      for (const auto& [n, b] : bounded) bounds->push_back(b);
    } else {
      bounds->assign(out.size(), 1.0);
    }
  }
  if (static_cast<int64_t>(out.size()) > max_candidates) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "query needs ", out.size(), " names scored, more than the budget of ", max_candidates,
        " (ScreenerOptions.max_candidates); no partial result is returned"));
  }
  return out;
}

}  // namespace partyscreen::internal
