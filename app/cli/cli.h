// The command-line program's plumbing: each file in app/cli/ registers its
// commands with a static Registrar, so adding a command group touches no
// other file. A command reports failure by returning an exit code.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace focal::cli {

// Exit codes of focal-cli.
inline constexpr int kOk = 0;
inline constexpr int kInvalid = 1;  // the input is invalid or refused
inline constexpr int kFailed = 2;   // an I/O or other failure

// The exit code the chosen command sets.
int& exitCode();

// Registers a command group; `order` sorts them in --help.
struct Registrar {
  Registrar(int order, std::function<void(CLI::App&)> setup);
};

// Prints "focal-cli: error: MESSAGE" on stderr.
void printError(const std::string& message);

}  // namespace focal::cli
