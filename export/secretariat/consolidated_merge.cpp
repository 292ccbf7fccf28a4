#include "export/secretariat/consolidated_merge.h"

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include "export/common/output_file.h"
#include "export/report/report_assembly.h"
#include "export/secretariat/consolidated_hash.h"
#include "forms/countries.h"
#include "forms/questionnaire_loader.h"
#include "forms/stored_questionnaire.h"

namespace focal {

const char* mergeResultKey(MergeResult result) {
  switch (result) {
    case MergeResult::Imported:
      return "imported";
    case MergeResult::Unchanged:
      return "unchanged";
    case MergeResult::Superseded:
      return "superseded";
    case MergeResult::Refused:
      return "refused";
  }
  return "refused";
}

std::vector<std::string> reportFiles(const std::vector<std::string>& arguments,
                                     std::vector<MergeFileResult>* missing) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& argument : arguments) {
    std::error_code ec;
    if (fs::is_directory(argument, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(argument, fs::directory_options::skip_permission_denied, ec),
           end;
           !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == kReportExtension)
          found.push_back(it->path().string());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(argument, ec)) {
      out.push_back(argument);
    } else if (missing) {
      MergeFileResult r;
      r.file = argument;
      r.reason = "no such file or folder";
      missing->push_back(std::move(r));
    }
  }
  return out;
}

namespace {

// Questionnaires parsed from report texts, by SHA-256: each text is parsed
// once per merge, whichever thread meets it first.
class QuestionnaireCache {
 public:
  // The parsed questionnaire, or null with `problem` set.
  std::shared_ptr<const Questionnaire> get(const std::string& sha, const std::string& text,
                                           std::string* problem) {
    std::lock_guard lock(mutex_);
    auto it = parsed_.find(sha);
    if (it != parsed_.end()) {
      *problem = it->second.second;
      return it->second.first;
    }
    std::shared_ptr<const Questionnaire> questionnaire;
    std::string message;
    try {
      questionnaire = loadStoredQuestionnaire(text, sha, "the report's questionnaire");
    } catch (const StoredQuestionnaireError& e) {
      message = e.kind() == StoredQuestionnaireError::Kind::Altered
                    ? "its questionnaire text does not match its SHA-256"
                    : "its questionnaire text does not load (" + e.firstError() + ")";
    }
    parsed_[sha] = {questionnaire, message};
    *problem = message;
    return questionnaire;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::pair<std::shared_ptr<const Questionnaire>, std::string>> parsed_;
};

// What the verifying thread hands to the importing one.
struct Prepared {
  MergeFileResult result;  // refused or unchanged when `verified` is empty
  std::optional<VerifiedReport> verified;
};

class Verifier {
 public:
  Verifier(const MergeOptions& options, std::unordered_set<std::string> knownFiles)
      : options_(options), known_(std::move(knownFiles)) {}

  Prepared prepare(const std::string& file) {
    Prepared p;
    p.result.file = file;
    auto refuse = [&](std::string reason) {
      p.result.result = MergeResult::Refused;
      p.result.reason = std::move(reason);
      p.verified.reset();
      return std::move(p);
    };
    std::string bytes;
    try {
      bytes = readWholeFile(file, ReportLimits{}.maxFileBytes);
    } catch (const std::exception& e) {
      return refuse(e.what());
    }
    const std::string fileSha = crypto::hex(fastSha256(bytes));
    if (known_.count(fileSha)) {
      p.result.result = MergeResult::Unchanged;
      p.result.reason = "already in the store";
      return p;
    }
    ReportCheck check =
        readReportBytes(std::span(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()));
    bytes.clear();
    bytes.shrink_to_fit();
    if (check.report) {
      const auto& m = check.report->metadata;
      p.result.state = m.state;
      p.result.questionnaireId = m.questionnaireId;
      p.result.questionnaireVersion = m.questionnaireVersion;
      p.result.status = reportStatusKey(m.status);
      p.result.exportedAt = m.exportedAt;
    }
    switch (check.verdict) {
      case ReportVerdict::Intact:
        break;
      case ReportVerdict::Unsigned:
        if (!options_.allowUnsigned)
          return refuse("it is not signed; merge unsigned reports and drafts with --allow-unsigned");
        break;
      default:
        return refuse(check.reason);
    }
    const ReportMetadata& m = check.report->metadata;
    if (m.status == ReportStatus::Draft && !options_.allowUnsigned)
      return refuse("it is a draft, not a final report; merge drafts with --allow-unsigned");
    if (m.state.size() != 3 || !isCountryCode(m.state))
      return refuse("its State '" + m.state.substr(0, 16) + "' is not an ISO 3166-1 alpha-3 code");
    // The reader checks this for signed reports only.
    if (check.verdict == ReportVerdict::Unsigned &&
        crypto::hex(fastSha256(m.questionnaireText)) != m.questionnaireSha256)
      return refuse("its questionnaire text does not match its SHA-256");
    std::string problem;
    auto questionnaire = cache_.get(m.questionnaireSha256, m.questionnaireText, &problem);
    if (!questionnaire) return refuse(problem);
    const auto& info = questionnaire->info;
    if (info.id != m.questionnaireId || info.version != m.questionnaireVersion ||
        instrumentKey(info.instrument) != m.instrument || info.cycle != m.cycle)
      return refuse("its metadata names questionnaire " + m.questionnaireId + " version " +
                    m.questionnaireVersion + " (" + m.instrument + ", cycle " + std::to_string(m.cycle) +
                    "), but the questionnaire it carries is " + info.id + " version " + info.version + " (" +
                    instrumentKey(info.instrument) + ", cycle " + std::to_string(info.cycle) + ")");

    VerifiedReport v;
    v.fileName = file;
    v.fileSha256 = fileSha;
    v.questionnaire = questionnaire;
    v.relevant = relevance(questionnaire, *check.report);
    v.check = std::move(check);
    p.result.result = MergeResult::Imported;
    p.verified = std::move(v);
    return p;
  }

 private:
  // Only the answers of relevant questions count in the analysis: the
  // session evaluates the report's answers as the State's Focal did. Each
  // thread keeps its session for the next report of the same questionnaire
  // (load() replaces every answer and evaluates everything once). The
  // language does not change relevance; the date does only where a
  // relevance expression reads today().
  static std::vector<char> relevance(const std::shared_ptr<const Questionnaire>& q,
                                     const NationalReport& report) {
    thread_local std::unique_ptr<ResponseSession> session;
    thread_local bool datedRelevance = false;
    thread_local std::string today;
    if (!session || &session->questionnaire() != q.get()) {
      session = std::make_unique<ResponseSession>(q);
      datedRelevance = relevanceReadsToday(*q);
      today.clear();
    }
    const std::string exportDate = report.metadata.exportDate();
    if (datedRelevance && exportDate.size() == 10 && exportDate != today) {
      today = exportDate;
      session->setToday(today);
    }
    session->load(report.answerMap());
    std::vector<char> relevant(report.answers.size());
    for (std::size_t i = 0; i < report.answers.size(); ++i)
      relevant[i] = isExportedPath(*session, report.answers[i].path) ? 1 : 0;
    return relevant;
  }

  static bool relevanceReadsToday(const Questionnaire& q) {
    auto reads = [](const std::optional<CompiledExpression>& e) {
      return e && e->compiled && e->compiled->usesToday();
    };
    for (const auto& question : q.questions)
      if (reads(question.relevant) || reads(question.calculation)) return true;
    for (const auto& section : q.sections)
      if (reads(section.relevant)) return true;
    return false;
  }

  const MergeOptions& options_;
  std::unordered_set<std::string> known_;
  QuestionnaireCache cache_;
};

// Verification in parallel, import in order: workers prepare the files
// ahead of the importing thread, at most `window` of them waiting in memory.
class Workshop {
 public:
  Workshop(Verifier& verifier, const std::vector<std::string>& files, std::size_t workers)
      : verifier_(verifier), files_(files), slots_(files.size()), window_(2 * workers) {
    for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
  }
  ~Workshop() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    changed_.notify_all();
    for (auto& t : threads_) t.join();
  }
  // The prepared file at `index`, waiting for it if needed.
  Prepared take(std::size_t index) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return slots_[index].has_value(); });
    Prepared p = std::move(*slots_[index]);
    slots_[index].reset();
    taken_ = index + 1;
    changed_.notify_all();
    return p;
  }

 private:
  void work() {
    for (;;) {
      std::size_t index;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopped_ || next_ >= files_.size() || next_ < taken_ + window_; });
        if (stopped_ || next_ >= files_.size()) return;
        index = next_++;
      }
      Prepared p = verifier_.prepare(files_[index]);
      {
        std::lock_guard lock(mutex_);
        slots_[index] = std::move(p);
      }
      changed_.notify_all();
    }
  }

  Verifier& verifier_;
  const std::vector<std::string>& files_;
  std::vector<std::optional<Prepared>> slots_;
  std::size_t window_, next_ = 0, taken_ = 0;
  bool stopped_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::thread> threads_;
};

MergeFileResult importPrepared(ConsolidatedStore& store, Prepared p, const MergeOptions& options,
                               std::size_t index) {
  MergeFileResult result = std::move(p.result);
  if (!p.verified) return result;
  ImportPolicy policy;
  policy.acceptNewKeys = options.acceptNewKeys;
  policy.requireRegistered = options.requireRegistered;
  if (options.beforeCommit) policy.beforeCommit = [&] { options.beforeCommit(index); };
  ImportOutcome outcome = store.importReport(*p.verified, policy);
  using Kind = ImportOutcome::Kind;
  result.reportId = outcome.reportId;
  result.replaced = outcome.replaced;
  result.reason = outcome.reason;
  result.result = outcome.kind == Kind::Imported     ? MergeResult::Imported
                  : outcome.kind == Kind::Unchanged  ? MergeResult::Unchanged
                  : outcome.kind == Kind::Superseded ? MergeResult::Superseded
                                                     : MergeResult::Refused;
  return result;
}

}  // namespace

MergeSummary mergeReports(ConsolidatedStore& store, const std::vector<std::string>& files,
                          const MergeOptions& options) {
  const auto hashes = store.fileHashes();
  Verifier verifier(options, std::unordered_set<std::string>(hashes.begin(), hashes.end()));
  MergeSummary summary;
  auto record = [&](MergeFileResult result) {
    switch (result.result) {
      case MergeResult::Imported:
        ++summary.imported;
        break;
      case MergeResult::Unchanged:
        ++summary.unchanged;
        break;
      case MergeResult::Superseded:
        ++summary.superseded;
        break;
      case MergeResult::Refused:
        ++summary.refused;
        break;
    }
    summary.files.push_back(std::move(result));
    if (options.onFile) options.onFile(summary.files.back(), summary.files.size(), files.size());
  };

  const std::size_t workers = options.parallel && files.size() > 1
                                  ? std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8)
                                  : 0;
  if (workers == 0) {
    for (std::size_t i = 0; i < files.size(); ++i)
      record(importPrepared(store, verifier.prepare(files[i]), options, i));
    return summary;
  }
  Workshop workshop(verifier, files, workers);
  for (std::size_t i = 0; i < files.size(); ++i) record(importPrepared(store, workshop.take(i), options, i));
  return summary;
}

}  // namespace focal
