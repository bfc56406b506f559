// Phonetic keys of normalised name tokens (lower-case ASCII letters and
// digits). Two tokens with the same key "sound alike"; the token comparator
// uses key equality as evidence when spelling-based similarity is low.
//
// Example:
//   ConsonantSkeleton("muhammad") == ConsonantSkeleton("mohamed")  // "mhmt"
//   ConsonantSkeleton("husayn") == ConsonantSkeleton("hosein")      // "hsn"
//   PhoneticKey("robert") == "r163"
//
// Thread safety: all functions are pure and safe to call concurrently.
#ifndef PARTYSCREEN_LIB_SCORING_PHONETIC_H_
#define PARTYSCREEN_LIB_SCORING_PHONETIC_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace partyscreen::internal {

// Returns the consonant skeleton of `token`: a key that ignores vowels and
// the usual Latin transliteration variants of Arabic, Persian, Russian and
// other names. Our own design (no single paper; the classes follow the
// voiced/unvoiced pairs used by Daitch-Mokotoff and the Arabic/Cyrillic
// romanisation tables of BGN/PCGN and ALA-LC). Rules, applied left to right:
//   1. A leading vowel run (a e i o u y) becomes one marker `a`, so
//      yusuf/iosif/yousef and evgeny/yevgeny keep an initial and agree.
//   2. Digraphs first: tsch sch tch tsh dzh -> `j`; sh ch zh dj cz -> `j`;
//      kh -> `h`; gh ck -> `k`; ph -> `f`; th dh -> `t`; ts tz -> `s`.
//   3. Letters: b p -> `p`; d t -> `t`; c g k q -> `k` (c before e/i/y ->
//      `s`); s z -> `s`; x -> `ks`; f v w -> `f`; j -> `j`; h -> `h`;
//      l m n r -> themselves; digits are kept as they are.
//   4. Other vowels (a e i o u y) are dropped; an `h` that ends the token
//      is dropped (abdullah/abdulla). An `h` elsewhere is kept: it carries
//      the Arabic h of mohamed/ahmed/rahman, and kh (Russian/Arabic) joins
//      it, so mukhammad = muhammad.
//   5. Runs of the same class collapse, also across dropped vowels
//      (muhammad: m-h-mm-d -> mhmt; gaddafi = qadhafi = kadafi -> ktf).
// Any other byte is dropped. Returns "" for "".
//
// Known limits: abbreviations (mohd, md) are not expanded; `mahmoud` and
// `mohamed` share a key (m-h-m-t); j/y transliterations of Slavic names
// (jurij/yuri) and Czech-style s/c for sh/ch (sevcenko) do not agree.
// No errors.
std::string ConsonantSkeleton(absl::string_view token);

// Allocation-free form of `ConsonantSkeleton` for hot loops: writes the key to
// `buffer`, which must hold at least 2 * token.size() + 1 bytes, and returns
// its length. No errors.
size_t ConsonantSkeletonTo(absl::string_view token, char* buffer);

// A looser key for tokens transliterated from scripts that do not write
// short vowels (Arabic, Persian, Hebrew): 'w' and 'y' (which such scripts
// use for both vowels and consonants) and 'h' (whose digraphs a
// transliterator writes for two letters: "zhir" is z+h, "zuheir" has a
// vowel between) are dropped before ConsonantSkeleton, and so is a leading
// vowel marker (an initial ain or alif is often lost in transliteration).
// "sgry" and "asgari" both give "skr"; "zhir" and "zuheir" give "sr".
std::string LooseSkeleton(absl::string_view token);

// Returns the American Soundex code of `token`: the first letter followed by
// three digits (lower case, e.g. "r163"), the algorithm of Russell and Odell
// (US patents 1,261,167 and 1,435,663) in the form the US National Archives
// publishes ("The Soundex Indexing System", 2007): b f p v -> 1;
// c g j k q s x z -> 2; d t -> 3; l -> 4; m n -> 5; r -> 6; adjacent letters
// with the same code, and letters of the same code separated only by h or w,
// are coded once (also against the first letter); vowels (a e i o u y)
// separate; zeros pad to three digits. Non-letters are ignored; a token
// without letters gives "". No errors.
std::string PhoneticKey(absl::string_view token);

// Keys that pair a Chinese transcription of a foreign word, romanised to
// Hanyu Pinyin, with the word in Latin script: "pulaimile" (普萊米樂) with
// "premera", "maikeweier" (麥克維爾) with "makewell". Chinese renders a
// foreign word's consonants by the nearest syllable initials: r and l both
// as l, voiced and unvoiced stops alike (pinyin b d g are unaspirated p t
// k), the sibilants by j q x z c s zh ch sh, and w and y as glides. So both
// keys write consonant classes only:
//   b p -> P; d t -> T; g k (and Latin c, q, ck) -> K; the sibilants
//   (pinyin j q x z c s zh ch sh; Latin s z j sh ch, c before e i y) -> S;
//   l r -> L; m -> M; n (and ng) -> N; f v ph -> F; h -> H (Latin: only
//   before a vowel at the start of the word); Latin th -> T, x -> KS;
//   vowels, w and y dropped; runs of one class written once.
// "premera" and "pulaimile" both give "PLML". Tokens with digits give "".
// No errors.
std::string PinyinTranscriptionKey(absl::string_view pinyin);
std::string LatinTranscriptionKey(absl::string_view latin);

// The number of vowel groups of a pinyin token: its syllables, but for
// syllables without a written vowel boundary ("xian" may be xi'an). No
// errors.
int PinyinSyllableCount(absl::string_view pinyin);

// True when pinyin token `pinyin` may be a transcription of Latin word
// `latin`: the pinyin has at least 3 syllables (Chinese brands of 1-2
// syllables are mostly Chinese words), the Latin word at least 4 letters,
// the keys at least 3 classes, and the keys are equal. No errors.
inline constexpr int kTranscriptionMinSyllables = 3;
inline constexpr size_t kTranscriptionMinKey = 3;
inline constexpr size_t kTranscriptionMinLatinLength = 4;
bool TranscriptionKeysMatch(absl::string_view pinyin, absl::string_view latin);

// The keys of two-syllable transcriptions: the transcription keys above,
// with the glides w and y written (W, Y) where a vowel follows, since a
// two-syllable word has too few consonants without them: "niuwei" (纽威)
// and "neway" both give "NW", "baoli" (保利) and "poly" "PL", "xinnuo"
// (信諾) and "sinno" "SN". No errors.
std::string ShortPinyinTranscriptionKey(absl::string_view pinyin);
std::string ShortLatinTranscriptionKey(absl::string_view latin);

// True when `s` (lower-case ASCII) is a sequence of Hanyu Pinyin
// syllables without tone marks ("tianao", "yunze", "zhongguo"; not
// "poly", "benin", "sinno"). No errors.
bool IsPinyinWord(absl::string_view s);

// The number of vowel groups of Latin word `latin` (a y that no vowel
// follows counts as a vowel): "poly" 2, "neway" 2, "sinno" 2. No errors.
int LatinVowelGroupCount(absl::string_view latin);

// True when two-syllable pinyin token `pinyin` may be a transcription of
// Latin word `latin` ("baoli" / "poly", "beining" / "benin"): the pinyin
// has exactly 2 syllables, the Latin word 4-6 letters and 2 vowel groups,
// their short keys are equal with at least 2 classes, and the vowels of
// one of the two syllables agree by class (a group with o -> O, else e or
// Latin ay -> E, else a -> A, else i or Latin y -> I, else u -> U:
// "bao"/"po", "wei"/"way"), which "fusheng" / "vision" (F-S-N) and
// "shunda" / "zenith" (S-N-T) do not. Both begin with a vowel or neither
// ("lijian" is not "ircen"), and the Latin word is no pinyin itself
// (IsPinyinWord: "tianao", "yunze" are romanised Chinese names, which pair
// by spelling, not by sound). Much looser than
// TranscriptionKeysMatch ("hairun" / "heron" match too): the aligner uses
// it only between organisation names (AlignOptions::short_transcriptions),
// at a lower similarity. No errors.
inline constexpr size_t kShortTranscriptionMinKey = 2;
inline constexpr size_t kShortTranscriptionMaxLatinLength = 6;
bool ShortTranscriptionKeysMatch(absl::string_view pinyin, absl::string_view latin);

// A key under which the romanisations of one Chinese name agree: Hanyu
// Pinyin, Wade-Giles and the postal spellings ("zhang" / "chang", "xu" /
// "hsu", "jianguo" / "chienkuo", "zhong" / "chung", "shi" / "shih"). The
// initials are written by class (zh ch j q c z ts tz r -> z; sh x s hs ->
// s; g k -> g; d t -> d; b p -> b), the finals WG writes otherwise brought
// to pinyin (ung -> ong, ien -> ian, ieh -> ie, ih -> i), runs of one
// letter once. Unlike the transcription keys it keeps the vowels: "cheng"
// ("zeng") is not "chen" ("zen"). No errors.
std::string ChineseRomanisationKey(absl::string_view token);

// A key under which the romanisations of one Korean name agree:
// McCune-Reischauer / BGN without breves, the Revised Romanisation and the
// usual spellings ("chong" / "jeong", "pak" / "park" / "bak", "kyong" /
// "gyeong", "choe" / "choi", "sun" / "soon", "si" / "shi"). Stops are
// written by place (k g -> g; t d -> d; p b -> b; ch j tch -> j), r and l
// alike and an r before a consonant dropped, "sh" -> s, the vowels eo ->
// o, eu -> u, oo -> u, ee -> i, oi -> oe, yu -> yo, runs of one letter
// once. No errors.
std::string KoreanRomanisationKey(absl::string_view token);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SCORING_PHONETIC_H_
