using HosVessel.Web.Data;

namespace HosVessel.Web.Legacy;

public static class LegacyExtensions
{
    public static IHostApplicationBuilder AddLegacyImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LegacyImporter>();
        builder.Services.AddSingleton<IDatabaseInitializer, LegacyCutover>();
        return builder;
    }
}
