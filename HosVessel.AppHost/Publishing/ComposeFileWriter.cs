using System.Text;

namespace HosVessel.AppHost.Publishing;

/// <summary>
/// Writes <c>docker-compose.yaml</c> for docker compose v2 and docker-compose 1.29 alike: only keys both
/// accept (no <c>healthcheck.start_interval</c>, no top-level <c>include</c>).
/// </summary>
public static class ComposeFileWriter
{
    public const string FileName = "docker-compose.yaml";
    public const string DashboardService = "dashboard";
    public const string TelemetryProfile = "telemetry";
    public const int DashboardUiPort = 18888;
    public const int DashboardOtlpGrpcPort = 18889;

    /// <summary>The dashboard image pinned to the Aspire version the AppHost is built with.</summary>
    public static string DashboardImage
    {
        get
        {
            var version = typeof(DistributedApplication).Assembly.GetName().Version!;
            return $"mcr.microsoft.com/dotnet/aspire-dashboard:{version.Major}.{version.Minor}";
        }
    }

    public static string Write(DeploymentModel model)
    {
        var yaml = new StringBuilder();
        yaml.Append(GeneratedHeader.Lines("#"));
        yaml.Append("# Host-specific values and secrets come from .env next to this file (copy .env.example).\n");
        yaml.Append("services:\n");
        WriteWeb(yaml, model);
        yaml.Append('\n');
        WriteDashboard(yaml);
        return yaml.ToString();
    }

    private static void WriteWeb(StringBuilder yaml, DeploymentModel model)
    {
        yaml.Append($"  {model.ServiceName}:\n");
        yaml.Append("    build:\n");
        yaml.Append($"      context: {Quote(model.BuildContext)}\n");
        yaml.Append($"      dockerfile: {Quote(model.Dockerfile)}\n");
        yaml.Append($"    image: {Quote(model.ImageName)}\n");
        yaml.Append("    restart: unless-stopped\n");
        yaml.Append("    env_file: .env\n");
        yaml.Append("    environment:\n");
        foreach (var (name, value) in model.Environment)
        {
            yaml.Append($"      {name}: {Quote(EscapeInterpolation(value))}\n");
        }
        yaml.Append("    ports:\n");
        yaml.Append($"      - {Quote($"${{HOS_BIND:-0.0.0.0}}:${{HOS_PORT:-{DeploymentModel.DefaultHostPort}}}:{model.ContainerPort}")}\n");
        yaml.Append("    volumes:\n");
        yaml.Append($"      - {Quote(model.DatabaseFolderVolume)}\n");
        yaml.Append("    healthcheck:\n");
        // Our own command calls /health, so the image needs neither curl nor wget.
        yaml.Append("      test: [\"CMD\", \"dotnet\", \"HosVessel.Web.dll\", \"healthcheck\"]\n");
        yaml.Append("      interval: 30s\n");
        yaml.Append("      timeout: 10s\n");
        yaml.Append("      retries: 3\n");
        yaml.Append("      start_period: 30s\n");
        WriteLogging(yaml);
    }

    private static void WriteDashboard(StringBuilder yaml)
    {
        yaml.Append($"  {DashboardService}:\n");
        yaml.Append($"    image: {Quote(DashboardImage)}\n");
        yaml.Append($"    profiles: [{Quote(TelemetryProfile)}]\n");
        yaml.Append("    restart: unless-stopped\n");
        yaml.Append("    ports:\n");
        // The UI shows every request and log line: reachable from the mini PC itself only (ssh -L to view).
        yaml.Append($"      - {Quote($"127.0.0.1:{DashboardUiPort}:{DashboardUiPort}")}\n");
        yaml.Append("    expose:\n");
        yaml.Append($"      - {Quote(DashboardOtlpGrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture))}\n");
        WriteLogging(yaml);
    }

    // A mini PC's disk must not fill with container logs.
    private static void WriteLogging(StringBuilder yaml)
    {
        yaml.Append("    logging:\n");
        yaml.Append("      driver: json-file\n");
        yaml.Append("      options:\n");
        yaml.Append("        max-size: \"10m\"\n");
        yaml.Append("        max-file: \"3\"\n");
    }

    /// <summary>Compose would expand <c>$NAME</c> in a model value; <c>$$</c> keeps it literal.</summary>
    private static string EscapeInterpolation(string value) => value.Replace("$", "$$", StringComparison.Ordinal);

    /// <summary>A YAML double-quoted scalar.</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var character in value)
        {
            quoted.Append(character switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(character) => $"\\u{(int)character:x4}",
                _ => character.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
