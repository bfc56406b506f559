// Security: spreadsheet formula injection in CSV output, XML external
// entities, and personal data (query and vendor names) kept out of error
// messages and logs.
#include <stdio.h>
#include <sys/wait.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "partyscreen/normalizer.h"
#include "partyscreen/screener.h"
#include "partyscreen/sources.h"
#include "tests/reliability/reliability_util.h"
#include "tools/partyscreen/input.h"

// The CLI's input/output helpers are not part of a library; this test
// compiles them in (the test helper builds one binary per test file).
#include "tools/partyscreen/input.cc"  // NOLINT(build/include)

namespace partyscreen {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing_util::NewTempDir;
using testing_util::WriteFile;

constexpr char kSecret[] = "Xanthippe Quorvalid";
constexpr char kSecretPart[] = "Quorvalid";

// ---- formula injection ----------------------------------------------------------

TEST(FormulaInjectionTest, CellsStartingWithFormulaCharactersGetAnApostrophe) {
  EXPECT_EQ(cli::CsvCell("=1+2"), "'=1+2");
  EXPECT_EQ(cli::CsvCell("+1"), "'+1");
  EXPECT_EQ(cli::CsvCell("-1+cmd"), "'-1+cmd");
  EXPECT_EQ(cli::CsvCell("@SUM(A1:A2)"), "'@SUM(A1:A2)");
  EXPECT_EQ(cli::CsvCell("\t=1"), "'\t=1");
  EXPECT_EQ(cli::CsvCell("\r=1"), "\"'\r=1\"");
  // Neutralised and quoted together.
  EXPECT_EQ(cli::CsvCell("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(cli::CsvCell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
  // Ordinary cells are untouched.
  EXPECT_EQ(cli::CsvCell("Acme, Inc."), "\"Acme, Inc.\"");
  EXPECT_EQ(cli::CsvCell("Acme"), "Acme");
  EXPECT_EQ(cli::CsvCell(""), "");
  EXPECT_EQ(cli::CsvCell("a=b"), "a=b");
}

// Runs a shell command, returning its stdout and exit status.
std::string RunShell(const std::string& cmd, int* exit_code) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  int status = ::pclose(p);
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

std::string Cli() { return absl::StrCat(PARTYSCREEN_BINARY_DIR, "/partyscreen"); }

bool CliExists() { return ::access(Cli().c_str(), X_OK) == 0; }

TEST(FormulaInjectionTest, CliCsvOutputHasNoLiveFormula) {
  if (!CliExists()) GTEST_SKIP() << "the CLI is not built in this build directory";
  const std::string dir = NewTempDir("formula");
  const std::string list = absl::StrCat(dir, "/list.csv");
  WriteFile(list, absl::StrCat(testing_util::kCustomHeader,
                               "F-1,=HYPERLINK(\"http://evil\"),,organization,,,,,,\n",
                               "F-2,Zarovia Precision Optics,,organization,,,,,,@remark\n"));
  const std::string input = absl::StrCat(dir, "/vendors.csv");
  WriteFile(input, "id,name\n=1+1,=HYPERLINK(\"http://evil\")\n+2,Zarovia Precision Optics\n");
  int code = 0;
  const std::string out = RunShell(absl::StrCat(Cli(), " screen --list fixture:custom_csv=", list, " --input ", input,
                                           " --format csv 2>&1"), &code);
  ASSERT_EQ(code, 1) << out;  // alerts found
  std::vector<std::string> lines = absl::StrSplit(out, '\n', absl::SkipEmpty());
  ASSERT_GE(lines.size(), 2u) << out;
  for (const std::string& line : lines) {
    // Split naively: an unquoted or quoted cell must never start with a
    // formula character.
    for (absl::string_view cell : absl::StrSplit(line, ',')) {
      if (absl::StartsWith(cell, "\"")) cell.remove_prefix(1);
      if (cell.empty()) continue;
      EXPECT_TRUE(cell[0] != '=' && cell[0] != '+' && cell[0] != '@') << line;
    }
  }
}

// ---- paths from files ------------------------------------------------------------------

// The bundled lists' manifest (lists.tsv) is read at run time: a path in it
// that leaves the lists directory is refused with the line, never read.
TEST(PathSecurityTest, ManifestPathOutsideTheListsDirectoryIsRefused) {
  if (!CliExists()) GTEST_SKIP() << "the CLI is not built in this build directory";
  for (const char* path : {"../outside.csv", "/etc/passwd", "a/../../outside.csv", ".."}) {
    const std::string dir = NewTempDir("manifest");
    WriteFile(absl::StrCat(dir, "/../outside.csv"), testing_util::kCustomHeader);
    WriteFile(absl::StrCat(dir, "/lists.tsv"), absl::StrCat("# id\tformat\tpath\tdate\nx\tcustom_csv\t", path, "\t-\n"));
    const std::string input = absl::StrCat(dir, "/vendors.csv");
    WriteFile(input, "name\nZarovia Precision Optics\n");
    int code = 0;
    const std::string out = RunShell(
        absl::StrCat("PARTYSCREEN_LISTS_DIR=", dir, " ", Cli(), " screen --input ", input, " 2>&1"), &code);
    EXPECT_EQ(code, 2) << path << ": " << out;
    EXPECT_THAT(out, HasSubstr("lists.tsv:2: path")) << path;
  }
}

// ---- XML external entities ----------------------------------------------------------

TEST(XmlSecurityTest, ExternalEntitiesAreNotExpanded) {
  const std::string dir = NewTempDir("xxe");
  const std::string secret_file = absl::StrCat(dir, "/secret.txt");
  WriteFile(secret_file, "TOPSECRETCONTENT");
  const std::string doctype = absl::StrCat("<!DOCTYPE r [ <!ENTITY xxe SYSTEM \"file://", secret_file,
                                           "\"> <!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p; ]>\n");
  struct Case {
    ListFormat format;
    std::string body;
  };
  const std::vector<Case> cases = {
      {ListFormat::kUnXml,
       "<CONSOLIDATED_LIST dateGenerated=\"2024-03-05T10:11:12.000Z\"><INDIVIDUALS><INDIVIDUAL>"
       "<DATAID>1</DATAID><FIRST_NAME>A &xxe; B</FIRST_NAME><REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER>"
       "<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE></INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>\n"},
      {ListFormat::kOfacXml,
       "<sdnList><publshInformation><Publish_Date>01/02/2024</Publish_Date><Record_Count>1</Record_Count>"
       "</publshInformation><sdnEntry><uid>1</uid><lastName>A &xxe; B</lastName><sdnType>Entity</sdnType>"
       "<programList><program>SDGT</program></programList></sdnEntry></sdnList>\n"},
  };
  for (const Case& c : cases) {
    const std::string path = absl::StrCat(dir, "/xxe_", ListFormatName(c.format), ".xml");
    WriteFile(path, absl::StrCat("<?xml version=\"1.0\"?>\n", doctype, c.body));
    ReadOptions options;
    options.format = c.format;
    auto r = ReadList(path, options);
    if (r.ok()) {
      EXPECT_THAT(r->DebugString(), Not(HasSubstr("TOPSECRETCONTENT"))) << ListFormatName(c.format);
    } else {
      EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument) << r.status();
      EXPECT_THAT(r.status().message(), Not(HasSubstr("TOPSECRETCONTENT")));
    }
  }
}

// ---- no personal data in errors or logs ------------------------------------------------

class NoNamesInErrorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto index = testing_util::BuildFixtureIndex(NewTempDir("names"));
    ASSERT_TRUE(index.ok()) << index.status();
    auto screener = Screener::Create(*index);
    ASSERT_TRUE(screener.ok());
    screener_ = screener->release();
  }
  static void TearDownTestSuite() { delete screener_; }
  static void ExpectClean(const absl::Status& s, const std::string& logged) {
    EXPECT_FALSE(s.ok());
    EXPECT_THAT(s.message(), Not(HasSubstr(kSecretPart))) << s;
    EXPECT_THAT(logged, Not(HasSubstr(kSecretPart)));
  }
  static const Screener* screener_;
};
const Screener* NoNamesInErrorsTest::screener_ = nullptr;

TEST_F(NoNamesInErrorsTest, ScreenErrorsNeverContainTheName) {
  std::vector<Query> bad(5);
  bad[0].name = absl::StrCat(kSecret, "\xff");                 // invalid UTF-8
  bad[1].name = kSecret;
  bad[1].date_of_birth = absl::StrCat(kSecret, " 1970");       // invalid date
  for (int i = 0; i < 4000; ++i) absl::StrAppend(&bad[2].name, kSecret, " ");  // > 64 KiB
  bad[3].name = kSecret;
  bad[3].country = absl::StrCat("Land of ", kSecret);          // unknown country
  bad[4].name = kSecret;
  bad[4].identifiers.push_back({"passport", std::string(100000, 'Q')});
  ::testing::internal::CaptureStderr();
  std::vector<absl::Status> statuses;
  for (const Query& q : bad) statuses.push_back(screener_->Screen(q).status());
  ScreenOptions bad_options;
  bad_options.min_score = 7;
  statuses.push_back(screener_->Screen(bad[1], bad_options).status());
  auto batch = screener_->ScreenBatch(bad);
  const std::string logged = ::testing::internal::GetCapturedStderr();
  // Not every one of these must be an error (an unknown country may be
  // ignored), but none may leak the name.
  for (const absl::Status& s : statuses) {
    EXPECT_THAT(s.message(), Not(HasSubstr(kSecretPart))) << s;
  }
  EXPECT_EQ(statuses[0].code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(statuses[2].code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(statuses[5].code(), absl::StatusCode::kInvalidArgument);
  for (const auto& r : batch) EXPECT_THAT(r.status().message(), Not(HasSubstr(kSecretPart)));
  EXPECT_THAT(logged, Not(HasSubstr(kSecretPart)));
}

TEST_F(NoNamesInErrorsTest, NormalizerErrorsNeverContainTheName) {
  auto n = Normalizer::Create();
  ASSERT_TRUE(n.ok());
  ::testing::internal::CaptureStderr();
  auto r = (*n)->Normalize(absl::StrCat(kSecret, "\xC0\xAF", kSecret));
  ExpectClean(r.status(), ::testing::internal::GetCapturedStderr());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(NoNamesInErrorsTest, VendorFileErrorsNeverContainTheName) {
  const std::string header = "id,name,kind,country\n";
  const std::vector<std::string> files = {
      absl::StrCat(header, "1,", kSecret, ",person,US,extra\n"),           // too many cells
      absl::StrCat(header, "1,", kSecret, ",", kSecret, ",US\n"),           // bad kind
      absl::StrCat(header, "1,\"", kSecret, "\n"),                          // cut inside a quote
      absl::StrCat(header, "1,", kSecret, "\xff,person,US\n"),              // invalid UTF-8
      absl::StrCat("id,", kSecret, "\n1,x\n"),                              // no name column
  };
  for (const std::string& f : files) {
    ::testing::internal::CaptureStderr();
    auto t = cli::ParseInputCsv("vendors.csv", f, cli::InputColumns());
    ExpectClean(t.status(), ::testing::internal::GetCapturedStderr());
    EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(t.status().message(), HasSubstr("vendors.csv"));
  }
}

TEST_F(NoNamesInErrorsTest, CliErrorsNeverContainVendorNames) {
  if (!CliExists()) GTEST_SKIP() << "the CLI is not built in this build directory";
  const std::string dir = NewTempDir("clinames");
  const std::string list = absl::StrCat(dir, "/list.csv");
  WriteFile(list, testing_util::FixtureCsv());
  const std::string input = absl::StrCat(dir, "/vendors.csv");
  WriteFile(input, absl::StrCat("id,name,kind\n1,Acme,organization\n2,", kSecret, ",", kSecret, "\n"));
  int code = 0;
  std::string out = RunShell(absl::StrCat(Cli(), " screen --list fixture:custom_csv=", list, " --input ", input,
                                     " --format jsonl 2>&1 >/dev/null"), &code);
  EXPECT_EQ(code, 2) << out;
  EXPECT_THAT(out, Not(HasSubstr(kSecretPart)));
  // A query given on the command line that cannot be screened.
  out = RunShell(absl::StrCat(Cli(), " explain --list fixture:custom_csv=", list, " '", kSecret, "\xff' 2>&1 >/dev/null"),
            &code);
  EXPECT_EQ(code, 2) << out;
  EXPECT_THAT(out, Not(HasSubstr(kSecretPart)));
}

}  // namespace
}  // namespace partyscreen
