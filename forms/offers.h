// Answers offered across instruments. A question linked to another
// questionnaire's by also_asked_in (either way) is offered the answer the
// same State gave there: in another response of its workspace, in another
// workspace, or in a national report. Taking an offer copies the values
// (and attached files) as one undo step of the ResponseDocument, and
// records where they came from in the question's @offered mark (JSON:
// questionnaire, instrument, cycle, question, file, at, by, values), so
// that a later change in the other reply shows ("changed in the other
// reply since you took it"). Taking never replaces an answer given here
// unless asked to (`overwrite`).
//
// A repeat (a list of records: agreements, authorities) linked to a repeat
// there is offered as a whole. Its fields are paired by also_asked_in
// between the fields (either way) or, when a field has no link, by the same
// name after the repeat's id and the same type (q_4_7_partner and
// q_3_7_a_partner). The records are matched by their key field, the first
// paired field of the repeat here: a record there matches the first record
// here that already holds every one of its values, or else the first one
// with the same key value (spaces and case aside). A matched record has its
// empty fields filled; a record there that matches none is added. A field
// answered otherwise here is a conflict: it is kept unless asked to replace
// it (then the offer is Differs), or unless the repeat here is still exactly
// as taken from that reply (then ChangedSinceTaken, and the newer values are
// taken). Records here are never removed.
//
// The files themselves are opened and checked in export/report/offer_sources.h
// (a report must verify; another State's reply is refused).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "forms/cycle_changes.h"
#include "forms/response_document.h"
#include "forms/workspace.h"

namespace focal {

// One reply that offers answers.
struct OfferSource {
  std::string file;  // the workspace or report it was read from
  std::shared_ptr<const Questionnaire> questionnaire;
  std::string state;
  std::vector<StoredAnswer> answers;  // with who and when
  // The stored file of an attachment answer; may be empty (then files are not copied).
  std::function<std::optional<Attachment>(const std::string& path)> attachment;
  std::shared_ptr<void> keepAlive;  // what `attachment` reads from
};

enum class OfferStatus {
  Available,          // nothing is answered here yet
  Differs,            // answered otherwise here: taking it replaces that answer (only when asked)
  ChangedSinceTaken,  // taken before, and changed in the other reply since
  // The other reply took its answer from here (its @offered mark names this
  // question) and changed it since; the answer here is still the one it took.
  // Taking the new one replaces the answer given here, so only when asked.
  ChangedSinceTakenFromHere,
  Taken,  // taken, and still the same on both sides
  Same,   // the same answer was given here
};
// "available", "differs", "changed_since_taken", "changed_since_taken_from_here", ...
const char* offerStatusKey(OfferStatus status);

struct Offer {
  std::string id;          // the question here; "q_0_3#2" for a second reply offering it
  std::string question;    // here
  std::size_t source = 0;  // index into the sources
  std::string sourceFile, sourceQuestionnaire, sourceQuestion;
  Instrument instrument = Instrument::Convention;
  int cycle = 1;
  std::string answeredAt, answeredBy;  // the newest change of the answer there, and its author
  AnswerValues values;                 // paths here -> values
  std::vector<std::pair<std::string, std::string>> attachments;  // path there -> path here
  OfferStatus status = OfferStatus::Available;
  AnswerValues takenValues;  // for ChangedSinceTaken(FromHere): what was taken, on the paths here
  // A repeat: the paths of `values` answered otherwise here (kept unless replacing), and the
  // number of records there and of records it adds here.
  std::vector<std::string> conflicts;
  std::size_t records = 0, newRecords = 0;

  // Whether it is worth showing: Available, Differs, ChangedSinceTaken or ChangedSinceTakenFromHere.
  bool takeable() const {
    return status == OfferStatus::Available || status == OfferStatus::Differs ||
           status == OfferStatus::ChangedSinceTaken || status == OfferStatus::ChangedSinceTakenFromHere;
  }
  // Whether taking it replaces an answer given here (so only when asked).
  bool replaces() const {
    return status == OfferStatus::Differs || status == OfferStatus::ChangedSinceTakenFromHere;
  }
};

// Where an answer here came from, read from its @offered mark.
struct TakenFrom {
  std::string questionnaire, question, file, at, by;
  Instrument instrument = Instrument::Convention;
  int cycle = 1;
  AnswerValues values;  // as taken
  // A repeat: the paths whose answers given here were kept over the other reply's.
  std::vector<std::string> kept;
};
std::optional<TakenFrom> takenFrom(const AnswerValues& answers, const std::string& questionId);

// The offers for `questionnaire` with `answers` from `sources` (every one
// of them, taken or not; see Offer::takeable), in questionnaire order.
// `onlyQuestion` limits them to one question.
std::vector<Offer> findOffers(const Questionnaire& questionnaire, const AnswerValues& answers,
                              const std::vector<OfferSource>& sources, const std::string& onlyQuestion = {});

struct TakeResult {
  std::vector<std::string> taken;                            // offer ids
  std::vector<std::pair<std::string, std::string>> refused;  // offer id, why
  std::size_t files = 0;                                     // attachments copied
  // A repeat taken in part: offer id, the answers given here that were kept.
  std::vector<std::pair<std::string, std::string>> kept;
};

// Takes `offers` (from findOffers over the same `sources`) into `document`
// as one undo step. An offer that would replace an answer given here is
// refused, with a message saying how to replace it, unless `overwrite`;
// a repeat's offer adds its records and fills empty fields, and keeps the
// conflicting fields (listed in `kept`) unless `overwrite`.
TakeResult takeOffers(ResponseDocument& document, const std::vector<Offer>& offers,
                      const std::vector<OfferSource>& sources, bool overwrite);

}  // namespace focal
