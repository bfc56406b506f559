// Arabic-script (Arabic and Persian) organisation words translated to
// English (arabic_org_terms.txt), for the reading that translates them.
// Thread-safe.
#ifndef PARTYSCREEN_LIB_NORMALIZE_ARABIC_TERMS_H_
#define PARTYSCREEN_LIB_NORMALIZE_ARABIC_TERMS_H_

#include <string>

#include "lib/normalize/dictionaries.h"

namespace partyscreen::internal {

// The English words of the Arabic-script word `unified` (already passed
// through UnifyArabic, its article "ال" split off), given in the reading
// kTranslateTerms (dictionaries.h), or nullptr when it is no term of the
// dictionary: `unified` is a word of arabic_org_terms.txt, or such a word
// of 3+ letters followed by one suffix: the Persian ezafe or adjective
// "ی" ("فضای", "سایبری"; "یی" after a vowel: "هوایی"), the plurals "ها",
// "های", "ان", "ات", or the Arabic feminine "ة" or "یة" (ة unified to ه:
// "الجوية" is "جوي", air). "سپاه" gives "corps", "پاسداران" gives "guard". No errors.
const std::string* FindArabicTerm(const Dictionaries& dict, const std::u32string& unified);

// The organisation word that `unified` (passed through UnifyArabic) is
// probably a typing error of, or an empty string: exactly one word of
// Dictionaries::arabic_org_words is one edit away from `unified`. The
// edit is a letter dropped inside that word ("اسلمی" is "اسلامی"), when
// `unified` has kMinCorrectedArabicWord (dictionaries.h) or more letters;
// or, when it has more, also one letter replaced ("صنایع" for "صنایح"),
// two adjacent letters swapped, or one letter added inside the word. Words
// of 5 letters are too close to other real words for those ("بنیان" is not
// "بنیاد"). A letter more or less at either end does not count: it is a
// prefix or a suffix ("ابراهیمی" is a name of its own). The caller looks
// the word up as it is first, and corrects no personal names. No errors.
std::u32string CorrectArabicOrgWord(const Dictionaries& dict, const std::u32string& unified);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_NORMALIZE_ARABIC_TERMS_H_
