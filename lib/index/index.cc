// Index: snapshot save/load and lookups.
#include <ctime>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "lib/index/index_data.h"
#include "lib/index/snapshot.h"
#include "lib/normalize/data.h"
#include "lib/util/file.h"
#include "partyscreen/index.h"
#include "partyscreen/v1/snapshot.pb.h"

namespace partyscreen {

Index::Index(std::unique_ptr<internal::IndexData> data) : data_(std::move(data)) {}
Index::~Index() = default;

const IndexInfo& Index::info() const { return data_->info; }
const std::vector<v1::EntityList>& Index::lists() const { return data_->lists; }

const v1::Entity* Index::FindEntity(absl::string_view list_id, absl::string_view entity_id) const {
  auto it = data_->entity_by_key.find(absl::StrCat(list_id, "\x1f", entity_id));
  if (it == data_->entity_by_key.end()) return nullptr;
  return &data_->entity_proto(it->second);
}

absl::Status Index::Save(absl::string_view path) const {
  v1::SnapshotHeader header;
  header.set_library_version(data_->info.library_version);
  header.set_normalization_fingerprint(data_->info.normalization_fingerprint);
  header.set_fingerprint(data_->info.fingerprint);
  header.set_created_at(absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::Now(), absl::UTCTimeZone()));
  for (const auto& l : data_->lists) *header.add_sources() = l.source();
  v1::SnapshotLists lists;
  for (const auto& l : data_->lists) *lists.add_lists() = l;
  std::string lists_bytes;
  if (!lists.SerializeToString(&lists_bytes)) {
    return absl::InternalError("cannot serialise the lists (over 2 GiB?)");
  }
  std::string options = absl::StrCat("index_weak_aliases=", data_->options.index_weak_aliases ? 1 : 0);
  std::string bytes = internal::EncodeSnapshot(std::move(header), {{"options", options}, {"lists", lists_bytes}});
  return internal::AtomicWriteFile(path, bytes);
}

absl::StatusOr<std::shared_ptr<const Index>> Index::Load(absl::string_view path) {
  auto bytes = internal::ReadFileToString(path);
  if (!bytes.ok()) return bytes.status();
  auto snap = internal::DecodeSnapshot(path, *std::move(bytes));
  if (!snap.ok()) return snap.status();
  if (snap->header.normalization_fingerprint() != internal::NormalizationDataFingerprint()) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, ": snapshot was built with other normalization data (", snap->header.normalization_fingerprint(),
        ") than this library's (", internal::NormalizationDataFingerprint(), "); recompile it with `partyscreen compile`"));
  }
  auto data = std::make_unique<internal::IndexData>();
  auto options = snap->Section("options");
  if (!options.ok()) return options.status();
  data->options.index_weak_aliases = *options != "index_weak_aliases=0";
  auto lists_bytes = snap->Section("lists");
  if (!lists_bytes.ok()) return lists_bytes.status();
  v1::SnapshotLists lists;
  if (!lists.ParseFromArray(lists_bytes->data(), static_cast<int>(lists_bytes->size()))) {
    return absl::DataLossError(absl::StrCat(path, ": the lists section cannot be parsed"));
  }
  for (auto& l : *lists.mutable_lists()) data->lists.push_back(std::move(l));
  if (auto s = internal::BuildIndexData(data.get()); !s.ok()) return s;
  if (data->info.fingerprint != snap->header.fingerprint()) {
    return absl::DataLossError(absl::StrCat(path, ": content fingerprint does not match the header"));
  }
  return std::shared_ptr<const Index>(new Index(std::move(data)));
}

}  // namespace partyscreen
