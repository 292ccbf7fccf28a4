#include "export/report/offer_sources.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "export/report/report_file.h"
#include "forms/date_words.h"
#include "forms/i18n.h"
#include "forms/questionnaire_loader.h"

namespace focal {

namespace {

using Kind = WorkspaceError::Kind;

OfferSource responseSource(const std::shared_ptr<Workspace>& workspace, const ResponseInfo& info) {
  OfferSource s;
  s.file = workspace->path();
  s.questionnaire = workspace->questionnaire(info.id);
  s.state = info.state;
  s.answers = workspace->storedAnswers(info.id);
  Workspace* ws = workspace.get();
  const ResponseId id = info.id;
  s.attachment = [ws, id](const std::string& path) { return ws->attachment(id, path); };
  s.keepAlive = workspace;
  return s;
}

bool startsWithSqlite(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  char head[16] = {};
  in.read(head, sizeof head);
  return in.gcount() == 16 && std::string(head, 15) == "SQLite format 3";
}

std::vector<OfferSource> reportSources(const std::string& file, const std::string& state) {
  ReportCheck check = readReportFile(file);
  if (!check.intact() || !check.report)
    throw WorkspaceError(Kind::Refused,
                         msg("{} does not verify ({}: {}), so its answers are not offered. Ask for a copy "
                             "of the report as it was signed, and check it with focal-cli verify.",
                             file, verdictKey(check.verdict), check.reason));
  auto report = std::make_shared<NationalReport>(std::move(*check.report));
  if (report->metadata.state != state)
    throw WorkspaceError(Kind::Refused,
                         msg("{} is the report of {}, not of {}: answers are offered only from "
                             "the same State's replies. Choose a report of {}.",
                             file, report->metadata.state, state, state));
  LoadResult loaded = loadQuestionnaireText(report->metadata.questionnaireText, file);
  if (!loaded.ok())
    throw WorkspaceError(Kind::Refused, msg("{}: the questionnaire kept in the report cannot be read ({} "
                                            "errors), so its answers are not offered.",
                                            file, loaded.errorCount()));
  OfferSource s;
  s.file = file;
  s.questionnaire = loaded.questionnaire;
  s.state = state;
  for (const auto& a : report->answers) s.answers.push_back({a.path, a.value, a.changedBy, a.changedAt});
  NationalReport* r = report.get();
  s.attachment = [r](const std::string& path) -> std::optional<Attachment> {
    const ReportAttachment* a = r->attachment(path);
    if (!a) return std::nullopt;
    Attachment out;
    out.info.path = a->path;
    out.info.name = a->name;
    out.info.type = a->type;
    out.info.sha256 = a->sha256;
    out.info.size = a->data.size();
    out.data = a->data;
    return out;
  };
  s.keepAlive = report;
  return {std::move(s)};
}

}  // namespace

std::vector<OfferSource> workspaceSources(Workspace& workspace, const std::string& state,
                                          ResponseId exclude) {
  // Not owned: the caller keeps the workspace open while the sources are used.
  std::shared_ptr<Workspace> ws(&workspace, [](Workspace*) {});
  std::vector<OfferSource> out;
  for (const auto& info : workspace.responses())
    if (info.id != exclude && info.state == state) out.push_back(responseSource(ws, info));
  return out;
}

std::vector<OfferSource> fileSources(const std::string& file, const std::string& state) {
  if (!std::filesystem::exists(file))
    throw WorkspaceError(Kind::NotFound, msg("{} does not exist; give the path of a workspace (.focal) or a "
                                             "national report (.focalreport).",
                                             file));
  if (!startsWithSqlite(file) || std::filesystem::path(file).extension() == kReportExtension)
    return reportSources(file, state);
  WorkspaceOptions options;
  options.readOnly = true;
  options.backupOnClose = false;
  std::shared_ptr<Workspace> ws;
  try {
    ws = Workspace::open(file, options);
  } catch (const WorkspaceError& e) {
    if (e.kind() != Kind::NotWorkspace) throw;
    return reportSources(file, state);  // a report is SQLite too
  }
  std::vector<OfferSource> out;
  std::vector<std::string> others;
  for (const auto& info : ws->responses()) {
    if (info.state == state)
      out.push_back(responseSource(ws, info));
    else
      others.push_back(info.state);
  }
  if (out.empty()) {
    std::string list;
    for (const auto& o : others) list += (list.empty() ? "" : ", ") + o;
    throw WorkspaceError(
        Kind::Refused,
        others.empty()
            ? msg("{} holds no response, so it has no answers to offer.", file)
            : msg("{} holds the replies of {}, not of {}: answers are offered only from the same State's "
                  "replies. Choose a workspace of {}.",
                  file, list, state, state));
  }
  return out;
}

std::string instrumentInWords(Instrument instrument) {
  switch (instrument) {
    case Instrument::Convention:
      return tr("the Convention");
    case Instrument::Tip:
      return tr("the Trafficking in Persons Protocol");
    case Instrument::Som:
      return tr("the Smuggling of Migrants Protocol");
    case Instrument::Firearms:
      return tr("the Firearms Protocol");
  }
  return {};
}

std::string offerSentence(const Offer& offer) {
  const std::string day = dateInWords(offer.answeredAt);  // "3 May"; the --json keeps answered_at ISO
  return offer.answeredBy.empty()
             ? msg("Answered for {} (cycle {}) on {}", instrumentInWords(offer.instrument), offer.cycle, day)
             : msg("Answered for {} (cycle {}) on {} by {}", instrumentInWords(offer.instrument), offer.cycle,
                   day, offer.answeredBy);
}

std::string offerStatusSentence(const Offer& offer) {
  switch (offer.status) {
    case OfferStatus::Available:
      return {};
    case OfferStatus::Differs:
      return tr("answered otherwise here");
    case OfferStatus::ChangedSinceTaken:
      return tr("changed in the other reply since you took it");
    case OfferStatus::ChangedSinceTakenFromHere:
      return msg("changed in the reply for {} since it was taken from here",
                 instrumentInWords(offer.instrument));
    case OfferStatus::Taken:
      return tr("taken from the other reply");
    case OfferStatus::Same:
      return tr("the same answer is given here");
  }
  return {};
}

std::string recordsSentence(const Offer& offer) {
  std::string out = plural(offer.records, "record", "records");
  if (offer.newRecords) out += "; " + msg("to add: {}", offer.newRecords);
  if (!offer.conflicts.empty())
    out += "; " + msg("answered otherwise here (kept unless replaced): {}", offer.conflicts.size());
  return out;
}

}  // namespace focal
