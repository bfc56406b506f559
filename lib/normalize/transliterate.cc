#include "lib/normalize/transliterate.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace partyscreen::internal {

TransliteratorSet::~TransliteratorSet() = default;

absl::StatusOr<std::unique_ptr<TransliteratorSet>> TransliteratorSet::Create(
    const std::vector<std::string>& ids) {
  std::unique_ptr<TransliteratorSet> set(new TransliteratorSet());
  for (const std::string& id : ids) {
    if (set->pools_.contains(id)) continue;
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status) || t == nullptr) {
      return absl::FailedPreconditionError(
          absl::StrCat("ICU transliterator '", id,
                       "' is not available: ", u_errorName(status)));
    }
    auto pool = std::make_unique<Pool>();
    pool->prototype = std::move(t);
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
