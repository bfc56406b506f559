// Dates, entity fingerprints and entity-level list diffs (partyscreen/audit.h).
#include <algorithm>
#include <cstdio>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "lib/util/json.h"
#include "lib/util/sha256.h"
#include "partyscreen/audit.h"
#include "partyscreen/result.h"

namespace partyscreen {

absl::StatusOr<absl::CivilDay> ParseDay(absl::string_view text) {
  auto bad = [&] {
    return absl::InvalidArgumentError("date must be written YYYY-MM-DD (e.g. 2019-10-09)");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int y = 0, m = 0, d = 0;
  if (!absl::SimpleAtoi(text.substr(0, 4), &y) || !absl::SimpleAtoi(text.substr(5, 2), &m) ||
      !absl::SimpleAtoi(text.substr(8, 2), &d)) {
    return bad();
  }
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return bad();
  }
  absl::CivilDay day(y, m, d);
  if (day.year() != y || day.month() != m || day.day() != d || y < 1) {
    return absl::InvalidArgumentError(absl::StrCat("date ", text, " does not exist"));
  }
  return day;
}

std::string FormatDay(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

absl::optional<absl::CivilDay> EarliestDay(const v1::PartialDate& date) {
  if (date.year() <= 0) return absl::nullopt;
  int m = date.month() >= 1 && date.month() <= 12 ? date.month() : 1;
  int d = date.day() >= 1 && date.day() <= 31 ? date.day() : 1;
  return absl::CivilDay(date.year(), m, d);
}

std::string CanonicalEntityBytes(const v1::Entity& entity) {
  v1::Entity copy = entity;
  copy.clear_source_line();
  copy.clear_source_file();
  std::string out;
  {
    google::protobuf::io::StringOutputStream sos(&out);
    google::protobuf::io::CodedOutputStream cos(&sos);
    cos.SetSerializationDeterministic(true);
    copy.SerializeToCodedStream(&cos);
  }
  return out;
}

std::string EntityFingerprint(const v1::Entity& entity) {
  return internal::Sha256Hex(CanonicalEntityBytes(entity));
}

namespace {

std::string DateText(const v1::PartialDate& d) {
  if (!d.text().empty()) return d.text();
  if (d.year() <= 0) return "";
  std::string s = absl::StrFormat("%04d", d.year());
  if (d.month() > 0) absl::StrAppendFormat(&s, "-%02d", d.month());
  if (d.day() > 0) absl::StrAppendFormat(&s, "-%02d", d.day());
  if (d.end_year() > 0) absl::StrAppendFormat(&s, " to %04d", d.end_year());
  return s;
}

std::string AddressText(const v1::Address& a) {
  std::vector<std::string> parts;
  if (!a.full().empty()) {
    parts.push_back(a.full());
  } else {
    for (const auto& l : a.lines()) parts.push_back(l);
    for (const std::string* p : {&a.city(), &a.state(), &a.postal_code(), &a.country()}) {
      if (!p->empty()) parts.push_back(*p);
    }
  }
  std::string s = absl::StrJoin(parts, ", ");
  if (!a.remarks().empty()) absl::StrAppend(&s, " (", a.remarks(), ")");
  return s;
}

std::string IdentifierText(const v1::Identifier& id) {
  std::string s = absl::StrCat(id.type().empty() ? "id" : id.type(), " ", id.value());
  if (!id.country().empty()) absl::StrAppend(&s, " (", id.country(), ")");
  if (!id.remarks().empty()) absl::StrAppend(&s, " [", id.remarks(), "]");
  return s;
}

using Values = std::vector<std::string>;

// The display values of each compared field of an entity.
std::vector<std::pair<std::string, Values>> Fields(const v1::Entity& e) {
  std::vector<std::pair<std::string, Values>> f;
  f.push_back({"kind", {std::string(EntityKindName(e.kind()))}});
  Values primary, aliases;
  for (const auto& n : e.names()) {
    if (n.kind() == v1::NAME_KIND_PRIMARY) {
      primary.push_back(n.full());
    } else {
      aliases.push_back(absl::StrCat(NameKindName(n.kind()), ": ", n.full()));
    }
  }
  f.push_back({"name", primary});
  f.push_back({"aliases", aliases});
  Values addresses;
  for (const auto& a : e.addresses()) addresses.push_back(AddressText(a));
  f.push_back({"addresses", addresses});
  Values programs, sources, dates, citations, details;
  for (const auto& l : e.listings()) {
    for (const auto& p : l.programs()) programs.push_back(p);
    if (!l.source_list().empty()) sources.push_back(l.source_list());
    std::string start = DateText(l.start_date()), end = DateText(l.end_date()),
                upd = DateText(l.last_updated());
    if (!start.empty() || !end.empty() || !upd.empty()) {
      std::string s = absl::StrCat(l.source_list().empty() ? "listed" : l.source_list(), ": ",
                                   start.empty() ? "?" : start);
      if (!end.empty()) absl::StrAppend(&s, " until ", end);
      if (!upd.empty()) absl::StrAppend(&s, " (updated ", upd, ")");
      dates.push_back(s);
    }
    if (!l.federal_register_notice().empty()) citations.push_back(l.federal_register_notice());
    for (const auto& [label, value] :
         std::vector<std::pair<const char*, const std::string*>>{
             {"license requirement", &l.license_requirement()},
             {"license policy", &l.license_policy()},
             {"standard order", &l.standard_order()},
             {"remarks", &l.remarks()},
             {"url", &l.source_url()},
             {"regime", &l.regime()}}) {
      if (!value->empty()) details.push_back(absl::StrCat(label, ": ", *value));
    }
  }
  std::sort(programs.begin(), programs.end());
  programs.erase(std::unique(programs.begin(), programs.end()), programs.end());
  f.push_back({"programs", programs});
  f.push_back({"source_lists", sources});
  f.push_back({"listing_dates", dates});
  f.push_back({"citations", citations});
  f.push_back({"listing_details", details});
  Values ids;
  for (const auto& id : e.identifiers()) ids.push_back(IdentifierText(id));
  f.push_back({"identifiers", ids});
  Values dobs;
  for (const auto& d : e.dates_of_birth()) dobs.push_back(DateText(d));
  f.push_back({"dates_of_birth", dobs});
  f.push_back({"places_of_birth", Values(e.places_of_birth().begin(), e.places_of_birth().end())});
  f.push_back({"nationalities", Values(e.nationalities().begin(), e.nationalities().end())});
  f.push_back({"citizenships", Values(e.citizenships().begin(), e.citizenships().end())});
  f.push_back({"countries", Values(e.countries().begin(), e.countries().end())});
  f.push_back({"title", e.title().empty() ? Values{} : Values{e.title()}});
  f.push_back({"gender", e.gender().empty() ? Values{} : Values{e.gender()}});
  f.push_back({"remarks", e.remarks().empty() ? Values{} : Values{e.remarks()}});
  Values vessel;
  const v1::Vessel& v = e.vessel();
  for (const auto& [label, value] : std::vector<std::pair<const char*, const std::string*>>{
           {"call sign", &v.call_sign()},
           {"type", &v.vessel_type()},
           {"tonnage", &v.tonnage()},
           {"GRT", &v.gross_registered_tonnage()},
           {"flag", &v.flag()},
           {"owner", &v.owner()}}) {
    if (!value->empty()) vessel.push_back(absl::StrCat(label, ": ", *value));
  }
  f.push_back({"vessel", vessel});
  f.push_back({"linked_to", Values(e.linked_to().begin(), e.linked_to().end())});
  return f;
}

// Multiset difference: values of `a` not matched in `b`.
Values Minus(Values a, Values b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  Values out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

bool IdLess(const std::string& a, const std::string& b) {
  uint64_t x, y;
  bool na = absl::SimpleAtoi(a, &x), nb = absl::SimpleAtoi(b, &y);
  if (na && nb) return x < y;
  if (na != nb) return na;  // numbers first
  return a < b;
}

std::string PrimaryName(const v1::Entity& e) {
  for (const auto& n : e.names()) {
    if (n.kind() == v1::NAME_KIND_PRIMARY) return n.full();
  }
  return e.names_size() > 0 ? e.names(0).full() : "";
}

void AppendArray(const Values& v, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out->append(", ");
    internal::AppendJsonString(v[i], out);
  }
  out->push_back(']');
}

}  // namespace

std::vector<FieldChange> DiffEntities(const v1::Entity& old_entity, const v1::Entity& new_entity) {
  std::vector<FieldChange> out;
  auto a = Fields(old_entity), b = Fields(new_entity);
  for (size_t i = 0; i < a.size(); ++i) {
    FieldChange c;
    c.field = a[i].first;
    c.removed = Minus(a[i].second, b[i].second);
    c.added = Minus(b[i].second, a[i].second);
    if (!c.removed.empty() || !c.added.empty()) out.push_back(std::move(c));
  }
  if (out.empty() && CanonicalEntityBytes(old_entity) != CanonicalEntityBytes(new_entity)) {
    out.push_back(FieldChange{"other", {}, {}});
  }
  return out;
}

absl::string_view ChangeTypeName(ChangeType type) {
  switch (type) {
    case ChangeType::kAdded: return "added";
    case ChangeType::kRemoved: return "removed";
    case ChangeType::kChanged: return "changed";
  }
  return "changed";
}

absl::StatusOr<ListDiff> DiffLists(const v1::EntityList& old_list, const v1::EntityList& new_list) {
  if (old_list.source().list_id() != new_list.source().list_id()) {
    return absl::InvalidArgumentError(absl::StrCat("cannot diff different lists: '", old_list.source().list_id(),
                                                   "' and '", new_list.source().list_id(), "'"));
  }
  ListDiff diff;
  diff.list_id = new_list.source().list_id();
  diff.old_publication_date = old_list.source().publication_date();
  diff.new_publication_date = new_list.source().publication_date();
  diff.old_sha256 = old_list.source().sha256();
  diff.new_sha256 = new_list.source().sha256();
  diff.old_entities = old_list.entities_size();
  diff.new_entities = new_list.entities_size();
  auto index = [](const v1::EntityList& l, const char* which)
      -> absl::StatusOr<absl::flat_hash_map<std::string, const v1::Entity*>> {
    absl::flat_hash_map<std::string, const v1::Entity*> m;
    for (const auto& e : l.entities()) {
      if (!m.emplace(e.entity_id(), &e).second) {
        return absl::InvalidArgumentError(absl::StrCat(which, " list ", l.source().list_id(), ": entity id ",
                                                       e.entity_id(), " repeats"));
      }
    }
    return m;
  };
  auto old_ids = index(old_list, "old");
  if (!old_ids.ok()) return old_ids.status();
  auto new_ids = index(new_list, "new");
  if (!new_ids.ok()) return new_ids.status();
  for (const auto& e : new_list.entities()) {
    auto it = old_ids->find(e.entity_id());
    if (it == old_ids->end()) {
      diff.changes.push_back({ChangeType::kAdded, e.entity_id(), PrimaryName(e), {}, nullptr, &e});
      diff.added++;
      continue;
    }
    auto fields = DiffEntities(*it->second, e);
    if (fields.empty()) {
      diff.unchanged++;
    } else {
      diff.changes.push_back({ChangeType::kChanged, e.entity_id(), PrimaryName(e), std::move(fields), it->second, &e});
      diff.changed++;
    }
  }
  for (const auto& e : old_list.entities()) {
    if (new_ids->contains(e.entity_id())) continue;
    diff.changes.push_back({ChangeType::kRemoved, e.entity_id(), PrimaryName(e), {}, &e, nullptr});
    diff.removed++;
  }
  std::sort(diff.changes.begin(), diff.changes.end(),
            [](const EntityChange& x, const EntityChange& y) { return IdLess(x.entity_id, y.entity_id); });
  return diff;
}

std::string ListDiffToText(const ListDiff& d) {
  std::string out = absl::StrFormat(
      "list %s: %s (%d entities) -> %s (%d entities)\n  added %d, removed %d, changed %d, unchanged %d\n",
      d.list_id, d.old_publication_date.empty() ? "undated" : d.old_publication_date, d.old_entities,
      d.new_publication_date.empty() ? "undated" : d.new_publication_date, d.new_entities, d.added, d.removed,
      d.changed, d.unchanged);
  for (const auto& c : d.changes) {
    absl::StrAppend(&out, "\n", ChangeTypeName(c.type), " ", d.list_id, "/", c.entity_id, ": ", c.name, "\n");
    for (const auto& f : c.fields) {
      absl::StrAppend(&out, "  ", f.field, ":\n");
      for (const auto& v : f.removed) absl::StrAppend(&out, "    - ", v, "\n");
      for (const auto& v : f.added) absl::StrAppend(&out, "    + ", v, "\n");
    }
  }
  return out;
}

std::string EntityChangeToJson(absl::string_view list_id, const EntityChange& c) {
  std::string out = "{\"change\": ";
  internal::AppendJsonString(ChangeTypeName(c.type), &out);
  out += ", \"list\": ";
  internal::AppendJsonString(list_id, &out);
  out += ", \"entity_id\": ";
  internal::AppendJsonString(c.entity_id, &out);
  out += ", \"name\": ";
  internal::AppendJsonString(c.name, &out);
  out += ", \"fields\": [";
  for (size_t i = 0; i < c.fields.size(); ++i) {
    if (i) out += ", ";
    out += "{\"field\": ";
    internal::AppendJsonString(c.fields[i].field, &out);
    out += ", \"removed\": ";
    AppendArray(c.fields[i].removed, &out);
    out += ", \"added\": ";
    AppendArray(c.fields[i].added, &out);
    out += "}";
  }
  out += "]}";
  return out;
}

std::string ListDiffSummaryJson(const ListDiff& d) {
  std::string out = "{\"diff\": {\"list\": ";
  internal::AppendJsonString(d.list_id, &out);
  out += ", \"old\": {\"publication_date\": ";
  internal::AppendJsonString(d.old_publication_date, &out);
  out += ", \"sha256\": ";
  internal::AppendJsonString(d.old_sha256, &out);
  absl::StrAppend(&out, ", \"entities\": ", d.old_entities, "}, \"new\": {\"publication_date\": ");
  internal::AppendJsonString(d.new_publication_date, &out);
  out += ", \"sha256\": ";
  internal::AppendJsonString(d.new_sha256, &out);
  absl::StrAppend(&out, ", \"entities\": ", d.new_entities, "}, \"added\": ", d.added, ", \"removed\": ", d.removed,
                  ", \"changed\": ", d.changed, ", \"unchanged\": ", d.unchanged, "}}");
  return out;
}

}  // namespace partyscreen
