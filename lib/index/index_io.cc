#include "lib/index/index_io.h"

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace partyscreen::internal {
namespace {

constexpr char kMagic[5] = {'P', 'S', 'I', 'D', 'X'};

static_assert(std::is_trivially_copyable_v<IndexedName>, "IndexedName is written as raw bytes");
static_assert(sizeof(IndexedName) == 20, "IndexedName layout changed: bump kIndexLayoutVersion");

bool LittleEndian() {
  const uint16_t one = 1;
  unsigned char b;
  std::memcpy(&b, &one, 1);
  return b == 1;
}

class Writer {
 public:
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  void U32(uint32_t v) { Raw(&v, 4); }
  void U64(uint64_t v) { Raw(&v, 8); }
  void Str(absl::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    Raw(s.data(), s.size());
  }
  // Arrays: the count, zero padding to a multiple of 8 from the section
  // start (so a mapped section can be used in place), the elements.
  template <typename T>
  void Array(const T* data, size_t n) {
    static_assert(std::is_trivially_copyable_v<T>);
    U64(n);
    out_.resize((out_.size() + 7) & ~size_t{7}, '\0');
    if (n > 0) Raw(data, n * sizeof(T));
  }
  template <typename T>
  void Array(const std::vector<T>& v) { Array(v.data(), v.size()); }
  template <typename T>
  void Array(const FlatArray<T>& v) { Array(v.data(), v.size()); }
  void Strings(const std::vector<std::string>& v) {
    std::vector<uint32_t> lens;
    lens.reserve(v.size());
    for (const auto& s : v) lens.push_back(static_cast<uint32_t>(s.size()));
    Array(lens);
    for (const auto& s : v) Raw(s.data(), s.size());
  }
  // A string → id-list map as sorted keys plus CSR offsets and values.
  void Multimap(const absl::flat_hash_map<std::string, std::vector<uint32_t>>& m) {
    std::vector<const std::pair<const std::string, std::vector<uint32_t>>*> entries;
    entries.reserve(m.size());
    for (const auto& kv : m) entries.push_back(&kv);
    std::sort(entries.begin(), entries.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    std::vector<std::string> keys;
    std::vector<uint32_t> offsets{0};
    std::vector<uint32_t> values;
    keys.reserve(entries.size());
    for (const auto* kv : entries) {
      keys.push_back(kv->first);
      values.insert(values.end(), kv->second.begin(), kv->second.end());
      offsets.push_back(static_cast<uint32_t>(values.size()));
    }
    Strings(keys);
    Array(offsets);
    Array(values);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  // `bytes` starts at the section start (8-byte aligned).
  Reader(absl::string_view file, absl::string_view bytes) : file_(file), rest_(bytes), start_(bytes.data()) {}

  absl::Status status() const { return status_; }
  bool ok() const { return status_.ok(); }

  bool Raw(void* p, size_t n, absl::string_view what) {
    if (!ok()) return false;
    if (n > rest_.size()) return Fail(what, "is truncated");
    std::memcpy(p, rest_.data(), n);
    rest_.remove_prefix(n);
    return true;
  }
  uint32_t U32(absl::string_view what) {
    uint32_t v = 0;
    Raw(&v, 4, what);
    return v;
  }
  uint64_t U64(absl::string_view what) {
    uint64_t v = 0;
    Raw(&v, 8, what);
    return v;
  }
  std::string Str(absl::string_view what) {
    uint32_t n = U32(what);
    if (!ok()) return "";
    if (n > rest_.size()) {
      Fail(what, "is truncated");
      return "";
    }
    std::string s(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return s;
  }
  // Reads an array's count and padding; returns its bytes (n elements).
  template <typename T>
  bool ArrayBytes(uint64_t* n, const char** p, absl::string_view what) {
    *n = U64(what);
    if (!ok()) return false;
    const size_t pos = static_cast<size_t>(rest_.data() - start_);
    const size_t pad = ((pos + 7) & ~size_t{7}) - pos;
    if (pad > rest_.size()) return Fail(what, "is truncated");
    rest_.remove_prefix(pad);
    if (*n > rest_.size() / sizeof(T)) return Fail(what, "declares more elements than the section holds");
    *p = rest_.data();
    rest_.remove_prefix(static_cast<size_t>(*n) * sizeof(T));
    return true;
  }
  template <typename T>
  bool Array(std::vector<T>* v, absl::string_view what) {
    uint64_t n = 0;
    const char* p = nullptr;
    if (!ArrayBytes<T>(&n, &p, what)) return false;
    v->resize(static_cast<size_t>(n));
    if (n > 0) std::memcpy(v->data(), p, static_cast<size_t>(n) * sizeof(T));
    return true;
  }
  // Views the array in place (the section bytes must outlive `v`; they are
  // 8-byte aligned, see Writer::Array).
  template <typename T>
  bool View(FlatArray<T>* v, absl::string_view what) {
    uint64_t n = 0;
    const char* p = nullptr;
    if (!ArrayBytes<T>(&n, &p, what)) return false;
    if (reinterpret_cast<uintptr_t>(p) % alignof(T) != 0) return Fail(what, "is misaligned");
    v->View(reinterpret_cast<const T*>(p), static_cast<size_t>(n));
    return true;
  }
  bool Strings(std::vector<std::string>* v, absl::string_view what) {
    std::vector<uint32_t> lens;
    if (!Array(&lens, what)) return false;
    uint64_t total = 0;
    for (uint32_t l : lens) total += l;
    if (total > rest_.size()) return Fail(what, "is truncated");
    v->clear();
    v->reserve(lens.size());
    for (uint32_t l : lens) {
      v->emplace_back(rest_.data(), l);
      rest_.remove_prefix(l);
    }
    return true;
  }
  bool Multimap(absl::flat_hash_map<std::string, std::vector<uint32_t>>* m, uint32_t value_limit,
                absl::string_view what) {
    std::vector<std::string> keys;
    std::vector<uint32_t> offsets, values;
    if (!Strings(&keys, what) || !Array(&offsets, what) || !Array(&values, what)) return false;
    if (offsets.size() != keys.size() + 1 || offsets[0] != 0 || offsets.back() != values.size()) {
      return Fail(what, "has inconsistent offsets");
    }
    for (size_t k = 0; k + 1 < offsets.size(); ++k) {
      if (offsets[k] > offsets[k + 1]) return Fail(what, "has decreasing offsets");
    }
    for (uint32_t v : values) {
      if (v >= value_limit) return Fail(what, "holds an id out of range");
    }
    m->clear();
    m->reserve(keys.size());
    for (size_t k = 0; k < keys.size(); ++k) {
      (*m)[std::move(keys[k])].assign(values.begin() + offsets[k], values.begin() + offsets[k + 1]);
    }
    return true;
  }
  bool Fail(absl::string_view what, absl::string_view problem) {
    if (ok()) {
      status_ = absl::DataLossError(absl::StrCat(file_, ": index section: ", what, " ", problem,
                                                 " (corrupted snapshot; recompile it)"));
    }
    return false;
  }
  size_t remaining() const { return rest_.size(); }
  void Skip(size_t n) { rest_.remove_prefix(std::min(n, rest_.size())); }

 private:
  absl::string_view file_;
  absl::string_view rest_;
  const char* start_;
  absl::Status status_;
};

void WritePostings(Writer* w, const Postings& p) {
  w->Array(p.offsets);
  w->Array(p.postings);
}

bool ReadPostings(Reader* r, Postings* p, size_t keys, uint32_t value_limit, absl::string_view what) {
  if (!r->Array(&p->offsets, what) || !r->Array(&p->postings, what)) return false;
  if (p->offsets.size() != keys + 1 || p->offsets[0] != 0 || p->offsets.back() != p->postings.size()) {
    return r->Fail(what, "has inconsistent offsets");
  }
  for (size_t k = 0; k < keys; ++k) {
    if (p->offsets[k] > p->offsets[k + 1]) return r->Fail(what, "has decreasing offsets");
  }
  for (uint32_t v : p->postings) {
    if (v >= value_limit) return r->Fail(what, "holds an id out of range");
  }
  return true;
}

}  // namespace

std::string EncodeIndexSection(const IndexData& d) {
  Writer w;
  w.Raw(kMagic, sizeof(kMagic));
  w.U32(kIndexLayoutVersion);
  // Info.
  const IndexInfo& info = d.info;
  w.Str(info.library_version);
  w.Str(info.normalization_fingerprint);
  w.Str(info.fingerprint);
  w.U64(info.lists.size());
  for (const ListInfo& l : info.lists) {
    w.U64(static_cast<uint64_t>(l.names));
    w.U64(l.entities_by_kind.size());
    for (const auto& [kind, count] : l.entities_by_kind) {
      w.Str(kind);
      w.U64(static_cast<uint64_t>(count));
    }
  }
  // Entities.
  const size_t n = d.entities.size();
  std::vector<uint32_t> list(n), entity(n), country_offsets{0};
  std::vector<int32_t> kind(n);
  std::vector<int16_t> birth_min(n), birth_max(n);
  std::vector<std::string> countries;
  for (size_t e = 0; e < n; ++e) {
    const EntityRef& r = d.entities[e];
    list[e] = r.list;
    entity[e] = r.entity;
    kind[e] = static_cast<int32_t>(r.kind);
    birth_min[e] = r.birth_year_min;
    birth_max[e] = r.birth_year_max;
    countries.insert(countries.end(), r.countries.begin(), r.countries.end());
    country_offsets.push_back(static_cast<uint32_t>(countries.size()));
  }
  w.Array(list);
  w.Array(entity);
  w.Array(kind);
  w.Array(birth_min);
  w.Array(birth_max);
  w.Array(country_offsets);
  w.Strings(countries);
  w.Strings(d.entity_keys);
  w.Array(d.entity_name_count);
  // Names and vocabulary.
  w.Array(d.names);
  w.Array(d.name_tokens);
  w.Strings(d.vocab);
  w.Array(d.doc_freq);
  w.Array(d.weight);
  w.Array(d.is_particle);
  WritePostings(&w, d.token_postings);
  w.Strings(d.joined_keys);
  WritePostings(&w, d.joined_postings);
  w.Multimap(d.skeleton_tokens);
  w.Multimap(d.loose_skeleton_tokens);
  w.Array(d.deletion_keys);
  w.Array(d.deletion_tokens);
  w.Multimap(d.identifier_entities);
  return w.Take();
}

uint32_t IndexSectionLayoutVersion(absl::string_view bytes) {
  if (bytes.size() < sizeof(kMagic) + 4 || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) return 0;
  uint32_t v;
  std::memcpy(&v, bytes.data() + sizeof(kMagic), 4);
  return v;
}

absl::Status DecodeIndexSection(absl::string_view file, absl::string_view bytes, IndexData* d) {
  if (!LittleEndian()) {
    return absl::UnimplementedError("snapshot index sections are little-endian; this machine is not");
  }
  if (IndexSectionLayoutVersion(bytes) != kIndexLayoutVersion) {
    return absl::DataLossError(absl::StrCat(file, ": index section has an unknown layout"));
  }
  Reader r(file, bytes);
  r.U64("section magic");  // magic and layout version, checked above (5 + 4 bytes)
  r.Skip(1);
  IndexInfo& info = d->info;
  info.library_version = r.Str("library version");
  info.normalization_fingerprint = r.Str("normalization fingerprint");
  info.fingerprint = r.Str("fingerprint");
  uint64_t n_lists = r.U64("list count");
  if (!r.ok()) return r.status();
  if (n_lists != d->lists.size()) {
    r.Fail("list count", "does not match the snapshot's sources");
    return r.status();
  }
  info.lists.clear();
  for (size_t li = 0; li < d->lists.size(); ++li) {
    const v1::ListSource& s = d->lists[li].source();
    ListInfo l;
    l.list_id = s.list_id();
    l.publisher = s.publisher();
    l.name = s.name();
    l.publication_date = s.publication_date();
    l.sha256 = s.sha256();
    l.format = s.format();
    l.skipped_rows = s.skipped_rows();
    l.names = static_cast<int64_t>(r.U64("list names"));
    uint64_t kinds = r.U64("list kinds");
    if (!r.ok()) return r.status();
    if (kinds > 16) {
      r.Fail("list kinds", "is implausibly large");
      return r.status();
    }
    for (uint64_t k = 0; k < kinds; ++k) {
      std::string kind = r.Str("kind name");
      l.entities_by_kind[kind] = static_cast<int64_t>(r.U64("kind count"));
    }
    info.lists.push_back(std::move(l));
  }
  std::vector<uint32_t> list, entity, country_offsets;
  std::vector<int32_t> kind;
  std::vector<int16_t> birth_min, birth_max;
  std::vector<std::string> countries;
  r.Array(&list, "entity lists");
  r.Array(&entity, "entity positions");
  r.Array(&kind, "entity kinds");
  r.Array(&birth_min, "entity birth years");
  r.Array(&birth_max, "entity birth years");
  r.Array(&country_offsets, "entity countries");
  r.Strings(&countries, "entity countries");
  r.Strings(&d->entity_keys, "entity keys");
  r.Array(&d->entity_name_count, "entity name counts");
  if (!r.ok()) return r.status();
  const size_t n = list.size();
  if (entity.size() != n || kind.size() != n || birth_min.size() != n || birth_max.size() != n ||
      country_offsets.size() != n + 1 || d->entity_keys.size() != n || d->entity_name_count.size() != n ||
      country_offsets[0] != 0 || country_offsets[n] != countries.size()) {
    r.Fail("entity arrays", "have inconsistent sizes");
    return r.status();
  }
  for (size_t e = 0; e < n; ++e) {
    if (country_offsets[e] > country_offsets[e + 1]) {
      return r.Fail("entity countries", "have decreasing offsets"), r.status();
    }
  }
  d->entities.assign(n, EntityRef{});
  std::vector<int64_t> per_list(d->lists.size(), 0);
  for (size_t e = 0; e < n; ++e) {
    if (list[e] >= d->lists.size()) return r.Fail("entity lists", "hold a list out of range"), r.status();
    if (entity[e] != per_list[list[e]]++ || (e > 0 && list[e] < list[e - 1])) {
      return r.Fail("entity positions", "are out of order"), r.status();
    }
    if (!v1::EntityKind_IsValid(kind[e])) return r.Fail("entity kinds", "hold an unknown kind"), r.status();
    EntityRef& ref = d->entities[e];
    ref.list = list[e];
    ref.entity = entity[e];
    ref.kind = static_cast<v1::EntityKind>(kind[e]);
    ref.birth_year_min = birth_min[e];
    ref.birth_year_max = birth_max[e];
    ref.countries.assign(countries.begin() + country_offsets[e], countries.begin() + country_offsets[e + 1]);
  }
  for (size_t li = 0; li < d->lists.size(); ++li) info.lists[li].entities = per_list[li];

  r.Array(&d->names, "names");
  r.Array(&d->name_tokens, "name tokens");
  r.Strings(&d->vocab, "vocabulary");
  r.Array(&d->doc_freq, "document frequencies");
  r.Array(&d->weight, "token weights");
  r.Array(&d->is_particle, "particle flags");
  if (!r.ok()) return r.status();
  const size_t v = d->vocab.size();
  if (d->doc_freq.size() != v || d->weight.size() != v || d->is_particle.size() != v) {
    return r.Fail("vocabulary arrays", "have inconsistent sizes"), r.status();
  }
  for (size_t t = 0; t < v; ++t) {
    // Weights are in (0, 1] (TokenWeight); NaN fails this test too.
    if (!(d->weight[t] > 0.0f && d->weight[t] <= 1.0f) || d->doc_freq[t] > n || d->is_particle[t] > 1) {
      return r.Fail("vocabulary arrays", "hold a value out of range"), r.status();
    }
  }
  for (const IndexedName& name : d->names) {
    if (name.entity >= n || name.name_index >= d->entity_name_count[name.entity] ||
        !v1::NameKind_IsValid(name.kind) || name.token_begin > d->name_tokens.size() ||
        name.token_count > d->name_tokens.size() - name.token_begin) {
      return r.Fail("names", "hold an id out of range"), r.status();
    }
  }
  for (uint32_t t : d->name_tokens) {
    if (t >= v) return r.Fail("name tokens", "hold a token id out of range"), r.status();
  }
  const auto n_names = static_cast<uint32_t>(d->names.size());
  if (!ReadPostings(&r, &d->token_postings, v, n_names, "token postings")) return r.status();
  if (!r.Strings(&d->joined_keys, "joined keys")) return r.status();
  if (!ReadPostings(&r, &d->joined_postings, d->joined_keys.size(), n_names, "joined postings")) return r.status();
  if (!r.Multimap(&d->skeleton_tokens, static_cast<uint32_t>(v), "skeleton map")) return r.status();
  if (!r.Multimap(&d->loose_skeleton_tokens, static_cast<uint32_t>(v), "loose skeleton map")) return r.status();
  r.View(&d->deletion_keys, "deletion keys");
  r.View(&d->deletion_tokens, "deletion tokens");
  if (!r.ok()) return r.status();
  if (d->deletion_keys.size() != d->deletion_tokens.size()) {
    return r.Fail("deletion arrays", "have inconsistent sizes"), r.status();
  }
  for (size_t i = 0; i < d->deletion_keys.size(); ++i) {
    if (d->deletion_tokens[i] >= v || (i > 0 && d->deletion_keys[i] < d->deletion_keys[i - 1])) {
      return r.Fail("deletion arrays", "are unsorted or hold a token id out of range"), r.status();
    }
  }
  if (!r.Multimap(&d->identifier_entities, static_cast<uint32_t>(n), "identifier map")) return r.status();
  if (r.remaining() != 0) return r.Fail("section", "has trailing bytes"), r.status();

  // Cheap lookups rebuilt from the arrays.
  d->vocab_ids.clear();
  d->vocab_ids.reserve(v);
  for (uint32_t t = 0; t < v; ++t) d->vocab_ids.emplace(d->vocab[t], t);
  d->joined_ids.clear();
  d->joined_ids.reserve(d->joined_keys.size());
  for (uint32_t k = 0; k < d->joined_keys.size(); ++k) d->joined_ids.emplace(d->joined_keys[k], k);
  d->entity_by_key.clear();
  d->entity_by_key.reserve(n);
  for (uint32_t e = 0; e < n; ++e) d->entity_by_key.emplace(d->entity_keys[e], e);
  info.entities = static_cast<int64_t>(n);
  info.names = n_names;
  info.tokens = static_cast<int64_t>(v);
  BuildCheapLookups(d);
  return absl::OkStatus();
}

}  // namespace partyscreen::internal
