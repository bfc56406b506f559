#include "lib/util/countries.h"

#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace partyscreen::internal {
namespace {

TEST(CountriesTest, IsoNamesAndCodes) {
  EXPECT_EQ(CountryCode("China"), "CN");
  EXPECT_EQ(CountryCode("CN"), "CN");
  EXPECT_EQ(CountryCode("chn"), "CN");
  EXPECT_EQ(CountryCode("Germany"), "DE");
  EXPECT_EQ(CountryCode("DEU"), "DE");
  EXPECT_EQ(CountryCode("Zimbabwe"), "ZW");
  EXPECT_EQ(CountryCode("Aland Islands"), "AX");
  EXPECT_EQ(CountryCode("Niger"), "NE");
  EXPECT_EQ(CountryCode("Nigeria"), "NG");
}

TEST(CountriesTest, PublisherSpellings) {
  EXPECT_EQ(CountryCode("Iran, Islamic Republic of"), "IR");
  EXPECT_EQ(CountryCode("Islamic Republic of Iran"), "IR");
  EXPECT_EQ(CountryCode("Russian Federation"), "RU");
  EXPECT_EQ(CountryCode("the Russian Federation"), "RU");
  EXPECT_EQ(CountryCode("Korea, North"), "KP");
  EXPECT_EQ(CountryCode("North Korea"), "KP");
  EXPECT_EQ(CountryCode("Democratic People's Republic of Korea"), "KP");
  EXPECT_EQ(CountryCode("DPRK"), "KP");
  EXPECT_EQ(CountryCode("Korea, South"), "KR");
  EXPECT_EQ(CountryCode("Korea, Republic of"), "KR");
  EXPECT_EQ(CountryCode("Burma"), "MM");
  EXPECT_EQ(CountryCode("Syria"), "SY");
  EXPECT_EQ(CountryCode("Syrian Arab Republic"), "SY");
  EXPECT_EQ(CountryCode("Venezuela, Bolivarian Republic of"), "VE");
  EXPECT_EQ(CountryCode("PRC"), "CN");
  EXPECT_EQ(CountryCode("People's Republic of China"), "CN");
  EXPECT_EQ(CountryCode("Hong Kong"), "HK");
  EXPECT_EQ(CountryCode("Macau"), "MO");
  EXPECT_EQ(CountryCode("Taiwan"), "TW");
  EXPECT_EQ(CountryCode("UK"), "GB");
  EXPECT_EQ(CountryCode("United Kingdom"), "GB");
  EXPECT_EQ(CountryCode("Great Britain"), "GB");
  EXPECT_EQ(CountryCode("USA"), "US");
  EXPECT_EQ(CountryCode("United States"), "US");
  EXPECT_EQ(CountryCode("UAE"), "AE");
  EXPECT_EQ(CountryCode("United Arab Emirates"), "AE");
  EXPECT_EQ(CountryCode("Congo, Democratic Republic of the"), "CD");
  EXPECT_EQ(CountryCode("Democratic Republic of the Congo"), "CD");
  EXPECT_EQ(CountryCode("Congo, Republic of the"), "CG");
  EXPECT_EQ(CountryCode("West Bank"), "PS");
  EXPECT_EQ(CountryCode("Palestinian"), "PS");
  EXPECT_EQ(CountryCode("Kosovo"), "XK");
  EXPECT_EQ(CountryCode("Crimea region of Ukraine"), "UA");
  EXPECT_EQ(CountryCode("Region: Crimea"), "UA");
  EXPECT_EQ(CountryCode("Region: Gaza"), "PS");
  EXPECT_EQ(CountryCode("Virgin Islands, British"), "VG");
  EXPECT_EQ(CountryCode("Bahamas, The"), "BS");
  EXPECT_EQ(CountryCode("Man, Isle of"), "IM");
}

TEST(CountriesTest, CaseDiacriticsPunctuationIgnored) {
  EXPECT_EQ(CountryCode("Cote d'Ivoire"), "CI");
  EXPECT_EQ(CountryCode("C\xC3\xB4te d\xE2\x80\x99Ivoire"), "CI");  // Côte d’Ivoire
  EXPECT_EQ(CountryCode("COTE D IVOIRE"), "CI");
  EXPECT_EQ(CountryCode("T\xC3\xBCrkiye"), "TR");  // Türkiye
  EXPECT_EQ(CountryCode("  iran  "), "IR");
  EXPECT_EQ(CountryCode("korea north"), "KP");
  EXPECT_EQ(CountryCode("R\xC3\xA9union"), "RE");
  EXPECT_EQ(CountryCode("u.s.a."), "US");
}

TEST(CountriesTest, UnknownIsEmpty) {
  EXPECT_EQ(CountryCode(""), "");
  EXPECT_EQ(CountryCode("Atlantis"), "");
  EXPECT_EQ(CountryCode("-0-"), "");
  EXPECT_EQ(CountryCode("USSR"), "");
  EXPECT_EQ(CountryCode("XX"), "");
  EXPECT_EQ(CountryCode("\xD0\xA0\xD0\xBE\xD1\x81"), "");  // Cyrillic text folds to nothing
}

TEST(CountriesTest, NameOfCode) {
  EXPECT_EQ(CountryName("CN"), "China");
  EXPECT_EQ(CountryName("cn"), "China");
  EXPECT_EQ(CountryName("IR"), "Iran");
  EXPECT_EQ(CountryName("RU"), "Russia");
  EXPECT_EQ(CountryName("XK"), "Kosovo");
  EXPECT_EQ(CountryName("GB"), "United Kingdom");
  EXPECT_EQ(CountryName("ZZ"), "");
  EXPECT_EQ(CountryName(""), "");
}

// Every short name maps back to its own code (no alias shadows a country).
TEST(CountriesTest, EveryNameRoundTrips) {
  const char* kCodes[] = {"AD", "AE", "AF", "AQ", "AX", "BA", "BQ", "CD", "CG", "CI", "CV", "CW",
                          "FM", "GB", "GM", "GS", "HK", "IN", "IO", "KP", "KR", "LA", "MK", "MM",
                          "MO", "NE", "NG", "PS", "SH", "SX", "SZ", "TL", "TW", "UM", "US", "VA",
                          "VG", "VI", "XK", "ZW"};
  for (const char* code : kCodes) {
    absl::string_view name = CountryName(code);
    ASSERT_FALSE(name.empty()) << code;
    EXPECT_EQ(CountryCode(name), code) << name;
  }
}

// 249 ISO rows plus Kosovo.
TEST(CountriesTest, TableIsComplete) {
  int found = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      std::string code = {a, b};
      if (!CountryName(code).empty()) {
        ++found;
        EXPECT_EQ(CountryCode(CountryName(code)), code) << code;
      }
    }
  }
  EXPECT_EQ(found, 251);  // 249 ISO 3166-1 + XK + AN (Netherlands Antilles)
}

}  // namespace
}  // namespace partyscreen::internal
