// The offers of a workspace response (forms/offers.h): the other responses
// of the same State in the workspace, read when first asked for, and the
// files added as sources; all read again when they may have changed
// (refreshOfferSources, on window activation).
#include "app/gui/document_model.h"
#include "export/report/offer_sources.h"

#include <algorithm>
#include <filesystem>

namespace focal::gui {

namespace {

// A file's size and time of change, "" when absent: cheap, and changes with every save.
std::string fileStamp(const std::string& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return {};
  const auto time = std::filesystem::last_write_time(file, ec);
  return std::to_string(size) + "@" + std::to_string(time.time_since_epoch().count());
}

}  // namespace

// The other responses of the State with the time of their last change (one
// query), and each source file with its size and time (its -wal too: a
// workspace's writes go there first).
std::string DocumentModel::OfferStamp() const {
  std::string stamp;
  for (const auto& r : workspace_->responses())
    if (r.id != id_ && r.state == info_.state) stamp += std::to_string(r.id) + " " + r.updatedAt + "\n";
  for (const auto& file : offerFiles_)
    stamp += file + " " + fileStamp(file) + " " + fileStamp(file + "-wal") + "\n";
  return stamp;
}

std::vector<Offer> DocumentModel::offers(const std::string& questionId) {
  if (!offerSources_) {
    try {
      offerStamp_ = OfferStamp();
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
    if (std::find(offerFiles_.begin(), offerFiles_.end(), file) == offerFiles_.end())
      offerFiles_.push_back(file);
    offerStamp_ = OfferStamp();
    offersKnown_ = false;
    return {};
  } catch (const WorkspaceError& e) {
    return e.what();
  }
}

bool DocumentModel::refreshOfferSources() {
  if (!offerSources_) return false;  // never read: read when first asked for
  std::string stamp;
  try {
    stamp = OfferStamp();
  } catch (const WorkspaceError&) {
    return false;
  }
  if (stamp == offerStamp_) return false;
  std::vector<OfferSource> sources;
  try {
    sources = workspaceSources(*workspace_, info_.state, id_);
  } catch (const WorkspaceError&) {
  }
  for (const auto& file : offerFiles_) {
    try {
      auto more = fileSources(file, info_.state);
      for (auto& s : more) sources.push_back(std::move(s));
    } catch (const WorkspaceError&) {
      // Gone or no longer verifying: it offers nothing now.
    }
  }
  offerSources_ = std::move(sources);
  offerStamp_ = std::move(stamp);
  offersKnown_ = false;
  return true;
}

std::string DocumentModel::takeOffer(const Offer& offer, bool replace) {
  if (!offerSources_) return {};
  TakeResult result = takeOffers(*document_, {offer}, *offerSources_, replace);
  if (!result.refused.empty()) return result.refused.front().second;
  return result.kept.empty() ? std::string() : result.kept.front().second;
}

}  // namespace focal::gui
