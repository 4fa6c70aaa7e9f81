namespace Fazhi.Web.Modules.Enforcement.Features.Officers;

/// <summary>Registration of the Officers slice (services and endpoints).</summary>
internal static class OfficersFeature
{
    public static IServiceCollection AddOfficersFeature(this IServiceCollection services) => services;

    public static void MapOfficersFeature(this RouteGroupBuilder group)
    {
        _ = group;
    }
}
