// The translators' round trip: export to XLIFF, fill in targets, import,
// and check that the questionnaire has the texts and that no other byte moved.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "forms/questionnaire_loader.h"
#include "forms/translations.h"
#include "forms/xliff.h"
#include "forms/yaml_text_edit.h"

namespace focal {
namespace {

using ::testing::HasSubstr;

// Every way a text is written: block and flow mappings, a bare scalar, a
// block scalar, quotes, comments, choice lists, a table, a repeat, references.
const std::string kYaml = R"(# The test questionnaire; this comment stays.
focal: 1
id: rt
title:
  en: Round trip   # trailing comment
  fr: "Aller-retour"
instrument: tip
cycle: 1
version: '1'
languages: [en, fr, ar]
choice_lists:
  kinds:
    - {value: law, label: {en: A law, fr: Une loi}}
    - value: decree
      label:
        en: 'A decree'
sections:
  - id: s1
    title: {en: General, fr: Général}
    intro: |
      Read this first.
      Then answer.
    references:
      - {instrument: tip, article: "5", text: {en: Each State shall adopt measures}}
    questions:
      # a comment between questions
      - id: q1
        type: single_choice
        choices: kinds
        label: Which instrument?
        help:
          en: >
            Folded help
            over two lines.
      - id: q2
        type: table
        label: {en: "Cases, by year"}
        rows:
          - {id: r1, label: {en: Cases opened}}
        columns:
          - id: c2024
            label:
              en: Year 2024
      - id: q3
        type: repeat
        label:
          en: Agreements
        questions:
          - id: q3_name
            type: text
            label:
              en: Name of the agreement
              fr: Nom de l'accord
            constraint: "string-length(.) < 200"
            constraint_message: {en: Too long}
      - id: q4
        type: integer
        label: {en: "How many?", fr: "Combien ?"}
        unit: {en: persons}
)";

std::map<std::string, xliff::Unit> unitsOf(const std::string& document) {
  std::string error;
  auto files = xliff::read(document, error);
  EXPECT_TRUE(files) << error;
  std::map<std::string, xliff::Unit> out;
  if (files)
    for (const auto& u : files->front().units) out[u.id] = u;
  return out;
}

std::string exported(const std::string& yaml, const std::string& language) {
  Diagnostics d("q.yaml");
  auto file = TranslatableFile::read(yaml, d);
  EXPECT_TRUE(file);
  return file ? exportTranslations(*file, "q.yaml", language) : std::string();
}

// The XLIFF with each unit's target set by `fill` (source -> target).
std::string filled(const std::string& yaml, const std::string& language,
                   const std::function<std::string(const std::string&)>& fill) {
  std::string error;
  auto files = xliff::read(exported(yaml, language), error);
  EXPECT_TRUE(files) << error;
  for (auto& u : files->front().units) u.target = fill(u.source);
  return xliff::write(files->front());
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Lines only in `a` and lines only in `b` (a longest-common-subsequence diff).
std::pair<std::vector<std::string>, std::vector<std::string>> lineDiff(const std::string& a,
                                                                       const std::string& b) {
  auto x = lines(a), y = lines(b);
  std::vector<std::vector<int>> l(x.size() + 1, std::vector<int>(y.size() + 1, 0));
  for (std::size_t i = x.size(); i-- > 0;)
    for (std::size_t j = y.size(); j-- > 0;)
      l[i][j] = x[i] == y[j] ? l[i + 1][j + 1] + 1 : std::max(l[i + 1][j], l[i][j + 1]);
  std::pair<std::vector<std::string>, std::vector<std::string>> out;
  std::size_t i = 0, j = 0;
  while (i < x.size() || j < y.size()) {
    if (i < x.size() && j < y.size() && x[i] == y[j]) {
      ++i, ++j;
    } else if (j < y.size() && (i == x.size() || l[i][j + 1] >= l[i + 1][j])) {
      out.second.push_back(y[j++]);
    } else {
      out.first.push_back(x[i++]);
    }
  }
  return out;
}

TEST(Translations, ExportGivesOneUnitPerTextWithSourceTargetAndContext) {
  std::string doc = exported(kYaml, "fr");
  EXPECT_THAT(doc, HasSubstr("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"));
  EXPECT_THAT(doc, HasSubstr("source-language=\"en\" target-language=\"fr\""));
  auto units = unitsOf(doc);
  std::vector<std::string> ids;
  for (const auto& [id, u] : units) ids.push_back(id);
  EXPECT_THAT(ids, ::testing::UnorderedElementsAre("questionnaire.title", "choice_list.kinds.choice.law",
                                                   "choice_list.kinds.choice.decree", "section.s1.title",
                                                   "section.s1.intro", "section.s1.reference.1", "q1.label",
                                                   "q1.help", "q2.label", "q2.row.r1", "q2.column.c2024",
                                                   "q3.label", "q3_name.label", "q3_name.constraint_message",
                                                   "q4.label", "q4.unit"));
  EXPECT_EQ(units["questionnaire.title"].target, "Aller-retour");
  EXPECT_EQ(units["q1.label"].source, "Which instrument?");
  EXPECT_EQ(units["q1.label"].target, std::nullopt);
  EXPECT_EQ(units["q1.label"].resname, "q1");
  EXPECT_EQ(units["section.s1.intro"].source, "Read this first.\nThen answer.\n");
  EXPECT_EQ(units["q1.help"].source, "Folded help over two lines.\n");
  EXPECT_EQ(units["q3_name.label"].target, "Nom de l'accord");
  EXPECT_EQ(units["q3_name.label"].note,
            "section s1, question q3 (repeat) > repeat, question q3_name (text): label");
  EXPECT_EQ(units["q2.column.c2024"].note, "section s1, question q2 (table), table column 'c2024': label");
  EXPECT_THAT(doc, HasSubstr("<target>Nom de l&apos;accord</target>"));
}

TEST(Translations, RoundTripFillsTheTextsAndChangesOnlyTheirLines) {
  std::string xlf = filled(kYaml, "ar", [](const std::string& s) { return "ع " + s; });
  auto result = importTranslations(kYaml, "q.yaml", {{"ar.xlf", xlf}});
  ASSERT_THAT(result.errors, ::testing::IsEmpty());
  EXPECT_EQ(result.changed, 16);

  auto loaded = loadQuestionnaireText(result.text, "q.yaml");
  ASSERT_TRUE(loaded.ok());
  const Questionnaire& q = *loaded.questionnaire;
  EXPECT_EQ(q.info.title.get("ar"), "ع Round trip");
  EXPECT_EQ(q.find("q1")->label.get("ar"), "ع Which instrument?");
  EXPECT_EQ(q.find("q1")->label.get("en"), "Which instrument?");
  EXPECT_EQ(q.find("q1")->choices[1].label.get("ar"), "ع A decree");
  EXPECT_EQ(q.find("q1")->help.get("ar"), "ع Folded help over two lines.\n");
  EXPECT_EQ(q.find("q2")->columns[0].label.get("ar"), "ع Year 2024");
  EXPECT_EQ(q.find("q4")->unit.get("ar"), "ع persons");
  EXPECT_EQ(q.sections[0].intro.get("ar"), "ع Read this first.\nThen answer.\n");
  EXPECT_EQ(q.sections[0].references[0].text.get("ar"), "ع Each State shall adopt measures");
  EXPECT_EQ(q.find("q3_name")->constraintMessage.get("ar"), "ع Too long");

  // Block mappings gain a line; a flow mapping or a bare text (the block scalar
  // too) becomes one flow mapping line; nothing else moves.
  auto [removed, added] = lineDiff(kYaml, result.text);
  EXPECT_EQ(removed,
            (std::vector<std::string>{
                "    - {value: law, label: {en: A law, fr: Une loi}}",
                "    title: {en: General, fr: Général}",
                "    intro: |",
                "      Read this first.",
                "      Then answer.",
                "      - {instrument: tip, article: \"5\", text: {en: Each State shall adopt measures}}",
                "        label: Which instrument?",
                "        label: {en: \"Cases, by year\"}",
                "          - {id: r1, label: {en: Cases opened}}",
                "            constraint_message: {en: Too long}",
                "        label: {en: \"How many?\", fr: \"Combien ?\"}",
                "        unit: {en: persons}",
            }));
  EXPECT_EQ(added.size(), 16u);  // 10 lines changed, 6 inserted into block mappings
  EXPECT_THAT(added, ::testing::Contains("  ar: \"ع Round trip\""));
  EXPECT_THAT(added,
              ::testing::Contains("        label: {en: \"Which instrument?\", ar: \"ع Which instrument?\"}"));
  EXPECT_THAT(added, ::testing::Contains(
                         "        label: {en: \"How many?\", fr: \"Combien ?\", ar: \"ع How many?\"}"));
  EXPECT_THAT(added, ::testing::Contains("    intro: {en: \"Read this first.\\nThen answer.\\n\", ar: \"ع "
                                         "Read this first.\\nThen answer.\\n\"}"));
  for (const auto& line : added) EXPECT_THAT(line, HasSubstr("ar: \"ع ")) << line;
}

TEST(Translations, HostileTextsRoundTripExactly) {
  const std::vector<std::string> hostile = {"<b>a & b</b>",
                                            "\"quoted\" and 'single'",
                                            "key: value, with a colon-space",
                                            "# not a comment",
                                            "بروتوكول مكافحة تهريب المهاجرين",
                                            "line one\nline two\n",
                                            "back\\slash and tab\there",
                                            "- dash",
                                            "{flow}"};
  std::size_t n = 0;
  std::map<std::string, std::string> given;  // source -> target
  for (const char* language : {"fr", "ar"}) {
    std::string xlf = filled(kYaml, language, [&](const std::string& s) {
      return given[std::string(language) + s] = hostile[n++ % hostile.size()];
    });
    // The XML itself escapes them.
    EXPECT_THAT(xlf, HasSubstr("&lt;b&gt;a &amp; b&lt;/b&gt;"));
    auto result = importTranslations(kYaml, "q.yaml", {{"t.xlf", xlf}});
    ASSERT_THAT(result.errors, ::testing::IsEmpty());
    auto loaded = loadQuestionnaireText(result.text, "q.yaml");
    ASSERT_TRUE(loaded.ok());
    // Exported again, every target is what was given.
    for (const auto& [id, u] : unitsOf(exported(result.text, language)))
      EXPECT_EQ(u.target, given[language + u.source]) << id;
  }
}

TEST(Translations, AUnitWhoseSourceChangedIsRefusedAndNothingIsWritten) {
  std::string xlf = filled(kYaml, "fr", [](const std::string& s) { return "FR " + s; });
  std::string edited = kYaml;
  edited.replace(edited.find("Which instrument?"), 17, "Which instruments?");
  auto result = importTranslations(edited, "q.yaml", {{"fr.xlf", xlf}});
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_THAT(result.errors[0], HasSubstr("fr.xlf:"));
  EXPECT_THAT(result.errors[0],
              HasSubstr("unit 'q1.label': the source text changed since the export (it was \"Which "
                        "instrument?\", it is now \"Which instruments?\"); export again and re-translate"));
  EXPECT_TRUE(result.text.empty());
}

TEST(Translations, RefusesUnknownUnitsUndeclaredLanguagesAndBadXml) {
  std::string xlf = filled(kYaml, "fr", [](const std::string& s) { return "FR " + s; });
  std::string unknown = xlf;
  unknown.replace(unknown.find("id=\"q4.unit\""), 12, "id=\"q9.unit\"");
  auto r1 = importTranslations(kYaml, "q.yaml", {{"fr.xlf", unknown}});
  ASSERT_EQ(r1.errors.size(), 1u);
  EXPECT_THAT(r1.errors[0], HasSubstr("unit 'q9.unit': q.yaml has no such text"));

  std::string german = xlf;
  german.replace(german.find("target-language=\"fr\""), 20, "target-language=\"de\"");
  auto r2 = importTranslations(kYaml, "q.yaml", {{"de.xlf", german}});
  ASSERT_EQ(r2.errors.size(), 1u);
  EXPECT_EQ(r2.errors[0],
            "de.xlf: the target language 'de' is not in 'languages' of q.yaml; add it there first");

  auto r3 =
      importTranslations(kYaml, "q.yaml", {{"bad.xlf", "<xliff version=\"1.2\"><file>\n<body></file>"}});
  ASSERT_EQ(r3.errors.size(), 1u);
  EXPECT_THAT(r3.errors[0], HasSubstr("bad.xlf: line 2: </file> closes <body>"));
  EXPECT_TRUE(r1.text.empty() && r2.text.empty() && r3.text.empty());
}

TEST(Translations, ScalarEndsWhereTheParserSaysItDoes) {
  using yamledit::scalarEnd;
  std::string t = "a: plain text  # c\nb: 'it''s' x\nc: \"q\\\"d\"\nd: |\n  one\n\n  two\ne: x\n";
  EXPECT_EQ(t.substr(3, scalarEnd(t, 3, false, 1) - 3), "plain text");
  std::size_t b = t.find("'it");
  EXPECT_EQ(t.substr(b, scalarEnd(t, b, false, 1) - b), "'it''s'");
  std::size_t c = t.find("\"q");
  EXPECT_EQ(t.substr(c, scalarEnd(t, c, false, 1) - c), "\"q\\\"d\"");
  std::size_t d = t.find('|');
  EXPECT_EQ(t.substr(d, scalarEnd(t, d, false, 1) - d), "|\n  one\n\n  two");
  std::string f = "{en: a b, fr: c}";
  EXPECT_EQ(f.substr(5, scalarEnd(f, 5, true, 2) - 5), "a b");
  std::string m = "k: first\n  second\nn: 1\n";
  EXPECT_EQ(m.substr(3, scalarEnd(m, 3, false, 1) - 3), "first\n  second");
}

TEST(Translations, ASourceWhoseWhiteSpaceAToolReflowedIsNotStale) {
  std::string xlf = filled(kYaml, "fr", [](const std::string& s) { return "FR " + s; });
  const std::string original = "<source>Read this first.\nThen answer.\n</source>";
  ASSERT_NE(xlf.find(original), std::string::npos);
  xlf.replace(xlf.find(original), original.size(), "<source>Read this first.  Then answer.</source>");
  auto result = importTranslations(kYaml, "q.yaml", {{"fr.xlf", xlf}});
  ASSERT_THAT(result.errors, ::testing::IsEmpty());
  auto loaded = loadQuestionnaireText(result.text, "q.yaml");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.questionnaire->sections[0].intro.get("fr"), "FR Read this first.\nThen answer.\n");
}

// Every text of every bundled questionnaire, in every language: the in-place
// edits must read back exactly as intended (import checks it) and load.
TEST(Translations, EveryBundledQuestionnaireRoundTripsInEveryLanguage) {
  int files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(FOCAL_SOURCE_DIR) / "questionnaires")) {
    if (entry.path().extension() != ".yaml") continue;
    std::stringstream in;
    in << std::ifstream(entry.path()).rdbuf();
    Diagnostics d("q.yaml");
    auto file = TranslatableFile::read(in.str(), d);
    ASSERT_TRUE(file) << entry.path();
    std::vector<std::pair<std::string, std::string>> xliffs;
    for (std::size_t i = 1; i < file->languages().size(); ++i)
      xliffs.emplace_back(
          file->languages()[i] + ".xlf",
          filled(in.str(), file->languages()[i], [](const std::string& s) { return "X\n" + s; }));
    auto result = importTranslations(in.str(), entry.path().filename().string(), xliffs);
    ASSERT_THAT(result.errors, ::testing::IsEmpty()) << entry.path();
    EXPECT_EQ(result.changed, static_cast<int>(file->texts().size() * xliffs.size())) << entry.path();
    auto loaded = loadQuestionnaireText(result.text, "q.yaml");
    ASSERT_TRUE(loaded.ok()) << entry.path();
    ++files;
  }
  EXPECT_GE(files, 5);
}

// Every prefix of a valid file, and the file with each byte flipped, is
// either read or refused with a message; nothing crashes or hangs.
TEST(Translations, TruncatedOrCorruptedXliffIsRefusedWithAMessage) {
  std::string xlf = filled(kYaml, "fr", [](const std::string& s) { return "FR <&> " + s; });
  int refused = 0;
  for (std::size_t n = 0; n < xlf.size(); ++n) {
    std::string error;
    if (!xliff::read(xlf.substr(0, n), error)) {
      ++refused;
      EXPECT_THAT(error, ::testing::StartsWith("line ")) << n;
    }
  }
  // Only the prefix without the final line break is a whole document.
  EXPECT_EQ(refused, static_cast<int>(xlf.size()) - 1);
  for (std::size_t i = 0; i < xlf.size(); i += 41) {
    std::string bad = xlf;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    auto result = importTranslations(kYaml, "q.yaml", {{"bad.xlf", bad}});
    EXPECT_TRUE(result.errors.empty() ? loadQuestionnaireText(result.text, "q.yaml").ok()
                                      : result.text.empty())
        << i;
  }
}

// translate-toolkit, a client no one here wrote: xliff2po reads our file, and
// po2xliff's file (numbered units, our ids as locations) imports.
TEST(Translations, RoundTripThroughTranslateToolkit) {
  if (std::system("command -v xliff2po >/dev/null 2>&1 && command -v po2xliff >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "translate-toolkit (xliff2po, po2xliff) is not installed";
  auto dir = std::filesystem::temp_directory_path() / ("focal-xliff-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string xlf = filled(kYaml, "ar", [](const std::string& s) { return "ع \"" + s + "\" <&>"; });
  std::ofstream(dir / "ar.xlf") << xlf;
  std::string cmd = "cd '" + dir.string() +
                    "' && xliff2po --progress=none ar.xlf ar.po >/dev/null 2>&1 && "
                    "po2xliff --progress=none ar.po back.xlf >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::stringstream po, back;
  po << std::ifstream(dir / "ar.po").rdbuf();
  back << std::ifstream(dir / "back.xlf").rdbuf();
  EXPECT_THAT(po.str(), HasSubstr("#: q1.label\n"));
  EXPECT_THAT(po.str(), HasSubstr("msgid \"Which instrument?\"\nmsgstr \"ع \\\"Which instrument?\\\" <&>\""));
  std::filesystem::remove_all(dir);

  auto result = importTranslations(kYaml, "q.yaml", {{"back.xlf", back.str()}}, "ar");
  ASSERT_THAT(result.errors, ::testing::IsEmpty());
  EXPECT_EQ(result.changed, 16);
  auto loaded = loadQuestionnaireText(result.text, "q.yaml");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.questionnaire->find("q1")->label.get("ar"), "ع \"Which instrument?\" <&>");
  EXPECT_EQ(loaded.questionnaire->sections[0].intro.get("ar"), "ع \"Read this first.\nThen answer.\n\" <&>");
}

}  // namespace
}  // namespace focal
