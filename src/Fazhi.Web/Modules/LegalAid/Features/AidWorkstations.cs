using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

public sealed record WorkstationRequest(string? Name, string? Host, string? Address, DateOnly? OpenedOn, bool? Active);

public sealed record DutyRequest(long? ProviderId, bool? OnDuty);

public sealed record DutyLawyerRow(long Id, string Name, string? Firm, int PracticeYears, string? PhoneMasked);

/// <summary>
/// 法律援助工作站 ([001]: 7 in the court, procuratorate, 妇联 …) and their 值班律师 (法律援助法第十四条: 法律援助机构可以在人民法院、
/// 人民检察院和看守所等场所派驻值班律师): set up, edit, close, and the duty roster of each (a duty lawyer is a 律师 and sits
/// at one workstation).
/// </summary>
public sealed class AidWorkstations(FazhiDb db)
{
    private DateOnly Today => DateOnly.FromDateTime(ChinaTime.Now(db.Clock));

    private async Task<AidWorkstation> GetAsync(long id, CancellationToken ct) =>
        await db.AidWorkstations().FirstOrDefaultAsync(w => w.Id == id, ct)
        ?? throw new NotFoundException($"工作站（编号{id}）不存在或不在您的数据权限范围内。");

    private async Task ValidateAsync(WorkstationRequest r, long? self, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > 100)
            errors["name"] = ["请填写工作站名称（不超过100个字符）"];
        else if (await db.AidWorkstations().AnyAsync(w => w.Name == r.Name.Trim() && w.Id != self, ct))
            errors["name"] = [$"工作站“{r.Name.Trim()}”已存在"];
        if (string.IsNullOrWhiteSpace(r.Host) || r.Host.Trim().Length > 100)
            errors["host"] = ["请填写所在单位（如人民法院、人民检察院、妇联，不超过100个字符）"];
        if (r.Address is { Length: > 200 })
            errors["address"] = ["地址不能超过200个字符"];
        if (r.OpenedOn is null)
            errors["openedOn"] = ["请填写设立日期"];
        else if (r.OpenedOn > Today)
            errors["openedOn"] = ["设立日期不能晚于今天"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
    }

    public async Task<WorkstationRow> CreateAsync(WorkstationRequest r, CancellationToken ct)
    {
        var unit = db.Actor.OrgUnitId ?? throw FazhiValidationException.For("orgCode", "平台管理员没有所属机构，请以法律援助中心账号新设工作站");
        await ValidateAsync(r, null, ct);
        var w = new AidWorkstation
        {
            OrgUnitId = unit, Name = r.Name!.Trim(), Host = r.Host!.Trim(), Address = string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim(),
            OpenedOn = r.OpenedOn!.Value, Active = r.Active ?? true,
        };
        db.AidWorkstations().Add(w);
        await db.SaveChangesAsync(ct);
        return new WorkstationRow(w.Id, w.Name, w.Host, w.Address, Kernel.Calendar.HolidayFile.Iso(w.OpenedOn), w.Active, 0, 0);
    }

    /// <summary>修改; closing a workstation (Active = false) takes its duty lawyers off duty there, in the same transaction.</summary>
    public async Task<WorkstationRow> UpdateAsync(long id, WorkstationRequest r, CancellationToken ct)
    {
        var w = await GetAsync(id, ct);
        await ValidateAsync(r, id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        w.Name = r.Name!.Trim();
        w.Host = r.Host!.Trim();
        w.Address = string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim();
        w.OpenedOn = r.OpenedOn!.Value;
        w.Active = r.Active ?? w.Active;
        if (!w.Active)
            foreach (var p in await db.AidProviders().Where(p => p.WorkstationId == id).ToListAsync(ct))
            {
                p.DutyLawyer = false;
                p.WorkstationId = null;
            }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var duty = await db.AidProviders().CountAsync(p => p.WorkstationId == id && p.DutyLawyer && p.Active, ct);
        var apps = await db.AidCases().CountAsync(c => c.WorkstationId == id, ct);
        return new WorkstationRow(w.Id, w.Name, w.Host, w.Address, Kernel.Calendar.HolidayFile.Iso(w.OpenedOn), w.Active, duty, apps);
    }

    public async Task<List<DutyLawyerRow>> DutyAsync(long id, CancellationToken ct)
    {
        _ = await GetAsync(id, ct);
        var list = await db.AidProviders().AsNoTracking().Where(p => p.WorkstationId == id && p.DutyLawyer && p.Active).OrderBy(p => p.Name).ToListAsync(ct);
        return [.. list.Select(p => new DutyLawyerRow(p.Id, p.Name, p.Firm, p.PracticeYears, PersonalData.MaskPhone(p.Phone)))];
    }

    /// <summary>安排值班 (OnDuty) or 撤下: a lawyer on the roster; one already on duty elsewhere moves here.</summary>
    public async Task<List<DutyLawyerRow>> SetDutyAsync(long id, DutyRequest r, CancellationToken ct)
    {
        var w = await GetAsync(id, ct);
        if (r.ProviderId is not { } pid)
            throw FazhiValidationException.For("providerId", "请从名册中选择律师");
        var p = await db.AidProviders().FirstOrDefaultAsync(x => x.Id == pid && x.Active, ct)
            ?? throw FazhiValidationException.For("providerId", "所选人员不在本机构的在册名单中");
        if (r.OnDuty != false)
        {
            if (!w.Active)
                throw new ConflictException($"工作站“{w.Name}”已撤销，不能安排值班律师。");
            if (p.Kind != ProviderKind.Lawyer)
                throw FazhiValidationException.For("providerId", $"值班律师应为律师（法律援助法第十四条），{p.Name}是{AidNames.Of(p.Kind)}");
            p.DutyLawyer = true;
            p.WorkstationId = id;
        }
        else if (p.WorkstationId == id)
        {
            p.DutyLawyer = false;
            p.WorkstationId = null;
        }
        else
            throw FazhiValidationException.For("providerId", $"{p.Name}不是本工作站的值班律师");
        await db.SaveChangesAsync(ct);
        return await DutyAsync(id, ct);
    }
}
