// Helpers shared by the reliability tests (tests/reliability/*_test.cc):
// scratch directories, whole-file I/O, and a small fictional custom-CSV list
// to build indexes from. Header-only, so every test binary stays one file.
#ifndef PARTYSCREEN_TESTS_RELIABILITY_RELIABILITY_UTIL_H_
#define PARTYSCREEN_TESTS_RELIABILITY_RELIABILITY_UTIL_H_

#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "partyscreen/index.h"
#include "partyscreen/sources.h"

namespace partyscreen::testing_util {

// A new empty directory under the test temp dir (never removed: gtest's
// TempDir is per run).
inline std::string NewTempDir(const std::string& tag) {
  std::string pattern = absl::StrCat(::testing::TempDir(), "/ps_", tag, "_XXXXXX");
  char* made = ::mkdtemp(&pattern[0]);
  EXPECT_NE(made, nullptr) << pattern;
  return pattern;
}

inline void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  ASSERT_TRUE(out.good()) << path;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The header of the custom CSV layout.
inline constexpr char kCustomHeader[] =
    "id,name,aliases,kind,country,date_of_birth,identifiers,program,listed_on,remarks\n";

// A fictional custom list: 6 named parties plus `extra` numbered ones
// ("Filler Party 0000 Trading" ...). `tag` is put in a remark so that two
// versions of the list have different hashes.
inline std::string FixtureCsv(int extra = 0, const std::string& tag = "v1") {
  std::string csv = kCustomHeader;
  absl::StrAppend(&csv,
                  "F-1,Zarovia Precision Optics Co. Ltd.,ZPO Trading,organization,CN,,,FX,2024-01-01,", tag, "\n",
                  "F-2,Quentin Marlowe Hartvig,Q. M. Hartvig,person,GB,1971,,FX,2024-01-01,\n",
                  "F-3,Борис Ильич Тестовский,Boris Ilyich Testovsky,person,RU,1965,,FX,2024-01-01,\n",
                  "F-4,星河测试科技有限公司,Xinghe Ceshi Technology,organization,CN,,,FX,2024-01-01,\n",
                  "F-5,MV Silent Example,,vessel,PA,,imo:0000000,FX,2024-01-01,\n",
                  "F-6,Nordwind Beispiel GmbH,Nordwind Example,organization,DE,,,FX,2024-01-01,\n");
  for (int i = 0; i < extra; ++i) {
    absl::StrAppend(&csv, "X-", i, ",Filler Party ", 1000 + i, " Trading,,organization,US,,,FX,,\n");
  }
  return csv;
}

// Reads `csv` (written to `dir`/`file`) as a custom list with id `list_id`.
inline absl::StatusOr<v1::EntityList> ReadCustom(const std::string& dir, const std::string& file,
                                                 const std::string& csv,
                                                 const std::string& list_id = "fixture") {
  const std::string path = absl::StrCat(dir, "/", file);
  WriteFile(path, csv);
  ReadOptions options;
  options.format = ListFormat::kCustomCsv;
  options.list_id = list_id;
  return ReadList(path, options);
}

// Builds an index over one custom list.
inline absl::StatusOr<std::shared_ptr<const Index>> BuildFixtureIndex(const std::string& dir,
                                                                      int extra = 0,
                                                                      const std::string& tag = "v1") {
  auto list = ReadCustom(dir, absl::StrCat("fixture_", tag, ".csv"), FixtureCsv(extra, tag));
  if (!list.ok()) return list.status();
  IndexBuilder builder;
  if (auto s = builder.AddList(*std::move(list)); !s.ok()) return s;
  return std::move(builder).Build();
}

}  // namespace partyscreen::testing_util

#endif  // PARTYSCREEN_TESTS_RELIABILITY_RELIABILITY_UTIL_H_
