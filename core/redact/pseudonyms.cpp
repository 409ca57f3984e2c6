#include "core/redact/pseudonyms.h"

// Implemented by the redaction work (issue 17).
