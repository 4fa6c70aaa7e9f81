namespace Fazhi.Web.Modules.Enforcement.Features.Catalogue;

/// <summary>Registration of the Catalogue slice (services and endpoints).</summary>
internal static class CatalogueFeature
{
    public static IServiceCollection AddCatalogueFeature(this IServiceCollection services) => services;

    public static void MapCatalogueFeature(this RouteGroupBuilder group)
    {
        _ = group;
    }
}
