using System.Collections.Concurrent;
using Dapper;
using HosVessel.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

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

    public LogCapture Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["ConnectionStrings:vessels"] = $"Data Source={AppDatabasePath}" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
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

public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public string Text => string.Join('\n', lines);

    public ILogger CreateLogger(string categoryName) => new Logger(lines);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
