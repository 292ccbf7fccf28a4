// The offers of a workspace response (forms/offers.h): the other responses
// of the same State in the workspace, read when first asked for.
#include "app/gui/document_model.h"
#include "export/report/offer_sources.h"

#include <filesystem>

namespace focal::gui {

std::vector<Offer> DocumentModel::offers(const std::string& questionId) {
  if (!offerSources_) {
    try {
      offerSources_ = workspaceSources(*workspace_, info_.state, id_);
    } catch (const WorkspaceError&) {
      offerSources_.emplace();  // an unreadable response offers nothing; the window goes on
    }
  }
  if (offerSources_->empty()) return {};  // the usual case: one response, nothing to compute
  const auto& answers = document_->session().answers();
  if (!offersKnown_ || offersFor_ != answers) {
    try {
      offers_ = findOffers(document_->questionnaire(), answers, *offerSources_);
    } catch (const WorkspaceError&) {
      offers_.clear();
    }
    offersFor_ = answers;
    offersKnown_ = true;
  }
  std::vector<Offer> out;
  for (const auto& o : offers_)
    if (o.question == questionId) out.push_back(o);
  return out;
}

std::string DocumentModel::addOfferSource(const std::string& file) {
  std::error_code ec;
  if (std::filesystem::equivalent(file, workspace_->path(), ec)) return {};  // its replies count already
  try {
    offers({});  // the workspace's own responses first
    auto more = fileSources(file, info_.state);
    for (auto& s : more) offerSources_->push_back(std::move(s));
    offersKnown_ = false;
    return {};
  } catch (const WorkspaceError& e) {
    return e.what();
  }
}

std::string DocumentModel::takeOffer(const Offer& offer, bool replace) {
  if (!offerSources_) return {};
  TakeResult result = takeOffers(*document_, {offer}, *offerSources_, replace);
  return result.refused.empty() ? std::string() : result.refused.front().second;
}

}  // namespace focal::gui
