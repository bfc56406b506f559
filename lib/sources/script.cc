#include "lib/sources/script.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace partyscreen::internal {
namespace {

struct Range {
  uint32_t lo;
  uint32_t hi;
  const char* script;
};

// Sorted, non-overlapping ranges of letters by script (Unicode blocks, with
// the symbol and digit parts of Latin-1 left out).
constexpr Range kRanges[] = {
    {0x0041, 0x005A, "Latn"}, {0x0061, 0x007A, "Latn"}, {0x00AA, 0x00AA, "Latn"},
    {0x00BA, 0x00BA, "Latn"}, {0x00C0, 0x00D6, "Latn"}, {0x00D8, 0x00F6, "Latn"},
    {0x00F8, 0x02AF, "Latn"}, {0x0370, 0x0373, "Grek"}, {0x0376, 0x03FF, "Grek"},
    {0x0400, 0x0482, "Cyrl"}, {0x048A, 0x052F, "Cyrl"}, {0x0531, 0x058F, "Armn"},
    {0x05D0, 0x05FF, "Hebr"}, {0x0620, 0x064A, "Arab"}, {0x066E, 0x06D3, "Arab"},
    {0x06D5, 0x06D5, "Arab"}, {0x06EE, 0x06FF, "Arab"}, {0x0710, 0x074F, "Syrc"},
    {0x0750, 0x077F, "Arab"}, {0x0780, 0x07BF, "Thaa"}, {0x08A0, 0x08C9, "Arab"},
    {0x0900, 0x097F, "Deva"}, {0x0980, 0x09FF, "Beng"}, {0x0A00, 0x0A7F, "Guru"},
    {0x0A80, 0x0AFF, "Gujr"}, {0x0B00, 0x0B7F, "Orya"}, {0x0B80, 0x0BFF, "Taml"},
    {0x0C00, 0x0C7F, "Telu"}, {0x0C80, 0x0CFF, "Knda"}, {0x0D00, 0x0D7F, "Mlym"},
    {0x0D80, 0x0DFF, "Sinh"}, {0x0E01, 0x0E3A, "Thai"}, {0x0E40, 0x0E4E, "Thai"},
    {0x0E80, 0x0EFF, "Laoo"}, {0x0F00, 0x0FFF, "Tibt"}, {0x1000, 0x103F, "Mymr"},
    {0x1050, 0x109F, "Mymr"}, {0x10A0, 0x10FF, "Geor"}, {0x1100, 0x11FF, "Hang"},
    {0x1200, 0x139F, "Ethi"}, {0x13A0, 0x13FF, "Cher"}, {0x1780, 0x17DD, "Khmr"},
    {0x1800, 0x18AF, "Mong"}, {0x1C80, 0x1C8F, "Cyrl"}, {0x1C90, 0x1CBF, "Geor"},
    {0x1E00, 0x1EFF, "Latn"}, {0x1F00, 0x1FFF, "Grek"}, {0x2C60, 0x2C7F, "Latn"},
    {0x2D00, 0x2D2F, "Geor"}, {0x2D80, 0x2DDF, "Ethi"}, {0x2DE0, 0x2DFF, "Cyrl"},
    {0x2E80, 0x2FDF, "Hani"}, {0x3005, 0x3005, "Hani"}, {0x3007, 0x3007, "Hani"},
    {0x3021, 0x3029, "Hani"}, {0x3038, 0x303B, "Hani"}, {0x3041, 0x309F, "Hira"},
    {0x30A1, 0x30FA, "Kana"}, {0x30FD, 0x30FF, "Kana"}, {0x3131, 0x318F, "Hang"},
    {0x31F0, 0x31FF, "Kana"}, {0x3400, 0x4DBF, "Hani"}, {0x4E00, 0x9FFF, "Hani"},
    {0xA640, 0xA69F, "Cyrl"}, {0xA720, 0xA7FF, "Latn"}, {0xA960, 0xA97F, "Hang"},
    {0xAB30, 0xAB6F, "Latn"}, {0xAC00, 0xD7AF, "Hang"}, {0xD7B0, 0xD7FF, "Hang"},
    {0xF900, 0xFAFF, "Hani"}, {0xFB00, 0xFB06, "Latn"}, {0xFB13, 0xFB17, "Armn"},
    {0xFB1D, 0xFB4F, "Hebr"}, {0xFB50, 0xFDFF, "Arab"}, {0xFE70, 0xFEFF, "Arab"},
    {0xFF21, 0xFF3A, "Latn"}, {0xFF41, 0xFF5A, "Latn"}, {0xFF66, 0xFF9D, "Kana"},
    {0xFFA0, 0xFFDC, "Hang"}, {0x1B000, 0x1B0FF, "Kana"}, {0x20000, 0x3134F, "Hani"},
};

constexpr size_t kNumRanges = sizeof(kRanges) / sizeof(kRanges[0]);

// The binary search in ScriptOfCodePoint needs sorted, disjoint ranges.
constexpr bool RangesAreSorted() {
  for (size_t i = 0; i < kNumRanges; ++i) {
    if (kRanges[i].lo > kRanges[i].hi) return false;
    if (i > 0 && kRanges[i].lo <= kRanges[i - 1].hi) return false;
  }
  return true;
}
static_assert(RangesAreSorted(), "kRanges must be sorted and disjoint");

// Decodes one UTF-8 sequence at `s[*i]`; advances `*i`. Returns false for an
// invalid sequence (then `*i` advances by one byte).
bool DecodeOne(absl::string_view s, size_t* i, uint32_t* cp) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int n;
  uint32_t v;
  if (c < 0x80) {
    *cp = c;
    ++*i;
    return true;
  } else if ((c & 0xE0) == 0xC0) {
    n = 1;
    v = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 2;
    v = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 3;
    v = c & 0x07;
  } else {
    ++*i;
    return false;
  }
  if (*i + n >= s.size()) {
    ++*i;
    return false;
  }
  for (int k = 1; k <= n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[*i + k]);
    if ((d & 0xC0) != 0x80) {
      ++*i;
      return false;
    }
    v = (v << 6) | (d & 0x3F);
  }
  *i += n + 1;
  *cp = v;
  return true;
}

// True for a letter-like code point outside the table (so that an unknown
// script yields "Zzzz" rather than "").
bool IsOtherLetter(uint32_t cp) {
  if (cp < 0x0370) return false;            // Latin-1 symbols, IPA modifiers, marks
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE6F) return false;  // variation selectors, forms
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;  // fullwidth punctuation/digits
  if (cp >= 0x1F000) return cp >= 0x20000;  // emoji and symbols
  if (cp >= 0x0300 && cp <= 0x036F) return false;  // combining marks
  return true;
}

}  // namespace

absl::string_view ScriptOfCodePoint(uint32_t cp) {
  size_t lo = 0, hi = kNumRanges;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (kRanges[mid].hi < cp) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < kNumRanges && kRanges[lo].lo <= cp && cp <= kRanges[lo].hi) {
    return kRanges[lo].script;
  }
  return "";
}

std::string DetectScript(absl::string_view text) {
  // Few scripts per name: a small vector keeps first-seen order for ties.
  std::vector<std::pair<absl::string_view, int>> counts;
  int unknown = 0;
  size_t i = 0;
  while (i < text.size()) {
    uint32_t cp;
    if (!DecodeOne(text, &i, &cp)) continue;
    absl::string_view sc = ScriptOfCodePoint(cp);
    if (sc.empty()) {
      if (IsOtherLetter(cp)) ++unknown;
      continue;
    }
    bool found = false;
    for (auto& [s, n] : counts) {
      if (s == sc) {
        ++n;
        found = true;
        break;
      }
    }
    if (!found) counts.emplace_back(sc, 1);
  }
  if (counts.empty()) return unknown > 0 ? "Zzzz" : "";
  auto count_of = [&](absl::string_view sc) {
    for (const auto& [s, n] : counts) {
      if (s == sc) return n;
    }
    return 0;
  };
  int han = count_of("Hani"), hira = count_of("Hira"), kana = count_of("Kana"),
      hang = count_of("Hang");
  if (hira + kana > 0 && (han > 0 || (hira > 0 && kana > 0))) {
    // Japanese: fold the three into one count and compete with the rest.
    counts.erase(std::remove_if(counts.begin(), counts.end(),
                                [](const auto& p) {
                                  return p.first == "Hani" || p.first == "Hira" ||
                                         p.first == "Kana";
                                }),
                 counts.end());
    counts.insert(counts.begin(), {"Jpan", han + hira + kana});
  } else if (hang > 0 && han > 0) {
    counts.erase(std::remove_if(counts.begin(), counts.end(),
                                [](const auto& p) { return p.first == "Hani" || p.first == "Hang"; }),
                 counts.end());
    counts.insert(counts.begin(), {"Kore", han + hang});
  }
  const std::pair<absl::string_view, int>* best = &counts[0];
  for (const auto& p : counts) {
    if (p.second > best->second) best = &p;
  }
  return std::string(best->first);
}

}  // namespace partyscreen::internal
