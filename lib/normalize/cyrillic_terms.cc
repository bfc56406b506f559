#include "lib/normalize/cyrillic_terms.h"

#include <unicode/uchar.h>

#include <string>
#include <vector>

#include "lib/normalize/unicode.h"

namespace partyscreen::internal {
namespace {

// Case endings of Russian nouns and adjectives (and the Ukrainian and
// Belarusian ones that differ), longest first so that "-ого" is tried
// before "-о".
const std::vector<std::u32string>& Endings() {
  static const std::vector<std::u32string> kEndings = {
    U"ыми", U"ими", U"ого", U"его", U"ому", U"ему", U"ами", U"ями", U"ией", U"иям",
    U"иях", U"ая", U"яя", U"ое", U"ее", U"ые", U"ие", U"ый", U"ий", U"ой",
    U"ей", U"ую", U"юю", U"ых", U"их", U"ым", U"им", U"ом", U"ем", U"ам", U"ям",
    U"ах", U"ях", U"ов", U"ев", U"ия", U"ии", U"ию", U"ае", U"ага", U"ы", U"а", U"я",
    U"о", U"е", U"и", U"у", U"ю", U"ь", U"і"};
  return kEndings;
}

}  // namespace

const CyrillicTerm* FindCyrillicTerm(const Dictionaries& dict, const std::u32string& word) {
  if (dict.cyrillic_terms.empty() || word.empty()) return nullptr;
  std::u32string lower;
  lower.reserve(word.size());
  for (char32_t c : word) lower.push_back(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  if (word.size() < 3) {
    // A short word is only itself: a conjunction or preposition ("и").
    auto it = dict.cyrillic_terms.find(EncodeUtf8(lower));
    return it == dict.cyrillic_terms.end() ? nullptr : &it->second;
  }
  return FindWithEnding(dict.cyrillic_terms, lower, Endings(), 3);
}

}  // namespace partyscreen::internal
