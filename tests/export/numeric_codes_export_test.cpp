// Numeric choice codes (value: "1", "2", "99"), as statisticians and CSPro
// users write them, are the values of the SPSS and Stata variables, each
// labelled with its choice. Read back by PSPP and by pandas, readers nobody
// here wrote; each test skips when its reader is not installed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "export/data/data_exports.h"
#include "export/data/wide_row.h"
#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;
using testing::HasSubstr;

const char* kCoded = R"(focal: 1
id: coded
title: {en: Coded}
instrument: tip
cycle: 2
version: 1.0.0
languages: [en]
choice_lists:
  agreement:
    - {value: "1", label: Agree}
    - {value: "2", label: Disagree}
    - {value: "99", label: Do not know}
sections:
  - id: s
    title: {en: Opinions}
    questions:
      - {id: q_1, type: single_choice, label: Plan adopted, choices: agreement}
      - {id: q_2, type: single_choice, label: Plan funded, choices: agreement, other: true}
      - {id: q_3, type: multiple_choice, label: Partners, choices: agreement}
      - {id: q_4, type: integer, label: Shelters, relevant: "${q_1} = 1 or ${q_1} = '99'"}
)";

NationalReport codedReport() {
  LoadResult loaded = loadQuestionnaireText(kCoded, "coded.yaml");
  std::string messages;
  for (const auto& d : loaded.diagnostics) messages += d.format() + "\n";
  EXPECT_TRUE(loaded.ok()) << messages;
  ReportInput input;
  input.questionnaire = loaded.questionnaire;
  input.state = "FRA";
  input.language = "en";
  input.preparer = "Maria Dupont";
  auto a = [](std::string path, std::string value) {
    return ReportAnswer{std::move(path), std::move(value), "maria", "2026-11-05T10:22:31.123Z"};
  };
  input.answers = {a("q_1", "99"), a("q_2", "other"), a("q_2/other", "Partly"), a("q_3", "1 99"),
                   a("q_4", "3")};
  input.exportedAt = "2026-11-29T09:00:00Z";
  input.today = "2026-11-29";
  return assembleReport(input);
}

TEST(NumericCodes, TheWideRowUsesTheCodesAsValues) {
  NationalReport report = codedReport();
  ReportContext context(report);
  const auto variables = wideRow(context);
  const auto find = [&](const std::string& name) -> const WideVariable& {
    for (const auto& v : variables)
      if (v.wantedName == name) return v;
    ADD_FAILURE() << "no variable " << name;
    static const WideVariable none;
    return none;
  };
  const WideVariable& q1 = find("q_1");
  ASSERT_TRUE(q1.number);
  EXPECT_EQ(*q1.number, 99);
  EXPECT_EQ(q1.valueLabels,
            (std::vector<std::pair<int, std::string>>{{1, "Agree"}, {2, "Disagree"}, {99, "Do not know"}}));
  // "Other" takes the highest code plus one.
  const WideVariable& q2 = find("q_2");
  ASSERT_TRUE(q2.number);
  EXPECT_EQ(*q2.number, 100);
  EXPECT_EQ(q2.valueLabels.back().first, 100);
  // A multiple choice keeps one 0/1 variable per code.
  ASSERT_TRUE(find("q_3_99").number);
  EXPECT_EQ(*find("q_3_99").number, 1);
  EXPECT_EQ(*find("q_3_2").number, 0);
}

TEST(NumericCodes, PsppReadsTheCodesAndTheirLabels) {
  const char* kPspp = "/usr/bin/pspp";
  if (!test::haveProgram(kPspp)) GTEST_SKIP() << "no " << kPspp << " (apt-get install pspp)";
  TempDir dir;
  NationalReport report = codedReport();
  ReportContext context(report);
  const std::string file = dir.file("r.sav");
  exportStatistics(context, file, StatisticsFormat::Spss);
  const std::string syntax = dir.file("read.sps");
  test::writeFile(syntax, "GET FILE='" + file +
                              "'.\n"
                              "DISPLAY DICTIONARY /VARIABLES=q_1 q_2.\n"
                              "LIST /VARIABLES=q_1 q_2 q_4.\n");
  int status = -1;
  const std::string output = test::run(
      std::string(kPspp) + " -O format=csv -o " + dir.file("out.csv") + " " + syntax + " 2>&1", &status);
  ASSERT_EQ(status, 0) << output;
  const std::string csv = test::readFile(dir.file("out.csv"));
  // The value labels of q_1, then of q_2 (whose "Other" is 100).
  EXPECT_THAT(csv, HasSubstr("Plan adopted,-9999[a],Information not available\n,-9998[a],Not applicable\n"
                             ",1,Agree\n,2,Disagree\n,99,Do not know\nPlan funded,"));
  EXPECT_THAT(csv, HasSubstr(",99,Do not know\n,100,Other\n"));
  EXPECT_THAT(csv, HasSubstr("q_1,q_2,q_4\n99,100,3")) << csv;
}

TEST(NumericCodes, PandasReadsTheStataCodesAndTheirLabels) {
  const char* kPython = "/usr/bin/python3";
  int status = -1;
  if (!test::haveProgram(kPython)) GTEST_SKIP() << "no " << kPython;
  test::run(std::string(kPython) + " -c 'import pandas' 2>/dev/null", &status);
  if (status != 0) GTEST_SKIP() << "no pandas (apt-get install python3-pandas)";
  TempDir dir;
  NationalReport report = codedReport();
  ReportContext context(report);
  const std::string file = dir.file("r.dta");
  exportStatistics(context, file, StatisticsFormat::Stata);
  const std::string script = dir.file("codes.py");
  test::writeFile(script, R"(import json, sys
import pandas
with pandas.read_stata(sys.argv[1], iterator=True) as reader:
    labels = reader.value_labels()
frame = pandas.read_stata(sys.argv[1], convert_categoricals=False)
print(json.dumps({'q_1': int(frame['q_1'][0]), 'labels': {str(k): v for k, v in labels['q_1'].items()}}))
)");
  const std::string output = test::run(std::string(kPython) + " " + script + " " + file + " 2>&1", &status);
  ASSERT_EQ(status, 0) << output;
  const auto json = nlohmann::json::parse(output);
  EXPECT_EQ(json["q_1"], 99);
  EXPECT_EQ(json["labels"]["1"], "Agree");
  EXPECT_EQ(json["labels"]["2"], "Disagree");
  EXPECT_EQ(json["labels"]["99"], "Do not know");
}

}  // namespace
}  // namespace focal
