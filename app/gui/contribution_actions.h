// The contribution commands of the main window, as one-line hooks for its
// menus (app/gui/menus.cpp, BuildMenus), e.g. a "Contributions" menu:
//
//   AddCommand(menu, _("&Assignments...\tCtrl+Shift+A"), _("Agencies, their sections, returns and
//   conflicts"),
//              [this] { ShowContributionDashboard(this, *model_); },
//              [this] { return model_ && CanManageContributions(*model_); });
//   AddCommand(menu, _("&Import contributions..."), {}, [this] { ImportContributions(this, *model_); },
//   same); AddCommand(menu, _("Settle &conflicts..."), {}, [this] { ShowContributionConflicts(this, *model_);
//   }, same); AddCommand(menu, _("&Export my contribution..."), {}, [this] { ExportContribution(this,
//   *model_); },
//              [this] { return model_ && IsContributionRequest(*model_); });
#pragma once

#include <wx/window.h>

#include "app/gui/response_model.h"

namespace focal::gui {

// A workspace response that is not itself an agency's request (the focal point's).
bool CanManageContributions(ResponseModel& model);
// The window shows a contribution request (the agency's side).
bool IsContributionRequest(ResponseModel& model);

void ShowContributionDashboard(wxWindow* parent, ResponseModel& model);
void ImportContributions(wxWindow* parent, ResponseModel& model);
void ShowContributionConflicts(wxWindow* parent, ResponseModel& model);
// Asks where to save, then writes the agency's signed contribution.
void ExportContribution(wxWindow* parent, ResponseModel& model);

}  // namespace focal::gui
