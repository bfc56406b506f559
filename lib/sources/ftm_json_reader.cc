// Reader of OpenSanctions FollowTheMoney (FtM) entity files: one JSON object
// per line, {"id", "schema", "properties": {"name": [...], ...}, "datasets",
// "first_seen", "last_seen", ...}, every property a list of strings.
//
// Only "things" that can be screened become entities: Person, Company,
// Organization, LegalEntity, PublicBody, Vessel, Airplane. Other records are
// folded into the entity they point at:
//   * Sanction (entity: [id]) → a Listing of that entity;
//   * Address (referenced by a thing's addressEntity) → an Address;
//   * Passport / Identification (holder: [id]) with a number → an Identifier.
// Records that carry nothing screenable (Ownership, Family, Directorship,
// an identification without a number, an unreferenced Address, a Sanction
// of an entity not in the file, unknown schemas) are skipped, each one
// recorded as a note in `ListSource.issues` — never silently.
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "lib/sources/dates.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/readers.h"
#include "lib/sources/script.h"
#include "lib/util/countries.h"

namespace partyscreen::internal {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;

struct Record {
  int64_t line = 0;
  std::string id;
  std::string schema;
  Struct object;  // the whole line
};

// The string values of property `key` (non-strings are skipped).
std::vector<std::string> Prop(const Struct& props, const char* key) {
  std::vector<std::string> out;
  auto it = props.fields().find(key);
  if (it == props.fields().end()) return out;
  auto add = [&](const Value& v) {
    if (v.kind_case() == Value::kStringValue) {
      absl::string_view s = TrimSpace(v.string_value());
      if (!s.empty()) out.emplace_back(s);
    }
  };
  if (it->second.kind_case() == Value::kListValue) {
    for (const Value& v : it->second.list_value().values()) add(v);
  } else {
    add(it->second);
  }
  return out;
}

const Struct& Props(const Record& r) {
  static const Struct* const kEmpty = new Struct();
  auto it = r.object.fields().find("properties");
  if (it == r.object.fields().end() || it->second.kind_case() != Value::kStructValue) return *kEmpty;
  return it->second.struct_value();
}

std::string TopString(const Struct& o, const char* key) {
  auto it = o.fields().find(key);
  if (it == o.fields().end() || it->second.kind_case() != Value::kStringValue) return "";
  return it->second.string_value();
}

v1::EntityKind ThingKind(absl::string_view schema, bool* is_thing) {
  *is_thing = true;
  if (schema == "Person") return v1::ENTITY_KIND_INDIVIDUAL;
  if (schema == "Company" || schema == "Organization" || schema == "PublicBody") {
    return v1::ENTITY_KIND_ORGANIZATION;
  }
  if (schema == "LegalEntity") return v1::ENTITY_KIND_UNKNOWN;
  if (schema == "Vessel") return v1::ENTITY_KIND_VESSEL;
  if (schema == "Airplane") return v1::ENTITY_KIND_AIRCRAFT;
  *is_thing = false;
  return v1::ENTITY_KIND_UNKNOWN;
}

// An FtM country code ("ru", "gb", "suhh") or name as ISO alpha-2, or "".
std::string Country(absl::string_view v) {
  std::string code = CountryCode(v);
  if (code.empty() && v.size() == 2 && absl::ascii_isalpha(static_cast<unsigned char>(v[0])) &&
      absl::ascii_isalpha(static_cast<unsigned char>(v[1]))) {
    code = absl::AsciiStrToUpper(v);
  }
  return code;
}

void AddUnique(google::protobuf::RepeatedPtrField<std::string>* f, absl::string_view v) {
  if (v.empty()) return;
  for (const auto& x : *f) {
    if (x == v) return;
  }
  f->Add(std::string(v));
}

void AddName(v1::Entity* e, const std::string& full, v1::NameKind kind, absl::string_view prop) {
  for (const auto& n : e->names()) {
    if (n.full() == full && n.kind() == kind) return;
  }
  v1::Name* n = e->add_names();
  n->set_full(full);
  n->set_kind(kind);
  n->set_script(DetectScript(full));
  n->set_publisher_type(std::string(prop));
}

struct IdProp {
  const char* prop;
  v1::IdentifierKind kind;
};

constexpr IdProp kIdProps[] = {
    {"idNumber", v1::IDENTIFIER_KIND_NATIONAL_ID},
    {"passportNumber", v1::IDENTIFIER_KIND_PASSPORT},
    {"innCode", v1::IDENTIFIER_KIND_TAX_ID},
    {"taxNumber", v1::IDENTIFIER_KIND_TAX_ID},
    {"vatCode", v1::IDENTIFIER_KIND_TAX_ID},
    {"ogrnCode", v1::IDENTIFIER_KIND_REGISTRATION_NUMBER},
    {"registrationNumber", v1::IDENTIFIER_KIND_REGISTRATION_NUMBER},
    {"kppCode", v1::IDENTIFIER_KIND_OTHER},
    {"okpoCode", v1::IDENTIFIER_KIND_OTHER},
    {"uniqueEntityId", v1::IDENTIFIER_KIND_OTHER},
    {"permId", v1::IDENTIFIER_KIND_OTHER},
    {"dunsCode", v1::IDENTIFIER_KIND_OTHER},
    {"imoNumber", v1::IDENTIFIER_KIND_IMO},
    {"mmsi", v1::IDENTIFIER_KIND_OTHER},
    {"callSign", v1::IDENTIFIER_KIND_CALL_SIGN},
    {"swiftBic", v1::IDENTIFIER_KIND_SWIFT_BIC},
    {"leiCode", v1::IDENTIFIER_KIND_LEI},
    {"isinCode", v1::IDENTIFIER_KIND_ISIN},
    {"email", v1::IDENTIFIER_KIND_EMAIL},
    {"website", v1::IDENTIFIER_KIND_WEBSITE},
    {"serialNumber", v1::IDENTIFIER_KIND_AIRCRAFT_SERIAL},
};

void AddIdentifier(v1::Entity* e, v1::IdentifierKind kind, absl::string_view type,
                   absl::string_view value, absl::string_view country) {
  for (const auto& x : e->identifiers()) {
    if (x.type() == type && x.value() == value) return;
  }
  v1::Identifier* id = e->add_identifiers();
  id->set_kind(kind);
  id->set_type(std::string(type));
  id->set_value(std::string(value));
  id->set_country(std::string(country));
  if (!country.empty()) id->set_country_code(Country(country));
}

// Parses an FtM date ("1970", "1970-05", "1970-05-12", or with a time).
absl::StatusOr<v1::PartialDate> FtmDate(absl::string_view s) {
  absl::string_view day = s.substr(0, std::min<size_t>(s.size(), 10));
  auto d = ParseIsoDate(day);
  if (d.ok()) d->set_text(std::string(s));
  return d;
}

void FillThing(const Record& r, v1::Entity* e) {
  const Struct& p = Props(r);
  for (const auto& v : Prop(p, "name")) AddName(e, v, v1::NAME_KIND_PRIMARY, "name");
  for (const auto& v : Prop(p, "alias")) AddName(e, v, v1::NAME_KIND_ALIAS, "alias");
  for (const auto& v : Prop(p, "abbreviation")) AddName(e, v, v1::NAME_KIND_ALIAS, "abbreviation");
  for (const auto& v : Prop(p, "weakAlias")) AddName(e, v, v1::NAME_KIND_WEAK_ALIAS, "weakAlias");
  for (const auto& v : Prop(p, "previousName")) AddName(e, v, v1::NAME_KIND_FORMER, "previousName");
  // Parts only when unambiguous (one value each; FtM lists all languages).
  auto first = Prop(p, "firstName"), last = Prop(p, "lastName"), middle = Prop(p, "middleName"),
       father = Prop(p, "fatherName"), title = Prop(p, "title");
  if (e->names_size() > 0 && first.size() <= 1 && last.size() <= 1 && middle.size() <= 1 &&
      father.size() <= 1 && (first.size() + last.size() > 0)) {
    auto* parts = e->mutable_names(0)->mutable_parts();
    if (!first.empty()) parts->set_given(first[0]);
    if (!last.empty()) parts->set_family(last[0]);
    if (!middle.empty()) parts->set_middle(middle[0]);
    if (!father.empty()) parts->set_patronymic(father[0]);
    if (title.size() == 1) parts->set_title(title[0]);
  }
  for (const auto& v : Prop(p, "birthDate")) {
    auto d = FtmDate(v);
    if (d.ok()) {
      *e->add_dates_of_birth() = *d;
    } else {
      auto* raw = e->add_raw();
      raw->set_name("birthDate");
      raw->set_value(v);
    }
  }
  for (const auto& v : Prop(p, "birthPlace")) AddUnique(e->mutable_places_of_birth(), v);
  for (const auto& v : Prop(p, "nationality")) {
    AddUnique(e->mutable_nationalities(), v);
    AddUnique(e->mutable_countries(), Country(v));
  }
  for (const auto& v : Prop(p, "citizenship")) {
    AddUnique(e->mutable_citizenships(), v);
    AddUnique(e->mutable_countries(), Country(v));
  }
  for (const char* key : {"country", "jurisdiction", "birthCountry", "mainCountry", "flag"}) {
    for (const auto& v : Prop(p, key)) AddUnique(e->mutable_countries(), Country(v));
  }
  for (const IdProp& ip : kIdProps) {
    for (const auto& v : Prop(p, ip.prop)) AddIdentifier(e, ip.kind, ip.prop, v, "");
  }
  for (const auto& v : Prop(p, "address")) {
    bool dup = false;
    for (const auto& a : e->addresses()) dup |= a.full() == v;
    if (!dup) e->add_addresses()->set_full(v);
  }
  auto gender = Prop(p, "gender");
  if (!gender.empty()) e->set_gender(gender[0]);
  e->set_title(absl::StrJoin(Prop(p, "position"), "; "));
  e->set_remarks(absl::StrJoin(Prop(p, "notes"), "\n"));
  if (e->kind() == v1::ENTITY_KIND_VESSEL) {
    auto* vessel = e->mutable_vessel();
    vessel->set_flag(absl::StrJoin(Prop(p, "flag"), "; "));
    vessel->set_vessel_type(absl::StrJoin(Prop(p, "type"), "; "));
    vessel->set_tonnage(absl::StrJoin(Prop(p, "tonnage"), "; "));
    vessel->set_gross_registered_tonnage(absl::StrJoin(Prop(p, "grossRegisteredTonnage"), "; "));
    vessel->set_call_sign(absl::StrJoin(Prop(p, "callSign"), "; "));
  }
  for (const char* key : {"topics", "programId"}) {
    for (const auto& v : Prop(p, key)) {
      auto* raw = e->add_raw();
      raw->set_name(key);
      raw->set_value(v);
    }
  }
  auto ds = r.object.fields().find("datasets");
  if (ds != r.object.fields().end() && ds->second.kind_case() == Value::kListValue) {
    for (const Value& v : ds->second.list_value().values()) {
      auto* raw = e->add_raw();
      raw->set_name("dataset");
      raw->set_value(v.string_value());
    }
  }
  for (const char* key : {"first_seen", "last_seen", "last_change"}) {
    std::string v = TopString(r.object, key);
    if (v.empty()) continue;
    auto* raw = e->add_raw();
    raw->set_name(key);
    raw->set_value(v);
  }
}

v1::Address AddressOf(const Record& r) {
  const Struct& p = Props(r);
  v1::Address a;
  for (const auto& v : Prop(p, "street")) a.add_lines(v);
  for (const auto& v : Prop(p, "street2")) a.add_lines(v);
  auto first = [&](const char* k) {
    auto v = Prop(p, k);
    return v.empty() ? std::string() : v[0];
  };
  a.set_city(first("city"));
  a.set_state(first("region"));
  a.set_postal_code(first("postalCode"));
  std::string country = first("country");
  a.set_country_code(Country(country));
  a.set_country(country);
  std::string full = first("full");
  if (full.empty()) {
    std::vector<std::string> parts(a.lines().begin(), a.lines().end());
    for (const std::string& s : {a.city(), a.state(), a.postal_code(), a.country()}) {
      if (!s.empty()) parts.push_back(s);
    }
    full = absl::StrJoin(parts, ", ");
  }
  a.set_full(full);
  return a;
}

}  // namespace

absl::StatusOr<v1::EntityList> ReadFtmJson(absl::string_view path, const ReadOptions& options) {
  auto file = LoadListFile(path);
  if (!file.ok()) return file.status();
  const std::string& text = file->decoded.text;
  v1::EntityList list;
  v1::ListSource* source = list.mutable_source();
  if (auto s = FillListSource(options, "opensanctions", "ftm_json", "OpenSanctions",
                              "OpenSanctions FollowTheMoney entities", "", {&*file}, source);
      !s.ok()) {
    return s;
  }
  RowErrors errors(options.lenient, source);
  const std::string& name = file->name;

  // Pass 1: parse every line.
  std::vector<Record> records;
  absl::flat_hash_map<std::string, size_t> by_id;
  int64_t line_no = 0;
  int64_t read = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    line = TrimSpace(line);
    if (line.empty()) continue;
    ++read;
    Record r;
    r.line = line_no;
    auto st = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(line.data(), line.size()), &r.object);
    if (!st.ok()) {
      if (auto s = errors.Skip(name, line_no, "json",
                               absl::StrCat("malformed JSON: ", st.message().as_string()));
          !s.ok()) {
        return s;
      }
      continue;
    }
    r.id = TopString(r.object, "id");
    r.schema = TopString(r.object, "schema");
    absl::string_view missing = r.id.empty() ? "id" : r.schema.empty() ? "schema" : "";
    if (!missing.empty()) {
      if (auto s = errors.Skip(name, line_no, missing, "missing or not a string"); !s.ok()) return s;
      continue;
    }
    auto pit = r.object.fields().find("properties");
    if (pit == r.object.fields().end() || pit->second.kind_case() != Value::kStructValue) {
      if (auto s = errors.Skip(name, line_no, "properties", "missing or not an object"); !s.ok()) {
        return s;
      }
      continue;
    }
    if (!by_id.emplace(r.id, records.size()).second) {
      if (auto s = errors.Skip(name, line_no, "id",
                               absl::StrCat("duplicate id '", r.id, "' (first on line ",
                                            records[by_id[r.id]].line, ")"));
          !s.ok()) {
        return s;
      }
      continue;
    }
    records.push_back(std::move(r));
  }

  // Pass 2: the things, in file order.
  absl::flat_hash_map<std::string, int> entity_index;
  for (const Record& r : records) {
    bool is_thing;
    v1::EntityKind kind = ThingKind(r.schema, &is_thing);
    if (!is_thing) continue;
    v1::Entity e;
    e.set_list_id(source->list_id());
    e.set_entity_id(r.id);
    e.set_kind(kind);
    e.set_source_line(static_cast<int32_t>(r.line));
    e.set_source_file(name);
    FillThing(r, &e);
    if (e.names_size() == 0) {
      if (auto s = errors.Skip(name, r.line, "name", absl::StrCat(r.schema, " without a name"));
          !s.ok()) {
        return s;
      }
      continue;
    }
    entity_index[r.id] = list.entities_size();
    *list.add_entities() = std::move(e);
  }

  // Pass 3: addresses referenced by things.
  absl::flat_hash_set<std::string> used_addresses;
  for (const Record& r : records) {
    auto ei = entity_index.find(r.id);
    if (ei == entity_index.end()) continue;
    v1::Entity* e = list.mutable_entities(ei->second);
    for (const auto& ref : Prop(Props(r), "addressEntity")) {
      auto ai = by_id.find(ref);
      if (ai == by_id.end() || records[ai->second].schema != "Address") {
        errors.Note(name, r.line, "addressEntity",
                    absl::StrCat("address '", ref, "' is not in the file"));
        continue;
      }
      v1::Address a = AddressOf(records[ai->second]);
      used_addresses.insert(ref);
      bool dup = false;
      for (const auto& x : e->addresses()) dup |= x.full() == a.full();
      if (!dup) {
        AddUnique(e->mutable_countries(), a.country_code());
        *e->add_addresses() = std::move(a);
      }
    }
  }

  // Pass 4: the other records.
  for (const Record& r : records) {
    if (entity_index.count(r.id)) continue;
    bool is_thing;
    ThingKind(r.schema, &is_thing);
    if (is_thing) continue;  // a thing skipped above
    const Struct& p = Props(r);
    if (r.schema == "Sanction") {
      auto targets = Prop(p, "entity");
      bool attached = false;
      for (const auto& t : targets) {
        auto ei = entity_index.find(t);
        if (ei == entity_index.end()) continue;
        v1::Listing* l = list.mutable_entities(ei->second)->add_listings();
        l->set_source_list(absl::StrJoin(Prop(p, "authority"), "; "));
        for (const auto& v : Prop(p, "programId")) l->add_programs(v);
        l->set_regime(absl::StrJoin(Prop(p, "program"), "; "));
        auto first_date = [&](const char* k) -> absl::optional<v1::PartialDate> {
          for (const auto& v : Prop(p, k)) {
            auto d = FtmDate(v);
            if (d.ok()) return *d;
          }
          return absl::nullopt;
        };
        if (auto d = first_date("startDate")) {
          *l->mutable_start_date() = *d;
        } else if (auto d2 = first_date("listingDate")) {
          *l->mutable_start_date() = *d2;
        }
        if (auto d = first_date("endDate")) *l->mutable_end_date() = *d;
        if (auto d = first_date("modifiedAt")) *l->mutable_last_updated() = *d;
        std::vector<std::string> remarks = Prop(p, "reason");
        for (auto& v : Prop(p, "provisions")) remarks.push_back(v);
        l->set_remarks(absl::StrJoin(remarks, "\n"));
        auto urls = Prop(p, "sourceUrl");
        if (!urls.empty()) l->set_source_url(urls[0]);
        attached = true;
      }
      if (!attached) {
        errors.Note(name, r.line, "entity",
                    absl::StrCat("Sanction ", r.id, " names no entity in the file; skipped"));
      }
    } else if (r.schema == "Address") {
      if (!used_addresses.count(r.id)) {
        errors.Note(name, r.line, "schema",
                    absl::StrCat("Address ", r.id, " is referenced by no entity; skipped"));
      }
    } else if (r.schema == "Passport" || r.schema == "Identification") {
      auto numbers = Prop(p, "number");
      bool attached = false;
      for (const auto& h : Prop(p, "holder")) {
        auto ei = entity_index.find(h);
        if (ei == entity_index.end() || numbers.empty()) continue;
        auto types = Prop(p, "type");
        auto countries = Prop(p, "country");
        for (const auto& num : numbers) {
          AddIdentifier(list.mutable_entities(ei->second),
                        r.schema == "Passport" ? v1::IDENTIFIER_KIND_PASSPORT
                                               : v1::IDENTIFIER_KIND_OTHER,
                        types.empty() ? r.schema : types[0], num,
                        countries.empty() ? "" : countries[0]);
        }
        attached = true;
      }
      if (!attached) {
        errors.Note(name, r.line, "schema",
                    absl::StrCat(r.schema, " ", r.id,
                                 " carries no number for an entity in the file; skipped"));
      }
    } else {
      errors.Note(name, r.line, "schema",
                  absl::StrCat(r.schema, " ", r.id, " is not a screenable party; skipped"));
    }
  }
  SetFileRecords(source, name, read);
  if (auto s = RequireEntities(list, name); !s.ok()) return s;
  return list;
}

}  // namespace partyscreen::internal
