using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>增加当事人: another applicant, the 代表人 (第十五条), a 第三人 (第十六条) or an agent with the authorisation (第十七条).</summary>
public sealed class AddParty : ICaseAction
{
    public CaseAction Action => CaseAction.AddParty;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
    [
        ActionField.Select(nameof(ActionRequest.PartyRole), "角色", PartyRules.Roles),
        new(nameof(ActionRequest.PartyName), "姓名或名称", FieldKind.Text),
        new(nameof(ActionRequest.PartyIdNumber), "身份证号或统一社会信用代码", FieldKind.Text, Required: false),
        new(nameof(ActionRequest.PartyPhone), "联系电话", FieldKind.Text, Required: false),
        new(nameof(ActionRequest.ActsFor), "委托人（代理人填写）", FieldKind.Text, Required: false),
        new(nameof(ActionRequest.Authorisation), "委托事项、权限和期限（代理人填写）", FieldKind.Text, Required: false),
    ];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        c.EnsureAllowed(Action);
        var role = ReconNames.Parse<PartyRole>(r.PartyRole, PartyNames.Of)
            ?? throw FazhiValidationException.For("partyRole", "角色应为" + string.Join("、", PartyRules.Roles));
        var name = r.PartyName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
            throw FazhiValidationException.For("partyName", "请填写姓名或名称（不超过100个字符）");
        var id = string.IsNullOrWhiteSpace(r.PartyIdNumber) ? null : r.PartyIdNumber.Trim().ToUpperInvariant();
        if (id is not null && IdentityNumber.Validate(id) is { } idProblem && UnifiedSocialCreditCode.Validate(id) is not null)
            throw FazhiValidationException.For("partyIdNumber", idProblem);
        var phone = string.IsNullOrWhiteSpace(r.PartyPhone) ? null : r.PartyPhone.Trim();
        if (phone is not null && !PersonalData.IsMobileOrLandline(phone))
            throw FazhiValidationException.For("partyPhone", "电话号码格式不对");
        if (r.Authorisation is { Length: > 200 })
            throw FazhiValidationException.For("authorisation", "委托事项、权限和期限不能超过200个字符");
        var party = new CaseParty
        {
            Role = role, Name = name, IdNumber = id, Phone = phone,
            Authorisation = role == PartyRole.Agent ? r.Authorisation?.Trim() : null,
            ActsFor = role == PartyRole.Agent ? r.ActsFor?.Trim() : null,
        };
        PartyRules.Check(c, party);
        c.AddParty(party, x.Actor, x.NowUtc);
    }
}
