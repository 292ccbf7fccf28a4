// The few words Focal adds to a questionnaire's own texts where answers are
// given or shown: "Yes", "No", "Other, please specify:", "Information not
// available", "Total". They belong to the questionnaire's content, so they
// follow the content language (the questionnaire language the response is
// shown in), not the interface language: with the menus in Spanish and the
// questionnaire in Arabic, a yes/no question offers نعم / لا. The six UN
// languages are here; for another language the interface's translation is used.
#pragma once

#include <string>

namespace focal {

enum class ContentWord {
  Yes,
  No,
  Other,         // a chosen "other" with no text given
  OtherSpecify,  // the label of the "other" choice, before its text box
  NotAvailable,  // "Information not available"
  Total,         // a table's total row and column
};

// `word` in `language` ("fr", "zh", "ar-EG"...): from the table of the six UN
// languages, else the interface's gettext translation.
std::string contentWord(ContentWord word, const std::string& language);

// Whether `language` is one of the languages contentWord knows by itself.
bool hasContentWords(const std::string& language);

}  // namespace focal
