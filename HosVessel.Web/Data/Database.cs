using Microsoft.Data.Sqlite;

namespace HosVessel.Web.Data;

/// <summary>
/// Opens connections to the app's SQLite database. Every statement run on a connection from
/// here becomes a child span of the current recorded activity (<see cref="SqlTracing"/>), so a page
/// view in the dashboard shows its SQL.
/// </summary>
public sealed class Database(string connectionString)
{
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
        SqlTracing.Attach(connection);
        return connection;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        SqlTracing.Attach(connection);
        return connection;
    }
}
