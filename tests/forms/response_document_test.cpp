// The response document: every change saved at once, undo and redo with
// keystrokes merged, carried-forward marks, attachments, and the pending
// queue when writing fails (a full disk, a read-only database).
#include "forms/response_document.h"

#include <gtest/gtest.h>

#include "tests/forms/store_fixture.h"

namespace focal {
namespace {

using namespace std::chrono_literals;
using test::TempDir;
using test::testOptions;

// A document over a fresh workspace, with a clock the test moves.
class DocumentTest : public ::testing::Test {
 protected:
  void SetUp() override { open(":memory:"); }

  void open(const std::string& path, const std::map<std::string, std::string>& initial = {}) {
    document.reset();
    ws.reset();
    ws = path == ":memory:" || !std::filesystem::exists(path) ? Workspace::create(path, testOptions())
                                                              : Workspace::open(path, testOptions());
    id = ws->responses().empty() ? ws->createResponse(*test::storeQuestionnaire(), "NGA", "en", initial)
                                 : ws->responses().front().id;
    DocumentOptions options;
    options.clock = [this] { return clock; };
    document = std::make_unique<ResponseDocument>(*ws, id, options);
  }
  std::string stored(const std::string& path) {
    auto answers = ws->answers(id);
    auto it = answers.find(path);
    return it == answers.end() ? std::string() : it->second;
  }
  // Fills the database file so that the next write that needs a new page fails.
  void fillTheDisk() {
    auto& db = ws->database();
    db.exec("PRAGMA max_page_count = " + std::to_string(db.queryInteger("PRAGMA page_count")));
  }
  void freeTheDisk() { ws->database().exec("PRAGMA max_page_count = 1073741823"); }

  std::chrono::steady_clock::time_point clock{};
  std::unique_ptr<Workspace> ws;
  ResponseId id = 0;
  std::unique_ptr<ResponseDocument> document;
};

TEST_F(DocumentTest, SavesEveryChangeAtOnce) {
  EXPECT_TRUE(document->answer("q_1", "no").ok());
  EXPECT_EQ(stored("q_1"), "no");
  EXPECT_EQ(document->answer("q_3", "500").status, AnswerStatus::Invalid);  // stored, and flagged
  EXPECT_EQ(stored("q_3"), "500");
  EXPECT_TRUE(document->isSaved());
  EXPECT_EQ(document->status().state, SaveState::Saved);
  EXPECT_FALSE(document->status().lastSavedAt.empty());
  EXPECT_EQ(document->session().value("q_1"), "no");
}

TEST_F(DocumentTest, KeystrokesInOneFieldAreOneUndoStep) {
  for (std::string text : {"T", "Tr", "Tra", "Trai", "Train"}) {
    document->answer("q_2", text);
    clock += 300ms;
  }
  EXPECT_EQ(stored("q_2"), "Train");
  ASSERT_TRUE(document->undo());
  EXPECT_EQ(document->session().value("q_2"), "");
  EXPECT_EQ(stored("q_2"), "");
  EXPECT_FALSE(document->canUndo());
  ASSERT_TRUE(document->redo());
  EXPECT_EQ(stored("q_2"), "Train");
  EXPECT_FALSE(document->canRedo());
}

TEST_F(DocumentTest, PausesLongerThanTheWindowStartANewStep) {
  document->answer("q_2", "First sentence.");
  clock += 2500ms;
  document->answer("q_2", "First sentence. Second.");
  document->undo();
  EXPECT_EQ(document->session().value("q_2"), "First sentence.");
  document->undo();
  EXPECT_EQ(document->session().value("q_2"), "");
}

TEST_F(DocumentTest, OtherFieldsAndSealedStepsDoNotMerge) {
  document->answer("q_2", "a");
  document->answer("q_3", "1");
  document->answer("q_2", "ab");  // q_2 again, but after another field
  document->undo();
  EXPECT_EQ(document->session().value("q_2"), "a");
  document->undo();
  EXPECT_EQ(document->session().value("q_3"), "");
  document->redo();
  document->redo();
  document->answer("q_2", "abc");
  document->sealUndoStep();  // the focus left the field
  document->answer("q_2", "abcd");
  document->undo();
  EXPECT_EQ(document->session().value("q_2"), "abc");
  // A new edit after an undo clears what could be redone.
  document->answer("q_3", "2");
  EXPECT_FALSE(document->canRedo());
}

TEST_F(DocumentTest, TypingBackToTheStartLeavesNothingToUndo) {
  document->answer("q_2", "x");
  document->answer("q_2", "");
  EXPECT_FALSE(document->canUndo());
}

TEST_F(DocumentTest, AddingAndRemovingARecordAreOneStepEach) {
  const std::string key = document->addRecord("q_7");
  ASSERT_FALSE(key.empty());
  document->answer("q_7[" + key + "]/q_7_partner", "FRA");
  document->sealUndoStep();
  document->answer("q_7[" + key + "]/q_7_title", "Agreement on cooperation");
  document->removeRecord("q_7", key);
  EXPECT_TRUE(document->session().records("q_7").empty());
  EXPECT_TRUE(ws->answers(id).empty());
  ASSERT_TRUE(document->undo());  // the whole record comes back
  EXPECT_EQ(document->session().records("q_7"), std::vector<std::string>{key});
  EXPECT_EQ(stored("q_7[" + key + "]/q_7_partner"), "FRA");
  EXPECT_EQ(stored("q_7[" + key + "]/q_7_title"), "Agreement on cooperation");
  document->undo();
  document->undo();
  document->undo();  // the record's addition
  EXPECT_EQ(stored("q_7"), "");
  EXPECT_FALSE(document->canUndo());
}

TEST_F(DocumentTest, UndoAndRedoSayWhatTheyChanged) {
  document->answer("q_1", "no");
  document->sealUndoStep();
  document->answer("q_2", "Because.");
  const UndoResult undone = document->undo();
  ASSERT_EQ(undone.changes.size(), 1u);
  EXPECT_EQ(undone.changes[0].path, "q_2");
  EXPECT_EQ(undone.changes[0].before, "Because.");
  EXPECT_EQ(undone.changes[0].after, "");
  EXPECT_EQ(stored("q_2"), "");
  EXPECT_EQ(document->history().nextRedoPath(), "q_2");
  const UndoResult redone = document->redo();
  ASSERT_EQ(redone.changes.size(), 1u);
  EXPECT_EQ(redone.changes[0].after, "Because.");
  EXPECT_EQ(stored("q_2"), "Because.");
  EXPECT_FALSE(document->redo());  // nothing left to redo
}

TEST_F(DocumentTest, ABatchIsOneStep) {
  {
    auto batch = document->batch();
    document->answer("q_1", "no");
    document->answer("q_2", "Because.");
    document->addRecord("q_7");
    EXPECT_EQ(stored("q_1"), "");  // written when the batch ends
  }
  EXPECT_EQ(stored("q_2"), "Because.");
  document->undo();
  EXPECT_TRUE(ws->answers(id).empty());
}

TEST_F(DocumentTest, ChangingOrConfirmingACarriedAnswerClearsItsMark) {
  open(":memory:", {{"q_1", "yes"},
                    {"q_1@carried", "pending"},
                    {"q_3", "4"},
                    {"q_3@carried", "pending"},
                    {"q_7", "k1"},
                    {"q_7[k1]/q_7_partner", "FRA"},
                    {"q_7@carried", "pending"}});
  document->answer("q_1@comment", "a comment confirms nothing");
  EXPECT_EQ(stored("q_1@carried"), "pending");
  document->answer("q_1", "no");
  EXPECT_EQ(stored("q_1@carried"), "");
  document->confirmCarried("q_3");
  EXPECT_EQ(stored("q_3@carried"), "");
  EXPECT_EQ(stored("q_3"), "4");
  document->answer("q_7[k1]/q_7_title", "changed a record");
  EXPECT_EQ(stored("q_7@carried"), "");
  // Undo brings the mark back with the value.
  document->undo();
  document->undo();
  document->undo();
  EXPECT_EQ(stored("q_1"), "yes");
  EXPECT_EQ(stored("q_1@carried"), "pending");
}

TEST_F(DocumentTest, KeepsAnswersInMemoryWhenTheDiskIsFullAndWritesThemLater) {
  TempDir dir;
  open(dir.file("a.focal"));
  std::vector<DocumentStatus> published;
  auto subscription = document->subscribeStatus([&](const DocumentStatus& s) { published.push_back(s); });
  document->answer("q_1", "no");
  fillTheDisk();
  const std::string paragraph(30000, 'w');
  document->answer("q_2", paragraph);
  EXPECT_FALSE(document->isSaved());
  EXPECT_EQ(document->status().state, SaveState::Pending);
  EXPECT_EQ(document->status().pendingAnswers, 1u);
  EXPECT_NE(document->status().message.find("disk is full"), std::string::npos) << document->status().message;
  EXPECT_NE(document->status().message.find("Not saved yet: 1"), std::string::npos)
      << document->status().message;
  // The command line gets the store's words alone: it does not keep answers.
  EXPECT_NE(document->status().cause.find("disk is full"), std::string::npos) << document->status().cause;
  EXPECT_EQ(document->status().cause.find("keep Focal open"), std::string::npos) << document->status().cause;
  EXPECT_EQ(document->session().value("q_2"), paragraph);  // still there for the user
  EXPECT_EQ(stored("q_2"), "");
  ASSERT_FALSE(published.empty());
  EXPECT_EQ(published.back().state, SaveState::Pending);
  // Retrying while the disk is still full keeps everything.
  EXPECT_FALSE(document->retry());
  document->answer("q_2", paragraph + " More.");
  EXPECT_EQ(document->status().pendingAnswers, 1u);
  freeTheDisk();
  EXPECT_TRUE(document->retry());
  EXPECT_EQ(document->status().state, SaveState::Saved);
  EXPECT_EQ(published.back().state, SaveState::Saved);
  EXPECT_EQ(stored("q_2"), paragraph + " More.");
  EXPECT_EQ(stored("q_1"), "no");
}

TEST_F(DocumentTest, WritesThePendingAnswersWithTheNextChange) {
  ws->database().exec("PRAGMA query_only = 1");  // as a disk remounted read-only
  document->answer("q_1", "no");
  document->answer("q_2", "kept");
  EXPECT_EQ(document->status().pendingAnswers, 2u);
  EXPECT_NE(document->status().message.find("cannot be written"), std::string::npos)
      << document->status().message;
  ws->database().exec("PRAGMA query_only = 0");
  document->answer("q_3", "3");
  EXPECT_TRUE(document->isSaved());
  EXPECT_EQ(ws->answers(id),
            (std::map<std::string, std::string>{{"q_1", "no"}, {"q_2", "kept"}, {"q_3", "3"}}));
  // Undo of a change that failed to save is saved like any other change.
  ws->database().exec("PRAGMA query_only = 1");
  document->undo();
  ws->database().exec("PRAGMA query_only = 0");
  EXPECT_TRUE(document->retry());
  EXPECT_EQ(stored("q_3"), "");
}

TEST_F(DocumentTest, WritesPendingAnswersWhenItCloses) {
  ws->database().exec("PRAGMA query_only = 1");
  document->answer("q_2", "the last words");
  ws->database().exec("PRAGMA query_only = 0");
  document.reset();
  EXPECT_EQ(stored("q_2"), "the last words");
}

TEST_F(DocumentTest, AReadOnlyDocumentRefusesChangesAndSaysWhy) {
  TempDir dir;
  const std::string path = dir.file("a.focal");
  open(path);
  WorkspaceOptions options = testOptions("omar");
  options.readOnlyIfLocked = true;
  auto other = Workspace::open(path, options);
  ResponseDocument readOnly(*other, id);
  EXPECT_EQ(readOnly.status().state, SaveState::ReadOnly);
  EXPECT_NE(readOnly.status().message.find("tester"), std::string::npos) << readOnly.status().message;
  Outcome outcome = readOnly.answer("q_1", "yes");
  EXPECT_EQ(outcome.status, AnswerStatus::Refused);
  EXPECT_EQ(readOnly.session().value("q_1"), "");
  EXPECT_EQ(readOnly.addRecord("q_7"), "");
}

TEST_F(DocumentTest, AttachesFilesByTypeAndSize) {
  const std::string law = "Article 1.";
  auto data = std::span(reinterpret_cast<const unsigned char*>(law.data()), law.size());
  auto info = document->attach("q_8", "/tmp/Penal Code.TXT", "text/plain", data);
  EXPECT_EQ(info.name, "Penal Code.TXT");
  EXPECT_EQ(stored("q_8"), "Penal Code.TXT");
  ASSERT_TRUE(ws->attachment(id, "q_8"));
  auto refusal = [&](const std::string& name, std::span<const unsigned char> bytes) {
    try {
      document->attach("q_8", name, "application/octet-stream", bytes);
    } catch (const WorkspaceError& e) {
      EXPECT_EQ(e.kind(), WorkspaceError::Kind::Refused);
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(refusal("law.exe", data).find("pdf, txt"), std::string::npos);
  const std::vector<unsigned char> big(1024 * 1024 + 1, 'x');
  EXPECT_NE(refusal("big.pdf", big).find("at most 1.0 MB"), std::string::npos) << refusal("big.pdf", big);
  EXPECT_NE(refusal("q.txt", data).find("accepted"), std::string::npos);
  try {
    document->attach("q_1", "law.txt", "text/plain", data);
    ADD_FAILURE();
  } catch (const WorkspaceError& e) {
    EXPECT_NE(std::string(e.what()).find("not an attachment question"), std::string::npos);
  }
}

TEST_F(DocumentTest, ReopensWithEveryAnswer) {
  TempDir dir;
  open(dir.file("a.focal"));
  document->answer("q_1", "no");
  document->answer("q_2", "Words.");
  document->answer("q_6/y2022/women", "12");
  open(dir.file("a.focal"));
  EXPECT_EQ(document->session().value("q_2"), "Words.");
  EXPECT_EQ(document->session().value("q_6/y2022/women"), "12");
  EXPECT_TRUE(document->session().isRelevant("q_2"));
}

// Who made a change is part of the change (issue 19): a write that waits
// for the disk is stamped with the name of whoever made it, not with whoever
// is the user when it is finally written.
TEST_F(DocumentTest, AWriteThatWaitsKeepsTheNameOfWhoeverMadeIt) {
  ws->setUser("Amina Bello");
  ws->database().exec("PRAGMA query_only = 1");  // as a disk remounted read-only
  document->answer("q_2", "typed by Amina");
  ASSERT_FALSE(document->isSaved());
  ws->setUser("Jean Dupont");  // another person takes over the same program
  document->answer("q_1", "no");
  ws->database().exec("PRAGMA query_only = 0");
  ASSERT_TRUE(document->retry());
  std::map<std::string, std::string> by;
  for (const auto& a : ws->storedAnswers(id)) by[a.path] = a.changedBy;
  EXPECT_EQ(by["q_2"], "Amina Bello");
  EXPECT_EQ(by["q_1"], "Jean Dupont");
  for (const auto& h : ws->history(id, "q_2")) EXPECT_EQ(h.changedBy, "Amina Bello");
}

TEST_F(DocumentTest, AnAuthorGivenWithTheChangeIsStampedAndTheUserIsUntouched) {
  ws->setUser("Focal point");
  document->apply({{"q_2", "from the agency"}}, nullptr, "Ministry of the Interior (contribution)");
  document->answer("q_1", "yes");
  EXPECT_EQ(ws->user(), "Focal point");
  std::map<std::string, std::string> by;
  for (const auto& a : ws->storedAnswers(id)) by[a.path] = a.changedBy;
  EXPECT_EQ(by["q_2"], "Ministry of the Interior (contribution)");
  EXPECT_EQ(by["q_1"], "Focal point");
  // Undo is the user's own change.
  ASSERT_TRUE(document->undo());
  ASSERT_TRUE(document->undo());
  const auto history = ws->history(id, "q_2");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history.back().value, "");
  EXPECT_EQ(history.back().changedBy, "Focal point");
}

TEST_F(DocumentTest, SeveralAuthorsPendingAreWrittenInOneTransaction) {
  ws->setUser("A");
  ws->database().exec("PRAGMA query_only = 1");
  document->answer("q_1", "no");
  const std::string theirs(30000, 't');  // needs new pages
  document->apply({{"q_2", theirs}}, nullptr, "B");
  EXPECT_EQ(document->pendingChanges().size(), 2u);
  ws->database().exec("PRAGMA query_only = 0");
  fillTheDisk();  // the second set cannot be written: neither is
  EXPECT_FALSE(document->retry());
  EXPECT_EQ(stored("q_1"), "");
  EXPECT_EQ(stored("q_2"), "");
  freeTheDisk();
  EXPECT_TRUE(document->retry());
  EXPECT_EQ(stored("q_1"), "no");
  EXPECT_EQ(stored("q_2"), theirs);
}

}  // namespace
}  // namespace focal
