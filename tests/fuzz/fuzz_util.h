// Shared helpers of the fuzz targets in tests/fuzz/: a per-process scratch
// directory for readers that take a path, a check macro that aborts (so
// libFuzzer records the input), a strict UTF-8 validator, and the tiny
// fictional list the query-path and snapshot fuzzers build their index from.
//
// Thread safety: none of this is thread-safe; a fuzz target runs on one
// thread.
#ifndef PARTYSCREEN_TESTS_FUZZ_FUZZ_UTIL_H_
#define PARTYSCREEN_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"
#include "partyscreen/v1/entity.pb.h"

// Aborts with a message when `cond` is false: a fuzzer finding.
#define FUZZ_CHECK(cond, msg)                                             \
  do {                                                                    \
    if (!(cond)) {                                                        \
      std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s: %s\n",        \
                   __FILE__, __LINE__, #cond, std::string(msg).c_str()); \
      std::abort();                                                       \
    }                                                                     \
  } while (0)

namespace partyscreen::fuzz {

// A directory private to this process, created on first use and removed at
// exit.
const std::string& ScratchDir();

// Writes `data` to ScratchDir()/`name` (replacing it) and returns the path.
// Aborts if the write fails (the fuzzer's own environment is broken).
std::string WriteScratchFile(absl::string_view name, absl::string_view data);

// Removes ScratchDir()/`name` if present.
void RemoveScratchFile(absl::string_view name);

// True if `s` is well-formed UTF-8 (no overlong forms, no surrogates, at most
// U+10FFFF).
bool IsValidUtf8(absl::string_view s);

// A tiny fictional list ("fuzz_fixture", 8 entities: Latin, Cyrillic,
// Chinese and Arabic names, people and organisations, dates of birth and
// countries). None of these parties exists.
v1::EntityList FixtureList(absl::string_view list_id = "fuzz_fixture",
                           int extra_entities = 0);

}  // namespace partyscreen::fuzz

#endif  // PARTYSCREEN_TESTS_FUZZ_FUZZ_UTIL_H_
