// IndexBuilder and BuildIndexData: normalise every name once and build the
// vocabulary, token weights and posting lists.
#include <algorithm>
#include <optional>
#include <cmath>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "lib/index/index_data.h"
#include "lib/normalize/data.h"
#include "lib/scoring/phonetic.h"
#include "lib/scoring/token_similarity.h"
#include "lib/util/parallel.h"
#include "lib/util/sha256.h"
#include "partyscreen/index.h"
#include "partyscreen/result.h"

#ifndef PARTYSCREEN_VERSION
#define PARTYSCREEN_VERSION "0.0.0"
#endif

namespace partyscreen {
namespace internal {
namespace {

bool IsCoreRole(TokenRole role) {
  return role == TokenRole::kWord || role == TokenRole::kNumber || role == TokenRole::kParticle;
}

NameKindHint HintFor(v1::EntityKind kind) {
  switch (kind) {
    case v1::ENTITY_KIND_INDIVIDUAL: return NameKindHint::kPerson;
    case v1::ENTITY_KIND_ORGANIZATION:
    case v1::ENTITY_KIND_VESSEL:
    case v1::ENTITY_KIND_AIRCRAFT: return NameKindHint::kOrganization;
    default: return NameKindHint::kUnknown;
  }
}

void BuildPostings(const std::vector<std::pair<uint32_t, uint32_t>>& pairs, size_t keys, Postings* out) {
  // pairs: (key, name), any order.
  out->offsets.assign(keys + 1, 0);
  for (const auto& p : pairs) out->offsets[p.first + 1]++;
  for (size_t k = 0; k < keys; ++k) out->offsets[k + 1] += out->offsets[k];
  out->postings.resize(pairs.size());
  std::vector<uint32_t> fill(out->offsets.begin(), out->offsets.end() - 1);
  for (const auto& p : pairs) out->postings[fill[p.first]++] = p.second;
  // Sort and de-duplicate each posting list (compacting in place).
  uint32_t write = 0;
  std::vector<uint32_t> new_offsets(keys + 1, 0);
  for (size_t k = 0; k < keys; ++k) {
    auto b = out->postings.begin() + out->offsets[k];
    auto e = out->postings.begin() + out->offsets[k + 1];
    std::sort(b, e);
    auto last = std::unique(b, e);
    new_offsets[k] = write;
    for (auto it = b; it != last; ++it) out->postings[write++] = *it;
  }
  new_offsets[keys] = write;
  out->postings.resize(write);
  out->offsets = std::move(new_offsets);
}

// `name` (vocabulary ids) without its tokens that are acronyms of the rest
// of it: 3 to 8 letters that are the initials of other tokens of the name,
// in order ("irgc" in "islamic revolutionary guard corps irgc cyber
// defence command", "krrti" in "kaluga scientific research radio
// technology institute krrti"). Empty when it has none.
std::vector<uint32_t> WithoutOwnAcronyms(const std::vector<std::string>& vocab, const std::vector<uint32_t>& name) {
  std::vector<uint32_t> out;
  bool dropped = false;
  for (size_t k = 0; k < name.size(); ++k) {
    const std::string& a = vocab[name[k]];
    bool acronym = a.size() >= 3 && a.size() <= 8 && name.size() > a.size() &&
                   std::all_of(a.begin(), a.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (acronym) {
      size_t p = 0;
      for (size_t j = 0; j < name.size() && p < a.size(); ++j) {
        if (j != k && !vocab[name[j]].empty() && vocab[name[j]][0] == a[p]) ++p;
      }
      acronym = p == a.size();
    }
    if (acronym) {
      dropped = true;
    } else {
      out.push_back(name[k]);
    }
  }
  if (!dropped) out.clear();
  return out;
}

}  // namespace

float TokenWeight(uint32_t df, uint32_t n, bool particle) {
  // Inverse document frequency over entities, shaped so that a word carried
  // by a few entities weighs ~1 and a word carried by a large share of them
  // ("company", "bank", "beijing") weighs little: w = idf^2 / idf_max^2 with
  // a floor. Particles (al, bin, van) weigh a tenth.
  double idf = std::log((n + 1.0) / (df + 0.5));
  double idf_max = std::log((n + 1.0) / 1.5);
  double w = idf_max > 0 ? (idf * idf) / (idf_max * idf_max) : 1.0;
  w = std::clamp(w, 0.02, 1.0);
  if (particle) w *= 0.1;
  return static_cast<float>(w);
}

void BuildCheapLookups(IndexData* d) {
  {
    constexpr int kBits = IndexData::kDeletionBucketBits;
    d->deletion_buckets.assign((size_t{1} << kBits) + 1, 0);
    // Keys are sorted, so each bucket is one run: count, then prefix sums.
    for (uint64_t k : d->deletion_keys) d->deletion_buckets[(k >> (64 - kBits)) + 1]++;
    for (size_t b = 1; b < d->deletion_buckets.size(); ++b) d->deletion_buckets[b] += d->deletion_buckets[b - 1];
  }
  d->max_name_tokens = 0;
  d->name_facts.assign(d->names.size(), IndexData::NameFacts());
  d->digit_word_names.clear();
  d->particle_names.clear();
  for (size_t i = 0; i < d->names.size(); ++i) {
    const IndexedName& n = d->names[i];
    IndexData::NameFacts& f = d->name_facts[i];
    d->max_name_tokens = std::max(d->max_name_tokens, n.token_count);
    f.token_begin = n.token_begin;
    f.token_count = static_cast<uint16_t>(std::min<uint32_t>(n.token_count, 65535));
    f.entity_kind = static_cast<uint8_t>(d->entities[n.entity].kind);
    f.weak_alias = n.kind == v1::NAME_KIND_WEAK_ALIAS ? 1 : 0;
    double weight = 0;
    for (uint32_t k = 0; k < n.token_count; ++k) weight += std::max(1e-6, static_cast<double>(d->weight[d->name_tokens[n.token_begin + k]]));
    float rounded = static_cast<float>(weight);
    if (static_cast<double>(rounded) > weight) rounded = std::nextafter(rounded, 0.0f);
    f.weight = rounded;
    for (uint32_t k = 0; k < n.token_count; ++k) {
      const std::string& v = d->vocab[d->name_tokens[n.token_begin + k]];
      if (v.size() >= 2 && !IsAllDigits(v)) {
        f.lengths |= uint32_t{1} << std::min<size_t>(v.size(), 31);
        if (std::any_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          f.lengths |= IndexData::NameFacts::kDigitWord;
        }
      }
    }
    if (f.lengths & IndexData::NameFacts::kDigitWord) d->digit_word_names.push_back(static_cast<uint32_t>(i));
    bool particles = n.token_count > 0;
    for (uint32_t k = 0; k < n.token_count && particles; ++k) {
      particles = d->is_particle[d->name_tokens[n.token_begin + k]] != 0;
    }
    if (particles) d->particle_names.push_back(static_cast<uint32_t>(i));
  }
  d->vocab_info.resize(d->vocab.size());
  for (size_t t = 0; t < d->vocab.size(); ++t) {
    const std::string& v = d->vocab[t];
    IndexData::VocabInfo& info = d->vocab_info[t];
    info.letters = LetterMask(v);
    info.length = static_cast<uint8_t>(std::min<size_t>(v.size(), 255));
    info.has_digit = std::any_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }) ? 1 : 0;
    info.is_number = IsAllDigits(v) ? 1 : 0;
    info.initial = v.empty() ? '\0' : v[0];
  }
  d->prefix_tokens.clear();
  for (uint32_t t = 0; t < d->vocab.size(); ++t) {
    if (d->vocab[t].size() >= IndexData::kPrefixKeyMinLength) {
      d->prefix_tokens.push_back(uint64_t{IndexData::PrefixKey(d->vocab[t])} << 32 | t);
    }
  }
  std::sort(d->prefix_tokens.begin(), d->prefix_tokens.end());
  d->vocab_by_length.clear();
  for (uint32_t t = 0; t < d->vocab.size(); ++t) {
    size_t len = d->vocab[t].size();
    if (d->vocab_by_length.size() <= len) d->vocab_by_length.resize(len + 1);
    d->vocab_by_length[len].push_back(t);
  }
  d->legal_words.clear();
  {
    absl::flat_hash_set<std::string> words;
    for (absl::string_view line : absl::StrSplit(EmbeddedDataFile("legal_forms.txt"), '\n')) {
      size_t hash = line.find('#');
      if (hash != absl::string_view::npos) line = line.substr(0, hash);
      size_t bar = line.find('|');
      if (bar == absl::string_view::npos) continue;
      for (absl::string_view w : absl::StrSplit(line.substr(0, bar), ' ', absl::SkipEmpty())) {
        if (w.size() >= 4) words.insert(std::string(w));
      }
    }
    d->legal_words.assign(words.begin(), words.end());
    std::sort(d->legal_words.begin(), d->legal_words.end());
  }
}

absl::Status BuildIndexData(IndexData* d) {
  if (!d->normalizer) {
    auto n = Normalizer::Create();
    if (!n.ok()) return n.status();
    d->normalizer = *std::move(n);
  }
  d->entities.clear();
  d->names.clear();
  d->name_tokens.clear();
  d->vocab.clear();
  d->vocab_ids.clear();
  d->entity_by_key.clear();
  d->entity_keys.clear();
  d->entity_name_count.clear();
  std::vector<uint32_t> df;
  std::vector<uint8_t> particle;
  std::vector<uint32_t> last_entity_seen;
  IndexInfo& info = d->info;
  info.lists.clear();
  // Every name to index, normalised first on all cores (the Normalizer is
  // thread-safe); the loop below takes the results in the same order.
  auto indexed = [d](const v1::Name& name) {
    return !name.full().empty() && (name.kind() != v1::NAME_KIND_WEAK_ALIAS || d->options.index_weak_aliases);
  };
  std::vector<std::pair<const v1::Name*, NameKindHint>> to_normalize;
  for (const v1::EntityList& list : d->lists) {
    for (const v1::Entity& e : list.entities()) {
      for (const v1::Name& name : e.names()) {
        if (indexed(name)) to_normalize.emplace_back(&name, HintFor(e.kind()));
      }
    }
  }
  std::vector<absl::StatusOr<NormalizedName>> normalized(to_normalize.size(),
                                                          absl::UnknownError("not normalised"));
  ParallelFor(
      to_normalize.size(),
      [&](size_t k) { normalized[k] = d->normalizer->Normalize(to_normalize[k].first->full(), to_normalize[k].second); },
      256);
  size_t next_normalized = 0;
  Sha256 fp;
  for (uint32_t li = 0; li < d->lists.size(); ++li) {
    const v1::EntityList& list = d->lists[li];
    ListInfo li_info;
    li_info.list_id = list.source().list_id();
    li_info.publisher = list.source().publisher();
    li_info.name = list.source().name();
    li_info.publication_date = list.source().publication_date();
    li_info.sha256 = list.source().sha256();
    li_info.format = list.source().format();
    li_info.skipped_rows = list.source().skipped_rows();
    fp.Update(absl::StrCat(li_info.list_id, ":", li_info.sha256, ":", li_info.publication_date, "\n"));
    for (int ei = 0; ei < list.entities_size(); ++ei) {
      const v1::Entity& e = list.entities(ei);
      uint32_t eidx = static_cast<uint32_t>(d->entities.size());
      EntityRef ref;
      ref.list = li;
      ref.entity = static_cast<uint32_t>(ei);
      ref.kind = e.kind();
      for (const auto& dob : e.dates_of_birth()) {
        if (dob.year() <= 0) continue;
        int lo = dob.year(), hi = dob.end_year() > 0 ? dob.end_year() : dob.year();
        if (ref.birth_year_min == 0 || lo < ref.birth_year_min) ref.birth_year_min = static_cast<int16_t>(lo);
        if (hi > ref.birth_year_max) ref.birth_year_max = static_cast<int16_t>(hi);
      }
      for (const auto& c : e.countries()) ref.countries.push_back(c);
      std::sort(ref.countries.begin(), ref.countries.end());
      ref.countries.erase(std::unique(ref.countries.begin(), ref.countries.end()), ref.countries.end());
      d->entities.push_back(std::move(ref));
      d->entity_keys.push_back(absl::StrCat(list.source().list_id(), "\x1f", e.entity_id()));
      d->entity_by_key[d->entity_keys.back()] = eidx;
      d->entity_name_count.push_back(static_cast<uint32_t>(e.names_size()));
      li_info.entities++;
      li_info.entities_by_kind[std::string(EntityKindName(e.kind()))]++;

      absl::flat_hash_set<std::vector<uint32_t>> seen_token_seqs;
      for (int ni = 0; ni < e.names_size(); ++ni) {
        const v1::Name& name = e.names(ni);
        li_info.names++;
        if (!indexed(name)) continue;
        absl::StatusOr<NormalizedName> norm = std::move(normalized[next_normalized++]);
        if (!norm.ok()) {
          return absl::Status(norm.status().code(),
                              absl::StrCat("list ", list.source().list_id(), " entity ", e.entity_id(),
                                           " name ", ni, ": ", norm.status().message()));
        }
        // The name as normalised and, when it differs, its standard form
        // (Normalizer::StandardForm: abbreviations written out, given
        // names in their Russian form).
        std::optional<NormalizedName> expanded = d->normalizer->StandardForm(*norm, HintFor(e.kind()));
        for (const NormalizedName* form : {&*norm, expanded ? &*expanded : nullptr}) {
          if (form == nullptr) continue;
          std::vector<uint32_t> ids;
          bool any_core = false;
          for (const auto& t : form->tokens) any_core |= IsCoreRole(t.role);
          for (const auto& t : form->tokens) {
            if (any_core && !IsCoreRole(t.role)) continue;
            if (t.text.empty()) continue;
            auto [it, inserted] = d->vocab_ids.try_emplace(t.text, static_cast<uint32_t>(d->vocab.size()));
            if (inserted) {
              d->vocab.push_back(t.text);
              df.push_back(0);
              particle.push_back(t.role == TokenRole::kParticle);
              last_entity_seen.push_back(UINT32_MAX);
            }
            uint32_t tid = it->second;
            if (last_entity_seen[tid] != eidx) {
              last_entity_seen[tid] = eidx;
              df[tid]++;
            }
            ids.push_back(tid);
          }
          if (ids.empty()) continue;
          auto file_name = [&](const std::vector<uint32_t>& tokens) {
            if (!seen_token_seqs.insert(tokens).second) return;  // same tokens as an earlier name
            IndexedName in;
            in.entity = eidx;
            in.name_index = static_cast<uint32_t>(ni);
            in.kind = name.kind();
            in.token_begin = static_cast<uint32_t>(d->name_tokens.size());
            in.token_count = static_cast<uint32_t>(tokens.size());
            d->name_tokens.insert(d->name_tokens.end(), tokens.begin(), tokens.end());
            d->names.push_back(in);
          };
          file_name(ids);
          // A name that spells out its own acronym ("ISLAMIC REVOLUTIONARY
          // GUARD CORPS (IRGC) CYBER DEFENCE COMMAND") is also filed
          // without it: a query written without the acronym (a
          // translation, a clerk's copy) does not pay for a word that adds
          // nothing to the name. Not for individuals, whose surname may
          // happen to spell their given names' initials.
          if (e.kind() != v1::ENTITY_KIND_INDIVIDUAL) {
            std::vector<uint32_t> without = WithoutOwnAcronyms(d->vocab, ids);
            if (!without.empty()) file_name(without);
          }
        }
      }
    }
    info.lists.push_back(std::move(li_info));
  }
  const uint32_t n_entities = static_cast<uint32_t>(d->entities.size());
  d->doc_freq = std::move(df);
  d->is_particle = std::move(particle);
  d->weight.resize(d->vocab.size());
  for (size_t t = 0; t < d->vocab.size(); ++t) {
    d->weight[t] = TokenWeight(d->doc_freq[t], n_entities, d->is_particle[t] != 0);
  }
  // Postings.
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  pairs.reserve(d->name_tokens.size());
  std::vector<std::pair<uint32_t, uint32_t>> joined_pairs;
  d->joined_keys.clear();
  d->joined_ids.clear();
  for (uint32_t n = 0; n < d->names.size(); ++n) {
    const IndexedName& in = d->names[n];
    for (uint32_t k = 0; k < in.token_count; ++k) {
      pairs.emplace_back(d->name_tokens[in.token_begin + k], n);
      if (k + 1 < in.token_count) {
        std::string joined = absl::StrCat(d->vocab[d->name_tokens[in.token_begin + k]],
                                          d->vocab[d->name_tokens[in.token_begin + k + 1]]);
        auto [it, inserted] = d->joined_ids.try_emplace(joined, static_cast<uint32_t>(d->joined_keys.size()));
        if (inserted) d->joined_keys.push_back(joined);
        joined_pairs.emplace_back(it->second, n);
      }
    }
  }
  BuildPostings(pairs, d->vocab.size(), &d->token_postings);
  BuildPostings(joined_pairs, d->joined_keys.size(), &d->joined_postings);
  d->skeleton_tokens.clear();
  d->loose_skeleton_tokens.clear();
  for (uint32_t t = 0; t < d->vocab.size(); ++t) {
    if (d->vocab[t].size() < 3) continue;
    std::string sk = ConsonantSkeleton(d->vocab[t]);
    if (sk.size() >= 2) d->skeleton_tokens[sk].push_back(t);
    std::string loose, consonants;
    LooseKeys(d->vocab[t], &loose, &consonants);
    if (!loose.empty()) d->loose_skeleton_tokens[loose].push_back(t);
    if (!consonants.empty()) d->loose_skeleton_tokens[consonants].push_back(t);
  }

  {
    std::vector<std::pair<uint64_t, uint32_t>> del;
    for (uint32_t t = 0; t < d->vocab.size(); ++t) {
      if (d->vocab[t].size() < 3) continue;
      ForEachDeletion(d->vocab[t], [&](uint64_t h) { del.emplace_back(h, t); });
    }
    std::sort(del.begin(), del.end());
    del.erase(std::unique(del.begin(), del.end()), del.end());
    std::vector<uint64_t> keys(del.size());
    std::vector<uint32_t> tokens(del.size());
    for (size_t i = 0; i < del.size(); ++i) {
      keys[i] = del[i].first;
      tokens[i] = del[i].second;
    }
    d->deletion_keys = std::move(keys);
    d->deletion_tokens = std::move(tokens);
  }
  d->identifier_entities.clear();
  for (uint32_t e = 0; e < d->entities.size(); ++e) {
    for (const auto& id : d->entity_proto(e).identifiers()) {
      std::string v;
      for (char c : id.value()) {
        if (absl::ascii_isalnum(static_cast<unsigned char>(c))) v.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
      }
      if (v.size() < 4) continue;
      auto& ents = d->identifier_entities[v];
      if (ents.empty() || ents.back() != e) ents.push_back(e);
    }
  }

  BuildCheapLookups(d);

  info.library_version = PARTYSCREEN_VERSION;
  info.normalization_fingerprint = std::string(NormalizationDataFingerprint());
  fp.Update(absl::StrCat("norm:", info.normalization_fingerprint, "\nweak:", d->options.index_weak_aliases, "\n"));
  info.fingerprint = fp.FinishHex();
  info.entities = n_entities;
  info.names = static_cast<int64_t>(d->names.size());
  info.tokens = static_cast<int64_t>(d->vocab.size());
  return absl::OkStatus();
}

}  // namespace internal

IndexBuilder::IndexBuilder(IndexOptions options) : options_(options) {}
IndexBuilder::~IndexBuilder() = default;

absl::Status IndexBuilder::AddList(v1::EntityList list) {
  for (const auto& l : lists_) {
    if (l.source().list_id() == list.source().list_id()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "list id '", list.source().list_id(), "' was added twice; give one of them another id (ID:FORMAT=PATH)"));
    }
  }
  absl::flat_hash_set<std::string> ids;
  for (const auto& e : list.entities()) {
    if (!ids.insert(e.entity_id()).second) {
      return absl::InvalidArgumentError(absl::StrCat("list ", list.source().list_id(), ": entity id '",
                                                     e.entity_id(), "' occurs more than once"));
    }
  }
  lists_.push_back(std::move(list));
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<const Index>> IndexBuilder::Build() && {
  if (lists_.empty()) return absl::InvalidArgumentError("no list was added to the index");
  auto data = std::make_unique<internal::IndexData>();
  data->options = options_;
  data->lists = std::move(lists_);
  if (auto s = internal::BuildIndexData(data.get()); !s.ok()) return s;
  return std::shared_ptr<const Index>(new Index(std::move(data)));
}

}  // namespace partyscreen
