// The national focal point's name question is found in every bundled
// questionnaire (the exports print its answer as the preparer), and not
// mistaken for a record's field or another name.
#include <gtest/gtest.h>

#include <filesystem>

#include "forms/focal_point.h"
#include "forms/questionnaire_loader.h"
#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

namespace fs = std::filesystem;

TEST(FocalPoint, EveryBundledQuestionnaireAsksForTheFocalPointsName) {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(FOCAL_SOURCE_DIR) / "questionnaires")) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    LoadResult loaded = loadQuestionnaireFile(entry.path().string());
    ASSERT_TRUE(loaded.ok()) << entry.path();
    const std::string id = focalPointQuestion(*loaded.questionnaire);
    ASSERT_FALSE(id.empty()) << entry.path();
    const Question* question = loaded.questionnaire->find(id);
    ASSERT_NE(question, nullptr);
    EXPECT_EQ(question->type, QuestionType::Text) << entry.path();
    EXPECT_NE(question->label.get("en").find("focal point"), std::string::npos) << entry.path();
  }
  EXPECT_GE(files, 6);
}

TEST(FocalPoint, OnlyATopLevelTextQuestionThatAsksForTheName) {
  auto questionnaire = test::loadStoreQuestionnaire(test::storeYaml("fp", "1", R"(  - id: contacts
    title: Contacts
    questions:
      - {id: ministry, type: text, label: "Name of the ministry"}
      - {id: role, type: text, label: "Role of the national focal point"}
      - {id: count, type: integer, label: "Name count of focal point staff"}
      - id: agencies
        type: repeat
        label: Agencies
        questions:
          - {id: agency_name, type: text, label: "Name of the agency's focal point"}
      - {id: person, type: text, label: "Name of the national focal point"}
)"));
  EXPECT_EQ(focalPointQuestion(*questionnaire), "person");
  EXPECT_EQ(focalPointName(*questionnaire, {{"person", "  Anna Berger\n"}, {"ministry", "Justice"}}),
            "Anna Berger");
  EXPECT_EQ(focalPointName(*questionnaire, {{"person", " \t "}}), "");
  EXPECT_EQ(focalPointName(*questionnaire, {}), "");

  auto none = test::loadStoreQuestionnaire(test::storeYaml("none", "1", test::kStoreSections));
  EXPECT_EQ(focalPointQuestion(*none), "");
  EXPECT_EQ(focalPointName(*none, {{"q_1", "yes"}}), "");
}

}  // namespace
}  // namespace focal
