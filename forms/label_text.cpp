#include "forms/label_text.h"

namespace focal {

namespace {
bool idStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool idChar(char c) { return idStart(c) || (c >= '0' && c <= '9'); }
}  // namespace

std::vector<TextReference> textReferences(std::string_view text) {
  std::vector<TextReference> out;
  for (std::size_t at = text.find("${"); at != std::string_view::npos; at = text.find("${", at + 2)) {
    std::size_t i = at + 2;
    if (i >= text.size() || !idStart(text[i])) continue;
    while (i < text.size() && idChar(text[i])) ++i;
    if (i >= text.size() || text[i] != '}') continue;
    out.push_back({std::string(text.substr(at + 2, i - at - 2)), at, i + 1});
  }
  return out;
}

std::string fillTextReferences(std::string_view text,
                               const std::function<std::string(const std::string&)>& answer) {
  const std::vector<TextReference> references = textReferences(text);
  if (references.empty()) return std::string(text);
  std::string out;
  std::size_t done = 0;
  for (const TextReference& reference : references) {
    out.append(text.substr(done, reference.begin - done));
    std::string value = answer ? answer(reference.id) : std::string();
    out += value.empty() ? "..." : value;
    done = reference.end;
  }
  out.append(text.substr(done));
  return out;
}

}  // namespace focal
