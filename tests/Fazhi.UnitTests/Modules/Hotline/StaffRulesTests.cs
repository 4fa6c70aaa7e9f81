using Fazhi.Web.Modules.Enforcement.Features;
using Fazhi.Web.Modules.Hotline.Features.Disputes;
using Fazhi.Web.Modules.Hotline.Rules;

namespace Fazhi.UnitTests.Modules.Hotline;

/// <summary>The staff side's pure rules: one field vocabulary for the figures, enterprise short names, paging of the ranking.</summary>
public sealed class StaffRulesTests
{
    [Theory]
    // The staff label wins over everything: its field, or 非执法事项 when staff said it is not about enforcement.
    [InlineData(true, "食品安全", true, "市场监管", "市场秩序", "食品安全", FieldSource.Label)]
    [InlineData(false, null, true, "市场监管", "市场秩序", "非执法事项", FieldSource.Label)]
    // Else the classifier: its field, or 非执法事项.
    [InlineData(null, null, true, "生态环境", "市容管理", "生态环境", FieldSource.Classifier)]
    [InlineData(null, null, false, null, "市容管理", "非执法事项", FieldSource.Classifier)]
    [InlineData(null, null, true, null, "市容管理", "未归类", FieldSource.Classifier)]
    // Else (no model) the centre's field mapped into the 执法事项清单's; a centre word never becomes a column.
    [InlineData(null, null, null, null, "市容管理", "市容环卫", FieldSource.Centre)]
    [InlineData(null, null, null, null, "城管执法", "城乡规划建设", FieldSource.Centre)]
    [InlineData(null, null, null, null, " 市场秩序 ", "市场监管", FieldSource.Centre)]
    [InlineData(null, null, null, null, "路灯照明", "未归类", FieldSource.Centre)]
    [InlineData(null, null, null, null, null, "未归类", FieldSource.Centre)]
    public void A_ticket_has_one_field_in_the_bureaus_vocabulary(bool? labelEnf, string? labelField, bool? modelEnf, string? modelField, string? centre,
        string expected, FieldSource source) =>
        FieldVocabulary.Of(labelEnf, labelField, modelEnf, modelField, centre).ShouldBe((expected, source));

    [Fact]
    public void Every_mapped_centre_field_lands_in_the_bureaus_list() =>
        FieldVocabulary.CentreMap.Values.Distinct().ShouldAllBe(f => Fazhi.Web.Modules.Hotline.Features.Triage.TriageVocabulary.DefaultFields.Contains(f));

    private static readonly IReadOnlyList<string> Places = EnterpriseShortName.Places(["山东省", "威海市", "环翠区", "荣成市"]);

    [Theory]
    [InlineData("威海鑫源餐饮有限公司", "鑫源餐饮")]
    [InlineData("威海市环翠区张记烧烤店", "张记烧烤店")]
    [InlineData("山东省威海市海之味食品股份有限公司", "海之味食品")]
    [InlineData("荣成市石岛渔业有限责任公司", "石岛渔业")]
    [InlineData("张记烧烤店", null)]              // nothing to take off: the full name is matched already
    [InlineData("威海金鼎有限公司", "威海金鼎")]     // 金鼎 alone (two characters) is too short to name one enterprise
    [InlineData("环翠区丰华超市", "丰华超市")]
    public void An_enterprises_short_name_drops_its_places_and_its_legal_form(string name, string? expected) =>
        EnterpriseShortName.Of(name, Places).ShouldBe(expected);

    private static ClusterView C(int rank) => new(rank, "k" + rank, "竹岛街道", null, "烧烤", 3, 3, 3, 0, 0, [], "", 1, null, []);

    [Theory]
    [InlineData(45, 1, 20, 45, 1, 20, 3)]
    [InlineData(45, 3, 20, 5, 3, 20, 3)]
    [InlineData(45, 9, 20, 5, 3, 20, 3)]   // past the end: the last page
    [InlineData(45, 0, 20, 20, 1, 20, 3)]  // before the start: the first
    [InlineData(0, 1, 20, 0, 1, 20, 1)]
    [InlineData(5, 1, 999, 5, 1, 200, 1)]  // at most 200 a page
    public void The_ranking_is_paged_whole(int total, int page, int size, int items, int expectedPage, int expectedSize, int pages)
    {
        var p = ClusterPage.Of([.. Enumerable.Range(1, total).Select(C)], page, size);
        (p.Total, p.Page, p.Size, p.PageCount).ShouldBe((total, expectedPage, expectedSize, pages));
        p.Items.Count.ShouldBe(Math.Min(items, expectedSize));
        if (p.Items.Count > 0)
            p.Items[0].Rank.ShouldBe((expectedPage - 1) * expectedSize + 1); // ranks are over the whole list
    }
}
