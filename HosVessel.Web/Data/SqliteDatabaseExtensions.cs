using Microsoft.Data.Sqlite;

namespace HosVessel.Web.Data;

/// <summary>
/// The SQLite client integration: reads <c>ConnectionStrings:{name}</c>, checks the data folder,
/// and registers <see cref="Database"/>, its health check and the startup migration.
/// </summary>
public static class SqliteDatabaseExtensions
{
    private const string DevelopmentFallback = "Data Source=data/hosvessel.db";

    public static IHostApplicationBuilder AddSqliteDatabase(this IHostApplicationBuilder builder, string connectionName)
    {
        var configured = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new DataFolderException(
                    $"ConnectionStrings:{connectionName} is not set. Set ConnectionStrings__{connectionName}, " +
                    "for example \"Data Source=/app/data/hosvessel.db\".");
            }
            configured = DevelopmentFallback;
        }

        var database = new Database(Normalise(configured, builder.Environment));
        DataFolder.EnsureUsable(database.FilePath, createIfMissing: builder.Environment.IsDevelopment());

        builder.Services.AddSingleton(database);
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    // Relative paths are resolved against the content root, not the process's working directory.
    private static string Normalise(string connectionString, IHostEnvironment environment)
    {
        var settings = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(settings.DataSource) || settings.DataSource == ":memory:")
        {
            throw new DataFolderException("The vessels connection string needs a file path in Data Source.");
        }
        settings.DataSource = Path.GetFullPath(settings.DataSource, environment.ContentRootPath);
        settings.ForeignKeys = true;
        settings.Pooling = true;
        settings.Mode = SqliteOpenMode.ReadWriteCreate;
        settings.DefaultTimeout = 30;
        return settings.ToString();
    }
}
