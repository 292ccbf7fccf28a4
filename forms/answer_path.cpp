#include "forms/answer_path.h"

#include <vector>

namespace focal {

namespace {
bool isWord(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  if (!((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  return true;
}
bool isKey(std::string_view s) {
  if (s.empty() || s.size() > 32) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  return true;
}
}  // namespace

std::string AnswerPath::str() const {
  std::string out;
  if (!repeat.empty()) out = recordPrefix(repeat, recordKey);
  out += question;
  if (!part.empty()) out = partPath(out, part, subpart);
  if (!mark.empty()) out = focal::withMark(out, mark);
  return out;
}

AnswerPath AnswerPath::valuePath() const {
  AnswerPath p = *this;
  p.mark.clear();
  return p;
}

AnswerPath AnswerPath::questionPath() const {
  AnswerPath p = *this;
  p.part.clear();
  p.subpart.clear();
  p.mark.clear();
  return p;
}

AnswerPath AnswerPath::withPart(const std::string& newPart, const std::string& newSubpart) const {
  AnswerPath p = *this;
  p.part = newPart;
  p.subpart = newSubpart;
  return p;
}

std::string AnswerPath::partText() const { return subpart.empty() ? part : partPath(part, subpart); }

AnswerPath AnswerPath::withMark(const std::string& newMark) const {
  AnswerPath p = *this;
  p.mark = newMark;
  return p;
}

std::optional<AnswerPath> parseAnswerPath(std::string_view text) {
  if (text.size() > 256) return std::nullopt;
  AnswerPath path;
  if (auto at = text.find('@'); at != std::string_view::npos) {
    path.mark = std::string(text.substr(at + 1));
    if (path.mark != "status" && path.mark != "comment" && path.mark != "carried" && path.mark != "offered" &&
        path.mark != "previous")
      return std::nullopt;
    text = text.substr(0, at);
  }
  if (auto open = text.find('['); open != std::string_view::npos) {
    auto close = text.find(']', open);
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != '/')
      return std::nullopt;
    path.repeat = std::string(text.substr(0, open));
    path.recordKey = std::string(text.substr(open + 1, close - open - 1));
    if (!isWord(path.repeat) || !isKey(path.recordKey)) return std::nullopt;
    text = text.substr(close + 2);
  }
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    auto slash = text.find('/', start);
    parts.push_back(
        text.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (parts.size() > 3) return std::nullopt;
  for (auto p : parts)
    if (!isWord(p)) return std::nullopt;
  path.question = std::string(parts[0]);
  if (parts.size() > 1) path.part = std::string(parts[1]);
  if (parts.size() > 2) path.subpart = std::string(parts[2]);
  return path;
}

AnswerPath pathOf(const std::string& question, const std::string& part, const std::string& subpart) {
  AnswerPath p;
  p.question = question;
  p.part = part;
  p.subpart = subpart;
  return p;
}

AnswerPath recordPath(const std::string& repeat, const std::string& key, const std::string& question,
                      const std::string& part, const std::string& subpart) {
  AnswerPath p = pathOf(question, part, subpart);
  p.repeat = repeat;
  p.recordKey = key;
  return p;
}

std::string withMark(std::string_view path, std::string_view mark) {
  std::string out(path);
  out += '@';
  out += mark;
  return out;
}

std::string partPath(std::string_view path, std::string_view part, std::string_view subpart) {
  std::string out(path);
  if (!part.empty()) {
    out += '/';
    out += part;
  }
  if (!subpart.empty()) {
    out += '/';
    out += subpart;
  }
  return out;
}

std::string recordId(std::string_view repeat, std::string_view key) {
  std::string out(repeat);
  out += '[';
  out += key;
  out += ']';
  return out;
}

std::string recordPrefix(std::string_view repeat, std::string_view key) {
  return recordId(repeat, key) + '/';
}

}  // namespace focal
