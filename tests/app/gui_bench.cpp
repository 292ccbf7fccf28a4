// focal_gui_bench: the desktop program on a generated 2,000-question
// questionnaire (make bench, under Xvfb).
//
//   focal_gui_bench --prepare DIR   writes DIR/bench-2000.yaml and a workspace
//                                   DIR/bench-2000.focal answering most of it,
//                                   and DIR/bundled/ID.focal for each bundled
//                                   questionnaire (questionnaires/*.yaml), with
//                                   the demo's answers in every question
//   focal_gui_bench --bundled DIR   opens each DIR/bundled/ID.focal and every
//                                   section of it; per questionnaire the
//                                   slowest section shown and fully built,
//                                   target < 100 ms, the CPU time this
//                                   process spent on it (the X server's is
//                                   not counted), and peak memory < 120 MB;
//                                   with FOCAL_BENCH_EACH=1, each section's
//                                   figures too
//   focal_gui_bench DIR             opens that workspace as `focal FILE` does and
//                                   measures, in a fresh process:
//     - launch: from exec to the first section interactive (built, shown and
//       every pending event processed), target < 1 s;
//     - section switch: opening each section, until it is shown (the first
//       screen built and laid out, every event before it processed, and
//       the turn of the event loop in which GTK drew the new page ended),
//       target < 150 ms; until it is fully built: every question within
//       the view and its margin has its editor, laid out
//       (QuestionPage::Complete), the old page is destroyed and three more
//       turns of the event loop found nothing left to do (the questions
//       further down are placeholders until scrolled to: question_page.h);
//       and how long each turn of the event loop takes meanwhile;
//     - an answer typed: write, store commit, page and tree update;
//     - peak memory: getrusage ru_maxrss, target < 120 MB (issue 16).
// The questionnaire has 72 sections of 24 questions (every type: yes/no with
// a follow-up, choices, texts, numbers, date, year, country, legislation,
// attachment, a 4x4 table with totals, a repeat of two fields, a note, a
// calculation) and one statistical section of 272 number questions, the
// worst case; the figures name the sections by the questions they hold.
#include <sys/resource.h>
#include <unistd.h>
#include <wx/app.h>
#include <wx/fileconf.h>
#include <wx/init.h>
#include <wx/log.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/gui/app.h"
#include "app/gui/demo_reply.h"
#include "app/gui/desktop.h"
#include "app/gui/main_frame.h"
#include "app/gui/question_page.h"
#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"

namespace {

using Clock = std::chrono::steady_clock;
double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// The CPU time of this process so far (every thread), in milliseconds.
double CpuMs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

// The load average over the last minute (other people's work on the machine).
double LoadAverage() {
  double load = 0;
  std::ifstream("/proc/loadavg") >> load;
  return load;
}

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
  // The bundled questionnaires, each with the demo's answers.
  const std::filesystem::path bundled = std::filesystem::path(directory) / "bundled";
  std::filesystem::create_directories(bundled);
  for (const auto& entry : std::filesystem::directory_iterator(FOCAL_SOURCE_DIR "/questionnaires")) {
    if (entry.path().extension() != ".yaml") continue;
    focal::LoadResult real = focal::loadQuestionnaireFile(entry.path().string());
    if (!real.ok()) {
      std::fprintf(stderr, "%s does not load\n", entry.path().c_str());
      return 1;
    }
    const auto target = bundled / (real.questionnaire->info.id + ".focal");
    std::filesystem::remove(target);
    const auto demo = focal::gui::DemoAnswers(real.questionnaire);
    focal::Workspace::create(target.string())->createResponse(*real.questionnaire, "AUT", "en", demo);
    std::printf("prepared %s: %zu questions, %zu answers\n", target.c_str(),
                real.questionnaire->questions.size(), demo.size());
  }
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
  if (values.empty()) return 0;  // no turn waited: every page was complete at once
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<std::size_t>(p * (values.size() - 1) + 0.5))];
}

struct Opened {
  double shown = 0, built = 0;  // wall clock, ms
  double cpu = 0;               // CPU time of this process until fully built, ms
  double handler = 0;           // of `built`: the click's handler (OpenSection), ms
};

// Opens section `s` and returns the milliseconds from the click until it
// is shown (the yield in which GTK drew the new page, the window's widgets
// in one frame, has ended, with every event before it) and until it is
// fully built (every row in view real and laid out, the old page gone, the
// event loop idle).
Opened OpenAndMeasure(focal::gui::MainFrame* frame, int s, bool screenshot = false) {
  const double cpu = CpuMs();
  const auto t = Clock::now();
  frame->OpenSection(s);
  const double handler = Ms(Clock::now() - t);
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
  if (const char* shot = std::getenv("FOCAL_BENCH_SHOT"); shot && screenshot) {
    // What "shown" shows (make bench does not set it).
    const std::string command = "import -window root '" + std::string(shot) + "'";
    if (std::system(command.c_str()) != 0) std::fprintf(stderr, "no screenshot\n");
  }
  Complete(frame);
  return {shown, Ms(Clock::now() - t), CpuMs() - cpu, handler};
}

double PeakMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

class BenchApp : public wxApp {
 public:
  BenchApp() { focal::gui::PrepareToolkit(); }  // as the program does
  bool OnInit() override { return true; }
};

// Starts wx and the desktop program with its configuration in `ini`, the
// messages on stderr and the preparer's name known; false with no display.
bool StartDesktop(const std::string& ini) {
  wxApp::SetInstance(new BenchApp);
  // wx keeps argv until wxEntryCleanup: it outlives this function.
  static int argc = 1;
  static char name[] = "focal_gui_bench";
  static char* argv[] = {name, nullptr};
  if (!wxEntryStart(argc, argv) || !wxTheApp->CallOnInit()) {
    std::fprintf(stderr, "focal_gui_bench: no display; run it under xvfb-run (make bench does)\n");
    return false;
  }
  wxConfigBase::Set(new wxFileConfig("focal-bench", wxEmptyString, std::filesystem::absolute(ini).string(),
                                     wxEmptyString, wxCONFIG_USE_LOCAL_FILE));
  // Messages go to stderr, never to a window that waits for a click.
  delete wxLog::SetActiveTarget(new wxLogStderr);
  // The preparer's name is known: no window asks for it.
  wxConfigBase::Get()->Write("/Preparer/Name", "Bench");
  focal::gui::InitializeDesktop("en");
  return true;
}

int Measure(const std::string& directory) {
  const auto mainStart = Clock::now();
  const double execToMain = SinceExecMs();
  if (!StartDesktop(directory + "/bench.ini")) return 1;
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
  std::vector<double> switches, wholeSwitches, largeSwitches, largeWhole, largeCpu, cpus, handlers;
  std::size_t typicalSize = 0, largeSize = 0;
  int maxWindows = 0;
  for (int s = 0; s < static_cast<int>(q.sections.size()); ++s) {
    if (q.sections[s].questions.empty()) continue;
    const auto [shown, whole, cpu, handler] = OpenAndMeasure(frame, s, s == 3);
    const bool large = q.sections[s].questions.size() > 100;
    // What the section holds: its questions and its repeats' fields.
    (large ? largeSize : typicalSize) = static_cast<std::size_t>(
        std::count_if(q.questions.begin(), q.questions.end(),
                      [s](const focal::Question& question) { return question.section == s; }));
    (large ? largeSwitches : switches).push_back(shown);
    (large ? largeWhole : wholeSwitches).push_back(whole);
    (large ? largeCpu : cpus).push_back(cpu);
    if (!large) handlers.push_back(handler);
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
  const double peakMb = PeakMb();
  char typical[64], large[64];
  std::snprintf(typical, sizeof typical, "%zu-question sections", typicalSize);
  std::snprintf(large, sizeof large, "the %zu-question statistical section", largeSize);
  auto label = [](const char* format, const char* what) {
    char out[128];
    std::snprintf(out, sizeof out, format, what);
    return std::string(out);
  };

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
  std::printf("%-58s %8.1f ms %10s\n", label("section switch, %s, shown: median", typical).c_str(),
              Percentile(switches, 0.5), "< 100 ms");
  std::printf("%-58s %8.1f ms\n", label("section switch, %s, shown: 95th percentile", typical).c_str(),
              Percentile(switches, 0.95));
  std::printf("%-58s %8.1f ms\n", label("section switch, %s, shown: slowest", typical).c_str(),
              Percentile(switches, 1.0));
  std::printf("%-58s %8.1f ms %10s\n", label("section switch, %s, all built: median", typical).c_str(),
              Percentile(wholeSwitches, 0.5), "< 100 ms");
  std::printf("%-58s %8.1f ms %10s\n", label("section switch, %s, all built: slowest", typical).c_str(),
              Percentile(wholeSwitches, 1.0), "< 100 ms");
  std::printf("%-58s %8.1f ms\n", label("  CPU time of it, %s: median", typical).c_str(),
              Percentile(cpus, 0.5));
  std::printf("%-58s %8.1f ms\n", "  of which the click's handler (page built and laid out): median",
              Percentile(handlers, 0.5));
  if (!largeSwitches.empty()) {
    std::printf("%-58s %8.1f ms %10s\n", label("%s, shown", large).c_str(), largeSwitches.front(),
                "< 100 ms");
    std::printf("%-58s %8.1f ms %10s\n", label("%s, all built", large).c_str(), largeWhole.front(),
                "< 150 ms");
    std::printf("%-58s %8.1f ms\n", "  CPU time of it", largeCpu.front());
  }
  std::printf("%-58s %8.1f ms\n", "a turn of the event loop while a page builds: 95th percentile",
              Percentile(buildingTurns, 0.95));
  std::printf("%-58s %8.1f ms\n", "a turn of the event loop while a page builds: longest",
              Percentile(buildingTurns, 1.0));
  std::printf("%-58s %10zu\n", "turns of the event loop while pages build", buildingTurns.size());
  std::printf("%-58s %8.1f ms\n", "an answer typed: store, page and tree updated (median)",
              Percentile(typing, 0.5));
  std::printf("%-58s %8.0f MB %10s\n", "peak memory (getrusage ru_maxrss)", peakMb, "< 120 MB");
  std::printf("%-58s %10d\n", "windows alive, first section", firstWindows);
  std::printf("%-58s %10d\n", label("windows alive, at most (%s)", large).c_str(), maxWindows);
  std::printf("%-58s %10.2f\n", "load average (1 min) at the end, on this machine", LoadAverage());
  const bool ok = launch < 1000 && Percentile(switches, 0.5) < 100 && peakMb < 120 &&
                  (largeWhole.empty() || largeWhole.front() < 150);
  std::printf("%s\n", ok ? "every target met" : "TARGET MISSED: see the lines above");
  frame->Close(true);
  Settle();
  wxEntryCleanup();
  return 0;
}

// Every section of every bundled questionnaire, with the demo's answers.
int MeasureBundled(const std::string& directory) {
  if (!StartDesktop(directory + "/bench-bundled.ini")) return 1;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(directory) / "bundled"))
    if (entry.path().extension() == ".focal") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "no DIR/bundled/*.focal: run focal_gui_bench --prepare DIR first\n");
    return 1;
  }
  std::printf("\nFocal desktop program, every section of each bundled questionnaire (demo answers)\n");
  std::printf("load average (1 min) at the start: %.2f\n", LoadAverage());
  std::printf("%-18s %4s %5s %9s %9s %9s %8s %7s  %s\n", "questionnaire", "sect", "quest", "shown max",
              "built max", "built med", "CPU max", "windows", "slowest section (questions)");
  double worst = 0, worstCpu = 0;
  for (const auto& file : files) {
    focal::gui::MainFrame* frame = focal::gui::Desktop::Get().OpenWorkspace(file.string());
    if (!frame) return 1;
    frame->SetSize(1200, 800);
    Settle();
    Complete(frame);
    const auto& q = frame->GetModel()->questionnaire();
    std::vector<double> built;
    double shownMax = 0, builtMax = 0, cpuMax = 0;
    int slowest = -1, sections = 0, windows = 0;
    for (int s = 0; s < static_cast<int>(q.sections.size()); ++s) {
      if (q.sections[s].questions.empty()) continue;
      ++sections;
      [[maybe_unused]] const auto [shown, whole, cpu, handler] = OpenAndMeasure(frame, s);
      if (std::getenv("FOCAL_BENCH_EACH"))  // each section's figures, and the click's handler
        std::printf("  %-28s %3zu q  handler %5.1f  shown %5.1f  built %5.1f  cpu %5.1f  windows %d\n",
                    q.sections[s].id.c_str(), q.sections[s].questions.size(), handler, shown, whole, cpu,
                    Count(frame));
      built.push_back(whole);
      cpuMax = std::max(cpuMax, cpu);
      windows = std::max(windows, Count(frame));
      shownMax = std::max(shownMax, shown);
      if (whole > builtMax) {
        builtMax = whole;
        slowest = s;
      }
    }
    worst = std::max(worst, std::max(shownMax, builtMax));
    worstCpu = std::max(worstCpu, cpuMax);
    const std::string title = slowest < 0 ? std::string() : q.sections[slowest].id;
    std::printf("%-18s %4d %5zu %6.1f ms %6.1f ms %6.1f ms %5.1f ms %7d  %s (%zu)\n", q.info.id.c_str(),
                sections, q.questions.size(), shownMax, builtMax, Percentile(built, 0.5), cpuMax, windows,
                title.c_str(), slowest < 0 ? std::size_t{0} : q.sections[slowest].questions.size());
    std::fflush(stdout);
    frame->Close(true);
    Settle();
  }
  const double peakMb = PeakMb();
  std::printf("%-58s %8.1f ms %10s\n", "slowest section of all, shown or fully built", worst, "< 100 ms");
  std::printf("%-58s %8.1f ms\n", "  the most CPU time one section took (this process)", worstCpu);
  std::printf("load average (1 min) at the end: %.2f\n", LoadAverage());
  std::printf("%-58s %8.0f MB %10s\n", "peak memory (getrusage ru_maxrss)", peakMb, "< 120 MB");
  std::printf("%s\n",
              worst < 100 && peakMb < 120 ? "every target met" : "TARGET MISSED: see the lines above");
  wxEntryCleanup();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--prepare") return Prepare(argv[2]);
  if (argc == 3 && std::string(argv[1]) == "--bundled") return MeasureBundled(argv[2]);
  if (argc == 2) return Measure(argv[1]);
  std::fprintf(
      stderr,
      "usage: focal_gui_bench --prepare DIR; then focal_gui_bench DIR and focal_gui_bench --bundled DIR "
      "(under a display)\n");
  return 1;
}
