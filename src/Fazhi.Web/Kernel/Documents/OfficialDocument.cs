using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Fazhi.Web.Kernel.Documents;

/// <summary>
/// Writes a .docx laid out as a 公文 per GB/T 9704-2012《党政机关公文格式》: A4, 天头 37 mm, 订口 28 mm, a
/// 156 × 225 mm 版心 of 22 lines × 28 characters, the title in 方正小标宋简体 二号 (22 pt) centred, the 文号 centred
/// under it in 仿宋_GB2312 三号, body in 仿宋_GB2312 三号 (16 pt) with a two-character first-line indent, the issuer
/// and date right-aligned, and page numbers "— 1 —" in the outside corners.
/// The fonts are named, not embedded: Word on the bureau's PC has them.
/// </summary>
public static class OfficialDocument
{
    private const string TitleFont = "方正小标宋简体";
    private const string BodyFont = "仿宋_GB2312";
    private const string PageNumberFont = "宋体";

    // GB/T 9704-2012 5.1 幅面尺寸: A4 (GB/T 148), 210 mm × 297 mm.
    private const double PageWidthMm = 210, PageHeightMm = 297;
    // 5.2.1 页边与版心尺寸: 天头（上白边）37 mm ± 1 mm, 订口（左白边）28 mm ± 1 mm, 版心 156 mm × 225 mm (页码 outside it).
    private const double TopMm = 37, LeftMm = 28, TypeAreaWidthMm = 156, TypeAreaHeightMm = 225;
    // 5.2.3 行数和字数: 一般每面排22行，每行排28个字，并撑满版心.
    public const int LinesPerPage = 22;
    public const int CharactersPerLine = 28;
    // 5.2.2 字体和字号: 各要素一般用3号仿宋体字 (三号 = 16 pt).
    private const int BodyHalfPoints = 32;
    // 7.5 页码: 一般用4号半角宋体阿拉伯数字 (四号 = 14 pt) … 一字线上距版心下边缘7 mm; 单页码居右空一字，双页码居左空一字.
    private const int PageNumberHalfPoints = 28;
    private const double PageNumberBelowTypeAreaMm = 7;

    /// <summary>Twentieths of a point from millimetres, rounded once per measure (1 in = 25.4 mm = 1440 twips).</summary>
    public static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4, MidpointRounding.AwayFromZero);

    public static readonly int PageWidth = Twips(PageWidthMm);
    public static readonly int PageHeight = Twips(PageHeightMm);
    public static readonly int TopMargin = Twips(TopMm);
    public static readonly int LeftMargin = Twips(LeftMm);
    public static readonly int RightMargin = Twips(PageWidthMm - LeftMm - TypeAreaWidthMm);     // 26 mm
    public static readonly int BottomMargin = Twips(PageHeightMm - TopMm - TypeAreaHeightMm);   // 35 mm

    /// <summary>The line pitch that puts exactly 22 lines in the 版心 (579 twips = 28.95 pt): rounded down so the
    /// 22nd line still fits.</summary>
    public static readonly int LinePitch = (PageHeight - TopMargin - BottomMargin) / LinesPerPage;

    /// <summary>Character spacing of the text, in twentieths of a point (w:rPr/w:spacing): 28 三号 characters (28 × 16 pt
    /// = 448 pt) are wider than the 版心's 156 mm ≈ 442 pt, so each is drawn 0.25 pt closer, and 28 fit where 29 do not.
    /// A character grid (w:docGrid linesAndChars with a negative charSpace) does this in Word, but LibreOffice then gives
    /// each 16 pt character two cells of 15.8 pt (17 characters a line); run spacing reads the same everywhere.</summary>
    public static readonly int CharacterSpacing = (int)Math.Floor(
        ((PageWidth - LeftMargin - RightMargin) / 20.0 / CharactersPerLine - BodyHalfPoints / 2.0) * 20);

    /// <summary>One 四号 character (14 pt), the 空一字 beside the page number.</summary>
    private const int PageNumberIndent = PageNumberHalfPoints * 10;

    /// <summary>The footer's distance from the paper's bottom edge, chosen so the middle of the page-number line (where
    /// the 一字线 sit) lies 7 mm below the 版心.</summary>
    public static readonly int FooterDistance = Twips(PageHeightMm - TopMm - TypeAreaHeightMm - PageNumberBelowTypeAreaMm) - PageNumberIndent / 2;

    /// <summary>A document's parts. <see cref="Organ"/>: the 机关 name set above the title of a decision (“威海市环翠区人民政府
    /// 行政复议决定书”); <see cref="Seal"/>: leave the place for the 印章 over the issuer and date.</summary>
    public sealed record Content(string Title, string Number, string? Addressee, IReadOnlyList<string> Paragraphs, string Issuer, string Date)
    {
        public string? Organ { get; init; }
        public bool Seal { get; init; }
    }

    /// <summary>7.3.5.1: 成文日期一般右空四字编排 (four 三号 characters).</summary>
    public const int DateRightIndent = 4 * BodyHalfPoints * 10;

    /// <summary>Width of a line of body text in twips, counting a CJK character as one 三号 cell and an ASCII one as half.</summary>
    public static int TextWidth(string text) => text.Sum(ch => ch < 128 ? BodyHalfPoints * 5 : BodyHalfPoints * 10);

    public static byte[] Write(Content content)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            // Odd and even pages carry their page numbers in different corners (7.5).
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new EvenAndOddHeaders());
            settings.Settings.Save();
            var oddFooter = AddPageNumberFooter(main, odd: true);
            var evenFooter = AddPageNumberFooter(main, odd: false);

            var body = new Body();
            if (!string.IsNullOrEmpty(content.Organ))
                body.Append(Paragraph(content.Organ, TitleFont, 44, JustificationValues.Center, indent: false));
            body.Append(Paragraph(content.Title, TitleFont, 44, JustificationValues.Center, indent: false));
            body.Append(Paragraph(content.Number, BodyFont, BodyHalfPoints, JustificationValues.Center, indent: false));
            body.Append(Paragraph("", BodyFont, BodyHalfPoints, JustificationValues.Left, indent: false));
            if (!string.IsNullOrEmpty(content.Addressee))
                body.Append(Paragraph(content.Addressee + "：", BodyFont, BodyHalfPoints, JustificationValues.Left, indent: false));
            for (var i = 0; i < content.Paragraphs.Count; i++)
                body.Append(Paragraph(content.Paragraphs[i], BodyFont, BodyHalfPoints, JustificationValues.Both, indent: true,
                    keepNext: i == content.Paragraphs.Count - 1));
            // The last body paragraph, the seal and the signature stay on one page: never a page with only the date.
            body.Append(Paragraph("", BodyFont, BodyHalfPoints, JustificationValues.Left, indent: false, keepNext: true));
            if (content.Seal)
            {
                // 7.3.5.1: room for the seal, which presses on the issuer and the date (两行空白 above the 署名).
                body.Append(Paragraph("（印章）", BodyFont, BodyHalfPoints, JustificationValues.Right, indent: false,
                    rightIndent: DateRightIndent + Math.Max(0, (TextWidth(content.Date) - TextWidth("（印章）")) / 2), keepNext: true));
                body.Append(Paragraph("", BodyFont, BodyHalfPoints, JustificationValues.Left, indent: false, keepNext: true));
            }
            // The date sits four characters from the right; the issuer is centred over it (7.3.5.1).
            body.Append(Paragraph(content.Issuer, BodyFont, BodyHalfPoints, JustificationValues.Right, indent: false,
                rightIndent: Math.Max(0, DateRightIndent + (TextWidth(content.Date) - TextWidth(content.Issuer)) / 2), keepNext: true));
            body.Append(Paragraph(content.Date, BodyFont, BodyHalfPoints, JustificationValues.Right, indent: false, rightIndent: DateRightIndent));
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(oddFooter) },
                new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(evenFooter) },
                new PageSize { Width = (UInt32Value)(uint)PageWidth, Height = (UInt32Value)(uint)PageHeight },
                new PageMargin
                {
                    Top = TopMargin, Bottom = BottomMargin,
                    Left = (UInt32Value)(uint)LeftMargin, Right = (UInt32Value)(uint)RightMargin,
                    Header = (UInt32Value)(uint)Twips(15), Footer = (UInt32Value)(uint)FooterDistance, Gutter = 0,
                },
                new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The default text is 三号 仿宋, drawn <see cref="CharacterSpacing"/> closer so that 28 fill a line.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, EastAsia = BodyFont },
                    new Spacing { Val = CharacterSpacing },
                    new FontSize { Val = Half(BodyHalfPoints) }, new FontSizeComplexScript { Val = Half(BodyHalfPoints) })),
                new ParagraphPropertiesDefault()),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles.Save();
    }

    /// <summary>"— 1 —": the PAGE field between two 一字线, 4号 宋体, 空一字 from the outside edge of the 版心.</summary>
    private static FooterPart AddPageNumberFooter(MainDocumentPart main, bool odd)
    {
        var part = main.AddNewPart<FooterPart>();
        var props = new ParagraphProperties(
            new SnapToGrid { Val = false },
            new SpacingBetweenLines { Line = Half(PageNumberIndent), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
            odd ? new Indentation { Right = Half(PageNumberIndent) } : new Indentation { Left = Half(PageNumberIndent) },
            new Justification { Val = odd ? JustificationValues.Right : JustificationValues.Left });
        part.Footer = new Footer(new Paragraph(props,
            PageNumberRun(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            PageNumberRun(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            PageNumberRun(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            PageNumberRun(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            PageNumberRun(new Text("1")),
            PageNumberRun(new FieldChar { FieldCharType = FieldCharValues.End }),
            PageNumberRun(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
        part.Footer.Save();
        return part;
    }

    private static Run PageNumberRun(OpenXmlElement content) => new(
        new RunProperties(
            new RunFonts { Ascii = PageNumberFont, HighAnsi = PageNumberFont, EastAsia = PageNumberFont },
            new FontSize { Val = Half(PageNumberHalfPoints) }, new FontSizeComplexScript { Val = Half(PageNumberHalfPoints) }),
        content);

    private static string Half(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Paragraph Paragraph(string text, string font, int halfPoints, JustificationValues align, bool indent, int rightIndent = 0, bool keepNext = false)
    {
        // The schema orders w:pPr's children: keepNext, spacing, then ind, then jc.
        var props = new ParagraphProperties();
        if (keepNext)
            props.Append(new KeepNext());
        props.Append(new SpacingBetweenLines { Line = Half(LinePitch), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" });
        if (indent)
            props.Append(new Indentation { FirstLineChars = 200, FirstLine = "640" }); // two characters of 三号 (16 pt)
        else if (rightIndent > 0)
            props.Append(new Indentation { Right = Half(rightIndent) });
        props.Append(new Justification { Val = align });
        var run = new Run(
            new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font }, new FontSize { Val = Half(halfPoints) }),
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
