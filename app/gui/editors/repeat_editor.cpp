// repeat: a list of records, each with its own editors (rep[key]/child),
// with add, remove, move up and move down. Records are matched by their
// stable key, so reordering moves panels instead of rebuilding them. A
// record's fields are built as they come into view (Reveal), as the page
// builds its rows; until then each is a space of the height it will take.
// Anything in a record taking the focus builds all of its fields, so that
// the keyboard finds each one.
#include <wx/button.h>
#include <wx/stattext.h>

#include <algorithm>

#include "app/gui/editors/editors.h"
#include "app/gui/label_wrap.h"
#include "app/gui/wx_text.h"
#include "forms/answer_path.h"
#include "forms/questionnaire_loader.h"

namespace focal::gui {

namespace {

constexpr int kFieldMargin = 10;  // around a record's fields
const int kFieldFlags = wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM;

// The page, seen from inside a record: everything is the page's, but the
// labels wrap narrower.
class RecordHost : public EditorHost {
 public:
  RecordHost(EditorHost& page, int indent) : page_(page), indent_(indent) {}
  ResponseModel& Model() override { return page_.Model(); }
  const std::string& Language() const override { return page_.Language(); }
  void Write(const std::vector<AnswerWrite>& writes, const std::string& mergeKey) override {
    page_.Write(writes, mergeKey);
  }
  void Typing(const std::string& field, std::function<void()> commit) override {
    page_.Typing(field, std::move(commit));
  }
  void FlushTyping() override { page_.FlushTyping(); }
  void Focused(QuestionEditor& editor) override { page_.Focused(editor); }
  void Adopt(QuestionEditor& editor) override { page_.Adopt(editor); }
  void Release(QuestionEditor& editor) override { page_.Release(editor); }
  void Relayout() override { page_.Relayout(); }
  int WrapWidth() const override { return std::max(200, page_.WrapWidth() - indent_); }
  void Notify(const wxString& message) override { page_.Notify(message); }

 private:
  EditorHost& page_;
  int indent_;
};

class RepeatEditor : public QuestionEditor {
 public:
  RepeatEditor(EditorHost& host, const Question& question, std::string path)
      : QuestionEditor(host, question, std::move(path)), recordHost_(host, 40) {}

  ~RepeatEditor() override {
    for (auto& record : records_)
      for (auto& editor : record->editors)
        if (editor) host_.Release(*editor);
  }

  void Rewrap(int width) override {
    QuestionEditor::Rewrap(width);
    for (auto& record : records_)
      for (auto& editor : record->editors)
        if (editor) editor->Rewrap(recordHost_.WrapWidth());
  }

  bool Reveal(int top, int bottom) override {
    bool built = false;
    for (auto& record : records_) {
      if (record->Built()) continue;
      int y = 0;  // the record's top within this editor's panel
      for (wxWindow* w = record->panel; w && w != panel_; w = w->GetParent()) y += w->GetPosition().y;
      if (y >= bottom || y + std::max(record->panel->GetSize().y, Height(*record)) <= top) continue;
      // Each field in view, from its place under the header.
      int fieldTop = y + SlotHeight(record->box->GetItem(std::size_t{0}));
      for (std::size_t i = 0; i < record->editors.size(); ++i) {
        wxSizerItem* slot = record->box->GetItem(i + 1);
        const int height = SlotHeight(slot);
        if (!record->editors[i] && fieldTop < bottom && fieldTop + height > top)
          built |= BuildField(*record, i);
        fieldTop += height;
      }
    }
    return built;
  }

  bool RevealPath(const std::string& path) override {
    const auto parsed = parseAnswerPath(path);
    if (!parsed || parsed->repeat != question_.id) return false;
    const auto index = IndexOf(parsed->recordKey);
    return index < records_.size() && BuildFields(*records_[index]);
  }

 protected:
  struct Record {
    std::string key;
    wxPanel* panel = nullptr;
    wxStaticText* title = nullptr;
    wxButton *up = nullptr, *down = nullptr, *remove = nullptr;
    wxBoxSizer* box = nullptr;
    // Whether every field's editor exists.
    bool Built() const {
      return std::all_of(editors.begin(), editors.end(), [](const auto& e) { return e != nullptr; });
    }
    // One per field, in the questionnaire's order; null while the field
    // waits to come into view (a spacer holds its place in `box`).
    std::vector<std::unique_ptr<QuestionEditor>> editors;
  };

  std::size_t MaxRecords() const {
    return question_.maxRecords ? question_.maxRecords : limits::kDefaultMaxRecords;
  }

  void BuildInput(wxWindow* parent, wxBoxSizer* sizer) override {
    empty_ = MakeLabel(parent, _("No records yet."));
    sizer->Add(empty_, 0, wxTOP | wxBOTTOM, Dip(2, parent));
    records_sizer_ = new wxBoxSizer(wxVERTICAL);
    sizer->Add(records_sizer_, 0, wxEXPAND);
    add_ = new wxButton(parent, wxID_ANY, _("&Add a record"));
    Describe(add_, _("Add a record"));
    add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddRecord(); });
    sizer->Add(add_, 0, wxTOP | wxBOTTOM, Dip(4, parent));
  }

  void AddRecord() {
    host_.FlushTyping();
    Write(Session().addRecordWrites(question_.id));  // SetValue builds the new record at once
    if (!records_.empty() && !records_.back()->editors.empty()) {
      for (auto& editor : records_.back()->editors)
        if (editor && editor->Window()->IsShown()) {
          editor->FocusInput();
          break;
        }
    }
  }

  void Remove(const std::string& key) {
    host_.FlushTyping();
    const auto index = IndexOf(key);
    Write(Session().removeRecordWrites(question_.id, key));
    host_.Notify(_("The record was removed. Edit > Undo brings it back."));
    if (records_.empty())
      add_->SetFocus();
    else
      records_[std::min(index, records_.size() - 1)]->remove->SetFocus();
  }

  void Move(const std::string& key, int delta) {
    host_.FlushTyping();
    const auto index = static_cast<long>(IndexOf(key)) + delta;
    if (index < 0 || index >= static_cast<long>(records_.size())) return;
    Write(Session().moveRecordWrites(question_.id, key, static_cast<std::size_t>(index)));
    // Keep the focus on the button that was pressed, now at its new place.
    if (auto i = IndexOf(key); i < records_.size()) {
      wxButton* button = delta < 0 ? records_[i]->up : records_[i]->down;
      (button->IsEnabled() ? button : records_[i]->remove)->SetFocus();
    }
  }

  std::size_t IndexOf(const std::string& key) const {
    for (std::size_t i = 0; i < records_.size(); ++i)
      if (records_[i]->key == key) return i;
    return records_.size();
  }

  // A record's header (title, move and remove buttons); its fields now
  // (`fields`) or when it comes into view.
  std::unique_ptr<Record> MakeRecord(const std::string& key, bool fields) {
    auto record = std::make_unique<Record>();
    record->key = key;
    record->panel = new wxPanel(panel_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_THEME);
    auto* box = record->box = new wxBoxSizer(wxVERTICAL);
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    record->title = new wxStaticText(record->panel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                     wxST_NO_AUTORESIZE);
    record->title->SetFont(BoldFont(record->title));
    record->up =
        new wxButton(record->panel, wxID_ANY, _("Move up"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    record->down = new wxButton(record->panel, wxID_ANY, _("Move down"), wxDefaultPosition, wxDefaultSize,
                                wxBU_EXACTFIT);
    record->remove =
        new wxButton(record->panel, wxID_ANY, _("Remove"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    record->up->Bind(wxEVT_BUTTON, [this, key](wxCommandEvent&) { Move(key, -1); });
    record->down->Bind(wxEVT_BUTTON, [this, key](wxCommandEvent&) { Move(key, +1); });
    record->remove->Bind(wxEVT_BUTTON, [this, key](wxCommandEvent&) { Remove(key); });
    header->Add(record->title, 1, wxALIGN_CENTER_VERTICAL);
    header->Add(record->up, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, Dip(4, panel_));
    header->Add(record->down, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, Dip(4, panel_));
    header->Add(record->remove, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, Dip(4, panel_));
    box->Add(header, 0, wxEXPAND | wxALL, Dip(6, panel_));
    record->panel->SetSizer(box);
    record->editors.resize(question_.children.size());
    const int margin = Dip(kFieldMargin, panel_);
    for (std::size_t i = 0; i < question_.children.size(); ++i)
      box->Add(0, FieldHeight(*record, i), 0, kFieldFlags, margin);
    // The keyboard in a record (its header's buttons, a field): every field
    // exists, so that Tab goes through them all.
    record->panel->Bind(wxEVT_CHILD_FOCUS, [this, key](wxChildFocusEvent& event) {
      event.Skip();
      if (const auto i = IndexOf(key); i < records_.size() && BuildFields(*records_[i])) host_.Relayout();
    });
    if (fields) BuildFields(*record);
    return record;
  }

  // Builds the fields not built yet; false when every one was.
  bool BuildFields(Record& record) {
    if (record.Built()) return false;
    for (std::size_t i = 0; i < record.editors.size(); ++i) BuildField(record, i);
    return true;
  }

  // Builds field `i` in its place; false when it was built already.
  bool BuildField(Record& record, std::size_t i) {
    if (record.editors[i]) return false;
    const Question& childQuestion = host_.Model().questionnaire().questions[question_.children[i]];
    auto editor = CreateEditor(recordHost_, childQuestion,
                               recordPath(question_.id, record.key, childQuestion.id).str());
    editor->Create(record.panel);
    // In the tab order of the fields: before the next one built.
    for (std::size_t next = i + 1; next < record.editors.size(); ++next)
      if (record.editors[next]) {
        editor->Window()->MoveBeforeInTabOrder(record.editors[next]->Window());
        break;
      }
    record.box->Remove(static_cast<int>(i + 1));
    record.box->Insert(i + 1, editor->Window(), 0, kFieldFlags, Dip(kFieldMargin, panel_));
    host_.Adopt(*editor);
    editor->Update(Session());
    if (!inputOn_) editor->Enable(false);
    record.editors[i] = std::move(editor);
    record.panel->InvalidateBestSize();
    return true;
  }

  // The height of a sizer item with its border: a field's space, a field or the header.
  static int SlotHeight(wxSizerItem* item) {
    if (!item || !item->IsShown()) return 0;
    const int border = item->GetBorder();
    const int flags = item->GetFlag();
    int size = item->GetMinSize().y;  // a space
    if (item->IsWindow()) size = std::max(item->GetWindow()->GetSize().y, item->GetWindow()->GetBestSize().y);
    if (item->IsSizer()) size = item->GetSizer()->GetMinSize().y;
    return size + ((flags & wxTOP) ? border : 0) + ((flags & wxBOTTOM) ? border : 0);
  }

  // The height the record takes, its fields not built yet included.
  int Height(const Record& record) const {
    int height = 0;
    for (wxSizerItem* item : record.box->GetChildren()) height += SlotHeight(item);
    return height;
  }

  // The space field `i` of a record is given before it is built: what the
  // same field measures in a record built, or a guess; none when it does
  // not apply.
  int FieldHeight(const Record& record, std::size_t i) const {
    const Question& child = host_.Model().questionnaire().questions[question_.children[i]];
    if (!host_.Model().session().isRelevant(recordPath(question_.id, record.key, child.id).str())) return 0;
    for (const auto& other : records_)
      if (other && other->editors.size() > i && other->editors[i] && other->editors[i]->Window()->IsShown())
        return other->editors[i]->Window()->GetSize().y;
    const int choices = static_cast<int>(child.choices.size()) + (child.otherOption ? 1 : 0);
    return Dip(72, panel_) + choices * Dip(25, panel_);
  }

  bool SetValue(const ResponseSession& session) override {
    const auto keys = session.records(question_.id);
    std::vector<std::string> current;
    for (const auto& record : records_) current.push_back(record->key);
    if (keys == current && built_) return false;
    const bool first = !built_;
    built_ = true;
    // Records that are gone.
    for (auto it = records_.begin(); it != records_.end();) {
      if (std::find(keys.begin(), keys.end(), (*it)->key) == keys.end()) {
        for (auto& editor : (*it)->editors)
          if (editor) host_.Release(*editor);
        (*it)->panel->Destroy();
        it = records_.erase(it);
      } else {
        ++it;
      }
    }
    // New records, then everything in the stored order.
    std::vector<std::unique_ptr<Record>> ordered;
    for (const auto& key : keys) {
      auto it =
          std::find_if(records_.begin(), records_.end(), [&](const auto& r) { return r && r->key == key; });
      // At the first showing, records wait to come into view; one added
      // later (by the user, an undo, an import) is built at once.
      ordered.push_back(it != records_.end() ? std::move(*it) : MakeRecord(key, /*fields=*/!first));
    }
    records_ = std::move(ordered);
    records_sizer_->Clear(false);
    wxWindow* previous = empty_;
    for (std::size_t i = 0; i < records_.size(); ++i) {
      Record& record = *records_[i];
      const wxString title = wxString::Format(_("Record %zu of %zu"), i + 1, records_.size());
      SetWrappedLabel(record.title, title, 0);
      Describe(record.up, title + ": " + _("Move up"));
      Describe(record.down, title + ": " + _("Move down"));
      Describe(record.remove, title + ": " + _("Remove"));
      record.up->Enable(i > 0 && inputOn_);
      record.down->Enable(i + 1 < records_.size() && inputOn_);
      records_sizer_->Add(record.panel, 0, wxEXPAND | wxBOTTOM, Dip(6, panel_));
      record.panel->MoveAfterInTabOrder(previous);  // the tab order follows the records
      previous = record.panel;
    }
    add_->MoveAfterInTabOrder(previous);
    empty_->Show(records_.empty());
    add_->Enable(records_.size() < MaxRecords() && inputOn_);
    return true;
  }

  void EnableInput(bool enable) override {
    inputOn_ = enable;
    add_->Enable(enable && records_.size() < MaxRecords());
    for (std::size_t i = 0; i < records_.size(); ++i) {
      records_[i]->up->Enable(enable && i > 0);
      records_[i]->down->Enable(enable && i + 1 < records_.size());
      records_[i]->remove->Enable(enable);
      for (auto& editor : records_[i]->editors)
        if (editor) editor->Enable(enable);
    }
  }

  wxWindow* FirstInput() const override { return add_; }

 private:
  RecordHost recordHost_;
  std::vector<std::unique_ptr<Record>> records_;
  wxBoxSizer* records_sizer_ = nullptr;
  wxStaticText* empty_ = nullptr;
  wxButton* add_ = nullptr;
  bool built_ = false;
  bool inputOn_ = true;
};

}  // namespace

std::unique_ptr<QuestionEditor> MakeRepeatEditor(EditorHost& host, const Question& question,
                                                 const std::string& path) {
  return std::make_unique<RepeatEditor>(host, question, path);
}

}  // namespace focal::gui
