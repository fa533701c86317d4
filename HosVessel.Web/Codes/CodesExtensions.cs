namespace HosVessel.Web.Codes;

public static class CodesExtensions
{
    public static IHostApplicationBuilder AddCodes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CodeStore>();
        return builder;
    }
}
