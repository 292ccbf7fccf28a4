// Where a character of a YAML scalar's value stands in the file. The value
// differs from what is written: quotes, escapes ('' and \"), the header of
// a block (| or >) and folded line breaks. Messages about a part of a value
// (a word in an expression, ${id} in a label) use this to give that part's
// own line and column, not the scalar's.
#pragma once

#include <cstddef>
#include <string_view>

#include "forms/questionnaire.h"

namespace focal {

// `start` is the scalar's position as the YAML reader gives it (its first
// character, or its opening quote or block indicator); `offset` a byte
// offset into `value`. Columns count characters (UTF-8 code points) from 1.
// When the value cannot be followed in the text, the position of the last
// character that could be is given, so the answer is never past the scalar.
SourcePosition positionInScalar(std::string_view source, SourcePosition start, std::string_view value,
                                std::size_t offset);

// The byte offset of 1-based character `column` of `text`.
std::size_t byteOffsetOfColumn(std::string_view text, std::size_t column);

}  // namespace focal
