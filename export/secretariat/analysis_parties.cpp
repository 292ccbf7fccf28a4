#include "export/secretariat/analysis_parties.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "export/common/reference_file.h"
#include "export/secretariat/analysis_groups.h"
#include "forms/yaml_tree.h"

namespace focal {

namespace {

using reference::fail;

std::set<std::string> codes(const std::string& source, const YamlNode* list, const char* what) {
  std::set<std::string> out;
  if (!list) return out;
  if (!list->isSequence()) fail(source, list, std::string("'") + what + "' must be a list of codes");
  for (const auto& item : list->items) {
    if (!item.isScalar() || item.scalar.size() != 3)
      fail(source, &item,
           std::string("each of '") + what + "' is an ISO 3166-1 alpha-3 code (EUU for the European Union)");
    if (!out.insert(item.scalar).second) fail(source, &item, item.scalar + " is listed twice");
  }
  return out;
}

}  // namespace

InstrumentParties InstrumentParties::load(const std::string& path) {
  return parse(
      reference::readFile(path, "cannot read the list of States parties; give another with --parties"), path);
}

InstrumentParties InstrumentParties::parse(const std::string& text, const std::string& sourceName) {
  const auto root = reference::parse(text, sourceName);
  InstrumentParties out;
  out.fileName_ = sourceName;
  const YamlNode* asOf = root->find("as_of");
  if (!asOf || !asOf->isScalar() || asOf->scalar.empty())
    fail(sourceName, &*root, "the list has no 'as_of' date; say of what date the depositary's status is");
  out.asOf_ = asOf->scalar;
  if (const YamlNode* source = root->find("source"); source && source->isScalar())
    out.source_ = source->scalar;
  if (const YamlNode* verified = root->find("verified"); verified && verified->isScalar())
    out.verified_ = verified->scalar == "true" || verified->scalar == "yes";
  const YamlNode* instruments = root->find("instruments");
  if (!instruments || !instruments->isSequence())
    fail(sourceName, &*root, "the file has no list 'instruments'");
  for (const auto& node : instruments->items) {
    const YamlNode* id = node.find("id");
    if (!id || !id->isScalar())
      fail(sourceName, &node, "each instrument needs an 'id' (convention, tip, som or firearms)");
    InstrumentStatus status;
    status.id = id->scalar;
    if (const YamlNode* name = node.find("name"); name && name->isScalar()) status.name = name->scalar;
    const YamlNode* parties = node.find("parties");
    if (!parties) fail(sourceName, &node, "the instrument " + status.id + " has no list 'parties'");
    status.parties = codes(sourceName, parties, "parties");
    status.signatories = codes(sourceName, node.find("signatories"), "signatories");
    for (const auto& s : status.signatories)
      if (status.parties.count(s))
        fail(sourceName, node.find("signatories"),
             s + " is both a party and a signatory of " + status.id + "; list a party only under 'parties'");
    out.instruments_.push_back(std::move(status));
  }
  if (const YamlNode* names = root->find("names"); names && names->isMapping())
    for (const auto& [code, name] : names->entries)
      if (name.isScalar()) out.names_[code.scalar] = name.scalar;
  return out;
}

std::string InstrumentParties::defaultPath() {
  const std::string groups = RegionalGroups::defaultPath();
  if (groups.empty()) return {};
  const auto path = std::filesystem::path(groups).parent_path() / "parties.yaml";
  std::error_code ec;
  return std::filesystem::exists(path, ec) ? path.string() : std::string();
}

const InstrumentStatus* InstrumentParties::find(const std::string& instrument) const {
  for (const auto& i : instruments_)
    if (i.id == instrument) return &i;
  return nullptr;
}

Standing InstrumentParties::standing(const std::string& instrument, const std::string& state) const {
  const InstrumentStatus* status = find(instrument);
  if (!status) return Standing::NonParty;
  if (status->parties.count(state)) return Standing::Party;
  return status->signatories.count(state) ? Standing::Signatory : Standing::NonParty;
}

std::string InstrumentParties::name(const std::string& code) const {
  auto it = names_.find(code);
  return it == names_.end() ? std::string() : it->second;
}

}  // namespace focal
