using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.UnitTests.Kernel;

public sealed class FieldTemplateTests
{
    private sealed record Matter(string Applicant, string Number);

    private static readonly TemplateFieldSet<Matter> Fields = new(
        ("申请人", "申请人姓名", m => m.Applicant),
        ("案号", "案件编号", m => m.Number));

    [Fact]
    public void Fields_are_listed_in_order_of_first_use_with_spaces_ignored()
    {
        FieldTemplate.FieldsIn("{{案号}}：{{ 申请人 }}，再次{{案号}}，{单括号}不是字段").ShouldBe(["案号", "申请人"]);
    }

    [Fact]
    public void Known_fields_are_filled()
    {
        Fields.Fill("申请人{{申请人}}（案号：{{ 案号 }}）", new Matter("张三", "环翠复〔2026〕5号"))
            .ShouldBe("申请人张三（案号：环翠复〔2026〕5号）");
    }

    [Fact]
    public void A_value_containing_braces_is_printed_as_typed_not_expanded()
    {
        Fields.Fill("{{申请人}}；{{案号}}", new Matter("{{案号}}公司", "X1")).ShouldBe("{{案号}}公司；X1");
    }

    [Fact]
    public void An_unknown_field_is_refused_naming_it_and_listing_the_valid_ones()
    {
        var e = Should.Throw<FazhiValidationException>(() => FieldTemplate.EnsureValid("{{申请人姓名}}不服{{被申请人}}", Fields));
        var message = e.Errors["body"].ShouldHaveSingleItem();
        message.ShouldBe("模板中有未知字段：{{申请人姓名}}、{{被申请人}}。可用字段：{{申请人}}、{{案号}}");
    }

    [Fact]
    public void An_unclosed_field_is_refused()
    {
        var e = Should.Throw<FazhiValidationException>(() => FieldTemplate.EnsureValid("申请人{{申请人", Fields, "text"));
        e.Errors["text"].ShouldHaveSingleItem().ShouldContain("没有对应的“}}”");
    }

    [Fact]
    public void A_valid_template_passes()
    {
        FieldTemplate.Problems("{{申请人}}于{{案号}}。单个 { 或 } 照常打印。", Fields).ShouldBeEmpty();
    }

    [Fact]
    public void Filling_a_stored_template_with_an_unknown_field_is_a_conflict_not_a_document_with_braces()
    {
        var e = Should.Throw<ConflictException>(() => Fields.Fill("{{申请日期}}", new Matter("张三", "X")));
        e.Message.ShouldContain("{{申请日期}}");
    }

    [Fact]
    public void A_field_set_refuses_duplicate_or_braced_names()
    {
        Should.Throw<ArgumentException>(() => new TemplateFieldSet([new TemplateField("案号", ""), new TemplateField("案号", "")]));
        Should.Throw<ArgumentException>(() => new TemplateFieldSet([new TemplateField("{案号}", "")]));
    }
}
