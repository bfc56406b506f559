// ScreenerHolder: atomic replacement of the screener of a running server.
#include "partyscreen/reloader.h"

#include <utility>

namespace partyscreen {

ScreenerHolder::ScreenerHolder(const ScreenerOptions& options) : options_(options) {}
ScreenerHolder::~ScreenerHolder() = default;

std::shared_ptr<const Screener> ScreenerHolder::Get() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return current_;
}

absl::Status ScreenerHolder::Finish(absl::Status status) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  last_status_ = status;
  return status;
}

absl::Status ScreenerHolder::Swap(std::shared_ptr<const Index> index) {
  std::lock_guard<std::mutex> reload_lock(reload_mu_);
  return SwapLocked(std::move(index));
}

absl::Status ScreenerHolder::SwapLocked(std::shared_ptr<const Index> index) {
  absl::StatusOr<std::unique_ptr<const Screener>> screener =
      Screener::Create(std::move(index), options_);
  if (!screener.ok()) return Finish(screener.status());
  std::shared_ptr<const Screener> next(*std::move(screener));
  std::shared_ptr<const Screener> previous;
  {
    std::unique_lock<std::shared_mutex> lock(mu_);
    previous = std::move(current_);
    current_ = std::move(next);
    ++successful_reloads_;
    last_status_ = absl::OkStatus();
  }
  // `previous` is released here, outside the lock: if this was the last
  // reference, freeing the old index does not block readers.
  return absl::OkStatus();
}

absl::Status ScreenerHolder::ReloadSnapshot(absl::string_view path) {
  std::string p(path);
  return Reload([&p]() { return Index::Load(p); });
}

absl::Status ScreenerHolder::Reload(
    const std::function<absl::StatusOr<std::shared_ptr<const Index>>()>& load) {
  // Reloads are serialised (build and swap under reload_mu_), so they take
  // effect in the order they started and the last one wins. Readers only
  // take mu_, briefly, and never wait for a build.
  std::lock_guard<std::mutex> reload_lock(reload_mu_);
  if (!load) return Finish(absl::InvalidArgumentError("no loader given to ScreenerHolder::Reload"));
  absl::StatusOr<std::shared_ptr<const Index>> index = load();
  if (!index.ok()) return Finish(index.status());
  if (*index == nullptr) {
    return Finish(absl::InternalError("the loader of ScreenerHolder::Reload returned a null index"));
  }
  return SwapLocked(*std::move(index));
}

int64_t ScreenerHolder::successful_reloads() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return successful_reloads_;
}

absl::Status ScreenerHolder::last_status() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return last_status_;
}

}  // namespace partyscreen
