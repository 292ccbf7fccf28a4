// Dates in words (forms/date_words.h): day and month, the year only when it
// is not this year's; what is not a date is left as it is.
#include "forms/date_words.h"

#include <gtest/gtest.h>
#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>

#include "tests/forms/store_fixture.h"

extern "C" int _nl_msg_cat_cntr;

namespace focal {
namespace {

TEST(DateWords, DayAndMonthThisYearAndTheYearOtherwise) {
  EXPECT_EQ(dateInWords("2026-05-03", "2026-12-06"), "3 May");
  EXPECT_EQ(dateInWords("2026-05-03T10:22:31.123Z", "2026-12-06"), "3 May");
  EXPECT_EQ(dateInWords("2025-12-31T23:59:59Z", "2026-01-01"), "31 December 2025");
  EXPECT_EQ(dateInWords("2026-01-09", "2027-03-01"), "9 January 2026");
}

TEST(DateWords, WhatIsNotADateIsLeftAsItIs) {
  EXPECT_EQ(dateInWords("", "2026-12-06"), "");
  EXPECT_EQ(dateInWords("soon", "2026-12-06"), "soon");
  EXPECT_EQ(dateInWords("2026-13-01", "2026-12-06"), "2026-13-01");
  EXPECT_EQ(dateInWords("2026-05-00", "2026-12-06"), "2026-05-00");
  EXPECT_EQ(dateInWords("2026/05/03", "2026-12-06"), "2026/05/03");
}

TEST(DateWords, TodayIsTheLocalDateByDefault) {
  const std::string today = localDate();
  EXPECT_EQ(dateInWords(today), dateInWords(today, today));
  EXPECT_EQ(dateInWords(today).find(today.substr(0, 4)), std::string::npos);  // no year: this year's
}

// The month names and the order of the parts come from the interface catalog:
// a French and a Chinese catalog made here (the project's po/ is the translators').
TEST(DateWords, TheCatalogNamesTheMonthAndOrdersTheParts) {
  test::TempDir dir;
  auto catalog = [&](const std::string& language, const std::string& po) {
    const auto folder = dir.path() / language / "LC_MESSAGES";
    std::filesystem::create_directories(folder);
    test::writeFile((folder / "focal.po").string(),
                    "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n" + po);
    const std::string command =
        "msgfmt -o '" + (folder / "focal.mo").string() + "' '" + (folder / "focal.po").string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  };
  catalog("fr", "msgid \"May\"\nmsgstr \"mai\"\n\nmsgid \"December\"\nmsgstr \"d\u00e9cembre\"\n");
  catalog("zh_CN",
          "msgid \"May\"\nmsgstr \"5\u6708\"\n\nmsgid \"{day} {month}\"\nmsgstr \"{month}{day}\u65e5\"\n\n"
          "msgid \"{day} {month} {year}\"\nmsgstr \"{year}\u5e74{month}{day}\u65e5\"\n");
  const std::string directory = bindtextdomain("focal", nullptr);
  const char* language = std::getenv("LANGUAGE");
  const std::string saved = language ? language : "";
  const std::string messages = std::setlocale(LC_MESSAGES, nullptr);
  std::setlocale(LC_MESSAGES, "C.UTF-8");
  bindtextdomain("focal", dir.path().string().c_str());
  bind_textdomain_codeset("focal", "UTF-8");
  auto use = [](const char* code) {
    setenv("LANGUAGE", code, 1);
    ++_nl_msg_cat_cntr;
  };
  use("fr");
  const std::string fr = dateInWords("2026-05-03", "2026-12-06"),
                    frYear = dateInWords("2025-12-31", "2026-01-01");
  use("zh_CN");
  const std::string zh = dateInWords("2026-05-03", "2026-12-06"),
                    zhYear = dateInWords("2025-05-03", "2026-01-01");
  bindtextdomain("focal", directory.c_str());
  std::setlocale(LC_MESSAGES, messages.c_str());
  if (language)
    setenv("LANGUAGE", saved.c_str(), 1);
  else
    unsetenv("LANGUAGE");
  ++_nl_msg_cat_cntr;

  EXPECT_EQ(fr, "3 mai");
  EXPECT_EQ(frYear, "31 d\u00e9cembre 2025");
  EXPECT_EQ(zh, "5\u67083\u65e5");
  EXPECT_EQ(zhYear, "2025\u5e745\u67083\u65e5");
  EXPECT_EQ(dateInWords("2026-05-03", "2026-12-06"), "3 May");  // back to the catalog of before
}

}  // namespace
}  // namespace focal
