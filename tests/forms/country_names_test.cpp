// States are named in the questionnaire language, from Debian's iso-codes
// catalogs; Chinese ("zh" in questionnaires) is their zh_CN catalog.
#include <gtest/gtest.h>

#include "forms/countries.h"

namespace focal {
namespace {

TEST(CountryNames, InTheSixUnLanguages) {
  EXPECT_EQ(countryName("CHN", "en"), "China");
  EXPECT_EQ(countryName("CHN", "zh"), "中国");
  EXPECT_EQ(countryName("FRA", "zh"), "法国");
  EXPECT_EQ(countryName("RUS", "ru"), "Российская Федерация");
  EXPECT_EQ(countryName("FRA", "fr"), "France");
  EXPECT_EQ(countryName("EGY", "ar"), "مصر");
}

}  // namespace
}  // namespace focal
