// The ISO 3166-1 country table and the alternative names publishers use.
//
// The rows of `kCountries` were generated from the Debian iso-codes package
// (iso_3166-1.json: alpha-2, alpha-3, name, official and common names); the
// short names follow the forms OFAC and the other US publishers write
// ("Russia", "Burma", "North Korea"). `kAliases` adds the spellings seen in
// the real lists (OFAC remarks and addresses, UN, UK, EU files).
#include "lib/util/countries.h"

#include <cstdint>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace partyscreen::internal {
namespace {

struct CountryRow {
  const char* alpha2;
  const char* alpha3;
  const char* name;  // English short name, returned by CountryName
  const char* alts;  // ISO name / official name / common name, '|'-separated
};

// ISO 3166-1, plus the user-assigned XK (Kosovo) that every sanctions
// publisher uses.
constexpr CountryRow kCountries[] = {
    {"AD", "AND", "Andorra", "Principality of Andorra"},
    {"AE", "ARE", "United Arab Emirates", ""},
    {"AF", "AFG", "Afghanistan", "Islamic Republic of Afghanistan"},
    {"AG", "ATG", "Antigua and Barbuda", ""},
    {"AI", "AIA", "Anguilla", ""},
    {"AL", "ALB", "Albania", "Republic of Albania"},
    {"AM", "ARM", "Armenia", "Republic of Armenia"},
    {"AO", "AGO", "Angola", "Republic of Angola"},
    {"AQ", "ATA", "Antarctica", ""},
    {"AR", "ARG", "Argentina", "Argentine Republic"},
    {"AS", "ASM", "American Samoa", ""},
    {"AT", "AUT", "Austria", "Republic of Austria"},
    {"AU", "AUS", "Australia", ""},
    {"AW", "ABW", "Aruba", ""},
    {"AX", "ALA", "Åland Islands", ""},
    {"AZ", "AZE", "Azerbaijan", "Republic of Azerbaijan"},
    {"BA", "BIH", "Bosnia and Herzegovina", "Republic of Bosnia and Herzegovina"},
    {"BB", "BRB", "Barbados", ""},
    {"BD", "BGD", "Bangladesh", "People's Republic of Bangladesh"},
    {"BE", "BEL", "Belgium", "Kingdom of Belgium"},
    {"BF", "BFA", "Burkina Faso", ""},
    {"BG", "BGR", "Bulgaria", "Republic of Bulgaria"},
    {"BH", "BHR", "Bahrain", "Kingdom of Bahrain"},
    {"BI", "BDI", "Burundi", "Republic of Burundi"},
    {"BJ", "BEN", "Benin", "Republic of Benin"},
    {"BL", "BLM", "Saint Barthélemy", ""},
    {"BM", "BMU", "Bermuda", ""},
    {"BN", "BRN", "Brunei", "Brunei Darussalam"},
    {"BO", "BOL", "Bolivia", "Bolivia, Plurinational State of|Plurinational State of Bolivia"},
    {"BQ", "BES", "Bonaire, Sint Eustatius and Saba", ""},
    {"BR", "BRA", "Brazil", "Federative Republic of Brazil"},
    {"BS", "BHS", "Bahamas", "Commonwealth of the Bahamas"},
    {"BT", "BTN", "Bhutan", "Kingdom of Bhutan"},
    {"BV", "BVT", "Bouvet Island", ""},
    {"BW", "BWA", "Botswana", "Republic of Botswana"},
    {"BY", "BLR", "Belarus", "Republic of Belarus"},
    {"BZ", "BLZ", "Belize", ""},
    {"CA", "CAN", "Canada", ""},
    {"CC", "CCK", "Cocos (Keeling) Islands", ""},
    {"CD", "COD", "Congo, Democratic Republic of the", "Congo, The Democratic Republic of the"},
    {"CF", "CAF", "Central African Republic", ""},
    {"CG", "COG", "Congo, Republic of the", "Congo|Republic of the Congo"},
    {"CH", "CHE", "Switzerland", "Swiss Confederation"},
    {"CI", "CIV", "Côte d'Ivoire", "Republic of Côte d'Ivoire"},
    {"CK", "COK", "Cook Islands", ""},
    {"CL", "CHL", "Chile", "Republic of Chile"},
    {"CM", "CMR", "Cameroon", "Republic of Cameroon"},
    {"CN", "CHN", "China", "People's Republic of China"},
    {"CO", "COL", "Colombia", "Republic of Colombia"},
    {"CR", "CRI", "Costa Rica", "Republic of Costa Rica"},
    {"CU", "CUB", "Cuba", "Republic of Cuba"},
    {"CV", "CPV", "Cabo Verde", "Republic of Cabo Verde"},
    {"CW", "CUW", "Curaçao", ""},
    {"CX", "CXR", "Christmas Island", ""},
    {"CY", "CYP", "Cyprus", "Republic of Cyprus"},
    {"CZ", "CZE", "Czech Republic", "Czechia"},
    {"DE", "DEU", "Germany", "Federal Republic of Germany"},
    {"DJ", "DJI", "Djibouti", "Republic of Djibouti"},
    {"DK", "DNK", "Denmark", "Kingdom of Denmark"},
    {"DM", "DMA", "Dominica", "Commonwealth of Dominica"},
    {"DO", "DOM", "Dominican Republic", ""},
    {"DZ", "DZA", "Algeria", "People's Democratic Republic of Algeria"},
    {"EC", "ECU", "Ecuador", "Republic of Ecuador"},
    {"EE", "EST", "Estonia", "Republic of Estonia"},
    {"EG", "EGY", "Egypt", "Arab Republic of Egypt"},
    {"EH", "ESH", "Western Sahara", ""},
    {"ER", "ERI", "Eritrea", "the State of Eritrea"},
    {"ES", "ESP", "Spain", "Kingdom of Spain"},
    {"ET", "ETH", "Ethiopia", "Federal Democratic Republic of Ethiopia"},
    {"FI", "FIN", "Finland", "Republic of Finland"},
    {"FJ", "FJI", "Fiji", "Republic of Fiji"},
    {"FK", "FLK", "Falkland Islands (Malvinas)", ""},
    {"FM", "FSM", "Micronesia", "Micronesia, Federated States of|Federated States of Micronesia"},
    {"FO", "FRO", "Faroe Islands", ""},
    {"FR", "FRA", "France", "French Republic"},
    {"GA", "GAB", "Gabon", "Gabonese Republic"},
    {"GB", "GBR", "United Kingdom", "United Kingdom of Great Britain and Northern Ireland"},
    {"GD", "GRD", "Grenada", ""},
    {"GE", "GEO", "Georgia", ""},
    {"GF", "GUF", "French Guiana", ""},
    {"GG", "GGY", "Guernsey", ""},
    {"GH", "GHA", "Ghana", "Republic of Ghana"},
    {"GI", "GIB", "Gibraltar", ""},
    {"GL", "GRL", "Greenland", ""},
    {"GM", "GMB", "Gambia", "Republic of the Gambia"},
    {"GN", "GIN", "Guinea", "Republic of Guinea"},
    {"GP", "GLP", "Guadeloupe", ""},
    {"GQ", "GNQ", "Equatorial Guinea", "Republic of Equatorial Guinea"},
    {"GR", "GRC", "Greece", "Hellenic Republic"},
    {"GS", "SGS", "South Georgia and the South Sandwich Islands", ""},
    {"GT", "GTM", "Guatemala", "Republic of Guatemala"},
    {"GU", "GUM", "Guam", ""},
    {"GW", "GNB", "Guinea-Bissau", "Republic of Guinea-Bissau"},
    {"GY", "GUY", "Guyana", "Republic of Guyana"},
    {"HK", "HKG", "Hong Kong", "Hong Kong Special Administrative Region of China"},
    {"HM", "HMD", "Heard Island and McDonald Islands", ""},
    {"HN", "HND", "Honduras", "Republic of Honduras"},
    {"HR", "HRV", "Croatia", "Republic of Croatia"},
    {"HT", "HTI", "Haiti", "Republic of Haiti"},
    {"HU", "HUN", "Hungary", ""},
    {"ID", "IDN", "Indonesia", "Republic of Indonesia"},
    {"IE", "IRL", "Ireland", ""},
    {"IL", "ISR", "Israel", "State of Israel"},
    {"IM", "IMN", "Isle of Man", ""},
    {"IN", "IND", "India", "Republic of India"},
    {"IO", "IOT", "British Indian Ocean Territory", ""},
    {"IQ", "IRQ", "Iraq", "Republic of Iraq"},
    {"IR", "IRN", "Iran", "Iran, Islamic Republic of|Islamic Republic of Iran"},
    {"IS", "ISL", "Iceland", "Republic of Iceland"},
    {"IT", "ITA", "Italy", "Italian Republic"},
    {"JE", "JEY", "Jersey", ""},
    {"JM", "JAM", "Jamaica", ""},
    {"JO", "JOR", "Jordan", "Hashemite Kingdom of Jordan"},
    {"JP", "JPN", "Japan", ""},
    {"KE", "KEN", "Kenya", "Republic of Kenya"},
    {"KG", "KGZ", "Kyrgyzstan", "Kyrgyz Republic"},
    {"KH", "KHM", "Cambodia", "Kingdom of Cambodia"},
    {"KI", "KIR", "Kiribati", "Republic of Kiribati"},
    {"KM", "COM", "Comoros", "Union of the Comoros"},
    {"KN", "KNA", "Saint Kitts and Nevis", ""},
    {"KP", "PRK", "North Korea", "Korea, Democratic People's Republic of|Democratic People's Republic of Korea"},
    {"KR", "KOR", "South Korea", "Korea, Republic of"},
    {"KW", "KWT", "Kuwait", "State of Kuwait"},
    {"KY", "CYM", "Cayman Islands", ""},
    {"KZ", "KAZ", "Kazakhstan", "Republic of Kazakhstan"},
    {"LA", "LAO", "Laos", "Lao People's Democratic Republic"},
    {"LB", "LBN", "Lebanon", "Lebanese Republic"},
    {"LC", "LCA", "Saint Lucia", ""},
    {"LI", "LIE", "Liechtenstein", "Principality of Liechtenstein"},
    {"LK", "LKA", "Sri Lanka", "Democratic Socialist Republic of Sri Lanka"},
    {"LR", "LBR", "Liberia", "Republic of Liberia"},
    {"LS", "LSO", "Lesotho", "Kingdom of Lesotho"},
    {"LT", "LTU", "Lithuania", "Republic of Lithuania"},
    {"LU", "LUX", "Luxembourg", "Grand Duchy of Luxembourg"},
    {"LV", "LVA", "Latvia", "Republic of Latvia"},
    {"LY", "LBY", "Libya", ""},
    {"MA", "MAR", "Morocco", "Kingdom of Morocco"},
    {"MC", "MCO", "Monaco", "Principality of Monaco"},
    {"MD", "MDA", "Moldova", "Moldova, Republic of|Republic of Moldova"},
    {"ME", "MNE", "Montenegro", ""},
    {"MF", "MAF", "Saint Martin (French part)", ""},
    {"MG", "MDG", "Madagascar", "Republic of Madagascar"},
    {"MH", "MHL", "Marshall Islands", "Republic of the Marshall Islands"},
    {"MK", "MKD", "North Macedonia", "Republic of North Macedonia"},
    {"ML", "MLI", "Mali", "Republic of Mali"},
    {"MM", "MMR", "Burma", "Myanmar|Republic of Myanmar"},
    {"MN", "MNG", "Mongolia", ""},
    {"MO", "MAC", "Macao", "Macao Special Administrative Region of China"},
    {"MP", "MNP", "Northern Mariana Islands", "Commonwealth of the Northern Mariana Islands"},
    {"MQ", "MTQ", "Martinique", ""},
    {"MR", "MRT", "Mauritania", "Islamic Republic of Mauritania"},
    {"MS", "MSR", "Montserrat", ""},
    {"MT", "MLT", "Malta", "Republic of Malta"},
    {"MU", "MUS", "Mauritius", "Republic of Mauritius"},
    {"MV", "MDV", "Maldives", "Republic of Maldives"},
    {"MW", "MWI", "Malawi", "Republic of Malawi"},
    {"MX", "MEX", "Mexico", "United Mexican States"},
    {"MY", "MYS", "Malaysia", ""},
    {"MZ", "MOZ", "Mozambique", "Republic of Mozambique"},
    {"NA", "NAM", "Namibia", "Republic of Namibia"},
    {"NC", "NCL", "New Caledonia", ""},
    {"NE", "NER", "Niger", "Republic of the Niger"},
    {"NF", "NFK", "Norfolk Island", ""},
    {"NG", "NGA", "Nigeria", "Federal Republic of Nigeria"},
    {"NI", "NIC", "Nicaragua", "Republic of Nicaragua"},
    {"NL", "NLD", "Netherlands", "Kingdom of the Netherlands"},
    {"NO", "NOR", "Norway", "Kingdom of Norway"},
    {"NP", "NPL", "Nepal", "Federal Democratic Republic of Nepal"},
    {"NR", "NRU", "Nauru", "Republic of Nauru"},
    {"NU", "NIU", "Niue", ""},
    {"NZ", "NZL", "New Zealand", ""},
    {"OM", "OMN", "Oman", "Sultanate of Oman"},
    {"PA", "PAN", "Panama", "Republic of Panama"},
    {"PE", "PER", "Peru", "Republic of Peru"},
    {"PF", "PYF", "French Polynesia", ""},
    {"PG", "PNG", "Papua New Guinea", "Independent State of Papua New Guinea"},
    {"PH", "PHL", "Philippines", "Republic of the Philippines"},
    {"PK", "PAK", "Pakistan", "Islamic Republic of Pakistan"},
    {"PL", "POL", "Poland", "Republic of Poland"},
    {"PM", "SPM", "Saint Pierre and Miquelon", ""},
    {"PN", "PCN", "Pitcairn", ""},
    {"PR", "PRI", "Puerto Rico", ""},
    {"PS", "PSE", "Palestine", "Palestine, State of|the State of Palestine"},
    {"PT", "PRT", "Portugal", "Portuguese Republic"},
    {"PW", "PLW", "Palau", "Republic of Palau"},
    {"PY", "PRY", "Paraguay", "Republic of Paraguay"},
    {"QA", "QAT", "Qatar", "State of Qatar"},
    {"RE", "REU", "Réunion", ""},
    {"RO", "ROU", "Romania", ""},
    {"RS", "SRB", "Serbia", "Republic of Serbia"},
    {"RU", "RUS", "Russia", "Russian Federation"},
    {"RW", "RWA", "Rwanda", "Rwandese Republic"},
    {"SA", "SAU", "Saudi Arabia", "Kingdom of Saudi Arabia"},
    {"SB", "SLB", "Solomon Islands", ""},
    {"SC", "SYC", "Seychelles", "Republic of Seychelles"},
    {"SD", "SDN", "Sudan", "Republic of the Sudan"},
    {"SE", "SWE", "Sweden", "Kingdom of Sweden"},
    {"SG", "SGP", "Singapore", "Republic of Singapore"},
    {"SH", "SHN", "Saint Helena, Ascension and Tristan da Cunha", ""},
    {"SI", "SVN", "Slovenia", "Republic of Slovenia"},
    {"SJ", "SJM", "Svalbard and Jan Mayen", ""},
    {"SK", "SVK", "Slovakia", "Slovak Republic"},
    {"SL", "SLE", "Sierra Leone", "Republic of Sierra Leone"},
    {"SM", "SMR", "San Marino", "Republic of San Marino"},
    {"SN", "SEN", "Senegal", "Republic of Senegal"},
    {"SO", "SOM", "Somalia", "Federal Republic of Somalia"},
    {"SR", "SUR", "Suriname", "Republic of Suriname"},
    {"SS", "SSD", "South Sudan", "Republic of South Sudan"},
    {"ST", "STP", "Sao Tome and Principe", "Democratic Republic of Sao Tome and Principe"},
    {"SV", "SLV", "El Salvador", "Republic of El Salvador"},
    {"SX", "SXM", "Sint Maarten (Dutch part)", ""},
    {"SY", "SYR", "Syria", "Syrian Arab Republic"},
    {"SZ", "SWZ", "Eswatini", "Kingdom of Eswatini"},
    {"TC", "TCA", "Turks and Caicos Islands", ""},
    {"TD", "TCD", "Chad", "Republic of Chad"},
    {"TF", "ATF", "French Southern Territories", ""},
    {"TG", "TGO", "Togo", "Togolese Republic"},
    {"TH", "THA", "Thailand", "Kingdom of Thailand"},
    {"TJ", "TJK", "Tajikistan", "Republic of Tajikistan"},
    {"TK", "TKL", "Tokelau", ""},
    {"TL", "TLS", "Timor-Leste", "Democratic Republic of Timor-Leste"},
    {"TM", "TKM", "Turkmenistan", ""},
    {"TN", "TUN", "Tunisia", "Republic of Tunisia"},
    {"TO", "TON", "Tonga", "Kingdom of Tonga"},
    {"TR", "TUR", "Turkey", "Türkiye|Republic of Türkiye"},
    {"TT", "TTO", "Trinidad and Tobago", "Republic of Trinidad and Tobago"},
    {"TV", "TUV", "Tuvalu", ""},
    {"TW", "TWN", "Taiwan", "Taiwan, Province of China"},
    {"TZ", "TZA", "Tanzania", "Tanzania, United Republic of|United Republic of Tanzania"},
    {"UA", "UKR", "Ukraine", ""},
    {"UG", "UGA", "Uganda", "Republic of Uganda"},
    {"UM", "UMI", "United States Minor Outlying Islands", ""},
    {"US", "USA", "United States", "United States of America"},
    {"UY", "URY", "Uruguay", "Eastern Republic of Uruguay"},
    {"UZ", "UZB", "Uzbekistan", "Republic of Uzbekistan"},
    {"VA", "VAT", "Holy See", "Holy See (Vatican City State)"},
    {"VC", "VCT", "Saint Vincent and the Grenadines", ""},
    {"VE", "VEN", "Venezuela", "Venezuela, Bolivarian Republic of|Bolivarian Republic of Venezuela"},
    {"VG", "VGB", "Virgin Islands, British", "British Virgin Islands"},
    {"VI", "VIR", "Virgin Islands, U.S.", "Virgin Islands of the United States"},
    {"VN", "VNM", "Vietnam", "Viet Nam|Socialist Republic of Viet Nam"},
    {"VU", "VUT", "Vanuatu", "Republic of Vanuatu"},
    {"WF", "WLF", "Wallis and Futuna", ""},
    {"WS", "WSM", "Samoa", "Independent State of Samoa"},
    {"YE", "YEM", "Yemen", "Republic of Yemen"},
    {"YT", "MYT", "Mayotte", ""},
    {"ZA", "ZAF", "South Africa", "Republic of South Africa"},
    {"ZM", "ZMB", "Zambia", "Republic of Zambia"},
    {"ZW", "ZWE", "Zimbabwe", "Republic of Zimbabwe"},

    {"XK", "XKX", "Kosovo", "Republic of Kosovo"},
};

struct Alias {
  const char* name;
  const char* alpha2;
};

// Publisher spellings, abbreviations, former and disputed names. Matching is
// on the folded key (see `Key`), so case, accents and punctuation do not
// matter here.
constexpr Alias kAliases[] = {
    // Common short forms and abbreviations.
    {"UK", "GB"}, {"U.K.", "GB"}, {"Great Britain", "GB"}, {"Britain", "GB"},
    {"England", "GB"}, {"Scotland", "GB"}, {"Wales", "GB"}, {"Northern Ireland", "GB"},
    {"United Kingdom of Great Britain and Northern Ireland", "GB"},
    {"USA", "US"}, {"U.S.A.", "US"}, {"U.S.", "US"}, {"United States of America", "US"},
    {"America", "US"},
    {"UAE", "AE"}, {"U.A.E.", "AE"}, {"Emirates", "AE"},
    {"PRC", "CN"}, {"P.R.C.", "CN"}, {"People's Republic of China", "CN"},
    {"China, People's Republic of", "CN"}, {"Mainland China", "CN"},
    {"DPRK", "KP"}, {"D.P.R.K.", "KP"}, {"Korea, North", "KP"}, {"North Korea", "KP"},
    {"Democratic People's Republic of Korea", "KP"}, {"Korea DPR", "KP"},
    {"Korea, Democratic People's Republic", "KP"},
    {"Korea, South", "KR"}, {"South Korea", "KR"}, {"Republic of Korea", "KR"}, {"ROK", "KR"},
    {"Korea", "KR"},
    {"Russia", "RU"}, {"Russian Federation", "RU"}, {"the Russian Federation", "RU"},
    {"Burma", "MM"}, {"Myanmar", "MM"}, {"Myanmar (Burma)", "MM"}, {"Burma (Myanmar)", "MM"},
    {"Syria", "SY"}, {"Syrian Arab Republic", "SY"},
    {"Iran", "IR"}, {"Persia", "IR"},
    {"Venezuela", "VE"}, {"Bolivia", "BO"}, {"Laos", "LA"}, {"Lao PDR", "LA"},
    {"Vietnam", "VN"}, {"Viet Nam", "VN"}, {"Moldova", "MD"}, {"Tanzania", "TZ"},
    {"Taiwan", "TW"}, {"Republic of China", "TW"}, {"Chinese Taipei", "TW"},
    {"Hong Kong", "HK"}, {"Hong Kong SAR", "HK"}, {"Hong Kong SAR China", "HK"},
    {"Hong Kong, China", "HK"},
    {"Macau", "MO"}, {"Macao", "MO"}, {"Macao SAR", "MO"}, {"Macau SAR", "MO"},
    {"Macao SAR China", "MO"},
    {"Cote d'Ivoire", "CI"}, {"Cote d Ivoire", "CI"}, {"Ivory Coast", "CI"},
    {"Congo, Democratic Republic of the", "CD"}, {"Democratic Republic of the Congo", "CD"},
    {"Democratic Republic of Congo", "CD"}, {"DRC", "CD"}, {"D.R.C.", "CD"},
    {"Congo, Dem. Rep.", "CD"}, {"Congo (Kinshasa)", "CD"}, {"Congo - Kinshasa", "CD"},
    {"Zaire", "CD"},
    {"Congo, Republic of the", "CG"}, {"Republic of the Congo", "CG"},
    {"Congo (Brazzaville)", "CG"}, {"Congo - Brazzaville", "CG"}, {"Congo, Rep.", "CG"},
    {"Czech Republic", "CZ"}, {"Czechia", "CZ"},
    {"Turkey", "TR"}, {"Turkiye", "TR"},
    {"Macedonia", "MK"}, {"North Macedonia", "MK"}, {"North Macedonia, The Republic of", "MK"},
    {"Macedonia, The Former Yugoslav Republic of", "MK"},
    {"Former Yugoslav Republic of Macedonia", "MK"}, {"FYROM", "MK"},
    {"Swaziland", "SZ"}, {"Eswatini", "SZ"},
    {"Cape Verde", "CV"}, {"Cabo Verde", "CV"}, {"Cabo Verde.  Previously Cape Verde.", "CV"},
    {"East Timor", "TL"}, {"Timor-Leste", "TL"},
    {"Vatican", "VA"}, {"Vatican City", "VA"}, {"Holy See", "VA"},
    {"Brunei", "BN"}, {"Micronesia", "FM"}, {"Micronesia, Federated States of", "FM"},
    {"The Gambia", "GM"}, {"Gambia, The", "GM"}, {"Gambia", "GM"},
    {"The Bahamas", "BS"}, {"Bahamas, The", "BS"}, {"Bahamas", "BS"},
    {"The Netherlands", "NL"}, {"Holland", "NL"},
    {"The Philippines", "PH"}, {"Phillipines", "PH"},
    {"Bosnia-Herzegovina", "BA"}, {"Bosina-Herzegovina", "BA"}, {"Bosnia", "BA"},
    {"Bosnia & Herzegovina", "BA"},
    {"Saint Kitts and Nevis", "KN"}, {"St. Kitts and Nevis", "KN"}, {"St. Kitts & Nevis", "KN"},
    {"St Kitts and Nevis", "KN"},
    {"Saint Vincent and the Grenadines", "VC"}, {"St. Vincent and the Grenadines", "VC"},
    {"Saint Lucia", "LC"}, {"St. Lucia", "LC"},
    {"Virgin Islands, British", "VG"}, {"British Virgin Islands", "VG"}, {"BVI", "VG"},
    {"Virgin Islands, U.S.", "VI"}, {"US Virgin Islands", "VI"},
    {"Man, Isle of", "IM"}, {"Isle of Man", "IM"},
    {"Comoros Islands", "KM"}, {"Sao Tome and Principe", "ST"},
    {"Falkland Islands", "FK"}, {"Reunion", "RE"}, {"Curacao", "CW"},
    {"Palestinian", "PS"}, {"Palestine", "PS"}, {"Palestinian Territories", "PS"},
    {"Palestinian Territory", "PS"}, {"Palestinian Authority", "PS"},
    {"Occupied Palestinian Territory", "PS"}, {"Palestinian Territory, Occupied", "PS"},
    {"West Bank", "PS"}, {"Gaza", "PS"}, {"Gaza Strip", "PS"},
    {"West Bank (Palestinian Authority)", "PS"}, {"Gaza (Palestinian Authority)", "PS"},
    {"Kosovo", "XK"},
    // OFAC address countries of the form "Region: ..." and regions named as
    // countries.
    {"Region: Gaza", "PS"}, {"Region: West Bank", "PS"}, {"Region: Northern Gaza", "PS"},
    {"Region: North Gaza", "PS"}, {"Region: Crimea", "UA"}, {"Crimea", "UA"},
    {"Crimea region of Ukraine", "UA"}, {"Crimea Region of Ukraine", "UA"},
    {"Region: Northern Mali", "ML"}, {"Region: Russia", "RU"},
    {"Netherlands Antilles", "AN"},
};

// Extra rows for codes outside ISO 3166-1 that aliases point to.
constexpr CountryRow kExtraRows[] = {
    {"AN", "ANT", "Netherlands Antilles", ""},  // ISO 3166-3, transitionally reserved
};

// The base letter of a Latin-1 Supplement / Latin Extended-A code point
// (U+00C0..U+017F), lower case, or 0 when it has none.
char FoldLatin(uint32_t cp) {
  // U+00C0..U+00FF
  static const char kLatin1[] =
      "aaaaaaaceeeeiiii"   // C0..CF (AE → a)
      "dnooooo\0ouuuuyts"  // D0..DF (× → none, Þ → t, ß → s)
      "aaaaaaaceeeeiiii"   // E0..EF
      "dnooooo\0ouuuuyty";  // F0..FF (÷ → none, þ → t)
  // U+0100..U+017F
  static const char kExtA[] =
      "aaaaaaccccccccdd"  // 100..10F
      "ddeeeeeeeeeegggg"  // 110..11F
      "gggghhhhiiiiiiii"  // 120..12F
      "iiiijjkkklllllll"  // 130..13F
      "lllnnnnnnnnnoooo"  // 140..14F
      "oooorrrrrrssssss"  // 150..15F
      "ssttttttuuuuuuuu"  // 160..16F
      "uuuuwwyyyzzzzzzs";  // 170..17F
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) return kExtA[cp - 0x100];
  return 0;
}

// The lookup key of a name: ASCII letters and digits, lower case, accents
// folded to their base letter; everything else (spaces, punctuation,
// apostrophes, other scripts) dropped.
std::string Key(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (absl::ascii_isalnum(c)) out.push_back(absl::ascii_tolower(c));
      ++i;
      continue;
    }
    uint32_t cp = 0;
    size_t n = 1;
    if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      n = 2;
    } else if ((c & 0xF0) == 0xE0) {
      n = 3;
    } else if ((c & 0xF8) == 0xF0) {
      n = 4;
    }
    if (char f = FoldLatin(cp); f != 0) out.push_back(f);
    i += n;
  }
  return out;
}

struct Tables {
  absl::flat_hash_map<std::string, std::string> by_key;    // folded name or code → alpha-2
  absl::flat_hash_map<std::string, const char*> name_of;  // alpha-2 → short name
};

void AddName(Tables* t, absl::string_view name, const char* alpha2) {
  std::string key = Key(name);
  if (key.empty()) return;
  t->by_key.emplace(key, alpha2);
  // "Korea, Republic of" is also written "Republic of Korea".
  size_t comma = name.find(", ");
  if (comma != absl::string_view::npos && name.find(", ", comma + 2) == absl::string_view::npos) {
    std::string swapped = Key(absl::StrCat(name.substr(comma + 2), " ", name.substr(0, comma)));
    t->by_key.emplace(swapped, alpha2);
  }
}

Tables* BuildTables() {
  auto* t = new Tables;
  // Aliases first: they fix the meaning of ambiguous keys ("Korea").
  for (const Alias& a : kAliases) AddName(t, a.name, a.alpha2);
  auto add_row = [t](const CountryRow& row) {
    t->name_of.emplace(row.alpha2, row.name);
    AddName(t, row.name, row.alpha2);
    for (absl::string_view alt : absl::StrSplit(row.alts, '|', absl::SkipEmpty())) {
      AddName(t, alt, row.alpha2);
    }
  };
  for (const CountryRow& row : kCountries) add_row(row);
  for (const CountryRow& row : kExtraRows) add_row(row);
  // Codes last, so that no code shadows a name.
  for (const CountryRow& row : kCountries) {
    t->by_key.emplace(Key(row.alpha3), row.alpha2);
    t->by_key.emplace(Key(row.alpha2), row.alpha2);
  }
  return t;
}

// Built on first use; never destroyed (trivially safe at exit), and
// initialised thread-safely by the C++ static-local rules.
const Tables& GetTables() {
  static const Tables* tables = BuildTables();
  return *tables;
}

std::string LookUp(const Tables& t, absl::string_view name) {
  auto it = t.by_key.find(Key(name));
  return it == t.by_key.end() ? std::string() : it->second;
}

}  // namespace

std::string CountryCode(absl::string_view name_or_code) {
  const Tables& t = GetTables();
  absl::string_view s = absl::StripAsciiWhitespace(name_or_code);
  if (s.empty()) return "";
  if (std::string code = LookUp(t, s); !code.empty()) return code;
  // "Region: Crimea", "the Netherlands", "possibly Palestinian".
  for (absl::string_view prefix : {"Region:", "region:", "The ", "the ", "possibly "}) {
    absl::string_view rest = s;
    if (absl::ConsumePrefix(&rest, prefix)) {
      if (std::string code = LookUp(t, absl::StripAsciiWhitespace(rest)); !code.empty()) {
        return code;
      }
    }
  }
  // "Donbas region of Ukraine".
  for (absl::string_view sep : {" region of ", " Region of "}) {
    size_t at = s.rfind(sep);
    if (at != absl::string_view::npos) {
      if (std::string code = LookUp(t, s.substr(at + sep.size())); !code.empty()) return code;
    }
  }
  return "";
}

absl::string_view CountryName(absl::string_view alpha2) {
  const Tables& t = GetTables();
  auto it = t.name_of.find(absl::AsciiStrToUpper(alpha2));
  return it == t.name_of.end() ? absl::string_view() : absl::string_view(it->second);
}

}  // namespace partyscreen::internal
