// The scripted review benchmark (a measuring program, not pass/fail): the real main window (offscreen)
// driven by key events as an annotator who knows the right text would drive it, on FUNSD forms whose
// word ground truth says what each word should read.
//   bench_review --forms DIR [--limit 10] [--project FILE] [--engines tesseract+ppocr] [--profile accurate]
// DIR holds images/*.png and annotations/*.json (FUNSD: ../shared/testdata/funsd/training_data, or the
// training set ../shared/funsd-train). The forms are imported and read by incidoc-cli (beside this
// program) into a new project (or --project, reused when it exists: the OCR is not timed anyway).
//
// The annotator, on each form: Tab to the first word to check, then for every word the queue shows:
//   - the word reads right: Return (accept and go on): 1 key;
//   - the other engine read it right: Ctrl+Shift+O, Return: 2 keys;
//   - no word is there (noise): Delete (the queue goes on): 1 key;
//   - else the cheapest of typing the word over (its characters, taking the editor's suggestion with Tab
//     as soon as it is the word, Return) and editing it: F2, End and Left (or Home and Right) to the
//     change, Backspace (Delete) over it, the new characters, Return — from its text, or from the other
//     engine's reading after Ctrl+Shift+O;
// until the queue leaves the form; then Ctrl+Return marks the page reviewed. Every key is a QTest key
// event on the widget with the focus, and the project is checked afterwards (every corrected word holds
// the text typed). Printed: keys per corrected and per accepted word, the words checked, the errors the
// queue reached and those it did not, and the time per form (median; the app's own work per key: no
// thinking time).
#include "core/pipeline/workplace.h"
#include "core/storage/project_store.h"
#include "core/util/openmp_guard.h"
#include "ui/project_session.h"
#include "ui/shell/main_window.h"
#include "ui/view/inline_editor.h"
#include "ui/view/overlay_items.h"
#include "ui/view/page_view.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLineEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "tests/bench/bench_app.h"
#include "tests/bench/bench_support.h"

using namespace incidoc;
using namespace incidoc::ui;

namespace {

struct GtWord {
    PixelBox box;
    QString text;
};

std::vector<GtWord> readGroundTruth(const QString& path)
{
    QFile f(path);
    std::vector<GtWord> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QJsonArray form = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("form")).toArray();
    for (const QJsonValue& e : form)
        for (const QJsonValue& w : e.toObject().value(QStringLiteral("words")).toArray()) {
            const QJsonArray b = w.toObject().value(QStringLiteral("box")).toArray();
            const QString text = w.toObject().value(QStringLiteral("text")).toString().trimmed();
            if (b.size() == 4 && !text.isEmpty())
                out.push_back({{b[0].toInt(), b[1].toInt(), b[2].toInt(), b[3].toInt()}, text});
        }
    return out;
}

/// What the word should read: the ground-truth words whose centre lies in its box (left to right), else
/// the one it overlaps most. Empty: there is no word there.
QString truthFor(const PixelBox& box, const std::vector<GtWord>& gt)
{
    std::vector<const GtWord*> inside;
    for (const GtWord& g : gt) {
        const int cx = (g.box.x0 + g.box.x1) / 2, cy = (g.box.y0 + g.box.y1) / 2;
        if (cx >= box.x0 && cx <= box.x1 && cy >= box.y0 && cy <= box.y1)
            inside.push_back(&g);
    }
    if (inside.empty()) {
        double best = 0.2;
        for (const GtWord& g : gt) {
            const PixelBox i = box.intersected(g.box);
            if (i.isEmpty())
                continue;
            const double iou = double(i.width()) * i.height()
                               / (double(box.width()) * box.height() + double(g.box.width()) * g.box.height()
                                  - double(i.width()) * i.height());
            if (iou > best) {
                best = iou;
                inside = {&g};
            }
        }
    }
    std::sort(inside.begin(), inside.end(), [](const GtWord* a, const GtWord* b) { return a->box.x0 < b->box.x0; });
    QStringList parts;
    for (const GtWord* g : inside)
        parts << g->text;
    return parts.join(QLatin1Char(' '));
}

struct Tally {
    int keys = 0;
    int accepted = 0, acceptKeys = 0;
    int corrected = 0, correctKeys = 0;
    int otherReading = 0, deleted = 0, retyped = 0, edited = 0, suggested = 0;
    int navigationKeys = 0;
    int oldKeymapKeys =
        0; ///< the same corrections with the keys of the previous keymap (a model: Tab, F2, the text, Return)
    int typedByOldKeymapHazard = 0; ///< corrections whose first character was a single-key command before
    std::vector<double> formMs;
    std::vector<int> formWords;
    int wrongLeft = 0, wrongTotal = 0;
    int verifyFailures = 0;
};

class Annotator {
public:
    Annotator(MainWindow* window, Tally* tally) : m_window(window), m_view(window->pageView()), m_tally(tally) {}

    void key(Qt::Key k, Qt::KeyboardModifiers mods = {})
    {
        QWidget* w = QApplication::focusWidget() ? QApplication::focusWidget() : m_view;
        QTest::keyClick(w, k, mods);
        ++m_keys;
    }
    void type(const QString& text)
    {
        for (const QChar c : text) {
            QWidget* w = QApplication::focusWidget() ? QApplication::focusWidget() : m_view;
            if (c.unicode() < 128) {
                QTest::keyClicks(w, QString(c));
            } else { // what a keyboard layout or an input method sends for other characters
                QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
                QApplication::sendEvent(w, &press);
                QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
                QApplication::sendEvent(w, &release);
            }
            ++m_keys;
        }
    }

    /// The cheapest way to edit `from` into `to` in the editor: F2 (all selected), then End and Left to the
    /// end of the change and Backspace over it, or Home and Right to its start and Delete over it; the
    /// new characters; Return.
    struct Edit {
        int cost = 1 << 20;
        bool fromEnd = true;
        int moves = 0, removed = 0;
        QString middle;
    };
    static Edit planEdit(const QString& from, const QString& to)
    {
        int p = 0;
        while (p < from.size() && p < to.size() && from[p] == to[p])
            ++p;
        int q = 0;
        while (q < from.size() - p && q < to.size() - p && from[from.size() - 1 - q] == to[to.size() - 1 - q])
            ++q;
        Edit e;
        e.removed = int(from.size()) - p - q;
        e.middle = to.mid(p, to.size() - p - q);
        e.fromEnd = q <= p;
        e.moves = std::min(p, q);
        e.cost = 2 + e.moves + e.removed + int(e.middle.size()) + 1;
        return e;
    }
    void runEdit(const Edit& e)
    {
        key(Qt::Key_F2);
        key(e.fromEnd ? Qt::Key_End : Qt::Key_Home);
        for (int i = 0; i < e.moves; ++i)
            key(e.fromEnd ? Qt::Key_Left : Qt::Key_Right);
        for (int i = 0; i < e.removed; ++i)
            key(e.fromEnd ? Qt::Key_Backspace : Qt::Key_Delete);
        type(e.middle);
        key(Qt::Key_Return);
    }

    /// Reviews the shown page; returns the words checked.
    int reviewPage(const std::vector<GtWord>& gt, std::map<WordId, QString>* typed)
    {
        const PageId page = m_view->pageId();
        m_view->setFocus();
        QApplication::setActiveWindow(m_window);
        m_keys = 0;
        key(Qt::Key_Tab);
        m_tally->navigationKeys += m_keys;
        std::set<WordId> seen;
        int checked = 0;
        while (m_view->pageId() == page) {
            const QList<WordId> sel = m_view->selectedWords();
            if (sel.size() != 1 || seen.count(sel.first()))
                break; // the queue is empty, or went round
            const WordId id = sel.first();
            seen.insert(id);
            ++checked;
            const WordRecord* word = nullptr;
            const auto words = m_window->session()->words(page);
            for (const auto& w : words)
                if (w.id == id)
                    word = &w;
            if (!word)
                break;
            const QString truth = truthFor(word->box, gt);
            m_keys = 0;
            if (truth == word->text) {
                key(Qt::Key_Return);
                ++m_tally->accepted;
                m_tally->acceptKeys += m_keys;
                continue;
            }
            ++m_tally->corrected;
            // Before: Tab to the word, then F2 (typing could run a command), the whole text, Return; taking the
            // other reading or deleting: Tab and one key.
            const bool oneKey =
                truth.isEmpty() || (!word->alternatives.empty() && word->alternatives.front().text == truth);
            m_tally->oldKeymapKeys += oneKey ? 2 : 3 + int(truth.size());
            if (truth.isEmpty()) {
                key(Qt::Key_Delete); // the word being checked goes, and the queue goes on
                if (m_view->selectedWords().isEmpty())
                    key(Qt::Key_Tab);
                ++m_tally->deleted;
            } else if (!word->alternatives.empty() && word->alternatives.front().text == truth) {
                key(Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
                key(Qt::Key_Return);
                ++m_tally->otherReading;
                (*typed)[id] = truth;
            } else {
                const QString other = word->alternatives.empty() ? QString() : word->alternatives.front().text;
                const Edit fromOld = planEdit(word->text, truth);
                const Edit fromOther = other.isEmpty() ? Edit{} : planEdit(other, truth);
                const int retypeCost = int(truth.size()) + 1;
                const QChar first = truth.at(0);
                if (first.isDigit() || QStringLiteral("bmnsBMNS+-").contains(first))
                    ++m_tally->typedByOldKeymapHazard;
                if (retypeCost <= fromOld.cost && retypeCost <= fromOther.cost + 1) {
                    // Typed letter by letter, taking the editor's suggestion (Tab) once it is the word.
                    for (int i = 0; i < truth.size(); ++i) {
                        type(truth.mid(i, 1));
                        if (i + 1 < truth.size() && m_view->editor()->suggestion() == truth) {
                            key(Qt::Key_Tab);
                            ++m_tally->suggested;
                            break;
                        }
                    }
                    key(Qt::Key_Return);
                    ++m_tally->retyped;
                } else {
                    const bool useOther = fromOther.cost + 1 < fromOld.cost;
                    if (useOther) { // PP-OCR's reading is nearer: take it, then fix it
                        key(Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
                        ++m_tally->otherReading;
                    }
                    runEdit(useOther ? fromOther : fromOld);
                    ++m_tally->edited;
                }
                if (qEnvironmentVariableIsSet("BENCH_REVIEW_VERBOSE"))
                    std::fprintf(stderr, "'%s' (other '%s') -> '%s' in %d keys\n", qPrintable(word->text),
                                 qPrintable(other), qPrintable(truth), m_keys);
                (*typed)[id] = truth;
            }
            m_tally->correctKeys += m_keys;
        }
        if (m_view->pageId() != page)
            m_window->showPage(page);
        m_view->setFocus();
        m_keys = 0;
        key(Qt::Key_Return, Qt::ControlModifier); // mark the page reviewed
        m_tally->navigationKeys += m_keys;
        return checked;
    }

private:
    MainWindow* m_window;
    PageView* m_view;
    Tally* m_tally;
    int m_keys = 0;
};

} // namespace

int main(int argc, char** argv)
{
    ensureOpenMpThreadLimit(argc, argv);
    const auto app = bench::offscreenApp(argc, argv);
    QString forms, projectPath, engines = QStringLiteral("tesseract+ppocr"), profile = QStringLiteral("accurate");
    int limit = 10;
    for (int i = 1; i + 1 < argc; i += 2) {
        const QByteArray a = argv[i];
        const QString v = QString::fromLocal8Bit(argv[i + 1]);
        if (a == "--forms")
            forms = v;
        else if (a == "--limit")
            limit = v.toInt();
        else if (a == "--project")
            projectPath = v;
        else if (a == "--engines")
            engines = v;
        else if (a == "--profile")
            profile = v;
    }
    if (forms.isEmpty()) {
        std::fprintf(stderr, "usage: bench_review --forms DIR [--limit N] [--project FILE] [--engines E]\n");
        return 2;
    }
    QStringList images =
        QDir(forms + QStringLiteral("/images")).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    images = images.mid(0, limit);
    QTemporaryDir tmp;
    if (projectPath.isEmpty())
        projectPath = tmp.filePath(QStringLiteral("review.incidoc"));
    if (!QFileInfo::exists(projectPath)) {
        const QString cli = QCoreApplication::applicationDirPath() + QStringLiteral("/incidoc-cli");
        QStringList args{QStringLiteral("import"), QStringLiteral("-p"), projectPath};
        for (const QString& i : images)
            args << forms + QStringLiteral("/images/") + i;
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(cli, args);
        p.waitForFinished(-1);
        p.start(cli, {QStringLiteral("ocr"), QStringLiteral("-q"), QStringLiteral("-p"), projectPath,
                      QStringLiteral("--engine"), engines, QStringLiteral("--profile"), profile});
        p.waitForFinished(-1);
        if (p.exitCode() != 0) {
            std::fprintf(stderr, "incidoc-cli failed (%d)\n", p.exitCode());
            return 1;
        }
    }

    MainWindow window(makeLocalWorkplace());
    window.resize(1366, 768);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openProject(projectPath)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(projectPath));
        return 1;
    }
    Tally tally;
    Annotator annotator(&window, &tally);
    std::map<WordId, QString> typed;
    for (const DocumentRecord& d : window.session()->documents()) {
        const QString stem = QFileInfo(d.name).completeBaseName();
        const auto gt = readGroundTruth(forms + QStringLiteral("/annotations/") + stem + QStringLiteral(".json"));
        const auto pages = window.session()->pages(d.id);
        if (gt.empty() || pages.empty())
            continue;
        window.showDocument(d.id, pages.front().id);
        QElapsedTimer t;
        t.start();
        const int checked = annotator.reviewPage(gt, &typed);
        QApplication::processEvents();
        tally.formMs.push_back(double(t.nsecsElapsed()) / 1e6);
        tally.formWords.push_back(checked);
        // The errors left: words whose text still differs from the truth.
        for (const WordRecord& w : window.session()->words(pages.front().id)) {
            const QString truth = truthFor(w.box, gt);
            if (truth.isEmpty())
                continue;
            const bool wrong = truth != w.text;
            tally.wrongLeft += wrong;
        }
    }
    // Every correction is in the project file as typed.
    auto store = ProjectStore::open(projectPath, OpenMode::ReadOnly);
    for (const auto& [id, text] : typed) {
        auto w = (*store)->word(id);
        if (!w || !w->has_value() || (*w)->text != text) {
            ++tally.verifyFailures;
            if (qEnvironmentVariableIsSet("BENCH_REVIEW_VERBOSE"))
                std::fprintf(stderr, "word %lld: typed '%s', stored '%s'\n", static_cast<long long>(id),
                             qPrintable(text), w && w->has_value() ? qPrintable((*w)->text) : "(gone)");
        }
    }
    const int words = [&] {
        int n = 0;
        for (int c : tally.formWords)
            n += c;
        return n;
    }();
    std::printf("forms: %zu, words checked: %d (accepted %d, corrected %d: other reading %d, retyped %d "
                "(%d finished by the suggestion), edited %d, deleted %d)\n",
                tally.formMs.size(), words, tally.accepted, tally.corrected, tally.otherReading, tally.retyped,
                tally.suggested, tally.edited, tally.deleted);
    std::printf("keys per corrected word: %.2f; keys per accepted word: %.2f; navigation keys per form: %.1f\n",
                tally.corrected ? double(tally.correctKeys) / tally.corrected : 0.0,
                tally.accepted ? double(tally.acceptKeys) / tally.accepted : 0.0,
                tally.formMs.empty() ? 0.0 : double(tally.navigationKeys) / tally.formMs.size());
    std::printf("the same corrections with the previous keymap (model: Tab, F2, the text, Return): %.2f keys each\n",
                tally.corrected ? double(tally.oldKeymapKeys) / tally.corrected : 0.0);
    std::printf("corrections whose first key was a one-key command before (digits, b m n s + -): %d of %d\n",
                tally.typedByOldKeymapHazard, tally.corrected);
    std::printf("time per form (app work, no thinking): median %.0f ms for a median %.0f words checked\n",
                bench::median(tally.formMs),
                bench::median(std::vector<double>(tally.formWords.begin(), tally.formWords.end())));
    std::printf("wrong words left on the forms after review (not in the queue): %d\n", tally.wrongLeft);
    std::printf("corrections not stored as typed: %d\n", tally.verifyFailures);
    return tally.verifyFailures == 0 ? 0 : 1;
}
