#include "export/secretariat/consolidated_merge.h"

#include <algorithm>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include "export/common/output_file.h"
#include "export/report/report_assembly.h"
#include "forms/answer_value.h"
#include "forms/clock.h"
#include "forms/countries.h"
#include "forms/data_files.h"
#include "forms/digest.h"
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
    case MergeResult::Held:
      return "held";
    case MergeResult::KeyConflict:
      return "key_conflict";
  }
  return "refused";
}

bool parseUtcTimestamp(std::string_view t, std::int64_t* moment) {
  // YYYY-MM-DDTHH:MM:SS[.fraction]Z
  auto digits = [&](std::size_t at, std::size_t n, int* value) {
    if (at + n > t.size()) return false;
    *value = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
      *value = *value * 10 + (t[i] - '0');
    }
    return true;
  };
  int year, month, day, hour, minute, second;
  if (t.size() < 20 || !digits(0, 4, &year) || t[4] != '-' || !digits(5, 2, &month) || t[7] != '-' ||
      !digits(8, 2, &day) || t[10] != 'T' || !digits(11, 2, &hour) || t[13] != ':' ||
      !digits(14, 2, &minute) || t[16] != ':' || !digits(17, 2, &second) || t.back() != 'Z')
    return false;
  std::size_t at = 19;
  if (t[at] == '.') {
    ++at;
    const std::size_t from = at;
    while (at < t.size() && t[at] >= '0' && t[at] <= '9') ++at;
    if (at == from || at - from > 9) return false;
  }
  if (at + 1 != t.size()) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (year < 1970 || month < 1 || month > 12 || day < 1 ||
      day > kDays[month - 1] + (month == 2 && leap ? 1 : 0) || hour > 23 || minute > 59 || second > 59)
    return false;
  // Days since 1970-01-01 (civil-from-days inverse, Howard Hinnant's algorithm).
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = y / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const std::int64_t days = static_cast<std::int64_t>(era) * 146097 + doe - 719468;
  *moment = days * 86400 + hour * 3600 + minute * 60 + second;
  return true;
}

std::vector<std::string> registerBundledQuestionnaires(ConsolidatedStore& store) {
  namespace fs = std::filesystem;
  std::vector<std::string> warnings;
  const std::string folder = findDataFile("questionnaires");
  if (folder.empty()) return warnings;
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && it->path().extension() == ".yaml") files.push_back(it->path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::string text;
    try {
      text = readWholeFile(file.string(), std::uint64_t{64} << 20);
    } catch (const std::exception& e) {
      warnings.push_back(e.what());
      continue;
    }
    if (store.questionnaireBySha(sha256Hex(text))) continue;
    LoadResult loaded = loadQuestionnaireFile(file.string());
    if (!loaded.ok()) {
      warnings.push_back(file.string() + ": the bundled questionnaire does not load; reinstall Focal");
      continue;
    }
    try {
      store.registerQuestionnaire(*loaded.questionnaire, "bundled with Focal " + std::string(FOCAL_VERSION) +
                                                             " (" + file.filename().string() + ")");
    } catch (const StoreError& e) {
      warnings.push_back(e.what());
    }
  }
  return warnings;
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
    // One pass gives both the file's SHA-256 (to recognise a file already
    // imported) and the one its seal signs, which the reader would take again.
    VerifyOptions verifyOptions;
    std::string fileSha;
    {
      const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
      const std::uint64_t signedLength = signedPrefixLength(bytes.size());
      Sha256Stream stream;
      if (bytes.size() > 200 && signedLength < bytes.size()) {
        stream.update(std::span(data, static_cast<std::size_t>(signedLength)));
        verifyOptions.signedPrefixDigest.emplace(signedLength, Sha256Stream(stream).finish());
        stream.update(std::span(data + signedLength, bytes.size() - static_cast<std::size_t>(signedLength)));
      } else {
        stream.update(std::span(data, bytes.size()));
      }
      fileSha = crypto::hex(stream.finish());
    }
    if (known_.count(fileSha)) {
      p.result.result = MergeResult::Unchanged;
      p.result.reason = "already in the store";
      return p;
    }
    ReportCheck check = readReportBytes(
        std::span(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()), verifyOptions);
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
    p.result.fingerprint = check.fingerprint;
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
    // A date that is no date, or one in the future, would rank the report
    // above every genuine later one (the newest export is the current reply).
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    for (const auto& [field, value] :
         {std::pair<const char*, const std::string*>{"exported_at", &m.exportedAt},
          {"signed_at", &check.signedAt}}) {
      if (value->empty() && check.verdict == ReportVerdict::Unsigned) continue;
      std::int64_t moment = 0;
      if (!parseUtcTimestamp(*value, &moment))
        return refuse(
            "its " + std::string(field) + " '" + value->substr(0, 40) +
            "' is not a date and time as Focal writes them (2026-11-05T10:22:31Z); the file was not "
            "made by Focal as it is: ask the State to export the report again");
      if (moment > now + kClockToleranceSeconds)
        return refuse(
            "its " + std::string(field) + " '" + *value + "' lies in the future (the clock here says " +
            utcNow() +
            "); ask the State to set its computer's date and time right and export the report again");
    }
    // The reader checks this for signed reports only.
    if (check.verdict == ReportVerdict::Unsigned && sha256Hex(m.questionnaireText) != m.questionnaireSha256)
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
    v.flags = flags(*questionnaire, *check.report);
    for (const auto& [index, problem] : v.flags)
      p.result.flags.push_back(
          {check.report->answers[index].path, check.report->answers[index].value, problem});
    v.check = std::move(check);
    p.result.result = MergeResult::Imported;
    p.verified = std::move(v);
    return p;
  }

 private:
  // Only the answers of relevant questions count in the analysis: the
  // session evaluates the report's answers as the State's Focal did. Each
  // thread keeps its session for the next report of the same questionnaire
  // (loadRelevance() replaces every answer and evaluates relevance alone,
  // with the calculations it reads: what isExportedPath asks). The
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
    session->loadRelevance(report.answerMap());
    std::vector<char> relevant(report.answers.size());
    for (std::size_t i = 0; i < report.answers.size(); ++i)
      relevant[i] = isExportedPath(*session, report.answers[i].path) ? 1 : 0;
    return relevant;
  }

  // Values outside the questionnaire's rules (type, bounds, choice codes,
  // country codes), checked as the State's Focal would have when they were typed.
  static std::vector<std::pair<std::size_t, std::string>> flags(const Questionnaire& q,
                                                                const NationalReport& report) {
    std::vector<std::pair<std::size_t, std::string>> out;
    for (std::size_t i = 0; i < report.answers.size(); ++i) {
      const ReportAnswer& a = report.answers[i];
      const auto path = parseAnswerPath(a.path);
      const Question* question = path ? q.find(path->question) : nullptr;
      if (!question || !checkPathFits(*question, *path).empty()) continue;
      if (std::string problem = checkAnswerValue(*question, *path, a.value); !problem.empty())
        out.emplace_back(i, std::move(problem));
    }
    return out;
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
  if (options.beforeCommit) policy.beforeCommit = [&] { options.beforeCommit(index); };
  ImportOutcome outcome = store.importReport(*p.verified, policy);
  using Kind = ImportOutcome::Kind;
  result.reportId = outcome.reportId;
  result.replaced = outcome.replaced;
  result.reason = outcome.reason;
  result.acceptCommand = outcome.acceptCommand;
  result.result = outcome.kind == Kind::Imported      ? MergeResult::Imported
                  : outcome.kind == Kind::Unchanged   ? MergeResult::Unchanged
                  : outcome.kind == Kind::Superseded  ? MergeResult::Superseded
                  : outcome.kind == Kind::Held        ? MergeResult::Held
                  : outcome.kind == Kind::KeyConflict ? MergeResult::KeyConflict
                                                      : MergeResult::Refused;
  // Flags are news only for a report that was stored.
  if (result.result != MergeResult::Imported && result.result != MergeResult::Superseded)
    result.flags.clear();
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
      case MergeResult::Held:
        ++summary.held;
        break;
      case MergeResult::KeyConflict:
        ++summary.keyConflicts;
        break;
    }
    summary.flagged += result.flags.size();
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
