// Reader of OFAC's sdnList XML (namespace http://tempuri.org/sdnList.xsd):
// sdn.xml (the SDN list) and consolidated.xml (the non-SDN lists), both of
// the same schema:
//
//   <sdnList>
//     <publshInformation><Publish_Date>07/16/2014</Publish_Date>...
//     <sdnEntry>
//       <uid>306</uid><firstName/><lastName>BANCO NACIONAL DE CUBA</lastName>
//       <sdnType>Entity</sdnType> (consolidated.xml may say <nspType>)
//       <programList><program>CUBA</program></programList>
//       <akaList><aka><type>a.k.a.</type><category>weak</category>...
//       <addressList>, <idList>, <dateOfBirthList>, <placeOfBirthList>,
//       <nationalityList>, <citizenshipList>, <vesselInfo>, <remarks>
//
// The XML is parsed with pugixml's default options: no DOCTYPE processing,
// so a document type declaration is skipped and entity references other
// than the five predefined ones and character references are never
// expanded (no external entities, no entity-expansion bombs).
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "lib/sources/dates.h"
#include "lib/sources/ofac_remarks.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/readers.h"
#include "lib/sources/script.h"
#include "lib/util/countries.h"
#include "lib/util/file.h"
#include "pugixml.hpp"

namespace partyscreen::internal {
namespace {

// The local name of an element ("sdnEntry" for "ns:sdnEntry").
absl::string_view LocalName(const pugi::xml_node& node) {
  absl::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == absl::string_view::npos ? name : name.substr(colon + 1);
}

// The first child element with local name `name`.
pugi::xml_node Child(const pugi::xml_node& parent, absl::string_view name) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == name) return c;
  }
  return pugi::xml_node();
}

// The trimmed text of the child element `name` ("" if absent).
absl::string_view Text(const pugi::xml_node& parent, absl::string_view name) {
  return TrimSpace(Child(parent, name).child_value());
}

// Calls `fn` for every child element of `list_name`/`item_name`.
template <typename Fn>
void ForEach(const pugi::xml_node& parent, absl::string_view list_name,
             absl::string_view item_name, Fn fn) {
  pugi::xml_node list = Child(parent, list_name);
  for (pugi::xml_node c = list.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == item_name) fn(c);
  }
}

// Maps byte offsets of the decoded text to 1-based line numbers.
class LineIndex {
 public:
  explicit LineIndex(absl::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') newlines_.push_back(i);
    }
  }
  int64_t LineOf(ptrdiff_t offset) const {
    if (offset < 0) return 0;
    return 1 + (std::lower_bound(newlines_.begin(), newlines_.end(), static_cast<size_t>(offset)) -
                newlines_.begin());
  }

 private:
  std::vector<size_t> newlines_;
};

void AddName(absl::string_view last, absl::string_view first, v1::NameKind kind,
             bool person, v1::Entity* e, v1::Name** out) {
  std::string full = first.empty() ? std::string(last)
                     : last.empty() ? std::string(first)
                                    : absl::StrCat(last, ", ", first);
  v1::Name* n = e->add_names();
  n->set_full(full);
  n->set_kind(kind);
  n->set_script(DetectScript(full));
  if (person && !last.empty() && !first.empty()) {
    n->mutable_parts()->set_family(std::string(last));
    n->mutable_parts()->set_given(std::string(first));
  }
  *out = n;
}

}  // namespace

absl::StatusOr<v1::EntityList> ReadOfacXml(absl::string_view path, const ReadOptions& options) {
  auto file = LoadListFile(path);
  if (!file.ok()) return file.status();
  const std::string& text = file->decoded.text;
  const LineIndex lines(text);

  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return absl::InvalidArgumentError(
        absl::StrCat(file->name, ":", lines.LineOf(parsed.offset), ": XML: ",
                     parsed.description(), " (at byte ", parsed.offset, ")"));
  }
  pugi::xml_node root = doc.document_element();
  if (!root || LocalName(root) != "sdnList") {
    return absl::InvalidArgumentError(absl::StrCat(
        file->name, ":", lines.LineOf(root ? root.offset_debug() : 0),
        ": XML: the root element is <", root ? root.name() : "", ">, not the OFAC <sdnList>"));
  }

  // Publication date: <publshInformation><Publish_Date>MM/DD/YYYY.
  std::string date_in_file;
  pugi::xml_node info = Child(root, "publshInformation");
  if (absl::string_view d = Text(info, "Publish_Date"); !d.empty()) {
    auto date = ParseMonthFirstDate(d);
    if (!date.ok() || !IsFullDate(*date)) {
      return RowError(file->name, lines.LineOf(Child(info, "Publish_Date").offset_debug()),
                      "Publish_Date", absl::StrCat("'", d, "' is not a MM/DD/YYYY date"));
    }
    date_in_file = FormatPartialDate(*date);
  }

  const bool cons = absl::StrContains(absl::AsciiStrToLower(file->name), "cons");
  v1::EntityList list;
  v1::ListSource* source = list.mutable_source();
  if (auto s = FillListSource(options, cons ? "us_ofac_cons" : "us_ofac_sdn", "ofac_xml",
                              "US Treasury OFAC",
                              cons ? "Consolidated Sanctions List (Non-SDN Lists)"
                                   : "Specially Designated Nationals and Blocked Persons List",
                              date_in_file, {&*file}, source);
      !s.ok()) {
    return s;
  }
  RowErrors errors(options.lenient, source);
  absl::flat_hash_set<int64_t> seen;
  int64_t records = 0;

  for (pugi::xml_node entry = root.first_child(); entry; entry = entry.next_sibling()) {
    if (entry.type() != pugi::node_element || LocalName(entry) != "sdnEntry") continue;
    ++records;
    const int64_t line = lines.LineOf(entry.offset_debug());
    absl::string_view uid_text = Text(entry, "uid");
    int64_t uid = 0;
    if (!absl::SimpleAtoi(uid_text, &uid) || uid <= 0) {
      if (auto s = errors.Skip(file->name, line, "uid",
                               absl::StrCat("not a positive number: '", uid_text, "'"));
          !s.ok()) {
        return s;
      }
      continue;
    }
    if (seen.contains(uid)) {
      if (auto s = errors.Skip(file->name, line, "uid", absl::StrCat("duplicate uid ", uid));
          !s.ok()) {
        return s;
      }
      continue;
    }
    absl::string_view last = Text(entry, "lastName"), first = Text(entry, "firstName");
    if (last.empty() && first.empty()) {
      if (auto s = errors.Skip(file->name, line, "lastName", "entry without a name"); !s.ok()) {
        return s;
      }
      continue;
    }
    absl::string_view type = Text(entry, "sdnType");
    if (type.empty()) type = Text(entry, "nspType");
    v1::EntityKind kind;
    if (type.empty() || absl::EqualsIgnoreCase(type, "Entity")) {
      kind = v1::ENTITY_KIND_ORGANIZATION;
    } else if (absl::EqualsIgnoreCase(type, "Individual")) {
      kind = v1::ENTITY_KIND_INDIVIDUAL;
    } else if (absl::EqualsIgnoreCase(type, "Vessel")) {
      kind = v1::ENTITY_KIND_VESSEL;
    } else if (absl::EqualsIgnoreCase(type, "Aircraft")) {
      kind = v1::ENTITY_KIND_AIRCRAFT;
    } else {
      if (auto s = errors.Skip(file->name, line, "sdnType",
                               absl::StrCat("unknown type '", type, "'"));
          !s.ok()) {
        return s;
      }
      continue;
    }
    seen.insert(uid);
    const bool person = kind == v1::ENTITY_KIND_INDIVIDUAL;

    v1::Entity* e = list.add_entities();
    e->set_list_id(source->list_id());
    e->set_entity_id(absl::StrCat(uid));
    e->set_kind(kind);
    e->set_source_line(static_cast<int32_t>(line));
    e->set_source_file(file->name);
    v1::Name* name = nullptr;
    AddName(last, first, v1::NAME_KIND_PRIMARY, person, e, &name);
    if (absl::string_view title = Text(entry, "title"); !title.empty()) {
      e->set_title(std::string(title));
    }

    v1::Listing* listing = e->add_listings();
    ForEach(entry, "programList", "program", [&](const pugi::xml_node& p) {
      absl::string_view program = TrimSpace(p.child_value());
      if (!program.empty()) listing->add_programs(std::string(program));
    });
    std::vector<std::string> programs(listing->programs().begin(), listing->programs().end());
    listing->set_source_list(cons ? OfacConsSubList(programs) : "SDN");

    ForEach(entry, "akaList", "aka", [&](const pugi::xml_node& aka) {
      absl::string_view aka_type = Text(aka, "type");
      absl::string_view category = Text(aka, "category");
      v1::NameKind name_kind = v1::NAME_KIND_ALIAS;
      if (absl::EqualsIgnoreCase(category, "weak")) {
        name_kind = v1::NAME_KIND_WEAK_ALIAS;
      } else if (absl::EqualsIgnoreCase(aka_type, "f.k.a.") ||
                 absl::EqualsIgnoreCase(aka_type, "n.k.a.")) {
        name_kind = v1::NAME_KIND_FORMER;
      }
      absl::string_view aka_last = Text(aka, "lastName"), aka_first = Text(aka, "firstName");
      if (aka_last.empty() && aka_first.empty()) return;
      v1::Name* n = nullptr;
      AddName(aka_last, aka_first, name_kind, person, e, &n);
      n->set_publisher_type(std::string(aka_type));
      n->set_quality(std::string(category));
    });

    ForEach(entry, "addressList", "address", [&](const pugi::xml_node& a) {
      v1::Address address;
      for (const char* line_name : {"address1", "address2", "address3"}) {
        if (absl::string_view l = Text(a, line_name); !l.empty()) address.add_lines(std::string(l));
      }
      address.set_city(std::string(Text(a, "city")));
      address.set_state(std::string(Text(a, "stateOrProvince")));
      address.set_postal_code(std::string(Text(a, "postalCode")));
      address.set_country(std::string(Text(a, "country")));
      address.set_country_code(CountryCode(address.country()));
      std::vector<std::string> parts(address.lines().begin(), address.lines().end());
      for (const std::string* p : {&address.city(), &address.state(), &address.postal_code(),
                                   &address.country()}) {
        if (!p->empty()) parts.push_back(*p);
      }
      if (parts.empty()) return;
      address.set_full(absl::StrJoin(parts, ", "));
      AddEntityCountry(address.country_code(), e);
      *e->add_addresses() = std::move(address);
    });

    ForEach(entry, "idList", "id", [&](const pugi::xml_node& id) {
      absl::string_view id_type = Text(id, "idType"), number = Text(id, "idNumber"),
                        country = Text(id, "idCountry");
      if (id_type.empty() && number.empty()) return;
      v1::IdentifierKind id_kind = v1::IDENTIFIER_KIND_OTHER;
      bool known = OfacIdentifierKind(id_type, person, &id_kind);
      if (!known) {
        // Newer files put facts such as "Gender", "Linked To:", sanctions
        // notes and digital currency addresses into idList: parse them as
        // the remarks fact they are.
        std::string fact = absl::StrCat(id_type, " ", number);
        if (absl::EqualsIgnoreCase(id_type, "Gender")) {
          e->set_gender(std::string(number));
          return;
        }
        if (ParseOfacFact(fact, OfacRemarksMode::kAllFacts, e)) return;
      }
      // "Vessel Registration Identification" "IMO 9187629".
      if (absl::StartsWith(number, "IMO ")) {
        id_kind = v1::IDENTIFIER_KIND_IMO;
        number = TrimSpace(number.substr(4));
      }
      v1::Identifier* out = e->add_identifiers();
      out->set_kind(id_kind);
      absl::string_view label = id_type;
      absl::ConsumeSuffix(&label, ":");
      out->set_type(std::string(TrimSpace(label)));
      out->set_value(std::string(number));
      if (!country.empty()) {
        out->set_country(std::string(country));
        out->set_country_code(CountryCode(country));
      }
      std::vector<std::string> remarks;
      if (absl::string_view d = Text(id, "issueDate"); !d.empty()) remarks.push_back(absl::StrCat("issued ", d));
      if (absl::string_view d = Text(id, "expirationDate"); !d.empty()) remarks.push_back(absl::StrCat("expires ", d));
      out->set_remarks(absl::StrJoin(remarks, " "));
    });

    ForEach(entry, "dateOfBirthList", "dateOfBirthItem", [&](const pugi::xml_node& d) {
      absl::string_view dob = Text(d, "dateOfBirth");
      if (dob.empty()) return;
      auto date = ParseLooseDate(dob);
      if (date.ok()) {
        *e->add_dates_of_birth() = *std::move(date);
      } else {
        e->add_dates_of_birth()->set_text(std::string(dob));  // kept, unparsed
      }
    });
    ForEach(entry, "placeOfBirthList", "placeOfBirthItem", [&](const pugi::xml_node& p) {
      if (absl::string_view pob = Text(p, "placeOfBirth"); !pob.empty()) {
        e->add_places_of_birth(std::string(pob));
      }
    });
    ForEach(entry, "nationalityList", "nationality", [&](const pugi::xml_node& n) {
      if (absl::string_view c = Text(n, "country"); !c.empty()) {
        e->add_nationalities(std::string(c));
        AddEntityCountry(CountryCode(c), e);
      }
    });
    ForEach(entry, "citizenshipList", "citizenship", [&](const pugi::xml_node& n) {
      if (absl::string_view c = Text(n, "country"); !c.empty()) {
        e->add_citizenships(std::string(c));
        AddEntityCountry(CountryCode(c), e);
      }
    });

    if (pugi::xml_node v = Child(entry, "vesselInfo")) {
      v1::Vessel* vessel = e->mutable_vessel();
      vessel->set_call_sign(std::string(Text(v, "callSign")));
      vessel->set_vessel_type(std::string(Text(v, "vesselType")));
      vessel->set_flag(std::string(Text(v, "vesselFlag")));
      vessel->set_owner(std::string(Text(v, "vesselOwner")));
      vessel->set_tonnage(std::string(Text(v, "tonnage")));
      vessel->set_gross_registered_tonnage(std::string(Text(v, "grossRegisteredTonnage")));
      if (!vessel->call_sign().empty()) {
        v1::Identifier* id = e->add_identifiers();
        id->set_kind(v1::IDENTIFIER_KIND_CALL_SIGN);
        id->set_type("Call Sign");
        id->set_value(vessel->call_sign());
      }
    }

    if (absl::string_view remarks = Text(entry, "remarks"); !remarks.empty()) {
      e->set_remarks(std::string(remarks));
      ParseOfacRemarks(remarks, OfacRemarksMode::kXmlRemainder, e);
    }
  }
  SetFileRecords(source, file->name, records);
  if (auto s = RequireEntities(list, file->name); !s.ok()) return s;
  return list;
}

}  // namespace partyscreen::internal
