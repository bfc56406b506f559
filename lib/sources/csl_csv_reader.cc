// Reader of the trade.gov Consolidated Screening List CSV
// (consolidated.csv): 29 columns, header read by name, one row per listing.
//
// The `_id` repeats when one party is on several sub-lists (e.g. an Entity
// List and an MEU row): all rows of one `_id` become ONE entity with one
// Listing per row. Multi-valued fields are "; "-separated; aliases are split
// by SplitCslNames (csl_common.h), which also undoes the publisher's
// list-joining artefacts ("..., and Sense Time"), keeping the raw field.
// A repeated header line inside the file is skipped and noted.
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/sources/csl_common.h"
#include "lib/sources/csv.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/readers.h"

namespace partyscreen::internal {
namespace {

enum Col {
  kId, kSource, kEntityNumber, kType, kPrograms, kName, kTitle, kAddresses, kFrNotice,
  kStartDate, kEndDate, kStandardOrder, kLicenseRequirement, kLicensePolicy, kCallSign,
  kVesselType, kGrossTonnage, kGrt, kVesselFlag, kVesselOwner, kRemarks, kSourceListUrl,
  kAltNames, kCitizenships, kDatesOfBirth, kNationalities, kPlacesOfBirth, kSourceInfoUrl,
  kIds, kNumCols
};

constexpr const char* kColNames[kNumCols] = {
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order",
    "license_requirement", "license_policy", "call_sign", "vessel_type", "gross_tonnage",
    "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
    "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth",
    "source_information_url", "ids"};

// Columns without which a row cannot be read.
constexpr Col kRequired[] = {kSource, kName};

}  // namespace

// Reads a CSL CSV file. Errors: kNotFound (missing file), kInvalidArgument
// (empty file, invalid UTF-8, a missing required column, a truncated quoted
// field, or in strict mode a malformed row "file:line: field: message").
// Thread-safe (no shared state).
absl::StatusOr<v1::EntityList> ReadCslCsv(absl::string_view path, const ReadOptions& options) {
  auto loaded = LoadListFile(path);
  if (!loaded.ok()) return loaded.status();
  const LoadedFile& f = *loaded;
  v1::EntityList list;
  v1::ListSource* src = list.mutable_source();
  if (auto s = FillListSource(options, "us_csl", "csl_csv", "US International Trade Administration",
                              "Consolidated Screening List", "", {&f}, src);
      !s.ok()) {
    return s;
  }
  RowErrors errors(options.lenient, src);
  CsvReader reader(f.name, f.decoded.text);
  std::vector<std::string> header;
  auto first = reader.Next(&header);
  if (!first.ok()) return first.status();
  if (!*first) return absl::InvalidArgumentError(absl::StrCat(f.name, ": file has no header line"));
  int col[kNumCols];
  std::fill(col, col + kNumCols, -1);
  std::vector<int> extra_cols;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string h(TrimSpace(header[i]));
    bool known = false;
    for (int c = 0; c < kNumCols; ++c) {
      if (h == kColNames[c]) {
        col[c] = static_cast<int>(i);
        known = true;
      }
    }
    if (!known) extra_cols.push_back(static_cast<int>(i));
  }
  for (Col c : kRequired) {
    if (col[c] < 0) {
      return RowError(f.name, reader.line(), kColNames[c],
                      absl::StrCat("required column '", kColNames[c],
                                   "' is missing from the header"));
    }
  }
  if (col[kId] < 0) {
    errors.Note(f.name, reader.line(), "_id",
                "no _id column (older CSL layout): ids are entity_number, else derived from "
                "source and name");
  }
  absl::flat_hash_map<std::string, int> by_id;
  std::vector<std::string> row;
  int64_t records = 0;
  auto get = [&](Col c) -> std::string {
    return col[c] < 0 ? std::string() : std::string(TrimSpace(row[col[c]]));
  };
  auto multi = [&](Col c) -> std::vector<std::string> {
    return col[c] < 0 ? std::vector<std::string>() : SplitTrim(row[col[c]], ";");
  };
  while (true) {
    auto more = reader.Next(&row);
    if (!more.ok()) {
      // A truncated last record: an error, or in lenient mode a skipped row
      // (the reader cannot resynchronise after it, so reading stops).
      ++records;
      if (auto s = errors.Skip(f.name, reader.current_line(), "", std::string(more.status().message()));
          !s.ok()) {
        return more.status();
      }
      break;
    }
    if (!*more) break;
    const int64_t line = reader.line();
    if (row == header) {
      errors.Note(f.name, line, "", "repeated header line skipped");
      continue;
    }
    ++records;
    if (row.size() != header.size()) {
      if (auto s = errors.Skip(f.name, line, "",
                               absl::StrCat("expected ", header.size(), " fields, found ",
                                            row.size()));
          !s.ok()) {
        return s;
      }
      continue;
    }
    CslRecord r;
    r.id = get(kId);
    r.source = get(kSource);
    r.entity_number = get(kEntityNumber);
    r.type = get(kType);
    r.programs = multi(kPrograms);
    r.name = get(kName);
    r.title = get(kTitle);
    if (col[kAddresses] >= 0) {
      r.addresses_raw = row[col[kAddresses]];
      for (const auto& a : SplitTrim(r.addresses_raw, ";")) r.addresses.push_back(ParseCslAddress(a));
    }
    r.federal_register_notice = get(kFrNotice);
    r.start_date = get(kStartDate);
    r.end_date = get(kEndDate);
    r.standard_order = get(kStandardOrder);
    r.license_requirement = get(kLicenseRequirement);
    r.license_policy = get(kLicensePolicy);
    r.call_sign = get(kCallSign);
    r.vessel_type = get(kVesselType);
    r.gross_tonnage = get(kGrossTonnage);
    r.gross_registered_tonnage = get(kGrt);
    r.vessel_flag = get(kVesselFlag);
    r.vessel_owner = get(kVesselOwner);
    r.remarks = get(kRemarks);
    r.source_list_url = get(kSourceListUrl);
    r.alt_names_raw = get(kAltNames);
    r.citizenships = multi(kCitizenships);
    r.dates_of_birth = multi(kDatesOfBirth);
    r.nationalities = multi(kNationalities);
    r.places_of_birth = multi(kPlacesOfBirth);
    r.source_information_url = get(kSourceInfoUrl);
    r.ids = multi(kIds);
    for (int c : extra_cols) r.extra.emplace_back(header[c], row[c]);

    if (auto s = AddCslRecord(r, f.name, line, options.lenient, &errors, &by_id, &list); !s.ok()) {
      return s;
    }
  }
  SetFileRecords(src, f.name, records);
  if (auto s = RequireEntities(list, f.name); !s.ok()) return s;
  return list;
}

}  // namespace partyscreen::internal
