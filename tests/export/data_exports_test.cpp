// CSV, JSON, XLSX, SPSS and Stata exports, read back by real readers
// (Python's csv module and openpyxl, libreadstat's own parser).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <readstat.h>
#include <nlohmann/json.hpp>

#include <map>

#include "export/data/data_exports.h"
#include "export/data/export_rows.h"
#include "export/data/wide_row.h"
#include "export_fixtures.h"

namespace focal {
namespace {

using test::TempDir;
const char* kPython = "/usr/bin/python3";

bool pythonHas(const std::string& module) {
  if (!test::haveProgram(kPython)) return false;
  int status = -1;
  test::run(std::string(kPython) + " -c 'import " + module + "' 2>/dev/null", &status);
  return status == 0;
}

// A report whose answers carry every kind of dangerous text.
ReportInput hostileInput(std::size_t longText = 40000) {
  ReportInput input = test::exportInput();
  for (auto& a : input.answers) {
    if (a.path == "q_3") a.value = std::string(longText, 'x') + " END";
    if (a.path == "q_10[r000001]/q_10_title") a.value = "@SUM(A1:A9)";
    if (a.path == "q_5/article") a.value = "\tTab first";
  }
  input.answers.push_back({"q_5/link", "-2+3", "maria", "2026-11-05T10:22:31.123Z"});
  input.answers.push_back({"q_5/excerpt", "\rCR first", "maria", "2026-11-05T10:22:31.123Z"});
  input.answers.push_back({"q_4@comment", "+cmd|' /C calc'!A0", "maria", "2026-11-05T10:22:31.123Z"});
  return input;
}
NationalReport hostileReport(std::size_t longText = 40000) { return assembleReport(hostileInput(longText)); }

TEST(DataExports, RowsFollowTheQuestionnaireAndJoinBack) {
  NationalReport report = test::exportReport();
  ReportContext context(report);
  auto rows = exportRows(context);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.front().path, "q_1");
  EXPECT_EQ(rows.front().label, "Yes");
  auto find = [&](const std::string& path) -> const ExportRow& {
    auto it = std::find_if(rows.begin(), rows.end(), [&](const ExportRow& r) { return r.path == path; });
    EXPECT_NE(it, rows.end()) << path;
    return *it;
  };
  const ExportRow& partner = find("q_10[r000002]/q_10_partner");
  EXPECT_EQ(partner.repeat, "q_10");
  EXPECT_EQ(partner.record, "r000002");
  EXPECT_EQ(partner.recordNumber, 2);
  EXPECT_EQ(partner.label, "China");
  const ExportRow& cell = find("q_9/y2022/men");
  EXPECT_EQ(cell.part, "y2022/men");
  EXPECT_TRUE(cell.numeric);
  EXPECT_EQ(find("q_2").label, "Sexual exploitation; Other");
  const ExportRow& calculated = find("q_11");
  EXPECT_TRUE(calculated.calculated);
  EXPECT_EQ(calculated.value, "2");
  EXPECT_EQ(find("q_8@comment").mark, "comment");
}

TEST(DataExports, CsvIsReadByPythonWithInjectionNeutralised) {
  if (!pythonHas("csv")) GTEST_SKIP() << "no " << kPython;
  TempDir dir;
  NationalReport report = hostileReport();
  ReportContext context(report);
  const std::string file = dir.file("answers.csv");
  exportCsv(context, file);
  const std::string text = test::readFile(file);
  EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(text.find("\r\n"), std::string::npos);
  const std::string script = dir.file("read.py");
  test::writeFile(script, R"(import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    rows = list(csv.DictReader(f))
print(json.dumps({r['path']: r['value'] for r in rows}))
)");
  int status = -1;
  std::string output = test::run(std::string(kPython) + " " + script + " " + file, &status);
  ASSERT_EQ(status, 0) << output;
  auto values = nlohmann::json::parse(output);
  EXPECT_EQ(values["q_1"], "yes");
  EXPECT_EQ(values["q_2/other"], "'=HYPERLINK(\"http://evil.example\",\"click\")");
  EXPECT_EQ(values["q_10[r000001]/q_10_title"], "'@SUM(A1:A9)");
  EXPECT_EQ(values["q_5/article"], "'\tTab first");
  EXPECT_EQ(values["q_5/link"], "'-2+3");
  EXPECT_EQ(values["q_5/excerpt"], "'\rCR first");
  EXPECT_EQ(values["q_4@comment"], "'+cmd|' /C calc'!A0");
  EXPECT_EQ(values["q_4"], "12") << "numbers are not touched";
  EXPECT_EQ(values["q_3"].get<std::string>().size(), 40004u) << "long text is kept whole in CSV";
  EXPECT_EQ(values["q_10[r000002]/q_10_title"], test::kChineseAnswer);
}

TEST(DataExports, JsonFollowsItsSchemaAndKeepsTextWhole) {
  NationalReport report = hostileReport();
  ReportContext context(report);
  auto j = nlohmann::json::parse(jsonText(context));
  EXPECT_EQ(j["format"], "focal-response");
  EXPECT_EQ(j["format_version"], 1);
  EXPECT_EQ(j["state"]["code"], "FRA");
  EXPECT_EQ(j["state"]["name"], "France");
  EXPECT_EQ(j["questionnaire"]["id"], "export-test");
  EXPECT_EQ(j["status"], "draft");
  std::map<std::string, nlohmann::json> byPath;
  for (const auto& a : j["answers"]) byPath[a["path"]] = a;
  EXPECT_EQ(byPath["q_3"]["value"].get<std::string>().size(), 40004u);
  EXPECT_EQ(byPath["q_2/other"]["value"], "=HYPERLINK(\"http://evil.example\",\"click\")")
      << "JSON keeps the text";
  EXPECT_EQ(byPath["q_10[r000001]/q_10_year"]["record_number"], 1);
  EXPECT_TRUE(byPath["q_11"]["calculated"].get<bool>());
  ASSERT_EQ(j["attachments"].size(), 1u);
  EXPECT_EQ(j["attachments"][0]["name"], "../../etc/law.txt");
}

// Values exactly as stored: a string cell is never a formula, so formula-like
// text keeps its value and is marked text by its cell format, not by an
// apostrophe. A table column nobody answered has a blank total, not 0.
TEST(DataExports, XlsxIsReadByOpenpyxl) {
  if (!pythonHas("openpyxl")) GTEST_SKIP() << "no openpyxl for " << kPython;
  TempDir dir;
  ReportInput input = hostileInput();
  std::erase_if(input.answers, [](const ReportAnswer& a) { return a.path == "q_9/y2022/men"; });
  input.answers.push_back({"q_7@comment", "+33 1 23 45 67 89", "maria", "2026-11-05T10:22:31.123Z"});
  input.answers.push_back({"q_1@comment", "See \u202Efdp.exe", "maria", "2026-11-05T10:22:31.123Z"});
  NationalReport report = assembleReport(input);
  ReportContext context(report);
  const std::string file = dir.file("answers.xlsx");
  exportXlsx(context, file);
  const std::string script = dir.file("read.py");
  // libxlsxwriter stores a control character as _x000D_ (ECMA-376's
  // ST_Xstring escape), which Excel and LibreOffice read back as the
  // character; openpyxl 3.0 leaves it escaped, so the script decodes it.
  test::writeFile(script, R"(import json, sys, openpyxl
from openpyxl.utils.escape import unescape
wb = openpyxl.load_workbook(sys.argv[1])
out = {'sheets': wb.sheetnames}
ws = wb['Answers']
header = [c.value for c in ws[1]]
rows = [dict(zip(header, r)) for r in ws.iter_rows(min_row=2)]
exact = lambda v: unescape(v) if isinstance(v, str) else v
out['values'] = {r['path'].value: exact(r['value'].value) for r in rows}
out['types'] = {r['path'].value: type(r['value'].value).__name__ for r in rows}
out['formats'] = {r['path'].value: r['value'].number_format for r in rows}
out['datatypes'] = {r['path'].value: r['value'].data_type for r in rows}
rep = wb['q_10']
out['q_10'] = [[c.value for c in r] for r in rep.iter_rows()]
tab = wb['q_9']
out['q_9'] = [[c.value for c in r] for r in tab.iter_rows()]
print(json.dumps(out))
)");
  int status = -1;
  std::string output = test::run(std::string(kPython) + " " + script + " " + file, &status);
  ASSERT_EQ(status, 0) << output;
  auto j = nlohmann::json::parse(output);
  EXPECT_THAT(j["sheets"].get<std::vector<std::string>>(),
              testing::ElementsAre("Response", "Answers", "Questions", "q_9", "q_10"));
  auto& values = j["values"];
  EXPECT_EQ(values["q_1"], "yes");
  EXPECT_EQ(values["q_4"], 12);
  EXPECT_EQ(j["types"]["q_4"], "int");
  const std::map<std::string, std::string> formulaLike{
      {"q_2/other", "=HYPERLINK(\"http://evil.example\",\"click\")"},
      {"q_5/link", "-2+3"},
      {"q_5/article", "\tTab first"},
      {"q_5/excerpt", "\rCR first"},
      {"q_4@comment", "+cmd|' /C calc'!A0"},
      {"q_7@comment", "+33 1 23 45 67 89"}};
  for (const auto& [path, text] : formulaLike) {
    EXPECT_EQ(values[path], text) << path;
    EXPECT_EQ(j["datatypes"][path], "s") << path << " is a string, never a formula";
    EXPECT_EQ(j["formats"][path], "@") << path << " is marked text by its format";
  }
  EXPECT_EQ(values["q_10[r000002]/q_10_title"], test::kChineseAnswer);
  EXPECT_EQ(values["q_1@comment"], "See [U+202E]fdp.exe") << "a bidi override is shown, not obeyed";
  const std::string cut = values["q_3"];
  EXPECT_LE(cut.size(), 32767u);
  EXPECT_THAT(cut, testing::HasSubstr("40004 characters in all"));
  // The repeat sheet: one row per record, keyed by State and record.
  auto& records = j["q_10"];
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0][0], "state");
  EXPECT_EQ(records[0][2], "record");
  EXPECT_EQ(records[1][0], "FRA");
  EXPECT_EQ(records[1][2], "r000001");
  EXPECT_EQ(records[1][4], "FRA");
  EXPECT_EQ(records[1][5], "@SUM(A1:A9)");
  EXPECT_EQ(records[1][6], 2019);
  // The table sheet, with totals; the column "men" has no answer, so no total.
  auto& table = j["q_9"];
  ASSERT_EQ(table.size(), 4u);
  EXPECT_EQ(table[1][3], 10);
  EXPECT_TRUE(table[1][4].is_null());
  EXPECT_EQ(table[1][5], 10);
  EXPECT_EQ(table[3][1], "total");
  EXPECT_EQ(table[3][3], 17);
  EXPECT_TRUE(table[3][4].is_null()) << "an unanswered column totals blank, not " << table[3][4];
  EXPECT_EQ(table[3][5], 17);
}

struct ReadBack {
  std::vector<std::string> names, labels;
  std::map<std::string, std::string> text;
  std::map<std::string, double> numbers;
  std::map<std::string, std::string> labelSets;  // variable -> its value label set
  std::map<std::string, std::map<int, std::string>> valueLabels;
};

ReadBack readStatistics(const std::string& file, bool stata) {
  ReadBack back;
  readstat_parser_t* parser = readstat_parser_init();
  readstat_set_variable_handler(parser, [](int, readstat_variable_t* v, const char* set, void* ctx) -> int {
    auto* b = static_cast<ReadBack*>(ctx);
    b->names.push_back(readstat_variable_get_name(v));
    const char* label = readstat_variable_get_label(v);
    b->labels.push_back(label ? label : "");
    if (set) b->labelSets[b->names.back()] = set;
    return READSTAT_HANDLER_OK;
  });
  readstat_set_value_handler(parser,
                             [](int, readstat_variable_t* v, readstat_value_t value, void* ctx) -> int {
                               auto* b = static_cast<ReadBack*>(ctx);
                               const std::string name = readstat_variable_get_name(v);
                               if (readstat_value_is_system_missing(value)) return READSTAT_HANDLER_OK;
                               if (readstat_value_type(value) == READSTAT_TYPE_STRING) {
                                 const char* s = readstat_string_value(value);
                                 b->text[name] = s ? s : "";
                               } else {
                                 b->numbers[name] = readstat_double_value(value);
                               }
                               return READSTAT_HANDLER_OK;
                             });
  readstat_set_value_label_handler(
      parser, [](const char* set, readstat_value_t value, const char* label, void* ctx) -> int {
        static_cast<ReadBack*>(ctx)->valueLabels[set][readstat_int32_value(value)] = label;
        return READSTAT_HANDLER_OK;
      });
  readstat_error_t rc = stata ? readstat_parse_dta(parser, file.c_str(), &back)
                              : readstat_parse_sav(parser, file.c_str(), &back);
  readstat_parser_free(parser);
  EXPECT_EQ(rc, READSTAT_OK) << readstat_error_message(rc);
  return back;
}

class Statistics : public testing::TestWithParam<StatisticsFormat> {};

TEST_P(Statistics, OneRowOneVariablePerQuestionWithValueLabels) {
  TempDir dir;
  const bool stata = GetParam() == StatisticsFormat::Stata;
  NationalReport report = hostileReport(40000);
  ReportContext context(report);
  const std::string file = dir.file(stata ? "r.dta" : "r.sav");
  exportStatistics(context, file, GetParam());
  ReadBack back = readStatistics(file, stata);
  EXPECT_THAT(back.names, testing::IsSupersetOf({"state", "q_1", "q_2_sexual", "q_2_labour", "q_2_other",
                                                 "q_4", "q_5_title", "q_9_y2022_women", "q_10_n",
                                                 "q_10_partner_1", "q_10_title_2", "q_11", "q_12"}));
  EXPECT_EQ(back.text["state"], "FRA");
  EXPECT_EQ(back.numbers["q_1"], 1);
  EXPECT_EQ(back.numbers["q_2_sexual"], 1);
  EXPECT_EQ(back.numbers["q_2_labour"], 0);
  EXPECT_EQ(back.numbers["q_4"], 12);
  EXPECT_EQ(back.numbers["q_9_y2022_men"], 5);
  EXPECT_EQ(back.numbers.count("q_9_y2023_men"), 0u) << "an empty cell is missing";
  EXPECT_EQ(back.numbers["q_10_n"], 2);
  EXPECT_EQ(back.numbers["q_12"], 2);
  EXPECT_EQ(back.text["q_10_title_2"], test::kChineseAnswer);
  EXPECT_EQ(back.text["q_10_partner_1"], "FRA");
  // Value labels for choices.
  ASSERT_TRUE(back.labelSets.count("q_12"));
  EXPECT_EQ(back.valueLabels[back.labelSets["q_12"]][2], "Ministry of Justice");
  EXPECT_EQ(back.valueLabels[back.labelSets["q_1"]][1], "Yes");
  // Long text: whole in Stata (strL), cut and marked in SPSS.
  const std::string& q3 = back.text["q_3"];
  if (stata) {
    EXPECT_EQ(q3.size(), 40004u);
  } else {
    EXPECT_LE(q3.size(), 32767u);
    EXPECT_THAT(q3, testing::HasSubstr("40004 characters in all"));
  }
  // Names are unique whatever the case.
  std::set<std::string> lower;
  for (auto name : back.names) {
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    EXPECT_TRUE(lower.insert(name).second) << name;
  }
}

INSTANTIATE_TEST_SUITE_P(DataExports, Statistics,
                         testing::Values(StatisticsFormat::Spss, StatisticsFormat::Stata),
                         [](const auto& info) {
                           return info.param == StatisticsFormat::Spss ? "Spss" : "Stata";
                         });

TEST(DataExports, VariableNamesAreValidAndUnique) {
  VariableNamer stata(VariableNamer::Rules::Stata);
  EXPECT_EQ(stata.name("q_1"), "q_1");
  EXPECT_EQ(stata.name("Q_1"), "Q_1_2");
  EXPECT_EQ(stata.name("_n"), "v_n");
  EXPECT_EQ(stata.name("in"), "in_2");
  EXPECT_EQ(stata.name("str12"), "str12_2");
  EXPECT_EQ(stata.name("1st"), "v1st");
  const std::string longName(40, 'a');
  std::string first = stata.name(longName), second = stata.name(longName);
  EXPECT_EQ(first.size(), 32u);
  EXPECT_EQ(second, std::string(30, 'a') + "_2");
  VariableNamer spss(VariableNamer::Rules::Spss);
  EXPECT_EQ(spss.name("with"), "with_2");
  EXPECT_EQ(spss.name("_x"), "v_x");
  EXPECT_EQ(spss.name(std::string(70, 'b')).size(), 64u);
}

}  // namespace
}  // namespace focal
