// focal_gui_bench: the desktop program on a generated 2,000-question
// questionnaire (make bench, under Xvfb).
//
//   focal_gui_bench --prepare DIR   writes DIR/bench-2000.yaml and a workspace
//                                   DIR/bench-2000.focal answering most of it
//   focal_gui_bench DIR             opens that workspace as `focal FILE` does and
//                                   measures, in a fresh process:
//     - launch: from exec to the first section interactive (built, shown and
//       every pending event processed), target < 1 s;
//     - section switch: opening each section, until it is shown (the first
//       screen built and laid out, every event before it processed, and
//       the turn of the event loop in which GTK drew the new page ended),
//       target < 150 ms; until every question of the section is built and
//       the old page destroyed; and how long each turn of the event loop
//       takes meanwhile (how long input can wait);
//     - an answer typed: write, store commit, page and tree update;
//     - peak memory: getrusage ru_maxrss, target < 200 MB.
// The questionnaire has 72 sections of 25 questions (every type: yes/no with
// a follow-up, choices, texts, numbers, date, year, country, legislation,
// attachment, a 4x4 table with totals, a repeat, a note, a calculation) and
// one statistical section of 200 questions, the worst case.
#include <sys/resource.h>
#include <unistd.h>
#include <wx/app.h>
#include <wx/fileconf.h>
#include <wx/init.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/gui/app.h"
#include "app/gui/desktop.h"
#include "app/gui/main_frame.h"
#include "app/gui/question_page.h"
#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"

namespace {

using Clock = std::chrono::steady_clock;
double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

constexpr int kSections = 72;
constexpr int kPerSection = 25;
constexpr int kLargeSection = 200;

std::string Label(const std::string& what, int s, int q) {
  return "\"Section " + std::to_string(s) + ", question " + std::to_string(q) + ": " + what +
         ", as required by the relevant article of the Protocol and the decisions of the Conference\"";
}

std::string GenerateYaml() {
  std::ostringstream y;
  y << "focal: 1\nid: bench-2000\ntitle: {en: Generated questionnaire of 2000 questions, fr: Questionnaire "
       "de 2000 "
       "questions}\ninstrument: tip\ncycle: 1\nversion: '1'\nlanguages: [en, fr]\n"
       "choice_lists:\n  kinds:\n";
  for (int c = 0; c < 6; ++c)
    y << "    - {value: k" << c << ", label: {en: Kind of assistance number " << c << ", fr: Type " << c
      << "}}\n";
  y << "sections:\n";
  int count = 0;
  for (int s = 0; s < kSections; ++s) {
    if (s % 6 == 0)
      y << "  - id: part" << s / 6 << "\n    title: {en: Part " << s / 6 + 1 << " of the questionnaire}\n"
        << "    sections:\n";
    const std::string p = "s" + std::to_string(s) + "_";
    y << "      - id: sec" << s << "\n        title: {en: Generated section " << s << ", fr: Section " << s
      << "}\n"
      << "        intro: {en: Articles 6 and 7 of the Protocol.}\n"
      << "        references: [{instrument: tip, article: '" << 6 + s % 8
      << "', text: {en: Each State Party shall consider implementing measures to provide for the recovery of "
         "victims.}}]\n        questions:\n";
    auto q = [&](const std::string& id, const std::string& type, const std::string& what,
                 const std::string& extra) {
      y << "          - {id: " << p << id << ", type: " << type
        << ", label: {en: " << Label(what, s, count % 25) << ", fr: " << Label("traduction", s, count % 25)
        << "}" << extra << "}\n";
      ++count;
    };
    q("gate", "yes_no", "does your country have such measures?", ", required: true");
    q("gate_yes", "long_text", "if yes, please describe them", ", relevant: \"${" + p + "gate} = 'yes'\"");
    q("kinds", "multiple_choice", "which kinds?", ", choices: kinds, other: true");
    q("main", "single_choice", "which kind mainly?", ", choices: kinds");
    for (int i = 0; i < 4; ++i) q("text" + std::to_string(i), "text", "name the authority", "");
    for (int i = 0; i < 3; ++i) q("count" + std::to_string(i), "integer", "how many cases?", ", min: 0");
    q("amount", "decimal", "what amount?", ", unit: {en: million USD}");
    q("date", "date", "date of adoption", "");
    q("year", "year", "year of the first plan", ", min: 1990");
    q("partner", "country", "main partner State", "");
    q("law", "legislation", "cite the law", "");
    q("file", "attachment", "attach the law", ", types: [pdf]");
    q("table", "table", "victims by year and sex",
      ", rows: [{id: y1, label: '2021'}, {id: y2, label: '2022'}, {id: y3, label: '2023'}, {id: y4, label: "
      "'2024'}],"
      " columns: [{id: w, label: Women}, {id: m, label: Men}, {id: g, label: Girls}, {id: b, label: Boys}],"
      " totals: both");
    q("note", "note", "the following concerns practice", "");
    q("examples", "long_text", "examples of successful practice", "");
    y << "          - id: " << p
      << "rep\n            type: repeat\n            label: {en: " << Label("agreements", s, 22)
      << "}\n            questions:\n"
      << "              - {id: " << p << "rep_partner, type: country, label: {en: Partner State}}\n"
      << "              - {id: " << p << "rep_title, type: text, label: {en: Title}}\n";
    count += 3;
    q("total", "calculate", "number of agreements", ", calculation: \"count(${" + p + "rep})\"");
  }
  y << "  - id: statistics\n    title: {en: Statistical annex}\n    questions:\n";
  for (int i = 0; count < 2000; ++i, ++count)
    y << "      - {id: stat" << i << ", type: integer, label: {en: " << Label("number of cases", 99, i)
      << "}, min: 0}\n";
  return y.str();
}

int Prepare(const std::string& directory) {
  std::filesystem::create_directories(directory);
  const std::string yaml = directory + "/bench-2000.yaml", file = directory + "/bench-2000.focal";
  std::ofstream(yaml) << GenerateYaml();
  focal::LoadResult loaded = focal::loadQuestionnaireFile(yaml);
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    return 1;
  }
  std::filesystem::remove(file);
  std::map<std::string, std::string> answers;
  for (const auto& q : loaded.questionnaire->questions) {
    if (q.repeat >= 0) continue;
    switch (q.type) {
      case focal::QuestionType::YesNo:
        answers[q.id] = "yes";
        break;
      case focal::QuestionType::Text:
      case focal::QuestionType::LongText:
        answers[q.id] = "An answer typed over several weeks by the focal point.";
        break;
      case focal::QuestionType::Integer:
        answers[q.id] = "12";
        break;
      case focal::QuestionType::Country:
        answers[q.id] = "FRA";
        break;
      case focal::QuestionType::Table:
        for (const auto& r : q.rows)
          for (const auto& c : q.columns)
            answers[q.id + "/" + r.id + "/" + c.id] = '3';  // a char: GCC bug 105329
        break;
      default:
        break;
    }
  }
  auto workspace = focal::Workspace::create(file);
  workspace->createResponse(*loaded.questionnaire, "AUT", "en", answers);
  std::printf("prepared %s: %zu questions, %zu sections, %zu answers\n", file.c_str(),
              loaded.questionnaire->questions.size(), loaded.questionnaire->sections.size(), answers.size());
  return 0;
}

// Milliseconds since this process was exec'd (from /proc, 10 ms resolution).
double SinceExecMs() {
  std::ifstream stat("/proc/self/stat");
  std::string content((std::istreambuf_iterator<char>(stat)), {});
  std::istringstream fields(content.substr(content.rfind(')') + 2));
  std::string field;
  unsigned long long start = 0;
  for (int i = 3; i <= 22 && fields >> field; ++i)
    if (i == 22) start = std::stoull(field);
  double uptime = 0;
  std::ifstream("/proc/uptime") >> uptime;
  return (uptime - static_cast<double>(start) / static_cast<double>(sysconf(_SC_CLK_TCK))) * 1000.0;
}

// One turn of the event loop, in GTK's order: every pending event, a yield
// (in which GTK lays out and draws), then one idle pass (in which wxGTK
// shows new windows and the page builds one slice).
Clock::time_point drawn;  // when the last turn's yield ended

void Turn() {
  while (wxTheApp->Pending()) wxTheApp->Dispatch();
  wxTheApp->ProcessPendingEvents();
  wxYield();
  drawn = Clock::now();
  wxTheApp->ProcessIdle();
}

void Settle() {
  for (int round = 0; round < 3; ++round) Turn();
}

std::vector<double> buildingTurns;  // each turn while a page builds: how long input waits at most

// Until the page has built every question, then settled.
void Complete(focal::gui::MainFrame* frame) {
  while (frame->Page() && !frame->Page()->Complete()) {
    const auto t = Clock::now();
    Turn();
    buildingTurns.push_back(Ms(Clock::now() - t));
  }
  Settle();
}

int Count(wxWindow* window) {
  int n = 1;
  for (wxWindow* child : window->GetChildren()) n += Count(child);
  return n;
}

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * (values.size() - 1) + 0.5))];
}

class BenchApp : public wxApp {
 public:
  bool OnInit() override { return true; }
};

int Measure(const std::string& directory) {
  const auto mainStart = Clock::now();
  const double execToMain = SinceExecMs();
  wxApp::SetInstance(new BenchApp);
  int argc = 1;
  char name[] = "focal_gui_bench";
  char* argv[] = {name, nullptr};
  if (!wxEntryStart(argc, argv) || !wxTheApp->CallOnInit()) {
    std::fprintf(stderr, "focal_gui_bench: no display; run it under xvfb-run (make bench does)\n");
    return 1;
  }
  wxConfigBase::Set(new wxFileConfig("focal-bench", wxEmptyString, directory + "/bench.ini", wxEmptyString,
                                     wxCONFIG_USE_LOCAL_FILE));
  focal::gui::InitializeDesktop("en");
  const auto toolkit = Clock::now();
  focal::gui::MainFrame* frame = focal::gui::Desktop::Get().OpenWorkspace(directory + "/bench-2000.focal");
  if (!frame) return 1;
  frame->SetSize(1200, 800);
  const auto built = Clock::now();
  Settle();
  const auto interactive = Clock::now();
  const double launch = SinceExecMs();
  const auto& q = frame->GetModel()->questionnaire();
  const int firstWindows = Count(frame);

  Complete(frame);
  std::vector<double> switches, wholeSwitches, largeSwitches, largeWhole;
  int maxWindows = 0;
  for (int s = 0; s < static_cast<int>(q.sections.size()); ++s) {
    if (q.sections[s].questions.empty()) continue;
    const auto t = Clock::now();
    frame->OpenSection(s);
    // Shown: the yield in which GTK drew the new page (the window's
    // widgets in one frame) has ended, with every event before it.
    bool painted = false;
    frame->Page()->Bind(wxEVT_PAINT, [&painted](wxPaintEvent& event) {
      event.Skip();
      painted = true;
    });
    Clock::time_point shownAt;
    for (int turn = 0; turn < 1000 && !painted; ++turn) {
      Turn();
      shownAt = drawn;
    }
    const double shown = Ms(shownAt - t);
    if (const char* shot = std::getenv("FOCAL_BENCH_SHOT"); shot && s == 3) {
      // What "shown" shows (make bench does not set it).
      const std::string command = "import -window root '" + std::string(shot) + "'";
      if (std::system(command.c_str()) != 0) std::fprintf(stderr, "no screenshot\n");
    }
    Complete(frame);
    const double whole = Ms(Clock::now() - t);
    const bool large = q.sections[s].questions.size() > 100;
    (large ? largeSwitches : switches).push_back(shown);
    (large ? largeWhole : wholeSwitches).push_back(whole);
    maxWindows = std::max(maxWindows, Count(frame));
  }
  // Back to a typical section, and type answers into it.
  frame->OpenSection(q.indexOf("s0_gate") >= 0 ? q.questions[q.indexOf("s0_gate")].section : 1);
  Settle();
  std::vector<double> typing;
  for (int i = 0; i < 30; ++i) {
    const auto t = Clock::now();
    frame->GetModel()->apply({{"s0_text0", "Answer number " + std::to_string(i)}}, "s0_text0");
    Settle();
    typing.push_back(Ms(Clock::now() - t));
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double peakMb = static_cast<double>(usage.ru_maxrss) / 1024.0;

  std::printf(
      "\nFocal desktop program, generated questionnaire of %zu questions in %zu sections (%zu answers "
      "stored)\n",
      q.questions.size(), q.sections.size(), frame->GetModel()->session().answers().size());
  std::printf("%-58s %10s %10s\n", "measure", "value", "target");
  std::printf("%-58s %8.0f ms %10s\n", "launch: exec to first section interactive", launch, "< 1000 ms");
  std::printf("%-58s %8.0f ms\n", "  of which exec to main (loading the program)", execToMain);
  std::printf("%-58s %8.0f ms\n", "  of which toolkit and translations", Ms(toolkit - mainStart));
  std::printf("%-58s %8.0f ms\n", "  of which workspace, questionnaire, window, first page",
              Ms(built - toolkit));
  std::printf("%-58s %8.0f ms\n", "  of which showing it and processing every event",
              Ms(interactive - built));
  std::printf("%-58s %8.1f ms %10s\n", "section switch, 25 questions, shown: median",
              Percentile(switches, 0.5), "< 150 ms");
  std::printf("%-58s %8.1f ms\n", "section switch, 25 questions, shown: 95th percentile",
              Percentile(switches, 0.95));
  std::printf("%-58s %8.1f ms\n", "section switch, 25 questions, shown: slowest", Percentile(switches, 1.0));
  std::printf("%-58s %8.1f ms\n", "section switch, 25 questions, all built: median",
              Percentile(wholeSwitches, 0.5));
  if (!largeSwitches.empty()) {
    std::printf("%-58s %8.1f ms\n", "section switch, the 200-question section, shown", largeSwitches.front());
    std::printf("%-58s %8.1f ms\n", "section switch, the 200-question section, all built",
                largeWhole.front());
  }
  std::printf("%-58s %8.1f ms\n", "a turn of the event loop while a page builds: 95th percentile",
              Percentile(buildingTurns, 0.95));
  std::printf("%-58s %8.1f ms\n", "a turn of the event loop while a page builds: longest",
              Percentile(buildingTurns, 1.0));
  std::printf("%-58s %10zu\n", "turns of the event loop while pages build", buildingTurns.size());
  std::printf("%-58s %8.1f ms\n", "an answer typed: store, page and tree updated (median)",
              Percentile(typing, 0.5));
  std::printf("%-58s %8.0f MB %10s\n", "peak memory (getrusage ru_maxrss)", peakMb, "< 200 MB");
  std::printf("%-58s %10d\n", "windows alive, first section", firstWindows);
  std::printf("%-58s %10d\n", "windows alive, at most (the 200-question section)", maxWindows);
  const bool ok = launch < 1000 && Percentile(switches, 0.5) < 150 && peakMb < 200;
  std::printf("%s\n", ok ? "every target met" : "TARGET MISSED: see the lines above");
  frame->Close(true);
  Settle();
  wxEntryCleanup();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--prepare") return Prepare(argv[2]);
  if (argc == 2) return Measure(argv[1]);
  std::fprintf(stderr, "usage: focal_gui_bench --prepare DIR; then focal_gui_bench DIR (under a display)\n");
  return 1;
}
