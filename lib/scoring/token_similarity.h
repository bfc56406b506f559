// The similarity of two normalised name tokens (lower-case ASCII letters and
// digits), with the method that produced it. The token aligner
// (lib/scoring/aligner.h) calls this for every query/list token pair.
//
// Example:
//   CompareTokens("megvii", "magvii");     // {0.9, kEditDistance}
//   CompareTokens("mohamed", "muhammad");  // {0.85, kPhonetic}
//   CompareTokens("3", "5");               // {0, kNumberMismatch}
//
// Rules, in order (knobs in `TokenSimilarityOptions`):
//   1. Equal tokens: 1.0, kExact.
//   2. Numbers: if either token is all digits, they match only when equal;
//      otherwise 0, kNumberMismatch. Alphanumeric tokens ("a320", "t72") whose
//      digit sequences both exist and differ are also kNumberMismatch.
//   3. OCR homoglyphs: same length, and every differing position is a
//      digit/letter look-alike pair (0/o, 1/l, 1/i, 5/s, 8/b):
//      `homoglyph_similarity`, kEditDistance ("semic0nductor").
//   4. Edit similarity e = 1 - OSA distance / max length (OSA: adjacent
//      transpositions cost 1). Jaro-Winkler j may lift it, but by at most a
//      cap: s = max(e, min(j, e + cap)). The cap is `jaro_winkler_bonus_cap`
//      for tokens longer than `short_token_length`; for short tokens it is the
//      same for an insertion/deletion (jon/john: 0.85) but
//      `short_substitution_bonus_cap` for equal lengths (bank/bonk: 0.80).
//      Capping keeps JW's prefix bias from lifting unrelated words that only
//      share a first letter (sunny/sensetime stays < 0.5), while one typo in a
//      token of >= 5 letters still scores >= 0.85. With `far_lift_prefix` >
//      0, pairs more than 2 OSA edits apart are lifted only when their first
//      `far_lift_prefix` characters agree (technologies/technology: 0.85;
//      without the lift a Latin word three edits from another is not a
//      spelling of it).
//   5. Very short tokens: when the shorter token has at most
//      `very_short_length` letters and the OSA distance exceeds
//      `very_short_max_edits`, s = e (no JW lift, no phonetic).
//   6. Phonetic: when s < `phonetic_similarity`, both consonant skeletons
//      (lib/scoring/phonetic.h) are equal and have at least
//      `phonetic_min_skeleton` symbols, the shorter token has at least
//      `phonetic_min_length` letters and at least `phonetic_min_length_ratio`
//      of the longer one's: `phonetic_similarity`, kPhonetic
//      (mohamed/muhammad, hussein/husayn). Abbreviations (mhmd, mohd) are
//      not matched here. With `phonetic_same_vowel_groups`, the two tokens
//      must also have as many vowel groups (runs of a e i o u): for a query
//      romanised from a syllabic script (Chinese, Korean, Japanese), whose
//      spelling variants keep the syllables (jiang/chiang, xu/hsu,
//      jong/chong) while the same consonants around more or fewer vowels
//      are another name (zhang/zhiyong, qiang/guoying).
//   7. Loose (only with `loose_phonetic`, for queries written in a script
//      without short vowels), when s is lower, for tokens of 3+ letters:
//      `loose_consonant_similarity` if their `WrittenConsonants` (2+
//      letters) agree (wtn/watan, shmlkh/shamlakh, dwa/dawwa, lwy/levi;
//      with only 2, both begin with a vowel or neither does: amr/omar,
//      not samih/usama; an a or e before a doubled consonant, maybe an
//      article written onto the word, agrees with both: din/eddine),
//      else `loose_phonetic_similarity` if their LooseSkeleton keys of 3+
//      symbols agree; kPhonetic. Rules 6 and 7 do not pair a name with its
//      nisba for such a query (NisbaConflict).
// Single-letter tokens (initials) get no special treatment here; the aligner
// handles them.
//
// Thread safety: pure function; safe to call concurrently.
#ifndef PARTYSCREEN_LIB_SCORING_TOKEN_SIMILARITY_H_
#define PARTYSCREEN_LIB_SCORING_TOKEN_SIMILARITY_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace partyscreen::internal {

// How a token pair (or group, for joined/split tokens) was matched.
enum class MatchMethod {
  kExact,           // identical tokens
  kEditDistance,    // spelling similarity (OSA / Jaro-Winkler / homoglyphs)
  kPhonetic,        // equal consonant skeletons
  kInitial,         // a single letter against a token starting with it
  kJoined,          // one query token = two adjacent list tokens joined
  kSplit,           // two adjacent query tokens = one list token
  kNumberMismatch,  // numbers that differ (never a match)
  kNone,            // unmatched
};

// Returns a stable lower-case name of `method` ("exact", "edit_distance",
// "phonetic", "initial", "joined", "split", "number_mismatch", "none") for
// explanations.
absl::string_view MatchMethodName(MatchMethod method);

struct TokenSimilarity {
  double similarity = 0.0;  // in [0, 1]
  MatchMethod method = MatchMethod::kNone;
};

// Knobs of `CompareTokens`; see the rules in the file comment.
struct TokenSimilarityOptions {
  // Rule 4: how far Jaro-Winkler may lift the edit similarity of tokens
  // longer than `short_token_length`, and of short tokens of different
  // lengths. Default: 0.10.
  double jaro_winkler_bonus_cap = 0.10;
  // Rule 4: when > 0, pairs more than 2 OSA edits apart get the
  // Jaro-Winkler lift only if their first `far_lift_prefix` characters
  // agree. Queries typed in Latin script use 4 (the candidate index then
  // keys every pair that can still reach the aligner's minimum similarity
  // through the lift: 2 edits apart, or sharing 4 first letters);
  // transliterations keep the lift, which rewards their systematic
  // differences ("avtomobilnaya"/"automobile"). Default: 0.
  int far_lift_prefix = 0;
  // Rule 4: the lift for short tokens of equal length (a substitution).
  // Default: 0.05.
  double short_substitution_bonus_cap = 0.05;
  // Rule 4: tokens whose longer side has at most this many characters are
  // "short". Default: 4.
  int short_token_length = 4;
  // Rule 5: the shorter token's length at or under which at most
  // `very_short_max_edits` edits are tolerated. Default: 3.
  int very_short_length = 3;
  // Rule 5. Default: 1.
  int very_short_max_edits = 1;
  // Rule 3: similarity of an OCR homoglyph variant. Default: 0.95.
  double homoglyph_similarity = 0.95;
  // Rule 6: similarity given to equal consonant skeletons. Default: 0.85.
  double phonetic_similarity = 0.85;
  // Rule 6: minimum skeleton length (symbols). Default: 3.
  int phonetic_min_skeleton = 3;
  // Rule 6: minimum length of the shorter token; shorter tokens differ in
  // too few consonants for the skeleton to mean much (bank/bonk, wang/wong).
  // Default: 5.
  int phonetic_min_length = 5;
  // Rule 7 (see the file comment): for tokens transliterated from Arabic,
  // Persian or Hebrew script. Default: false.
  bool loose_phonetic = false;
  // Rule 7. Default: 0.8.
  double loose_phonetic_similarity = 0.8;
  // Rule 7, when besides the LooseSkeleton keys the tokens' written
  // consonants agree (`WrittenConsonants`: "shmlkh" and "shamlakh", "wtn" and
  // "watan"): what a script without short vowels writes is all there.
  // Default: 0.9.
  double loose_consonant_similarity = 0.9;
  // Rule 6: minimum shorter/longer token length ratio. Default: 0.5.
  double phonetic_min_length_ratio = 0.5;
  // Rule 6: also require as many vowel groups in both tokens (see the file
  // comment). Default: false.
  bool phonetic_same_vowel_groups = false;
};

// True when one token ends in i or y after a consonant (the ya of an Arabic
// or Persian nisba: "mohammadi", "hosseini") and the other in a consonant
// other than h ("mohammad", "hussein"): a name and the name derived from
// it, which rules 6 and 7 do not equate for a `loose_phonetic` query.
// No errors.
bool NisbaConflict(absl::string_view a, absl::string_view b);

// The number of runs of the letters a e i o u in `token` ("zhiyong": 2,
// "chiang": 1). No errors.
int VowelGroups(absl::string_view token);

// Returns the similarity of query token `q` and list token `l` with its
// method; see the file comment. The result is symmetric in `q` and `l`.
//
// `score_cutoff` (as in rapidfuzz): when the similarity would be below it,
// the result is {0, kNone} (kNumberMismatch is still reported), and work that
// cannot lift the result over the cutoff is skipped: a length check rejects
// most unrelated pairs before any distance is computed, and Jaro-Winkler and
// the phonetic keys run only when they could matter. With the default 0 the
// exact similarity is always returned. No errors.
TokenSimilarity CompareTokens(absl::string_view q, absl::string_view l,
                              const TokenSimilarityOptions& options = {},
                              double score_cutoff = 0.0);

// The letters of `token` without the vowels a e i o u y, 'v', 'w' and 'p'
// written 'f' (waw and vav are w or v, fa is also the v of foreign words,
// and the Hebrew pe is p or f), runs of one letter written once, and a final 'h'
// dropped when two letters remain (a Latin spelling's trailing h often
// stands for a vowel: "masalmeh"): "shamlakh" -> "shmlk", "dawwa" -> "df",
// "levi" -> "lf", "odeh" -> "dh". No errors.
std::string WrittenConsonants(absl::string_view token);

// The two keys under which rule 7 matches tokens (and the index looks them
// up): `skeleton` = LooseSkeleton when it has 3+ symbols, `consonants` =
// '#' + WrittenConsonants when that has 2+ letters ("dwa" and "dawwa":
// "#df"); each "" otherwise. Rule 7 needs one of them equal. No errors.
void LooseKeys(absl::string_view token, std::string* skeleton, std::string* consonants);

// Returns true when `token` is non-empty and all ASCII digits.
bool IsAllDigits(absl::string_view token);

// The digit/letter look-alikes of `c` that CompareTokens pairs (rule 3):
// 0~o, 1~l, 1~i, 5~s, 8~b, either way; "" for other characters.
absl::string_view HomoglyphPartners(char c);

// Bit c - 'a' set for each letter c in `token` (other characters ignored).
// Each edit (insertion, deletion, substitution) changes at most two bits
// and an adjacent transposition none, so the OSA distance of two tokens is
// at least ceil(popcount(LetterMask(a) ^ LetterMask(b)) / 2).
uint32_t LetterMask(absl::string_view token);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SCORING_TOKEN_SIMILARITY_H_
