// The normalization dictionaries of lib/data/, parsed from the copies that
// are compiled into the library (see lib/normalize/data.h).
//
// Every file is UTF-8 text with one entry per line; '#' starts a comment
// that runs to the end of the line, blank lines are ignored, and fields are
// separated by '|' with surrounding spaces trimmed. The per-file line format
// is documented at the top of each file and in `LoadDictionaries`.
#ifndef PARTYSCREEN_LIB_NORMALIZE_DICTIONARIES_H_
#define PARTYSCREEN_LIB_NORMALIZE_DICTIONARIES_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "lib/normalize/unicode.h"

namespace partyscreen::internal {

// Where a legal form variant is recognised in a name.
enum class FormPosition { kEdge, kStart, kEnd, kAny };

struct LegalFormEntry {
  std::string canonical;  // "llc"
  FormPosition position = FormPosition::kEdge;
};

struct HonorificEntry {
  bool ambiguous = false;  // also an ordinary word ("General")
};

// The reading choices of Normalizer::NormalizeReadings: the ways the
// dictionaries allow a name to be read besides the first (reading 0). A
// reading is a set of them; the normalizer records which ones would change
// a name's tokens and reads it once per combination.
//   kNameTakesTermHead: a Chinese name stretch takes the first character of
//     the term after it (SegmentHan, cjk.h).
//   kOtherEnglishForm: Chinese terms give their second English form
//     (CjkTerm::other_form).
//   kTranslateTerms: Cyrillic and Arabic-script organisation words give
//     their English words instead of their transliteration
//     (FindCyrillicTerm, cyrillic_terms.h; FindArabicTerm, arabic_terms.h).
//   kOtherHanReading: Chinese characters of two readings give the one
//     that names use besides Han-Latin's (Dictionaries::han_other_readings:
//     都 "du" besides "dou", 翟 "zhai" besides "di").
//   kOtherTranslation: with kTranslateTerms, Cyrillic organisation words of
//     two common English renderings give the other one
//     (CyrillicTerm::other: "авиационный" "aircraft" besides "aviation").
inline constexpr unsigned kNameTakesTermHead = 1;
inline constexpr unsigned kOtherEnglishForm = 2;
inline constexpr unsigned kTranslateTerms = 4;
inline constexpr unsigned kOtherHanReading = 8;
inline constexpr unsigned kOtherTranslation = 16;

// Arabic-script organisation words of this many letters or more are
// recognised one typing error away (CorrectArabicOrgWord).
inline constexpr size_t kMinCorrectedArabicWord = 5;

// A Cyrillic organisation word's English words (cyrillic_org_terms.txt).
struct CyrillicTerm {
  std::string english;  // "aviation"
  std::string other;    // another common rendering ("aircraft"), or ""
};

// A Chinese term: its tokens and, for legal forms, the canonical form.
struct CjkTerm {
  std::vector<std::string> tokens;  // {"co", "ltd"}
  // A second English form used in listings ({"sino"} for 中国), or empty.
  std::vector<std::string> other_form;
  bool legal = false;
  std::string canonical;            // "ltd" when legal
};

struct Dictionaries {
  // Keyed by normalized tokens joined with single spaces: "co ltd".
  absl::flat_hash_map<std::string, LegalFormEntry> legal_forms;
  size_t max_legal_form_tokens = 0;
  absl::flat_hash_map<std::string, HonorificEntry> honorifics;
  size_t max_honorific_tokens = 0;
  absl::flat_hash_set<std::string> particles;
  absl::flat_hash_set<std::string> stopwords;
  // East Slavic given name variant -> its canonical form
  // (given_name_variants.txt): "ihar" -> "igor".
  absl::flat_hash_map<std::string, std::string> given_names;
  // Abbreviations of generic organisation words (abbreviations.txt):
  // "intl" -> "international".
  absl::flat_hash_map<std::string, std::string> abbreviations;
  // Keyed by the UTF-8 Han term.
  absl::flat_hash_map<std::string, CjkTerm> cjk_terms;
  size_t max_cjk_term_chars = 0;  // longest term, in code points
  // Keyed by the lower-case Cyrillic stem (UTF-8): the English words.
  absl::flat_hash_map<std::string, CyrillicTerm> cyrillic_terms;
  // Keyed by the unified Arabic-script word (see `UnifyArabic`): the
  // English words of arabic_org_terms.txt.
  absl::flat_hash_map<std::string, std::string> arabic_terms;
  // Keyed by the unified Arabic-script word (see `UnifyArabic`).
  absl::flat_hash_map<std::string, std::vector<std::string>> arabic_words;
  // The Persian spelling of some of those words ("مرتضی" -> "morteza" where
  // Arabic has "murtada"), used for names written with Persian letters.
  absl::flat_hash_map<std::string, std::vector<std::string>> persian_words;
  // The tokens of its organisation words ("company", "party", "army"):
  // the lines after the "organisation words" heading of the file.
  absl::flat_hash_set<std::string> arabic_org_tokens;
  // The unified Arabic-script organisation words: those of that section and
  // of arabic_org_terms.txt; and, for those of kMinCorrectedArabicWord or
  // more letters, each of them by every string of one letter fewer
  // ("اسلمي" -> "اسلامي"), for CorrectArabicOrgWord (arabic_terms.h).
  absl::flat_hash_set<std::string> arabic_org_words;
  absl::flat_hash_map<std::string, std::vector<std::string>> arabic_org_deletions;
  // ISO 15924 code ("Cyrl") -> ICU transliterator id, from translit_overrides.
  absl::flat_hash_map<std::string, std::string> script_translit;
  // Cyrillic language rules in file order: a name containing one of
  // `letters`, and one of `with` when that is not empty, uses `id`.
  struct CyrillicVariant {
    std::u32string letters;
    std::u32string with;
    std::string id;
  };
  std::vector<CyrillicVariant> cyrillic_variants;
  // Arabic-script names containing one of `persian_letters` are Persian
  // (or Urdu) and use `persian_translit` instead of the "Arab" entry.
  std::u32string persian_letters;
  std::string persian_translit;
  // ICU id -> transform rules that run before it ("rules" lines).
  absl::flat_hash_map<std::string, std::string> pre_rules;
  // Character replacements applied before transliteration.
  absl::flat_hash_map<char32_t, std::u32string> char_rules;
  // Chinese characters of two readings ("han" lines): the reading that
  // names also use where Han-Latin gives the other (reading choice
  // kOtherHanReading).
  absl::flat_hash_map<char32_t, std::string> han_other_readings;
};

// Parses the compiled-in dictionaries. Returns kInternal, naming the file and
// line, if a file is missing or a line is malformed (a build problem: the
// files are part of the library). Thread-safe.
absl::StatusOr<Dictionaries> LoadDictionaries();

// Unifies Arabic-script letter variants so that dictionary keys and input
// words compare equal: أ إ آ ٱ -> ا, ة -> ه, ى -> ي, Persian ی -> ي,
// ک -> ك, and removes vowel marks (U+064B..U+065F, U+0670) and tatweel.
std::u32string UnifyArabic(const std::u32string& word);

// The value of `terms` for `word`, else for `word` less one of `endings`
// (tried in order, longest first) when at least `min_stem` letters remain,
// else nullptr. The lookup of FindCyrillicTerm and FindArabicTerm.
template <typename Value>
const Value* FindWithEnding(const absl::flat_hash_map<std::string, Value>& terms, const std::u32string& word,
                            const std::vector<std::u32string>& endings, size_t min_stem) {
  auto find = [&](size_t length) -> const Value* {
    auto it = terms.find(EncodeUtf8(word.substr(0, length)));
    return it == terms.end() ? nullptr : &it->second;
  };
  if (const Value* whole = find(word.size())) return whole;
  for (const std::u32string& e : endings) {
    if (word.size() < e.size() + min_stem || word.compare(word.size() - e.size(), e.size(), e) != 0) continue;
    if (const Value* found = find(word.size() - e.size())) return found;
  }
  return nullptr;
}

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_NORMALIZE_DICTIONARIES_H_
