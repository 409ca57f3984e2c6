#include "core/redact/leak_check.h"

// Implemented by the redaction work (issue 17).
