// The words Focal adds to the questionnaire's texts ("Yes", "No", "Other",
// "Total"...) follow the content language of the response, not the
// interface language.
#include <gtest/gtest.h>

#include "forms/content_words.h"
#include "forms/label_text.h"
#include "tests/forms/scenario.h"

namespace focal {
namespace {

TEST(ContentWords, EachUnLanguageHasItsOwnWords) {
  EXPECT_EQ(contentWord(ContentWord::Yes, "en"), "Yes");
  EXPECT_EQ(contentWord(ContentWord::Yes, "fr"), "Oui");
  EXPECT_EQ(contentWord(ContentWord::No, "es"), "No");
  EXPECT_EQ(contentWord(ContentWord::Yes, "es"), "Sí");
  EXPECT_EQ(contentWord(ContentWord::Yes, "ar"), "نعم");
  EXPECT_EQ(contentWord(ContentWord::No, "zh"), "否");
  EXPECT_EQ(contentWord(ContentWord::Total, "ru"), "Итого");
  EXPECT_EQ(contentWord(ContentWord::OtherSpecify, "es"), "Otro, especifique:");
  EXPECT_EQ(contentWord(ContentWord::NotAvailable, "zh"), "无可用信息");
  // A regional variant takes the words of its language.
  EXPECT_EQ(contentWord(ContentWord::Yes, "ar-EG"), "نعم");
  EXPECT_EQ(contentWord(ContentWord::Yes, "zh_CN"), "是");
}

TEST(ContentWords, EveryWordOfEveryLanguageIsGivenAndDistinct) {
  const ContentWord all[] = {ContentWord::Yes,          ContentWord::No,           ContentWord::Other,
                             ContentWord::OtherSpecify, ContentWord::NotAvailable, ContentWord::Total};
  for (const char* language : {"en", "fr", "es", "ar", "zh", "ru"}) {
    EXPECT_TRUE(hasContentWords(language)) << language;
    for (const ContentWord word : all) EXPECT_FALSE(contentWord(word, language).empty()) << language;
    EXPECT_NE(contentWord(ContentWord::Yes, language), contentWord(ContentWord::No, language)) << language;
    EXPECT_NE(contentWord(ContentWord::Other, language), contentWord(ContentWord::OtherSpecify, language))
        << language;
    if (std::string(language) != "en") {
      EXPECT_NE(contentWord(ContentWord::Yes, language), "Yes") << language;
    }
  }
}

TEST(ContentWords, AnotherLanguageFallsBackToTheInterfaceCatalog) {
  // No catalog is bound in this test, so the interface's words are English.
  EXPECT_FALSE(hasContentWords("pt"));
  EXPECT_EQ(contentWord(ContentWord::Yes, "pt"), "Yes");
  EXPECT_EQ(contentWord(ContentWord::Total, "de"), "Total");
}

TEST(ContentWords, FilledLabelsShowYesNoAndOtherInTheResponseLanguage) {
  test::Scenario s(
      test::questionnaireYaml("  - id: s1\n    title: One\n    questions:\n"
                              "      - {id: g, type: yes_no, label: Gate}\n"
                              "      - {id: k, type: single_choice, label: K, other: true,\n"
                              "         choices: [{value: a, label: {en: Labour, ru: Труд}}]}\n",
                              {}, "[en, fr, ru, zh]"));
  s.answer("g", "yes");
  s.answer("k", "other");
  EXPECT_EQ(fillText(s.session(), "${g} ${k}"), "Yes Other");
  s.session().setLanguage("fr");
  EXPECT_EQ(fillText(s.session(), "${g} ${k}"), "Oui Autre");
  s.session().setLanguage("ru");
  s.answer("g", "no");
  EXPECT_EQ(fillText(s.session(), "${g} ${k}"), "Нет Другое");
  s.session().setLanguage("zh");
  EXPECT_EQ(fillText(s.session(), "${g}"), "否");
}

}  // namespace
}  // namespace focal
