using System.Text.RegularExpressions;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Orgs;

/// <summary>An org unit; <c>OfficialName</c> (机构全称, for documents) is null when not entered.</summary>
public sealed record OrgDto(string Code, string Name, string Kind, string KindName, string? ParentCode, bool IsActive, int Depth, string? OfficialName = null);

/// <summary>A new unit; <c>OfficialName</c> (机构全称 for documents, e.g. 威海市环翠区人民政府) is optional.</summary>
public sealed record CreateOrgRequest(string? Code, string? Name, string? Kind, string? ParentCode, string? OfficialName = null);

/// <summary>A new name; <c>OfficialName</c> (机构全称) is left as it is when absent (null) and cleared when empty.</summary>
public sealed record RenameOrgRequest(string? Name, string? OfficialName = null);

public sealed record MoveOrgRequest(string? ParentCode);

/// <summary>The org-tree handlers, shared by the API and the pages.</summary>
public sealed partial class OrgService(FazhiDb db)
{
    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z-]{1,31}$")]
    private static partial Regex CodePattern();

    private sealed class CreateValidator : AbstractValidator<CreateOrgRequest>
    {
        public CreateValidator()
        {
            RuleFor(r => r.Code).NotEmpty().WithMessage("机构代码不能为空")
                .Must(c => c is null || CodePattern().IsMatch(c)).WithMessage("机构代码只能由字母、数字和“-”组成，2至32位");
            RuleFor(r => r.Name).PlainName("机构名称", OrgLimits.NameLength);
            RuleFor(r => r.Kind).NotEmpty().WithMessage("机构类型不能为空")
                .Must(k => k is null || ParseKind(k) is not null).WithMessage("机构类型不存在");
            RuleFor(r => r.OfficialName).PlainName(OfficialNameLabel, OrgLimits.NameLength).When(r => !string.IsNullOrEmpty(r.OfficialName));
        }
    }

    private sealed class RenameValidator : AbstractValidator<RenameOrgRequest>
    {
        public RenameValidator()
        {
            RuleFor(r => r.Name).PlainName("机构名称", OrgLimits.NameLength);
            RuleFor(r => r.OfficialName).PlainName(OfficialNameLabel, OrgLimits.NameLength).When(r => !string.IsNullOrEmpty(r.OfficialName));
        }
    }

    private const string OfficialNameLabel = "机构全称";

    private static readonly CreateValidator CreateRules = new();
    private static readonly RenameValidator RenameRules = new();

    /// <summary>Accepts the enum name (<c>District</c>) or the Chinese name (<c>区县</c>).</summary>
    public static OrgKind? ParseKind(string value) =>
        Enum.TryParse<OrgKind>(value, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(value, out _) ? k
        : Enum.GetValues<OrgKind>().Cast<OrgKind?>().FirstOrDefault(x => x!.Value.ChineseName() == value);

    public async Task<List<OrgDto>> ListAsync(bool includeInactive, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking()
            .Where(o => includeInactive || o.IsActive)
            .OrderBy(o => o.Path)
            .ToListAsync(ct);
        return [.. units.Select(ToDto)];
    }

    public async Task<OrgUnit> GetAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw new NotFoundException("请指定机构代码。");
        var upper = code.ToUpperInvariant();
        return await db.OrgUnits.FirstOrDefaultAsync(o => o.Code == upper, ct) ?? throw new NotFoundException($"机构“{code}”不存在或不在您的数据权限范围内。");
    }

    /// <summary>The parent's code is read from the path, so a district user sees that 环翠区 sits under 371000
    /// without being able to open 威海市 itself.</summary>
    public static OrgDto ToDto(OrgUnit o) =>
        new(o.Code, o.Name, o.Kind.ToString(), o.Kind.ChineseName(), OrgUnit.ParentCodeOf(o.Path), o.IsActive, o.Depth, o.OfficialName);

    public async Task<OrgUnit> CreateAsync(CreateOrgRequest request, CancellationToken ct)
    {
        // Codes are kept in upper case: SQLite's LIKE ignores ASCII case, PostgreSQL's does not; one spelling each.
        request = request with { Code = request.Code?.Trim().ToUpperInvariant(), ParentCode = request.ParentCode?.Trim().ToUpperInvariant() };
        var errors = CreateRules.ErrorsOf(request);
        if (!errors.ContainsKey("code") && await db.OrgUnits.ForUniquenessCheck().AnyAsync(o => o.Code == request.Code, ct))
            errors["code"] = [$"机构代码“{request.Code}”已存在"];
        if (errors.ContainsKey("kind"))
            throw new FazhiValidationException(errors);
        var kind = ParseKind(request.Kind!)!.Value;
        OrgUnit? parent = null;
        if (string.IsNullOrEmpty(request.ParentCode))
        {
            if (kind.AllowedParents().Count > 0)
                errors["parentCode"] = [$"{kind.ChineseName()}必须指定上级机构"];
            else if (!db.Actor.Scope.IsAll)
                errors["parentCode"] = ["只有平台管理员可以新增省级机构"];
        }
        else
        {
            parent = await db.OrgUnits.FirstOrDefaultAsync(o => o.Code == request.ParentCode, ct);
            if (parent is null)
                errors["parentCode"] = [$"上级机构“{request.ParentCode}”不存在或不在您的数据权限范围内"];
            else if (!kind.AllowedParents().Contains(parent.Kind))
                errors["parentCode"] = [$"{kind.ChineseName()}不能设在{parent.Kind.ChineseName()}之下"];
            else if (!parent.IsActive)
                errors["parentCode"] = [$"上级机构“{parent.Name}”已停用"];
        }
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var unit = new OrgUnit
        {
            Code = request.Code!,
            Name = request.Name!,
            OfficialName = string.IsNullOrEmpty(request.OfficialName) ? null : request.OfficialName,
            Kind = kind,
            ParentId = parent?.Id,
            Parent = parent,
            Path = OrgUnit.PathOf(parent, request.Code!),
            Depth = (parent?.Depth ?? -1) + 1,
        };
        if (unit.Path.Length > OrgLimits.PathLength)
            throw FazhiValidationException.For("parentCode", "机构层级过深");
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        db.Orgs.Forget();
        return unit;
    }

    public async Task<OrgUnit> RenameAsync(string code, RenameOrgRequest request, CancellationToken ct)
    {
        RenameRules.ThrowIfInvalid(request);
        var unit = await GetAsync(code, ct);
        unit.Name = request.Name!;
        if (request.OfficialName is not null)
            unit.OfficialName = request.OfficialName.Length == 0 ? null : request.OfficialName;
        await db.SaveChangesAsync(ct);
        db.Orgs.Forget();
        return unit;
    }

    /// <summary>Moves a unit (and its subtree) under a new parent; refuses cycles and disallowed parent kinds.</summary>
    public async Task<OrgUnit> MoveAsync(string code, MoveOrgRequest request, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.ParentCode))
            throw FazhiValidationException.For("parentCode", "请选择新的上级机构");
        var unit = await GetAsync(code, ct);
        var parentCode = request.ParentCode.ToUpperInvariant();
        var parent = await db.OrgUnits.FirstOrDefaultAsync(o => o.Code == parentCode, ct)
            ?? throw FazhiValidationException.For("parentCode", $"上级机构“{request.ParentCode}”不存在或不在您的数据权限范围内");
        if (ScopeRules.WouldCreateCycle(unit.Path, parent.Path))
            throw FazhiValidationException.For("parentCode", "不能把机构移到它自己或它的下级机构之下");
        if (!unit.Kind.AllowedParents().Contains(parent.Kind))
            throw FazhiValidationException.For("parentCode", $"{unit.Kind.ChineseName()}不能设在{parent.Kind.ChineseName()}之下");
        if (parent.Id == unit.ParentId)
            return unit;

        var oldPath = unit.Path;
        var newPath = OrgUnit.PathOf(parent, unit.Code);
        var depthDelta = parent.Depth + 1 - unit.Depth;
        if (newPath.Length + await db.OrgUnits.WholeOrgTree().Where(o => o.Path.StartsWith(oldPath)).MaxAsync(o => o.Path.Length - oldPath.Length, ct) > OrgLimits.PathLength)
            throw FazhiValidationException.For("parentCode", "移动后机构层级过深");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.AcquireWriteLockAsync(ct);
        unit.ParentId = parent.Id;
        unit.Parent = parent;
        unit.Path = newPath;
        unit.Depth += depthDelta;
        await db.SaveChangesAsync(ct);
        // Descendants' paths are derived from the moved unit's: rewritten set-based; the move itself is audited above.
#pragma warning disable CA1845 // Substring is what EF Core translates to SQL here
        await db.OrgUnits.WholeOrgTree()
            .Where(o => o.Path.StartsWith(oldPath) && o.Id != unit.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Path, o => newPath + o.Path.Substring(oldPath.Length))
                .SetProperty(o => o.Depth, o => o.Depth + depthDelta), ct);
#pragma warning restore CA1845
        await db.AppendEventAsync(Audit.AuditActions.Update, nameof(OrgUnit), unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), unit.Id,
            System.Text.Json.JsonSerializer.Serialize(new { SubtreeMoved = oldPath, To = newPath }), ct: ct);
        await tx.CommitAsync(ct);
        db.Orgs.Forget();
        return unit;
    }

    /// <summary>停用/启用. Units are never deleted: records keep pointing at them.</summary>
    public async Task<OrgUnit> SetActiveAsync(string code, bool active, CancellationToken ct)
    {
        var unit = await GetAsync(code, ct);
        if (!active && await db.OrgUnits.AnyAsync(o => o.ParentId == unit.Id && o.IsActive, ct))
            throw new ConflictException($"“{unit.Name}”还有启用的下级机构，请先停用下级机构。");
        if (active && unit.ParentId is { } parentId && !(await db.Orgs.GetAsync(parentId, ct)).IsActive)
            throw new ConflictException("上级机构已停用，请先启用上级机构。");
        unit.IsActive = active;
        await db.SaveChangesAsync(ct);
        db.Orgs.Forget();
        return unit;
    }
}
