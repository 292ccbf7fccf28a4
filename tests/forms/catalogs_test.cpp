// The interface catalogs of po/, as compiled into <build>/locale: each of the
// five translations loads through libintl, as the engine's tr() reads it, and
// translates known messages, plural forms and fmt patterns correctly.
#include <gtest/gtest.h>
#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "forms/content_words.h"
#include "forms/i18n.h"

extern "C" int _nl_msg_cat_cntr;

namespace focal {
namespace {

class Catalogs : public ::testing::Test {
 protected:
  void SetUp() override {
    std::setlocale(LC_MESSAGES, "C.UTF-8");
    bindtextdomain("focal", FOCAL_LOCALE_DIR);
    bind_textdomain_codeset("focal", "UTF-8");
  }
  void TearDown() override { Use("en"); }
  static void Use(const std::string& catalog) {
    setenv("LANGUAGE", catalog.c_str(), 1);
    ++_nl_msg_cat_cntr;
  }
  static std::string Plural(const char* one, const char* many, unsigned long n) {
    return dngettext("focal", one, many, n);
  }
};

TEST_F(Catalogs, EachLanguageIsCompiledAndLoads) {
  for (const char* catalog : {"fr", "es", "ar", "ru", "zh_CN"}) {
    const auto mo = std::filesystem::path(FOCAL_LOCALE_DIR) / catalog / "LC_MESSAGES" / "focal.mo";
    EXPECT_TRUE(std::filesystem::exists(mo)) << mo;
    Use(catalog);
    EXPECT_STRNE(tr("Yes"), "Yes") << catalog;
    EXPECT_STRNE(tr("Enter a whole number, for example 42."), "Enter a whole number, for example 42.")
        << catalog;
  }
}

TEST_F(Catalogs, KnownMessagesInRussianAndChinese) {
  Use("ru");
  EXPECT_STREQ(tr("Yes"), "Да");
  EXPECT_STREQ(tr("&File"), "&Файл");
  EXPECT_STREQ(tr("Questionnaire"), "Вопросник");
  EXPECT_STREQ(tr("This question is required."), "Это обязательный вопрос.");
  Use("zh_CN");
  EXPECT_STREQ(tr("Yes"), "是");
  EXPECT_STREQ(tr("&File"), "文件(&F)");
  EXPECT_STREQ(tr("Questionnaire"), "调查问卷");
  EXPECT_STREQ(tr("This question is required."), "此问题为必答题。");
}

TEST_F(Catalogs, RussianHasThreePluralFormsAndChineseOne) {
  Use("ru");
  const char* one = "%zu place found.";
  const char* many = "%zu places found.";
  EXPECT_EQ(Plural(one, many, 1), "Найдено %zu место.");
  EXPECT_EQ(Plural(one, many, 21), "Найдено %zu место.");
  EXPECT_EQ(Plural(one, many, 3), "Найдено %zu места.");
  EXPECT_EQ(Plural(one, many, 5), "Найдено %zu мест.");
  EXPECT_EQ(Plural(one, many, 11), "Найдено %zu мест.");
  Use("zh_CN");
  EXPECT_EQ(Plural(one, many, 1), "找到 %zu 处。");
  EXPECT_EQ(Plural(one, many, 7), "找到 %zu 处。");
}

TEST_F(Catalogs, FmtPatternsFormatInEveryLanguage) {
  // The engine formats these with fmt::runtime: a translation that breaks a
  // placeholder would throw, one that reorders them must name their index.
  const char* pattern = "{:04}-{:02}-{:02} does not exist: month {:02} of {:04} has {} days.";
  for (const char* catalog : {"fr", "es", "ar", "ru", "zh_CN"}) {
    Use(catalog);
    std::string text;
    EXPECT_NO_THROW(text = fmt::format(fmt::runtime(tr(pattern)), 2026, 2, 30, 2, 2026, 28)) << catalog;
    EXPECT_NE(text.find("2026-02-30"), std::string::npos) << catalog << ": " << text;
    EXPECT_NE(text.find("28"), std::string::npos) << catalog << ": " << text;
  }
  Use("zh_CN");
  EXPECT_EQ(fmt::format(fmt::runtime(tr(pattern)), 2026, 2, 30, 2, 2026, 28),
            "2026-02-30 不存在：2026 年 02 月有 28 天。");
}

TEST_F(Catalogs, TheContentWordsAreTheCatalogsWords) {
  // The window says Yes, Total... in the content language from
  // forms/content_words.cpp; the catalogs say them in the interface language.
  // Both say the same word for the same language.
  const std::pair<const char*, const char*> languages[] = {
      {"fr", "fr"}, {"es", "es"}, {"ar", "ar"}, {"ru", "ru"}, {"zh_CN", "zh"}};
  const std::pair<ContentWord, const char*> words[] = {
      {ContentWord::Yes, "Yes"},
      {ContentWord::No, "No"},
      {ContentWord::Other, "Other"},
      {ContentWord::OtherSpecify, "Other, please specify:"},
      {ContentWord::NotAvailable, "Information not available"},
      {ContentWord::Total, "Total"}};
  for (const auto& [catalog, language] : languages) {
    Use(catalog);
    for (const auto& [word, english] : words) EXPECT_EQ(contentWord(word, language), tr(english)) << catalog;
  }
}

}  // namespace
}  // namespace focal
