#include "core/redact/sensitive_finder.h"

// Implemented by the redaction work (issue 17).
