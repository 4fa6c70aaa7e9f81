using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Fazhi.Web.Kernel.Documents;

/// <summary>
/// Writes a .docx laid out as a 公文 per GB/T 9704-2012: A4, margins 37/35/28/26 mm, the title in 方正小标宋简体 二号
/// (22 pt) centred, the 文号 centred under it in 仿宋_GB2312 三号, body in 仿宋_GB2312 三号 (16 pt) with a
/// two-character first-line indent and a fixed 28.95 pt line (22 lines a page), the issuer and date right-aligned.
/// The fonts are named, not embedded: Word on the bureau's PC has them.
/// </summary>
public static class OfficialDocument
{
    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋_GB2312";
    private const int TwipsPerMm = 1440 * 10 / 254;

    public sealed record Content(string Title, string Number, string? Addressee, IReadOnlyList<string> Paragraphs, string Issuer, string Date);

    public static byte[] Write(Content content)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(content.Title, TitleFont, 44, JustificationValues.Center, indent: false));
            body.Append(Paragraph(content.Number, BodyFont, 32, JustificationValues.Center, indent: false));
            body.Append(Paragraph("", BodyFont, 32, JustificationValues.Left, indent: false));
            if (!string.IsNullOrEmpty(content.Addressee))
                body.Append(Paragraph(content.Addressee + "：", BodyFont, 32, JustificationValues.Left, indent: false));
            foreach (var p in content.Paragraphs)
                body.Append(Paragraph(p, BodyFont, 32, JustificationValues.Both, indent: true));
            body.Append(Paragraph("", BodyFont, 32, JustificationValues.Left, indent: false));
            body.Append(Paragraph(content.Issuer, BodyFont, 32, JustificationValues.Right, indent: false));
            body.Append(Paragraph(content.Date, BodyFont, 32, JustificationValues.Right, indent: false));
            body.Append(new SectionProperties(
                new PageSize { Width = (UInt32Value)(uint)(210 * TwipsPerMm), Height = (UInt32Value)(uint)(297 * TwipsPerMm) },
                new PageMargin
                {
                    Top = 37 * TwipsPerMm, Bottom = 35 * TwipsPerMm,
                    Left = (UInt32Value)(uint)(28 * TwipsPerMm), Right = (UInt32Value)(uint)(26 * TwipsPerMm),
                }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string font, int halfPoints, JustificationValues align, bool indent)
    {
        var props = new ParagraphProperties(
            new Justification { Val = align },
            new SpacingBetweenLines { Line = "579", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" });
        if (indent)
            props.Append(new Indentation { FirstLineChars = 200, FirstLine = "640" }); // two characters of 三号 (16 pt)
        var run = new Run(
            new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font }, new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(props, run);
    }

    /// <summary>The text of a .docx, paragraph by paragraph (for previews and tests).</summary>
    public static IReadOnlyList<string> ReadParagraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return [.. doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText)];
    }
}
