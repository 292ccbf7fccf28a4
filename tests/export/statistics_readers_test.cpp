// The SPSS and Stata files read by readers nobody here wrote: pandas for the
// Stata variable labels, PSPP for the SPSS dictionary. Each test skips when
// its reader is not installed (python3-pandas, pspp).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "export/data/data_exports.h"
#include "export/data/wide_row.h"
#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;
using testing::EndsWith;
const char* kPython = "/usr/bin/python3";

bool pythonHas(const std::string& module) {
  if (!test::haveProgram(kPython)) return false;
  int status = -1;
  test::run(std::string(kPython) + " -c 'import " + module + "' 2>/dev/null", &status);
  return status == 0;
}

// Labels far longer than Stata's 80 bytes, in English and Arabic (two bytes a letter).
const char* kLongLabels = R"(focal: 1
id: long-labels
title: {en: Long labels}
instrument: tip
cycle: 2
version: 1.0.0
languages: [en, ar]
sections:
  - id: s
    title: {en: Statistics}
    questions:
      - id: q_1
        type: table
        label:
          en: "Number of victims of trafficking in persons identified, by year, sex and age, as recorded by the national authorities"
          ar: "عدد ضحايا الاتجار بالأشخاص الذين تم تحديد هويتهم، حسب السنة والجنس والعمر، كما سجلتها السلطات الوطنية"
        rows:
          - {id: y2022, label: "2022"}
          - {id: y2023, label: "2023"}
        columns:
          - {id: women, label: {en: Women, ar: نساء}}
          - {id: men, label: {en: Men, ar: رجال}}
          - {id: girls, label: {en: Girls, ar: فتيات}}
      - id: q_2
        type: multiple_choice
        label:
          en: "Which of the following forms of assistance does the State provide to victims of trafficking in persons?"
          ar: "أي من أشكال المساعدة التالية تقدمها الدولة لضحايا الاتجار بالأشخاص؟ يرجى تحديد كل ما ينطبق"
        choices:
          - {value: housing, label: {en: Housing, ar: السكن}}
          - {value: legal_aid, label: {en: Legal aid, ar: المساعدة القانونية}}
        other: true
      - id: q_3
        type: repeat
        label:
          en: "Bilateral and multilateral agreements on cooperation in preventing and combating trafficking in persons"
          ar: "الاتفاقات الثنائية والمتعددة الأطراف بشأن التعاون في منع الاتجار بالأشخاص ومكافحته"
        questions:
          - {id: q_3_partner, type: country, label: {en: Partner State, ar: الدولة الشريكة}}
          - {id: q_3_title, type: text, label: {en: Title, ar: العنوان}}
      - {id: q_4, type: integer, label: {en: Number of shelters, ar: عدد دور الإيواء}}
      - {id: q_5, type: decimal, label: {en: Budget in millions, ar: الميزانية بالملايين}}
      - {id: q_6, type: year, label: {en: Year of the law, ar: سنة القانون}}
      - {id: q_7, type: yes_no, label: {en: "Is there a national plan?", ar: "هل توجد خطة وطنية؟"}}
)";

std::shared_ptr<const Questionnaire> longLabelQuestionnaire() {
  LoadResult result = loadQuestionnaireText(kLongLabels, "long-labels.yaml");
  std::string messages;
  for (const auto& d : result.diagnostics) messages += d.format() + "\n";
  EXPECT_TRUE(result.ok()) << messages;
  return result.questionnaire;
}

NationalReport longLabelReport(const std::string& language) {
  ReportInput input;
  input.questionnaire = longLabelQuestionnaire();
  input.state = "FRA";
  input.language = language;
  input.preparer = "Maria Dupont";
  auto a = [](std::string path, std::string value) {
    return ReportAnswer{std::move(path), std::move(value), "maria", "2026-11-05T10:22:31.123Z"};
  };
  input.answers = {a("q_1/y2022/women", "10"),
                   a("q_2", "housing other"),
                   a("q_2/other", "Psychological care"),
                   a("q_3", "r000001 r000002"),
                   a("q_3[r000001]/q_3_partner", "NGA"),
                   a("q_3[r000001]/q_3_title", "Agreement"),
                   a("q_3[r000002]/q_3_partner", "CHN"),
                   a("q_3[r000002]/q_3_title", "Memorandum"),
                   a("q_4@status", "not_available"),
                   a("q_5", "2.75"),
                   a("q_6", "2019"),
                   a("q_7", "yes")};
  input.exportedAt = "2026-11-29T09:00:00Z";
  input.today = "2026-11-29";
  return assembleReport(input);
}

TEST(StatisticsLabels, FittingKeepsTheSuffixAndWholeCharacters) {
  WideVariable v;
  const std::string stem = "اتفاقات التعاون في منع الاتجار بالأشخاص ومكافحته";  // two bytes a letter
  const std::string suffix = ", السجل 2 - العنوان";
  v.label = stem + suffix;
  v.stems = {{0, stem.size()}};
  for (std::size_t max = 40; max <= v.label.size(); ++max) {
    const std::string fitted = fitLabel(v, max);
    EXPECT_LE(fitted.size(), max);
    if (max >= suffix.size() + 15) {
      EXPECT_THAT(fitted, EndsWith(suffix)) << max;
    }
    // Every byte sequence is whole UTF-8: no lead byte without its continuation.
    for (std::size_t i = 0; i < fitted.size();) {
      const unsigned char c = static_cast<unsigned char>(fitted[i]);
      const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      ASSERT_LE(i + n, fitted.size()) << max;
      for (std::size_t k = 1; k < n; ++k)
        ASSERT_EQ(static_cast<unsigned char>(fitted[i + k]) & 0xC0, 0x80) << max;
      i += n;
    }
  }
  EXPECT_EQ(fitLabel(v, v.label.size()), v.label);
}

class StataLabels : public testing::TestWithParam<std::string> {};

// pandas reads the labels; a label cut inside a character would make it
// warn, which the script turns into an error.
TEST_P(StataLabels, PandasReadsDistinctLabelsEndingWithTheirSuffix) {
  if (!pythonHas("pandas"))
    GTEST_SKIP() << "no pandas for " << kPython << " (apt-get install python3-pandas)";
  const std::string language = GetParam();
  TempDir dir;
  NationalReport report = longLabelReport(language);
  ReportContext context(report);
  const std::string file = dir.file("r.dta");
  exportStatistics(context, file, StatisticsFormat::Stata);
  const std::string script = dir.file("labels.py");
  test::writeFile(script, R"(import json, sys, warnings
warnings.simplefilter('error')
import pandas
with pandas.read_stata(sys.argv[1], iterator=True) as reader:
    print(json.dumps(reader.variable_labels()))
)");
  int status = -1;
  const std::string output = test::run(std::string(kPython) + " " + script + " " + file + " 2>&1", &status);
  ASSERT_EQ(status, 0) << output;
  const auto labels = nlohmann::json::parse(output).get<std::map<std::string, std::string>>();
  std::set<std::string> distinct;
  for (const auto& [name, label] : labels) {
    EXPECT_LE(label.size(), 80u) << name;
    EXPECT_TRUE(distinct.insert(label).second) << name << " shares its label: " << label;
  }
  const bool ar = language == "ar";
  const std::string record2 = ar ? "السجل 2 - " : "Record 2 - ";
  const std::map<std::string, std::string> suffixes{
      {"q_1_y2022_women", ar ? ": 2022, نساء" : ": 2022, Women"},
      {"q_1_y2023_girls", ar ? ": 2023, فتيات" : ": 2023, Girls"},
      {"q_2_housing", ar ? ": السكن" : ": Housing"},
      {"q_2_legal_aid", ar ? ": المساعدة القانونية" : ": Legal aid"},
      {"q_2_other", ar ? ": أخرى" : ": Other"},
      {"q_2_other_text", ar ? ": أخرى، كما حُدِّدت" : ": Other, as specified"},
      {"q_3_partner_1", ar ? "السجل 1 - الدولة الشريكة" : "Record 1 - Partner State"},
      {"q_3_partner_2", record2 + (ar ? "الدولة الشريكة" : "Partner State")},
      {"q_3_title_2", record2 + (ar ? "العنوان" : "Title")}};
  for (const auto& [name, suffix] : suffixes) {
    ASSERT_TRUE(labels.count(name)) << name;
    EXPECT_THAT(labels.at(name), EndsWith(suffix)) << name;
    EXPECT_THAT(labels.at(name), testing::HasSubstr("\u2026")) << name << ": the stem is shortened";
  }
}

INSTANTIATE_TEST_SUITE_P(StatisticsReaders, StataLabels, testing::Values("en", "ar"));

// PSPP reads the dictionary: print formats (F8.0 for counts and years, the
// decimals an amount was given with), measurement levels, and "information
// not available" as a labelled user-missing code.
TEST(SpssDictionary, PsppReadsFormatsMeasureLevelsAndMissingValues) {
  const char* kPspp = "/usr/bin/pspp";
  if (!test::haveProgram(kPspp)) GTEST_SKIP() << "no " << kPspp << " (apt-get install pspp)";
  TempDir dir;
  NationalReport report = longLabelReport("en");
  ReportContext context(report);
  const std::string file = dir.file("r.sav");
  exportStatistics(context, file, StatisticsFormat::Spss);
  const std::string syntax = dir.file("read.sps");
  test::writeFile(syntax,
                  "GET FILE='" + file +
                      "'.\n"
                      "DISPLAY DICTIONARY /VARIABLES=q_1_y2022_women q_2_housing q_2_other q_2_other_text "
                      "q_3_n q_4 q_5 q_6 q_7.\n"
                      "LIST /VARIABLES=q_4 q_5 q_6 q_7.\n");
  int status = -1;
  const std::string output = test::run(
      std::string(kPspp) + " -O format=csv -o " + dir.file("out.csv") + " " + syntax + " 2>&1", &status);
  ASSERT_EQ(status, 0) << output;
  const std::string csv = test::readFile(dir.file("out.csv"));
  // The "Variables" table: Name, Position, Label, Measurement Level, Role,
  // Width, Alignment, Print Format, Write Format, Missing Values.
  std::map<std::string, std::vector<std::string>> variables;
  std::istringstream lines(csv.substr(0, csv.find("Table: Value Labels")));
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"')
        fields.back() += line[++i];
      else if (c == '"')
        quoted = !quoted;
      else if (c == ',' && !quoted)
        fields.emplace_back();
      else
        fields.back() += c;
    }
    if (fields.size() == 10) variables[fields[0]] = fields;
  }
  ASSERT_TRUE(variables.count("Name")) << csv;
  auto expect = [&](const std::string& name, const std::string& measure, const std::string& format) {
    ASSERT_TRUE(variables.count(name)) << name << "\n" << csv;
    const auto& v = variables[name];
    EXPECT_EQ(v[3], measure) << name;
    EXPECT_EQ(v[7], format) << name;
    EXPECT_EQ(v[9], "-9999; -9998") << name << ": information not available, not applicable";
  };
  expect("q_1_y2022_women", "Scale", "F8.0");  // a count
  expect("q_2_housing", "Nominal", "F8.0");    // a choice
  expect("q_2_other", "Nominal", "F8.0");
  expect("q_3_n", "Scale", "F8.0");  // the number of records
  expect("q_4", "Scale", "F8.0");
  expect("q_5", "Scale", "F8.2");  // given as 2.75
  expect("q_6", "Scale", "F8.0");  // a year: 2019, not 2019.00
  expect("q_7", "Nominal", "F8.0");
  ASSERT_TRUE(variables.count("q_2_other_text"));
  EXPECT_NE(variables["q_2_other"][2], variables["q_2_other_text"][2])
      << "_other and _other_text share a label";
  EXPECT_EQ(variables["q_2_other_text"][3], "Nominal");
  // The code of "information not available" is labelled, user-missing, and
  // is the value of the question answered so.
  EXPECT_THAT(csv, testing::HasSubstr("Number of shelters,-9999[a],Information not available"));
  EXPECT_THAT(csv, testing::HasSubstr("a. User-missing value"));
  EXPECT_THAT(csv, testing::HasSubstr("q_4,q_5,q_6,q_7\n-9999,2.75,2019,1"));
}

}  // namespace
}  // namespace focal
