using System.Globalization;
using HosVessel.Web;
using YamlDotNet.Serialization;

namespace HosVessel.AppHost.Publishing;

/// <summary>
/// Writes <c>docker-compose.yaml</c> and the optional <c>docker-compose.proxy.yaml</c> overlay for docker compose v2
/// and docker-compose 1.29 alike: only keys both accept (no <c>name:</c>, no <c>healthcheck.start_interval</c>,
/// no <c>include</c>, no <c>!reset</c>).
/// </summary>
public static class ComposeFileWriter
{
    public const string FileName = "docker-compose.yaml";
    public const string ProxyOverlayFileName = "docker-compose.proxy.yaml";
    public const string DashboardService = "dashboard";
    public const string TelemetryProfile = "telemetry";
    public const int DashboardUiPort = 18888;
    public const int DashboardOtlpGrpcPort = 18889;

    /// <summary>The compose network name of the proxy network, inside the files; the real name comes from .env.</summary>
    public const string ProxyNetwork = "proxy";

    /// <summary>The dashboard image pinned to the Aspire version the AppHost is built with.</summary>
    public static string DashboardImage
    {
        get
        {
            var version = typeof(DistributedApplication).Assembly.GetName().Version!;
            return $"mcr.microsoft.com/dotnet/aspire-dashboard:{version.Major}.{version.Minor}";
        }
    }

    // Strings that YAML would read as numbers or booleans ("5000", "false") are quoted; the rest stay plain.
    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .Build();

    public static string Write(DeploymentModel model) =>
        GeneratedHeader.Lines("#") +
        "# Host-specific values and secrets come from .env next to this file (copy .env.example).\n" +
        Yaml.Serialize(new Map
        {
            ["services"] = new Map
            {
                [model.ServiceName] = Web(model),
                [DashboardService] = Dashboard(),
            },
        });

    /// <summary>
    /// Joins the web service to the network a containerised Caddy is on, so Caddy reaches it by its alias
    /// without a published port. Used through <c>COMPOSE_FILE</c> in .env (see .env.example).
    /// </summary>
    public static string WriteProxyOverlay(DeploymentModel model) =>
        GeneratedHeader.Lines("#") +
        $"# Only with Caddy in a container: set {DeploymentModel.ProxyNetworkVariable} and COMPOSE_FILE in .env (see .env.example).\n" +
        Yaml.Serialize(new Map
        {
            ["services"] = new Map
            {
                [model.ServiceName] = new Map
                {
                    ["networks"] = new Map
                    {
                        // Listed, or the service would leave the default network (and the dashboard) behind.
                        ["default"] = new Map(),
                        [ProxyNetwork] = new Map { ["aliases"] = new[] { DeploymentModel.ProxyAlias } },
                    },
                },
            },
            ["networks"] = new Map
            {
                [ProxyNetwork] = new Map
                {
                    ["external"] = true,
                    ["name"] = $"${{{DeploymentModel.ProxyNetworkVariable}:?set {DeploymentModel.ProxyNetworkVariable} in .env to the network Caddy's container is on}}",
                },
            },
        });

    private static Map Web(DeploymentModel model)
    {
        var environment = new Map();
        foreach (var (name, value) in model.Environment)
        {
            environment[name] = EscapeInterpolation(value);
        }
        return new Map
        {
            ["build"] = new Map { ["context"] = model.BuildContext, ["dockerfile"] = model.Dockerfile },
            ["image"] = model.ImageName,
            ["restart"] = "unless-stopped",
            ["env_file"] = ".env",
            ["environment"] = environment,
            ["ports"] = new[] { $"${{HOS_BIND:-0.0.0.0}}:${{HOS_PORT:-{DeploymentModel.DefaultHostPort}}}:{model.ContainerPort}" },
            ["volumes"] = new[] { model.DataFolderVolume, model.BackupFolderVolume },
            ["healthcheck"] = new Map
            {
                // Our own command calls /health, so the image needs neither curl nor wget.
                ["test"] = new[] { "CMD", "dotnet", DeploymentContract.AssemblyFileName, DeploymentContract.HealthCheckCommand },
                ["interval"] = "30s",
                ["timeout"] = "10s",
                ["retries"] = 3,
                ["start_period"] = "30s",
            },
            ["logging"] = Logging(),
        };
    }

    private static Map Dashboard() => new()
    {
        ["image"] = DashboardImage,
        ["profiles"] = new[] { TelemetryProfile },
        ["restart"] = "unless-stopped",
        // The UI shows every request and log line: reachable from the mini PC itself only (ssh -L to view).
        ["ports"] = new[] { $"127.0.0.1:{DashboardUiPort}:{DashboardUiPort}" },
        ["expose"] = new[] { DashboardOtlpGrpcPort.ToString(CultureInfo.InvariantCulture) },
        ["logging"] = Logging(),
    };

    // A mini PC's disk must not fill with container logs.
    private static Map Logging() => new()
    {
        ["driver"] = "json-file",
        ["options"] = new Map { ["max-size"] = "10m", ["max-file"] = "3" },
    };

    /// <summary>Compose would expand <c>$NAME</c> in a model value; <c>$$</c> keeps it literal.</summary>
    private static string EscapeInterpolation(string value) => value.Replace("$", "$$", StringComparison.Ordinal);

    /// <summary>A YAML mapping written in insertion order.</summary>
    private sealed class Map : OrderedDictionary<string, object>;
}
