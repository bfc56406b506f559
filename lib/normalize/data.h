// Access to the normalization dictionaries of lib/data/, compiled into the
// library at build time by cmake/EmbedData.cmake.
#ifndef PARTYSCREEN_LIB_NORMALIZE_DATA_H_
#define PARTYSCREEN_LIB_NORMALIZE_DATA_H_

#include "absl/strings/string_view.h"

namespace partyscreen::internal {

struct EmbeddedFile {
  const char* name;       // "legal_forms.txt"
  absl::string_view data;  // the file's bytes
};

// SHA-256 (hex) over the names and hashes of every embedded file. Stored in
// snapshots so that an index and a query are normalised with the same data.
absl::string_view NormalizationDataFingerprint();

// All embedded files, terminated by an entry whose name is "".
const EmbeddedFile* EmbeddedDataFiles();

// The bytes of one embedded file, or an empty view if there is none.
absl::string_view EmbeddedDataFile(absl::string_view name);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_NORMALIZE_DATA_H_
