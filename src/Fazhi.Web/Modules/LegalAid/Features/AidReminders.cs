using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Messages;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

/// <summary>
/// 期限届满提醒: when the 审查 period (法律援助法第四十三条), the 指派 period after a grant (第四十三条) or after a 通知辩护/
/// 通知代理 (第三十六条) runs out with the step not taken, a 站内消息 goes to the 法律援助中心 staff who handle the case's
/// unit. The law sets no automatic consequence (unlike 复议's 视为受理), so the case itself is left as it is.
/// </summary>
internal sealed class AidTimerHandler(FazhiDb db, IMessages messages) : ITimerExpiryHandler
{
    public string Module => AidService.Module;

    public async Task OnExpiredAsync(WorkTimer timer, CancellationToken ct)
    {
        var c = await db.AidCases().AsNoTracking().FirstOrDefaultAsync(x => x.Id == timer.OwnerId, ct);
        if (c is null)
            return;
        var (title, body) = Text(timer.Kind, c.Number, c.ApplicantName, c.Channel == AidChannel.Notice ? c.NoticeAuthority : null, timer.DueOn);
        if (title is null)
            return;
        await messages.SendToHoldersAsync(Module, LegalAidPermissions.CaseHandle, c.OrgUnitId, title, body, $"/legal-aid/cases/{c.Id}", ct);
    }

    public static (string? Title, string? Body) Text(string kind, string number, string applicant, string? noticeAuthority, DateOnly due) => kind switch
    {
        AidDeadlines.Review => ($"法律援助申请{number}审查期限已届满", $"{applicant}的申请应在{due:yyyy-MM-dd}前作出是否给予法律援助的决定（法律援助法第四十三条），已超期，请尽快决定。"),
        AidDeadlines.Assign when noticeAuthority is not null => ($"通知辩护（代理）{number}指派期限已届满",
            $"收到{noticeAuthority}通知后应在{due:yyyy-MM-dd}前指派律师（法律援助法第三十六条），已超期，请立即指派。"),
        AidDeadlines.Assign => ($"法律援助案件{number}指派期限已届满", $"决定给予法律援助后应在{due:yyyy-MM-dd}前指派承办人员（法律援助法第四十三条），已超期，请立即指派。"),
        _ => (null, null),
    };
}
