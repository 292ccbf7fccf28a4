// Question > Offer answers from another reply...: a workspace or national
// report of the same State whose answers to shared questions are offered
// (forms/offers.h); another State's reply or a report that does not verify
// is refused with a message naming the file.
#pragma once

#include <string>

class wxWindow;

namespace focal::gui {

class MainFrame;
class ResponseModel;

void OfferAnswersFromFile(wxWindow* parent, MainFrame& frame, ResponseModel& model);
// The same without the file dialog (tests): "" when added, else why not.
std::string AddOfferSource(MainFrame& frame, ResponseModel& model, const std::string& file);

}  // namespace focal::gui
