// Cyrillic organisation words translated to English (cyrillic_org_terms.txt),
// for the second reading of a Cyrillic name. Thread-safe.
#ifndef PARTYSCREEN_LIB_NORMALIZE_CYRILLIC_TERMS_H_
#define PARTYSCREEN_LIB_NORMALIZE_CYRILLIC_TERMS_H_

#include <string>

#include "lib/normalize/dictionaries.h"

namespace partyscreen::internal {

// The English words of Cyrillic word `word` (any case), given in the
// reading kTranslateTerms (dictionaries.h; their other rendering, where
// the dictionary has one, with kOtherTranslation too), or nullptr when it
// is no term of the dictionary: `word` lower-cased is a stem of
// cyrillic_org_terms.txt, or a stem followed by one case ending (-а, -ы,
// -у, -ой, -ая, -ое, -ые, -ий, -ого, -ому, -ых, -ими, ...). "Фонд" and
// "фонда" give "foundation"; "стратегической" gives "strategic". A word
// of 1-2 letters matches only a term equal to it ("и" gives "and", a
// stop word in that reading). No errors.
const CyrillicTerm* FindCyrillicTerm(const Dictionaries& dict, const std::u32string& word);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_NORMALIZE_CYRILLIC_TERMS_H_
