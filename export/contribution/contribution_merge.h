// The three-way merge of a contribution, field by field: pure, no storage.
//
// Inputs are answer maps (path -> value; an absent path has no answer)
// restricted to the assignment: `base` (what the agency was given, moved
// forward to what was taken from it since), `ours` (the focal point's
// answers now) and `theirs` (the agency's answers). For each field:
//
//   theirs == base                 unchanged (whatever ours did stays)
//   ours == base, theirs != base   applied: theirs is written (a removal too)
//   ours == theirs != base         unchanged (both made the same change)
//   otherwise                      conflict: base, ours and theirs kept for a person to decide
//
// Repeat groups are merged by record key. A record the agency added is
// added; one it removed is removed unless the focal point edited it (a
// conflict); one the focal point removed stays removed unless the agency
// edited it (a conflict). The record list at the repeat's own path merges as
// an ordered set: the focal point's order, unless only the agency reordered,
// with each side's new records placed after the record they followed there.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "forms/questionnaire.h"
#include "forms/response_session.h"

namespace focal {

enum class ConflictKind {
  Value,                // a field changed differently on both sides
  RecordRemovedByThem,  // the agency removed a record the focal point edited
  RecordRemovedByUs,    // the focal point removed a record the agency edited
};
const char* conflictKindKey(ConflictKind kind);  // "value", "record_removed_by_them", "record_removed_by_us"

struct MergeConflict {
  ConflictKind kind = ConflictKind::Value;
  // The field's path; for a record conflict, the record's prefix "rep[key]".
  std::string path;
  std::string repeat, recordKey;  // record conflicts only
  std::string base, ours, theirs;
  // Record conflicts: the record's fields on each side (full paths).
  std::map<std::string, std::string> baseRecord, oursRecord, theirsRecord;
  bool operator==(const MergeConflict&) const = default;
};

struct MergeResult {
  // What to write to the focal point's answers, in an order the session
  // accepts (removed records' fields, plain fields, record lists, new fields).
  std::vector<AnswerWrite> writes;
  std::vector<std::string> applied;    // paths where the agency's value was taken (removals included)
  std::vector<std::string> unchanged;  // paths of the contribution or base left as they are
  std::vector<MergeConflict> conflicts;
  // The merge base after this merge: the agency's value for every field
  // taken or agreed; unchanged where a conflict is still open.
  std::map<std::string, std::string> nextBase;
};

MergeResult mergeContribution(const Questionnaire& questionnaire,
                              const std::map<std::string, std::string>& base,
                              const std::map<std::string, std::string>& ours,
                              const std::map<std::string, std::string>& theirs);

// A record's fields as one line: "q_10_partner: FRA; q_10_title: Agreement".
std::string recordSummary(const std::map<std::string, std::string>& fields);

// "rep[key]" for a record conflict's path, and back.
std::string recordConflictPath(const std::string& repeat, const std::string& key);
bool parseRecordConflictPath(const std::string& path, std::string& repeat, std::string& key);

// The base moved forward by a conflict's resolution: the agency's side is
// now taken, whatever was chosen, so that importing the same contribution
// again does not raise it again.
void settleConflict(std::map<std::string, std::string>& base, const MergeConflict& conflict);

}  // namespace focal
