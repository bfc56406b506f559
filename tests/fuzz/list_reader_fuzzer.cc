// Fuzz target for the list readers. Built once per format, with
// PARTYSCREEN_FUZZ_FORMAT naming it ("csl_csv", ...): the input is written to
// a scratch file and read with `ReadList` forcing that format, strict and
// lenient.
//
// For ofac_csv the input may hold the four files of a set separated by lines
// "##FILE##": sdn.csv, add.csv, alt.csv, sdn_comments.csv.
//
// Checks: never a crash; an error has a deliberate code and names the file;
// a list read OK has the format and list id it says on every entity; strict
// success implies lenient success with the same entities.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "partyscreen/sources.h"
#include "tests/fuzz/fuzz_util.h"

#ifndef PARTYSCREEN_FUZZ_FORMAT
#error "define PARTYSCREEN_FUZZ_FORMAT"
#endif

namespace {

using partyscreen::fuzz::RemoveScratchFile;
using partyscreen::fuzz::WriteScratchFile;

// The scratch file name for the format (some readers look at it).
const char* FileName(absl::string_view format) {
  if (format == "ofac_csv") return "sdn.csv";
  if (format == "uk_conlist") return "ConList.csv";
  if (absl::EndsWith(format, "_xml")) return "list.xml";
  if (absl::EndsWith(format, "_json")) return "list.json";
  if (format == "dpl_tsv") return "list.txt";
  return "list.csv";
}

void CheckResult(const absl::StatusOr<partyscreen::v1::EntityList>& r, absl::string_view format,
                 absl::string_view file) {
  if (!r.ok()) {
    const absl::StatusCode code = r.status().code();
    FUZZ_CHECK(code == absl::StatusCode::kInvalidArgument || code == absl::StatusCode::kDataLoss ||
                   code == absl::StatusCode::kResourceExhausted || code == absl::StatusCode::kNotFound,
               r.status().ToString());
    FUZZ_CHECK(!r.status().message().empty(), "empty error message");
    bool names_file = absl::StrContains(r.status().message(), file);
    if (format == "ofac_csv") {
      for (const char* f : {"add.csv", "alt.csv", "sdn_comments.csv", "psfuzz."}) {
        names_file = names_file || absl::StrContains(r.status().message(), f);
      }
    }
    FUZZ_CHECK(names_file, absl::StrCat("error does not name the file: ", r.status().ToString()));
    return;
  }
  FUZZ_CHECK(r->source().format() == format, r->source().format());
  for (const auto& e : r->entities()) {
    FUZZ_CHECK(e.list_id() == r->source().list_id(), e.list_id());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view format = PARTYSCREEN_FUZZ_FORMAT;
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  auto parsed = partyscreen::ParseListFormat(format);
  FUZZ_CHECK(parsed.ok(), parsed.status().ToString());
  const char* file = FileName(format);
  std::string path;
  if (format == "ofac_csv") {
    static const char* kSet[] = {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"};
    std::vector<absl::string_view> parts = absl::StrSplit(input, "\n##FILE##\n");
    for (size_t i = 0; i < 4; ++i) {
      if (i < parts.size()) {
        std::string p = WriteScratchFile(kSet[i], parts[i]);
        if (i == 0) path = p;
      } else {
        RemoveScratchFile(kSet[i]);
      }
    }
  } else {
    path = WriteScratchFile(file, input);
  }
  partyscreen::ReadOptions options;
  options.format = *parsed;
  auto strict = partyscreen::ReadList(path, options);
  CheckResult(strict, format, file);
  options.lenient = true;
  auto lenient = partyscreen::ReadList(path, options);
  CheckResult(lenient, format, file);
  if (strict.ok()) {
    FUZZ_CHECK(lenient.ok(), lenient.status().ToString());
    FUZZ_CHECK(strict->entities_size() == lenient->entities_size(),
               absl::StrCat(strict->entities_size(), " vs ", lenient->entities_size()));
  }
  return 0;
}
