// The name normalizer (include/partyscreen/normalizer.h).
//
// Pipeline of `Normalize`, in order:
//
//  0. Validation: the input must be UTF-8 (kInvalidArgument with the byte
//     offset otherwise; the name itself never appears in a message).
//     All-ASCII input skips steps 1-4 and ICU entirely (the fast path).
//  1. Unicode clean-up: NFKC with Boost.Locale's ICU backend (full-width
//     "ＳＥＮＳＥＴＩＭＥ" becomes "SENSETIME", ligatures split, NBSP and the
//     ideographic space become spaces); then format characters (Cf: zero-
//     width space/joiner/non-joiner, soft hyphen, BOM, bidi marks) and other
//     default-ignorable code points are removed, every remaining Unicode
//     space or control character becomes ' ', and the character rules of
//     translit_overrides.txt are applied. If the result is ASCII, it takes
//     the fast path from here.
//  2. Words and homoglyphs: the text is cut into words at spaces and at
//     punctuation and symbols other than '.', apostrophes and '&' (which is
//     its own word). A word mixing Latin with Cyrillic/Greek look-alikes is
//     repaired towards its majority script (lib/normalize/homoglyphs.h).
//     Digits used as letters are repaired later, on ASCII tokens
//     (lib/normalize/tokenize.h).
//  3. Chinese: each run of Han characters in a word is segmented with the
//     general terms of cjk_org_terms.txt; the rest becomes joined pinyin
//     (lib/normalize/cjk.h).
//  4. Other scripts: each remaining stretch of a word is romanised by the
//     ICU transliterator that translit_overrides.txt names for its script
//     (Cyrillic by language: Russian, Ukrainian, ... BGN/PCGN), followed by
//     "Latin-ASCII", which also strips Latin diacritics; output that is still
//     not ASCII (letters of a second script) gets a second pass through
//     "Any-Latin; Latin-ASCII".
//     Arabic-script words are first looked up whole in
//     arabic_name_words.txt (ICU writes no short vowels), with a glued
//     article "ال" split off as the particle "al" and two known words
//     written together split ("علیرضا" -> "ali", "reza"; also words of
//     arabic_org_terms.txt: "جهادخودکفایی" -> "jihad", "khudkfayi"), and
//     in the reading kTranslateTerms the organisation words of
//     arabic_org_terms.txt give their English words ("سپاه" -> "corps",
//     where the first reading has "spah"); other words are
//     romanised by the rules of translit_overrides.txt, which read the
//     long-vowel letters by position. A name with letters only Persian or
//     Urdu use is Persian: its own rules (ض -> z, consonant waw -> v), the
//     Persian spellings of the dictionary, and no article split in short
//     words ("الوند" -> "alund"). A given name followed by the separate word
//     "الله" / "الدين" becomes one token ("njibullah", "srajuddin"), except
//     in organisation names. Hangul person names are surname + joined given
//     name. Letters left outside ASCII are dropped.
//  5. Tokenization of the ASCII text (lib/normalize/tokenize.h): dotted
//     initials joined, apostrophes dropped, hyphens and other punctuation
//     split, lower case, digit homoglyphs repaired.
//  6. Roles (`AssignRoles`): "no"/"nr" before a number is a stopword; a
//     vowel-less legal form glued to the first or last word is split off
//     ("JSCVAD"); legal forms (legal_forms.txt) at the end, at the start,
//     and multi-token ones anywhere, also with one typo in a word of 5+
//     letters ("COMPAWNY"), never all of a name and never for a person
//     hint; leading honorifics (honorifics.txt), not in a name with a legal
//     form; particles and stopwords; spaced initials of an organisation
//     joined ("A B C Company" -> "abc").
#include "partyscreen/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <boost/locale.hpp>
#include <exception>
#include <locale>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "lib/normalize/cjk.h"
#include "lib/normalize/arabic_terms.h"
#include "lib/normalize/cyrillic_terms.h"
#include "lib/normalize/data.h"
#include "lib/normalize/dictionaries.h"
#include "lib/normalize/homoglyphs.h"
#include "lib/normalize/tokenize.h"
#include "lib/normalize/transliterate.h"
#include "lib/normalize/unicode.h"
#include "lib/scoring/levenshtein.h"

namespace partyscreen {

absl::string_view TokenRoleName(TokenRole role) {
  switch (role) {
    case TokenRole::kWord: return "word";
    case TokenRole::kNumber: return "number";
    case TokenRole::kLegalForm: return "legal_form";
    case TokenRole::kHonorific: return "honorific";
    case TokenRole::kParticle: return "particle";
    case TokenRole::kStopword: return "stopword";
  }
  return "word";
}

namespace internal {
namespace {

constexpr char kLatinAscii[] = "Latin-ASCII";
constexpr char kAnyLatin[] = "Any-Latin; Latin-ASCII";
constexpr char kChainSuffix[] = "; Latin-ASCII";

bool IsHan(char32_t c) {
  UErrorCode e = U_ZERO_ERROR;
  return uscript_getScript(c, &e) == USCRIPT_HAN;
}

bool IsHangulSyllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }

// Characters that separate words in step 2.
bool IsWordSeparator(char32_t c) {
  if (c == ' ' || c == '&') return true;
  if (c == '.' || IsApostropheLike(c)) return false;
  int8_t type = u_charType(c);
  switch (type) {
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL:
    case U_MODIFIER_SYMBOL:
    case U_OTHER_SYMBOL:
      return true;
    default:
      return false;
  }
}

// Legal form words this long or longer are recognised one typo away.
constexpr size_t kMinFuzzyLegalWord = 5;

bool IsWordish(const WorkToken& t) {
  return t.legal_group < 0 && !t.role_fixed &&
         (t.token.role == TokenRole::kWord || t.token.role == TokenRole::kNumber);
}

// Turns transliterator output into ASCII: apostrophe-like characters become
// "'", the schwa becomes "e", other letters outside ASCII are dropped (ICU
// had no romanisation for them) and anything else becomes a space.
std::string ToAscii(absl::string_view latin) {
  std::string out;
  out.reserve(latin.size());
  for (char32_t c : DecodeUtf8(latin)) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (IsApostropheLike(c)) {
      out.push_back('\'');
    } else if (c == 0x00B7 || c == 0x2027) {
      // BGN's middle dot keeps letters apart ("t·s" is not "ц"): dropped.
    } else if (c == 0x01DD || c == 0x0259 || c == 0x018E || c == 0x018F) {
      out.push_back('e');
    } else if (u_isalpha(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) &
                                   U_GC_M_MASK) {
      // dropped
    } else {
      out.push_back(' ');
    }
  }
  return out;
}

// Folds a Latin-script segment to ASCII without ICU transliteration when
// every non-ASCII character is an ASCII letter plus combining marks ("é",
// "ñ", "ş") or one of a few single letters; false means "use Latin-ASCII".
// Same result as Latin-ASCII for these characters, ten times faster.
bool FoldLatinQuickly(const std::u32string& seg, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return false;
  icu::UnicodeString decomposition;
  for (char32_t c : seg) {
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
      continue;
    }
    switch (c) {
      case 0x00DF: *out += "ss"; continue;   // ß
      case 0x00E6: *out += "ae"; continue;   // æ
      case 0x00C6: *out += "AE"; continue;
      case 0x0153: *out += "oe"; continue;   // œ
      case 0x0152: *out += "OE"; continue;
      case 0x00F8: *out += "o"; continue;    // ø
      case 0x00D8: *out += "O"; continue;
      case 0x0142: *out += "l"; continue;    // ł
      case 0x0141: *out += "L"; continue;
      case 0x0111: *out += "d"; continue;    // đ
      case 0x0110: *out += "D"; continue;
      case 0x0131: *out += "i"; continue;    // dotless i
      default: break;
    }
    if (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_MN_MASK) continue;
    if (!nfd->getDecomposition(c, decomposition) || decomposition.length() < 2) return false;
    UChar32 base = decomposition.char32At(0);
    if (base >= 0x80 || !absl::ascii_isalpha(static_cast<char>(base))) return false;
    for (int32_t k = U16_LENGTH(base); k < decomposition.length(); ++k) {
      if (!(u_getIntPropertyValue(decomposition.charAt(k), UCHAR_GENERAL_CATEGORY_MASK) &
            U_GC_MN_MASK)) {
        return false;
      }
    }
    out->push_back(static_cast<char>(base));
  }
  return true;
}

}  // namespace

class NormalizerImpl {
 public:
  Dictionaries dict;
  std::unique_ptr<TransliteratorSet> translit;
  std::locale locale;
  // ISO 15924 short name -> compound transliterator id.
  absl::flat_hash_map<std::string, std::string> script_chain;
  // Per line of Dictionaries::cyrillic_variants: letters, with, chain.
  struct CyrillicChain {
    std::u32string letters;
    std::u32string with;
    std::string chain;
  };
  std::vector<CyrillicChain> cyrillic_chain;
  std::string cyrillic_default_chain = kAnyLatin;
  // Chain for Arabic-script words of a Persian name; empty: the "Arab" one.
  std::string persian_chain;
  // First / last tokens of legal form variants, to skip hopeless lookups.
  absl::flat_hash_set<std::string> legal_first, legal_last, legal_any_first;
  absl::flat_hash_set<std::string> honorific_first;
  // Words of legal form variants, and for those of kMinFuzzyLegalWord or
  // more letters, each of them and its one-letter deletions -> the words:
  // the candidates of a typo one edit away ("compawny", "limjited").
  absl::flat_hash_set<std::string> legal_words;
  absl::flat_hash_map<std::string, std::vector<std::string>> legal_fuzzy;
  size_t max_legal_word = 0;
  // One-token legal forms of 3+ letters without a vowel, or "ooo", allowed
  // at the start / at the end: they may be written glued to a word.
  absl::flat_hash_set<std::string> glue_start, glue_end;
  size_t max_glue_end = 0;

  // `reading`: a set of the reading choices of dictionaries.h (0: the first
  // reading). `choices` (may be null) gets those that would change the
  // tokens.
  absl::StatusOr<NormalizedName> Normalize(absl::string_view input, NameKindHint hint,
                                           unsigned reading = 0, unsigned* choices = nullptr) const;

 private:
  // State of one call.
  struct Call {
    NameKindHint hint;
    unsigned reading = 0;
    unsigned choices = 0;
    std::vector<WorkToken> tokens;
    std::vector<std::string> legal_groups;
    const std::string* cyrillic = nullptr;
    bool name_is_latin = false;
    bool persian = false;  // the name has letters only Persian/Urdu use
    int cjk_words = 0;  // words of the name that hold Han or Hangul letters
  };

  absl::Status NormalizeWord(std::u32string word, Call* call) const;
  absl::Status NormalizeSegment(const std::u32string& seg, const std::string& source,
                                Call* call) const;
  absl::Status TransliterateInto(absl::string_view id, const std::u32string& text,
                                 const std::string& source, bool transliterated,
                                 Call* call) const;
  absl::Status ArabicWord(const std::u32string& seg, const std::string& source,
                          Call* call) const;
  // A dictionary word's English words `english`: records the reading
  // choice kTranslateTerms and, in a reading that makes it, appends them
  // as translated tokens and returns true.
  bool EmitTranslation(const std::string& english, const std::string& source, Call* call) const;
  absl::Status ArabicPart(const std::u32string& unified, const std::u32string& original,
                          const std::string& source, Call* call) const;
  absl::Status HangulWord(const std::u32string& seg, const std::string& source,
                          Call* call) const;
  void JoinAllahNames(Call* call) const;
  void AssignRoles(Call* call) const;
  void SplitGluedLegalForms(Call* call) const;
  // The legal form word one edit (OSA distance) from `w`, or "" when there
  // is none or more than one, or `w` is itself a legal form word.
  std::string FuzzyLegalWord(absl::string_view w) const;
  // The legal form word that `w` spells with the digits a scan confuses
  // with letters ("c0" -> "co", "1td" -> "ltd", "l1mited"), or "": `w`
  // holds letters and a 0 or 1, and no other character. Not 3, 4 or 5:
  // "A5" or "S3" ending a name is a model code, not AS or SE.
  std::string HomoglyphLegalWord(absl::string_view w) const;
  NormalizedName Finish(Call* call, std::string script) const;
  const std::string& ChainFor(UScriptCode script, const Call& call) const;
};

const std::string& NormalizerImpl::ChainFor(UScriptCode script, const Call& call) const {
  static const std::string* const kAny = new std::string(kAnyLatin);
  static const std::string* const kLatin = new std::string(kLatinAscii);
  if (script == USCRIPT_LATIN) return *kLatin;
  if (script == USCRIPT_CYRILLIC && call.cyrillic != nullptr) return *call.cyrillic;
  auto it = script_chain.find(uscript_getShortName(script));
  return it == script_chain.end() ? *kAny : it->second;
}

absl::Status NormalizerImpl::TransliterateInto(absl::string_view id,
                                               const std::u32string& text,
                                               const std::string& source,
                                               bool transliterated, Call* call) const {
  absl::StatusOr<std::string> latin = translit->Transliterate(id, EncodeUtf8(text));
  if (!latin.ok()) return latin.status();
  if (!IsAscii(*latin) && id != kAnyLatin) {
    // Letters of another script inside the word: a second, generic pass.
    latin = translit->Transliterate(kAnyLatin, *latin);
    if (!latin.ok()) return latin.status();
  }
  TokenizeAscii(ToAscii(*latin), source, transliterated, &call->tokens);
  return absl::OkStatus();
}

bool NormalizerImpl::EmitTranslation(const std::string& english, const std::string& source, Call* call) const {
  call->choices |= kTranslateTerms;
  if ((call->reading & kTranslateTerms) == 0) return false;
  const size_t before = call->tokens.size();
  TokenizeAscii(english, source, true, &call->tokens);
  for (size_t k = before; k < call->tokens.size(); ++k) call->tokens[k].token.translated = true;
  return true;
}

absl::Status NormalizerImpl::ArabicPart(const std::u32string& unified,
                                        const std::u32string& original,
                                        const std::string& source, Call* call) const {
  // An organisation word: its English words in the reading that
  // translates them, its spelling otherwise.
  const std::string* english = FindArabicTerm(dict, unified);
  if (english != nullptr && EmitTranslation(*english, source, call)) return absl::OkStatus();
  const std::vector<std::string>* words = nullptr;
  std::string key = EncodeUtf8(unified);
  if (call->persian) {
    auto it = dict.persian_words.find(key);
    if (it != dict.persian_words.end()) words = &it->second;
  }
  if (words == nullptr) {
    auto it = dict.arabic_words.find(key);
    if (it != dict.arabic_words.end()) words = &it->second;
  }
  if (words != nullptr) {
    for (const std::string& tok : *words) {
      WorkToken t;
      t.token.text = tok;
      t.token.source = source;
      t.token.transliterated = true;
      call->tokens.push_back(std::move(t));
    }
    return absl::OkStatus();
  }
  // An organisation word with a typing error is read as that word (not in
  // personal names, where the error would more often be another name).
  if (english == nullptr && call->hint != NameKindHint::kPerson) {
    const std::u32string corrected = CorrectArabicOrgWord(dict, unified);
    if (!corrected.empty()) return ArabicPart(corrected, corrected, source, call);
  }
  // The original letters: the rules of translit_overrides.txt read the
  // letters that UnifyArabic merges (final "ى" is "a", "إ" is "i").
  const std::string& chain = call->persian && !persian_chain.empty()
                                 ? persian_chain
                                 : ChainFor(USCRIPT_ARABIC, *call);
  const size_t before = call->tokens.size();
  absl::Status st = TransliterateInto(chain, original, source, true, call);
  // A word of one letter is an abbreviation, an initial: "ذ" is "d", not
  // the two-letter word "dh".
  if (st.ok() && unified.size() == 1 && call->tokens.size() == before + 1) {
    std::string& text = call->tokens.back().token.text;
    if (text.size() > 1 && absl::ascii_isalpha(text[0])) text.resize(1);
  }
  return st;
}

namespace {

// True for the characters that UnifyArabic removes (vowel marks, tatweel).
bool DroppedByUnify(char32_t c) {
  return c == 0x0640 || (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}

// `original` without its first `letters` letters that survive UnifyArabic
// (and the marks that follow them).
std::u32string DropArabicLetters(const std::u32string& original, size_t letters) {
  size_t i = 0;
  while (i < original.size() && letters > 0) {
    if (!DroppedByUnify(original[i])) --letters;
    ++i;
  }
  while (i < original.size() && DroppedByUnify(original[i])) ++i;
  return original.substr(i);
}

// The first `letters` surviving letters of `original` (with their marks).
std::u32string TakeArabicLetters(const std::u32string& original, size_t letters) {
  std::u32string rest = DropArabicLetters(original, letters);
  return original.substr(0, original.size() - rest.size());
}

}  // namespace

absl::Status NormalizerImpl::ArabicWord(const std::u32string& seg,
                                        const std::string& source, Call* call) const {
  static const std::u32string kAl = U"\u0627\u0644";                 // ال
  static const std::u32string kAbdAl = U"\u0639\u0628\u062F\u0627\u0644";  // عبدال
  std::u32string u = UnifyArabic(seg);
  auto emit = [&](const char* text) {
    WorkToken t;
    t.token.text = text;
    t.token.source = source;
    t.token.transliterated = true;
    call->tokens.push_back(std::move(t));
  };
  auto known = [&](const std::u32string& w) {
    return dict.arabic_words.contains(EncodeUtf8(w)) || FindArabicTerm(dict, w) != nullptr;
  };
  if (known(u)) return ArabicPart(u, seg, source, call);
  if (u.size() >= kAbdAl.size() + 2 && u.compare(0, kAbdAl.size(), kAbdAl) == 0) {
    emit("abd");
    emit("al");
    return ArabicPart(u.substr(kAbdAl.size()), DropArabicLetters(seg, kAbdAl.size()),
                      source, call);
  }
  // The conjunction "و" (and) and the prepositions "ب" (in, by) and "ل"
  // (for) written onto an article: "والمسلمين" is "wa", "al", "muslimin";
  // "بالاسلام" is "al", "islam"; "للعلوم" ("ل" + "ال" written "لل") is
  // "al", "sciences". The prepositions are dropped, as listings mostly do.
  // Only before a known word or one of 5+ letters: foreign names begin
  // with these letters too ("بالوما", Paloma; "والنتين", Valentin).
  static const std::u32string kWaAl = U"\u0648\u0627\u0644", kBiAl = U"\u0628\u0627\u0644",
                              kLil = U"\u0644\u0644";
  for (const std::u32string* clitic : {&kWaAl, &kBiAl, &kLil}) {
    if (u.size() < clitic->size() + 3 || u.compare(0, clitic->size(), *clitic) != 0) continue;
    if (u.size() < clitic->size() + 5 && !known(u.substr(clitic->size()))) continue;
    if (clitic == &kWaAl) emit("wa");
    emit("al");
    return ArabicPart(u.substr(clitic->size()), DropArabicLetters(seg, clitic->size()), source, call);
  }
  if (u.size() >= kAl.size() + 2 && u.compare(0, kAl.size(), kAl) == 0) {
    // Persian has no article: a short word such as "الوند" (Alvand) or
    // "البرز" (Alborz) keeps its "al", unless a known word follows it;
    // longer ones are mostly Arabic phrases ("الجهاد", "الاسلامی").
    std::u32string rest = u.substr(kAl.size());
    if (!call->persian || rest.size() >= 4 || known(rest)) {
      emit("al");
      return ArabicPart(rest, DropArabicLetters(seg, kAl.size()), source, call);
    }
  }
  // Two known words written together, as Persian writes compound given
  // names ("محمدرضا" -> "mohammad", "reza"; "علیرضا" -> "ali", "reza").
  if (u.size() >= 5) {
    for (size_t k = u.size() - 2; k >= 2; --k) {
      std::u32string a = u.substr(0, k), b = u.substr(k);
      if (!known(a) || !known(b)) continue;
      absl::Status s = ArabicPart(a, TakeArabicLetters(seg, k), source, call);
      if (!s.ok()) return s;
      return ArabicPart(b, DropArabicLetters(seg, k), source, call);
    }
  }
  return ArabicPart(u, seg, source, call);
}

absl::Status NormalizerImpl::HangulWord(const std::u32string& seg,
                                        const std::string& source, Call* call) const {
  const std::string& chain = ChainFor(USCRIPT_HANGUL, *call);
  // A word that begins with a syllable of initial ㄹ is written the North
  // Korean way (South Korean spelling drops or changes it: 이, 노): "리" is
  // RI, "로동" RODONG, as the lists spell DPRK names. ICU applies the South
  // Korean rule ("ni"): the syllable is read with a silent initial and the
  // "r" put back.
  // ICU's Korean-Latin/BGN also loses a syllable of silent initial ㅇ that
  // follows a syllable ending in a vowel: it drops a first syllable that is
  // a bare vowel when more follow ("이명박" -> "myongbak", "유경" ->
  // "gyong"), and merges the vowels inside a word ("지은" -> "chun", "소연"
  // -> "syon", "채원" -> "ch'won"). The word is cut before each such
  // syllable, each piece romanised alone and the pieces joined: "chi" +
  // "un", "so" + "yon"; a piece that begins with a bare vowel gets it
  // romanised alone in front.
  // (No sound change of BGN crosses such a cut: no consonant meets it.)
  auto part = [&](std::u32string text) -> absl::Status {
    constexpr char32_t kFirst = 0xAC00, kPerInitial = 588, kRieul = 5, kIeung = 11, kFinals = 28;
    if (text.empty()) return absl::OkStatus();
    std::string prefix;
    if (IsHangulSyllable(text[0]) && (text[0] - kFirst) / kPerInitial == kRieul) {
      text[0] += (kIeung - kRieul) * kPerInitial;
      prefix = "r";
    }
    auto silent_initial = [&](char32_t c) { return IsHangulSyllable(c) && (c - kFirst) / kPerInitial == kIeung; };
    auto open = [&](char32_t c) { return IsHangulSyllable(c) && (c - kFirst) % kFinals == 0; };
    auto romanise = [&](const std::u32string& piece) -> absl::StatusOr<std::string> {
      absl::StatusOr<std::string> r = translit->Transliterate(chain, EncodeUtf8(piece));
      if (r.ok() && !IsAscii(*r)) r = translit->Transliterate(kAnyLatin, *r);
      return r;
    };
    std::string latin = prefix;
    size_t begin = 0;
    for (size_t k = 1; k <= text.size(); ++k) {
      if (k < text.size() && !(silent_initial(text[k]) && open(text[k - 1]))) continue;
      const std::u32string piece = text.substr(begin, k - begin);
      if (piece.size() >= 2 && silent_initial(piece[0]) && open(piece[0])) {
        // ICU drops the bare vowel but reads the rest in its context
        // ("로동당": "o" + "dongdang", voiced as after a vowel).
        absl::StatusOr<std::string> head = romanise(piece.substr(0, 1));
        if (!head.ok()) return head.status();
        latin += *head;
      }
      absl::StatusOr<std::string> r = romanise(piece);
      if (!r.ok()) return r.status();
      latin += *r;
      begin = k;
    }
    const size_t before = call->tokens.size();
    TokenizeAscii(ToAscii(latin), source, true, &call->tokens);
    for (size_t k = before; k < call->tokens.size(); ++k) call->tokens[k].token.hangul = true;
    return absl::OkStatus();
  };
  bool all_syllables = std::all_of(seg.begin(), seg.end(), IsHangulSyllable);
  if (call->hint != NameKindHint::kOrganization && all_syllables && seg.size() >= 2 &&
      seg.size() <= 4 && call->cjk_words == 1) {
    // A Korean personal name written as one word: surname syllable, then
    // the given name joined. (In a name of several words each word is a
    // part of the name: "정은 김" is the given name, then the surname.)
    absl::Status s = part(seg.substr(0, 1));
    if (!s.ok()) return s;
    return part(seg.substr(1));
  }
  return part(seg);
}

absl::Status NormalizerImpl::NormalizeSegment(const std::u32string& seg,
                                              const std::string& source,
                                              Call* call) const {
  // The dominant script of the segment's letters.
  absl::flat_hash_map<int, int> counts;
  UScriptCode script = USCRIPT_COMMON;
  int best = 0;
  bool ascii = true;
  for (char32_t c : seg) {
    if (c >= 0x80) ascii = false;
    if (!u_isalpha(c)) continue;
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &e);
    int n = ++counts[sc];
    if (n > best || (n == best && sc < script)) {
      best = n;
      script = sc;
    }
  }
  if (ascii) {
    std::string text = EncodeUtf8(seg);
    TokenizeAscii(text, source == text ? absl::string_view() : absl::string_view(source),
                  source != text, &call->tokens);
    return absl::OkStatus();
  }
  switch (script) {
    case USCRIPT_ARABIC:
      return ArabicWord(seg, source, call);
    case USCRIPT_HANGUL:
      return HangulWord(seg, source, call);
    case USCRIPT_CYRILLIC:
      // An organisation word: its English words in the reading that
      // translates them, its transliteration otherwise.
      if (const CyrillicTerm* term = FindCyrillicTerm(dict, seg)) {
        if (!term->other.empty()) call->choices |= kOtherTranslation;
        const bool other = !term->other.empty() && (call->reading & kOtherTranslation) != 0;
        if (EmitTranslation(other ? term->other : term->english, source, call)) return absl::OkStatus();
      }
      return TransliterateInto(ChainFor(script, *call), seg, source, true, call);
    case USCRIPT_LATIN:
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED: {
      std::string folded;
      if (FoldLatinQuickly(seg, &folded)) {
        TokenizeAscii(folded, source, false, &call->tokens);
        return absl::OkStatus();
      }
      return TransliterateInto(kLatinAscii, seg, source, false, call);
    }
    default:
      return TransliterateInto(ChainFor(script, *call), seg, source, true, call);
  }
}

absl::Status NormalizerImpl::NormalizeWord(std::u32string word, Call* call) const {
  const std::string original = EncodeUtf8(word);
  bool repaired = RepairHomoglyphs(&word, call->name_is_latin);
  // Cut the word at Han / non-Han boundaries.
  size_t i = 0;
  while (i < word.size()) {
    bool han = IsHan(word[i]);
    size_t j = i + 1;
    while (j < word.size() && IsHan(word[j]) == han) ++j;
    std::u32string seg = word.substr(i, j - i);
    absl::Status s;
    if (han) {
      s = SegmentHan(seg, call->hint, call->cjk_words, dict, *translit, call->reading, &call->tokens, &call->legal_groups,
                     &call->choices);
    } else {
      std::string source = repaired ? original : EncodeUtf8(seg);
      size_t before = call->tokens.size();
      s = NormalizeSegment(seg, source, call);
      if (repaired) {
        for (size_t k = before; k < call->tokens.size(); ++k) {
          call->tokens[k].token.transliterated = true;
        }
      }
    }
    if (!s.ok()) return s;
    i = j;
  }
  return absl::OkStatus();
}

void NormalizerImpl::JoinAllahNames(Call* call) const {
  // "نجيب الله" is written "Najibullah" in Latin listings and "سراج الدين"
  // "Sirajuddin" (or "Sirajeddine"): a given name followed by the separate
  // word "الله" or "الدين" becomes one token ending in "ullah" / "uddin".
  // Not after "abd" ("Abd Allah" / "Abdallah", which the scorer joins
  // itself), nor in organisation names ("حزب الله").
  if (call->hint == NameKindHint::kOrganization) return;
  struct Suffix {
    std::u32string word;  // unified
    size_t tokens;        // the tokens the dictionary gives the word
    const char* joined;
  };
  static const Suffix* const kSuffixes = new Suffix[2]{
      {U"\u0627\u0644\u0644\u0647", 1, "ullah"},        // الله -> allah
      {U"\u0627\u0644\u062F\u064A\u0646", 2, "uddin"},  // الدين -> al din
  };
  std::vector<WorkToken>& t = call->tokens;
  for (size_t k = 1; k < t.size(); ++k) {
    const Suffix* suffix = nullptr;
    for (int i = 0; i < 2; ++i) {
      const Suffix& x = kSuffixes[i];
      if (k + x.tokens > t.size()) continue;
      std::u32string source = UnifyArabic(DecodeUtf8(t[k].token.source));
      bool same = source == x.word;
      for (size_t j = 1; j < x.tokens && same; ++j) same = t[k + j].token.source == t[k].token.source;
      if (same) {
        suffix = &x;
        break;
      }
    }
    if (suffix == nullptr) continue;
    WorkToken& prev = t[k - 1];
    const std::string& p = prev.token.text;
    if (p.size() < 2 || !prev.token.transliterated || prev.token.translated || prev.legal_group >= 0 || p == "abd" ||
        p == "al" || dict.particles.contains(p) || dict.stopwords.contains(p) ||
        dict.arabic_org_tokens.contains(p) || prev.token.source == t[k].token.source ||
        !std::all_of(p.begin(), p.end(), [](char c) { return absl::ascii_isalpha(c); })) {
      continue;
    }
    prev.token.text = absl::StrCat(p, suffix->joined);
    prev.token.source = absl::StrCat(prev.token.source, " ", t[k].token.source);
    t.erase(t.begin() + static_cast<long>(k), t.begin() + static_cast<long>(k + suffix->tokens));
  }
}

std::string NormalizerImpl::HomoglyphLegalWord(absl::string_view w) const {
  if (w.empty() || w.size() > max_legal_word) return "";
  bool digit = false, letter = false;
  for (char c : w) {
    if (absl::ascii_isalpha(c)) {
      letter = true;
    } else if (c == '0' || c == '1') {
      digit = true;
    } else {
      return "";
    }
  }
  if (!digit || !letter) return "";
  // A "1" may stand for "l" or "i": the first reading that is a legal form
  // word.
  for (char one : {'l', 'i'}) {
    std::string r(w);
    for (char& c : r) {
      switch (c) {
        case '0': c = 'o'; break;
        case '1': c = one; break;
        default: break;
      }
    }
    if (legal_words.contains(r)) return r;
  }
  return "";
}

std::string NormalizerImpl::FuzzyLegalWord(absl::string_view w) const {
  if (w.size() < kMinFuzzyLegalWord || w.size() > max_legal_word + 1 || legal_words.contains(w) ||
      !std::all_of(w.begin(), w.end(), [](char c) { return absl::ascii_isalpha(c); })) {
    return "";
  }
  std::string found;
  bool ambiguous = false;
  auto consider = [&](const std::string& key) {
    auto it = legal_fuzzy.find(key);
    if (it == legal_fuzzy.end()) return;
    for (const std::string& word : it->second) {
      if (word == found || OsaDistance(w, word) > 1) continue;
      if (found.empty()) {
        found = word;
      } else {
        ambiguous = true;
      }
    }
  };
  std::string key(w);
  consider(key);
  for (size_t i = 0; i < w.size(); ++i) {
    key.assign(w.data(), i);
    key.append(w.data() + i + 1, w.size() - i - 1);
    consider(key);
  }
  return ambiguous ? "" : found;
}

void NormalizerImpl::SplitGluedLegalForms(Call* call) const {
  std::vector<WorkToken>& t = call->tokens;
  auto letters = [](absl::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return absl::ascii_isalpha(c); });
  };
  auto split = [&](size_t i, size_t at) {
    WorkToken second = t[i];
    second.token.text = t[i].token.text.substr(at);
    t[i].token.text.resize(at);
    t.insert(t.begin() + static_cast<long>(i) + 1, std::move(second));
  };
  size_t first = 0;
  while (first < t.size() && !IsWordish(t[first])) ++first;
  size_t last = t.size();
  while (last > first && !IsWordish(t[last - 1])) --last;
  if (last - first < 1) return;
  // A run of single letters at the end whose first letter is glued to the
  // word before it: "Unimonts.A." -> "unimonts a" is "unimont s a".
  size_t run = last;
  while (run > first && IsWordish(t[run - 1]) && t[run - 1].token.text.size() == 1 &&
         letters(t[run - 1].token.text)) {
    --run;
  }
  if (run < last && run > first) {
    const std::string& w = t[run - 1].token.text;
    std::string form(1, w.back());
    for (size_t k = run; k < last; ++k) absl::StrAppend(&form, " ", t[k].token.text);
    std::string joined = absl::StrReplaceAll(form, {{" ", ""}});
    auto legal_at_end = [&](const std::string& key) {
      auto it = dict.legal_forms.find(key);
      return it != dict.legal_forms.end() && (it->second.position == FormPosition::kEdge ||
                                             it->second.position == FormPosition::kEnd);
    };
    if (w.size() >= 4 && letters(w) && !legal_words.contains(w) &&
        (legal_at_end(joined) || legal_at_end(form))) {
      // The glued letter joins the run: "unimont", "s", "a".
      split(run - 1, w.size() - 1);
      return;
    }
  }
  // A one-token legal form glued to the first or last word: "JSCVAD",
  // "KASSEMLTD". Both parts must keep 3+ letters.
  const std::string& head = t[first].token.text;
  if (letters(head) && !legal_words.contains(head)) {
    for (size_t len = 3; len + 3 <= head.size() && len <= 5; ++len) {
      if (glue_start.contains(absl::string_view(head).substr(0, len))) {
        split(first, len);
        ++last;
        break;
      }
    }
  }
  const std::string& tail = t[last - 1].token.text;
  if (last - 1 > first && tail.size() >= 6 && letters(tail) && !legal_words.contains(tail)) {
    for (size_t len = std::min(max_glue_end, tail.size() - 3); len >= 3; --len) {
      if (glue_end.contains(absl::string_view(tail).substr(tail.size() - len))) {
        split(last - 1, tail.size() - len);
        break;
      }
    }
  }
}

void NormalizerImpl::AssignRoles(Call* call) const {
  if (call->hint != NameKindHint::kPerson) SplitGluedLegalForms(call);
  std::vector<WorkToken>& t = call->tokens;
  const size_t n = t.size();
  // Each token as legal forms see it: a word one typo away from a legal
  // form word reads as that word ("compawny" -> "company").
  std::vector<std::string> legal_text(n);
  for (size_t i = 0; i < n; ++i) {
    legal_text[i] = t[i].token.text;
    if (call->hint != NameKindHint::kPerson && IsWordish(t[i])) {
      std::string fixed = HomoglyphLegalWord(t[i].token.text);
      if (fixed.empty()) fixed = FuzzyLegalWord(t[i].token.text);
      if (!fixed.empty()) legal_text[i] = std::move(fixed);
    }
  }
  // "No. 3", "Nr 3": the abbreviation of "number" is a stopword.
  for (size_t i = 0; i + 1 < n; ++i) {
    const std::string& s = t[i].token.text;
    if ((s == "no" || s == "nr" || s == "num") && t[i + 1].token.role == TokenRole::kNumber &&
        IsWordish(t[i])) {
      t[i].token.role = TokenRole::kStopword;
    }
  }
  size_t words = 0;
  for (const WorkToken& w : t) words += IsWordish(w) ? 1 : 0;
  std::string key;
  // Joins t[i, i+len) into `key`; false unless all are wordish.
  auto join = [&](size_t i, size_t len) {
    key.clear();
    for (size_t k = i; k < i + len; ++k) {
      if (!IsWordish(t[k])) return false;
      if (k > i) key.push_back(' ');
      key += legal_text[k];
    }
    return true;
  };
  auto apply_legal = [&](size_t i, size_t len, const std::string& canonical) {
    int group = static_cast<int>(call->legal_groups.size());
    call->legal_groups.push_back(canonical);
    for (size_t k = i; k < i + len; ++k) {
      t[k].legal_group = group;
      t[k].token.role = TokenRole::kLegalForm;
    }
    words -= len;
  };
  // Longest legal form of t[i, i+len) for len <= max_len allowed at `where`.
  auto find_legal = [&](size_t i, size_t max_len, bool anchor_end,
                        bool (*allowed)(FormPosition)) -> std::pair<size_t, const LegalFormEntry*> {
    for (size_t len = max_len; len >= 1; --len) {
      if (len >= words) continue;  // keep at least one word
      size_t start = anchor_end ? i - len : i;
      if (!join(start, len)) continue;
      auto it = dict.legal_forms.find(key);
      if (it != dict.legal_forms.end() && allowed(it->second.position)) {
        return {len, &it->second};
      }
    }
    return {0, nullptr};
  };
  if (call->hint != NameKindHint::kPerson && n >= 2) {
    // At the end, repeatedly ("X Holding Co., Ltd.", "X GmbH & Co. KG").
    size_t e = n;
    while (true) {
      while (e > 0 && t[e - 1].legal_group >= 0) --e;
      if (e == 0 || !legal_last.contains(legal_text[e - 1])) break;
      auto [len, entry] = find_legal(
          e, std::min(dict.max_legal_form_tokens, e), true, +[](FormPosition p) {
            return p == FormPosition::kEdge || p == FormPosition::kEnd ||
                   p == FormPosition::kAny;
          });
      if (len == 0) break;
      apply_legal(e - len, len, entry->canonical);
      e -= len;
    }
    // At the start ("ООО Ромашка", "PT X Tbk").
    size_t s = 0;
    while (true) {
      while (s < n && t[s].legal_group >= 0) ++s;
      if (s == n || !legal_first.contains(legal_text[s])) break;
      auto [len, entry] = find_legal(
          s, std::min(dict.max_legal_form_tokens, n - s), false, +[](FormPosition p) {
            return p == FormPosition::kEdge || p == FormPosition::kStart ||
                   p == FormPosition::kAny;
          });
      if (len == 0) break;
      apply_legal(s, len, entry->canonical);
      s += len;
    }
    // Anywhere, for unambiguous multi-token forms.
    for (size_t i = 0; i + 1 < n;) {
      if (!IsWordish(t[i]) || !legal_any_first.contains(legal_text[i])) {
        ++i;
        continue;
      }
      auto [len, entry] = find_legal(
          i, std::min(dict.max_legal_form_tokens, n - i), false,
          +[](FormPosition p) { return p == FormPosition::kAny; });
      if (len >= 2) {
        apply_legal(i, len, entry->canonical);
        i += len;
      } else {
        ++i;
      }
    }
  }
  // Leading honorifics ("H.E. Sheikh X", "Dr X"), never for organisations
  // nor for names with a legal form ("Haji Khalil Construction Company").
  if (call->hint != NameKindHint::kOrganization && call->legal_groups.empty()) {
    size_t s = 0;
    while (s < n && honorific_first.contains(t[s].token.text)) {
      size_t found = 0;
      for (size_t len = std::min(dict.max_honorific_tokens, n - s); len >= 1; --len) {
        if (!join(s, len)) continue;
        auto it = dict.honorifics.find(key);
        if (it == dict.honorifics.end()) continue;
        size_t after = 0;
        for (size_t k = s + len; k < n; ++k) after += IsWordish(t[k]) ? 1 : 0;
        if (after >= (it->second.ambiguous ? 2u : 1u)) found = len;
        break;
      }
      if (found == 0) break;
      for (size_t k = s; k < s + found; ++k) t[k].token.role = TokenRole::kHonorific;
      words -= found;
      s += found;
    }
  }
  // Stopwords and particles, unless they are all that is left of the name.
  size_t plain = 0;
  for (const WorkToken& w : t) {
    if (IsWordish(w) && w.token.role == TokenRole::kWord &&
        !dict.stopwords.contains(w.token.text) && !dict.particles.contains(w.token.text)) {
      ++plain;
    }
  }
  bool has_number = std::any_of(t.begin(), t.end(), [](const WorkToken& w) {
    return w.token.role == TokenRole::kNumber;
  });
  if (plain > 0 || has_number) {
    for (WorkToken& w : t) {
      if (!IsWordish(w) || w.token.role != TokenRole::kWord) continue;
      if (dict.stopwords.contains(w.token.text)) {
        w.token.role = TokenRole::kStopword;
      } else if (dict.particles.contains(w.token.text)) {
        w.token.role = TokenRole::kParticle;
      }
    }
  }
  // Initials written with spaces in an organisation's name ("A B C
  // Company") are one token, as dotted ones are ("A.B.C." -> "abc"). Not
  // for persons, whose initials stand for names ("J R Smith").
  if (call->hint == NameKindHint::kOrganization ||
      (call->hint == NameKindHint::kUnknown && !call->legal_groups.empty())) {
    auto single = [&](size_t k) {
      return k < t.size() && t[k].legal_group < 0 && !t[k].role_fixed &&
             (t[k].token.role == TokenRole::kWord || t[k].token.role == TokenRole::kStopword) &&
             t[k].token.text.size() == 1 && absl::ascii_isalpha(t[k].token.text[0]);
    };
    for (size_t i = 0; i < t.size(); ++i) {
      if (!single(i) || !single(i + 1)) continue;
      t[i].token.role = TokenRole::kWord;
      size_t e = i + 1;
      while (single(e)) {
        t[i].token.text += t[e].token.text;
        absl::StrAppend(&t[i].token.source, " ", t[e].token.source);
        ++e;
      }
      t.erase(t.begin() + static_cast<long>(i) + 1, t.begin() + static_cast<long>(e));
    }
  }
}

NormalizedName NormalizerImpl::Finish(Call* call, std::string script) const {
  AssignRoles(call);
  NormalizedName out;
  out.script = std::move(script);
  out.tokens.reserve(call->tokens.size());
  int last_group = -1;
  for (WorkToken& w : call->tokens) {
    if (w.legal_group >= 0 && w.legal_group != last_group) {
      out.legal_forms.push_back(call->legal_groups[w.legal_group]);
    }
    last_group = w.legal_group;
    out.tokens.push_back(std::move(w.token));
  }
  return out;
}

absl::StatusOr<NormalizedName> NormalizerImpl::Normalize(absl::string_view input, NameKindHint hint,
                                                         unsigned reading, unsigned* choices) const {
  size_t bad = FindInvalidUtf8Offset(input);
  if (bad != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("name is not valid UTF-8 (byte offset ", bad, " of ",
                     input.size(), ")"));
  }
  Call call;
  call.hint = hint;
  call.reading = reading;
  if (IsAscii(input)) {
    // Fast path: no ICU.
    TokenizeAscii(input, absl::string_view(), false, &call.tokens);
    bool letters = std::any_of(input.begin(), input.end(),
                               [](char c) { return absl::ascii_isalpha(c); });
    return Finish(&call, letters ? "Latn" : "Zyyy");
  }
  // Step 1: NFKC and clean-up.
  std::string nfkc;
  try {
    nfkc = boost::locale::normalize(std::string(input), boost::locale::norm_nfkc, locale);
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("Unicode normalization failed: ", e.what()));
  }
  std::u32string clean;
  clean.reserve(nfkc.size());
  absl::flat_hash_map<int, int> script_counts;
  for (char32_t c : DecodeUtf8(nfkc)) {
    int8_t type = u_charType(c);
    if (type == U_FORMAT_CHAR || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
      continue;
    }
    if (type == U_CONTROL_CHAR || type == U_SPACE_SEPARATOR || type == U_LINE_SEPARATOR ||
        type == U_PARAGRAPH_SEPARATOR || u_isUWhiteSpace(c)) {
      clean.push_back(' ');
      continue;
    }
    auto rule = dict.char_rules.find(c);
    if (rule != dict.char_rules.end()) {
      clean += rule->second;
      continue;
    }
    clean.push_back(c);
  }
  // The dominant script, and the Cyrillic language.
  UScriptCode dominant = USCRIPT_COMMON;
  int best = 0;
  bool ascii = true;
  for (char32_t c : clean) {
    if (c >= 0x80) ascii = false;
    if (!u_isalpha(c)) continue;
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &e);
    if (sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED) continue;
    int count = ++script_counts[sc];
    if (count > best || (count == best && sc < dominant)) {
      best = count;
      dominant = sc;
    }
  }
  std::string script = best > 0 ? uscript_getShortName(dominant) : "Zyyy";
  if (ascii) {
    // Full-width or spaced-out ASCII: the fast path from here.
    std::string text = EncodeUtf8(clean);
    TokenizeAscii(text, absl::string_view(), false, &call.tokens);
    return Finish(&call, std::move(script));
  }
  call.name_is_latin = dominant == USCRIPT_LATIN;
  call.persian = script_counts.contains(USCRIPT_ARABIC) && !dict.persian_letters.empty() &&
                 clean.find_first_of(dict.persian_letters) != std::u32string::npos;
  if (script_counts.contains(USCRIPT_CYRILLIC)) {
    for (const CyrillicChain& c : cyrillic_chain) {
      if (clean.find_first_of(c.letters) != std::u32string::npos &&
          (c.with.empty() || clean.find_first_of(c.with) != std::u32string::npos)) {
        call.cyrillic = &c.chain;
        break;
      }
    }
    if (call.cyrillic == nullptr) call.cyrillic = &cyrillic_default_chain;
  }
  // Steps 2-5, word by word.
  // (How many words hold Han or Hangul: a Chinese or Korean personal name
  // of one word is cut into surname and given name, one of several is not.)
  bool in_cjk_word = false;
  for (size_t k = 0; k < clean.size(); ++k) {
    if (IsWordSeparator(clean[k]) || clean[k] == '&') {
      in_cjk_word = false;
    } else if (!in_cjk_word && (IsHan(clean[k]) || IsHangulSyllable(clean[k]))) {
      in_cjk_word = true;
      ++call.cjk_words;
    }
  }
  size_t i = 0;
  while (i < clean.size()) {
    if (clean[i] == '&') {
      TokenizeAscii("&", absl::string_view(), false, &call.tokens);
      ++i;
      continue;
    }
    if (IsWordSeparator(clean[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < clean.size() && !IsWordSeparator(clean[j])) ++j;
    absl::Status s = NormalizeWord(clean.substr(i, j - i), &call);
    if (!s.ok()) return s;
    i = j;
  }
  if (script_counts.contains(USCRIPT_ARABIC)) JoinAllahNames(&call);
  if (choices != nullptr) *choices |= call.choices;
  return Finish(&call, std::move(script));
}

}  // namespace internal

Normalizer::Normalizer(std::unique_ptr<internal::NormalizerImpl> impl)
    : impl_(std::move(impl)) {}
Normalizer::~Normalizer() = default;

absl::StatusOr<std::unique_ptr<const Normalizer>> Normalizer::Create() {
  auto impl = std::make_unique<internal::NormalizerImpl>();
  // Boost.Locale with its ICU backend, for NFKC.
  try {
    boost::locale::localization_backend_manager mgr =
        boost::locale::localization_backend_manager::global();
    std::vector<std::string> backends = mgr.get_all_backends();
    if (std::find(backends.begin(), backends.end(), "icu") == backends.end()) {
      return absl::FailedPreconditionError(
          "Boost.Locale was built without the ICU backend, which the normalizer needs");
    }
    mgr.select("icu");
    boost::locale::generator gen(mgr);
    impl->locale = gen("en_US.UTF-8");
  } catch (const std::exception& e) {
    return absl::FailedPreconditionError(
        absl::StrCat("Boost.Locale ICU backend is not usable: ", e.what()));
  }
  absl::StatusOr<internal::Dictionaries> dict = internal::LoadDictionaries();
  if (!dict.ok()) return dict.status();
  impl->dict = *std::move(dict);
  const internal::Dictionaries& d = impl->dict;
  for (const auto& [variant, entry] : d.legal_forms) {
    std::vector<absl::string_view> toks = absl::StrSplit(variant, ' ');
    impl->legal_first.emplace(toks.front());
    impl->legal_last.emplace(toks.back());
    if (entry.position == internal::FormPosition::kAny && toks.size() >= 2) {
      impl->legal_any_first.emplace(toks.front());
    }
    for (absl::string_view w : toks) impl->legal_words.emplace(w);
    // Only forms that cannot be the end or start of an ordinary word: no
    // vowel ("jsc", "ltd", "gmbh") or "ooo". "sal" or "ano" could be.
    bool glueable = variant == "ooo" || variant.find_first_of("aeiouy") == std::string::npos;
    if (toks.size() == 1 && variant.size() >= 3 && glueable) {
      if (entry.position != internal::FormPosition::kEnd) impl->glue_start.emplace(variant);
      if (entry.position != internal::FormPosition::kStart) {
        impl->glue_end.emplace(variant);
        impl->max_glue_end = std::max(impl->max_glue_end, variant.size());
      }
    }
  }
  for (const std::string& w : impl->legal_words) {
    if (w.size() < internal::kMinFuzzyLegalWord) continue;
    impl->max_legal_word = std::max(impl->max_legal_word, w.size());
    impl->legal_fuzzy[w].push_back(w);
    for (size_t i = 0; i < w.size(); ++i) {
      std::string del = w.substr(0, i) + w.substr(i + 1);
      std::vector<std::string>& words = impl->legal_fuzzy[del];
      if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
    }
  }
  for (const auto& [h, entry] : d.honorifics) {
    std::vector<absl::string_view> toks = absl::StrSplit(h, ' ');
    impl->honorific_first.emplace(toks.front());
  }
  std::vector<std::string> ids = {internal::kLatinAscii, internal::kAnyLatin,
                                  internal::kHanToPinyin};
  absl::flat_hash_map<std::string, std::string> pre_rules;
  for (const auto& [script, id] : d.script_translit) {
    std::string chain = absl::StrCat(id, internal::kChainSuffix);
    auto r = d.pre_rules.find(id);
    if (r != d.pre_rules.end()) pre_rules[chain] = r->second;
    ids.push_back(chain);
    if (script == "Cyrl") impl->cyrillic_default_chain = chain;
    impl->script_chain[script] = std::move(chain);
  }
  if (!d.persian_translit.empty()) {
    std::string chain = absl::StrCat(d.persian_translit, internal::kChainSuffix);
    auto r = d.pre_rules.find(d.persian_translit);
    if (r != d.pre_rules.end()) pre_rules[chain] = r->second;
    ids.push_back(chain);
    impl->persian_chain = std::move(chain);
  }
  for (const auto& v : d.cyrillic_variants) {
    std::string chain = absl::StrCat(v.id, internal::kChainSuffix);
    auto r = d.pre_rules.find(v.id);
    if (r != d.pre_rules.end()) pre_rules[chain] = r->second;
    ids.push_back(chain);
    impl->cyrillic_chain.push_back({v.letters, v.with, std::move(chain)});
  }
  absl::StatusOr<std::unique_ptr<internal::TransliteratorSet>> set =
      internal::TransliteratorSet::Create(ids, pre_rules);
  if (!set.ok()) return set.status();
  impl->translit = *std::move(set);
  return std::unique_ptr<const Normalizer>(new Normalizer(std::move(impl)));
}

absl::StatusOr<NormalizedName> Normalizer::Normalize(absl::string_view utf8_name,
                                                     NameKindHint hint) const {
  return impl_->Normalize(utf8_name, hint);
}

absl::StatusOr<std::vector<NormalizedName>> Normalizer::NormalizeReadings(absl::string_view utf8_name,
                                                                          NameKindHint hint) const {
  std::vector<NormalizedName> readings;
  unsigned choices = 0;
  auto first = impl_->Normalize(utf8_name, hint, 0, &choices);
  if (!first.ok()) return first.status();
  readings.push_back(*std::move(first));
  // Every non-empty combination of the choices that apply, in order.
  for (unsigned reading = 1; reading <= choices; ++reading) {
    if ((reading & choices) != reading) continue;
    // The other rendering of a translated word is read only in a reading
    // that translates.
    if ((reading & internal::kOtherTranslation) && !(reading & internal::kTranslateTerms)) continue;
    auto other = impl_->Normalize(utf8_name, hint, reading);
    if (!other.ok()) return other.status();
    readings.push_back(*std::move(other));
  }
  const size_t unexpanded = readings.size();
  for (size_t i = 0; i < unexpanded; ++i) {
    std::optional<NormalizedName> expanded = StandardForm(readings[i], hint);
    if (expanded) readings.push_back(*std::move(expanded));
  }
  return readings;
}

std::optional<NormalizedName> Normalizer::StandardForm(const NormalizedName& name, NameKindHint hint) const {
  const bool organisation_words = hint != NameKindHint::kPerson;
  const bool given_names = hint != NameKindHint::kOrganization && name.legal_forms.empty();
  std::optional<NormalizedName> out;
  for (size_t i = 0; i < name.tokens.size(); ++i) {
    const NormalizedToken& t = name.tokens[i];
    if (t.role != TokenRole::kWord) continue;
    const std::string* standard = nullptr;
    if (organisation_words) {
      auto it = impl_->dict.abbreviations.find(t.text);
      if (it != impl_->dict.abbreviations.end()) standard = &it->second;
    }
    if (standard == nullptr && given_names) {
      auto it = impl_->dict.given_names.find(t.text);
      if (it != impl_->dict.given_names.end()) standard = &it->second;
    }
    if (standard == nullptr) continue;
    if (!out) out = name;
    out->tokens[i].text = *standard;
  }
  return out;
}

absl::string_view Normalizer::fingerprint() const {
  return internal::NormalizationDataFingerprint();
}

bool Normalizer::IsLegalForm(absl::string_view token) const {
  return !token.empty() && token.find(' ') == absl::string_view::npos &&
         impl_->dict.legal_forms.contains(token);
}

absl::string_view Normalizer::CanonicalLegalForm(absl::string_view tokens) const {
  auto it = impl_->dict.legal_forms.find(tokens);
  return it == impl_->dict.legal_forms.end() ? absl::string_view() : it->second.canonical;
}

bool Normalizer::IsStopword(absl::string_view token) const {
  return impl_->dict.stopwords.contains(token);
}

}  // namespace partyscreen
