using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Kernel.Modules;

/// <summary>
/// A business line (业务模块). <c>Modules/Modules.cs</c> lists every module once; the host calls <see cref="Add"/> and
/// <see cref="Map"/> for each, and the Kernel reads each module's <see cref="Manifest"/>: its permissions, roles, menu
/// and demo users. Everything else a module contributes (home-page figures, timers, demo data, calendar listeners,
/// metric sources) it registers in <see cref="Add"/> through the Kernel interfaces.
/// </summary>
public interface IFazhiModule
{
    ModuleManifest Manifest { get; }

    /// <summary>Registers the module's services (handlers, jobs, metric sources, demo data…).</summary>
    void Add(IServiceCollection services, IConfiguration config);

    /// <summary>Maps the module's API under <c>/api/v1</c>; every endpoint declares its permission.</summary>
    void Map(RouteGroupBuilder api);
}

/// <summary>What a module declares about itself, read by the Kernel (permission tree, role defaults, menu, demo users)
/// and by the architecture tests (table prefix).</summary>
public sealed record ModuleManifest
{
    /// <summary>Short code, the first segment of every permission code of the module (<c>recon</c>, <c>enforcement</c>).</summary>
    public required string Code { get; init; }

    /// <summary>中文名 (行政复议, 行政执法监督).</summary>
    public required string Name { get; init; }

    /// <summary>The prefix every table of the module carries (<c>recon_</c>); declared here once.</summary>
    public required string TablePrefix { get; init; }

    /// <summary>The CLR namespace that holds the module (its folder).</summary>
    public required string Namespace { get; init; }

    public IReadOnlyList<PermissionDef> Permissions { get; init; } = [];

    /// <summary>The module's own roles, with the permissions they hold by default.</summary>
    public IReadOnlyList<RoleDef> Roles { get; init; } = [];

    /// <summary>Permissions of this module granted by default to roles declared elsewhere (e.g. 局领导 approves).</summary>
    public IReadOnlyList<RoleGrant> Grants { get; init; } = [];

    public NavSection? Menu { get; init; }

    /// <summary>Demo users (示例账号); a username declared by several modules gets the union of their roles.</summary>
    public IReadOnlyList<DemoUserDef> DemoUsers { get; init; } = [];

    /// <summary>字典类型 the module uses (<c>code.name</c>), with default items seeded the first time the type is seen;
    /// administrators' later edits are kept.</summary>
    public IReadOnlyList<Dictionaries.DictTypeDef> Dictionaries { get; init; } = [];
}

/// <summary>A demo account: created with the demo org tree, password printed once.</summary>
public sealed record DemoUserDef(string Username, string DisplayName, string UnitCode, IReadOnlyList<string> Roles);
