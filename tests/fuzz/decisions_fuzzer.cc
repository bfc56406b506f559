// Fuzz target for the decisions reader (partyscreen/audit.h ReadDecisions):
// the input is written as a decisions file and read.
//
// Checks: never a crash; an error is kInvalidArgument naming the file (or
// kResourceExhausted); every decision read passes ValidateDecision, has a
// line number, and survives DecisionToJson -> file -> ReadDecisions
// unchanged.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "partyscreen/audit.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = partyscreen::fuzz::WriteScratchFile(
      "decisions.jsonl", absl::string_view(reinterpret_cast<const char*>(data), size));
  auto r = partyscreen::ReadDecisions(path);
  if (!r.ok()) {
    FUZZ_CHECK(r.status().code() == absl::StatusCode::kInvalidArgument ||
                   r.status().code() == absl::StatusCode::kResourceExhausted,
               r.status().ToString());
    FUZZ_CHECK(absl::StrContains(r.status().message(), "decisions.jsonl"), r.status().ToString());
    return 0;
  }
  std::string rewritten;
  for (const auto& d : *r) {
    FUZZ_CHECK(d.line >= 1, "decision without a line");
    auto valid = partyscreen::ValidateDecision(d);
    FUZZ_CHECK(valid.ok(), valid.ToString());
    absl::StrAppend(&rewritten, partyscreen::DecisionToJson(d), "\n");
  }
  const std::string again_path = partyscreen::fuzz::WriteScratchFile("decisions.jsonl", rewritten);
  auto again = partyscreen::ReadDecisions(again_path);
  FUZZ_CHECK(again.ok(), again.status().ToString());
  FUZZ_CHECK(again->size() == r->size(), "round trip changed the count");
  for (size_t i = 0; i < r->size(); ++i) {
    const auto& a = (*r)[i];
    const auto& b = (*again)[i];
    FUZZ_CHECK(a.counterparty == b.counterparty && a.list_id == b.list_id && a.entity_id == b.entity_id &&
                   a.fingerprint == b.fingerprint && a.decision == b.decision && a.reviewer == b.reviewer &&
                   a.date == b.date && a.reason == b.reason && a.record == b.record,
               absl::StrCat("round trip changed decision ", i));
  }
  return 0;
}
