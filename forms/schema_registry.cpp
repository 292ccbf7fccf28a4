#include "forms/schema_registry.h"

#include <stdexcept>

namespace focal::schema_registry {

namespace {

std::vector<SchemaStep>& registry() {
  static std::vector<SchemaStep> steps;  // built before main(), read afterwards
  return steps;
}

}  // namespace

void add(SchemaStep step) {
  if (step.module.empty() || step.version != latestVersion(step.module) + 1)
    throw std::logic_error("schema step " + step.module + " " + std::to_string(step.version) +
                           " registered out of order");
  auto& all = registry();
  auto after = all.end();
  for (auto it = all.begin(); it != all.end(); ++it)
    if (it->module == step.module) after = it + 1;
  all.insert(after, std::move(step));
}

const std::vector<SchemaStep>& steps() { return registry(); }

int latestVersion(const std::string& module) {
  int latest = 0;
  for (const auto& s : registry())
    if (s.module == module && s.version > latest) latest = s.version;
  return latest;
}

}  // namespace focal::schema_registry
