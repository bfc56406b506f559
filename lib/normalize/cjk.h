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
// Person names (`hint` kPerson): no dictionary. A name of 2-4 characters is
// the surname (one character, or two for the compound surnames such as
// 欧阳 and 司马) and the given name, joined: "王小明" -> "wang", "xiaoming".
// Longer runs are one joined token.
//
// Returns kInternal if ICU fails.
absl::Status SegmentHan(const std::u32string& han, NameKindHint hint,
                        const Dictionaries& dict, const TransliteratorSet& translit,
                        std::vector<WorkToken>* out,
                        std::vector<std::string>* legal_forms);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_NORMALIZE_CJK_H_
