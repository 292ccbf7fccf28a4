// sql::Transaction nests: inside another transaction it is a savepoint, so a
// store operation can run alone or as part of a larger one.
#include <gtest/gtest.h>

#include "forms/sqlite.h"

namespace focal::sql {
namespace {

class TransactionTest : public ::testing::Test {
 protected:
  void SetUp() override { db.exec("CREATE TABLE t(v TEXT)"); }
  void insert(const char* v) {
    Statement s(db, "INSERT INTO t(v) VALUES (?1)");
    s.bind(1, v).run();
  }
  std::string values() {
    std::string out;
    Statement s(db, "SELECT v FROM t ORDER BY rowid");
    while (s.step()) out += s.text(0);
    return out;
  }
  Database db{":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE};
};

TEST_F(TransactionTest, AnInnerCommitJoinsTheOuterTransaction) {
  {
    Transaction outer(db);
    EXPECT_FALSE(outer.nested());
    insert("a");
    {
      Transaction inner(db);
      EXPECT_TRUE(inner.nested());
      insert("b");
      inner.commit();
    }
    EXPECT_TRUE(db.inTransaction());
    outer.commit();
  }
  EXPECT_FALSE(db.inTransaction());
  EXPECT_EQ(values(), "ab");
}

TEST_F(TransactionTest, AnInnerFailureUndoesOnlyItsOwnChanges) {
  {
    Transaction outer(db);
    insert("a");
    try {
      Transaction inner(db);
      insert("b");
      throw std::runtime_error("the inner step fails");
    } catch (const std::runtime_error&) {
    }
    insert("c");
    outer.commit();
  }
  EXPECT_EQ(values(), "ac");
}

TEST_F(TransactionTest, AnOuterFailureUndoesTheCommittedInnerOnes) {
  {
    Transaction outer(db);
    insert("a");
    {
      Transaction inner(db);
      insert("b");
      inner.commit();
    }
  }  // no commit
  EXPECT_FALSE(db.inTransaction());
  EXPECT_EQ(values(), "");
}

TEST_F(TransactionTest, NestingGoesDeeperThanOneLevel) {
  Transaction a(db);
  insert("1");
  {
    Transaction b(db);
    insert("2");
    {
      Transaction c(db);
      insert("3");
    }  // rolled back
    b.commit();
  }
  a.commit();
  EXPECT_EQ(values(), "12");
}

}  // namespace
}  // namespace focal::sql
