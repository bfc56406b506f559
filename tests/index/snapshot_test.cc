#include "lib/index/snapshot.h"

#include <random>
#include <string>

#include "gtest/gtest.h"
#include "lib/util/crc32c.h"

namespace partyscreen::internal {
namespace {

std::string Sample() {
  v1::SnapshotHeader header;
  header.set_library_version("0.1.0");
  header.set_normalization_fingerprint("abc");
  header.add_sources()->set_list_id("us_csl");
  return EncodeSnapshot(header, {{"options", "x=1"}, {"lists", std::string(1000, 'L')}});
}

TEST(SnapshotTest, RoundTrips) {
  auto s = DecodeSnapshot("f", Sample());
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->header.format_version(), kSnapshotFormatVersion);
  EXPECT_EQ(s->header.sources(0).list_id(), "us_csl");
  auto lists = s->Section("lists");
  ASSERT_TRUE(lists.ok());
  EXPECT_EQ(*lists, std::string(1000, 'L'));
  EXPECT_EQ(s->Section("index").status().code(), absl::StatusCode::kDataLoss);
}

TEST(SnapshotTest, EveryFlippedBitIsDataLoss) {
  const std::string good = Sample();
  // Flip each bit of the header area and a sample of section bits.
  for (size_t byte = 0; byte < good.size(); byte += (byte < 120 ? 1 : 37)) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string bad = good;
      bad[byte] = static_cast<char>(bad[byte] ^ (1 << bit));
      auto s = DecodeSnapshot("f", bad);
      ASSERT_FALSE(s.ok()) << "byte " << byte << " bit " << bit;
      // Bits of the version field may turn it into a newer version.
      if (byte >= 8 && byte < 12) {
        EXPECT_TRUE(s.status().code() == absl::StatusCode::kDataLoss ||
                    s.status().code() == absl::StatusCode::kUnimplemented);
      } else {
        EXPECT_EQ(s.status().code(), absl::StatusCode::kDataLoss) << "byte " << byte << ": " << s.status();
      }
    }
  }
}

TEST(SnapshotTest, EveryTruncationIsDataLoss) {
  const std::string good = Sample();
  for (size_t len = 0; len < good.size(); ++len) {
    auto s = DecodeSnapshot("f", good.substr(0, len));
    ASSERT_FALSE(s.ok()) << len;
    EXPECT_EQ(s.status().code(), absl::StatusCode::kDataLoss) << len;
  }
}

TEST(SnapshotTest, TrailingBytesAreDataLoss) {
  auto s = DecodeSnapshot("f", Sample() + "x");
  EXPECT_EQ(s.status().code(), absl::StatusCode::kDataLoss);
}

TEST(SnapshotTest, DeclaredLengthBeyondFileIsDataLoss) {
  std::string bad = Sample();
  // Header length field claims 1 GiB.
  bad[12] = 0; bad[13] = 0; bad[14] = 0; bad[15] = 0x40;
  auto s = DecodeSnapshot("f", bad);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(s.status().message().find("exceeds the file size"), absl::string_view::npos);
}

TEST(SnapshotTest, SectionLengthBeyondFileIsDataLoss) {
  v1::SnapshotHeader header;
  std::string good = EncodeSnapshot(header, {{"lists", "abcd"}});
  auto decoded = DecodeSnapshot("f", good);
  ASSERT_TRUE(decoded.ok());
  // Re-encode the header with a section length far beyond the file, fixing
  // the header checksum so only the length check can catch it.
  v1::SnapshotHeader h = decoded->header;
  h.mutable_sections(0)->set_length(uint64_t{1} << 40);
  std::string head;
  h.SerializeToString(&head);
  std::string bad(good.substr(0, 12));
  uint32_t len = static_cast<uint32_t>(head.size()), crc = Crc32c(head);
  for (int i = 0; i < 4; ++i) bad.push_back(static_cast<char>((len >> (8 * i)) & 0xff));
  for (int i = 0; i < 4; ++i) bad.push_back(static_cast<char>((crc >> (8 * i)) & 0xff));
  bad += head;
  bad.resize((bad.size() + 7) & ~size_t{7}, '\0');  // format 2: area aligned to 8
  bad += "abcd";
  auto s = DecodeSnapshot("f", bad);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(s.status().message().find("beyond the end"), absl::string_view::npos) << s.status();
}

TEST(SnapshotTest, SectionsAreAlignedAndPaddingIsChecked) {
  v1::SnapshotHeader header;
  std::string good = EncodeSnapshot(header, {{"a", "xyz"}, {"b", "12345678"}, {"c", ""}});
  auto decoded = DecodeSnapshot("f", good);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  for (const auto& [name, data] : decoded->sections) {
    EXPECT_EQ(reinterpret_cast<uintptr_t>(data.data()) % 8, 0u) << name;
  }
  EXPECT_EQ(*decoded->Section("b"), "12345678");
  // A non-zero byte in the padding after "xyz" is corruption, even though no
  // section checksum covers it.
  const size_t pad = static_cast<size_t>(decoded->Section("a")->data() - decoded->bytes.data()) + 3;
  std::string bad = good;
  bad[pad] = 'x';
  auto s = DecodeSnapshot("f", bad);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(s.status().message().find("padding"), absl::string_view::npos) << s.status();
}

TEST(SnapshotTest, NewerFormatVersionIsUnimplemented) {
  std::string bad = Sample();
  bad[8] = static_cast<char>(kSnapshotFormatVersion + 1);
  auto s = DecodeSnapshot("f", bad);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kUnimplemented);
}

TEST(SnapshotTest, NotASnapshotIsDataLoss) {
  EXPECT_EQ(DecodeSnapshot("f", "").status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(DecodeSnapshot("f", "name,aliases\nx,y\n").status().code(), absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace partyscreen::internal
