using Aspire.Hosting.Lifecycle;

namespace HosVessel.AppHost.Sqlite;

public static class SqliteResourceBuilderExtensions
{
    public const string ResourceType = "SQLite";

    /// <summary>The database path inside the web container, where the compose file mounts the data volume.</summary>
    public const string ContainerDatabasePath = "/app/data/hosvessel.db";

    /// <summary>
    /// Adds a SQLite file at <paramref name="runModePath"/> when run locally, and at
    /// <see cref="ContainerDatabasePath"/> in everything that is published.
    /// </summary>
    public static IResourceBuilder<SqliteDatabaseResource> AddSqliteDatabase(
        this IDistributedApplicationBuilder builder, string name, string runModePath)
    {
        var path = builder.ExecutionContext.IsPublishMode ? ContainerDatabasePath : Path.GetFullPath(runModePath);
        var resource = new SqliteDatabaseResource(name, path);

        builder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            // The app creates and migrates the file; the folder must exist first so it can.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return Task.CompletedTask;
        });

        return builder.AddResource(resource)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = ResourceType,
                State = KnownResourceStates.Running,
                Properties = [new ResourcePropertySnapshot(CustomResourceKnownProperties.Source, path), new("path", path)],
            })
            .WithManifestPublishingCallback(context =>
            {
                context.Writer.WriteString("type", "sqlite.database.v0");
                context.Writer.WriteString("connectionString", $"Data Source={ContainerDatabasePath}");
                context.Writer.WriteString("path", ContainerDatabasePath);
                context.Writer.WriteString("volume", Path.GetDirectoryName(ContainerDatabasePath));
            });
    }
}
