#include "app/gui/report_model.h"

#include <wx/intl.h>

#include <fstream>

#include "app/gui/translations.h"
#include "app/gui/wx_text.h"
#include "forms/countries.h"
#include "forms/questionnaire_loader.h"
#include "forms/stored_questionnaire.h"

namespace focal::gui {

std::shared_ptr<ReportModel> ReportModel::Open(const std::string& file, std::string* error) {
  auto model = std::shared_ptr<ReportModel>(new ReportModel);
  model->file_ = file;
  model->check_ = readReportFile(file);
  if (!model->check_.report) {
    *error = ToUtf8(wxString::Format(_("%s cannot be read as a national report: %s"), FromUtf8(file),
                                     FromUtf8(model->check_.reason)));
    return nullptr;
  }
  const ReportMetadata& metadata = model->check_.report->metadata;
  std::shared_ptr<const Questionnaire> questionnaire;
  try {
    questionnaire = loadStoredQuestionnaire(metadata.questionnaireText, metadata.questionnaireSha256,
                                            metadata.questionnaireId + ".yaml");
  } catch (const StoredQuestionnaireError&) {
    *error = ToUtf8(wxString::Format(
        _("The questionnaire kept in %s does not load, so the report cannot be shown."), FromUtf8(file)));
    return nullptr;
  }
  model->session_ = std::make_unique<ResponseSession>(questionnaire, metadata.language);
  model->session_->load(model->check_.report->answerMap());
  return model;
}

Outcome ReportModel::apply(const std::vector<AnswerWrite>&, const std::string&) {
  return {AnswerStatus::Refused, ToUtf8(_("A national report cannot be changed. Change the workspace it was "
                                          "exported from, and export it again."))};
}

SaveStatus ReportModel::saveStatus() const {
  const ReportMetadata& m = check_.report->metadata;
  const wxString who = FromUtf8(countryName(m.state, CurrentInterfaceLanguage()));
  wxString message = wxString::Format(_("National report of %s, exported on %s. It is shown read-only."), who,
                                      FromUtf8(m.exportDate()));
  switch (check_.verdict) {
    case ReportVerdict::Intact:
      message += " " + _("Its signature is valid: it is exactly as signed.");
      break;
    case ReportVerdict::Unsigned:
      message += " " + _("It is not signed.");
      break;
    case ReportVerdict::OtherKey:
      message += " " + _("It is signed, but not with the key expected.");
      break;
    case ReportVerdict::Altered:
      message +=
          " " + _("WARNING: it was changed after it was signed. Do not rely on it; ask for the file again.");
      break;
    case ReportVerdict::Unreadable:
      break;
  }
  return {SaveStatus::State::ReadOnly, 0, ToUtf8(message), {}};
}

std::optional<AttachedFile> ReportModel::attachedFile(const std::string& path) {
  const ReportAttachment* a = check_.report->attachment(path);
  if (!a) return std::nullopt;
  return AttachedFile{a->name, a->type, a->sha256, a->data.size()};
}

bool ReportModel::extractAttachment(const std::string& path, const std::string& file) {
  const ReportAttachment* a = check_.report->attachment(path);
  if (!a) return false;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(a->data.data()), static_cast<std::streamsize>(a->data.size()));
  return static_cast<bool>(out);
}

}  // namespace focal::gui
