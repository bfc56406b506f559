// Fuzz target for Normalizer::Normalize. The first byte picks the kind hint;
// the rest is the name.
//
// Checks: valid UTF-8 is normalized OK and invalid UTF-8 is kInvalidArgument
// whose message does not contain the input; every token is non-empty
// lower-case ASCII letters and digits; the script is set; the same input
// gives the same tokens twice; NormalizeReadings gives 1 to 8 readings, the
// first equal to Normalize's, every one with valid tokens and the same
// script.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "partyscreen/normalizer.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

const partyscreen::Normalizer& GetNormalizer() {
  static const partyscreen::Normalizer* n = [] {
    auto created = partyscreen::Normalizer::Create();
    FUZZ_CHECK(created.ok(), created.status().ToString());
    return created->release();
  }();
  return *n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const partyscreen::NameKindHint hint = static_cast<partyscreen::NameKindHint>(data[0] % 3);
  const absl::string_view name(reinterpret_cast<const char*>(data + 1), size - 1);
  const partyscreen::Normalizer& n = GetNormalizer();
  auto r = n.Normalize(name, hint);
  if (!partyscreen::fuzz::IsValidUtf8(name)) {
    FUZZ_CHECK(r.status().code() == absl::StatusCode::kInvalidArgument, r.status().ToString());
    if (name.size() >= 4) {
      FUZZ_CHECK(!absl::StrContains(r.status().message(), name), "error message contains the name");
    }
    return 0;
  }
  FUZZ_CHECK(r.ok(), r.status().ToString());
  FUZZ_CHECK(!r->script.empty(), "empty script");
  for (const auto& t : r->tokens) {
    FUZZ_CHECK(!t.text.empty(), "empty token");
    for (char c : t.text) {
      FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'), absl::StrCat("token '", t.text, "'"));
    }
  }
  auto again = n.Normalize(name, hint);
  FUZZ_CHECK(again.ok(), again.status().ToString());
  FUZZ_CHECK(again->tokens.size() == r->tokens.size(), "not deterministic");
  for (size_t i = 0; i < r->tokens.size(); ++i) {
    FUZZ_CHECK(again->tokens[i].text == r->tokens[i].text, "not deterministic");
    FUZZ_CHECK(again->tokens[i].role == r->tokens[i].role, "not deterministic");
  }
  FUZZ_CHECK(again->script == r->script, "not deterministic");
  auto readings = n.NormalizeReadings(name, hint);
  FUZZ_CHECK(readings.ok(), readings.status().ToString());
  FUZZ_CHECK(!readings->empty() && readings->size() <= 8, absl::StrCat(readings->size(), " readings"));
  FUZZ_CHECK((*readings)[0].tokens.size() == r->tokens.size(), "first reading is not Normalize's");
  for (size_t i = 0; i < r->tokens.size(); ++i) {
    FUZZ_CHECK((*readings)[0].tokens[i].text == r->tokens[i].text, "first reading is not Normalize's");
  }
  for (const auto& reading : *readings) {
    FUZZ_CHECK(reading.script == r->script, "reading with another script");
    for (const auto& t : reading.tokens) {
      FUZZ_CHECK(!t.text.empty(), "empty token in a reading");
      for (char c : t.text) {
        FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'), "reading token not lower-case ASCII");
      }
    }
  }
  return 0;
}
