// The provisions of an instrument (questionnaires/reference/
// provisions-<instrument>.yaml): each article and paragraph the
// questionnaires may cite, with a short summary in Focal's own words, the
// level of obligation as the UNODC legislative guides classify it, themes and
// a link to the official text. Questions cite provisions by instrument,
// article and paragraph; the loader checks each citation against this file
// (questionnaire_loader.cpp) and the treaty pane, the provisions view, the
// CLI and the analysis read the summaries from it.
//
// Grammar of the file (docs/questionnaire-format.md, "Provisions"):
//   instrument: convention | tip | som | firearms
//   title: TEXT                       TEXT: a string or {language: string}
//   link: URL                         the depositary's record
//   text_link: TEXT                   the text in each language (optional)
//   themes: {key: TEXT, ...}          the themes used below, in display order
//   articles:
//     - article: "5"
//       title: TEXT
//       obligation: mandatory | shall_consider | optional
//       themes: [key, ...]
//       summary: TEXT
//       paragraphs:                   optional
//         - paragraph: "1 (a)"
//           obligation: ...
//           themes: [key, ...]        optional: the article's
//           summary: TEXT
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "forms/diagnostics.h"
#include "forms/localized_text.h"
#include "forms/questionnaire.h"

namespace focal {

enum class Obligation { Mandatory, ShallConsider, Optional };
const char* obligationKey(Obligation obligation);  // "mandatory", "shall_consider", "optional"
// "Mandatory", "Shall consider", "Optional" in en, fr or es (else en): the
// content language, not the interface's.
std::string obligationLabel(Obligation obligation, const std::string& language);

struct Provision {
  std::string article;
  std::string paragraph;  // empty: the article as a whole
  LocalizedText title;    // the article's title
  LocalizedText summary;
  Obligation obligation = Obligation::Mandatory;
  std::vector<std::string> themes;  // keys of ProvisionCatalog::themes
  int line = 0;

  // "art. 5, para. 1 (a)" / "art. 5" in en, fr or es.
  std::string citation(const std::string& language) const;
};

class ProvisionCatalog {
 public:
  Instrument instrument = Instrument::Convention;
  LocalizedText title;
  std::string link;
  LocalizedText textLink;
  std::vector<std::pair<std::string, LocalizedText>> themes;  // in display order
  std::vector<Provision> provisions;  // each article, then its paragraphs, in file order
  std::string sourceName;

  const Provision* find(const std::string& article, const std::string& paragraph) const;
  bool hasArticle(const std::string& article) const;
  std::vector<std::string> paragraphsOf(const std::string& article) const;
  std::vector<std::string> articles() const;
  std::string themeLabel(const std::string& key, const std::string& language) const;
  // The link to the text in `language`, else the depositary's record.
  std::string linkFor(const std::string& language) const;
};

// Parses a provisions file; returns null and leaves errors (with the file's
// lines) in `diagnostics` when it is not one.
std::shared_ptr<const ProvisionCatalog> parseProvisionCatalog(const std::string& text,
                                                              const std::string& sourceName,
                                                              Diagnostics& diagnostics);
std::shared_ptr<const ProvisionCatalog> readProvisionCatalog(const std::string& path,
                                                             Diagnostics& diagnostics);

// The provisions file of `instrument`: reference/provisions-<key>.yaml beside
// the questionnaire file when it exists, else the installed one (as for the
// regional groups); "" when there is none.
std::string provisionsPath(Instrument instrument, const std::string& questionnairePath = {});

// Whether a question's citation (article, paragraph) falls within the
// provision: the same article and either paragraph is the other or a part of
// it ("1" and "1 (a)"); a citation of the whole article covers only the
// article as a whole.
bool citationCovers(const TreatyReference& reference, const Provision& provision);

}  // namespace focal
