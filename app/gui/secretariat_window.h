// The Secretariat window: the consolidated store of the national reports of
// many States, in three pages. Merge verifies report files and imports them
// (mergeReports, as `focal-cli merge`), with a progress bar and the result of
// every file; States and answers browses the current replies; Charts shows
// the analysis' charts (analysisDocument) and writes the analysis as
// `focal-cli analyze` does. Every operation opens the store anew, so a
// damaged store gives a message and never a crash.
#pragma once

#include <wx/bitmap.h>
#include <wx/frame.h>

#include <memory>
#include <string>
#include <vector>

#include "export/secretariat/analysis_data.h"
#include "export/secretariat/analysis_document.h"
#include "export/secretariat/consolidated_merge.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxListEvent;
class wxNotebook;
class wxScrolledWindow;
class wxStaticBitmap;
class wxStaticText;

namespace focal::gui {

class SecretariatWindow : public wxFrame {
 public:
  SecretariatWindow(wxWindow* parent, const std::string& storePath);

  const std::string& StorePath() const { return storePath_; }

  // Merge page. Merges the files (folders are searched for reports), lists
  // the result of every file and refreshes the other pages. With
  // `progress`, a progress dialog follows the files. Errors of the store
  // itself are shown in a message box unless `quiet`.
  MergeSummary MergeFiles(const std::vector<std::string>& files, bool allowUnsigned, bool progress = true,
                          bool quiet = false);
  wxListCtrl* MergeList() const { return mergeList_; }
  wxString MergeSummaryText() const;
  // Accepts the key of the held-back file in `row` of the merge list for its
  // State and merges the file again; with `confirm`, asks first with the
  // fingerprint shown. False when the row is not held back or it was cancelled.
  bool AcceptKeyOf(long row, bool confirm);
  // Registers the official questionnaire in `file` (reports are merged only
  // when their text is registered; the bundled ones are by themselves).
  // False with the reason in `message`; else `message` says what was done.
  bool RegisterQuestionnaire(const std::string& file, wxString& message);

  // States and answers page.
  wxChoice* StatesQuestionnaire() const { return statesQuestionnaire_; }
  wxListCtrl* StateList() const { return stateList_; }
  wxListCtrl* AnswerList() const { return answerList_; }
  void SelectQuestionnaire(const std::string& questionnaireId);  // on both pages
  void SelectState(int row);

  // Charts page.
  wxChoice* ChartChoice() const { return chartChoice_; }
  void SelectChart(int index);
  wxBitmap ChartBitmap() const;
  wxNotebook* Notebook() const { return notebook_; }
  // The last error message shown (or, while quiet, not shown).
  const wxString& LastError() const { return lastError_; }
  // Writes the analysis of the chosen questionnaire; false with a message.
  bool WriteAnalysis(const std::string& output, wxString& message);

 private:
  wxWindow* BuildMergePage(wxWindow* parent);
  wxWindow* BuildStatesPage(wxWindow* parent);
  wxWindow* BuildChartsPage(wxWindow* parent);
  void AddReports();
  void AddFolder();
  void ShowResults(const MergeSummary& summary);
  void RefreshQuestionnaires();
  void LoadQuestionnaire(const std::string& questionnaireId);
  void ChooseAnalysisFile();
  void Fail(const wxString& message);

  std::string storePath_;
  bool quiet_ = false;  // errors kept in lastError_, not shown (tests)
  wxString lastError_;
  wxNotebook* notebook_ = nullptr;
  // Merge
  wxCheckBox* allowUnsigned_ = nullptr;
  wxButton* acceptKey_ = nullptr;
  wxListCtrl* mergeList_ = nullptr;
  wxStaticText* summary_ = nullptr;
  MergeSummary last_;
  // States and answers
  wxChoice* statesQuestionnaire_ = nullptr;
  wxListCtrl* stateList_ = nullptr;
  wxListCtrl* answerList_ = nullptr;
  // Charts
  wxChoice* chartsQuestionnaire_ = nullptr;
  wxChoice* chartChoice_ = nullptr;
  wxScrolledWindow* chartPanel_ = nullptr;
  wxStaticBitmap* chart_ = nullptr;
  // The loaded questionnaire's replies and analysis.
  std::vector<std::string> questionnaireIds_;
  std::string questionnaireId_;
  std::unique_ptr<AnalysisInput> input_;
  std::unique_ptr<Analysis> analysis_;
  std::vector<charts::BarChart> charts_;
};

// Asks for the consolidated store (an existing one, or a new name) and
// shows its window.
void OpenSecretariat(wxWindow* parent);
// Shows the window of the store at `storePath` (created when missing);
// null, after a message, when the store cannot be opened.
SecretariatWindow* ShowSecretariat(const std::string& storePath);

}  // namespace focal::gui
