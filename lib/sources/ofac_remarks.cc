// OFAC remarks parser. Every rule below was derived from the remarks of the
// real sdn.csv of 2023-12-28 (13,821 entries) and cons_prim.csv; the label
// table lists the identifier labels found there with their frequency class.
// Parsing is by hand (prefix tables and scanning), not regular expressions:
// it runs once per entity of every list read.
#include "lib/sources/ofac_remarks.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "lib/sources/dates.h"
#include "lib/sources/reader_util.h"
#include "lib/sources/script.h"
#include "lib/util/countries.h"

namespace partyscreen::internal {
namespace {

using v1::IdentifierKind;

// How an identifier label maps to a kind. `person_kind` overrides `kind` for
// individuals (an "Identification Number" of a person is a national id).
struct IdLabel {
  absl::string_view label;
  IdentifierKind kind;
  IdentifierKind person_kind;
};

constexpr IdentifierKind kOther = v1::IDENTIFIER_KIND_OTHER;
constexpr IdentifierKind kPassport = v1::IDENTIFIER_KIND_PASSPORT;
constexpr IdentifierKind kNationalId = v1::IDENTIFIER_KIND_NATIONAL_ID;
constexpr IdentifierKind kTaxId = v1::IDENTIFIER_KIND_TAX_ID;
constexpr IdentifierKind kRegistration = v1::IDENTIFIER_KIND_REGISTRATION_NUMBER;
constexpr IdentifierKind kImo = v1::IDENTIFIER_KIND_IMO;
constexpr IdentifierKind kCallSign = v1::IDENTIFIER_KIND_CALL_SIGN;
constexpr IdentifierKind kSwift = v1::IDENTIFIER_KIND_SWIFT_BIC;
constexpr IdentifierKind kUscc = v1::IDENTIFIER_KIND_UNIFIED_SOCIAL_CREDIT_CODE;
constexpr IdentifierKind kIsin = v1::IDENTIFIER_KIND_ISIN;
constexpr IdentifierKind kLei = v1::IDENTIFIER_KIND_LEI;
constexpr IdentifierKind kEmail = v1::IDENTIFIER_KIND_EMAIL;
constexpr IdentifierKind kWebsite = v1::IDENTIFIER_KIND_WEBSITE;
constexpr IdentifierKind kAircraft = v1::IDENTIFIER_KIND_AIRCRAFT_SERIAL;
constexpr IdentifierKind kDriver = v1::IDENTIFIER_KIND_DRIVERS_LICENSE;
constexpr IdentifierKind kCedula = v1::IDENTIFIER_KIND_CEDULA;

// Identifier labels as OFAC writes them. The longest matching label wins
// ("Vessel Registration Identification IMO" over "Vessel Registration
// Identification"), so the order here does not matter.
constexpr IdLabel kIdLabels[] = {
    // Passports and travel documents.
    {"Passport", kPassport, kPassport},
    {"Passport No.:", kPassport, kPassport},
    {"Passport Booklet", kPassport, kPassport},
    {"Passport Booklet:", kPassport, kPassport},
    {"Diplomatic Passport", kPassport, kPassport},
    {"British National Overseas Passport", kPassport, kPassport},
    {"Stateless Person Passport", kPassport, kPassport},
    {"Travel Document Number", kPassport, kPassport},
    // Personal identity numbers.
    {"National ID No.", kNationalId, kNationalId},
    {"National ID No.:", kNationalId, kNationalId},
    {"National Foreign ID Number", kNationalId, kNationalId},
    {"Personal ID Card", kNationalId, kNationalId},
    {"Identification Number", kOther, kNationalId},
    {"C.U.R.P.", kNationalId, kNationalId},
    {"C.U.R.P. #", kNationalId, kNationalId},
    {"D.N.I.", kNationalId, kNationalId},
    {"N.I.E.", kNationalId, kNationalId},
    {"C.U.I.", kNationalId, kNationalId},
    {"C.U.I.P.", kNationalId, kNationalId},
    {"SSN", kNationalId, kNationalId},
    {"Turkish Identification Number", kNationalId, kNationalId},
    {"Numero de Identidad", kNationalId, kNationalId},
    {"Citizen's Card Number", kNationalId, kNationalId},
    {"Kenyan ID No.", kNationalId, kNationalId},
    {"Tazkira National ID Card", kNationalId, kNationalId},
    {"Bosnian Personal ID No.", kNationalId, kNationalId},
    {"Moroccan Personal ID No.", kNationalId, kNationalId},
    {"CNP (Personal Numerical Code)", kNationalId, kNationalId},
    {"Stateless Person ID Card", kNationalId, kNationalId},
    {"Refugee ID Card", kNationalId, kNationalId},
    {"UAE Identification", kNationalId, kNationalId},
    {"Electoral Registry No.", kNationalId, kNationalId},
    {"Credencial electoral", kNationalId, kNationalId},
    {"I.F.E.", kNationalId, kNationalId},
    {"LE Number", kNationalId, kNationalId},
    {"Residency Number", kNationalId, kNationalId},
    {"Birth Certificate Number", kOther, kNationalId},
    {"Romanian Permanent Resident CAN", kNationalId, kNationalId},
    {"Cedula No.", kCedula, kCedula},
    {"Driver's License No.", kDriver, kDriver},
    // Tax numbers.
    {"Tax ID No.", kTaxId, kTaxId},
    {"R.F.C.", kTaxId, kTaxId},
    {"R.F.C. #", kTaxId, kTaxId},
    {"RFC", kTaxId, kTaxId},
    {"NIT #", kTaxId, kTaxId},
    {"RUC #", kTaxId, kTaxId},
    {"RIF #", kTaxId, kTaxId},
    {"RTN", kTaxId, kTaxId},
    {"V.A.T. Number", kTaxId, kTaxId},
    {"US FEIN", kTaxId, kTaxId},
    {"C.U.I.T.", kTaxId, kTaxId},
    {"C.I.F.", kTaxId, kTaxId},
    {"N.I.F.", kTaxId, kTaxId},
    {"Italian Fiscal Code", kTaxId, kTaxId},
    {"Italian Fiscal Code:", kTaxId, kTaxId},
    {"Fiscal Code", kTaxId, kTaxId},
    {"Romanian Tax Registration", kTaxId, kTaxId},
    {"Paraguayan tax identification number", kTaxId, kTaxId},
    {"Numero Unico de Identificacao Tributaria (NUIT)", kTaxId, kTaxId},
    // Company registrations.
    {"Registration Number", kRegistration, kRegistration},
    {"Registration ID", kRegistration, kRegistration},
    {"Business Registration Number", kRegistration, kRegistration},
    {"Business Registration Document #", kRegistration, kRegistration},
    {"Business Number", kRegistration, kRegistration},
    {"C.R. No.", kRegistration, kRegistration},
    {"Romanian C.R.", kRegistration, kRegistration},
    {"Commercial Registry Number", kRegistration, kRegistration},
    {"Company Number", kRegistration, kRegistration},
    {"UK Company Number", kRegistration, kRegistration},
    {"Government Gazette Number", kRegistration, kRegistration},
    {"Folio Mercantil No.", kRegistration, kRegistration},
    {"Matricula Mercantil No", kRegistration, kRegistration},
    {"Trade License No.", kRegistration, kRegistration},
    {"Economic Register Number (CBLS)", kRegistration, kRegistration},
    {"Central Registration System Number", kRegistration, kRegistration},
    {"Istanbul Chamber of Comm. No.", kRegistration, kRegistration},
    {"Chamber of Commerce Number", kRegistration, kRegistration},
    {"Dubai Chamber of Commerce Membership No.", kRegistration, kRegistration},
    {"Enterprise Number", kRegistration, kRegistration},
    {"Branch Unit Number", kRegistration, kRegistration},
    {"Certificate of Incorporation Number", kRegistration, kRegistration},
    {"Public Registration Number", kRegistration, kRegistration},
    {"Registered Charity No.", kRegistration, kRegistration},
    {"Organization Code", kRegistration, kRegistration},
    {"Vessel Registration Identification", kRegistration, kRegistration},
    {"MSB Registration Number", kRegistration, kRegistration},
    {"Legal Entity Number", kLei, kLei},
    {"D-U-N-S Number", kOther, kOther},
    {"BIK (RU)", kOther, kOther},
    {"Unified Social Credit Code (USCC)", kUscc, kUscc},
    {"United Social Credit Code Certificate (USCCC)", kUscc, kUscc},
    {"SWIFT/BIC", kSwift, kSwift},
    {"ISIN", kIsin, kIsin},
    {"Identification Number ISIN:", kIsin, kIsin},
    // Vessels and aircraft.
    {"IMO", kImo, kImo},
    {"Vessel Registration Identification IMO", kImo, kImo},
    {"Identification Number IMO", kImo, kImo},
    {"Company Number IMO", kImo, kImo},
    {"International Maritime Organization No.", kImo, kImo},
    {"MMSI", kOther, kOther},
    {"Other Vessel Call Sign", kCallSign, kCallSign},
    {"Aircraft Manufacturer's Serial Number (MSN)", kAircraft, kAircraft},
    {"Aircraft Serial Identification", kAircraft, kAircraft},
    {"Aircraft Construction Number (also called L/N or S/N or F/N)", kAircraft, kAircraft},
    {"Aircraft Tail Number", kOther, kOther},
    {"Previous Aircraft Tail Number", kOther, kOther},
    {"Aircraft Mode S Transponder Code", kOther, kOther},
    // Other documents and licences.
    {"License", kOther, kOther},
    {"Permit Number", kOther, kOther},
    {"SRE Permit No.", kOther, kOther},
    {"VisaNumberID", kOther, kOther},
    {"Military Registration Number", kOther, kOther},
    {"Cartilla de Servicio Militar Nacional", kOther, kOther},
    {"Pilot License Number", kOther, kOther},
    {"Afghan Money Service Provider License Number", kOther, kOther},
    {"Immigration No.", kOther, kOther},
    {"Seafarer's Identification Document", kOther, kOther},
    {"Trademark number", kOther, kOther},
    {"Tourism License No.", kOther, kOther},
    {"File Number", kOther, kOther},
    {"Serial No.", kOther, kOther},
    {"Email Address", kEmail, kEmail},
    {"Email", kEmail, kEmail},
    {"Website", kWebsite, kWebsite},
};

// Descriptive facts kept as `raw` fields, name = the label.
constexpr absl::string_view kRawLabels[] = {
    "Organization Established Date", "Organization Type:", "Target Type", "Aircraft Model",
    "Aircraft Operator", "Aircraft Manufacture Date", "Vessel Year of Build",
    "Former Vessel Flag", "Other Vessel Flag", "Other Vessel Type", "Phone Number",
    "Telephone", "Telephone:", "Telephone No.", "Fax", "Fax:", "Fax No.",
};

// Sanctions notes that go to the listing's remarks.
constexpr absl::string_view kListingNotes[] = {
    "Secondary sanctions risk:",
    "Additional Sanctions Information -",
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:",
    "Executive Order 13662 Directive Determination",
    "Executive Order 13846 information:",
    "CAATSA Section",
    "IFCA Determination -",
    "Effective Date (EO 14024 Directive",
};

// True if `fact` starts with `label` followed by a space, or is exactly it.
bool HasLabel(absl::string_view fact, absl::string_view label) {
  if (fact.size() < label.size() || fact[0] != label[0] || !absl::StartsWith(fact, label)) {
    return false;
  }
  return fact.size() == label.size() || fact[label.size()] == ' ' || label.back() == ':';
}

// The rest of `fact` after `label`, trimmed.
absl::string_view After(absl::string_view fact, absl::string_view label) {
  return TrimSpace(fact.substr(label.size()));
}

// True for the final token of a name whose period belongs to it: "S.A.",
// "C.V.", "S.A.S.", "LTD.", "INC.", "CO.".
bool KeepsFinalPeriod(absl::string_view fact) {
  size_t sp = fact.find_last_of(' ');
  absl::string_view tok = sp == absl::string_view::npos ? fact : fact.substr(sp + 1);
  for (absl::string_view w : {"LTD.", "INC.", "CO.", "CORP.", "BHD.", "PTE.", "PVT.", "CIA.",
                              "Ltd.", "Inc.", "Co.", "Corp.", "No."}) {
    if (tok == w) return true;
  }
  // Segments of one or two letters, each followed by a period, at least two.
  int segments = 0;
  size_t i = 0;
  while (i < tok.size()) {
    size_t dot = tok.find('.', i);
    if (dot == absl::string_view::npos) return false;
    size_t len = dot - i;
    if (len < 1 || len > 2) return false;
    for (size_t k = i; k < dot; ++k) {
      if (!absl::ascii_isalpha(static_cast<unsigned char>(tok[k]))) return false;
    }
    ++segments;
    i = dot + 1;
  }
  return segments >= 2;
}

// The name inside the quotes of "a.k.a. 'X'" (or the text as is).
absl::string_view Unquote(absl::string_view s) {
  s = TrimSpace(s);
  if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') s = s.substr(1, s.size() - 2);
  else if (!s.empty() && s.front() == '\'') s.remove_prefix(1);
  return TrimSpace(s);
}

void AddRaw(absl::string_view name, absl::string_view value, v1::Entity* entity) {
  auto* raw = entity->add_raw();
  raw->set_name(std::string(name));
  raw->set_value(std::string(value));
}

v1::Listing* FirstListing(v1::Entity* entity) {
  return entity->listings_size() > 0 ? entity->mutable_listings(0) : nullptr;
}

void AddListingNote(absl::string_view note, v1::Entity* entity) {
  v1::Listing* listing = FirstListing(entity);
  if (listing == nullptr) return;
  if (listing->remarks().empty()) {
    listing->set_remarks(std::string(note));
  } else {
    listing->set_remarks(absl::StrCat(listing->remarks(), "; ", note));
  }
}

// "Listing Date (CMIC) 10 Dec 2021", "Listing Date (EO 14024 Directive 2):
// 24 Feb 2022": the date after the closing parenthesis.
absl::string_view DateAfterParen(absl::string_view rest) {
  size_t close = rest.find(')');
  if (close == absl::string_view::npos) return rest;
  absl::string_view d = rest.substr(close + 1);
  absl::ConsumePrefix(&d, ":");
  return TrimSpace(d);
}

// "circa 1979-1982" (one real DOB is written so): a year range with a
// hyphen, which ParseLooseDate reads only as "1979 - 1982".
absl::StatusOr<v1::PartialDate> ParseYearRange(absl::string_view text) {
  absl::string_view body = text;
  const bool circa = absl::ConsumePrefix(&body, "circa ");
  auto digits = [](absl::string_view s) {
    if (s.size() != 4) return false;
    for (char c : s) {
      if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
  };
  if (body.size() != 9 || body[4] != '-' || !digits(body.substr(0, 4)) || !digits(body.substr(5))) {
    return absl::InvalidArgumentError("not a year range");
  }
  auto date = ParseLooseDate(absl::StrCat(circa ? "circa " : "", body.substr(0, 4), " to ",
                                          body.substr(5)));
  if (date.ok()) date->set_text(std::string(text));
  return date;
}

// Parses "VALUE (Country) issued X expires Y" after an identifier label.
void AddIdentifier(const IdLabel& label, absl::string_view rest, bool person,
                   v1::Entity* entity) {
  rest = TrimSpace(rest);
  absl::ConsumePrefix(&rest, ":");
  rest = TrimSpace(rest);
  if (rest.empty()) return;
  // Trailing dates: " issued 01 Jan 2010", " expires 2020", " expired ...".
  size_t cut = absl::string_view::npos;
  for (absl::string_view kw : {" issued ", " expires ", " expired ", ", expired ", " Issue Date"}) {
    size_t at = rest.find(kw);
    if (at != absl::string_view::npos && at < cut) cut = at;
  }
  absl::string_view value = rest;
  absl::string_view remarks;
  if (cut != absl::string_view::npos) {
    value = TrimSpace(rest.substr(0, cut));
    remarks = TrimSpace(rest.substr(cut));
    absl::ConsumePrefix(&remarks, ",");
    remarks = TrimSpace(remarks);
  }
  absl::string_view country;
  if (!value.empty() && value.back() == ')') {
    size_t open = value.rfind('(');
    if (open != absl::string_view::npos && open > 0) {
      absl::string_view inner = value.substr(open + 1, value.size() - open - 2);
      if (!CountryCode(inner).empty()) {
        country = TrimSpace(inner);
        value = TrimSpace(value.substr(0, open));
      }
    } else if (open == 0) {
      value = TrimSpace(value.substr(1, value.size() - 2));  // "(5777731)"
    }
  }
  if (value.empty()) return;
  auto* id = entity->add_identifiers();
  id->set_kind(person ? label.person_kind : label.kind);
  absl::string_view type = label.label;
  absl::ConsumeSuffix(&type, ":");
  id->set_type(std::string(TrimSpace(type)));
  id->set_value(std::string(value));
  if (!country.empty()) {
    id->set_country(std::string(country));
    id->set_country_code(CountryCode(country));
  }
  if (!remarks.empty()) id->set_remarks(std::string(remarks));
}

// The identifier label `fact` starts with (longest match), or nullptr.
const IdLabel* FindIdLabel(absl::string_view fact) {
  const IdLabel* best = nullptr;
  size_t best_len = 0;
  for (const IdLabel& l : kIdLabels) {
    absl::string_view label = l.label;
    if (label.size() > best_len && HasLabel(fact, label)) {
      best = &l;
      best_len = label.size();
    }
  }
  return best;
}

void AddWeakName(absl::string_view marker, absl::string_view name, v1::Entity* entity) {
  name = Unquote(name);
  if (name.empty()) return;
  for (const auto& n : entity->names()) {
    if (n.full() == name && n.kind() == v1::NAME_KIND_WEAK_ALIAS) return;
  }
  auto* n = entity->add_names();
  n->set_full(std::string(name));
  n->set_kind(v1::NAME_KIND_WEAK_ALIAS);
  n->set_script(DetectScript(name));
  n->set_publisher_type(std::string(marker));
  n->set_quality("low quality");
}

}  // namespace

bool ParseOfacFact(absl::string_view fact, OfacRemarksMode mode, v1::Entity* entity) {
  const bool all = mode == OfacRemarksMode::kAllFacts;
  // "alt. DOB ...", "Alt. Fax: ..." are further values of the same fact.
  if (!absl::ConsumePrefix(&fact, "alt. ")) absl::ConsumePrefix(&fact, "Alt. ");
  fact = TrimSpace(fact);
  if (fact.empty()) return true;

  if (HasLabel(fact, "Linked To:")) {
    absl::string_view name = After(fact, "Linked To:");
    if (!name.empty()) entity->add_linked_to(std::string(name));
    return true;
  }
  if (HasLabel(fact, "Listing Date")) {
    absl::string_view d = DateAfterParen(After(fact, "Listing Date"));
    absl::string_view name = TrimSpace(fact.substr(0, fact.size() - d.size()));
    absl::ConsumeSuffix(&name, ":");
    if (v1::Listing* listing = FirstListing(entity)) ApplyOfacListingDate(name, d, listing);
    AddRaw(name, d, entity);
    return ParseLooseDate(d).ok();
  }
  for (absl::string_view label : {"Effective Date", "Purchase/Sales For Divestment Date"}) {
    if (HasLabel(fact, label)) {
      absl::string_view d = DateAfterParen(After(fact, label));
      if (d.empty() || !ParseLooseDate(d).ok()) break;  // a sentence, not a date
      absl::string_view name = TrimSpace(fact.substr(0, fact.size() - d.size()));
      absl::ConsumeSuffix(&name, ":");
      AddRaw(name, d, entity);
      return true;
    }
  }
  for (absl::string_view note : kListingNotes) {
    if (absl::StartsWith(fact, note)) {
      AddListingNote(fact, entity);
      return true;
    }
  }
  if (!all) return false;

  if (HasLabel(fact, "DOB")) {
    absl::string_view text = After(fact, "DOB");
    auto date = ParseLooseDate(text);
    if (!date.ok()) date = ParseYearRange(text);
    if (!date.ok()) return false;
    *entity->add_dates_of_birth() = *std::move(date);
    return true;
  }
  if (HasLabel(fact, "POB")) {
    absl::string_view place = After(fact, "POB");
    if (!place.empty()) entity->add_places_of_birth(std::string(place));
    return true;
  }
  for (absl::string_view label : {"nationality", "citizen"}) {
    if (HasLabel(fact, label)) {
      absl::string_view c = After(fact, label);
      if (c.empty()) return false;
      if (label == "nationality") {
        entity->add_nationalities(std::string(c));
      } else {
        entity->add_citizenships(std::string(c));
      }
      AddEntityCountry(CountryCode(c), entity);
      return true;
    }
  }
  if (HasLabel(fact, "Gender")) {
    entity->set_gender(std::string(After(fact, "Gender")));
    return true;
  }
  for (absl::string_view marker : {"a.k.a.", "f.k.a.", "n.k.a."}) {
    if (HasLabel(fact, marker)) {
      AddWeakName(marker, After(fact, marker), entity);
      return true;
    }
  }
  if (absl::StartsWith(fact, "Digital Currency Address - ")) {
    absl::string_view rest = fact.substr(27);
    size_t sp = rest.find(' ');
    if (sp == absl::string_view::npos) return false;
    auto* id = entity->add_identifiers();
    id->set_kind(v1::IDENTIFIER_KIND_DIGITAL_CURRENCY_ADDRESS);
    id->set_type(std::string(fact.substr(0, 27 + sp)));
    id->set_value(std::string(TrimSpace(rest.substr(sp + 1))));
    return true;
  }
  if (const IdLabel* label = FindIdLabel(fact)) {
    AddIdentifier(*label, fact.substr(label->label.size()),
                  entity->kind() == v1::ENTITY_KIND_INDIVIDUAL, entity);
    return true;
  }
  for (absl::string_view label : kRawLabels) {
    if (HasLabel(fact, label)) {
      absl::string_view name = label;
      absl::ConsumeSuffix(&name, ":");
      AddRaw(name, After(fact, label), entity);
      return true;
    }
  }
  return false;
}

bool ApplyOfacListingDate(absl::string_view label, absl::string_view date_text,
                          v1::Listing* listing) {
  label = TrimSpace(label);
  absl::ConsumeSuffix(&label, ":");
  if (!absl::ConsumePrefix(&label, "Listing Date")) return false;
  label = TrimSpace(label);
  if (!absl::ConsumePrefix(&label, "(") || !absl::ConsumeSuffix(&label, ")")) return false;
  // "EO 14024 Directive 2" → "EO14024"; "CMIC" → "CMIC".
  absl::string_view head = label.substr(0, label.find(" Directive"));
  std::string programme;
  for (char c : head) {
    if (c != ' ') programme.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
  }
  if (programme.empty() || listing->programs_size() == 0) return false;
  const std::string& source = listing->source_list();
  if (source == "SDN" || absl::StartsWith(source, "Specially Designated Nationals")) return false;
  for (const std::string& p : listing->programs()) {
    std::string compact;
    for (char c : p) {
      if (c != ' ') compact.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
    }
    if (!absl::StrContains(compact, programme)) return false;
  }
  auto date = ParseLooseDate(TrimSpace(date_text));
  if (!date.ok() || !IsFullDate(*date) || date->end_year() != 0 || date->approximate()) {
    return false;
  }
  if (listing->has_start_date() && listing->start_date().year() != 0) {
    const v1::PartialDate& old = listing->start_date();
    auto key = [](const v1::PartialDate& x) {
      return std::make_tuple(x.year(), x.month(), x.day());
    };
    if (key(*date) >= key(old)) return false;
  }
  *listing->mutable_start_date() = *std::move(date);
  return true;
}

bool OfacIdentifierKind(absl::string_view label, bool person, v1::IdentifierKind* kind) {
  label = TrimSpace(label);
  absl::ConsumeSuffix(&label, ":");
  for (const IdLabel& l : kIdLabels) {
    absl::string_view candidate = l.label;
    absl::ConsumeSuffix(&candidate, ":");
    if (candidate == label) {
      *kind = person ? l.person_kind : l.kind;
      return true;
    }
  }
  return false;
}

std::string OfacConsSubList(const std::vector<std::string>& programs) {
  auto has = [&](absl::string_view prefix) {
    for (const auto& p : programs) {
      if (absl::StartsWith(p, prefix)) return true;
    }
    return false;
  };
  if (has("UKRAINE-EO13662")) return "SSI";
  if (has("CMIC-")) return "NS-CMIC";
  if (has("NS-PLC")) return "NS-PLC";
  if (has("561")) return "561";
  if (has("FSE-")) return "FSE";
  if (has("NS-ISA") || has("ISA")) return "NS-ISA";
  if (has("RUSSIA-EO14024") || has("CAATSA") || has("BURMA-EO14014") || has("ILLICIT-DRUGS") ||
      has("NS-MBS") || has("MBS")) {
    return "NS-MBS";
  }
  return "Non-SDN";
}

void AddEntityCountry(absl::string_view code, v1::Entity* entity) {
  if (code.empty()) return;
  for (const auto& c : entity->countries()) {
    if (c == code) return;
  }
  entity->add_countries(std::string(code));
}

std::vector<absl::string_view> SplitOfacRemarks(absl::string_view remarks) {
  std::vector<absl::string_view> out;
  remarks = TrimSpace(remarks);
  auto split = [&](bool honour_parens) {
    out.clear();
    size_t start = 0;
    int depth = 0;
    for (size_t i = 0; i <= remarks.size(); ++i) {
      if (i == remarks.size() || (remarks[i] == ';' && depth == 0)) {
        absl::string_view fact = TrimSpace(remarks.substr(start, i - start));
        if (!fact.empty()) out.push_back(fact);
        start = i + 1;
        continue;
      }
      if (!honour_parens) continue;
      if (remarks[i] == '(') ++depth;
      if (remarks[i] == ')' && depth > 0) --depth;
    }
    return depth == 0;
  };
  if (!split(true)) split(false);  // unbalanced parentheses: plain split
  if (!out.empty()) {
    absl::string_view& last = out.back();
    if (absl::EndsWith(last, ".") && !KeepsFinalPeriod(last)) {
      last.remove_suffix(1);
      last = TrimSpace(last);
      if (last.empty()) out.pop_back();
    }
  }
  return out;
}

void ParseOfacRemarks(absl::string_view remarks, OfacRemarksMode mode, v1::Entity* entity) {
  for (absl::string_view fact : SplitOfacRemarks(remarks)) {
    ParseOfacFact(fact, mode, entity);
  }
}

}  // namespace partyscreen::internal
