// Step 5 of the normalizer: splitting ASCII text into tokens, and the digit
// homoglyph repair of step 2 ("Ig0r" -> "igor"). Thread-safe (pure
// functions).
#ifndef PARTYSCREEN_LIB_NORMALIZE_TOKENIZE_H_
#define PARTYSCREEN_LIB_NORMALIZE_TOKENIZE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "partyscreen/normalizer.h"

namespace partyscreen::internal {

// A token during normalization, with bookkeeping for the dictionary pass.
struct WorkToken {
  NormalizedToken token;
  int legal_group = -1;     // index of its recognised legal form, or -1
  bool role_fixed = false;  // role already set by a dictionary mapping
};

// Splits `text` (ASCII only) into tokens appended to `out`:
//  * tokens are maximal runs of letters, digits, '.' and apostrophes (' `);
//    every other character (spaces, controls, hyphens, commas, brackets,
//    quotes, slashes, ...) separates tokens, and '&' is a token "and";
//  * a run of single letters each followed by a dot ("A.B.C.", "U.S.",
//    "A.B.C") is one token of the letters ("abc"); otherwise dots split;
//  * apostrophes are dropped ("Qa'ida" -> "qaida", "Rosneft'" -> "rosneft");
//  * letters are lower-cased; a token mixing letters and digits gets its
//    look-alike digits repaired (see `RepairDigitHomoglyphs`).
// Roles are left kWord (kNumber for digits-only tokens). Each token's source
// is `source` if non-empty, otherwise the run of `text` it came from.
void TokenizeAscii(absl::string_view text, absl::string_view source,
                   bool transliterated, std::vector<WorkToken>* out);

// Replaces digits used as letters in a lower-case token mixing letters and
// digits: 0 -> o, 1 -> l or i, 3 -> e, 4 -> a, 5 -> s. A "1" is "l" between
// vowels ("a1exander") or at the end after one ("mikhai1"), and, when the
// token was written in lower case (`lower_case`: its letters were,
// mostly), after a vowel and before a consonant, where a lower-case "l"
// is what looks like it ("Ho1ding"); elsewhere "i" ("sech1n", "1van",
// "HO1DING": an upper-case "I").
// Only when the token has at least 3 letters, at most half as many digits,
// only those digits, and each digit lies between letters (or it is a single
// digit at the start followed by 3+ letters, or at the end after 4+
// letters). Plausible codes ("a320", "mp3", "g4s", "1st", "covid19") are
// left alone. Returns true if it changed the token.
bool RepairDigitHomoglyphs(std::string* token, bool lower_case = false);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_NORMALIZE_TOKENIZE_H_
