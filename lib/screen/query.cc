#include "partyscreen/query.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace partyscreen {

absl::StatusOr<PartyKind> ParsePartyKind(absl::string_view text) {
  std::string t = absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (t.empty() || t == "unknown") return PartyKind::kUnknown;
  if (t == "person" || t == "individual") return PartyKind::kPerson;
  if (t == "organization" || t == "organisation" || t == "entity" || t == "company") return PartyKind::kOrganization;
  if (t == "vessel" || t == "ship") return PartyKind::kVessel;
  if (t == "aircraft") return PartyKind::kAircraft;
  return absl::InvalidArgumentError(absl::StrCat(
      "kind '", t.size() > 40 ? t.substr(0, 40) : t,
      "' is not one of person, individual, organization, entity, company, vessel, aircraft"));
}

absl::string_view PartyKindName(PartyKind kind) {
  switch (kind) {
    case PartyKind::kPerson: return "person";
    case PartyKind::kOrganization: return "organization";
    case PartyKind::kVessel: return "vessel";
    case PartyKind::kAircraft: return "aircraft";
    case PartyKind::kUnknown: break;
  }
  return "unknown";
}

}  // namespace partyscreen
