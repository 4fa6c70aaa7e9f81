using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features;
using Fazhi.Web.Modules.Reconsideration.Features.CaseFile;

namespace Fazhi.UnitTests.Modules.Reconsideration;

/// <summary>The prose of the 复议 documents: the act named once, the applicant described without the ID number, the
/// article each outcome rests on, redaction for publication, and the issuer and date placed per GB/T 9704 7.3.5.1.</summary>
public sealed class DocumentWordingTests
{
    [Theory]
    [InlineData("不服行政处罚决定", "作出的行政处罚决定")]
    [InlineData("请求撤销环翠区市场监督管理局作出的环市监罚〔2026〕12号行政处罚决定", "作出的环市监罚〔2026〕12号行政处罚决定")]
    [InlineData("请求撤销威海市环翠区市场监督管理局作出的行政处罚决定。", "作出的行政处罚决定")]
    [InlineData("不服被申请人不履行法定职责", "不履行法定职责")]
    [InlineData("", "作出的行政行为")]
    public void The_act_is_named_once_after_the_respondent(string matter, string phrase) =>
        DocumentService.ActPhrase(matter, "威海市环翠区市场监督管理局", "环翠区市场监督管理局").ShouldBe(phrase);

    [Fact]
    public void A_person_is_described_by_sex_and_birth_never_by_the_id_number()
    {
        var c = CaseBuilder.Received("2024-05-06");
        c.ApplicantName = "王五";
        c.ApplicantIdNumber = "11010519491231002X";
        DocumentService.ApplicantLine(c).ShouldBe("王五，女，1949年12月31日出生");
        c.ApplicantKind = ApplicantKind.Organisation;
        c.ApplicantName = "威海某某有限公司";
        c.ApplicantIdNumber = "91371002MA3C00000X";
        DocumentService.ApplicantLine(c).ShouldBe("威海某某有限公司，统一社会信用代码：91371002MA3C00000X");
    }

    [Theory]
    [InlineData(DecisionType.Vary, "第六十三条")]
    [InlineData(DecisionType.Revoke, "第六十四条")]
    [InlineData(DecisionType.ConfirmIllegal, "第六十五条")]
    [InlineData(DecisionType.OrderPerformance, "第六十六条")]
    [InlineData(DecisionType.ConfirmVoid, "第六十七条")]
    [InlineData(DecisionType.Uphold, "第六十八条")]
    [InlineData(DecisionType.Dismiss, "第六十九条")]
    public void Each_outcome_cites_its_article(DecisionType type, string article) => DocumentService.ArticleOf(type).ShouldBe(article);

    [Fact]
    public void Every_kind_has_a_title_and_the_numbered_kinds_distinct_letters()
    {
        var kinds = Enum.GetValues<DocumentKind>();
        kinds.Select(DocumentKinds.TitleOf).Distinct().Count().ShouldBe(kinds.Length);
        var letters = kinds.Select(DocumentKinds.AbbreviationOf).OfType<string>().ToList();
        letters.Distinct().Count().ShouldBe(letters.Count);
        DocumentKinds.AbbreviationOf(DocumentKind.HearingRecord).ShouldBeNull();
        DocumentKinds.AbbreviationOf(DocumentKind.ServiceReceipt).ShouldBeNull();
    }

    [Fact]
    public void Publication_drops_names_birth_and_numbers()
    {
        var c = CaseBuilder.Received("2024-05-06");
        c.ApplicantName = "王小五";
        c.AgentName = "李律师";
        var text = "申请人：王小五，女，1949年12月31日出生\n委托代理人：李律师\n第三人：赵六\n电话13912345678，身份证11010519491231002X。王小五称……";
        var redacted = CaseFileService.Redact(text, c, new CaseWriting { CaseId = 1, UpdatedBy = "x", ThirdParties = "赵六" });
        redacted.ShouldBe("申请人：王某\n委托代理人：李某\n第三人：赵某\n电话＊＊＊，身份证＊＊＊。王某称……");
    }

    [Fact]
    public void The_date_sits_four_characters_from_the_right_with_the_issuer_centred_over_it()
    {
        var docx = OfficialDocument.Write(new OfficialDocument.Content("行政复议决定书", "环翠复决〔2026〕1号", null, ["正文。"], "威海市环翠区人民政府", "2026年5月8日")
        { Organ = "威海市环翠区人民政府", Seal = true });
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        paragraphs[0].InnerText.ShouldBe("威海市环翠区人民政府");
        paragraphs[1].InnerText.ShouldBe("行政复议决定书");
        var date = paragraphs[^1];
        var issuer = paragraphs[^2];
        date.InnerText.ShouldBe("2026年5月8日");
        int Right(Paragraph p) => int.Parse(p.ParagraphProperties!.Indentation!.Right!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        Right(date).ShouldBe(4 * 320);                      // 右空四字 (三号 = 16 pt = 320 twips)
        // The issuer (10 characters) is wider than the date (3 CJK + 6 half-width digits = 6 cells): centred over it.
        (Right(issuer) + OfficialDocument.TextWidth("威海市环翠区人民政府") / 2).ShouldBe(Right(date) + OfficialDocument.TextWidth("2026年5月8日") / 2);
        paragraphs.ShouldContain(p => p.InnerText == "（印章）");
    }
}
