// The legislation compendium: per State and provision, the acts it cited
// (title, article, date, link) in the legislation questions that cover the
// provision (forms/provision_coverage.h), top-level or inside a repeat. In
// the workbook and CSV one act a line, with the instrument and the regional
// group as columns to sort and filter by; in the HTML and PDF reports one
// table per instrument, by provision, regional group and State.
#include <algorithm>
#include <map>
#include <tuple>

#include "export/common/report_labels.h"
#include "export/secretariat/analysis_context.h"
#include "export/secretariat/analysis_document.h"
#include "forms/answer_path.h"
#include "forms/provision_coverage.h"
#include "forms/question_kinds.h"

namespace focal {

namespace analysis_detail {

namespace {

using Fields = std::map<std::string, std::string>;  // "title" -> "Penal Code", ...

// The citations one reply gives to a legislation question: one, or one per
// record of its repeat.
std::vector<Fields> citations(const Context& c, const StateReply& reply, const Question& question) {
  std::vector<Fields> out;
  if (question.repeat < 0) {
    Fields f;
    for (const std::string& part : kindOf(question).fields)
      if (const std::string* v = reply.find(partPath(question.id, part)); v && !v->empty()) f[part] = *v;
    if (!f.empty()) out.push_back(std::move(f));
    return out;
  }
  const std::string prefix = c.q.questions[question.repeat].id + "[";
  std::map<std::string, Fields> records;
  auto it = std::lower_bound(reply.answers.begin(), reply.answers.end(), prefix,
                             [](const auto& a, const std::string& p) { return a.first < p; });
  for (; it != reply.answers.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    const auto path = parseAnswerPath(it->first);
    if (!path || path->question != question.id || !path->mark.empty() || path->part.empty() ||
        it->second.empty())
      continue;
    records[path->recordKey][path->part] = it->second;
  }
  for (auto& [key, f] : records) out.push_back(std::move(f));
  return out;
}

std::string field(const Fields& f, const char* name) {
  auto it = f.find(name);
  return it == f.end() ? std::string() : it->second;
}

}  // namespace

void legislationCompendium(const Context& c, Analysis& out) {
  const auto entries = focal::provisionCoverage(c.q);
  std::vector<std::vector<std::size_t>> provisionsOf(c.q.questions.size());
  for (std::size_t k = 0; k < entries.size(); ++k)
    for (int index : entries[k].questions) provisionsOf[static_cast<std::size_t>(index)].push_back(k);
  for (std::size_t i = 0; i < c.q.questions.size(); ++i) {
    const Question& question = c.q.questions[i];
    if (question.type != QuestionType::Legislation) continue;
    for (const auto& reply : c.replies()) {
      for (const auto& f : citations(c, reply, question)) {
        CitedAct act;
        act.group = c.groupName(reply.state);
        act.state = reply.state;
        act.stateName = c.stateName(reply.state);
        act.question = question.id;
        act.language = reply.language;
        act.title = field(f, "title");
        act.article = field(f, "article");
        act.date = field(f, "date");
        act.link = field(f, "link");
        if (provisionsOf[i].empty()) {  // a question that covers no provision
          act.instrument = instrumentKey(c.q.info.instrument);
          act.instrumentName = instrumentName(c.q.info.instrument, c.language);
          act.order = entries.size();
          out.compendium.push_back(std::move(act));
          continue;
        }
        for (std::size_t k : provisionsOf[i]) {
          const ProvisionEntry& e = entries[k];
          CitedAct copy = act;
          copy.instrument = instrumentKey(e.catalog->instrument);
          copy.instrumentName = instrumentName(e.catalog->instrument, c.language);
          copy.provision = e.provision->citation(c.language);
          copy.provisionTitle = e.provision->title.get(c.language, "en");
          copy.order = k;
          out.compendium.push_back(std::move(copy));
        }
      }
    }
  }
  // The same act cited twice for one provision (two questions cover it) is listed once.
  auto key = [](const CitedAct& a) {
    return std::tie(a.order, a.group, a.stateName, a.state, a.title, a.article, a.date, a.link);
  };
  std::stable_sort(out.compendium.begin(), out.compendium.end(),
                   [&](const CitedAct& x, const CitedAct& y) { return key(x) < key(y); });
  out.compendium.erase(std::unique(out.compendium.begin(), out.compendium.end(),
                                   [&](const CitedAct& x, const CitedAct& y) { return key(x) == key(y); }),
                       out.compendium.end());
}

}  // namespace analysis_detail

AnalysisTable compendiumTable(const Analysis& a) {
  AnalysisTable t{
      "Legislation",
      a.tr("Compendium of legislation: per State and provision, the acts cited; sort or filter by "
           "instrument and regional group"),
      {{a.tr("Instrument"), 24},
       {a.tr("Provision"), 16},
       {a.tr("Title"), 30},
       {a.tr("Regional group"), 28},
       {a.tr("Code"), 7},
       {a.tr("State"), 28},
       {a.tr("Question"), 10},
       {a.tr("Act"), 50},
       {a.tr("Article of the act"), 14},
       {a.tr("Date"), 11},
       {a.tr("Link"), 40}},
      {}};
  for (const auto& c : a.compendium)
    t.rows.push_back({TableCell::str(c.instrumentName), TableCell::str(c.provision),
                      TableCell::str(c.provisionTitle), TableCell::str(c.group), TableCell::str(c.state),
                      TableCell::str(c.stateName), TableCell::str(c.question),
                      TableCell::str(c.title, c.language), TableCell::str(c.article, c.language),
                      TableCell::str(c.date), TableCell::str(c.link)});
  return t;
}

namespace {

// "Penal Code, art. 149-A, 2016-10-06, https://..."
std::string actText(const CitedAct& c) {
  std::string out = c.title;
  if (!c.article.empty()) out += std::string(out.empty() ? "" : ", ") + "art. " + c.article;
  for (const std::string* part : {&c.date, &c.link})
    if (!part->empty()) out += std::string(out.empty() ? "" : ", ") + *part;
  return out;
}

}  // namespace

void appendCompendium(const Analysis& a, std::vector<DocBlock>& blocks) {
  blocks.emplace_back(std::in_place_type<DocHeading>, DocHeading{1, a.tr("Compendium of legislation")});
  if (a.compendium.empty()) {
    blocks.emplace_back(std::in_place_type<DocParagraph>,
                        DocParagraph{a.tr("No State cited legislation."), DocParagraph::Style::Note, {}});
    return;
  }
  blocks.emplace_back(
      std::in_place_type<DocParagraph>,
      DocParagraph{a.tr("The acts each State cited, by provision, regional group and State, as "
                        "the State gave them; the workbook has one act a line, to sort and "
                        "filter by instrument and regional group."),
                   DocParagraph::Style::Note,
                   {}});
  std::string part;
  std::size_t table = 0;  // index of the current part's table in `blocks`
  for (std::size_t i = 0; i < a.compendium.size();) {
    const CitedAct& first = a.compendium[i];
    const std::string heading = first.provision.empty()
                                    ? a.tr("Legislation cited where no provision is cited")
                                    : first.instrumentName;
    if (table == 0 || heading != part) {
      part = heading;
      blocks.emplace_back(std::in_place_type<DocHeading>, DocHeading{2, part});
      AnalysisTable t{"",
                      "",
                      {{a.tr("Provision"), 20},
                       {a.tr("Regional group"), 18},
                       {a.tr("State"), 18},
                       {a.tr("Acts cited"), 44}},
                      {}};
      blocks.emplace_back(std::in_place_type<DocTable>, DocTable{std::move(t), 600});
      table = blocks.size() - 1;
    }
    // One row per provision and State: its acts, one after the other.
    std::string acts;
    std::size_t j = i;
    for (; j < a.compendium.size() && a.compendium[j].order == first.order &&
           a.compendium[j].state == first.state && a.compendium[j].instrumentName == first.instrumentName;
         ++j)
      acts += (acts.empty() ? "" : "; ") + actText(a.compendium[j]);
    const std::string provision =
        first.provision.empty() ? a.tr("no provision cited") : first.provision + " " + first.provisionTitle;
    std::get<DocTable>(blocks[table])
        .table.rows.push_back({TableCell::str(provision), TableCell::str(first.group),
                               TableCell::str(first.stateName), TableCell::str(acts, first.language)});
    i = j;
  }
}

}  // namespace focal
