using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features.Actions;
using Fazhi.Web.Modules.Reconsideration.Rules;
using static Fazhi.IntegrationTests.Modules.ReconApi;

namespace Fazhi.IntegrationTests.Modules;

/// <summary>One action = one handler + its form, seen from outside: the API's documentation lists every action the state
/// machine allows, the case page shows each allowed action with the form its handler declares, and a refusal lands next
/// to the field it names.</summary>
public abstract class ReconActionTests(FazhiFactory app)
{
    /// <summary>The segments a client may post: every action the state machine allows from some state (not the registry
    /// itself, so a handler missing from the registry fails here too).</summary>
    private static List<string> SegmentsTheStateMachineAllows() =>
        [.. Enum.GetValues<CaseStatus>().SelectMany(CaseStateMachine.AllowedFrom).Distinct().Select(CaseActions.Segment)];

    [Fact]
    public async Task The_openapi_document_lists_every_action_segment_and_what_each_reads()
    {
        var client = await app.BrowserAsAsync("huancui");
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().ToList();
        var act = paths.Single(p => p.Name.StartsWith("/api/v1/reconsideration/cases/", StringComparison.Ordinal) && p.Name.EndsWith("/actions/{action}", StringComparison.Ordinal))
            .Value.GetProperty("post");
        var summary = act.GetProperty("summary").GetString()!;
        var description = act.GetProperty("description").GetString()!;
        var segments = SegmentsTheStateMachineAllows();
        segments.Count.ShouldBeGreaterThan(20);
        foreach (var s in segments)
        {
            summary.ShouldContain(s + "（", customMessage: $"summary misses {s}: {summary}");
            description.ShouldContain($"`{s}`", customMessage: $"description misses {s}");
        }
        summary.ShouldContain("record-opinion-reply（意见书反馈）"); // the hand-written list had stopped at assign
        description.ShouldContain("`days` 延长天数");
        description.ShouldContain("`decisionType` 决定类型（维持/驳回复议请求/驳回申请/变更/撤销/部分撤销/确认违法/责令履行/确认无效）");
        description.ShouldContain("`decisionMode` 决定方式（第六十一条）（负责人同意/集体讨论）");

        var submit = paths.Single(p => p.Name.EndsWith("/cases/{id}/approvals", StringComparison.Ordinal)).Value.GetProperty("post");
        submit.GetProperty("summary").GetString().ShouldBe("呈报：受理（accept）、延期（extend）、作出决定（decide），附该操作的参数");
    }

    [Fact]
    public async Task The_case_page_shows_each_allowed_action_with_the_form_its_handler_declares()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("表单申请人", "2024-04-01T09:00:00"));
        await ActAsync(staff, c.Id(), "accept", new { on = "2024-04-02" });
        var browser = await app.BrowserAsAsync("huancui");
        var page = await browser.GetStringAsync($"/reconsideration/cases/{c.Id()}");
        var allowed = CaseStateMachine.AllowedFrom(CaseStatus.Hearing).ToList();
        allowed.ShouldContain(CaseAction.Extend);
        foreach (var a in allowed)
        {
            page.ShouldContain($"<summary>{CaseStateMachine.NameOf(a)}</summary>");
            page.ShouldContain($"<input type=\"hidden\" name=\"action\" value=\"{CaseActions.Segment(a)}\" />");
            foreach (var f in CaseActions.Find(a)!.Form(new ReconRulesOptions()))
            {
                page.ShouldContain($"<label>{f.Label}", customMessage: $"{a}: label {f.Label}");
                page.ShouldContain($"name=\"{f.Name}\"", customMessage: $"{a}: field {f.Name}");
            }
        }
        page.ShouldContain("<input type=\"number\" name=\"Days\" min=\"1\" max=\"30\" required=\"required\" />");
        page.ShouldNotContain("<summary>通知补正</summary>"); // the state machine decides what is offered: 审理中 is past 补正
        page.ShouldNotContain("<summary>送达</summary>");
    }

    [Fact]
    public async Task A_refusal_is_shown_next_to_the_field_it_names()
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("补正申请人", "2024-04-01T09:00:00"));
        var refused = await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/actions/request-correction", new { on = "2024-04-02" });
        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "note");

        var browser = await app.BrowserAsAsync("huancui");
        var page = await browser.GetStringAsync($"/reconsideration/cases/{c.Id()}");
        var answer = await browser.PostAsync($"/reconsideration/cases/{c.Id()}?handler=Act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "request-correction", ["On"] = "2024-04-02", ["ReceivedOn"] = "2024-04-03", ["Note"] = " ",
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(page),
        }));
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await answer.Content.ReadAsStringAsync();
        var form = html[html.IndexOf("value=\"request-correction\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        form.ShouldContain("<div class=\"field-error\">请写明需要补正的全部事项（补正通知应一次性载明）</div>"); // under 需补正的全部事项
        html.ShouldContain("<details open=\"open\">");

        // 联系当事人 has no date field: a refused action date is still shown in its form, not lost.
        var contact = await browser.PostAsync($"/reconsideration/cases/{c.Id()}?handler=Act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "record-contact", ["On"] = "2999-01-01", ["Note"] = "电话",
            ["__RequestVerificationToken"] = CookieLogin.AntiforgeryToken(page),
        }));
        var contactHtml = await contact.Content.ReadAsStringAsync();
        var contactForm = contactHtml[contactHtml.IndexOf("value=\"record-contact\"", StringComparison.Ordinal)..];
        contactForm[..contactForm.IndexOf("</form>", StringComparison.Ordinal)].ShouldContain("日期不能晚于今天");
    }

    [Theory]
    [InlineData("receive")]       // 收到申请 is the intake, not an action on a case
    [InlineData("deem-accept")]   // 视为受理 is the timer's
    [InlineData("4")]             // an enum's number is not a segment
    [InlineData("no-such-action")]
    public async Task Segments_no_handler_answers_are_not_found(string segment)
    {
        var staff = await app.ApiAsAsync("huancui");
        var c = await CreateAsync(staff, Intake("未知操作" + segment, "2024-04-01T09:00:00"));
        var response = await staff.PostAsJsonAsync($"/api/v1/reconsideration/cases/{c.Id()}/actions/{segment}", new { on = "2024-04-02" });
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/reconsideration/cases/{c.Id()}")).GetProperty("statusName").GetString().ShouldBe("审查中");
    }
}

public sealed class ReconActionTestsOnSqlite(SqliteFactory app) : ReconActionTests(app), IClassFixture<SqliteFactory>;

public sealed class ReconActionTestsOnPostgres(PostgresFactory app) : ReconActionTests(app), IClassFixture<PostgresFactory>;
