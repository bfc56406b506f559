#include "lib/normalize/homoglyphs.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <string>

namespace partyscreen::internal {
namespace {

// Cyrillic and Greek letters that look like a Latin letter.
char32_t ToLatin(char32_t c) {
  switch (c) {
    // Cyrillic capitals
    case 0x0410: return 'A';
    case 0x0412: return 'B';
    case 0x0415: return 'E';
    case 0x041A: return 'K';
    case 0x041C: return 'M';
    case 0x041D: return 'H';
    case 0x041E: return 'O';
    case 0x0420: return 'P';
    case 0x0421: return 'C';
    case 0x0422: return 'T';
    case 0x0423: return 'Y';
    case 0x0425: return 'X';
    case 0x0406: return 'I';
    case 0x0408: return 'J';
    case 0x0405: return 'S';
    // Cyrillic small
    case 0x0430: return 'a';
    case 0x0432: return 'b';
    case 0x0435: return 'e';
    case 0x043A: return 'k';
    case 0x043C: return 'm';
    case 0x043D: return 'h';
    case 0x043E: return 'o';
    case 0x0440: return 'p';
    case 0x0441: return 'c';
    case 0x0442: return 't';
    case 0x0443: return 'y';
    case 0x0445: return 'x';
    case 0x0456: return 'i';
    case 0x0458: return 'j';
    case 0x0455: return 's';
    // Greek capitals
    case 0x0391: return 'A';
    case 0x0392: return 'B';
    case 0x0395: return 'E';
    case 0x0396: return 'Z';
    case 0x0397: return 'H';
    case 0x0399: return 'I';
    case 0x039A: return 'K';
    case 0x039C: return 'M';
    case 0x039D: return 'N';
    case 0x039F: return 'O';
    case 0x03A1: return 'P';
    case 0x03A4: return 'T';
    case 0x03A5: return 'Y';
    case 0x03A7: return 'X';
    // Greek small
    case 0x03B1: return 'a';
    case 0x03B9: return 'i';
    case 0x03BA: return 'k';
    case 0x03BD: return 'v';
    case 0x03BF: return 'o';
    case 0x03C1: return 'p';
    case 0x03C4: return 't';
    case 0x03C5: return 'u';
    case 0x03C7: return 'x';
    default: return 0;
  }
}

// Latin letters that look like a Cyrillic letter.
char32_t ToCyrillic(char32_t c) {
  switch (c) {
    case 'A': return 0x0410;
    case 'B': return 0x0412;
    case 'E': return 0x0415;
    case 'K': return 0x041A;
    case 'M': return 0x041C;
    case 'H': return 0x041D;
    case 'O': return 0x041E;
    case 'P': return 0x0420;
    case 'C': return 0x0421;
    case 'T': return 0x0422;
    case 'Y': return 0x0423;
    case 'X': return 0x0425;
    case 'a': return 0x0430;
    case 'e': return 0x0435;
    case 'k': return 0x043A;
    case 'o': return 0x043E;
    case 'p': return 0x0440;
    case 'c': return 0x0441;
    case 'y': return 0x0443;
    case 'x': return 0x0445;
    default: return 0;
  }
}

}  // namespace

bool RepairHomoglyphs(std::u32string* word, bool name_is_latin) {
  int latin = 0, other = 0, cyrillic = 0;
  bool other_all_mappable = true, latin_all_mappable = true;
  for (char32_t c : *word) {
    if (!u_isalpha(c)) continue;
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &e);
    if (sc == USCRIPT_LATIN) {
      ++latin;
      if (ToCyrillic(c) == 0) latin_all_mappable = false;
    } else if (sc == USCRIPT_CYRILLIC || sc == USCRIPT_GREEK) {
      ++other;
      if (sc == USCRIPT_CYRILLIC) ++cyrillic;
      if (ToLatin(c) == 0) other_all_mappable = false;
    } else {
      return false;  // another script: leave the word to transliteration
    }
  }
  if (other == 0) return false;
  bool to_latin = other_all_mappable &&
                  (latin > other || (latin == other && name_is_latin) ||
                   (latin == 0 && name_is_latin));
  if (to_latin) {
    for (char32_t& c : *word) {
      char32_t m = ToLatin(c);
      if (m != 0) c = m;
    }
    return true;
  }
  if (latin > 0 && cyrillic > latin && cyrillic == other && latin_all_mappable) {
    for (char32_t& c : *word) {
      char32_t m = ToCyrillic(c);
      if (m != 0) c = m;
    }
    return true;
  }
  return false;
}

}  // namespace partyscreen::internal
