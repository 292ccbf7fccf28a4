// A small questionnaire with every question type, a response to it in
// several scripts, and helpers to build reports from it: shared by the
// export tests.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "export/report/report_assembly.h"
#include "forms/questionnaire_loader.h"

namespace focal::test {

inline const char* kExportQuestionnaire = R"(focal: 1
id: export-test
title: {en: Export test questionnaire, fr: Questionnaire d'essai, ar: استبيان تجريبي, zh: 测试问卷}
instrument: tip
cycle: 2
version: 1.0.0
languages: [en, fr, ar, zh]
choice_lists:
  forms:
    - {value: sexual, label: {en: Sexual exploitation, fr: Exploitation sexuelle, ar: الاستغلال الجنسي, zh: 性剥削}}
    - {value: labour, label: {en: Forced labour, fr: Travail forcé, ar: العمل القسري, zh: 强迫劳动}}
sections:
  - id: general
    title: {en: General information, fr: Informations générales, ar: معلومات عامة, zh: 一般信息}
    references: [{instrument: tip, article: "5", paragraph: "1"}]
    questions:
      - id: q_1
        type: yes_no
        label: {en: "Is trafficking in persons a criminal offence?", ar: "هل الاتجار بالأشخاص جريمة؟", zh: "贩运人口是否为刑事犯罪？"}
        required: true
        references: [{instrument: tip, article: "5"}]
      - id: q_1_b
        type: long_text
        label: {en: "If no, please explain."}
        relevant: ${q_1} = 'no'
        required: true
      - id: q_2
        type: multiple_choice
        label: {en: "Which forms of exploitation are covered?", ar: "ما أشكال الاستغلال المشمولة؟"}
        choices: forms
        other: true
      - id: q_3
        type: long_text
        label: {en: Describe the national action plan., ar: صف خطة العمل الوطنية., zh: 请说明国家行动计划。}
      - id: q_4
        type: integer
        label: {en: Number of shelters}
        min: 0
        unit: {en: shelters}
      - id: q_5
        type: legislation
        label: {en: Cite the law., ar: اذكر القانون.}
      - id: q_6
        type: attachment
        label: {en: Attach the law.}
        types: [pdf, txt]
      - id: q_7
        type: date
        label: {en: Date of entry into force}
      - id: q_8
        type: country
        label: {en: Main country of origin}
  - id: data
    title: {en: Statistics, fr: Statistiques, ar: إحصاءات, zh: 统计}
    questions:
      - id: q_9
        type: table
        label: {en: Victims identified, ar: الضحايا الذين تم تحديد هويتهم, zh: 已识别的被害人}
        rows:
          - {id: y2022, label: "2022"}
          - {id: y2023, label: "2023"}
        columns:
          - {id: women, label: {en: Women, ar: نساء, zh: 妇女}}
          - {id: men, label: {en: Men, ar: رجال, zh: 男子}}
        totals: both
      - id: q_10
        type: repeat
        label: {en: Bilateral agreements, ar: الاتفاقات الثنائية, zh: 双边协定}
        questions:
          - {id: q_10_partner, type: country, label: {en: Partner State, ar: الدولة الشريكة}, required: true}
          - {id: q_10_title, type: text, label: {en: Title, ar: العنوان}}
          - {id: q_10_year, type: year, label: {en: Year}}
      - id: q_11
        type: calculate
        label: {en: Number of agreements}
        calculation: count(${q_10})
      - id: q_12
        type: single_choice
        label: {en: "Which authority coordinates?"}
        choices:
          - {value: interior, label: {en: Ministry of the Interior, ar: وزارة الداخلية}}
          - {value: justice, label: {en: Ministry of Justice, ar: وزارة العدل}}
)";

inline std::shared_ptr<const Questionnaire> exportQuestionnaire() {
  static std::shared_ptr<const Questionnaire> q = [] {
    LoadResult result = loadQuestionnaireText(kExportQuestionnaire, "export-test.yaml");
    std::string messages;
    for (const auto& d : result.diagnostics)
      if (d.severity == Diagnostic::Severity::Error) messages += d.format() + "\n";
    EXPECT_TRUE(result.ok()) << messages;
    return result.questionnaire;
  }();
  return q;
}

inline const char* kArabicAnswer = "تعتمد الخطة الوطنية على حماية الضحايا";
inline const char* kChineseAnswer = "国家行动计划以保护被害人为中心";

inline std::vector<ReportAnswer> exportAnswers() {
  auto a = [](std::string path, std::string value) {
    return ReportAnswer{std::move(path), std::move(value), "maria", "2026-11-05T10:22:31.123Z"};
  };
  return {a("q_1", "yes"),
          a("q_1_b", "stale text of a question no longer relevant"),
          a("q_2", "sexual other"),
          a("q_2/other", "=HYPERLINK(\"http://evil.example\",\"click\")"),
          a("q_3", std::string(kArabicAnswer) + " — " + kChineseAnswer),
          a("q_4", "12"),
          a("q_5/title", "Penal Code <script>alert(1)</script>"),
          a("q_5/article", "Art. 225-4-1"),
          a("q_5/date", "2003-03-18"),
          a("q_6", "law.txt"),
          a("q_7", "2004-01-01"),
          a("q_8", "NGA"),
          a("q_8@comment", "+1 estimate from the police"),
          a("q_9/y2022/women", "10"),
          a("q_9/y2022/men", "5"),
          a("q_9/y2023/women", "7"),
          a("q_10", "r000001 r000002"),
          a("q_10[r000001]/q_10_partner", "FRA"),
          a("q_10[r000001]/q_10_title", "Agreement on cooperation"),
          a("q_10[r000001]/q_10_year", "2019"),
          a("q_10[r000002]/q_10_partner", "CHN"),
          a("q_10[r000002]/q_10_title", kChineseAnswer),
          a("q_12", "justice")};
}

class MapAttachments : public AttachmentSource {
 public:
  std::map<std::string, ReportAttachment> files;
  std::optional<ReportAttachment> attachment(const std::string& path) override {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }
};

inline MapAttachments& exportAttachments() {
  static MapAttachments source = [] {
    MapAttachments s;
    ReportAttachment law;
    law.name = "../../etc/law.txt";
    law.type = "text/plain";
    std::string text = "Article 1. Trafficking in persons is punished.\n";
    law.data.assign(text.begin(), text.end());
    s.files["q_6"] = law;
    return s;
  }();
  return source;
}

inline ReportInput exportInput(ReportStatus status = ReportStatus::Draft,
                               const std::string& language = "en") {
  ReportInput input;
  input.questionnaire = exportQuestionnaire();
  input.state = "FRA";
  input.language = language;
  input.preparer = "Maria Dupont, Ministry of Justice";
  input.answers = exportAnswers();
  input.attachments = &exportAttachments();
  input.status = status;
  input.exportedAt = "2026-11-29T09:00:00Z";
  input.today = "2026-11-29";
  return input;
}

inline NationalReport exportReport(ReportStatus status = ReportStatus::Draft,
                                   const std::string& language = "en") {
  return assembleReport(exportInput(status, language));
}

// A fresh directory under the system's temporary folder, removed at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "focal-export-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// Runs a shell command, returning its standard output; `status` gets the exit status.
inline std::string run(const std::string& command, int* status = nullptr) {
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return output;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  int rc = ::pclose(pipe);
  if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return output;
}

inline bool haveProgram(const std::string& path) { return ::access(path.c_str(), X_OK) == 0; }

}  // namespace focal::test
