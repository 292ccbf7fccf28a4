// The technical-assistance gap analysis and the compendium of successful
// practices (docs/questionnaire-format.md, `tags`). A section asks for
// technical assistance with a yes/no question tagged technical_assistance
// and, when the answer is yes, a multiple-choice question with the same tag
// listing the kinds of assistance; the articles a need concerns are the
// section's treaty references (or its parent's), with the yes/no
// question's own.
#include <algorithm>
#include <map>
#include <set>

#include "export/analysis_context.h"
#include "export/report_labels.h"
#include "forms/answer_value.h"
#include "forms/i18n.h"

namespace focal::analysis_detail {

namespace {

struct AssistanceArea {
  int section = -1;
  const Question* need = nullptr;
  const Question* kinds = nullptr;
  std::vector<TreatyReference> references;
};

int instrumentOrder(Instrument instrument) { return static_cast<int>(instrument); }

// "Trafficking in Persons Protocol, art. 6", in the analysis language.
std::string articleText(const TreatyReference& reference, const std::string& language) {
  TreatyReference article;
  article.instrument = reference.instrument;
  article.article = reference.article;
  return referenceText(article, language);
}

std::vector<AssistanceArea> areas(const Questionnaire& q) {
  std::vector<AssistanceArea> out;
  for (std::size_t s = 0; s < q.sections.size(); ++s) {
    AssistanceArea area;
    area.section = static_cast<int>(s);
    for (int index : q.sections[s].questions) {
      const Question& question = q.questions[index];
      if (!hasTag(question, "technical_assistance")) continue;
      if (question.type == QuestionType::YesNo && !area.need) area.need = &question;
      if (question.type == QuestionType::MultipleChoice && !area.kinds) area.kinds = &question;
    }
    if (!area.need && !area.kinds) continue;
    for (int up = static_cast<int>(s); up >= 0 && area.references.empty(); up = q.sections[up].parent)
      area.references = q.sections[up].references;
    if (area.need)
      area.references.insert(area.references.end(), area.need->references.begin(),
                             area.need->references.end());
    out.push_back(std::move(area));
  }
  return out;
}

// Article numbers in numeric order: "6" before "11".
bool articleLess(const TreatyReference& a, const TreatyReference& b) {
  if (a.instrument != b.instrument) return instrumentOrder(a.instrument) < instrumentOrder(b.instrument);
  const long x = std::strtol(a.article.c_str(), nullptr, 10), y = std::strtol(b.article.c_str(), nullptr, 10);
  return x != y ? x < y : a.article < b.article;
}

}  // namespace

void assistanceGaps(const Context& c, Analysis& out) {
  AssistanceGaps& gaps = out.assistance;
  const Questionnaire& q = c.q;
  for (const auto& question : q.questions) {
    if (question.repeat >= 0 || question.type != QuestionType::YesNo || !hasTag(question, "gating")) continue;
    GatingFigure figure{question.id, c.label(question), c.zeros()};
    for (std::size_t r = 0; r < c.replies().size(); ++r)
      if (const std::string* v = c.replies()[r].find(question.id); v && *v == "yes") c.add(figure.yes, r);
    gaps.gating.push_back(std::move(figure));
  }

  const auto all = areas(q);
  bool anyOther = false;
  for (const auto& area : all) {
    if (!area.kinds) continue;
    for (const auto& choice : area.kinds->choices)
      if (std::find(gaps.kinds.begin(), gaps.kinds.end(), choice.value) == gaps.kinds.end()) {
        gaps.kinds.push_back(choice.value);
        gaps.kindLabels.push_back(c.text(choice.label));
      }
    anyOther |= area.kinds->otherOption;
  }
  if (anyOther) {
    gaps.kinds.push_back("other");
    gaps.kindLabels.push_back(reportLabels(c.language).other);
  }
  const std::size_t kindCount = gaps.kinds.size();
  gaps.statesByKind.assign(kindCount, c.zeros());
  gaps.requestsByKind.assign(kindCount, 0);
  gaps.needingAny = c.zeros();

  struct ArticleStates {
    TreatyReference reference;
    std::set<std::string> states;
    std::vector<std::set<std::string>> byKind;
  };
  std::map<std::string, ArticleStates> articles;
  for (std::size_t r = 0; r < c.replies().size(); ++r) {
    const StateReply& reply = c.replies()[r];
    bool needsAny = false;
    std::vector<char> asked(kindCount, 0);
    for (const auto& area : all) {
      std::vector<std::string> kinds;
      if (area.kinds)
        if (const std::string* v = reply.find(area.kinds->id)) kinds = splitWords(*v);
      const std::string* need = area.need ? reply.find(area.need->id) : nullptr;
      if (area.need ? !(need && *need == "yes") : kinds.empty()) continue;
      needsAny = true;
      AssistanceRequest request{reply.state, c.stateName(reply.state), c.sectionLabels[area.section], {}, {},
                                {}};
      std::vector<std::size_t> kindIndexes;
      for (const auto& kind : kinds) {
        auto it = std::find(gaps.kinds.begin(), gaps.kinds.end(), kind);
        if (it == gaps.kinds.end()) continue;
        const auto k = static_cast<std::size_t>(it - gaps.kinds.begin());
        kindIndexes.push_back(k);
        asked[k] = 1;
        ++gaps.requestsByKind[k];
        request.kinds += (request.kinds.empty() ? "" : "; ") + gaps.kindLabels[k];
      }
      if (area.kinds)
        if (const std::string* other = reply.find(area.kinds->id + "/other")) request.other = *other;
      std::set<std::string> seen;
      for (const auto& ref : area.references) {
        const std::string key = std::string(instrumentKey(ref.instrument)) + " " + ref.article;
        if (!seen.insert(key).second) continue;
        auto& a = articles[key];
        a.reference = ref;
        a.byKind.resize(kindCount);
        a.states.insert(reply.state);
        for (std::size_t k : kindIndexes) a.byKind[k].insert(reply.state);
        request.articles += (request.articles.empty() ? "" : "; ") + articleText(ref, c.language);
      }
      gaps.requests.push_back(std::move(request));
    }
    if (needsAny) c.add(gaps.needingAny, r);
    for (std::size_t k = 0; k < kindCount; ++k)
      if (asked[k]) c.add(gaps.statesByKind[k], r);
  }

  std::vector<ArticleStates*> ordered;
  for (auto& [key, a] : articles) ordered.push_back(&a);
  std::sort(ordered.begin(), ordered.end(),
            [](auto* x, auto* y) { return articleLess(x->reference, y->reference); });
  for (auto* a : ordered) {
    AssistanceArticle article;
    article.key = std::string(instrumentKey(a->reference.instrument)) + " " + a->reference.article;
    article.label = articleText(a->reference, c.language);
    article.states.assign(a->states.begin(), a->states.end());
    for (const auto& states : a->byKind) article.byKind.push_back(states.size());
    gaps.articles.push_back(std::move(article));
  }
  std::stable_sort(gaps.requests.begin(), gaps.requests.end(),
                   [](const auto& x, const auto& y) { return x.stateName < y.stateName; });
}

void practices(const Context& c, Analysis& out) {
  for (const auto& question : c.q.questions) {
    if (question.repeat >= 0 || !hasTag(question, "successful_practice")) continue;
    PracticeQuestion pq{question.id, c.label(question), c.sectionOf(question), {}};
    for (const auto& reply : c.replies()) {
      const std::string* text = reply.find(question.id);
      if (!text || text->empty()) continue;
      pq.practices.push_back(
          {reply.state, c.stateName(reply.state), c.groupName(reply.state), reply.language, *text});
    }
    std::sort(pq.practices.begin(), pq.practices.end(),
              [](const Practice& x, const Practice& y) { return x.stateName < y.stateName; });
    out.practices.push_back(std::move(pq));
  }
}

}  // namespace focal::analysis_detail
