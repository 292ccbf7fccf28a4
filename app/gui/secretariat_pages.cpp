// The Secretariat window's States and answers page and its Charts page: both
// show the questionnaire chosen on either, read from the store with
// loadAnalysisInput and analysed with analyse, as `focal-cli analyze` does.
#include <wx/bitmap.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/image.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/mstream.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <variant>

#include "app/gui/accessibility.h"
#include "app/gui/secretariat_window.h"
#include "app/gui/translations.h"
#include "app/gui/wx_text.h"
#include "forms/answer_text.h"

namespace focal::gui {

namespace {

// The question an answer path belongs to: "q_5/other" and "q@status" to "q_5", "q".
std::string QuestionOf(const std::string& path) { return path.substr(0, path.find_first_of("/@[")); }

wxChoice* QuestionnaireChoice(wxWindow* page, const wxString& label, wxSizer* sizer) {
  auto* text = new wxStaticText(page, wxID_ANY, label);
  auto* choice = new wxChoice(page, wxID_ANY);
  SetAccessibleName(choice, text->GetLabelText());
  sizer->Add(text, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, page->FromDIP(6));
  sizer->Add(choice, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, page->FromDIP(16));
  return choice;
}

}  // namespace

wxWindow* SecretariatWindow::BuildStatesPage(wxWindow* parent) {
  auto* page = new wxPanel(parent);
  auto* top = new wxBoxSizer(wxHORIZONTAL);
  statesQuestionnaire_ = QuestionnaireChoice(page, _("Questionnaire:"), top);
  statesQuestionnaire_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
    if (e.GetSelection() >= 0)
      SelectQuestionnaire(questionnaireIds_[static_cast<std::size_t>(e.GetSelection())]);
  });
  stateList_ =
      new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  SetAccessibleName(stateList_, _("States that replied"));
  stateList_->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, FromDIP(60));
  stateList_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(170));
  stateList_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(60));
  stateList_->AppendColumn(_("Exported"), wxLIST_FORMAT_LEFT, FromDIP(90));
  stateList_->Bind(wxEVT_LIST_ITEM_SELECTED,
                   [this](wxListEvent& e) { SelectState(static_cast<int>(e.GetIndex())); });
  answerList_ =
      new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
  SetAccessibleName(answerList_, _("Answers of the chosen State"));
  answerList_->AppendColumn(_("Question"), wxLIST_FORMAT_LEFT, FromDIP(175));
  answerList_->AppendColumn(_("Label"), wxLIST_FORMAT_LEFT, FromDIP(240));
  answerList_->AppendColumn(_("Answer"), wxLIST_FORMAT_LEFT, FromDIP(200));
  auto* lists = new wxBoxSizer(wxHORIZONTAL);
  lists->Add(stateList_, 2, wxEXPAND | wxRIGHT, FromDIP(8));
  lists->Add(answerList_, 3, wxEXPAND);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(8));
  sizer->Add(lists, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
  page->SetSizer(sizer);
  return page;
}

wxWindow* SecretariatWindow::BuildChartsPage(wxWindow* parent) {
  auto* page = new wxPanel(parent);
  auto* top = new wxBoxSizer(wxHORIZONTAL);
  chartsQuestionnaire_ = QuestionnaireChoice(page, _("Questionnaire:"), top);
  chartsQuestionnaire_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
    if (e.GetSelection() >= 0)
      SelectQuestionnaire(questionnaireIds_[static_cast<std::size_t>(e.GetSelection())]);
  });
  chartChoice_ = QuestionnaireChoice(page, _("Chart:"), top);
  chartChoice_->SetMinSize(FromDIP(wxSize(320, -1)));
  SetAccessibleName(chartChoice_, _("Chart"));
  chartChoice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) { SelectChart(e.GetSelection()); });
  auto* write = new wxButton(page, wxID_ANY, _("Write the analysis..."));
  write->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ChooseAnalysisFile(); });
  top->Add(write, 0, wxALIGN_CENTER_VERTICAL);
  chartPanel_ = new wxScrolledWindow(page, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(400, 300)),
                                     wxVSCROLL | wxHSCROLL);
  chartPanel_->SetBackgroundColour(*wxWHITE);
  chartPanel_->SetScrollRate(FromDIP(10), FromDIP(10));
  chart_ = new wxStaticBitmap(chartPanel_, wxID_ANY, wxNullBitmap);
  auto* inner = new wxBoxSizer(wxVERTICAL);
  inner->Add(chart_, 0, wxALL, FromDIP(8));
  chartPanel_->SetSizer(inner);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(8));
  sizer->Add(chartPanel_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
  page->SetSizer(sizer);
  return page;
}

void SecretariatWindow::RefreshQuestionnaires() {
  std::vector<std::string> ids;
  try {
    ConsolidatedStore store(storePath_, ConsolidatedStore::Options{true, false, false});
    std::set<std::string> seen;
    for (const auto& r : store.reports({}, true))
      if (seen.insert(r.questionnaireId).second) ids.push_back(r.questionnaireId);
  } catch (const std::exception& e) {
    Fail(wxString::Format(_("The questionnaires of %s cannot be read: %s\n\nCheck that the file is a Focal "
                            "consolidated store, or open another one."),
                          FromUtf8(storePath_), FromUtf8(e.what())));
  }
  if (ids == questionnaireIds_ && input_) {
    LoadQuestionnaire(questionnaireId_);  // new replies may have come
    return;
  }
  questionnaireIds_ = ids;
  for (wxChoice* choice : {statesQuestionnaire_, chartsQuestionnaire_}) {
    choice->Clear();
    for (const auto& id : ids) choice->Append(FromUtf8(id));
  }
  const std::string keep =
      std::find(ids.begin(), ids.end(), questionnaireId_) != ids.end() ? questionnaireId_ : std::string();
  SelectQuestionnaire(keep.empty() && !ids.empty() ? ids.front() : keep);
}

void SecretariatWindow::SelectQuestionnaire(const std::string& questionnaireId) {
  const auto it = std::find(questionnaireIds_.begin(), questionnaireIds_.end(), questionnaireId);
  const int index =
      it == questionnaireIds_.end() ? wxNOT_FOUND : static_cast<int>(it - questionnaireIds_.begin());
  statesQuestionnaire_->SetSelection(index);
  chartsQuestionnaire_->SetSelection(index);
  LoadQuestionnaire(index == wxNOT_FOUND ? std::string() : questionnaireId);
}

void SecretariatWindow::LoadQuestionnaire(const std::string& questionnaireId) {
  questionnaireId_ = questionnaireId;
  input_.reset();
  analysis_.reset();
  charts_.clear();
  if (!questionnaireId.empty()) {
    try {
      ConsolidatedStore store(storePath_, ConsolidatedStore::Options{true, false, false});
      const std::string groups = RegionalGroups::defaultPath();
      if (groups.empty())
        throw std::runtime_error(ToUtf8(
            _("the list of UN regional groups (un-regional-groups.yaml) is not installed; reinstall Focal")));
      // Worded in the interface's language, right to left in Arabic.
      input_ = std::make_unique<AnalysisInput>(loadAnalysisInput(
          store, questionnaireId, RegionalGroups::load(groups), CurrentInterfaceLanguage()));
      analysis_ = std::make_unique<Analysis>(analyse(*input_));
      std::string heading;
      for (auto& block : analysisDocument(*analysis_).blocks) {
        if (auto* h = std::get_if<DocHeading>(&block)) heading = h->text;
        if (auto* c = std::get_if<DocChart>(&block)) {
          if (c->chart.title.empty()) c->chart.title = heading;
          charts_.push_back(std::move(c->chart));
        }
      }
    } catch (const std::exception& e) {
      input_.reset();
      analysis_.reset();
      charts_.clear();
      Fail(wxString::Format(
          _("The replies to %s cannot be read from %s: %s\n\nThe store may be damaged: merge "
            "the reports again into a new store."),
          FromUtf8(questionnaireId), FromUtf8(storePath_), FromUtf8(e.what())));
    }
  }
  stateList_->DeleteAllItems();
  answerList_->DeleteAllItems();
  if (input_) {
    for (const auto& reply : input_->current.replies) {
      const long row = stateList_->InsertItem(stateList_->GetItemCount(), FromUtf8(printable(reply.state)));
      stateList_->SetItem(row, 1, FromUtf8(input_->groups.stateName(reply.state)));
      stateList_->SetItem(row, 2, FromUtf8(printable(reply.status)));
      stateList_->SetItem(row, 3, FromUtf8(printable(reply.exportedAt.substr(0, 10))));
    }
  }
  chartChoice_->Clear();
  for (const auto& c : charts_) chartChoice_->Append(FromUtf8(c.title));
  SelectChart(charts_.empty() ? wxNOT_FOUND : 0);
}

void SecretariatWindow::SelectState(int row) {
  if (input_ && row >= 0 && static_cast<std::size_t>(row) < input_->current.replies.size() &&
      stateList_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED) != row)
    stateList_->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);  // may call back here
  answerList_->DeleteAllItems();
  if (!input_ || row < 0 || static_cast<std::size_t>(row) >= input_->current.replies.size()) return;
  const Questionnaire& q = *input_->current.questionnaire;
  for (const auto& [path, value] : input_->current.replies[static_cast<std::size_t>(row)].answers) {
    // A State's text: control and bidi characters shown, not obeyed.
    const long item = answerList_->InsertItem(answerList_->GetItemCount(), FromUtf8(printable(path)));
    if (const Question* question = q.find(QuestionOf(path)))
      answerList_->SetItem(item, 1, Localized(question->label, input_->language, q));
    answerList_->SetItem(item, 2, FromUtf8(printable(value)));
  }
}

void SecretariatWindow::SelectChart(int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= charts_.size()) {
    chart_->SetBitmap(wxNullBitmap);
    chartPanel_->FitInside();
    return;
  }
  chartChoice_->SetSelection(index);
  if (!wxImage::FindHandler(wxBITMAP_TYPE_PNG)) wxImage::AddHandler(new wxPNGHandler);
  const double scale = 4.0 / 3.0 * GetContentScaleFactor();  // points to pixels
  const int pixels = std::max(chartPanel_->GetClientSize().x - FromDIP(30), FromDIP(560));
  try {
    const std::string png = charts::chartPng(charts_[static_cast<std::size_t>(index)], pixels / scale, scale);
    wxMemoryInputStream stream(png.data(), png.size());
    wxImage image(stream, wxBITMAP_TYPE_PNG);
    if (!image.IsOk()) throw std::runtime_error("the chart could not be drawn");
    chart_->SetBitmap(wxBitmap(image));
  } catch (const std::exception& e) {
    chart_->SetBitmap(wxNullBitmap);
    Fail(wxString::Format(
        _("The chart cannot be shown: %s\n\nWrite the analysis as a PDF or HTML file instead."),
        FromUtf8(e.what())));
  }
  chartPanel_->FitInside();
  chartPanel_->Layout();
  chartPanel_->Refresh();
}

wxBitmap SecretariatWindow::ChartBitmap() const { return chart_->GetBitmap(); }

bool SecretariatWindow::WriteAnalysis(const std::string& output, wxString& message) {
  if (!analysis_) {
    message =
        _("Choose a questionnaire with replies first: merge national reports into the store on the Merge "
          "page.");
    return false;
  }
  std::string ext = wxFileName(FromUtf8(output)).GetExt().Lower().utf8_string();
  const AnalysisFormat format = ext == "xlsx"                   ? AnalysisFormat::Xlsx
                                : ext == "html" || ext == "htm" ? AnalysisFormat::Html
                                : ext == "pdf"                  ? AnalysisFormat::Pdf
                                                                : AnalysisFormat::Csv;
  std::string target = output;
  try {
    if (format == AnalysisFormat::Csv) {  // a folder of CSV files, named after the file chosen
      target = (std::filesystem::path(output).parent_path() / std::filesystem::path(output).stem()).string();
      std::filesystem::create_directories(target);
    }
    writeAnalysis(*analysis_, format, target);
  } catch (const std::exception& e) {
    message =
        wxString::Format(_("The analysis could not be written to %s: %s\n\nChoose another file or folder "
                           "where you can write, and try again."),
                         FromUtf8(target), FromUtf8(e.what()));
    return false;
  }
  message = wxString::Format(_("Wrote the analysis of %zu replies to %s to %s."), analysis_->states.size(),
                             FromUtf8(questionnaireId_), FromUtf8(target));
  if (format == AnalysisFormat::Csv) message += _(" (one CSV file per table)");
  return true;
}

void SecretariatWindow::ChooseAnalysisFile() {
  if (!analysis_) {
    Fail(
        _("Choose a questionnaire with replies first: merge national reports into the store on the Merge "
          "page."));
    return;
  }
  wxFileDialog dialog(this, _("Write the analysis"), wxString(),
                      FromUtf8(questionnaireId_ + "-analysis.xlsx"),
                      _("Excel workbook (*.xlsx)|*.xlsx|CSV files, one per table (*.csv)|*.csv|"
                        "Web page (*.html)|*.html|PDF document (*.pdf)|*.pdf"),
                      wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (dialog.ShowModal() != wxID_OK) return;
  wxFileName name(dialog.GetPath());
  static const char* const kExtensions[] = {"xlsx", "csv", "html", "pdf"};
  const int filter = dialog.GetFilterIndex();
  if (filter >= 0 && filter < 4 && name.GetExt().Lower() != kExtensions[filter])
    name.SetExt(kExtensions[filter]);
  wxString message;
  if (WriteAnalysis(ToUtf8(name.GetFullPath()), message))
    wxMessageBox(message, _("Secretariat"), wxOK | wxICON_INFORMATION, this);
  else
    Fail(message);
}

}  // namespace focal::gui
