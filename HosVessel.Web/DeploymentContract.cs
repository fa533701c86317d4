namespace HosVessel.Web;

/// <summary>
/// The names the app and its deployment files must agree on. The AppHost compiles this same file
/// (linked, not referenced) when it writes the compose file, <c>.env.example</c> and the Caddy files,
/// so renaming a setting here renames it on both sides.
/// </summary>
internal static class DeploymentContract
{
    public const string AssemblyFileName = "HosVessel.Web.dll";

    /// <summary>The command the container healthcheck runs: <c>dotnet HosVessel.Web.dll healthcheck</c>.</summary>
    public const string HealthCheckCommand = "healthcheck";

    public const string HealthPath = "/health";

    public const string ImportLegacyCommand = "import-legacy";

    /// <summary>The uid:gid of the container image's non-root <c>app</c> user; a bind-mounted folder must be owned by it.</summary>
    public const string ContainerUser = "1654:1654";

    /// <summary>Kestrel's port setting; the healthcheck command reads it too.</summary>
    public const string HttpPortsVariable = "ASPNETCORE_HTTP_PORTS";

    public const string ApiKeyVariable = "API_KEY";
    public const string AdminUsernameVariable = "ADMIN_USERNAME";
    public const string AdminPasswordVariable = "ADMIN_PASSWORD";

    /// <summary>Comma-separated CIDRs whose X-Forwarded-* headers the app believes.</summary>
    public const string TrustedNetworksVariable = "FORWARDED_TRUSTED_NETWORKS";

    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The <c>Backup:Directory</c> setting, as an environment variable.</summary>
    public const string BackupDirectoryVariable = "Backup__Directory";

    /// <summary>
    /// The line that starts the legacy import summary in the log and in the command's output: operators
    /// find the summary with <c>grep -A60 "HOSVESSEL-LEGACY-IMPORT"</c>, so it never changes.
    /// </summary>
    public const string LegacyImportMarker = "HOSVESSEL-LEGACY-IMPORT";
}
