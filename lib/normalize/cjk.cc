#include "lib/normalize/cjk.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "lib/normalize/unicode.h"

namespace partyscreen::internal {
namespace {

// Two-character Chinese surnames (a general rule of Chinese names).
bool IsCompoundSurname(const std::u32string& two) {
  static const char32_t* const kCompound[] = {
      U"欧阳", U"歐陽", U"司马", U"司馬", U"诸葛", U"諸葛", U"上官", U"东方",
      U"東方", U"皇甫", U"尉迟", U"尉遲", U"公孙", U"公孫", U"慕容", U"令狐",
      U"长孙", U"長孫", U"宇文", U"司徒", U"夏侯", U"轩辕", U"軒轅", U"端木",
      U"西门", U"西門", U"南宫", U"南宮", U"独孤", U"獨孤"};
  for (const char32_t* c : kCompound) {
    if (two == c) return true;
  }
  return false;
}

// Pinyin syllables of a Han run ("大华" -> {"da", "hua"}), lower-case ASCII
// (Han-Latin may write a few syllables together: "céngguó fān").
absl::StatusOr<std::vector<std::string>> HanLatinSyllables(const std::u32string& han,
                                                            const TransliteratorSet& translit) {
  absl::StatusOr<std::string> latin = translit.Transliterate(kHanToPinyin, EncodeUtf8(han));
  if (!latin.ok()) return latin.status();
  std::vector<std::string> syllables;
  for (absl::string_view s : absl::StrSplit(*latin, ' ', absl::SkipEmpty())) {
    std::string clean;
    for (char c : s) {
      if (absl::ascii_isalnum(c)) clean.push_back(absl::ascii_tolower(c));
    }
    if (!clean.empty()) syllables.push_back(std::move(clean));
  }
  return syllables;
}

// Where the names read a character of two readings in the Han-Latin way and
// where in the other (PinyinSyllables).
struct HanReading {
  const Dictionaries& dict;
  unsigned reading = 0;
  unsigned* choices = nullptr;  // may be null
};

// HanLatinSyllables, except that with reading choice kOtherHanReading a
// character of Dictionaries::han_other_readings gives its other reading
// (the run is then read character by character). Records the choice in
// `*r.choices` when the run holds such a character.
absl::StatusOr<std::vector<std::string>> PinyinSyllables(const std::u32string& han,
                                                         const TransliteratorSet& translit,
                                                         const HanReading& r) {
  bool other = false;
  for (char32_t c : han) other |= r.dict.han_other_readings.contains(c);
  if (other && r.choices != nullptr) *r.choices |= kOtherHanReading;
  if (!other || (r.reading & kOtherHanReading) == 0) return HanLatinSyllables(han, translit);
  std::vector<std::string> syllables;
  for (char32_t c : han) {
    auto it = r.dict.han_other_readings.find(c);
    if (it != r.dict.han_other_readings.end()) {
      syllables.push_back(it->second);
      continue;
    }
    absl::StatusOr<std::vector<std::string>> one = HanLatinSyllables(std::u32string(1, c), translit);
    if (!one.ok()) return one.status();
    for (std::string& s : *one) syllables.push_back(std::move(s));
  }
  return syllables;
}

void EmitWord(std::string text, const std::u32string& source, std::vector<WorkToken>* out) {
  if (text.empty()) return;
  WorkToken t;
  t.token.text = std::move(text);
  t.token.role = TokenRole::kWord;
  t.token.source = EncodeUtf8(source);
  t.token.transliterated = true;
  t.token.pinyin = true;
  out->push_back(std::move(t));
}

absl::Status EmitPinyinRun(const std::u32string& run, const TransliteratorSet& translit, const HanReading& r,
                           std::vector<WorkToken>* out) {
  if (run.empty()) return absl::OkStatus();
  if (run.size() == 4) {
    // Four characters that match no term are mostly two words (a place
    // and a brand, or two brand syllable pairs): "长安海连" -> "zhangan",
    // "hailian". The scorer joins adjacent tokens when the listing writes
    // them as one word, but cannot split one token into two.
    absl::Status s = EmitPinyinRun(run.substr(0, 2), translit, r, out);
    if (!s.ok()) return s;
    return EmitPinyinRun(run.substr(2), translit, r, out);
  }
  absl::StatusOr<std::vector<std::string>> syl = PinyinSyllables(run, translit, r);
  if (!syl.ok()) return syl.status();
  std::string joined;
  for (const std::string& s : *syl) joined += s;
  EmitWord(std::move(joined), run, out);
  return absl::OkStatus();
}

}  // namespace

absl::Status SegmentHan(const std::u32string& han, NameKindHint hint, int name_words,
                        const Dictionaries& dict, const TransliteratorSet& translit,
                        unsigned reading, std::vector<WorkToken>* out,
                        std::vector<std::string>* legal_forms, unsigned* choices) {
  const HanReading r{dict, reading, choices};
  if (hint == NameKindHint::kPerson) {
    size_t n = han.size();
    if (name_words != 1 || n < 2 || n > 4) return EmitPinyinRun(han, translit, r, out);
    size_t surname = n >= 3 && IsCompoundSurname(han.substr(0, 2)) ? 2 : 1;
    absl::Status s = EmitPinyinRun(han.substr(0, surname), translit, r, out);
    if (!s.ok()) return s;
    return EmitPinyinRun(han.substr(surname), translit, r, out);
  }
  std::u32string residual;
  size_t i = 0;
  std::string key;
  // The longest term at `at` (nullptr if none), its length and UTF-8 key.
  auto longest_term = [&](size_t at, size_t* len_out, std::string* key_out) -> const CjkTerm* {
    size_t max_len = std::min(dict.max_cjk_term_chars, han.size() - at);
    for (size_t len = max_len; len >= 1; --len) {
      key_out->clear();
      for (size_t k = 0; k < len; ++k) AppendUtf8(han[at + k], key_out);
      auto it = dict.cjk_terms.find(*key_out);
      if (it != dict.cjk_terms.end()) {
        *len_out = len;
        return &it->second;
      }
    }
    return nullptr;
  };
  std::string head_key;
  while (i < han.size()) {
    size_t len = 0;
    const CjkTerm* term = longest_term(i, &len, &key);
    if (term == nullptr) {
      residual.push_back(han[i]);
      ++i;
      continue;
    }
    if (!residual.empty() && len >= 2 && !term->legal) {
      // Does the term's head character begin a shorter (non-legal) term?
      size_t rest_len = 0;
      const CjkTerm* rest = longest_term(i + 1, &rest_len, &head_key);
      if (rest != nullptr && !rest->legal && rest_len == len - 1) {
        if (choices != nullptr) *choices |= kNameTakesTermHead;
        if (reading & kNameTakesTermHead) {
          residual.push_back(han[i]);
          ++i;
          continue;
        }
      }
    }
    absl::Status s = EmitPinyinRun(residual, translit, r, out);
    if (!s.ok()) return s;
    residual.clear();
    int group = -1;
    if (term->legal) {
      group = static_cast<int>(legal_forms->size());
      legal_forms->push_back(term->canonical);
    }
    if (!term->other_form.empty() && choices != nullptr) *choices |= kOtherEnglishForm;
    const bool other_form = (reading & kOtherEnglishForm) && !term->other_form.empty();
    for (const std::string& tok : other_form ? term->other_form : term->tokens) {
      WorkToken t;
      t.token.text = tok;
      t.token.role = term->legal ? TokenRole::kLegalForm : TokenRole::kWord;
      t.token.source = key;
      t.token.transliterated = true;
      t.token.translated = true;
      t.legal_group = group;
      t.role_fixed = term->legal;
      out->push_back(std::move(t));
    }
    i += len;
  }
  return EmitPinyinRun(residual, translit, r, out);
}

}  // namespace partyscreen::internal
