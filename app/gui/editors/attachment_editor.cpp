// attachment: a file kept in the workspace (add, open, remove). In a
// preview there is no workspace, so the buttons say where files can go.
#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/mimetype.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include <stdexcept>

#include "app/gui/editors/editors.h"
#include "app/gui/label_wrap.h"
#include "app/gui/wx_text.h"
#include "export/report/national_report.h"
#include "forms/questionnaire_loader.h"

namespace focal::gui {

namespace {

class AttachmentEditor : public QuestionEditor {
 public:
  using QuestionEditor::QuestionEditor;

 protected:
  void BuildInput(wxWindow* parent, wxBoxSizer* sizer) override {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    file_ = MakeLabel(parent, _("No file attached."));
    add_ = new wxButton(parent, wxID_ANY, _("Attach a file..."));
    open_ = new wxButton(parent, wxID_ANY, _("Open"));
    remove_ = new wxButton(parent, wxID_ANY, _("Remove"));
    Describe(add_, _("Attach a file..."));
    Describe(open_, _("Open the attached file"));
    Describe(remove_, _("Remove the attached file"));
    row->Add(add_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, Dip(4, parent));
    row->Add(open_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, Dip(4, parent));
    row->Add(remove_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, Dip(10, parent));
    row->Add(file_, 1, wxALIGN_CENTER_VERTICAL);
    sizer->Add(row, 0, wxEXPAND | wxTOP | wxBOTTOM, Dip(2, parent));
    if (!host_.Model().keepsAttachments()) {
      SetWrappedLabel(file_, _("Files can be attached in a workspace, not in a preview."), 0);
      add_->Disable();
    }
    add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Add(); });
    open_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Open(); });
    remove_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
      WriteValue("");
      host_.Notify(_("The file was removed from this answer. Undo brings it back."));
      add_->SetFocus();
    });
  }

  void Add() {
    wxString wildcard;
    if (!question_.allowedTypes.empty()) {
      wxString patterns;
      for (const auto& type : question_.allowedTypes)
        patterns += (patterns.empty() ? "*." : ";*.") + FromUtf8(type);
      wildcard = _("Allowed files") + " (" + patterns + ")|" + patterns + "|";
    }
    wildcard += _("All files") + " (*)|*";
    wxFileDialog dialog(panel_, _("Attach a file"), wxString(), wxString(), wildcard,
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    const std::uint64_t cap =
        question_.maxBytes ? question_.maxBytes : limits::kDefaultAttachmentMb * std::uint64_t{1024} * 1024;
    try {
      host_.FlushTyping();
      host_.Model().attach(PartPath(), ToUtf8(dialog.GetPath()), cap);
      host_.Notify(wxString::Format(_("%s is attached."), dialog.GetFilename()));
    } catch (const std::exception& e) {
      SetError(FromUtf8(e.what()));
      host_.Relayout();
    }
  }

  void Open() {
    auto info = host_.Model().attachedFile(PartPath());
    if (!info) return;
    const wxString directory = wxFileName::GetTempDir() + "/focal-attachments";
    wxFileName::Mkdir(directory, wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    // The stored name may come from a report or a contribution: no folders,
    // no leading dots, no control or bidirectional characters.
    const wxString name = FromUtf8(safeFileName(info->name));
    const wxString file = directory + "/" + name;
    if (!host_.Model().extractAttachment(PartPath(), ToUtf8(file)) || !wxLaunchDefaultApplication(file))
      host_.Notify(wxString::Format(_("%s could not be opened."), name));
  }

  bool SetValue(const ResponseSession& session) override {
    const std::string name = session.value(PartPath());
    const bool attached = !name.empty();
    if (attached) {
      wxString text = FromUtf8(name);
      if (auto info = host_.Model().attachedFile(PartPath()); info && info->size > 0)
        text += " (" + wxFileName::GetHumanReadableSize(wxULongLong(info->size)) + ")";
      SetWrappedLabel(file_, text, 0);
    } else if (host_.Model().keepsAttachments()) {
      SetWrappedLabel(file_, _("No file attached."), 0);
    }
    open_->Enable(attached && inputOn_ && host_.Model().keepsAttachments());
    remove_->Enable(attached && inputOn_);
    add_->SetLabel(attached ? _("Replace...") : _("Attach a file..."));
    return true;
  }
  void EnableInput(bool enable) override {
    inputOn_ = enable;
    add_->Enable(enable && host_.Model().keepsAttachments());
    const bool attached = !Session().value(PartPath()).empty();
    open_->Enable(enable && attached && host_.Model().keepsAttachments());
    remove_->Enable(enable && attached);
  }
  wxWindow* FirstInput() const override { return add_; }

 private:
  wxStaticText* file_ = nullptr;
  wxButton* add_ = nullptr;
  wxButton* open_ = nullptr;
  wxButton* remove_ = nullptr;
  bool inputOn_ = true;
};

}  // namespace

std::unique_ptr<QuestionEditor> MakeAttachmentEditor(EditorHost& host, const Question& question,
                                                     const std::string& path) {
  return std::make_unique<AttachmentEditor>(host, question, path);
}

}  // namespace focal::gui
