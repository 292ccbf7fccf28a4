#include "export/contribution/contribution_import.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "export/contribution/contribution_internal.h"
#include "export/contribution/contribution_merge.h"
#include "export/contribution/contribution_scope.h"
#include "forms/answer_path.h"
#include "forms/answer_text.h"
#include "forms/answer_value.h"

namespace focal {

using contribution_detail::shortList;
using Kind = ContributionError::Kind;
using Answers = std::map<std::string, std::string>;

namespace {

std::string fileName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string day(const std::string& iso) { return iso.substr(0, 10); }

// Who the agency's answers are written by, so that the history shows where
// they came from: the agency's person, and who imported them.
std::string contributorAuthor(const Workspace& workspace, const std::string& person,
                              const std::string& agency) {
  return msg("{} (contribution, imported by {})", contributorLabel(person, agency), workspace.user());
}

bool isAttachmentValue(const Questionnaire& q, const std::string& path) {
  auto parsed = parseAnswerPath(path);
  if (!parsed || !parsed->mark.empty() || !parsed->part.empty()) return false;
  const Question* question = q.find(parsed->question);
  return question && question->type == QuestionType::Attachment;
}

// Writes `writes` in one undo step: values first, then attached files
// (whose records must exist by then). The history keeps `description` with each.
void writeAnswers(ResponseDocument& document, const std::vector<AnswerWrite>& writes,
                  const std::vector<ContributedFile>& files, const std::string& author,
                  const std::string& description) {
  const Questionnaire& q = document.questionnaire();
  std::vector<AnswerWrite> values;
  std::vector<const ContributedFile*> attachments;
  for (const auto& w : writes) {
    const ContributedFile* file = nullptr;
    if (!w.value.empty() && isAttachmentValue(q, w.path))
      for (const auto& f : files)
        if (f.path == w.path) file = &f;
    if (file)
      attachments.push_back(file);
    else
      values.push_back(w);
  }
  auto batch = document.batch(description);
  if (!values.empty()) document.apply(values, nullptr, author);
  for (const auto* f : attachments) document.attach(f->path, f->name, f->type, f->data, author);
}

std::string notSaved(const std::string& what, const std::string& cause) {
  return msg(
      "{} was not taken into the workspace, which could not be written: {} Nothing of it was "
      "written (neither the answers nor the record of it). Free some space or make the workspace "
      "writable, then do it again.",
      what, cause);
}

// Writes the answers through the document (`write`) and the bookkeeping
// (`record`) in one transaction: a failure of either leaves neither on
// disk, and the document is put back as it was.
template <typename Write, typename Record>
void inOneTransaction(ResponseDocument& document, const std::string& what, Write&& write, Record&& record) {
  sql::Database& db = document.workspace().database();
  const Answers before = document.session().answers();
  auto revert = [&] {
    // The document's step holds values that are no longer on disk.
    if (document.session().answers() != before) document.undo();
  };
  try {
    sql::Transaction t(db);
    write();
    // A failed write leaves the values in the document only (and SQLite may
    // have ended the transaction already): nothing may be recorded then.
    if (!document.isSaved() || !db.inTransaction())
      throw ContributionError(Kind::Failed, notSaved(what, document.status().cause));
    record();
    t.commit();
  } catch (const sql::SqliteError& e) {
    revert();
    throw ContributionError(Kind::Failed, notSaved(what, e.what()));
  } catch (...) {
    revert();
    throw;
  }
}

}  // namespace

const char* resolutionKey(Resolution resolution) {
  switch (resolution) {
    case Resolution::Theirs:
      return "theirs";
    case Resolution::Ours:
      return "ours";
    case Resolution::Edited:
      return "edited";
  }
  return "ours";
}

std::optional<ResponseId> responseForContribution(ContributionStore& store, const std::string& file) {
  ContributionCheck check = readContributionFile(file);
  if (!check.contribution) return std::nullopt;
  auto request = store.request(check.contribution->requestId);
  if (!request) return std::nullopt;
  return static_cast<ResponseId>(request->response);
}

CheckedContribution checkContribution(ContributionStore& store, ResponseId response, const std::string& file,
                                      const ImportOptions& options) {
  Workspace& ws = store.workspace();
  const std::string name = fileName(file);
  CheckedContribution out;
  out.file = file;
  out.check = readContributionFile(file, options.acceptKey);
  switch (out.check.verdict) {
    case ReportVerdict::Intact:
    case ReportVerdict::OtherKey:
      break;
    case ReportVerdict::Unreadable:
      throw ContributionError(Kind::Altered,
                              msg("{} is not a contribution Focal can read: {}. Ask the agency to "
                                  "export it again.",
                                  file, out.check.reason));
    case ReportVerdict::Altered:
      throw ContributionError(Kind::Altered,
                              msg("{} was not imported: {}. Ask the agency to export it again and to "
                                  "send it by another route.",
                                  file, out.check.reason));
    case ReportVerdict::Unsigned:
      throw ContributionError(Kind::Altered,
                              msg("{} is not signed, so Focal cannot tell who made it or whether it was "
                                  "changed; it was not imported. Ask the agency to export it with "
                                  "Focal.",
                                  file));
  }
  const Contribution& c = *out.check.contribution;
  const ResponseInfo info = ws.response(response);
  auto request = store.request(c.requestId);
  if (!request) {
    if (c.state != info.state)
      throw ContributionError(Kind::Refused,
                              msg("{} is {}'s contribution for {}, but response {} in {} is {}'s reply; "
                                  "it was not imported. Import it into the workspace of {}.",
                                  file, c.agency, c.state, response, ws.path(), info.state, c.state));
    if (c.questionnaireSha256 != info.questionnaireSha256)
      throw ContributionError(
          Kind::Refused,
          msg("{} answers {} version {}, but response {} in {} answers {} version {}; it was not "
              "imported. Import it into the response its request was made from.",
              file, c.questionnaireId, c.questionnaireVersion, response, ws.path(), info.questionnaireId,
              info.questionnaireVersion));
    throw ContributionError(Kind::Refused,
                            msg("{} answers a request that {} made on {}, which was not made from {}; "
                                "it was not imported. Import it into the workspace the request was "
                                "made from.",
                                file, c.requestedBy, day(c.requestedAt), ws.path()));
  }
  out.request = *request;
  if (request->response != response)
    throw ContributionError(Kind::Refused,
                            msg("{} answers the request made for response {} of {}, not for response "
                                "{}; import it into response {}.",
                                file, request->response, ws.path(), response, request->response));
  if (c.agency != request->agency || c.state != request->state ||
      c.questionnaireSha256 != request->questionnaireSha256 || c.requestedAt != request->requestedAt)
    throw ContributionError(Kind::Altered,
                            msg("{} does not match the request it names (made for {} on {}): its "
                                "agency, State or questionnaire differ. It was not imported; ask the "
                                "agency to export it again from the request file.",
                                file, request->agency, day(request->requestedAt)));
  if (info.questionnaireSha256 != request->questionnaireSha256)
    throw ContributionError(
        Kind::Refused,
        msg("{} answers {} version {}, but response {} was moved to version {} since the request "
            "was made; it was not imported. Make a new request for {} and ask them to answer it.",
            file, c.questionnaireId, c.questionnaireVersion, response, info.questionnaireVersion,
            request->agency));
  const std::string pinned = store.signer(request->id);
  const std::string key = crypto::hex(*out.check.signer);
  const bool accepted = options.acceptKey && options.acceptKey->matches(*out.check.signer);
  if (out.check.verdict == ReportVerdict::OtherKey)
    throw ContributionError(Kind::Refused, msg("{} was not imported: {}.", file, out.check.reason));
  if (!pinned.empty() && pinned != key && !accepted) {
    auto earlier = crypto::fromHex(pinned);
    crypto::PublicKey earlierKey{};
    if (earlier && earlier->size() == earlierKey.size())
      std::copy(earlier->begin(), earlier->end(), earlierKey.begin());
    throw ContributionError(
        Kind::Refused,
        msg("{} is signed by the key {}, but {}'s earlier contributions to this request were "
            "signed by the key {}. It was not imported. If the agency changed computer, confirm "
            "the new key with them by telephone, then import with --key {}.",
            file, out.check.fingerprint, request->agency, keyFingerprint(earlierKey), out.check.fingerprint));
  }

  // Every answer must fit the questionnaire and the assignment.
  auto questionnaire = ws.questionnaire(response);
  ContributionScope scope(questionnaire, request->assignment);
  std::vector<std::string> problems, values;
  const Answers focalAnswers = ws.answers(response);
  for (const auto& a : c.answers) {
    auto parsed = parseAnswerPath(a.path);
    const Question* question = parsed ? questionnaire->find(parsed->question) : nullptr;
    std::string fit = !parsed     ? msg("'{}' is not an answer path", a.path)
                      : !question ? msg("{}: there is no such question", a.path)
                                  : checkPathFits(*question, *parsed);
    if (!fit.empty()) {
      problems.push_back(parsed && question ? a.path + ": " + fit : fit);
      continue;
    }
    if (!scope.covers(a.path)) {
      problems.push_back(scope.refusal(a.path, request->agency, info.language));
      continue;
    }
    // The same checks as a focal point's own answers (fill and the app): the
    // text rule, then the question's type, bounds, choices and marks. The
    // value of an attachment question is a file name, checked with its file.
    std::string value = checkAnswerText(*question, *parsed, a.value);
    if (value.empty() && !(question->type == QuestionType::Attachment && parsed->mark.empty()))
      value = checkAnswerValue(*question, *parsed, a.value);
    // A read-only answer keeps the value the questionnaire gave it: the
    // agency may send it back as the request gave it, never another one.
    if (value.empty() && question->readOnly && parsed->mark.empty()) {
      auto given = request->snapshot.find(a.path);
      auto current = focalAnswers.find(a.path);
      if ((given == request->snapshot.end() || given->second != a.value) &&
          (current == focalAnswers.end() || current->second != a.value))
        value = msg("'{}' is read-only: the questionnaire gives its value, which the agency may not change",
                    question->id);
    }
    if (!value.empty())
      values.push_back(msg("{} \"{}\" = \"{}\": {}", a.path,
                           question->label.get(info.language, questionnaire->defaultLanguage()).substr(0, 60),
                           a.value.substr(0, 40), value));
  }
  for (const auto& f : c.files)
    if (!c.answer(f.path) || !isAttachmentValue(*questionnaire, f.path))
      problems.push_back(
          msg("a file is attached to {}, which is not an attachment answer of the contribution", f.path));
  if (!values.empty() && problems.empty())
    throw ContributionError(
        Kind::Refused,
        msg("{} was not imported: {} of its values do not fit the rules of {} ({}). "
            "Nothing was applied. Ask {} to correct them and export the contribution "
            "again.",
            file, values.size(), questionnaire->info.id, shortList(values, 10), request->agency));
  problems.insert(problems.end(), values.begin(), values.end());
  if (!problems.empty())
    throw ContributionError(Kind::Refused,
                            msg("{} was not imported: it touches answers {} was not asked for, or that "
                                "do not fit {}: {}. Ask the agency to correct it and export it again.",
                                file, request->agency, questionnaire->info.id, shortList(problems, 3)));
  return out;
}

ImportSummary importContribution(ResponseDocument& document, ContributionStore& store,
                                 const std::string& file, const ImportOptions& options) {
  return importContribution(document, store, checkContribution(store, document.id(), file, options));
}

ImportSummary importContribution(ResponseDocument& document, ContributionStore& store,
                                 const CheckedContribution& checked) {
  const Contribution& c = *checked.check.contribution;
  const ContributionRequest& request = checked.request;
  Workspace& ws = document.workspace();
  ContributionScope scope(document.session().sharedQuestionnaire(), request.assignment);

  ImportSummary summary;
  summary.file = checked.file;
  summary.requestId = request.id;
  summary.agency = c.agency;
  summary.person = c.person;
  summary.fingerprint = checked.check.fingerprint;
  summary.importedBefore = store.alreadyImported(request.id, checked.check.contentSha256);
  summary.sequence = c.sequence;
  if (c.sequence == 0)
    summary.note =
        msg("{} was exported by a Focal that did not number contributions: it is taken as "
            "number 0, older than any numbered one of {}.",
            fileName(checked.file), c.agency);
  // A replay, or a contribution older than one already imported (a lower
  // number; between files with the same number, an earlier export): its
  // values are older than what was applied, so none is written.
  const ContributionStore::Newest newest = store.newestImport(request.id);
  const bool older = newest.any && (c.sequence < newest.sequence ||
                                    (c.sequence == newest.sequence && c.exportedAt <= newest.exportedAt));
  if (summary.importedBefore || older) {
    for (const auto& a : c.answers) summary.stale.push_back(a.path);
    summary.newerSequence = newest.sequence;
    summary.newerExportedAt = newest.exportedAt;
    summary.conflicts = store.openConflicts(document.id(), request.id);
    return summary;
  }

  const Answers theirs = c.answerMap();
  const Answers ours = scope.restrict(document.session().answers());
  MergeResult merged = mergeContribution(document.questionnaire(), store.base(request.id), ours, theirs);

  std::map<std::string, StoredAnswer> stored;
  for (auto& a : ws.storedAnswers(document.id())) stored[a.path] = a;
  const std::string now = utcTimestamp();

  ImportRecord entry;
  entry.requestId = request.id;
  entry.file = fileName(checked.file);
  entry.contentSha256 = checked.check.contentSha256;
  entry.person = c.person;
  entry.signerKey = crypto::hex(*checked.check.signer);
  entry.exportedAt = c.exportedAt;
  entry.sequence = c.sequence;
  entry.importedAt = now;
  entry.importedBy = ws.user();
  entry.nextBase = merged.nextBase;
  entry.applied = merged.applied.size();
  entry.unchanged = merged.unchanged.size();
  for (const auto& path : merged.applied) {
    const std::string value = theirs.contains(path) ? theirs.at(path) : std::string();
    summary.applied.push_back({path, value});
    if (value.empty()) continue;
    const ContributedAnswer* a = c.answer(path);
    entry.provenance.push_back({path, value, request.id, c.agency, a ? a->changedBy : c.person,
                                a ? a->changedAt : c.exportedAt, now, ws.user(), entry.file});
  }
  summary.unchanged = merged.unchanged;
  auto latest = [](const Answers& fields, auto&& stamp) {
    std::pair<std::string, std::string> out;
    for (const auto& [path, value] : fields) {
      auto s = stamp(path);
      if (s.second > out.second) out = s;
    }
    return out;
  };
  auto theirsStamp = [&](const std::string& path) -> std::pair<std::string, std::string> {
    const ContributedAnswer* a = c.answer(path);
    return a ? std::pair{a->changedBy, a->changedAt} : std::pair{c.person, c.exportedAt};
  };
  auto oursStamp = [&](const std::string& path) -> std::pair<std::string, std::string> {
    auto it = stored.find(path);
    return it == stored.end() ? std::pair{std::string(), std::string()}
                              : std::pair{it->second.changedBy, it->second.changedAt};
  };
  for (auto& conflict : merged.conflicts) {
    StoredConflict s;
    s.requestId = request.id;
    s.agency = c.agency;
    s.baseBy = request.requestedBy;
    s.baseAt = request.requestedAt;
    s.file = entry.file;
    std::tie(s.theirsBy, s.theirsAt) = conflict.kind == ConflictKind::Value ? theirsStamp(conflict.path)
                                       : conflict.theirsRecord.empty()
                                           ? std::pair{c.person, c.exportedAt}
                                           : latest(conflict.theirsRecord, theirsStamp);
    std::tie(s.oursBy, s.oursAt) = conflict.kind == ConflictKind::Value
                                       ? oursStamp(conflict.path)
                                       : latest(conflict.oursRecord, oursStamp);
    if (conflict.kind == ConflictKind::Value && !conflict.theirs.empty())
      if (const ContributedFile* f = c.file(conflict.path)) entry.files.push_back(*f);
    for (const auto& [path, value] : conflict.theirsRecord)
      if (const ContributedFile* f = c.file(path)) entry.files.push_back(*f);
    s.conflict = std::move(conflict);
    entry.conflicts.push_back(std::move(s));
  }

  inOneTransaction(
      document, checked.file,
      [&] {
        writeAnswers(document, merged.writes, c.files, contributorAuthor(ws, c.person, c.agency),
                     msg("Imported the answers of {} ({})", c.agency, entry.file));
      },
      [&] { store.recordImport(document.id(), entry); });
  summary.conflicts = store.openConflicts(document.id(), request.id);
  return summary;
}

void resolveConflict(ResponseDocument& document, ContributionStore& store, const StoredConflict& stored,
                     Resolution resolution, const std::string& edited) {
  const MergeConflict& c = stored.conflict;
  if (resolution == Resolution::Edited && c.kind != ConflictKind::Value)
    throw ContributionError(Kind::Refused,
                            msg("{} is a whole record; keep the agency's version or yours, then edit "
                                "the record itself.",
                                c.path));
  auto request = store.request(stored.requestId);
  if (!request)
    throw ContributionError(Kind::NotFound, msg("The request behind the conflict on {} is no longer in {}.",
                                                c.path, store.workspace().path()));
  const std::string now = utcTimestamp();
  std::vector<AnswerWrite> writes;
  std::vector<ProvenanceRecord> provenance;
  auto take = [&](const std::string& path, const std::string& value) {
    writes.push_back({path, value});
    if (!value.empty())
      provenance.push_back({path, value, stored.requestId, stored.agency, stored.theirsBy, stored.theirsAt,
                            now, store.workspace().user(), stored.file});
  };
  if (resolution == Resolution::Theirs) {
    switch (c.kind) {
      case ConflictKind::Value:
        take(c.path, c.theirs);
        break;
      case ConflictKind::RecordRemovedByThem:
        writes = document.session().removeRecordWrites(c.repeat, c.recordKey);
        break;
      case ConflictKind::RecordRemovedByUs: {
        auto keys = document.session().records(c.repeat);
        if (std::find(keys.begin(), keys.end(), c.recordKey) == keys.end()) keys.push_back(c.recordKey);
        writes.push_back({c.repeat, joinWords(keys)});
        for (const auto& [path, value] : c.theirsRecord) take(path, value);
        break;
      }
    }
  } else if (resolution == Resolution::Edited) {
    writes.push_back({c.path, edited});
  }
  std::vector<ContributedFile> files;
  for (const auto& w : writes)
    if (auto f = store.conflictFile(stored.requestId, w.path); f && f->sha256 == sha256Hex(f->data))
      files.push_back(std::move(*f));
  inOneTransaction(
      document, c.path,
      [&] {
        if (writes.empty()) return;
        const bool theirs = resolution == Resolution::Theirs;
        writeAnswers(
            document, writes, files,
            theirs ? contributorAuthor(document.workspace(), stored.theirsBy, stored.agency) : std::string(),
            theirs ? msg("Took the answer of {} ({}) in a conflict", stored.agency, stored.file)
                   : msg("Settled a conflict with the answer of {} ({}) by editing it", stored.agency,
                         stored.file));
      },
      [&] { store.resolveConflict(stored.id, resolutionKey(resolution), provenance); });
}

}  // namespace focal
