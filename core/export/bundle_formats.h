#pragma once
// The per-page pieces of an `incidoc.bundle/1` ZIP (../shared/specs/bundle.md), one file per format:
// the page and its entry names (bundle_page.h), page JSON (page_json.h), hOCR 1.2 (format_hocr.h),
// ALTO v4 (format_alto.h), COCO (format_coco.h), Label Studio (format_label_studio.h), the metrics
// (format_metrics.h), FUNSD (format_funsd.h), PAGE XML (format_page_xml.h), the recognition training sets
// (format_training.h) and the page image / visualization (format_images.h). Each function turns one page
// (with its words) into bytes, so the export can run them for many pages in parallel.
//
// Threading: every function is reentrant (no shared state).

#include "core/export/bundle_page.h"
#include "core/export/format_alto.h"
#include "core/export/format_coco.h"
#include "core/export/format_funsd.h"
#include "core/export/format_hocr.h"
#include "core/export/format_images.h"
#include "core/export/format_label_studio.h"
#include "core/export/format_metrics.h"
#include "core/export/format_page_xml.h"
#include "core/export/format_records.h"
#include "core/export/format_training.h"
