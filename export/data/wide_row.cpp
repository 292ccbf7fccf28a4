#include "export/data/wide_row.h"

#include <algorithm>
#include <cctype>

#include "forms/answer_value.h"
#include "forms/question_kinds.h"

namespace focal {

namespace {

// The codes of a single-choice question's values in the SPSS and Stata
// exports: the values themselves when every one is a whole number written
// without leading zeros (1, 2, 99), else 1, 2, 3... in the order of the list.
std::vector<int> choiceCodes(const std::vector<Choice>& choices) {
  std::vector<int> codes;
  for (const Choice& choice : choices) {
    const std::string& v = choice.value;
    const bool numeric = !v.empty() && v.size() <= 9 && (v == "0" || v[0] != '0') &&
                         std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!numeric) break;
    codes.push_back(std::stoi(v));
  }
  if (codes.size() == choices.size()) return codes;
  codes.clear();
  for (std::size_t i = 0; i < choices.size(); ++i) codes.push_back(static_cast<int>(i) + 1);
  return codes;
}

// A label being built: its text, and which byte ranges of it are question
// labels (shortened first when a format caps labels).
struct Label {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> stems;

  Label stem(const std::string& questionLabel) const {
    Label l = *this;
    l.stems.emplace_back(l.text.size(), l.text.size() + questionLabel.size());
    l.text += questionLabel;
    return l;
  }
  Label operator+(const std::string& more) const {
    Label l = *this;
    l.text += more;
    return l;
  }
};

class Builder {
 public:
  Builder(const ReportContext& context, bool layout) : c_(context), layout_(layout) {}

  void question(const Question& q, const std::string& base, const std::string& suffix, const Label& prefix,
                bool relevant) {
    auto value = [&](const std::string& path) { return relevant ? c_.value(path) : std::string(); };
    const Label label = prefix.stem(c_.text(q.label));
    const auto& l = c_.labels();
    const std::size_t first = out_.size();
    question_ = &q;
    record_ = suffix.empty() ? 0 : std::stoi(suffix.substr(1));
    const AnswerPath at = parseAnswerPath(base).value_or(pathOf(q.id));
    switch (kindOf(q).columns) {
      case ExportColumns::None:
        return;
      case ExportColumns::YesNo: {
        std::string v = value(base);
        coded(q.id + suffix, label, {{1, l.yes}, {0, l.no}},
              v == "yes"  ? std::optional<double>(1)
              : v == "no" ? std::optional<double>(0)
                          : std::nullopt);
        break;
      }
      case ExportColumns::Choice: {
        std::vector<std::pair<int, std::string>> labels;
        std::optional<double> code;
        std::string v = value(base);
        // Numeric choice values (1, 2, 99) are the codes; else 1, 2, 3... by position.
        const std::vector<int> codes = choiceCodes(q.choices);
        for (std::size_t i = 0; i < q.choices.size(); ++i) {
          labels.emplace_back(codes[i], c_.text(q.choices[i].label));
          if (q.choices[i].value == v) code = codes[i];
        }
        if (q.otherOption) {
          const int otherCode = codes.empty() ? 1 : *std::max_element(codes.begin(), codes.end()) + 1;
          labels.emplace_back(otherCode, l.other);
          if (v == "other") code = otherCode;
        }
        coded(q.id + suffix, label, labels, code);
        if (q.otherOption) {
          text(q.id + "_other" + suffix, label + ": " + l.otherText, value(partPath(base, "other")));
          out_.back().part = "other";
        }
        break;
      }
      case ExportColumns::Choices: {
        std::string v = value(base);
        auto words = splitWords(v);
        auto selected = [&](const std::string& choice) -> std::optional<double> {
          if (v.empty()) return std::nullopt;
          return std::find(words.begin(), words.end(), choice) != words.end() ? 1.0 : 0.0;
        };
        for (const auto& choice : q.choices) {
          coded(q.id + "_" + choice.value + suffix, label + ": " + c_.text(choice.label),
                {{1, l.yes}, {0, l.no}}, selected(choice.value));
          out_.back().choice = choice.value;
        }
        if (q.otherOption) {
          coded(q.id + "_other" + suffix, label + ": " + l.other, {{1, l.yes}, {0, l.no}}, selected("other"));
          out_.back().choice = "other";
          text(q.id + "_other_text" + suffix, label + ": " + l.otherText, value(partPath(base, "other")));
          out_.back().part = "other";
        }
        break;
      }
      case ExportColumns::Number:
        number(q.id + suffix, label, value(base));
        break;
      case ExportColumns::Decimal:
        number(q.id + suffix, label, value(base), 2);
        break;
      case ExportColumns::Fields:
        for (const AnswerPath& part : answerParts(q, at)) {
          text(q.id + "_" + part.part + suffix, label + ": " + c_.partName(part.part), value(part.str()));
          out_.back().part = part.part;
        }
        break;
      case ExportColumns::Cells:
        for (const AnswerPath& cell : answerParts(q, at)) {
          number(q.id + "_" + cell.part + "_" + cell.subpart + suffix,
                 label + ": " + c_.text(axisLabel(q.rows, cell.part)) + ", " +
                     c_.text(axisLabel(q.columns, cell.subpart)),
                 value(cell.str()));
          out_.back().part = cell.partText();
        }
        break;
      case ExportColumns::Computed: {
        std::string v = relevant ? c_.session().calculated(base) : std::string();
        double d;
        if (v.empty() || parseDecimal(v, d))
          number(q.id + suffix, label, v);
        else
          text(q.id + suffix, label, v);
        break;
      }
      case ExportColumns::Records: {
        auto keys = layout_    ? std::vector<std::string>{"r000001"}
                    : relevant ? c_.session().records(q.id)
                               : std::vector<std::string>();
        number(q.id + "_n", label, relevant && !layout_ ? std::to_string(keys.size()) : std::string());
        int n = 0;
        for (const auto& key : keys) {
          ++n;
          const std::string recordPrefix = fillIn(l.record, std::to_string(n)) + " - ";
          for (int child : q.children) {
            const Question& cq = c_.questionnaire().questions[child];
            const std::string childBase = recordPath(q.id, key, cq.id).str();
            question(cq, childBase, "_" + std::to_string(n), label + ", " + recordPrefix,
                     layout_ || c_.session().isRelevant(childBase));
          }
          question_ = &q;
          record_ = 0;
        }
        break;
      }
      case ExportColumns::Text:
        text(q.id + suffix, label, value(base));
    }
    if (std::string status = value(withMark(base, "status")); !status.empty() && !layout_) {
      // The question's status ("information not available"...) marks its
      // numbers and codes left without a value, so a format can declare it.
      for (std::size_t i = first; i < out_.size(); ++i)
        if (out_[i].kind != WideVariable::Kind::Text && !out_[i].number) out_[i].status = status;
      text(q.id + "_status" + suffix, label + " (" + c_.labels().status + ")", status);
    }
  }

  std::vector<WideVariable> take() { return std::move(out_); }

 private:
  static const LocalizedText& axisLabel(const std::vector<TableAxisItem>& axis, const std::string& id) {
    static const LocalizedText none;
    for (const auto& item : axis)
      if (item.id == id) return item.label;
    return none;
  }
  void coded(std::string name, Label label, std::vector<std::pair<int, std::string>> labels,
             std::optional<double> code) {
    WideVariable v;
    v.wantedName = std::move(name);
    v.label = std::move(label.text);
    v.stems = std::move(label.stems);
    v.kind = WideVariable::Kind::Coded;
    v.valueLabels = std::move(labels);
    v.number = code;
    push(std::move(v));
  }
  // `decimals`: when the value has none to count (missing).
  void number(std::string name, Label label, const std::string& value, int decimals = 0) {
    WideVariable v;
    v.measure = WideVariable::Measure::Scale;
    const auto point = value.find('.');
    v.decimals = value.empty() ? decimals
                 : point == std::string::npos
                     ? 0
                     : static_cast<int>(std::min<std::size_t>(value.size() - point - 1, 16));
    v.wantedName = std::move(name);
    v.label = std::move(label.text);
    v.stems = std::move(label.stems);
    v.kind = WideVariable::Kind::Number;
    double d;
    if (!value.empty() && parseDecimal(value, d)) v.number = d;
    push(std::move(v));
  }
  void text(std::string name, Label label, std::string value) {
    WideVariable v;
    v.wantedName = std::move(name);
    v.label = std::move(label.text);
    v.stems = std::move(label.stems);
    v.kind = WideVariable::Kind::Text;
    v.text = std::move(value);
    push(std::move(v));
  }
  void push(WideVariable v) {
    v.question = question_;
    v.record = record_;
    out_.push_back(std::move(v));
  }

  const ReportContext& c_;
  const bool layout_;
  const Question* question_ = nullptr;
  int record_ = 0;
  std::vector<WideVariable> out_;
};

}  // namespace

std::vector<WideVariable> wideRow(const ReportContext& context) {
  Builder builder(context, false);
  const Questionnaire& q = context.questionnaire();
  for (const auto& question : q.questions)
    if (question.repeat < 0)
      builder.question(question, question.id, {}, Label{}, context.session().isRelevant(question.id));
  return builder.take();
}

std::vector<WideVariable> wideLayout(const ReportContext& context) {
  Builder builder(context, true);
  for (const auto& question : context.questionnaire().questions)
    if (question.repeat < 0) builder.question(question, question.id, {}, {}, true);
  return builder.take();
}

std::vector<WideVariable> identifyingVariables(const ReportContext& context) {
  const auto& m = context.report().metadata;
  auto fixed = [](std::string name, std::string label, std::string value) {
    WideVariable v;
    v.wantedName = std::move(name);
    v.label = std::move(label);
    v.text = std::move(value);
    return v;
  };
  return {fixed("state", "State (ISO 3166-1 alpha-3)", m.state),
          fixed("questionnaire", "Questionnaire", m.questionnaireId),
          fixed("version", "Questionnaire version", m.questionnaireVersion),
          fixed("status", "Report status", reportStatusKey(m.status))};
}

std::string cutUtf8(const std::string& text, std::size_t maxBytes) {
  if (text.size() <= maxBytes) return text;
  std::size_t cut = maxBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

std::string fitLabel(const WideVariable& variable, std::size_t maxBytes) {
  const std::string& label = variable.label;
  if (label.size() <= maxBytes) return label;
  static const std::string kEllipsis = "\u2026";
  constexpr std::size_t kShortestStem = 12;  // bytes of a question label kept at least
  std::size_t excess = label.size() - maxBytes;
  std::string out;
  std::size_t at = 0;
  for (const auto& [begin, end] : variable.stems) {
    out += label.substr(at, begin - at);
    std::string stem = label.substr(begin, end - begin);
    const std::size_t floor = kShortestStem + kEllipsis.size();
    if (excess > 0 && stem.size() > floor) {
      const std::size_t want = std::max(floor, stem.size() > excess ? stem.size() - excess : 0);
      std::string shortened = cutUtf8(stem, want - kEllipsis.size());
      while (!shortened.empty() && (shortened.back() == ' ' || shortened.back() == ',')) shortened.pop_back();
      shortened += kEllipsis;
      excess -= std::min(excess, stem.size() - shortened.size());
      stem = std::move(shortened);
    }
    out += stem;
    at = end;
  }
  out += label.substr(at);
  if (out.size() <= maxBytes) return out;
  // Still too long: keep the end, where the distinguishing part is.
  std::size_t from = out.size() - (maxBytes - kEllipsis.size());
  while (from < out.size() && (static_cast<unsigned char>(out[from]) & 0xC0) == 0x80) ++from;
  return kEllipsis + out.substr(from);
}

std::string VariableNamer::name(std::string_view wanted) {
  const bool spss = rules_ == Rules::Spss;
  const std::size_t maxLength = spss ? 64 : 32;
  std::string name;
  for (char ch : wanted) {
    unsigned char c = static_cast<unsigned char>(ch);
    name += (std::isalnum(c) && c < 0x80) || ch == '_' ? ch : '_';
  }
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name.front()))) name = "v" + name;
  if (spss)
    while (name.back() == '.') name.pop_back();
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  };
  static const std::unordered_set<std::string> spssReserved{"all", "and", "by",  "eq", "ge", "gt",  "le",
                                                            "lt",  "ne",  "not", "or", "to", "with"};
  static const std::unordered_set<std::string> stataReserved{
      "_all", "_b",    "byte", "_coef", "_cons", "double", "float", "if",  "in",  "int", "long",   "_n",
      "_pi",  "_pred", "_rc",  "_skip", "strl",  "using",  "with",  "_se", "str", "e",   "_weight"};
  const auto& reserved = spss ? spssReserved : stataReserved;
  std::string candidate = name.substr(0, maxLength);
  for (int n = 2; reserved.count(lower(candidate)) || taken_.count(lower(candidate)) ||
                  (!spss && lower(candidate).rfind("str", 0) == 0 && candidate.size() > 3 &&
                   std::all_of(candidate.begin() + 3, candidate.end(), ::isdigit));
       ++n) {
    // Not `"_" + std::to_string(n)`: GCC bug 105329 (a false -Wrestrict at -O3).
    const std::string suffix = std::string(1, '_').append(std::to_string(n));
    candidate = name.substr(0, maxLength - suffix.size()) + suffix;
  }
  taken_.insert(lower(candidate));
  return candidate;
}

}  // namespace focal
