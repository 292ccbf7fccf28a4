// The provisions files (questionnaires/reference/provisions-*.yaml): what the
// bundled ones hold, how a questionnaire's citations are checked against
// them, and which questions cover which provision.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "forms/provision_coverage.h"
#include "forms/provisions.h"
#include "forms/questionnaire_loader.h"

namespace focal {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const std::string kReference = std::string(FOCAL_SOURCE_DIR) + "/questionnaires/reference/";

std::shared_ptr<const ProvisionCatalog> bundled(const std::string& key) {
  Diagnostics d;
  auto catalog = readProvisionCatalog(kReference + "provisions-" + key + ".yaml", d);
  for (const auto& problem : d.all()) ADD_FAILURE() << problem.format();
  return catalog;
}

class BundledProvisions : public ::testing::TestWithParam<const char*> {};

TEST_P(BundledProvisions, EveryProvisionHasASummaryInThreeLanguagesAnObligationAndAThemedLink) {
  auto catalog = bundled(GetParam());
  ASSERT_TRUE(catalog);
  EXPECT_EQ(instrumentKey(catalog->instrument), std::string(GetParam()));
  EXPECT_THAT(catalog->link, HasSubstr("https://treaties.un.org/"));
  EXPECT_GE(catalog->provisions.size(), 10u);
  for (const auto& p : catalog->provisions) {
    for (const char* language : {"en", "fr", "es"}) {
      EXPECT_TRUE(p.summary.has(language)) << p.citation("en") << " has no " << language << " summary";
      EXPECT_TRUE(p.title.has(language)) << p.citation("en");
      EXPECT_LT(p.summary.get(language).size(), 400u) << p.citation("en") << ": a summary is short";
    }
    EXPECT_FALSE(p.themes.empty()) << p.citation("en");
    for (const auto& theme : p.themes)
      for (const char* language : {"en", "fr", "es"})
        EXPECT_NE(catalog->themeLabel(theme, language), theme) << theme << " in " << language;
  }
  for (const char* language : {"en", "fr", "es"})
    EXPECT_THAT(catalog->linkFor(language), HasSubstr("https://"));
}

INSTANTIATE_TEST_SUITE_P(Instruments, BundledProvisions,
                         ::testing::Values("convention", "tip", "som", "firearms"));

TEST(BundledProvisions, ClassifyTheObligationsAsTheLegislativeGuidesDo) {
  auto convention = bundled("convention"), tip = bundled("tip"), som = bundled("som"),
       firearms = bundled("firearms");
  ASSERT_TRUE(convention && tip && som && firearms);
  EXPECT_EQ(convention->find("5", "1 (a)")->obligation, Obligation::Mandatory);
  EXPECT_EQ(convention->find("8", "2")->obligation, Obligation::ShallConsider);
  EXPECT_EQ(convention->find("12", "7")->obligation, Obligation::Optional);
  EXPECT_EQ(tip->find("6", "3")->obligation, Obligation::ShallConsider);
  EXPECT_EQ(tip->find("7", "")->obligation, Obligation::ShallConsider);
  EXPECT_EQ(som->find("5", "")->obligation, Obligation::Mandatory);
  EXPECT_EQ(firearms->find("10", "6")->obligation, Obligation::Optional);
  EXPECT_EQ(obligationLabel(Obligation::ShallConsider, "fr"), "Doit envisager");
  EXPECT_EQ(tip->find("5", "2 (a)")->citation("en"), "art. 5, para. 2 (a)");
  EXPECT_EQ(tip->find("3", "(b)")->citation("es"), "art. 3 (b)");
  // Corrected against the wording: "may permit" a hearing by video conference; "shall encourage" the
  // industry; "shall endeavour" is the guides' second category.
  EXPECT_EQ(convention->find("18", "18")->obligation, Obligation::Optional);
  EXPECT_EQ(firearms->find("8", "2")->obligation, Obligation::Mandatory);
  EXPECT_EQ(tip->find("6", "5")->obligation, Obligation::ShallConsider);
  EXPECT_EQ(convention->find("16", "8")->obligation, Obligation::ShallConsider);
}

TEST(BundledProvisions, LinkOnlyToTextsThatWereFoundNeverToGuessedOnes) {
  // TOCebook-f.pdf and TOCebook-s.pdf were guesses: a language without a known
  // edition links to the depositary's record, which holds all six texts.
  for (const char* key : {"convention", "tip", "som", "firearms"}) {
    auto catalog = bundled(key);
    ASSERT_TRUE(catalog);
    for (const char* language : {"fr", "es"})
      EXPECT_EQ(catalog->linkFor(language).find("TOCebook"), std::string::npos) << key << " " << language;
  }
  EXPECT_EQ(bundled("tip")->linkFor("fr"), bundled("tip")->link);
  EXPECT_THAT(bundled("convention")->linkFor("es"),
              HasSubstr("treaties.un.org/doc/source/RecentTexts/18-12S"));
}

TEST(BundledProvisions, EveryBundledQuestionnaireCitesOnlyListedProvisions) {
  for (const auto& entry : fs::directory_iterator(std::string(FOCAL_SOURCE_DIR) + "/questionnaires")) {
    if (entry.path().extension() != ".yaml") continue;
    auto result = loadQuestionnaireFile(entry.path().string(), {.strict = true});
    for (const auto& d : result.diagnostics) ADD_FAILURE() << d.format();
    ASSERT_TRUE(result.ok()) << entry.path();
    const auto& q = *result.questionnaire;
    ASSERT_TRUE(q.provisions.count(instrumentKey(q.info.instrument))) << entry.path();
    std::size_t cited = 0;
    for (const auto& e : provisionCoverage(q)) cited += e.questions.empty() ? 0 : 1;
    EXPECT_GE(cited, 8u) << entry.path() << ": provisions covered by a question";
  }
}

class ProvisionCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("focal-provisions-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "reference");
    write("reference/provisions-tip.yaml", kCatalog);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  LoadResult load(const std::string& references) {
    return loadQuestionnaireFile(write("q.yaml", kHead + references));
  }

  static constexpr const char* kCatalog =
      "instrument: tip\n"                                      // 1
      "title: {en: Protocol, fr: Protocole, es: Protocolo}\n"  // 2
      "link: https://treaties.un.org/x\n"                      // 3
      "themes:\n"                                              // 4
      "  criminalization: {en: Criminalization}\n"             // 5
      "articles:\n"                                            // 6
      "  - article: \"5\"\n"                                   // 7
      "    title: {en: Criminalization}\n"                     // 8
      "    themes: [criminalization]\n"                        // 9
      "    obligation: mandatory\n"                            // 10
      "    summary: {en: Make it an offence.}\n"               // 11
      "    paragraphs:\n"                                      // 12
      "      - {paragraph: \"1\", obligation: mandatory, summary: {en: The offence.}}\n"
      "      - {paragraph: \"2 (a)\", obligation: mandatory, summary: {en: Attempt.}}\n";
  // Lines 1-11; the question's references start on line 12, column 9.
  const std::string kHead =
      "focal: 1\nid: q\ntitle: Q\ninstrument: tip\ncycle: 1\nversion: '1'\nlanguages: [en]\n"
      "sections:\n  - id: s\n    title: S\n    questions:\n"
      "      - {id: q1, type: yes_no, label: Gate, references: ";
  fs::path dir_;
};

TEST_F(ProvisionCheck, AListedArticleAndParagraphLoad) {
  auto r =
      load("[{instrument: tip, article: \"5\", paragraph: \"2 (a)\"}, {instrument: tip, article: \"5\"}]}\n");
  for (const auto& d : r.diagnostics) ADD_FAILURE() << d.format();
  ASSERT_TRUE(r.ok());
  const auto& catalog = *r.questionnaire->provisions.at("tip");
  EXPECT_EQ(catalog.find("5", "2 (a)")->summary.get("en"), "Attempt.");
  auto coverage = provisionCoverage(*r.questionnaire);
  ASSERT_EQ(coverage.size(), 3u);
  EXPECT_EQ(coverage[0].questions.size(), 1u);  // article 5 as a whole
  EXPECT_TRUE(coverage[1].questions.empty());   // paragraph 1 is not cited
  EXPECT_EQ(coverage[2].questions.size(), 1u);  // 2 (a)
}

TEST_F(ProvisionCheck, AnUnknownArticleIsALoadErrorAtItsPosition) {
  auto r = load("[{instrument: tip, article: \"55\"}]}\n");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errorCount(), 1u);
  const auto& d = r.diagnostics.front();
  EXPECT_EQ(d.line, 12);
  EXPECT_THAT(d.message, HasSubstr("article '55' is not in the list of the tip provisions"));
  EXPECT_THAT(d.message, HasSubstr("provisions-tip.yaml"));
  EXPECT_THAT(d.message, HasSubstr("did you mean '5'?"));
  EXPECT_THAT(d.message, HasSubstr("correct the article or add it to that file"));
  EXPECT_THAT(d.format(), HasSubstr("q.yaml:12:"));
}

TEST_F(ProvisionCheck, AnUnknownParagraphNamesTheListedOnes) {
  auto r = load("[{instrument: tip, article: \"5\", paragraph: \"2 (a)-(c)\"}]}\n");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errorCount(), 1u);
  const auto& d = r.diagnostics.front();
  EXPECT_EQ(d.line, 12);
  EXPECT_THAT(d.message, HasSubstr("article 5 has no paragraph '2 (a)-(c)'"));
  EXPECT_THAT(d.message, HasSubstr("its paragraphs are 1, 2 (a)"));
  EXPECT_THAT(d.message, HasSubstr("one reference per paragraph"));
}

TEST_F(ProvisionCheck, ABrokenProvisionsFileIsALoadErrorNamingItsLine) {
  std::string broken = kCatalog;
  broken.replace(broken.find("obligation: mandatory\n"), 21, "obligation: must");
  write("reference/provisions-tip.yaml", broken);
  auto r = load("[{instrument: tip, article: \"5\"}]}\n");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errorCount(), 1u);
  EXPECT_THAT(r.diagnostics.front().message, HasSubstr("provisions-tip.yaml:10:"));
  EXPECT_THAT(r.diagnostics.front().message, HasSubstr("unknown obligation 'must'"));
  EXPECT_THAT(r.diagnostics.front().message, HasSubstr("correct it"));
}

TEST_F(ProvisionCheck, AFileOfAnotherInstrumentIsRefused) {
  std::string other = kCatalog;
  other.replace(0, 15, "instrument: som");
  write("reference/provisions-tip.yaml", other);
  auto r = load("[{instrument: tip, article: \"5\"}]}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.diagnostics.front().message, HasSubstr("lists the provisions of 'som', not of 'tip'"));
}

TEST(ProvisionCatalogFile, ReportsEveryProblemWithItsLine) {
  Diagnostics d("p.yaml");
  auto c = parseProvisionCatalog(
      "instrument: tip\ntitle: T\nlink: http://x\nthemes: {a: {en: A}}\narticles:\n"
      "  - {article: \"1\", title: T, themes: [b], obligation: shall, summary: S, colour: red}\n"
      "  - {article: \"1\", title: T, themes: [a], obligation: optional, summary: S}\n",
      "p.yaml", d);
  EXPECT_FALSE(c);
  std::vector<std::string> messages;
  for (const auto& problem : d.all()) messages.push_back(problem.format());
  EXPECT_THAT(
      messages,
      ::testing::Contains(HasSubstr("p.yaml:3:7: error: a link to the official text starts with https://")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("theme 'b' is not declared")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("unknown obligation 'shall'")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("unknown key 'colour'")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("p.yaml:7:15: error: article 1 is listed twice")));
}

TEST(CitationCovers, AParagraphCoversItsPartsAndTheArticleEverything) {
  Provision article{"5", "", {}, {}, Obligation::Mandatory, {}, 0};
  Provision one{"5", "1", {}, {}, Obligation::Mandatory, {}, 0};
  Provision oneA{"5", "1 (a)", {}, {}, Obligation::Mandatory, {}, 0};
  const TreatyReference whole{Instrument::Tip, "5", "", {}, {}, {}};
  const TreatyReference refOne{Instrument::Tip, "5", "1", {}, {}, {}};
  const TreatyReference refOneA{Instrument::Tip, "5", "1 (a)", {}, {}, {}};
  const TreatyReference refTen{Instrument::Tip, "5", "10", {}, {}, {}};
  EXPECT_TRUE(citationCovers(whole, article));
  EXPECT_FALSE(citationCovers(whole, one));
  EXPECT_TRUE(citationCovers(refOne, oneA));
  EXPECT_TRUE(citationCovers(refOneA, one));
  EXPECT_FALSE(citationCovers(refTen, one));
  EXPECT_TRUE(citationCovers(refTen, article));
}

TEST(QuestionStateOf, ReadsValuesPartsAndStatus) {
  Question q;
  q.id = "q1";
  EXPECT_EQ(questionState(q, {}), QuestionState::Unanswered);
  EXPECT_EQ(questionState(q, {{"q1", "yes"}}), QuestionState::Answered);
  EXPECT_EQ(questionState(q, {{"q1/title", "Penal Code"}}), QuestionState::Answered);
  EXPECT_EQ(questionState(q, {{"q1@status", "not_available"}}), QuestionState::NotAvailable);
  EXPECT_EQ(questionState(q, {{"q10", "yes"}}), QuestionState::Unanswered);
  EXPECT_EQ(questionState(q, {}, [](const std::string&) { return false; }), QuestionState::NotAsked);
}

}  // namespace
}  // namespace focal
