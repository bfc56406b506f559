// The internal structures of an Index: flat arrays over every indexed name,
// the token vocabulary with document frequencies and weights, and posting
// lists from keys to names.
#ifndef PARTYSCREEN_LIB_INDEX_INDEX_DATA_H_
#define PARTYSCREEN_LIB_INDEX_INDEX_DATA_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "partyscreen/index.h"
#include "partyscreen/normalizer.h"
#include "partyscreen/v1/entity.pb.h"

namespace partyscreen::internal {

// A read-only array that either owns its elements (an index built in
// memory) or views them in place inside a memory-mapped snapshot.
template <typename T>
class FlatArray {
 public:
  FlatArray() = default;
  FlatArray(const FlatArray&) = delete;
  FlatArray& operator=(const FlatArray&) = delete;
  // Takes ownership of `v`.
  FlatArray& operator=(std::vector<T> v) {
    owned_ = std::move(v);
    data_ = owned_.data();
    size_ = owned_.size();
    return *this;
  }
  // Views `n` elements at `p`, which must outlive this array.
  void View(const T* p, size_t n) {
    owned_ = {};
    data_ = p;
    size_ = n;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T* data() const { return data_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  const T& operator[](size_t i) const { return data_[i]; }

 private:
  std::vector<T> owned_;
  const T* data_ = nullptr;
  size_t size_ = 0;
};

// One entity, flat across all lists.
struct EntityRef {
  uint32_t list = 0;      // index into IndexData::lists
  uint32_t entity = 0;    // index into lists[list].entities
  v1::EntityKind kind = v1::ENTITY_KIND_UNKNOWN;
  int16_t birth_year_min = 0;  // 0 = no date of birth
  int16_t birth_year_max = 0;
  std::vector<std::string> countries;  // ISO alpha-2, sorted, unique
};

// One indexed name of an entity.
struct IndexedName {
  uint32_t entity = 0;      // index into IndexData::entities
  uint32_t name_index = 0;  // index into the entity's names
  v1::NameKind kind = v1::NAME_KIND_UNSPECIFIED;
  uint32_t token_begin = 0;  // into IndexData::name_tokens
  uint32_t token_count = 0;
};

// Compressed-sparse-row posting lists: key k's names are
// postings[offsets[k] .. offsets[k+1]), sorted and unique.
struct Postings {
  std::vector<uint32_t> offsets;  // size = keys + 1
  std::vector<uint32_t> postings;
  size_t size(uint32_t key) const { return offsets[key + 1] - offsets[key]; }
  const uint32_t* begin(uint32_t key) const { return postings.data() + offsets[key]; }
  const uint32_t* end(uint32_t key) const { return postings.data() + offsets[key + 1]; }
};

struct IndexData {
  IndexData();
  ~IndexData();
  // Unique among all IndexData objects of the process (never reused), for
  // per-thread memos keyed by index.
  const uint64_t serial;
  IndexData(const IndexData&) = delete;
  IndexData& operator=(const IndexData&) = delete;

  IndexOptions options;
  IndexInfo info;
  // The lists. An index built by IndexBuilder holds them whole; one loaded
  // from a snapshot holds only each list's source here (no entities): its
  // entities stay serialised in `entity_blob` and are parsed one by one on
  // first use (entity_proto), or all at once if all_lists() is called.
  std::vector<v1::EntityList> lists;
  std::vector<EntityRef> entities;
  std::vector<std::string> entity_keys;       // per entity: "list\x1fentity_id"
  std::vector<uint32_t> entity_name_count;    // per entity: names in its proto

  // Lazily parsed entities (loaded snapshots only).
  bool lazy_entities = false;
  std::shared_ptr<const void> snapshot_storage;  // keeps the mapped snapshot alive
  absl::string_view entity_blob;         // v1::Entity messages back to back
  std::vector<uint64_t> entity_offsets;  // size entities + 1, into entity_blob

  std::vector<IndexedName> names;
  std::vector<uint32_t> name_tokens;  // token ids of each name's core tokens

  // Vocabulary of core tokens (words, numbers, particles; legal forms,
  // honorifics and stopwords are not indexed).
  std::vector<std::string> vocab;
  absl::flat_hash_map<std::string, uint32_t> vocab_ids;
  std::vector<uint32_t> doc_freq;  // entities whose names hold the token
  std::vector<float> weight;       // informativeness weight, see builder.cc
  std::vector<uint8_t> is_particle;  // 1 if the token is a name particle

  Postings token_postings;  // token id → names holding it

  // Joined keys: the concatenation of two adjacent core tokens of a name
  // ("sense"+"time" → "sensetime"), so a query that writes them as one word
  // finds the name. Key ids index `joined_keys`.
  std::vector<std::string> joined_keys;
  absl::flat_hash_map<std::string, uint32_t> joined_ids;
  Postings joined_postings;

  // Phonetic skeleton → vocabulary token ids sharing it.
  absl::flat_hash_map<std::string, std::vector<uint32_t>> skeleton_tokens;
  // LooseKeys (both kinds) → vocabulary token ids (for queries in
  // Arabic-type scripts).
  absl::flat_hash_map<std::string, std::vector<uint32_t>> loose_skeleton_tokens;

  absl::flat_hash_map<std::string, uint32_t> entity_by_key;  // "list\x1fid" → entity

  // The most tokens any indexed name has.
  uint32_t max_name_tokens = 0;
  // Per name, packed so that the score bounds read one line per name: what
  // they need of it besides its tokens.
  struct NameFacts {
    uint32_t token_begin = 0;  // as IndexedName
    uint16_t token_count = 0;  // capped at 65535 (then read names[].token_count)
    uint8_t entity_kind = 0;   // its entity's v1::EntityKind
    uint8_t weak_alias = 0;    // 1 for a v1::NAME_KIND_WEAK_ALIAS
    float weight = 0;          // the sum of its tokens' weights, rounded down
    // Bit min(length, 31) set for the length of each of its words of 2+
    // characters that is not a number (the tokens that may pair with a
    // query token without a key; see QuerySideBound), and kDigitWord if one
    // of them holds a digit (a homoglyph pairing may reach it).
    uint32_t lengths = 0;
    static constexpr uint32_t kDigitWord = 1;
  };
  std::vector<NameFacts> name_facts;
  // The names with a kDigitWord, sorted.
  std::vector<uint32_t> digit_word_names;
  // The names all of whose tokens are particles ("AL"), sorted: candidate
  // generation reads no particle's postings, and reaches these whenever a
  // query word's key is a particle.
  std::vector<uint32_t> particle_names;
  // Per vocabulary token, packed so that a score bound reads one line:
  // bit c - 'a' of `letters` for each letter c it holds, its length (capped
  // at 255), whether it is all digits / holds a digit, its first character.
  struct VocabInfo {
    uint32_t letters = 0;
    uint8_t length = 0;
    uint8_t is_number = 0;
    uint8_t has_digit = 0;
    char initial = '\0';
  };
  std::vector<VocabInfo> vocab_info;
  // Vocabulary token ids by token length.
  std::vector<std::vector<uint32_t>> vocab_by_length;
  // The vocabulary tokens of kPrefixKeyMinLength or more characters by their
  // first 4 (PrefixKey), as PrefixKey << 32 | token id, sorted: the pairs
  // more than 2 edits apart that a Latin-script query may still match
  // (TokenSimilarityOptions::far_lift_prefix) share their first 4 letters.
  static constexpr size_t kPrefixKeyMinLength = 5;
  std::vector<uint64_t> prefix_tokens;
  static uint32_t PrefixKey(absl::string_view token) {
    uint32_t k = 0;
    for (size_t i = 0; i < 4; ++i) k = k << 8 | (i < token.size() ? static_cast<unsigned char>(token[i]) : 0u);
    return k;
  }

  // Deletion neighbourhood of the vocabulary (after SymSpell, Garbe 2012):
  // for every token, the 64-bit FNV-1a hashes of the strings made by
  // deleting 0, 1 or 2 of its letters, sorted, each with its token id. Two
  // tokens within Levenshtein distance 2 share at least one such string, so
  // looking up the query token's own deletions finds every vocabulary token
  // within two edits without scanning the vocabulary.
  FlatArray<uint64_t> deletion_keys;   // in place in a loaded snapshot
  FlatArray<uint32_t> deletion_tokens;
  // deletion_keys whose top kDeletionBucketBits bits equal b are
  // [deletion_buckets[b], deletion_buckets[b + 1]): a lookup reads one
  // bucket (~4 keys) instead of binary-searching a million.
  static constexpr int kDeletionBucketBits = 18;
  std::vector<uint32_t> deletion_buckets;
  // The positions in deletion_keys holding `hash`, as [begin, end).
  std::pair<uint32_t, uint32_t> DeletionRange(uint64_t hash) const {
    const auto b = static_cast<size_t>(hash >> (64 - kDeletionBucketBits));
    uint32_t lo = deletion_buckets[b], hi = deletion_buckets[b + 1];
    while (lo < hi && deletion_keys[lo] < hash) ++lo;
    uint32_t end = lo;
    while (end < hi && deletion_keys[end] == hash) ++end;
    return {lo, end};
  }

  // The vocabulary tokens whose LatinTranscriptionKey (lib/scoring/
  // phonetic.h) equals `key`, ascending: the Latin words a pinyin query
  // token may transcribe. Built on the first call (only queries in Chinese
  // script ask), in a few milliseconds. Thread-safe.
  absl::Span<const uint32_t> TranscriptionTokens(absl::string_view key) const;
  // The same for ShortLatinTranscriptionKey, over the vocabulary tokens a
  // two-syllable pinyin token may transcribe (ShortTranscriptionKeysMatch:
  // 4-6 letters, 2 vowel groups, a key of 2+ classes) and the aligner may
  // pair with one (weight >= AlignOptions::short_transcription_min_weight);
  // the caller checks the rest of ShortTranscriptionKeysMatch. Thread-safe.
  absl::Span<const uint32_t> ShortTranscriptionTokens(absl::string_view key) const;
  // The joined keys (ids into `joined_keys`: two adjacent list words
  // written together) that a query word of phonetic key `key` may sound
  // like, as the aligner's joins compare them (CompareTokens): with
  // `loose` false, those whose ConsonantSkeleton is `key`; with `loose`
  // true, those with `key` as one of their LooseKeys. Matched by a 64-bit
  // hash of the key, so the result may hold a few others (callers only
  // add keys from it). Built on the first call, over all joined keys.
  // Thread-safe.
  absl::Span<const uint32_t> JoinedSoundKeys(absl::string_view key, bool loose) const;

  // Identifier value (upper-case letters and digits only) → entities
  // carrying it (passport, IMO, registration number, ...).
  absl::flat_hash_map<std::string, std::vector<uint32_t>> identifier_entities;

  // Words of the legal-form dictionary with 4 or more letters ("company",
  // "limited", "obshchestvo"), to recognise misspelt and glued legal forms
  // in queries.
  std::vector<std::string> legal_words;

  std::unique_ptr<const Normalizer> normalizer;

  // Entity e as published. Thread-safe; for a loaded snapshot the first call
  // parses the entity (a corrupted entry, which the section checksums make
  // all but impossible, yields an entity whose names read
  // "<corrupted snapshot entry>", never a crash).
  const v1::Entity& entity_proto(uint32_t e) const {
    if (!lazy_entities) {
      const EntityRef& r = entities[e];
      return lists[r.list].entities(static_cast<int>(r.entity));
    }
    const v1::Entity* p = entity_cache_[e].load(std::memory_order_acquire);
    return p != nullptr ? *p : ParseEntity(e);
  }
  // The lists with all their entities (parsed on the first call for a
  // loaded snapshot). Thread-safe.
  const std::vector<v1::EntityList>& all_lists() const;
  // Enables lazy entities over entity_blob/entity_offsets.
  void StartLazyEntities();
  const v1::Name& name_proto(uint32_t n) const {
    return entity_proto(names[n].entity).names(static_cast<int>(names[n].name_index));
  }

 private:
  const v1::Entity& ParseEntity(uint32_t e) const;
  // Parses entity e from entity_blob into `out`; a message that does not
  // parse or has fewer names than the index refers to becomes the
  // "<corrupted snapshot entry>" placeholder (returns false).
  bool ParseEntityInto(uint32_t e, v1::Entity* out) const;
  mutable std::unique_ptr<std::atomic<const v1::Entity*>[]> entity_cache_;
  mutable std::once_flag all_lists_once_;
  mutable std::once_flag transcription_once_;
  // Each vocabulary token with a transcription key, sorted by key: the keys
  // and, at the same positions, the token ids.
  mutable std::vector<std::string> transcription_keys_;
  mutable std::vector<uint32_t> transcription_ids_;
  mutable std::once_flag joined_sound_once_;
  mutable std::vector<uint64_t> joined_sound_hashes_;
  mutable std::vector<uint32_t> joined_sound_ids_;
  mutable std::once_flag short_transcription_once_;
  mutable std::vector<std::string> short_transcription_keys_;
  mutable std::vector<uint32_t> short_transcription_ids_;
  mutable std::vector<v1::EntityList> all_lists_;
};

// Builds the lookups derived cheaply from the other arrays
// (vocab_by_length, legal_words). Called by BuildIndexData and by the
// snapshot loader.
void BuildCheapLookups(IndexData* data);

// Builds all derived structures of `data` from data->lists. Used by
// IndexBuilder::Build and by Index::Load.
absl::Status BuildIndexData(IndexData* data);

// The deletion-index hash of `s` itself (as ForEachDeletion hashes `s`
// with no character deleted).
inline uint64_t DeletionHash(absl::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  h ^= 0xff;
  h *= 1099511628211ull;
  return h;
}

// Calls `fn(hash)` for the FNV-1a hash of every string obtained from `token`
// by deleting 0, 1 or 2 characters (tokens longer than 24 characters: 0 or 1).
template <typename Fn>
void ForEachDeletion(absl::string_view token, Fn&& fn) {
  const size_t n = token.size();
  auto hash_skip = [&](size_t a, size_t b) {  // skip positions a and b (npos = none)
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; ++i) {
      if (i == a || i == b) continue;
      h ^= static_cast<unsigned char>(token[i]);
      h *= 1099511628211ull;
    }
    h ^= 0xff;  // terminator, so "ab"+skip differs from a prefix
    h *= 1099511628211ull;
    return h;
  };
  constexpr size_t kNone = static_cast<size_t>(-1);
  fn(hash_skip(kNone, kNone));
  for (size_t i = 0; i < n; ++i) {
    fn(hash_skip(i, kNone));
    if (n > 24) continue;
    for (size_t j = i + 1; j < n; ++j) fn(hash_skip(i, j));
  }
}

// Weight of a token with document frequency `df` among `n` entities.
float TokenWeight(uint32_t df, uint32_t n, bool particle);

}  // namespace partyscreen::internal

#endif  // PARTYSCREEN_LIB_INDEX_INDEX_DATA_H_
