#include "lib/normalize/dictionaries.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "lib/normalize/data.h"
#include "lib/normalize/unicode.h"

namespace partyscreen::internal {
namespace {

// One parsed line: its number and its '|'-separated, trimmed fields.
struct Line {
  int number;
  std::vector<std::string> fields;
};

// Splits a dictionary file into lines of fields, dropping comments and blank
// lines. kInternal if the file is not compiled in.
absl::StatusOr<std::vector<Line>> ReadLines(absl::string_view file) {
  absl::string_view data = EmbeddedDataFile(file);
  if (data.empty()) {
    return absl::InternalError(
        absl::StrCat(file, ": normalization data file is not compiled in"));
  }
  std::vector<Line> lines;
  int number = 0;
  for (absl::string_view raw : absl::StrSplit(data, '\n')) {
    ++number;
    size_t hash = raw.find('#');
    if (hash != absl::string_view::npos) raw = raw.substr(0, hash);
    raw = absl::StripAsciiWhitespace(raw);
    if (raw.empty()) continue;
    Line line{number, {}};
    for (absl::string_view f : absl::StrSplit(raw, '|')) {
      line.fields.emplace_back(absl::StripAsciiWhitespace(f));
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

absl::Status LineError(absl::string_view file, const Line& line,
                       absl::string_view message) {
  return absl::InternalError(absl::StrCat(file, ":", line.number, ": ", message));
}

// Checks that `tokens` is a sequence of lower-case ASCII alphanumeric tokens
// separated by single spaces, and returns the number of tokens (0 if bad).
size_t CountNormalizedTokens(absl::string_view tokens) {
  if (tokens.empty() || tokens.front() == ' ' || tokens.back() == ' ') return 0;
  size_t count = 1;
  char prev = 0;
  for (char c : tokens) {
    if (c == ' ') {
      if (prev == ' ') return 0;
      ++count;
    } else if (!absl::ascii_islower(c) && !absl::ascii_isdigit(c)) {
      return 0;
    }
    prev = c;
  }
  return count;
}

absl::Status LoadLegalForms(Dictionaries* d) {
  constexpr absl::string_view kFile = "legal_forms.txt";
  absl::StatusOr<std::vector<Line>> lines = ReadLines(kFile);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    if (line.fields.size() < 2 || line.fields.size() > 3) {
      return LineError(kFile, line, "expected 'variant | canonical [| position]'");
    }
    size_t n = CountNormalizedTokens(line.fields[0]);
    if (n == 0 || line.fields[1].empty()) {
      return LineError(kFile, line, "variant must be normalized tokens");
    }
    LegalFormEntry entry;
    entry.canonical = line.fields[1];
    if (line.fields.size() == 3) {
      const std::string& p = line.fields[2];
      if (p == "edge") {
        entry.position = FormPosition::kEdge;
      } else if (p == "start") {
        entry.position = FormPosition::kStart;
      } else if (p == "end") {
        entry.position = FormPosition::kEnd;
      } else if (p == "any") {
        entry.position = FormPosition::kAny;
      } else {
        return LineError(kFile, line, "position must be edge, start, end or any");
      }
    } else if (n >= 2) {
      // Multi-token variants with a real word are recognised anywhere;
      // letter sequences like "s a" only at the edges.
      bool has_long_token = false;
      for (absl::string_view t : absl::StrSplit(line.fields[0], ' ')) {
        if (t.size() >= 3) has_long_token = true;
      }
      entry.position = has_long_token ? FormPosition::kAny : FormPosition::kEdge;
    }
    if (!d->legal_forms.emplace(line.fields[0], entry).second) {
      return LineError(kFile, line, "duplicate variant");
    }
    d->max_legal_form_tokens = std::max(d->max_legal_form_tokens, n);
  }
  return absl::OkStatus();
}

absl::Status LoadHonorifics(Dictionaries* d) {
  constexpr absl::string_view kFile = "honorifics.txt";
  absl::StatusOr<std::vector<Line>> lines = ReadLines(kFile);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    size_t n = CountNormalizedTokens(line.fields[0]);
    if (n == 0 || line.fields.size() > 2 ||
        (line.fields.size() == 2 && line.fields[1] != "ambiguous")) {
      return LineError(kFile, line, "expected 'tokens [| ambiguous]'");
    }
    d->honorifics[line.fields[0]].ambiguous = line.fields.size() == 2;
    d->max_honorific_tokens = std::max(d->max_honorific_tokens, n);
  }
  return absl::OkStatus();
}

absl::Status LoadWordSet(absl::string_view file, absl::flat_hash_set<std::string>* set) {
  absl::StatusOr<std::vector<Line>> lines = ReadLines(file);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    if (line.fields.size() != 1 || CountNormalizedTokens(line.fields[0]) != 1) {
      return LineError(file, line, "expected one normalized token");
    }
    set->insert(line.fields[0]);
  }
  return absl::OkStatus();
}

absl::Status LoadAbbreviations(Dictionaries* d) {
  constexpr absl::string_view kFile = "abbreviations.txt";
  absl::StatusOr<std::vector<Line>> lines = ReadLines(kFile);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    if (line.fields.size() != 2 || CountNormalizedTokens(line.fields[0]) != 1 ||
        CountNormalizedTokens(line.fields[1]) != 1) {
      return LineError(kFile, line, "expected <abbreviation> | <word>, each one normalized token");
    }
    if (!d->abbreviations.emplace(line.fields[0], line.fields[1]).second) {
      return LineError(kFile, line, "abbreviation listed twice");
    }
  }
  return absl::OkStatus();
}

absl::Status LoadGivenNames(Dictionaries* d) {
  constexpr absl::string_view kFile = "given_name_variants.txt";
  absl::StatusOr<std::vector<Line>> lines = ReadLines(kFile);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    if (line.fields.size() != 2 || CountNormalizedTokens(line.fields[0]) != 1 ||
        CountNormalizedTokens(line.fields[1]) < 1) {
      return LineError(kFile, line, "expected <Russian form> | <variant> <variant> ..., normalized tokens");
    }
    if (d->given_names.contains(line.fields[0])) return LineError(kFile, line, "a form is listed twice");
    for (absl::string_view v : absl::StrSplit(line.fields[1], ' ', absl::SkipEmpty())) {
      if (v == line.fields[0] || d->given_names.contains(v)) {
        return LineError(kFile, line, "a form is listed twice");
      }
      d->given_names.emplace(std::string(v), line.fields[0]);
    }
  }
  return absl::OkStatus();
}

std::vector<std::string> SplitTokens(absl::string_view s) {
  return absl::StrSplit(s, ' ');
}

absl::Status LoadCjkTerms(Dictionaries* d) {
  constexpr absl::string_view kFile = "cjk_org_terms.txt";
  absl::StatusOr<std::vector<Line>> lines = ReadLines(kFile);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    if (line.fields.size() < 2 || line.fields.size() > 3 || line.fields[0].empty() ||
        FindInvalidUtf8Offset(line.fields[0]) != absl::string_view::npos ||
        (line.fields[1] != "-" && CountNormalizedTokens(line.fields[1]) == 0)) {
      return LineError(kFile, line, "expected 'term | tokens [| legal canonical | also tokens]'");
    }
    CjkTerm term;
    // "-": a boundary that gives no token (the 市 of "金华市").
    if (line.fields[1] != "-") term.tokens = SplitTokens(line.fields[1]);
    if (term.tokens.empty() && line.fields.size() == 3) {
      return LineError(kFile, line, "a legal form needs tokens");
    }
    if (line.fields.size() == 3) {
      absl::string_view third = line.fields[2];
      if (absl::ConsumePrefix(&third, "also ")) {
        term.other_form = SplitTokens(third);
        if (term.other_form.empty() || term.tokens.empty()) {
          return LineError(kFile, line, "'also' needs tokens, and a term with tokens");
        }
      } else if (absl::ConsumePrefix(&third, "legal ") && !third.empty()) {
        term.legal = true;
        term.canonical = std::string(third);
      } else {
        return LineError(kFile, line, "third field must be 'legal <canonical>' or 'also <tokens>'");
      }
    }
    size_t chars = DecodeUtf8(line.fields[0]).size();
    d->max_cjk_term_chars = std::max(d->max_cjk_term_chars, chars);
    if (!d->cjk_terms.emplace(line.fields[0], std::move(term)).second) {
      return LineError(kFile, line, "duplicate term");
    }
  }
  return absl::OkStatus();
}

// A line "<word in another script> | <English words>" of a terms file,
// with up to `max_fields` - 2 further fields of English words.
bool IsTermLine(const Line& line, size_t max_fields = 2) {
  if (line.fields.size() < 2 || line.fields.size() > max_fields || line.fields[0].empty() ||
      FindInvalidUtf8Offset(line.fields[0]) != absl::string_view::npos) {
    return false;
  }
  for (size_t f = 1; f < line.fields.size(); ++f) {
    if (CountNormalizedTokens(line.fields[f]) == 0) return false;
  }
  return true;
}

absl::Status LoadCyrillicTerms(Dictionaries* d) {
  constexpr absl::string_view kFile = "cyrillic_org_terms.txt";
  absl::StatusOr<std::vector<Line>> lines = ReadLines(kFile);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    // An optional third field: another common English rendering.
    if (!IsTermLine(line, 3)) {
      return LineError(kFile, line, "expected 'stem | English words [| other English words]'");
    }
    const std::u32string stem = DecodeUtf8(line.fields[0]);
    // A stem of 1-2 letters is a whole word (FindCyrillicTerm).
    for (char32_t c : stem) {
      if (c < 0x0400 || c > 0x04FF || u_tolower(static_cast<UChar32>(c)) != static_cast<UChar32>(c)) {
        return LineError(kFile, line, "a stem is lower-case Cyrillic letters");
      }
    }
    CyrillicTerm term;
    term.english = absl::StrJoin(SplitTokens(line.fields[1]), " ");
    if (line.fields.size() == 3) term.other = absl::StrJoin(SplitTokens(line.fields[2]), " ");
    if (term.other == term.english) return LineError(kFile, line, "the other rendering is the same");
    if (!d->cyrillic_terms.emplace(line.fields[0], std::move(term)).second) {
      return LineError(kFile, line, "duplicate stem");
    }
  }
  return absl::OkStatus();
}

absl::Status LoadArabicTerms(Dictionaries* d) {
  constexpr absl::string_view kFile = "arabic_org_terms.txt";
  absl::StatusOr<std::vector<Line>> lines = ReadLines(kFile);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    if (!IsTermLine(line)) return LineError(kFile, line, "expected 'word | English words'");
    const std::u32string word = UnifyArabic(DecodeUtf8(line.fields[0]));
    if (word.size() < 2) return LineError(kFile, line, "a word needs 2 or more letters");
    for (char32_t c : word) {
      if (c < 0x0600 || c > 0x06FF) return LineError(kFile, line, "a word is Arabic-script letters");
    }
    if (!d->arabic_terms.emplace(EncodeUtf8(word), absl::StrJoin(SplitTokens(line.fields[1]), " ")).second) {
      return LineError(kFile, line, "duplicate word (after unifying letter variants)");
    }
  }
  return absl::OkStatus();
}

absl::Status LoadArabicWords(Dictionaries* d) {
  constexpr absl::string_view kFile = "arabic_name_words.txt";
  absl::StatusOr<std::vector<Line>> lines = ReadLines(kFile);
  if (!lines.ok()) return lines.status();
  // The organisation words: the lines from the "# --- organisation words"
  // heading to the next "# ---" heading.
  int org_begin = -1, org_end = -1, number = 0;
  for (absl::string_view raw : absl::StrSplit(EmbeddedDataFile(kFile), '\n')) {
    ++number;
    if (!absl::StartsWith(raw, "# ---")) continue;
    if (org_begin >= 0 && org_end < 0) org_end = number;
    if (absl::StrContains(raw, "organisation words")) org_begin = number;
  }
  for (const Line& line : *lines) {
    if (line.fields.size() < 2 || line.fields.size() > 3 || line.fields[0].empty() ||
        FindInvalidUtf8Offset(line.fields[0]) != absl::string_view::npos ||
        CountNormalizedTokens(line.fields[1]) == 0 ||
        (line.fields.size() == 3 && CountNormalizedTokens(line.fields[2]) == 0)) {
      return LineError(kFile, line, "expected 'word | tokens [| Persian tokens]'");
    }
    std::string key = EncodeUtf8(UnifyArabic(DecodeUtf8(line.fields[0])));
    // A repeated word must agree with its earlier line.
    std::vector<std::string> tokens = SplitTokens(line.fields[1]);
    auto [it, inserted] = d->arabic_words.emplace(key, tokens);
    if (!inserted && it->second != tokens) {
      return LineError(kFile, line, "word repeated with a different spelling");
    }
    if (org_begin >= 0 && line.number > org_begin && (org_end < 0 || line.number < org_end)) {
      d->arabic_org_tokens.insert(tokens.begin(), tokens.end());
      d->arabic_org_words.insert(key);
    }
    if (line.fields.size() == 3) {
      std::vector<std::string> persian = SplitTokens(line.fields[2]);
      auto [pit, pinserted] = d->persian_words.emplace(key, persian);
      if (!pinserted && pit->second != persian) {
        return LineError(kFile, line, "word repeated with a different Persian spelling");
      }
    }
  }
  return absl::OkStatus();
}

absl::Status LoadTranslitOverrides(Dictionaries* d) {
  constexpr absl::string_view kFile = "translit_overrides.txt";
  absl::StatusOr<std::vector<Line>> lines = ReadLines(kFile);
  if (!lines.ok()) return lines.status();
  for (const Line& line : *lines) {
    if (line.fields.size() != 3 && !(line.fields.size() == 4 && line.fields[0] == "cyrillic")) {
      return LineError(kFile, line, "expected 'kind | key | value'");
    }
    const std::string& kind = line.fields[0];
    if (kind == "script") {
      if (line.fields[1].size() != 4 || line.fields[2].empty()) {
        return LineError(kFile, line, "expected 'script | Xxxx | ICU id'");
      }
      d->script_translit[line.fields[1]] = line.fields[2];
    } else if (kind == "cyrillic") {
      std::u32string with;
      if (line.fields.size() == 4 && absl::StartsWith(line.fields[3], "with ")) {
        with = DecodeUtf8(absl::StripAsciiWhitespace(line.fields[3].substr(5)));
      }
      if (line.fields[1].empty() || line.fields[2].empty() || (line.fields.size() == 4 && with.empty()) ||
          line.fields.size() > 4) {
        return LineError(kFile, line, "expected 'cyrillic | letters | ICU id [| with letters]'");
      }
      d->cyrillic_variants.push_back({DecodeUtf8(line.fields[1]), std::move(with), line.fields[2]});
    } else if (kind == "persian") {
      if (line.fields[1].empty() || line.fields[2].empty() || !d->persian_letters.empty()) {
        return LineError(kFile, line, "expected one 'persian | letters | ICU id'");
      }
      d->persian_letters = DecodeUtf8(line.fields[1]);
      d->persian_translit = line.fields[2];
    } else if (kind == "rules") {
      if (line.fields[1].empty() || line.fields[2].empty()) {
        return LineError(kFile, line, "expected 'rules | ICU id | rule'");
      }
      absl::StrAppend(&d->pre_rules[line.fields[1]], line.fields[2], "\n");
    } else if (kind == "char") {
      std::u32string from = DecodeUtf8(line.fields[1]);
      if (from.size() != 1) {
        return LineError(kFile, line, "expected one character to replace");
      }
      d->char_rules[from[0]] = DecodeUtf8(line.fields[2]);
    } else if (kind == "han") {
      std::u32string from = DecodeUtf8(line.fields[1]);
      const std::string& to = line.fields[2];
      if (from.size() != 1 || to.empty() ||
          !std::all_of(to.begin(), to.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        return LineError(kFile, line, "expected 'han | <one character> | <pinyin in a-z>'");
      }
      if (!d->han_other_readings.emplace(from[0], to).second) {
        return LineError(kFile, line, "character repeated");
      }
    } else {
      return LineError(kFile, line, "kind must be script, cyrillic, persian, rules, char or han");
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::u32string UnifyArabic(const std::u32string& word) {
  std::u32string out;
  out.reserve(word.size());
  for (char32_t c : word) {
    switch (c) {
      case 0x0623:  // أ
      case 0x0625:  // إ
      case 0x0622:  // آ
      case 0x0671:  // ٱ
        out.push_back(0x0627);
        break;
      case 0x0629:  // ة
        out.push_back(0x0647);
        break;
      case 0x0649:  // ى
      case 0x06CC:  // Persian yeh
      case 0x06D2:  // yeh barree
        out.push_back(0x064A);
        break;
      case 0x06A9:  // Persian kaf
        out.push_back(0x0643);
        break;
      case 0x0640:  // tatweel
        break;
      default:
        if ((c >= 0x064B && c <= 0x065F) || c == 0x0670) break;  // vowel marks
        out.push_back(c);
    }
  }
  return out;
}

absl::StatusOr<Dictionaries> LoadDictionaries() {
  Dictionaries d;
  absl::Status s = LoadLegalForms(&d);
  if (s.ok()) s = LoadHonorifics(&d);
  if (s.ok()) s = LoadWordSet("particles.txt", &d.particles);
  if (s.ok()) s = LoadWordSet("stopwords.txt", &d.stopwords);
  if (s.ok()) s = LoadAbbreviations(&d);
  if (s.ok()) s = LoadGivenNames(&d);
  if (s.ok()) s = LoadCjkTerms(&d);
  if (s.ok()) s = LoadCyrillicTerms(&d);
  if (s.ok()) s = LoadArabicTerms(&d);
  if (s.ok()) s = LoadArabicWords(&d);
  if (s.ok()) s = LoadTranslitOverrides(&d);
  if (!s.ok()) return s;
  // The Arabic-script organisation words of both files, by each string of
  // one letter fewer (CorrectArabicOrgWord).
  for (const auto& [word, english] : d.arabic_terms) d.arabic_org_words.insert(word);
  for (const std::string& word : d.arabic_org_words) {
    const std::u32string w = DecodeUtf8(word);
    if (w.size() < kMinCorrectedArabicWord) continue;
    for (size_t i = 0; i < w.size(); ++i) {
      std::vector<std::string>& words = d.arabic_org_deletions[EncodeUtf8(w.substr(0, i) + w.substr(i + 1))];
      if (words.empty() || words.back() != word) words.push_back(word);
    }
  }
  return d;
}

}  // namespace partyscreen::internal
