#include "app/gui/editors/editors.h"

namespace focal::gui {

std::unique_ptr<QuestionEditor> CreateEditor(EditorHost& host, const Question& question,
                                             const std::string& path) {
  switch (question.type) {
    case QuestionType::YesNo:
    case QuestionType::SingleChoice:
    case QuestionType::MultipleChoice:
      return MakeChoiceEditor(host, question, path);
    case QuestionType::Text:
    case QuestionType::LongText:
      return MakeTextEditor(host, question, path);
    case QuestionType::Integer:
    case QuestionType::Decimal:
    case QuestionType::Year:
      return MakeNumberEditor(host, question, path);
    case QuestionType::Date:
      return MakeDateEditor(host, question, path);
    case QuestionType::Country:
      return MakeCountryEditor(host, question, path);
    case QuestionType::Legislation:
      return MakeLegislationEditor(host, question, path);
    case QuestionType::Attachment:
      return MakeAttachmentEditor(host, question, path);
    case QuestionType::Table:
      return MakeTableEditor(host, question, path);
    case QuestionType::Repeat:
      return MakeRepeatEditor(host, question, path);
    case QuestionType::Note:
      return MakeNoteEditor(host, question, path);
    case QuestionType::Calculate:
      return MakeCalculateEditor(host, question, path);
  }
  return MakeTextEditor(host, question, path);
}

}  // namespace focal::gui
