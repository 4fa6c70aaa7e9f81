namespace Fazhi.Web.Modules.Enforcement.Features.Plans;

/// <summary>Registration of the Plans slice (services and endpoints).</summary>
internal static class PlansFeature
{
    public static IServiceCollection AddPlansFeature(this IServiceCollection services) => services;

    public static void MapPlansFeature(this RouteGroupBuilder group)
    {
        _ = group;
    }
}
