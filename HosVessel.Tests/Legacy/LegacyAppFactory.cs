using Dapper;
using HosVessel.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Testing;

namespace HosVessel.Tests.Legacy;

/// <summary>The app started on a data folder that already holds the standard old fleet's <c>vessel.db</c>.</summary>
public sealed class OldFleetFactory : LegacyAppFactory
{
    public OldFleetFactory()
        : base(null)
    {
        LegacyFleet.Create(LegacyPath);
        LegacySha256 = LegacyFleet.Sha256(LegacyPath);
    }

    public string LegacySha256 { get; }
}

/// <summary>
/// The app on <paramref name="dataFolder"/> (the caller fills and removes it, so restarts can share it),
/// or on the factory's own temp folder when null, with its log lines captured.
/// </summary>
public class LegacyAppFactory(string? dataFolder) : HosVesselFactory
{
    private readonly string? folder = dataFolder;

    public string Folder => folder ?? DataDirectory;

    public string LegacyPath => Path.Combine(Folder, "vessel.db");

    public string AppDatabasePath => Path.Combine(Folder, "hosvessel.db");

    public FakeLogCollector Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["ConnectionStrings:vessels"] = $"Data Source={AppDatabasePath}" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.CaptureLogs(Logs);
    }

    public T Query<T>(string sql)
    {
        _ = Server;
        using var connection = new SqliteConnection($"Data Source={AppDatabasePath};Pooling=False");
        return connection.QuerySingle<T>(sql);
    }

    public void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={AppDatabasePath};Pooling=False");
        connection.Execute(sql);
    }
}
