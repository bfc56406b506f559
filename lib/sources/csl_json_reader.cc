// Reader of the trade.gov Consolidated Screening List JSON:
//   {"results": [{"id": ..., "source": ..., "name": ..., "alt_names": [...],
//     "addresses": [{"address", "city", "state", "postal_code", "country"}],
//     "ids": [{"type", "number", "country", "issue_date", "expiration_date"}],
//     "programs": [...], "dates_of_birth": [...], ...}], "total": N}
// Field names as in the CSV (`_id` or `id`); scalars may be strings or
// numbers, multi-valued fields arrays (or "; "-joined strings). Rows with the
// same id are one entity, as in the CSV reader. "total" must equal the number
// of results: a smaller array means a truncated download.
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "lib/sources/csl_common.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/readers.h"
#include "lib/util/countries.h"

namespace partyscreen::internal {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

// The text of a scalar value ("" for null, structs and lists).
std::string ScalarText(const Value& v) {
  switch (v.kind_case()) {
    case Value::kStringValue:
      return std::string(TrimSpace(v.string_value()));
    case Value::kNumberValue: {
      double d = v.number_value();
      if (d == static_cast<double>(static_cast<int64_t>(d))) return absl::StrCat(static_cast<int64_t>(d));
      return absl::StrCat(d);
    }
    case Value::kBoolValue:
      return v.bool_value() ? "true" : "false";
    default:
      return "";
  }
}

const Value* Field(const Struct& s, absl::string_view key) {
  auto it = s.fields().find(std::string(key));
  return it == s.fields().end() ? nullptr : &it->second;
}

std::string Str(const Struct& s, absl::string_view key) {
  const Value* v = Field(s, key);
  return v == nullptr ? "" : ScalarText(*v);
}

// An array of scalars, or a "; "-joined string.
std::vector<std::string> Strings(const Struct& s, absl::string_view key) {
  const Value* v = Field(s, key);
  std::vector<std::string> out;
  if (v == nullptr) return out;
  if (v->kind_case() == Value::kListValue) {
    for (const Value& x : v->list_value().values()) {
      std::string t = ScalarText(x);
      if (!t.empty()) out.push_back(t);
    }
  } else {
    out = SplitTrim(ScalarText(*v), ";");
  }
  return out;
}

constexpr const char* kKnown[] = {
    "_id", "id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order", "license_requirement",
    "license_policy", "call_sign", "vessel_type", "gross_tonnage", "gross_registered_tonnage",
    "vessel_flag", "vessel_owner", "remarks", "source_list_url", "alt_names", "citizenships",
    "dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids"};

}  // namespace

// Reads a CSL JSON file. Errors: kNotFound, kInvalidArgument (empty file,
// invalid UTF-8 or JSON, no "results" array, "total" not equal to the number
// of results, or in strict mode a malformed result "file:N: field: message",
// where N is the 1-based index of the result). Thread-safe.
absl::StatusOr<v1::EntityList> ReadCslJson(absl::string_view path, const ReadOptions& options) {
  auto loaded = LoadListFile(path);
  if (!loaded.ok()) return loaded.status();
  const LoadedFile& f = *loaded;
  v1::EntityList list;
  v1::ListSource* src = list.mutable_source();
  if (auto s = FillListSource(options, "us_csl", "csl_json", "US International Trade Administration",
                              "Consolidated Screening List", "", {&f}, src);
      !s.ok()) {
    return s;
  }
  RowErrors errors(options.lenient, src);
  Struct root;
  google::protobuf::util::JsonParseOptions jopts;
  jopts.ignore_unknown_fields = true;
  auto parsed = google::protobuf::util::JsonStringToMessage(f.decoded.text, &root, jopts);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(f.name, ": not valid JSON (truncated or malformed): ",
                                                   std::string(parsed.message())));
  }
  const Value* results = Field(root, "results");
  if (results == nullptr || results->kind_case() != Value::kListValue) {
    return absl::InvalidArgumentError(absl::StrCat(f.name, ": no \"results\" array"));
  }
  const int n = results->list_value().values_size();
  if (const Value* total = Field(root, "total"); total != nullptr) {
    if (total->kind_case() != Value::kNumberValue ||
        static_cast<int64_t>(total->number_value()) != n) {
      return absl::InvalidArgumentError(absl::StrCat(
          f.name, ": \"total\" is ", ScalarText(*total), " but the file holds ", n,
          " results; the download is truncated or incomplete"));
    }
  } else {
    errors.Note(f.name, 0, "total", "no \"total\"; the result count cannot be checked");
  }
  absl::flat_hash_map<std::string, int> by_id;
  int64_t records = 0;
  for (int i = 0; i < n; ++i) {
    const int64_t line = i + 1;  // the result's index stands in for a line
    ++records;
    const Value& v = results->list_value().values(i);
    if (v.kind_case() != Value::kStructValue) {
      if (auto s = errors.Skip(f.name, line, "results", "result is not an object"); !s.ok()) return s;
      continue;
    }
    const Struct& o = v.struct_value();
    CslRecord r;
    r.id = Str(o, "_id");
    if (r.id.empty()) r.id = Str(o, "id");
    r.source = Str(o, "source");
    r.entity_number = Str(o, "entity_number");
    r.type = Str(o, "type");
    r.programs = Strings(o, "programs");
    r.name = Str(o, "name");
    r.title = Str(o, "title");
    r.federal_register_notice = Str(o, "federal_register_notice");
    r.start_date = Str(o, "start_date");
    r.end_date = Str(o, "end_date");
    r.standard_order = Str(o, "standard_order");
    r.license_requirement = Str(o, "license_requirement");
    r.license_policy = Str(o, "license_policy");
    r.call_sign = Str(o, "call_sign");
    r.vessel_type = Str(o, "vessel_type");
    r.gross_tonnage = Str(o, "gross_tonnage");
    r.gross_registered_tonnage = Str(o, "gross_registered_tonnage");
    r.vessel_flag = Str(o, "vessel_flag");
    r.vessel_owner = Str(o, "vessel_owner");
    r.remarks = Str(o, "remarks");
    r.source_list_url = Str(o, "source_list_url");
    r.source_information_url = Str(o, "source_information_url");
    r.alt_names = Strings(o, "alt_names");
    r.citizenships = Strings(o, "citizenships");
    r.dates_of_birth = Strings(o, "dates_of_birth");
    r.nationalities = Strings(o, "nationalities");
    r.places_of_birth = Strings(o, "places_of_birth");
    if (const Value* a = Field(o, "addresses"); a != nullptr && a->kind_case() == Value::kListValue) {
      for (const Value& x : a->list_value().values()) {
        if (x.kind_case() == Value::kStringValue) {
          r.addresses.push_back(ParseCslAddress(x.string_value()));
          continue;
        }
        if (x.kind_case() != Value::kStructValue) continue;
        const Struct& ao = x.struct_value();
        v1::Address addr;
        std::string street = Str(ao, "address");
        if (!street.empty()) addr.add_lines(street);
        addr.set_city(Str(ao, "city"));
        addr.set_state(Str(ao, "state"));
        addr.set_postal_code(Str(ao, "postal_code"));
        addr.set_country(Str(ao, "country"));
        addr.set_country_code(CountryCode(addr.country()));
        if (addr.country_code().empty() && addr.country().size() == 2) {
          addr.set_country_code(addr.country());
        }
        std::string full;
        for (const std::string* p : std::initializer_list<const std::string*>{
                 &street, &addr.city(), &addr.state(), &addr.postal_code(), &addr.country()}) {
          if (p->empty()) continue;
          if (!full.empty()) full += ", ";
          full += *p;
        }
        addr.set_full(full);
        if (!full.empty()) r.addresses.push_back(std::move(addr));
      }
    }
    if (const Value* ids = Field(o, "ids"); ids != nullptr && ids->kind_case() == Value::kListValue) {
      for (const Value& x : ids->list_value().values()) {
        if (x.kind_case() == Value::kStringValue) {
          r.ids.push_back(x.string_value());
          continue;
        }
        if (x.kind_case() != Value::kStructValue) continue;
        const Struct& io = x.struct_value();
        v1::Identifier id;
        id.set_type(Str(io, "type"));
        id.set_kind(IdentifierKindFromLabel(id.type()));
        id.set_value(Str(io, "number"));
        id.set_country(Str(io, "country"));
        std::string code = CountryCode(id.country());
        if (code.empty() && id.country().size() == 2) code = id.country();
        id.set_country_code(code);
        std::vector<std::string> remarks;
        if (!Str(io, "issue_date").empty()) remarks.push_back(absl::StrCat("issued ", Str(io, "issue_date")));
        if (!Str(io, "expiration_date").empty()) {
          remarks.push_back(absl::StrCat("expires ", Str(io, "expiration_date")));
        }
        id.set_remarks(absl::StrJoin(remarks, "; "));
        r.identifiers.push_back(std::move(id));
      }
    }
    for (const auto& [k, val] : o.fields()) {
      bool known = false;
      for (const char* kn : kKnown) known = known || k == kn;
      if (!known) {
        std::string t = ScalarText(val);
        if (!t.empty()) r.extra.emplace_back(k, t);
      }
    }
    if (auto s = AddCslRecord(r, f.name, line, options.lenient, &errors, &by_id, &list); !s.ok()) {
      return s;
    }
  }
  SetFileRecords(src, f.name, records);
  if (auto s = RequireEntities(list, f.name); !s.ok()) return s;
  return list;
}

}  // namespace partyscreen::internal
