// Helpers shared by the US trade.gov / BIS / State Department readers (CSL
// CSV and JSON, BIS DPL, State ISN and ITAR): alias splitting of the
// publishers' free-text name fields, CSL address and identifier parsing,
// CSL type → EntityKind, merging of the rows of one party, and derived ids
// for lists that publish none.
//
// All functions are pure and thread-safe.
#ifndef PARTYSCREEN_LIB_SOURCES_CSL_COMMON_H_
#define PARTYSCREEN_LIB_SOURCES_CSL_COMMON_H_

#include <initializer_list>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "absl/status/statusor.h"
#include "lib/sources/csv.h"
#include "lib/sources/reader_util.h"
#include "partyscreen/v1/entity.pb.h"

namespace partyscreen::internal {

// One name recovered from a publisher's name or alias field.
struct SplitName {
  std::string text;      // the name, trimmed, otherwise as published
  v1::NameKind kind;     // NAME_KIND_ALIAS, _FORMER (f.k.a.) or _WEAK_ALIAS ("quoted")
  std::string marker;    // the marker that introduced it: "a.k.a.", "f.k.a.", "d/b/a", "and", "" (list separator)
};

// Splits a CSL-style alias field ("A; B; and C", "X, a.k.a., Y",
// "X (f.k.a. Y)", "Co., Ltd., and Sense Time") into names. The rules (each
// derived from real CSL rows; see csl_common.cc for the examples):
//   1. ';' separates names, except inside parentheses.
//   2. A lowercase leading "and " is the publisher's list-joining artefact
//      and is dropped ("...; and CSRC" → "CSRC").
//   3. "a.k.a." / "f.k.a." / "n.k.a." / "d/b/a" / "also known as" /
//      "formerly known as" (any case, with or without a following comma or
//      colon, bare or in parentheses or square brackets; a bare "aka" only
//      as "(aka X)") introduce a further name; f.k.a. names are
//      NAME_KIND_FORMER. A leading "DBA " does the same. An unclosed bracket
//      (a truncated cell) runs to the end of the text.
//   4. A lowercase "and" / ", and" splits only when the text before it ends
//      in a legal form (Ltd., Inc., LLC, Limited, Company, Corporation, JSC,
//      ...), or the text after it starts with a Russian/CIS form abbreviation
//      (OOO, NPP, JSC, AO, ZAO, OAO, PAO, PJSC, NPO, FSUE), or the text after
//      it is an acronym of the text before ("Russian Quantum Center and RQC");
//      and in every case only when the text after it starts with an upper
//      case letter or digit and is more than a legal form ("GmbH and Co. KG"
//      is one name). Upper case "AND" (Treasury's all-caps names) never
//      splits: "Ministry of Industry, Mine and Trade" stays one name.
//   5. Where rule 4 split a list, commas before it split too when the piece
//      before the comma ends in a legal form and the piece after is more than
//      a legal form ("A Company, B Pte Ltd, C Pte Ltd and D").
//   6. A name wholly in double quotes ("FOOPIE") is a weak alias (quotes
//      removed). A part wholly in parentheses starting with a lower case word
//      ("(all of preceding located in ...)") is a note, not a name: dropped.
//   7. A name ending in a parenthesised part whose words all occur before
//      it ("Huawei Technologies Co., Ltd. (Huawei)") also gives that part
//      as an alias, marker "short form" (RepeatedShortForm).
// `first_kind` is the kind of the first name (NAME_KIND_PRIMARY for the
// `name` field, NAME_KIND_ALIAS for `alt_names`). `comma_separated` treats
// ", " as the list separator (State ISN 2016 "Alternative Names") with the
// same legal-form guard as rule 5. Names with "?" placeholders are kept as
// published.
std::vector<SplitName> SplitCslNames(absl::string_view field, v1::NameKind first_kind,
                                     bool comma_separated = false);

// The publisher's short form of `name`: its closing parenthesised part
// (trailing '.' and ',' ignored) when every word of that part occurs before
// it and the part is shorter than the rest and has 3+ letters ("Huawei" of
// "Huawei Technologies Co., Ltd. (Huawei)"), else "". An acronym in
// parentheses ("(SMIC)") is not one: its words are not the name's. No errors.
std::string RepeatedShortForm(absl::string_view name);

// True if `word` (case-insensitive, trailing '.' and ',' ignored) is a legal
// form such as "Ltd", "Co", "Inc", "LLC", "Limited", "JSC", "GmbH".
bool IsLegalFormWord(absl::string_view word);

// Parses one CSL address "street, city, state, postal, country" (empty parts
// omitted by the publisher, so only the country — the last part, usually an
// ISO code — is reliable). Fills full, country and country_code; a last part
// that is not a country leaves them empty.
v1::Address ParseCslAddress(absl::string_view text);

// The order of the parts of a packed CSL identifier. The 2019-2022 CSV packs
// the JSON object's values in key order (country, expiration_date,
// issue_date, number, type): "SA, 2022-06-23, 2017-08-16, D088677, Passport",
// "KUDBKPPY, SWIFT/BIC", "Male, Gender". The 2023 CSV puts the type first:
// "Passport, AD000432, ZW", "Gender, Male".
enum class CslIdOrder { kUnknown, kTypeLast, kTypeFirst };

// The order an identifier text shows unambiguously (exactly one of its first
// and last parts looks like a type label), else kUnknown.
CslIdOrder DetectCslIdOrder(absl::string_view text);

// Parses one CSL identifier in the given order (kUnknown = kTypeLast). A
// two-letter code next to the value is the country; ISO dates go to remarks
// ("expires 2022-06-23; issued 2017-08-16", or "date 2021-07-26" when only
// one is given, since the CSV does not say which); the rest is the value.
// A Gender entry sets `*gender` instead and returns nullopt.
absl::optional<v1::Identifier> ParseCslIdentifier(absl::string_view text, std::string* gender,
                                                  CslIdOrder order = CslIdOrder::kTypeLast);

// The IdentifierKind of a publisher's identifier label ("Passport", "Tax ID
// No.", "SWIFT/BIC", "Vessel Registration Identification", ...).
v1::IdentifierKind IdentifierKindFromLabel(absl::string_view label);

// "Individual" → INDIVIDUAL, "Entity" → ORGANIZATION, "Vessel", "Aircraft";
// "" → UNKNOWN. Returns false for any other text.
bool CslEntityKind(absl::string_view type, v1::EntityKind* kind);

// Adds `name` to `entity` unless the same text with the same kind is there.
void AddNameUnique(v1::Entity* entity, const std::string& text, v1::NameKind kind,
                   absl::string_view publisher_type);

// Adds `value` to `values` unless present.
void AddUnique(google::protobuf::RepeatedPtrField<std::string>* values, absl::string_view value);

// Adds the raw field unless an identical one (name and value) is there.
void AddRawUnique(v1::Entity* entity, absl::string_view name, absl::string_view value);

// A key for grouping rows of a list without ids: lower-cased ASCII letters and
// digits of `name`, other characters collapsed to single spaces, trimmed.
std::string NormalizedNameKey(absl::string_view name);

// A stable derived entity id: `prefix` + "-" + the first 16 hex digits of
// SHA-256 over `key` ("dpl-3f2a...").
std::string DerivedEntityId(absl::string_view prefix, absl::string_view key);


// One CSL record (a CSV row or a JSON result), with multi-valued fields
// already split. Used by the CSV and JSON readers.
struct CslRecord {
  std::string id;               // _id / id (may repeat: one party on several sub-lists)
  std::string source;           // "Entity List (EL) - Bureau of Industry and Security"
  std::string entity_number, type, name, title;
  std::vector<std::string> programs;
  std::string alt_names_raw;              // CSV: the ';'-joined field; JSON: "" (use alt_names)
  std::vector<std::string> alt_names;     // JSON array elements
  std::vector<v1::Address> addresses;
  std::string addresses_raw;              // CSV field as published (kept in raw when parsed)
  std::vector<std::string> ids;           // CSV: "SA, 2022-06-23, ..., Passport" parts
  std::vector<v1::Identifier> identifiers;  // JSON: already structured
  std::string federal_register_notice, start_date, end_date, standard_order;
  std::string license_requirement, license_policy, remarks, source_list_url,
      source_information_url;
  std::string call_sign, vessel_type, gross_tonnage, gross_registered_tonnage, vessel_flag,
      vessel_owner;
  std::vector<std::string> dates_of_birth, places_of_birth, nationalities, citizenships;
  std::vector<std::pair<std::string, std::string>> extra;  // unknown columns, kept in raw
};

// Merges `record` into `entity` (a new entity or the one already holding this
// id): names (split with SplitCslNames), one Listing for the record, and the
// union of addresses, identifiers, dates and countries. Returns
// kInvalidArgument "file:line: field: message" for an unknown type or an
// unparseable start/end date; the entity may then be partly filled and must be
// discarded by the caller.
// A start/end date that is not a valid ISO date (the 2022 CSL has
// "0097-06-30") is kept as text only and noted in `notes`.
absl::Status MergeCslRecord(const CslRecord& record, absl::string_view file, int64_t line,
                            RowErrors* notes, v1::Entity* entity);

// The index of the first header cell that, lower-cased and trimmed, equals
// one of `names` (given in lower case), or -1.
int FindColumn(const std::vector<std::string>& header, std::initializer_list<absl::string_view> names);

// A month-first date ("7/8/2008"), else any loose spelling ("October,
// 1983"), else the text alone in `PartialDate.text` (ISN "N/A", "Waived on
// 9/19/03; ..."). Returns false in the last case.
bool ParseUsDateOrText(absl::string_view s, v1::PartialDate* out);

// Adds one CSL record to `list`: a new entity, or merged into the entity
// already read under the same id (`by_id` maps id → index in `list`). The id
// is the record's `_id`, else its entity_number, else derived from source and
// name. A record MergeCslRecord rejects is returned as the error in strict
// mode and skipped (recorded in `errors`) in lenient mode.
absl::Status AddCslRecord(const CslRecord& record, absl::string_view file, int64_t line,
                          bool lenient, RowErrors* errors,
                          absl::flat_hash_map<std::string, int>* by_id, v1::EntityList* list);

// Lists the named header columns: the number of cells up to the last
// non-empty header cell (publishers add a trailing empty column).
size_t NamedColumnCount(const std::vector<std::string>& header);

// Reads the next data row of a headed CSV/TSV list (DPL, ISN, ITAR) into
// `row`: rows whose fields are all empty are noted and skipped; a row with
// more fields than the header or fewer than `min_fields` is a bad row for
// `errors` (strict: returned as the error; lenient: skipped and recorded).
// `records` counts every non-blank row read. Returns false at end of input.
absl::StatusOr<bool> NextDataRow(CsvReader& reader, absl::string_view file, size_t header_size,
                                 size_t min_fields, RowErrors& errors, std::vector<std::string>* row,
                                 int64_t* records);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SOURCES_CSL_COMMON_H_
