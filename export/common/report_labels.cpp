#include "export/common/report_labels.h"

#include <array>

namespace focal {

namespace {

// clang-format off
const std::array<ReportLabels, 6> kLabels{{
  {"en", "National report", "State", "Questionnaire", "version", "Reporting cycle", "Date", "Prepared by",
   "Status", "Draft", "Final", "Signing key fingerprint",
   "Confirm this fingerprint with the secretariat through official channels.", "Not signed", "Contents",
   "Page {} of {}", "Not answered", "Information not available", "Not applicable", "Yes", "No", "Other", "Total",
   "Record {}", "No records", "Comment", "Carried forward from the previous cycle, not yet confirmed",
   "Title", "Article or section", "Date", "Link", "Excerpt", "Attachments", "No files are attached.", "File",
   "Question", "Size", "art. {}", "para. {}", "Calculated", "{} of {} questions answered",
   {"United Nations Convention against Transnational Organized Crime", "Trafficking in Persons Protocol",
    "Smuggling of Migrants Protocol", "Firearms Protocol"},
   "Other, as specified"},
  {"fr", "Rapport national", "État", "Questionnaire", "version", "Cycle d'établissement des rapports", "Date",
   "Établi par", "Statut", "Projet", "Version finale", "Empreinte de la clef de signature",
   "Confirmez cette empreinte auprès du secrétariat par les voies officielles.", "Non signé",
   "Table des matières", "Page {} sur {}", "Sans réponse", "Information non disponible", "Sans objet", "Oui",
   "Non", "Autre", "Total", "Enregistrement {}", "Aucun enregistrement", "Commentaire",
   "Reprise du cycle précédent, non encore confirmée", "Titre", "Article ou section", "Date", "Lien", "Extrait",
   "Pièces jointes", "Aucun fichier n'est joint.", "Fichier", "Question", "Taille", "art. {}", "par. {}",
   "Calculé", "{} questions sur {} ont reçu une réponse",
   {"Convention des Nations Unies contre la criminalité transnationale organisée",
    "Protocole relatif à la traite des personnes", "Protocole contre le trafic illicite de migrants",
    "Protocole relatif aux armes à feu"},
   "Autre, précisé"},
  {"es", "Informe nacional", "Estado", "Cuestionario", "versión", "Ciclo de presentación de informes", "Fecha",
   "Preparado por", "Situación", "Borrador", "Definitivo", "Huella digital de la clave de firma",
   "Confirme esta huella digital con la secretaría por los cauces oficiales.", "Sin firmar", "Índice",
   "Página {} de {}", "Sin respuesta", "Información no disponible", "No se aplica", "Sí", "No", "Otro", "Total",
   "Registro {}", "Ningún registro", "Comentario", "Trasladada del ciclo anterior, aún sin confirmar", "Título",
   "Artículo o sección", "Fecha", "Enlace", "Extracto", "Documentos adjuntos", "No se adjunta ningún archivo.",
   "Archivo", "Pregunta", "Tamaño", "art. {}", "párr. {}", "Calculado", "{} de {} preguntas respondidas",
   {"Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional",
    "Protocolo contra la trata de personas", "Protocolo contra el tráfico ilícito de migrantes",
    "Protocolo sobre armas de fuego"},
   "Otro, especificado"},
  {"ar", "التقرير الوطني", "الدولة", "الاستبيان", "الإصدار", "دورة الإبلاغ", "التاريخ", "أعدّه", "الحالة",
   "مسودة", "نهائي", "بصمة مفتاح التوقيع", "يُرجى تأكيد هذه البصمة مع الأمانة عبر القنوات الرسمية.",
   "غير موقَّع", "المحتويات", "الصفحة {} من {}", "لم تتم الإجابة", "المعلومات غير متاحة", "لا ينطبق", "نعم",
   "لا", "أخرى", "المجموع", "السجل {}", "لا توجد سجلات", "تعليق", "منقولة من الدورة السابقة، لم تؤكَّد بعد",
   "العنوان", "المادة أو القسم", "التاريخ", "الرابط", "مقتطف", "المرفقات", "لا توجد ملفات مرفقة.", "الملف",
   "السؤال", "الحجم", "المادة {}", "الفقرة {}", "محسوب", "تمت الإجابة عن {} من أصل {} سؤالًا",
   {"اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية", "بروتوكول الاتجار بالأشخاص",
    "بروتوكول تهريب المهاجرين", "بروتوكول الأسلحة النارية"},
   "أخرى، كما حُدِّدت"},
  {"zh", "国家报告", "国家", "调查问卷", "版本", "报告周期", "日期", "编写人", "状态", "草稿", "定稿",
   "签名密钥指纹", "请通过正式渠道与秘书处确认此指纹。", "未签名", "目录", "第 {} 页，共 {} 页", "未作答",
   "无可用信息", "不适用", "是", "否", "其他", "合计", "记录 {}", "无记录", "评论", "从上一周期沿用，尚未确认",
   "标题", "条款或章节", "日期", "链接", "摘录", "附件", "未附任何文件。", "文件", "问题", "大小", "第{}条",
   "第{}款", "计算值", "已回答 {} 个问题，共 {} 个",
   {"联合国打击跨国有组织犯罪公约", "关于贩运人口的议定书", "关于偷运移民的议定书", "枪支议定书"},
   "其他（具体说明）"},
  {"ru", "Национальный доклад", "Государство", "Вопросник", "версия", "Цикл представления докладов", "Дата",
   "Подготовлено", "Статус", "Проект", "Окончательный", "Отпечаток ключа подписи",
   "Подтвердите этот отпечаток в секретариате по официальным каналам.", "Не подписан", "Содержание",
   "Страница {} из {}", "Нет ответа", "Информация отсутствует", "Неприменимо", "Да", "Нет", "Другое", "Итого",
   "Запись {}", "Записей нет", "Комментарий", "Перенесено из предыдущего цикла, еще не подтверждено",
   "Название", "Статья или раздел", "Дата", "Ссылка", "Выдержка", "Приложения", "Файлы не приложены.", "Файл",
   "Вопрос", "Размер", "ст. {}", "п. {}", "Вычислено", "Дан ответ на {} из {} вопросов",
   {"Конвенция Организации Объединенных Наций против транснациональной организованной преступности",
    "Протокол о торговле людьми", "Протокол о незаконном ввозе мигрантов", "Протокол об огнестрельном оружии"},
   "Другое, с уточнением"},
}};
// clang-format on

}  // namespace

const ReportLabels& reportLabels(const std::string& language) {
  const std::string base = language.substr(0, 2);
  for (const auto& labels : kLabels)
    if (base == labels.language) return labels;
  return kLabels[0];
}

bool isRightToLeft(const std::string& language) {
  const std::string base = language.substr(0, 2);
  return base == "ar" || base == "fa" || base == "he" || base == "ur";
}

std::string fillIn(const char* pattern, const std::string& a, const std::string& b) {
  std::string out;
  int used = 0;
  for (const char* p = pattern; *p; ++p) {
    if (p[0] == '{' && p[1] == '}') {
      out += used++ == 0 ? a : b;
      ++p;
    } else {
      out += *p;
    }
  }
  return out;
}

std::string instrumentName(Instrument instrument, const std::string& language) {
  return reportLabels(language).instruments[static_cast<int>(instrument)];
}

std::string referenceText(const TreatyReference& reference, const std::string& language) {
  const ReportLabels& l = reportLabels(language);
  std::string text = instrumentName(reference.instrument, language);
  const char* separator = language.substr(0, 2) == "zh" ? "" : (isRightToLeft(language) ? "، " : ", ");
  if (!reference.article.empty()) text += separator + fillIn(l.article, reference.article);
  if (!reference.paragraph.empty()) text += separator + fillIn(l.paragraph, reference.paragraph);
  return text;
}

std::string referencesText(const std::vector<TreatyReference>& references, const std::string& language) {
  // "Protocol, art. 6, para. 1; art. 6, para. 2": the instrument is named once for a run of references to it.
  const ReportLabels& l = reportLabels(language);
  const bool chinese = language.substr(0, 2) == "zh";
  const std::string comma = chinese ? "" : (isRightToLeft(language) ? "، " : ", ");
  const std::string semicolon = chinese ? "；" : (isRightToLeft(language) ? "؛ " : "; ");
  std::string out;
  for (std::size_t i = 0; i < references.size(); ++i) {
    const auto& r = references[i];
    if (i > 0 && references[i - 1].instrument == r.instrument && !r.article.empty()) {
      std::string part = fillIn(l.article, r.article);
      if (!r.paragraph.empty()) part += comma + fillIn(l.paragraph, r.paragraph);
      out += semicolon + part;
    } else {
      out += (out.empty() ? "" : semicolon) + referenceText(r, language);
    }
  }
  return out;
}

}  // namespace focal
