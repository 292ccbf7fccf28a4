// The command-line program's plumbing: each file in app/cli/ registers its
// commands with a static Registrar, so adding a command group touches no
// other file. A command reports failure by returning an exit code.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

#include "forms/answer_text.h"

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

// Names, codes and messages that come from a file are printed through
// printable() (forms/answer_text.h): control and bidirectional characters
// shown as escapes, so no file can forge a line of output or drive the terminal.
using focal::printable;

// Prints "focal-cli: error: MESSAGE" on stderr, with MESSAGE made printable.
void printError(const std::string& message);

}  // namespace focal::cli
