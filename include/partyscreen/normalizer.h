// The name normalizer: turns a counterparty or list name in any script into
// a sequence of lower-case ASCII tokens with roles, the form on which the
// index and the screener compare names.
//
// Both sides of a comparison must be normalized with the same data: the
// dictionaries of lib/data/ are compiled into the library and `fingerprint()`
// identifies them (it is stored in every index snapshot).
//
// Example:
//
//   absl::StatusOr<std::unique_ptr<const partyscreen::Normalizer>> n =
//       partyscreen::Normalizer::Create();
//   if (!n.ok()) return n.status();
//   absl::StatusOr<partyscreen::NormalizedName> name =
//       (*n)->Normalize("Hangzhou Hikvision Digital Technology Co., Ltd.");
//   // name->tokens: hangzhou, hikvision, digital, technology (kWord),
//   //               co, ltd (kLegalForm); name->script == "Latn".
//   name = (*n)->Normalize("成都景昕科技有限公司");
//   // chengdu, jingxin, technology (kWord), co, ltd (kLegalForm); "Hani".
//
// The pipeline (each step is documented in lib/normalize/normalizer.cc):
//   1. Unicode clean-up: NFKC (full-width forms become ASCII), removal of
//      invisible format characters, every space and control character
//      becomes a plain space.
//   2. Homoglyphs: Cyrillic/Greek look-alike letters inside a mostly Latin
//      word become Latin (and Latin look-alikes inside a Cyrillic word become
//      Cyrillic); digits used as letters ("Ig0r Sech1n") become letters.
//   3. Chinese: general organisation terms and place names from a dictionary
//      (longest match), every other run of Han characters becomes one Hanyu
//      Pinyin token ("大华" -> "dahua").
//   4. Other scripts are transliterated to Latin with ICU (BGN/PCGN for
//      Cyrillic, UNGEGN for Greek, ...), diacritics are stripped and the
//      result is lower-cased.
//   5. Tokenization: whitespace and punctuation split tokens; dotted
//      initials are joined ("A.B.C." -> "abc"), apostrophes are dropped
//      ("Qa'ida" -> "qaida"), hyphens split.
//   6. Dictionaries assign roles: legal forms, honorifics, particles,
//      stopwords.
#ifndef PARTYSCREEN_NORMALIZER_H_
#define PARTYSCREEN_NORMALIZER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace partyscreen {

namespace internal {
class NormalizerImpl;
}  // namespace internal

// What a token is. The matcher compares kWord and kNumber tokens; the others
// are kept so that explanations can show them, and matter less or not at all.
enum class TokenRole {
  kWord,       // an ordinary name word: "sensetime", "lavrov", "technology"
  kNumber,     // a token of ASCII digits only: "3", "1917"
  kLegalForm,  // part of a legal form: "co", "ltd", "ooo", "gmbh"
  kHonorific,  // a title before a person's name: "mr", "dr", "sheikh"
  kParticle,   // a name particle: "al", "bin", "abu", "van", "de"
  kStopword,   // a function word: "the", "of", "and" (also "&")
};

// Returns "word", "number", "legal_form", "honorific", "particle" or
// "stopword".
absl::string_view TokenRoleName(TokenRole role);

// One token of a normalized name.
struct NormalizedToken {
  // Lower-case ASCII letters and digits only, never empty: "sensetime",
  // "technology", "7".
  std::string text;
  TokenRole role = TokenRole::kWord;
  // The text of the input the token came from, after Unicode clean-up
  // (step 1), for explanations: "Technology", "科技", "Роснефть", "Co.,".
  // Several tokens may share one source ("A.B.C." gives one token "abc";
  // "有限公司" gives the two tokens "co" and "ltd").
  std::string source;
  // True if the token came from a non-Latin script, a dictionary mapping
  // (Chinese terms, Arabic name words) or a homoglyph repair.
  bool transliterated = false;
  // True if the token is the Hanyu Pinyin of Chinese characters that no
  // dictionary term covered ("大华" -> "dahua"): a name's own syllables, or
  // a Chinese transcription of a foreign word ("普萊米樂" -> "pulai",
  // "mile" for "Premera"), which the screener also compares by sound with
  // Latin listed words.
  bool pinyin = false;
  // True if the token is the English (or place-name) form that a terms
  // dictionary gives for a Chinese term ("科技" -> "technology", "中国" ->
  // "china", "浙江" -> "zhejiang") or, in a translating reading
  // (NormalizeReadings), a Cyrillic or Arabic-script organisation word
  // ("завод" -> "plant", "سپاه" -> "corps"):
  // a word, not a spelling of a name, which the screener pairs only exactly
  // or with its spelling variants ("technologies"), never with
  // similar-looking words.
  bool translated = false;
  // True if the token is the romanisation (BGN/McCune-Reischauer) of a
  // Hangul word: exact, so the screener pairs it with a listed word only
  // as another romanisation of the same syllables ("chong" / "jeong").
  bool hangul = false;
};

// The result of `Normalizer::Normalize`.
struct NormalizedName {
  // The tokens, in input order. May be empty (an input of punctuation only).
  std::vector<NormalizedToken> tokens;
  // The dominant ISO 15924 script of the input's letters: "Latn", "Cyrl",
  // "Hani", "Arab", "Grek", "Hang", ...; "Zyyy" when the input has no
  // letters.
  std::string script;
  // The canonical names of the legal forms recognised in the name, in input
  // order: "llc" for "LLC", "L.L.C.", "OOO" and "Limited Liability Company";
  // "ltd" for "Co., Ltd." and "有限公司"; "jsc" for "JSC" and "AO"; ...
  std::vector<std::string> legal_forms;
};

// What the caller knows about the name. It changes how Chinese person names
// are split into surname and given name, and whether ambiguous titles
// ("General", "Major") may be read as honorifics.
enum class NameKindHint { kUnknown, kPerson, kOrganization };

// Normalizes names. Get one with `Create()`. The object is immutable after
// creation and safe for concurrent use by any number of threads.
class Normalizer {
 public:
  // Builds a normalizer from the compiled-in dictionaries. Creation takes a
  // few milliseconds; ICU compiles each transliterator on first use (once
  // per process; about 0.4 s for Chinese, 70 ms for Latin-ASCII; names in
  // ASCII need none), so create one and share it.
  //
  // Errors: kFailedPrecondition if Boost.Locale has no ICU backend; kInternal
  // if a compiled-in dictionary or transliteration rule is malformed (a build
  // problem). An ICU transliterator missing from the ICU data is found when
  // a name first needs it: Normalize then returns kFailedPrecondition naming
  // it, for every name of that script.
  static absl::StatusOr<std::unique_ptr<const Normalizer>> Create();

  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Normalizes one name given as UTF-8. An empty input or one without
  // letters and digits gives zero tokens and an OK status. All-ASCII input
  // takes a fast path that does not use ICU.
  //
  // Errors: kInvalidArgument if `utf8_name` is not valid UTF-8 (the message
  // gives the byte offset, never the name: names are personal data);
  // kInternal if ICU or Boost.Locale fails unexpectedly.
  absl::StatusOr<NormalizedName> Normalize(
      absl::string_view utf8_name,
      NameKindHint hint = NameKindHint::kUnknown) const;

  // The readings of a name that can be read in more than one way. Element
  // 0 is always `Normalize(utf8_name, hint)`. Chinese writes no word
  // boundaries, and some of its terms have two English forms in listings:
  //   - where a romanised name stretch is followed by a dictionary term
  //     whose first character also begins a shorter term
  //     ("香港恒邦微電子有限公司": "恒邦" + "微電子" microelectronics, or
  //     "恒邦微" + "電子" electronics), another reading takes every such
  //     character as the end of the name ("hong kong hengbangwei
  //     electronics co ltd");
  //   - where a term has a second form ("中国": "china", also "sino";
  //     "国际": "international", also "intl"), another reading uses it;
  //   - where a character has two readings that names use (the "han"
  //     lines of translit_overrides.txt: 都 "dou" and "du", 翟 "di" and
  //     the surname "zhai"), another reading gives the one Han-Latin does
  //     not ("阿不都·哈克": "abudou hake" and "abudu hake", as the lists
  //     write Abdul HAQ's alias).
  // Cyrillic organisation words are listed transliterated or translated
  // ("Фонд стратегической культуры": FOND STRATEGICHESKOY KULTURY or
  // STRATEGIC CULTURE FOUNDATION): a name with a word of the dictionary
  // cyrillic_org_terms.txt (general organisation words and adjectives of
  // places, in any case ending) has a reading with their English words
  // ("strategic culture foundation"); where the dictionary gives a word a
  // second common rendering (авиационный "aviation" or "aircraft", завод
  // "plant" or "factory"), one more reading translates with those, for all
  // such words of the name at once. Arabic and Persian organisation
  // words likewise ("سپاه پاسداران": SEPAH PASDARAN or GUARD CORPS): a
  // name with a word of arabic_org_terms.txt has a reading with their
  // English words; both kinds of translation are one choice.
  // Every combination of the choices that apply is a reading (at most
  // 24; the second renderings only with the translation), in a fixed
  // order. After them come the standard forms of those
  // readings that have one other than themselves (StandardForm: "Tech" ->
  // "technology", "Ihar" -> "igor"), in the same order. Names without such
  // a place (most names) have one reading.
  // The screener screens every reading and keeps each entity's best.
  //
  // Errors: those of `Normalize`. Thread-safe like `Normalize`.
  absl::StatusOr<std::vector<NormalizedName>> NormalizeReadings(
      absl::string_view utf8_name,
      NameKindHint hint = NameKindHint::kUnknown) const;

  // The standard form of `name` (a result of `Normalize` with `hint`):
  //   - unless `hint` is kPerson, abbreviated generic organisation words
  //     written out by abbreviations.txt ("hikvision digital tech" ->
  //     "hikvision digital technology", "semiconductor mfg intl" ->
  //     "semiconductor manufacturing international");
  //   - unless `hint` is kOrganization or the name has a legal form,
  //     Belarusian and Ukrainian forms of East Slavic given names in their
  //     Russian form by given_name_variants.txt ("ihar karpenka" -> "igor
  //     karpenka", "siarhei" -> "sergey", "volodymyr" -> "vladimir").
  // Only words of role kWord change, so legal forms ("co", "corp") stay as
  // they are. Returns nullopt when nothing changes. The index files both
  // forms of a listed name, and NormalizeReadings screens both forms of a
  // query: either side may use either form, and the name as written keeps
  // what the standard form loses (a query that glues an abbreviation to
  // the next word, "TechEngineers", still finds the list's "Tech
  // Engineers"; "M. Karpiankou" still finds "Mikalai KARPIANKOU"). No
  // errors. Thread-safe.
  std::optional<NormalizedName> StandardForm(const NormalizedName& name,
                                             NameKindHint hint = NameKindHint::kUnknown) const;

  // The SHA-256 fingerprint (hex) of the compiled-in normalization data.
  // Two normalizers with the same fingerprint produce the same tokens.
  absl::string_view fingerprint() const;

  // True if `token` (a normalized token, e.g. "ltd", "gmbh", "ooo") is on
  // its own a legal form of the dictionary.
  bool IsLegalForm(absl::string_view token) const;

  // The canonical legal form of a normalized token sequence written with
  // single spaces ("co ltd" -> "ltd", "ooo" -> "llc", "l l c" -> "llc"), or
  // an empty view if it is not a legal form.
  absl::string_view CanonicalLegalForm(absl::string_view tokens) const;

  // True if `token` is a stopword ("the", "of", "and", ...).
  bool IsStopword(absl::string_view token) const;

 private:
  explicit Normalizer(std::unique_ptr<internal::NormalizerImpl> impl);
  std::unique_ptr<internal::NormalizerImpl> impl_;
};

}  // namespace partyscreen

#endif  // PARTYSCREEN_NORMALIZER_H_
