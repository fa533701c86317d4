using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace HosVessel.Web.Data;

/// <summary>
/// Opens connections to the app's SQLite database. Every statement run on a connection from
/// here becomes a child span of the current activity, so a page view in the dashboard shows its SQL.
/// </summary>
public sealed class Database(string connectionString)
{
    public static readonly ActivitySource ActivitySource = new("HosVessel.Sqlite");

    public string ConnectionString { get; } = connectionString;

    public string FilePath { get; } = new SqliteConnectionStringBuilder(connectionString).DataSource;

    // SQLite has one writer at a time. Queueing writers here wakes the next one the moment the last
    // commits; left to the provider, SQLITE_BUSY is retried by sleeping, which gives bursts of pushes long tails.
    private readonly SemaphoreSlim writeGate = new(1, 1);

    /// <summary>Waits for this process's turn to write; dispose the lease after the commit.</summary>
    public async Task<WriteLease> EnterWriteAsync(CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken);
        return new WriteLease(writeGate);
    }

    public readonly struct WriteLease(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        AttachTracing(connection);
        return connection;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        AttachTracing(connection);
        return connection;
    }

    // SQLite reports each finished statement with its elapsed time; registering per open is
    // cheap and survives pooling because the native handle keeps the last callback.
    private static void AttachTracing(SqliteConnection connection) =>
        raw.sqlite3_profile(connection.Handle, OnStatementProfiled, null);

    private static readonly delegate_profile OnStatementProfiled = (_, sql, nanoseconds) =>
    {
        if (Activity.Current is null || !ActivitySource.HasListeners())
        {
            return;
        }
        var statement = sql.utf8_to_string();
        // The provider re-sends this on every pooled open; a span for it would bury the real queries.
        if (statement.StartsWith("PRAGMA foreign_keys", StringComparison.Ordinal))
        {
            return;
        }
        var elapsed = TimeSpan.FromTicks(nanoseconds / 100);
        var end = DateTimeOffset.UtcNow;
        using var activity = ActivitySource.StartActivity(
            SpanName(statement), ActivityKind.Client, parentContext: default, startTime: end - elapsed);
        if (activity is null)
        {
            return;
        }
        activity.SetTag("db.system.name", "sqlite");
        activity.SetTag("db.query.text", statement);
        activity.SetEndTime(end.UtcDateTime);
    };

    private static string SpanName(string statement)
    {
        var trimmed = statement.AsSpan().TrimStart();
        var space = trimmed.IndexOfAny(' ', '\n');
        var verb = space > 0 ? trimmed[..space] : trimmed;
        return $"{verb.ToString().ToUpperInvariant()} sqlite";
    }
}
