namespace HosVessel.Web.Vessels;

public static class VesselsExtensions
{
    public static IHostApplicationBuilder AddVessels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<VesselStore>();
        builder.Services.AddSingleton<VesselImporter>();
        builder.Services.ConfigureAll<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(options => options.AddSchemaTransformer(VesselsApi.DescribeVesselAsync));
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton<Data.IDatabaseInitializer, DevelopmentVesselSeeder>();
        }
        return builder;
    }
}
