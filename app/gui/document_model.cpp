#include "app/gui/document_model.h"

#include <wx/config.h>
#include <wx/filename.h>
#include <wx/intl.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "app/gui/wx_text.h"
#include "forms/answer_text.h"
#include "forms/focal_point.h"

namespace focal::gui {

namespace {

// The store keeps the language a response was started in; a later choice
// is remembered here, per workspace file and response.
wxString LanguageKey(const std::string& file, ResponseId id) {
  return wxString::Format("/ResponseLanguages/%s-%lld", FromUtf8(sha256Hex(file).substr(0, 16)),
                          static_cast<long long>(id));
}

std::string MimeType(const std::string& name) {
  const wxString extension = wxFileName(FromUtf8(name)).GetExt().Lower();
  static const std::map<wxString, std::string> known = {
      {"pdf", "application/pdf"},
      {"doc", "application/msword"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"odt", "application/vnd.oasis.opendocument.text"},
      {"rtf", "application/rtf"},
      {"txt", "text/plain"},
      {"xls", "application/vnd.ms-excel"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
      {"csv", "text/csv"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"png", "image/png"},
  };
  auto it = known.find(extension);
  return it == known.end() ? "application/octet-stream" : it->second;
}

}  // namespace

DocumentModel::DocumentModel(std::unique_ptr<Workspace> workspace, ResponseId id, DocumentOptions options)
    : workspace_(std::move(workspace)), id_(id), info_(workspace_->response(id)) {
  document_ = std::make_unique<ResponseDocument>(*workspace_, id_, std::move(options));
  statusSubscription_ =
      document_->subscribeStatus([this](const DocumentStatus&) { statusChanges_.publish(saveStatus()); });
  // A store in memory (a preview) has no file to remember its language for.
  wxString language;
  if (workspace_->inMemory() || !wxConfigBase::Get()->Read(LanguageKey(workspace_->path(), id_), &language))
    language = FromUtf8(info_.language);
  const auto& languages = document_->questionnaire().info.languages;
  if (!language.empty() &&
      std::find(languages.begin(), languages.end(), ToUtf8(language)) != languages.end() &&
      ToUtf8(language) != document_->session().language())
    setLanguage(ToUtf8(language));
  focalPointQuestion_ = focalPointQuestion(document_->questionnaire());
  UsePreparerName();
}

std::string DocumentModel::PreparerName() const {
  if (!focalPointQuestion_.empty()) {
    if (std::string answered = trimmedText(document_->session().value(focalPointQuestion_));
        !answered.empty())
      return answered;
  }
  wxString name;
  wxConfigBase::Get()->Read("/Preparer/Name", &name);
  return ToUtf8(name.Trim(true).Trim(false));
}

void DocumentModel::SetPreparerName(const std::string& name) {
  wxConfigBase::Get()->Write("/Preparer/Name", FromUtf8(name));
  wxConfigBase::Get()->Flush();
  UsePreparerName();
}

void DocumentModel::UsePreparerName() {
  // Written with each change (the history's Who) and printed by the exports.
  if (const std::string name = PreparerName(); !name.empty()) workspace_->setUser(name);
}

DocumentModel::~DocumentModel() {
  statusSubscription_.reset();
  document_.reset();  // writes what is pending, before the workspace closes
  workspace_.reset();
}

Outcome DocumentModel::apply(const std::vector<AnswerWrite>& writes, const std::string& mergeKey) {
  // The focal point typing their own name is already them in the history.
  if (!focalPointQuestion_.empty())
    for (const auto& write : writes)
      if (std::string name = trimmedText(write.value); write.path == focalPointQuestion_ && !name.empty())
        workspace_->setUser(std::move(name));
  Outcome outcome;
  // The document merges consecutive single writes to one path (keystrokes).
  if (!mergeKey.empty() && writes.size() == 1) {
    outcome = document_->answer(writes.front().path, writes.front().value);
  } else {
    document_->sealUndoStep();
    outcome = document_->apply(writes);
  }
  if (!focalPointQuestion_.empty())
    for (const auto& write : writes)
      if (write.path == focalPointQuestion_) UsePreparerName();
  return outcome;
}

void DocumentModel::setLanguage(const std::string& language) {
  // ResponseDocument exposes its session read-only and has no setLanguage
  // yet; the language only changes the messages the session computes.
  const_cast<ResponseSession&>(document_->session()).setLanguage(language);
  if (!workspace_->readOnly() && !workspace_->inMemory()) {
    wxConfigBase::Get()->Write(LanguageKey(workspace_->path(), id_), FromUtf8(language));
    wxConfigBase::Get()->Flush();
  }
}

SaveStatus DocumentModel::saveStatus() const {
  const DocumentStatus& status = document_->status();
  SaveStatus out;
  switch (status.state) {
    case SaveState::Saved:
      out.state = SaveStatus::State::Saved;
      break;
    case SaveState::Pending:
      out.state = SaveStatus::State::Pending;
      break;
    case SaveState::ReadOnly:
      out.state = SaveStatus::State::ReadOnly;
      break;
  }
  out.pending = status.pendingAnswers;
  out.message = status.message;
  out.warning = status.backupWarning;
  return out;
}

std::vector<HistoryItem> DocumentModel::history(const std::string& questionId) {
  std::vector<HistoryItem> out;
  for (const auto& entry : workspace_->history(id_, questionId))
    out.push_back({entry.path, entry.value, entry.changedBy, entry.changedAt, entry.description});
  return out;
}

void DocumentModel::attach(const std::string& path, const std::string& file, std::uint64_t maxBytes) {
  const std::string name = std::filesystem::path(file).filename().string();
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (error) throw std::runtime_error(ToUtf8(wxString::Format(_("%s could not be read."), FromUtf8(name))));
  if (size > maxBytes)
    throw std::runtime_error(ToUtf8(wxString::Format(
        _("%s is %s; files for this question can be at most %s. Attach a smaller file, or a part of it."),
        FromUtf8(name), wxFileName::GetHumanReadableSize(wxULongLong(size)),
        wxFileName::GetHumanReadableSize(wxULongLong(maxBytes)))));
  std::ifstream in(file, std::ios::binary);
  std::vector<unsigned char> data(size);
  if (!in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(size)))
    throw std::runtime_error(ToUtf8(wxString::Format(_("%s could not be read."), FromUtf8(name))));
  document_->attach(path, name, MimeType(name), data);
}

std::optional<AttachedFile> DocumentModel::attachedFile(const std::string& path) {
  const std::string name = document_->session().value(path);
  if (name.empty()) return std::nullopt;
  const std::string key = path + "\n" + name;
  if (auto it = attachedCache_.find(key); it != attachedCache_.end()) return it->second;
  try {
    auto attachment = workspace_->attachment(id_, path);
    if (!attachment) return std::nullopt;
    AttachedFile file{attachment->info.name, attachment->info.type, attachment->info.sha256,
                      attachment->info.size};
    attachedCache_[key] = file;
    return file;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool DocumentModel::extractAttachment(const std::string& path, const std::string& file) {
  try {
    auto attachment = workspace_->attachment(id_, path);
    if (!attachment) return false;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(attachment->data.data()),
              static_cast<std::streamsize>(attachment->data.size()));
    return static_cast<bool>(out);
  } catch (const std::exception&) {
    return false;
  }
}

std::vector<std::string> DocumentModel::openingWarnings() const {
  std::vector<std::string> out;
  for (const auto& warning : workspace_->warnings())
    if (warning != workspace_->closedImproperly()) out.push_back(warning);
  // In the user's words, without the machine, the user or the process.
  if (!workspace_->closedImproperly().empty())
    out.insert(out.begin(), ToUtf8(_("Focal was not closed properly last time. Every answer it had saved "
                                     "before then is still here; check the last one you typed.")));
  if (workspace_->lockedBy())
    out.push_back(
        ToUtf8(wxString::Format(_("This workspace is open in another program (%s), so it was opened "
                                  "read-only. Close it there to make changes here."),
                                FromUtf8(workspace_->lockedBy()->describe()))));
  return out;
}

// ---- the author's preview ---------------------------------------------------

PreviewModel::Store PreviewModel::MakeStore(const Questionnaire& questionnaire, const std::string& language,
                                            const std::map<std::string, std::string>& answers) {
  Store store;
  store.workspace = Workspace::createInMemory();
  store.id = store.workspace->createResponse(questionnaire, kState, language, answers);
  return store;
}

PreviewModel::PreviewModel(std::shared_ptr<const Questionnaire> questionnaire, std::string language,
                           std::map<std::string, std::string> answers)
    : PreviewModel(MakeStore(*questionnaire, language, answers), questionnaire) {}

PreviewModel::PreviewModel(Store store, std::shared_ptr<const Questionnaire> questionnaire)
    : DocumentModel(std::move(store.workspace), store.id,
                    [&] {
                      // The questionnaire as the author's file gave it, not parsed again from the store.
                      DocumentOptions options;
                      options.questionnaire = questionnaire;
                      return options;
                    }()),
      file_(questionnaire->sourceName) {}

SaveStatus PreviewModel::saveStatus() const {
  SaveStatus status = DocumentModel::saveStatus();
  if (status.state == SaveStatus::State::Saved) status.state = SaveStatus::State::Memory;
  return status;
}

}  // namespace focal::gui
