// The desktop program and the printed report say the same words for the same
// thing in the same language: "Yes", "No", "Other", "Total", "Information not
// available" of forms/content_words.cpp equal export/common/report_labels.cpp's.
#include <gtest/gtest.h>

#include "export/common/report_labels.h"
#include "forms/content_words.h"

namespace focal {
namespace {

TEST(ContentWordsAndReportLabels, AgreeInTheSixLanguages) {
  for (const char* language : {"en", "fr", "es", "ar", "zh", "ru"}) {
    const ReportLabels& l = reportLabels(language);
    ASSERT_EQ(std::string(l.language), language);
    EXPECT_EQ(contentWord(ContentWord::Yes, language), l.yes) << language;
    EXPECT_EQ(contentWord(ContentWord::No, language), l.no) << language;
    EXPECT_EQ(contentWord(ContentWord::Other, language), l.other) << language;
    EXPECT_EQ(contentWord(ContentWord::Total, language), l.total) << language;
    EXPECT_EQ(contentWord(ContentWord::NotAvailable, language), l.notAvailable) << language;
  }
}

}  // namespace
}  // namespace focal
