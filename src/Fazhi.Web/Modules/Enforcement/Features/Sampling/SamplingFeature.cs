namespace Fazhi.Web.Modules.Enforcement.Features.Sampling;

/// <summary>Registration of the Sampling slice (services and endpoints).</summary>
internal static class SamplingFeature
{
    public static IServiceCollection AddSamplingFeature(this IServiceCollection services) => services;

    public static void MapSamplingFeature(this RouteGroupBuilder group)
    {
        _ = group;
    }
}
