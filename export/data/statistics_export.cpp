// SPSS .sav and Stata .dta through libreadstat: the wide row of wide_row.h.
// Caps of the formats, and what is done about them:
//   SPSS: strings of at most 32,767 bytes (longer text is cut and marked),
//         names of 64 bytes, variable labels kept to 255 bytes, value labels to 120.
//   Stata (format 118, UTF-8): strings longer than 2,045 bytes become strL,
//         which holds them whole; names of 32 characters, labels of 80 bytes.
// Labels too long are fitted (wide_row.h, fitLabel): the question's label
// is shortened, the cell, choice, record or part kept.
// SPSS numbers have their print format (F8.0 for counts and years, F8.2
// for an amount given with two decimals) and measurement level; "information
// not available" and "not applicable" are user-missing codes (-9999, -9998),
// declared and labelled on every numeric variable. Stata keeps them as
// system missing.
#include <fcntl.h>
#include <readstat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>

#include "export/common/output_file.h"
#include "export/data/data_exports.h"
#include "export/data/export_rows.h"
#include "export/data/wide_row.h"

namespace focal {

namespace {

struct Sink {
  int fd = -1;
  bool failed = false;
  int error = 0;
};

ssize_t writeBytes(const void* data, size_t length, void* context) {
  auto* sink = static_cast<Sink*>(context);
  const char* p = static_cast<const char*>(data);
  size_t left = length;
  while (left > 0) {
    ssize_t n = ::write(sink->fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      sink->failed = true;
      sink->error = errno;
      return -1;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return static_cast<ssize_t>(length);
}

class Writer {
 public:
  Writer() : writer_(readstat_writer_init()) {
    if (!writer_) throw ExportError("libreadstat could not start");
    readstat_set_data_writer(writer_, writeBytes);
  }
  ~Writer() { readstat_writer_free(writer_); }
  readstat_writer_t* get() { return writer_; }
  void check(readstat_error_t rc, const std::string& doing) {
    if (rc != READSTAT_OK)
      throw ExportError("libreadstat failed while " + doing + ": " + readstat_error_message(rc));
  }

 private:
  readstat_writer_t* writer_;
};

constexpr double kNotAvailableCode = -9999;
constexpr double kNotApplicableCode = -9998;

readstat_measure_t measureOf(WideVariable::Measure m) {
  switch (m) {
    case WideVariable::Measure::Scale:
      return READSTAT_MEASURE_SCALE;
    case WideVariable::Measure::Ordinal:
      return READSTAT_MEASURE_ORDINAL;
    case WideVariable::Measure::Nominal:
      break;
  }
  return READSTAT_MEASURE_NOMINAL;
}

// "F8.0", wider where the value needs it.
std::string spssFormat(const WideVariable& v) {
  const int decimals = v.kind == WideVariable::Kind::Number ? std::clamp(v.decimals, 0, 16) : 0;
  int digits = 1;
  if (v.number)
    for (double x = std::fabs(*v.number); x >= 10 && digits < 20; x /= 10) ++digits;
  const int width = std::max(8, digits + (decimals ? decimals + 1 : 0) + 1);
  // Appended piece by piece: GCC bug 105329 (a false -Wrestrict at -O3).
  std::string format(1, 'F');
  format += std::to_string(width);
  format += '.';
  format += std::to_string(decimals);
  return format;
}

}  // namespace

void exportStatistics(const ReportContext& context, const std::string& path, StatisticsFormat format) {
  const bool stata = format == StatisticsFormat::Stata;
  const std::size_t labelBytes = stata ? 80 : 255;
  const std::size_t valueLabelBytes = 120;
  constexpr std::size_t kSpssStringBytes = 32767;
  constexpr std::size_t kStataStrBytes = 2045;

  auto variables = wideRow(context);
  const auto& m = context.report().metadata;
  // The identifying variables come first.
  const auto identifying = identifyingVariables(context);
  variables.insert(variables.begin(), identifying.begin(), identifying.end());

  OutputFile out(path);
  Sink sink;
  sink.fd = ::open(out.tempPath().c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (sink.fd < 0) throw ExportError("cannot write " + path + ": " + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{sink.fd};

  Writer writer;
  const ReportLabels& labels = context.labels();
  VariableNamer namer(stata ? VariableNamer::Rules::Stata : VariableNamer::Rules::Spss);
  std::vector<readstat_variable_t*> handles;
  std::vector<std::string> texts;  // the values as written (cut where the format caps them)
  std::vector<readstat_string_ref_t*> refs(variables.size(), nullptr);
  int cuts = 0;
  for (std::size_t i = 0; i < variables.size(); ++i) {
    const auto& v = variables[i];
    const std::string name = namer.name(v.wantedName);
    readstat_variable_t* handle = nullptr;
    std::string text = v.text;
    switch (v.kind) {
      case WideVariable::Kind::Number:
        handle = readstat_add_variable(writer.get(), name.c_str(), READSTAT_TYPE_DOUBLE, 0);
        if (handle && !stata) {
          readstat_label_set_t* set =
              readstat_add_label_set(writer.get(), READSTAT_TYPE_DOUBLE, name.c_str());
          readstat_label_double_value(set, kNotAvailableCode,
                                      cutUtf8(labels.notAvailable, valueLabelBytes).c_str());
          readstat_label_double_value(set, kNotApplicableCode,
                                      cutUtf8(labels.notApplicable, valueLabelBytes).c_str());
          readstat_variable_set_label_set(handle, set);
        }
        break;
      case WideVariable::Kind::Coded: {
        handle = readstat_add_variable(writer.get(), name.c_str(), READSTAT_TYPE_INT32, 0);
        if (!handle) break;
        readstat_label_set_t* set = readstat_add_label_set(writer.get(), READSTAT_TYPE_INT32, name.c_str());
        for (const auto& [code, label] : v.valueLabels)
          readstat_label_int32_value(set, code, cutUtf8(label, valueLabelBytes).c_str());
        if (!stata) {
          readstat_label_int32_value(set, static_cast<int32_t>(kNotAvailableCode),
                                     cutUtf8(labels.notAvailable, valueLabelBytes).c_str());
          readstat_label_int32_value(set, static_cast<int32_t>(kNotApplicableCode),
                                     cutUtf8(labels.notApplicable, valueLabelBytes).c_str());
        }
        readstat_variable_set_label_set(handle, set);
        break;
      }
      case WideVariable::Kind::Text:
        if (stata && text.size() > kStataStrBytes) {
          handle = readstat_add_variable(writer.get(), name.c_str(), READSTAT_TYPE_STRING_REF, 0);
          refs[i] = readstat_add_string_ref(writer.get(), text.c_str());
        } else {
          if (!stata && text.size() > kSpssStringBytes) {
            std::string marker = cutMarker(utf16Units(text));
            text = cutUtf8(text, kSpssStringBytes - marker.size()) + marker;
            ++cuts;
          }
          handle = readstat_add_variable(writer.get(), name.c_str(), READSTAT_TYPE_STRING,
                                         std::max<std::size_t>(text.size(), 1));
        }
        break;
    }
    if (!handle) throw ExportError("libreadstat refused the variable " + name);
    readstat_variable_set_label(handle, fitLabel(v, labelBytes).c_str());
    if (!stata) {
      readstat_variable_set_measure(handle, measureOf(v.measure));
      if (v.kind != WideVariable::Kind::Text) {
        readstat_variable_set_format(handle, spssFormat(v).c_str());
        writer.check(readstat_variable_add_missing_double_value(handle, kNotAvailableCode),
                     "declaring the missing values of " + name);
        writer.check(readstat_variable_add_missing_double_value(handle, kNotApplicableCode),
                     "declaring the missing values of " + name);
      }
    }
    handles.push_back(handle);
    texts.push_back(std::move(text));
  }
  const std::string fileLabel =
      cutUtf8(m.state + " " + m.questionnaireId + " " + m.questionnaireVersion, stata ? 80 : 64);
  writer.check(readstat_writer_set_file_label(writer.get(), fileLabel.c_str()), "labelling the file");
  if (stata) {
    writer.check(readstat_writer_set_file_format_version(writer.get(), 118), "choosing Stata format 118");
    writer.check(readstat_begin_writing_dta(writer.get(), &sink, 1), "starting " + path);
  } else {
    writer.check(readstat_begin_writing_sav(writer.get(), &sink, 1), "starting " + path);
  }
  writer.check(readstat_begin_row(writer.get()), "writing the row");
  for (std::size_t i = 0; i < variables.size(); ++i) {
    const auto& v = variables[i];
    readstat_error_t rc = READSTAT_OK;
    if (v.kind == WideVariable::Kind::Text) {
      if (refs[i])
        rc = readstat_insert_string_ref(writer.get(), handles[i], refs[i]);
      else
        rc = readstat_insert_string_value(writer.get(), handles[i], texts[i].c_str());
    } else if (!v.number && !stata && (v.status == "not_available" || v.status == "not_applicable")) {
      const double code = v.status == "not_available" ? kNotAvailableCode : kNotApplicableCode;
      rc = v.kind == WideVariable::Kind::Coded
               ? readstat_insert_int32_value(writer.get(), handles[i], static_cast<int32_t>(code))
               : readstat_insert_double_value(writer.get(), handles[i], code);
    } else if (!v.number) {
      rc = readstat_insert_missing_value(writer.get(), handles[i]);
    } else if (v.kind == WideVariable::Kind::Coded) {
      rc = readstat_insert_int32_value(writer.get(), handles[i], static_cast<int32_t>(*v.number));
    } else {
      rc = readstat_insert_double_value(writer.get(), handles[i], *v.number);
    }
    writer.check(rc, "writing " + v.wantedName);
  }
  writer.check(readstat_end_row(writer.get()), "writing the row");
  readstat_error_t rc = readstat_end_writing(writer.get());
  if (sink.failed)
    throw ExportError("cannot write " + path + ": " + std::strerror(sink.error) +
                      (sink.error == ENOSPC ? "; free some disk space and export again" : ""));
  writer.check(rc, "finishing " + path);
  (void)cuts;
  out.commit();
}

}  // namespace focal
