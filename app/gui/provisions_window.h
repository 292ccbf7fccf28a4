// The provisions view (View > Treaty provisions): the provisions of the
// reply's instrument by theme and level of obligation, each with the
// questions that cover it and where the reply stands on them (answered,
// unanswered, information not available), so a focal point sees which
// obligations the reply has not yet addressed. Double-click or Enter jumps
// to the question. The rows are a virtual list over forms/provision_coverage.h.
#pragma once

#include <wx/frame.h>

#include <memory>
#include <string>
#include <vector>

#include "app/gui/response_model.h"
#include "forms/provision_coverage.h"

class wxChoice;
class wxListEvent;
class wxStaticText;

namespace focal::gui {

class MainFrame;
class ProvisionList;

class ProvisionsWindow : public wxFrame {
 public:
  ProvisionsWindow(MainFrame* owner, std::shared_ptr<ResponseModel> model);
  // Shows the owner's provisions window, made for its current reply.
  static ProvisionsWindow* ShowFor(MainFrame* owner);
  static constexpr const char* kWindowName = "focal-provisions";

  // Re-reads the states of the questions (after answers changed).
  void Reload();
  // The rows shown, as text (for tests and screen readers).
  std::size_t RowCount() const;
  wxString RowText(std::size_t row, int column) const;
  // Jumps to the question of `row` (or the first open question of a provision).
  bool JumpFrom(std::size_t row);
  void FilterTheme(const std::string& theme);  // "" for all
  void FilterObligation(int obligation);       // -1 for all, else an Obligation

  struct Row {
    enum class Kind { Theme, Provision, Question } kind;
    wxString cells[4];
    std::string question;  // the question to jump to
  };

 private:
  void Rebuild();

  MainFrame* owner_;
  std::shared_ptr<ResponseModel> model_;
  std::vector<ProvisionEntry> entries_;
  std::vector<Row> rows_;
  std::string theme_;
  int obligation_ = -1;
  wxChoice* themeChoice_ = nullptr;
  wxChoice* obligationChoice_ = nullptr;
  wxStaticText* summary_ = nullptr;
  ProvisionList* list_ = nullptr;
};

}  // namespace focal::gui
