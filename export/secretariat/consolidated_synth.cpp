#include "export/secretariat/consolidated_synth.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>

#include "export/report/report_assembly.h"
#include "forms/answer_value.h"
#include "forms/clock.h"
#include "forms/response_session.h"

namespace focal {

namespace {

// SplitMix64: the same numbers on every platform and library, unlike the
// standard distributions.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  bool chance(double p) { return uniform() < p; }
  long long between(long long lo, long long hi) {  // inclusive
    if (hi <= lo) return lo;
    return lo + static_cast<long long>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(next() % items.size())];
  }

 private:
  std::uint64_t state_;
};

std::uint64_t hashText(std::string_view text, std::uint64_t seed = 1469598103934665603ull) {
  for (unsigned char c : text) seed = (seed ^ c) * 1099511628211ull;
  return seed;
}

// Sentences for free-text answers, in the six languages.
const std::map<std::string, std::vector<std::string>>& sentences() {
  static const std::map<std::string, std::vector<std::string>> all = {
      {"en",
       {"A national referral mechanism coordinates the police, labour inspectors and shelters.",
        "Specialised prosecutors were trained in 2023 with the support of civil society.",
        "Victims receive a reflection period of ninety days and free legal aid.",
        "Joint investigation teams with neighbouring States dismantled two networks.",
        "Hotline operators identify victims and refer them to medical and psychological care.",
        "The law was amended to cover forced begging and forced criminality."}},
      {"fr",
       {"Un mécanisme national d'orientation coordonne la police, l'inspection du travail et les foyers.",
        "Des procureurs spécialisés ont été formés en 2023 avec l'appui de la société civile.",
        "Les victimes bénéficient d'un délai de réflexion de quatre-vingt-dix jours et d'une aide juridique "
        "gratuite.",
        "Des équipes communes d'enquête avec les États voisins ont démantelé deux réseaux.",
        "La loi a été modifiée pour couvrir la mendicité forcée et la criminalité forcée."}},
      {"es",
       {"Un mecanismo nacional de derivación coordina a la policía, la inspección del trabajo y los "
        "albergues.",
        "Se capacitó a fiscales especializados en 2023 con el apoyo de la sociedad civil.",
        "Las víctimas reciben un período de reflexión de noventa días y asistencia jurídica gratuita.",
        "Equipos conjuntos de investigación con Estados vecinos desarticularon dos redes.",
        "La ley se modificó para abarcar la mendicidad forzada y la criminalidad forzada."}},
      {"ar",
       {"تنسق آلية إحالة وطنية بين الشرطة ومفتشي العمل ودور الإيواء.",
        "تلقى أعضاء نيابة متخصصون تدريبا في عام 2023 بدعم من المجتمع المدني.",
        "يحصل الضحايا على فترة تفكير مدتها تسعون يوما وعلى مساعدة قانونية مجانية.",
        "فككت فرق تحقيق مشتركة مع الدول المجاورة شبكتين إجراميتين.",
        "عُدّل القانون ليشمل التسول القسري والإجرام القسري."}},
      {"zh",
       {"国家转介机制协调警察、劳动监察员和庇护所的工作。", "2023年在民间社会支持下对专门检察官进行了培训。",
        "被害人享有九十天的考虑期和免费法律援助。", "与邻国组成的联合调查组摧毁了两个犯罪网络。",
        "法律经修订，涵盖强迫乞讨和强迫犯罪。"}},
      {"ru",
       {"Национальный механизм перенаправления координирует работу полиции, трудовых инспекторов и приютов.",
        "В 2023 году при поддержке гражданского общества прошли подготовку специализированные прокуроры.",
        "Жертвам предоставляется период для размышления продолжительностью девяносто дней и бесплатная "
        "юридическая помощь.",
        "Совместные следственные группы с соседними государствами ликвидировали две сети.",
        "В закон внесены поправки, охватывающие принудительное попрошайничество."}},
  };
  return all;
}

const std::vector<std::string>& sentencesIn(const std::string& language) {
  auto it = sentences().find(language);
  return it != sentences().end() ? it->second : sentences().at("en");
}

// The first `max` characters (not bytes) of UTF-8 text.
std::string cutCharacters(const std::string& text, std::size_t max) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && characters++ == max) return text.substr(0, i);
  return text;
}

bool hasTag(const Question& q, const char* tag) {
  return std::find(q.tags.begin(), q.tags.end(), tag) != q.tags.end();
}

// How much more often than the mean a group answers Yes, and needs assistance.
double groupLean(std::optional<std::size_t> group) {
  return group ? (static_cast<double>(*group) - 2.0) * 0.07 : 0.0;
}
double assistanceNeed(std::optional<std::size_t> group) {
  static const double needs[] = {0.62, 0.45, 0.30, 0.42, 0.08};
  return group && *group < 5 ? needs[*group] : 0.3;
}

class Answerer {
 public:
  Answerer(ResponseSession& session, Random& random, std::string language, std::optional<std::size_t> group,
           std::string state, std::string today)
      : session_(session),
        random_(random),
        language_(std::move(language)),
        group_(group),
        state_(std::move(state)),
        today_(std::move(today)) {}

  void answerAll() {
    const Questionnaire& q = session_.questionnaire();
    for (std::size_t i = 0; i < q.questions.size(); ++i) {
      const Question& question = q.questions[i];
      if (question.repeat >= 0 || !session_.isRelevant(question.id)) continue;
      if (question.type == QuestionType::Repeat)
        answerRepeat(question);
      else
        answer(question, "");
    }
  }

  // Fills what is still required and clears what fails its constraint.
  void settle() {
    for (int pass = 0; pass < 3; ++pass) {
      auto problems = session_.problems();
      if (problems.empty()) return;
      for (const auto& p : problems) {
        if (p.question < 0) continue;
        const Question& question = session_.questionnaire().questions[p.question];
        if (p.kind == ProblemKind::RequiredButEmpty || p.kind == ProblemKind::TooFewRecords) {
          if (question.type == QuestionType::Repeat)
            answerRepeat(question, 1);
          else
            write(p.path, minimalValue(question));
        } else if (p.kind == ProblemKind::ConstraintViolated || p.kind == ProblemKind::Invalid) {
          write(p.path, question.required ? minimalValue(question) : "");
        }
      }
    }
  }

 private:
  void write(const std::string& path, const std::string& value) { session_.answer(path, value); }

  std::string sentence(int count) {
    std::string text;
    const auto& pool = sentencesIn(language_);
    for (int k = 0; k < count; ++k)
      text += (text.empty() ? "" : language_ == "zh" ? "" : " ") + random_.pick(pool);
    return text;
  }

  double yesShare(const Question& q) {
    if (hasTag(q, "technical_assistance") || hasTag(q, "gating")) return assistanceNeed(group_);
    const double base = 0.35 + 0.5 * static_cast<double>(hashText(q.id) % 1000) / 1000.0;
    return std::clamp(base + groupLean(group_), 0.05, 0.95);
  }

  std::string minimalValue(const Question& q) {
    switch (q.type) {
      case QuestionType::YesNo:
        return "no";
      case QuestionType::SingleChoice:
      case QuestionType::MultipleChoice:
        return q.choices.empty() ? "" : q.choices.front().value;
      case QuestionType::Integer:
      case QuestionType::Decimal:
        return std::to_string(static_cast<long long>(q.min.value_or(0)));
      case QuestionType::Year:
        return std::to_string(static_cast<long long>(std::max(q.min.value_or(2020), 1900.0)));
      case QuestionType::Date:
        return q.minDate.empty() ? "2020-01-01" : q.minDate;
      case QuestionType::Country:
        return state_ == "FRA" ? "DEU" : "FRA";
      default:
        return sentence(1);
    }
  }

  std::string number(const Question& q, bool decimal) {
    const long long lo = static_cast<long long>(q.min.value_or(0));
    const long long hi = static_cast<long long>(std::min(q.max.value_or(lo + 500.0), lo + 500.0));
    long long value = random_.between(lo, hi);
    if (!decimal) return std::to_string(value);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%lld.%02lld", value, random_.between(0, 99));
    return buffer;
  }

  void answer(const Question& q, const std::string& prefix) {
    const std::string path = prefix + q.id;
    const bool numeric = q.type == QuestionType::Integer || q.type == QuestionType::Decimal;
    if (!q.required && !random_.chance(hasTag(q, "successful_practice") ? 0.65 : 0.9)) return;
    if (numeric && q.allowNotAvailable && !q.required && prefix.empty() && random_.chance(0.08)) {
      write(withMark(path, "status"), "not_available");
      return;
    }
    switch (q.type) {
      case QuestionType::YesNo:
        write(path, random_.chance(yesShare(q)) ? "yes" : "no");
        break;
      case QuestionType::SingleChoice: {
        if (q.choices.empty()) break;
        // Earlier choices are likelier, as in real replies.
        std::size_t k =
            static_cast<std::size_t>(random_.between(0, static_cast<long long>(q.choices.size()) - 1));
        if (random_.chance(0.5)) k /= 2;
        write(path, q.choices[k].value);
        break;
      }
      case QuestionType::MultipleChoice: {
        std::vector<std::string> chosen;
        const double p = hasTag(q, "technical_assistance") ? 0.3 + 0.3 * assistanceNeed(group_) : 0.35;
        for (const auto& c : q.choices)
          if (c.value != "none" && random_.chance(p)) chosen.push_back(c.value);
        if (chosen.empty() && !q.choices.empty()) chosen.push_back(q.choices.front().value);
        if (q.otherOption && random_.chance(0.08)) {
          chosen.push_back("other");
          write(partPath(path, "other"), sentence(1));
        }
        write(path, joinWords(chosen));
        break;
      }
      case QuestionType::Text:
        write(path, cutCharacters(sentence(1), q.maxLength.value_or(2000)));
        break;
      case QuestionType::LongText:
        write(path, sentence(static_cast<int>(random_.between(1, 3))));
        break;
      case QuestionType::Integer:
        write(path, number(q, false));
        break;
      case QuestionType::Decimal:
        write(path, number(q, true));
        break;
      case QuestionType::Year: {
        const long long lo = static_cast<long long>(q.min.value_or(2000)),
                        hi = static_cast<long long>(q.max.value_or(2025));
        write(path, std::to_string(random_.between(std::max(lo, 1990LL), std::min(hi, 2025LL))));
        break;
      }
      case QuestionType::Date: {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lld", random_.between(2000, 2025),
                      random_.between(1, 12), random_.between(1, 28));
        std::string date = buffer;
        if (!q.minDate.empty() && date < q.minDate) date = q.minDate;
        if (!q.maxDate.empty() && date > q.maxDate) date = q.maxDate;
        if (date > today_) date = today_;
        write(path, date);
        break;
      }
      case QuestionType::Country:
        write(path, minimalValue(q));
        break;
      case QuestionType::Legislation:
        write(partPath(path, "title"),
              "Act No. " + std::to_string(random_.between(1, 120)) + " on trafficking in persons");
        write(partPath(path, "article"), "Art. " + std::to_string(random_.between(1, 60)));
        write(partPath(path, "date"), std::to_string(random_.between(2001, 2024)) + "-06-15");
        break;
      case QuestionType::Table:
        for (const auto& row : q.rows)
          for (const auto& column : q.columns)
            if (random_.chance(0.85)) write(partPath(path, row.id, column.id), number(q, q.decimalCells));
        break;
      default:
        break;  // attachments, notes and calculations are not synthesised
    }
  }

  void answerRepeat(const Question& q, long long atLeast = 0) {
    const Questionnaire& questionnaire = session_.questionnaire();
    const long long records =
        std::max<long long>({atLeast, static_cast<long long>(q.minRecords), random_.between(0, 3)});
    for (long long r = static_cast<long long>(session_.records(q.id).size()); r < records; ++r) {
      session_.apply(session_.addRecordWrites(q.id));
      const std::string key = session_.records(q.id).back();
      for (int child : q.children) {
        const Question& c = questionnaire.questions[child];
        const std::string prefix = recordPrefix(q.id, key);
        if (session_.isRelevant(prefix + c.id)) answer(c, prefix);
      }
    }
  }

  ResponseSession& session_;
  Random& random_;
  std::string language_;
  std::optional<std::size_t> group_;
  std::string state_, today_;
};

std::string addMinutes(const std::string& iso, long long minutes) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6) return iso;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return utcTimestampAt(timegm(&tm) + minutes * 60);
}

}  // namespace

std::vector<std::string> synthStates(const RegionalGroups& groups, std::size_t count, std::uint64_t seed) {
  std::vector<std::string> all;
  for (const auto& g : groups.groups()) all.insert(all.end(), g.members.begin(), g.members.end());
  std::sort(all.begin(), all.end());
  Random random(seed ^ 0x5EEDull);
  for (std::size_t i = all.size(); i > 1; --i) std::swap(all[i - 1], all[random.next() % i]);
  all.resize(std::min(count, all.size()));
  std::sort(all.begin(), all.end());
  return all;
}

std::string synthLanguage(const std::string& state, const RegionalGroups& groups, const Questionnaire& q) {
  static const std::set<std::string> arabic = {"DZA", "EGY", "LBY", "MAR", "TUN", "SDN", "MRT",
                                               "COM", "DJI", "SOM", "BHR", "IRQ", "JOR", "KWT",
                                               "LBN", "OMN", "QAT", "SAU", "SYR", "ARE", "YEM"};
  static const std::set<std::string> french = {"BEN", "BFA", "BDI", "CMR", "CAF", "TCD", "COG", "CIV",
                                               "COD", "GAB", "GIN", "MDG", "MLI", "NER", "RWA", "SEN",
                                               "TGO", "HTI", "FRA", "BEL", "CHE", "LUX", "MCO"};
  static const std::set<std::string> russian = {"RUS", "BLR", "KAZ", "KGZ", "TJK", "UZB", "TKM"};
  static const std::set<std::string> englishAmericas = {"ATG", "BHS", "BRB", "BLZ", "DMA", "GRD", "GUY",
                                                        "JAM", "KNA", "LCA", "VCT", "TTO", "SUR", "BRA"};
  std::string language = "en";
  auto group = groups.groupOf(state);
  if (arabic.count(state))
    language = "ar";
  else if (french.count(state))
    language = "fr";
  else if (russian.count(state))
    language = "ru";
  else if (state == "CHN")
    language = "zh";
  else if (state == "ESP" || state == "AND" || state == "GNQ")
    language = "es";
  else if (group && groups.groups()[*group].id == "latin_american_caribbean" && !englishAmericas.count(state))
    language = "es";
  const auto& languages = q.info.languages;
  return std::find(languages.begin(), languages.end(), language) != languages.end() ? language
                                                                                    : q.defaultLanguage();
}

NationalReport synthReport(const std::shared_ptr<const Questionnaire>& questionnaire,
                           const RegionalGroups& groups, const std::string& state, std::size_t index,
                           const SynthOptions& options) {
  const Questionnaire& q = *questionnaire;
  const std::string language = synthLanguage(state, groups, q);
  const std::string exportedAt =
      addMinutes(options.exportedAt, static_cast<long long>(index) * 7 + options.revision * 24LL * 60);
  const std::string today = exportedAt.substr(0, 10);
  // The first revision's answers for the most part: a revision re-draws one answer in ten.
  Random random(hashText(state, options.seed) ^ hashText(q.info.id));
  ResponseSession session(questionnaire, language);
  session.setToday(today);
  Answerer answerer(session, random, language, groups.groupOf(state), state, today);
  answerer.answerAll();
  if (options.revision > 0) {
    Random revision(hashText(state, options.seed + static_cast<std::uint64_t>(options.revision)));
    for (const auto& question : q.questions)
      if (question.repeat < 0 && question.type == QuestionType::YesNo && session.isRelevant(question.id) &&
          revision.chance(0.1))
        session.answer(question.id, session.value(question.id) == "yes" ? "no" : "yes");
  }
  answerer.settle();

  ReportInput input;
  input.questionnaire = questionnaire;
  input.state = state;
  input.language = language;
  input.preparer = "National focal point of " + groups.stateName(state);
  const std::string changedAt = addMinutes(exportedAt, -24 * 60);
  for (const auto& [path, value] : session.answers())
    if (!value.empty()) input.answers.push_back({path, value, "focal.point@" + state, changedAt});
  input.status = options.status;
  input.exportedAt = exportedAt;
  input.today = today;
  return assembleReport(input);
}

}  // namespace focal
