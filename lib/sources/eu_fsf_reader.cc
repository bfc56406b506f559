// Reader of the EU Financial Sanctions Files (FSF) XML export
// (namespace http://eu.europa.eu/fpi/fsd/export; accepted with or without
// it, and with a prefix):
//
//   <export generationDate="2024-05-01T10:00:00">
//     <sanctionEntity logicalId="13" euReferenceNumber="EU.27.28"
//                     designationDate="2001-12-28" unitedNationId="...">
//       <regulation programme="TERR" numberTitle="..." publicationDate="...">
//         <publicationUrl>https://eur-lex.europa.eu/...</publicationUrl></regulation>
//       <subjectType code="person|enterprise"/>
//       <nameAlias firstName middleName lastName wholeName function gender
//                  title nameLanguage strong="true|false" logicalId/>
//       <citizenship countryIso2Code countryDescription/>
//       <birthdate birthdate="1960-01-12" year dayOfMonth monthOfYear circa
//                  city region place countryIso2Code countryDescription/>
//       <identification identificationTypeCode="passport" number
//                       countryIso2Code countryDescription/>
//       <address street poBox city zipCode region countryIso2Code
//                countryDescription/>
//       <remark>...</remark>
//     </sanctionEntity>
//   </export>
//
// entity_id = logicalId. The first nameAlias is the PRIMARY name; later
// ones are ALIAS when strong="true" (or unstated) and WEAK_ALIAS when
// strong="false". NOTE: written from the published schema; no full real
// FSF file was available when this reader was written, only fixtures.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/sources/dates.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/readers.h"
#include "lib/sources/script.h"
#include "lib/util/countries.h"
#include "pugixml.hpp"

namespace partyscreen::internal {
namespace {

// The element name without a namespace prefix.
absl::string_view LocalName(const pugi::xml_node& n) {
  absl::string_view s = n.name();
  size_t colon = s.find(':');
  return colon == absl::string_view::npos ? s : s.substr(colon + 1);
}

std::vector<pugi::xml_node> Children(const pugi::xml_node& n, absl::string_view local) {
  std::vector<pugi::xml_node> out;
  for (auto c : n.children()) {
    if (c.type() == pugi::node_element && LocalName(c) == local) out.push_back(c);
  }
  return out;
}

std::string Attr(const pugi::xml_node& n, const char* name) {
  return std::string(TrimSpace(n.attribute(name).value()));
}

std::string JoinNonEmpty(const std::vector<std::string>& parts, absl::string_view sep) {
  std::vector<absl::string_view> keep;
  for (const auto& p : parts) {
    if (!p.empty()) keep.push_back(p);
  }
  return absl::StrJoin(keep, sep);
}

class LineMap {
 public:
  explicit LineMap(absl::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') newlines_.push_back(i);
    }
  }
  int64_t Line(ptrdiff_t offset) const {
    if (offset < 0) return 0;
    return 1 + static_cast<int64_t>(std::lower_bound(newlines_.begin(), newlines_.end(),
                                                      static_cast<size_t>(offset)) -
                                     newlines_.begin());
  }

 private:
  std::vector<size_t> newlines_;
};

// A usable ISO code from an FSF countryIso2Code ("00" = unknown).
std::string Iso2(absl::string_view code, absl::string_view description) {
  std::string c = absl::AsciiStrToUpper(code);
  if (c.size() == 2 && c != "00") return c;
  return description.empty() ? "" : CountryCode(description);
}

void AddUnique(google::protobuf::RepeatedPtrField<std::string>* f, absl::string_view v) {
  if (v.empty()) return;
  for (const auto& x : *f) {
    if (x == v) return;
  }
  f->Add(std::string(v));
}

absl::optional<v1::PartialDate> ParseDate(absl::string_view s) {
  if (s.empty()) return absl::nullopt;
  auto d = ParseIsoDate(s.substr(0, std::min<size_t>(s.size(), 10)));
  if (!d.ok()) return absl::nullopt;
  d->set_text(std::string(s));
  return *d;
}

bool ReadEntity(const pugi::xml_node& n, v1::Entity* e, std::string* field, std::string* error) {
  e->set_entity_id(Attr(n, "logicalId"));
  if (e->entity_id().empty()) {
    *field = "logicalId";
    *error = "missing";
    return false;
  }
  auto subject = Children(n, "subjectType");
  std::string code = subject.empty() ? "" : absl::AsciiStrToLower(Attr(subject[0], "code"));
  if (code == "person") {
    e->set_kind(v1::ENTITY_KIND_INDIVIDUAL);
  } else if (code == "enterprise") {
    e->set_kind(v1::ENTITY_KIND_ORGANIZATION);
  } else if (code == "vessel") {
    e->set_kind(v1::ENTITY_KIND_VESSEL);
  } else if (code == "aircraft") {
    e->set_kind(v1::ENTITY_KIND_AIRCRAFT);
  } else {
    *field = "subjectType";
    *error = code.empty() ? "missing" : absl::StrCat("unknown subject type '", code, "'");
    return false;
  }
  std::vector<std::string> functions;
  for (auto a : Children(n, "nameAlias")) {
    v1::Name name;
    std::string first = Attr(a, "firstName"), middle = Attr(a, "middleName"),
                last = Attr(a, "lastName"), whole = Attr(a, "wholeName");
    name.set_full(whole.empty() ? JoinNonEmpty({first, middle, last}, " ") : whole);
    if (name.full().empty()) continue;
    std::string strong = absl::AsciiStrToLower(Attr(a, "strong"));
    if (e->names_size() == 0) {
      name.set_kind(v1::NAME_KIND_PRIMARY);
    } else {
      name.set_kind(strong == "false" ? v1::NAME_KIND_WEAK_ALIAS : v1::NAME_KIND_ALIAS);
    }
    name.set_quality(strong.empty() ? "" : absl::StrCat("strong=", strong));
    name.set_language(Attr(a, "nameLanguage"));
    name.set_script(DetectScript(name.full()));
    auto* parts = name.mutable_parts();
    parts->set_given(first);
    parts->set_middle(middle);
    parts->set_family(last);
    parts->set_title(Attr(a, "title"));
    bool dup = false;
    for (const auto& x : e->names()) dup |= x.full() == name.full() && x.kind() == name.kind();
    if (!dup) *e->add_names() = std::move(name);
    std::string gender = Attr(a, "gender");
    if (e->gender().empty() && !gender.empty()) {
      e->set_gender(gender == "M" ? "Male" : gender == "F" ? "Female" : gender);
    }
    std::string function = Attr(a, "function");
    if (!function.empty() && std::find(functions.begin(), functions.end(), function) == functions.end()) {
      functions.push_back(function);
    }
  }
  if (e->names_size() == 0) {
    *field = "nameAlias";
    *error = "the entity has no name";
    return false;
  }
  e->set_title(absl::StrJoin(functions, "; "));
  for (auto c : Children(n, "citizenship")) {
    std::string desc = Attr(c, "countryDescription");
    std::string iso = Iso2(Attr(c, "countryIso2Code"), desc);
    AddUnique(e->mutable_citizenships(), desc.empty() ? iso : desc);
    AddUnique(e->mutable_countries(), iso);
  }
  for (auto b : Children(n, "birthdate")) {
    std::string full = Attr(b, "birthdate"), year = Attr(b, "year");
    v1::PartialDate d;
    if (!full.empty()) {
      auto p = ParseDate(full);
      if (!p) {
        *field = "birthdate";
        *error = absl::StrCat("'", full, "' is not a YYYY-MM-DD date");
        return false;
      }
      d = *p;
    } else if (!year.empty()) {
      int y = 0, m = 0, day = 0;
      std::string month = Attr(b, "monthOfYear"), dom = Attr(b, "dayOfMonth");
      if (!absl::SimpleAtoi(year, &y) || (!month.empty() && !absl::SimpleAtoi(month, &m)) ||
          (!dom.empty() && !absl::SimpleAtoi(dom, &day))) {
        *field = "birthdate";
        *error = absl::StrCat("year/month/day '", year, "/", month, "/", dom, "' is not a date");
        return false;
      }
      std::string iso = absl::StrCat(y);
      if (m > 0) absl::StrAppend(&iso, "-", m < 10 ? "0" : "", m);
      if (m > 0 && day > 0) absl::StrAppend(&iso, "-", day < 10 ? "0" : "", day);
      auto p = ParseIsoDate(iso);
      if (!p.ok()) {
        *field = "birthdate";
        *error = absl::StrCat("year '", year, "' is not a valid date");
        return false;
      }
      d = *p;
      d.set_text(iso);
    }
    if (d.year() != 0) {
      if (absl::AsciiStrToLower(Attr(b, "circa")) == "true") d.set_approximate(true);
      *e->add_dates_of_birth() = d;
    }
    // countryIso2Code "00" is the publisher's "UNKNOWN": not a place.
    std::string country = Attr(b, "countryIso2Code") == "00" ? "" : Attr(b, "countryDescription");
    std::string place =
        JoinNonEmpty({Attr(b, "place"), Attr(b, "city"), Attr(b, "region"), country}, ", ");
    AddUnique(e->mutable_places_of_birth(), place);
  }
  for (auto i : Children(n, "identification")) {
    std::string number = Attr(i, "number");
    if (number.empty()) number = Attr(i, "latinNumber");
    if (number.empty()) continue;
    v1::Identifier* id = e->add_identifiers();
    std::string type = absl::AsciiStrToLower(Attr(i, "identificationTypeCode"));
    id->set_kind(type == "passport" ? v1::IDENTIFIER_KIND_PASSPORT
                 : type == "id"     ? v1::IDENTIFIER_KIND_NATIONAL_ID
                 : type == "fiscalcode" || type == "tax" ? v1::IDENTIFIER_KIND_TAX_ID
                 : type == "regnumber" ? v1::IDENTIFIER_KIND_REGISTRATION_NUMBER
                 : type == "imo" ? v1::IDENTIFIER_KIND_IMO
                 : v1::IDENTIFIER_KIND_OTHER);
    std::string desc = Attr(i, "identificationTypeDescription");
    id->set_type(desc.empty() ? Attr(i, "identificationTypeCode") : desc);
    id->set_value(number);
    id->set_country(Attr(i, "countryDescription"));
    id->set_country_code(Iso2(Attr(i, "countryIso2Code"), id->country()));
    std::vector<std::string> remarks;
    for (const char* flag : {"diplomatic", "knownExpired", "knownFalse", "reportedLost",
                             "revokedByIssuer"}) {
      if (absl::AsciiStrToLower(Attr(i, flag)) == "true") remarks.push_back(flag);
    }
    for (auto r : Children(i, "remark")) remarks.push_back(std::string(TrimSpace(r.text().get())));
    id->set_remarks(JoinNonEmpty(remarks, "; "));
  }
  for (auto a : Children(n, "address")) {
    v1::Address addr;
    for (const char* k : {"street", "poBox"}) {
      std::string v = Attr(a, k);
      if (!v.empty()) addr.add_lines(v);
    }
    addr.set_city(Attr(a, "city"));
    addr.set_state(Attr(a, "region"));
    addr.set_postal_code(Attr(a, "zipCode"));
    addr.set_country(Attr(a, "countryDescription"));
    addr.set_country_code(Iso2(Attr(a, "countryIso2Code"), addr.country()));
    std::vector<std::string> parts(addr.lines().begin(), addr.lines().end());
    for (const std::string& s : {addr.city(), addr.state(), addr.postal_code(), addr.country()}) {
      parts.push_back(s);
    }
    addr.set_full(JoinNonEmpty(parts, ", "));
    std::vector<std::string> remarks;
    for (auto r : Children(a, "remark")) remarks.push_back(std::string(TrimSpace(r.text().get())));
    addr.set_remarks(JoinNonEmpty(remarks, "; "));
    if (addr.full().empty()) continue;
    AddUnique(e->mutable_countries(), addr.country_code());
    *e->add_addresses() = std::move(addr);
  }
  // One listing: the EU designation, with every regulation's programme.
  v1::Listing* l = e->add_listings();
  l->set_source_list("EU Financial Sanctions");
  std::string designated = Attr(n, "designationDate");
  if (!designated.empty()) {
    auto d = ParseDate(designated);
    if (!d) {
      *field = "designationDate";
      *error = absl::StrCat("'", designated, "' is not a YYYY-MM-DD date");
      return false;
    }
    *l->mutable_start_date() = *d;
  }
  std::vector<std::string> citations;
  for (auto r : Children(n, "regulation")) {
    std::string programme = Attr(r, "programme");
    if (!programme.empty() &&
        std::find(l->programs().begin(), l->programs().end(), programme) == l->programs().end()) {
      l->add_programs(programme);
    }
    citations.push_back(Attr(r, "numberTitle"));
    for (auto u : Children(r, "publicationUrl")) {
      if (l->source_url().empty()) l->set_source_url(std::string(TrimSpace(u.text().get())));
    }
    if (!designated.empty()) continue;
    if (auto d = ParseDate(Attr(r, "entryIntoForceDate"))) {
      if (l->start_date().year() == 0) *l->mutable_start_date() = *d;
    }
  }
  l->set_regime(absl::StrJoin(l->programs(), "; "));
  l->set_remarks(JoinNonEmpty(citations, "; "));
  std::vector<std::string> remarks;
  for (auto r : Children(n, "remark")) remarks.push_back(std::string(TrimSpace(r.text().get())));
  e->set_remarks(JoinNonEmpty(remarks, "\n"));
  for (const char* k : {"euReferenceNumber", "unitedNationId", "designationDetails"}) {
    std::string v = Attr(n, k);
    if (v.empty()) continue;
    auto* raw = e->add_raw();
    raw->set_name(k);
    raw->set_value(v);
  }
  return true;
}

}  // namespace

absl::StatusOr<v1::EntityList> ReadEuFsfXml(absl::string_view path, const ReadOptions& options) {
  auto file = LoadListFile(path);
  if (!file.ok()) return file.status();
  const std::string& text = file->decoded.text;
  if (TrimSpace(text).empty()) {
    return absl::InvalidArgumentError(absl::StrCat(file->name, ": file holds only whitespace"));
  }
  LineMap lines(text);
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(
      text.data(), text.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
  if (!parsed) {
    return absl::InvalidArgumentError(absl::StrCat(file->name, ":", lines.Line(parsed.offset),
                                                   ": xml: ", parsed.description(),
                                                   " (byte offset ", parsed.offset, ")"));
  }
  for (auto n : doc.children()) {
    if (n.type() == pugi::node_doctype && absl::StrContains(n.value(), "<!ENTITY")) {
      return absl::InvalidArgumentError(
          absl::StrCat(file->name, ":", lines.Line(n.offset_debug()),
                       ": DOCTYPE: entity declarations are not accepted in a list file"));
    }
  }
  pugi::xml_node root = doc.document_element();
  if (LocalName(root) != "export") {
    return absl::InvalidArgumentError(absl::StrCat(file->name, ":", lines.Line(root.offset_debug()),
                                                   ": root: expected <export>, found <",
                                                   root.name(), ">"));
  }
  v1::EntityList list;
  v1::ListSource* source = list.mutable_source();
  std::string generated = Attr(root, "generationDate");
  std::string date_in_file;
  if (generated.size() >= 10 && ParseIsoDate(generated.substr(0, 10)).ok()) {
    date_in_file = generated.substr(0, 10);
  }
  if (auto s = FillListSource(options, "eu_fsf", "eu_fsf_xml", "European Commission (FPI)",
                              "Consolidated list of persons, groups and entities subject to EU "
                              "financial sanctions",
                              date_in_file, {&*file}, source);
      !s.ok()) {
    return s;
  }
  RowErrors errors(options.lenient, source);
  absl::flat_hash_set<std::string> seen;
  int64_t records = 0;
  for (auto n : Children(root, "sanctionEntity")) {
    ++records;
    int64_t line = lines.Line(n.offset_debug());
    v1::Entity e;
    std::string field, error;
    bool ok = ReadEntity(n, &e, &field, &error);
    if (ok && !seen.insert(e.entity_id()).second) {
      ok = false;
      field = "logicalId";
      error = absl::StrCat("duplicate logicalId '", e.entity_id(), "'");
    }
    if (!ok) {
      if (auto s = errors.Skip(file->name, line, field, error); !s.ok()) return s;
      continue;
    }
    e.set_list_id(source->list_id());
    e.set_source_line(static_cast<int32_t>(line));
    e.set_source_file(file->name);
    *list.add_entities() = std::move(e);
  }
  SetFileRecords(source, file->name, records);
  if (auto s = RequireEntities(list, file->name); !s.ok()) return s;
  return list;
}

}  // namespace partyscreen::internal
