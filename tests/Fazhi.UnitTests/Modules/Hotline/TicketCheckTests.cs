using System.Text.Json;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Modules.Hotline.Features.Tickets;

namespace Fazhi.UnitTests.Modules.Hotline;

public sealed class TicketCheckTests
{
    private static readonly DateTime Now = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    private static readonly OrgIndex Orgs = new(
    [
        new OrgUnit { Id = 1, Code = "371002", Name = "环翠区", Kind = OrgKind.District, Path = "/371002/" },
        new OrgUnit { Id = 2, Code = "371002001", Name = "鲸园街道", Kind = OrgKind.Town, ParentId = 1, Path = "/371002/371002001/" },
        new OrgUnit { Id = 3, Code = "371002-ZHZF", Name = "环翠区综合行政执法局", Kind = OrgKind.EnforcementDepartment, ParentId = 1, Path = "/371002/371002-ZHZF/" },
        new OrgUnit { Id = 4, Code = "371082", Name = "荣成市", Kind = OrgKind.District, Path = "/371082/" },
        new OrgUnit { Id = 5, Code = "371082-ZHZF", Name = "荣成市综合行政执法局", Kind = OrgKind.EnforcementDepartment, ParentId = 4, Path = "/371082/371082-ZHZF/" },
    ]);

    private static (List<string> Errors, Fazhi.Web.Modules.Hotline.Domain.HotlineTicket? Row) Check(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var (input, errors) = TicketJson.Read(doc.RootElement);
        var row = TicketIngestion.Check(input!, Orgs, DataScope.All, Now, errors);
        return (errors, row);
    }

    [Fact]
    public void A_good_ticket_belongs_to_its_departments_district_and_names_its_street_and_community()
    {
        var (errors, row) = Check("""{"ticketNo":"A1","receivedAt":"2026-06-01 09:00:00","place":"鲸园街道海港社区新威路1号","text":"占道经营","department":"荣成市综合行政执法局","reassignments":[{"at":"2026-06-01 10:00","to":"371002-ZHZF","kind":"转办"},{"at":"2026-06-02 10:00","from":"371002-ZHZF","kind":"退单","reason":"非本单位职责"}]}""");
        errors.ShouldBeEmpty();
        row!.TownCode.ShouldBe("371002001");
        row.Community.ShouldBe("海港社区");
        row.OrgUnitId.ShouldBe(4);                       // the assigned department's district, not the place's
        row.ReceivedAtUtc.ShouldBe(new DateTime(2026, 6, 1, 1, 0, 0, DateTimeKind.Utc));
        (row.Reassignments, row.Bounces).ShouldBe((1, 1));
        Check("""{"ticketNo":"A2","receivedAt":"2026-06-01 09:00:00","place":"鲸园海港社区","text":"x"}""").Row!.OrgUnitId.ShouldBe(1); // unassigned: the place's
    }

    [Fact]
    public void Each_fault_is_named()
    {
        Check("""{"ticketNo":"B1","receivedAt":"2026-06-01 09:00","place":"鲸园街道","text":"  "}""").Errors.ShouldContain(e => e.StartsWith("text：诉求内容不能为空"));
        var big = new string('很', 5 * 1024 * 1024 / 3);
        Check($$"""{"ticketNo":"B2","receivedAt":"2026-06-01 09:00","place":"鲸园街道","text":"{{big}}"}""").Errors.ShouldContain(e => e.StartsWith("text：诉求内容最长4000字"));
        var unknown = Check("""{"ticketNo":"B3","receivedAt":"2026-06-01 09:00","place":"鲸园街道","text":"x","urgency":"高"}""").Errors;
        unknown.ShouldContain(e => e.Contains("未知字段“urgency”", StringComparison.Ordinal) && e.Contains("ticketNo、receivedAt", StringComparison.Ordinal));
        Check("""{"ticketNo":"B4","receivedAt":"2026-06-01 09:00","place":"鲸园街道","text":"x","reassignments":[{"at":"2026-06-03 09:00","kind":"转办"},{"at":"2026-06-02 09:00","kind":"退单","reason":"r"}]}""")
            .Errors.ShouldContain(e => e.StartsWith("reassignments[1].at：流转记录时间顺序错误"));
        Check("""{"ticketNo":"B5","receivedAt":"2026-06-01 09:00","place":"某某路12号","text":"x"}""").Errors.ShouldContain(e => e.StartsWith("place：地址“某某路12号”未匹配到任何街道"));
        Check("""{"ticketNo":"B6","receivedAt":"2026-06-01 09:00","place":"鲸园街道","text":"x","reassignments":[{"at":"2026-06-02 09:00","kind":"退单"}]}""")
            .Errors.ShouldContain(e => e.StartsWith("reassignments[0].reason：退单须写明理由"));
        Check("""{"ticketNo":"B7","receivedAt":"2026-06-01 09:00","place":"鲸园街道","text":"x","mergedInto":"B1"}""").Errors.ShouldContain(e => e.StartsWith("mergeReason"));
    }

    [Fact]
    public void A_district_account_cannot_name_another_districts_department()
    {
        using var doc = JsonDocument.Parse("""{"ticketNo":"C1","receivedAt":"2026-06-01 09:00","place":"鲸园街道","text":"x","department":"371082-ZHZF"}""");
        var (input, errors) = TicketJson.Read(doc.RootElement);
        TicketIngestion.Check(input!, Orgs, DataScope.Under("/371002/"), Now, errors).ShouldBeNull();
        errors.ShouldContain(e => e.StartsWith("department：承办单位“371082-ZHZF”不存在或不在本账号的范围内"));
    }
}
