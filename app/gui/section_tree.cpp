#include "app/gui/section_tree.h"

#include <wx/settings.h>

#include "app/gui/accessibility.h"
#include "app/gui/wx_text.h"

namespace focal::gui {

namespace {
// Arrowing through the tree opens a section only once the user pauses on it.
constexpr int kOpenDelayMs = 150;

class SectionData : public wxTreeItemData {
 public:
  explicit SectionData(int section) : section(section) {}
  int section;
};
}  // namespace

SectionTree::SectionTree(wxWindow* parent)
    : wxTreeCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_LINES_AT_ROOT | wxTR_SINGLE | wxBORDER_NONE) {
  SetAccessibleName(this, _("Sections"), _("Choose a section to show its questions."));
  openTimer_.SetOwner(this);
  Bind(
      wxEVT_TIMER,
      [this](wxTimerEvent&) {
        ++delayedOpens_;
        OpenSelected();
      },
      openTimer_.GetId());
  // A click opens at once; only arrowing waits for the pause. The flag
  // covers the selection change the click itself makes, and is dropped
  // once the click has been handled (a click on the selected row changes
  // nothing).
  Bind(wxEVT_LEFT_DOWN, [this](wxMouseEvent& event) {
    clicked_ = true;
    CallAfter([this] { clicked_ = false; });
    event.Skip();
  });
  Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent&) {
    if (selecting_) return;
    if (clicked_) {
      openTimer_.Stop();
      CallAfter([this] { OpenSelected(); });
    } else {
      openTimer_.StartOnce(kOpenDelayMs);
    }
  });
  // Enter opens at once and moves to the questions.
  Bind(wxEVT_TREE_ITEM_ACTIVATED, [this](wxTreeEvent& event) {
    openTimer_.Stop();
    auto* data = static_cast<SectionData*>(GetItemData(event.GetItem()));
    if (data && onOpen) onOpen(data->section);
  });
}

void SectionTree::OpenSelected() {
  wxTreeItemId item = GetSelection();
  if (!item.IsOk() || !onOpen) return;
  auto* data = static_cast<SectionData*>(GetItemData(item));
  if (data) onOpen(data->section);
}

void SectionTree::Clear() {
  selecting_ = true;
  DeleteAllItems();
  selecting_ = false;
  items_.clear();
  titles_.clear();
  review_ = wxTreeItemId();
  overview_ = wxTreeItemId();
  questionnaire_ = nullptr;
}

void SectionTree::Build(const Questionnaire& questionnaire, const std::string& language) {
  Freeze();
  Clear();
  questionnaire_ = &questionnaire;
  language_ = language;
  selecting_ = true;
  const wxTreeItemId root = AddRoot("root");
  items_.resize(questionnaire.sections.size());
  titles_.resize(questionnaire.sections.size());
  // Sections are in depth-first order, so a parent always comes first.
  for (int s = 0; s < static_cast<int>(questionnaire.sections.size()); ++s) {
    const int parent = questionnaire.sections[s].parent;
    titles_[s] = SectionTitle(questionnaire, s, language);
    items_[s] = AppendItem(parent < 0 ? root : items_[parent], titles_[s], -1, -1, new SectionData(s));
  }
  overview_ = AppendItem(root, _("Overview of every question"), -1, -1, new SectionData(kOverview));
  SetItemBold(overview_);
  review_ = AppendItem(root, _("Review: problems to resolve"), -1, -1, new SectionData(kReview));
  SetItemBold(review_);
  ExpandAll();
  selecting_ = false;
  Thaw();
}

wxString SectionTree::Label(const ResponseSession& session, int section) const {
  const wxString& title = titles_[section];
  if (!session.isSectionRelevant(section)) return title + " " + _("(does not apply)");
  const Progress progress = session.progress(section);
  if (progress.relevant == 0) return title;
  if (progress.complete()) return wxString::FromUTF8("✓ ") + title;
  if (progress.requiredUnanswered > 0)
    return title + " " + wxString::Format(_("(%d to answer)"), progress.requiredUnanswered);
  if (progress.errors > 0) return title + " " + wxString::Format(_("(%d to correct)"), progress.errors);
  return title;
}

void SectionTree::UpdateProgress(const ResponseSession& session) {
  if (!questionnaire_) return;
  const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
  const wxColour normal = wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT);
  for (int s = 0; s < static_cast<int>(items_.size()); ++s) {
    const wxString label = Label(session, s);
    if (GetItemText(items_[s]) != label) SetItemText(items_[s], label);
    SetItemTextColour(items_[s], session.isSectionRelevant(s) ? normal : grey);
  }
  int open = 0;
  for (const auto& problem : session.problems())
    if (problem.blocking() || problem.kind == ProblemKind::CarriedForwardPending) ++open;
  const wxString review =
      open == 0
          ? wxString(_("Review: nothing left to resolve"))
          : wxString::Format(
                wxPLURAL("Review: %d problem to resolve", "Review: %d problems to resolve", open), open);
  if (GetItemText(review_) != review) SetItemText(review_, review);
}

void SectionTree::Select(int section) {
  const wxTreeItemId item = section == kOverview                                        ? overview_
                            : section == kReview                                        ? review_
                            : section >= 0 && section < static_cast<int>(items_.size()) ? items_[section]
                                                                                        : wxTreeItemId();
  if (!item.IsOk() || GetSelection() == item) return;
  selecting_ = true;
  SelectItem(item);
  EnsureVisible(item);
  selecting_ = false;
}

}  // namespace focal::gui
