using Fazhi.Web.Data;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Features;

/// <summary>
/// 收到申请 without duplicates: the form carries a one-time token (a second post of it answers with the first case, a unique
/// index settles two posts at once), and an application by the same applicant against the same respondent and the same act
/// within 30 days is flagged for the clerk to confirm (第三十条第一款第七项: 未受理过该申请人就同一行政行为提出的申请).
/// </summary>
public static class IntakeGuard
{
    public const int DuplicateWindowDays = 30;

    public static async Task<long?> ExistingAsync(FazhiDb db, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token))
            return null;
        // The same user posted the first form: a scoped query finds it.
        var id = await db.ReconCases().Where(c => c.IntakeToken == token).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        return id;
    }

    public static void Validate(IntakeRequest r, Dictionary<string, string[]> errors)
    {
        if (r.SubmissionToken is { Length: > 64 })
            errors["submissionToken"] = ["表单标识过长"];
        if (r.ActName is { Length: > 100 })
            errors["actName"] = ["行政行为名称不能超过100个字符"];
        if (r.ActDocumentNumber is { Length: > 64 })
            errors["actDocumentNumber"] = ["行政行为文号不能超过64个字符"];
        if (r.ActAgency is { Length: > 64 })
            errors["actAgency"] = ["作出行政行为的机关不能超过64个字符"];
        if (r.RightLearnedOn is { } right)
        {
            if (r.NotToldOfRight != true)
                errors["rightLearnedOn"] = ["只有行政机关未告知复议权利、复议机关或期限时才填写知道之日（第二十条第三款）"];
            else if (r.LearnedOn is { } learned && right < learned)
                errors["rightLearnedOn"] = ["知道复议权利之日不能早于知道行政行为之日"];
            else if (r.ReceivedAt is { } at && right > DateOnly.FromDateTime(Kernel.ChinaTime.ToChina(ReconCaseService.ToUtc(at))))
                errors["rightLearnedOn"] = ["知道复议权利之日不能晚于收到申请之日"];
        }
    }

    /// <summary>A same-applicant, same-respondent, same-act case received within 30 days (not void): its number and date.</summary>
    public static async Task<string?> DuplicateAsync(FazhiDb db, IntakeRequest r, int respondentId, DateOnly receivedOn, CancellationToken ct)
    {
        var from = receivedOn.AddDays(-DuplicateWindowDays);
        var to = receivedOn.AddDays(DuplicateWindowDays);
        var name = r.ApplicantName?.Trim();
        var candidates = await db.ReconCases().AsNoTracking()
            .Where(c => c.ApplicantName == name && c.RespondentOrgUnitId == respondentId && c.Status != CaseStatus.Voided && c.ReceivedOn >= from && c.ReceivedOn <= to)
            .Select(c => new { c.CaseNumber, c.ReceivedOn, c.Matter, c.ActDocumentNumber, c.ActDate })
            .ToListAsync(ct);
        var same = candidates.FirstOrDefault(c =>
            !string.IsNullOrWhiteSpace(r.ActDocumentNumber) && !string.IsNullOrWhiteSpace(c.ActDocumentNumber)
                ? string.Equals(c.ActDocumentNumber.Trim(), r.ActDocumentNumber.Trim(), StringComparison.Ordinal)
                : string.Equals(c.Matter.Trim(), r.Matter?.Trim(), StringComparison.Ordinal) || r.ActDate is not null && c.ActDate == r.ActDate);
        return same is null ? null : $"{same.CaseNumber}（{same.ReceivedOn:yyyy-MM-dd}收到）";
    }

    public static void Fill(ReconCase c, IntakeRequest r, DateTime quickContactDueUtc)
    {
        c.RealProperty = r.RealProperty == true;
        c.NotToldOfRight = r.NotToldOfRight == true;
        c.RightLearnedOn = r.RightLearnedOn;
        c.ActName = Trim(r.ActName);
        c.ActDocumentNumber = Trim(r.ActDocumentNumber);
        c.ActAgency = Trim(r.ActAgency);
        c.IntakeToken = Trim(r.SubmissionToken);
        c.QuickContactDueUtc = quickContactDueUtc;
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
