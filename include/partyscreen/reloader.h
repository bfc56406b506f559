// partyscreen/reloader.h — keeps a long-running server screening while its
// lists are updated: a `ScreenerHolder` serves one `Screener` and swaps in a
// new one, built from new lists or a new snapshot, atomically.
//
//   partyscreen::ScreenerHolder holder;
//   if (auto s = holder.ReloadSnapshot("lists.snapshot"); !s.ok()) return s;
//   ...
//   // Request threads: take the current screener once per request (or per
//   // batch) and use only it, so the whole request sees one index version.
//   std::shared_ptr<const partyscreen::Screener> screener = holder.Get();
//   absl::StatusOr<partyscreen::ScreenResult> r = screener->Screen(query);
//   ...
//   // Update thread: on failure the previous lists keep being served and
//   // the status says why (file, line, field).
//   absl::Status s = holder.ReloadSnapshot("lists-new.snapshot");
//
// A reload builds the new index completely before the swap; requests in
// flight keep the screener (and index) they took, which stays alive until
// the last of them drops it. Every `ScreenResult` therefore comes from
// exactly one index version: its `index_fingerprint` is that version's.
//
// Thread safety: a `ScreenerHolder` is thread-safe. `Get` may be called from
// any number of threads while one or more threads reload; concurrent reloads
// are serialised, and the one that finishes last wins.

#ifndef PARTYSCREEN_RELOADER_H_
#define PARTYSCREEN_RELOADER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "partyscreen/index.h"
#include "partyscreen/options.h"
#include "partyscreen/screener.h"
#include "partyscreen/sources.h"

namespace partyscreen {

class ScreenerHolder {
 public:
  // An empty holder: `Get` returns nullptr until the first successful
  // reload. `options` apply to every screener it creates.
  explicit ScreenerHolder(const ScreenerOptions& options = {});
  ~ScreenerHolder();
  ScreenerHolder(const ScreenerHolder&) = delete;
  ScreenerHolder& operator=(const ScreenerHolder&) = delete;

  // The screener being served, or nullptr before the first successful
  // reload. The caller's copy stays valid (with its index) after later
  // reloads. Never blocks on a reload in progress for longer than a pointer
  // copy.
  std::shared_ptr<const Screener> Get() const;

  // Serves a screener over `index` from now on. Errors (the previous
  // screener is kept): those of `Screener::Create` — kInvalidArgument for a
  // null index, kFailedPrecondition for an index built with other
  // normalization data.
  absl::Status Swap(std::shared_ptr<const Index> index);

  // Loads a snapshot (`Index::Load`) and swaps it in. Errors (the previous
  // screener is kept): those of `Index::Load` — kNotFound, kDataLoss,
  // kUnimplemented, kFailedPrecondition — and of `Swap`.
  absl::Status ReloadSnapshot(absl::string_view path);

  // Builds an index with `load` and swaps it in. `load` may take long: it
  // runs while other reloads wait, but never blocks `Get`. Errors: whatever `load` returns, then those
  // of `Swap`; on any error the previous screener is kept.
  absl::Status Reload(const std::function<absl::StatusOr<std::shared_ptr<const Index>>()>& load);

  // Reads the lists of `specs` (`ReadLists`), builds an index with
  // `index_options` and swaps it in. Defined inline so that only callers of
  // this function need to link the list readers (partyscreen::sources).
  // Errors: those of `ReadLists` (kNotFound, kInvalidArgument naming file,
  // line and field), of `IndexBuilder`, then of `Swap`; on any error the
  // previous screener is kept.
  absl::Status ReloadLists(const std::vector<ListSpec>& specs,
                           const IndexOptions& index_options = {}) {
    return Reload([&]() -> absl::StatusOr<std::shared_ptr<const Index>> {
      absl::StatusOr<std::vector<v1::EntityList>> lists = ReadLists(specs);
      if (!lists.ok()) return lists.status();
      IndexBuilder builder(index_options);
      for (v1::EntityList& list : *lists) {
        if (absl::Status s = builder.AddList(std::move(list)); !s.ok()) return s;
      }
      return std::move(builder).Build();
    });
  }

  // How many reloads (or swaps) have succeeded.
  int64_t successful_reloads() const;

  // The status of the most recent reload or swap: OK, or why it failed
  // while the previous screener kept being served.
  absl::Status last_status() const;

 private:
  // Swap; the caller holds reload_mu_.
  absl::Status SwapLocked(std::shared_ptr<const Index> index);
  // Records `status` as the outcome of a reload and returns it; the caller
  // holds reload_mu_.
  absl::Status Finish(absl::Status status);

  // Standard mutexes rather than absl::Mutex: they go through pthreads,
  // which ThreadSanitizer sees even though Debian's Abseil is not built
  // with it (scripts/test-sanitizers runs the concurrency test under TSan).
  const ScreenerOptions options_;
  std::mutex reload_mu_;  // serialises reloads; held while building and swapping
  mutable std::shared_mutex mu_;  // guards the fields below; held only briefly
  std::shared_ptr<const Screener> current_;
  int64_t successful_reloads_ = 0;
  absl::Status last_status_;
};

}  // namespace partyscreen

#endif  // PARTYSCREEN_RELOADER_H_
