#include "lib/sources/dates.h"

#include <cctype>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace partyscreen::internal {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool Valid(int y, int m, int d) {
  if (y < 1000 || y > 2999) return false;
  if (m < 0 || m > 12) return false;
  if (m == 0) return d == 0;
  if (d < 0 || d > DaysInMonth(y, m)) return false;
  return true;
}

absl::Status Bad(absl::string_view s) {
  return absl::InvalidArgumentError(absl::StrCat("'", s, "' is not a recognised date"));
}

bool AllDigits(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

v1::PartialDate Make(int y, int m, int d, absl::string_view text) {
  v1::PartialDate out;
  out.set_year(y);
  out.set_month(m);
  out.set_day(d);
  out.set_text(std::string(text));
  return out;
}

absl::StatusOr<v1::PartialDate> ParseNumeric(absl::string_view s, bool day_first) {
  std::vector<absl::string_view> parts = absl::StrSplit(s, absl::ByAnyChar("/.-"));
  if (parts.size() != 3) return Bad(s);
  int a, b, y;
  if (!AllDigits(parts[0]) || !AllDigits(parts[1]) || !AllDigits(parts[2]) ||
      !absl::SimpleAtoi(parts[0], &a) || !absl::SimpleAtoi(parts[1], &b) ||
      !absl::SimpleAtoi(parts[2], &y) || parts[2].size() != 4) {
    return Bad(s);
  }
  int d = day_first ? a : b, m = day_first ? b : a;
  if (!Valid(y, m, d) || m == 0 || d == 0) return Bad(s);
  return Make(y, m, d, s);
}

// One date without range/circa words: "12 Jan 1960", "Jan 1960", "1960",
// "January 12, 1960", ISO.
absl::StatusOr<v1::PartialDate> ParseSingle(absl::string_view s) {
  s = absl::StripAsciiWhitespace(s);
  if (auto iso = ParseIsoDate(s); iso.ok()) return iso;
  std::string cleaned;
  for (char c : s) cleaned.push_back(c == ',' ? ' ' : c);
  std::vector<absl::string_view> toks = absl::StrSplit(cleaned, ' ', absl::SkipEmpty());
  int y = 0, m = 0, d = 0;
  for (absl::string_view t : toks) {
    if (AllDigits(t)) {
      int v;
      if (!absl::SimpleAtoi(t, &v)) return Bad(s);
      if (t.size() == 4) {
        if (y) return Bad(s);
        y = v;
      } else if (t.size() <= 2) {
        if (d) return Bad(s);
        d = v;
      } else {
        return Bad(s);
      }
    } else if (int mm = MonthFromName(t); mm > 0) {
      if (m) return Bad(s);
      m = mm;
    } else {
      return Bad(s);
    }
  }
  if (y == 0 || (d != 0 && m == 0) || !Valid(y, m, d)) return Bad(s);
  return Make(y, m, d, s);
}

}  // namespace

int MonthFromName(absl::string_view name) {
  static const char* kNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                 "july",    "august",   "september", "october", "november", "december"};
  std::string n = absl::AsciiStrToLower(absl::StripSuffix(name, "."));
  if (n.size() < 3) return 0;
  if (n == "sept") return 9;
  for (int i = 0; i < 12; ++i) {
    absl::string_view full = kNames[i];
    if (n == full || (n.size() == 3 && full.substr(0, 3) == n)) return i + 1;
  }
  return 0;
}

absl::StatusOr<v1::PartialDate> ParseIsoDate(absl::string_view s) {
  s = absl::StripAsciiWhitespace(s);
  // Accept a trailing time ("2019-10-09T00:00:00Z", "2019-10-09 00:00:00").
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ')) s = s.substr(0, 10);
  std::vector<absl::string_view> parts = absl::StrSplit(s, '-');
  if (parts.empty() || parts.size() > 3 || parts[0].size() != 4) return Bad(s);
  int v[3] = {0, 0, 0};
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!AllDigits(parts[i]) || (i > 0 && parts[i].size() != 2) || !absl::SimpleAtoi(parts[i], &v[i])) {
      return Bad(s);
    }
  }
  if (!Valid(v[0], v[1], v[2]) || (parts.size() >= 2 && v[1] == 0) || (parts.size() == 3 && v[2] == 0)) {
    return Bad(s);
  }
  return Make(v[0], v[1], v[2], s);
}

absl::StatusOr<v1::PartialDate> ParseDayFirstDate(absl::string_view s) {
  s = absl::StripAsciiWhitespace(s);
  if (s.size() > 10 && s[10] == ' ') s = s.substr(0, 10);  // "10/04/2025 00:00"
  if (auto r = ParseNumeric(s, true); r.ok()) return r;
  return ParseLooseDate(s);
}

absl::StatusOr<v1::PartialDate> ParseMonthFirstDate(absl::string_view s) {
  s = absl::StripAsciiWhitespace(s);
  if (s.size() > 10 && s[10] == ' ') s = s.substr(0, 10);
  if (auto r = ParseNumeric(s, false); r.ok()) return r;
  return ParseLooseDate(s);
}

absl::StatusOr<v1::PartialDate> ParseLooseDate(absl::string_view text) {
  absl::string_view s = absl::StripAsciiWhitespace(text);
  std::string lower = absl::AsciiStrToLower(s);
  bool approx = false;
  absl::string_view body = lower;
  for (absl::string_view prefix : {"circa ", "c. ", "ca. ", "approximately ", "approx. ", "about "}) {
    if (absl::ConsumePrefix(&body, prefix)) {
      approx = true;
      break;
    }
  }
  size_t to = body.find(" to ");
  if (to == absl::string_view::npos) to = body.find(" - ");
  if (to != absl::string_view::npos) {
    auto a = ParseSingle(body.substr(0, to));
    auto b = ParseSingle(body.substr(to + (body[to + 1] == 't' ? 4 : 3)));
    if (!a.ok() || !b.ok()) return Bad(s);
    v1::PartialDate out = *a;
    out.set_end_year(b->year());
    out.set_approximate(approx);
    out.set_text(std::string(s));
    return out;
  }
  auto one = ParseSingle(body);
  if (!one.ok()) return Bad(s);
  one->set_approximate(approx);
  one->set_text(std::string(s));
  return one;
}

std::string FormatPartialDate(const v1::PartialDate& d) {
  if (d.year() == 0) return "";
  if (d.month() == 0) return absl::StrFormat("%04d", d.year());
  if (d.day() == 0) return absl::StrFormat("%04d-%02d", d.year(), d.month());
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

bool IsFullDate(const v1::PartialDate& d) { return d.year() > 0 && d.month() > 0 && d.day() > 0; }

}  // namespace partyscreen::internal
