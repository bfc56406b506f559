// ICU transliterators shared by the threads of one normalizer.
//
// `icu::Transliterator::transliterate` is not guaranteed to be thread-safe on
// one instance, so every compound id ("Russian-Latin/BGN; Latin-ASCII") has a
// pool of clones: a call takes a clone from its pool (or clones the
// prototype when the pool is empty) and gives it back. The number of clones
// grows to the number of threads that transliterate at once.
//
// Building a transliterator compiles its ICU rules, which is slow for some
// ("Han-Latin" takes about 0.4 s, "Latin-ASCII" 70 ms, once per process), so
// prototypes are built on first use, which also checks that ICU has them.
#ifndef PARTYSCREEN_LIB_NORMALIZE_TRANSLITERATE_H_
#define PARTYSCREEN_LIB_NORMALIZE_TRANSLITERATE_H_

#include <unicode/translit.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace partyscreen::internal {

// A set of transliterators by compound id. Thread-safe after construction.
class TransliteratorSet {
 public:
  // Registers `ids` (ICU compound ids: elements separated by ';'); whether
  // ICU's data has them is checked by the first Transliterate with each.
  //
  // `pre_rules` maps some of the ids to ICU transform rules
  // (https://unicode-org.github.io/icu/userguide/transforms/general/rules.html)
  // that run before the id's own transliterators (compiled, like the ids,
  // by the first Transliterate with the id). No errors.
  static absl::StatusOr<std::unique_ptr<TransliteratorSet>> Create(
      const std::vector<std::string>& ids,
      const absl::flat_hash_map<std::string, std::string>& pre_rules = {});
  ~TransliteratorSet();

  // Transliterates UTF-8 `text` with the transliterator `id` (one of the ids
  // given to Create) and returns UTF-8. Returns kInternal for an unknown id
  // or if ICU fails to build the transliterator, kFailedPrecondition if ICU's
  // data lacks it (every call with that id, from the first).
  absl::StatusOr<std::string> Transliterate(absl::string_view id,
                                            absl::string_view text) const;

 private:
  struct Pool {
    std::string id;
    std::string pre_rules;  // empty, or rules that run before `id`
    mutable std::once_flag once;
    mutable std::unique_ptr<icu::Transliterator> prototype;  // set once
    mutable absl::Status init_status;                         // set once
    mutable absl::Mutex mu;
    mutable std::vector<std::unique_ptr<icu::Transliterator>> free
        ABSL_GUARDED_BY(mu);
  };
  TransliteratorSet() = default;
  absl::flat_hash_map<std::string, std::unique_ptr<Pool>> pools_;
};

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_NORMALIZE_TRANSLITERATE_H_
