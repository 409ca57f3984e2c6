#pragma once
// What the app says about a page or file that failed: a translated text chosen from the kind of the
// failure (PageRecord::failure, DocumentRecord::failure), with the stored reason (untranslated, from
// the engine or the page host) as its detail. Nothing here reads the reason's words. Reentrant.

#include "core/model/records.h"

#include <QCoreApplication>
#include <QString>

namespace incidoc::ui {

class FailureText {
    Q_DECLARE_TR_FUNCTIONS(incidoc::ui::FailureText)

public:
    /// A short phrase for lists and the status bar ("crashed the renderer or OCR engine"); empty for None.
    static QString pageSummary(FailureKind kind);
    /// The same for a file that could not be imported ("could not be imported").
    static QString documentSummary(FailureKind kind);
    /// What the page view shows in place of a page it does not render (failedInIsolation): a sentence.
    static QString pageNotShown(FailureKind kind);
    /// "summary (reason)", or the summary alone when there is no reason.
    static QString withDetail(const QString& summary, const QString& reason);
    /// A failed page: its summary with its reason. A page that did not fail: its note (PageRecord::error).
    static QString ofPage(const PageRecord& page);
    /// A file that could not be imported: its summary with its reason; else empty.
    static QString ofDocument(const DocumentRecord& document);
};

} // namespace incidoc::ui
