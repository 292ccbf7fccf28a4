#include "export/contribution/contribution_merge.h"

#include <algorithm>
#include <set>

#include "forms/answer_path.h"
#include "forms/answer_value.h"

namespace focal {

using Answers = std::map<std::string, std::string>;

const char* conflictKindKey(ConflictKind kind) {
  switch (kind) {
    case ConflictKind::Value:
      return "value";
    case ConflictKind::RecordRemovedByThem:
      return "record_removed_by_them";
    case ConflictKind::RecordRemovedByUs:
      return "record_removed_by_us";
  }
  return "value";
}

std::string recordConflictPath(const std::string& repeat, const std::string& key) {
  return recordId(repeat, key);
}

bool parseRecordConflictPath(const std::string& path, std::string& repeat, std::string& key) {
  auto open = path.find('[');
  if (open == std::string::npos || path.empty() || path.back() != ']') return false;
  repeat = path.substr(0, open);
  key = path.substr(open + 1, path.size() - open - 2);
  return !repeat.empty() && !key.empty() && key.find_first_of("[]/") == std::string::npos;
}

std::string recordSummary(const Answers& fields) {
  std::string out;
  for (const auto& [path, value] : fields) {
    auto slash = path.find("]/");
    std::string name = slash == std::string::npos ? path : path.substr(slash + 2);
    out += (out.empty() ? "" : "; ") + name + ": " + value;
  }
  return out;
}

namespace {

std::string valueAt(const Answers& answers, const std::string& path) {
  auto it = answers.find(path);
  return it == answers.end() ? std::string() : it->second;
}

void setOrErase(Answers& answers, const std::string& path, const std::string& value) {
  if (value.empty())
    answers.erase(path);
  else
    answers[path] = value;
}

// The fields of record `key` of `repeat` on one side ("rep[key]/...").
Answers recordFields(const Answers& answers, const std::string& repeat, const std::string& key) {
  Answers out;
  const std::string prefix = recordPrefix(repeat, key);
  for (auto it = answers.lower_bound(prefix);
       it != answers.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
    out.emplace_hint(out.end(), it->first, it->second);
  return out;
}

bool contains(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::vector<std::string> restrictedTo(const std::vector<std::string>& keys,
                                      const std::set<std::string>& keep) {
  std::vector<std::string> out;
  for (const auto& k : keys)
    if (keep.contains(k)) out.push_back(k);
  return out;
}

class Merger {
 public:
  Merger(const Questionnaire& q, const Answers& base, const Answers& ours, const Answers& theirs)
      : q_(q), base_(base), ours_(ours), theirs_(theirs) {
    result_.nextBase = base;
  }

  MergeResult run() {
    std::set<std::string> paths, repeats;
    for (const Answers* side : {&base_, &ours_, &theirs_})
      for (const auto& [path, value] : *side) {
        auto parsed = parseAnswerPath(path);
        if (parsed && !parsed->repeat.empty())
          repeats.insert(parsed->repeat);
        else if (isListPath(path, parsed ? &*parsed : nullptr))
          repeats.insert(path);
        else
          paths.insert(path);
      }
    for (const auto& path : paths)
      field(path, valueAt(base_, path), valueAt(ours_, path), valueAt(theirs_, path), plainWrites_);
    for (const auto& repeat : repeats) mergeRepeat(repeat);
    auto& w = result_.writes;
    for (auto* group : {&removeWrites_, &plainWrites_, &listWrites_, &addWrites_})
      w.insert(w.end(), group->begin(), group->end());
    return std::move(result_);
  }

 private:
  bool isListPath(const std::string& path, const AnswerPath* parsed) const {
    if (!parsed || !parsed->part.empty() || !parsed->mark.empty()) return false;
    const Question* question = q_.find(path);
    return question && question->type == QuestionType::Repeat;
  }

  // One field, three ways. `counted` is false for fields only ours has.
  void field(const std::string& path, const std::string& b, const std::string& o, const std::string& t,
             std::vector<AnswerWrite>& writes) {
    if (t == b) {
      if (!b.empty() || base_.contains(path) || theirs_.contains(path)) result_.unchanged.push_back(path);
      return;
    }
    if (o == b) {
      writes.push_back({path, t});
      result_.applied.push_back(path);
      setOrErase(result_.nextBase, path, t);
    } else if (o == t) {
      result_.unchanged.push_back(path);
      setOrErase(result_.nextBase, path, t);
    } else {
      MergeConflict c;
      c.path = path;
      c.base = b;
      c.ours = o;
      c.theirs = t;
      result_.conflicts.push_back(std::move(c));
    }
  }

  void mergeRepeat(const std::string& repeat) {
    const auto B = splitWords(valueAt(base_, repeat));
    const auto O = splitWords(valueAt(ours_, repeat));
    const auto T = splitWords(valueAt(theirs_, repeat));
    std::vector<std::string> all = B;
    for (const auto* side : {&O, &T})
      for (const auto& k : *side)
        if (!contains(all, k)) all.push_back(k);

    std::set<std::string> members, unsettled;
    for (const auto& k : all) {
      const bool inB = contains(B, k), inO = contains(O, k), inT = contains(T, k);
      const Answers bf = inB ? recordFields(base_, repeat, k) : Answers{};
      const Answers of = inO ? recordFields(ours_, repeat, k) : Answers{};
      const Answers tf = inT ? recordFields(theirs_, repeat, k) : Answers{};
      if (inO && inT) {  // kept on both sides (or added by both: a re-import)
        members.insert(k);
        std::set<std::string> fields;
        for (const auto* side : {&bf, &of, &tf})
          for (const auto& [path, value] : *side) fields.insert(path);
        for (const auto& path : fields)
          field(path, valueAt(bf, path), valueAt(of, path), valueAt(tf, path), addWrites_);
      } else if (inT && !inB) {  // added by the agency
        members.insert(k);
        for (const auto& [path, value] : tf) {
          addWrites_.push_back({path, value});
          result_.applied.push_back(path);
          result_.nextBase[path] = value;
        }
      } else if (inO && !inB) {  // added by the focal point: theirs to keep
        members.insert(k);
      } else if (inB && inO && !inT) {  // removed by the agency
        if (of == bf) {
          for (const auto& [path, value] : of) {
            removeWrites_.push_back({path, ""});
            result_.applied.push_back(path);
          }
          for (const auto& [path, value] : bf) result_.nextBase.erase(path);
        } else {
          members.insert(k);
          unsettled.insert(k);
          recordConflict(ConflictKind::RecordRemovedByThem, repeat, k, bf, of, tf);
        }
      } else if (inB && inT && !inO) {  // removed by the focal point
        if (tf == bf) {
          for (const auto& [path, value] : tf) result_.unchanged.push_back(path);
        } else {
          unsettled.insert(k);
          recordConflict(ConflictKind::RecordRemovedByUs, repeat, k, bf, of, tf);
        }
      } else {  // removed on both sides
        for (const auto& [path, value] : bf) result_.nextBase.erase(path);
      }
    }

    // The merged list: an ordered set.
    std::set<std::string> common;
    for (const auto& k : B)
      if (contains(O, k) && contains(T, k)) common.insert(k);
    const bool onlyTheyReordered = restrictedTo(T, common) != restrictedTo(B, common) &&
                                   restrictedTo(O, common) == restrictedTo(B, common);
    std::vector<std::string> merged = restrictedTo(onlyTheyReordered ? T : O, members);
    for (const auto* source : {&T, &O})
      for (std::size_t i = 0; i < source->size(); ++i) {
        const std::string& k = (*source)[i];
        if (!members.contains(k) || contains(merged, k)) continue;
        auto at = merged.begin();
        for (std::size_t j = i; j-- > 0;)
          if (auto it = std::find(merged.begin(), merged.end(), (*source)[j]); it != merged.end()) {
            at = it + 1;
            break;
          }
        merged.insert(at, k);
      }
    const std::string mergedText = joinWords(merged);
    const bool mentioned = base_.contains(repeat) || theirs_.contains(repeat);
    if (mergedText != valueAt(ours_, repeat)) {
      listWrites_.push_back({repeat, mergedText});
      result_.applied.push_back(repeat);
    } else if (mentioned) {
      result_.unchanged.push_back(repeat);
    }

    // The next base list: the agency's records, except where a conflict is open.
    std::vector<std::string> nextKeys;
    for (const auto& k : T)
      if (!unsettled.contains(k) || contains(B, k)) nextKeys.push_back(k);
    for (const auto& k : B)
      if (unsettled.contains(k) && !contains(nextKeys, k)) nextKeys.push_back(k);
    setOrErase(result_.nextBase, repeat, joinWords(nextKeys));
  }

  void recordConflict(ConflictKind kind, const std::string& repeat, const std::string& key, const Answers& bf,
                      const Answers& of, const Answers& tf) {
    MergeConflict c;
    c.kind = kind;
    c.path = recordConflictPath(repeat, key);
    c.repeat = repeat;
    c.recordKey = key;
    c.baseRecord = bf;
    c.oursRecord = of;
    c.theirsRecord = tf;
    c.base = recordSummary(bf);
    c.ours = recordSummary(of);
    c.theirs = recordSummary(tf);
    result_.conflicts.push_back(std::move(c));
  }

  const Questionnaire& q_;
  const Answers& base_;
  const Answers& ours_;
  const Answers& theirs_;
  MergeResult result_;
  std::vector<AnswerWrite> removeWrites_, plainWrites_, listWrites_, addWrites_;
};

}  // namespace

MergeResult mergeContribution(const Questionnaire& questionnaire, const Answers& base, const Answers& ours,
                              const Answers& theirs) {
  return Merger(questionnaire, base, ours, theirs).run();
}

void settleConflict(Answers& base, const MergeConflict& conflict) {
  if (conflict.kind == ConflictKind::Value) {
    setOrErase(base, conflict.path, conflict.theirs);
    return;
  }
  for (const auto& [path, value] : conflict.baseRecord) base.erase(path);
  auto keys = splitWords(valueAt(base, conflict.repeat));
  std::erase(keys, conflict.recordKey);
  if (conflict.kind == ConflictKind::RecordRemovedByUs) {
    for (const auto& [path, value] : conflict.theirsRecord) base[path] = value;
    keys.push_back(conflict.recordKey);
  }
  setOrErase(base, conflict.repeat, joinWords(keys));
}

}  // namespace focal
