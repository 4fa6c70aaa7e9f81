using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features;

namespace Fazhi.UnitTests.Modules.Reconsideration;

/// <summary>The built-in 复议 wording uses only the fields the module declares, and every declared field has a value.</summary>
public sealed class DocumentTemplatesTests
{
    public static TheoryData<DocumentKind> Kinds() => [.. Enum.GetValues<DocumentKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_default_template_uses_only_declared_fields(DocumentKind kind)
    {
        var body = DocumentKinds.DefaultBody(kind);
        FieldTemplate.Problems(body, DocumentService.Fields).ShouldBeEmpty();
        FieldTemplate.FieldsIn(body).ShouldNotBeEmpty();
    }

    [Fact]
    public void Every_declared_field_is_filled_from_a_case()
    {
        var c = CaseBuilder.Received("2024-05-06");
        var values = DocumentService.Fields.ValuesOf(new DocumentFacts(c, new DateOnly(2024, 7, 8)));
        values.Keys.ShouldBe(DocumentService.Fields.Fields.Select(f => f.Name), ignoreOrder: true);
        values["收到日期"].ShouldBe("2024年5月6日");
        values["决定期限"].ShouldBe("2024年7月8日");
        values["案号"].ShouldBe(c.CaseNumber);
    }

    [Theory]
    [InlineData("acceptance-notice", DocumentKind.AcceptanceNotice)]
    [InlineData("decision-draft", DocumentKind.DecisionDraft)]
    [InlineData("1", null)]
    [InlineData("99", null)]
    [InlineData("no-such-kind", null)]
    public void Kinds_are_read_from_url_segments_and_written_back(string segment, DocumentKind? kind)
    {
        DocumentService.ParseKind(segment).ShouldBe(kind);
        if (kind is { } k)
            DocumentService.SegmentOf(k).ShouldBe(segment);
    }
}
