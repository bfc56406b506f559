// Reader of the UN Security Council consolidated list XML
// (https://scsanctions.un.org/resources/xml/en/consolidated.xml, schema
// https://www.un.org/sc/resources/sc-sanctions.xsd).
//
// One entity per CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL and
// CONSOLIDATED_LIST/ENTITIES/ENTITY; the entity id is REFERENCE_NUMBER
// ("QDi.001"). Alias qualities map as: "Good" and "a.k.a." → ALIAS, "Low" →
// WEAK_ALIAS, "f.k.a." → FORMER (the publisher's mark is kept in
// Name.quality). NAME_ORIGINAL_SCRIPT becomes an ORIGINAL_SCRIPT name.
//
// The XML is parsed by pugixml, which never expands entities declared in a
// DTD; a document that declares entities (<!ENTITY ...>) is rejected, so a
// "billion laughs" file can neither expand nor leave "&lol;" text in names.
#include <algorithm>
#include <string>
#include <tuple>
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

// Text of an element with runs of whitespace (incl. newlines inside
// element text) collapsed to single spaces and the ends trimmed.
std::string Clean(absl::string_view s) {
  s = TrimSpace(s);
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
    } else {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

std::string Child(const pugi::xml_node& n, const char* name) {
  return Clean(n.child(name).text().get());
}

// Maps byte offsets of the document to 1-based line numbers.
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

void AddCountry(v1::Entity* e, absl::string_view country) {
  std::string code = CountryCode(country);
  if (code.empty()) return;
  for (const auto& c : e->countries()) {
    if (c == code) return;
  }
  e->add_countries(code);
}

v1::IdentifierKind DocumentKind(absl::string_view type) {
  std::string t = absl::AsciiStrToLower(type);
  if (absl::StrContains(t, "passport") || absl::StrContains(t, "passeport") ||
      absl::StrContains(t, "pasaporte")) {
    return v1::IDENTIFIER_KIND_PASSPORT;
  }
  if (absl::StrContains(t, "national identification") || absl::StrContains(t, "national id")) {
    return v1::IDENTIFIER_KIND_NATIONAL_ID;
  }
  return v1::IDENTIFIER_KIND_OTHER;
}

// Parses one INDIVIDUAL_DATE_OF_BIRTH; false if it states no date.
bool ParseBirthDate(const pugi::xml_node& n, v1::PartialDate* out, std::string* error) {
  std::string type = absl::AsciiStrToUpper(Child(n, "TYPE_OF_DATE"));
  std::string date = Child(n, "DATE"), year = Child(n, "YEAR");
  std::string from = Child(n, "FROM_YEAR"), to = Child(n, "TO_YEAR");
  std::string note = Child(n, "NOTE");
  int y;
  if (!date.empty()) {
    auto d = ParseIsoDate(date.substr(0, std::min<size_t>(date.size(), 10)));
    if (!d.ok()) {
      *error = absl::StrCat("DATE '", date, "' is not a YYYY-MM-DD date");
      return false;
    }
    *out = *d;
    out->set_text(date);
  } else if (!year.empty()) {
    if (!absl::SimpleAtoi(year, &y) || y < 1000 || y > 2999) {
      *error = absl::StrCat("YEAR '", year, "' is not a year");
      return false;
    }
    out->set_year(y);
    out->set_text(year);
  } else if (!from.empty() || !to.empty()) {
    int f = 0, t = 0;
    if (!absl::SimpleAtoi(from, &f) || !absl::SimpleAtoi(to, &t) || f < 1000 || t < f ||
        t > 2999) {
      *error = absl::StrCat("FROM_YEAR/TO_YEAR '", from, "'/'", to, "' is not a year range");
      return false;
    }
    out->set_year(f);
    out->set_end_year(t);
    out->set_text(absl::StrCat(from, " to ", to));
  } else {
    return false;  // TYPE_OF_DATE alone (or a NOTE alone): no date stated
  }
  if (type == "APPROXIMATELY") {
    out->set_approximate(true);
    out->set_text(absl::StrCat("approximately ", out->text()));
  }
  if (!note.empty()) out->set_text(absl::StrCat(out->text(), " (", note, ")"));
  return true;
}

std::string JoinNonEmpty(const std::vector<std::string>& parts, absl::string_view sep) {
  std::vector<absl::string_view> keep;
  for (const auto& p : parts) {
    if (!p.empty()) keep.push_back(p);
  }
  return absl::StrJoin(keep, sep);
}

// Reads one INDIVIDUAL or ENTITY. Returns a row error message in `error`
// (with `field`) when the record is malformed.
bool ReadRecord(const pugi::xml_node& n, bool individual, v1::Entity* e, std::string* field,
                std::string* error) {
  e->set_entity_id(Child(n, "REFERENCE_NUMBER"));
  if (e->entity_id().empty()) {
    *field = "REFERENCE_NUMBER";
    *error = "missing";
    return false;
  }
  e->set_kind(individual ? v1::ENTITY_KIND_INDIVIDUAL : v1::ENTITY_KIND_ORGANIZATION);
  std::string first = Child(n, "FIRST_NAME"), second = Child(n, "SECOND_NAME"),
              third = Child(n, "THIRD_NAME"), fourth = Child(n, "FOURTH_NAME");
  v1::Name* primary = e->add_names();
  primary->set_kind(v1::NAME_KIND_PRIMARY);
  if (individual) {
    primary->set_full(JoinNonEmpty({first, second, third, fourth}, " "));
    primary->mutable_parts()->set_given(first);
    primary->mutable_parts()->set_middle(JoinNonEmpty({second, third}, " "));
    primary->mutable_parts()->set_family(fourth);
    std::vector<std::string> titles;
    for (auto v : n.child("TITLE").children("VALUE")) titles.push_back(Clean(v.text().get()));
    primary->mutable_parts()->set_title(JoinNonEmpty(titles, "; "));
  } else {
    primary->set_full(first);
  }
  if (primary->full().empty()) {
    *field = "FIRST_NAME";
    *error = "the record has no name";
    return false;
  }
  primary->set_script(DetectScript(primary->full()));

  // Aliases.
  const char* alias_tag = individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
  for (auto a : n.children(alias_tag)) {
    std::string name = Child(a, "ALIAS_NAME");
    std::string quality = Child(a, "QUALITY");
    if (individual) {
      // Birth data stated on an alias belongs to the person.
      std::string dob = Child(a, "DATE_OF_BIRTH");
      if (!dob.empty()) {
        auto d = ParseIsoDate(dob.substr(0, std::min<size_t>(dob.size(), 10)));
        if (d.ok()) {
          d->set_text(dob);
          *e->add_dates_of_birth() = *d;
        } else {
          e->add_raw()->set_name("alias_date_of_birth");
          e->mutable_raw(e->raw_size() - 1)->set_value(dob);
        }
      }
      std::string pob = JoinNonEmpty({Child(a, "CITY_OF_BIRTH"), Child(a, "COUNTRY_OF_BIRTH")}, ", ");
      if (!pob.empty()) e->add_places_of_birth(pob);
    }
    if (name.empty()) continue;
    v1::Name* alias = e->add_names();
    alias->set_full(name);
    std::string q = absl::AsciiStrToLower(quality);
    if (q == "low") {
      alias->set_kind(v1::NAME_KIND_WEAK_ALIAS);
    } else if (q == "f.k.a." || q == "fka") {
      alias->set_kind(v1::NAME_KIND_FORMER);
    } else {
      alias->set_kind(v1::NAME_KIND_ALIAS);  // "Good", "a.k.a.", or unstated
    }
    alias->set_quality(quality);
    alias->set_publisher_type(quality);
    alias->set_script(DetectScript(name));
    std::string note = Child(a, "NOTE");
    if (!note.empty()) {
      auto* raw = e->add_raw();
      raw->set_name("alias_note");
      raw->set_value(absl::StrCat(name, ": ", note));
    }
  }
  std::string original = Child(n, "NAME_ORIGINAL_SCRIPT");
  if (!original.empty()) {
    v1::Name* o = e->add_names();
    o->set_full(original);
    o->set_kind(v1::NAME_KIND_ORIGINAL_SCRIPT);
    o->set_script(DetectScript(original));
    o->set_publisher_type("NAME_ORIGINAL_SCRIPT");
  }

  // Listing.
  v1::Listing* listing = e->add_listings();
  std::string list_type = Child(n, "UN_LIST_TYPE");
  listing->set_source_list(list_type);
  listing->set_regime(list_type);
  if (!list_type.empty()) listing->add_programs(list_type);
  std::string listed_on = Child(n, "LISTED_ON");
  if (!listed_on.empty()) {
    auto d = ParseIsoDate(listed_on.substr(0, std::min<size_t>(listed_on.size(), 10)));
    if (!d.ok()) {
      *field = "LISTED_ON";
      *error = absl::StrCat("'", listed_on, "' is not a YYYY-MM-DD date");
      return false;
    }
    d->set_text(listed_on);
    *listing->mutable_start_date() = *d;
  }
  std::string last;
  for (auto v : n.child("LAST_DAY_UPDATED").children("VALUE")) {
    std::string s = Clean(v.text().get());
    if (s > last) last = s;  // ISO dates: the latest sorts last
  }
  if (!last.empty()) {
    auto d = ParseIsoDate(last.substr(0, std::min<size_t>(last.size(), 10)));
    if (!d.ok()) {
      *field = "LAST_DAY_UPDATED";
      *error = absl::StrCat("'", last, "' is not a YYYY-MM-DD date");
      return false;
    }
    d->set_text(last);
    *listing->mutable_last_updated() = *d;
  }
  e->set_remarks(std::string(TrimSpace(n.child("COMMENTS1").text().get())));

  // Person details.
  e->set_gender(Child(n, "GENDER"));
  std::vector<std::string> designations;
  for (auto v : n.child("DESIGNATION").children("VALUE")) designations.push_back(Clean(v.text().get()));
  e->set_title(JoinNonEmpty(designations, "; "));
  for (auto v : n.child("NATIONALITY").children("VALUE")) {
    std::string s = Clean(v.text().get());
    if (s.empty()) continue;
    e->add_nationalities(s);
    AddCountry(e, s);
  }
  for (auto b : n.children("INDIVIDUAL_DATE_OF_BIRTH")) {
    v1::PartialDate d;
    std::string err;
    if (ParseBirthDate(b, &d, &err)) {
      *e->add_dates_of_birth() = d;
    } else if (!err.empty()) {
      *field = "INDIVIDUAL_DATE_OF_BIRTH";
      *error = err;
      return false;
    }
  }
  for (auto p : n.children("INDIVIDUAL_PLACE_OF_BIRTH")) {
    std::string s = JoinNonEmpty({Child(p, "STREET"), Child(p, "CITY"), Child(p, "STATE_PROVINCE"),
                                  Child(p, "COUNTRY")},
                                 ", ");
    std::string note = Child(p, "NOTE");
    if (!note.empty()) s = s.empty() ? note : absl::StrCat(s, " (", note, ")");
    if (!s.empty()) e->add_places_of_birth(s);
  }
  for (auto d : n.children("INDIVIDUAL_DOCUMENT")) {
    std::string number = Child(d, "NUMBER");
    std::string type = Child(d, "TYPE_OF_DOCUMENT");
    std::string type2 = Child(d, "TYPE_OF_DOCUMENT2");
    if (number.empty()) {
      if (!type.empty() || !type2.empty()) {
        auto* raw = e->add_raw();
        raw->set_name("document_without_number");
        raw->set_value(JoinNonEmpty({type, type2, Child(d, "NOTE")}, "; "));
      }
      continue;
    }
    v1::Identifier* id = e->add_identifiers();
    id->set_kind(DocumentKind(type));
    id->set_type(type2.empty() ? type : JoinNonEmpty({type, type2}, " / "));
    id->set_value(number);
    std::string country = Child(d, "ISSUING_COUNTRY");
    if (country.empty()) country = Child(d, "COUNTRY_OF_ISSUE");
    id->set_country(country);
    if (!country.empty()) id->set_country_code(CountryCode(country));
    std::vector<std::string> remarks;
    std::string issued = Child(d, "DATE_OF_ISSUE"), city = Child(d, "CITY_OF_ISSUE");
    if (!issued.empty()) remarks.push_back(absl::StrCat("issued ", issued));
    if (!city.empty()) remarks.push_back(absl::StrCat("issued in ", city));
    remarks.push_back(Child(d, "NOTE"));
    id->set_remarks(JoinNonEmpty(remarks, "; "));
  }
  const char* addr_tag = individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS";
  for (auto a : n.children(addr_tag)) {
    v1::Address addr;
    std::string street = Child(a, "STREET");
    if (!street.empty()) addr.add_lines(street);
    addr.set_city(Child(a, "CITY"));
    addr.set_state(Child(a, "STATE_PROVINCE"));
    addr.set_postal_code(Child(a, "ZIP_CODE"));
    addr.set_country(Child(a, "COUNTRY"));
    addr.set_remarks(Child(a, "NOTE"));
    addr.set_full(JoinNonEmpty({street, addr.city(), addr.state(), addr.postal_code(), addr.country()}, ", "));
    if (addr.full().empty() && addr.remarks().empty()) continue;
    if (!addr.country().empty()) {
      addr.set_country_code(CountryCode(addr.country()));
      AddCountry(e, addr.country());
    }
    *e->add_addresses() = std::move(addr);
  }
  return true;
}

}  // namespace

absl::StatusOr<v1::EntityList> ReadUnXml(absl::string_view path, const ReadOptions& options) {
  auto file = LoadListFile(path);
  if (!file.ok()) return file.status();
  const std::string& text = file->decoded.text;
  if (TrimSpace(text).empty()) {
    return absl::InvalidArgumentError(absl::StrCat(file->name, ": file holds only whitespace"));
  }
  LineMap lines(text);
  pugi::xml_document doc;
  // parse_doctype keeps the DOCTYPE node so that entity declarations can be
  // refused below; pugixml itself never expands DTD entities.
  pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(),
                                                  pugi::parse_default | pugi::parse_doctype,
                                                  pugi::encoding_utf8);
  if (!parsed) {
    return absl::InvalidArgumentError(absl::StrCat(
        file->name, ":", lines.Line(parsed.offset), ": xml: ", parsed.description(),
        " (byte offset ", parsed.offset, ")"));
  }
  for (auto n : doc.children()) {
    if (n.type() == pugi::node_doctype && absl::StrContains(n.value(), "<!ENTITY")) {
      return absl::InvalidArgumentError(absl::StrCat(
          file->name, ":", lines.Line(n.offset_debug()),
          ": DOCTYPE: entity declarations are not accepted in a list file"));
    }
  }
  pugi::xml_node root = doc.child("CONSOLIDATED_LIST");
  if (!root) {
    return absl::InvalidArgumentError(absl::StrCat(
        file->name, ":", lines.Line(doc.document_element().offset_debug()),
        ": root: expected <CONSOLIDATED_LIST>, found <", doc.document_element().name(), ">"));
  }
  v1::EntityList list;
  v1::ListSource* source = list.mutable_source();
  std::string generated = Clean(root.attribute("dateGenerated").value());
  std::string date_in_file;
  if (generated.size() >= 10 && ParseIsoDate(generated.substr(0, 10)).ok()) {
    date_in_file = generated.substr(0, 10);
  }
  if (auto s = FillListSource(options, "un_sc", "un_xml", "United Nations Security Council",
                              "Consolidated United Nations Security Council Sanctions List",
                              date_in_file, {&*file}, source);
      !s.ok()) {
    return s;
  }
  RowErrors errors(options.lenient, source);
  absl::flat_hash_set<std::string> seen;
  int64_t records = 0;
  for (const auto& [group, tag, individual] :
       {std::make_tuple("INDIVIDUALS", "INDIVIDUAL", true),
        std::make_tuple("ENTITIES", "ENTITY", false)}) {
    for (auto n : root.child(group).children(tag)) {
      ++records;
      int64_t line = lines.Line(n.offset_debug());
      v1::Entity e;
      std::string field, error;
      bool ok = ReadRecord(n, individual, &e, &field, &error);
      if (ok && !seen.insert(e.entity_id()).second) {
        ok = false;
        field = "REFERENCE_NUMBER";
        error = absl::StrCat("duplicate reference number '", e.entity_id(), "'");
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
  }
  SetFileRecords(source, file->name, records);
  if (auto s = RequireEntities(list, file->name); !s.ok()) return s;
  return list;
}

}  // namespace partyscreen::internal
