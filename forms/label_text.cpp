#include "forms/label_text.h"

#include <algorithm>
#include <sstream>

#include "forms/answer_path.h"
#include "forms/content_words.h"
#include "forms/countries.h"
#include "forms/i18n.h"
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
    out += value.empty() ? std::string(kUnansweredInText) : value;
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
    // Inside a repeat there is one answer per record; a hidden question's
    // answer is not part of the reply.
    if (!question || question->repeat >= 0 || !session.isRelevant(id)) return {};
    if (!session.value(withMark(id, "status")).empty()) return {};  // not available, not applicable
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
      case QuestionType::Country:  // the name, not the code (iso-codes has Chinese as zh_CN)
        return value.empty() ? value : countryName(value, language == "zh" ? "zh_CN" : language);
      default:
        return value;
    }
  });
}

}  // namespace focal

namespace focal {

namespace {
template <typename Visit>
void eachText(const Question& question, Visit visit) {
  for (const auto* text : {&question.label, &question.help})
    for (const auto& [language, value] : text->all()) visit(value);
  for (const auto& choice : question.choices)
    for (const auto& [language, value] : choice.label.all()) visit(value);
}
}  // namespace

bool showsAnswers(const Question& question) {
  bool shows = false;
  eachText(question, [&](const std::string& text) { shows = shows || text.find("${") != std::string::npos; });
  return shows;
}

std::unordered_map<std::string, std::vector<std::string>> answerShowers(const Questionnaire& questionnaire) {
  std::unordered_map<std::string, std::vector<std::string>> out;
  for (const Question& question : questionnaire.questions) {
    if (!showsAnswers(question)) continue;
    eachText(question, [&](const std::string& text) {
      for (const TextReference& reference : textReferences(text)) {
        auto& showers = out[reference.id];
        if (std::find(showers.begin(), showers.end(), question.id) == showers.end())
          showers.push_back(question.id);
      }
    });
  }
  return out;
}

}  // namespace focal
