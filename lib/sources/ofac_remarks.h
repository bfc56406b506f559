// Parsing of the structured facts in OFAC remarks. OFAC's legacy CSV puts
// everything it knows about a party beyond names and addresses into one
// semicolon-separated Remarks field:
//
//   "DOB 12 Jan 1960; alt. DOB 1961; POB Tehran, Iran; nationality Iran;
//    Gender Male; Passport A123456 (Iran) expires 2020; a.k.a. 'ABU X';
//    Linked To: ISLAMIC REVOLUTIONARY GUARD CORPS."
//
//   v1::Entity e;  e.set_kind(v1::ENTITY_KIND_INDIVIDUAL);
//   ParseOfacRemarks(e.remarks(), OfacRemarksMode::kAllFacts, &e);
//
// The caller keeps the complete raw text in `Entity.remarks`; a fact this
// parser does not recognise is simply left there (never lost).
#ifndef PARTYSCREEN_LIB_SOURCES_OFAC_REMARKS_H_
#define PARTYSCREEN_LIB_SOURCES_OFAC_REMARKS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "partyscreen/v1/entity.pb.h"

namespace partyscreen::internal {

enum class OfacRemarksMode {
  // The legacy CSV: every fact lives in the remarks; parse them all.
  kAllFacts,
  // The sdnList XML carries ids, dates, places, nationalities and weak
  // aliases in their own elements; its remarks only add "Linked To:" links,
  // listing/effective dates and sanctions notes.
  kXmlRemainder,
};

// Splits remarks into facts: on ';' outside parentheses (on every ';' when
// the parentheses do not balance), each fact trimmed and without the remarks' final period.
// "Linked To: X S.A." keeps the period of an abbreviation. Thread-safe.
std::vector<absl::string_view> SplitOfacRemarks(absl::string_view remarks);

// Parses `remarks` into `entity`: dates_of_birth ("DOB 12 Jan 1960", "DOB
// circa 1960", "DOB 1960 to 1962", "alt. DOB ..."), places_of_birth,
// nationalities / citizenships (with their ISO codes added to `countries`),
// gender, identifiers (passports, national and tax ids, registration
// numbers, IMO, MMSI, SWIFT/BIC, USCC, ISIN, LEI, e-mail, website, digital
// currency addresses, aircraft serial numbers, cedulas, ... with the issuing
// country and "issued/expires" remarks), weak aliases ("a.k.a. 'X'" →
// NAME_KIND_WEAK_ALIAS), linked_to, the listing start date ("Listing Date
// (CMIC) 10 Dec 2021" → `listings(0).start_date` as `ApplyOfacListingDate`
// allows; the fact is also kept as a `raw` field), sanctions notes ("Secondary sanctions risk: ...",
// "Additional Sanctions Information - ..." → `listings(0).remarks`), and
// other descriptive facts ("Effective Date (CMIC)", "Organization
// Established Date", "Aircraft Model", ...) as `raw` fields.
//
// `entity.kind()` should be set first (an "Identification Number" is a
// national id for a person). Never fails; thread-safe.
void ParseOfacRemarks(absl::string_view remarks, OfacRemarksMode mode, v1::Entity* entity);

// Parses one fact (as split by `SplitOfacRemarks`) into `entity`. Returns
// true if it was recognised. Thread-safe.
bool ParseOfacFact(absl::string_view fact, OfacRemarksMode mode, v1::Entity* entity);

// Applies an OFAC listing date to `listing` as its start date, when the
// date dates the whole listing. `label` is the fact's label as OFAC writes
// it in remarks, or as the CSL writes it as an id type: "Listing Date
// (CMIC)", "Listing Date (EO 14024 Directive 2)"; `date_text` the date ("10
// Dec 2021"; the CSL's "2021-12-10" too). The date is applied only if
//   - the label is a "Listing Date (QUALIFIER)" and the date parses to a day;
//   - the qualifier's programme ("CMIC", "EO 14024") is in every one of the
//     listing's programs ("CMIC-EO13959", "RUSSIA-EO14024"): a directive's
//     date does not date an entry also listed under another programme
//     (SBERBANK: SSI under UKRAINE-EO13662 since 2014, EO 14024 Directive 2
//     from 24 Feb 2022; taking 2022 would call a 2019 dealing "listed
//     later");
//   - the listing is not the SDN list: a sub-list date says nothing of the
//     date of an SDN designation (that comes from the list history).
// Of several listing dates the earliest wins. Returns true if the start
// date was set. Thread-safe.
bool ApplyOfacListingDate(absl::string_view label, absl::string_view date_text,
                          v1::Listing* listing);

// The identifier kind of an OFAC identifier label as the XML's idType
// carries it ("Passport", "C.R. No.", "SWIFT/BIC"); `person` selects the
// kind for individuals ("Identification Number" is a national id). Returns
// false for a label that is not in the table. Thread-safe.
bool OfacIdentifierKind(absl::string_view label, bool person, v1::IdentifierKind* kind);

// The OFAC sub-list of a consolidated (non-SDN) entry from its programs:
// "SSI" (UKRAINE-EO13662), "NS-CMIC" (CMIC-*), "NS-PLC", "561" (Part 561
// list), "FSE" (FSE-*), "NS-ISA", "NS-MBS" (RUSSIA-EO14024, CAATSA, BURMA-
// EO14014, ILLICIT-DRUGS directives), else "Non-SDN". Thread-safe.
std::string OfacConsSubList(const std::vector<std::string>& programs);

// Adds an ISO alpha-2 code to `entity.countries` unless empty or present.
void AddEntityCountry(absl::string_view code, v1::Entity* entity);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SOURCES_OFAC_REMARKS_H_
