// The States parties and signatories to the Convention and to each
// Protocol (questionnaires/reference/parties.yaml): the denominators of
// the response rates, "N of M States parties". The secretariat replaces
// the shipped list with the depositary's list of the day (`analyze
// --parties FILE`); the list says of what date it is and whether it was
// checked.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace focal {

enum class Standing { Party, Signatory, NonParty };

struct InstrumentStatus {
  std::string id;  // "convention", "tip", "som", "firearms" (instrumentKey)
  std::string name;
  std::set<std::string> parties, signatories;  // ISO 3166-1 alpha-3 (EUU: the European Union)
};

class InstrumentParties {
 public:
  // Reads the file; throws std::runtime_error naming the file, the line and the problem.
  static InstrumentParties load(const std::string& path);
  static InstrumentParties parse(const std::string& text, const std::string& sourceName);
  // The file shipped with Focal, found as the regional groups file is; empty when none is found.
  static std::string defaultPath();

  bool empty() const { return instruments_.empty(); }
  // The instrument's status, or null when the list does not cover it.
  const InstrumentStatus* find(const std::string& instrument) const;
  Standing standing(const std::string& instrument, const std::string& state) const;
  const std::string& asOf() const { return asOf_; }
  const std::string& source() const { return source_; }
  const std::string& fileName() const { return fileName_; }
  bool verified() const { return verified_; }
  // A name the file gives (for parties with no ISO code), else "".
  std::string name(const std::string& code) const;

 private:
  std::vector<InstrumentStatus> instruments_;
  std::map<std::string, std::string> names_;
  std::string asOf_, source_, fileName_;
  bool verified_ = false;
};

}  // namespace focal
