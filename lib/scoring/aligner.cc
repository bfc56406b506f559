#include "lib/scoring/aligner.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "lib/scoring/levenshtein.h"
#include "lib/scoring/phonetic.h"

namespace partyscreen::internal {
namespace {

constexpr double kMinWeight = 1e-6;

inline double Weight(const AlignToken& t) {
  return t.weight > kMinWeight ? t.weight : kMinWeight;  // NaN -> kMinWeight
}

inline bool IsNumber(const AlignToken& t) {
  return t.is_number || IsAllDigits(t.text);
}

inline bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

// A join or split by spelling is accepted within the edits that the
// index's keys find (lib/screen/candidates.cc: OSA distance 1 for
// `looked_up` of up to 4 letters, 2 for longer ones); beyond that, glued
// words share too little ("arlni" + "zadeh" is not "qolizadeh") and the
// index could not find them. Phonetic matches are keyed and kept.
TokenSimilarity WithinJoinEdits(absl::string_view looked_up, absl::string_view other,
                                TokenSimilarity s) {
  if (s.similarity <= 0 || s.method != MatchMethod::kEditDistance) return s;
  const int k = looked_up.size() <= 4 ? 1 : 2;
  if (OsaDistance(looked_up, other) > k) return {0.0, MatchMethod::kNone};
  return s;
}

// A candidate match: query tokens q1 (and q2 for kSplit) with list tokens l1
// (and l2 for kJoined).
struct Candidate {
  int q1, q2, l1, l2;
  MatchMethod method;
  double similarity;
  double value;
  uint32_t list_mask() const {
    return (uint32_t{1} << l1) | (l2 >= 0 ? uint32_t{1} << l2 : 0);
  }
  int query_span() const { return q2 >= 0 ? 2 : 1; }
};

// `s` (the similarity of pinyin `pinyin` and Latin `latin`) for
// AlignOptions::strict_romanisation, or none unless the two may be romanisations of one Chinese name: the pinyin
// of the query's characters is exact, so a difference of spelling is one of
// romanisation (ChineseRomanisationKey: "zhang" / "chang"), not a typing
// error; another letter is another syllable ("cheng" is not "chen",
// "zhiming" not "zhihong"). Only words of kRomanisationEditMinLength or
// more letters one edit apart keep their similarity: a character of two
// readings (勒 lei or le: "leicheng" / "lecheng"), a misspelt listing.
// For Hangul (`hangul`), the same by KoreanRomanisationKey, without the
// edit.
constexpr size_t kRomanisationEditMinLength = 6;
// The consonants of ChineseRomanisationKey(`s`).
std::string RomanisationConsonants(absl::string_view s) {
  std::string key = ChineseRomanisationKey(s), out;
  for (char c : key) {
    if (c != 'a' && c != 'e' && c != 'i' && c != 'o' && c != 'u' && c != 'v') out.push_back(c);
  }
  return out;
}

TokenSimilarity WithinRomanisation(absl::string_view pinyin, absl::string_view latin, TokenSimilarity s,
                                   bool hangul, const AlignOptions& options) {
  if (s.similarity <= 0 || s.method == MatchMethod::kExact) return s;
  if (hangul) {
    if (KoreanRomanisationKey(pinyin) == KoreanRomanisationKey(latin)) return s;
    return {0.0, MatchMethod::kNone};
  }
  if (s.method == MatchMethod::kPhonetic && TranscriptionKeysMatch(pinyin, latin)) return s;  // a foreign word
  if (ChineseRomanisationKey(pinyin) == ChineseRomanisationKey(latin)) return s;
  if (std::min(pinyin.size(), latin.size()) >= kRomanisationEditMinLength && OsaDistance(pinyin, latin) <= 1 &&
      (!options.romanisation_edit_keeps_consonants ||
       RomanisationConsonants(pinyin) == RomanisationConsonants(latin))) {
    return s;
  }
  return {0.0, MatchMethod::kNone};
}

// Similarity of one query token with one list token.
// `s` (the spelling similarity of `pinyin` and `latin`), raised to
// options.transcription_similarity when `is_pinyin` and the two may be a
// transcription (TranscriptionKeysMatch), if that reaches `floor`.
TokenSimilarity WithTranscription(TokenSimilarity s, bool is_pinyin, absl::string_view pinyin,
                                  absl::string_view latin, double floor, const AlignOptions& options) {
  if (is_pinyin && s.similarity < options.transcription_similarity && options.transcription_similarity >= floor &&
      TranscriptionKeysMatch(pinyin, latin)) {
    s = {options.transcription_similarity, MatchMethod::kPhonetic};
  }
  return s;
}

// The stem of English word `w` for EnglishWordVariants.
std::string EnglishStem(absl::string_view w) {
  std::string s(w);
  auto ends = [&](absl::string_view suffix) {
    return s.size() > suffix.size() + 2 && absl::EndsWith(s, suffix);
  };
  if (ends("ies")) {
    s.resize(s.size() - 3);
    s += 'y';
  } else if (ends("ing") || ends("ed")) {
    s.resize(s.size() - (s.back() == 'g' ? 3 : 2));
  } else if (ends("es") || ends("s")) {
    s.resize(s.size() - (s[s.size() - 2] == 'e' ? 2 : 1));
  }
  if (ends("e")) s.pop_back();
  return s;
}

// `s` (the similarity of query token `q` with list text `list_text`), or
// none when `q` is a translation and `list_text` is not a form of the same
// English word (AlignToken::translated).
TokenSimilarity TranslatedVariant(const AlignToken& q, absl::string_view list_text, TokenSimilarity s) {
  if (!q.translated || s.method == MatchMethod::kExact || s.similarity <= 0) return s;
  if (EnglishWordVariants(q.text, list_text)) return s;
  return {0.0, MatchMethod::kNone};
}

TokenSimilarity PairSimilarity(const AlignToken& q, const AlignToken& l,
                               const AlignOptions& options) {
  if (q.text.empty() || l.text.empty()) return {0.0, MatchMethod::kNone};
  if (q.text == l.text) return {1.0, MatchMethod::kExact};
  if (IsNumber(q) || IsNumber(l)) return {0.0, MatchMethod::kNumberMismatch};
  if (q.text.size() == 1 || l.text.size() == 1) {
    if (!options.allow_initials) return {0.0, MatchMethod::kNone};
    if (q.text.size() != 1 && !options.allow_list_initials) return {0.0, MatchMethod::kNone};
    const std::string& initial = q.text.size() == 1 ? q.text : l.text;
    const std::string& word = q.text.size() == 1 ? l.text : q.text;
    if (word.size() >= 2 && IsLetter(initial[0]) && word[0] == initial[0]) {
      return {options.initial_similarity, MatchMethod::kInitial};
    }
    return {0.0, MatchMethod::kNone};
  }
  return TranslatedVariant(q, l.text,
                           WithTranscription(CompareTokens(q.text, l.text, options.token, options.min_similarity),
                                             q.pinyin, q.text, l.text, options.min_similarity, options));
}

// May `t` take part in a joined/split group?
inline bool Joinable(const AlignToken& t) {
  return t.text.size() >= 2 && !IsNumber(t);
}

}  // namespace

TokenSimilarity JoinedListSimilarity(const AlignToken& query, absl::string_view joined,
                                     const AlignOptions& options) {
  const double join_cutoff =
      options.joined_split_factor > 0 ? options.min_similarity / options.joined_split_factor : 2.0;
  return TranslatedVariant(query, joined,
                           WithinJoinEdits(query.text, joined,
                                           CompareTokens(query.text, joined, options.token, join_cutoff)));
}

namespace {

// The candidate matches of `query` and `list`, into `out` (cleared).
void Candidates(absl::Span<const AlignToken> query, absl::Span<const AlignToken> list,
                const AlignOptions& options, std::vector<Candidate>* out_ptr) {
  std::vector<Candidate>& out = *out_ptr;
  out.clear();
  const int n = static_cast<int>(query.size());
  const int m = static_cast<int>(list.size());
  std::string joined;
  // A join must reach min_similarity after the factor is applied.
  const double join_cutoff =
      options.joined_split_factor > 0
          ? options.min_similarity / options.joined_split_factor
          : 2.0;
  // Pair similarities first: a join must beat its parts.
  TokenPairCache* const cache = options.cache;
  // CompareTokens through the per-query memo when the list tokens have ids.
  auto cached = [cache](uint64_t key, const auto& compute) -> TokenSimilarity {
    if (cache == nullptr || key == 0) return compute();
    if (const TokenSimilarity* hit = cache->Find(key)) return *hit;
    TokenSimilarity s = compute();
    cache->Insert(key, s);
    return s;
  };
  // Per-thread scratch: the pair similarities, and which tokens take
  // part in memoised comparisons (not empty, no number, no initial).
  thread_local std::vector<TokenSimilarity> pair;
  thread_local std::vector<char> query_plain, list_plain;
  pair.assign(static_cast<size_t>(n) * m, TokenSimilarity());
  query_plain.resize(n);
  list_plain.resize(m);
  for (int i = 0; i < n; ++i) query_plain[i] = !query[i].text.empty() && !IsNumber(query[i]) && query[i].text.size() != 1;
  for (int j = 0; j < m; ++j) list_plain[j] = !list[j].text.empty() && !IsNumber(list[j]) && list[j].text.size() != 1;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < m; ++j) {
      const AlignToken& q = query[i];
      const AlignToken& l = list[j];
      // Exact, number and initial cases are cheap and depend on options
      // that may change between names; only CompareTokens is memoised.
      const bool plain = query_plain[i] && list_plain[j] && q.text != l.text;
      TokenSimilarity& s = pair[static_cast<size_t>(i) * m + j];
      s = plain && l.id != AlignToken::kNoTokenId
              ? cached(TokenPairCache::Key(0, i, l.id), [&] { return PairSimilarity(q, l, options); })
              : PairSimilarity(q, l, options);
      if (options.strict_romanisation && (q.pinyin || q.hangul) && plain && s.similarity > 0) {
        s = WithinRomanisation(q.text, l.text, s, q.hangul, options);
      }
      if (options.short_transcriptions && q.pinyin && plain &&
          s.similarity < options.short_transcription_similarity &&
          l.weight >= options.short_transcription_min_weight && ShortTranscriptionKeysMatch(q.text, l.text)) {
        s = {options.short_transcription_similarity, MatchMethod::kPhonetic};
      }
    }
  }
  auto pair_sim = [&](int i, int j) {
    return pair[static_cast<size_t>(i) * m + j].similarity;
  };
  for (int i = 0; i < n; ++i) {
    const double wq = Weight(query[i]);
    // One-to-one pairs.
    for (int j = 0; j < m; ++j) {
      const TokenSimilarity& s = pair[static_cast<size_t>(i) * m + j];
      if (s.similarity >= options.min_similarity && s.similarity > 0) {
        out.push_back({i, -1, j, -1, s.method, s.similarity,
                       s.similarity * (wq + Weight(list[j]))});
      }
    }
    if (!options.allow_joined_split) continue;
    // kJoined: query i against list j + j+1.
    if (Joinable(query[i]) && query[i].text.size() >= 3) {
      for (int j = 0; j + 1 < m; ++j) {
        if (!Joinable(list[j]) || !Joinable(list[j + 1])) continue;
        const size_t len = list[j].text.size() + list[j + 1].text.size();
        if (!LengthsCompatible(query[i].text.size(), len)) continue;
        const uint64_t key = list[j].id != AlignToken::kNoTokenId && list[j + 1].id != AlignToken::kNoTokenId
                                 ? TokenPairCache::Key(1, i, list[j].id, list[j + 1].id)
                                 : 0;
        TokenSimilarity s = cached(key, [&] {
          joined.assign(list[j].text);
          joined.append(list[j + 1].text);
          return JoinedListSimilarity(query[i], joined, options);
        });
        if (options.strict_romanisation && (query[i].pinyin || query[i].hangul) && s.similarity > 0) {
          joined.assign(list[j].text);
          joined.append(list[j + 1].text);
          s = WithinRomanisation(query[i].text, joined, s, query[i].hangul, options);
        }
        const double sim = s.similarity * options.joined_split_factor;
        if (sim >= options.min_similarity && sim > 0 &&
            sim > std::max(pair_sim(i, j), pair_sim(i, j + 1))) {
          out.push_back({i, -1, j, j + 1, MatchMethod::kJoined, sim,
                         sim * (wq + Weight(list[j]) + Weight(list[j + 1]))});
        }
      }
    }
    // kSplit: query i + i+1 against list j.
    if (i + 1 < n && Joinable(query[i]) && Joinable(query[i + 1])) {
      const size_t len = query[i].text.size() + query[i + 1].text.size();
      bool built = false;
      const bool abbreviable = options.allow_acronyms && options.acronym_similarity >= options.min_similarity &&
                               AbbreviableWords(query[i].text, query[i + 1].text);
      for (int j = 0; j < m; ++j) {
        if (abbreviable && list[j].weight <= options.acronym_max_weight && list[j].text.size() == 2 &&
            list[j].text[0] == query[i].text[0] && list[j].text[1] == query[i + 1].text[0]) {
          const double sim = options.acronym_similarity;
          if (sim > std::max(pair_sim(i, j), pair_sim(i + 1, j))) {
            out.push_back({i, i + 1, j, -1, MatchMethod::kSplit, sim,
                           sim * (wq + Weight(query[i + 1]) + Weight(list[j]))});
          }
          continue;
        }
        if (!Joinable(list[j]) || list[j].text.size() < 3) continue;
        if (!LengthsCompatible(list[j].text.size(), len)) continue;
        const uint64_t key = list[j].id != AlignToken::kNoTokenId ? TokenPairCache::Key(2, i, list[j].id) : 0;
        TokenSimilarity s = cached(key, [&] {
          if (!built) {
            joined.assign(query[i].text);
            joined.append(query[i + 1].text);
            built = true;
          }
          return WithTranscription(
              WithinJoinEdits(joined, list[j].text, CompareTokens(joined, list[j].text, options.token, join_cutoff)),
              query[i].pinyin && query[i + 1].pinyin, joined, list[j].text, join_cutoff, options);
        });
        const bool both_pinyin = query[i].pinyin && query[i + 1].pinyin;
        const bool both_hangul = query[i].hangul && query[i + 1].hangul;
        if (options.strict_romanisation && (both_pinyin || both_hangul) && s.similarity > 0) {
          if (!built) {  // the memo answered: the joined text was not built yet
            joined.assign(query[i].text);
            joined.append(query[i + 1].text);
            built = true;
          }
          s = WithinRomanisation(joined, list[j].text, s, both_hangul, options);
        }
        const double sim = s.similarity * options.joined_split_factor;
        if (sim >= options.min_similarity && sim > 0 &&
            sim > std::max(pair_sim(i, j), pair_sim(i + 1, j))) {
          out.push_back({i, i + 1, j, -1, MatchMethod::kSplit, sim,
                         sim * (wq + Weight(query[i + 1]) + Weight(list[j]))});
        }
      }
    }
  }
  // `out` is ordered by q1, then kind, then list index: deterministic.
}

// Exact: best[i][mask] = best total value using query tokens i.. with the
// list tokens in `mask` already taken. Returns the chosen candidates.
void SolveExact(const std::vector<Candidate>& cands, int n, int m,
                std::vector<const Candidate*>* chosen_out) {
  std::vector<const Candidate*>& chosen = *chosen_out;
  chosen.clear();
  if (cands.empty()) return;
  // Candidates grouped by first query token.
  absl::InlinedVector<int, 16> start(n + 1, 0);
  for (const Candidate& c : cands) ++start[c.q1 + 1];
  for (int i = 0; i < n; ++i) start[i + 1] += start[i];
  // Only the list tokens some candidate uses take part: their masks are
  // renumbered onto consecutive bits (the same states, the same values, the
  // same choices as over all m tokens, in fewer masks).
  uint32_t used = 0;
  for (const Candidate& c : cands) used |= c.list_mask();
  int bit_of[32];
  int used_count = 0;
  for (int j = 0; j < m; ++j) bit_of[j] = (used >> j) & 1 ? used_count++ : -1;
  absl::InlinedVector<uint32_t, 32> cand_mask(cands.size());
  for (size_t k = 0; k < cands.size(); ++k) {
    const Candidate& c = cands[k];
    cand_mask[k] = (uint32_t{1} << bit_of[c.l1]) | (c.l2 >= 0 ? uint32_t{1} << bit_of[c.l2] : 0);
  }
  const size_t masks = size_t{1} << used_count;
  absl::InlinedVector<double, 256> best((n + 2) * masks, 0.0);
  auto at = [&](int i, uint32_t mask) -> double& {
    return best[static_cast<size_t>(i) * masks + mask];
  };
  for (int i = n - 1; i >= 0; --i) {
    for (uint32_t mask = 0; mask < masks; ++mask) {
      double v = at(i + 1, mask);
      for (int k = start[i]; k < start[i + 1]; ++k) {
        const Candidate& c = cands[k];
        const uint32_t cm = cand_mask[k];
        if (mask & cm) continue;
        const double w = c.value + at(i + c.query_span(), mask | cm);
        if (w > v) v = w;
      }
      at(i, mask) = v;
    }
  }
  // Backtrack, recomputing the same expressions.
  uint32_t mask = 0;
  int i = 0;
  while (i < n) {
    const double target = at(i, mask);
    const Candidate* pick = nullptr;
    if (!(at(i + 1, mask) == target)) {
      for (int k = start[i]; k < start[i + 1]; ++k) {
        const Candidate& c = cands[k];
        const uint32_t cm = cand_mask[k];
        if (mask & cm) continue;
        if (c.value + at(i + c.query_span(), mask | cm) == target) {
          pick = &c;
          break;
        }
      }
    }
    if (pick == nullptr) {
      ++i;
      continue;
    }
    chosen.push_back(pick);
    mask |= cand_mask[static_cast<size_t>(pick - cands.data())];
    i += pick->query_span();
  }
}

void SolveGreedy(const std::vector<Candidate>& cands, int n, int m,
                 std::vector<const Candidate*>* chosen_out) {
  std::vector<const Candidate*> order;
  order.reserve(cands.size());
  for (const Candidate& c : cands) order.push_back(&c);
  // Best similarity first (an exact pair before a good join that covers
  // more weight), then value.
  std::stable_sort(order.begin(), order.end(),
                   [](const Candidate* a, const Candidate* b) {
                     if (a->similarity != b->similarity) {
                       return a->similarity > b->similarity;
                     }
                     return a->value > b->value;
                   });
  std::vector<char> q_used(n, 0), l_used(m, 0);
  std::vector<const Candidate*>& chosen = *chosen_out;
  chosen.clear();
  for (const Candidate* c : order) {
    if (q_used[c->q1] || (c->q2 >= 0 && q_used[c->q2]) || l_used[c->l1] ||
        (c->l2 >= 0 && l_used[c->l2])) {
      continue;
    }
    q_used[c->q1] = 1;
    if (c->q2 >= 0) q_used[c->q2] = 1;
    l_used[c->l1] = 1;
    if (c->l2 >= 0) l_used[c->l2] = 1;
    chosen.push_back(c);
  }
}

}  // namespace

bool EnglishWordVariants(absl::string_view a, absl::string_view b) {
  if (a == b) return true;
  size_t common = 0;
  const size_t limit = std::min(a.size(), b.size());
  while (common < limit && a[common] == b[common]) ++common;
  if (common >= kEnglishVariantPrefix) return true;
  // A shortening: "tech" for "technology".
  if (common == limit && limit >= kEnglishAbbreviationMin) return true;
  return EnglishStem(a) == EnglishStem(b);
}

Alignment AlignTokens(absl::Span<const AlignToken> query,
                      absl::Span<const AlignToken> list,
                      const AlignOptions& options) {
  Alignment result;
  AlignTokensInto(query, list, options, &result);
  return result;
}

void AlignTokensInto(absl::Span<const AlignToken> query,
                     absl::Span<const AlignToken> list,
                     const AlignOptions& options, Alignment* out) {
  const int n = static_cast<int>(query.size());
  const int m = static_cast<int>(list.size());
  Alignment& result = *out;
  result.pairings.assign(n, Pairing());
  result.unmatched_list.clear();
  for (int i = 0; i < n; ++i) result.pairings[i].query_index = i;
  thread_local std::vector<Candidate> cands;  // reused: no allocation per name
  thread_local std::vector<const Candidate*> chosen;
  Candidates(query, list, options, &cands);
  const int exact_limit = std::min(options.max_exact_list_tokens, 12);
  if (m <= exact_limit && n <= 32) {
    SolveExact(cands, n, m, &chosen);
  } else {
    SolveGreedy(cands, n, m, &chosen);
  }
  absl::InlinedVector<char, 32> l_used(m, 0);
  for (const Candidate* c : chosen) {
    Pairing& p = result.pairings[c->q1];
    p.list_index = c->l1;
    p.list_index2 = c->l2;
    p.query_index2 = c->q2;
    p.method = c->method;
    p.similarity = c->similarity;
    l_used[c->l1] = 1;
    if (c->l2 >= 0) l_used[c->l2] = 1;
    if (c->q2 >= 0) {
      Pairing& p2 = result.pairings[c->q2];
      p2.list_index = c->l1;
      p2.query_index2 = c->q1;
      p2.method = c->method;
      p2.similarity = c->similarity;
    }
  }
  for (int j = 0; j < m; ++j) {
    if (!l_used[j]) result.unmatched_list.push_back(j);
  }
}

double NameScore(const Alignment& alignment, absl::Span<const AlignToken> query,
                 absl::Span<const AlignToken> list,
                 const NameScoreOptions& options) {
  const int n = static_cast<int>(query.size());
  const int m = static_cast<int>(list.size());
  if (n == 0 || m == 0) return 0.0;
  if (static_cast<int>(alignment.pairings.size()) != n) return 0.0;
  double credit = 0.0, mass = 0.0;
  bool all_exact = true;
  bool query_number_unmatched = false;
  std::vector<char> l_used(m, 0);
  auto valid_list = [m](int j) { return j >= 0 && j < m; };
  for (int i = 0; i < n; ++i) {
    const Pairing& p = alignment.pairings[i];
    if (p.list_index < 0 || p.method == MatchMethod::kNone ||
        p.method == MatchMethod::kNumberMismatch) {
      mass += options.unmatched_query_factor * Weight(query[i]);
      all_exact = false;
      if (IsNumber(query[i])) query_number_unmatched = true;
      continue;
    }
    if (!valid_list(p.list_index)) return 0.0;
    double covered = Weight(query[i]) + Weight(list[p.list_index]);
    l_used[p.list_index] = 1;
    if (p.method == MatchMethod::kJoined) {
      if (!valid_list(p.list_index2)) return 0.0;
      covered += Weight(list[p.list_index2]);
      l_used[p.list_index2] = 1;
    } else if (p.method == MatchMethod::kSplit) {
      // Counted once, by the first query token of the pair.
      if (p.query_index2 < 0 || p.query_index2 >= n) return 0.0;
      if (p.query_index2 < i) continue;
      covered += Weight(query[p.query_index2]);
    }
    double sim = p.similarity;
    sim = sim < 0 ? 0 : (sim > 1 ? 1 : sim);
    credit += sim * covered;
    mass += covered;
    if (p.method != MatchMethod::kExact) all_exact = false;
  }
  bool list_number_unmatched = false;
  for (int j = 0; j < m; ++j) {
    if (l_used[j]) continue;
    mass += options.unmatched_list_factor * Weight(list[j]);
    all_exact = false;
    if (IsNumber(list[j])) list_number_unmatched = true;
  }
  if (!(mass > 0)) return 0.0;
  double score = credit / mass;
  if (query_number_unmatched && list_number_unmatched) {
    score = std::min(score, options.number_conflict_cap);
  } else if (query_number_unmatched || list_number_unmatched) {
    score = std::min(score, options.number_missing_cap);
  }
  if (!all_exact) score = std::min(score, options.max_inexact_score);
  if (all_exact) score = 1.0;  // credit == mass up to rounding
  return score < 0 ? 0.0 : (score > 1 ? 1.0 : score);
}

}  // namespace partyscreen::internal
