// Running independent work items on the machine's cores.
#ifndef PARTYSCREEN_LIB_UTIL_PARALLEL_H_
#define PARTYSCREEN_LIB_UTIL_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace partyscreen::internal {

// Calls fn(i) once for every i in [0, n), on up to `max_threads` threads
// (0: as many as the hardware has cores), the calling thread among them;
// items are handed out in `chunk`-sized runs in ascending order. Returns
// when all calls have returned. fn must be safe to call concurrently for
// different i; what it writes per i (a slot of a pre-sized vector) needs
// no lock. With one core, or n <= chunk, everything runs on the calling
// thread. fn must not throw. No errors.
void ParallelFor(size_t n, const std::function<void(size_t)>& fn, size_t chunk = 1, unsigned max_threads = 0);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_UTIL_PARALLEL_H_
