namespace Fazhi.Web.Kernel.Orgs;

public static class OrgLimits
{
    public const int CodeLength = 32;
    public const int NameLength = 64;
    /// <summary>Room for eight levels of 32-character codes.</summary>
    public const int PathLength = 300;
}
