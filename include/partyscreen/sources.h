// partyscreen/sources.h — reading publisher list files into `v1::EntityList`.
//
// Every sanctions or export-control list that a compliance team downloads is
// read by one reader per publisher format into the canonical data model of
// proto/partyscreen/v1/entity.proto. The format is detected from the file's
// content unless the caller names it.
//
//   partyscreen::ReadOptions options;            // detect the format
//   absl::StatusOr<partyscreen::v1::EntityList> list =
//       partyscreen::ReadList("data/lists/us_csl/consolidated.csv", options);
//   if (!list.ok()) { /* list.status() names file, line and field */ }
//
// Errors never produce a shorter list presented as complete: an empty,
// truncated, mis-encoded or malformed file is an error unless the caller asks
// for lenient mode, and then every skipped row is listed in
// `EntityList.source.issues`.
//
// Thread safety: every function here is thread-safe (no shared state).

#ifndef PARTYSCREEN_SOURCES_H_
#define PARTYSCREEN_SOURCES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "partyscreen/v1/entity.pb.h"

namespace partyscreen {

// The publisher formats partyscreen reads.
enum class ListFormat {
  kAuto,        // detect from the content (and, for OFAC sets, the file names)
  kOfacCsv,     // OFAC legacy CSV set: sdn.csv + add.csv + alt.csv + sdn_comments.csv,
                // or the non-SDN cons_prim/cons_add/cons_alt/cons_comments.csv set
  kOfacXml,     // OFAC sdn.xml / consolidated.xml (sdnList schema)
  kCslCsv,      // trade.gov Consolidated Screening List CSV
  kCslJson,     // trade.gov Consolidated Screening List JSON
  kUnXml,       // UN Security Council consolidated list XML
  kUkConList,   // HM Treasury OFSI consolidated list CSV (ConList layout)
  kEuFsfXml,    // EU Financial Sanctions Files XML
  kFtmJson,     // OpenSanctions FollowTheMoney JSON lines
  kCustomCsv,   // a company's own list: name, aliases, kind, country, id, ... (README)
  kDplTsv,      // BIS Denied Persons List, native tab-separated file
  kIsnCsv,      // State Department Nonproliferation Sanctions (ISN) CSV
  kItarCsv,     // State Department AECA/ITAR debarred parties CSV
};

// The stable short name of a format ("ofac_csv", "csl_csv", ...), as used in
// list specs (`FORMAT=PATH`) and in `ListSource.format`.
absl::string_view ListFormatName(ListFormat format);

// Parses a format name as printed by `ListFormatName`. Returns
// kInvalidArgument for an unknown name (the message lists the known ones).
absl::StatusOr<ListFormat> ParseListFormat(absl::string_view name);

// Options for reading one list.
struct ReadOptions {
  // The format of the file; kAuto detects it. Default: kAuto.
  ListFormat format = ListFormat::kAuto;
  // The list id to give the entities. Empty means the format's standard id
  // ("us_ofac_sdn", "us_ofac_cons", "us_csl", "un_sc", "uk_hmt", "eu_fsf";
  // "custom" for custom CSV). Must match [a-z0-9_]{1,40}. Default: "".
  std::string list_id;
  // The publication date (YYYY-MM-DD) to record when the file does not state
  // one, or to override it. Default: "" (taken from the file when stated).
  std::string publication_date;
  // Strict (false): the first malformed row is an error naming file, line and
  // field. Lenient (true): malformed rows are skipped and each one is
  // recorded in `ListSource.issues`; a file with no valid row is still an
  // error. Default: false.
  bool lenient = false;
};

// A `--list` argument: `PATH` or `FORMAT=PATH` (optionally `ID:FORMAT=PATH`).
struct ListSpec {
  std::string path;
  ReadOptions options;
};

// Parses a list spec: "data/sdn" (detect), "csl_csv=path/file.csv", or
// "my_list:custom_csv=vendors_blocked.csv" (a custom list id). Returns
// kInvalidArgument for an unknown format or an invalid list id.
absl::StatusOr<ListSpec> ParseListSpec(absl::string_view spec);

// Detects the format of a file or directory from its content. A directory is
// an OFAC CSV set when it holds sdn.csv or cons_prim.csv. Returns kNotFound if
// the path does not exist, kInvalidArgument if the file is empty or of no
// known format (the message says what was seen).
absl::StatusOr<ListFormat> DetectListFormat(absl::string_view path);

// Reads one list. `path` is a file, or for OFAC CSV sets the directory or any
// one file of the set (its siblings are found beside it; missing siblings
// are allowed and noted in `source.issues`).
//
// Returns kNotFound for a missing file, kInvalidArgument for an empty file, a
// file of the wrong format, invalid encoding, a truncated file, or (strict
// mode) a malformed row — the message starts with "file:line: field:".
absl::StatusOr<v1::EntityList> ReadList(absl::string_view path,
                                        const ReadOptions& options = {});

// Reads every list of `specs`, the files concurrently (one at a time per
// core); the lists come back in the order of `specs`. Fails with the error
// of the first spec, in that order, that cannot be read. Thread-safe.
absl::StatusOr<std::vector<v1::EntityList>> ReadLists(
    const std::vector<ListSpec>& specs);

// The standard list id of a format ("us_csl" for kCslCsv). For kOfacCsv it
// is "us_ofac_sdn" (the reader picks "us_ofac_cons" for a cons_* set).
absl::string_view DefaultListId(ListFormat format);

// Returns OK if `id` is a valid list id ([a-z0-9_]{1,40}), else
// kInvalidArgument.
absl::Status ValidateListId(absl::string_view id);

}  // namespace partyscreen

#endif  // PARTYSCREEN_SOURCES_H_
