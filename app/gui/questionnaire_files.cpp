#include "app/gui/questionnaire_files.h"

#include <wx/dir.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>

#include <algorithm>
#include <set>

#include "forms/questionnaire_loader.h"

namespace focal::gui {

std::vector<std::string> QuestionnaireDirectories() {
  const wxString exeDir = wxFileName(wxStandardPaths::Get().GetExecutablePath()).GetPath();
  const wxString candidates[] = {
      exeDir + "/../share/focal/questionnaires",
      "/usr/share/focal/questionnaires",
#ifdef FOCAL_SOURCE_DIR
      wxString(FOCAL_SOURCE_DIR) + "/questionnaires",
#endif
  };
  std::vector<std::string> out;
  for (const auto& candidate : candidates) {
    wxFileName name = wxFileName::DirName(candidate);
    name.Normalize(wxPATH_NORM_DOTS | wxPATH_NORM_ABSOLUTE);
    const std::string path = name.GetPath().utf8_string();
    if (wxDir::Exists(name.GetPath()) && std::find(out.begin(), out.end(), path) == out.end())
      out.push_back(path);
  }
  return out;
}

static std::vector<std::string> yamlFiles(const std::string& directory) {
  std::vector<std::string> files;
  wxArrayString found;
  wxDir::GetAllFiles(wxString::FromUTF8(directory), &found, "*.yaml", wxDIR_FILES);
  for (const auto& file : found) files.push_back(file.utf8_string());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<AvailableQuestionnaire> AvailableQuestionnaires() {
  std::vector<AvailableQuestionnaire> out;
  std::set<std::string> ids;
  for (const auto& directory : QuestionnaireDirectories())
    for (const auto& file : yamlFiles(directory)) {
      LoadResult result = loadQuestionnaireFile(file);
      if (!result.ok() || !ids.insert(result.questionnaire->info.id).second) continue;
      out.push_back({file, result.questionnaire});
    }
  return out;
}

std::string FindQuestionnaireFile(const std::string& idOrName) {
  for (const auto& directory : QuestionnaireDirectories()) {
    const std::string file = directory + "/" + idOrName + ".yaml";
    if (wxFileName::FileExists(wxString::FromUTF8(file))) return file;
  }
  for (const auto& available : AvailableQuestionnaires())
    if (available.questionnaire->info.id == idOrName) return available.file;
  return {};
}

}  // namespace focal::gui
