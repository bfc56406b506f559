// partyscreen/audit.h — the compliance workflows around screening: list
// history, list diffs, point-in-time ("was this party listed on that day?"),
// analyst decisions (the good-guy list) and the run record of the audit trail.
//
//   // Store dated versions of a list, then ask what was in force on a day.
//   auto history = partyscreen::History::Open("history/");     // or OpenOrCreate
//   auto spans = history->Spans();                              // first/last appearance
//   absl::CivilDay day = *partyscreen::ParseDay("2022-03-01");
//   partyscreen::InForceResult r = partyscreen::InForce(entity, day, &*spans);
//   if (r.in_force) { /* listed that day: r.from, r.citation */ }
//
//   // What changed between two versions of a list.
//   absl::StatusOr<partyscreen::ListDiff> d = partyscreen::DiffLists(old_list, new_list);
//   // d->added, d->removed, d->changed; d->changes[i].fields ("aliases", ...)
//
// Thread safety: the free functions are thread-safe; `History`,
// `ListingSpans` and `DecisionBook` are immutable after construction and safe
// for concurrent reads. `History::Add` and `AppendDecision` take a file lock,
// so concurrent processes may call them on the same directory or file.

#ifndef PARTYSCREEN_AUDIT_H_
#define PARTYSCREEN_AUDIT_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/types/optional.h"
#include "partyscreen/index.h"
#include "partyscreen/v1/entity.pb.h"

namespace partyscreen {

// ---------------------------------------------------------------- dates --

// Parses a day written exactly "YYYY-MM-DD". Returns kInvalidArgument for
// any other spelling or an impossible day ("2019-02-30").
absl::StatusOr<absl::CivilDay> ParseDay(absl::string_view text);

// "YYYY-MM-DD".
std::string FormatDay(absl::CivilDay day);

// The earliest day a partial date can mean (year only → January 1; year
// and month → the 1st), or nullopt when the year is unknown.
absl::optional<absl::CivilDay> EarliestDay(const v1::PartialDate& date);

// -------------------------------------------------- fingerprints, diffs --

// The bytes that identify an entity's listing content: the deterministic
// protobuf serialization of the entity with `source_line` and `source_file`
// cleared (a record that merely moved within its file is unchanged).
std::string CanonicalEntityBytes(const v1::Entity& entity);

// Lowercase hex SHA-256 of `CanonicalEntityBytes(entity)`.
std::string EntityFingerprint(const v1::Entity& entity);

// One field that differs between two records of the same entity. Values
// are display strings ("SWIFT/BIC BKCHCNBJ", "a.k.a. SENSE TIME"); a field
// compared as a set lists only the values that left and arrived.
struct FieldChange {
  // "kind", "name", "aliases", "addresses", "programs", "source_lists",
  // "listing_dates", "citations", "listing_details", "identifiers",
  // "dates_of_birth", "places_of_birth", "nationalities", "citizenships",
  // "countries", "title", "gender", "remarks", "vessel", "linked_to",
  // "other".
  std::string field;
  std::vector<std::string> removed;
  std::vector<std::string> added;
};

// The fields that differ between two records of one entity, in the order
// of the list above; empty iff the fingerprints are equal. A difference in
// a field outside that list, or only in the order of repeated values,
// yields one "other" change with no values.
std::vector<FieldChange> DiffEntities(const v1::Entity& old_entity,
                                      const v1::Entity& new_entity);

enum class ChangeType { kAdded, kRemoved, kChanged };

// "added", "removed", "changed".
absl::string_view ChangeTypeName(ChangeType type);

// One entity that differs between two versions of a list. The pointers
// refer into the lists given to `DiffLists`: keep those alive.
struct EntityChange {
  ChangeType type = ChangeType::kChanged;
  std::string entity_id;
  std::string name;                      // primary name (new record, else old)
  std::vector<FieldChange> fields;       // for kChanged
  const v1::Entity* old_entity = nullptr;  // null for kAdded
  const v1::Entity* new_entity = nullptr;  // null for kRemoved
};

struct ListDiff {
  std::string list_id;
  std::string old_publication_date, new_publication_date;
  std::string old_sha256, new_sha256;
  int64_t old_entities = 0, new_entities = 0;
  int64_t added = 0, removed = 0, changed = 0, unchanged = 0;
  // Ordered by entity id (numerically when both ids are numbers).
  std::vector<EntityChange> changes;
};

// Entity-level differences between two versions of one list, matched by
// the publisher's entity id. Returns kInvalidArgument when the list ids
// differ or an entity id repeats within a list.
absl::StatusOr<ListDiff> DiffLists(const v1::EntityList& old_list,
                                   const v1::EntityList& new_list);

// A readable report: a header with counts, then one block per change.
std::string ListDiffToText(const ListDiff& diff);

// One JSON object (no newline) for a change: {"change": "changed", "list":
// ..., "entity_id": ..., "name": ..., "fields": [{"field", "removed",
// "added"}]}.
std::string EntityChangeToJson(absl::string_view list_id, const EntityChange& change);

// One JSON object (no newline) with the diff's header and counts.
std::string ListDiffSummaryJson(const ListDiff& diff);

// --------------------------------------------------------- list history --

// One stored version of a list.
struct HistoryVersion {
  std::string list_id;           // "us_ofac_sdn"
  std::string date;              // the version's date, YYYY-MM-DD
  std::string format;            // reader format: "ofac_csv"
  std::string source_sha256;     // ListSource.sha256 of the files read
  std::string publication_date;  // as read ("" if the file states none)
  int64_t entities = 0;
  std::string file;              // the stored file, relative to the directory
  std::string file_sha256;       // of the stored file (checked on load)
};

// The interval during which an entity was on a list according to the
// history: from its first appearance to the first later version without
// it (`until`, exclusive; nullopt = still in the newest version).
struct ListingInterval {
  absl::CivilDay from;
  absl::optional<absl::CivilDay> until;
};

// Listing intervals of every entity in a history. Build with
// `History::Spans`. Immutable; safe for concurrent reads.
class ListingSpans {
 public:
  // True if the history holds at least one version of `list_id`.
  bool Covers(absl::string_view list_id) const;
  // The day of the oldest stored version of `list_id`, if any.
  absl::optional<absl::CivilDay> FirstVersion(absl::string_view list_id) const;
  // The intervals of one entity (ordered), or nullptr if it appears in no
  // stored version.
  const std::vector<ListingInterval>* Find(absl::string_view list_id,
                                           absl::string_view entity_id) const;

 private:
  friend class History;
  std::map<std::string, absl::CivilDay> first_version_;
  absl::flat_hash_map<std::string, std::vector<ListingInterval>> intervals_;  // "list\x1fid"
};

// A directory of dated list versions: one file per version holding the
// `v1::EntityList` as read (deterministic protobuf serialization) and a
// catalogue `catalogue.tsv`, rewritten atomically on every change.
//
// Get one with `Open` (existing history) or `OpenOrCreate`. Immutable
// after opening; `Add` writes to disk and returns a fresh view.
class History {
 public:
  // Opens an existing history. Returns kNotFound when the directory or its
  // catalogue does not exist, kFailedPrecondition when the catalogue holds
  // no version ("history DIR is empty"), kDataLoss for a malformed catalogue
  // (the message names catalogue.tsv and the line).
  static absl::StatusOr<History> Open(absl::string_view dir);

  // Opens a history, creating the directory if needed; an empty history is
  // fine here. Errors as `Open`, except for the empty cases, plus kUnavailable
  // / kPermissionDenied when the directory cannot be created.
  static absl::StatusOr<History> OpenOrCreate(absl::string_view dir);

  // Stores `list` as the version of its list id dated `date` (YYYY-MM-DD):
  // writes the version file, then the catalogue, both atomically, under an
  // exclusive lock on DIR/.lock. Adding the same content again for the same
  // list and date is a no-op. Errors: kInvalidArgument (bad date, list with
  // no entity), kAlreadyExists (a different version with that list and
  // date), write errors (kUnavailable, kResourceExhausted). On error the
  // history is unchanged.
  absl::StatusOr<HistoryVersion> Add(const v1::EntityList& list, absl::string_view date) const;

  // All versions, ordered by list id, then date.
  const std::vector<HistoryVersion>& versions() const { return versions_; }
  const std::string& dir() const { return dir_; }

  // The newest version of `list_id` dated on or before `day`, or nullptr.
  const HistoryVersion* VersionOn(absl::string_view list_id, absl::CivilDay day) const;

  // Reads one stored version. Errors: kNotFound (file missing), kDataLoss
  // (checksum mismatch or unparsable file).
  absl::StatusOr<v1::EntityList> Load(const HistoryVersion& version) const;

  // Reads every version (one at a time) and computes each entity's listing
  // intervals. Errors as `Load`.
  absl::StatusOr<ListingSpans> Spans() const;

  // For each list id, the union of its entities over all versions (the
  // newest record of each), as one list per id: what to screen when asking
  // about any past day. The source is that of the newest version. Errors as
  // `Load`.
  absl::StatusOr<std::vector<v1::EntityList>> UnionLists() const;

 private:
  static absl::StatusOr<History> Read(absl::string_view dir, bool must_exist);
  static absl::Status ValidateListIdForHistory(absl::string_view id);
  std::string dir_;
  std::vector<HistoryVersion> versions_;
};

// ------------------------------------------------------- point in time --

enum class ListingStatus {
  kInForce,        // listed on the day
  kNotYetListed,   // listed only later (from `from`)
  kNoLongerListed, // listed before, removed by the day
  kUndated,        // the list states no date and no history covers it:
                   // treated as in force (fail closed)
};

// "in_force", "not_yet_listed", "no_longer_listed", "undated".
absl::string_view ListingStatusName(ListingStatus status);

struct InForceResult {
  bool in_force = true;  // kInForce or kUndated
  ListingStatus status = ListingStatus::kUndated;
  // "listing dates" (stated by the list), "list history" (first/last
  // appearance) or "undated".
  std::string basis;
  absl::optional<absl::CivilDay> from;   // listed from (when known)
  absl::optional<absl::CivilDay> until;  // last day in force / removed by
  std::string source_list;  // "Entity List (EL)" (publisher suffix trimmed)
  std::string citation;     // first Federal Register notice: "84 FR 54002"
};

// Whether `entity` was listed on `day`. Uses the listings' stated start
// and end dates (CSL start_date/end_date, UK "Listed On", UN LISTED_ON)
// when any listing states a start; otherwise the entity's intervals in
// `spans` when the history covers its list (`spans` may be null); otherwise
// kUndated (in force: an undated listing is never dropped).
InForceResult InForce(const v1::Entity& entity, absl::CivilDay day, const ListingSpans* spans);

// "Entity List (EL), 84 FR 54002, in force from 2019-10-09" and similar.
std::string DescribeListing(const InForceResult& r);

// ------------------------------------------------------------ decisions --

// An analyst's decision about one hit, as one JSON line of a decisions file:
// {"counterparty": "V-1001", "list": "us_csl", "entity_id": "36",
//  "fingerprint": "<sha-256 hex>", "decision": "cleared", "reviewer": "jdoe",
//  "date": "2024-05-01", "reason": "different company, other country",
//  "record": "<base64 of CanonicalEntityBytes at decision time>"}
struct Decision {
  std::string counterparty;  // the input row's key (its id column)
  std::string list_id;
  std::string entity_id;
  std::string fingerprint;   // EntityFingerprint at decision time
  std::string decision;      // "cleared" or "escalated"
  std::string reviewer;
  std::string date;          // YYYY-MM-DD
  std::string reason;
  std::string record;        // base64 CanonicalEntityBytes (optional; lets a
                             // stale decision say which fields changed)
  int64_t line = 0;          // line in the file it was read from
};

// Checks the fields of a decision: all but `reason` and `record` required,
// decision "cleared" or "escalated", a valid date, a 64-hex fingerprint that
// matches `record` when present. kInvalidArgument naming the field.
absl::Status ValidateDecision(const Decision& d);

// One JSON line (no newline).
std::string DecisionToJson(const Decision& d);

// Reads a decisions file (JSON lines; blank lines skipped). Errors:
// kNotFound (no file), kInvalidArgument "file:line: ..." for a line that is
// not a JSON object or fails `ValidateDecision`.
absl::StatusOr<std::vector<Decision>> ReadDecisions(absl::string_view path);

// Validates `d` and appends it as one line under an exclusive lock, with
// fsync (concurrent appenders never lose or interleave lines).
absl::Status AppendDecision(absl::string_view path, const Decision& d);

// What a decision means for a hit now.
struct DecisionCheck {
  enum class State {
    kNone,        // no decision for this counterparty and entity
    kSuppressed,  // cleared and the entity's record is unchanged
    kStale,       // cleared, but the record changed since: alert again
    kEscalated,   // escalated: keep alerting
  };
  State state = State::kNone;
  const Decision* decision = nullptr;
  std::vector<FieldChange> changes;  // for kStale (empty if no record was kept)
};

// "", "suppressed", "stale", "escalated".
absl::string_view DecisionStateName(DecisionCheck::State state);

// The decisions in force: the last line for each (counterparty, list,
// entity) wins. Immutable; safe for concurrent reads.
class DecisionBook {
 public:
  explicit DecisionBook(std::vector<Decision> decisions);
  DecisionCheck Check(absl::string_view counterparty, const v1::Entity& current) const;
  size_t size() const { return decisions_.size(); }

 private:
  std::vector<Decision> decisions_;
  absl::flat_hash_map<std::string, size_t> latest_;
};

// ----------------------------------------------------------- run record --

// What a run screened, with what, and what it found: the audit trail.
// Same index, options and input → the same record apart from `time`.
struct RunRecord {
  std::string command;                 // "screen", "audit", "rescreen"
  std::string library_version;         // "0.1.0"
  std::vector<std::pair<std::string, std::string>> options;  // flag → value, in order
  std::string index_fingerprint;
  std::vector<ListInfo> lists;
  std::string input_path;
  std::string input_sha256;            // of the input bytes ("" if not known yet)
  std::string as_of;                   // YYYY-MM-DD or ""
  std::string decisions_sha256;        // of the decisions file, or ""
  std::vector<std::pair<std::string, int64_t>> counts;  // "rows", "alerts", ...
  std::vector<std::pair<std::string, std::string>> extra;  // more facts, in order
  std::string time;                    // UTC, RFC 3339
};

// The record as one JSON object (no newline).
std::string RunRecordToJson(const RunRecord& record);

// The current UTC time in RFC 3339 ("2024-05-03T12:00:00Z").
std::string UtcNow();

// The library version ("0.1.0").
absl::string_view LibraryVersion();

}  // namespace partyscreen

#endif  // PARTYSCREEN_AUDIT_H_
