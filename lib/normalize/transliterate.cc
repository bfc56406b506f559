#include "lib/normalize/transliterate.h"

#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace partyscreen::internal {

TransliteratorSet::~TransliteratorSet() = default;

absl::StatusOr<std::unique_ptr<TransliteratorSet>> TransliteratorSet::Create(
    const std::vector<std::string>& ids,
    const absl::flat_hash_map<std::string, std::string>& pre_rules) {
  // Whether ICU's data has each id, and whether its rules compile, is
  // checked when its transliterator is first built (Transliterate): both
  // build ICU's whole registry of transliterators, about 40 ms, which a
  // process that only ever sees ASCII names (no transliterator at all) would
  // pay at every start.
  std::unique_ptr<TransliteratorSet> set(new TransliteratorSet());
  for (const std::string& id : ids) {
    if (set->pools_.contains(id)) continue;
    auto pool = std::make_unique<Pool>();
    pool->id = id;
    auto rules = pre_rules.find(id);
    if (rules != pre_rules.end()) pool->pre_rules = rules->second;
    set->pools_.emplace(id, std::move(pool));
  }
  return set;
}

absl::StatusOr<std::string> TransliteratorSet::Transliterate(
    absl::string_view id, absl::string_view text) const {
  auto it = pools_.find(id);
  if (it == pools_.end()) {
    return absl::InternalError(absl::StrCat("no transliterator '", id, "'"));
  }
  const Pool& pool = *it->second;
  std::call_once(pool.once, [&pool] {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    if (pool.pre_rules.empty()) {
      pool.prototype.reset(icu::Transliterator::createInstance(
          icu::UnicodeString::fromUTF8(pool.id), UTRANS_FORWARD, parse_error, status));
    } else {
      // The rules, then each element of the id as a '::' directive.
      std::string rules = pool.pre_rules;
      for (absl::string_view part : absl::StrSplit(pool.id, ';', absl::SkipWhitespace())) {
        absl::StrAppend(&rules, "\n:: ", absl::StripAsciiWhitespace(part), " ;");
      }
      pool.prototype.reset(icu::Transliterator::createFromRules(
          "partyscreen-chain", icu::UnicodeString::fromUTF8(rules), UTRANS_FORWARD,
          parse_error, status));
    }
    if (status == U_INVALID_ID) {
      pool.prototype.reset();
      pool.init_status = absl::FailedPreconditionError(
          absl::StrCat("ICU transliterator '", pool.id, "' is missing from the ICU data"));
    } else if (U_FAILURE(status) || pool.prototype == nullptr) {
      pool.prototype.reset();
      pool.init_status = absl::InternalError(absl::StrCat(
          "cannot build ICU transliterator '", pool.id, "': ", u_errorName(status),
          pool.pre_rules.empty() ? "" : absl::StrCat(" (its rules, line ", parse_error.line, " offset ",
                                                     parse_error.offset, ")")));
    }
  });
  if (!pool.init_status.ok()) return pool.init_status;
  std::unique_ptr<icu::Transliterator> t;
  {
    absl::MutexLock lock(&pool.mu);
    if (!pool.free.empty()) {
      t = std::move(pool.free.back());
      pool.free.pop_back();
    } else {
      t.reset(pool.prototype->clone());
    }
  }
  if (t == nullptr) return absl::InternalError("cannot clone an ICU transliterator");
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  t->transliterate(u);
  {
    absl::MutexLock lock(&pool.mu);
    pool.free.push_back(std::move(t));
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace partyscreen::internal
