// Starting a response: the questionnaire, the State, the questionnaire's
// language and the new workspace file; optionally the previous cycle's
// workspace, whose answers are carried forward to be confirmed one by one.
// Problems are said on a line in the dialog, never in a message box.
#pragma once

#include <wx/dialog.h>

#include <memory>
#include <string>
#include <vector>

#include "app/gui/questionnaire_files.h"
#include "app/gui/response_model.h"

class wxCheckBox;
class wxChoice;
class wxComboBox;
class wxFilePickerCtrl;
class wxListBox;
class wxStaticText;

namespace focal::gui {

class NewResponseDialog : public wxDialog {
 public:
  NewResponseDialog(wxWindow* parent, bool fromPreviousCycle);
  // The response created, after ShowModal returned wxID_OK.
  std::shared_ptr<ResponseModel> TakeModel() { return std::move(model_); }
  const std::string& WorkspacePath() const { return path_; }
  // What was carried forward, for the window to say.
  const wxString& Summary() const { return summary_; }
  // A questionnaire as the list names it: instrument, cycle, id and version.
  static wxString ListLine(const Questionnaire& questionnaire);
  wxListBox* List() const { return list_; }
  // The chosen questionnaire's whole title, as shown under the list.
  wxString ChosenTitle() const;

 private:
  const AvailableQuestionnaire* Chosen() const;
  void QuestionnaireChosen();
  void SuggestPath();
  void Create();
  void Fail(const wxString& message);

  std::vector<AvailableQuestionnaire> questionnaires_;
  wxListBox* list_ = nullptr;
  wxStaticText* title_ = nullptr;
  wxComboBox* state_ = nullptr;
  wxChoice* language_ = nullptr;
  wxCheckBox* previous_ = nullptr;
  wxFilePickerCtrl* previousFile_ = nullptr;
  wxFilePickerCtrl* file_ = nullptr;
  wxStaticText* error_ = nullptr;
  bool pathEdited_ = false;
  std::shared_ptr<ResponseModel> model_;
  std::string path_;
  wxString summary_;
};

}  // namespace focal::gui
