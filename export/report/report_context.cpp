#include "export/report/report_context.h"

#include "export/common/output_file.h"
#include "forms/answer_value.h"
#include "forms/countries.h"
#include "forms/label_text.h"
#include "forms/question_kinds.h"
#include "forms/questionnaire_loader.h"
#include "forms/stored_questionnaire.h"

namespace focal {

ReportContext::ReportContext(const NationalReport& report, std::string language,
                             std::shared_ptr<const Questionnaire> questionnaire)
    : report_(report), questionnaire_(std::move(questionnaire)), language_(std::move(language)) {
  const auto& m = report.metadata;
  if (!questionnaire_) {
    try {
      questionnaire_ =
          loadStoredQuestionnaire(m.questionnaireText, m.questionnaireSha256, m.questionnaireId + ".yaml");
    } catch (const StoredQuestionnaireError& e) {
      if (e.kind() == StoredQuestionnaireError::Kind::Altered)
        throw ExportError(
            "the questionnaire kept in the report does not match its SHA-256; the report is damaged");
      throw ExportError("the questionnaire kept in the report cannot be read (" + e.firstError() +
                        "); update Focal or ask the secretariat for help");
    }
  }
  if (language_.empty()) language_ = m.language.empty() ? questionnaire_->defaultLanguage() : m.language;
  session_ = std::make_unique<ResponseSession>(questionnaire_, language_);
  if (m.exportedAt.size() >= 10) session_->setToday(m.exportDate());
  session_->load(report.answerMap());
  for (const auto& a : report.answers) byPath_.emplace(a.path, &a);
}

std::string ReportContext::text(const LocalizedText& text) const {
  return text.get(language_, questionnaire_->defaultLanguage());
}

std::string ReportContext::filled(const LocalizedText& t) const {
  const std::string shown = text(t);
  if (shown.find("${") == std::string::npos) return shown;
  return fillTextReferences(shown, [&](const std::string& id) -> std::string {
    const Question* question = questionnaire_->find(id);
    if (!question || question->repeat >= 0 || !session_->isRelevant(id)) return {};
    if (!value(withMark(id, "status")).empty()) return {};  // not available, not applicable
    // A citation shows its title.
    if (const QuestionKind& kind = kindOf(*question); !kind.valuePart.empty())
      return value(partPath(id, kind.valuePart));
    switch (question->type) {
      case QuestionType::Calculate:
        return session_->calculated(id);
      case QuestionType::SingleChoice:
      case QuestionType::MultipleChoice: {
        // The choices' own texts as written: a choice label may show ${id} itself.
        std::string out;
        for (const auto& word : splitWords(value(id))) {
          std::string label = word;
          if (word == "other" && question->otherOption) {
            const std::string other = value(partPath(id, "other"));
            label = other.empty() ? std::string(labels().other) : other;
          }
          for (const auto& c : question->choices)
            if (c.value == word) label = text(c.label);
          out += (out.empty() ? "" : "; ") + label;
        }
        return out;
      }
      case QuestionType::YesNo:
      case QuestionType::Country:
        return display(*question, value(id));
      default:  // numbers without their unit: the text around says what they count
        return value(id);
    }
  });
}

std::string ReportContext::countryName(const std::string& code) const {
  // iso-codes ships Chinese as zh_CN, not zh.
  const std::string language = language_ == "zh" ? "zh_CN" : language_;
  return focal::countryName(code, language);
}

std::string ReportContext::stateName() const { return countryName(report_.metadata.state); }

const ReportAnswer* ReportContext::answer(const std::string& path) const {
  auto it = byPath_.find(path);
  return it == byPath_.end() ? nullptr : it->second;
}

std::string ReportContext::value(const std::string& path) const {
  const ReportAnswer* a = answer(path);
  return a ? a->value : std::string();
}

std::string ReportContext::statusText(const std::string& status) const {
  if (status == "not_available") return labels().notAvailable;
  if (status == "not_applicable") return labels().notApplicable;
  return {};
}

std::vector<std::string> ReportContext::choiceLabels(const Question& question, const std::string& value,
                                                     const std::string& otherText) const {
  std::vector<std::string> out;
  for (const auto& word : splitWords(value)) {
    if (word == "other" && question.otherOption) {
      out.push_back(std::string(labels().other) + (otherText.empty() ? "" : ": " + otherText));
      continue;
    }
    std::string label = word;
    for (const auto& c : question.choices)
      if (c.value == word) label = filled(c.label);
    out.push_back(label);
  }
  return out;
}

std::string ReportContext::partName(const std::string& part) const {
  if (part == "title") return labels().legislationTitle;
  if (part == "article") return labels().legislationArticle;
  if (part == "date") return labels().legislationDate;
  if (part == "link") return labels().legislationLink;
  if (part == "excerpt") return labels().legislationExcerpt;
  return part;
}

std::string ReportContext::display(const Question& question, const std::string& value) const {
  if (value.empty()) return {};
  switch (question.type) {
    case QuestionType::YesNo:
      return value == "yes" ? labels().yes : value == "no" ? labels().no : value;
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice: {
      std::string out;
      for (const auto& l : choiceLabels(question, value, {})) out += (out.empty() ? "" : "; ") + l;
      return out;
    }
    case QuestionType::Country:
      return countryName(value);
    case QuestionType::Integer:
    case QuestionType::Decimal: {
      std::string unit = question.unit.empty() ? std::string() : text(question.unit);
      return unit.empty() ? value : value + " " + unit;
    }
    default:
      return value;
  }
}

}  // namespace focal
