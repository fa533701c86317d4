namespace HosVessel.AppHost.Publishing;

/// <summary>The "do not edit" line every generated file starts with, in the file's comment syntax.</summary>
public static class GeneratedHeader
{
    public const string RegenerateCommand =
        "dotnet run --project HosVessel.AppHost -- --operation publish --step publish --output-path ../aspire-manifest";

    public static string Lines(string commentPrefix) =>
        $"{commentPrefix} Generated from the HosVessel app model by the AppHost publish step. Do not edit; regenerate with:\n" +
        $"{commentPrefix}   {RegenerateCommand}\n";
}
