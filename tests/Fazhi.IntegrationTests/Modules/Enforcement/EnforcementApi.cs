using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Data;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.IntegrationTests.Modules.Enforcement;

/// <summary>Test data for the enforcement module: a catalogue, officers, records as departments send them.</summary>
public static class EnforcementApi
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>A valid 统一社会信用代码 (GB 32100 check digit) numbered <paramref name="n"/>.</summary>
    public static string Credit(int n)
    {
        var body = "91371002MA" + n.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += Alphabet.IndexOf(body[i], StringComparison.Ordinal) * Weights[i];
        var check = 31 - sum % 31;
        return body + Alphabet[check == 31 ? 0 : check];
    }

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Seeds (once per database) the item codes and officers the tests use: items T-PEN (penalty with a
    /// benchmark 一般: 2,000–10,000 yuan) and T-INS (inspection), owned by 环翠区司法局; officers of 市场监管局 with
    /// certificates C-A and C-B (valid 2020–2030), C-EXP (expired 2023-12-31) and C-REV (revoked 2024-03-01).</summary>
    public static async Task SeedAsync(FazhiFactory app)
    {
        await app.WithDbAsync(async db =>
        {
            if (await db.EnforcementItems().IgnoreQueryFilters().AnyAsync(i => i.Code == "T-PEN"))
                return;
            var sfj = await db.OrgUnits.IgnoreQueryFilters().FirstAsync(o => o.Code == "371002-SFJ");
            var scjg = await db.OrgUnits.IgnoreQueryFilters().FirstAsync(o => o.Code == "371002-SCJG");
            var zhzf = await db.OrgUnits.IgnoreQueryFilters().FirstAsync(o => o.Code == "371002-ZHZF");
            db.EnforcementItems().AddRange(
                new EnforcementItem
                {
                    OrgUnitId = sfj.Id, Code = "T-PEN", Name = "销售不合格商品", Field = "市场监管", LegalBasis = "《产品质量法》第四十九条",
                    Benchmarks = [new DiscretionLevel { Level = "轻微", MinFen = 0, MaxFen = 200_000 }, new DiscretionLevel { Level = "一般", MinFen = 200_000, MaxFen = 1_000_000 }],
                },
                new EnforcementItem { OrgUnitId = sfj.Id, Code = "T-INS", Name = "食品经营检查", Field = "市场监管", LegalBasis = "《食品安全法》第一百一十条" });
            Officer O(int org, string name, string cert, DateOnly from, DateOnly to, CertificateStatus status = CertificateStatus.Valid, DateOnly? since = null) =>
                new() { OrgUnitId = org, Name = name, CertificateNumber = cert, IssuedOn = from, ExpiresOn = to, Status = status, StatusSince = since };
            db.Officers().AddRange(
                O(scjg.Id, "张执法", "C-A", new(2020, 1, 1), new(2030, 12, 31)),
                O(scjg.Id, "李执法", "C-B", new(2020, 1, 1), new(2030, 12, 31)),
                O(scjg.Id, "王过期", "C-EXP", new(2019, 1, 1), new(2023, 12, 31)),
                O(scjg.Id, "赵撤销", "C-REV", new(2019, 1, 1), new(2030, 12, 31), CertificateStatus.Revoked, new(2024, 3, 1)),
                O(zhzf.Id, "钱综合", "C-Z1", new(2020, 1, 1), new(2030, 12, 31)),
                O(zhzf.Id, "孙综合", "C-Z2", new(2020, 1, 1), new(2030, 12, 31)));
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A valid record; override what a test is about.</summary>
    public static Dictionary<string, object?> Record(string sourceId, string kind = "检查", string item = "T-INS", int enterprise = 1,
        string[]? officers = null, string opened = "2024-03-04", string? decided = null, string? closed = null, decimal? amount = null,
        string? circumstance = null, bool legalReview = false, bool major = false, string? published = null, bool lenient = false) => new()
    {
        ["sourceId"] = sourceId, ["kind"] = kind, ["itemCode"] = item,
        ["target"] = new { name = $"威海测试企业{enterprise}有限公司", creditCode = Credit(enterprise) },
        ["officers"] = officers ?? ["C-A", "C-B"], ["openedOn"] = opened, ["decidedOn"] = decided, ["closedOn"] = closed, ["amount"] = amount,
        ["circumstance"] = circumstance, ["legalReviewDone"] = legalReview, ["major"] = major, ["publishedOn"] = published, ["lenient"] = lenient,
    };

    public static async Task<JsonElement> PostBatchAsync(HttpClient client, IEnumerable<object> records, string? department = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/enforcement/records:batch" + (department is null ? "" : "?department=" + department), records);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<HttpResponseMessage> PostNdjsonAsync(HttpClient client, string ndjson) =>
        await client.PostAsync("/api/v1/enforcement/records:batch", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));

    /// <summary>The open warnings of one rule on the record with this sourceId, read as the bureau.</summary>
    public static async Task<List<JsonElement>> WarningsAsync(HttpClient bureau, string rule, string sourceId, string status = "all")
    {
        var page = await bureau.GetFromJsonAsync<JsonElement>($"/api/v1/enforcement/warnings?rule={rule}&q={Uri.EscapeDataString(sourceId)}&status={status}&pageSize=200");
        return [.. page.GetProperty("items").EnumerateArray().Where(w => w.GetProperty("subject").GetString() == sourceId)];
    }

    public static async Task<long> RecordIdAsync(FazhiFactory app, string sourceId)
    {
        long id = 0;
        await app.WithDbAsync(async (FazhiDb db) => id = await db.EnforcementRecords().IgnoreQueryFilters().Where(r => r.SourceId == sourceId).Select(r => r.Id).SingleAsync());
        return id;
    }
}
