// Index: snapshot save/load and lookups.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <ctime>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "lib/index/index_data.h"
#include "lib/index/index_io.h"
#include "lib/index/snapshot.h"
#include "lib/normalize/data.h"
#include "lib/scoring/aligner.h"
#include "lib/scoring/phonetic.h"
#include "lib/scoring/token_similarity.h"
#include "lib/util/file.h"
#include "partyscreen/index.h"
#include "partyscreen/v1/snapshot.pb.h"

#ifndef PARTYSCREEN_VERSION
#define PARTYSCREEN_VERSION "0.0.0"
#endif

namespace partyscreen {
namespace internal {

namespace {
std::atomic<uint64_t> next_index_serial{1};
}  // namespace

IndexData::IndexData() : serial(next_index_serial.fetch_add(1, std::memory_order_relaxed)) {}

IndexData::~IndexData() {
  if (entity_cache_) {
    for (size_t e = 0; e < entities.size(); ++e) delete entity_cache_[e].load(std::memory_order_relaxed);
  }
}

void IndexData::StartLazyEntities() {
  lazy_entities = true;
  entity_cache_ = std::make_unique<std::atomic<const v1::Entity*>[]>(entities.size());
  for (size_t e = 0; e < entities.size(); ++e) entity_cache_[e].store(nullptr, std::memory_order_relaxed);
}

bool IndexData::ParseEntityInto(uint32_t e, v1::Entity* out) const {
  absl::string_view bytes = entity_blob.substr(entity_offsets[e], entity_offsets[e + 1] - entity_offsets[e]);
  if (out->ParseFromArray(bytes.data(), static_cast<int>(bytes.size())) &&
      static_cast<uint32_t>(out->names_size()) >= entity_name_count[e]) {
    return true;
  }
  // Only a crafted file with valid checksums gets here: keep the entity's
  // identity and make the damage visible in every name.
  out->Clear();
  absl::string_view key = entity_keys[e];
  out->set_entity_id(std::string(key.substr(key.find('\x1f') + 1)));
  out->set_kind(entities[e].kind);
  for (uint32_t k = 0; k < entity_name_count[e]; ++k) out->add_names()->set_full("<corrupted snapshot entry>");
  return false;
}

const v1::Entity& IndexData::ParseEntity(uint32_t e) const {
  auto parsed = std::make_unique<v1::Entity>();
  ParseEntityInto(e, parsed.get());
  const v1::Entity* expected = nullptr;
  const v1::Entity* mine = parsed.get();
  if (entity_cache_[e].compare_exchange_strong(expected, mine, std::memory_order_acq_rel)) {
    parsed.release();
    return *mine;
  }
  return *expected;  // another thread parsed it first
}

namespace {

// Fills `keys` and `ids` (same positions, sorted by key) with the key
// `key_of(token)` of each vocabulary token that has one ("" for none).
template <typename KeyOf>
void BuildKeyTable(size_t vocab_size, KeyOf key_of, std::vector<std::string>* keys, std::vector<uint32_t>* ids) {
  std::vector<std::pair<std::string, uint32_t>> keyed;
  for (uint32_t t = 0; t < vocab_size; ++t) {
    std::string k = key_of(t);
    if (!k.empty()) keyed.emplace_back(std::move(k), t);
  }
  std::sort(keyed.begin(), keyed.end());
  for (auto& [k, t] : keyed) {
    keys->push_back(std::move(k));
    ids->push_back(t);
  }
}

// The ids of the table's tokens whose key is `key`.
absl::Span<const uint32_t> LookUpKeyTable(const std::vector<std::string>& keys, const std::vector<uint32_t>& ids,
                                          absl::string_view key) {
  auto [lo, hi] = std::equal_range(keys.begin(), keys.end(), key,
                                   [](absl::string_view a, absl::string_view b) { return a < b; });
  return absl::MakeConstSpan(ids.data() + (lo - keys.begin()), static_cast<size_t>(hi - lo));
}

}  // namespace

absl::Span<const uint32_t> IndexData::TranscriptionTokens(absl::string_view key) const {
  std::call_once(transcription_once_, [this] {
    BuildKeyTable(
        vocab.size(),
        [this](uint32_t t) {
          if (vocab[t].size() < kTranscriptionMinLatinLength) return std::string();
          std::string k = LatinTranscriptionKey(vocab[t]);
          return k.size() >= kTranscriptionMinKey ? k : std::string();
        },
        &transcription_keys_, &transcription_ids_);
  });
  return LookUpKeyTable(transcription_keys_, transcription_ids_, key);
}

namespace {

// The table's hash of a phonetic key: the two kinds of key kept apart.
uint64_t JoinedSoundHash(absl::string_view key, bool loose) {
  return DeletionHash(key) ^ (loose ? 0x9e3779b97f4a7c15ULL : 0);
}

}  // namespace

absl::Span<const uint32_t> IndexData::JoinedSoundKeys(absl::string_view key, bool loose) const {
  std::call_once(joined_sound_once_, [this] {
    std::vector<std::pair<uint64_t, uint32_t>> keyed;
    keyed.reserve(joined_keys.size() * 2);
    std::string skeleton, consonants;
    for (uint32_t k = 0; k < joined_keys.size(); ++k) {
      const std::string& text = joined_keys[k];
      if (text.size() < 3) continue;
      std::string sk = ConsonantSkeleton(text);
      if (!sk.empty()) keyed.emplace_back(JoinedSoundHash(sk, false), k);
      skeleton.clear();
      consonants.clear();
      LooseKeys(text, &skeleton, &consonants);
      if (!skeleton.empty()) keyed.emplace_back(JoinedSoundHash(skeleton, true), k);
      if (!consonants.empty() && consonants != skeleton) keyed.emplace_back(JoinedSoundHash(consonants, true), k);
    }
    std::sort(keyed.begin(), keyed.end());
    keyed.erase(std::unique(keyed.begin(), keyed.end()), keyed.end());
    joined_sound_hashes_.reserve(keyed.size());
    joined_sound_ids_.reserve(keyed.size());
    for (const auto& [h, k] : keyed) {
      joined_sound_hashes_.push_back(h);
      joined_sound_ids_.push_back(k);
    }
  });
  if (key.empty()) return {};
  const uint64_t h = JoinedSoundHash(key, loose);
  auto [lo, hi] = std::equal_range(joined_sound_hashes_.begin(), joined_sound_hashes_.end(), h);
  return absl::MakeConstSpan(joined_sound_ids_.data() + (lo - joined_sound_hashes_.begin()),
                             static_cast<size_t>(hi - lo));
}

absl::Span<const uint32_t> IndexData::ShortTranscriptionTokens(absl::string_view key) const {
  std::call_once(short_transcription_once_, [this] {
    const double min_weight = AlignOptions().short_transcription_min_weight;
    BuildKeyTable(
        vocab.size(),
        [this, min_weight](uint32_t t) {
          const std::string& w = vocab[t];
          if (w.size() < kTranscriptionMinLatinLength || w.size() > kShortTranscriptionMaxLatinLength ||
              LatinVowelGroupCount(w) != 2 || weight[t] < min_weight) {
            return std::string();
          }
          std::string k = ShortLatinTranscriptionKey(w);
          return k.size() >= kShortTranscriptionMinKey ? k : std::string();
        },
        &short_transcription_keys_, &short_transcription_ids_);
  });
  return LookUpKeyTable(short_transcription_keys_, short_transcription_ids_, key);
}

const std::vector<v1::EntityList>& IndexData::all_lists() const {
  if (!lazy_entities) return lists;
  std::call_once(all_lists_once_, [this] {
    all_lists_.resize(lists.size());
    for (size_t li = 0; li < lists.size(); ++li) *all_lists_[li].mutable_source() = lists[li].source();
    for (uint32_t e = 0; e < entities.size(); ++e) {
      // Parsed straight into the list (not through the per-entity cache,
      // which would hold a second copy).
      v1::Entity* out = all_lists_[entities[e].list].add_entities();
      const v1::Entity* cached = entity_cache_[e].load(std::memory_order_acquire);
      if (cached != nullptr) {
        *out = *cached;
      } else {
        ParseEntityInto(e, out);
      }
    }
  });
  return all_lists_;
}

}  // namespace internal

Index::Index(std::unique_ptr<internal::IndexData> data) : data_(std::move(data)) {}
Index::~Index() = default;

const IndexInfo& Index::info() const { return data_->info; }
const std::vector<v1::EntityList>& Index::lists() const { return data_->all_lists(); }

const v1::Entity* Index::FindEntity(absl::string_view list_id, absl::string_view entity_id) const {
  auto it = data_->entity_by_key.find(absl::StrCat(list_id, "\x1f", entity_id));
  if (it == data_->entity_by_key.end()) return nullptr;
  return &data_->entity_proto(it->second);
}

namespace {

// Appends every entity of `d`, serialised, to `blob`, with its offset.
void SerializeEntities(const internal::IndexData& d, std::string* blob, std::vector<uint64_t>* offsets) {
  offsets->assign(1, 0);
  offsets->reserve(d.entities.size() + 1);
  std::string buf;
  for (uint32_t e = 0; e < d.entities.size(); ++e) {
    d.entity_proto(e).SerializeToString(&buf);
    *blob += buf;
    offsets->push_back(blob->size());
  }
}

absl::Status CheckSection(absl::string_view path, const internal::DecodedSnapshot& snap, absl::string_view name,
                          absl::string_view* out) {
  auto s = snap.Section(name);
  if (!s.ok()) return absl::DataLossError(absl::StrCat(path, ": ", s.status().message()));
  *out = *s;
  return absl::OkStatus();
}

}  // namespace

absl::Status Index::Save(absl::string_view path) const {
  v1::SnapshotHeader header;
  header.set_library_version(data_->info.library_version);
  header.set_normalization_fingerprint(data_->info.normalization_fingerprint);
  header.set_fingerprint(data_->info.fingerprint);
  header.set_created_at(absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::Now(), absl::UTCTimeZone()));
  v1::SnapshotLists sources;
  for (const auto& l : data_->lists) {
    *header.add_sources() = l.source();
    *sources.add_lists()->mutable_source() = l.source();
  }
  std::string sources_bytes = sources.SerializeAsString();
  std::string owned_blob;
  absl::string_view blob = data_->entity_blob;
  std::vector<uint64_t> offsets = data_->entity_offsets;
  if (!data_->lazy_entities) {
    SerializeEntities(*data_, &owned_blob, &offsets);
    blob = owned_blob;
  }
  std::string sizes_bytes;
  for (const auto& info : data_->info.lists) {
    const auto c = static_cast<uint32_t>(info.entities);
    sizes_bytes.append(reinterpret_cast<const char*>(&c), sizeof(c));
  }
  std::string offsets_bytes(reinterpret_cast<const char*>(offsets.data()), offsets.size() * sizeof(uint64_t));
  std::string options = absl::StrCat("index_weak_aliases=", data_->options.index_weak_aliases ? 1 : 0);
  std::string bytes = internal::EncodeSnapshot(std::move(header), {{"options", options},
                                                                   {"sources", sources_bytes},
                                                                   {"list_sizes", sizes_bytes},
                                                                   {"entity_offsets", offsets_bytes},
                                                                   {"entities", std::string(blob)},
                                                                   {"index", internal::EncodeIndexSection(*data_)}});
  return internal::AtomicWriteFile(path, bytes);
}

absl::StatusOr<std::shared_ptr<const Index>> Index::Load(absl::string_view path) {
  auto mapped = internal::MappedFile::Open(path);
  if (!mapped.ok()) return mapped.status();
  std::shared_ptr<const internal::MappedFile> file = *std::move(mapped);
  auto snap = internal::DecodeSnapshotView(path, file->bytes());
  if (!snap.ok()) return snap.status();
  if (snap->header.normalization_fingerprint() != internal::NormalizationDataFingerprint()) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, ": snapshot was built with other normalization data (", snap->header.normalization_fingerprint(),
        ") than this library's (", internal::NormalizationDataFingerprint(), "); recompile it with `partyscreen compile`"));
  }
  auto data = std::make_unique<internal::IndexData>();
  absl::string_view options;
  if (auto s = CheckSection(path, *snap, "options", &options); !s.ok()) return s;
  data->options.index_weak_aliases = options != "index_weak_aliases=0";
  auto normalizer = Normalizer::Create();
  if (!normalizer.ok()) return normalizer.status();
  data->normalizer = *std::move(normalizer);

  if (snap->header.format_version() < 2) {
    // Format 1: whole lists, index rebuilt.
    absl::string_view lists_bytes;
    if (auto s = CheckSection(path, *snap, "lists", &lists_bytes); !s.ok()) return s;
    v1::SnapshotLists lists;
    if (!lists.ParseFromArray(lists_bytes.data(), static_cast<int>(lists_bytes.size()))) {
      return absl::DataLossError(absl::StrCat(path, ": the lists section cannot be parsed"));
    }
    for (auto& l : *lists.mutable_lists()) data->lists.push_back(std::move(l));
    if (auto s = internal::BuildIndexData(data.get()); !s.ok()) return s;
  } else {
    absl::string_view sources_bytes, sizes_bytes, offsets_bytes, blob, index_bytes;
    if (auto s = CheckSection(path, *snap, "sources", &sources_bytes); !s.ok()) return s;
    if (auto s = CheckSection(path, *snap, "list_sizes", &sizes_bytes); !s.ok()) return s;
    if (auto s = CheckSection(path, *snap, "entity_offsets", &offsets_bytes); !s.ok()) return s;
    if (auto s = CheckSection(path, *snap, "entities", &blob); !s.ok()) return s;
    if (auto s = CheckSection(path, *snap, "index", &index_bytes); !s.ok()) return s;
    v1::SnapshotLists sources;
    if (!sources.ParseFromArray(sources_bytes.data(), static_cast<int>(sources_bytes.size()))) {
      return absl::DataLossError(absl::StrCat(path, ": the sources section cannot be parsed"));
    }
    for (auto& l : *sources.mutable_lists()) data->lists.push_back(std::move(l));
    if (offsets_bytes.size() % sizeof(uint64_t) != 0 || offsets_bytes.size() < sizeof(uint64_t)) {
      return absl::DataLossError(absl::StrCat(path, ": the entity_offsets section has a bad length"));
    }
    if (sizes_bytes.size() != data->lists.size() * sizeof(uint32_t)) {
      return absl::DataLossError(absl::StrCat(path, ": the list_sizes section does not match the sources"));
    }
    std::vector<uint32_t> list_sizes(data->lists.size());
    if (!list_sizes.empty()) std::memcpy(list_sizes.data(), sizes_bytes.data(), sizes_bytes.size());
    uint64_t total_entities = 0;
    for (uint32_t c : list_sizes) total_entities += c;
    data->entity_offsets.resize(offsets_bytes.size() / sizeof(uint64_t));
    std::memcpy(data->entity_offsets.data(), offsets_bytes.data(), offsets_bytes.size());
    const auto& off = data->entity_offsets;
    if (off.size() != total_entities + 1 || off.front() != 0 || off.back() != blob.size()) {
      return absl::DataLossError(absl::StrCat(path, ": entity offsets do not cover the entities section"));
    }
    for (size_t i = 0; i + 1 < off.size(); ++i) {
      if (off[i] > off[i + 1]) return absl::DataLossError(absl::StrCat(path, ": entity offsets decrease"));
    }
    const bool same_library = snap->header.library_version() == PARTYSCREEN_VERSION &&
                              internal::IndexSectionLayoutVersion(index_bytes) == internal::kIndexLayoutVersion;
    if (same_library) {
      if (auto s = internal::DecodeIndexSection(path, index_bytes, data.get()); !s.ok()) return s;
      if (data->entities.size() + 1 != off.size()) {
        return absl::DataLossError(absl::StrCat(path, ": the index and the entities section disagree on the entity count"));
      }
      for (size_t e = 0; e + 1 < off.size(); ++e) {
        // A name takes at least two bytes of an entity's message.
        if (data->entity_name_count[e] > (off[e + 1] - off[e]) / 2) {
          return absl::DataLossError(absl::StrCat(path, ": the index and the entities section disagree on entity ", e));
        }
      }
      for (size_t li = 0; li < list_sizes.size(); ++li) {
        if (data->info.lists[li].entities != list_sizes[li]) {
          return absl::DataLossError(absl::StrCat(path, ": the index and the list_sizes section disagree"));
        }
      }
      // The entity blob and the deletion arrays are used in place.
      data->snapshot_storage = file;
      data->entity_blob = blob;
      data->StartLazyEntities();
    } else {
      // Written by another library version: its derived arrays may differ
      // from what this version computes, so rebuild them from the entities.
      if (list_sizes.size() != data->lists.size()) {
        return absl::DataLossError(absl::StrCat(path, ": the list_sizes section does not match the sources"));
      }
      size_t next = 0;
      for (size_t li = 0; li < data->lists.size(); ++li) {
        for (uint32_t k = 0; k < list_sizes[li]; ++k, ++next) {
          if (next + 1 >= off.size()) return absl::DataLossError(absl::StrCat(path, ": entity counts exceed the entities section"));
          absl::string_view one = blob.substr(off[next], off[next + 1] - off[next]);
          if (!data->lists[li].add_entities()->ParseFromArray(one.data(), static_cast<int>(one.size()))) {
            return absl::DataLossError(absl::StrCat(path, ": entity ", next, " cannot be parsed"));
          }
        }
      }
      if (next + 1 != off.size()) return absl::DataLossError(absl::StrCat(path, ": entity counts do not cover the entities section"));
      if (auto s = internal::BuildIndexData(data.get()); !s.ok()) return s;
    }
  }
  if (data->info.fingerprint != snap->header.fingerprint()) {
    return absl::DataLossError(absl::StrCat(path, ": content fingerprint does not match the header"));
  }
  return std::shared_ptr<const Index>(new Index(std::move(data)));
}

}  // namespace partyscreen
