#include "export/secretariat/analysis_groups.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "export/common/reference_file.h"
#include "forms/countries.h"
#include "forms/data_files.h"
#include "forms/yaml_tree.h"

namespace focal {

namespace {

using reference::fail;

LocalizedText readText(const std::string& source, const YamlNode& node) {
  LocalizedText text;
  if (node.isScalar()) return LocalizedText(node.scalar);
  if (!node.isMapping()) fail(source, &node, "a name must be a text or a mapping from language to text");
  for (const auto& [key, value] : node.entries) {
    if (!value.isScalar()) fail(source, &value, "a name must be a text");
    text.set(key.scalar, value.scalar);
  }
  return text;
}

}  // namespace

RegionalGroups RegionalGroups::load(const std::string& path) {
  return parse(reference::readFile(path, "cannot read the regional groups file; give another with --groups"),
               path);
}

RegionalGroups RegionalGroups::parse(const std::string& text, const std::string& sourceName) {
  const auto root = reference::parse(text, sourceName);
  const YamlNode* groups = root->find("groups");
  if (!groups || !groups->isSequence()) fail(sourceName, &*root, "the file has no list 'groups'");
  RegionalGroups out;
  for (const auto& g : groups->items) {
    const YamlNode* id = g.find("id");
    const YamlNode* members = g.find("members");
    if (!id || !id->isScalar() || !members || !members->isSequence())
      fail(sourceName, &g, "each group needs an 'id' and a list 'members'");
    RegionalGroup group;
    group.id = id->scalar;
    if (const YamlNode* name = g.find("name"))
      group.name = readText(sourceName, *name);
    else
      group.name = LocalizedText(group.id);
    for (const auto& m : members->items) {
      if (!m.isScalar() || m.scalar.size() != 3)
        fail(sourceName, &m, "a member is an ISO 3166-1 alpha-3 code");
      if (out.groupOf_.count(m.scalar)) fail(sourceName, &m, m.scalar + " is listed in two groups");
      out.groupOf_[m.scalar] = out.groups_.size();
      group.members.push_back(m.scalar);
    }
    out.groups_.push_back(std::move(group));
  }
  if (const YamlNode* names = root->find("names"); names && names->isMapping())
    for (const auto& [code, name] : names->entries)
      if (name.isScalar()) out.names_[code.scalar] = name.scalar;
  return out;
}

std::string RegionalGroups::defaultPath() {
  return findDataFile("questionnaires/reference/un-regional-groups.yaml");
}

std::optional<std::size_t> RegionalGroups::groupOf(const std::string& state) const {
  auto it = groupOf_.find(state);
  if (it == groupOf_.end()) return std::nullopt;
  return it->second;
}

std::string RegionalGroups::groupName(std::size_t group, const std::string& language) const {
  return groups_.at(group).name.get(language, "en");
}

std::string RegionalGroups::stateName(const std::string& state, const std::string& language) const {
  if (language == "en" || language.empty()) {
    if (auto it = names_.find(state); it != names_.end()) return it->second;
  }
  if (isCountryCode(state)) return countryName(state, language);
  if (auto it = names_.find(state); it != names_.end()) return it->second;
  return state;
}

std::size_t RegionalGroups::memberCount() const { return groupOf_.size(); }

}  // namespace focal
