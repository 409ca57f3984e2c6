#pragma once
// Small PDFs written byte by byte for tests (import, render, classify): exact page boxes, /Rotate,
// text in a standard font, and a fake /Encrypt dictionary. The xref offsets are computed, so the files
// are valid and Poppler opens them without reconstruction.

#include <QByteArray>
#include <QFile>
#include <QString>

#include <vector>

namespace incidoc::test {

struct HandmadePage {
    QByteArray mediaBox = "0 0 612 792";
    QByteArray cropBox; ///< empty: none
    int rotate = 0;
    QByteArray content; ///< content stream; font /F1 is Helvetica (WinAnsi)
};

/// A PDF with the given pages. With `encrypted`, the trailer names a standard security handler whose
/// /U does not match the empty password, so readers ask for a password (the content is not really
/// encrypted, which does not matter: it is never decrypted).
inline QByteArray handmadePdf(const std::vector<HandmadePage>& pages, bool encrypted = false)
{
    std::vector<QByteArray> objects; // object i+1
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    QByteArray kids;
    const int firstPage = 4;
    for (size_t i = 0; i < pages.size(); ++i)
        kids += QByteArray::number(firstPage + static_cast<int>(2 * i)) + " 0 R ";
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pages.size()) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    for (size_t i = 0; i < pages.size(); ++i) {
        const HandmadePage& p = pages[i];
        QByteArray page = "<< /Type /Page /Parent 2 0 R /MediaBox [" + p.mediaBox + "]";
        if (!p.cropBox.isEmpty())
            page += " /CropBox [" + p.cropBox + "]";
        if (p.rotate != 0)
            page += " /Rotate " + QByteArray::number(p.rotate);
        page += " /Resources << /Font << /F1 3 0 R >> >> /Contents "
                + QByteArray::number(firstPage + static_cast<int>(2 * i) + 1) + " 0 R >>";
        objects.push_back(page);
        objects.push_back("<< /Length " + QByteArray::number(p.content.size()) + " >>\nstream\n" + p.content
                          + "\nendstream");
    }
    int encryptObject = 0;
    if (encrypted) {
        objects.push_back("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
                          "/O <"
                          + QByteArray(64, 'a') + "> /U <" + QByteArray(64, 'b') + "> >>");
        encryptObject = static_cast<int>(objects.size());
    }
    QByteArray out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    std::vector<qsizetype> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += QByteArray::number(static_cast<int>(i) + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype off : offsets)
        out += QByteArray::number(off).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R";
    if (encrypted)
        out += " /Encrypt " + QByteArray::number(encryptObject) + " 0 R /ID [<" + QByteArray(32, 'c') + "> <"
               + QByteArray(32, 'c') + ">]";
    out += " >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

/// A content stream that writes `text` in Helvetica `size` pt with its baseline at (x, y) (PDF user
/// space, origin bottom-left).
inline QByteArray textAt(double x, double y, double size, const QByteArray& text)
{
    return "BT /F1 " + QByteArray::number(size) + " Tf " + QByteArray::number(x) + " " + QByteArray::number(y) + " Td ("
           + text + ") Tj ET\n";
}

inline bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace incidoc::test
