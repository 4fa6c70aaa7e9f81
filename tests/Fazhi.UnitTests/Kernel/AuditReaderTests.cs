using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Modules.Enforcement;
using Fazhi.Web.Modules.Reconsideration;

namespace Fazhi.UnitTests.Kernel;

public sealed class AuditReaderTests
{
    private static readonly AuditReader Reader = new([new KernelAuditVocabulary(), new ReconAuditVocabulary(), new EnforcementAuditVocabulary()]);

    private static AuditRow Row(string action, string type, string? before, string? after, string? id = "9") =>
        new(42, new DateTime(2026, 3, 2, 1, 30, 5, DateTimeKind.Utc), "hc-recon", "环翠区司法局", action, type, id, before, after, "req-1", "127.0.0.1");

    [Fact]
    public void A_case_change_reads_in_chinese_with_beijing_time_and_the_id_number_masked()
    {
        var before = """{"ApplicantIdNumber":"370602199001011234","ApplicantKind":0,"CaseNumber":"环翠复〔2026〕5号","Status":0,"ReceivedAtUtc":"2026-03-01T16:30:00Z","DeemedAccepted":false,"RespondentOrgUnitId":7}""";
        var after = """{"ApplicantIdNumber":"370602199001011234","ApplicantKind":1,"CaseNumber":"环翠复〔2026〕5号","Status":2,"ReceivedAtUtc":"2026-03-01T17:30:00Z","DeemedAccepted":true,"RespondentOrgUnitId":7}""";
        var view = Reader.Present(Row(AuditActions.Update, "ReconCase", before, after), unmask: false, new Dictionary<int, string> { [7] = "环翠区市场监督管理局" });

        view.Time.ShouldBe("2026-03-02 09:30:05");
        view.Module.ShouldBe("行政复议");
        view.Operation.ShouldBe("修改");
        view.Target.ShouldBe("行政复议案件 环翠复〔2026〕5号");
        view.Changes.Select(c => c.Label).ShouldBe(["案件状态", "申请人类型", "收到申请时间", "视为受理"]);
        view.Changes.Single(c => c.Label == "案件状态").ShouldSatisfyAllConditions(c => c.Before.ShouldBe("审查中"), c => c.After.ShouldBe("审理中"));
        view.Changes.Single(c => c.Label == "申请人类型").After.ShouldBe("法人或者其他组织");
        view.Changes.Single(c => c.Label == "收到申请时间").After.ShouldBe("2026-03-02 01:30:00");
        view.Changes.Single(c => c.Label == "视为受理").After.ShouldBe("是");

        var created = Reader.Present(Row(AuditActions.Create, "ReconCase", null, after), unmask: false, new Dictionary<int, string> { [7] = "环翠区市场监督管理局" });
        created.Changes.Single(c => c.Label == "申请人证件号码").After.ShouldBe("3706**********1234");
        created.Changes.Single(c => c.Label == "被申请人机构").After.ShouldBe("环翠区市场监督管理局");
        created.Changes.ShouldNotContain(c => (c.After ?? "").Contains("199001011234"));

        var unmasked = Reader.Present(Row(AuditActions.Create, "ReconCase", null, after), unmask: true, new Dictionary<int, string>());
        unmasked.Changes.Single(c => c.Label == "申请人证件号码").After.ShouldBe("370602199001011234");
    }

    [Fact]
    public void A_document_is_logged_by_its_sm3_digest_and_old_entries_with_bytes_read_the_same()
    {
        var bytes = "PK fake docx"u8.ToArray();
        var digest = (string)AuditSnapshot.ValueOf(bytes)!;
        digest.ShouldStartWith("sm3:");
        digest.ShouldEndWith(";" + bytes.Length);
        digest.Length.ShouldBe(4 + 64 + 1 + bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        AuditSnapshot.ValueOf("text").ShouldBe("text");

        var newer = Reader.Present(Row(AuditActions.Create, "CaseDocument", null, $$"""{"Content":"{{digest}}","Number":"环翠复受〔2026〕3号","Kind":0}"""), false, new Dictionary<int, string>());
        var older = Reader.Present(Row(AuditActions.Create, "CaseDocument", null, $$"""{"Content":"{{Convert.ToBase64String(bytes)}}","Number":"环翠复受〔2026〕3号","Kind":0}"""), false, new Dictionary<int, string>());
        newer.Target.ShouldBe("法律文书 环翠复受〔2026〕3号");
        newer.Changes.Single(c => c.Label == "文件").After.ShouldBe($"文件 {bytes.Length} 字节，SM3 {digest[4..68]}");
        older.Changes.Single(c => c.Label == "文件").After.ShouldBe(newer.Changes.Single(c => c.Label == "文件").After);
        newer.Changes.Single(c => c.Label == "文书种类").After.ShouldBe("行政复议受理通知书");
    }

    [Fact]
    public void Modules_logins_and_unknown_types_are_named()
    {
        Reader.Modules.ShouldBe(["行政复议", "行政执法监督", "系统管理"]);
        Reader.EntityTypesOf("行政执法监督")!.ShouldContain("Officer");
        Reader.EntityTypesOf("不存在").ShouldBeNull();

        var login = Reader.Present(Row(AuditActions.Login, "AppUser", null, null), false, new Dictionary<int, string>());
        login.ShouldSatisfyAllConditions(v => v.Module.ShouldBe("系统管理"), v => v.Operation.ShouldBe("登录"), v => v.Target.ShouldBe("用户 hc-recon"));

        var officer = Reader.Present(Row(AuditActions.Create, "Officer", null, """{"Name":"张三","CertificateNumber":"37100200001","IdNumber":"37100219800101123X","Status":1}"""), false, new Dictionary<int, string>());
        officer.Target.ShouldBe("执法人员 张三（37100200001）");
        officer.Changes.Single(c => c.Label == "身份证号").After.ShouldBe("3710**********123X");
        officer.Changes.Single(c => c.Label == "证件状态").After.ShouldBe("暂扣");

        var foreign = Reader.Present(Row(AuditActions.Update, "Unknown", null, "tampered"), false, new Dictionary<int, string>());
        foreign.ShouldSatisfyAllConditions(v => v.Module.ShouldBe(AuditReader.OtherModule), v => v.Target.ShouldBe("Unknown #9"));
    }

    [Fact]
    public void Operations_parse_from_code_or_chinese()
    {
        AuditActions.Parse("修改").ShouldBe(AuditActions.Update);
        AuditActions.Parse("Login").ShouldBe(AuditActions.Login);
        AuditActions.Parse("查看个人信息明文").ShouldBe(AuditActions.UnmaskPersonalData);
        AuditActions.Parse("审批").ShouldBeNull();
    }

    [Fact]
    public void Only_the_platform_administrator_may_unmask_for_now()
    {
        AuditReader.UnmaskPermission.ShouldBe("system:audit:unmask");
        AuditReader.CanUnmask(new FakeUser([Roles.Admin], DataScope.All)).ShouldBeTrue();
        AuditReader.CanUnmask(new FakeUser([Roles.Admin], new DataScope(false, "/37/"))).ShouldBeFalse();
        AuditReader.CanUnmask(new FakeUser([Roles.Leader], DataScope.All)).ShouldBeFalse();
    }

    private sealed class FakeUser(string[] roles, DataScope scope) : ICurrentUser
    {
        public int? UserId => 1;
        public string UserName => "u";
        public int? OrgUnitId => null;
        public DataScope Scope => scope;
        public string? RequestId => null;
        public string? ClientAddress => null;
        public bool IsInRole(string role) => roles.Contains(role);
        public bool Can(string permission) => roles.Contains(Roles.Admin);
    }
}
