// focal-cli: the command-line program. See `focal-cli --help`.
#include <algorithm>
#include <iostream>
#include <vector>

#include "app/cli/cli.h"

namespace focal::cli {

namespace {
std::vector<std::pair<int, std::function<void(CLI::App&)>>>& registry() {
  static std::vector<std::pair<int, std::function<void(CLI::App&)>>> all;
  return all;
}
}  // namespace

int& exitCode() {
  static int code = kOk;
  return code;
}

Registrar::Registrar(int order, std::function<void(CLI::App&)> setup) {
  registry().emplace_back(order, std::move(setup));
}

void printError(const std::string& message) {
  std::cerr << "focal-cli: error: " << printable(message) << "\n";
}

}  // namespace focal::cli

int main(int argc, char** argv) {
  using namespace focal::cli;
  CLI::App app{"Focal: questionnaires, national reports and analysis for the UNTOC reporting cycles.",
               "focal-cli"};
  app.set_version_flag("--version", std::string("focal-cli ") + FOCAL_VERSION);
  app.require_subcommand(1);
  auto& all = registry();
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [order, setup] : all) setup(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    printError(e.what());
    return kFailed;
  }
  return exitCode();
}
