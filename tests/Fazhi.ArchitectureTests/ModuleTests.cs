using System.Text.RegularExpressions;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Modules;
using Fazhi.Web.Modules;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace Fazhi.ArchitectureTests;

/// <summary>ADR 0004 as allow-lists: what a module may use, what its Domain and Rules may not, its declared table prefix,
/// and which files may step outside the data-scope filter.</summary>
public sealed partial class ModuleTests
{
    private static readonly System.Reflection.Assembly Web = typeof(FazhiDb).Assembly;

    private static IReadOnlyList<ModuleManifest> Manifests => [.. FazhiModules.All.Select(m => m.Manifest)];

    /// <summary>Every Fazhi namespace in the assembly, so "only these" can be checked as "none of the rest".</summary>
    private static IReadOnlyList<string> FazhiNamespaces() =>
        [.. Web.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith("Fazhi.Web", StringComparison.Ordinal)).Distinct()];

    private static bool Allowed(string module, string ns) =>
        ns.StartsWith("Fazhi.Web.Kernel", StringComparison.Ordinal)
        || ns == "Fazhi.Web.Data"
        || ns == module || ns.StartsWith(module + ".", StringComparison.Ordinal)
        || (ns.StartsWith("Fazhi.Web.Modules.", StringComparison.Ordinal) && (ns.EndsWith(".Contracts", StringComparison.Ordinal) || ns.Contains(".Contracts.", StringComparison.Ordinal)));

    /// <summary>NetArchTest matches namespaces by prefix, so a forbidden namespace that is the parent of an allowed one
    /// (<c>Fazhi.Web</c>, <c>Fazhi.Web.Modules</c>) is forbidden type by type.</summary>
    private static string[] Forbidden(string module)
    {
        var all = FazhiNamespaces();
        var allowed = all.Where(ns => Allowed(module, ns)).ToList();
        return [.. all.Where(ns => !Allowed(module, ns)).SelectMany(ns => allowed.Any(a => a.StartsWith(ns + ".", StringComparison.Ordinal))
            ? Web.GetTypes().Where(t => t.Namespace == ns && !t.Name.Contains('<', StringComparison.Ordinal)).Select(t => t.FullName!)
            : [ns])];
    }

    [GeneratedRegex(@"^Modules_(\w+?)_")]
    private static partial Regex CompiledViewOfModule();

    [Fact]
    public void A_module_uses_only_the_kernel_the_context_and_other_modules_contracts_views_included()
    {
        Manifests.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var m in Manifests)
        {
            var forbidden = Forbidden(m.Namespace);
            forbidden.ShouldContain(typeof(FazhiModules).FullName!); // the composition root is not for modules
            forbidden.ShouldContain("Fazhi.Web.Data.Migrations.Sqlite"); // nor the migrations
            var code = Types.InAssembly(Web).That().ResideInNamespace(m.Namespace).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            code.IsSuccessful.ShouldBeTrue($"{m.Name}: {string.Join(", ", code.FailingTypeNames ?? [])}");

            // Compiled Razor views live in AspNetCoreGeneratedDocument, named after their path (Modules_Enforcement_Pages_Index).
            var folder = m.Namespace.Split('.').Last();
            var views = Web.GetTypes().Where(t => t.Namespace == "AspNetCoreGeneratedDocument" &&
                CompiledViewOfModule().Match(t.Name) is { Success: true } v && v.Groups[1].Value == folder).Select(t => t.FullName!).ToArray();
            views.ShouldNotBeEmpty($"{m.Name} has no compiled views? The naming of generated view types has changed.");
            var viewResult = Types.InAssembly(Web).That().HaveNameStartingWith($"Modules_{folder}_").And().ResideInNamespace("AspNetCoreGeneratedDocument")
                .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            viewResult.IsSuccessful.ShouldBeTrue($"{m.Name} views: {string.Join(", ", viewResult.FailingTypeNames ?? [])}");
        }
    }

    [Fact]
    public void Domain_and_rules_hold_no_ef_http_or_database_types()
    {
        foreach (var m in Manifests)
            foreach (var part in new[] { "Domain", "Rules" })
            {
                var ns = $"{m.Namespace}.{part}";
                var result = Types.InAssembly(Web).That().ResideInNamespace(ns)
                    .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "Microsoft.Data.Sqlite",
                        "System.Data", "Fazhi.Web.Data").GetResult();
                result.IsSuccessful.ShouldBeTrue($"{ns}: {string.Join(", ", result.FailingTypeNames ?? [])}");
            }
    }

    [Fact]
    public void Every_table_of_a_module_carries_the_prefix_its_manifest_declares_and_prefixes_are_unique()
    {
        var model = new SqliteFazhiDb(new DbContextOptionsBuilder<SqliteFazhiDb>().UseSqlite("Data Source=:memory:").Options,
            SystemActor.Instance, TimeProvider.System).Model;
        var manifests = Manifests.Append(ModuleRegistration.PlatformManifest).ToList();
        manifests.Select(m => m.TablePrefix).ShouldBeUnique();
        manifests.Select(m => m.Code).ShouldBeUnique();
        foreach (var entity in model.GetEntityTypes().Where(t => !t.IsOwned()))
        {
            var ns = entity.ClrType.Namespace ?? "";
            var owner = Manifests.FirstOrDefault(m => ns == m.Namespace || ns.StartsWith(m.Namespace + ".", StringComparison.Ordinal))
                ?? ModuleRegistration.PlatformManifest;
            entity.GetTableName()!.ShouldStartWith(owner.TablePrefix, customMessage: $"{entity.ClrType.Name} belongs to {owner.Name}");
        }
    }

    [Fact]
    public void Every_module_class_is_listed_once()
    {
        var classes = Web.GetTypes().Where(t => typeof(IFazhiModule).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        FazhiModules.All.Select(m => m.GetType()).ShouldBe(classes, ignoreOrder: true);
        foreach (var m in FazhiModules.All)
            m.GetType().Namespace.ShouldBe(m.Manifest.Namespace);
    }

    /// <summary>The one file that may call <c>IgnoreQueryFilters</c>: the named bypasses of the data-scope filter.</summary>
    private const string BypassFile = "Kernel/Access/Unscoped.cs";

    /// <summary>The named bypasses (<see cref="Unscoped"/>'s methods), each documented there with when it is right.</summary>
    private static readonly string[] Bypasses = [.. typeof(Unscoped).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(m => m.Name).Distinct()];

    /// <summary>
    /// Stepping outside the data-scope filter is allowed only in these files, each with the named bypasses it may use and
    /// why. A new file that bypasses the filter, or a file that takes a bypass it was not reviewed for, fails here until it
    /// is reviewed and added; an entry a file no longer needs fails too, so the list stays the truth.
    /// </summary>
    private static readonly Dictionary<string, (string[] Uses, string Why)> ReviewedBypasses = new()
    {
        ["Data/FazhiDb.cs"] = ([nameof(Unscoped.WholeOrgTree)], "the write check reads the paths of the units a write touches"),
        ["Kernel/Orgs/OrgDirectory.cs"] = ([nameof(Unscoped.WholeOrgTree)], "the one lookup of units' names, codes and paths"),
        ["Kernel/Orgs/OrgService.cs"] = ([nameof(Unscoped.WholeOrgTree), nameof(Unscoped.ForUniquenessCheck)], "a moved unit's subtree; 机构代码 unique on the platform"),
        ["Kernel/Audit/AuditService.cs"] = ([nameof(Unscoped.WholeOrgTree)], "the unit's name in the log's row projection"),
        ["Kernel/DemoSeeder.cs"] = ([nameof(Unscoped.ForSystemJob)], "seeding: is there a tree yet, which demo units exist"),
        ["Kernel/Orgs/DemoCommunities.cs"] = ([nameof(Unscoped.ForSystemJob)], "demo seeding: which demo communities and towns exist"),
        ["Kernel/Messages/Messages.cs"] = ([nameof(Unscoped.ForJointWork)], "reminders reach approvers at or above the record's unit"),
        ["Modules/Reconsideration/Features/ReconCaseService.cs"] = ([nameof(Unscoped.ForUniquenessCheck)], "a new 案号 skips numbers any unit's import used"),
        ["Modules/Reconsideration/Features/LitigationService.cs"] = ([nameof(Unscoped.ForUniquenessCheck), nameof(Unscoped.ForSystemJob)],
            "a court's 案号 is one suit on the platform; 答辩 deadlines recomputed after a holiday notice"),
        ["Modules/Reconsideration/Features/Public/PublicReconService.cs"] = ([nameof(Unscoped.ForSystemJob)],
            "the public has no scope: a case found by 案号 only when its 查询码 matches; decisions published by law (第七十九条)"),
        ["Modules/Reconsideration/Import/LedgerImporter.cs"] = ([nameof(Unscoped.ForUniquenessCheck)], "案号 and 法院案号 unique on the platform"),
        ["Modules/Enforcement/Features/Catalogue/CatalogueService.cs"] = ([nameof(Unscoped.ForUniquenessCheck), nameof(Unscoped.ForJointWork)],
            "事项编码 unique in its list; records of the departments below that use the item"),
        ["Modules/Enforcement/Features/Officers/OfficerService.cs"] = ([nameof(Unscoped.ForUniquenessCheck), nameof(Unscoped.ForSystemJob)],
            "执法证号 unique on the platform; the engine closes stale certificate warnings"),
        ["Modules/Enforcement/Features/Officers/OfficerSheet.cs"] = ([nameof(Unscoped.ForUniquenessCheck)], "执法证号 unique on the platform"),
        ["Modules/Enforcement/Features/EnforcementDemoData.cs"] = ([nameof(Unscoped.ForSystemJob)], "demo seeding"),
        ["Modules/LegalAid/Features/AidDemoData.cs"] = ([nameof(Unscoped.ForSystemJob)], "demo seeding"),
        ["Modules/Enforcement/Features/EnforcementContracts.cs"] = ([nameof(Unscoped.ForJointWork)], "a complaint's dedup for another module; names of items of the region above"),
        ["Modules/Enforcement/Features/Plans/JointInspectionService.cs"] = ([nameof(Unscoped.ForJointWork)], "a joint inspection's participants are other departments"),
        ["Modules/Enforcement/Features/Plans/PlanService.cs"] = ([nameof(Unscoped.ForJointWork), nameof(Unscoped.WholeOrgTree)],
            "the district's joint inspections a department's plans are in; the caller's own unit outside a narrowed scope"),
        ["Modules/Enforcement/Features/Records/RecordQueries.cs"] = ([nameof(Unscoped.ForJointWork)], "the name of a catalogue item of the region above"),
        ["Modules/Enforcement/Features/Sampling/ReviewTemplateService.cs"] = ([nameof(Unscoped.ForJointWork)], "draws of the units below that use a template"),
        ["Modules/Enforcement/Features/Sampling/SamplingService.cs"] = ([nameof(Unscoped.ForJointWork)], "a draw reviews records of the departments below, on a template from above"),
        ["Modules/Enforcement/Features/Warnings/WarningDeadlines.cs"] = ([nameof(Unscoped.ForSystemJob)], "warning deadlines recomputed after a holiday notice"),
        ["Modules/Enforcement/Features/Warnings/RuleContextQueries.cs"] = ([nameof(Unscoped.ForSystemJob)], "the rules judge a batch against every unit's records"),
        ["Modules/Enforcement/Features/Warnings/WarningEngine.cs"] = ([nameof(Unscoped.ForSystemJob)], "the rules judge a batch against every unit's records"),
        ["Modules/Enforcement/Import/RecordIngestion.cs"] = ([nameof(Unscoped.WholeOrgTree), nameof(Unscoped.ForJointWork)],
            "the sender's own unit and the regions above it; the catalogue published above"),
        ["Modules/Enforcement/Jobs/WarningSweep.cs"] = ([nameof(Unscoped.ForSystemJob)], "the daily warning sweep"),
        ["Modules/Legality/Features/LegalityDemoData.cs"] = ([nameof(Unscoped.ForSystemJob)], "demo seeding"),
        ["Modules/Legality/Features/LegalityPracticeDemoData.cs"] = ([nameof(Unscoped.ForSystemJob)], "demo seeding and the demo communities"),
        ["Modules/Legality/Features/LegalityPreviousYearDemoData.cs"] = ([nameof(Unscoped.ForSystemJob)], "demo seeding (last year's ledger, once, on the demo tree)"),
        ["Modules/Legality/Import/ContractImporter.cs"] = ([nameof(Unscoped.ForUniquenessCheck)], "the 台账 row a contract number would merge into (unit + 合同编号)"),
        ["Modules/Legality/Features/ContractService.cs"] = ([nameof(Unscoped.ForSystemJob)], "the contract timer's 站内消息 to the signing unit's users"),
        ["Modules/Legality/Features/DecisionService.cs"] = ([nameof(Unscoped.ForSystemJob), nameof(Unscoped.ForJointWork)],
            "the published 重大行政决策 目录 (公开 by law, anonymous caller); a department reads its region's catalog for the items it carries"),
        ["Modules/Legality/Features/LegalityQueries.cs"] = ([nameof(Unscoped.ForSystemJob)],
            "the public register of documents in force (公开 by law): an anonymous caller has no scope; published documents only"),
        ["Modules/Legality/Features/Office/OfficeService.cs"] = ([nameof(Unscoped.ForUniquenessCheck), nameof(Unscoped.ForJointWork), nameof(Unscoped.WholeOrgTree)],
            "a 工作要点 序号 is never given twice in the office's year; departments read the 考核指标 their district's office set (and its unit's path)"),
        ["Modules/Legality/Features/Office/OfficeDemoData.cs"] = ([nameof(Unscoped.ForSystemJob)], "demo seeding"),
        ["Modules/Legality/Features/Office/OfficeEndpoints.cs"] = ([nameof(Unscoped.ForSystemJob)], "the timer sweep's expiry handlers read the task or 督察 whose deadline passed"),
        ["Modules/Mediation/Features/DisputeService.cs"] = ([nameof(Unscoped.ForUniquenessCheck)], "a committee's dispute number is never given twice"),
        ["Modules/Mediation/Features/MediationDemoData.cs"] = ([nameof(Unscoped.ForSystemJob)], "demo data: whether the module has data, and the demo org tree"),
        ["Modules/Hotline/Features/Disputes/DisputeService.cs"] = ([nameof(Unscoped.WholeOrgTree), nameof(Unscoped.ForUniquenessCheck)],
            "names of the departments a ruling names; the year's 裁定意见 numbers are unique per bureau"),
        ["Modules/Hotline/Features/Triage/TriageService.cs"] = ([nameof(Unscoped.WholeOrgTree)], "the names of candidate departments and the model's district"),
        ["Modules/Hotline/Features/Own/OwnTicketService.cs"] = ([nameof(Unscoped.WholeOrgTree), nameof(Unscoped.ForJointWork)],
            "unit names; the ticket text and a 会商 that named the unit responsible (潍坊条例 第二十二条), which may sit in the district's scope"),
        ["Modules/Hotline/Features/HotlineDemoData.cs"] = ([nameof(Unscoped.ForSystemJob)], "seeding the 12345 demo"),
        ["Modules/Hotline/Features/HotlineRulings.cs"] = ([nameof(Unscoped.WholeOrgTree)], "bureau and department names of the rulings counted"),
        ["Modules/Hotline/Features/Tickets/TicketIngestion.cs"] = ([nameof(Unscoped.WholeOrgTree), nameof(Unscoped.ForUniquenessCheck)],
            "the centre addresses every 街道 and department of its city; a re-sent ticket's stored district and open own tickets, checked against the caller's scope"),
    };

    private static string WebRoot()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Fazhi.Web"));
        Directory.Exists(root).ShouldBeTrue(root);
        return root;
    }

    /// <summary>Every source file of the web project (code and views), relative to it, with its text.</summary>
    private static IEnumerable<(string File, string Text)> Sources()
    {
        var root = WebRoot();
        return Directory.EnumerateFiles(root, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)));
    }

    [Fact]
    public void Only_the_named_bypasses_call_IgnoreQueryFilters()
    {
        var callers = Sources().Where(s => Regex.IsMatch(s.Text, @"\bIgnoreQueryFilters\(")).Select(s => s.File).ToList();
        callers.ShouldBe([BypassFile], $"IgnoreQueryFilters outside {BypassFile}: use a named bypass of Unscoped instead");
        Bypasses.ShouldBe([nameof(Unscoped.ForUniquenessCheck), nameof(Unscoped.ForSystemJob), nameof(Unscoped.ForJointWork), nameof(Unscoped.WholeOrgTree)],
            ignoreOrder: true, customMessage: "a new bypass is reviewed here and in the allow-list");
    }

    [Fact]
    public void Only_reviewed_files_step_outside_the_data_scope_filter_and_only_for_their_reasons()
    {
        var used = Sources().Where(s => s.File != BypassFile)
            .Select(s => (s.File, Uses: Bypasses.Where(b => Regex.IsMatch(s.Text, $@"\b{b}\(")).ToHashSet()))
            .Where(x => x.Uses.Count > 0).ToDictionary(x => x.File, x => x.Uses);
        var unreviewed = used.SelectMany(f => f.Value.Where(b => !ReviewedBypasses.TryGetValue(f.Key, out var r) || !r.Uses.Contains(b)).Select(b => $"{f.Key}: {b}")).ToList();
        unreviewed.ShouldBeEmpty(string.Join("\n", unreviewed));
        var stale = ReviewedBypasses.SelectMany(r => r.Value.Uses.Where(b => !used.TryGetValue(r.Key, out var u) || !u.Contains(b)).Select(b => $"{r.Key}: {b}")).ToList();
        stale.ShouldBeEmpty("listed but no longer used:\n" + string.Join("\n", stale));
        ReviewedBypasses.Values.ShouldAllBe(r => r.Why.Length > 0);
    }
}
