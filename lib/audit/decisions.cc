// Decisions (the good-guy list) and the run record (partyscreen/audit.h).
#include <ctime>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "lib/util/file.h"
#include "lib/util/json.h"
#include "lib/util/sha256.h"
#include "partyscreen/audit.h"

#ifndef PARTYSCREEN_VERSION
#define PARTYSCREEN_VERSION "0.0.0"
#endif

namespace partyscreen {
namespace {

std::string DecisionKey(absl::string_view counterparty, absl::string_view list, absl::string_view entity) {
  return absl::StrCat(counterparty, "\x1f", list, "\x1f", entity);
}

bool IsHex64(absl::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

absl::Status ValidateDecision(const Decision& d) {
  for (const auto& [name, value] : std::vector<std::pair<const char*, const std::string*>>{
           {"counterparty", &d.counterparty},
           {"list", &d.list_id},
           {"entity_id", &d.entity_id},
           {"fingerprint", &d.fingerprint},
           {"decision", &d.decision},
           {"reviewer", &d.reviewer},
           {"date", &d.date}}) {
    if (absl::StripAsciiWhitespace(*value).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(name, ": missing or empty"));
    }
  }
  if (d.decision != "cleared" && d.decision != "escalated") {
    return absl::InvalidArgumentError("decision: must be \"cleared\" or \"escalated\"");
  }
  if (auto day = ParseDay(d.date); !day.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("date: ", day.status().message()));
  }
  if (!IsHex64(d.fingerprint)) {
    return absl::InvalidArgumentError("fingerprint: must be 64 lowercase hex digits (SHA-256)");
  }
  if (!d.record.empty()) {
    std::string bytes;
    if (!absl::Base64Unescape(d.record, &bytes)) return absl::InvalidArgumentError("record: not base64");
    if (internal::Sha256Hex(bytes) != d.fingerprint) {
      return absl::InvalidArgumentError("record: does not match the fingerprint");
    }
  }
  return absl::OkStatus();
}

std::string DecisionToJson(const Decision& d) {
  std::string out = "{";
  bool first = true;
  for (const auto& [name, value] : std::vector<std::pair<const char*, const std::string*>>{
           {"counterparty", &d.counterparty},
           {"list", &d.list_id},
           {"entity_id", &d.entity_id},
           {"fingerprint", &d.fingerprint},
           {"decision", &d.decision},
           {"reviewer", &d.reviewer},
           {"date", &d.date},
           {"reason", &d.reason},
           {"record", &d.record}}) {
    if (value->empty() && std::string(name) == "record") continue;
    if (!first) out += ", ";
    first = false;
    internal::AppendJsonString(name, &out);
    out += ": ";
    internal::AppendJsonString(*value, &out);
  }
  out += "}";
  return out;
}

absl::StatusOr<std::vector<Decision>> ReadDecisions(absl::string_view path) {
  auto text = internal::ReadFileToString(path);
  if (!text.ok()) return text.status();
  std::vector<Decision> out;
  int64_t line_no = 0;
  for (absl::string_view line : absl::StrSplit(*text, '\n')) {
    ++line_no;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    auto err = [&](absl::string_view msg) {
      return absl::InvalidArgumentError(absl::StrCat(path, ":", line_no, ": ", msg));
    };
    google::protobuf::Struct obj;
    if (line[0] != '{' || !google::protobuf::util::JsonStringToMessage(std::string(line), &obj).ok()) {
      return err("not a JSON object (one decision per line)");
    }
    Decision d;
    d.line = line_no;
    for (const auto& [key, value] : obj.fields()) {
      std::string* target = nullptr;
      if (key == "counterparty") target = &d.counterparty;
      else if (key == "list") target = &d.list_id;
      else if (key == "entity_id") target = &d.entity_id;
      else if (key == "fingerprint") target = &d.fingerprint;
      else if (key == "decision") target = &d.decision;
      else if (key == "reviewer") target = &d.reviewer;
      else if (key == "date") target = &d.date;
      else if (key == "reason") target = &d.reason;
      else if (key == "record") target = &d.record;
      else return err(absl::StrCat(key, ": unknown field"));
      if (value.kind_case() != google::protobuf::Value::kStringValue) return err(absl::StrCat(key, ": must be a string"));
      *target = value.string_value();
    }
    if (auto s = ValidateDecision(d); !s.ok()) return err(s.message());
    out.push_back(std::move(d));
  }
  return out;
}

absl::Status AppendDecision(absl::string_view path, const Decision& d) {
  if (auto s = ValidateDecision(d); !s.ok()) return s;
  return internal::AppendLineLocked(path, DecisionToJson(d) + "\n");
}

absl::string_view DecisionStateName(DecisionCheck::State state) {
  switch (state) {
    case DecisionCheck::State::kNone: return "";
    case DecisionCheck::State::kSuppressed: return "suppressed";
    case DecisionCheck::State::kStale: return "stale";
    case DecisionCheck::State::kEscalated: return "escalated";
  }
  return "";
}

DecisionBook::DecisionBook(std::vector<Decision> decisions) : decisions_(std::move(decisions)) {
  for (size_t i = 0; i < decisions_.size(); ++i) {
    const Decision& d = decisions_[i];
    latest_[DecisionKey(d.counterparty, d.list_id, d.entity_id)] = i;
  }
}

DecisionCheck DecisionBook::Check(absl::string_view counterparty, const v1::Entity& current) const {
  DecisionCheck c;
  auto it = latest_.find(DecisionKey(counterparty, current.list_id(), current.entity_id()));
  if (it == latest_.end()) return c;
  c.decision = &decisions_[it->second];
  if (c.decision->decision == "escalated") {
    c.state = DecisionCheck::State::kEscalated;
    return c;
  }
  if (EntityFingerprint(current) == c.decision->fingerprint) {
    c.state = DecisionCheck::State::kSuppressed;
    return c;
  }
  c.state = DecisionCheck::State::kStale;
  std::string bytes;
  v1::Entity then;
  if (!c.decision->record.empty() && absl::Base64Unescape(c.decision->record, &bytes) && then.ParseFromString(bytes)) {
    c.changes = DiffEntities(then, current);
  }
  return c;
}

// ----------------------------------------------------------- run record --

namespace {

void AppendKeyString(absl::string_view key, absl::string_view value, std::string* out) {
  internal::AppendJsonString(key, out);
  out->append(": ");
  internal::AppendJsonString(value, out);
}

}  // namespace

std::string RunRecordToJson(const RunRecord& r) {
  std::string out = "{";
  AppendKeyString("command", r.command, &out);
  out += ", ";
  AppendKeyString("library_version", r.library_version, &out);
  out += ", \"options\": {";
  for (size_t i = 0; i < r.options.size(); ++i) {
    if (i) out += ", ";
    AppendKeyString(r.options[i].first, r.options[i].second, &out);
  }
  out += "}, ";
  AppendKeyString("index_fingerprint", r.index_fingerprint, &out);
  out += ", \"lists\": [";
  for (size_t i = 0; i < r.lists.size(); ++i) {
    const ListInfo& l = r.lists[i];
    if (i) out += ", ";
    out += "{";
    AppendKeyString("id", l.list_id, &out);
    out += ", ";
    AppendKeyString("name", l.name, &out);
    out += ", ";
    AppendKeyString("publication_date", l.publication_date, &out);
    out += ", ";
    AppendKeyString("sha256", l.sha256, &out);
    out += ", ";
    AppendKeyString("format", l.format, &out);
    absl::StrAppend(&out, ", \"entities\": ", l.entities, "}");
  }
  out += "], \"input\": {";
  AppendKeyString("path", r.input_path, &out);
  out += ", ";
  AppendKeyString("sha256", r.input_sha256, &out);
  out += "}, ";
  AppendKeyString("as_of", r.as_of, &out);
  out += ", ";
  AppendKeyString("decisions_sha256", r.decisions_sha256, &out);
  out += ", \"counts\": {";
  for (size_t i = 0; i < r.counts.size(); ++i) {
    if (i) out += ", ";
    internal::AppendJsonString(r.counts[i].first, &out);
    absl::StrAppend(&out, ": ", r.counts[i].second);
  }
  out += "}";
  for (const auto& [k, v] : r.extra) {
    out += ", ";
    AppendKeyString(k, v, &out);
  }
  out += ", ";
  AppendKeyString("time", r.time, &out);
  out += "}";
  return out;
}

std::string UtcNow() {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::Now(), absl::UTCTimeZone());
}

absl::string_view LibraryVersion() { return PARTYSCREEN_VERSION; }

}  // namespace partyscreen
