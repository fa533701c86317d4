using HosVessel.AppHost.Sqlite;

namespace HosVessel.AppHost.Publishing;

/// <summary>What the deployment files need from the app model, resolved to plain strings.</summary>
/// <param name="ServiceName">The compose service (the web resource's name).</param>
/// <param name="BuildContext">The build context, relative to the output folder (the repository root).</param>
/// <param name="Dockerfile">The web project's Dockerfile, relative to <paramref name="BuildContext"/>.</param>
/// <param name="ContainerPort">The port the app listens on inside the container.</param>
/// <param name="DataFolder">The container folder holding the SQLite file; the data bind mount targets it.</param>
/// <param name="Environment">The web container's environment, in model order.</param>
public sealed record DeploymentModel(
    string ServiceName,
    string BuildContext,
    string Dockerfile,
    int ContainerPort,
    string DataFolder,
    IReadOnlyList<KeyValuePair<string, string>> Environment)
{
    /// <summary>The port the old Flask app used; Uptime Kuma and bookmarks expect it on the host.</summary>
    public const int DefaultHostPort = 5000;

    public const string TimeZone = "Asia/Seoul";

    /// <summary>Caddy's route id, used by the script to find the route again.</summary>
    public const string RouteId = "hosvessel";

    /// <summary>The container folder the backups go to; <c>HOS_BACKUP_DIR</c> (another disk, a NAS) is mounted there.</summary>
    public const string BackupFolder = "/app/backups";

    /// <summary>The .env variable naming the external Docker network a containerised Caddy is on.</summary>
    public const string ProxyNetworkVariable = "HOS_PROXY_NETWORK";

    /// <summary>The web service's name on the proxy network: specific enough not to clash with other stacks' "web".</summary>
    public const string ProxyAlias = "hosvessel";

    public string ImageName => $"hosvessel-{ServiceName}:latest";

    public string DataFolderVolume => $"${{HOS_DATA_DIR:-../data}}:{DataFolder}";

    public string BackupFolderVolume => $"${{HOS_BACKUP_DIR:-../data/backups}}:{BackupFolder}";

    /// <summary>Reads the model: the (single) project resource and the SQLite resource it references.</summary>
    public static async Task<DeploymentModel> ReadAsync(
        DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext,
        string repositoryRoot, string outputDirectory, CancellationToken cancellationToken)
    {
        var project = model.Resources.OfType<ProjectResource>().Single();
        var database = model.Resources.OfType<SqliteDatabaseResource>().Single();
        var projectDirectory = Path.GetDirectoryName(project.GetProjectMetadata().ProjectPath)!;
        var endpoint = project.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http");
        var containerPort = endpoint.TargetPort
            ?? throw new InvalidOperationException("The web resource's http endpoint has no target port in publish mode.");

        var environment = await ContainerEnvironment.ResolveAsync(project, executionContext, containerPort, cancellationToken);

        return new DeploymentModel(
            ServiceName: project.Name.ToLowerInvariant(),
            BuildContext: RelativeUnixPath(outputDirectory, repositoryRoot),
            Dockerfile: RelativeUnixPath(repositoryRoot, Path.Combine(projectDirectory, "Dockerfile")),
            ContainerPort: containerPort,
            DataFolder: Path.GetDirectoryName(database.DatabasePath)!.Replace('\\', '/'),
            Environment: environment);
    }

    private static string RelativeUnixPath(string from, string to) =>
        Path.GetRelativePath(from, to).Replace('\\', '/');
}
