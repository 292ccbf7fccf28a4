#include "export/data/export_rows.h"

#include <algorithm>
#include <map>

#include "forms/answer_path.h"
#include "forms/answer_value.h"
#include "forms/question_kinds.h"

namespace focal {

namespace {

// The order of a stored path within its question: the value, then parts in
// the order the question defines them, then the marks.
int rank(const Question& q, const AnswerPath& p) {
  int markRank = p.mark.empty() ? 0 : p.mark == "status" ? 1 : p.mark == "comment" ? 2 : 3;
  if (!p.mark.empty()) return 100000 + markRank;
  if (p.part.empty()) return 0;
  const int index = partIndex(q, p.part, p.subpart);
  return index < 0 ? 50000 : 1 + index;
}

bool isNumber(const std::string& text) {
  double ignored;
  return parseDecimal(text, ignored);
}

}  // namespace

std::vector<ExportRow> exportRows(const ReportContext& context) {
  const Questionnaire& q = context.questionnaire();
  const ResponseSession& session = context.session();
  // Stored answers grouped by (question, record).
  std::map<std::pair<int, std::string>, std::vector<std::pair<AnswerPath, const ReportAnswer*>>> groups;
  for (const auto& a : context.report().answers) {
    auto parsed = parseAnswerPath(a.path);
    // Where a taken answer came from and last cycle's values are Focal's bookkeeping, not data.
    if (!parsed || parsed->mark == "offered" || parsed->mark == "previous") continue;
    int index = q.indexOf(parsed->question);
    if (index < 0) continue;
    groups[{index, parsed->recordKey}].emplace_back(*parsed, &a);
  }
  std::vector<ExportRow> rows;
  auto emit = [&](int index, const std::string& repeat, const std::string& key, int number) {
    const Question& question = q.questions[index];
    auto it = groups.find({index, key});
    if (it != groups.end()) {
      auto& entries = it->second;
      std::stable_sort(entries.begin(), entries.end(), [&](const auto& x, const auto& y) {
        return rank(question, x.first) < rank(question, y.first);
      });
      for (const auto& [path, answer] : entries) {
        ExportRow row;
        row.path = answer->path;
        row.question = question.id;
        row.repeat = repeat;
        row.record = key;
        row.recordNumber = number;
        row.part = path.partText();
        row.mark = path.mark;
        row.value = answer->value;
        row.changedBy = answer->changedBy;
        row.changedAt = answer->changedAt;
        row.definition = &question;
        if (row.mark == "status")
          row.label = context.statusText(row.value);
        else if (!row.mark.empty() || question.type == QuestionType::Repeat)
          row.label = row.value;
        else if (row.part.empty())
          row.label = context.display(question, row.value);
        else
          row.label = row.value;
        // Numbers: the value of a number question, every cell of a table.
        const QuestionKind& kind = kindOf(question);
        row.numeric = row.mark.empty() && kind.numeric &&
                      (row.part.empty() || kind.shape == AnswerShape::Cells) && isNumber(row.value);
        rows.push_back(std::move(row));
      }
    }
    if (kindOf(question).columns == ExportColumns::Computed) {
      const std::string questionPath = recordPath(repeat, key, question.id).str();
      if (!session.isRelevant(questionPath)) return;
      std::string value = session.calculated(questionPath);
      if (value.empty()) return;
      ExportRow row;
      row.path = questionPath;
      row.question = question.id;
      row.repeat = repeat;
      row.record = key;
      row.recordNumber = number;
      row.value = row.label = value;
      row.calculated = true;
      row.numeric = isNumber(value);
      row.definition = &question;
      rows.push_back(std::move(row));
    }
  };
  for (int i = 0; i < static_cast<int>(q.questions.size()); ++i) {
    const Question& question = q.questions[i];
    if (question.repeat >= 0) continue;
    emit(i, {}, {}, 0);
    if (question.type != QuestionType::Repeat || !session.isRelevant(question.id)) continue;
    int number = 0;
    for (const auto& key : session.records(question.id)) {
      ++number;
      for (int child : question.children) emit(child, question.id, key, number);
    }
  }
  return rows;
}

const std::vector<std::string>& exportRowHeader() {
  static const std::vector<std::string> header{
      "state", "questionnaire", "version", "path",  "question",   "repeat",     "record",    "record_number",
      "part",  "mark",          "value",   "label", "calculated", "changed_by", "changed_at"};
  return header;
}

std::vector<std::string> exportRowFields(const ReportContext& context, const ExportRow& row) {
  const auto& m = context.report().metadata;
  return {m.state,
          m.questionnaireId,
          m.questionnaireVersion,
          row.path,
          row.question,
          row.repeat,
          row.record,
          row.recordNumber ? std::to_string(row.recordNumber) : std::string(),
          row.part,
          row.mark,
          row.value,
          row.label,
          row.calculated ? "yes" : "",
          row.changedBy,
          row.changedAt};
}

std::size_t utf16Units(const std::string& text) {
  std::size_t units = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    units += (c >= 0xF0) ? 2 : 1;      // outside the BMP: a surrogate pair
  }
  return units;
}

std::string cutToUtf16Units(const std::string& text, std::size_t maxUnits, bool* cut) {
  std::size_t units = 0, i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::size_t add = length == 4 ? 2 : 1;
    if (units + add > maxUnits) break;
    units += add;
    i += length;
  }
  if (cut) *cut = i < text.size();
  return text.substr(0, std::min(i, text.size()));
}

}  // namespace focal
