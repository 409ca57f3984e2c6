#pragma once
// "Re-OCR with Settings…": reads the shown page or the selected words again with other languages and
// another resolution than the project's. Languages come from the installed Tesseract data; page
// segmentation is not offered (the core does not expose it). Words a person edited are never replaced.
//
// Thread contract: GUI thread only. Show it with open(): no nested event loop.

#include <QDialog>

class QDialogButtonBox;
class QListWidget;
class QRadioButton;
class QSpinBox;

namespace incidoc::ui {

class ReOcrDialog : public QDialog {
    Q_OBJECT
public:
    enum class Scope { Page, Selection };

    /// `languages`: what is checked at first ("eng+deu"); `dpi`: the resolution offered at first;
    /// `selectedWords`: how many words are selected (0: only the page can be read again).
    ReOcrDialog(const QString& languages, int dpi, int selectedWords, QWidget* parent = nullptr);

    Scope scope() const;
    /// The checked languages joined with "+" (Tesseract's form), in the list's order.
    QString languages() const;
    int dpi() const;

    // --- parts, for tests -----------------------------------------------------------------------
    QListWidget* languageList() const { return m_languages; }
    QSpinBox* dpiBox() const { return m_dpi; }
    QRadioButton* selectionButton() const { return m_selection; }
    QRadioButton* pageButton() const { return m_page; }

private:
    void updateOk();

    QRadioButton* m_page;
    QRadioButton* m_selection;
    QListWidget* m_languages;
    QSpinBox* m_dpi;
    QDialogButtonBox* m_buttons;
};

} // namespace incidoc::ui
