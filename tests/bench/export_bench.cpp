// The exports of one response of 2,000 answers (issue 6), each format
// against its target in the same run: the signed report file under 1 s,
// the PDF under 3 s (the others have no target; they are listed so that a
// slow one shows). The response answers every question of a 2,000-question
// questionnaire: yes/no, numbers, choices, short texts and paragraphs, a
// fifth of the texts in Arabic so that the PDF shapes right-to-left text.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "export/response_export.h"
#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"

namespace {

namespace fs = std::filesystem;

constexpr int kQuestions = 2000;

struct ExportFixture {
  fs::path dir = fs::path(fs::exists("/var/tmp") ? "/var/tmp" : fs::temp_directory_path()) /
                 ("focal-export-bench-" + std::to_string(getpid()));
  std::unique_ptr<focal::Workspace> workspace;
  focal::ResponseId id = 0;
  focal::SigningKey key = focal::SigningKey::generate();

  ExportFixture() {
    fs::create_directories(dir);
    std::string yaml =
        "focal: 1\nid: bench-export\ntitle: {en: Export benchmark}\ninstrument: tip\ncycle: 1\nversion: '1'\n"
        "languages: [en]\nchoice_lists:\n  kinds:\n    - {value: training, label: Training}\n"
        "    - {value: equipment, label: Equipment}\nsections:\n";
    std::map<std::string, std::string> answers;
    for (int q = 0; q < kQuestions; ++q) {
      if (q % 50 == 0)
        yaml += "  - id: s" + std::to_string(q / 50) + "\n    title: Section " + std::to_string(q / 50) +
                "\n    questions:\n";
      const std::string id = "q" + std::to_string(q);
      const std::string label = "Question " + std::to_string(q) + " on the measures your country has taken";
      switch (q % 5) {
        case 0:
          yaml += "      - {id: " + id + ", type: yes_no, label: " + label + "}\n";
          answers[id] = q % 10 == 0 ? "yes" : "no";
          break;
        case 1:
          yaml += "      - {id: " + id + ", type: integer, label: " + label + "}\n";
          answers[id] = std::to_string(q * 7);
          break;
        case 2:
          yaml += "      - {id: " + id + ", type: single_choice, choices: kinds, label: " + label + "}\n";
          answers[id] = q % 2 ? "training" : "equipment";
          break;
        case 3:
          yaml += "      - {id: " + id + ", type: text, label: " + label + "}\n";
          answers[id] = "Ministry of Justice, department " + std::to_string(q);
          break;
        default:
          yaml += "      - {id: " + id + ", type: long_text, label: " + label + "}\n";
          answers[id] =
              q % 25 == 4
                  ? "اعتمدت الحكومة خطة عمل وطنية لمكافحة الاتجار بالأشخاص تشمل تدريب الشرطة والقضاة."
                  : "The national action plan adopted in 2024 covers the training of police officers, "
                    "prosecutors and judges, shelters for victims and cooperation with neighbouring "
                    "States on the return of victims.";
      }
    }
    focal::LoadResult loaded = focal::loadQuestionnaireText(yaml, "bench-export.yaml");
    if (!loaded.ok()) throw std::runtime_error("the benchmark questionnaire does not load");
    focal::WorkspaceOptions options;
    options.user = "Maria Lopez";
    options.backupOnClose = false;
    workspace = focal::Workspace::create((dir / "bench.focal").string(), options);
    id = workspace->createResponse(*loaded.questionnaire, "AUT", "en", answers);
  }
  ~ExportFixture() {
    workspace.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

ExportFixture& fixture() {
  static ExportFixture f;
  return f;
}

void BM_Export2000Answers(benchmark::State& state, const std::string& format, double targetSeconds) {
  ExportFixture& f = fixture();
  focal::ResponseExportOptions options;
  options.format = format;
  options.output = (f.dir / ("out" + focal::exportExtension(format))).string();
  std::size_t answers = 0;
  for (auto _ : state) answers = focal::exportResponse(*f.workspace, f.id, options, f.key).answers;
  state.counters["answers"] = static_cast<double>(answers);
  state.counters["bytes"] = static_cast<double>(fs::file_size(options.output));
  if (targetSeconds > 0) state.counters["target_s"] = targetSeconds;
}

BENCHMARK_CAPTURE(BM_Export2000Answers, report, std::string("report"), 1.0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export2000Answers, pdf, std::string("pdf"), 3.0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export2000Answers, html, std::string("html"), 0.0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export2000Answers, xlsx, std::string("xlsx"), 0.0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export2000Answers, csv, std::string("csv"), 0.0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export2000Answers, json, std::string("json"), 0.0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export2000Answers, sav, std::string("sav"), 0.0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Export2000Answers, dta, std::string("dta"), 0.0)->Unit(benchmark::kMillisecond);

}  // namespace
