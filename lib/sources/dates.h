// Parsing of the date spellings found in list files into `v1::PartialDate`.
#ifndef PARTYSCREEN_LIB_SOURCES_DATES_H_
#define PARTYSCREEN_LIB_SOURCES_DATES_H_

#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/statusor.h"
#include "partyscreen/v1/entity.pb.h"

namespace partyscreen::internal {

// "2019-10-09" → {2019,10,9}; also "2019-10" and "2019". kInvalidArgument
// otherwise (including impossible days such as 2019-02-30).
absl::StatusOr<v1::PartialDate> ParseIsoDate(absl::string_view s);

// Day-first numeric dates "10/04/2025" (UK, UN "dd/mm/yyyy").
absl::StatusOr<v1::PartialDate> ParseDayFirstDate(absl::string_view s);

// Month-first numeric dates "10/09/2019" (US publishers: DPL, ISN).
absl::StatusOr<v1::PartialDate> ParseMonthFirstDate(absl::string_view s);

// The free forms of OFAC remarks and similar text: "12 Jan 1960",
// "Jan 1960", "1960", "circa 1960", "1960 to 1962", "01 Jan 1960 to 31 Dec
// 1961", "January 12, 1960", ISO forms. kInvalidArgument if nothing parses.
absl::StatusOr<v1::PartialDate> ParseLooseDate(absl::string_view s);

// "YYYY[-MM[-DD]]" text of a date (empty for year 0).
std::string FormatPartialDate(const v1::PartialDate& d);

// True if the date has a year, month and day.
bool IsFullDate(const v1::PartialDate& d);

// The month number of an English month name or abbreviation ("Jan",
// "january", "Sept"), or 0.
int MonthFromName(absl::string_view name);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_SOURCES_DATES_H_
