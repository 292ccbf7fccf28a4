// Issue 2's figures: loading and fully validating a generated
// 2,000-question questionnaire against a bare yaml-cpp parse of the same
// text, in the same run; and re-evaluation after one changed answer.
#include <benchmark/benchmark.h>
#include <yaml-cpp/yaml.h>

#include <chrono>

#include "forms/questionnaire_loader.h"
#include "forms/response_session.h"
#include "tests/support/generated_questionnaire.h"

namespace {

using Clock = std::chrono::steady_clock;

const std::string& text2000() {
  static const std::string text = focal::test::generatedQuestionnaire(2000);
  return text;
}

void BM_BareYamlCppParse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(YAML::Load(text2000()));
  state.SetLabel("2,000 questions, yaml-cpp YAML::Load only");
}
BENCHMARK(BM_BareYamlCppParse)->Unit(benchmark::kMillisecond);

void BM_LoadAndValidate(benchmark::State& state) {
  for (auto _ : state) {
    auto result = focal::loadQuestionnaireText(text2000(), "generated.yaml");
    if (!result.ok()) state.SkipWithError("the generated questionnaire did not load");
    benchmark::DoNotOptimize(result);
  }
  state.SetLabel("2,000 questions, full load: parse, check, compile, graph");
}
BENCHMARK(BM_LoadAndValidate)->Unit(benchmark::kMillisecond);

// Both in one loop, so the ratio compares like with like.
void BM_LoadToBareParseRatio(benchmark::State& state) {
  double bare = 0, full = 0;
  for (auto _ : state) {
    auto t0 = Clock::now();
    benchmark::DoNotOptimize(YAML::Load(text2000()));
    auto t1 = Clock::now();
    benchmark::DoNotOptimize(focal::loadQuestionnaireText(text2000(), "generated.yaml"));
    auto t2 = Clock::now();
    bare += std::chrono::duration<double, std::milli>(t1 - t0).count();
    full += std::chrono::duration<double, std::milli>(t2 - t1).count();
  }
  const double n = static_cast<double>(state.iterations());
  state.counters["bare_ms"] = bare / n;
  state.counters["load_ms"] = full / n;
  state.counters["ratio"] = full / bare;
  state.SetLabel("target: ratio <= 2");
}
BENCHMARK(BM_LoadToBareParseRatio)->Unit(benchmark::kMillisecond)->Iterations(10);

// One changed answer that gates a follow-up and a constraint: the work the
// session does between a keystroke and the view's update.
void BM_ReevaluateAfterOneAnswer(benchmark::State& state) {
  auto result = focal::loadQuestionnaireText(text2000(), "generated.yaml");
  focal::ResponseSession session(result.questionnaire);
  bool flip = false;
  for (auto _ : state) {
    session.answer("q1000", flip ? "yes" : "no");
    flip = !flip;
  }
  state.SetLabel("2,000 questions, target < 1 ms");
}
BENCHMARK(BM_ReevaluateAfterOneAnswer)->Unit(benchmark::kMicrosecond);

void BM_ReevaluateNumberWithDependents(benchmark::State& state) {
  auto result = focal::loadQuestionnaireText(text2000(), "generated.yaml");
  focal::ResponseSession session(result.questionnaire);
  int value = 0;
  for (auto _ : state) session.answer("q1002", std::to_string(++value % 1000));
  state.SetLabel("2,000 questions: a number read by a constraint and a calculation");
}
BENCHMARK(BM_ReevaluateNumberWithDependents)->Unit(benchmark::kMicrosecond);

}  // namespace
