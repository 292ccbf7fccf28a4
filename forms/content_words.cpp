#include "forms/content_words.h"

#include <array>

#include "forms/i18n.h"

namespace focal {

namespace {

struct Words {
  const char* language;
  std::array<const char*, 6> words;  // in the order of ContentWord
};

// The same words as the printed report's (export/common/report_labels.cpp) and the
// catalogs' (po/*.po); tests/forms/content_words_test.cpp holds them together.
// clang-format off
const std::array<Words, 6> kWords{{
  {"en", {"Yes", "No", "Other", "Other, please specify:", "Information not available", "Total"}},
  {"fr", {"Oui", "Non", "Autre", "Autre, veuillez préciser :", "Information non disponible", "Total"}},
  {"es", {"Sí", "No", "Otro", "Otro, especifique:", "Información no disponible", "Total"}},
  {"ar", {"نعم", "لا", "أخرى", "غير ذلك، يرجى التحديد:", "المعلومات غير متاحة", "المجموع"}},
  {"zh", {"是", "否", "其他", "其他，请具体说明：", "无可用信息", "合计"}},
  {"ru", {"Да", "Нет", "Другое", "Другое (уточните):", "Информация отсутствует", "Итого"}},
}};
// clang-format on

// The English words, marked for the catalog (the fallback of other languages).
const std::array<const char*, 6> kEnglish{
    N_("Yes"),  N_("No"), N_("Other"), N_("Other, please specify:"), N_("Information not available"),
    N_("Total")};

const Words* find(const std::string& language) {
  const std::string base = language.substr(0, language.find_first_of("-_"));
  for (const auto& words : kWords)
    if (base == words.language) return &words;
  return nullptr;
}

}  // namespace

std::string contentWord(ContentWord word, const std::string& language) {
  const auto index = static_cast<std::size_t>(word);
  if (const Words* words = find(language)) return words->words[index];
  return tr(kEnglish[index]);
}

bool hasContentWords(const std::string& language) { return find(language) != nullptr; }

}  // namespace focal
