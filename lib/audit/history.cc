// List history and point in time (partyscreen/audit.h).
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <tuple>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "lib/util/file.h"
#include "lib/util/sha256.h"
#include "partyscreen/audit.h"

namespace partyscreen {
namespace {

constexpr char kCatalogue[] = "catalogue.tsv";
constexpr char kCatalogueHeader[] =
    "# partyscreen list history v1: list_id\tdate\tformat\tsource_sha256\tpublication_date\tentities\tfile\tfile_sha256\n";

std::string Key(absl::string_view list, absl::string_view id) { return absl::StrCat(list, "\x1f", id); }

std::string SerializeDeterministic(const v1::EntityList& list) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream sos(&out);
    google::protobuf::io::CodedOutputStream cos(&sos);
    cos.SetSerializationDeterministic(true);
    list.SerializeToCodedStream(&cos);
  }
  return out;
}

std::string CatalogueText(const std::vector<HistoryVersion>& versions) {
  std::string out = kCatalogueHeader;
  for (const auto& v : versions) {
    absl::StrAppend(&out, v.list_id, "\t", v.date, "\t", v.format, "\t", v.source_sha256, "\t",
                    v.publication_date.empty() ? "-" : v.publication_date, "\t", v.entities, "\t", v.file, "\t",
                    v.file_sha256, "\n");
  }
  return out;
}

void SortVersions(std::vector<HistoryVersion>* v) {
  std::sort(v->begin(), v->end(), [](const HistoryVersion& a, const HistoryVersion& b) {
    return std::tie(a.list_id, a.date) < std::tie(b.list_id, b.date);
  });
}

// An exclusive flock on DIR/.lock, released on destruction.
class DirLock {
 public:
  static absl::StatusOr<std::unique_ptr<DirLock>> Acquire(const std::string& dir) {
    std::string path = internal::JoinPath(dir, ".lock");
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return absl::UnavailableError(absl::StrCat(path, ": cannot open lock file: ", std::strerror(errno)));
    while (::flock(fd, LOCK_EX) != 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      return absl::UnavailableError(absl::StrCat(path, ": cannot lock: ", std::strerror(e)));
    }
    return std::unique_ptr<DirLock>(new DirLock(fd));
  }
  ~DirLock() {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }

 private:
  explicit DirLock(int fd) : fd_(fd) {}
  int fd_;
};

absl::Status MakeDirs(const std::string& dir) {
  if (dir.empty() || internal::IsDirectory(dir)) return absl::OkStatus();
  std::string parent = internal::Dirname(dir);
  if (parent != dir && parent != "." && parent != "/") {
    if (auto s = MakeDirs(parent); !s.ok()) return s;
  }
  if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
    if (errno == EACCES) return absl::PermissionDeniedError(absl::StrCat(dir, ": cannot create directory"));
    return absl::UnavailableError(absl::StrCat(dir, ": cannot create directory: ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<History> History::Read(absl::string_view dir, bool must_exist) {
  History h;
  h.dir_ = std::string(dir);
  std::string path = internal::JoinPath(dir, kCatalogue);
  if (!internal::IsDirectory(dir)) {
    if (must_exist) return absl::NotFoundError(absl::StrCat("history directory ", dir, " does not exist"));
    return h;
  }
  auto text = internal::ReadFileToString(path);
  if (!text.ok()) {
    if (text.status().code() == absl::StatusCode::kNotFound) {
      if (must_exist) {
        return absl::NotFoundError(absl::StrCat("history ", dir, " is empty (no ", kCatalogue,
                                                "): store versions with `partyscreen history add`"));
      }
      return h;
    }
    return text.status();
  }
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(*text, '\n')) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    HistoryVersion v;
    if (f.size() != 8 || !absl::SimpleAtoi(f[5], &v.entities) || !ParseDay(f[1]).ok()) {
      return absl::DataLossError(absl::StrCat(path, ":", line_no, ": malformed catalogue line (expected 8 tab-separated fields)"));
    }
    v.list_id = f[0];
    v.date = f[1];
    v.format = f[2];
    v.source_sha256 = f[3];
    v.publication_date = f[4] == "-" ? "" : f[4];
    v.file = f[6];
    v.file_sha256 = f[7];
    h.versions_.push_back(std::move(v));
  }
  SortVersions(&h.versions_);
  if (must_exist && h.versions_.empty()) {
    return absl::FailedPreconditionError(absl::StrCat("history ", dir, " is empty (", kCatalogue,
                                                      " lists no version): store versions with `partyscreen history add`"));
  }
  return h;
}

absl::StatusOr<History> History::Open(absl::string_view dir) { return Read(dir, true); }

absl::StatusOr<History> History::OpenOrCreate(absl::string_view dir) {
  if (auto s = MakeDirs(std::string(dir)); !s.ok()) return s;
  return Read(dir, false);
}

absl::StatusOr<HistoryVersion> History::Add(const v1::EntityList& list, absl::string_view date) const {
  if (auto d = ParseDay(date); !d.ok()) return absl::InvalidArgumentError(absl::StrCat("--date: ", d.status().message()));
  if (list.entities_size() == 0) {
    return absl::InvalidArgumentError(absl::StrCat("list ", list.source().list_id(),
                                                   " has no entity: refusing to store it as a version"));
  }
  if (auto s = ValidateListIdForHistory(list.source().list_id()); !s.ok()) return s;
  if (auto s = MakeDirs(internal::JoinPath(dir_, list.source().list_id())); !s.ok()) return s;
  auto lock = DirLock::Acquire(dir_);
  if (!lock.ok()) return lock.status();
  // Re-read under the lock: another process may have added versions.
  auto current = Read(dir_, false);
  if (!current.ok()) return current.status();
  HistoryVersion v;
  v.list_id = list.source().list_id();
  v.date = std::string(date);
  v.format = list.source().format();
  v.source_sha256 = list.source().sha256();
  v.publication_date = list.source().publication_date();
  v.entities = list.entities_size();
  v.file = absl::StrCat(v.list_id, "/", v.date, ".entitylist.pb");
  for (const auto& old : current->versions_) {
    if (old.list_id == v.list_id && old.date == v.date) {
      if (old.source_sha256 == v.source_sha256) return old;  // the same content again
      return absl::AlreadyExistsError(absl::StrCat("history ", dir_, " already holds a different version of ",
                                                   v.list_id, " dated ", v.date));
    }
  }
  std::string bytes = SerializeDeterministic(list);
  v.file_sha256 = internal::Sha256Hex(bytes);
  if (auto s = internal::AtomicWriteFile(internal::JoinPath(dir_, v.file), bytes); !s.ok()) return s;
  std::vector<HistoryVersion> all = current->versions_;
  all.push_back(v);
  SortVersions(&all);
  if (auto s = internal::AtomicWriteFile(internal::JoinPath(dir_, kCatalogue), CatalogueText(all)); !s.ok()) {
    return s;
  }
  return v;
}

absl::Status History::ValidateListIdForHistory(absl::string_view id) {
  if (id.empty() || id.size() > 40) return absl::InvalidArgumentError("list id must be 1 to 40 characters");
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return absl::InvalidArgumentError(absl::StrCat("list id '", id, "' must match [a-z0-9_]"));
    }
  }
  return absl::OkStatus();
}

const HistoryVersion* History::VersionOn(absl::string_view list_id, absl::CivilDay day) const {
  const HistoryVersion* best = nullptr;
  std::string d = FormatDay(day);
  for (const auto& v : versions_) {
    if (v.list_id == list_id && v.date <= d) best = &v;
  }
  return best;
}

absl::StatusOr<v1::EntityList> History::Load(const HistoryVersion& version) const {
  std::string path = internal::JoinPath(dir_, version.file);
  auto bytes = internal::ReadFileToString(path);
  if (!bytes.ok()) return bytes.status();
  if (internal::Sha256Hex(*bytes) != version.file_sha256) {
    return absl::DataLossError(absl::StrCat(path, ": checksum mismatch (the stored version was modified or truncated)"));
  }
  v1::EntityList list;
  if (!list.ParseFromString(*bytes)) return absl::DataLossError(absl::StrCat(path, ": not a stored list version"));
  return list;
}

absl::StatusOr<ListingSpans> History::Spans() const {
  ListingSpans spans;
  for (size_t i = 0; i < versions_.size();) {
    size_t j = i;
    while (j < versions_.size() && versions_[j].list_id == versions_[i].list_id) ++j;
    const std::string& list_id = versions_[i].list_id;
    spans.first_version_[list_id] = *ParseDay(versions_[i].date);
    absl::flat_hash_map<std::string, bool> open;  // entity id → currently listed
    for (size_t k = i; k < j; ++k) {
      absl::CivilDay day = *ParseDay(versions_[k].date);
      auto list = Load(versions_[k]);
      if (!list.ok()) return list.status();
      absl::flat_hash_map<std::string, bool> present;
      for (const auto& e : list->entities()) present[e.entity_id()] = true;
      for (auto& [id, is_open] : open) {
        if (is_open && !present.contains(id)) {
          spans.intervals_[Key(list_id, id)].back().until = day;
          is_open = false;
        }
      }
      for (const auto& [id, unused] : present) {
        bool& is_open = open[id];
        if (!is_open) {
          spans.intervals_[Key(list_id, id)].push_back(ListingInterval{day, absl::nullopt});
          is_open = true;
        }
      }
    }
    i = j;
  }
  return spans;
}

absl::StatusOr<std::vector<v1::EntityList>> History::UnionLists() const {
  std::vector<v1::EntityList> out;
  for (size_t i = 0; i < versions_.size();) {
    size_t j = i;
    while (j < versions_.size() && versions_[j].list_id == versions_[i].list_id) ++j;
    std::vector<std::string> order;
    absl::flat_hash_map<std::string, v1::Entity> latest;
    v1::ListSource source;
    internal::Sha256 combined;
    for (size_t k = i; k < j; ++k) {
      auto list = Load(versions_[k]);
      if (!list.ok()) return list.status();
      combined.Update(versions_[k].file_sha256);
      source = list->source();
      for (auto& e : *list->mutable_entities()) {
        auto [it, inserted] = latest.try_emplace(e.entity_id());
        if (inserted) order.push_back(e.entity_id());
        it->second = std::move(e);
      }
    }
    v1::EntityList u;
    *u.mutable_source() = source;
    u.mutable_source()->set_sha256(combined.FinishHex());
    u.mutable_source()->set_publication_date(versions_[j - 1].date);
    u.mutable_source()->set_name(absl::StrCat(source.name(), " (history: ", j - i, " versions ",
                                              versions_[i].date, " to ", versions_[j - 1].date, ")"));
    for (const auto& id : order) *u.add_entities() = std::move(latest[id]);
    out.push_back(std::move(u));
    i = j;
  }
  return out;
}

bool ListingSpans::Covers(absl::string_view list_id) const {
  return first_version_.count(std::string(list_id)) > 0;
}

absl::optional<absl::CivilDay> ListingSpans::FirstVersion(absl::string_view list_id) const {
  auto it = first_version_.find(std::string(list_id));
  if (it == first_version_.end()) return absl::nullopt;
  return it->second;
}

const std::vector<ListingInterval>* ListingSpans::Find(absl::string_view list_id, absl::string_view entity_id) const {
  auto it = intervals_.find(Key(list_id, entity_id));
  return it == intervals_.end() ? nullptr : &it->second;
}

// ------------------------------------------------------------ in force --

absl::string_view ListingStatusName(ListingStatus status) {
  switch (status) {
    case ListingStatus::kInForce: return "in_force";
    case ListingStatus::kNotYetListed: return "not_yet_listed";
    case ListingStatus::kNoLongerListed: return "no_longer_listed";
    case ListingStatus::kUndated: return "undated";
  }
  return "undated";
}

namespace {

std::string ShortSourceList(const std::string& s) {
  size_t p = s.find(" - ");
  return p == std::string::npos ? s : s.substr(0, p);
}

std::string FirstCitation(const std::string& s) {
  std::vector<absl::string_view> parts = absl::StrSplit(s, ';');
  return parts.empty() ? "" : std::string(absl::StripAsciiWhitespace(parts[0]));
}

void FillListing(const v1::Listing& l, InForceResult* r) {
  r->source_list = ShortSourceList(l.source_list());
  r->citation = FirstCitation(l.federal_register_notice());
}

}  // namespace

InForceResult InForce(const v1::Entity& entity, absl::CivilDay day, const ListingSpans* spans) {
  InForceResult r;
  if (entity.listings_size() > 0) FillListing(entity.listings(0), &r);
  // 1. Dates stated by the list.
  bool any_dated = false;
  const v1::Listing* later = nullptr;
  absl::optional<absl::CivilDay> later_from;
  const v1::Listing* ended = nullptr;
  absl::optional<absl::CivilDay> ended_on;
  for (const auto& l : entity.listings()) {
    auto start = EarliestDay(l.start_date());
    if (!start) continue;
    any_dated = true;
    auto end = EarliestDay(l.end_date());
    if (*start <= day && (!end || day <= *end)) {
      r.in_force = true;
      r.status = ListingStatus::kInForce;
      r.basis = "listing dates";
      r.from = start;
      r.until = end;
      FillListing(l, &r);
      return r;
    }
    if (*start > day && (!later_from || *start < *later_from)) {
      later = &l;
      later_from = start;
    }
    if (end && *end < day && (!ended_on || *end > *ended_on)) {
      ended = &l;
      ended_on = end;
    }
  }
  if (any_dated) {
    r.in_force = false;
    r.basis = "listing dates";
    if (later != nullptr) {
      r.status = ListingStatus::kNotYetListed;
      r.from = later_from;
      FillListing(*later, &r);
    } else {
      r.status = ListingStatus::kNoLongerListed;
      r.until = ended_on;
      if (ended != nullptr) FillListing(*ended, &r);
    }
    return r;
  }
  // 2. The list history.
  if (spans != nullptr && spans->Covers(entity.list_id())) {
    const auto* intervals = spans->Find(entity.list_id(), entity.entity_id());
    if (intervals != nullptr && !intervals->empty()) {
      r.basis = "list history";
      for (const auto& iv : *intervals) {
        if (iv.from <= day && (!iv.until || day < *iv.until)) {
          r.in_force = true;
          r.status = ListingStatus::kInForce;
          r.from = iv.from;
          r.until = iv.until;
          return r;
        }
      }
      r.in_force = false;
      for (const auto& iv : *intervals) {
        if (iv.from > day) {
          r.status = ListingStatus::kNotYetListed;
          r.from = iv.from;
          return r;
        }
      }
      r.status = ListingStatus::kNoLongerListed;
      r.from = intervals->back().from;
      r.until = intervals->back().until;
      return r;
    }
  }
  // 3. Nothing says when: keep it (fail closed).
  r.in_force = true;
  r.status = ListingStatus::kUndated;
  r.basis = spans != nullptr && spans->Covers(entity.list_id()) ? "not in the list history" : "undated";
  return r;
}

std::string DescribeListing(const InForceResult& r) {
  std::vector<std::string> parts;
  if (!r.source_list.empty()) parts.push_back(r.source_list);
  if (!r.citation.empty()) parts.push_back(r.citation);
  switch (r.status) {
    case ListingStatus::kInForce:
      if (r.from) {
        parts.push_back(absl::StrCat("in force from ", FormatDay(*r.from),
                                     r.basis == "list history" ? " (first seen in the list history)" : ""));
      } else {
        parts.push_back("in force");
      }
      break;
    case ListingStatus::kNotYetListed:
      parts.push_back(absl::StrCat("listed from ", FormatDay(*r.from),
                                   r.basis == "list history" ? " (first seen in the list history)" : ""));
      break;
    case ListingStatus::kNoLongerListed:
      parts.push_back(r.until ? absl::StrCat("removed by ", FormatDay(*r.until)) : "no longer listed");
      break;
    case ListingStatus::kUndated:
      parts.push_back(absl::StrCat("listing date unknown (", r.basis, ")"));
      break;
  }
  return absl::StrJoin(parts, ", ");
}

}  // namespace partyscreen
