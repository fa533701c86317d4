using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace HosVessel.Web.Data;

/// <summary>
/// The app's SQLite database. <see cref="Open"/> and <see cref="OpenAsync"/> give read-only connections; the one way
/// to change data is <see cref="WriteAsync{T}"/>, which waits for the write gate and runs the work in a transaction.
/// Each table's store is the only code that writes it (see <c>TableOwnerTests</c>). Every statement run on a
/// connection from here becomes a child span of the current activity, so a page view in the dashboard shows its SQL.
/// </summary>
public sealed class Database(string connectionString)
{
    public static readonly ActivitySource ActivitySource = new("HosVessel.Sqlite");

    private readonly string writableConnectionString = connectionString;

    /// <summary>Read-only: a connection opened with it cannot write, whatever it runs.</summary>
    public string ConnectionString { get; } =
        new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();

    public string FilePath { get; } = new SqliteConnectionStringBuilder(connectionString).DataSource;

    // SQLite has one writer at a time. Queueing writers here wakes the next one the moment the last
    // commits; left to the provider, SQLITE_BUSY is retried by sleeping, which gives bursts of pushes long tails.
    private readonly SemaphoreSlim writeGate = new(1, 1);

    /// <summary>
    /// Waits for this process's turn to write, opens a writable connection and a transaction, runs
    /// <paramref name="work"/> and commits, unless the work called <see cref="DatabaseWrite.Discard"/> or threw.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DatabaseWrite, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = new SqliteConnection(writableConnectionString);
            await connection.OpenAsync(cancellationToken);
            AttachTracing(connection);
            await using var transaction = connection.BeginTransaction();
            var write = new DatabaseWrite(connection, transaction);
            var result = await work(write);
            if (write.Discarded)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            else
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
            return result;
        }
        finally
        {
            writeGate.Release();
        }
    }

    public Task WriteAsync(Func<DatabaseWrite, Task> work, CancellationToken cancellationToken = default) =>
        WriteAsync(async write =>
        {
            await work(write);
            return true;
        }, cancellationToken);

    /// <summary>Brings the schema up to date (its own transactions, and the WAL switch, need a connection outside one).</summary>
    public int Migrate()
    {
        writeGate.Wait();
        try
        {
            using var connection = new SqliteConnection(writableConnectionString);
            connection.Open();
            return SchemaMigrator.Migrate(connection);
        }
        finally
        {
            writeGate.Release();
        }
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
