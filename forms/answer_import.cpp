#include "forms/answer_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "forms/answer_path.h"
#include "forms/answer_text.h"
#include "forms/answer_value.h"
#include "forms/diagnostics.h"
#include "forms/i18n.h"
#include "forms/question_kinds.h"
#include "forms/questionnaire_loader.h"
#include "forms/workspace.h"
#include "forms/yaml_tree.h"

namespace focal {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;  // keeps the order of the file

namespace {

constexpr std::uintmax_t kMaxAnswerFileBytes = 64 * 1024 * 1024;

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string mimeType(const std::string& fileName) {
  static const std::map<std::string, std::string> kTypes = {
      {".pdf", "application/pdf"},
      {".doc", "application/msword"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {".odt", "application/vnd.oasis.opendocument.text"},
      {".rtf", "application/rtf"},
      {".txt", "text/plain"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".ods", "application/vnd.oasis.opendocument.spreadsheet"},
      {".csv", "text/csv"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
  };
  std::string ext = fs::path(fileName).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

// ---- JSON to rows -------------------------------------------------------------

class JsonFlattener {
 public:
  JsonFlattener(const Questionnaire& q, AnswerFile& out) : q_(q), out_(out) {}

  void topLevel(const std::string& key, const json& value) {
    const std::string where = "\"" + key + "\"";
    auto parsed = parseAnswerPath(key);
    const Question* question = parsed ? q_.find(parsed->question) : nullptr;
    if (!parsed || !question || !parsed->mark.empty() || !parsed->part.empty() || !parsed->repeat.empty()) {
      scalar(where, key, question, value);
      return;
    }
    if (question->type == QuestionType::Repeat) {
      if (!value.is_array())
        return problem(where, key, msg("Give the records of {} as a list of objects.", key));
      for (const auto& record : value) {
        const std::string number = std::to_string(++records_[key]);
        const std::string recordWhere = msg("{}, record {}", where, number);
        if (!record.is_object()) {
          problem(recordWhere, key, tr("Each record is an object from question id to value."));
          continue;
        }
        for (const auto& [child, childValue] : record.items()) {
          const std::string base = recordPrefix(key, number) + child;
          auto childParsed = parseAnswerPath(base);
          const Question* childQuestion = childParsed ? q_.find(childParsed->question) : nullptr;
          if (childParsed && childQuestion && childParsed->mark.empty() && childParsed->part.empty())
            structured(recordWhere + ", \"" + child + "\"", base, *childQuestion, childValue);
          else
            scalar(recordWhere + ", \"" + child + "\"", base, childQuestion, childValue);
        }
      }
      return;
    }
    structured(where, key, *question, value);
  }

 private:
  void structured(const std::string& where, const std::string& path, const Question& question,
                  const json& value) {
    switch (kindOf(question).shape) {
      case AnswerShape::Choice:
        if (question.type == QuestionType::MultipleChoice && value.is_array()) {
          std::vector<std::string> words;
          for (const auto& v : value) {
            if (!v.is_string())
              return problem(where, path, tr("List the choices as texts, such as [\"labour\"]."));
            words.push_back(v.get<std::string>());
          }
          return row(where, path, joinWords(words));
        }
        break;
      case AnswerShape::Fields:  // {"title": ..., "article": ...}
        if (value.is_object()) {
          for (const auto& [part, v] : value.items())
            scalar(where + ", \"" + part + "\"", partPath(path, part), &question, v);
          return;
        }
        break;
      case AnswerShape::Cells:  // {"row": {"column": number}}
        if (value.is_object()) {
          for (const auto& [rowId, cells] : value.items()) {
            if (!cells.is_object()) {
              problem(where, partPath(path, rowId),
                      tr("Give each row of a table as an object from column to number."));
              continue;
            }
            for (const auto& [column, v] : cells.items())
              scalar(where + ", \"" + rowId + "\", \"" + column + "\"", partPath(path, rowId, column),
                     &question, v);
          }
          return;
        }
        break;
      case AnswerShape::Value:
        if (question.type == QuestionType::Repeat)
          return problem(where, path, tr("A list cannot be inside another list."));
        break;
      case AnswerShape::None:
        break;
    }
    scalar(where, path, &question, value);
  }

  void scalar(const std::string& where, const std::string& path, const Question* question,
              const json& value) {
    switch (value.type()) {
      case json::value_t::string:
        return row(where, path, value.get<std::string>());
      case json::value_t::number_integer:
      case json::value_t::number_unsigned:
      case json::value_t::number_float:
        return row(where, path, value.dump());
      case json::value_t::boolean:
        if (question && question->type == QuestionType::YesNo)
          return row(where, path, value.get<bool>() ? "yes" : "no");
        return problem(where, path,
                       tr("true and false answer yes/no questions only; give a text or a number."));
      case json::value_t::null:
        out_.rows.push_back({where, path, {}, true});
        return;
      default:
        return problem(where, path,
                       tr("Give a single value here (a text or a number), not a list or object."));
    }
  }

  void row(const std::string& where, const std::string& path, std::string value) {
    out_.rows.push_back({where, path, std::move(value), false});
  }
  void problem(const std::string& where, const std::string& path, std::string message) {
    out_.problems.push_back({where, path, std::move(message)});
  }

  const Questionnaire& q_;
  AnswerFile& out_;
  std::map<std::string, int> records_;
};

}  // namespace

// ---- reading ----------------------------------------------------------------------

AnswerFile parseAnswersCsv(std::string_view text, const std::string& name) {
  AnswerFile out;
  out.name = name;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t i = 0;
  int line = 1;
  bool header = true;
  while (i < text.size()) {
    const int start = line;
    std::vector<std::string> fields(1);
    std::string error;
    bool quoted = false, closed = false;
    while (i < text.size()) {
      const char c = text[i];
      if (quoted) {
        if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
          fields.back() += '"';
          i += 2;
        } else if (c == '"') {
          quoted = false;
          closed = true;
          ++i;
        } else {
          if (c == '\n') ++line;
          fields.back() += c;
          ++i;
        }
        continue;
      }
      if (c == '\r' || c == '\n') {
        i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
        ++line;
        break;
      }
      ++i;
      if (c == ',') {
        fields.emplace_back();
        closed = false;
      } else if (c == '"' && fields.back().empty() && !closed) {
        quoted = true;
      } else if (error.empty() && (c == '"' || closed)) {
        error =
            tr("A value with a double quote must be put in double quotes, with each quote inside doubled "
               "(\"\").");
      } else {
        fields.back() += c;
      }
    }
    if (quoted) error = tr("A quoted value is not closed; add the closing double quote.");
    if (fields.size() == 1 && fields[0].empty() && error.empty()) continue;  // blank line
    if (header) {
      header = false;
      if (fields.size() != 2 || trimmedText(fields[0]) != "question_id" || trimmedText(fields[1]) != "value")
        throw WorkspaceError(
            WorkspaceError::Kind::Refused,
            msg("{}: the first line must be the header question_id,value. Add it above the answers.", name));
      continue;
    }
    const std::string where = msg("row {}", start);
    const std::string path = fields.empty() ? std::string() : trimmedText(fields[0]);
    if (!error.empty())
      out.problems.push_back({where, path, error});
    else if (fields.size() != 2)
      out.problems.push_back({where, path,
                              msg("This row has {} values; it needs 2 (question_id,value). Put a value "
                                  "that contains a comma in double quotes.",
                                  fields.size())});
    else if (firstInvalidUtf8(fields[1]) || firstInvalidUtf8(path))
      out.problems.push_back({where, path, tr("This row is not UTF-8 text; save the file as CSV UTF-8.")});
    else
      out.rows.push_back({where, path, fields[1], false});
  }
  if (header)
    throw WorkspaceError(
        WorkspaceError::Kind::Refused,
        msg("{} is empty; it needs the header question_id,value and one answer per row.", name));
  return out;
}

AnswerFile parseAnswersJson(std::string_view text, const std::string& name,
                            const Questionnaire& questionnaire) {
  AnswerFile out;
  out.name = name;
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& e) {
    const std::size_t at = std::min<std::size_t>(e.byte ? e.byte - 1 : 0, text.size());
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    throw WorkspaceError(WorkspaceError::Kind::Refused,
                         msg("{}:{}: this is not valid JSON ({}). Correct the file and run fill again.", name,
                             line, e.what()));
  } catch (const json::exception& e) {
    // Found by answers_fuzz: a number too large for a double (1e561) is
    // json::out_of_range, not a parse error, and ended focal-cli fill.
    throw WorkspaceError(WorkspaceError::Kind::Refused,
                         msg("{}: a value cannot be read ({}). Write very large numbers as text, or correct "
                             "the file, and run fill again.",
                             name, e.what()));
  }
  if (!document.is_object())
    throw WorkspaceError(WorkspaceError::Kind::Refused,
                         msg("{}: the answers must be one JSON object from question id to value, such as "
                             "{{\"q_1\": \"yes\"}}.",
                             name));
  JsonFlattener flattener(questionnaire, out);
  for (const auto& [key, value] : document.items()) flattener.topLevel(key, value);
  return out;
}

AnswerFile readAnswerFile(const std::string& path, const Questionnaire& questionnaire) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw WorkspaceError(WorkspaceError::Kind::NotFound, msg("The answers file {} does not exist.", path));
  if (fs::file_size(path, ec) > kMaxAnswerFileBytes)
    throw WorkspaceError(WorkspaceError::Kind::Refused,
                         msg("{} is larger than 64 MB; split it into several files.", path));
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
    throw WorkspaceError(
        WorkspaceError::Kind::Refused,
        msg("{} is saved as UTF-16 (\"Unicode text\"); save it as CSV UTF-8 and run fill again.", path));
  std::size_t first = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (first < text.size() && std::isspace(static_cast<unsigned char>(text[first]))) ++first;
  AnswerFile file = first < text.size() && text[first] == '{' ? parseAnswersJson(text, path, questionnaire)
                                                              : parseAnswersCsv(text, path);
  file.directory = fs::path(path).parent_path().string();
  return file;
}

// ---- applying -----------------------------------------------------------------------

namespace {

struct Item {
  const AnswerRow* row;
  AnswerPath path;  // the record key is filled in when the record is added
  const Question* question;
  bool stored = false;
};

class Importer {
 public:
  Importer(ResponseDocument& document, const AnswerFile& file) : doc_(document), file_(file) {}

  ImportResult run() {
    result_.rejected = file_.problems;
    std::vector<Item> direct;
    std::vector<std::pair<std::string, std::vector<Item>>> records;  // "repeat[number]" in file order
    std::map<std::string, std::size_t> groupIndex;                   // "repeat[number]" -> place in records
    for (const auto& row : file_.rows) {
      if (row.isNull || row.value.empty()) {
        ++result_.skipped;
        continue;
      }
      auto item = check(row);
      if (!item) continue;
      if (!item->path.repeat.empty() && allDigits(item->path.recordKey)) {
        const std::string group = recordId(item->path.repeat, item->path.recordKey);
        auto [at, added] = groupIndex.try_emplace(group, records.size());
        if (added) records.push_back({group, {}});
        records[at->second].second.push_back(*item);
      } else {
        direct.push_back(*item);
      }
    }
    std::vector<Item*> refused;
    {
      // The history says where the values came from.
      const std::string file = fs::path(file_.name).filename().string();
      auto batch =
          doc_.batch(file.empty() ? msg("Filled from an answers file") : msg("Filled from {}", file));
      // Pass 1, in file order: values, then the records.
      for (auto& item : direct)
        if (!store(item)) refused.push_back(&item);
      for (auto& [group, items] : records) addRecord(items);
      // Pass 2: what was refused may fit now that everything else is in.
      for (Item* item : refused)
        if (!store(*item)) reject(*item->row, lastRefusal_);
    }
    countSaved();
    judge(direct);
    for (auto& [group, items] : records) judge(items);
    return result_;
  }

 private:
  void reject(const AnswerRow& row, std::string message) {
    result_.rejected.push_back({row.where, row.path, std::move(message)});
  }

  std::optional<Item> check(const AnswerRow& row) {
    const Questionnaire& q = doc_.questionnaire();
    auto parsed = parseAnswerPath(row.path);
    if (!parsed) {
      reject(row,
             msg("'{}' is not an answer path such as q_1, q_12/title, q_15[1]/q_15_partner or q_7@status.",
                 row.path));
      return std::nullopt;
    }
    const Question* question = q.find(parsed->question);
    if (!question) {
      std::vector<std::string> ids;
      for (const auto& each : q.questions) ids.push_back(each.id);
      std::string near = nearestWord(parsed->question, ids);
      reject(row, near.empty() ? msg("There is no question '{}' in {}.", parsed->question, q.info.id)
                               : msg("There is no question '{}' in {}; did you mean '{}'?", parsed->question,
                                     q.info.id, near));
      return std::nullopt;
    }
    if (parsed->mark == "carried" || parsed->mark == "offered" || parsed->mark == "previous") {
      reject(row, msg("The @{} mark is set by Focal; leave it out of the file.", parsed->mark));
      return std::nullopt;
    }
    if (question->type == QuestionType::Repeat && parsed->mark.empty()) {
      reject(row,
             msg("Give the records of the list {} one value per row, numbered from 1: {}[1]/QUESTION_ID.",
                 question->id, question->id));
      return std::nullopt;
    }
    if (question->repeat >= 0) {
      const std::string& repeatId = q.questions[question->repeat].id;
      if (parsed->repeat != repeatId) {
        reject(row, msg("{} is asked for each record of the list {}; write {}[1]/{} for the first record.",
                        question->id, repeatId, repeatId, question->id));
        return std::nullopt;
      }
    } else if (!parsed->repeat.empty()) {
      // Found by answers_fuzz: a question outside any list, written as a
      // record of a list ("other[1]/q_2"), reached code that expects a list.
      reject(row, msg("{} is not asked in a list of records; write {} alone, without {}[...]/.", question->id,
                      question->id, parsed->repeat));
      return std::nullopt;
    }
    std::string problem = checkPathFits(*question, *parsed);
    if (problem.empty()) problem = checkAnswerText(*question, *parsed, row.value);
    if (problem.empty() && !(question->type == QuestionType::Attachment && parsed->mark.empty()))
      problem = checkAnswerValue(*question, *parsed, row.value);
    if (!problem.empty()) {
      reject(row, problem);
      return std::nullopt;
    }
    return Item{&row, *parsed, question};
  }

  // Stores one item; false (with lastRefusal_) when the session refuses it.
  bool store(Item& item) {
    const std::string path = item.path.str();
    if (item.question->type == QuestionType::Attachment && item.path.mark.empty()) return attach(item, path);
    std::vector<AnswerChange> changes;
    Outcome outcome = doc_.apply({{path, item.row->value}}, &changes);
    if (outcome.status == AnswerStatus::Refused) {
      lastRefusal_ = outcome.message;
      return false;
    }
    item.stored = true;
    auto change =
        std::find_if(changes.begin(), changes.end(), [&](const AnswerChange& c) { return c.path == path; });
    touched(path, change == changes.end() ? doc_.session().value(path) : change->before);
    return true;
  }

  // The value `path` had before the import, noted the first time a row
  // writes it: "N answers saved" counts answers stored, not rows (a file
  // writing one answer a million times saved one answer).
  void touched(const std::string& path, const std::string& before) { before_.emplace(path, before); }
  void countSaved() {
    for (const auto& [path, before] : before_)
      ++(doc_.session().value(path) == before ? result_.unchanged : result_.saved);
  }

  bool attach(Item& item, const std::string& path) {
    fs::path file = item.row->value;
    if (file.is_relative() && !file_.directory.empty()) file = fs::path(file_.directory) / file;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
      reject(*item.row,
             msg("The file {} was not found; give its path from the folder of the answers file, or its "
                 "full path.",
                 file.string()));
      return true;  // reported; not retried
    }
    if (fs::file_size(file, ec) > limits::kMaxAttachmentMb * 1024 * 1024) {
      reject(*item.row, msg("The file {} is larger than {} MB, the most a workspace accepts.", file.string(),
                            limits::kMaxAttachmentMb));
      return true;
    }
    std::ifstream in(file, std::ios::binary);
    std::vector<unsigned char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
      const std::string before = doc_.session().value(path);
      AttachmentInfo info = doc_.attach(path, file.filename().string(), mimeType(file.string()), data);
      // The same name with other bytes is a new file: counted as saved.
      touched(path, before == info.name && !info.deduplicated ? std::string() : before);
      item.stored = true;
    } catch (const WorkspaceError& e) {
      reject(*item.row, e.what());
    }
    return true;
  }

  // A repeat's records as the import sees them: how many there are, and
  // for each field's value the records holding it, so that finding a record
  // that already holds a group's values does not read every record per row.
  struct RecordIndex {
    std::size_t count = 0;
    std::unordered_map<std::string, std::vector<std::string>> byValue;  // "field\nvalue" -> keys
  };
  static std::string fieldKey(const std::string& repeatId, const std::string& path,
                              const std::string& value) {
    // path is repeatId[key]/rest; the field is what follows the key.
    const std::size_t close = path.find(']', repeatId.size());
    return (close == std::string::npos ? path : path.substr(close + 1)) + "\n" + value;
  }
  void indexRecord(RecordIndex& index, const std::string& repeatId, const std::string& key) {
    const std::string prefix = recordId(repeatId, key);
    const auto& answers = doc_.session().answers();
    for (auto it = answers.lower_bound(prefix);
         it != answers.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
      index.byValue[fieldKey(repeatId, it->first, it->second)].push_back(key);
  }
  RecordIndex& recordIndex(const std::string& repeatId) {
    auto [it, added] = recordIndexes_.try_emplace(repeatId);
    if (added) {
      const auto keys = doc_.session().records(repeatId);
      it->second.count = keys.size();
      for (const auto& key : keys) indexRecord(it->second, repeatId, key);
    }
    return it->second;
  }

  void addRecord(std::vector<Item>& items) {
    const Questionnaire& q = doc_.questionnaire();
    const ResponseSession& s = doc_.session();
    const std::string repeatId = items.front().path.repeat;
    const Question& repeat = *q.find(repeatId);
    RecordIndex& index = recordIndex(repeatId);
    const Item& first = items.front();
    auto candidates = index.byValue.find(fieldKey(repeatId, first.path.str(), first.row->value));
    if (candidates != index.byValue.end()) {
      for (const auto& key : candidates->second) {
        ++result_.recordsCompared;
        bool same = std::all_of(items.begin(), items.end(), [&](const Item& item) {
          AnswerPath p = item.path;
          p.recordKey = key;
          return s.value(p.str()) == item.row->value;
        });
        if (same) {
          ++result_.recordsAlreadyPresent;
          result_.unchanged += items.size();
          for (auto& item : items) item.path.recordKey = key;
          return;
        }
      }
    }
    const std::size_t limit = repeat.maxRecords ? repeat.maxRecords : limits::kDefaultMaxRecords;
    if (index.count >= limit) {
      for (const auto& item : items)
        reject(*item.row,
               msg("The list {} already has {} records, the most it may have; this record was not added.",
                   repeatId, limit));
      return;
    }
    const std::string key = doc_.addRecord(repeatId);
    ++result_.recordsAdded;
    index.count = s.records(repeatId).size();
    for (auto& item : items) {
      item.path.recordKey = key;
      if (!store(item)) reject(*item.row, lastRefusal_);
    }
    if (!key.empty()) indexRecord(index, repeatId, key);
  }

  // The second look: once everything is in, flag what the questionnaire
  // does not accept as it stands (the values are stored all the same).
  void judge(const std::vector<Item>& items) {
    const ResponseSession& s = doc_.session();
    for (const auto& item : items) {
      if (!item.stored || item.path.mark == "comment") continue;
      const std::string questionPath = item.path.questionPath().str();
      if (!judged_.insert(questionPath).second) continue;
      if (!s.isRelevant(questionPath))
        result_.warnings.push_back(
            {item.row->where, item.row->path,
             tr("Stored, but this question does not apply given the other answers, so it "
                "will not be part of the report.")});
      else if (std::string error = s.error(questionPath); !error.empty())
        result_.warnings.push_back({item.row->where, item.row->path, msg("Stored, but: {}", error)});
    }
  }

  ResponseDocument& doc_;
  const AnswerFile& file_;
  ImportResult result_;
  std::string lastRefusal_;
  std::set<std::string> judged_;
  std::map<std::string, std::string> before_;
  std::map<std::string, RecordIndex> recordIndexes_;
};

}  // namespace

ImportResult importAnswers(ResponseDocument& document, const AnswerFile& file) {
  if (document.workspace().readOnly()) {
    ImportResult result;
    result.rejected = file.problems;
    for (const auto& row : file.rows)
      result.rejected.push_back({row.where, row.path, document.status().message});
    return result;
  }
  return Importer(document, file).run();
}

}  // namespace focal
