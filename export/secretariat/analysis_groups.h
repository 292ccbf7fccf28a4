// The United Nations regional groups (questionnaires/reference/
// un-regional-groups.yaml): which group each Member State belongs to, the
// groups' names in several languages and the States' short names. The
// analysis counts replies by group; synthetic reports use the States.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "forms/localized_text.h"

namespace focal {

struct RegionalGroup {
  std::string id;  // "african", "weog", ...
  LocalizedText name;
  std::vector<std::string> members;  // ISO 3166-1 alpha-3, in the file's order
};

class RegionalGroups {
 public:
  // Reads the file; throws std::runtime_error naming the file and the problem.
  static RegionalGroups load(const std::string& path);
  static RegionalGroups parse(const std::string& text, const std::string& sourceName);
  // The file shipped with Focal: beside the program (../share/focal/...),
  // in /usr/share/focal, or in the source tree. Empty when none is found.
  static std::string defaultPath();

  const std::vector<RegionalGroup>& groups() const { return groups_; }
  // The group's index in groups(), or nullopt for a State in no group.
  std::optional<std::size_t> groupOf(const std::string& state) const;
  std::string groupName(std::size_t group, const std::string& language) const;
  // The United Nations short name in English, else the ISO name in
  // `language`, else the code itself.
  std::string stateName(const std::string& state, const std::string& language = "en") const;
  std::size_t memberCount() const;

 private:
  std::vector<RegionalGroup> groups_;
  std::map<std::string, std::size_t> groupOf_;
  std::map<std::string, std::string> names_;
};

}  // namespace focal
