// Step 2 of the normalizer: repair of words that mix Latin letters with
// Cyrillic or Greek look-alikes ("Gаzprom" with a Cyrillic "а", spoofed or
// mistyped). Thread-safe (pure functions).
#ifndef PARTYSCREEN_LIB_NORMALIZE_HOMOGLYPHS_H_
#define PARTYSCREEN_LIB_NORMALIZE_HOMOGLYPHS_H_

#include <string>

namespace partyscreen::internal {

// The script a word is repaired towards.
enum class HomoglyphTarget { kNone, kLatin, kCyrillic };

// Decides how to repair `word` and does it in place; returns true if it
// changed the word.
//  * A word with more Latin than Cyrillic/Greek letters (or as many, when
//    `name_is_latin`), whose Cyrillic/Greek letters all have Latin
//    look-alikes (а в е к м н о р с т у х і ј ѕ, Α Β Ε Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ Ζ
//    ο ι κ ν ρ τ υ χ α), gets those letters replaced by Latin ones.
//  * A word with more Cyrillic than Latin letters, whose Latin letters all
//    have Cyrillic look-alikes, gets them replaced by Cyrillic ones (so that
//    transliteration sees one script).
//  * A word written only in Cyrillic/Greek look-alikes, in a name whose
//    letters are mostly Latin (`name_is_latin`), becomes Latin ("АВС Corp").
bool RepairHomoglyphs(std::u32string* word, bool name_is_latin);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_NORMALIZE_HOMOGLYPHS_H_
