// The power-cut campaign (issue 18, docs/reliability.md): a disk that
// drops every write not yet made durable by fsync (tests/support/
// power_cut_vfs.h), cut at every point of the focal point's typing, of
// `fill`, of the rolling backup, of a contribution's import and of the
// secretariat's merge. After each cut the file opens, SQLite's
// integrity_check passes and everything acknowledged before the cut is
// there; a backup is either complete or not listed; an import is all or
// nothing; and running the import or the merge again completes it.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "contribution_fixtures.h"
#include "export_fixtures.h"
#include "forms/answer_import.h"
#include "forms/response_document.h"
#include "forms/sqlite.h"
#include "forms/workspace.h"
#include "power_cut_campaign.h"

namespace focal::test {
namespace {

namespace fs = std::filesystem;

WorkspaceOptions options() {
  WorkspaceOptions o = contributionOptions("Jeanne Martin");
  o.backupsKept = 3;
  return o;
}

// What a path may hold after a cut: the value last acknowledged, or one
// written after it whose acknowledgement the cut took away (in flight).
using Acknowledged = std::map<std::string, std::set<std::string>>;
void attempt(Acknowledged& a, const std::string& path, const std::string& value) {
  if (auto it = a.find(path); it != a.end()) it->second.insert(value);
}
void acknowledge(Acknowledged& a, const std::string& path, const std::string& value) { a[path] = {value}; }

// Checks the file after a cut: opens, integrity, acknowledged answers.
void checkAfterCut(const std::string& file, const Acknowledged& acknowledged, const std::string& what) {
  ASSERT_EQ(integrity(file), "ok") << what;
  std::unique_ptr<Workspace> ws;
  ASSERT_NO_THROW(ws = Workspace::open(file, options())) << what;
  const auto stored = ws->answers(ws->responses().front().id);
  for (const auto& [path, values] : acknowledged) {
    auto it = stored.find(path);
    if (it == stored.end() || !values.contains(it->second)) {
      ++gCampaign.lost;
      ADD_FAILURE() << what << ": the acknowledged answer " << path << " = '" << *values.begin() << "' is "
                    << (it == stored.end() ? "missing" : "'" + it->second + "'");
    }
  }
}

const char* kQuestionnaire = R"(focal: 1
id: power
title: {en: Power cuts}
instrument: tip
cycle: 2
version: 1.0.0
languages: [en]
sections:
  - id: s
    title: {en: Answers}
    questions:
      - {id: q_1, type: text, label: {en: One}}
      - {id: q_2, type: text, label: {en: Two}}
      - {id: q_3, type: long_text, label: {en: Three}}
      - {id: q_4, type: integer, label: {en: Four}}
      - {id: q_5, type: text, label: {en: Five}}
      - {id: q_6, type: text, label: {en: Six}}
)";

// A workspace with one response; the document kept open as the window keeps it.
struct Typing {
  std::unique_ptr<Workspace> ws;
  std::unique_ptr<ResponseDocument> document;
  Acknowledged acknowledged;
  std::string file;
  void close() {
    try {
      document.reset();
    } catch (...) {
    }
    try {
      ws.reset();
    } catch (...) {
    }
  }
};

Typing startTyping(const TempDir& dir) {
  Typing t;
  t.file = dir.file("typing.focal");
  t.ws = Workspace::create(t.file, options());
  LoadResult q = loadQuestionnaireText(kQuestionnaire, "power.yaml");
  EXPECT_TRUE(q.ok());
  const ResponseId id = t.ws->createResponse(*q.questionnaire, "FRA", "en", {{"q_1", "before"}});
  acknowledge(t.acknowledged, "q_1", "before");
  t.document = std::make_unique<ResponseDocument>(*t.ws, id);
  return t;
}

TEST(PowerCut, TheFocalPointsTypingLosesNoSavedAnswer) {
  campaign(
      "typing", startTyping,
      [](const TempDir&, Typing& t) {
        // Keystrokes, then other fields: each change saved at once when the disk allows.
        const std::vector<std::pair<std::string, std::string>> edits = {
            {"q_2", "M"},  {"q_2", "Mi"},    {"q_2", "Ministry"}, {"q_3", std::string(3000, 'x')},
            {"q_4", "12"}, {"q_1", "after"}, {"q_5", "Police"},   {"q_6", "Justice"}};
        for (const auto& [path, value] : edits) {
          attempt(t.acknowledged, path, value);
          t.document->answer(path, value);
          if (t.document->isSaved()) acknowledge(t.acknowledged, path, value);
        }
      },
      [](const TempDir&, Typing& t, const std::string& what) {
        checkAfterCut(t.file, t.acknowledged, what);
      });
}

TEST(PowerCut, FillLosesNoAnswerOfAFileItReportedSaved) {
  campaign(
      "fill", startTyping,
      [](const TempDir&, Typing& t) {
        const char* files[] = {"question_id,value\nq_2,Ministry\nq_3,Long text\nq_4,7\n",
                               "question_id,value\nq_5,Police\nq_6,Justice\nq_1,changed\n"};
        for (const char* text : files) {
          const AnswerFile file = parseAnswersCsv(text, "answers.csv");
          for (const auto& row : file.rows) attempt(t.acknowledged, row.path, row.value);
          ImportResult result = importAnswers(*t.document, file);
          if (!result.rejected.empty() || !t.document->isSaved()) return;  // `fill` reports a failure
          for (const auto& row : file.rows) acknowledge(t.acknowledged, row.path, row.value);
        }
      },
      [](const TempDir&, Typing& t, const std::string& what) {
        checkAfterCut(t.file, t.acknowledged, what);
      });
}

TEST(PowerCut, ABackupIsCompleteOrNotListed) {
  campaign(
      "backup",
      [](const TempDir& dir) {
        Typing t = startTyping(dir);
        for (const char* p : {"q_2", "q_3", "q_5"}) t.document->answer(p, std::string("value of ") + p);
        for (const char* p : {"q_2", "q_3", "q_5"})
          acknowledge(t.acknowledged, p, std::string("value of ") + p);
        t.ws->backup();  // one earlier backup in the folder
        return t;
      },
      [](const TempDir&, Typing& t) { t.ws->backup(); },
      [](const TempDir&, Typing& t, const std::string& what) {
        checkAfterCut(t.file, t.acknowledged, what);
        // Opening for writing (in checkAfterCut) removed what the cut left half-made.
        auto ws = Workspace::open(t.file, options());
        const auto backups = ws->backups();
        ASSERT_FALSE(backups.empty()) << what;
        ASSERT_LE(backups.size(), 3u) << what;
        for (const auto& backup : backups) {
          ASSERT_EQ(integrity(backup), "ok") << what << ": " << backup;
          WorkspaceOptions readOnly = options();
          readOnly.readOnly = true;
          auto copy = Workspace::open(backup, readOnly);
          const auto stored = copy->answers(copy->responses().front().id);
          for (const auto& [path, values] : t.acknowledged)
            EXPECT_EQ(stored.at(path), *values.begin()) << what;
        }
        for (const auto& entry : fs::directory_iterator(ws->backupDirectory()))
          EXPECT_EQ(entry.path().string().find(".partial"), std::string::npos)
              << what << ": " << entry.path() << " left behind";
      });
}

// The focal point's workspace with an agency's signed contribution waiting.
struct Importing {
  std::unique_ptr<Workspace> ws;
  std::unique_ptr<ContributionStore> store;
  std::unique_ptr<ResponseDocument> document;
  std::map<std::string, std::string> before, after;  // the paths the contribution changes
  std::string file, contribution;
  void close() {
    try {
      document.reset();
      store.reset();
    } catch (...) {
    }
    try {
      ws.reset();
    } catch (...) {
    }
  }
  void open() {
    ws = Workspace::open(file, contributionOptions("Jeanne Martin"));
    store = std::make_unique<ContributionStore>(*ws);
    document = std::make_unique<ResponseDocument>(*ws, ws->responses().front().id);
  }
};

Importing startImporting(const TempDir& dir) {
  {
    FocalPoint focal(dir);
    focal.request("Ministry of Justice", {"victims"}, "justice.focal");
    Agency agency(dir, "justice.focal");
    agency.answer("q_3", "Shelters, legal aid and a hotline");
    agency.answer("q_4", "6");
    agency.answer("q_5/y2023/women", "14");
    agency.exportTo("justice.focalcontrib", agencyKey());
  }
  Importing s;
  s.file = dir.file("national.focal");
  s.contribution = dir.file("justice.focalcontrib");
  s.before = {{"q_3", "Shelters and legal aid"}, {"q_4", "4"}, {"q_5/y2023/women", ""}};
  s.after = {{"q_3", "Shelters, legal aid and a hotline"}, {"q_4", "6"}, {"q_5/y2023/women", "14"}};
  s.open();
  return s;
}

TEST(PowerCut, AContributionsImportIsAllOrNothingAndCanBeRunAgain) {
  campaign(
      "contribution import", startImporting,
      [](const TempDir&, Importing& s) { importContribution(*s.document, *s.store, s.contribution, {}); },
      [](const TempDir&, Importing& s, const std::string& what) {
        ASSERT_EQ(integrity(s.file), "ok") << what;
        ASSERT_NO_THROW(s.open()) << what;
        auto value = [&](const std::string& path) { return s.document->session().value(path); };
        bool allBefore = true, allAfter = true;
        for (const auto& [path, v] : s.before) allBefore = allBefore && value(path) == v;
        for (const auto& [path, v] : s.after) allAfter = allAfter && value(path) == v;
        EXPECT_TRUE(allBefore || allAfter)
            << what << ": the import was cut half-way (q_4 = " << value("q_4") << ")";
        EXPECT_EQ(value("q_1"), "yes") << what;  // the focal point's own answers
        EXPECT_EQ(value("q_8"), "Ministry of the Interior") << what;
        if (!allBefore && !allAfter) ++gCampaign.lost;
        // Running the import again finishes what the cut stopped.
        importContribution(*s.document, *s.store, s.contribution, {});
        for (const auto& [path, v] : s.after) EXPECT_EQ(value(path), v) << what << ", imported again";
        s.close();
      });
}

}  // namespace
}  // namespace focal::test
