namespace HosVessel.Web.Data;

/// <summary>
/// Brings the schema up to date before the app serves its first request, then runs the
/// registered <see cref="IDatabaseInitializer"/>s (bootstrap admin, legacy import, seeding) in order.
/// </summary>
public sealed class DatabaseMigrationService(
    Database database,
    IEnumerable<IDatabaseInitializer> initializers,
    ILogger<DatabaseMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = database.Migrate();
        logger.LogInformation("Database {Path} is at schema version {Version}", database.FilePath, version);
        foreach (var initializer in initializers.OrderBy(i => i.Order))
        {
            await initializer.InitializeAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Work that needs a migrated database and must finish before the app serves requests.</summary>
public interface IDatabaseInitializer
{
    /// <summary>Lower runs first: legacy import (10) before the admin bootstrap (20) before dev seeding (30).</summary>
    int Order { get; }

    Task InitializeAsync(CancellationToken cancellationToken);
}
