#include "app/gui/report_actions.h"

#include <wx/checkbox.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <array>
#include <filesystem>
#include <memory>

#include "app/gui/contribution_model.h"
#include "app/gui/document_model.h"
#include "app/gui/wx_text.h"
#include "export/report/report_assembly.h"
#include "export/response_export.h"
#include "forms/countries.h"

namespace focal::gui {

namespace {

struct FormatChoice {
  const char* format;
  wxString label;
  wxString wildcard;
};

std::array<FormatChoice, 8> Choices() {
  return {{{"report", _("National report to send to the secretariat (signed .focalreport)"),
            _("Focal national reports (*.focalreport)|*.focalreport")},
           {"pdf", _("PDF for national clearance and printing"), _("PDF documents (*.pdf)|*.pdf")},
           {"html", _("Web page (one HTML file)"), _("Web pages (*.html)|*.html")},
           {"xlsx", _("Excel workbook"), _("Excel workbooks (*.xlsx)|*.xlsx")},
           {"csv", _("CSV, one row per answer"), _("CSV files (*.csv)|*.csv")},
           {"json", _("JSON"), _("JSON files (*.json)|*.json")},
           {"sav", _("SPSS data file"), _("SPSS data files (*.sav)|*.sav")},
           {"dta", _("Stata data file"), _("Stata data files (*.dta)|*.dta")}}};
}

// The format and draft/final; false when cancelled.
bool AskFormat(wxWindow* parent, int& choice, bool& final) {
  wxDialog dialog(parent, wxID_ANY, _("Export the national report"));
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  wxArrayString labels;
  for (const auto& c : Choices()) labels.Add(c.label);
  auto* formats = new wxRadioBox(&dialog, wxID_ANY, _("What to write"), wxDefaultPosition, wxDefaultSize,
                                 labels, 1, wxRA_SPECIFY_COLS);
  formats->SetSelection(choice);
  sizer->Add(formats, 0, wxEXPAND | wxALL, dialog.FromDIP(10));
  auto* finalBox = new wxCheckBox(&dialog, wxID_ANY, _("&Final: every required question is answered"));
  finalBox->SetValue(final);
  sizer->Add(finalBox, 0, wxLEFT | wxRIGHT, dialog.FromDIP(10));
  auto* hint = new wxStaticText(
      &dialog, wxID_ANY, _("A draft can be exported at any time; it is marked as a draft on every page."));
  hint->Wrap(dialog.FromDIP(420));
  sizer->Add(hint, 0, wxALL, dialog.FromDIP(10));
  sizer->Add(dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, dialog.FromDIP(10));
  // The button says what it does (the next step asks where to write).
  if (wxWindow* ok = dialog.FindWindow(wxID_OK)) ok->SetLabel(_("E&xport..."));
  dialog.SetSizerAndFit(sizer);
  formats->SetFocus();
  if (dialog.ShowModal() != wxID_OK) return false;
  choice = formats->GetSelection();
  final = finalBox->GetValue();
  return true;
}

wxString DefaultName(ResponseModel& model, const std::string& format) {
  const auto& q = model.questionnaire();
  return FromUtf8(model.state() + "-" + q.info.id + exportExtension(format));
}

}  // namespace

bool CanExportReport(ResponseModel& model) {
  return DocumentOf(model) != nullptr && RequestOf(model) == nullptr;
}

bool WriteReport(ResponseModel& model, const std::string& format, const std::string& file, bool final,
                 wxString& message, wxWindow* progressParent) {
  DocumentModel* document = DocumentOf(model);
  if (!document || RequestOf(model)) {
    message = _("Only a response in a workspace can be exported. Open the workspace and try again.");
    return false;
  }
  std::unique_ptr<wxProgressDialog> progress;
  if (progressParent)
    progress =
        std::make_unique<wxProgressDialog>(_("Export the national report"), _("Gathering the answers..."), 3,
                                           progressParent, wxPD_APP_MODAL | wxPD_AUTO_HIDE);
  try {
    ResponseExportOptions options;
    options.format = format;
    options.output = file;
    options.final = final;
    options.language = model.session().language();
    const SigningKey key = SigningKey::loadOrCreate();
    ResponseExportResult result =
        exportResponse(document->workspace(), document->responseId(), options, key, [&](int done, int total) {
          if (progress)
            progress->Update(std::min(done, total),
                             done < 2 ? _("Checking the answers...") : _("Writing..."));
        });
    // The count the PDF prints on its cover, from the same session.
    const Progress counted = model.session().progress();
    message = wxString::Format(_("Written: %s (%d of %d questions answered)."), FromUtf8(file),
                               counted.answered, counted.relevant);
    if (format == "report")
      message += "\n\n" + wxString::Format(_("Signed with this installation's key %s. Send the file to the "
                                             "secretariat; the key's fingerprint is on the PDF's cover."),
                                           FromUtf8(key.fingerprint()));
    for (const auto& w : result.warnings) message += "\n" + FromUtf8(w);
    return true;
  } catch (const ReportNotReady& e) {
    message = wxString::Format(_("The reply cannot be exported as final yet: %zu questions need attention."),
                               e.problems().size());
    std::size_t shown = 0;
    for (const auto& p : e.problems()) {
      if (++shown > 12) {
        message += "\n" + _("... and more: the Review page lists them all.");
        break;
      }
      message += "\n" + FromUtf8(p.describe());
    }
    message += "\n\n" + _("Answer them (the Review page links to each), or export a draft.");
    return false;
  } catch (const std::exception& e) {
    message = FromUtf8(e.what());
    return false;
  }
}

void ExportReport(wxWindow* parent, ResponseModel& model) {
  static int choice = 0;
  static bool final = false;
  if (!AskFormat(parent, choice, final)) return;
  const FormatChoice format = Choices()[choice];
  wxFileDialog save(parent, _("Export the national report"), wxString(), DefaultName(model, format.format),
                    format.wildcard, wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (save.ShowModal() != wxID_OK) return;
  wxString message;
  if (WriteReport(model, format.format, ToUtf8(save.GetPath()), final, message, parent)) {
    wxMessageBox(message, _("Export the national report"), wxOK | wxICON_INFORMATION, parent);
    return;
  }
  if (!final) {
    wxMessageBox(message, _("Export the national report"), wxOK | wxICON_ERROR, parent);
    return;
  }
  wxMessageDialog ask(parent, message, _("Export the national report"), wxYES_NO | wxICON_WARNING);
  ask.SetYesNoLabels(_("Export a &draft"), _("&Not now"));
  if (ask.ShowModal() != wxID_YES) return;
  if (WriteReport(model, format.format, ToUtf8(save.GetPath()), false, message, parent))
    wxMessageBox(message, _("Export the national report"), wxOK | wxICON_INFORMATION, parent);
  else
    wxMessageBox(message, _("Export the national report"), wxOK | wxICON_ERROR, parent);
}

}  // namespace focal::gui
