// The technical-assistance gap analysis and the compendium of successful
// practices (docs/questionnaire-format.md, `tags`). A section asks for
// technical assistance with a yes/no question tagged technical_assistance
// and, when the answer is yes, a multiple-choice question with the same tag
// listing the kinds of assistance. Needs are reported per section, the
// level at which they are asked; the articles the section cites (its
// treaty references, or its parent's, with the yes/no question's own) are
// given as context, never as a need per article.
#include <algorithm>
#include <set>

#include "export/common/report_labels.h"
#include "export/secretariat/analysis_context.h"
#include "forms/answer_value.h"

namespace focal::analysis_detail {

namespace {

struct AssistanceArea {
  int section = -1;
  const Question* need = nullptr;
  const Question* kinds = nullptr;
  std::vector<TreatyReference> references;
};

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

  std::vector<AssistanceSection> sections;
  for (const auto& area : all) {
    AssistanceSection section{c.sectionLabels[area.section], {}, {}, std::vector<std::size_t>(kindCount, 0)};
    std::set<std::string> seen;
    for (const auto& ref : area.references)
      if (seen.insert(std::string(instrumentKey(ref.instrument)) + " " + ref.article).second)
        section.articles += (section.articles.empty() ? "" : "; ") + articleText(ref, c.language);
    sections.push_back(std::move(section));
  }
  for (std::size_t r = 0; r < c.replies().size(); ++r) {
    const StateReply& reply = c.replies()[r];
    bool needsAny = false;
    std::vector<char> asked(kindCount, 0);
    for (std::size_t ai = 0; ai < all.size(); ++ai) {
      const AssistanceArea& area = all[ai];
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
      AssistanceSection& section = sections[ai];
      section.states.push_back(reply.state);
      for (std::size_t k : kindIndexes) ++section.byKind[k];
      request.articles = section.articles;
      gaps.requests.push_back(std::move(request));
    }
    if (needsAny) c.add(gaps.needingAny, r);
    for (std::size_t k = 0; k < kindCount; ++k)
      if (asked[k]) c.add(gaps.statesByKind[k], r);
  }

  for (auto& section : sections) {
    std::sort(section.states.begin(), section.states.end());
    gaps.sections.push_back(std::move(section));
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
