using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Fazhi.Web.Kernel.Documents;

namespace Fazhi.UnitTests.Kernel;

/// <summary>The .docx is opened as Word would and measured against GB/T 9704-2012 (clauses 5.1, 5.2.1, 5.2.3, 7.5).</summary>
public sealed class OfficialDocumentTests
{
    private const double TwipsPerMm = 1440 / 25.4;

    private static byte[] Sample() => OfficialDocument.Write(new OfficialDocument.Content(
        "行政复议受理通知书", "环翠复受〔2026〕1号", "张三", ["第一段。", "第二段。"], "威海市环翠区人民政府", "2026年5月8日"));

    private static T Only<T>(WordprocessingDocument doc) where T : DocumentFormat.OpenXml.OpenXmlElement =>
        doc.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<T>()!;

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    [Fact]
    public void The_page_is_A4_in_twips()
    {
        using var doc = Open(Sample());
        var size = Only<PageSize>(doc);
        ((int)size.Width!.Value).ShouldBe(11906);   // 210 mm
        ((int)size.Height!.Value).ShouldBe(16838);  // 297 mm
    }

    [Fact]
    public void Margins_give_the_standard_head_binding_edge_and_type_area()
    {
        using var doc = Open(Sample());
        var size = Only<PageSize>(doc);
        var m = Only<PageMargin>(doc);
        var top = m.Top!.Value;
        var left = (int)m.Left!.Value;
        var width = (int)size.Width!.Value - left - (int)m.Right!.Value;
        var height = (int)size.Height!.Value - top - m.Bottom!.Value;

        (top / TwipsPerMm).ShouldBe(37, 1);                 // 天头 37 mm ± 1 mm
        (left / TwipsPerMm).ShouldBe(28, 1);                // 订口 28 mm ± 1 mm
        (width / TwipsPerMm).ShouldBe(156, 0.1);            // 版心 156 mm × 225 mm (5.1 制版: 误差不超过 1 mm)
        (height / TwipsPerMm).ShouldBe(225, 0.1);
        top.ShouldBe(2098);
        left.ShouldBe(1587);
        width.ShouldBe(8845);
        height.ShouldBe(12756);
    }

    [Fact]
    public void The_grid_fits_exactly_22_lines_of_28_characters()
    {
        using var doc = Open(Sample());
        var size = Only<PageSize>(doc);
        var m = Only<PageMargin>(doc);
        var grid = Only<DocGrid>(doc);
        grid.Type!.Value.ShouldBe(DocGridValues.Lines); // a line grid: LibreOffice draws a too-narrow character grid as two cells a character
        var height = (int)size.Height!.Value - m.Top!.Value - m.Bottom!.Value;
        var width = (int)size.Width!.Value - (int)m.Left!.Value - (int)m.Right!.Value;

        var pitch = grid.LinePitch!.Value;
        (22 * pitch).ShouldBeLessThanOrEqualTo(height);
        (23 * pitch).ShouldBeGreaterThan(height);
        pitch.ShouldBe(579);

        // Each 三号 (16 pt) character advances 16 pt plus the default character spacing (twentieths of a point):
        // 28 fit the width, 29 do not.
        var defaults = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        var defaultHalfPoints = int.Parse(defaults.FontSize!.Val!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        defaultHalfPoints.ShouldBe(32);
        var cellTwips = defaultHalfPoints * 10 + defaults.GetFirstChild<Spacing>()!.Val!.Value;
        (28 * cellTwips).ShouldBeLessThanOrEqualTo(width);
        (29 * cellTwips).ShouldBeGreaterThan(width);

        // Body lines use the grid's pitch, so 22 of them fill the 版心.
        doc.MainDocumentPart.Document!.Body!.Elements<Paragraph>().Skip(1)
            .ShouldAllBe(p => p.ParagraphProperties!.SpacingBetweenLines!.Line!.Value == "579");
    }

    [Fact]
    public void Page_numbers_sit_in_the_outside_corners_with_a_dash_each_side()
    {
        using var doc = Open(Sample());
        doc.MainDocumentPart!.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>().ShouldNotBeNull();
        var refs = doc.MainDocumentPart.Document!.Body!.GetFirstChild<SectionProperties>()!.Elements<FooterReference>().ToList();
        refs.Count.ShouldBe(2);

        Footer FooterOf(HeaderFooterValues type) =>
            ((FooterPart)doc.MainDocumentPart.GetPartById(refs.Single(r => r.Type!.Value == type).Id!.Value!)).Footer!;

        foreach (var (type, odd) in new[] { (HeaderFooterValues.Default, true), (HeaderFooterValues.Even, false) })
        {
            var p = FooterOf(type).Elements<Paragraph>().Single();
            // "— 1 —": 一字线 each side of the PAGE field; Word shows the number it computes in place of the 1.
            string.Concat(p.Descendants<Text>().Select(t => t.Text)).ShouldBe("— 1 —");
            p.Descendants<FieldCode>().Single().Text.Trim().ShouldBe("PAGE");
            p.Descendants<RunProperties>().ShouldAllBe(r => r.RunFonts!.EastAsia!.Value == "宋体" && r.RunFonts.Ascii!.Value == "宋体" && r.FontSize!.Val!.Value == "28");
            var props = p.ParagraphProperties!;
            // 单页码居右空一字，双页码居左空一字 (one 四号 character = 280 twips).
            props.Justification!.Val!.Value.ShouldBe(odd ? JustificationValues.Right : JustificationValues.Left);
            (odd ? props.Indentation!.Right!.Value : props.Indentation!.Left!.Value).ShouldBe("280");
        }

        // 一字线上距版心下边缘7 mm: the middle of the page-number line is 7 mm below the bottom of the 版心.
        var m = Only<PageMargin>(doc);
        var line = int.Parse(FooterOf(HeaderFooterValues.Default).Descendants<SpacingBetweenLines>().Single().Line!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        var dashBelowTypeArea = m.Bottom!.Value - ((int)m.Footer!.Value + line / 2.0);
        (dashBelowTypeArea / TwipsPerMm).ShouldBe(7, 0.5);
    }

    [Fact]
    public void The_package_is_valid_office_open_xml()
    {
        using var doc = Open(Sample());
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void The_text_reads_back_in_order()
    {
        OfficialDocument.ReadParagraphs(Sample()).ShouldBe(
            ["行政复议受理通知书", "环翠复受〔2026〕1号", "", "张三：", "第一段。", "第二段。", "", "威海市环翠区人民政府", "2026年5月8日"]);
    }

    [Theory]
    [InlineData(210, 11906)]
    [InlineData(297, 16838)]
    [InlineData(37, 2098)]
    [InlineData(0, 0)]
    public void Millimetres_convert_to_twips_with_one_rounding(double mm, int twips) => OfficialDocument.Twips(mm).ShouldBe(twips);
}
