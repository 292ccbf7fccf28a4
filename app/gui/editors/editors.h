// The editors of each question type family, for the factory (CreateEditor).
#pragma once

#include <memory>
#include <string>

#include "app/gui/editors/question_editor.h"

namespace focal::gui {

// Device-independent pixels.
inline int Dip(int pixels, const wxWindow* window) { return window ? window->FromDIP(pixels) : pixels; }

std::unique_ptr<QuestionEditor> MakeChoiceEditor(EditorHost& host, const Question& question,
                                                 const std::string& path);
std::unique_ptr<QuestionEditor> MakeTextEditor(EditorHost& host, const Question& question,
                                               const std::string& path);
std::unique_ptr<QuestionEditor> MakeNumberEditor(EditorHost& host, const Question& question,
                                                 const std::string& path);
std::unique_ptr<QuestionEditor> MakeDateEditor(EditorHost& host, const Question& question,
                                               const std::string& path);
std::unique_ptr<QuestionEditor> MakeCountryEditor(EditorHost& host, const Question& question,
                                                  const std::string& path);
std::unique_ptr<QuestionEditor> MakeLegislationEditor(EditorHost& host, const Question& question,
                                                      const std::string& path);
std::unique_ptr<QuestionEditor> MakeAttachmentEditor(EditorHost& host, const Question& question,
                                                     const std::string& path);
std::unique_ptr<QuestionEditor> MakeTableEditor(EditorHost& host, const Question& question,
                                                const std::string& path);
std::unique_ptr<QuestionEditor> MakeRepeatEditor(EditorHost& host, const Question& question,
                                                 const std::string& path);
std::unique_ptr<QuestionEditor> MakeNoteEditor(EditorHost& host, const Question& question,
                                               const std::string& path);
std::unique_ptr<QuestionEditor> MakeCalculateEditor(EditorHost& host, const Question& question,
                                                    const std::string& path);

}  // namespace focal::gui
