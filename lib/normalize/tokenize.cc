#include "lib/normalize/tokenize.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"

namespace partyscreen::internal {
namespace {

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool IsTokenChar(char c) {
  return absl::ascii_isalnum(c) || c == '.' || c == '\'' || c == '`';
}

// True for "a.b.c.", "a.b.c", "u.s." (two or more single letters with dots).
bool IsDottedInitials(absl::string_view run) {
  size_t letters = 0;
  size_t i = 0;
  while (i < run.size()) {
    if (!absl::ascii_isalpha(run[i])) return false;
    ++letters;
    ++i;
    if (i == run.size()) break;  // a final letter without its dot
    if (run[i] != '.') return false;
    ++i;
  }
  return letters >= 2;
}

void Emit(std::string text, absl::string_view source, bool transliterated,
          std::vector<WorkToken>* out) {
  if (text.empty()) return;
  bool digits_only = true;
  bool has_digit = false;
  int lower = 0, upper = 0;
  for (char& c : text) {
    if (absl::ascii_islower(c)) ++lower;
    if (absl::ascii_isupper(c)) ++upper;
    c = absl::ascii_tolower(c);
    if (absl::ascii_isdigit(c)) {
      has_digit = true;
    } else {
      digits_only = false;
    }
  }
  if (has_digit && !digits_only && RepairDigitHomoglyphs(&text, lower > upper)) {
    transliterated = true;
  }
  WorkToken t;
  t.token.role = digits_only ? TokenRole::kNumber : TokenRole::kWord;
  t.token.text = std::move(text);
  t.token.source = std::string(source);
  t.token.transliterated = transliterated;
  out->push_back(std::move(t));
}

}  // namespace

bool RepairDigitHomoglyphs(std::string* token, bool lower_case) {
  std::string& s = *token;
  size_t letters = 0, digits = 0;
  for (char c : s) {
    if (absl::ascii_isalpha(c)) {
      ++letters;
    } else if (c == '0' || c == '1' || c == '3' || c == '4' || c == '5') {
      ++digits;
    } else {
      return false;  // another digit or character: not a disguised word
    }
  }
  if (digits == 0 || letters < 3 || digits * 2 > letters) return false;
  size_t first_letter = s.find_first_not_of("01345");
  size_t last_letter = s.find_last_not_of("01345");
  bool ok = true;
  for (size_t i = 0; i < s.size() && ok; ++i) {
    if (absl::ascii_isalpha(s[i])) continue;
    if (i > first_letter && i < last_letter) continue;  // between letters
    if (i < first_letter) {
      ok = digits == 1 && letters >= 3;  // "0mega"
    } else {
      ok = digits == 1 && letters >= 4;  // "mikhai1"
    }
  }
  if (!ok) return false;
  std::string r = s;
  for (size_t i = 0; i < s.size(); ++i) {
    switch (s[i]) {
      case '0': r[i] = 'o'; break;
      case '3': r[i] = 'e'; break;
      case '4': r[i] = 'a'; break;
      case '5': r[i] = 's'; break;
      case '1': {
        // "a1exander", "mikhai1" -> l; "sech1n", "1van" -> i; in lower
        // case, "ho1ding" -> l.
        bool any = false, all_vowels = true;
        for (size_t j : {i - 1, i + 1}) {
          if (j >= s.size() || !absl::ascii_isalpha(s[j])) continue;  // i-1 wraps
          any = true;
          if (!IsVowel(s[j])) all_vowels = false;
        }
        const bool vowel_then_consonant = i > 0 && i + 1 < s.size() && absl::ascii_isalpha(s[i - 1]) &&
                                          IsVowel(s[i - 1]) && absl::ascii_isalpha(s[i + 1]) && !IsVowel(s[i + 1]);
        r[i] = (any && all_vowels) || (lower_case && vowel_then_consonant) ? 'l' : 'i';
        break;
      }
      default: break;
    }
  }
  s = std::move(r);
  return true;
}

void TokenizeAscii(absl::string_view text, absl::string_view source,
                   bool transliterated, std::vector<WorkToken>* out) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    char c = text[i];
    if (c == '&') {
      Emit("and", source.empty() ? text.substr(i, 1) : source, transliterated, out);
      ++i;
      continue;
    }
    if (!IsTokenChar(c)) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < n && IsTokenChar(text[i])) ++i;
    absl::string_view run = text.substr(start, i - start);
    absl::string_view src = source.empty() ? run : source;
    if (IsDottedInitials(run)) {
      std::string letters;
      for (char r : run) {
        if (r != '.') letters.push_back(r);
      }
      Emit(std::move(letters), src, transliterated, out);
      continue;
    }
    // Dots split; apostrophes vanish.
    std::string part;
    for (char r : run) {
      if (r == '.') {
        Emit(std::move(part), src, transliterated, out);
        part.clear();
      } else if (r != '\'' && r != '`') {
        part.push_back(r);
      }
    }
    Emit(std::move(part), src, transliterated, out);
  }
}

}  // namespace partyscreen::internal
