#include "lib/scoring/phonetic.h"

#include <array>
#include <cstring>

#include "absl/strings/match.h"
#include "absl/types/span.h"

namespace partyscreen::internal {
namespace {

inline bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Output buffer of `ConsonantSkeletonTo`.
struct Sink {
  char* data;
  size_t size = 0;
  bool empty() const { return size == 0; }
  void push_back(char c) { data[size++] = c; }
};

// Appends `code` unless it repeats the last code (rule 5: vowels never reach
// the output, so runs collapse across them).
inline void Emit(Sink& out, char code) {
  if (out.size == 0 || out.data[out.size - 1] != code) out.push_back(code);
}

inline bool At(absl::string_view s, size_t i, absl::string_view what) {
  return s.size() - i >= what.size() &&
         std::memcmp(s.data() + i, what.data(), what.size()) == 0;
}

}  // namespace

std::string ConsonantSkeleton(absl::string_view token) {
  std::string out(2 * token.size() + 1, '\0');
  out.resize(ConsonantSkeletonTo(token, &out[0]));
  return out;
}

size_t ConsonantSkeletonTo(absl::string_view s, char* buffer) {
  Sink out{buffer};
  const size_t n = s.size();
  size_t i = 0;
  if (n > 0 && IsVowel(s[0])) {  // Rule 1.
    out.push_back('a');
    while (i < n && IsVowel(s[i])) ++i;
  }
  while (i < n) {
    const char c = s[i];
    if (IsVowel(c)) {  // Rule 4.
      ++i;
      continue;
    }
    if (IsDigit(c)) {
      Emit(out, c);
      ++i;
      continue;
    }
    // Rule 2: digraphs and trigraphs.
    if (At(s, i, "tsch")) {
      Emit(out, 'j');
      i += 4;
      continue;
    }
    if (At(s, i, "sch") || At(s, i, "tch") || At(s, i, "tsh") ||
        At(s, i, "dzh")) {
      Emit(out, 'j');
      i += 3;
      continue;
    }
    if (i + 1 < n) {
      char code = 0;
      switch (c) {
        case 's':
        case 'c':
        case 'z':
          if (s[i + 1] == 'h') code = 'j';
          if (c == 'c' && s[i + 1] == 'z') code = 'j';
          if (c == 'c' && s[i + 1] == 'k') code = 'k';
          break;
        case 'd':
          if (s[i + 1] == 'j') code = 'j';
          if (s[i + 1] == 'h') code = 't';
          break;
        case 'k':
          if (s[i + 1] == 'h') code = 'h';
          break;
        case 'g':
          if (s[i + 1] == 'h') code = 'k';
          break;
        case 'p':
          if (s[i + 1] == 'h') code = 'f';
          break;
        case 't':
          if (s[i + 1] == 'h') code = 't';
          if (s[i + 1] == 's' || s[i + 1] == 'z') code = 's';
          break;
        default:
          break;
      }
      if (code != 0) {
        Emit(out, code);
        i += 2;
        continue;
      }
    }
    // Rule 3: single letters.
    switch (c) {
      case 'b':
      case 'p':
        Emit(out, 'p');
        break;
      case 'd':
      case 't':
        Emit(out, 't');
        break;
      case 'g':
      case 'k':
      case 'q':
        Emit(out, 'k');
        break;
      case 'c': {
        const char next = i + 1 < n ? s[i + 1] : 0;
        Emit(out, next == 'e' || next == 'i' || next == 'y' ? 's' : 'k');
        break;
      }
      case 's':
      case 'z':
        Emit(out, 's');
        break;
      case 'x':
        Emit(out, 'k');
        Emit(out, 's');
        break;
      case 'f':
      case 'v':
      case 'w':
        Emit(out, 'f');
        break;
      case 'h':
        if (i == 0 || i + 1 < n) Emit(out, 'h');  // Rule 4: final h drops.
        break;
      case 'j':
      case 'l':
      case 'm':
      case 'n':
      case 'r':
        Emit(out, c);
        break;
      default:
        break;  // Any other byte is dropped.
    }
    ++i;
  }
  return out.size;
}

std::string PhoneticKey(absl::string_view token) {
  // Soundex digit of each letter; '0' marks vowels, '-' marks h and w.
  static constexpr char kCodes[27] = "0123012-02245501262301-202";
  std::string out;
  char last = 0;
  for (const char c : token) {
    if (c < 'a' || c > 'z') continue;
    const char code = kCodes[c - 'a'];
    if (out.empty()) {
      out.push_back(c);
      last = code;
      continue;
    }
    if (code == '-') continue;  // h, w: do not separate equal codes.
    if (code == '0') {          // vowels separate equal codes.
      last = '0';
      continue;
    }
    if (code != last) {
      out.push_back(code);
      if (out.size() == 4) break;
    }
    last = code;
  }
  if (!out.empty()) out.resize(4, '0');
  return out;
}

std::string LooseSkeleton(absl::string_view token) {
  std::string stripped;
  stripped.reserve(token.size());
  for (char c : token) {
    if (c != 'w' && c != 'y' && c != 'h') stripped.push_back(c);
  }
  std::string sk = ConsonantSkeleton(stripped);
  if (!sk.empty() && sk[0] == 'a') sk.erase(0, 1);
  return sk;
}

namespace {

inline bool IsVowelLetter(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'v';
}

// a e i o u: the vowels of a Latin word, and of pinyin but for v (u-umlaut).
inline bool IsPlainVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

inline void PushClass(char c, std::string* key) {
  if (key->empty() || key->back() != c) key->push_back(c);
}

// The class of a consonant both keys write alike (b p d t g k l r m n f
// s z), or 0 for the letters each key treats its own way and for vowels,
// w and y.
inline char SharedClass(char c) {
  switch (c) {
    case 'b': case 'p': return 'P';
    case 'd': case 't': return 'T';
    case 'g': case 'k': return 'K';
    case 's': case 'z': return 'S';
    case 'l': case 'r': return 'L';
    case 'm': return 'M';
    case 'n': return 'N';
    case 'f': return 'F';
    default: return 0;
  }
}

bool HasDigitOrOther(absl::string_view s) {
  for (char c : s) {
    if (c < 'a' || c > 'z') return true;
  }
  return false;
}

}  // namespace

namespace {

// The class of the two letters c, next read as one sound, or 0: pinyin zh
// ch sh (S) and the final ng (N); Latin ph (F), th (T), sh ch (S), gh kh
// ck (K).
char DigraphClass(char c, char next, bool pinyin) {
  if (pinyin) {
    if (next == 'h' && (c == 'z' || c == 'c' || c == 's')) return 'S';
    if (c == 'n' && next == 'g') return 'N';
    return 0;
  }
  if (next == 'h') {
    switch (c) {
      case 'p': return 'F';
      case 't': return 'T';
      case 's': case 'c': return 'S';
      case 'g': case 'k': return 'K';
      default: return 0;
    }
  }
  return c == 'c' && next == 'k' ? 'K' : 0;
}

// The key of `s` under the pinyin or the Latin rules (see phonetic.h).
std::string TranscriptionKey(absl::string_view s, bool pinyin, bool glides = false) {
  std::string key;
  if (s.empty() || HasDigitOrOther(s)) return key;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    if (glides && (c == 'w' || c == 'y') && IsPlainVowel(next)) {
      PushClass(c == 'w' ? 'W' : 'Y', &key);
    } else if (const char digraph = DigraphClass(c, next, pinyin)) {
      PushClass(digraph, &key);
      ++i;
    } else if (const char shared = SharedClass(c)) {
      PushClass(shared, &key);
    } else if (pinyin) {
      if (c == 'j' || c == 'q' || c == 'x' || c == 'c') PushClass('S', &key);
      if (c == 'h') PushClass('H', &key);
    } else if (c == 'q') {
      PushClass('K', &key);
    } else if (c == 'c') {
      PushClass(next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K', &key);
    } else if (c == 'j') {
      PushClass('S', &key);
    } else if (c == 'x') {
      PushClass('K', &key);
      PushClass('S', &key);
    } else if (c == 'v') {
      PushClass('F', &key);
    } else if (c == 'h' && i == 0 && IsVowelLetter(next)) {
      PushClass('H', &key);
    }  // vowels, w, y: nothing
  }
  return key;
}

}  // namespace

std::string PinyinTranscriptionKey(absl::string_view s) { return TranscriptionKey(s, true); }

std::string LatinTranscriptionKey(absl::string_view s) { return TranscriptionKey(s, false); }

std::string ShortPinyinTranscriptionKey(absl::string_view s) { return TranscriptionKey(s, true, true); }

std::string ShortLatinTranscriptionKey(absl::string_view s) { return TranscriptionKey(s, false, true); }

int LatinVowelGroupCount(absl::string_view s) {
  int groups = 0;
  bool in_vowel = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool v = IsPlainVowel(s[i]) || (s[i] == 'y' && !(i + 1 < s.size() && IsPlainVowel(s[i + 1])) && i > 0);
    if (v && !in_vowel) ++groups;
    in_vowel = v;
  }
  return groups;
}

namespace {

// One rewrite of a romanisation key: the letters `from` at the current
// position are written `to`.
struct KeyRewrite {
  absl::string_view from;
  absl::string_view to;
};

// `s` rewritten by the first of `rules` that matches at each position (a
// letter no rule matches is kept), runs of one letter written once; with
// `drop_r_before_consonant`, an r before a consonant is dropped first.
std::string RewriteKey(absl::string_view s, absl::Span<const KeyRewrite> rules, bool drop_r_before_consonant) {
  std::string key;
  key.reserve(s.size());
  auto push = [&](char c) {
    if (key.empty() || key.back() != c) key.push_back(c);
  };
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w'; };
  size_t i = 0;
  while (i < s.size()) {
    const absl::string_view rest = s.substr(i);
    if (drop_r_before_consonant && rest.size() >= 2 && rest[0] == 'r' && !vowel(rest[1])) {
      ++i;  // "park": an r before a consonant is not pronounced
      continue;
    }
    const KeyRewrite* match = nullptr;
    for (const KeyRewrite& r : rules) {
      if (absl::StartsWith(rest, r.from)) {
        match = &r;
        break;
      }
    }
    if (match == nullptr) {
      push(rest[0]);
      ++i;
      continue;
    }
    for (char c : match->to) push(c);
    i += match->from.size();
  }
  return key;
}

constexpr KeyRewrite kChineseRewrites[] = {
    {"zh", "z"},  {"ch", "z"},  {"ts", "z"},   {"tz", "z"}, {"sh", "s"}, {"hs", "s"}, {"ung", "ong"}, {"ien", "ian"},
    {"ieh", "ie"}, {"ih", "i"}, {"j", "z"},    {"q", "z"},  {"c", "z"},  {"r", "z"},  {"x", "s"},     {"k", "g"},
    {"t", "d"},   {"p", "b"},
};

constexpr KeyRewrite kKoreanRewrites[] = {
    {"tch", "j"}, {"ch", "j"}, {"sh", "s"}, {"eo", "o"}, {"eu", "u"}, {"oo", "u"}, {"ee", "i"}, {"oi", "oe"},
    {"yu", "yo"}, {"k", "g"},  {"t", "d"},  {"p", "b"},  {"r", "l"},
};

}  // namespace

std::string ChineseRomanisationKey(absl::string_view s) { return RewriteKey(s, kChineseRewrites, false); }

std::string KoreanRomanisationKey(absl::string_view s) { return RewriteKey(s, kKoreanRewrites, true); }

int PinyinSyllableCount(absl::string_view s) {
  int groups = 0;
  bool in_vowel = false;
  for (char c : s) {
    const bool v = IsVowelLetter(c);
    if (v && !in_vowel) ++groups;
    in_vowel = v;
  }
  return groups;
}

bool TranscriptionKeysMatch(absl::string_view pinyin, absl::string_view latin) {
  if (latin.size() < kTranscriptionMinLatinLength || PinyinSyllableCount(pinyin) < kTranscriptionMinSyllables) {
    return false;
  }
  const std::string a = PinyinTranscriptionKey(pinyin);
  if (a.size() < kTranscriptionMinKey) return false;
  return a == LatinTranscriptionKey(latin);
}

namespace {

// The valid syllables of Hanyu Pinyin (tone marks and u-umlaut as v), by
// initial: each initial with the finals it takes.
struct PinyinInitial {
  absl::string_view initial;
  absl::string_view finals;  // space-separated
};
constexpr PinyinInitial kPinyinSyllables[] = {
    {"", "a o e ai ei ao ou an en ang eng er"},
    {"b", "a o ai ei ao an en ang eng i ie iao ian in ing u"},
    {"p", "a o ai ei ao ou an en ang eng i ie iao ian in ing u"},
    {"m", "a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u"},
    {"f", "a o ei ou an en ang eng u"},
    {"d", "a e ai ei ao ou an en ang eng ong i ie iao iu ian ing u uo ui uan un"},
    {"t", "a e ai ao ou an ang eng ong i ie iao ian ing u uo ui uan un"},
    {"n", "a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan v ve"},
    {"l", "a o e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un v ve"},
    {"g", "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang"},
    {"k", "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang"},
    {"h", "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang"},
    {"j", "i ia ie iao iu ian in iang ing iong u ue uan un"},
    {"q", "i ia ie iao iu ian in iang ing iong u ue uan un"},
    {"x", "i ia ie iao iu ian in iang ing iong u ue uan un"},
    {"zh", "a e i ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang"},
    {"ch", "a e i ai ao ou an en ang eng ong u ua uo uai ui uan un uang"},
    {"sh", "a e i ai ei ao ou an en ang eng u ua uo uai ui uan un uang"},
    {"r", "e i ao ou an en ang eng ong u ua uo ui uan un"},
    {"z", "a e i ai ei ao ou an en ang eng ong u uo ui uan un"},
    {"c", "a e i ai ao ou an en ang eng ong u uo ui uan un"},
    {"s", "a e i ai ao ou an en ang eng ong u uo ui uan un"},
    {"y", "a o e ao ou an in ang ing ong i u ue uan un"},
    {"w", "a o ai ei an en ang eng u"},
};

bool IsPinyinSyllable(absl::string_view s) {
  for (const PinyinInitial& p : kPinyinSyllables) {
    if (!absl::StartsWith(s, p.initial)) continue;
    const absl::string_view final_part = s.substr(p.initial.size());
    if (final_part.empty()) continue;
    absl::string_view rest = p.finals;
    while (!rest.empty()) {
      const size_t space = rest.find(' ');
      const absl::string_view f = rest.substr(0, space);
      if (f == final_part) return true;
      if (space == absl::string_view::npos) break;
      rest.remove_prefix(space + 1);
    }
  }
  return false;
}

// The vowel class of each vowel group of `s` (see ShortTranscriptionKeysMatch),
// at most 2: a group with o -> O, else e (or Latin ay, ey) -> E, else a ->
// A, else i (or Latin y) -> I, else u (pinyin v) -> U.
std::array<char, 2> VowelClasses(absl::string_view s, bool pinyin) {
  std::array<char, 2> out = {0, 0};
  int n = 0;
  size_t i = 0;
  auto vowel = [&](size_t k) {
    const char c = s[k];
    if (IsPlainVowel(c)) return true;
    if (pinyin) return c == 'v';
    return c == 'y' && k > 0 && !(k + 1 < s.size() && IsPlainVowel(s[k + 1]));
  };
  while (i < s.size() && n < 2) {
    if (!vowel(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && vowel(j)) ++j;
    const absl::string_view g = s.substr(i, j - i);
    char c = 'U';
    if (absl::StrContains(g, 'o')) {
      c = 'O';
    } else if (absl::StrContains(g, 'e') || (!pinyin && (g == "ay" || g == "ai"))) {
      c = 'E';
    } else if (absl::StrContains(g, 'a')) {
      c = 'A';
    } else if (absl::StrContains(g, 'i') || absl::StrContains(g, 'y')) {
      c = 'I';
    }
    out[n++] = c;
    i = j;
  }
  return out;
}

}  // namespace

bool IsPinyinWord(absl::string_view s) {
  constexpr size_t kLongestSyllable = 6;  // "zhuang"
  if (s.empty() || s.size() > 64) return false;
  // can[k]: s[0, k) is a sequence of syllables.
  bool can[65] = {true};
  for (size_t end = 1; end <= s.size(); ++end) {
    for (size_t len = 1; len <= kLongestSyllable && len <= end && !can[end]; ++len) {
      can[end] = can[end - len] && IsPinyinSyllable(s.substr(end - len, len));
    }
  }
  return can[s.size()];
}

bool ShortTranscriptionKeysMatch(absl::string_view pinyin, absl::string_view latin) {
  if (latin.size() < kTranscriptionMinLatinLength || latin.size() > kShortTranscriptionMaxLatinLength ||
      pinyin.empty() || IsPlainVowel(pinyin[0]) != IsPlainVowel(latin[0]) || PinyinSyllableCount(pinyin) != 2 ||
      LatinVowelGroupCount(latin) != 2 || IsPinyinWord(latin)) {
    return false;
  }
  const std::string a = ShortPinyinTranscriptionKey(pinyin);
  if (a.size() < kShortTranscriptionMinKey || a != ShortLatinTranscriptionKey(latin)) return false;
  const std::array<char, 2> p = VowelClasses(pinyin, true), l = VowelClasses(latin, false);
  return p[0] == l[0] || p[1] == l[1];
}

}  // namespace partyscreen::internal
