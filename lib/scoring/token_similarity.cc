#include "lib/scoring/token_similarity.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "lib/scoring/jaro_winkler.h"
#include "lib/scoring/levenshtein.h"
#include "lib/scoring/phonetic.h"

namespace partyscreen::internal {
namespace {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// a e i o u (y, a vowel or a consonant, is neither here).
inline bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// True when `a` and `b` are digit/letter look-alikes (either order).
inline bool Homoglyphs(char a, char b) { return HomoglyphPartners(a).find(b) != absl::string_view::npos; }

// Rule 3: equal length, every difference a homoglyph pair, at least one
// difference.
bool HomoglyphVariant(absl::string_view a, absl::string_view b) {
  if (a.size() != b.size()) return false;
  bool any = false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (!Homoglyphs(a[i], b[i])) return false;
    any = true;
  }
  return any;
}

// Rule 2 for alphanumerics: true when both carry digits and the digit
// sequences differ (one running out first counts as differing).
bool DigitsDiffer(absl::string_view a, absl::string_view b) {
  size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && !IsDigit(a[i])) ++i;
    while (j < b.size() && !IsDigit(b[j])) ++j;
    if (i == a.size() || j == b.size()) return i != a.size() || j != b.size();
    if (a[i] != b[j]) return true;
    ++i;
    ++j;
  }
}

inline bool HasDigit(absl::string_view s) {
  for (const char c : s) {
    if (IsDigit(c)) return true;
  }
  return false;
}

}  // namespace

absl::string_view MatchMethodName(MatchMethod method) {
  switch (method) {
    case MatchMethod::kExact:
      return "exact";
    case MatchMethod::kEditDistance:
      return "edit_distance";
    case MatchMethod::kPhonetic:
      return "phonetic";
    case MatchMethod::kInitial:
      return "initial";
    case MatchMethod::kJoined:
      return "joined";
    case MatchMethod::kSplit:
      return "split";
    case MatchMethod::kNumberMismatch:
      return "number_mismatch";
    case MatchMethod::kNone:
      return "none";
  }
  return "none";
}

absl::string_view HomoglyphPartners(char c) {
  switch (c) {
    case '0': return "o";
    case '1': return "li";
    case '5': return "s";
    case '8': return "b";
    case 'o': return "0";
    case 'l': case 'i': return "1";
    case 's': return "5";
    case 'b': return "8";
    default: return "";
  }
}

uint32_t LetterMask(absl::string_view token) {
  uint32_t mask = 0;
  for (char c : token) {
    if (c >= 'a' && c <= 'z') mask |= uint32_t{1} << (c - 'a');
  }
  return mask;
}

bool IsAllDigits(absl::string_view token) {
  if (token.empty()) return false;
  for (const char c : token) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

bool NisbaConflict(absl::string_view a, absl::string_view b) {
  auto consonant = [](char c) { return c >= 'a' && c <= 'z' && !IsVowel(c) && c != 'y'; };
  // Ends in i or y after a consonant: "mhmdi", "hussaini".
  auto nisba = [&](absl::string_view t) {
    return t.size() >= 3 && (t.back() == 'i' || t.back() == 'y') && consonant(t[t.size() - 2]);
  };
  // Ends in a consonant other than h (a final h often writes a vowel).
  auto bare = [&](absl::string_view t) { return !t.empty() && consonant(t.back()) && t.back() != 'h'; };
  return (nisba(a) && bare(b)) || (nisba(b) && bare(a));
}

int VowelGroups(absl::string_view token) {
  int groups = 0;
  bool in_vowel = false;
  for (const char c : token) {
    const bool v = IsVowel(c);
    if (v && !in_vowel) ++groups;
    in_vowel = v;
  }
  return groups;
}

TokenSimilarity CompareTokens(absl::string_view q, absl::string_view l,
                              const TokenSimilarityOptions& options,
                              double score_cutoff) {
  // Rule 1.
  if (q == l) return {1.0, MatchMethod::kExact};
  if (q.empty() || l.empty()) return {0.0, MatchMethod::kNone};
  // A canonical order makes the result exactly symmetric (Jaro's greedy
  // matching is not always order-independent).
  if (l < q) std::swap(q, l);
  // Rule 2.
  const bool q_digit = HasDigit(q);
  const bool l_digit = HasDigit(l);
  if (q_digit || l_digit) {
    if (IsAllDigits(q) || IsAllDigits(l)) {
      return {0.0, MatchMethod::kNumberMismatch};
    }
    const bool homoglyphs = HomoglyphVariant(q, l);
    if (q_digit && l_digit && DigitsDiffer(q, l) && !homoglyphs) {
      return {0.0, MatchMethod::kNumberMismatch};
    }
    // Rule 3.
    if (homoglyphs) {
      if (options.homoglyph_similarity < score_cutoff) {
        return {0.0, MatchMethod::kNone};
      }
      return {options.homoglyph_similarity, MatchMethod::kEditDistance};
    }
  }
  const size_t lq = q.size(), ll = l.size();
  const size_t longer = std::max(lq, ll);
  const size_t shorter = std::min(lq, ll);
  double cap = options.jaro_winkler_bonus_cap;
  if (static_cast<int>(longer) <= options.short_token_length && lq == ll) {
    cap = options.short_substitution_bonus_cap;
  }
  if (cap < 0) cap = 0;
  // Could rule 6 apply, and would it clear the cutoff?
  const bool phonetic_possible =
      options.phonetic_similarity >= score_cutoff &&
      static_cast<int>(shorter) >= options.phonetic_min_length &&
      static_cast<double>(shorter) >=
          options.phonetic_min_length_ratio * static_cast<double>(longer) &&
      (!options.phonetic_same_vowel_groups || VowelGroups(q) == VowelGroups(l));
  // Quick reject: OSA >= length difference bounds the edit similarity.
  const double edit_bound =
      static_cast<double>(shorter) / static_cast<double>(longer);
  // Could rule 7 apply (it needs no length ratio)?
  const bool loose_possible =
      options.loose_phonetic && shorter >= 3 &&
      std::max(options.loose_phonetic_similarity, options.loose_consonant_similarity) >= score_cutoff;
  if (score_cutoff > 0 && edit_bound + cap < score_cutoff &&
      !phonetic_possible && !loose_possible) {
    return {0.0, MatchMethod::kNone};
  }
  // Rule 4.
  const int osa = OsaDistance(q, l);
  const double edit =
      1.0 - static_cast<double>(osa) / static_cast<double>(longer);
  double sim = edit;
  // Rule 5.
  const bool very_short =
      static_cast<int>(shorter) <= options.very_short_length &&
      osa > options.very_short_max_edits;
  bool lift = true;
  if (options.far_lift_prefix > 0 && osa > 2) {
    const size_t need = static_cast<size_t>(options.far_lift_prefix);
    lift = shorter >= need && q.substr(0, need) == l.substr(0, need);
  }
  if (!very_short && lift && cap > 0 && edit + cap >= score_cutoff) {
    const double jw = JaroWinklerSimilarity(q, l);
    sim = std::max(edit, std::min(jw, edit + cap));
    sim = std::min(sim, 1.0);
  }
  MatchMethod method = MatchMethod::kEditDistance;
  // Rules 6 and 7 for a query in a script without short vowels: not a name
  // and its nisba (the ya that makes "mohammadi" of "mohammad").
  const bool nisba_conflict = options.loose_phonetic && NisbaConflict(q, l);
  // Rule 6.
  if (!very_short && phonetic_possible && !nisba_conflict && sim < options.phonetic_similarity) {
    char sq[2 * 64 + 1], sl[2 * 64 + 1];
    // The first key symbol depends on at most the first 4 bytes ("tsch"):
    // compare those cheaply before building the whole keys.
    const size_t pq = ConsonantSkeletonTo(q.substr(0, 4), sq);
    const size_t pl = ConsonantSkeletonTo(l.substr(0, 4), sl);
    if (pq > 0 && pl > 0 && sq[0] != sl[0]) {
      // Different first symbols: the keys differ.
    } else if (longer <= 64) {
      const size_t nq = ConsonantSkeletonTo(q, sq);
      if (static_cast<int>(nq) >= options.phonetic_min_skeleton) {
        const size_t nl = ConsonantSkeletonTo(l, sl);
        if (nq == nl && std::memcmp(sq, sl, nq) == 0) {
          sim = options.phonetic_similarity;
          method = MatchMethod::kPhonetic;
        }
      }
    } else {
      const std::string kq = ConsonantSkeleton(q);
      if (static_cast<int>(kq.size()) >= options.phonetic_min_skeleton &&
          kq == ConsonantSkeleton(l)) {
        sim = options.phonetic_similarity;
        method = MatchMethod::kPhonetic;
      }
    }
  }
  // Rule 7.
  const double loose_best =
      std::max(options.loose_phonetic_similarity, options.loose_consonant_similarity);
  if (options.loose_phonetic && !nisba_conflict && sim < loose_best && loose_best >= score_cutoff && shorter >= 3) {
    const std::string cq = WrittenConsonants(q);
    // Two consonants say little: then the words also both begin with a
    // vowel or both with a consonant ("samih" is not "usama": "sm"). An a
    // or e before a doubled consonant may be an article written onto the
    // word ("eddine" for al-din, "essaadi" for al-saadi) or a vowel
    // ("essam", "ammar"): either.
    enum Start { kConsonant, kVowel, kEither };
    auto start = [](absl::string_view w) {
      if (w.empty() || !IsVowel(w[0])) return kConsonant;
      if ((w[0] == 'a' || w[0] == 'e') && w.size() >= 3 && w[1] == w[2] && !IsVowel(w[1])) return kEither;
      return kVowel;
    };
    auto starts_agree = [&] {
      const Start a = start(q), b = start(l);
      return a == kEither || b == kEither || a == b;
    };
    if (cq.size() >= 2 && cq == WrittenConsonants(l) && (cq.size() > 2 || starts_agree())) {
      sim = loose_best;
      method = MatchMethod::kPhonetic;
    } else if (sim < options.loose_phonetic_similarity) {
      // Two skeleton symbols alone say little ("zayd" and "society": "st").
      const std::string kq = LooseSkeleton(q);
      if (kq.size() >= 3 && kq == LooseSkeleton(l)) {
        sim = options.loose_phonetic_similarity;
        method = MatchMethod::kPhonetic;
      }
    }
  }
  if (sim < score_cutoff) return {0.0, MatchMethod::kNone};
  return {sim, method};
}

std::string WrittenConsonants(absl::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y') continue;
    if (c == 'v' || c == 'w' || c == 'p') c = 'f';  // waw/vav are w or v; fa writes v too; pe is p or f
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
  }
  if (out.size() > 2 && out.back() == 'h') out.pop_back();
  return out;
}

void LooseKeys(absl::string_view token, std::string* skeleton, std::string* consonants) {
  *skeleton = LooseSkeleton(token);
  if (skeleton->size() < 3) skeleton->clear();
  *consonants = WrittenConsonants(token);
  if (consonants->size() < 2) {
    consonants->clear();
  } else {
    consonants->insert(consonants->begin(), '#');
  }
}

}  // namespace partyscreen::internal
