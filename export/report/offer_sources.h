// Where offered answers come from (forms/offers.h): the other responses of
// the same State in the workspace, and the files the focal point names, a
// workspace (opened read-only) or a national report (which must verify:
// intact and signed). A reply of another State, a report that does not
// verify and a file that is neither are refused with a message naming the
// file; the sentences that present an offer are here too.
#pragma once

#include <string>
#include <vector>

#include "forms/offers.h"
#include "forms/workspace.h"

namespace focal {

// The other responses of `state` in `workspace` (not `exclude`).
std::vector<OfferSource> workspaceSources(Workspace& workspace, const std::string& state, ResponseId exclude);

// The replies of `state` in `file`: every response of that State in a
// workspace, or the reply in a national report. Throws WorkspaceError
// (Refused, NotFound, ...) with a message naming the file.
std::vector<OfferSource> fileSources(const std::string& file, const std::string& state);

// "Answered for the Smuggling of Migrants Protocol (cycle 2) on 3 May by Maria (Ministry of the
// Interior)": the date in words in the interface language (forms/date_words.h).
std::string offerSentence(const Offer& offer);
// "changed in the other reply since you took it", "changed in the reply for the Trafficking in Persons
// Protocol since it was taken from here", ... for the offer's status; "" when available.
std::string offerStatusSentence(const Offer& offer);

// A repeat's offer in words, instead of its values: "3 records; to add: 1;
// answered otherwise here (kept unless replaced): 1".
std::string recordsSentence(const Offer& offer);
// The instrument in words, for the sentences above: "the Trafficking in Persons Protocol".
std::string instrumentInWords(Instrument instrument);

}  // namespace focal
