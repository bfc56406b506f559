// The per-format readers behind `partyscreen::ReadList`. Each takes the path
// of its file (or, for OFAC CSV sets, a directory or any file of the set)
// and returns the list or an error naming file, line and field.
#ifndef PARTYSCREEN_LIB_SOURCES_READERS_H_
#define PARTYSCREEN_LIB_SOURCES_READERS_H_

#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "partyscreen/sources.h"
#include "partyscreen/v1/entity.pb.h"

namespace partyscreen::internal {

absl::StatusOr<v1::EntityList> ReadOfacCsv(absl::string_view path, const ReadOptions& options);
absl::StatusOr<v1::EntityList> ReadOfacXml(absl::string_view path, const ReadOptions& options);
absl::StatusOr<v1::EntityList> ReadCslCsv(absl::string_view path, const ReadOptions& options);
absl::StatusOr<v1::EntityList> ReadCslJson(absl::string_view path, const ReadOptions& options);
absl::StatusOr<v1::EntityList> ReadUnXml(absl::string_view path, const ReadOptions& options);
absl::StatusOr<v1::EntityList> ReadUkConList(absl::string_view path, const ReadOptions& options);
absl::StatusOr<v1::EntityList> ReadEuFsfXml(absl::string_view path, const ReadOptions& options);
absl::StatusOr<v1::EntityList> ReadFtmJson(absl::string_view path, const ReadOptions& options);
absl::StatusOr<v1::EntityList> ReadCustomCsv(absl::string_view path, const ReadOptions& options);
absl::StatusOr<v1::EntityList> ReadDplTsv(absl::string_view path, const ReadOptions& options);
absl::StatusOr<v1::EntityList> ReadIsnCsv(absl::string_view path, const ReadOptions& options);
absl::StatusOr<v1::EntityList> ReadItarCsv(absl::string_view path, const ReadOptions& options);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SOURCES_READERS_H_
