// Token alignment of two names and the name score built on it.
//
// A name is a list of normalised tokens, each with a weight (how informative
// it is: a rare surname or brand weighs more than "company" or "beijing").
// `AlignTokens` pairs the query's tokens with the list name's tokens, one to
// one and independent of word order, allowing a token to match two adjacent
// tokens of the other side joined together ("sensetime" = "sense" + "time")
// and a single letter to match a word with that initial ("v" = "vladimir").
// `NameScore` turns an alignment into one number in [0, 1].
//
// Example:
//   std::vector<AlignToken> q = {{"putin", 1.0, false}, {"v", 0.3, false}};
//   std::vector<AlignToken> l = {{"vladimir", 0.6, false},
//                                {"putin", 1.0, false}};
//   Alignment a = AlignTokens(q, l);
//   // a.pairings[0]: query 0 -> list 1, kExact, 1.0
//   // a.pairings[1]: query 1 -> list 0, kInitial, 0.9
//   double s = NameScore(a, q, l);  // 0.966...
//
// Thread safety: all functions are pure and safe to call concurrently.
#ifndef PARTYSCREEN_LIB_SCORING_ALIGNER_H_
#define PARTYSCREEN_LIB_SCORING_ALIGNER_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "lib/scoring/token_similarity.h"

namespace partyscreen::internal {

// One token of a name to align.
struct AlignToken {
  std::string text;        // normalised: lower-case ASCII letters and digits
  double weight = 1.0;     // informativeness, > 0; values <= 0 (or NaN) count
                           // as a tiny positive weight
  bool is_number = false;  // numbers match only exactly
  // Vocabulary id of a list token (any id < 2^27 that identifies the text),
  // or kNoTokenId; with an AlignOptions::cache, comparisons of the same
  // query token with the same list token are computed once per query.
  uint32_t id = kNoTokenId;
  static constexpr uint32_t kNoTokenId = UINT32_MAX;
  // Query tokens only: the token is the pinyin of Chinese characters
  // (NormalizedToken::pinyin), so it may also pair by sound with a Latin
  // list word that it transcribes (TranscriptionKeysMatch, lib/scoring/
  // phonetic.h), at AlignOptions::transcription_similarity; two adjacent
  // such tokens (one four-character run is cut in two) also as a split.
  bool pinyin = false;
  // Query tokens only: the token is a dictionary translation of a Chinese
  // term (NormalizedToken::translated: "科技" -> "technology", "中国" ->
  // "china"), an English word rather than a spelling of a name. It pairs
  // with a list word only exactly or as an inflection of the same word
  // (EnglishWordVariants: "technology" / "technologies", "trading" /
  // "trade", "industrial" / "industry"), never as a near-spelling of
  // another word ("china" is not "chiva" or "chino").
  bool translated = false;
  // Query tokens only: the romanisation of a Hangul word
  // (NormalizedToken::hangul), for AlignOptions::strict_romanisation.
  bool hangul = false;
};

// True if `a` and `b` may be forms of one English word: equal once a
// plural or verb ending is taken off (s, es, ies -> y, ing, ed, e), or
// sharing their first kEnglishVariantPrefix letters, or one a shortening
// of the other of at least kEnglishAbbreviationMin letters ("tech"). No
// errors.
inline constexpr size_t kEnglishVariantPrefix = 6;
inline constexpr size_t kEnglishAbbreviationMin = 4;
bool EnglishWordVariants(absl::string_view a, absl::string_view b);

// A memo of token comparisons for one query: CompareTokens results of query
// token i against list token id (and, for joins, of query token i against
// two list ids joined, and of query tokens i + i+1 joined against a list
// id). Valid only while the query tokens and the AlignOptions stay the same:
// one cache per query. Not thread-safe (one query is scored by one thread).
class TokenPairCache {
 public:
  // The key of a comparison, or 0 if it cannot be cached (ids too large).
  // kind: 0 pair, 1 joined list tokens, 2 joined query tokens. Bits:
  // kind + 1 (62-63), query index (54-61), id1 (27-53), id2 (0-26).
  static uint64_t Key(int kind, int query_index, uint32_t id1, uint32_t id2 = 0) {
    constexpr uint32_t kIdLimit = uint32_t{1} << 27;
    if (kind < 0 || kind > 2 || query_index < 0 || query_index > 255 || id1 >= kIdLimit || id2 >= kIdLimit) {
      return 0;
    }
    return (uint64_t(kind + 1) << 62) | (uint64_t(query_index) << 54) | (uint64_t(id1) << 27) | id2;
  }
  const TokenSimilarity* Find(uint64_t key) const {
    if (const int64_t slot = DenseSlot(key); slot >= 0) {
      return dense_set_[static_cast<size_t>(slot)] ? &dense_[static_cast<size_t>(slot)] : nullptr;
    }
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
  }
  void Insert(uint64_t key, TokenSimilarity s) {
    if (const int64_t slot = DenseSlot(key); slot >= 0) {
      if (!dense_set_[static_cast<size_t>(slot)]) ++dense_count_;
      dense_[static_cast<size_t>(slot)] = s;
      dense_set_[static_cast<size_t>(slot)] = 1;
      return;
    }
    map_.emplace(key, s);
  }
  size_t size() const { return map_.size() + dense_count_; }
  // Stores the comparisons of kinds 0 and 2 (one query token, or two
  // joined, against one list id) of query indices below `query_tokens`
  // and ids below `vocabulary_size` in flat arrays instead of the hash
  // map: for a query compared with every list name (the exhaustive scan),
  // where nearly every id is looked up. Only the first kMaxDenseTokens
  // query tokens (a name's usual length) get arrays; the comparisons of
  // later ones stay in the map. Costs 2 * min(query_tokens,
  // kMaxDenseTokens) * vocabulary_size * 17 bytes; the same results.
  // Clears the cache.
  static constexpr size_t kMaxDenseTokens = 8;
  void UseDense(size_t query_tokens, size_t vocabulary_size) {
    map_.clear();
    dense_tokens_ = std::min(query_tokens, kMaxDenseTokens);
    dense_ids_ = vocabulary_size;
    dense_.assign(2 * dense_tokens_ * dense_ids_, TokenSimilarity());
    dense_set_.assign(dense_.size(), 0);
    dense_count_ = 0;
  }

 private:
  // The flat-array slot of `key`, or -1 if it is kept in the map.
  int64_t DenseSlot(uint64_t key) const {
    if (dense_ids_ == 0 || key == 0) return -1;
    const uint64_t kind = (key >> 62) - 1;
    if (kind == 1 || (key & ((uint64_t{1} << 27) - 1)) != 0) return -1;
    const uint64_t qi = (key >> 54) & 255;
    const uint64_t id = (key >> 27) & ((uint64_t{1} << 27) - 1);
    if (qi >= dense_tokens_ || id >= dense_ids_) return -1;
    return static_cast<int64_t>(((kind == 0 ? 0 : dense_tokens_) + qi) * dense_ids_ + id);
  }
  absl::flat_hash_map<uint64_t, TokenSimilarity> map_;
  std::vector<TokenSimilarity> dense_;
  std::vector<char> dense_set_;
  size_t dense_tokens_ = 0, dense_ids_ = 0, dense_count_ = 0;
};

// The match of one query token.
//   * kExact / kEditDistance / kPhonetic / kInitial: `list_index`.
//   * kJoined: the query token matched list tokens `list_index` and
//     `list_index2` = `list_index` + 1 joined.
//   * kSplit: query tokens `query_index` and `query_index2` (adjacent) joined
//     matched list token `list_index`; both query tokens get a kSplit pairing
//     naming each other, with the same similarity.
//   * kNone: unmatched, `list_index` is -1.
struct Pairing {
  int query_index = -1;
  int list_index = -1;
  int list_index2 = -1;   // second list token for kJoined
  int query_index2 = -1;  // the other query token for kSplit
  MatchMethod method = MatchMethod::kNone;
  double similarity = 0.0;
};

struct Alignment {
  // One per query token, in query order.
  std::vector<Pairing> pairings;
  // List tokens used by no pairing, ascending.
  std::vector<int> unmatched_list;
};

struct AlignOptions {
  // Pairs (and joined/split groups) below this similarity are not matched.
  // Default: 0.7.
  double min_similarity = 0.7;
  // Similarity of a single letter against a word starting with it (either
  // side may hold the initial). Default: 0.9.
  double initial_similarity = 0.9;
  // Allow single-letter tokens to match as initials. Default: true.
  bool allow_initials = true;
  // Also let a single-letter LIST token match a query word starting with it
  // ("ORVILLE L. PARKER" for a query "Laura Parker"). Default: true.
  bool allow_list_initials = true;
  // Allow one token to match two adjacent tokens of the other side joined
  // (kJoined / kSplit). Default: true.
  bool allow_joined_split = true;
  // The similarity of a joined/split match is the token similarity of the
  // concatenation times this factor, so an exact join ranks below an exact
  // one-to-one match. Default: 0.95.
  double joined_split_factor = 0.95;
  // Exact optimisation (dynamic programming over subsets of list tokens)
  // when the list name has at most this many tokens and the query at most
  // 32; otherwise greedy by weighted similarity. Values above 12 count as
  // 12 (the DP table has (query tokens + 2) * 2^m entries). Default: 8.
  int max_exact_list_tokens = 8;
  // Let two adjacent query words (AbbreviableWords) match a two-letter list
  // word of their initials ("hong kong" and "HK"), as a kSplit of similarity
  // `acronym_similarity` (no joined_split_factor), when the list word is
  // common (weight at most `acronym_max_weight`): a widely used
  // abbreviation, not a name's own rare letters ("AA Trading" is not "Al
  // Arabi Trading"). Must stay the same for all names aligned with one
  // cache. Default: true.
  bool allow_acronyms = true;
  // A pinyin query token (AlignToken::pinyin) pairs with a list word other
  // than exactly only as another romanisation of the same syllables
  // (ChineseRomanisationKey, lib/scoring/phonetic.h: "zhang" / "chang"),
  // one edit away in words of 6+ letters (a character of two readings), or
  // as the transcription of a foreign word: between personal names, where
  // a Chinese given name one letter from another is another name ("cheng"
  // is not "chen"). A Hangul query token (AlignToken::hangul) likewise, by
  // KoreanRomanisationKey ("chong" / "jeong", "pak" / "park"), without the
  // edit: Hangul has one reading. Applied after the memo, so it may vary
  // from name to name. Default: false.
  bool strict_romanisation = false;
  // Under strict_romanisation, a pair one edit apart keeps its similarity
  // only if the edit is in a vowel (ChineseRomanisationKey without vowels
  // equal: "hongyuan" / "hongyan", the two readings of one character), not
  // in a consonant ("tongrui" / "tonghui", "huafei" / "huawei": another
  // character). For Chinese organisation names, whose own words are many
  // and short. Default: false.
  bool romanisation_edit_keeps_consonants = false;
  // Default: 0.9.
  double acronym_similarity = 0.9;
  // Default: 0.5.
  double acronym_max_weight = 0.5;
  // Similarity of a pinyin query token (AlignToken::pinyin) and a list
  // word it may transcribe, method kPhonetic; a split of two pinyin tokens
  // gets this times `joined_split_factor`. Default: 0.9.
  double transcription_similarity = 0.9;
  // Also pair a two-syllable pinyin query token with a Latin list word it
  // may transcribe by the looser ShortTranscriptionKeysMatch ("baoli" /
  // "poly"), at short_transcription_similarity, method kPhonetic; one to
  // one only, after the memo (so it may vary from name to name). For
  // organisation names: between persons a two-syllable given name near
  // another word is another name. Default: false.
  bool short_transcriptions = false;
  // Default: 0.85.
  double short_transcription_similarity = 0.85;
  // ... only with list words of at least this weight: a short key is
  // shared by many words, and a common one ("china" for "xinnuo") is no
  // brand. Default: 0.5.
  double short_transcription_min_weight = 0.5;
  // Token comparison knobs. Default: TokenSimilarityOptions{}.
  TokenSimilarityOptions token;
  // Optional memo of token comparisons across the list names aligned with
  // one query (list tokens need ids). The caller must use one cache per
  // query and the same `token` and `min_similarity` options throughout.
  // Default: none.
  TokenPairCache* cache = nullptr;
};

// May adjacent words `a` and `b` be abbreviated by their initials
// (AlignOptions::allow_acronyms)? Both have 3+ letters and no digits, so
// particles ("al", "de") and codes never are. The abbreviation is
// {a[0], b[0]}. No errors.
inline bool AbbreviableWords(absl::string_view a, absl::string_view b) {
  auto letters = [](absl::string_view w) {
    if (w.size() < 3) return false;
    for (char c : w) {
      if (c < 'a' || c > 'z') return false;
    }
    return true;
  };
  return letters(a) && letters(b);
}

// Aligns `query` with `list` and returns one pairing per query token plus the
// unused list tokens.
//
// Candidate matches: every query/list token pair (`CompareTokens`, or an
// initial when one side is a single letter; number tokens only match equal
// numbers; a pinyin query token also by its transcription key), every query
// token against each two adjacent list tokens joined (kJoined), and each two
// adjacent query tokens joined against every list token (kSplit; also two
// pinyin tokens by transcription, and two words against a common two-letter
// abbreviation of their initials); single letters and numbers never take
// part in joins, and a
// join is a candidate only when it is more similar than either of its parts
// alone ("commission" does not join "commission" + "of"), and a join by
// spelling only within 2 OSA edits (1 for a looked-up side of up to 4
// letters): the edits the candidate index's keys find.
// Candidates below `min_similarity` are dropped. The value of a candidate is
// its similarity times the total weight of the tokens it covers on both
// sides. The alignment maximises the total value subject to each token being
// used at most once. For list names of at most `max_exact_list_tokens`
// tokens this is exact (a DP over the query tokens in order with a bit mask
// of used list tokens, O(n * 2^m * candidates)); for longer names it is
// greedy (highest similarity first, then highest value). Ties are broken
// deterministically by candidate order (query index, then list index). Word
// order never matters except that joined/split partners must be adjacent. No
// errors.
Alignment AlignTokens(absl::Span<const AlignToken> query,
                      absl::Span<const AlignToken> list,
                      const AlignOptions& options = {});
// The same into `out` (its vectors are reused: no allocation once they
// have grown), for callers that align many names.
void AlignTokensInto(absl::Span<const AlignToken> query,
                     absl::Span<const AlignToken> list,
                     const AlignOptions& options, Alignment* out);

// Knobs of `NameScore`. The lead tunes these on the labelled benchmark.
struct NameScoreOptions {
  // Multiplier on the weight of unmatched query tokens in the denominator.
  // 1 = a missing query token costs as much as a matched one earns.
  // Default: 1.0.
  double unmatched_query_factor = 1.0;
  // Multiplier on the weight of unmatched list tokens: extra words of the
  // list name (middle names, generic words) cost less than missing query
  // words. Default: 0.5.
  double unmatched_list_factor = 0.5;
  // Cap when both sides have a number token left unmatched ("victory 3" vs
  // "victory 5"). Default: 0.5.
  double number_conflict_cap = 0.5;
  // Cap when only one side has an unmatched number ("victory 3" vs
  // "victory"). Default: 0.65.
  double number_missing_cap = 0.65;
  // Cap for any alignment that is not all-exact, so that every inexact name
  // ranks strictly below an exact one. Default: 0.99.
  double max_inexact_score = 0.99;
};

// Cheap necessary condition for a token of length `a` to reach the
// aligner's minimum similarity against one of length `b`: CompareTokens
// needs the shorter at least half the longer (phonetic) or a small length
// difference (edit). The aligner skips joins and splits that fail it.
inline bool LengthsCompatible(size_t a, size_t b) { return 2 * std::min(a, b) >= std::max(a, b); }

// The similarity with which the aligner may pair `query` with two adjacent
// list tokens written together (`joined`), before the joined/split factor
// and before AlignOptions::strict_romanisation (which can only lower it):
// CompareTokens with the join cutoff (min_similarity / joined_split_factor),
// within the edits the index's keys find, and for a translated query word
// only an English form of it. This is the value the aligner memoises under
// TokenPairCache::Key(1, ...): the candidate score bound computes the same
// to bound a join. No errors.
TokenSimilarity JoinedListSimilarity(const AlignToken& query, absl::string_view joined,
                                     const AlignOptions& options);

// Returns the name score of `alignment` (from `AlignTokens(query, list)`) in
// [0, 1]:
//
//   credit = sum over matches of similarity * (weights of covered tokens)
//   mass   = sum over matches of (weights of covered tokens)
//          + unmatched_query_factor * (weights of unmatched query tokens)
//          + unmatched_list_factor  * (weights of unmatched list tokens)
//   score  = credit / mass
//
// then capped by `number_conflict_cap` / `number_missing_cap` when number
// tokens are left unmatched, and by `max_inexact_score` unless every token of
// both sides is matched with kExact. So the score is exactly 1 only for an
// all-exact alignment; extra low-weight (generic) list tokens cost little,
// and with equal weights and nothing unmatched the score is symmetric.
// An alignment whose indices do not fit `query`/`list` gives 0. Empty names
// give 0. No errors.
double NameScore(const Alignment& alignment, absl::Span<const AlignToken> query,
                 absl::Span<const AlignToken> list,
                 const NameScoreOptions& options = {});

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SCORING_ALIGNER_H_
