#include "export/print/cycle_change_text.h"

namespace focal {

std::string cycleChangeRemark(CycleChange change, const std::string& language) {
  struct Words {
    const char* language;
    const char* unchanged;
    const char* changed;
  };
  static const Words words[] = {
      {"en", "Unchanged since the previous reply", "Changed since the previous reply"},
      {"fr", "Inchangé depuis la réponse précédente", "Modifié depuis la réponse précédente"},
      {"es", "Sin cambios desde la respuesta anterior", "Modificado desde la respuesta anterior"},
      {"ru", "Без изменений с предыдущего ответа", "Изменено по сравнению с предыдущим ответом"},
      {"zh", "自上次答复以来未变", "自上次答复以来已更改"},
      {"ar", "لم يتغير منذ الرد السابق", "تغيّر منذ الرد السابق"},
  };
  if (change == CycleChange::Unconfirmed) return {};
  const Words* chosen = &words[0];
  for (const auto& w : words)
    if (language.substr(0, 2) == w.language) chosen = &w;
  return change == CycleChange::Unchanged ? chosen->unchanged : chosen->changed;
}

}  // namespace focal
