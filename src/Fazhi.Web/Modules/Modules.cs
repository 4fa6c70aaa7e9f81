using Fazhi.Web.Kernel.Modules;

namespace Fazhi.Web.Modules;

/// <summary>Every business line, once. A new module is one line here (plus its folder, migrations, tests and docs).</summary>
public static class FazhiModules
{
    public static IReadOnlyList<IFazhiModule> All { get; } =
    [
        new Reconsideration.ReconsiderationModule(),
        new Enforcement.EnforcementModule(),
        new LegalAid.LegalAidModule(),
        new Legality.LegalityModule(),
        new Mediation.MediationModule(),
        new Hotline.HotlineModule(),
    ];
}
