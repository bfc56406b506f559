#include "lib/sources/text.h"

#include <cstdint>

#include "absl/strings/str_cat.h"

namespace partyscreen::internal {
namespace {

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Windows-1252 0x80..0x9F; 0 marks the five undefined bytes.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
    0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

int64_t LineOf(absl::string_view s, size_t offset) {
  int64_t line = 1;
  for (size_t i = 0; i < offset && i < s.size(); ++i) line += s[i] == '\n';
  return line;
}

absl::StatusOr<std::string> DecodeUtf16(absl::string_view file, absl::string_view b, bool big_endian) {
  if (b.size() % 2 != 0) {
    return absl::InvalidArgumentError(absl::StrCat(file, ": UTF-16 file has an odd number of bytes (truncated)"));
  }
  std::string out;
  out.reserve(b.size());
  auto unit = [&](size_t i) -> uint32_t {
    auto lo = static_cast<uint8_t>(b[i]), hi = static_cast<uint8_t>(b[i + 1]);
    return big_endian ? (uint32_t{lo} << 8 | hi) : (uint32_t{hi} << 8 | lo);
  };
  for (size_t i = 0; i < b.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= b.size() + 0 && i + 2 >= b.size()) {
        return absl::InvalidArgumentError(absl::StrCat(file, ": UTF-16 ends inside a surrogate pair"));
      }
      uint32_t u2 = unit(i + 2);
      if (u2 < 0xDC00 || u2 > 0xDFFF) {
        return absl::InvalidArgumentError(absl::StrCat(file, ": invalid UTF-16 surrogate pair at byte ", i));
      }
      AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00), &out);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      return absl::InvalidArgumentError(absl::StrCat(file, ": unpaired UTF-16 surrogate at byte ", i));
    } else {
      AppendUtf8(u, &out);
    }
  }
  return out;
}

// True if `s` holds at least one well-formed multi-byte UTF-8 sequence.
bool HasValidMultibyteUtf8(absl::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    uint8_t c = p[i];
    size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > s.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < len; ++k) ok = ok && (p[i + k] & 0xC0) == 0x80;
    if (ok && FindInvalidUtf8(s.substr(i, len)) == absl::string_view::npos) return true;
  }
  return false;
}

}  // namespace

size_t FindInvalidUtf8(absl::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    uint8_t c = p[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return absl::string_view::npos;
}

bool IsValidUtf8(absl::string_view s) { return FindInvalidUtf8(s) == absl::string_view::npos; }

absl::StatusOr<DecodedText> DecodeText(absl::string_view file, absl::string_view bytes, Legacy8Bit legacy) {
  if (bytes.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(file, ": file is empty (0 bytes); a list file must hold records"));
  }
  DecodedText out;
  if (bytes.size() >= 2 && static_cast<uint8_t>(bytes[0]) == 0xFF && static_cast<uint8_t>(bytes[1]) == 0xFE) {
    auto s = DecodeUtf16(file, bytes.substr(2), false);
    if (!s.ok()) return s.status();
    out.text = *std::move(s);
    out.encoding = "UTF-16LE";
  } else if (bytes.size() >= 2 && static_cast<uint8_t>(bytes[0]) == 0xFE && static_cast<uint8_t>(bytes[1]) == 0xFF) {
    auto s = DecodeUtf16(file, bytes.substr(2), true);
    if (!s.ok()) return s.status();
    out.text = *std::move(s);
    out.encoding = "UTF-16BE";
  } else {
    absl::string_view b = bytes;
    out.encoding = "UTF-8";
    if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") {
      b.remove_prefix(3);
      out.encoding = "UTF-8 with BOM";
    }
    size_t bad = FindInvalidUtf8(b);
    if (bad == absl::string_view::npos) {
      out.text = std::string(b);
    } else if (legacy == Legacy8Bit::kWindows1252 && HasValidMultibyteUtf8(b)) {
      // A UTF-8 file with a corrupt byte: decoding it all as Windows-1252
      // would silently garble every correct non-ASCII name. Report the byte.
      return absl::InvalidArgumentError(absl::StrCat(
          file, ":", LineOf(b, bad), ": invalid UTF-8 at byte offset ", bad,
          " (the rest of the file is UTF-8; the file is corrupt)"));
    } else if (legacy == Legacy8Bit::kWindows1252) {
      out.encoding = "Windows-1252";
      out.text.reserve(b.size() + b.size() / 8);
      for (size_t i = 0; i < b.size(); ++i) {
        auto c = static_cast<uint8_t>(b[i]);
        if (c < 0x80) {
          out.text.push_back(static_cast<char>(c));
        } else if (c < 0xA0) {
          uint16_t cp = kCp1252High[c - 0x80];
          if (cp == 0) {
            return absl::InvalidArgumentError(absl::StrCat(
                file, ":", LineOf(b, i), ": byte 0x", absl::Hex(c), " at offset ", i,
                " is neither UTF-8 nor Windows-1252"));
          }
          AppendUtf8(cp, &out.text);
        } else {
          AppendUtf8(c, &out.text);
        }
      }
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          file, ":", LineOf(b, bad), ": invalid UTF-8 at byte offset ", bad,
          " (the file is not UTF-8; convert it, or name a format that declares its encoding)"));
    }
  }
  // Legacy OFAC files end with a DOS EOF byte (0x1A), sometimes on its own line.
  while (!out.text.empty() && (out.text.back() == '\x1a' || out.text.back() == '\n' || out.text.back() == '\r')) {
    if (out.text.back() == '\x1a') {
      out.text.pop_back();
    } else {
      // keep one trailing newline semantics irrelevant for the CSV reader
      out.text.pop_back();
    }
  }
  if (out.text.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(file, ": file holds no data (only a byte-order mark or blank lines)"));
  }
  out.text.push_back('\n');
  return out;
}

}  // namespace partyscreen::internal
