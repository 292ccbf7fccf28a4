// The words of a printed report that are not in the questionnaire (cover,
// contents, "Not answered", "Page 3 of 12"...), in the six UN languages.
// They follow the report's language, not the user's interface language, so
// they live here rather than in the gettext catalog.
#pragma once

#include <string>

#include "forms/questionnaire.h"

namespace focal {

struct ReportLabels {
  const char* language;
  const char* nationalReport;
  const char* state;
  const char* questionnaire;
  const char* version;
  const char* reportingCycle;
  const char* date;
  const char* preparedBy;
  const char* status;
  const char* draft;
  const char* final;
  const char* fingerprint;
  const char* fingerprintNote;
  const char* notSigned;
  const char* contents;
  const char* pageOf;  // "Page {} of {}"
  const char* notAnswered;
  const char* notAvailable;
  const char* notApplicable;
  const char* yes;
  const char* no;
  const char* other;
  const char* total;
  const char* record;  // "Record {}"
  const char* noRecords;
  const char* comment;
  const char* carriedPending;
  const char* legislationTitle;
  const char* legislationArticle;
  const char* legislationDate;
  const char* legislationLink;
  const char* legislationExcerpt;
  const char* attachments;
  const char* noAttachments;
  const char* file;
  const char* question;
  const char* size;
  const char* article;    // "art. {}"
  const char* paragraph;  // "para. {}"
  const char* calculated;
  const char* answeredOf;      // "{} of {} questions answered"
  const char* instruments[4];  // by Instrument: convention, tip, som, firearms
  const char* otherText;       // the text given for "Other"
};

// The labels in `language`, else English.
const ReportLabels& reportLabels(const std::string& language);
// Whether `language` is written right to left (ar, fa, he, ur).
bool isRightToLeft(const std::string& language);

std::string instrumentName(Instrument instrument, const std::string& language);
// "Trafficking in Persons Protocol, art. 6, para. 3 (a)", in `language`.
std::string referenceText(const TreatyReference& reference, const std::string& language);
// A whole list, joined by "; ".
std::string referencesText(const std::vector<TreatyReference>& references, const std::string& language);
// "{}" replaced in turn by each argument.
std::string fillIn(const char* pattern, const std::string& a, const std::string& b = {});

}  // namespace focal
