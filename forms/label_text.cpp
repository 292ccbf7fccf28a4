#include "forms/label_text.h"

#include <sstream>

#include "forms/content_words.h"
#include "forms/response_session.h"

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

std::string fillText(const ResponseSession& session, std::string_view text) {
  const Questionnaire& q = session.questionnaire();
  const std::string& language = session.language();
  return fillTextReferences(text, [&](const std::string& id) -> std::string {
    const Question* question = q.find(id);
    if (!question || question->repeat >= 0) return {};
    if (question->type == QuestionType::Calculate) return session.calculated(id);
    const std::string value = session.value(id);
    const auto choiceLabel = [&](const std::string& word) -> std::string {
      if (word == "other" && question->otherOption) {
        const std::string other = session.value(id + "/other");
        return other.empty() ? contentWord(ContentWord::Other, language) : other;
      }
      for (const auto& choice : question->choices)
        if (choice.value == word) return choice.label.get(language, q.defaultLanguage());
      return word;
    };
    switch (question->type) {
      case QuestionType::YesNo:
        return value == "yes"  ? contentWord(ContentWord::Yes, language)
               : value == "no" ? contentWord(ContentWord::No, language)
                               : value;
      case QuestionType::SingleChoice:
        return value.empty() ? value : choiceLabel(value);
      case QuestionType::MultipleChoice: {
        std::istringstream words(value);
        std::string word, out;
        while (words >> word) out += (out.empty() ? "" : ", ") + choiceLabel(word);
        return out;
      }
      case QuestionType::Legislation:
        return session.value(id + "/title");
      default:
        return value;
    }
  });
}

}  // namespace focal
