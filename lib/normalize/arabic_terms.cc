#include "lib/normalize/arabic_terms.h"

#include <algorithm>
#include <string>
#include <vector>

#include "lib/normalize/unicode.h"

namespace partyscreen::internal {
namespace {

// Suffixes in unified letters (Persian ی is ي), longest first.
const std::vector<std::u32string>& Suffixes() {
  static const std::vector<std::u32string> kSuffixes = {
      U"\u0647\u0627\u064A",  // های  plural + ezafe
      U"\u064A\u064A",        // یی   adjective after a vowel (هوایی)
      U"\u064A\u0647",        // یه   Arabic feminine adjective (ية)
      U"\u0647\u0627",        // ها   plural
      U"\u0627\u0646",        // ان   plural (persons)
      U"\u0627\u062A",        // ات   plural
      U"\u064A",              // ی    ezafe, adjective
      U"\u0647",              // ة    Arabic feminine (unified to ه)
  };
  return kSuffixes;
}

// Letters a word keeps before a suffix is tried.
constexpr size_t kMinStem = 3;

}  // namespace

const std::string* FindArabicTerm(const Dictionaries& dict, const std::u32string& unified) {
  if (dict.arabic_terms.empty() || unified.size() < 2) return nullptr;
  return FindWithEnding(dict.arabic_terms, unified, Suffixes(), kMinStem);
}

std::u32string CorrectArabicOrgWord(const Dictionaries& dict, const std::u32string& unified) {
  const size_t n = unified.size();
  if (n < kMinCorrectedArabicWord) return {};
  std::vector<std::u32string> found;
  auto add = [&](std::u32string w) {
    if (std::find(found.begin(), found.end(), w) == found.end()) found.push_back(std::move(w));
  };
  // One replaced letter, or two adjacent ones swapped (same length).
  auto one_change = [&](const std::u32string& w) {
    if (w.size() != n) return false;
    size_t first = 0;
    while (first < n && w[first] == unified[first]) ++first;
    size_t last = n;
    while (last > first && w[last - 1] == unified[last - 1]) --last;
    if (last - first == 1) return true;
    return last - first == 2 && w[first] == unified[first + 1] && w[first + 1] == unified[first];
  };
  // `longer` is `shorter` with one letter added inside (not at either end).
  auto inside_insertion = [](const std::u32string& longer, const std::u32string& shorter) {
    if (longer.size() != shorter.size() + 1) return false;
    size_t i = 0;
    while (i < shorter.size() && longer[i] == shorter[i]) ++i;
    // Letter i of `longer` is the added one (or an equal letter after it).
    if (longer.compare(i + 1, std::u32string::npos, shorter, i, std::u32string::npos) != 0) return false;
    // Any letter of the run of equal letters around it may be the added
    // one: one of them must be inside.
    size_t lo = i, hi = i;
    while (lo > 0 && longer[lo - 1] == longer[i]) --lo;
    while (hi + 1 < longer.size() && longer[hi + 1] == longer[i]) ++hi;
    return hi >= 1 && lo + 2 <= longer.size();
  };
  auto deletions_of = [&](const std::u32string& key) -> const std::vector<std::string>* {
    auto it = dict.arabic_org_deletions.find(EncodeUtf8(key));
    return it == dict.arabic_org_deletions.end() ? nullptr : &it->second;
  };
  // A letter dropped from an organisation word.
  if (const auto* words = deletions_of(unified)) {
    for (const std::string& word : *words) {
      std::u32string w = DecodeUtf8(word);
      if (inside_insertion(w, unified)) add(std::move(w));
    }
  }
  // Other errors in a word of few letters too often make another real
  // word ("بنیان" is not "بنیاد", "جماعه" is not "جامعه").
  if (n < kMinCorrectedArabicWord + 1) return found.size() == 1 ? found[0] : std::u32string();
  for (size_t i = 0; i < n; ++i) {
    const std::u32string less = unified.substr(0, i) + unified.substr(i + 1);
    // A letter added to one.
    if (less.size() >= kMinCorrectedArabicWord + 1 && dict.arabic_org_words.contains(EncodeUtf8(less)) &&
        inside_insertion(unified, less)) {
      add(less);
    }
    // A letter replaced, or two swapped.
    if (const auto* words = deletions_of(less)) {
      for (const std::string& word : *words) {
        std::u32string w = DecodeUtf8(word);
        if (one_change(w)) add(std::move(w));
      }
    }
  }
  return found.size() == 1 ? found[0] : std::u32string();
}

}  // namespace partyscreen::internal
