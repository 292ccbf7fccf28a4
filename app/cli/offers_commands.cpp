// focal-cli offers: answers given for another instrument (also_asked_in),
// listed and taken (forms/offers.h, export/report/offer_sources.h).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <set>

#include "app/cli/cli.h"
#include "app/cli/workspace_cli.h"
#include "export/report/offer_sources.h"
#include "forms/offers.h"
#include "forms/response_document.h"

namespace focal::cli {

namespace {

using json = nlohmann::json;

struct OffersRequest {
  std::string path;
  std::vector<std::string> from;
  std::vector<std::string> take;
  bool replace = false;
  bool asJson = false;
  std::optional<ResponseId> response;
  std::string user;
};

std::string valueText(const AnswerValues& values, const std::string& question) {
  if (values.size() == 1 && values.begin()->first == question) return values.begin()->second;
  std::string out;
  for (const auto& [path, value] : values) {
    std::string part = path.rfind(question, 0) == 0 ? path.substr(question.size()) : path;
    if (!part.empty() && (part[0] == '/' || part[0] == '@')) part.erase(0, 1);
    out += (out.empty() ? "" : "; ") + (part.empty() ? value : part + ": " + value);
  }
  return out;
}

json offerJson(const Offer& o) {
  return {{"id", o.id},
          {"question", o.question},
          {"status", offerStatusKey(o.status)},
          {"source",
           {{"file", o.sourceFile},
            {"questionnaire", o.sourceQuestionnaire},
            {"question", o.sourceQuestion},
            {"instrument", instrumentKey(o.instrument)},
            {"cycle", o.cycle}}},
          {"answered_at", o.answeredAt},
          {"answered_by", o.answeredBy},
          {"values", o.values},
          {"taken_values", o.takenValues},
          {"files", o.attachments.size()},
          {"records", o.records},
          {"new_records", o.newRecords},
          {"conflicts", o.conflicts},
          {"sentence", offerSentence(o)}};
}

int offers(const OffersRequest& r) {
  WorkspaceOptions options;
  options.user = userName(r.user);
  if (r.take.empty()) {
    options.readOnlyIfLocked = true;
    options.backupOnClose = false;
  }
  auto ws = Workspace::open(r.path, options);
  printWarnings(*ws);
  auto id = chooseResponse(*ws, r.response);
  if (!id) return kInvalid;
  const ResponseInfo info = ws->response(*id);
  std::vector<OfferSource> sources = workspaceSources(*ws, info.state, *id);
  for (const auto& file : r.from) {
    if (canonicalPath(file) == canonicalPath(r.path)) continue;  // its replies are there already
    auto more = fileSources(file, info.state);
    sources.insert(sources.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  ResponseDocument document(*ws, *id);
  std::vector<Offer> all = findOffers(document.questionnaire(), document.session().answers(), sources);

  if (r.take.empty()) {
    std::vector<const Offer*> shown;
    for (const auto& o : all)
      if (o.takeable()) shown.push_back(&o);
    if (r.asJson) {
      json j = {{"workspace", r.path}, {"response", *id}, {"offers", json::array()}};
      for (const auto& o : all) j["offers"].push_back(offerJson(o));
      std::cout << j.dump(2) << "\n";
      return kOk;
    }
    std::cout << printable(r.path) << ", response " << *id << " (" << printable(info.questionnaireId) << ", "
              << printable(info.state) << "): " << shown.size()
              << (shown.size() == 1 ? " answer offered" : " answers offered") << " from " << sources.size()
              << (sources.size() == 1 ? " other reply" : " other replies") << "\n";
    for (const Offer* o : shown) {
      std::cout << "  " << printable(o->id) << "  " << printable(offerSentence(*o)) << ": "
                << (o->records ? printable(recordsSentence(*o))
                               : shortValue(valueText(o->values, o->question)));
      if (!o->attachments.empty()) std::cout << " (file attached)";
      if (o->status != OfferStatus::Available)
        std::cout << "  [" << printable(offerStatusSentence(*o)) << "]";
      std::cout << "\n      from " << printable(o->sourceQuestionnaire) << ":" << printable(o->sourceQuestion)
                << " in " << printable(o->sourceFile) << "\n";
    }
    if (!shown.empty())
      std::cout << "Take them with: focal-cli offers " << printable(r.path)
                << (r.response ? " --response " + std::to_string(*r.response) : std::string())
                << (r.from.empty() ? std::string() : " --from " + printable(joined(r.from)))
                << " --take all (or --take ID...); an answer given here is replaced only with --replace.\n";
    return kOk;
  }

  std::vector<Offer> chosen;
  std::vector<std::string> unknown;
  const bool everything = r.take.size() == 1 && r.take.front() == "all";
  if (everything) {
    std::set<std::string> questions;
    for (const auto& o : all)
      if (o.takeable() && questions.insert(o.question).second) chosen.push_back(o);
  } else {
    for (const auto& wanted : r.take) {
      auto it = std::find_if(all.begin(), all.end(), [&](const Offer& o) { return o.id == wanted; });
      if (it == all.end())
        unknown.push_back(wanted);
      else
        chosen.push_back(*it);
    }
  }
  for (const auto& u : unknown)
    printError("No answer is offered for '" + u + "' in " + r.path +
               "; list the offers with: focal-cli offers " + r.path);
  TakeResult result = takeOffers(document, chosen, sources, r.replace);
  for (const auto& [offerId, why] : result.refused) printError(offerId + ": " + why);
  for (const auto& [offerId, what] : result.kept) std::cerr << "Note: " << what << "\n";
  if (!document.isSaved()) {
    printError(document.status().cause + " Run offers --take again once this is solved.");
    return kFailed;
  }
  std::cout << printable(r.path) << ", response " << *id << ": " << result.taken.size()
            << (result.taken.size() == 1 ? " answer taken" : " answers taken");
  if (result.files)
    std::cout << ", " << result.files << (result.files == 1 ? " file copied" : " files copied");
  std::cout << (result.taken.empty() ? ".\n" : ": " + joined(result.taken) + ".\n");
  if (!unknown.empty() || (!everything && !result.refused.empty())) return kInvalid;
  if (everything && result.taken.empty() && !result.refused.empty()) return kInvalid;
  return kOk;
}

const Registrar registrar(22, [](CLI::App& app) {
  auto* command = app.add_subcommand(
      "offers", "List or take answers the same State gave for another instrument (also_asked_in)");
  auto r = std::make_shared<OffersRequest>();
  command->add_option("WORKSPACE", r->path, "Workspace file (.focal)")->required();
  command->add_option("--from", r->from,
                      "Other replies to offer answers from: workspaces (.focal) or national reports "
                      "(.focalreport), which must verify; the workspace's own other responses always count");
  command->add_option("--take", r->take, "Take these offers (their ids, as listed), or all");
  command->add_flag("--replace", r->replace, "Replace answers given here (otherwise they are kept)");
  command->add_flag("--json", r->asJson, "List the offers as JSON");
  command->add_option("--response", r->response, "Response id, when the workspace holds several");
  command->add_option("--user", r->user, "Who takes them (default: $FOCAL_USER or the login name)");
  command->callback([r] { exitCode() = guarded([&] { return offers(*r); }); });
});

}  // namespace

}  // namespace focal::cli
