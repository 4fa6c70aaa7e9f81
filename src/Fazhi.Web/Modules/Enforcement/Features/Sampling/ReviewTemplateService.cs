using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features.Sampling;

public sealed record TemplateItemInput(string? Code, string? Name, decimal? Points);

public sealed record TemplateRequest(string? Name, IReadOnlyList<TemplateItemInput>? Items);

public sealed record TemplateItemDto(string Code, string Name, decimal Points);

public sealed record TemplateDto(long Id, string Name, string Owner, decimal FullMarks, IReadOnlyList<TemplateItemDto> Items, int Draws);

/// <summary>评查模板: the items a reviewer scores a file on, each with its points; 满分 is their sum.</summary>
public sealed class ReviewTemplateService(FazhiDb db, ICurrentUser user)
{
    public const int MaxItems = 50;

    public async Task<List<TemplateDto>> ListAsync(CancellationToken ct)
    {
        var list = await db.ReviewTemplates().AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        var owners = await db.Orgs.NamesAsync(list.Select(t => t.OrgUnitId), ct);
        var ids = list.Select(t => (long?)t.Id).ToList();
        var draws = await db.SamplingDraws().Where(d => ids.Contains(d.TemplateId)).GroupBy(d => d.TemplateId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. list.Select(t => ToDto(t, owners[t.OrgUnitId], draws.GetValueOrDefault(t.Id)))];
    }

    public async Task<TemplateDto> GetAsync(long id, CancellationToken ct)
    {
        var t = await FindAsync(id, ct);
        return await DtoAsync(t, ct);
    }

    public async Task<TemplateDto> CreateAsync(TemplateRequest request, CancellationToken ct)
    {
        SamplingService.RequireEditor(user);
        var (name, items) = Check(request);
        var owner = user.OrgUnitId ?? throw FazhiValidationException.For("name", "评查模板属于创建人所在机构，平台管理员请使用所属机构的账号创建");
        var t = new ReviewTemplate { OrgUnitId = owner, Name = name, Items = items };
        db.ReviewTemplates().Add(t);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(t, ct);
    }

    /// <summary>Renaming is always allowed; the items may change only while no file has been scored against them,
    /// since a score is the sum of the items it was given on.</summary>
    public async Task<TemplateDto> UpdateAsync(long id, TemplateRequest request, CancellationToken ct)
    {
        SamplingService.RequireEditor(user);
        var t = await FindAsync(id, ct);
        var (name, items) = Check(request);
        var same = t.Items.Count == items.Count && t.Items.Zip(items).All(p => p.First.Code == p.Second.Code && p.First.Name == p.Second.Name && p.First.Points == p.Second.Points);
        if (!same && await UsedForScoringAsync(id, ct))
            throw new ConflictException("该模板已用于评查打分，不能再修改评查项；如需调整，请另建模板。");
        t.Name = name;
        if (!same)
            t.Items = items;
        await db.SaveChangesAsync(ct);
        return await DtoAsync(t, ct);
    }

    public async Task DeleteAsync(long id, CancellationToken ct)
    {
        SamplingService.RequireEditor(user);
        var t = await FindAsync(id, ct);
        if (await db.SamplingDraws().ForJointWork().AnyAsync(d => d.TemplateId == id, ct))
            throw new ConflictException("该模板已被抽样使用，不能删除。");
        db.ReviewTemplates().Remove(t);
        await db.SaveChangesAsync(ct);
    }

    private Task<bool> UsedForScoringAsync(long id, CancellationToken ct) =>
        (from d in db.SamplingDraws().ForJointWork() // draws of the units below that use the template, and their scores
         join s in db.SampledRecords() on d.Id equals s.DrawId
         where d.TemplateId == id && s.Score != null
         select s.Id).AnyAsync(ct);

    public async Task<ReviewTemplate> FindAsync(long id, CancellationToken ct) =>
        await db.ReviewTemplates().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("评查模板不存在或不在您的数据权限范围内。");

    private async Task<TemplateDto> DtoAsync(ReviewTemplate t, CancellationToken ct)
    {
        var owner = (await db.Orgs.GetAsync(t.OrgUnitId, ct)).Name;
        var draws = await db.SamplingDraws().CountAsync(d => d.TemplateId == t.Id, ct);
        return ToDto(t, owner, draws);
    }

    public static TemplateDto ToDto(ReviewTemplate t, string owner, int draws) =>
        new(t.Id, t.Name, owner, t.FullMarks, [.. t.Items.Select(i => new TemplateItemDto(i.Code, i.Name, i.Points))], draws);

    private static (string Name, List<ReviewTemplateItem> Items) Check(TemplateRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
            errors["name"] = ["模板名称不能为空，且不超过100个字符"];
        var items = new List<ReviewTemplateItem>();
        var inputs = request.Items ?? [];
        if (inputs.Count == 0)
            errors["items"] = ["请至少填写一个评查项"];
        else if (inputs.Count > MaxItems)
            errors["items"] = [$"评查项不能超过{MaxItems}个"];
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count && inputs.Count <= MaxItems; i++)
        {
            var problems = new List<string>();
            var code = inputs[i].Code?.Trim() ?? "";
            var itemName = inputs[i].Name?.Trim() ?? "";
            if (code.Length is 0 or > 32 || code.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                problems.Add("编码不能为空，不超过32个字符，不含空格");
            else if (!codes.Add(code))
                problems.Add($"编码“{code}”重复");
            if (itemName.Length is 0 or > 100)
                problems.Add("名称不能为空，且不超过100个字符");
            if (inputs[i].Points is not { } points || points <= 0 || points > 1000)
                problems.Add("分值应大于0且不超过1000");
            else if (decimal.Round(points, 2) != points)
                problems.Add("分值最多保留两位小数");
            if (problems.Count > 0)
                errors[$"items[{i.ToString(CultureInfo.InvariantCulture)}]"] = [.. problems.Select(p => $"第{i + 1}项：{p}")];
            else
                items.Add(new ReviewTemplateItem { Code = code, Name = itemName, Points = inputs[i].Points!.Value });
        }
        if (items.Sum(i => i.Points) > 1000)
            errors["items"] = ["满分（各评查项分值之和）不能超过1000分"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        return (name, items);
    }
}
