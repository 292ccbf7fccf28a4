#include "forms/answer_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "forms/i18n.h"
#include "forms/question_kinds.h"
#include "forms/utf8.h"

namespace focal {

std::string trimmedText(std::string_view text) {
  constexpr std::string_view kSpaces = " \t\n\v\f\r";  // what std::isspace takes in the C locale
  const auto first = text.find_first_not_of(kSpaces);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(kSpaces) - first + 1));
}

std::string textRuleProblem(std::string_view text, bool lineBreaksAllowed) {
  if (auto bad = firstInvalidUtf8(text))
    return msg("is not valid UTF-8 text (byte {} is not part of a valid character)", *bad + 1);
  std::size_t character = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!isUtf8Continuation(text[i])) ++character;
    if (c >= 0x20 && c != 0x7F) continue;
    if (c == '\t') continue;
    // A line break is LF, or CR LF as Windows writes it (spreadsheets' CSV files).
    const bool crlf = c == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
    if (c == '\n' || crlf) {
      if (lineBreaksAllowed) continue;
      return msg("holds a line break (character {}), but this answer takes one line", character);
    }
    if (c == 0) return msg("holds a NUL character (character {})", character);
    if (c == 0x7F) continue;  // DEL is printable text to a report; it is escaped where printed
    return msg("holds the control character U+{:04X} (character {})", static_cast<unsigned>(c), character);
  }
  return {};
}

bool allowsLineBreaks(const Question& question, const AnswerPath& path) {
  if (path.mark == "comment") return true;
  if (!path.mark.empty()) return false;
  const auto& multiline = kindOf(question).multiline;
  return std::find(multiline.begin(), multiline.end(), path.part) != multiline.end();
}

std::string checkAnswerText(const Question& question, const AnswerPath& path, std::string_view value) {
  std::string problem = textRuleProblem(value, allowsLineBreaks(question, path));
  if (problem.empty()) return {};
  return msg(
      "The answer {}, which a report cannot carry. Remove it (retype the text, or save the file as "
      "UTF-8 text without control characters) and enter it again.",
      problem);
}

std::string checkAnswerText(const Questionnaire& questionnaire, const std::string& path,
                            std::string_view value) {
  auto parsed = parseAnswerPath(path);
  const Question* question = parsed ? questionnaire.find(parsed->question) : nullptr;
  if (question) return checkAnswerText(*question, *parsed, value);
  std::string problem = textRuleProblem(value, false);
  if (problem.empty()) return {};
  return msg("The answer {}, which a report cannot carry. Remove it and enter it again.", problem);
}

std::vector<std::pair<std::string, std::string>> answerTextProblems(
    const Questionnaire& questionnaire, const std::map<std::string, std::string>& answers) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [path, value] : answers)
    if (std::string problem = checkAnswerText(questionnaire, path, value); !problem.empty())
      out.emplace_back(path, std::move(problem));
  return out;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 0x20 && c != 0x7F)
        out += static_cast<char>(c);
      else if (c == '\n')
        out += "\\n";
      else if (c == '\t')
        out += "\\t";
      else if (c == '\r')
        out += "\\r";
      else
        out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
      ++i;
      continue;
    }
    const std::size_t length = utf8SequenceLength(c);
    if (length == 0 || i + length > text.size() || firstInvalidUtf8(text.substr(i, length))) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
      ++i;
      continue;
    }
    std::uint32_t cp = c & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < length; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    const bool control = cp >= 0x80 && cp <= 0x9F;
    const bool bidi = cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
                      (cp >= 0x2066 && cp <= 0x2069);
    if (control || bidi)
      out += fmt::format("\\u{:04x}", cp);
    else
      out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

}  // namespace focal
