// Step 3 of the normalizer: Chinese (Han) text. Thread-safe.
#ifndef PARTYSCREEN_LIB_NORMALIZE_CJK_H_
#define PARTYSCREEN_LIB_NORMALIZE_CJK_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "lib/normalize/dictionaries.h"
#include "lib/normalize/tokenize.h"
#include "lib/normalize/transliterate.h"
#include "partyscreen/normalizer.h"

namespace partyscreen::internal {

// The ICU transliterator used for Hanyu Pinyin.
inline constexpr char kHanToPinyin[] = "Han-Latin; Latin-ASCII";

// Appends the tokens of `han` (a run of Han characters only) to `out`.
//
// Organisation or unknown names: the run is cut by longest match against
// the general terms of cjk_org_terms.txt ("浙江" -> "zhejiang", "技术" ->
// "technology", "股份有限公司" -> "co", "ltd" as kLegalForm, recording the
// canonical form in `legal_forms` and the token's legal_group); every
// stretch that matches no term becomes ONE pinyin token with its syllables
// joined ("大华" -> "dahua"); a stretch of exactly four characters becomes
// two tokens of two ("明远腾飞" -> "mingyuan", "tengfei").
//
// Person names (`hint` kPerson): no dictionary. A name written as one word
// (`name_words`, the words of the name that hold Han or Hangul, is 1) of 2-4 characters is the surname (one character, or two
// for the compound surnames such as 欧阳 and 司马) and the given name,
// joined: "王小明" -> "wang", "xiaoming". In a name of several words each
// word is a part of the name ("小明 王": the given name, then the surname)
// and is one joined token, as are longer runs.
//
// Readings of organisation names: `reading` is a set of the reading
// choices of dictionaries.h that concern Chinese (0: the longest-match cut
// above, each term's first English form).
//   kNameTakesTermHead: where a name stretch is followed by a term whose
//     first character begins a shorter term ("恒邦" + "微電子", and "電子"
//     is a term), the character is read as the end of the name instead:
//     "恒邦微" -> "hengbangwei", "電子" -> "electronics". Chinese names
//     are often cut this way in their Latin listing ("HENGBANGWEI
//     ELECTRONICS"), and the script gives no word boundary to tell.
//   kOtherEnglishForm: terms with a second English form in listings
//     ("中国": "china", also "sino") give that form.
// `*choices` (if given) gets the choices that would change this run's
// tokens, added (bits are never cleared).
//
// Returns kInternal if ICU fails.
absl::Status SegmentHan(const std::u32string& han, NameKindHint hint, int name_words,
                        const Dictionaries& dict, const TransliteratorSet& translit,
                        unsigned reading, std::vector<WorkToken>* out,
                        std::vector<std::string>* legal_forms, unsigned* choices);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_NORMALIZE_CJK_H_
