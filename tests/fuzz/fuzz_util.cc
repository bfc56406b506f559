#include "tests/fuzz/fuzz_util.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace partyscreen::fuzz {
namespace {

std::string* g_dir = nullptr;

void RemoveDir() {
  if (g_dir == nullptr) return;
  std::string dir = *g_dir;
  // The directory holds only files this process wrote, with fixed names.
  for (const char* name : {"list.csv", "list.xml", "list.json", "list.txt", "ConList.csv",
                           "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv",
                           "snapshot.bin", "input.csv", "decisions.jsonl"}) {
    ::unlink(absl::StrCat(dir, "/", name).c_str());
  }
  ::rmdir(dir.c_str());
}

}  // namespace

const std::string& ScratchDir() {
  if (g_dir == nullptr) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = absl::StrCat(tmp != nullptr && *tmp ? tmp : "/tmp", "/psfuzz.XXXXXX");
    std::string buf = pattern;
    if (::mkdtemp(&buf[0]) == nullptr) {
      std::fprintf(stderr, "mkdtemp(%s): %s\n", pattern.c_str(), std::strerror(errno));
      std::abort();
    }
    g_dir = new std::string(buf);
    std::atexit(RemoveDir);
  }
  return *g_dir;
}

std::string WriteScratchFile(absl::string_view name, absl::string_view data) {
  std::string path = absl::StrCat(ScratchDir(), "/", name);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    std::fprintf(stderr, "open(%s): %s\n", path.c_str(), std::strerror(errno));
    std::abort();
  }
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::fprintf(stderr, "write(%s): %s\n", path.c_str(), std::strerror(errno));
      std::abort();
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  ::close(fd);
  return path;
}

void RemoveScratchFile(absl::string_view name) {
  ::unlink(absl::StrCat(ScratchDir(), "/", name).c_str());
}

bool IsValidUtf8(absl::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    int len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return false;
    if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return false;
    i += len;
  }
  return true;
}

namespace {

void AddName(v1::Entity* e, absl::string_view full, v1::NameKind kind, absl::string_view script) {
  v1::Name* n = e->add_names();
  n->set_full(std::string(full));
  n->set_kind(kind);
  n->set_script(std::string(script));
}

}  // namespace

v1::EntityList FixtureList(absl::string_view list_id, int extra_entities) {
  struct Row {
    const char* id;
    v1::EntityKind kind;
    const char* name;
    const char* alias;
    const char* script;
    const char* country;
    int birth_year;
  };
  // Fictional parties only.
  static const Row kRows[] = {
      {"F-1", v1::ENTITY_KIND_ORGANIZATION, "Zarovia Precision Optics Co., Ltd.", "ZPO Trading",
       "Latn", "CN", 0},
      {"F-2", v1::ENTITY_KIND_INDIVIDUAL, "Quentin Marlowe HARTVIG", "Q. M. Hartvig", "Latn", "GB",
       1971},
      {"F-3", v1::ENTITY_KIND_INDIVIDUAL, "Борис Ильич ТЕСТОВСКИЙ", "Boris Ilyich Testovsky", "Cyrl",
       "RU", 1965},
      {"F-4", v1::ENTITY_KIND_ORGANIZATION, "星河测试科技有限公司", "Xinghe Ceshi Technology", "Hani",
       "CN", 0},
      {"F-5", v1::ENTITY_KIND_INDIVIDUAL, "عبد الفتاح المثالي", "Abd al-Fattah al-Mithali", "Arab",
       "IR", 1980},
      {"F-6", v1::ENTITY_KIND_VESSEL, "MV Silent Example", "Silent Ex", "Latn", "PA", 0},
      {"F-7", v1::ENTITY_KIND_ORGANIZATION, "Nordwind Beispiel GmbH", "Nordwind Example", "Latn",
       "DE", 0},
      {"F-8", v1::ENTITY_KIND_ORGANIZATION, "Hartvig Holdings LLC", "", "Latn", "US", 0},
  };
  v1::EntityList list;
  v1::ListSource* src = list.mutable_source();
  src->set_list_id(std::string(list_id));
  src->set_publisher("partyscreen tests");
  src->set_name("Fictional fuzz fixture");
  src->set_publication_date("2024-01-01");
  src->set_format("custom_csv");
  src->set_sha256(absl::StrCat(list_id, "-", extra_entities, std::string(48, '0')).substr(0, 64));
  auto add = [&](const Row& r, absl::string_view id) {
    v1::Entity* e = list.add_entities();
    e->set_list_id(std::string(list_id));
    e->set_entity_id(std::string(id));
    e->set_kind(r.kind);
    AddName(e, r.name, v1::NAME_KIND_PRIMARY, r.script);
    if (*r.alias) AddName(e, r.alias, v1::NAME_KIND_ALIAS, "Latn");
    e->add_countries(r.country);
    if (r.birth_year) e->add_dates_of_birth()->set_year(r.birth_year);
    e->add_listings()->set_source_list("Fixture");
  };
  for (const Row& r : kRows) add(r, r.id);
  for (int i = 0; i < extra_entities; ++i) {
    add(kRows[i % 8], absl::StrCat("X-", i));
  }
  return list;
}

}  // namespace partyscreen::fuzz
