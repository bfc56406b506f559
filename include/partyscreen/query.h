// partyscreen/query.h — what is screened: a counterparty's name and,
// optionally, its kind, country, date of birth and identifiers.
//
//   partyscreen::Query q;
//   q.name = "Hangzhou Hikvision Digital Technology Co., Ltd.";
//   q.kind = partyscreen::PartyKind::kOrganization;
//   q.country = "CN";
//
// A `Query` is a plain struct; copy it freely.

#ifndef PARTYSCREEN_QUERY_H_
#define PARTYSCREEN_QUERY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace partyscreen {

enum class PartyKind { kUnknown, kPerson, kOrganization, kVessel, kAircraft };

// Parses "person"/"individual", "organization"/"organisation"/"entity"/
// "company", "vessel"/"ship", "aircraft", "" (unknown); case-insensitive.
// Returns kInvalidArgument for anything else.
absl::StatusOr<PartyKind> ParsePartyKind(absl::string_view text);

// "person", "organization", "vessel", "aircraft" or "unknown".
absl::string_view PartyKindName(PartyKind kind);

struct QueryIdentifier {
  std::string type;   // "passport", "imo", "registration", "" (any)
  std::string value;  // "A1234567"
};

struct Query {
  // The name to screen, UTF-8, any script. Required (an empty or
  // punctuation-only name is kInvalidArgument from Screen).
  std::string name;
  // What the counterparty is. Default: kUnknown (no kind adjustment).
  PartyKind kind = PartyKind::kUnknown;
  // ISO 3166-1 alpha-2 code or an English country name. Default: "" (none).
  std::string country;
  // YYYY, YYYY-MM or YYYY-MM-DD. Default: "" (none).
  std::string date_of_birth;
  // Identifiers of the counterparty (passport, IMO, registration number...).
  std::vector<QueryIdentifier> identifiers;
};

}  // namespace partyscreen

#endif  // PARTYSCREEN_QUERY_H_
