// Tables that layers above forms/ keep in a workspace file, declared as
// named, versioned migration steps (after Audacity's registries and the
// migration lists of Rails and Django, reduced to what Focal needs).
//
// A module (such as "contributions", export/contribution/contribution_store.cpp)
// registers its steps once, from a static initializer, with versions
// 1, 2, 3... in order. When a workspace is created or opened for writing,
// Workspace applies every registered step it has not applied yet, in the
// same transaction as its own format migration, and records the module's
// version in the table schema_modules(module, version) (the modules'
// half of the schema bookkeeping; PRAGMA user_version keeps the store's
// own format). A workspace whose recorded version of a module is newer
// than this program's steps is refused as written by a newer Focal.
//
// A step's SQL must accept a file that already holds its tables when the
// step is the first one of a module that used to create them itself
// (CREATE TABLE IF NOT EXISTS): such files then open as they are.
#pragma once

#include <string>
#include <vector>

namespace focal {

struct SchemaStep {
  std::string module;  // "contributions"
  int version = 0;     // 1 for the first step of the module, then 2, 3...
  std::string sql;     // one or more statements
  std::string why;     // one line for the reader of the code and of the file's history
};

namespace schema_registry {

// Registers a step; refused (std::logic_error) when the module's steps do not
// come as 1, 2, 3... Call it from a static initializer of the module.
void add(SchemaStep step);
// Every registered step, grouped by module, each module's in version order.
const std::vector<SchemaStep>& steps();
// The highest version registered for `module`, 0 when it registered none.
int latestVersion(const std::string& module);

}  // namespace schema_registry
}  // namespace focal
