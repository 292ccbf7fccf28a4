#include "forms/questionnaire_reader_internal.h"

namespace focal::detail {

void Reader::readChoiceLists(const YamlNode& node) {
  if (!node.isMapping()) {
    error(node, "'choice_lists' must be a mapping from list name to a list of choices");
    return;
  }
  for (const auto& [k, v] : node.entries) {
    if (!k.isScalar()) continue;
    if (!isIdentifier(k.scalar)) {
      error(k, "the choice list name '" + k.scalar + "' is not valid: use letters, digits and '_'");
      continue;
    }
    if (k.scalar == "reference_years") {
      error(k,
            "the name 'reference_years' is kept for the reference years (a table's 'rows: "
            "reference_years'); rename the choice list");
      continue;
    }
    choiceLists_[k.scalar] = readChoices(v, "choice list '" + k.scalar + "'");
    choiceListLines_[k.scalar] = k.line;
  }
}

std::vector<Choice> Reader::readChoices(const YamlNode& node, const std::string& what) {
  std::vector<Choice> choices;
  if (!node.isSequence() || node.items.empty()) {
    error(node, what + " must be a list of choices, each with a 'value' and a 'label'");
    return choices;
  }
  if (node.items.size() > limits::kMaxChoices) {
    error(node, what + " has " + std::to_string(node.items.size()) + " choices, more than the " +
                    std::to_string(limits::kMaxChoices) + " allowed");
    return choices;
  }
  std::unordered_map<std::string, int> seen;
  for (const auto& item : node.items) {
    if (!item.isMapping()) {
      error(item, "a choice must be a mapping with 'value' and 'label', e.g. {value: yes, label: Yes}");
      continue;
    }
    checkKeys(item, kChoiceKeys, {}, "a choice");
    Choice choice;
    if (auto* v = required(item, "value", "this choice")) {
      if (auto s = scalar(*v, "value")) {
        if (!isIdentifier(*s) && !isNumericCode(*s)) {
          error(*v, "the choice value '" + *s +
                        "' is not valid: use letters, digits and '_' (starting with a letter or '_'), or "
                        "a whole number code such as 1 or 99");
        } else if (auto [it, inserted] = seen.emplace(*s, v->line); !inserted) {
          error(*v, "the choice value '" + *s + "' is used twice in " + what + " (first on line " +
                        std::to_string(it->second) + ")");
        } else {
          choice.value = *s;
        }
      }
    }
    if (auto* l = required(item, "label", "this choice")) choice.label = text(*l, "label");
    if (!choice.value.empty()) choices.push_back(std::move(choice));
  }
  return choices;
}

std::vector<TreatyReference> Reader::readReferences(const YamlNode& node) {
  std::vector<TreatyReference> refs;
  if (!node.isSequence()) {
    error(node, "'references' must be a list such as [{instrument: tip, article: \"5\"}]");
    return refs;
  }
  for (const auto& item : node.items) {
    if (!item.isMapping()) {
      error(item, "a treaty reference must be a mapping with 'instrument' and 'article'");
      continue;
    }
    checkKeys(item, kReferenceKeys, {}, "a treaty reference");
    TreatyReference ref;
    if (auto* n = required(item, "instrument", "this reference"))
      if (auto s = scalar(*n, "instrument")) {
        if (auto i = instrument(*s))
          ref.instrument = *i;
        else
          error(*n, "unknown instrument '" + *s + "'; use convention, tip, som or firearms");
      }
    ref.articlePosition = ref.paragraphPosition = {item.line, item.column};
    if (auto* n = required(item, "article", "this reference")) {
      ref.articlePosition = {n->line, n->column};
      if (auto s = scalar(*n, "article")) ref.article = *s;
    }
    if (auto* n = item.find("paragraph")) {
      ref.paragraphPosition = {n->line, n->column};
      if (auto s = scalar(*n, "paragraph")) ref.paragraph = *s;
    }
    if (auto* n = item.find("text")) ref.text = text(*n, "text");
    refs.push_back(std::move(ref));
  }
  return refs;
}

void Reader::readSection(const YamlNode& node, int parent, int depth) {
  if (!node.isMapping()) {
    error(node, "a section must be a mapping with 'id', 'title' and 'questions'");
    return;
  }
  if (depth >= limits::kMaxSectionDepth) {
    error(node, "sections are nested more than " + std::to_string(limits::kMaxSectionDepth) +
                    " levels deep; flatten the structure");
    return;
  }
  checkKeys(node, kSectionKeys, {}, "a section");
  const int index = static_cast<int>(q_.sections.size());
  q_.sections.emplace_back();
  {
    Section& s = q_.sections.back();
    s.parent = parent;
    s.depth = depth;
    s.position = {node.line, node.column};
  }
  if (parent >= 0) q_.sections[parent].subsections.push_back(index);
  if (auto* n = required(node, "id", "this section")) {
    std::string id = identifier(*n, "section");
    if (!id.empty()) {
      if (auto [it, inserted] = sectionIds_.emplace(id, n->line); !inserted)
        error(*n, "the section id '" + id + "' is used twice (first on line " + std::to_string(it->second) +
                      "); give each section its own id");
      q_.sections[index].id = id;
    }
  }
  if (auto* n = required(node, "title", "this section")) q_.sections[index].title = text(*n, "title");
  if (auto* n = node.find("intro")) q_.sections[index].intro = text(*n, "intro");
  if (auto* n = node.find("references")) q_.sections[index].references = readReferences(*n);
  if (auto* n = node.find("relevant")) q_.sections[index].relevant = expression(*n, "relevant");
  if (auto* n = node.find("number"))
    q_.sections[index].number = displayNumber(*n, "section", sectionNumbers_);
  const YamlNode* questions = node.find("questions");
  const YamlNode* subsections = node.find("sections");
  if (!questions && !subsections)
    error(node,
          "the section '" + q_.sections[index].id + "' has neither 'questions' nor 'sections'; add some");
  if (questions) {
    if (!questions->isSequence())
      error(*questions, "'questions' must be a list of questions");
    else
      for (const auto& item : questions->items) {
        int qi = readQuestion(item, index, -1);
        if (qi >= 0) q_.sections[index].questions.push_back(qi);
      }
  }
  if (subsections) {
    if (!subsections->isSequence())
      error(*subsections, "'sections' must be a list of sections");
    else
      for (const auto& item : subsections->items) readSection(item, index, depth + 1);
  }
}

int Reader::readQuestion(const YamlNode& node, int section, int repeat) {
  if (!node.isMapping()) {
    error(node, "a question must be a mapping with 'id', 'type' and 'label'");
    return -1;
  }
  if (q_.questions.size() > limits::kMaxQuestions) return -1;
  Question question;
  question.section = section;
  question.repeat = repeat;
  question.position = {node.line, node.column};
  if (auto* n = required(node, "id", "this question")) question.id = identifier(*n, "question");
  bool typeKnown = false;
  if (auto* n = required(node, "type", "the question '" + question.id + "'")) {
    if (auto s = scalar(*n, "type")) {
      if (auto t = questionTypeFromKey(*s)) {
        question.type = *t;
        typeKnown = true;
      } else {
        std::vector<std::string> names;
        std::string list;
        for (const auto& kind : questionKinds()) {
          names.push_back(kind.key);
          list += (list.empty() ? "" : ", ") + names.back();
        }
        std::string lower = *s;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string near = typeSynonym(lower);
        if (near.empty()) near = nearestWord(lower, names);
        error(*n, "unknown question type '" + *s + "'" +
                      (near.empty() ? "" : "; did you mean '" + near + "'?") + "; the types are " + list);
      }
    }
  }
  const std::string what = "a question of type '" + std::string(questionTypeKey(question.type)) + "'";
  if (typeKnown) {
    auto allowed = commonQuestionKeys();
    const auto& own = kindOf(question.type).keys;
    allowed.insert(allowed.end(), own.begin(), own.end());
    std::vector<std::string> elsewhere;
    for (const auto& k : allQuestionKeys())
      if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) elsewhere.push_back(k);
    checkKeys(node, allowed, elsewhere, what);
  }
  if (!question.id.empty()) {
    if (auto [it, inserted] = questionIds_.emplace(question.id, node.line); !inserted)
      error(*node.find("id"), "the question id '" + question.id + "' is used twice (first on line " +
                                  std::to_string(it->second) + "); give each question its own id");
  }
  if (auto* n = required(node, "label", "the question '" + question.id + "'"))
    question.label = text(*n, "label");
  if (auto* n = node.find("help")) question.help = text(*n, "help");
  if (auto* n = node.find("required")) {
    if (n->isScalar() && !n->quoted && (n->scalar == "true" || n->scalar == "false"))
      question.required = n->scalar == "true";
    else
      question.requiredIf = expression(*n, "required");
  }
  if (auto* n = node.find("relevant")) question.relevant = expression(*n, "relevant");
  if (auto* n = node.find("constraint")) question.constraint = expression(*n, "constraint");
  if (auto* n = node.find("constraint_message")) question.constraintMessage = text(*n, "constraint_message");
  if (auto* n = node.find("warning")) question.warning = expression(*n, "warning");
  if (auto* n = node.find("warning_message")) question.warningMessage = text(*n, "warning_message");
  if (auto* n = node.find("default")) {
    if (auto s = scalar(*n, "default")) {
      if (!s->empty() && (*s)[0] == '=') {
        // default: "=${q_4} - ${q_5}": computed, see questionnaire_features.cpp.
        question.defaultExpression = expression(*n, "default");
        question.defaultExpression->text.erase(0, 1);
        question.defaultExpression->prefix = "=";
        question.defaultExpression->position.column += 1;
      } else {
        question.defaultValue = *s;
      }
    }
    question.defaultPosition = {n->line, n->column};
  }
  if (auto* n = node.find("number")) {
    question.number = displayNumber(*n, question.id, questionNumbers_);
    question.numberPosition = {n->line, n->column};
  }
  if (auto* n = node.find("read_only"))
    if (auto b = boolean(*n, "read_only")) question.readOnly = *b;
  if (auto* n = node.find("references")) question.references = readReferences(*n);
  if (auto* n = node.find("not_available"))
    if (auto b = boolean(*n, "not_available")) question.allowNotAvailable = *b;
  if (auto* n = node.find("carry_forward_from")) {
    if (auto s = scalar(*n, "carry_forward_from")) {
      if (!isIdentifier(*s))
        error(*n, "'carry_forward_from' must be a question id of the previous questionnaire");
      else
        question.carryForwardFrom = *s;
      question.carryForwardPosition = {n->line, n->column};
      if (q_.info.previousCycle.empty())
        error(*n, "'carry_forward_from' needs 'previous_cycle' at the top of the questionnaire; add it");
    }
  }
  if (auto* n = node.find("also_asked_in")) readAlsoAskedIn(*n, question);
  if (auto* n = node.find("tags")) readTags(*n, question);
  if (typeKnown) readTypeKeys(node, question);
  if (auto* n = node.find("carry_forward_map")) readCarryForwardMap(*n, question);
  if (auto* n = node.find("confirm_carried")) {
    question.confirmCarried = confirmCarried(*n);
    if (question.confirmCarried && question.carryForwardFrom.empty())
      error(*n, "'confirm_carried' concerns the answer carried forward, but '" + question.id +
                    "' has no 'carry_forward_from'; add it or remove 'confirm_carried'");
  }

  const int index = static_cast<int>(q_.questions.size());
  const bool isRepeat = question.type == QuestionType::Repeat;
  q_.questions.push_back(std::move(question));
  if (isRepeat) readRepeatChildren(node, index);
  return index;
}

void Reader::readCarryForwardMap(const YamlNode& node, Question& question) {
  if (question.carryForwardFrom.empty()) {
    error(node,
          "'carry_forward_map' needs 'carry_forward_from' on the same question; add it or remove the map");
    return;
  }
  if (!kindOf(question.type).hasChoices) {
    error(node, "'carry_forward_map' maps choice values, but '" + question.id + "' is a " +
                    questionTypeKey(question.type) + " question; remove the map");
    return;
  }
  if (!node.isMapping() || node.entries.empty()) {
    error(node, "'carry_forward_map' must map old values to new ones, as in {mixed: both}");
    return;
  }
  std::vector<std::string> values = kindOf(question.type).fixedChoices;
  for (const auto& c : question.choices) values.push_back(c.value);
  if (question.otherOption) values.push_back("other");
  for (const auto& [k, v] : node.entries) {
    auto from = scalar(k, "carry_forward_map");
    auto to = scalar(v, "carry_forward_map." + k.scalar);
    if (!from || !to) continue;
    if (std::find(values.begin(), values.end(), *to) == values.end()) {
      std::string near = nearestWord(*to, values);
      std::string list;
      for (const auto& value : values) list += (list.empty() ? "" : ", ") + value;
      error(v, "'carry_forward_map' maps '" + *from + "' to '" + *to + "', which is not a value of '" +
                   question.id + "'" +
                   (near.empty() ? "; its values are " + list : "; did you mean '" + near + "'?"));
      continue;
    }
    question.carryForwardMap.push_back({*from, *to, {k.line, k.column}, {v.line, v.column}});
  }
}

void Reader::readAlsoAskedIn(const YamlNode& node, Question& question) {
  if (!node.isSequence()) {
    error(node, "'also_asked_in' must be a list such as [\"som-cycle2:bm_11_1\"]");
    return;
  }
  for (const auto& item : node.items) {
    auto s = scalar(item, "also_asked_in");
    if (!s) continue;
    auto colon = s->find(':');
    if (colon == std::string::npos || !isQuestionnaireId(s->substr(0, colon)) ||
        !isIdentifier(s->substr(colon + 1)))
      error(item, "'" + *s + "' must be written questionnaire_id:question_id, e.g. som-cycle2:bm_11_1");
    else
      question.alsoAskedIn.push_back(*s);
  }
}

void Reader::readTags(const YamlNode& node, Question& question) {
  if (!node.isSequence()) {
    error(node, "'tags' must be a list such as [technical_assistance]");
    return;
  }
  for (const auto& item : node.items) {
    auto s = scalar(item, "tags");
    if (!s) continue;
    if (std::find(kKnownTags.begin(), kKnownTags.end(), *s) == kKnownTags.end()) {
      std::string near = nearestWord(*s, kKnownTags);
      error(item, "unknown tag '" + *s + "'" +
                      (near.empty() ? "; use gating, technical_assistance or successful_practice"
                                    : "; did you mean '" + near + "'?"));
    } else {
      question.tags.push_back(*s);
    }
  }
}

void Reader::readRepeatChildren(const YamlNode& node, int repeatIndex) {
  const YamlNode* questions =
      required(node, "questions", "the repeat '" + q_.questions[repeatIndex].id + "'");
  if (!questions) return;
  if (!questions->isSequence() || questions->items.empty()) {
    error(*questions, "'questions' of a repeat must be a list of at least one question");
    return;
  }
  for (const auto& item : questions->items) {
    if (const YamlNode* type = item.isMapping() ? item.find("type") : nullptr;
        type && type->isScalar() && type->scalar == "repeat") {
      error(*type, "a repeat cannot contain another repeat; use a separate repeat group");
      continue;
    }
    int child = readQuestion(item, q_.questions[repeatIndex].section, repeatIndex);
    if (child >= 0) q_.questions[repeatIndex].children.push_back(child);
  }
}

}  // namespace focal::detail
