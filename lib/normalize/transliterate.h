// ICU transliterators shared by the threads of one normalizer.
//
// `icu::Transliterator::transliterate` is not guaranteed to be thread-safe on
// one instance, so every compound id ("Russian-Latin/BGN; Any-Latin;
// Latin-ASCII") has a pool of clones: a call takes a clone from its pool (or
// clones the prototype when the pool is empty) and gives it back. The number
// of clones grows to the number of threads that transliterate at once.
#ifndef PARTYSCREEN_LIB_NORMALIZE_TRANSLITERATE_H_
#define PARTYSCREEN_LIB_NORMALIZE_TRANSLITERATE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include <unicode/translit.h>


namespace partyscreen::internal {

// A set of transliterators by compound id. Thread-safe after construction.
class TransliteratorSet {
 public:
  // Creates the prototypes of `ids`. Returns kFailedPrecondition naming the
  // id if ICU cannot create one (missing from the ICU data).
  static absl::StatusOr<std::unique_ptr<TransliteratorSet>> Create(
      const std::vector<std::string>& ids);
  ~TransliteratorSet();

  // Transliterates UTF-8 `text` with the transliterator `id` (one of the ids
  // given to Create) and returns UTF-8. Returns kInternal for an unknown id.
  absl::StatusOr<std::string> Transliterate(absl::string_view id,
                                            absl::string_view text) const;

 private:
  struct Pool {
    std::unique_ptr<icu::Transliterator> prototype;
    mutable absl::Mutex mu;
    mutable std::vector<std::unique_ptr<icu::Transliterator>> free
        ABSL_GUARDED_BY(mu);
  };
  TransliteratorSet() = default;
  absl::flat_hash_map<std::string, std::unique_ptr<Pool>> pools_;
};

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_NORMALIZE_TRANSLITERATE_H_
