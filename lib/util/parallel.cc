#include "lib/util/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace partyscreen::internal {

void ParallelFor(size_t n, const std::function<void(size_t)>& fn, size_t chunk, unsigned max_threads) {
  if (n == 0) return;
  chunk = std::max<size_t>(1, chunk);
  unsigned threads = max_threads > 0 ? max_threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, (n + chunk - 1) / chunk));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    while (true) {
      const size_t begin = next.fetch_add(chunk, std::memory_order_relaxed);
      if (begin >= n) return;
      const size_t end = std::min(n, begin + chunk);
      for (size_t i = begin; i < end; ++i) fn(i);
    }
  };
  std::vector<std::thread> helpers;
  helpers.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work);
  work();
  for (std::thread& h : helpers) h.join();
}

}  // namespace partyscreen::internal
